/// A name a template asks a context for (`name` in `{{name}}`), made once when the template is parsed.
///
/// Bindery's contexts answer with `switch key.known { case .name: … }` (``ContextKey``). Other contexts (tests') may
/// compare the name's text: `switch key { case "name": … }`, where ``~=(_:_:)`` compares the lengths first.
public struct RenderKey: Sendable, Hashable, CustomStringConvertible {
    /// The name as the template writes it.
    public let name: String
    /// `name`'s length in UTF-8 bytes.
    public let length: Int
    /// The name among those Bindery's contexts answer, or `unknown`.
    let known: ContextKey

    public init(_ name: String) {
        self.name = name
        self.length = name.utf8.count
        self.known = ContextKey.named(name)
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
