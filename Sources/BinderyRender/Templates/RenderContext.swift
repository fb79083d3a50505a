/// What a template sees: a set of named values, answered by the context itself (no reflection). Contexts are
/// immutable values, computed once, so files can be rendered in any order or in parallel.
///
/// A name a context does not know (`nil`) is looked up in the contexts around it (the API around an operation, the
/// package around everything), as Mustache sections do. A name it knows but has no value for is empty text,
/// never the value of an outer context of the same name: an operation without a description has an empty
/// `description`, not its API's. Every element of a list also answers `isFirst` and `isLast`.
public protocol RenderContext: Sendable {
    /// The value named `key`, or `nil` when this context has no such value.
    func value(forKey key: RenderKey) -> RenderValue?
}

/// A value in a render context.
public enum RenderValue: Sendable {
    /// Text, inserted as it is (templates produce Swift and Markdown, not HTML: nothing is escaped). As a section,
    /// text renders when it is not empty.
    case text(String)
    /// A condition, for `{{#flag}}…{{/flag}}` and `{{^flag}}…{{/flag}}`.
    case flag(Bool)
    /// A nested context.
    case context(any RenderContext)
    /// A list, rendered once per element.
    case list([any RenderContext])

    /// A list of the contexts made from `values`.
    static func list<Value>(_ values: [Value], _ make: (Value) -> any RenderContext) -> RenderValue {
        .list(values.map(make))
    }
}

/// One line of text, for templates that write a list of lines (`{{#docComment}}{{line}}{{/docComment}}`).
struct LineContext: RenderContext {
    var line: String

    func value(forKey key: RenderKey) -> RenderValue? {
        key.known == .line ? .text(line) : nil
    }
}

extension RenderValue {
    /// Lines as a list of ``LineContext``s.
    static func lines(_ lines: [String]) -> RenderValue {
        .list(lines.map { LineContext(line: $0) })
    }
}

/// A context with no values: the root when a template is rendered with none.
public struct EmptyContext: RenderContext {
    public init() {}

    public func value(forKey key: RenderKey) -> RenderValue? { nil }
}
