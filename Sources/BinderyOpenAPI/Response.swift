import BinderyYAML

/// One documented response of an operation.
public struct Response: Sendable {
    /// Which statuses a response stands for.
    public typealias Status = ResponseStatus

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
