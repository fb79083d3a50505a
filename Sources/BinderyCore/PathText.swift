/// Paths as text, for what `NSString`'s path methods do: swift-corelibs-foundation's
/// `deletingLastPathComponent` crashes on a relative path of one character (`--output O`).
///
/// A path is split at its `/` bytes, as the file system splits it, not at `/` characters (a `/` that a combining mark
/// follows is one character, but still a separator); and searching bytes is much faster.
public enum PathText {
    /// The components of `path` between its `/`s, empty ones included: `["", "a", "b"]` for `/a/b`.
    public static func components(of path: String) -> [Substring] {
        var components: [Substring] = []
        let utf8 = path.utf8
        var start = utf8.startIndex
        var index = utf8.startIndex
        while index != utf8.endIndex {
            if utf8[index] == UInt8(ascii: "/") {
                components.append(path[start..<index])
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        components.append(path[start...])
        return components
    }

    /// The folder part of `path`: `a/b` for `a/b/c`, `/` for `/a`, empty for `a`. Trailing slashes are ignored.
    public static func parent(of path: String) -> String {
        let trimmed = withoutTrailingSlashes(path)
        guard let slash = trimmed.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        if slash == trimmed.startIndex { return "/" }
        return String(withoutTrailingSlashes(String(trimmed[..<slash])))
    }

    /// The last component of `path`: `c` for `a/b/c/`.
    public static func lastComponent(of path: String) -> String {
        let trimmed = withoutTrailingSlashes(path)
        guard let slash = trimmed.utf8.lastIndex(of: UInt8(ascii: "/")) else { return trimmed }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// `path` and `component` joined by one `/`: `a/b` for `a` or `a/`, and `b`.
    public static func appending(_ component: String, to path: String) -> String {
        if path.isEmpty { return component }
        return path.utf8.last == UInt8(ascii: "/") ? path + component : path + "/" + component
    }

    static func withoutTrailingSlashes(_ path: String) -> String {
        var result = Substring(path)
        while result.utf8.count > 1, result.utf8.last == UInt8(ascii: "/") { result = result.dropLast() }
        return String(result)
    }
}
