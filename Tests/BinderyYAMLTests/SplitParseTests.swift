import Foundation
import TestExecutors
import Testing

@testable import BinderyYAML

/// A large document is parsed in two halves at once (`bindery_yaml_options`): the document must be the one a parse
/// in one piece makes, node for node (order, positions, texts, styles), and so must every error. Documents go to
/// libyaml here, both ways, as they do when the JSON reader or the block-YAML reader declines them
/// (``JSONReaderTests``, ``YAMLReaderTests``).
@Suite(.computing) struct SplitParseTests {
    /// Parses `text` in one piece and in halves (from any size), by libyaml, and returns both.
    static func parseBothWays(
        _ text: String, limits: YAMLDocument.Limits = .default
    ) -> (whole: Result<YAMLDocument, YAMLError>, halves: Result<YAMLDocument, YAMLError>) {
        func parse(_ splitMinimumBytes: Int) -> Result<YAMLDocument, YAMLError> {
            Result { () throws(YAMLError) in
                try YAMLDocument(
                    bytes: Array(text.utf8), file: "spec.json", limits: limits, splitMinimumBytes: splitMinimumBytes,
                    jsonByLibyaml: true, yamlByLibyaml: true)
            }
        }
        return (parse(.max), parse(1))
    }

    /// Expects `text` to read the same in one piece and in halves: the same tree, or the same error. Returns the
    /// document parsed in halves when both succeed.
    @discardableResult
    static func expectSameBothWays(
        _ text: String, limits: YAMLDocument.Limits = .default, _ context: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> YAMLDocument? {
        let (whole, halves) = parseBothWays(text, limits: limits)
        return expectSameParse(whole, halves, "\(context)", text: text, sourceLocation: sourceLocation)
    }

    /// Expects two parses of one text to agree: the same tree, or the same error. Returns the second document when
    /// both succeed.
    @discardableResult
    static func expectSameParse(
        _ expected: Result<YAMLDocument, YAMLError>, _ actual: Result<YAMLDocument, YAMLError>, _ context: String,
        text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> YAMLDocument? {
        switch (expected, actual) {
        case (.success(let expectedDocument), .success(let document)):
            #expect(
                difference(expectedDocument.root, document.root) == nil, "\(context)", sourceLocation: sourceLocation)
            return document
        case (.failure(let expectedError), .failure(let error)):
            #expect(described(error) == described(expectedError), "\(context)", sourceLocation: sourceLocation)
        default:
            Issue.record("\(context): \(expected) against \(actual)\n\(text)", sourceLocation: sourceLocation)
        }
        return nil
    }

    /// An error as a user reads it: where, and what.
    static func described(_ error: YAMLError) -> String {
        "\(error.location.file):\(error.location.line):\(error.location.column): \(error.message)"
    }

    /// The first difference between two trees, or `nil`.
    static func difference(_ lhs: YAMLNode, _ rhs: YAMLNode, path: String = "root") -> String? {
        if lhs.ordinal != rhs.ordinal { return "\(path): ordinal \(lhs.ordinal) against \(rhs.ordinal)" }
        if lhs.kind != rhs.kind || lhs.location != rhs.location || lhs.tag != rhs.tag
            || lhs.scalarStyle != rhs.scalarStyle || lhs.isFlow != rhs.isFlow || lhs.scalar != rhs.scalar
            || lhs.count != rhs.count
        {
            return "\(path): \(lhs.kind) \(lhs.location) \(lhs.scalar ?? "") against \(rhs.kind) \(rhs.location) "
                + (rhs.scalar ?? "")
        }
        switch lhs.kind {
        case .mapping:
            for (left, right) in zip(lhs.pairs, rhs.pairs) {
                let path = path + "." + (left.key.scalar ?? "?")
                if let found = difference(left.key, right.key, path: path)
                    ?? difference(
                        left.value, right.value, path: path)
                {
                    return found
                }
            }
        case .sequence:
            for (index, (left, right)) in zip(lhs.elements, rhs.elements).enumerated() {
                if let found = difference(left, right, path: "\(path)[\(index)]") { return found }
            }
        case .scalar:
            break
        }
        return nil
    }

    /// Random pretty-printed JSON: a root with `paths` (many members, so that a cut is found inside it) and
    /// `components` after it, keys and strings with escapes and non-ASCII text, nested objects and arrays,
    /// blanks and line ends of several kinds.
    struct RandomJSON: SeededRandom {
        var state: UInt64
        let lineEnd: String
        let indentUnit: String
        let colon: String
        /// Whether members are now and then what the reviews found the scan misread (keys without quotes or values,
        /// array items without commas, escaped line breaks).
        var tricky = false

        init(seed: UInt64) {
            state = seed
            lineEnd = seed % 3 == 0 ? "\r\n" : "\n"
            indentUnit = seed % 5 == 0 ? "\t" : seed % 2 == 0 ? "  " : "    "
            colon = seed % 4 == 0 ? " : " : ": "
        }

        static let texts = [
            "a", "/pets/{id}", "Zürich", "名前", "emoji 👍🏽", "quote \\\"x\\\"", "back\\\\slash", "tab\\tand\\nline",
            "\\u00e9t\\u00E9", "slash \\/", "", "  spaced  ", "#not a comment", "key: value", "- item", "{braces}",
        ]

        mutating func string() -> String { "\"" + Self.texts[next(Self.texts.count)] + "\"" }

        mutating func value(_ depth: Int, _ indent: String) -> String {
            switch depth > 4 ? 2 + next(3) : next(6) {
            case 0: return object(depth + 1, indent, members: next(5))
            case 1: return array(depth + 1, indent)
            case 2: return string()
            case 3: return ["0", "-12", "3.25", "1e10", "-0.5E-3", "42"][next(6)]
            default: return ["true", "false", "null"][next(3)]
            }
        }

        mutating func object(_ depth: Int, _ indent: String, members: Int) -> String {
            guard members > 0 else { return "{}" }
            let inner = indent + indentUnit
            var text = "{" + lineEnd
            for index in 0..<members {
                if tricky && next(12) == 0 {
                    text +=
                        inner
                        + [
                            "a\(index):1", "\"k\(index)\"", "\"k\(index)\": [1\"x, \"]",
                            "\"k\(index)\": \"a\\" + lineEnd + "b\"",
                        ][next(4)]
                    text += (index < members - 1 ? "," : "") + lineEnd
                    continue
                }
                // Distinct keys: a repeated key is an error of its own (tested apart).
                text += inner + "\"k\(index)" + Self.texts[next(Self.texts.count)] + "\"" + colon
                text += value(depth, inner) + (index < members - 1 ? "," : "") + lineEnd
            }
            return text + indent + "}"
        }

        mutating func array(_ depth: Int, _ indent: String) -> String {
            let count = next(4)
            guard count > 0 else { return "[]" }
            if next(2) == 0 { return "[" + (0..<count).map { _ in string() }.joined(separator: ", ") + "]" }
            let inner = indent + indentUnit
            return "[" + lineEnd
                + (0..<count).map { _ in inner + value(depth, inner) }.joined(separator: "," + lineEnd) + lineEnd
                + indent + "]"
        }

        /// The document; `paths` members get `member(index)` in place of a random value when given.
        mutating func document(paths: Int = 12, member: ((Int) -> String?)? = nil) -> String {
            let unit = indentUnit
            var text = "{" + lineEnd + unit + "\"openapi\"" + colon + "\"3.1.0\"," + lineEnd
            text += unit + "\"paths\"" + colon + "{" + lineEnd
            for index in 0..<paths {
                let body = member?(index) ?? object(2, unit + unit, members: 1 + next(4))
                text += unit + unit + "\"/p\(index)\"" + colon + body + (index < paths - 1 ? "," : "") + lineEnd
            }
            text += unit + "}," + lineEnd
            text += unit + "\"components\"" + colon + object(1, unit, members: 3) + lineEnd + "}" + lineEnd
            return text
        }
    }

    @Test func randomDocumentsAreTheSameParsedInHalves() throws {
        for seed in UInt64(1)...300 {
            var random = RandomJSON(seed: seed)
            let text = random.document()
            let (whole, halves) = Self.parseBothWays(text)
            let wholeDocument = try whole.get()
            let split = try halves.get()
            #expect(split.parsedInHalves, "seed \(seed) was parsed in one piece")
            #expect(!wholeDocument.parsedInHalves)
            #expect(split.nodeCount == wholeDocument.nodeCount)
            #expect(Self.difference(wholeDocument.root, split.root) == nil, "seed \(seed)")
        }
    }

    /// Random JSON with what the reviews found the scan misread: each document is the same both ways, or fails
    /// with the same error.
    @Test func randomTrickyDocumentsAreTheSameBothWays() throws {
        for seed in UInt64(1)...300 {
            var random = RandomJSON(seed: seed)
            random.tricky = true
            Self.expectSameBothWays(random.document(), "seed \(seed)")
        }
    }

    @Test func canopyDescriptionIsTheSameParsedInHalves() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Specs/canopy-2022.json")
        let text = try String(contentsOf: url, encoding: .utf8)
        let (whole, halves) = Self.parseBothWays(text)
        let split = try halves.get()
        #expect(split.parsedInHalves)
        #expect(Self.difference(try whole.get().root, split.root) == nil)
    }

    /// A syntax error in either half is reported as a parse in one piece reports it.
    @Test(arguments: [1, 10])
    func syntaxErrorsAreThoseOfAParseInOnePiece(brokenPath: Int) throws {
        var random = RandomJSON(seed: 7)
        let broken = random.document { $0 == brokenPath ? "[1, 2,, 3]" : nil }
        let (whole, halves) = Self.parseBothWays(broken)
        let wholeError = try #require(throws: YAMLError.self) { try whole.get() }
        let splitError = try #require(throws: YAMLError.self) { try halves.get() }
        #expect(Self.described(splitError) == Self.described(wholeError))
    }

    /// A key both halves hold, which only the whole document has twice, is the duplicate key error.
    @Test func aKeyBothHalvesHoldIsTheErrorOfAParseInOnePiece() throws {
        var random = RandomJSON(seed: 7)
        let text = random.document().replacingOccurrences(of: "\"/p10\"", with: "\"/p1\"")
        let (whole, halves) = Self.parseBothWays(text)
        let duplicate = try #require(throws: YAMLError.self) { try whole.get() }
        #expect(duplicate.message.contains("duplicate"))
        let splitError = try #require(throws: YAMLError.self) { try halves.get() }
        #expect(Self.described(splitError) == Self.described(duplicate))
    }

    /// The second half's root stands for an object two deep: nesting is limited as in the whole document.
    @Test func theDepthLimitCountsTheCutObject() throws {
        var random = RandomJSON(seed: 3)
        let deep = String(repeating: "[", count: 9) + String(repeating: "]", count: 9)
        let text = random.document { $0 == 10 ? deep : nil }
        var outcomes: Set<Bool> = []
        for depth in 3...14 {
            let limits = YAMLDocument.Limits(maximumDepth: depth)
            outcomes.insert(Self.expectSameBothWays(text, limits: limits, "depth \(depth)") != nil)
        }
        #expect(outcomes == [true, false])
    }

    /// Random block YAML: a root mapping with `paths` (many members, so that a cut is found inside it) between
    /// other keys, and in it what a line-by-line reading can mistake for a key of `paths`: quoted scalars whose
    /// later lines sit at its keys' indentation and look like keys, block scalars and plain scalars over several
    /// lines, flow collections over several lines, comments at the first column, sequences as unindented as their
    /// key, quoted keys.
    struct RandomYAML: SeededRandom {
        var state: UInt64
        var lineEnd: String
        /// Whether values are now and then what the reviews found the line scan misread.
        var tricky = false
        /// Whether values are block YAML only, without flow collections (what the block-YAML reader takes).
        var blockOnly = false

        init(seed: UInt64) {
            state = seed
            lineEnd = seed % 4 == 0 ? "\r\n" : "\n"
        }

        /// Lines of a value for a key at `indent` (the key itself written by the caller, up to its colon).
        mutating func value(_ indent: Int, depth: Int) -> [String] {
            let pad = String(repeating: " ", count: indent)
            let deeper = String(repeating: " ", count: indent + 2)
            // With `tricky`, now and then what the reviews found the line scan misread (no cut now, or the same).
            if tricky && next(60) == 0 {
                return [
                    [" [1,", "# [", deeper + "2]"], [" [1,#[", deeper + "2]"], [" [x:'y]"], [" {\"x\" :\"y\"}"],
                    ["", deeper + "  plain on a line", deeper + " of its own"], ["", deeper + "|", deeper + "text"],
                    [" {a: 1}", pad + "<<: {m: 1}"],
                ][next(7)]
            }
            var choice = depth > 3 ? 6 + next(6) : next(12)
            if blockOnly && (choice == 4 || choice == 9) { choice = 6 }
            switch choice {
            case 0:
                return [""] + members(indent + 2, depth: depth + 1).map { $0 }
            case 1:
                // A sequence, indented or as unindented as its key.
                let itemPad = next(2) == 0 ? pad : deeper
                return [""]
                    + (0..<(1 + next(3))).flatMap { _ in
                        var item = members(itemPad.count + 2, depth: depth + 1, count: 1 + next(2))
                        item[0] = itemPad + "- " + item[0].drop(while: { $0 == " " })
                        return item
                    }
            case 2:
                // A double-quoted scalar whose next lines sit at the parent's indentation and look like keys (block
                // YAML alone: past its key's, with an escaped line break).
                guard blockOnly else { return [" \"first line", "  /p9: not a key", "  \\\"escaped\\\" end\""] }
                return [" \"first line", deeper + "/p9: not a key", deeper + "\\\"escaped\\\" \\", deeper + "end\""]
            case 3:
                let continued = blockOnly ? deeper : "  "
                return [" 'it''s", continued + "/p3: still text", continued + "'"]
            case 4:
                return [" [a, 'b, c',", deeper + "\"d]\", {e: f}]"]
            case 5:
                return [
                    " \(["|", ">-", "|+", ">"][next(4)])", deeper + "/p1: block text", deeper + "  # not a comment", "",
                    deeper + "last: line",
                ]
            case 6:
                return [" plain text that", deeper + "goes on over lines", deeper + "and 'quotes\" here"]
            case 7:
                return [" \"a \\\" quote: and # hash\""]
            case 8:
                return [" 'single # not: a key'"]
            case 9:
                return [" {a: [1, 2], b: \"c\"}"]
            case 10:
                return [" \(["true", "-12", "3.5", "null", "~", "text # comment"][next(6)])"]
            default:
                return [" Zürich 名前 👍🏽"]
            }
        }

        /// Lines of a block mapping's members at `indent`.
        mutating func members(_ indent: Int, depth: Int, count: Int? = nil) -> [String] {
            let pad = String(repeating: " ", count: indent)
            let keys = ["name#", "'2#00'", "\"quoted key #\"", "description#", "x-a b#", "type#", "get#", "$ref#"]
            var lines: [String] = []
            for index in 0..<(count ?? (1 + next(4))) {
                if next(8) == 0 { lines.append("# a comment at the first column") }
                let key = keys[next(keys.count)].replacingOccurrences(of: "#", with: index == 0 ? "" : "\(index)")
                var value = value(indent, depth: depth)
                value[0] = pad + key + ":" + value[0]
                lines += value
            }
            return lines
        }

        mutating func document(paths: Int = 12) -> String {
            var lines = ["openapi: 3.1.0", "info:", "  title: Test", "  version: '1'", "paths:"]
            for index in 0..<paths {
                if next(6) == 0 { lines.append("# between paths") }
                lines.append("  /p\(index):")
                lines += members(4, depth: 1)
            }
            lines += ["tags:", "- name: a", "  description: b", "components:"] + members(2, depth: 1)
            return lines.joined(separator: lineEnd) + lineEnd
        }
    }

    @Test func randomBlockDocumentsAreTheSameParsedInHalves() throws {
        var cut = 0
        for seed in UInt64(1)...300 {
            var random = RandomYAML(seed: seed)
            if Self.expectSameBothWays(random.document(), "seed \(seed)")?.parsedInHalves == true { cut += 1 }
        }
        // Most are cut (a few have no easy cut, such as a scalar the reading does not follow).
        #expect(cut > 200)
    }

    /// Random block YAML with what the reviews found the line scan misread: each the same both ways, or the same
    /// error, and some still cut.
    @Test func randomTrickyBlockDocumentsAreTheSameBothWays() throws {
        var cut = 0
        for seed in UInt64(1)...300 {
            var random = RandomYAML(seed: seed)
            random.tricky = true
            if Self.expectSameBothWays(random.document(), "seed \(seed)")?.parsedInHalves == true { cut += 1 }
        }
        #expect(cut > 0)
    }

    /// Documents a review found cut wrongly (a different tree, or success where one parse fails), each the same
    /// both ways now. B1 to B4: the YAML scan fell out of step with libyaml (`#` in a flow collection, a quote
    /// after `:` inside a flow plain scalar, a scalar on a line of its own) and cut a later root key's mapping;
    /// B5, B6: merge keys; B7: a byte order mark inside a line; J1: an escaped line break; J2, J3, J6: a key
    /// without its value, or an empty entry, next to the cut; J4: a pair inside an array. A second review: JA, JB:
    /// a key without quotes (`a:1` is one scalar to libyaml); JC, JC2: array items without a comma between them,
    /// after which libyaml reads every later quote the other way round.
    @Test(arguments: [
        ("b1", "p:\n  a: [1,\n# [\n    2]\nq:\n  b: x]\n  c: 1\n  d: 1\n  e: 1\nz: 1\n", 512),
        ("b2", "p:\n  a: [1,#[\n    2]\nq:\n  b: x]\n  c: 1\n  d: 1\n  e: 1\nz: 1\n", 512),
        ("b3", "p:\n  a: [x:'y]\nq:\n  b: z'\n  c: w]\n  d: 1\n  e: 1\n  f: 1\nz: 1\n", 512),
        ("b4", "p:\n  a:\n      foo\n     \"x\nq:\n  b: y\"\n  c: 1\n  d: 1\n  e: 1\nz: 1\n", 512),
        ("b4b", "p:\n  a:\n    |\n    \"x\nq:\n  b: y\"\n  c: 1\n  d: 1\n  e: 1\nz: 1\n", 512),
        ("b5", "a: 0\n<<:\n  b: 1\n  c: 2\n  d: 3\n  e: 4\nz: 5\n", 512),
        ("b6", "p:\n  <<: {a: 1}\n  b: 1\n  <<: {c: 1}\n  d: 1\n  e: 1\nz: 1\n", 512),
        (
            "b7",
            "paths:\n  /a: 1\n\u{FEFF} /b:\n    k1: 1\n    k2: [[[1]]]\n    k3: 1\n    k4: 1\n    k5: 1\nnext: 1\n", 5
        ),
        (
            "j1",
            "{\n \"paths\": {\n  \"/a\": \"x\\\ny\",\n  \"/b\": 1,\n  \"/c\": 2,\n  \"/d\": 3,\n  \"/e\": 4\n },\n \"z\": 1\n}\n",
            512
        ),
        ("j2", "{\n \"p\": {\n  \"a\",\n  \"b\": 1,\n  \"c\": 1,\n  \"d\": 1\n }\n}\n", 512),
        ("j3", "{\n \"p\": {\n  \"a\": 1,\n  \"b\": 1,\n  \"c\": 1,\n  \"d\"\n }\n}\n", 512),
        ("j4", "{\n \"a\": [\n  \"x\": {\n   \"k1\": 1,\n   \"k2\": [[[1]]],\n   \"k3\": 3\n  }\n ]\n}\n", 6),
        ("j6", "{\n \"p\": {\n  \"a\": 1,\n  ,\n  \"b\": 1,\n  \"c\": 1,\n  \"d\": 1\n }\n}\n", 512),
        ("ja", "{\n \"o\": {\n  \"k\": 1,\n  \"l\": 2,\n  a:1\n }\n}\n", 512),
        ("jb", "{\n \"o\": {\n  a:\"p: q #\",\n  \"k1\": 1,\n  \"k2\": 2\n }\n}\n", 512),
        (
            "jc",
            "{\n \"o\": {\n  \"k0\": [1\"x, \"],\n  \"k1\": 1,\n  \"k2\": 2\n },\n \"]}, \\\"z\\\": 1, \\\"\": 1\n}\n",
            512
        ),
        (
            "jc2",
            "{\n \"o\": {\n  \"k0\": [1\"x, \"],\n  \"], \\\"\": 1111111111111111\n },\n \"]}, \\\"z\\\": 1, \\\"\": 1\n}\n",
            512
        ),
    ])
    func documentsOnceCutWronglyAreTheSameBothWays(name: String, text: String, maximumDepth: Int) throws {
        Self.expectSameBothWays(text, limits: YAMLDocument.Limits(maximumDepth: maximumDepth), name)
    }

    /// Documents that are not cut: JSON with surrogate-pair escapes (which libyaml reads only once they are
    /// rewritten), YAML with anchors and aliases, JSON on one line.
    @Test func documentsWithoutAnEasyCutAreParsedWhole() throws {
        var random = RandomJSON(seed: 11)
        let surrogates = random.document { $0 == 8 ? "\"\\ud83d\\ude00\"" : nil }
        let anchors = "paths:\n  /a: &a\n    get: {}\n  /b: *a\n  /c:\n    get: {}\n  /d:\n    get: {}\n"
        let oneLine = "{\"paths\": {\"/a\": {}, \"/b\": {}, \"/c\": {}}}"
        for text in [surrogates, anchors, oneLine] {
            let (whole, halves) = Self.parseBothWays(text)
            let split = try halves.get()
            #expect(!split.parsedInHalves)
            #expect(Self.difference(try whole.get().root, split.root) == nil)
        }
        #expect(try Self.parseBothWays(surrogates).halves.get().root["paths"]?["/p8"]?.scalar == "😀")
    }
}

/// A generator of random documents, repeatable from its seed.
protocol SeededRandom {
    var state: UInt64 { get set }
}

extension SeededRandom {
    /// A number in `0..<bound`.
    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }
}
