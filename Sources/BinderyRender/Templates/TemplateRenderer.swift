/// Renders named templates with render contexts. The one place that knows the template engine: replacing the
/// engine means a new conformance, not new templates or contexts.
public protocol TemplateRenderer: Sendable {
    /// Renders the template named `name` (its file name without extension) with `context`, looked up innermost
    /// first: the last context of `contexts` is the innermost.
    func render(_ name: String, contexts: [any RenderContext]) throws(TemplateError) -> String

    /// Renders `template`, a template given as text (a manifest's output path), with `contexts`.
    func render(text template: String, contexts: [any RenderContext]) throws(TemplateError) -> String
}

/// The template engines Bindery can render with.
public enum TemplateEngine: String, Sendable, CaseIterable {
    /// ``CompiledTemplateRenderer``, Bindery's own: templates parsed once, rendered straight into a buffer.
    case compiled
    /// ``MustacheTemplateRenderer`` (swift-mustache), which the compiled engine matches byte for byte; kept to
    /// compare the two (`bindery-corpus --compare-engines`) and as a fallback (`bindery generate --template-engine`).
    case swiftMustache = "swift-mustache"

    /// A renderer of `templates` and `texts` (templates given as text), every one parsed now.
    public func renderer(templates: TemplateSet, texts: [String] = []) throws(TemplateError) -> any TemplateRenderer {
        switch self {
        case .compiled: try CompiledTemplateRenderer(templates: templates, texts: texts)
        case .swiftMustache: try MustacheTemplateRenderer(templates: templates, texts: texts)
        }
    }
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
