import BinderyYAML
import TestExecutors
import Testing

@Suite(.computing) struct AnchorTests {
    @Test func aliasSharesTheAnchoredNode() throws {
        let document = try parse("base: &b {x: 1}\nother: *b\nlist: [*b, &s text, *s]\n")
        let root = document.root
        let base = try #require(root["base"])
        #expect(root["other"] == base)
        #expect(position(root["other"]) == "1:7")
        let list = try #require(root["list"])
        #expect(list.elements[0] == base)
        #expect(list.elements[2] == list.elements[1])
        #expect(list.elements[2].scalar == "text")
        // 1 root + 3 keys + mapping {x: 1} (3) + list (1) + "text" (1): aliases add no nodes.
        #expect(document.nodeCount == 9)
    }

    @Test func redefinedAnchorUsesNewestDefinition() throws {
        let root = try parse("- &a first\n- *a\n- &a second\n- *a\n").root
        #expect(root.elements.map { $0.scalar } == ["first", "first", "second", "second"])
    }

    @Test func aliasesOfAliasesStayShared() throws {
        var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        let names = (0..<4).map { "l\($0)" }
        var previous = "a"
        for name in names {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
            previous = name
        }
        // 111,110 nodes with the aliases expanded, under the limit; the arena holds each node once.
        let document = try parse(text)
        #expect(document.nodeCount < 70)
        #expect(document.root["l3"]?.elements.first?.elements.first?.count == 10)
    }

    @Test func unknownAnchorIsReportedAtTheAlias() throws {
        let error = try parseError("a: 1\nb:\n  - *missing\n")
        #expect(error.message == "unknown anchor 'missing'")
        #expect(position(error) == "3:5")
    }

    @Test func recursiveAliasIsRejected() throws {
        let error = try parseError("root: &r\n  child: *r\n")
        #expect(error.message == "recursive alias 'r'")
        #expect(position(error) == "2:10")
    }
}
