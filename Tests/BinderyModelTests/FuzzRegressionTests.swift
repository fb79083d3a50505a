import BinderyModel
import BinderyOpenAPI
import Foundation
import TestExecutors
import Testing

/// Every input a fuzzer found a crash, a leak or a hang with (Tests/Fuzz/Regressions), through the reader and the
/// translator as `Tests/Fuzz/ReaderFuzzer.swift` runs them: a model, or one located error.
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

    @Test(arguments: inputs) func translatesOrFailsWithALocatedError(_ name: String) throws {
        let path = Self.folder + "/" + name
        do {
            let reader = OpenAPIReader()
            reader.readsExamples = true
            let document = try reader.read(path: path)
            _ = try ModelTranslator.translate(document, options: .init(moduleName: "Fuzz"))
        } catch {
            #expect(error.severity == .error && error.location.line >= 1 && error.location.column >= 1)
            #expect(error.description.contains(":\(error.location.line):\(error.location.column): error: "))
        }
    }
}
