import BinderyRender
import Foundation
import LocalHTTPServer
import TestExecutors
import Testing

/// The real plugins, driven through `swift package` and `swift build` on copies of the examples (each copy builds
/// Bindery as a dependency, as a user's package does):
/// - `bindery-generate` (Examples/Canopy) writes the client into its target from the `bindery.yaml` there, changes
///   nothing on a second run, removes what is no longer generated, leaves hand-written files alone, reports a
///   broken `bindery.yaml` at its line and column, and `--check`s;
/// - `BinderyPlugin` (Examples/Petstore) generates on the first build, not on a build that changes nothing, and
///   again after the description changes (only the shard that changed is rewritten); the client it generates
///   calls a local server.
@Suite(.serialized, .computing) struct PluginTests {
    /// A copy of `Examples/<name>` in a new temporary folder, its dependency on Bindery by absolute path.
    func copyExample(_ name: String) throws -> String {
        let root = try Support.temporaryDirectory("bindery-plugin")
        let package = root + "/" + name
        let example = Support.repositoryRoot + "/Examples/" + name
        try FileManager.default.createDirectory(atPath: package, withIntermediateDirectories: true)
        // Not what building the example left there.
        for entry in try FileManager.default.contentsOfDirectory(atPath: example)
        where ![".build", ".swiftpm", "Package.resolved"].contains(entry) {
            try FileManager.default.copyItem(atPath: example + "/" + entry, toPath: package + "/" + entry)
        }
        let manifest = try #require(Support.read(package + "/Package.swift"))
        let moved = manifest.replacingOccurrences(of: "path: \"../..\"", with: "path: \"\(Support.repositoryRoot)\"")
        #expect(moved != manifest, "the example depends on Bindery by path ../..")
        try Data(moved.utf8).write(to: URL(fileURLWithPath: package + "/Package.swift"))
        return package
    }

    func swift(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        let result = try await Support.run(GeneratedPackageBuildTests.swift, arguments)
        return (result.status, result.stdout + result.stderr)
    }

    func generate(_ package: String, _ arguments: [String] = []) async throws -> (status: Int32, output: String) {
        try await swift(
            ["package", "--package-path", package, "--allow-writing-to-package-directory", "bindery-generate"]
                + arguments)
    }

    /// Every file under `directory` with its bytes and modification date.
    func snapshot(_ directory: String) throws -> [String: (contents: Data, modified: Date)] {
        var files: [String: (Data, Date)] = [:]
        for path in Support.files(under: directory) {
            let attributes = try FileManager.default.attributesOfItem(atPath: directory + "/" + path)
            let contents = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + path))
            files[path] = (contents, attributes[.modificationDate] as? Date ?? .distantPast)
        }
        return files
    }

    func unchanged(
        _ before: [String: (contents: Data, modified: Date)], _ after: [String: (contents: Data, modified: Date)]
    ) -> Bool {
        before.count == after.count
            && before.allSatisfy { path, file in
                after[path].map { $0.contents == file.contents && $0.modified == file.modified } ?? false
            }
    }

    func replace(_ old: String, with new: String, in path: String) throws {
        let text = try #require(Support.read(path))
        #expect(text.contains(old), "'\(old)' is not in \(path)")
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: URL(fileURLWithPath: path))
    }

    @Test func commandPluginGeneratesIntoItsTarget() async throws {
        let package = try copyExample("Canopy")
        defer { try? FileManager.default.removeItem(atPath: (package as NSString).deletingLastPathComponent) }
        let target = package + "/Sources/Canopy"
        let generated = target + "/Generated"
        let committed = try snapshot(generated).filter { !$0.key.hasPrefix(".bindery/") }
        try FileManager.default.removeItem(atPath: generated)

        // The first run writes the committed client, byte for byte.
        let first = try await generate(package)
        #expect(first.status == 0, "\(first.output)")
        #expect(first.output.contains("42 files (42 written, 0 unchanged, 0 removed)"), "\(first.output)")
        let written = try snapshot(generated)
        #expect(
            written.filter { !$0.key.hasPrefix(".bindery/") }.mapValues(\.contents) == committed.mapValues(\.contents))

        // The example builds with it: the deprecation warning of POST /token is the only one.
        let build = try await swift(["build", "--package-path", package])
        #expect(build.status == 0, "\(build.output)")
        let warnings = build.output.split(separator: "\n").filter {
            $0.contains("warning:") && !$0.contains("is deprecated: This method is marked as obsolete")
                && !$0.hasPrefix("warning: '")
        }
        #expect(warnings.isEmpty, "\(warnings)")

        // A second run changes nothing: same bytes, same modification dates.
        let second = try await generate(package)
        #expect(second.output.contains("(0 written, 42 unchanged, 0 removed)"), "\(second.output)")
        #expect(unchanged(written, try snapshot(generated)))

        // A hand-written file beside the generated ones survives; an operation removed from the description
        // takes its files with it.
        let handWritten = generated + "/APIs/TokenApi+Refresh.swift"
        try Data("// Hand-written.\n".utf8).write(to: URL(fileURLWithPath: handWritten))
        let spec = target + "/openapi.yaml"
        let original = try #require(Support.read(spec))
        let token = try #require(original.range(of: "  /token:\n"))
        let pools = try #require(original.range(of: "  /pools/{tenantId}:\n"))
        try Data((String(original[..<token.lowerBound]) + original[pools.lowerBound...]).utf8)
            .write(to: URL(fileURLWithPath: spec))
        let removal = try await generate(package)
        #expect(removal.status == 0, "\(removal.output)")
        #expect(!FileManager.default.fileExists(atPath: generated + "/APIs/TokenApi.swift"))
        #expect(!FileManager.default.fileExists(atPath: generated + "/docs/TokenApi.md"))
        #expect(FileManager.default.fileExists(atPath: generated + "/APIs/PoolApi.swift"))
        #expect(Support.read(handWritten) == "// Hand-written.\n")

        // --check writes nothing, and fails while the description and the client differ.
        try Data(original.utf8).write(to: URL(fileURLWithPath: spec))
        let beforeCheck = try snapshot(generated)
        let check = try await generate(package, ["--check"])
        #expect(check.status != 0)
        #expect(check.output.contains("Generated/APIs/TokenApi.swift: would be written"), "\(check.output)")
        #expect(unchanged(beforeCheck, try snapshot(generated)))
        #expect(try await generate(package).status == 0)
        let upToDate = try await generate(package, ["--check", "--target", "Canopy"])
        #expect(upToDate.status == 0, "\(upToDate.output)")

        // A broken bindery.yaml: one located error, and the client is untouched.
        let configuration = target + "/bindery.yaml"
        let lines = try #require(Support.read(configuration)).split(separator: "\n", omittingEmptySubsequences: false)
        try Data((lines.dropLast().joined(separator: "\n") + "\nfilter:\n  tags: [Token]\n").utf8)
            .write(to: URL(fileURLWithPath: configuration))
        let beforeBroken = try snapshot(generated)
        let broken = try await generate(package)
        #expect(broken.status != 0)
        #expect(
            broken.output.contains(
                "bindery.yaml:\(lines.count):1: error: unknown key 'filter'; did you mean 'filters'?"),
            "\(broken.output)")
        #expect(unchanged(beforeBroken, try snapshot(generated)))

        // With the arguments of `bindery generate`, the plugin runs it with them, in the package's folder.
        let direct = try await generate(
            package, ["Sources/Canopy/openapi.yaml", "--output", "Client", "--module-name", "Canopy"])
        #expect(direct.status == 0, "\(direct.output)")
        #expect(FileManager.default.fileExists(atPath: package + "/Client/Sources/Canopy/APIs/TokenApi.swift"))

        // A target that does not exist, or has no bindery.yaml.
        let unknown = try await generate(package, ["--target", "Nope"])
        #expect(unknown.status != 0)
        #expect(unknown.output.contains("has no target 'Nope'"), "\(unknown.output)")
        let unconfigured = try await generate(package, ["--target", "canopy-token"])
        #expect(unconfigured.output.contains("target 'canopy-token' has no bindery.yaml"), "\(unconfigured.output)")
    }

    @Test func buildPluginGeneratesWhenTheDescriptionChanges() async throws {
        let package = try copyExample("Petstore")
        defer { try? FileManager.default.removeItem(atPath: (package as NSString).deletingLastPathComponent) }
        let generating = "Generating the OpenAPI client of Petstore"

        let first = try await swift(["build", "--package-path", package])
        #expect(first.status == 0, "\(first.output)")
        #expect(first.output.contains(generating))
        let warnings = first.output.split(separator: "\n").filter {
            ($0.contains("warning:") || $0.contains("error:")) && !$0.hasPrefix("warning: '")
        }
        #expect(warnings.isEmpty, "\(warnings)")
        let shards = try #require(
            FileManager.default.enumerator(atPath: package + "/.build/plugins/outputs")?.allObjects
                .compactMap { $0 as? String }.first { $0.hasSuffix("BinderyPlugin/Generated/Bindery000.swift") }
                .map { package + "/.build/plugins/outputs/" + ($0 as NSString).deletingLastPathComponent })
        #expect(Support.files(under: shards).filter { !$0.hasPrefix(".bindery/") } == ShardedOutput.fileNames)

        // The client calls a server: the example lists the available pets, with the OAuth token.
        let server = try LocalHTTPServer { _ in
            .json(200, #"[{"id": 1, "name": "Rex", "photoUrls": []}, {"name": "Tom", "photoUrls": ["t.png"]}]"#)
        }
        defer { server.shutdown() }
        let pets = try await Support.run(
            package + "/.build/debug/petstore-pets", [server.baseURL.absoluteString, "token-1"])
        #expect(pets.stdout == "Rex\nTom\n", "\(pets.stdout)\(pets.stderr)")
        #expect(server.requests.first?.target == "/pet/findByStatus?status=available")
        #expect(server.requests.first?.header("Authorization") == "Bearer token-1")

        // A build that changes nothing does not generate. (The first build after a clean one is followed by one
        // that compiles Bindery's C shim and runs the generator once more, a quirk of SwiftPM's building of plugin
        // tools: it is not counted.)
        let settling = try await swift(["build", "--package-path", package])
        #expect(settling.status == 0, "\(settling.output)")
        let before = try snapshot(shards)
        let started = ContinuousClock.now
        let noChange = try await swift(["build", "--package-path", package])
        let noChangeTime = ContinuousClock.now - started
        #expect(noChange.status == 0, "\(noChange.output)")
        #expect(!noChange.output.contains(generating), "\(noChange.output)")
        #expect(unchanged(before, try snapshot(shards)))

        // A new property: the build generates again, rewrites the one shard that holds Pet, and compiles.
        let spec = package + "/Sources/Petstore/openapi.yaml"
        try replace(
            "        name:\n          type: string\n          example: doggie\n",
            with:
                "        name:\n          type: string\n          example: doggie\n        nickname:\n          type: string\n",
            in: spec)
        let changeStarted = ContinuousClock.now
        let changed = try await swift(["build", "--package-path", package])
        let changeTime = ContinuousClock.now - changeStarted
        #expect(changed.status == 0, "\(changed.output)")
        #expect(changed.output.contains(generating))
        let after = try snapshot(shards)
        let rewritten = ShardedOutput.fileNames.filter { after[$0]?.modified != before[$0]?.modified }
        #expect(rewritten.count == 1, "\(rewritten)")
        #expect(
            rewritten.allSatisfy { String(decoding: after[$0]?.contents ?? Data(), as: UTF8.self).contains("nickname") }
        )
        print("BinderyPlugin: a build that changes nothing takes \(noChangeTime); after a new property, \(changeTime)")

        // A broken description fails the build with its place.
        try replace("      required:\n        - name\n        - photoUrls\n", with: "      required: [name\n", in: spec)
        let broken = try await swift(["build", "--package-path", package])
        #expect(broken.status != 0)
        #expect(broken.output.contains("openapi.yaml:"), "\(broken.output)")
        #expect(broken.output.contains(": error: "), "\(broken.output)")
    }
}
