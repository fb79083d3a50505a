import Foundation

/// Text from the document placed in generated Markdown.
enum MarkdownText {
    /// `text` for a table cell: one line, pipes escaped.
    static func cell(_ text: String?) -> String {
        guard let text else { return "" }
        let cell = SwiftLiteral.lines(text).filter { !$0.isEmpty }.joined(separator: "<br>")
        let utf8 = Array(cell.utf8)
        guard let first = utf8.firstIndex(of: UInt8(ascii: "|")) else { return cell }
        // A pipe that a non-ASCII scalar follows may be part of a larger character: Foundation decides.
        if utf8[first...].indices.contains(where: {
            utf8[$0] == UInt8(ascii: "|") && $0 + 1 < utf8.count && utf8[$0 + 1] >= 0x80
        }) {
            return cell.replacingOccurrences(of: "|", with: "\\|")
        }
        var escaped: [UInt8] = Array(utf8[..<first])
        escaped.reserveCapacity(utf8.count + 8)
        for byte in utf8[first...] {
            if byte == UInt8(ascii: "|") { escaped.append(UInt8(ascii: "\\")) }
            escaped.append(byte)
        }
        return String(decoding: escaped, as: UTF8.self)
    }

    /// `text` in backticks, as inline code, with a longer fence when it contains backticks.
    static func code(_ text: String) -> String {
        var fence = "`"
        let utf8 = Array(text.utf8)
        // A backtick that a non-ASCII scalar follows may be part of a larger character: Foundation decides.
        let mayJoin = utf8.indices.contains {
            utf8[$0] == UInt8(ascii: "`") && $0 + 1 < utf8.count && utf8[$0 + 1] >= 0x80
        }
        if mayJoin {
            while text.contains(fence) { fence += "`" }
        } else {
            // One backtick more than the longest run of them.
            var run = 0
            for byte in utf8 {
                run = byte == UInt8(ascii: "`") ? run + 1 : 0
                if run == fence.utf8.count { fence += "`" }
            }
        }
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
