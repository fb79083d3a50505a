import BinderyYAML
import Foundation
import TestExecutors
import Testing

/// Every input a fuzzer found a crash, a leak or a hang with (Tests/Fuzz/Regressions), through the shim: it parses,
/// or fails with one located error.
@Suite(.computing) struct FuzzRegressionTests {
    static let folder =
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/Regressions").path

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test func thereAreInputs() {
        #expect(!Self.inputs.isEmpty, "no inputs in \(Self.folder)")
    }

    @Test(arguments: inputs) func parsesOrFailsWithALocatedError(_ name: String) {
        do {
            _ = try YAMLDocument(contentsOf: Self.folder + "/" + name, displayPath: name)
        } catch {
            #expect(error.location.file == name && error.location.line >= 1 && error.location.column >= 1)
            #expect(error.description.hasPrefix("\(name):\(error.location.line):\(error.location.column): error: "))
        }
    }
}
