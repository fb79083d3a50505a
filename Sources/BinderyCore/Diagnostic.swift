/// A problem found in the input, tied to the place in the source it comes from.
///
/// Errors stop generation; warnings are collected and reported, and generation goes on. A note says how something
/// the description's version does not allow was read, when the output is what its author meant all the same
/// (`nullable: true` in a 3.1 document): worth telling the author, nothing for the user to check.
/// `description` has the shape compilers and editors understand: `file:line:column: error: message`.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// How serious the problem is.
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
        case note
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity = .error, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    /// An error at the start of a file, for problems that belong to the file as a whole.
    public static func error(inFile file: String, _ message: String) -> Diagnostic {
        Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1), message)
    }

    public var description: String {
        "\(location): \(severity.rawValue): \(message)"
    }
}
