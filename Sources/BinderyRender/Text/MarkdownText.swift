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

    /// `text` placed under a heading: its own ATX headings (`# …` to `###### …`, up to three spaces in) one level
    /// lower, so that they belong to the heading it is placed under; lines in fenced code blocks are left alone,
    /// and a level-6 heading stays at level 6.
    static func demotingHeadings(_ text: String) -> String {
        var fence: String?
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let indented = line.prefix { $0 == " " }
            let rest = line.dropFirst(indented.count)
            guard indented.count <= 3 else { return String(line) }
            if let open = fence {
                if rest.hasPrefix(open) { fence = nil }
                return String(line)
            }
            for marker in ["```", "~~~"] where rest.hasPrefix(marker) {
                fence = String(rest.prefix { $0 == marker.first })
                return String(line)
            }
            let hashes = rest.prefix { $0 == "#" }.count
            guard (1...5).contains(hashes), rest.dropFirst(hashes).first.map({ $0 == " " || $0 == "\t" }) ?? true
            else { return String(line) }
            return indented + "#" + rest
        }
        return lines.joined(separator: "\n")
    }
}
