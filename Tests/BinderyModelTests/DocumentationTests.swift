import TestExecutors
import Testing

@testable import BinderyModel

/// `Documentation.clean` works on bytes; it must give what the character-by-character definition gives, on text
/// full of line ends (`\r\n` is one character, so it does not end a line), blanks and combining marks.
@Suite(.computing) struct DocumentationTests {
    static let pieces = [
        "a", "Zürich", " ", "\t", "\n", "\r", "\r\n", "\n\n", " \n", "\u{301}", " \u{301}", "\u{600} ", "e\u{301}",
        "👍🏽", "\u{2028}", "  x  ",
    ]

    @Test func cleaningByBytesMatchesCleaningByCharacters() {
        var state: UInt64 = 5
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let texts =
            Self.pieces
            + (0..<3000).map { _ in (0..<next(10)).map { _ in Self.pieces[next(Self.pieces.count)] }.joined() }
        for text in texts {
            #expect(Documentation.clean(text) == Documentation.cleanByCharacters(text), "\(Array(text.unicodeScalars))")
        }
        #expect(Documentation.clean("\n  Pets \n\n in a store\t\n \n") == "  Pets\n\n in a store")
        #expect(Documentation.clean(" \n\t") == nil)
    }
}

/// `TypeID.appending` escapes by bytes; it must agree with escaping character by character.
@Suite(.computing) struct TypeIDTests {
    static func appending(_ id: TypeID, _ token: String) -> String {
        var raw = id.rawValue + "/"
        for character in token {
            switch character {
            case "~": raw += "~0"
            case "/": raw += "~1"
            default: raw.append(character)
            }
        }
        return raw
    }

    @Test(arguments: [
        "Pet", "a/b", "~x", "~/~/", "/\u{301}", "~\u{301}x", "a/b~\u{301}", "~", "", "ü/ö", "application/json",
    ])
    func tokensAreEscapedAsJSONPointerTokens(_ token: String) {
        let id = TypeID(file: "api.yaml", pointer: "/components/schemas")
        #expect(id.appending(token).rawValue == Self.appending(id, token))
        // The hash continued over the appended bytes is the hash of the whole identity.
        #expect(id.appending(token) == TypeID(Self.appending(id, token)))
        #expect(id.appending(token).hashValue == TypeID(Self.appending(id, token)).hashValue)
        let twice = id.appending(token, "x/y")
        #expect(twice == TypeID(Self.appending(TypeID(Self.appending(id, token)), "x/y")))
        #expect(twice.hashValue == id.appending(token).appending("x/y").hashValue)
    }
}
