import BinderyYAML

/// One operation: a method on a path, with its parameters, body and responses.
public struct Operation: Sendable {
    public var method: HTTPMethod
    public var path: String
    public var operationID: String?
    public var tags: [String]
    public var summary: String?
    public var description: String?
    public var deprecated: Bool
    /// Path-level parameters merged with the operation's own (the operation's win on name and location).
    public var parameters: [Parameter]
    public var requestBody: RequestBody?
    public var responses: [Response]
    /// The operation's security requirement; `nil` when it inherits the document's.
    public var security: [SecurityRequirement]?
    public var extensions: [String: SpecValue]
    public var location: SourceLocation

    public init(method: HTTPMethod, path: String, location: SourceLocation) {
        self.method = method
        self.path = path
        self.operationID = nil
        self.tags = []
        self.deprecated = false
        self.parameters = []
        self.responses = []
        self.extensions = [:]
        self.location = location
    }
}
