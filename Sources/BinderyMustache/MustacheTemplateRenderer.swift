import BinderyRender
import Mustache

/// Renders templates with swift-mustache, answering its lookups from ``RenderContext``s.
public struct MustacheTemplateRenderer: TemplateRenderer {
    private let library: MustacheLibrary
    /// Templates given as text (output paths), parsed when the renderer is made.
    private let textTemplates: [String: MustacheTemplate]

    /// Parses every template of `templates` (files ending `.mustache`; partials are referenced by name without the
    /// extension), and `texts`, templates given as text (a manifest's output paths).
    public init(templates: TemplateSet, texts: [String] = []) throws(TemplateError) {
        var library = MustacheLibrary()
        for (fileName, text) in templates.files where fileName.hasSuffix(".mustache") {
            let name = String(fileName.dropLast(".mustache".count))
            library.register(try Self.parse(text, file: templates.path(of: fileName)), named: name)
        }
        self.library = library
        var textTemplates: [String: MustacheTemplate] = [:]
        for text in texts where textTemplates[text] == nil {
            textTemplates[text] = try Self.parse(text, file: "'\(text)'")
        }
        self.textTemplates = textTemplates
    }

    public func render(_ name: String, contexts: [any RenderContext]) throws(TemplateError) -> String {
        guard let template = library.getTemplate(named: name) else {
            throw TemplateError(file: name + ".mustache", message: "no template named '\(name)'")
        }
        return render(template, contexts: contexts)
    }

    public func render(text: String, contexts: [any RenderContext]) throws(TemplateError) -> String {
        if let template = textTemplates[text] { return render(template, contexts: contexts) }
        return render(try Self.parse(text, file: "'\(text)'"), contexts: contexts)
    }

    private func render(_ template: MustacheTemplate, contexts: [any RenderContext]) -> String {
        // swift-mustache looks names up in the innermost object first and climbs out; nesting the contexts in
        // sections of a wrapper reproduces that order for several contexts given at once.
        guard let innermost = contexts.last else {
            return template.render(MustacheAdapter(EmptyContext()), library: library)
        }
        return template.render(MustacheAdapter(innermost, outer: contexts.dropLast()), library: library)
    }

    /// Parses template text as plain text: without the `TEXT` content type, swift-mustache would HTML-escape every
    /// value. The pragma goes on a line of its own (a standalone tag, so it leaves no blank line); error positions
    /// are given back in the template's own lines.
    static func parse(_ text: String, file: String) throws(TemplateError) -> MustacheTemplate {
        do {
            return try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}\n" + text)
        } catch let error as MustacheTemplate.ParserError {
            throw TemplateError(
                file: file, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber,
                message: "invalid template: \(error.error)"
            )
        } catch {
            throw TemplateError(file: file, message: "invalid template: \(error)")
        }
    }
}

/// A ``RenderContext`` as swift-mustache sees it.
struct MustacheAdapter: MustacheParent {
    let context: any RenderContext
    /// The contexts around this one, innermost last, asked when this one has no value.
    let outer: ArraySlice<any RenderContext>
    let position: (index: Int, count: Int)?

    init(_ context: any RenderContext, outer: ArraySlice<any RenderContext> = [], position: (Int, Int)? = nil) {
        self.context = context
        self.outer = outer
        self.position = position
    }

    func child(named name: String) -> Any? {
        let key = RenderKey(name)
        if let value = context.value(forKey: key) { return Self.convert(value) }
        if let position {
            if name == "isFirst" { return position.index == 0 }
            if name == "isLast" { return position.index == position.count - 1 }
        }
        for context in outer.reversed() {
            if let value = context.value(forKey: key) { return Self.convert(value) }
        }
        return nil
    }

    static func convert(_ value: RenderValue) -> Any {
        switch value {
        case .text(let text): MustacheText(text: text)
        case .flag(let flag): flag
        case .context(let context): MustacheAdapter(context)
        case .list(let contexts):
            contexts.enumerated().map { MustacheAdapter($1, position: ($0, contexts.count)) }
        }
    }
}

/// Text as swift-mustache sees it: rendered as it is, and, used as a section, a context with no names of its own
/// (so lookups inside go to the enclosing contexts instead of reflecting on a `String`), empty text counting as
/// false.
struct MustacheText: MustacheParent, MustacheCustomRenderable {
    let text: String

    var renderText: String { text }
    var isNull: Bool { text.isEmpty }

    func child(named: String) -> Any? { nil }
}
