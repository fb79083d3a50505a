/// Paths as text, for what `NSString`'s path methods do: swift-corelibs-foundation's
/// `deletingLastPathComponent` crashes on a relative path of one character (`--output O`).
public enum PathText {
    /// The folder part of `path`: `a/b` for `a/b/c`, `/` for `/a`, empty for `a`. Trailing slashes are ignored.
    public static func parent(of path: String) -> String {
        let trimmed = withoutTrailingSlashes(path)
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        if slash == trimmed.startIndex { return "/" }
        return String(withoutTrailingSlashes(String(trimmed[..<slash])))
    }

    /// The last component of `path`: `c` for `a/b/c/`.
    public static func lastComponent(of path: String) -> String {
        let trimmed = withoutTrailingSlashes(path)
        guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    static func withoutTrailingSlashes(_ path: String) -> String {
        var result = Substring(path)
        while result.count > 1, result.hasSuffix("/") { result = result.dropLast() }
        return String(result)
    }
}
