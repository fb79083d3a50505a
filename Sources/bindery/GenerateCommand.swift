import ArgumentParser
import Bindery
import BinderyOpenAPI
import Foundation

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate a Swift package from an OpenAPI description.",
        discussion: """
            Writes Package.swift, README.md, docs/ and Sources/<module>/ (APIs/, Models/, Runtime/) into the \
            output folder. Files are staged first and moved into place, so a failed run leaves the folder as it \
            was, and a run that is killed leaves every file whole: the next run completes its work (from \
            .bindery/JOURNAL). Files whose content did not change are not touched. Files an earlier run generated \
            and this one does not are removed (the list is kept in .bindery/FILES); other files in the folder are \
            left alone.

            $refs may lead to files in the folder of <spec> and below it; --allow-external-refs lets them lead \
            elsewhere, and --allow-remote-refs lets them fetch http(s) URLs.

            Errors and warnings are printed as file:line:column: error|warning: message; notes (something the \
            description's version does not allow, read as its author meant it) as file:line:column: note: message, \
            except with --quiet. The exit status is 1 when the description, the templates or the output cannot be \
            used.
            """
    )

    @Argument(
        help: ArgumentHelp(
            "The OpenAPI description: a YAML or JSON file; $refs to other files are followed.", valueName: "spec"))
    var spec: String

    @Option(
        name: [.short, .long],
        help: ArgumentHelp("The folder to write the package to (created if missing).", valueName: "dir"))
    var output: String

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The Swift module (and package) name. Default: the description's title in UpperCamelCase.",
            valueName: "name"
        )
    )
    var moduleName: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A folder of templates. Each file replaces the default of the same name; a manifest.yaml there decides which files are written. Start from 'bindery templates export'.",
            valueName: "dir"
        )
    )
    var templates: String?

    @Flag(
        name: .long,
        help: ArgumentHelp(
            "Follow $refs to files outside the folder of <spec> (../common.yaml, absolute paths, links that lead out)."
        )
    )
    var allowExternalRefs = false

    @Flag(
        name: .long,
        help: ArgumentHelp(
            "Fetch $refs to http(s) URLs (each document within 30 s and 32 MiB); $refs in a fetched document resolve against its URL."
        )
    )
    var allowRemoteRefs = false

    @Flag(name: [.short, .long], help: "Print only errors and warnings.")
    var quiet = false

    @Flag(
        name: .long,
        help: ArgumentHelp(
            "Write nothing; list the files a generation would write or remove, and exit with status 1 if there are any (for CI: is the committed output up to date?)."
        )
    )
    var check = false

    func run() throws {
        let start = ContinuousClock.now
        let result: Generator.Result
        do {
            result = try Generator.generate(
                Generator.Options(
                    specPath: spec, outputDirectory: output, moduleName: moduleName, templatesDirectory: templates,
                    checkOnly: check,
                    references: Generator.ReferencePolicy(
                        allowsFilesOutsideRoot: allowExternalRefs, remote: allowRemoteRefs ? RemoteReferences() : nil)
                )
            )
        } catch {
            Console.error(error.description)
            throw ExitCode(1)
        }
        for warning in result.warnings {
            Console.error(warning.description)
        }
        // Notes say how something was read as its author meant it: the output needs no checking.
        if !quiet {
            for note in result.notes {
                Console.error(note.description)
            }
        }
        if check {
            let summary = result.summary
            for path in summary.written { Console.out("\(output)/\(path): would be written") }
            for path in summary.removed { Console.out("\(output)/\(path): would be removed") }
            let changes = summary.written.count + summary.removed.count
            guard changes == 0 else {
                Console.error(
                    "error: \(changes) generated file\(changes == 1 ? " is" : "s are") out of date in \(output); "
                        + "run 'bindery generate' without --check")
                throw ExitCode(1)
            }
            if !quiet { Console.out("\(output) is up to date: \(summary.unchanged.count) files.") }
            return
        }
        if !quiet {
            let elapsed = ContinuousClock.now - start
            let summary = result.summary
            Console.out(
                "Generated \(result.moduleName) in \(output): \(result.files.count) files "
                    + "(\(summary.written.count) written, \(summary.unchanged.count) unchanged, "
                    + "\(summary.removed.count) removed) in \(elapsed.formatted(.units(allowed: [.seconds, .milliseconds])))."
            )
        }
    }
}

enum Console {
    static func out(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
