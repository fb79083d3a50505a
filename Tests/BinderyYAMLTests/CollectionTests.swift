import BinderyYAML
import TestExecutors
import Testing

@Suite(.computing) struct CollectionTests {
    @Test func pairsKeepDocumentOrder() throws {
        let root = try parse("z: 1\na: 2\nm: 3\n").root
        #expect(root.count == 3)
        #expect(root.pairs.map { $0.key.scalar } == ["z", "a", "m"])
        #expect(root.pairs.map { $0.value.scalar } == ["1", "2", "3"])
        #expect(root.elements.isEmpty)
        #expect(root["missing"] == nil)
    }

    @Test func sequenceElements() throws {
        let root = try parse("- a\n- [b, c]\n- {}\n").root
        #expect(root.kind == .sequence)
        #expect(root.count == 3)
        #expect(root.elements.map(\.kind) == [.scalar, .sequence, .mapping])
        #expect(root.elements[1].elements.map { $0.scalar } == ["b", "c"])
        #expect(root.elements[2].count == 0)
        #expect(root.pairs.isEmpty)
        #expect(root["a"] == nil)
    }

    @Test func scalarsHaveNoChildren() throws {
        let root = try parse("just text").root
        #expect(root.kind == .scalar)
        #expect(root.count == 0)
        #expect(root.elements.isEmpty && root.pairs.isEmpty)
    }

    @Test func nodesAreHashableHandles() throws {
        let document = try parse("a: 1\nb: 1\n")
        let root = document.root
        #expect(root == document.root)
        #expect(root["a"] != root["b"])
        #expect(Set([root, document.root, try #require(root["a"])]).count == 2)
        #expect(document.nodeCount == 5)
    }
}
