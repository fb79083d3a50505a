import BinderyYAML
import TestExecutors
import Testing

@Suite(.computing) struct PositionTests {
    @Test func blockMappingKeysAndValues() throws {
        let root = try parse("name: Bindery\nversion:  2\n").root
        #expect(root.kind == .mapping)
        #expect(position(root) == "1:1")
        let keys = root.pairs.map(\.key)
        #expect(keys.map(position) == ["1:1", "2:1"])
        #expect(position(root["name"]) == "1:7")
        #expect(position(root["version"]) == "2:11")
    }

    @Test func nestedBlockCollections() throws {
        let root = try parse(
            """
            info:
              title: API
            tags:
              - a
              -   b
            list:
            - x
            """
        ).root
        #expect(position(root["info"]) == "2:3")
        #expect(position(root["info"]?["title"]) == "2:10")
        #expect(position(root["tags"]) == "4:3")
        #expect(root["tags"]?.elements.map(position) == ["4:5", "5:7"])
        // An indentless sequence starts at its first dash.
        #expect(position(root["list"]) == "7:1")
        #expect(position(root["list"]?.elements.first) == "7:3")
    }

    @Test func flowCollections() throws {
        let root = try parse("a: {b: [1, 22, 333], c: d}\n").root
        let inner = try #require(root["a"])
        #expect(position(inner) == "1:4")
        #expect(inner.isFlow)
        #expect(!root.isFlow)
        #expect(position(inner.pairs.first?.key) == "1:5")
        let list = try #require(inner["b"])
        #expect(position(list) == "1:8")
        #expect(list.elements.map(position) == ["1:9", "1:12", "1:16"])
        #expect(position(inner["c"]) == "1:25")
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let root = try parse("é€: x\n").root
        #expect(position(root["é€"]) == "1:5")
    }

    @Test func locationCarriesDisplayPath() throws {
        let document = try YAMLDocument(string: "a: [1]\n", file: "specs/api.yaml")
        let item = try #require(document.root["a"]?.elements.first)
        #expect(item.location == SourceLocation(file: "specs/api.yaml", line: 1, column: 5))
        #expect(item.location.description == "specs/api.yaml:1:5")
    }
}
