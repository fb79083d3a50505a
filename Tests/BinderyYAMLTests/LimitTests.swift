import BinderyYAML
import Foundation
import TestExecutors
import Testing

/// `YAMLDocument.Limits`: the size of the input, how deep it nests and how many nodes aliases add, each an error
/// where it is crossed, in block and flow style and in JSON.
@Suite(.computing) struct LimitTests {
    /// `prefix` `depth` times, a scalar, `suffix` `depth` times.
    private func nested(_ prefix: String, _ suffix: String, depth: Int) -> String {
        String(repeating: prefix, count: depth) + "1" + String(repeating: suffix, count: depth)
    }

    @Test func deepFlowSequencesStopAtTheLimit() throws {
        let error = try parseError(nested("[", "]", depth: 1 << 20))
        #expect(error.message == "collections nest more than 512 levels deep here (the limit)")
        #expect(position(error) == "1:513")
    }

    @Test func deepFlowMappingsStopAtTheLimit() throws {
        let error = try parseError(nested("{a: ", "}", depth: 1 << 18))
        #expect(error.message == "collections nest more than 512 levels deep here (the limit)")
        #expect(position(error) == "1:2049")
    }

    @Test func deepJSONStopsAtTheLimit() throws {
        let error = try parseError(nested(#"{"a":"#, "}", depth: 1 << 18))
        #expect(position(error) == "1:2561")
    }

    @Test func deepBlockMappingsStopAtTheLimit() throws {
        // Each level indents one more space: 1,500 levels make about a megabyte.
        let text = (0..<1_500).map { String(repeating: " ", count: $0) + "a:\n" }.joined()
        let error = try parseError(text)
        #expect(error.message == "collections nest more than 512 levels deep here (the limit)")
        #expect(position(error) == "513:513")
    }

    @Test func deepBlockSequencesStopAtTheLimit() throws {
        let error = try parseError(String(repeating: "- ", count: 1 << 19) + "x\n")
        #expect(position(error) == "1:1025")
    }

    @Test func theDepthLimitIsTheDeepestAccepted() throws {
        let limits = YAMLDocument.Limits(maximumDepth: 3)
        _ = try YAMLDocument(string: "[[[1]]]", file: "test.yaml", limits: limits)
        let error = try #require(throws: YAMLError.self) {
            try YAMLDocument(string: "a: [[{b: 1}]]", file: "test.yaml", limits: limits)
        }
        #expect(error.description == "test.yaml:1:6: error: collections nest more than 3 levels deep here (the limit)")
    }

    @Test func anAliasNestsAsDeepAsWhatItStandsFor() throws {
        let limits = YAMLDocument.Limits(maximumDepth: 4)
        let text = "a: &a [[1]]\nb: [[*a]]\n"
        let error = try #require(throws: YAMLError.self) {
            try YAMLDocument(string: text, file: "test.yaml", limits: limits)
        }
        #expect(
            error.description
                == "test.yaml:2:6: error: this alias nests collections more than 4 levels deep (the limit)")
        // One level less deep fits exactly: root, b, its list, then the alias's two.
        _ = try YAMLDocument(string: "a: &a [[1]]\nb: [*a]\n", file: "test.yaml", limits: limits)
    }

    @Test func aliasesCannotNestPastTheLimitByRepetition() throws {
        // Each anchored value holds the previous one 100 levels deeper: 10 of them nest 1,000 deep.
        var text = "l0: &l0 x\n"
        for level in 1...10 {
            text +=
                "l\(level): &l\(level) "
                + nested("[", "]", depth: 100).replacingOccurrences(of: "1", with: "*l\(level - 1)") + "\n"
        }
        let error = try parseError(text)
        #expect(error.message == "this alias nests collections more than 512 levels deep (the limit)")
        #expect(position(error) == "7:109")
    }

    @Test func aBillionLaughsStopsAtTheAliasThatCrossesTheLimit() throws {
        var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 0..<9 {
            let previous = level == 0 ? "a" : "l\(level - 1)"
            text +=
                "l\(level): &l\(level) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        let error = try parseError(text)
        #expect(
            error.message
                == "aliases add more than 1000000 nodes to the document (the limit): each counts every node it stands for"
        )
        // l4 holds 10 aliases of l3 (111,111 nodes each); the eighth crosses a million.
        #expect(position(error) == "6:45")
        // Raised far enough, the same text is read, and the arena holds each node once.
        let raised = YAMLDocument.Limits(maximumAliasedNodes: 100_000_000_000)
        #expect(try YAMLDocument(string: text, file: "test.yaml", limits: raised).nodeCount < 120)
    }

    @Test func mergesOfMergesCountWhatTheirAliasesBring() throws {
        // Each mapping merges the previous one and holds it once more: it stands for twice as many nodes.
        var text = "m0: &m0 {k: v}\n"
        for level in 1...20 {
            text += "m\(level): &m\(level) {<<: *m\(level - 1), x\(level): *m\(level - 1)}\n"
        }
        let error = try parseError(text)
        #expect(error.message.hasPrefix("aliases add more than 1000000 nodes"))
        // m17's second alias of m16 (262,143 nodes) crosses a million: 2^(k+3) - 2k - 8 are added up to m_k.
        #expect(position(error) == "18:27")
    }

    @Test func largerDocumentsAreRefusedAtTheStart() throws {
        let text = "a: " + String(repeating: "x", count: 100) + "\n"
        let limits = YAMLDocument.Limits(maximumBytes: 100)
        let error = try #require(throws: YAMLError.self) {
            try YAMLDocument(string: text, file: "big.yaml", limits: limits)
        }
        #expect(error.description == "big.yaml:1:1: error: the document is larger than 100 bytes (the limit)")
        _ = try YAMLDocument(string: String(text.dropFirst(4)), file: "big.yaml", limits: limits)
    }

    @Test func onlyTheLimitOfALargerFileIsRead() throws {
        // /dev/zero never ends: the file reader stops one byte past the limit.
        let limits = YAMLDocument.Limits(maximumBytes: 2 << 20)
        let error = try #require(throws: YAMLError.self) {
            try YAMLDocument(contentsOf: "/dev/zero", limits: limits)
        }
        #expect(error.description == "/dev/zero:1:1: error: the document is larger than 2 MiB (the limit)")
    }

    @Test func defaultsAreThoseTheREADMEGives() {
        let limits = YAMLDocument.Limits.default
        #expect(limits.maximumBytes == 64 << 20)
        #expect(limits.maximumDepth == 512)
        #expect(limits.maximumAliasedNodes == 1_000_000)
    }
}
