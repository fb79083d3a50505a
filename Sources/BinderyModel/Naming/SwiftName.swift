/// Turns names from a document (`Token_PostToken`, `canopysimulations:client_id:`, `nullable-simple-user`) into
/// Swift names that follow the API Design Guidelines: `UpperCamelCase` for types, `lowerCamelCase` for members.
///
/// Words are split at every character that cannot be in an identifier and at case changes (`HTTPServer` is
/// `HTTP` `Server`); only ASCII letters and digits survive. A name that would start with a digit gets a leading
/// underscore; a name with no letters or digits at all becomes `_` followed by the code points of its text, so it
/// still reads back to what it was.
public enum SwiftName {
    /// The words of `text`.
    public static func words(_ text: String) -> [Substring] {
        var words: [Substring] = []
        let scalars = text.unicodeScalars
        var start: String.UnicodeScalarView.Index?
        var index = scalars.startIndex
        func kind(_ scalar: Unicode.Scalar) -> Int {
            switch scalar {
            case "a"..."z": 1
            case "A"..."Z": 2
            case "0"..."9": 3
            default: 0
            }
        }
        while index < scalars.endIndex {
            let current = kind(scalars[index])
            if current == 0 {
                if let wordStart = start { words.append(Substring(scalars[wordStart..<index])) }
                start = nil
            } else if let wordStart = start {
                let previous = kind(scalars[scalars.index(before: index)])
                let next = scalars.index(after: index)
                let nextKind = next < scalars.endIndex ? kind(scalars[next]) : 0
                // A word starts at lower→Upper (`postToken`) and at the last capital of a run followed by a
                // lowercase letter (`HTTPServer`). Digits stay with the word before them (`v1`, `int32`).
                if (previous == 1 && current == 2) || (previous == 2 && current == 2 && nextKind == 1)
                    || (previous == 3 && current == 2 && nextKind == 1)
                {
                    words.append(Substring(scalars[wordStart..<index]))
                    start = index
                }
            } else {
                start = index
            }
            index = scalars.index(after: index)
        }
        if let wordStart = start { words.append(Substring(scalars[wordStart..<scalars.endIndex])) }
        return words
    }

    /// The words of `text` for a camel-case name: those of a SCREAMING_SNAKE_CASE name (several words, no lower
    /// case letter) in lower case, so `GUILD_TEXT` reads `guildText`; others as they are (`HTTP`, `user_ID`).
    static func camelWords(_ text: String) -> [Substring] {
        let words = words(text)
        guard words.count > 1, !text.unicodeScalars.contains(where: { ("a"..."z").contains($0) }) else { return words }
        return words.map { Substring($0.lowercased()) }
    }

    /// `UpperCamelCase`: every word capitalized, the rest of each word kept (`user_ID` is `UserID`).
    public static func upperCamelCase(_ text: String) -> String {
        let words = camelWords(text)
        guard !words.isEmpty else { return fallback(text) }
        return leadingDigitSafe(words.map(capitalized).joined())
    }

    /// `lowerCamelCase`: the first word in lower case (`HTTPServer` is `httpServer`), the others capitalized.
    public static func lowerCamelCase(_ text: String) -> String {
        let words = camelWords(text)
        guard let first = words.first else { return fallback(text) }
        return leadingDigitSafe(first.lowercased() + words.dropFirst().map(capitalized).joined())
    }

    /// `name` as written in declarations and uses: keywords in backticks.
    public static func identifier(_ name: String) -> String {
        SwiftKeywords.needsBackticks(name) ? "`\(name)`" : name
    }

    static func capitalized(_ word: Substring) -> String {
        guard let first = word.first else { return "" }
        return first.uppercased() + word.dropFirst()
    }

    static func leadingDigitSafe(_ name: String) -> String {
        guard let first = name.unicodeScalars.first, ("0"..."9").contains(first) else { return name }
        return "_" + name
    }

    /// A name for text without letters or digits, such as `-`, `+` or the empty string.
    static func fallback(_ text: String) -> String {
        if text.isEmpty { return "empty" }
        return "_" + text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: "_")
    }
}
