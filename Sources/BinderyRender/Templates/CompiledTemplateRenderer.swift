/// Bindery's own Mustache engine: every template is parsed once (``CompiledTemplate``), and rendering walks the tree
/// into one byte buffer, asking ``RenderContext``s directly (no `Any`, no dynamic casts, no reflection).
///
/// It renders templates byte for byte as ``MustacheTemplateRenderer`` (swift-mustache 2, every value unescaped
/// through `{{% CONTENT_TYPE: TEXT}}`) does, including where swift-mustache departs from the Mustache specification:
///
/// - When a section's opening tag is not standalone, its standalone closing tag does not make a tag on the next
///   line standalone: `x{{#a}}\n{{/a}}\n  {{#b}}\n…` keeps the `  ` and the line end after `{{#b}}`.
/// - An indented standalone partial indents the lines it writes, except the first line of each element of a list
///   section after the first (swift-mustache indents each element's output as one piece), and a line that follows
///   one ending in `\r\n`.
/// - A block's content is not re-indented to where the parent's block tag stands.
/// - `{{` directly followed by a line end is dropped.
/// - `{{>*name}}` renders nothing: swift-mustache takes partial names only from Swift `String`s, which contexts never
///   give.
/// - Transforms apply to lists (`first`, `last`, `reversed`, `count`, `empty`), numbers (`plusone`, `minusone`,
///   `equalzero`, `even`, `odd`) and to the position in a list (`{{#first()}}`, `last`, `index`, `even`, `odd`);
///   not to text, as swift-mustache's wrapper for text has none.
///
/// One difference is deliberate: interpolating a context or a non-empty list (`{{.}}` inside a context's section,
/// `{{first(items)}}`) renders nothing, where swift-mustache writes Swift's debug description of its internal
/// wrapper types.
public struct CompiledTemplateRenderer: TemplateRenderer {
    private let templates: [String: CompiledTemplate]
    private let textTemplates: [String: CompiledTemplate]

    /// Parses every template of `templates` (files ending `.mustache`; partials are referenced by name without the
    /// extension), and `texts`, templates given as text (a manifest's output paths).
    public init(templates: TemplateSet, texts: [String] = []) throws(TemplateError) {
        var compiled: [String: CompiledTemplate] = [:]
        for (fileName, text) in templates.files where fileName.hasSuffix(".mustache") {
            let name = String(fileName.dropLast(".mustache".count))
            compiled[name] = try Self.parse(text, file: templates.path(of: fileName))
        }
        self.templates = compiled
        var textTemplates: [String: CompiledTemplate] = [:]
        for text in texts where textTemplates[text] == nil {
            textTemplates[text] = try Self.parse(text, file: "'\(text)'")
        }
        self.textTemplates = textTemplates
    }

    public func render(_ name: String, contexts: [any RenderContext]) throws(TemplateError) -> String {
        String(decoding: try renderUTF8(name, contexts: contexts), as: UTF8.self)
    }

    public func renderUTF8(_ name: String, contexts: [any RenderContext]) throws(TemplateError) -> [UInt8] {
        guard let template = templates[name] else {
            throw TemplateError(file: name + ".mustache", message: "no template named '\(name)'")
        }
        return render(template, contexts: contexts)
    }

    public func render(text: String, contexts: [any RenderContext]) throws(TemplateError) -> String {
        let template: CompiledTemplate
        if let parsed = textTemplates[text] {
            template = parsed
        } else {
            template = try Self.parse(text, file: "'\(text)'")
        }
        return String(decoding: render(template, contexts: contexts), as: UTF8.self)
    }

    /// The bytes `template` renders with `contexts`: UTF-8, as the templates' text and the contexts' strings are.
    private func render(_ template: CompiledTemplate, contexts: [any RenderContext]) -> [UInt8] {
        var pass = RenderPass(templates: templates, root: contexts.last ?? EmptyContext(), outer: contexts.dropLast())
        pass.render(template.nodes, RenderPass.Frame())
        return pass.output
    }

    static func parse(_ text: String, file: String) throws(TemplateError) -> CompiledTemplate {
        do {
            return try CompiledTemplate(parsing: text)
        } catch {
            let (line, column) = TemplateScanner(text).lineAndColumn(of: error.offset)
            throw TemplateError(file: file, line: line, column: column, message: "invalid template: \(error.message)")
        }
    }
}

/// One rendering: the output so far, the stack of values sections opened, and an indentation waiting for the
/// first byte of a line of an indented partial.
struct RenderPass {
    /// A value as templates see it. Lists keep their contexts; an element knows its position.
    enum Value {
        case text(String)
        case flag(Bool)
        case context(any RenderContext, Position)
        case list([any RenderContext])
        /// `reversed(items)`: the list backwards, each element keeping its position in the list.
        case reversedList([any RenderContext])
        /// From transforms: `count(items)`, `index()`.
        case integer(Int)
        /// The position in the list being rendered, for `first()`, `last()`, `index()`, `even()`, `odd()`.
        case sequence(Sequence)

        init(_ value: RenderValue) {
            switch value {
            case .text(let text): self = .text(text)
            case .flag(let flag): self = .flag(flag)
            case .context(let context): self = .context(context, Position())
            case .list(let contexts): self = .list(contexts)
            }
        }
    }

    /// Where a context sits: an element of a list answers `isFirst` and `isLast`; the root context also answers
    /// the names of the outer contexts given with it.
    struct Position {
        var index = 0
        /// The list's length; 0 for a context that is not a list element.
        var count = 0
        var isRoot = false
    }

    struct Sequence {
        var isFirst: Bool
        var isLast: Bool
        var index: Int
    }

    /// What a template (or a section of one) is rendered with, besides the stack.
    struct Frame {
        /// Added before each line a standalone partial writes.
        var indentation: [UInt8]?
        var sequence: Sequence?
        /// Blocks given by the `{{<parent}}` being rendered.
        var overrides: [String: [TemplateNode]]?
        var escapesHTML = false
    }

    let templates: [String: CompiledTemplate]
    let outer: ArraySlice<any RenderContext>
    var output: [UInt8] = []
    var stack: [Value]
    var pendingIndentation: [UInt8]?

    init(templates: [String: CompiledTemplate], root: any RenderContext, outer: ArraySlice<any RenderContext>) {
        self.templates = templates
        self.outer = outer
        self.stack = [.context(root, Position(isRoot: true))]
        output.reserveCapacity(1 << 14)
    }

    mutating func render(_ nodes: [TemplateNode], _ frame: Frame) {
        var escapesHTML = frame.escapesHTML
        guard let indentation = frame.indentation, !indentation.isEmpty else {
            for node in nodes { render(node, frame, escapesHTML: &escapesHTML) }
            return
        }
        // swift-mustache indents a node's output when it is not empty and what this template (or section) wrote
        // so far ends a line: the indentation waits for the node's first byte.
        let start = output.count
        for node in nodes {
            var armed = false
            if pendingIndentation == nil && endsLine(since: start) {
                pendingIndentation = indentation
                armed = true
            }
            render(node, frame, escapesHTML: &escapesHTML)
            if armed { pendingIndentation = nil }
        }
    }

    /// What was written since `start` ends with a line feed that is a character of its own (not `\r\n`).
    func endsLine(since start: Int) -> Bool {
        let count = output.count
        guard count > start, output[count - 1] == 0x0A else { return false }
        return count - 2 < start || output[count - 2] != 0x0D
    }

    mutating func render(_ node: TemplateNode, _ frame: Frame, escapesHTML: inout Bool) {
        switch node {
        case .text(let bytes):
            write(bytes)
        case .variable(let name, let escapes):
            switch resolve(name, frame) {
            case .text(let text)?: write(escapes && escapesHTML ? Self.escapingHTML(text) : text)
            case .flag(let flag)?: write(flag ? "true" : "false")
            case .integer(let integer)?: write(String(integer))
            case .list(let contexts)? where contexts.isEmpty: write("[]")
            default: break
            }
        case .section(let name, let nodes):
            guard let value = resolve(name, frame) else { return }
            var inner = frame
            inner.escapesHTML = escapesHTML
            renderSection(value, nodes, inner)
        case .invertedSection(let name, let nodes):
            var inner = frame
            inner.escapesHTML = escapesHTML
            switch resolve(name, frame) {
            case nil: render(nodes, inner)
            case .flag(let flag)?: if !flag { render(nodes, inner) }
            case .text(let text)?: if text.isEmpty { render(nodes, inner) }
            case .list(let contexts)? where contexts.isEmpty: renderPushing(.list([]), nodes, inner)
            case .reversedList(let contexts)? where contexts.isEmpty: renderPushing(.reversedList([]), nodes, inner)
            default: break
            }
        case .partial(let name, let indentation, let overrides):
            guard let template = templates[name] else { return }
            var inner = Frame()
            inner.indentation = indentation.map { (frame.indentation ?? []) + $0 } ?? frame.indentation
            inner.overrides =
                switch (frame.overrides, overrides) {
                case (let current?, let given?): current.merging(given) { current, _ in current }
                case (let current, nil): current
                case (nil, let given): given
                }
            render(template.nodes, inner)
        case .block(let name, let defaultNodes, let indentation):
            var inner = frame
            inner.indentation = (frame.indentation ?? []) + indentation
            inner.sequence = nil
            inner.escapesHTML = escapesHTML
            render(frame.overrides?[name] ?? defaultNodes, inner)
        case .contentType(let escapes):
            escapesHTML = escapes
        case .dynamicPartial, .blockDefinition:
            break
        }
    }

    mutating func renderSection(_ value: Value, _ nodes: [TemplateNode], _ frame: Frame) {
        switch value {
        case .list(let contexts):
            renderElements(contexts, order: contexts.indices, nodes, frame)
        case .reversedList(let contexts):
            renderElements(contexts, order: contexts.indices.reversed(), nodes, frame)
        case .flag(let flag):
            if flag { render(nodes, frame) }
        case .text(let text):
            if !text.isEmpty { renderPushing(value, nodes, frame) }
        case .context, .integer, .sequence:
            renderPushing(value, nodes, frame)
        }
    }

    mutating func renderElements(
        _ contexts: [any RenderContext], order: some Swift.Sequence<Int>, _ nodes: [TemplateNode], _ frame: Frame
    ) {
        var inner = frame
        var number = 0
        for index in order {
            stack.append(.context(contexts[index], Position(index: index, count: contexts.count)))
            inner.sequence = Sequence(isFirst: number == 0, isLast: number == contexts.count - 1, index: number)
            render(nodes, inner)
            stack.removeLast()
            number += 1
        }
    }

    mutating func renderPushing(_ value: Value, _ nodes: [TemplateNode], _ frame: Frame) {
        var inner = frame
        inner.sequence = nil
        stack.append(value)
        render(nodes, inner)
        stack.removeLast()
    }

    // MARK: Names

    func resolve(_ name: TemplateName, _ frame: Frame) -> Value? {
        let value: Value? =
            switch name.base {
            case .current: stack.last
            case .sequence: frame.sequence.map(Value.sequence)
            case .innermost(let path): stack.last.flatMap { child(path[...], of: $0) }
            case .stack(let path): lookUp(path)
            }
        // Most names have no transform: the value is returned as it is, not copied into a variable first (copies of
        // values were a fifth of rendering).
        if name.transforms.isEmpty { return value }
        guard var result = value else { return nil }
        for transform in name.transforms {
            guard let transformed = Self.transform(result, transform) else { return nil }
            result = transformed
        }
        return result
    }

    /// `path` in the innermost value that has its first name, or nothing: no climbing further out.
    func lookUp(_ path: [RenderKey]) -> Value? {
        var index = stack.count - 1
        while index >= 0 {
            if let first = child(path[0], of: stack[index]) {
                return path.count == 1 ? first : child(path.dropFirst(), of: first)
            }
            index -= 1
        }
        return nil
    }

    func child(_ path: ArraySlice<RenderKey>, of value: Value) -> Value? {
        var current = value
        for name in path {
            guard let next = child(name, of: current) else { return nil }
            current = next
        }
        return current
    }

    /// `name` in `value`: only contexts have names; a list element also answers `isFirst` and `isLast`, and the
    /// root context the names of the outer contexts, innermost first.
    func child(_ name: RenderKey, of value: Value) -> Value? {
        guard case .context(let context, let position) = value else { return nil }
        if let found = context.value(forKey: name) { return Value(found) }
        if position.count > 0 {
            if name.known == .isFirst { return .flag(position.index == 0) }
            if name.known == .isLast { return .flag(position.index == position.count - 1) }
        }
        if position.isRoot {
            for context in outer.reversed() {
                if let found = context.value(forKey: name) { return Value(found) }
            }
        }
        return nil
    }

    /// swift-mustache's transforms of the values contexts give.
    static func transform(_ value: Value, _ name: String) -> Value? {
        switch value {
        case .list(let contexts):
            let count = contexts.count
            switch name {
            case "first": return contexts.first.map { .context($0, Position(index: 0, count: count)) }
            case "last": return contexts.last.map { .context($0, Position(index: count - 1, count: count)) }
            case "reversed": return .reversedList(contexts)
            case "count": return .integer(count)
            case "empty": return .flag(contexts.isEmpty)
            default: return nil
            }
        case .reversedList(let contexts):
            let count = contexts.count
            switch name {
            case "first": return contexts.last.map { .context($0, Position(index: count - 1, count: count)) }
            case "last": return contexts.first.map { .context($0, Position(index: 0, count: count)) }
            case "reversed": return .list(contexts)
            case "count": return .integer(count)
            case "empty": return .flag(contexts.isEmpty)
            default: return nil
            }
        case .integer(let integer):
            switch name {
            case "equalzero": return .flag(integer == 0)
            case "plusone": return .integer(integer + 1)
            case "minusone": return .integer(integer - 1)
            case "even": return .flag(integer & 1 == 0)
            case "odd": return .flag(integer & 1 == 1)
            default: return nil
            }
        case .sequence(let sequence):
            switch name {
            case "first": return .flag(sequence.isFirst)
            case "last": return .flag(sequence.isLast)
            case "index": return .integer(sequence.index)
            case "even": return .flag(sequence.index & 1 == 0)
            case "odd": return .flag(sequence.index & 1 == 1)
            default: return nil
            }
        case .text, .flag, .context:
            return nil
        }
    }

    // MARK: Output

    mutating func write(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        flushIndentation()
        output.append(contentsOf: bytes)
    }

    mutating func write(_ text: String) {
        guard !text.isEmpty else { return }
        flushIndentation()
        output.append(contentsOf: text.utf8)
    }

    mutating func flushIndentation() {
        if let indentation = pendingIndentation {
            output.append(contentsOf: indentation)
            pendingIndentation = nil
        }
    }

    /// swift-mustache's HTML escaping, character by character (a `&` that a combining mark follows is another
    /// character, and stays).
    static func escapingHTML(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 })
        else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 16)
        for character in text {
            switch character {
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "&": escaped += "&amp;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
