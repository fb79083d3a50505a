/// Text from the document made safe to place in generated Swift.
///
/// Everything the document says that ends up in code goes through here: as a string literal it is escaped, in a
/// comment it is split into lines, so no description, name or value can end a literal or a comment early.
public enum SwiftLiteral {
    /// A Swift string literal for `text`: `"a \"b\"\n"`.
    public static func string(_ text: String) -> String {
        var text = text
        if !text.withUTF8(needsEscaping) {
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

    /// Whether `bytes` has a byte that may need escaping in a literal: a control character, `"`, `\\`, DEL, or `E2`
    /// (which starts U+2028 and U+2029). Eight bytes at a time while all are plain ASCII.
    static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let high: UInt64 = 0x8080_8080_8080_8080
            func hasZeroByte(_ word: UInt64) -> Bool { (word &- ones) & ~word & high != 0 }
            while index + 8 <= count {
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                if word & high != 0 || (word &- ones &* 0x20) & ~word & high != 0 || hasZeroByte(word ^ (ones &* 0x22))
                    || hasZeroByte(word ^ (ones &* 0x5C)) || hasZeroByte(word ^ (ones &* 0x7F))
                {
                    break
                }
                index += 8
            }
        }
        while index < count {
            let byte = bytes[index]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || byte == 0xE2 { return true }
            index += 1
        }
        return false
    }

    /// The text inside a string literal for `text`, for building literals with interpolations.
    public static func stringContent(_ text: String) -> String {
        String(string(text).dropFirst().dropLast())
    }

    /// `text` as lines, split at every kind of line break, with control characters removed, for comments.
    public static func lines(_ text: String) -> [String] {
        var utf8 = text
        return utf8.withUTF8 { lines(of: $0, text: text) }
    }

    /// The lines of `bytes`, `text`'s UTF-8. Runs of plain ASCII (eight bytes at a time) are skipped and copied
    /// whole: descriptions are mostly such runs, and this was 2% of a run's instructions byte by byte.
    private static func lines(of bytes: UnsafeBufferPointer<UInt8>, text: String) -> [String] {
        let count = bytes.count
        var index = 0
        // Most text is one line without control characters: only blanks at its end to trim.
        if firstSpecialByte(in: bytes, from: 0) == count {
            var end = count
            while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            if end == count { return [text] }
            if end == 0 || bytes[end - 1] < 0x80 {
                return [String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self)]
            }
        }
        var lines: [String] = []
        var current: [UInt8] = []
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
        var previousWasCR = false
        while index < count {
            // The bytes up to the next special one are kept as they are.
            let special = firstSpecialByte(in: bytes, from: index)
            if special > index {
                current.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<special]))
                previousWasCR = false
                index = special
                if index == count { break }
            }
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
            case 0xC2 where index + 1 < count && bytes[index + 1] == 0x85:
                endLine()
                previousWasCR = false
                index += 1
            case 0xE2
            where index + 2 < count && bytes[index + 1] == 0x80 && (0xA8...0xA9).contains(bytes[index + 2]):
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

    /// The offset of the first byte at or after `start` that may start a line break or a control character (a
    /// control character, `C2` or `E2`), or `bytes.count`.
    static func firstSpecialByte(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        let count = bytes.count
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return count }
        let high: UInt64 = 0x8080_8080_8080_8080
        while true {
            // Eight bytes at a time while all are ASCII and none is a control character.
            while index + 8 <= count {
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let belowSpace = (word &- 0x2020_2020_2020_2020) & ~word & high
                if (word & high) | belowSpace != 0 { break }
                index += 8
            }
            guard index < count else { return count }
            let byte = bytes[index]
            if byte < 0x20 || byte == 0xC2 || byte == 0xE2 { return index }
            index += 1
        }
    }
}
