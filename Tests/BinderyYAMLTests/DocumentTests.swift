import BinderyYAML
import Foundation
import TestExecutors
import Testing

@Suite(.computing) struct DocumentTests {
    @Test(arguments: ["", "# only a comment\n", "\n\n"])
    func emptyStreamIsANullScalar(_ text: String) throws {
        let document = try parse(text)
        #expect(document.nodeCount == 1)
        #expect(document.root.kind == .scalar)
        #expect(document.root.isNull)
        #expect(document.root.scalarStyle == .plain)
        #expect(position(document.root) == "1:1")
    }

    @Test func json() throws {
        let text = """
            {
              "name": "caf\\u00e9",
              "url": "http:\\/\\/x",
              "n": 200, "ok": true, "none": null,
              "list": [1, {"k": "v"}]
            }
            """
        let root = try parse(text).root
        #expect(root.kind == .mapping && root.isFlow)
        #expect(root["name"]?.scalar == "café")
        #expect(root["name"]?.scalarStyle == .doubleQuoted)
        #expect(root["url"]?.scalar == "http://x")
        #expect(root["n"]?.scalar == "200")
        #expect(root["ok"]?.scalar == "true")
        #expect(root["none"]?.isNull == true)
        #expect(position(root.pairs.first?.key) == "2:3")
        #expect(position(root["name"]) == "2:11")
        #expect(position(root["ok"]) == "4:19")
        #expect(position(root["list"]?.elements[1]["k"]) == "5:21")
    }

    @Test func jsonSurrogatePairEscapes() throws {
        // libyaml rejects UTF-16 surrogate escapes; JSON input is rewritten without moving any token.
        let root = try parse("{\"k\\ud83d\\ude00\": [\"a\\uD83D\\uDE00b\", 1]}").root
        let pair = try #require(root.pairs.first)
        #expect(pair.key.scalar == "k\u{1F600}")
        #expect(pair.value.elements.map { $0.scalar } == ["a\u{1F600}b", "1"])
        #expect(position(pair.value) == "1:19")
        #expect(position(pair.value.elements.last) == "1:38")
    }

    @Test func surrogateEscapesOutsideJSONStayErrors() throws {
        let error = try parseError("a: x\nb: \"\\ud83d\\ude00\"\n")
        #expect(error.message.hasPrefix("found invalid Unicode character escape code"))
    }

    @Test func readsFiles() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bindery-\(UUID().uuidString).yaml")
        try Data("openapi: 3.1.0\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let document = try YAMLDocument(contentsOf: url.path, displayPath: "openapi.yaml")
        #expect(document.file == "openapi.yaml")
        #expect(document.root["openapi"]?.scalar == "3.1.0")
        #expect(document.root["openapi"]?.location.description == "openapi.yaml:1:10")
    }

    @Test func acceptsAnyByteCollection() throws {
        let data = Data("- 1\n".utf8)
        #expect(try YAMLDocument(bytes: data, file: "d.yaml").root.count == 1)
        #expect(try YAMLDocument(bytes: Array("- 1\n".utf8)[...], file: "s.yaml").root.count == 1)
    }

    @Test func documentsCrossConcurrencyDomains() async throws {
        let document = try parse("a: [1, 2, 3]\n")
        let counts = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<4 {
                group.addTask { document.root["a"]?.count ?? 0 }
            }
            return await group.reduce(0, +)
        }
        #expect(counts == 12)
    }

    @Test func mentionsSearchesTheTextOfScalars() throws {
        let document = try parse("a: {$id: x}\nb: some text\n")
        #expect(document.mentions("$id"))
        #expect(document.mentions("me te"))
        #expect(!document.mentions("$anchor"))
        #expect(!document.mentions("a: "))
        #expect(try parse("").mentions("") && !parse("").mentions("x"))
    }
}
