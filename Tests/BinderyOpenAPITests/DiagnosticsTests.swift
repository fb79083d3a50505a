import BinderyOpenAPI
import BinderyYAML
import TestExecutors
import Testing

@Suite(.computing) struct DiagnosticsTests {
    @Test func rejectsADocumentThatIsNotAMapping() {
        let error = readError("- a\n- b\n")
        #expect(
            error?.description
                == "spec.yaml:1:1: error: not an OpenAPI document: expected a mapping with an 'openapi' key, found a sequence"
        )
    }

    @Test func rejectsAMappingWithoutVersion() {
        let error = readError("info: {title: T, version: '1'}\npaths: {}\n")
        #expect(error?.description == "spec.yaml:1:1: error: not an OpenAPI document: missing the 'openapi' key")
    }

    @Test func pointsAtTheNodeOfTheWrongKind() {
        let error = readError(
            """
            openapi: 3.0.0
            info: {title: T, version: '1'}
            paths:
              - /pets
            """
        )
        #expect(error?.description == "spec.yaml:4:3: error: expected a mapping for 'paths', found a sequence")
    }

    @Test func pointsAtAnUnresolvableReference() {
        let error = readError(
            """
            openapi: 3.0.0
            info: {title: T, version: '1'}
            paths:
              /pets:
                get:
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/Pet'
            """
        )
        #expect(
            error?.description
                == "spec.yaml:12:23: error: cannot resolve reference '#/components/schemas/Pet': the document root in spec.yaml has no 'components'"
        )
    }

    @Test func rejectsAnInvalidStatus() {
        let error = readError(
            """
            openapi: 3.0.0
            info: {title: T, version: '1'}
            paths:
              /pets:
                get:
                  responses:
                    ok: {description: fine}
            """
        )
        #expect(error?.location.line == 7)
        #expect(error?.location.column == 9)
        #expect(error?.message.hasPrefix("invalid response status 'ok'") == true)
    }

    @Test func rejectsSwaggerVersionsOtherThan2() {
        let error = readError("swagger: '1.2'\ninfo: {title: T, version: '1'}\npaths: {}\n")
        #expect(error?.location.line == 1 && error?.location.column == 10)
        #expect(error?.message == "unsupported Swagger version '1.2': Bindery reads Swagger 2.0")
    }

    @Test func reportsYAMLSyntaxErrorsWithTheirPosition() {
        let error = readError("openapi: 3.0.0\ninfo:\n  title: [unclosed\n")
        #expect(error?.severity == .error)
        #expect(error?.location.file == "spec.yaml")
        #expect((error?.location.line ?? 0) >= 3)
    }

    @Test func reportsDuplicateParameters() {
        let error = readError(
            """
            openapi: 3.0.0
            info: {title: T, version: '1'}
            paths:
              /pets:
                get:
                  parameters:
                    - {name: a, in: query, schema: {type: string}}
                    - {name: a, in: query, schema: {type: string}}
                  responses: {'200': {description: ok}}
            """
        )
        #expect(error?.description == "spec.yaml:8:11: error: duplicate query parameter 'a' in GET /pets")
    }

    @Test func stopsAnAliasBombWithADiagnostic() {
        // 111,111 nodes: under the YAML limit on aliases, but far more than reading the few nodes of the file needs.
        var yaml = "openapi: 3.0.0\ninfo: {title: T, version: '1'}\nx-bomb:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...4 {
            let previous = "*a\(level - 1)"
            yaml += "  a\(level): &a\(level) [\(Array(repeating: previous, count: 10).joined(separator: ", "))]\n"
        }
        let error = readError(yaml)
        #expect(error?.message.contains("YAML aliases that refer to aliases") == true)
        #expect(error?.location.line == 4)  // inside the anchored value the aliases multiply
    }

    @Test func stopsDeeplyNestedSchemasWithADiagnostic() {
        // Deeper than schemas may nest, not as deep as YAML may.
        let depth = 400
        let schema =
            String(repeating: #"{"type": "array", "items": "#, count: depth) + "{}"
            + String(repeating: "}", count: depth)
        let json =
            #"{"openapi": "3.0.0", "info": {"title": "T", "version": "1"}, "components": {"schemas": {"Deep": "#
            + schema + "}}}"
        let error = readError(json, file: "deep.json")
        #expect(error?.message == "schemas are nested more than 256 levels deep here")
    }

    @Test func readsABareNullInATypeList() throws {
        let document = try readDocument(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            components:
              schemas:
                A: {type: [array, null], items: {type: string}}
            """
        )
        #expect(document.schemas.entries.first?.schema.types == [.array, .null])
    }

    @Test func ignoresDocumentationThatIsNotText() throws {
        let reader = OpenAPIReader()
        let yaml = """
            openapi: 3.0.0
            info: {title: T, version: '1'}
            tags:
              - name: droplets
                description: {text: 'Droplets.'}
            paths: {}
            """
        let document = try reader.read(root: YAMLDocument(bytes: Array(yaml.utf8), file: "spec.yaml").root)
        #expect(document.tags.first?.description == nil)
        #expect(
            reader.warnings.map(\.description) == [
                "spec.yaml:5:18: warning: expected text for 'description', found a mapping; ignored"
            ])
    }
}
