/// Renders named templates with render contexts. The one place that knows the template engine: replacing the
/// engine means a new conformance, not new templates or contexts.
public protocol TemplateRenderer: Sendable {
    /// Renders the template named `name` (its file name without extension) with `context`, looked up innermost
    /// first: the last context of `contexts` is the innermost.
    func render(_ name: String, contexts: [any RenderContext]) throws(TemplateError) -> String

    /// Renders `template`, a template given as text (a manifest's output path), with `contexts`.
    func render(text template: String, contexts: [any RenderContext]) throws(TemplateError) -> String
}

/// A template that cannot be used.
public struct TemplateError: Error, Sendable, CustomStringConvertible {
    /// The template file, or a description of where the template text came from.
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int = 1, column: Int = 1, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        "\(file):\(line):\(column): error: \(message)"
    }
}
