import BinderyOpenAPI
import TestExecutors
import Testing

@Suite(.computing) struct OpenAPIReaderTests {
    @Test func readsTheCanopyExample() throws {
        let (document, warnings) = try OpenAPIReader.read(
            path: repositoryRoot + "/Examples/Canopy/Sources/Canopy/openapi.yaml")
        #expect(warnings.isEmpty)
        #expect(document.version == .openAPI30(minor: "3.0.1"))
        #expect(document.info.title == "Canopy.Api")
        #expect(document.operations.count == 4)
        #expect(document.schemas.count == 12)
        #expect(document.servers.isEmpty)

        let token = try #require(document.operations.first { $0.operationID == "Token_PostToken" })
        #expect(token.method == .post && token.path == "/token")
        #expect(token.deprecated)
        #expect(token.tags == ["Token"])
        let body = try #require(token.requestBody)
        #expect(body.content.map(\.name) == ["application/x-www-form-urlencoded"])
        let form = try #require(body.content.first)
        #expect(
            form.schema?.properties.map(\.name) == [
                "grant_type", "refresh_token", "username", "tenant", "password", "client_id", "client_secret",
            ])
        #expect(form.encoding.count == 7 && form.encoding.allSatisfy { $0.style == .form })
        #expect(token.responses.map(\.status) == [.code(201), .code(400), .default])
        let created = try #require(token.responses.first)
        #expect(created.content.map(\.name) == ["text/plain", "application/json", "text/json"])
        let ref = try #require(created.content[1].schema?.ref)
        #expect(ref.pointer.description == "/components/schemas/GrantTypeHandlerResponse")

        let grant = try #require(document.schemas.entries.first { $0.id.nameHint == "GrantTypeHandlerResponse" })
        #expect(grant.schema.properties.count == 12)
        #expect(grant.schema.properties.first?.name == ".expires")
        #expect(grant.schema.properties.first?.schema.nullable == true)

        let scheme = try #require(document.securitySchemes.first)
        guard case .oauth2(let flows) = scheme.kind else {
            Issue.record("expected OAuth 2, got \(scheme.kind)")
            return
        }
        #expect(flows.first?.name == "password")
        #expect(flows.first?.tokenURL == "https://identity.canopysimulations.com/connect/token")
        #expect(flows.first?.scopes.count == 5)
        let pool = try #require(document.operations.first { $0.operationID == "Pool_GetPoolStatus" })
        #expect(pool.security?.first?.entries.first?.scheme == "Bearer")
    }

    @Test func typesScalarsByWhereTheyStand() throws {
        let document = try readDocument(
            """
            openapi: 3.0.3
            info: {title: T, version: 1.0}
            paths:
              /switch:
                get:
                  responses:
                    200:
                      description: on
                    4XX:
                      description: client
            components:
              schemas:
                Mode:
                  type: string
                  enum: [on, off, yes, 'no', null]
            """
        )
        #expect(document.info.version == "1.0")
        #expect(document.operations.first?.responses.map(\.status) == [.code(200), .range(4)])
        #expect(document.operations.first?.responses.first?.description == "on")
        let mode = try #require(document.schemas.entries.first?.schema)
        #expect(mode.enumValues?.compactMap(\.text) == ["on", "off", "yes", "no"])
        #expect(mode.enumValues?.last == .null)
    }

    @Test func mergesPathLevelParameters() throws {
        let document = try readDocument(
            """
            openapi: 3.0.0
            info: {title: T, version: '1'}
            paths:
              /items/{id}:
                parameters:
                  - {name: id, in: path, required: true, schema: {type: string}}
                  - {name: verbose, in: query, schema: {type: boolean}}
                get:
                  parameters:
                    - {name: verbose, in: query, schema: {type: integer}}
                  responses: {'204': {description: done}}
            """
        )
        let parameters = try #require(document.operations.first?.parameters)
        #expect(parameters.map(\.name) == ["id", "verbose"])
        #expect(parameters[1].schema.types == [.integer])
        #expect(parameters[0].style == .simple && parameters[1].style == .form && parameters[1].explode)
    }

    @Test func keepsRecursiveSchemasByIdentity() throws {
        let document = try readDocument(
            """
            openapi: 3.0.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Node:
                  type: object
                  properties:
                    children: {type: array, items: {$ref: '#/components/schemas/Node'}}
                    parent: {$ref: '#/components/schemas/Node'}
            """
        )
        #expect(document.schemas.count == 1)
        let node = try #require(document.schemas.entries.first)
        #expect(node.schema.properties[1].schema.ref == node.id)
        #expect(node.schema.properties[0].schema.items?.ref == node.id)
    }

    @Test func ignoresSiblingsOfReferencesIn30ButNotIn31() throws {
        func description(_ version: String) throws -> String? {
            let document = try readDocument(
                """
                openapi: \(version)
                info: {title: T, version: '1'}
                paths: {}
                components:
                  schemas:
                    A: {type: string}
                    B:
                      type: object
                      properties:
                        a: {$ref: '#/components/schemas/A', description: the a}
                """
            )
            return document.schemas.entries.last?.schema.properties.first?.schema.description
        }
        #expect(try description("3.0.3") == nil)
        #expect(try description("3.1.0") == "the a")
    }

    @Test func readsThe31TypeNull() throws {
        let document = try readDocument(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            components:
              schemas:
                A: {type: [string, 'null']}
            """
        )
        let schema = try #require(document.schemas.entries.first?.schema)
        #expect(schema.nullable && schema.singleType == .string)
    }

    @Test func takesKeysWithoutValuesAsEmpty() throws {
        let document = try readDocument(
            """
            openapi: 3.0.0
            info: {title: T, version: '1'}
            paths:
              /pets:
                post:
                  parameters:
                  tags:
                  responses:
                    '204': {description: done}
            """
        )
        #expect(document.operations.first?.parameters.isEmpty == true)
        #expect(document.operations.first?.tags.isEmpty == true)
    }

    @Test func followsPropertiesGivenByReference() throws {
        let files = try TemporaryFiles([
            "main.yaml": """
            openapi: 3.0.0
            info: {title: T, version: '1'}
            components:
              schemas:
                Droplet:
                  type: object
                  properties:
                    $ref: 'attributes.yaml#/droplet'
            """,
            "attributes.yaml": "droplet:\n  id: {type: integer}\n  name: {type: string}\n",
        ])
        let (document, _) = try OpenAPIReader.read(path: files.path("main.yaml"))
        #expect(document.schemas.entries.first?.schema.properties.map(\.name) == ["id", "name"])
    }
}
