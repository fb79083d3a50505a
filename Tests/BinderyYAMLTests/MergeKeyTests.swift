import BinderyYAML
import TestExecutors
import Testing

/// The keys of a mapping in order, and its values' scalars (`nil` for collections).
private func entries(_ node: YAMLNode?) -> [String] {
    guard let node else { return [] }
    return node.pairs.map { "\($0.key.scalar ?? "?")=\($0.value.scalar ?? "{}")" }
}

@Suite(.computing) struct MergeKeyTests {
    @Test func mergesAMapping() throws {
        let document = try parse(
            """
            base: &base {x: 1, y: 2}
            other:
              <<: *base
              z: 3
            """)
        let root = document.root
        let other = try #require(root["other"])
        #expect(entries(other) == ["x=1", "y=2", "z=3"])
        #expect(root["base"]?.count == 2)
        // Merged pairs are the anchored nodes themselves, where they were written.
        #expect(other["x"] == root["base"]?["x"])
        #expect(position(other.pairs[0].key) == "1:14")
        #expect(position(other["y"]) == "1:23")
        #expect(position(other["z"]) == "4:6")
        #expect(other["<<"] == nil)
    }

    @Test func mergedPairsTakeThePlaceOfTheMergeKey() throws {
        let root = try parse("b: &b {x: 1, y: 2}\nm: {a: 0, <<: *b, z: 3}\n").root
        #expect(entries(root["m"]) == ["a=0", "x=1", "y=2", "z=3"])
    }

    @Test func mergesASequenceEarlierMappingsFirst() throws {
        let root = try parse(
            """
            a: &a {x: 1}
            b: &b {x: 2, y: 3}
            c: &c {y: 4, w: 5}
            m:
              <<: [*a, *b, *c]
            """
        ).root
        #expect(entries(root["m"]) == ["x=1", "y=3", "w=5"])
        #expect(position(root["m"]?["y"]) == "2:17")
    }

    @Test func explicitKeysWinWhereverTheyAreWritten() throws {
        let root = try parse(
            """
            b: &b {x: 1, y: 2, w: 4}
            m:
              x: 9
              <<: *b
              y: 8
            """
        ).root
        #expect(entries(root["m"]) == ["x=9", "w=4", "y=8"])
        #expect(position(root["m"]?["x"]) == "3:6")
        #expect(position(root["m"]?["y"]) == "5:6")
    }

    @Test func mergesOfMergesAndInlineMappings() throws {
        let root = try parse(
            """
            a: &a {x: 1}
            b: &b {<<: *a, y: 2}
            c: {<<: [*b, {z: 3, x: 7}]}
            """
        ).root
        #expect(entries(root["b"]) == ["x=1", "y=2"])
        #expect(entries(root["c"]) == ["x=1", "y=2", "z=3"])
        #expect(entries(try parse("m: {<<: {}, a: 1}\nn: {<<: []}\n").root["m"]) == ["a=1"])
    }

    @Test func explicitMergeTagIsAMergeKey() throws {
        let root = try parse("b: &b {x: 1}\nm: {!!merge <<: *b}\n").root
        #expect(entries(root["m"]) == ["x=1"])
    }

    @Test func quotedOrTaggedStringIsAKey() throws {
        let root = try parse("b: &b {x: 1}\nq: {\"<<\": *b}\ns: {'<<': *b}\nt: {!!str <<: *b}\n").root
        for name in ["q", "s", "t"] {
            let mapping = try #require(root[name])
            #expect(mapping.count == 1)
            #expect(mapping["<<"] == root["b"])
        }
        // A quoted "<<" and a merge key are different keys.
        #expect(entries(try parse("b: &b {x: 1}\nm: {'<<': 0, <<: *b}\n").root["m"]) == ["<<=0", "x=1"])
    }

    @Test func jsonKeysAreNeverMergeKeys() throws {
        let root = try parse("{\"b\": {\"x\": 1}, \"m\": {\"<<\": {\"x\": 2}, \"y\": 3}}").root
        let mapping = try #require(root["m"])
        #expect(mapping.count == 2)
        #expect(mapping["<<"]?["x"]?.scalar == "2")
    }

    @Test func mergeValueThatIsNotAMappingIsAnError() throws {
        var error = try parseError("m:\n  <<: 1\n")
        #expect(
            error.message
                == "the value of the merge key '<<' must be a mapping or a sequence of mappings, found a scalar")
        #expect(position(error) == "2:7")
        error = try parseError("m:\n  <<:\n  a: 1\n")
        #expect(error.message.hasSuffix("found a scalar"))
        #expect(position(error) == "2:6")
        error = try parseError("l: &l [1]\nm: {<<: *l}\n")
        #expect(error.message == "item 1 of the merge key's sequence must be a mapping, found a scalar")
        #expect(position(error) == "2:9")
    }

    @Test func sequenceItemThatIsNotAMappingIsAnError() throws {
        let error = try parseError("a: &a {x: 1}\nm:\n  <<: [*a, [x]]\n")
        #expect(error.message == "item 2 of the merge key's sequence must be a mapping, found a sequence")
        #expect(position(error) == "3:7")
    }

    @Test func overriddenKeysAreNotDuplicates() throws {
        let root = try parse("b: &b {x: 1, y: 2}\nm: {x: 0, <<: *b}\nn: {<<: [*b, *b]}\n").root
        #expect(entries(root["m"]) == ["x=0", "y=2"])
        #expect(entries(root["n"]) == ["x=1", "y=2"])
    }

    @Test func trueDuplicatesAreStillReported() throws {
        var error = try parseError("b: &b {x: 1}\nm:\n  <<: *b\n  y: 1\n  y: 2\n")
        #expect(error.message == "duplicate key 'y'")
        #expect(position(error) == "5:3")
        error = try parseError("a: &a {x: 1}\nb: &b {y: 1}\nm:\n  <<: *a\n  <<: *b\n")
        #expect(error.message == "duplicate key '<<'")
        #expect(position(error) == "5:3")
    }

    @Test func largeMappingsMergeAndReportDuplicates() throws {
        let keys = (0..<40).map { "k\($0): \($0)" }
        let base = "b: &b {" + keys.joined(separator: ", ") + "}\n"
        let own = (20..<60).map { "  k\($0): own" }
        let root = try parse(base + "m:\n  <<: *b\n" + own.joined(separator: "\n") + "\n").root
        let merged = try #require(root["m"])
        #expect(merged.count == 60)
        #expect(merged["k5"]?.scalar == "5")
        #expect(merged["k25"]?.scalar == "own")
        #expect(merged.pairs.map { $0.key.scalar ?? "" } == (0..<20).map { "k\($0)" } + (20..<60).map { "k\($0)" })

        let error = try parseError(base + "m:\n  <<: *b\n" + own.joined(separator: "\n") + "\n  k30: again\n")
        #expect(error.message == "duplicate key 'k30'")
        #expect(position(error) == "44:3")
        let twice = try parseError(base + "m:\n" + own.joined(separator: "\n") + "\n  <<: *b\n  <<: *b\n")
        #expect(twice.message == "duplicate key '<<'")
    }

    @Test func mergesCountAgainstTheAliasLimit() throws {
        let keys = (0..<2_000).map { "k\($0): 0" }
        var text = "big: &big {" + keys.joined(separator: ", ") + "}\nlist:\n"
        text += String(repeating: "  - {<<: *big}\n", count: 1_000)
        let error = try parseError(text)
        #expect(error.message.hasPrefix("aliases add more than 1000000 nodes to the document (the limit)"))
        // At the alias of the first merge past the limit: each brings the 4,001 nodes of `big`.
        #expect(position(error) == "252:10")
        // Well below the limit, the same shape is fine.
        let small =
            "big: &big {" + keys.prefix(20).joined(separator: ", ") + "}\nlist:\n"
            + String(repeating: "  - {<<: *big}\n", count: 1_000)
        let document = try parse(small)
        #expect(document.root["list"]?.elements[999].count == 20)
    }
}
