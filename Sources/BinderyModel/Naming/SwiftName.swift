/// Turns names from a document (`Token_PostToken`, `canopysimulations:client_id:`, `nullable-simple-user`) into
/// Swift names that follow the API Design Guidelines: `UpperCamelCase` for types, `lowerCamelCase` for members.
///
/// Words are split at every character that cannot be in an identifier and at case changes (`HTTPServer` is
/// `HTTP` `Server`); only ASCII letters and digits survive. A name that would start with a digit gets a leading
/// underscore; a name with no letters or digits at all becomes `_` followed by the code points of its text, so it
/// still reads back to what it was.
public enum SwiftName {
    /// The words of `text`.
    ///
    /// Only ASCII letters and digits make words, so the text is read as UTF-8 bytes: every byte of a non-ASCII
    /// character separates words, as the character does.
    public static func words(_ text: String) -> [Substring] {
        let utf8 = text.utf8
        return withBytes(text) { wordRanges($0) }.map { range in
            let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            return text[start..<utf8.index(start, offsetBy: range.count)]
        }
    }

    /// Where the words of ``words(_:)`` are in `bytes`, a text's UTF-8.
    static func wordRanges(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var words: [Range<Int>] = []
        forEachWord(in: bytes) { words.append($0) }
        return words
    }

    /// Calls `body` with the range of each word of ``words(_:)`` in `bytes`, in order.
    @inline(__always)
    static func forEachWord(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        var start: Int?
        var previous = 0
        for index in bytes.indices {
            let current = kind(bytes[index])
            if current == 0 {
                if let wordStart = start { body(wordStart..<index) }
                start = nil
            } else if let wordStart = start {
                let nextKind = index + 1 < bytes.count ? kind(bytes[index + 1]) : 0
                // A word starts at lower→Upper (`postToken`) and at the last capital of a run followed by a
                // lowercase letter (`HTTPServer`). Digits stay with the word before them (`v1`, `int32`).
                if (previous == 1 && current == 2) || (previous == 2 && current == 2 && nextKind == 1)
                    || (previous == 3 && current == 2 && nextKind == 1)
                {
                    body(wordStart..<index)
                    start = index
                }
            } else {
                start = index
            }
            previous = current
        }
        if let wordStart = start { body(wordStart..<bytes.count) }
    }

    /// `body` with the UTF-8 of `text`, in place where it is stored contiguously.
    static func withBytes<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// 1 for a lowercase ASCII letter, 2 for an uppercase one, 3 for a digit, 0 for any other byte.
    private static func kind(_ byte: UInt8) -> Int {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): 1
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): 2
        case UInt8(ascii: "0")...UInt8(ascii: "9"): 3
        default: 0
        }
    }

    /// `UpperCamelCase`: every word capitalized, the rest of each word kept (`user_ID` is `UserID`).
    public static func upperCamelCase(_ text: String) -> String {
        camelCase(text, lowerFirst: false)
    }

    /// `lowerCamelCase`: the first word in lower case (`HTTPServer` is `httpServer`), the others capitalized.
    public static func lowerCamelCase(_ text: String) -> String {
        camelCase(text, lowerFirst: true)
    }

    /// The words of `text` joined, each capitalized, or the first in lower case; from the bytes, without a string
    /// per word. The words of a SCREAMING_SNAKE_CASE name (several words, no lowercase letter) are in lower case
    /// first, so `GUILD_TEXT` reads `guildText`; others keep their case (`HTTP`, `user_ID`).
    static func camelCase(_ text: String, lowerFirst: Bool) -> String {
        let name: String? = withBytes(text) { bytes in
            // Without a lowercase letter, words are the runs of letters and digits (a word starts inside a run only
            // before or after a lowercase letter): two runs make it SCREAMING_SNAKE_CASE.
            var hasLowercase = false
            var runs = 0
            var first: Int?
            var previous = 0
            for (index, byte) in bytes.enumerated() {
                let current = kind(byte)
                if current == 1 { hasLowercase = true }
                if current != 0 && previous == 0 {
                    runs += 1
                    if first == nil { first = index }
                }
                previous = current
            }
            guard let first else { return nil }
            let lowers = !hasLowercase && runs > 1
            // Written in place: the name is at most the text's letters and digits, after a `_` when it would start
            // with a digit.
            return String(unsafeUninitializedCapacity: bytes.count + 1) { name in
                var count = 0
                if kind(bytes[first]) == 3 {
                    name[0] = UInt8(ascii: "_")
                    count = 1
                }
                var position = 0
                forEachWord(in: bytes) { word in
                    for index in word {
                        let byte = lowers || (lowerFirst && position == 0) ? lowercased(bytes[index]) : bytes[index]
                        let capitalizes = index == word.lowerBound && !(lowerFirst && position == 0)
                        name[count] = capitalizes && kind(byte) == 1 ? byte - 0x20 : byte
                        count += 1
                    }
                    position += 1
                }
                return count
            }
        }
        return name ?? fallback(text)
    }

    /// `name` as written in declarations and uses: keywords in backticks.
    public static func identifier(_ name: String) -> String {
        SwiftKeywords.needsBackticks(name) ? "`\(name)`" : name
    }

    static func lowercased(_ byte: UInt8) -> UInt8 {
        kind(byte) == 2 ? byte + 0x20 : byte
    }

    /// A name for text without letters or digits, such as `-`, `+` or the empty string.
    static func fallback(_ text: String) -> String {
        if text.isEmpty { return "empty" }
        return "_" + text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: "_")
    }
}
