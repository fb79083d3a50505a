/// A name a template asks a context for (`name` in `{{name}}`), made once when the template is parsed.
///
/// Contexts answer with `switch key { case "name": … }`. Swift compares a `String` with each case in turn, and most
/// comparisons fail; ``~=(_:_:)`` compares the lengths first, which for most pairs settles it without reading the
/// text. Looking names up was a quarter of the render stage's instructions before.
public struct RenderKey: Sendable, Hashable, CustomStringConvertible {
    /// The name as the template writes it.
    public let name: String
    /// `name`'s length in UTF-8 bytes.
    public let length: Int

    public init(_ name: String) {
        self.name = name
        self.length = name.utf8.count
    }

    public var description: String { name }

    /// Whether `key` is `pattern`: what `case "name":` asks.
    @inlinable
    public static func ~= (pattern: String, key: RenderKey) -> Bool {
        pattern.utf8.count == key.length && pattern == key.name
    }

    @inlinable
    public static func == (key: RenderKey, name: String) -> Bool {
        name ~= key
    }
}
