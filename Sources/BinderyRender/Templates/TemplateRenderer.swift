/// Renders named templates with render contexts. The one place that knows the template engine: replacing the
/// engine means a new conformance, not new templates or contexts.
public protocol TemplateRenderer: Sendable {
    /// Renders the template named `name` (its file name without extension) with `context`, looked up innermost
    /// first: the last context of `contexts` is the innermost.
    func render(_ name: String, contexts: [any RenderContext]) throws(TemplateError) -> String

    /// Renders `template`, a template given as text (a manifest's output path), with `contexts`.
    func render(text template: String, contexts: [any RenderContext]) throws(TemplateError) -> String

    /// What ``render(_:contexts:)`` renders, as UTF-8: what a file is written from. An engine that renders into
    /// bytes gives them as they are, without making a `String` of them first (which checks every byte again).
    func renderUTF8(_ name: String, contexts: [any RenderContext]) throws(TemplateError) -> [UInt8]
}

extension TemplateRenderer {
    public func renderUTF8(_ name: String, contexts: [any RenderContext]) throws(TemplateError) -> [UInt8] {
        Array(try render(name, contexts: contexts).utf8)
    }
}

/// A template engine: what makes the renderer of a set of templates.
///
/// ``compiled`` is Bindery's own and the only one `bindery` links. `BinderyMustache` adds `.swiftMustache`
/// (swift-mustache), which the compiled engine matches byte for byte, to compare the two (`bindery-corpus
/// --compare-engines` and the tests); it is kept out of `bindery` because swift-mustache needs all of Foundation,
/// about 7 MB more memory in every run.
public struct TemplateEngine: Sendable {
    /// The engine's name, for messages.
    public let name: String
    private let makeRenderer: @Sendable (TemplateSet, [String]) throws(TemplateError) -> any TemplateRenderer

    public init(
        name: String,
        makeRenderer: @escaping @Sendable (TemplateSet, [String]) throws(TemplateError) -> any TemplateRenderer
    ) {
        self.name = name
        self.makeRenderer = makeRenderer
    }

    /// ``CompiledTemplateRenderer``, Bindery's own: templates parsed once, rendered straight into a buffer.
    public static let compiled = TemplateEngine(name: "compiled") { (templates, texts) throws(TemplateError) in
        try CompiledTemplateRenderer(templates: templates, texts: texts)
    }

    /// A renderer of `templates` and `texts` (templates given as text), every one parsed now.
    public func renderer(templates: TemplateSet, texts: [String] = []) throws(TemplateError) -> any TemplateRenderer {
        try makeRenderer(templates, texts)
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
