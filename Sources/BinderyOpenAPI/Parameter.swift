import BinderyYAML

/// A parameter of an operation: in the path, the query, a header or a cookie.
public struct Parameter: Sendable {
    /// Where the parameter is sent (OpenAPI `in`).
    public enum Kind: String, Sendable, Hashable {
        case path, query, header, cookie
    }

    /// How a parameter's value is serialized (OpenAPI `style`).
    public enum Style: String, Sendable, Hashable {
        case matrix, label, form, simple, spaceDelimited, pipeDelimited, deepObject
        /// Values separated by tabs (`a%09b`): Swagger 2.0's `collectionFormat: tsv` only. OpenAPI 3 has no such
        /// style, so a 3.x document cannot name it.
        case tabDelimited
    }

    public var name: String
    public var kind: Kind
    public var description: String?
    public var required: Bool
    public var deprecated: Bool
    public var style: Style
    public var explode: Bool
    public var allowReserved: Bool
    /// The parameter's schema (from `schema`, or from the single media type of `content`).
    public var schema: JSONSchema
    public var location: SourceLocation

    public init(name: String, kind: Kind, schema: JSONSchema, location: SourceLocation) {
        self.name = name
        self.kind = kind
        self.description = nil
        self.required = kind == .path
        self.deprecated = false
        self.style = Self.defaultStyle(for: kind)
        self.explode = self.style == .form
        self.allowReserved = false
        self.schema = schema
        self.location = location
    }

    /// The style a parameter has when the document does not give one.
    public static func defaultStyle(for kind: Kind) -> Style {
        switch kind {
        case .path, .header: .simple
        case .query, .cookie: .form
        }
    }
}
