import Foundation
import TestExecutors
import Testing

@testable import BinderyYAML

/// Plain JSON is read by the JSON reader (`json_reader.c`), which must build the document libyaml's parse builds,
/// node for node (order, positions, texts, styles), and leave everything else to libyaml, so that every error is
/// libyaml's. Each case says whether the reader takes it, so a reader that declined everything would fail here.
@Suite(.computing) struct JSONReaderTests {
    static let reader = ShimReader.json

    /// What the reader takes, each with libyaml's positions: columns count characters, lines LF and CR LF.
    static let taken: [(name: String, text: String)] = [
        ("empty object", "{}"),
        ("empty array", "[]"),
        ("nested empties", "{\"a\": {}, \"b\": [], \"c\": [{}, []]}"),
        ("white space around the root", "  \n\n  {\"a\": 1}  \n\n"),
        ("a byte order mark first", "\u{FEFF}{\n  \"a\": 1}"),
        ("tabs after the root on its line", "{\"a\": 1} \t \n"),
        ("no space after the colon", "{\"a\":1,\"b\":\"x\"}"),
        ("space before the colon", "{\"a\" : 1}"),
        ("tabs inside the root", "{\t\"a\":\t[1,\t2]\t}"),
        ("a tab at a line's start inside the root", "{\n\t\"a\": 1\n}"),
        ("CR LF", "{\r\n  \"a\": [\r\n    1,\r\n    \"x\"\r\n  ]\r\n}\r\n"),
        ("the value on the next line", "{\"a\":\n  1}"),
        ("numbers", "[0, -0, 12, -3.25, 1e10, 1E+5, -0.5e-3, 2.5E-10]"),
        ("literals", "[true, false, null]"),
        ("escapes", #"["\" \\ \/ \b \f \n \r \t", "\u00e9\u00E9", "\u0000", "\u2028"]"#),
        ("a surrogate pair", #"{"smile": "a\ud83d\ude00b", "after": 1}"#),
        ("non-ASCII before a value on the line", "{\"Zürich 名前 👍🏽\": \"é\", \"next\": [\"😀\", 1]}"),
        ("a key 1000 bytes from its colon", "{\"" + String(repeating: "k", count: 998) + "\": 1}"),
        ("a key of 998 characters in 1,996 bytes", "{\"" + String(repeating: "é", count: 998) + "\": 1}"),
        ("a key of 998 characters in 3,992 bytes", "{\"" + String(repeating: "😀", count: 998) + "\": 1}"),
        ("a string with a hash and a colon", "{\"a\": \"# not a comment: really\"}"),
        ("a root array of objects", "[{\"a\": 1}, {\"a\": 2}]"),
        ("deep nesting", String(repeating: "[", count: 40) + String(repeating: "]", count: 40)),
    ]

    @Test(arguments: taken)
    func theReaderTakesPlainJSON(name: String, text: String) {
        Self.reader.expectSame(text, read: true, name)
    }

    /// What the reader leaves to libyaml, which reads it otherwise than plain JSON would be read, or fails: each is
    /// still the same both ways.
    static let declined: [(name: String, text: String)] = [
        ("a tab before the root", "\t{\"a\": 1}"),
        ("a tab on a line after the root", "{\"a\": 1}\n\t"),
        ("a bare CR", "{\"a\": 1,\r\"b\": 2}"),
        ("a byte order mark in a string", "{\"a\": \"x\u{FEFF}y\"}"),
        ("a raw tab in a string", "{\"a\": \"x\ty\"}"),
        ("a raw line break in a string", "{\"a\": \"x\ny\"}"),
        ("a raw NEL in a string", "{\"a\": \"x\u{85}y\"}"),
        ("a raw line separator in a string", "{\"a\": \"x\u{2028}y\"}"),
        ("a raw control character", "{\"a\": \"x\u{7}y\"}"),
        ("a raw C1 control character", "{\"a\": \"x\u{80}y\"}"),
        ("DEL", "{\"a\": \"x\u{7F}y\"}"),
        ("a lone high surrogate", #"{"a": "\ud83d"}"#),
        ("a lone low surrogate", #"{"a": "\ude00x"}"#),
        ("a high surrogate without its low one", #"{"a": "\ud83d\u0041"}"#),
        ("a YAML escape", #"{"a": "\x41"}"#),
        ("a key 1030 characters long", "{\"" + String(repeating: "k", count: 1030) + "\": 1}"),
        ("a key of 1010 characters in 2,020 bytes", "{\"" + String(repeating: "é", count: 1010) + "\": 1}"),
        ("a byte order mark second", " \u{FEFF}{\"a\": 1}"),
        ("a colon on the next line", "{\"a\"\n: 1}"),
        ("a trailing comma", "{\"a\": 1,}"),
        ("a trailing comma in an array", "[1, 2,]"),
        ("a comment", "{\"a\": 1} # note"),
        ("a comment inside", "{\"a\": 1, # note\n\"b\": 2}"),
        ("single quotes", "{'a': 1}"),
        ("a key without quotes", "{a: 1}"),
        ("a number as a key", "{1: 2}"),
        ("a key without a value", "{\"a\"}"),
        ("a leading zero", "[01]"),
        ("a bare point", "[1.]"),
        ("a leading point", "[.5]"),
        ("a plus sign", "[+1]"),
        ("NaN", "[NaN]"),
        ("an exponent without digits", "[1e]"),
        ("a truncated literal", "[tru]"),
        ("a literal run on", "[nullx]"),
        ("two values without a comma", "[1 2]"),
        ("two documents", "{}\n{}"),
        ("a document end marker", "{}\n..."),
        ("an unclosed object", "{\"a\": 1"),
        ("an unclosed string", "{\"a\": \"x}"),
        ("a duplicate key", "{\"a\": 1, \"a\": 2}"),
        ("a flow mapping inside an array", "[\"a\": 1]"),
        ("a YAML anchor", "[&x 1, *x]"),
        ("a tag", "[!!str 1]"),
    ]

    @Test(arguments: declined)
    func theReaderLeavesTheRestToLibyaml(name: String, text: String) {
        Self.reader.expectSame(text, read: false, name)
    }

    /// Bytes no Swift string holds: invalid and overlong UTF-8, and a surrogate written in UTF-8.
    @Test(arguments: [[0xC3], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xEF, 0xBF, 0xBE], [0xF4, 0x90, 0x80, 0x80]])
    func invalidUTF8IsLeftToLibyaml(bytes: [UInt8]) {
        Self.reader.expectSame(Array("{\"a\": \"x".utf8) + bytes + Array("y\"}".utf8), read: false, "\(bytes)")
    }

    /// The depth limit is the builder's, and a document beyond it is left to libyaml, which reports it.
    @Test func theDepthLimitIsLibyamlsError() {
        let text = "{\"a\": " + String(repeating: "[", count: 9) + String(repeating: "]", count: 9) + "}"
        Self.reader.expectTheDepthLimitIsLibyamlsError(text)
    }

    /// Random pretty-printed JSON (as the split tests make it): escapes, non-ASCII text, tabs, CR LF, nested
    /// arrays; with `tricky`, now and then something that is not plain JSON.
    @Test func randomDocumentsAreTheSame() {
        var taken = 0
        for seed in UInt64(1)...600 {
            var random = SplitParseTests.RandomJSON(seed: seed)
            random.tricky = seed % 2 == 0
            if Self.reader.expectSame(random.document(), "seed \(seed)") { taken += 1 }
        }
        // The plain half, at least, is read by the reader.
        #expect(taken >= 300)
    }

    @Test func canopyDescriptionIsReadTheSame() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Specs/canopy-2022.json")
        Self.reader.expectSame(try String(contentsOf: url, encoding: .utf8), read: true, "canopy-2022.json")
    }
}
