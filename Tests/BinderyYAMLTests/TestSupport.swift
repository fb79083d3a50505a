import BinderyYAML
import Testing

/// Parses inline YAML with the display path `test.yaml`.
func parse(_ text: String) throws(YAMLError) -> YAMLDocument {
    try YAMLDocument(string: text, file: "test.yaml")
}

/// Parses inline YAML that must fail and returns the error.
func parseError(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> YAMLError {
    try #require(throws: YAMLError.self, sourceLocation: sourceLocation) {
        try YAMLDocument(string: text, file: "test.yaml")
    }
}

/// `line:column` of a node, for compact expectations.
func position(_ node: YAMLNode?) -> String? {
    node.map { "\($0.location.line):\($0.location.column)" }
}

/// `line:column` of an error.
func position(_ error: YAMLError) -> String {
    "\(error.location.line):\(error.location.column)"
}
