/// The version of the specification a document follows, from its `openapi` (or `swagger`) key.
///
/// Every version is read into the same ``OpenAPIDocument``; the version records where it came from, for
/// the few places where the meaning of a keyword differs (3.0 ignores siblings of `$ref`, 3.1 does not).
public enum OpenAPIVersion: Sendable, Hashable, CustomStringConvertible {
    case v2_0
    case v3_0(minor: String)
    case v3_1(minor: String)

    /// The version as written in the document, for example `3.0.1`.
    public var description: String {
        switch self {
        case .v2_0: "2.0"
        case .v3_0(let text), .v3_1(let text): text
        }
    }

    /// Whether `$ref` may have sibling keywords that count (JSON Schema 2020-12 in OpenAPI 3.1).
    public var allowsReferenceSiblings: Bool {
        if case .v3_1 = self { return true }
        return false
    }
}
