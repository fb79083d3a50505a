import BinderyOpenAPI
import BinderyYAML
import TestExecutors
import Testing

/// The examples of media types, read only when ``OpenAPIReader/readsExamples`` is on.
@Suite(.computing) struct ExampleReadingTests {
    static let openAPI = """
        openapi: 3.0.3
        info: {title: T, version: 1.0}
        paths:
          /pets:
            get:
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {type: array, items: {type: string}}
                      example: [a, 'b']
                      examples:
                        empty:
                          summary: none
                          value: []
                        shared:
                          $ref: '#/components/examples/Two'
                        elsewhere:
                          externalValue: https://example.com/pets.json
                    text/plain:
                      schema: {type: string}
                      example: hello
          /nothing:
            get:
              responses:
                '204':
                  description: none
        components:
          examples:
            Two:
              value: [x, y]
        """

    func read(_ yaml: String, examples: Bool) throws -> (OpenAPIDocument, [Diagnostic]) {
        let reader = OpenAPIReader()
        reader.readsExamples = examples
        let document = try reader.read(root: try YAMLDocument(bytes: Array(yaml.utf8), file: "spec.yaml").root)
        return (document, reader.warnings)
    }

    @Test func readsExampleAndExamplesFollowingReferences() throws {
        let (document, warnings) = try read(Self.openAPI, examples: true)
        #expect(warnings.isEmpty)
        let content = try #require(document.operations.first?.responses.first?.content)
        let json = content[0]
        #expect(json.examples.map(\.name) == [nil, "empty", "shared"], "externalValue only: left out")
        #expect(
            json.examples.map(\.value) == [
                .sequence([.scalar("a", isQuoted: false), .scalar("b", isQuoted: true)]),
                .sequence([]),
                .sequence([.scalar("x", isQuoted: false), .scalar("y", isQuoted: false)]),
            ])
        // The referenced value is where components/examples writes it.
        #expect(json.examples[2].location.line == 32)
        #expect(content[1].examples.map(\.value) == [.scalar("hello", isQuoted: false)])
    }

    @Test func examplesAreNotReadByDefault() throws {
        let (document, _) = try read(Self.openAPI, examples: false)
        let content = try #require(document.operations.first?.responses.first?.content)
        #expect(content.allSatisfy { $0.examples.isEmpty })
    }

    @Test func examplesThatAreNotAMappingAreIgnoredWithAWarning() throws {
        let yaml = """
            openapi: 3.1.0
            info: {title: T, version: 1.0}
            paths:
              /a:
                get:
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {type: integer}
                          examples: [1, 2]
            """
        let (document, warnings) = try read(yaml, examples: true)
        #expect(document.operations.first?.responses.first?.content.first?.examples.isEmpty == true)
        #expect(warnings.map(\.message) == ["expected a mapping for 'examples', found a sequence; ignored"])
    }

    @Test func swagger2ResponseExamplesGoToTheirMediaType() throws {
        let yaml = """
            swagger: '2.0'
            info: {title: T, version: 1.0}
            produces: [application/json; charset=utf-8, application/xml]
            paths:
              /a:
                get:
                  responses:
                    200:
                      description: ok
                      schema: {type: object, properties: {id: {type: integer}}}
                      examples:
                        application/json: {id: 7}
                        text/csv: 'id\\n7'
            """
        let (document, _) = try read(yaml, examples: true)
        let content = try #require(document.operations.first?.responses.first?.content)
        #expect(content.map(\.name) == ["application/json; charset=utf-8", "application/xml"])
        #expect(
            content[0].examples.map(\.value) == [.mapping([.init(key: "id", value: .scalar("7", isQuoted: false))])])
        #expect(content[1].examples.isEmpty)
    }
}
