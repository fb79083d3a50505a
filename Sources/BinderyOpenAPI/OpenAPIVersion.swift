/// The version of the specification a document follows, from its `openapi` (or `swagger`) key.
///
/// Every version is read into the same ``OpenAPIDocument``; the version records where it came from, for
/// the few places where the meaning of a keyword differs (3.0 ignores siblings of `$ref`, 3.1 does not).
public enum OpenAPIVersion: Sendable, Hashable, CustomStringConvertible {
    case swagger2
    case openAPI30(minor: String)
    case openAPI31(minor: String)

    /// The version as written in the document, for example `3.0.1`.
    public var description: String {
        switch self {
        case .swagger2: "2.0"
        case .openAPI30(let text), .openAPI31(let text): text
        }
    }

    /// Whether `$ref` may have sibling keywords that count (JSON Schema 2020-12 in OpenAPI 3.1).
    public var allowsReferenceSiblings: Bool {
        if case .openAPI31 = self { return true }
        return false
    }
}
