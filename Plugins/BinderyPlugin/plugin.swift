import Foundation
import PackagePlugin

/// Generates a target's client on every build that needs it: `.plugin(name: "BinderyPlugin", package: "Bindery")`
/// in a target whose folder holds a `bindery.yaml` beside its OpenAPI description.
///
/// Bindery runs as `bindery generate --config <folder>/bindery.yaml --in-target <target> --layout shards` into the
/// plugin's work folder, so nothing generated is committed. SwiftPM must know a command's output files before it
/// runs it, and they cannot depend on the description, which the plugin cannot read: the `shards` layout joins
/// the sources into `Bindery000.swift` … `Bindery127.swift` whatever the description holds
/// (`Sources/BinderyRender/Output/ShardedOutput.swift` says how; the names below are the same).
///
/// The command's inputs are `bindery`, and every YAML, JSON and Mustache file in the target's folder: changing the
/// description (or a file it refers to, or a template) generates again, and nothing else does. Bindery rewrites
/// only the shards whose content changed, so the compiler builds only those again.
@main
struct BinderyPlugin: BuildToolPlugin {
    /// `ShardedOutput.fileNames`: `ShardedOutput.count` names (this target cannot import the module).
    static let count = 128
    static let outputNames: [String] = (0..<count).map { (index: Int) -> String in
        let number = String(index)
        return "Bindery" + String(repeating: "0", count: String(count - 1).count - number.count) + number + ".swift"
    }

    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let folder = target.directoryURL
        let configuration = folder.appending(path: "bindery.yaml")
        guard FileManager.default.fileExists(atPath: configuration.path) else {
            throw PluginFailure(
                "target '\(target.name)' uses BinderyPlugin but has no bindery.yaml in its folder (\(folder.path))")
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "Generated")
        return [
            .buildCommand(
                displayName: "Generating the OpenAPI client of \(target.name)",
                executable: try context.tool(named: "bindery").url,
                arguments: [
                    "generate", "--config", configuration.path, "--in-target", target.name, "--layout", "shards",
                    "--output", output.path, "--quiet",
                ],
                inputFiles: Self.inputs(under: folder),
                outputFiles: Self.outputNames.map { output.appending(path: $0) }
            )
        ]
    }

    /// The YAML, JSON and Mustache files under `folder`, hidden ones and those in hidden folders left out.
    static func inputs(under folder: URL) -> [URL] {
        let kinds: Set<String> = ["yaml", "yml", "json", "mustache"]
        guard
            let files = FileManager.default.enumerator(
                at: folder, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
        else { return [] }
        return files.compactMap { $0 as? URL }.filter { kinds.contains($0.pathExtension.lowercased()) }
            .sorted { $0.path < $1.path }
    }
}

/// Why the plugin stopped: SwiftPM prints it as an error.
struct PluginFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
