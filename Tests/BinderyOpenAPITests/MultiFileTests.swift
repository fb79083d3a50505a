import BinderyOpenAPI
import TestExecutors
import Testing

@Suite(.computing) struct MultiFileTests {
    static let root = """
        openapi: 3.0.0
        info: {title: T, version: '1'}
        paths:
          /pets:
            $ref: 'paths/pets.yaml'
        components:
          schemas:
            Error:
              $ref: 'common/Error.yaml'
        """

    @Test func followsReferencesAcrossFiles() throws {
        let files = try TemporaryFiles([
            "api/main.yaml": Self.root,
            "api/paths/pets.yaml": """
            get:
              parameters:
                - $ref: '../common/parameters.yaml#/limit'
              responses:
                '200':
                  description: pets
                  content:
                    application/json:
                      schema: {type: array, items: {$ref: '../schemas/Pet.yaml#/Pet'}}
                default:
                  description: error
                  content:
                    application/json:
                      schema: {$ref: '../common/Error.yaml'}
            """,
            "api/common/parameters.yaml": "limit: {name: limit, in: query, schema: {type: integer, format: int32}}\n",
            "api/common/Error.yaml": "type: object\nproperties: {message: {type: string}}\n",
            "api/schemas/Pet.yaml":
                "Pet:\n  type: object\n  properties:\n    name: {type: string}\n    owner: {$ref: '#/Owner'}\nOwner: {type: object, properties: {name: {type: string}}}\n",
        ])
        let (document, _) = try OpenAPIReader.read(path: files.path("api/main.yaml"))
        let operation = try #require(document.operations.first)
        #expect(operation.parameters.first?.name == "limit")
        #expect(document.schemas.entries.map(\.id.nameHint) == ["Error", "Pet", "Owner"])
        let pet = try #require(document.schemas.entries.first { $0.id.nameHint == "Pet" })
        #expect(pet.id.file == files.path("api/schemas/Pet.yaml"))
        let error = try #require(document.schemas.entries.first?.id)
        #expect(operation.responses.last?.content.first?.schema?.ref == error)
    }

    @Test func pointsAtTheReferenceToAMissingFile() throws {
        let files = try TemporaryFiles(["main.yaml": Self.root, "common/Error.yaml": "type: object\n"])
        do {
            _ = try OpenAPIReader.read(path: files.path("main.yaml"))
            Issue.record("expected an error")
        } catch {
            #expect(error.location.file == files.path("main.yaml"))
            #expect(error.location.line == 5 && error.location.column == 11)
            #expect(error.message == "cannot read referenced file '\(files.path("paths/pets.yaml"))'")
        }
    }

    @Test func reportsAMissingRootFile() {
        do {
            _ = try OpenAPIReader.read(path: "/nonexistent/spec.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("/nonexistent/spec.yaml:1:1: error: cannot read file"))
        }
    }

    @Test func refusesRemoteReferences() {
        let error = readError(
            """
            openapi: 3.0.0
            info: {title: T, version: '1'}
            components:
              schemas:
                A: {$ref: 'https://example.com/a.yaml'}
            """
        )
        #expect(error?.location.line == 5 && error?.location.column == 15)
        #expect(error?.message.contains("remote reference") == true)
    }
}
