import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory bindery-generate <spec> --output <dir> [options]`
///
/// Runs `bindery generate` in the package's folder with the arguments given, so paths are relative to the package.
@main
struct BinderyGeneratePlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let tool = try context.tool(named: "bindery")
        let process = Process()
        process.executableURL = tool.url
        process.arguments = ["generate"] + arguments
        process.currentDirectoryURL = context.package.directoryURL
        try process.run()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            Diagnostics.error("bindery generate failed (exit status \(process.terminationStatus))")
            return
        }
    }
}
