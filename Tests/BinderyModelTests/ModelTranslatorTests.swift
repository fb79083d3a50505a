import BinderyModel
import BinderyOpenAPI
import BinderyYAML
import Foundation
import TestExecutors
import Testing

func translate(_ yaml: String, module: String = "API") throws -> (CodeModel, [Diagnostic]) {
    let document = try OpenAPIReader().read(root: YAMLDocument(bytes: Array(yaml.utf8), file: "spec.yaml").root)
    return try ModelTranslator.translate(document, options: .init(moduleName: module))
}

/// The top-level struct named `name`, with the types nested in it.
func structure(_ model: CodeModel, _ name: String) -> (StructDefinition, nestedTypes: [TypeDefinition])? {
    for definition in model.types where definition.name == name {
        if case .structure(let structure) = definition.kind { return (structure, definition.nestedTypes) }
    }
    return nil
}

/// How `type` is written in the generated code.
func code(_ model: CodeModel, _ type: SwiftType?) -> String? {
    type.map(model.typeNames.code)
}

@Suite(.computing) struct ModelTranslatorTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    @Test func translatesTheCanopyToken() throws {
        let (document, _) = try OpenAPIReader.read(
            path: Self.repositoryRoot + "/Examples/Canopy/Sources/Canopy/openapi.yaml")
        let (model, warnings) = try ModelTranslator.translate(document, options: .init(moduleName: "Canopy"))
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(model.apis.map(\.name) == ["DeploymentsApi", "PoolApi", "TokenApi"])
        #expect(model.types.count == 12)
        #expect(model.defaultServerURL == "http://localhost")

        let grant = try #require(structure(model, "GrantTypeHandlerResponse")).0
        #expect(
            grant.properties.map(\.swiftName) == [
                "expires", "issued", "accessToken", "canopysimulationsClientId", "expiresIn", "refreshToken", "roles",
                "tenantId", "tokenType", "twoFactorEnabled", "userId", "username",
            ])
        #expect(grant.properties.allSatisfy { $0.isOptional })
        #expect(grant.properties.first { $0.swiftName == "expiresIn" }?.type == .int32)
        #expect(grant.properties.first { $0.swiftName == "twoFactorEnabled" }?.type == .bool)

        let token = try #require(model.apis.last?.operations.first)
        #expect(token.swiftName == "tokenPostToken")
        #expect(token.deprecation == .marked)
        #expect(
            token.parameters.map(\.swiftName) == [
                "grantType", "refreshToken", "username", "tenant", "password", "clientId", "clientSecret",
            ])
        #expect(token.parameters.allSatisfy { $0.location == .formField && $0.isOptional && $0.type == .string })
        #expect(token.requestBody?.encoding == .form)
        #expect(token.responses.map(\.caseName) == ["created", "badRequest", "default"])
        #expect(
            token.responses.map { code(model, $0.bodyType) } == ["GrantTypeHandlerResponse", "ProblemDetails", nil])
        #expect(token.undocumentedCaseName == nil)
        // Only what the client decodes: the body is JSON, so text/plain is not asked for.
        #expect(token.acceptedContentTypes == ["application/json", "text/json"])
        guard case .body(let result) = token.simpleResult else {
            Issue.record("tokenPostToken returns no body")
            return
        }
        #expect(code(model, result) == "GrantTypeHandlerResponse")
        #expect(token.security.isEmpty)

        let pool = try #require(model.apis.first { $0.name == "PoolApi" }?.operations.first)
        #expect(pool.pathComponents == [.literal("/pools/"), .parameter(swiftName: "tenantId")])
        #expect(pool.security == [[.init(schemeName: "Bearer", schemeSwiftName: "bearer", scopes: [])]])
        #expect(pool.undocumentedCaseName == "undocumented")

        let problem = try #require(structure(model, "ProblemDetails")).0
        #expect(problem.additionalProperties?.valueType == .jsonValue)
        #expect(problem.properties.first { $0.jsonKey == "status" }?.type == .int32)
    }

    @Test func unwrapsAllOfReferencesAndKeepsNullability() throws {
        let (model, _) = try translate(
            """
            openapi: 3.0.1
            info: {title: T, version: '1'}
            components:
              schemas:
                State: {type: string, enum: [on, off, unknown]}
                TenantId: {type: string}
                Node:
                  type: object
                  required: [tenant]
                  properties:
                    state: {allOf: [{$ref: '#/components/schemas/State'}], nullable: true}
                    tenant: {type: string, allOf: [{$ref: '#/components/schemas/TenantId'}]}
                    inline: {type: string, enum: [a, b]}
                    when: {type: string, format: date-time}
                    day: {type: string, format: date}
                    tags: {type: array, items: {type: string}}
                    extra: {type: object, additionalProperties: {type: integer, format: int64}}
                    anything: {}
            """
        )
        let (node, nodeTypes) = try #require(structure(model, "Node"))
        #expect(
            node.properties.map { code(model, $0.type) } == [
                "State", "TenantId", "Node.Inline", "Date", "CalendarDate", "[String]", "[String: Int64]", "JSONValue",
            ])
        #expect(node.properties.map(\.isOptional) == [true, false, true, true, true, true, true, true])
        guard case .enumeration(let state) = model.types[0].kind else {
            Issue.record("State is not an enum")
            return
        }
        #expect(state.cases.map(\.swiftName) == ["on", "off", "unknown"])
        #expect(state.unknownCaseName == "undocumented")
        guard case .alias(let tenant) = model.types[1].kind else {
            Issue.record("TenantId is not an alias")
            return
        }
        #expect(tenant == .string)
        #expect(nodeTypes.map(\.qualifiedName) == ["Node.Inline"])
        #expect(nodeTypes.map(\.id.rawValue) == ["spec.yaml#/components/schemas/Node/properties/inline"])
    }

    @Test func avoidsNamesTheGeneratedCodeNeeds() throws {
        let (model, _) = try translate(
            """
            openapi: 3.0.1
            info: {title: T, version: '1'}
            components:
              schemas:
                Error: {type: object, properties: {message: {type: string}}}
                JSONValue: {type: object, properties: {value: {type: string}}}
                Date:
                  type: object
                  properties:
                    date: {type: object, properties: {day: {type: integer}}}
                    default: {type: string}
                    self: {type: string}
            """
        )
        #expect(model.types.map(\.name) == ["ErrorModel", "JSONValueModel", "DateModel"])
        let (date, dateTypes) = try #require(structure(model, "DateModel"))
        // The nested type for `date` must not shadow Foundation's `Date`.
        #expect(dateTypes.map(\.name) == ["Date2"])
        #expect(date.properties.map(\.swiftName) == ["date", "default", "self2"])
    }

    @Test func requiredNullablePropertiesEncodeNull() throws {
        let (model, _) = try translate(
            """
            openapi: 3.0.1
            info: {title: T, version: '1'}
            components:
              schemas:
                A:
                  type: object
                  required: [a]
                  properties:
                    a: {type: string, nullable: true}
            """
        )
        let a = try #require(structure(model, "A")).0
        #expect(a.properties[0].isOptional && a.properties[0].encodesNull)
        #expect(a.needsCustomCoding)
    }

    @Test func groupsUntaggedOperationsAndNamesThemFromThePath() throws {
        let (model, _) = try translate(
            """
            openapi: 3.0.1
            info: {title: T, version: '1'}
            paths:
              /pets/{id}:
                get:
                  parameters: [{name: id, in: path, required: true, schema: {type: integer}}]
                  responses:
                    '200': {description: ok, content: {application/json: {schema: {type: object, properties: {name: {type: string}}}}}}
                    '404': {description: missing}
                    5XX: {description: broken, content: {application/json: {schema: {type: string}}}}
            """
        )
        let operation = try #require(model.apis.first?.operations.first)
        #expect(model.apis.first?.name == "DefaultApi")
        #expect(operation.swiftName == "getPetsId")
        #expect(operation.responses.map(\.caseName) == ["ok", "notFound", "serverError"])
        #expect(code(model, operation.responses.first?.bodyType) == "GetPetsIdOkBody")
        #expect(operation.undocumentedCaseName == "undocumented")
        #expect(model.types.map(\.name) == ["GetPetsIdOkBody"])
    }

    @Test func rejectsAPathParameterThatIsNotDeclared() throws {
        do {
            _ = try translate(
                """
                openapi: 3.0.1
                info: {title: T, version: '1'}
                paths:
                  /pets/{id}:
                    get:
                      responses: {'200': {description: ok}}
                """
            )
            Issue.record("expected an error")
        } catch let error as Diagnostic {
            #expect(error.location.line == 5)
            #expect(error.message.contains("no path parameter 'id'"))
        }
    }

    /// Every struct member is boxed, on a cycle (a struct cannot store itself) or not (a boxed member is copied by a
    /// retain, not field by field); arrays are not (their elements are on the heap already), nor scalars.
    @Test func boxesStructMembers() throws {
        let (model, _) = try translate(
            """
            openapi: 3.0.1
            info: {title: T, version: '1'}
            components:
              schemas:
                Node:
                  type: object
                  properties:
                    parent: {$ref: '#/components/schemas/Node'}
                    children: {type: array, items: {$ref: '#/components/schemas/Node'}}
                    link: {$ref: '#/components/schemas/Link'}
                    leaf: {$ref: '#/components/schemas/Leaf'}
                Link:
                  type: object
                  properties:
                    target: {$ref: '#/components/schemas/NodeAlias'}
                NodeAlias: {$ref: '#/components/schemas/Node'}
                Leaf: {type: object, properties: {name: {type: string}}}
            """
        )
        let node = try #require(structure(model, "Node")).0
        #expect(node.properties.map(\.indirectStorageName) == ["_parent", nil, "_link", "_leaf"])
        #expect(node.needsCustomCoding)
        let link = try #require(structure(model, "Link")).0
        #expect(link.properties.map(\.indirectStorageName) == ["_target"])
        #expect(structure(model, "Leaf")?.0.needsCustomCoding == false)
    }

    /// Kubernetes: bodies under `consumes: ['*/*']` are JSON; a PATCH offered as JSON Patch, merge patch and
    /// strategic merge patch, with an object schema, is sent as a merge patch.
    @Test func wildcardAndPatchBodiesAreJSON() throws {
        let (model, _) = try translate(
            """
            swagger: '2.0'
            info: {title: T, version: '1'}
            paths:
              /pods/{name}:
                delete:
                  operationId: deletePod
                  consumes: ['*/*']
                  parameters:
                    - {name: name, in: path, required: true, type: string}
                    - {name: body, in: body, schema: {$ref: '#/definitions/DeleteOptions'}}
                  responses: {'200': {description: ok}}
                patch:
                  operationId: patchPod
                  consumes: [application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json]
                  parameters:
                    - {name: name, in: path, required: true, type: string}
                    - {name: body, in: body, required: true, schema: {type: object}}
                  responses: {'200': {description: ok}}
            definitions:
              DeleteOptions: {type: object, properties: {gracePeriodSeconds: {type: integer}}}
            """
        )
        let operations = try #require(model.apis.first?.operations)
        let delete = try #require(operations.first { $0.swiftName == "deletePod" })
        #expect(delete.requestBody?.contentType == "application/json")
        #expect(code(model, delete.parameters.first { $0.location == .body }?.type) == "DeleteOptions")
        let patch = try #require(operations.first { $0.swiftName == "patchPod" })
        #expect(patch.requestBody?.contentType == "application/merge-patch+json")
    }
}
