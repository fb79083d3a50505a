import Bindery
import BinderyRender
import BinderyTemplates
import Foundation
import TestExecutors
import Testing

/// The three layouts of the output folder: a package, a target's sources (the command plugin's) and the shards the
/// build tool plugin declares before it runs.
@Suite(.computing) struct LayoutTests {
    static let features = Support.repositoryRoot + "/Tests/Specs/features.yaml"

    func render(_ layout: RenderOptions.Layout, spec: String = features, docs: Bool = true) throws -> [GeneratedFile] {
        var options = Generator.Options(specPath: spec, outputDirectory: "", moduleName: "Features")
        options.render = RenderOptions(layout: layout, generatesDocs: docs)
        return try Generator.render(options).files
    }

    /// The same Swift files in every layout: in `Sources/Features/` in a package, at the top of the output folder
    /// in a target; the package's `Package.swift` and `README.md` only in a package.
    @Test func sourcesAreThePackagesSources() throws {
        let package = try render(.package)
        let sources = try render(.sources)
        let prefix = "Sources/Features/"
        let packageSwift = package.filter { $0.path.hasPrefix(prefix) }.map {
            GeneratedFile(path: String($0.path.dropFirst(prefix.count)), contents: $0.contents)
        }
        #expect(sources.filter { $0.path.hasSuffix(".swift") } == packageSwift)
        #expect(package.contains { $0.path == "Package.swift" } && package.contains { $0.path == "README.md" })
        #expect(!sources.contains { $0.path == "Package.swift" || $0.path == "README.md" })
        // The docs, when asked for, are the package's, in docs/.
        #expect(
            sources.filter { $0.path.hasPrefix("docs/") } == package.filter { $0.path.hasPrefix("docs/") })
        #expect(try render(.sources, docs: false).allSatisfy { $0.path.hasSuffix(".swift") })
    }

    /// Shards: always the same 128 files; each Swift file of the target's sources is in exactly one of them,
    /// whole, after a line that names it, and no Markdown.
    @Test func shardsHoldEverySourceOnce() throws {
        let shards = try render(.shards)
        #expect(shards.map(\.path) == ShardedOutput.fileNames)
        let sources = try render(.sources, docs: false)
        let joined = shards.map(\.contents).joined()
        for file in sources {
            let marker = "// MARK: - \(file.path)\n\n"
            #expect(joined.components(separatedBy: marker).count == 2, "\(file.path) is not in exactly one shard")
            let holder = try #require(shards.first { $0.contents.contains(marker) })
            #expect(holder.contents.contains(marker + file.contents), "\(file.path) is not whole in \(holder.path)")
        }
        #expect(!joined.contains("## "), "Markdown in a shard")
        // A small API leaves shards empty, and they still exist.
        let canopy = try render(.shards, spec: Support.canopySpec)
        #expect(canopy.map(\.path) == ShardedOutput.fileNames)
    }

    /// A change to one type changes only the shard that holds it, so an incremental build compiles one shard again.
    @Test func aChangeToOneTypeChangesOneShard() throws {
        let folder = try Support.temporaryDirectory("bindery-shards")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let spec = try #require(Support.read(Self.features))
        let marker = "    Tick:\n      type: object\n"
        #expect(spec.contains(marker))
        let changed = spec.replacingOccurrences(of: marker, with: marker + "      description: A tick, described.\n")
        try Data(changed.utf8).write(to: URL(fileURLWithPath: folder + "/features.yaml"))
        let before = try render(.shards)
        let after = try render(.shards, spec: folder + "/features.yaml")
        let differing = zip(before, after).filter { $0.contents != $1.contents }.map(\.0.path)
        #expect(differing.count == 1, "\(differing)")
        // The assignment is the path's FNV-1a hash: stable across runs, machines and versions of Swift.
        #expect(ShardedOutput.shard(of: "Models/Tick.swift") == ShardedOutput.shard(of: "Models/Tick.swift"))
        #expect(ShardedOutput.shard(of: "") == Int(0xcbf2_9ce4_8422_2325 % UInt64(ShardedOutput.count)))
    }

    /// `Sources/BinderyTemplates/DefaultTemplates+Embedded.swift` holds `Templates/` as it is: after changing a
    /// template, `swift run bindery-embed-templates` writes it again.
    @Test func embeddedTemplatesAreTheTemplatesFolder() throws {
        let folder = Support.repositoryRoot + "/Templates"
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where !name.hasPrefix(".") {
            files[name] = Support.read(folder + "/" + name)
        }
        #expect(files.count == DefaultTemplates.files.count)
        for (name, text) in files {
            #expect(DefaultTemplates.files[name] == text, "\(name) changed: run 'swift run bindery-embed-templates'")
        }
    }
}
