import Foundation
import TestExecutors
import Testing

/// `bindery generate --max-document-size`, `--max-depth` and `--max-alias-nodes`: each moves its limit, and a file
/// past it fails with one located error and writes nothing.
@Suite(.computing) struct LimitOptionTests {
    /// Runs `bindery generate` on a file holding `text` with `options`, into a folder that does not exist yet.
    func generate(_ text: String, _ options: [String]) async throws -> (status: Int32, stderr: String, wrote: Bool) {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data(text.utf8).write(to: URL(fileURLWithPath: directory + "/api.yaml"))
        let result = try await Support.run(
            Support.binderyExecutable, ["generate", "api.yaml", "--output", "Out", "--quiet"] + options, in: directory)
        return (result.status, result.stderr, FileManager.default.fileExists(atPath: directory + "/Out"))
    }

    static let spec = """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths: {}
        components:
          schemas:
            Base: &base {type: object, properties: {a: {type: string}}}
            Copy: *base
        """

    @Test func theDefaultsAcceptADescription() async throws {
        let result = try await generate(Self.spec, [])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.wrote)
    }

    @Test func eachOptionMovesItsLimit() async throws {
        let size = try await generate(Self.spec, ["--max-document-size", "100"])
        #expect(size.stderr == "api.yaml:1:1: error: the document is larger than 100 bytes (the limit)\n")
        #expect(size.status == 1 && !size.wrote)

        let depth = try await generate(Self.spec, ["--max-depth", "4"])
        #expect(depth.stderr == "api.yaml:6:44: error: collections nest more than 4 levels deep here (the limit)\n")
        #expect(depth.status == 1 && !depth.wrote)

        // The alias stands for the 9 nodes of Base.
        let aliases = try await generate(Self.spec, ["--max-alias-nodes", "8"])
        #expect(
            aliases.stderr
                == "api.yaml:7:11: error: aliases add more than 8 nodes to the document (the limit): each counts every "
                + "node it stands for\n")
        #expect(aliases.status == 1 && !aliases.wrote)

        let raised = try await generate(
            Self.spec, ["--max-document-size", "1K", "--max-depth", "6", "--max-alias-nodes", "9"])
        #expect(raised.status == 0, "\(raised.stderr)")
    }

    @Test func sizesTakeBinaryUnits() async throws {
        let bad = try await generate(Self.spec, ["--max-document-size", "12X"])
        #expect(bad.status != 0 && bad.stderr.contains("--max-document-size"))
        #expect(!bad.wrote)
    }
}
