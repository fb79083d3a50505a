import Foundation
import TestExecutors
import Testing

@testable import BinderyYAML

/// Block YAML is read by the block-YAML reader (`yaml_reader.c`), which must build the document libyaml's parse
/// builds, node for node (order, positions, texts, styles), and leave everything else to libyaml, so that every error
/// is libyaml's. Each case says whether the reader takes it, so a reader that declined everything would fail here.
@Suite(.computing) struct YAMLReaderTests {
    static let reader = ShimReader.blockYAML

    /// What the reader takes, each with libyaml's positions, texts and styles.
    static let taken: [(name: String, text: String)] = [
        ("a mapping", "a: 1\nb: text\n"),
        ("no line end at the end", "a: 1"),
        ("quoted keys and values", "'200': 'it''s'\n\"x y\": \"a \\\"b\\\" \\u00e9 \\/\"\n"),
        ("nested mappings", "a:\n  b:\n    c: 1\n  d: 2\ne: 3\n"),
        ("a sequence", "- 1\n- two\n- 'three'\n"),
        ("a sequence as unindented as its key", "a:\n- 1\n- 2\nb: 3\n"),
        ("compact collections", "- a: 1\n  b: 2\n- - x\n  - y\n-\n  c: 3\n"),
        ("plain scalars over lines", "a: one\n  two\n\n  three\n\n\n  four\nb: x\n"),
        ("plain scalars with colons and hashes", "a: http://x.y/z#frag a:b\nb: -1\nc: x 'y'\n"),
        ("a folded block scalar", "a: >-\n  one\n  two\n\n  three\n    more\n  four\nb: 1\n"),
        ("a literal block scalar", "a: |\n  one\n   two\n\n\nb: 1\n"),
        ("chomping and indentation indicators", "a: |+\n  x\n\nb: >2-\n    y\nc: |1\n  z\nd: >\n"),
        ("block scalar lines of spaces", "a: |\n  x\n     \n  \n  y\n"),
        ("a block scalar at the end", "a: >-\n  x"),
        ("single quotes over lines", "a: 'one\n  two\n\n  three'\nb: 1\n"),
        ("double quotes over lines", "a: \"one \\\n  two\\ \n  three\"\n"),
        ("comments", "# head\na: 1 # one\n# between\n  # indented\nb: # before\n  - x # two\nc: | # header\n  text\n"),
        ("empty flow collections", "a: []\nb: {}\nc: [  ]\nd: { }\n"),
        ("flow sequences", "tags: [pets, 'b', \"c\", -1, x/y, +2, 1.5e3]\nnext: [a,b] # two\n"),
        ("a flow sequence as an entry", "- [a, b]\n- c\n"),
        ("non-ASCII before values", "Zürich 名前: 👍🏽 é\n"),
        ("a byte order mark first", "\u{FEFF}a: 1\n"),
        ("a document start first", "# head\n--- # start\na: 1\n"),
        ("a root indented", "  a: 1\n  b: 2\n"),
        ("white space around the root", "\n\n  \na: 1\n\n  \n"),
        ("a key 1000 characters from its colon", String(repeating: "k", count: 1000) + ": 1\n"),
        ("deep nesting", (0..<40).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n") + " 1\n"),
    ]

    @Test(arguments: taken)
    func theReaderTakesBlockYAML(name: String, text: String) {
        Self.reader.expectSame(text, read: true, name)
    }

    /// What the reader leaves to libyaml, which may read it (or fail): each is still the same both ways.
    static let declined: [(name: String, text: String)] = [
        ("a tab", "a:\t1\n"),
        ("a carriage return", "a: 1\r\nb: 2\r\n"),
        ("a control character", "a: x\u{7}y\n"),
        ("a byte order mark second", "a: x\u{FEFF}y\n"),
        ("a root scalar", "text\n"),
        ("an empty document", "\n# only a comment\n"),
        ("the root on the document start's line", "--- a: 1\n"),
        ("a second document start", "---\n---\na: 1\n"),
        ("a document end", "a: 1\n...\n"),
        ("a directive", "%YAML 1.1\n---\na: 1\n"),
        ("an anchor and an alias", "a: &x 1\nb: *x\n"),
        ("a tag", "a: !!str 1\n"),
        ("a merge key", "a:\n  <<:\n    b: 1\n"),
        ("an explicit key", "? a\n: 1\n"),
        ("an empty value", "a:\nb: 1\n"),
        ("an empty entry", "-\n- 1\n"),
        ("a flow sequence over lines", "a: [1,\n  2]\n"),
        ("a flow sequence in a flow sequence", "a: [[1], 2]\n"),
        ("a flow mapping in a flow sequence", "a: [{b: 1}]\n"),
        ("a trailing comma in a flow sequence", "a: [1, ]\n"),
        ("a colon in a flow sequence", "a: [b:c, d]\n"),
        ("two words in a flow sequence", "a: [b c]\n"),
        ("a hash right after a flow sequence", "a: [b]#c\n"),
        ("a flow mapping", "a: {b: 1}\n"),
        ("a space before a colon", "a : 1\n"),
        ("a hash after a quote", "a: 'x'#c\n"),
        ("a hash after a block scalar indicator", "a: |#c\n  x\n"),
        ("a YAML escape", "a: \"\\x41\"\n"),
        ("a surrogate pair escape, which libyaml rejects outside JSON", "a: \"\\ud83d\\ude00\"\n"),
        ("a surrogate pair escape over lines", "a: \"x\n  \\ud83d\\ude00\"\n"),
        ("a quoted key over lines", "'a\n  b': 1\n"),
        ("a quoted scalar's line at its key's indentation", "a: 'x\ny'\n"),
        ("a key 1030 characters long", String(repeating: "k", count: 1030) + ": 1\n"),
        ("a duplicate key", "a: 1\na: 2\n"),
        ("a value that is a key", "a: b: c\n"),
        ("a plain scalar running into a key", "a: x\n  b: c\n"),
        ("a line more indented after a value", "a: 'x'\n  b: 1\n"),
        ("a key less indented than the mapping", "  a: 1\nb: 2\n"),
        ("a sequence entry after a mapping", "a: 1\n- b\n"),
        ("two documents", "a: 1\n---\nb: 2\n"),
        ("an unclosed quote", "a: 'x\n"),
        ("a block scalar's line less indented than spaces before it", "a: >\n\n     \n  x\n"),
    ]

    @Test(arguments: declined)
    func theReaderLeavesTheRestToLibyaml(name: String, text: String) {
        Self.reader.expectSame(text, read: false, name)
    }

    /// Bytes no Swift string holds are left to libyaml, as the JSON reader leaves them.
    @Test(arguments: [[0xC3], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xEF, 0xBF, 0xBE], [0xF4, 0x90, 0x80, 0x80]])
    func invalidUTF8IsLeftToLibyaml(bytes: [UInt8]) {
        Self.reader.expectSame(Array("a: x".utf8) + bytes + Array("y\n".utf8), read: false, "\(bytes)")
    }

    /// The depth limit is the builder's, and a document beyond it is left to libyaml, which reports it.
    @Test func theDepthLimitIsLibyamlsError() {
        let text = (0..<10).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n") + " 1\n"
        Self.reader.expectTheDepthLimitIsLibyamlsError(text)
    }

    /// Random block YAML (as the split tests make it): each the same both ways. Block YAML alone, with line feeds,
    /// is mostly read by the reader; with CR LF, flow collections and what the reviews of the cut found, it is
    /// mostly left to libyaml.
    @Test func randomDocumentsAreTheSame() {
        var taken = 0
        for seed in UInt64(1)...400 {
            var random = SplitParseTests.RandomYAML(seed: seed)
            if seed % 2 == 0 {
                random.blockOnly = true
                random.lineEnd = "\n"
            } else {
                random.tricky = true
            }
            if Self.reader.expectSame(random.document(paths: 4), "seed \(seed)") { taken += 1 }
        }
        #expect(taken >= 100)
    }

    /// Each node's column is counted on from the last on its line: counted from the line's start, a line of 200,000
    /// flow entries took 7 s (0.02 s now). Timed as a ratio of the CPU time this thread spends parsing (the reader
    /// reads on the calling thread), so that neither a loaded machine nor the rest of the suite, running in
    /// parallel, changes it: eight times the entries take about eight times as long read in linear time, 64 times
    /// read in quadratic time. (Wall time was not steady enough: the whole suite took the parse to 4 s against a
    /// bound of 3, and a ratio of wall times to 128.)
    @Test func aLongLineOfFlowEntriesIsReadInLinearTime() throws {
        func line(entries: Int) -> String {
            "k: [" + Array(repeating: "a, 'é'", count: entries / 2).joined(separator: ", ") + "]\n"
        }
        let long = line(entries: 200_000)
        let short = line(entries: 25_000)
        Self.reader.expectSame(long, read: true, "200,000 entries")
        func threadSeconds() -> Double {
            var time = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
            return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
        }
        func fastest(_ text: String) throws -> Double {
            var best = Double.infinity
            for _ in 0..<3 {
                let start = threadSeconds()
                _ = try YAMLDocument(string: text, file: "long.yaml")
                best = min(best, threadSeconds() - start)
            }
            return best
        }
        let ratio = try fastest(long) / fastest(short)
        #expect(ratio < 24, "8 times the entries took \(ratio) times as long")
    }

    @Test func theRepositorysDescriptionsAreReadTheSame() throws {
        let specs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Specs")
        let files =
            FileManager.default.enumerator(at: specs, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { ["yaml", "yml"].contains($0.pathExtension) } ?? []
        var taken = 0
        for file in files {
            if Self.reader.expectSame(try String(contentsOf: file, encoding: .utf8), file.lastPathComponent) {
                taken += 1
            }
        }
        #expect(files.count > 10)
        // Most of the test descriptions write `info` as a flow mapping; these do not.
        #expect(taken >= 8)
    }

    @Test func theCanopyExampleIsReadByTheReader() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples/Canopy/Sources/Canopy/openapi.yaml")
        Self.reader.expectSame(try String(contentsOf: url, encoding: .utf8), read: true, "Canopy's openapi.yaml")
    }
}
