import BinderyOpenAPI
import BinderyYAML
import TestExecutors
import Testing

/// Descriptions that break the rules in ways their users cannot fix: read as usefully as possible, with a warning
/// when the result may not be what the author meant, and a note when it is.
@Suite(.computing) struct LenientReadingTests {
    @Test func readsTypeBytesAsBase64Text() throws {
        let (document, warnings) = try readDocumentAndWarnings(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            components:
              schemas:
                A:
                  properties:
                    data: {type: bytes}
                    raw: {type: bytes, format: binary}
            """
        )
        #expect(
            warnings == [
                "spec.yaml:7:22: warning: unknown type 'bytes': read as type 'string' with format 'byte' (base64 text)",
                "spec.yaml:8:21: warning: unknown type 'bytes': read as type 'string' with format 'byte' (base64 text)",
            ])
        #expect(document.property("data", of: "A")?.types == [.string])
        #expect(document.property("data", of: "A")?.format == "byte")
        #expect(document.property("raw", of: "A")?.format == "binary")
    }

    @Test func readsOtherUnknownTypesAsAnyType() throws {
        let (document, warnings) = try readDocumentAndWarnings(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            components:
              schemas:
                A: {type: int}
                B: {type: [string, uuid]}
                F: {type: file}
            """
        )
        #expect(
            warnings == [
                "spec.yaml:5:15: warning: unknown type 'int': expected string, number, integer, boolean, array, object "
                    + "or null; read as any type",
                "spec.yaml:6:24: warning: unknown type 'uuid': expected string, number, integer, boolean, array, "
                    + "object or null; read as any type",
                "spec.yaml:7:15: warning: type 'file' is Swagger 2.0: read as type 'string' with format 'binary'",
            ])
        #expect(document.schema(named: "A")?.types == [])
        #expect(document.schema(named: "B")?.types == [])
        #expect(document.schema(named: "F")?.types == [.string])
        #expect(document.schema(named: "F")?.format == "binary")
    }

    @Test func notesOnceTypeListsInOpenAPI30() throws {
        let yaml = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            components:
              schemas:
                A: {type: [string, 'null']}
                B: {type: [integer, 'null']}
                C: {type: [boolean]}
            """
        let reader = OpenAPIReader()
        let document = try reader.read(root: YAMLDocument(bytes: Array(yaml.utf8), file: "spec.yaml").root)
        // A list of types can only mean what it means in 3.1, and is read so: a note, not a warning.
        #expect(reader.warnings.isEmpty, "\(reader.warnings)")
        #expect(
            reader.notes.map(\.description) == [
                "spec.yaml:5:15: note: a list of types is OpenAPI 3.1; this document is 3.0.3 (read as in 3.1; later "
                    + "lists of types in this document are not reported)"
            ])
        #expect(document.schema(named: "A")?.types == [.string, .null])
        #expect(document.schema(named: "A")?.nullable == true)
        #expect(document.schema(named: "B")?.singleType == .integer)
        #expect(document.schema(named: "C")?.types == [.boolean])
    }

    @Test func honoursNullableInOpenAPI31WithOneNote() throws {
        let yaml = """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            components:
              schemas:
                A: {type: string, nullable: true}
                B: {nullable: true, type: [integer]}
                C: {nullable: true}
                D: {type: string, nullable: false}
            """
        let reader = OpenAPIReader()
        let document = try reader.read(root: YAMLDocument(bytes: Array(yaml.utf8), file: "spec.yaml").root)
        // It can only mean what it means in 3.0, and is read so: a note, not a warning.
        #expect(reader.warnings.isEmpty, "\(reader.warnings)")
        #expect(
            reader.notes.map(\.description) == [
                "spec.yaml:5:33: note: 'nullable' is OpenAPI 3.0 (in 3.1, 'null' is one of the types); read as in 3.0 "
                    + "(later uses in this document are not reported)"
            ])
        #expect(document.schema(named: "A")?.types == [.string, .null])
        #expect(document.schema(named: "A")?.nullable == true)
        #expect(document.schema(named: "B")?.types == [.integer, .null])
        #expect(document.schema(named: "C")?.types == [])
        #expect(document.schema(named: "C")?.nullable == true)
        #expect(document.schema(named: "D")?.types == [.string])
        #expect(document.schema(named: "D")?.nullable == false)
    }

    @Test func readsATextGivenAsAReferenceWithOneNote() throws {
        // DigitalOcean's tags: `description: {$ref: 'description.yml#/introduction'}`, as Redocly's tools allow.
        let files = try TemporaryFiles([
            "api.yaml": """
            openapi: 3.0.0
            info: {title: T, version: '1', description: {$ref: 'text.yml#/info'}}
            tags:
              - name: Introduction
                x-traitTag: true
                description:
                  $ref: 'text.yml#/introduction'
              - name: Pets
                description: {$ref: '#/x-texts/pets'}
              - name: Missing
                description: {$ref: 'text.yml#/missing'}
              - name: Listed
                description: {$ref: 'text.yml#/list'}
            paths: {}
            x-texts: {pets: Everything about pets.}
            """,
            "text.yml": "info: The API.\nintroduction: |\n  Intro.\n\n  ## Requests\nlist: [a, b]\n",
        ])
        let reader = OpenAPIReader()
        let document = try reader.read(path: files.path("api.yaml"))
        #expect(document.info.description == "The API.")
        #expect(document.tags.map(\.description) == ["Intro.\n\n## Requests\n", "Everything about pets.", nil, nil])
        #expect(document.tags.map(\.isSection) == [true, false, false, false])
        let file = files.path("api.yaml")
        #expect(
            reader.notes.map(\.description) == [
                "\(file):2:52: note: '$ref' in place of text is not OpenAPI (Redocly's tools resolve it); read as the "
                    + "text it refers to (later uses in this document are not reported)"
            ])
        #expect(reader.warnings.count == 2)
        #expect(
            reader.warnings.first?.description.hasPrefix(
                "\(file):11:25: warning: 'description' is a '$ref' that cannot be resolved (") == true,
            "\(reader.warnings)")
        #expect(
            reader.warnings.last?.description
                == "\(file):13:25: warning: the '$ref' given for 'description' refers to a sequence, not text; ignored")
    }

    @Test func nullableInOpenAPI30IsNotAWarning() throws {
        let (document, warnings) = try readDocumentAndWarnings(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            components:
              schemas:
                A: {type: string, nullable: true}
            """
        )
        #expect(warnings.isEmpty)
        #expect(document.schema(named: "A")?.nullable == true)
        #expect(document.schema(named: "A")?.types == [.string])
    }

    @Test func mediaTypesWithParametersAreJSON() throws {
        let document = try readDocument(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json;datetime-format=rfc3339: {schema: {type: string}}
                        'Application/Problem+JSON ; charset=utf-8': {schema: {type: string}}
            """
        )
        let content = try #require(document.operations.first?.responses.first?.content)
        #expect(content.map(\.essence) == ["application/json", "application/problem+json"])
        #expect(content.map(\.isJSON) == [true, true])
    }

    @Test func readsEmptyPathItemsAsPathsWithoutOperations() throws {
        let (document, warnings) = try readDocumentAndWarnings(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /empty: {}
              /null:
              /tilde: ~
              /a:
                get: {responses: {'200': {description: ok}}}
            """
        )
        #expect(warnings.isEmpty)
        #expect(document.paths.map(\.path) == ["/empty", "/null", "/tilde", "/a"])
        #expect(document.paths.map(\.operations.count) == [0, 0, 0, 1])
    }

    @Test func ignoresAReferenceWithoutValue() throws {
        // Petstore 3.1 writes `$ref: #/components/schemas/petdetails`: YAML reads everything from '#' as a comment.
        let (document, warnings) = try readDocumentAndWarnings(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            components:
              schemas:
                A:
                  properties:
                    details:
                      $ref: #/components/schemas/B
                      description: the details
                B: {$ref: }
            """
        )
        #expect(
            warnings == [
                "spec.yaml:8:16: warning: '$ref' has no value (an unquoted '#' starts a YAML comment: quote the "
                    + "reference); ignored",
                "spec.yaml:10:15: warning: '$ref' has no value (an unquoted '#' starts a YAML comment: quote the "
                    + "reference); ignored",
            ])
        #expect(document.property("details", of: "A")?.ref == nil)
        #expect(document.property("details", of: "A")?.description == "the details")
    }

    @Test func mergeKeysGiveAResponseItsBody() throws {
        let document = try readDocument(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            x-common:
              ok: &ok
                description: ok
                content:
                  application/json:
                    schema: {type: string}
            paths:
              /a:
                get:
                  responses:
                    '200': {<<: *ok}
                    '201':
                      <<: *ok
                      description: created
            """
        )
        let responses = try #require(document.operations.first?.responses)
        #expect(responses.map(\.description) == ["ok", "created"])
        #expect(responses.map { $0.content.first?.schema?.types } == [[.string], [.string]])
        #expect(responses[1].content.first?.location.line == 7)
    }
}
