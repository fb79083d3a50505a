/// Text from the document made safe to place in generated Swift.
///
/// Everything the document says that ends up in code goes through here: as a string literal it is escaped, in a
/// comment it is split into lines, so no description, name or value can end a literal or a comment early.
public enum SwiftLiteral {
    /// A Swift string literal for `text`: `"a \"b\"\n"`.
    public static func string(_ text: String) -> String {
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xE2 }) {
            return "\"" + text + "\""
        }
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        bytes.reserveCapacity(text.utf8.count + 2)
        let utf8 = Array(text.utf8)
        var index = 0
        var run = 0
        while index < utf8.count {
            let byte = utf8[index]
            let escape: String?
            var length = 1
            switch byte {
            case UInt8(ascii: "\""): escape = "\\\""
            case UInt8(ascii: "\\"): escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0x00: escape = "\\0"
            case 0x01..<0x20, 0x7F: escape = "\\u{\(String(byte, radix: 16))}"
            // U+2028 and U+2029 (E2 80 A8, E2 80 A9) end a line inside a literal.
            case 0xE2
            where index + 2 < utf8.count && utf8[index + 1] == 0x80 && (0xA8...0xA9).contains(utf8[index + 2]):
                escape = "\\u{\(utf8[index + 2] == 0xA8 ? "2028" : "2029")}"
                length = 3
            default: escape = nil
            }
            if let escape {
                bytes += utf8[run..<index]
                bytes += escape.utf8
                index += length
                run = index
            } else {
                index += 1
            }
        }
        bytes += utf8[run...]
        bytes.append(UInt8(ascii: "\""))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The text inside a string literal for `text`, for building literals with interpolations.
    public static func stringContent(_ text: String) -> String {
        String(string(text).dropFirst().dropLast())
    }

    /// `text` as lines, split at every kind of line break, with control characters removed, for comments.
    public static func lines(_ text: String) -> [String] {
        // Most text is one line without control characters: only blanks at its end to trim.
        let utf8 = text.utf8
        func isSpecial(_ byte: UInt8) -> Bool { byte < 0x20 && byte != 0x09 || byte == 0xC2 || byte == 0xE2 }
        let hasSpecial =
            utf8.withContiguousStorageIfAvailable { $0.contains(where: isSpecial) } ?? utf8.contains(where: isSpecial)
        if !hasSpecial {
            var end = utf8.endIndex
            while end > utf8.startIndex, case let last = utf8[utf8.index(before: end)], last == 0x20 || last == 0x09 {
                end = utf8.index(before: end)
            }
            if end == utf8.endIndex { return [text] }
            if end == utf8.startIndex || utf8[utf8.index(before: end)] < 0x80 {
                return [String(decoding: utf8[..<end], as: UTF8.self)]
            }
        }
        var lines: [String] = []
        var current: [UInt8] = []
        var previousWasCR = false
        func endLine() {
            // Without the spaces and tabs at the end, as characters: after a non-ASCII scalar a space may be part
            // of its character (U+0600 ARABIC NUMBER SIGN joins what follows it).
            var end = current.count
            while end > 0 && (current[end - 1] == 0x20 || current[end - 1] == 0x09) { end -= 1 }
            if end > 0 && end < current.count && current[end - 1] >= 0x80 {
                var line = Substring(String(decoding: current, as: UTF8.self))
                while let last = line.last, last == " " || last == "\t" { line = line.dropLast() }
                lines.append(String(line))
            } else {
                lines.append(String(decoding: current[..<end], as: UTF8.self))
            }
            current.removeAll(keepingCapacity: true)
        }
        let bytes = Array(utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x0A where previousWasCR:
                previousWasCR = false
            case 0x0A, 0x0B, 0x0C, 0x0D:
                endLine()
                previousWasCR = byte == 0x0D
            case 0x09:
                current.append(byte)
                previousWasCR = false
            case 0x00..<0x20:
                // Other control characters are left out.
                previousWasCR = false
            // NEL (C2 85), LINE SEPARATOR and PARAGRAPH SEPARATOR (E2 80 A8, E2 80 A9) end a line too.
            case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0x85:
                endLine()
                previousWasCR = false
                index += 1
            case 0xE2
            where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (0xA8...0xA9).contains(bytes[index + 2]):
                endLine()
                previousWasCR = false
                index += 2
            default:
                current.append(byte)
                previousWasCR = false
            }
            index += 1
        }
        endLine()
        return lines
    }
}
