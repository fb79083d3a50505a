import BinderyYAML

/// One entry of `paths`: a path template and its operations.
public struct PathItem: Sendable {
    public var path: String
    public var summary: String?
    public var description: String?
    public var operations: [Operation]
    public var location: SourceLocation

    public init(path: String, operations: [Operation] = [], location: SourceLocation) {
        self.path = path
        self.operations = operations
        self.location = location
    }
}

/// An HTTP method an operation answers to.
public enum HTTPMethod: String, Sendable, Hashable, CaseIterable {
    case get, put, post, delete, options, head, patch, trace

    /// The method as sent on the wire, `GET`.
    public var name: String { rawValue.uppercased() }
}
