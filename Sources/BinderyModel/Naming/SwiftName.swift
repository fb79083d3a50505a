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
        var words: [Substring] = []
        let utf8 = text.utf8
        var start: String.Index?
        var previous = 0
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let current = kind(utf8[index])
            let next = utf8.index(after: index)
            if current == 0 {
                if let wordStart = start { words.append(text[wordStart..<index]) }
                start = nil
            } else if let wordStart = start {
                let nextKind = next != utf8.endIndex ? kind(utf8[next]) : 0
                // A word starts at lower→Upper (`postToken`) and at the last capital of a run followed by a
                // lowercase letter (`HTTPServer`). Digits stay with the word before them (`v1`, `int32`).
                if (previous == 1 && current == 2) || (previous == 2 && current == 2 && nextKind == 1)
                    || (previous == 3 && current == 2 && nextKind == 1)
                {
                    words.append(text[wordStart..<index])
                    start = index
                }
            } else {
                start = index
            }
            previous = current
            index = next
        }
        if let wordStart = start { words.append(text[wordStart...]) }
        return words
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

    /// The words of `text` for a camel-case name: those of a SCREAMING_SNAKE_CASE name (several words, no lower
    /// case letter) in lower case, so `GUILD_TEXT` reads `guildText`; others as they are (`HTTP`, `user_ID`).
    static func camelWords(_ text: String) -> [Substring] {
        let words = words(text)
        guard words.count > 1, !text.utf8.contains(where: { kind($0) == 1 }) else { return words }
        return words.map { Substring(lowercased($0)) }
    }

    /// `UpperCamelCase`: every word capitalized, the rest of each word kept (`user_ID` is `UserID`).
    public static func upperCamelCase(_ text: String) -> String {
        let words = camelWords(text)
        guard !words.isEmpty else { return fallback(text) }
        var name: [UInt8] = []
        name.reserveCapacity(text.utf8.count + 1)
        for word in words { appendCapitalized(word, to: &name) }
        return leadingDigitSafe(name)
    }

    /// `lowerCamelCase`: the first word in lower case (`HTTPServer` is `httpServer`), the others capitalized.
    public static func lowerCamelCase(_ text: String) -> String {
        let words = camelWords(text)
        guard let first = words.first else { return fallback(text) }
        var name: [UInt8] = []
        name.reserveCapacity(text.utf8.count + 1)
        name.append(contentsOf: first.utf8.lazy.map(lowercased))
        for word in words.dropFirst() { appendCapitalized(word, to: &name) }
        return leadingDigitSafe(name)
    }

    /// `name` as written in declarations and uses: keywords in backticks.
    public static func identifier(_ name: String) -> String {
        SwiftKeywords.needsBackticks(name) ? "`\(name)`" : name
    }

    /// `word` (ASCII letters and digits, as ``words(_:)`` makes them) with its first letter in upper case.
    static func appendCapitalized(_ word: Substring, to name: inout [UInt8]) {
        var isFirst = true
        for byte in word.utf8 {
            name.append(isFirst && kind(byte) == 1 ? byte - 0x20 : byte)
            isFirst = false
        }
    }

    static func lowercased(_ byte: UInt8) -> UInt8 {
        kind(byte) == 2 ? byte + 0x20 : byte
    }

    static func lowercased(_ word: Substring) -> String {
        String(decoding: word.utf8.map(lowercased), as: UTF8.self)
    }

    static func leadingDigitSafe(_ name: [UInt8]) -> String {
        guard let first = name.first, kind(first) == 3 else { return String(decoding: name, as: UTF8.self) }
        return String(decoding: [UInt8(ascii: "_")] + name, as: UTF8.self)
    }

    /// A name for text without letters or digits, such as `-`, `+` or the empty string.
    static func fallback(_ text: String) -> String {
        if text.isEmpty { return "empty" }
        return "_" + text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: "_")
    }
}
