import BinderyYAML
import TestExecutors
import Testing

@Suite(.computing) struct ScalarTests {
    @Test func everyScalarStyle() throws {
        let root = try parse(
            """
            plain: some text
            single: 'it''s'
            double: "tab\\there"
            literal: |
              line 1
              line 2
            folded: >
              word 1
              word 2
            """
        ).root
        #expect(root["plain"]?.scalarStyle == .plain)
        #expect(root["plain"]?.scalar == "some text")
        #expect(root["single"]?.scalarStyle == .singleQuoted)
        #expect(root["single"]?.scalar == "it's")
        #expect(root["double"]?.scalarStyle == .doubleQuoted)
        #expect(root["double"]?.scalar == "tab\there")
        #expect(root["literal"]?.scalarStyle == .literal)
        #expect(root["literal"]?.scalar == "line 1\nline 2\n")
        #expect(root["folded"]?.scalarStyle == .folded)
        #expect(root["folded"]?.scalar == "word 1 word 2")
        #expect(root.scalarStyle == nil)
        #expect(root.scalar == nil)
    }

    @Test func noYAML11TypeGuessing() throws {
        let root = try parse("a: off\nb: yes\nc: 200\nd: 1.5e3\ne: true\n").root
        #expect(root.pairs.map { $0.value.scalar } == ["off", "yes", "200", "1.5e3", "true"])
        #expect(root.pairs.allSatisfy { $0.value.tag == nil })
        // The one YAML 1.1 type that is honoured is the merge key (see MergeKeyTests).
    }

    @Test func tags() throws {
        let root = try parse("a: !!str 1\nb: 1\nc: !custom {k: v}\nd: !<tag:example.com,2024:x> y\n").root
        #expect(root["a"]?.tag == "tag:yaml.org,2002:str")
        #expect(root["a"]?.scalar == "1")
        #expect(root["a"]?.isNull == false)
        #expect(root["b"]?.tag == nil)
        #expect(root["c"]?.tag == "!custom")
        #expect(root["c"]?.kind == .mapping)
        #expect(root["d"]?.tag == "tag:example.com,2024:x")
    }

    @Test(arguments: ["a:", "a: ~", "a: null", "a: Null", "a: NULL", "a: [~, null]"])
    func nullValues(_ text: String) throws {
        let value = try #require(try parse(text).root["a"])
        #expect(value.kind == .sequence ? value.elements.allSatisfy(\.isNull) : value.isNull)
    }

    // By contract only untagged plain scalars can be null, so an explicit `!!null` tag does not count either.
    @Test(arguments: ["a: nULL", "a: 'null'", "a: \"\"", "a: !!str null", "a: !!null null", "a: none", "a: [null]"])
    func nonNullValues(_ text: String) throws {
        let value = try parse(text).root["a"]
        #expect(value?.isNull == false)
    }

    @Test func scalarEqualsComparesBytes() throws {
        let root = try parse("a: \"x\\0y\"\nb: café\n").root
        let a = try #require(root["a"])
        #expect(a.scalar?.utf8.count == 3)
        #expect(a.scalarEquals("x\u{0}y"))
        #expect(!a.scalarEquals("x"))
        #expect(root["b"]?.scalarEquals("café") == true)
        #expect(root["b"]?.scalarEquals("cafe") == false)
        #expect(!root.scalarEquals(""))
    }
}
