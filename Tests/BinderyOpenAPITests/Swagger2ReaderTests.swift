import BinderyOpenAPI
import BinderyYAML
import TestExecutors
import Testing

/// Reads a Swagger 2.0 description given as YAML text, with the warnings reading gave.
func readSwagger2(_ yaml: String, file: String = "spec.yaml") throws -> (OpenAPIDocument, [Diagnostic]) {
    let document = try YAMLDocument(bytes: Array(yaml.utf8), file: file)
    let reader = OpenAPIReader()
    return (try reader.read(root: document.root), reader.warnings)
}

@Suite(.computing) struct Swagger2ReaderTests {
    @Test func readsDefinitionsAsComponentSchemasInOrder() throws {
        let (document, warnings) = try readSwagger2(
            """
            swagger: '2.0'
            info: {title: T, version: '1'}
            paths: {}
            definitions:
              io.k8s.api.core.v1.Pod:
                type: object
                properties:
                  spec: {$ref: '#/definitions/io.k8s.api.core.v1.PodSpec'}
              io.k8s.api.core.v1.PodSpec:
                type: object
                properties:
                  nodeName: {type: string}
              Alias:
                $ref: '#/definitions/io.k8s.api.core.v1.Pod'
            """
        )
        #expect(warnings.isEmpty)
        #expect(document.version == .swagger2)
        let names = document.schemas.entries.map { document.schemas.name(of: $0.id) }
        #expect(names == ["io.k8s.api.core.v1.Pod", "io.k8s.api.core.v1.PodSpec", "Alias"])
        let pod = try #require(document.schemas.entries.first)
        #expect(pod.id.pointer.description == "/definitions/io.k8s.api.core.v1.Pod")
        #expect(
            pod.schema.properties.first?.schema.ref?.pointer.description == "/definitions/io.k8s.api.core.v1.PodSpec")
        #expect(document.schemas.entries.last?.schema.ref == pod.id)
    }

    @Test func readsADocumentWithoutDefinitions() throws {
        let (document, warnings) = try readSwagger2(
            """
            swagger: "2.0"
            info: {title: T, version: '1'}
            paths:
              /things:
                get:
                  responses:
                    200:
                      description: things
                      schema:
                        type: array
                        items:
                          type: object
                          properties: {id: {type: integer}}
            """
        )
        #expect(warnings.isEmpty)
        #expect(document.schemas.count == 0)
        let response = try #require(document.operations.first?.responses.first)
        #expect(response.content.map(\.name) == ["application/json"])
        #expect(response.content.first?.schema?.items?.properties.map(\.name) == ["id"])
    }

    @Test func takesStatusKeysQuotedOrNot() throws {
        let yaml = """
            swagger: '2.0'
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  responses:
                    200: {description: plain}
                    "201": {description: quoted}
                    '404': {description: single}
                    default: {description: other}
            """
        let (document, _) = try readSwagger2(yaml)
        #expect(document.operations.first?.responses.map(\.status) == [.code(200), .code(201), .code(404), .default])
        let json = """
            {"swagger": "2.0", "info": {"title": "T", "version": "1"},
             "paths": {"/a": {"get": {"responses": {"200": {"description": "ok"}}}}}}
            """
        let (fromJSON, _) = try readSwagger2(json, file: "spec.json")
        #expect(fromJSON.operations.first?.responses.map(\.status) == [.code(200)])
    }

    @Test func readsABodyParameterPerConsumedMediaType() throws {
        let (document, warnings) = try readSwagger2(
            """
            swagger: '2.0'
            info: {title: T, version: '1'}
            consumes: [application/json, application/xml]
            paths:
              /pets:
                post:
                  parameters:
                    - {name: pet, in: body, required: true, description: The pet, schema: {$ref: '#/definitions/Pet'}}
                  responses: {'204': {description: done}}
                put:
                  consumes: [application/merge-patch+json]
                  parameters:
                    - {name: pet, in: body, schema: {$ref: '#/definitions/Pet'}}
                  responses: {'204': {description: done}}
            definitions:
              Pet: {type: object}
            """
        )
        #expect(warnings.isEmpty)
        let post = try #require(document.operations.first?.requestBody)
        #expect(post.content.map(\.name) == ["application/json", "application/xml"])
        #expect(post.content.allSatisfy { $0.schema?.ref?.pointer.description == "/definitions/Pet" })
        #expect(post.required)
        #expect(post.description == "The pet")
        #expect(document.operations.first?.parameters.isEmpty == true)
        let put = try #require(document.operations.last?.requestBody)
        #expect(put.content.map(\.name) == ["application/merge-patch+json"])
        #expect(!put.required && put.description == nil)
    }

    @Test func defaultsABodyToJSON() throws {
        let (document, _) = try readSwagger2(
            """
            swagger: '2.0'
            info: {title: T, version: '1'}
            paths:
              /pets:
                post:
                  parameters:
                    - {name: pet, in: body, schema: {type: object}}
                  responses: {'204': {description: done}}
            """
        )
        #expect(document.operations.first?.requestBody?.content.map(\.name) == ["application/json"])
    }

    @Test func readsFormFieldsAsAURLEncodedObject() throws {
        let (document, warnings) = try readSwagger2(
            """
            swagger: '2.0'
            info: {title: T, version: '1'}
            paths:
              /token:
                post:
                  parameters:
                    - {name: grant_type, in: formData, type: string, required: true, enum: [password]}
                    - {name: scope, in: formData, type: array, items: {type: string}, collectionFormat: ssv}
                    - {name: count, in: formData, type: integer, format: int32, description: How many}
                  responses: {'200': {description: token}}
            """
        )
        #expect(warnings.isEmpty)
        let body = try #require(document.operations.first?.requestBody)
        #expect(body.required)
        #expect(body.content.map(\.name) == ["application/x-www-form-urlencoded"])
        let form = try #require(body.content.first)
        let schema = try #require(form.schema)
        #expect(schema.types == [.object])
        #expect(schema.properties.map(\.name) == ["grant_type", "scope", "count"])
        #expect(schema.required == ["grant_type"])
        #expect(schema.properties[0].schema.enumValues?.compactMap(\.text) == ["password"])
        #expect(schema.properties[2].schema.format == "int32")
        #expect(schema.properties[2].schema.description == "How many")
        #expect(form.encoding.map(\.property) == ["scope"])
        #expect(form.encoding.first?.style == .spaceDelimited && form.encoding.first?.explode == false)
        #expect(document.operations.first?.parameters.isEmpty == true)
    }

    @Test func readsAFileFieldAsMultipart() throws {
        let (document, warnings) = try readSwagger2(
            """
            swagger: '2.0'
            info: {title: T, version: '1'}
            paths:
              /pets/{id}/image:
                post:
                  consumes: [multipart/form-data]
                  parameters:
                    - {name: id, in: path, required: true, type: integer, format: int64}
                    - {name: note, in: formData, type: string}
                    - {name: file, in: formData, type: file, required: true}
                  responses: {'200': {description: ok}}
              /notes:
                post:
                  consumes: [multipart/form-data]
                  parameters:
                    - {name: note, in: formData, type: string}
                  responses: {'200': {description: ok}}
              /files:
                post:
                  parameters:
                    - {name: file, in: formData, type: file}
                  responses: {'200': {description: ok}}
            """
        )
        #expect(warnings.isEmpty)
        let operations = document.operations
        let upload = try #require(operations[0].requestBody)
        #expect(upload.content.map(\.name) == ["multipart/form-data"])
        let file = try #require(upload.content.first?.schema?.properties.last?.schema)
        #expect(file.types == [.string] && file.format == "binary")
        #expect(upload.content.first?.schema?.required == ["file"])
        #expect(operations[0].parameters.map(\.name) == ["id"])
        #expect(operations[1].requestBody?.content.map(\.name) == ["multipart/form-data"])
        #expect(operations[2].requestBody?.content.map(\.name) == ["multipart/form-data"])
        #expect(operations[2].requestBody?.required == false)
    }

    @Test func warnsWhenAFileFieldIsNotConsumedAsMultipart() throws {
        let (document, warnings) = try readSwagger2(
            """
            swagger: '2.0'
            info: {title: T, version: '1'}
            paths:
              /files:
                post:
                  consumes: [application/x-www-form-urlencoded]
                  parameters:
                    - {name: file, in: formData, type: file}
                  responses: {'200': {description: ok}}
            """
        )
        #expect(document.operations.first?.requestBody?.content.map(\.name) == ["multipart/form-data"])
        #expect(warnings.map(\.location.line) == [8])
        #expect(warnings.first?.message.contains("needs multipart/form-data") == true)
    }

    @Test func offersBothFormTypesWhenConsumesNamesBoth() throws {
        let (document, warnings) = try readSwagger2(
            """
            swagger: '2.0'
            info: {title: T, version: '1'}
            consumes: [multipart/form-data, application/x-www-form-urlencoded, application/json]
            paths:
              /notes:
                post:
                  parameters:
                    - {name: note, in: formData, type: string}
                  responses: {'200': {description: ok}}
                put:
                  parameters:
                    - {name: note, in: formData, type: string}
                    - {name: body, in: body, schema: {type: string}}
                  responses: {'200': {description: ok}}
            """
        )
        let post = try #require(document.operations.first?.requestBody)
        #expect(post.content.map(\.name) == ["multipart/form-data", "application/x-www-form-urlencoded"])
        let put = try #require(document.operations.last?.requestBody)
        #expect(put.content.first?.schema?.types == [.string])
        #expect(
            warnings.map(\.description) == [
                "spec.yaml:12:11: warning: operation 'PUT /notes' has a body parameter, so its formData parameters are ignored"
            ]
        )
    }

    @Test func turnsInPlaceTypesIntoSchemasAndCollectionFormatsIntoStyles() throws {
        let (document, warnings) = try readSwagger2(
            """
            swagger: '2.0'
            info: {title: T, version: '1'}
            paths:
              /items/{ids}:
                get:
                  parameters:
                    - {name: ids, in: path, required: true, type: array, items: {type: integer, format: int64}}
                    - {name: csv, in: query, type: array, items: {type: string}, collectionFormat: csv}
                    - {name: none, in: query, type: array, items: {type: string}}
                    - {name: ssv, in: query, type: array, items: {type: string}, collectionFormat: ssv}
                    - {name: tsv, in: query, type: array, items: {type: string}, collectionFormat: tsv}
                    - {name: pipes, in: query, type: array, items: {type: string}, collectionFormat: pipes}
                    - {name: multi, in: query, type: array, items: {type: string}, collectionFormat: multi}
                    - {name: X-Tags, in: header, type: array, items: {type: string}}
                    - {name: limit, in: query, type: integer, format: int32, default: 20, enum: [10, 20]}
                    - {name: status, in: query, type: string, x-nullable: true}
                  responses: {'200': {description: ok}}
            """
        )
        #expect(warnings.isEmpty)
        let parameters = try #require(document.operations.first?.parameters)
        func style(_ name: String) -> String {
            parameters.first { $0.name == name }.map { "\($0.style.rawValue), explode \($0.explode)" } ?? "missing"
        }
        #expect(style("ids") == "simple, explode false")
        #expect(style("csv") == "form, explode false")
        #expect(style("none") == "form, explode false")
        #expect(style("ssv") == "spaceDelimited, explode false")
        #expect(style("tsv") == "tabDelimited, explode false")
        #expect(style("pipes") == "pipeDelimited, explode false")
        #expect(style("multi") == "form, explode true")
        #expect(style("X-Tags") == "simple, explode false")
        #expect(style("limit") == "form, explode true")
        let ids = parameters[0].schema
        #expect(ids.types == [.array] && ids.items?.types == [.integer] && ids.items?.format == "int64")
        #expect(parameters[0].kind == .path && parameters[0].required)
        let limit = try #require(parameters.first { $0.name == "limit" })
        #expect(limit.schema.types == [.integer] && limit.schema.format == "int32")
        #expect(limit.schema.defaultValue == .scalar("20", isQuoted: false))
        #expect(limit.schema.enumValues?.count == 2)
        #expect(!limit.required)
        #expect(parameters.last?.schema.nullable == true)
    }

    @Test func sharesPathLevelAndTopLevelParametersAndResponses() throws {
        let (document, warnings) = try readSwagger2(
            """
            swagger: '2.0'
            info: {title: T, version: '1'}
            parameters:
              namespace: {name: namespace, in: path, required: true, type: string}
              pretty: {name: pretty, in: query, type: string}
              body: {name: body, in: body, required: true, schema: {type: object}}
            responses:
              NotFound:
                description: not found
                schema: {$ref: '#/definitions/Error'}
            paths:
              /namespaces/{namespace}:
                parameters:
                  - $ref: '#/parameters/namespace'
                  - $ref: '#/parameters/pretty'
                get:
                  parameters:
                    - {name: pretty, in: query, type: boolean}
                  responses:
                    '404': {$ref: '#/responses/NotFound'}
                put:
                  parameters:
                    - $ref: '#/parameters/body'
                  responses: {'200': {description: ok}}
            definitions:
              Error: {type: object}
            """
        )
        #expect(warnings.isEmpty)
        let get = try #require(document.operations.first)
        #expect(get.parameters.map(\.name) == ["namespace", "pretty"])
        #expect(get.parameters[1].schema.types == [.boolean])
        #expect(get.responses.first?.description == "not found")
        #expect(get.responses.first?.content.first?.schema?.ref?.pointer.description == "/definitions/Error")
        let put = try #require(document.operations.last)
        #expect(put.parameters.map(\.name) == ["namespace", "pretty"])
        #expect(put.requestBody?.required == true)
    }

    @Test func offersResponsesInEveryProducedMediaType() throws {
        let (document, warnings) = try readSwagger2(
            """
            swagger: '2.0'
            info: {title: T, version: '1'}
            produces: [application/json, application/yaml]
            paths:
              /a:
                get:
                  responses:
                    '200':
                      description: ok
                      schema: {type: string}
                      headers:
                        X-Rate-Limit: {type: integer, format: int32, description: calls per hour}
                    '204': {description: nothing}
                post:
                  produces: [text/plain]
                  responses:
                    '200': {description: ok, schema: {type: string}}
                    default: {description: error, schema: {type: file}}
            """
        )
        #expect(warnings.isEmpty)
        let get = try #require(document.operations.first)
        #expect(get.responses[0].content.map(\.name) == ["application/json", "application/yaml"])
        #expect(get.responses[1].content.isEmpty)
        let header = try #require(get.responses[0].headers.first)
        #expect(header.name == "X-Rate-Limit" && header.schema.format == "int32")
        #expect(header.description == "calls per hour")
        let post = try #require(document.operations.last)
        #expect(post.responses.map { $0.content.map(\.name) } == [["text/plain"], ["text/plain"]])
        let file = try #require(post.responses.last?.content.first?.schema)
        #expect(file.types == [.string] && file.format == "binary")
    }

    @Test func makesAServerPerScheme() throws {
        func servers(_ lines: String) throws -> [String] {
            let (document, _) = try readSwagger2(
                "swagger: '2.0'\ninfo: {title: T, version: '1'}\npaths: {}\n" + lines
            )
            return document.servers.map(\.url)
        }
        #expect(
            try servers("host: api.example.com\nbasePath: /v2\nschemes: [https, http]\n")
                == ["https://api.example.com/v2", "http://api.example.com/v2"]
        )
        #expect(try servers("host: localhost:8080\n") == ["https://localhost:8080"])
        #expect(try servers("host: example.com\nbasePath: /\nschemes: [http]\n") == ["http://example.com"])
        #expect(try servers("basePath: /api/\n") == ["/api"])
        #expect(try servers("").isEmpty)
    }

    @Test func readsSecurityDefinitions() throws {
        let (document, warnings) = try readSwagger2(
            """
            swagger: '2.0'
            info: {title: T, version: '1'}
            paths: {}
            security:
              - petstore_auth: [read]
            securityDefinitions:
              basic: {type: basic, description: user and password}
              key: {type: apiKey, name: X-API-Key, in: header}
              implicit:
                type: oauth2
                flow: implicit
                authorizationUrl: https://example.com/authorize
                scopes: {read: read things, write: write things}
              password: {type: oauth2, flow: password, tokenUrl: https://example.com/token, scopes: {}}
              application: {type: oauth2, flow: application, tokenUrl: https://example.com/token}
              accessCode:
                type: oauth2
                flow: accessCode
                authorizationUrl: https://example.com/authorize
                tokenUrl: https://example.com/token
            """
        )
        #expect(warnings.isEmpty)
        let schemes = document.securitySchemes
        #expect(schemes.map(\.name) == ["basic", "key", "implicit", "password", "application", "accessCode"])
        #expect(schemes[0].kind == .http(scheme: "basic", bearerFormat: nil))
        #expect(schemes[0].description == "user and password")
        #expect(schemes[1].kind == .apiKey(name: "X-API-Key", in: .header))
        guard case .oauth2(let implicitFlows) = schemes[2].kind else {
            Issue.record("expected OAuth 2, got \(schemes[2].kind)")
            return
        }
        #expect(implicitFlows.map(\.name) == ["implicit"])
        #expect(implicitFlows.first?.authorizationURL == "https://example.com/authorize")
        #expect(implicitFlows.first?.scopes.map(\.name) == ["read", "write"])
        #expect(implicitFlows.first?.scopes.first?.description == "read things")
        let names = schemes[3...].map { scheme -> String in
            guard case .oauth2(let flows) = scheme.kind, let flow = flows.first else { return "" }
            return flow.name
        }
        #expect(names == ["password", "clientCredentials", "authorizationCode"])
        guard case .oauth2(let codeFlows) = schemes[5].kind else { return }
        #expect(codeFlows.first?.tokenURL == "https://example.com/token")
        #expect(codeFlows.first?.authorizationURL == "https://example.com/authorize")
        #expect(document.security?.first?.entries.first?.scheme == "petstore_auth")
    }

    @Test func readsNullableDiscriminatorAndFileInSchemas() throws {
        let (document, warnings) = try readSwagger2(
            """
            swagger: '2.0'
            info: {title: T, version: '1'}
            paths: {}
            definitions:
              Pet:
                type: object
                discriminator: petType
                required: [petType]
                properties:
                  petType: {type: string}
                  nickname: {type: string, x-nullable: true}
                  photo: {type: file}
              Cat:
                allOf:
                  - $ref: '#/definitions/Pet'
                  - type: object
                    properties: {huntingSkill: {type: string}}
            """
        )
        #expect(warnings.isEmpty)
        let pet = try #require(document.schemas.entries.first?.schema)
        #expect(pet.discriminator == JSONSchema.Discriminator(propertyName: "petType"))
        #expect(pet.properties[1].schema.nullable)
        #expect(!pet.properties[0].schema.nullable)
        #expect(pet.properties[2].schema.types == [.string] && pet.properties[2].schema.format == "binary")
        #expect(document.schemas.entries.last?.schema.allOf.count == 2)
    }

    @Test func keepsTabDelimitedOutOfOpenAPI3() {
        let error = readError(
            """
            openapi: 3.0.0
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  parameters:
                    - {name: a, in: query, style: tabDelimited, schema: {type: array, items: {type: string}}}
                  responses: {'200': {description: ok}}
            """
        )
        #expect(error?.description == "spec.yaml:7:39: error: unknown parameter style 'tabDelimited'")
    }

    @Test func warnsAboutOddThingsWithTheirPosition() throws {
        let (document, warnings) = try readSwagger2(
            """
            swagger: '2.0'
            info: {title: T, version: '1'}
            host: https://api.example.com/v1/
            consumes: application/json
            servers: []
            paths:
              pets:
                get: {responses: {'200': {description: ok}}}
              /pets/{id}:
                get:
                  parameters:
                    - {name: id, in: path, type: string}
                    - {name: q, in: query}
                    - {name: s, in: query, type: array, items: {type: string}, collectionFormat: commas}
                    - {name: t, in: somewhere, type: string}
                    - {name: q, in: query, type: integer}
                  responses:
                    '200': {description: ok}
                    ok: {description: fine}
            securityDefinitions:
              token: {type: bearer}
            """
        )
        #expect(document.servers.map(\.url) == ["https://api.example.com/v1"])
        #expect(document.paths.map(\.path) == ["/pets/{id}"])
        let get = try #require(document.operations.first)
        #expect(get.parameters.map(\.name) == ["id", "q", "s"])
        #expect(get.parameters[0].required)
        #expect(get.parameters[1].schema.types == [.string])
        #expect(get.parameters[2].style == .form && !get.parameters[2].explode)
        #expect(get.responses.map(\.status) == [.code(200)])
        #expect(document.securitySchemes.isEmpty)
        #expect(
            warnings.map(\.description) == [
                "spec.yaml:4:11: warning: expected a list of media types for 'consumes', found one; read as a list of one",
                "spec.yaml:21:17: warning: unknown security definition type 'bearer': expected basic, apiKey or oauth2; 'token' ignored",
                "spec.yaml:3:7: warning: 'host' is a host name and port without a scheme; the scheme goes in 'schemes'",
                "spec.yaml:3:7: warning: 'host' is a host name and port without a path; the path goes in 'basePath'",
                "spec.yaml:5:1: warning: unknown key 'servers' in a Swagger 2.0 document; ignored",
                "spec.yaml:7:3: warning: a path must start with '/', found 'pets'; ignored",
                "spec.yaml:12:11: warning: path parameter 'id' must be required; treating it as required",
                "spec.yaml:13:11: warning: parameter 'q' has no 'type'; read as a string",
                "spec.yaml:14:86: warning: unknown collectionFormat 'commas': expected csv, ssv, tsv, pipes or multi; 's' read as csv",
                "spec.yaml:15:25: warning: unknown parameter location 'somewhere': expected path, query, header, body or formData; parameter 't' ignored",
                "spec.yaml:19:9: warning: invalid response status 'ok': expected a code from 100 to 599 or 'default'; ignored",
                "spec.yaml:16:11: warning: duplicate parameter query 'q' in operation 'GET /pets/{id}'; ignored",
            ]
        )
    }

    @Test func reportsErrorsWithTheirPosition() throws {
        let notAMapping = readError(
            """
            swagger: '2.0'
            info: {title: T, version: '1'}
            paths:
              /pets:
                get:
                  parameters: {name: a}
            """
        )
        #expect(
            notAMapping?.description == "spec.yaml:6:19: error: expected a sequence for 'parameters', found a mapping")
        let unresolved = readError(
            """
            swagger: '2.0'
            info: {title: T, version: '1'}
            paths:
              /pets:
                get:
                  parameters:
                    - $ref: '#/parameters/missing'
                  responses: {'200': {description: ok}}
            """
        )
        #expect(
            unresolved?.description
                == "spec.yaml:7:17: error: cannot resolve reference '#/parameters/missing': the document root in spec.yaml has no 'parameters'"
        )
        let noInfo = readError("swagger: '2.0'\npaths: {}\n")
        #expect(noInfo?.description == "spec.yaml:1:1: error: missing required key 'info'")
        // An unknown type name in a schema is read as any type, with a warning (as in 3.x).
        let reader = OpenAPIReader()
        let badType = """
            swagger: '2.0'
            info: {title: T, version: '1'}
            paths: {}
            definitions:
              A: {type: thing}
            """
        _ = try reader.read(root: YAMLDocument(bytes: Array(badType.utf8), file: "spec.yaml").root)
        #expect(
            reader.warnings.map(\.description) == [
                "spec.yaml:5:13: warning: unknown type 'thing': expected string, number, integer, boolean, array, "
                    + "object or null; read as any type"
            ])
    }

    @Test func followsReferencesAcrossFiles() throws {
        let petstore = repositoryRoot + "/Tests/Specs/petstore-separate/spec/swagger.yaml"
        // Its entry file in spec/ refers to ../common/Error.yaml, outside its folder.
        let loader = DocumentLoader()
        loader.allowsFilesOutsideRoot = true
        let reader = OpenAPIReader(loader: loader)
        let document = try reader.read(path: petstore)
        #expect(reader.warnings.isEmpty)
        #expect(document.servers.map(\.url) == ["http://petstore.swagger.io/api"])
        let find = try #require(document.operations.first { $0.operationID == "findPets" })
        #expect(find.parameters.map(\.name) == ["tags", "limit"])
        #expect(find.parameters[0].style == .form && !find.parameters[0].explode)
        #expect(find.responses.first?.content.first?.schema?.items?.ref?.file.hasSuffix("spec/Pet.yaml") == true)
        let add = try #require(document.operations.first { $0.operationID == "addPet" })
        #expect(add.requestBody?.content.first?.schema?.ref?.file.hasSuffix("spec/NewPet.yaml") == true)
        let names = document.schemas.entries.map { document.schemas.name(of: $0.id) }
        #expect(names == ["Pet", "Error", "NewPet"])
    }
}
