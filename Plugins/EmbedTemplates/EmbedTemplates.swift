import Foundation
import PackagePlugin

/// Embeds the package's `Templates/` folder into the `BinderyTemplates` module as Swift string literals, so the
/// default templates travel inside the `bindery` binary and need no source tree at run time.
@main
struct EmbedTemplates: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let templates = context.package.directoryURL.appending(path: "Templates")
        let files = try FileManager.default.contentsOfDirectory(
            at: templates, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles]
        ).filter { !$0.hasDirectoryPath }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "DefaultTemplates+Embedded.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) templates",
                executable: try context.tool(named: "bindery-embed-templates").url,
                arguments: [output.path()] + files.map { $0.path() },
                inputFiles: files,
                outputFiles: [output]
            )
        ]
    }
}
