import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory bindery-generate [--target <name>]… [--check] [--quiet]`
///
/// Generates the client of every target whose folder holds a `bindery.yaml` (or of the targets named), into that
/// target: as `bindery generate --config <folder>/bindery.yaml --in-target <target>` does, in the `sources` layout
/// and into `Generated/` beside the file unless the file says otherwise. Only files whose content changed are
/// written, generated files that are no longer produced are removed, and files Bindery did not write are left
/// alone. With `--check` nothing is written, and the command fails when a target's generated files are out of date.
///
/// With any other arguments, it runs `bindery generate` with them in the package's folder (paths relative to it).
@main
struct BinderyGeneratePlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let tool = try context.tool(named: "bindery").url
        var extractor = ArgumentExtractor(arguments)
        let names = extractor.extractOption(named: "target")
        let check = extractor.extractFlag(named: "check") > 0
        let quiet = extractor.extractFlag(named: "quiet") > 0
        guard extractor.remainingArguments.isEmpty else {
            try run(tool, ["generate"] + arguments, in: context.package.directoryURL, for: "bindery generate")
            return
        }
        let configured = context.package.targets.compactMap { $0 as? SourceModuleTarget }.filter {
            FileManager.default.fileExists(atPath: $0.directoryURL.appending(path: "bindery.yaml").path)
        }
        var chosen = configured
        if !names.isEmpty {
            chosen = []
            for name in names {
                guard let target = context.package.targets.first(where: { $0.name == name }) else {
                    throw PluginFailure("package '\(context.package.displayName)' has no target '\(name)'")
                }
                guard let source = configured.first(where: { $0.name == name }) else {
                    let folder = (target as? SourceModuleTarget)?.directoryURL.path ?? target.name
                    throw PluginFailure("target '\(name)' has no bindery.yaml in its folder (\(folder))")
                }
                chosen.append(source)
            }
        }
        guard !chosen.isEmpty else {
            throw PluginFailure(
                "no target of package '\(context.package.displayName)' has a bindery.yaml in its folder; "
                    + "add one beside the target's OpenAPI description, or give bindery-generate the arguments "
                    + "of 'bindery generate'")
        }
        var failed: [String] = []
        for target in chosen {
            var arguments = [
                "generate", "--config", target.directoryURL.appending(path: "bindery.yaml").path, "--in-target",
                target.name,
            ]
            if check { arguments.append("--check") }
            if quiet { arguments.append("--quiet") }
            do {
                try run(tool, arguments, in: context.package.directoryURL, for: "target '\(target.name)'")
            } catch {
                failed.append(target.name)
            }
        }
        if !failed.isEmpty {
            let what = check ? "out of date or cannot be generated" : "could not be generated"
            throw PluginFailure("the client of \(failed.map { "'\($0)'" }.joined(separator: ", ")) \(what)")
        }
    }

    /// Runs `bindery` with `arguments`; its diagnostics (`file:line:column: error: …`) go to the plugin's output.
    private func run(_ tool: URL, _ arguments: [String], in folder: URL, for what: String) throws {
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        process.currentDirectoryURL = folder
        try process.run()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw PluginFailure("bindery failed for \(what) (exit status \(process.terminationStatus))")
        }
    }
}

/// Why the plugin stopped: SwiftPM prints it as an error.
struct PluginFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
