import BinderyOpenAPI
import BinderyYAML
import TestExecutors
import Testing

/// A path item that many paths reach through `$ref` (`/v1/pets` and `/v2/pets`, a collection under each tenant) is
/// read once, and each path gets it under its own path.
@Suite(.computing) struct SharedPathItemTests {
    /// A 3.1 description whose `paths` each refer to `components.pathItems.Shared`: `GET` and `POST` with a
    /// response of `properties` properties, and a description that is not text (a warning).
    private static func description(paths: Int, properties: Int) -> String {
        let schema = (0..<properties).map { "p\($0): {type: string, description: 'Property \($0).'}" }
            .joined(separator: ", ")
        let operation = """
            {responses: {'200': {description: ok, content: {application/json: {schema: {type: object, \
            properties: {\(schema)}}}}}}}
            """
        return """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
            \((0..<paths).map { "  /tenants/t\($0)/pets/{id}: {$ref: '#/components/pathItems/Shared'}\n" }.joined())\
            components:
              pathItems:
                Shared:
                  description: [not, text]
                  parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                  get: \(operation)
                  post: \(operation)
            """
    }

    @Test func aPathItemThatManyPathsReferToIsReadOnceForAll() throws {
        // Read once per path, the item's 200 schemas a path counted again each time against the allowance for
        // YAML aliases, which 30 paths passed ("expands to far more nodes than it has").
        let file = try YAMLDocument(bytes: Array(Self.description(paths: 100, properties: 200).utf8), file: "spec.yaml")
        let reader = OpenAPIReader()
        let document = try reader.read(root: file.root)

        #expect(document.paths.count == 100)
        for (index, item) in document.paths.enumerated() {
            let path = "/tenants/t\(index)/pets/{id}"
            #expect(item.path == path)
            #expect(item.location.line == 4 + index)
            #expect(item.operations.map { "\($0.method.name) \($0.path)" } == ["GET \(path)", "POST \(path)"])
            #expect(item.operations.map { $0.responses.first?.content.first?.schema?.properties.count } == [200, 200])
            #expect(item.operations.map(\.parameters.first?.name) == ["id", "id"])
        }
        // Written once, reported once.
        #expect(
            reader.warnings.map(\.description) == [
                "spec.yaml:107:20: warning: expected text for 'description', found a sequence; ignored"
            ])
    }

    @Test func anErrorInASharedPathItemIsReportedWhereItIs() {
        let error = readError(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a: {$ref: '#/components/pathItems/Shared'}
              /b: {$ref: '#/components/pathItems/Shared'}
            components:
              pathItems:
                Shared:
                  get:
                    parameters: [{name: q, in: body, schema: {type: string}}]
                    responses: {'204': {description: none}}
            """)
        #expect(
            error?.description
                == "spec.yaml:10:36: error: unknown parameter location 'body': expected path, query, header or cookie")
    }

    @Test func aSharedSwagger2PathItemGetsEachPath() throws {
        let document = try readDocument(
            """
            swagger: '2.0'
            info: {title: T, version: '1'}
            paths:
              /a: {$ref: '#/x-paths/Shared'}
              /b: {$ref: '#/x-paths/Shared'}
            x-paths:
              Shared:
                get: {responses: {'204': {description: none}}}
            """)
        #expect(document.paths.map(\.path) == ["/a", "/b"])
        #expect(document.paths.flatMap(\.operations).map(\.path) == ["/a", "/b"])
        #expect(document.paths.map(\.location.line) == [4, 5])
    }
}
