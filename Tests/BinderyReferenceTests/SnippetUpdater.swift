import Foundation

/// Rewrites a snippet golden in its test's source file (`BINDERY_UPDATE_GOLDENS=1`): the raw string literal
/// (`#"""` … `"""#`) at or after the line of the failing call gets the generated text, indented as the literal's
/// closing delimiter. Tests run in parallel and each rewrite moves the lines below it, so the rewrites are made one
/// at a time and each call's line is shifted by the rewrites made above it so far.
enum SnippetUpdater {
    private static let lock = NSLock()
    /// The rewrites made so far in each file: the line of the call (as compiled) and the lines it added.
    nonisolated(unsafe) private static var shifts: [String: [(line: Int, delta: Int)]] = [:]

    /// Replaces the literal for the call at `line` (1-based, as compiled) of `file` with `text`.
    static func replace(in file: String, atLine line: Int, with text: String) throws {
        lock.lock()
        defer { lock.unlock() }
        var lines = try String(contentsOfFile: file, encoding: .utf8).components(separatedBy: "\n")
        let shift = shifts[file, default: []].filter { $0.line < line }.reduce(0) { $0 + $1.delta }
        var open = max(0, line - 1 + shift)
        while open < lines.count, !lines[open].hasSuffix("#\"\"\"") { open += 1 }
        var close = open + 1
        while close < lines.count, !lines[close].trimmingCharacters(in: .whitespaces).hasPrefix("\"\"\"#") {
            close += 1
        }
        guard close < lines.count else { return }
        let indent = String(lines[close].prefix { $0 == " " })
        let body = text.components(separatedBy: "\n").map { $0.isEmpty ? "" : indent + $0 }
        lines.replaceSubrange((open + 1)..<close, with: body)
        shifts[file, default: []].append((line, body.count - (close - open - 1)))
        try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
    }
}
