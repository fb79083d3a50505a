#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Text from the document placed in generated Markdown.
enum MarkdownText {
    /// `text` for a table cell: one line, pipes escaped.
    static func cell(_ text: String?) -> String {
        guard let text else { return "" }
        let lines = SwiftLiteral.lines(text)
        // Most cells are one line without a `|`: returned as they are, no list or bytes made of them.
        let cell = lines.count == 1 ? lines[0] : lines.filter { !$0.isEmpty }.joined(separator: "<br>")
        guard let first = firstByte(in: cell, where: { $0 == UInt8(ascii: "|") }) else { return cell }
        let utf8 = Array(cell.utf8)
        if mayJoinAScalar(UInt8(ascii: "|"), in: utf8) {
            return cell.replacing("|", with: "\\|")
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
        // Most code is ASCII without a backtick: one on each side. (Not any text without a backtick byte: U+1FEF
        // GREEK VARIA is canonically a backtick, so a text that starts or ends with it is padded, as one that
        // starts or ends with a backtick is.)
        if firstByte(in: text, where: { $0 == UInt8(ascii: "`") || $0 >= 0x80 }) == nil { return "`" + text + "`" }
        var fence = "`"
        let utf8 = Array(text.utf8)
        if mayJoinAScalar(UInt8(ascii: "`"), in: utf8) {
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

    /// The offset in `text`'s UTF-8 of the first byte that satisfies `predicate`, searched in place (through
    /// `String.UTF8View`, a byte at a time, it cost more than copying the bytes out).
    static func firstByte(in text: String, where predicate: (UInt8) -> Bool) -> Int? {
        var text = text
        return text.withUTF8 { $0.firstIndex(where: predicate) }
    }

    /// Whether a `byte` (ASCII) in `utf8` has a non-ASCII scalar after it, and so may be part of a larger character:
    /// then the text is searched by characters (the standard library's `replacing` and `contains`), as it was before
    /// it was searched by bytes.
    static func mayJoinAScalar(_ byte: UInt8, in utf8: [UInt8]) -> Bool {
        utf8.indices.contains { utf8[$0] == byte && $0 + 1 < utf8.count && utf8[$0 + 1] >= 0x80 }
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
