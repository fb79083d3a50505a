import ArgumentParser
import BinderyCore
import BinderyRender
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "Work with the templates Bindery renders.",
        subcommands: [Export.self]
    )

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract:
                "Write the default templates and their manifest to a folder, to customize and pass to --templates."
        )

        @Argument(
            help: ArgumentHelp(
                "The folder to write to (created if missing; existing templates are not overwritten).", valueName: "dir"
            ))
        var directory: String

        func run() throws {
            let fileManager = FileManager.default
            do {
                try fileManager.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                Console.error("\(directory):1:1: error: cannot create the folder: \(error.systemErrorText)")
                throw ExitCode(1)
            }
            let files = TemplateSet.defaults.files.sorted(by: { $0.key < $1.key })
            // Check every file before writing any, so a clash leaves the folder as it was.
            for (name, _) in files {
                let path = PathText.appending(name, to: directory)
                if fileManager.fileExists(atPath: path) {
                    Console.error("\(path):1:1: error: already exists; nothing was written")
                    throw ExitCode(1)
                }
            }
            for (name, text) in files {
                let path = PathText.appending(name, to: directory)
                guard fileManager.createFile(atPath: path, contents: Data(text.utf8)) else {
                    Console.error("\(path):1:1: error: cannot write the file")
                    throw ExitCode(1)
                }
            }
            Console.out("Wrote \(TemplateSet.defaults.files.count) templates to \(directory).")
        }
    }
}
