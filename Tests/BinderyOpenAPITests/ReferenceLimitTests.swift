import BinderyOpenAPI
import TestExecutors
import Testing

/// `$ref`s that lead to `$ref`s: a chain that comes back is a cycle, one longer than 64 references is too long; both
/// are errors where the chain starts, naming its references.
@Suite(.computing) struct ReferenceLimitTests {
    /// A 3.0 description with `GET /a` taking the parameter `parameter`, and `components` as given.
    private func description(parameter: String, components: String) -> String {
        """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths:
          /a:
            get:
              parameters: [\(parameter)]
              responses: {'204': {description: none}}
        components:
        \(components)
        """
    }

    /// `parameters` whose `P0` refers to `P1`, …, and the last is a parameter.
    private func parameterChain(_ length: Int) -> String {
        "  parameters:\n"
            + (0..<length).map { "    P\($0): {$ref: '#/components/parameters/P\($0 + 1)'}\n" }.joined()
            + "    P\(length): {name: q, in: query, schema: {type: string}}\n"
    }

    @Test func aCycleOfParametersIsAnErrorAtTheUse() {
        let error = readError(
            description(
                parameter: "$ref: '#/components/parameters/P'",
                components: """
                      parameters:
                        P: {$ref: '#/components/parameters/Q'}
                        Q: {$ref: '#/components/parameters/P'}
                    """))
        #expect(
            error?.description
                == "spec.yaml:6:20: error: reference cycle: a parameter refers back to itself "
                + "('#/components/parameters/P' → '#/components/parameters/Q' → '#/components/parameters/P')")
    }

    @Test func aPathItemThatRefersToItselfIsACycle() {
        let error = readError("openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a: {$ref: '#/paths/~1a'}\n")
        #expect(
            error?.description
                == "spec.yaml:4:7: error: reference cycle: path item '/a' refers back to itself ('#/paths/~1a')")
    }

    @Test func sixtyFourReferencesInARowAreFineAndOneMoreIsTooMany() throws {
        let document = try readDocument(
            description(parameter: "$ref: '#/components/parameters/P1'", components: parameterChain(64)))
        #expect(document.paths.first?.operations.first?.parameters.map(\.name) == ["q"])
        let error = readError(
            description(parameter: "$ref: '#/components/parameters/P0'", components: parameterChain(64)))
        #expect(
            error?.description
                == "spec.yaml:6:20: error: a parameter is reached through more than 64 '$ref's in a row (the limit): "
                + "'#/components/parameters/P0' → '#/components/parameters/P1' → '#/components/parameters/P2' → …")
    }

    @Test func aCycleOfSchemaReferencesIsAnErrorAtTheReference() {
        let error = readError(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                A: {$ref: '#/components/schemas/B'}
                B: {$ref: '#/components/schemas/A'}
            """)
        #expect(
            error?.description
                == "spec.yaml:6:15: error: reference cycle: '#/components/schemas/B' → '#/components/schemas/A' → "
                + "'#/components/schemas/B'")
    }

    @Test func aChainOfMoreThanSixtyFourSchemaReferencesIsTooLong() {
        let chain = (0..<70).map { "    S\($0): {$ref: '#/components/schemas/S\($0 + 1)'}\n" }.joined()
        let error = readError(
            "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n" + chain
                + "    S70: {type: string}\n")
        #expect(
            error?.description
                == "spec.yaml:6:16: error: '$ref' leads through more than 64 references in a row (the limit): "
                + "'#/components/schemas/S1' → '#/components/schemas/S2' → '#/components/schemas/S3' → …")
    }
}
