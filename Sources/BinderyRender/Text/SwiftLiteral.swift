/// Text from the document made safe to place in generated Swift.
///
/// Everything the document says that ends up in code goes through here: as a string literal it is escaped, in a
/// comment it is split into lines, so no description, name or value can end a literal or a comment early.
public enum SwiftLiteral {
    /// A Swift string literal for `text`: `"a \"b\"\n"`.
    public static func string(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\0": result += "\\0"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || (0x2028...0x2029).contains(scalar.value):
                result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// The text inside a string literal for `text`, for building literals with interpolations.
    public static func stringContent(_ text: String) -> String {
        String(string(text).dropFirst().dropLast())
    }

    /// `text` as lines, split at every kind of line break, with control characters removed, for comments.
    public static func lines(_ text: String) -> [String] {
        var lines: [String] = []
        var current = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n" where previousWasCR:
                previousWasCR = false
                continue
            case "\n", "\r", "\u{2028}", "\u{2029}", "\u{0B}", "\u{0C}", "\u{85}":
                lines.append(current)
                current = ""
                previousWasCR = scalar == "\r"
                continue
            case _ where scalar.value < 0x20 && scalar != "\t":
                break
            default:
                current.unicodeScalars.append(scalar)
            }
            previousWasCR = false
        }
        lines.append(current)
        return lines.map { line in
            var line = Substring(line)
            while let last = line.last, last == " " || last == "\t" { line = line.dropLast() }
            return String(line)
        }
    }
}
