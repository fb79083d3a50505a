import Foundation
import TestExecutors
import Testing

@testable import BinderyRender

/// The byte-level text helpers against their definitions, written scalar by scalar and character by character, on
/// random text full of line breaks, control characters, pipes and combining marks.
@Suite(.computing) struct TextTests {
    /// `SwiftLiteral.string`, scalar by scalar.
    static func literal(_ text: String) -> String {
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

    /// `SwiftLiteral.lines`, scalar by scalar, trailing blanks trimmed by character.
    static func lines(_ text: String) -> [String] {
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

    static let pieces = [
        "a", "Zürich", " ", "  ", "\t", "\n", "\r", "\r\n", "\u{2028}", "\u{2029}", "\u{85}", "\u{0B}", "\u{0C}",
        "\u{01}", "\u{1B}", "\u{7F}", "\0", "\"", "\\", "|", "|\u{301}", "\u{301}", " \u{301}", "\u{600} ", "e\u{301}",
        "👍🏽", "`", "<br>", "``", "`\u{301}",
    ]

    static let texts: [String] = {
        var state: UInt64 = 11
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        // Long runs of plain ASCII too, which `SwiftLiteral.lines` skips eight bytes at a time.
        let long = pieces + ["The quick brown fox jumps over the lazy dog", "0123456789abcdef"]
        return pieces + (0..<2000).map { _ in (0..<next(12)).map { _ in pieces[next(pieces.count)] }.joined() }
            + (0..<1000).map { _ in (0..<next(40)).map { _ in long[next(long.count)] }.joined() }
    }()

    @Test func literalsAndLinesMatchTheirDefinitions() {
        for text in Self.texts {
            #expect(SwiftLiteral.string(text) == Self.literal(text), "\(Array(text.unicodeScalars))")
            #expect(SwiftLiteral.lines(text) == Self.lines(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func tableCellsEscapePipesAsFoundationDoes() {
        for text in Self.texts {
            let expected = Self.lines(text).filter { !$0.isEmpty }.joined(separator: "<br>")
                .replacingOccurrences(of: "|", with: "\\|")
            #expect(MarkdownText.cell(text) == expected, "\(Array(text.unicodeScalars))")
        }
        #expect(MarkdownText.cell("a | b\nc") == "a \\| b<br>c")
    }

    /// Inline code as characters define it: a fence of one backtick more than the text holds in a row, and a space
    /// inside it where the text starts or ends with a backtick.
    @Test func inlineCodeMatchesItsDefinition() {
        for text in Self.texts {
            var fence = "`"
            while text.contains(fence) { fence += "`" }
            let padded = text.hasPrefix("`") || text.hasSuffix("`") ? " \(text) " : text
            #expect(MarkdownText.code(text) == fence + padded + fence, "\(Array(text.unicodeScalars))")
        }
        // U+1FEF GREEK VARIA is canonically a backtick: a text that starts or ends with it is padded, as it always
        // was, though its bytes hold no backtick (a first shortcut for text without backtick bytes left it out).
        #expect(MarkdownText.code("\u{1FEF}x") == "` \u{1FEF}x `")
        #expect(MarkdownText.code("x\u{1FEF}") == "` x\u{1FEF} `")
        #expect(MarkdownText.code("x\u{1FEF}y") == "`x\u{1FEF}y`")
    }
}
