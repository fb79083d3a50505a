/// An error found while reading or parsing a YAML document, with the position it applies to.
public struct YAMLError: Error, Sendable, CustomStringConvertible {
    /// Where the error was detected.
    public var location: SourceLocation
    /// A human-readable description, without position (for example `duplicate key 'a'`).
    public var message: String

    /// Creates an error.
    public init(location: SourceLocation, message: String) {
        self.location = location
        self.message = message
    }

    /// `file:line:column: error: message`.
    public var description: String {
        "\(location): error: \(message)"
    }
}
