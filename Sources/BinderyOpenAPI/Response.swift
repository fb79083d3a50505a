import BinderyYAML

/// One documented response of an operation.
public struct Response: Sendable {
    /// Which statuses a response stands for.
    public enum Status: Sendable, Hashable, Comparable, CustomStringConvertible {
        /// One status code, `201`.
        case code(Int)
        /// A range written `4XX`: the hundreds digit.
        case range(Int)
        /// `default`: every status not documented otherwise.
        case `default`

        public var description: String {
            switch self {
            case .code(let code): String(code)
            case .range(let hundreds): "\(hundreds)XX"
            case .default: "default"
            }
        }

        /// Codes first, in order, then ranges, then `default`: the order in which a status is matched.
        public static func < (lhs: Status, rhs: Status) -> Bool {
            switch (lhs, rhs) {
            case (.code(let a), .code(let b)): a < b
            case (.range(let a), .range(let b)): a < b
            case (.code, _): true
            case (.range, .default): true
            default: false
            }
        }
    }

    public var status: Status
    public var description: String
    public var content: [MediaType]
    public var headers: [Header]
    public var location: SourceLocation

    public init(status: Status, description: String, content: [MediaType] = [], location: SourceLocation) {
        self.status = status
        self.description = description
        self.content = content
        self.headers = []
        self.location = location
    }
}

/// A response header.
public struct Header: Sendable {
    public var name: String
    public var description: String?
    public var required: Bool
    public var deprecated: Bool
    public var schema: JSONSchema
    public var location: SourceLocation

    public init(name: String, schema: JSONSchema, location: SourceLocation) {
        self.name = name
        self.required = false
        self.deprecated = false
        self.schema = schema
        self.location = location
    }
}
