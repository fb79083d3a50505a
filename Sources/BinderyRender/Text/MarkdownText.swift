import Foundation

/// Text from the document placed in generated Markdown.
enum MarkdownText {
    /// `text` for a table cell: one line, pipes escaped.
    static func cell(_ text: String?) -> String {
        guard let text else { return "" }
        return SwiftLiteral.lines(text).filter { !$0.isEmpty }.joined(separator: "<br>")
            .replacingOccurrences(of: "|", with: "\\|")
    }

    /// `text` in backticks, as inline code, with a longer fence when it contains backticks.
    static func code(_ text: String) -> String {
        var fence = "`"
        while text.contains(fence) { fence += "`" }
        let padded = text.hasPrefix("`") || text.hasSuffix("`") ? " \(text) " : text
        return fence + padded + fence
    }
}
