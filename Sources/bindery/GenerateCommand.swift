import ArgumentParser
import Bindery
import BinderyCore
import BinderyOpenAPI
import BinderyRender
import BinderyYAML

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate a Swift package from an OpenAPI description.",
        discussion: """
            Writes Package.swift, README.md, docs/ and Sources/<module>/ (APIs/, Models/, Runtime/) into the \
            output folder (--layout sources: a target's APIs/, Models/ and Runtime/; --layout shards: the Swift \
            sources in Bindery000.swift … Bindery127.swift). Files are staged first and moved into place, so a failed run leaves the folder as it \
            was, and a run that is killed leaves every file whole: the next run completes its work (from \
            .bindery/JOURNAL). Files whose content did not change are not touched. Files an earlier run generated \
            and this one does not are removed (the list is kept in .bindery/FILES); other files in the folder are \
            left alone.

            $refs may lead to files in the folder of <spec> and below it; --allow-external-refs lets them lead \
            elsewhere, and --allow-remote-refs lets them fetch http(s) URLs.

            With --config, the options come from a bindery.yaml (paths in it are relative to it); the spec \
            argument and the options given here replace the file's.

            Errors and warnings are printed as file:line:column: error|warning: message; notes (something the \
            description's version does not allow, read as its author meant it) as file:line:column: note: message, \
            except with --quiet. The exit status is 1 when the description, the templates or the output cannot be \
            used.
            """
    )

    @Argument(
        help: ArgumentHelp(
            "The OpenAPI description: a YAML or JSON file; $refs to other files are followed. With --config: the file's 'spec', or openapi.yaml beside it.",
            valueName: "spec"))
    var spec: String?

    @Option(
        name: [.short, .long],
        help: ArgumentHelp(
            "The folder to write the package to (created if missing). With --config: the file's 'output'.",
            valueName: "dir"))
    var output: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A bindery.yaml to read the options from (every key is in the README; 'bindery config schema' prints its JSON Schema).",
            valueName: "file"))
    var config: String?

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
            "What the output folder holds: 'package' (a Swift package: Package.swift, README.md, docs/, Sources/<module>/; the default), 'sources' (a target's sources: APIs/, Models/, Runtime/, docs/) or 'shards' (the Swift sources in Bindery000.swift … Bindery127.swift, the build tool plugin's).",
            valueName: "layout"
        )
    )
    var layout: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "With --config: the file is in the folder of this SwiftPM target (the plugins pass it). The module is the target, and where the file does not say, the layout is 'sources' and the output 'Generated' beside the file.",
            valueName: "target"
        )
    )
    var inTarget: String?

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

    @Flag(
        name: .long,
        help:
            "Print the wall-clock and CPU time of each stage (parse, read, model, contexts, render, write)."
    )
    var timings = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The largest file of the description, in bytes or with K, M or G (powers of 1024). Default: \(ByteCount(YAMLDocument.Limits.default.maximumBytes)).",
            valueName: "size"
        )
    )
    var maxDocumentSize: ByteCount?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "How deep YAML or JSON collections may nest, counting what aliases bring in. Default: \(YAMLDocument.Limits.default.maximumDepth).",
            valueName: "levels"
        )
    )
    var maxDepth: Int?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "How many nodes YAML aliases may add to a file (each alias adds the tree it stands for). Default: \(YAMLDocument.Limits.default.maximumAliasedNodes).",
            valueName: "count"
        )
    )
    var maxAliasNodes: Int?

    func validate() throws {
        if let maxDepth, maxDepth < 1 { throw ValidationError("--max-depth must be at least 1") }
        if let maxAliasNodes, maxAliasNodes < 1 { throw ValidationError("--max-alias-nodes must be at least 1") }
        if let layout, RenderOptions.Layout(rawValue: layout) == nil {
            throw ValidationError(
                "unknown layout '\(layout)': expected "
                    + RenderOptions.Layout.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", "))
        }
        if config == nil {
            guard inTarget == nil else { throw ValidationError("--in-target needs --config <file>.") }
            guard spec != nil else { throw ValidationError("Missing the spec argument (or --config <file>).") }
            guard output != nil else { throw ValidationError("Missing --output <dir> (or --config <file>).") }
        }
    }

    /// The options of the command line, over those of the configuration file when there is one.
    func options() throws(Diagnostic) -> Generator.Options {
        var options: Generator.Options
        if let config {
            options = try Configuration.read(path: config).options(
                spec: spec, output: output, moduleName: moduleName, templates: templates,
                layout: layout.flatMap(RenderOptions.Layout.init), target: inTarget, checkOnly: check)
        } else {
            options = Generator.Options(
                specPath: spec ?? "", outputDirectory: output ?? "", moduleName: moduleName,
                templatesDirectory: templates, checkOnly: check)
            options.render.layout = layout.flatMap(RenderOptions.Layout.init) ?? .package
            options.render.generatesDocs = options.render.layout.writesDocsByDefault
        }
        options.limits = limits
        options.references = Generator.ReferencePolicy(
            allowsFilesOutsideRoot: allowExternalRefs, remote: allowRemoteRefs ? RemoteReferences() : nil)
        // The command exits once the files are written: the model is not freed value by value first.
        options.keepsModelUntilExit = true
        return options
    }

    /// The default limits with the options given.
    var limits: YAMLDocument.Limits {
        var limits = YAMLDocument.Limits.default
        if let maxDocumentSize { limits.maximumBytes = maxDocumentSize.bytes }
        if let maxDepth { limits.maximumDepth = maxDepth }
        if let maxAliasNodes { limits.maximumAliasedNodes = maxAliasNodes }
        return limits
    }

    func run() throws {
        MallocSettings.tune()
        let start = ContinuousClock.now
        let result: Generator.Result
        do {
            result = try Generator.generate(options())
        } catch {
            Console.error(error.description)
            throw ExitCode(1)
        }
        let output = result.outputDirectory
        for warning in result.warnings {
            Console.error(warning.description)
        }
        if timings {
            Console.error(result.timings.table)
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
                "Generated \(result.moduleName) in \(output): \(result.paths.count) files "
                    + "(\(summary.written.count) written, \(summary.unchanged.count) unchanged, "
                    + "\(summary.removed.count) removed) in \(Self.text(of: elapsed))."
            )
        }
    }
}

extension GenerateCommand {
    /// `412 ms`, or `1.23 s` from a second on.
    static func text(of duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let milliseconds = Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
        guard milliseconds >= 1000 else { return "\(milliseconds) ms" }
        let hundredths = (milliseconds + 5) / 10
        return "\(hundredths / 100).\(String(hundredths % 100 + 100).dropFirst()) s"
    }
}

/// A size in bytes, written as bytes (`1048576`) or with a binary unit (`512K`, `64M`, `1G`).
struct ByteCount: ExpressibleByArgument, CustomStringConvertible {
    var bytes: Int

    init(_ bytes: Int) {
        self.bytes = bytes
    }

    init?(argument: String) {
        let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        var digits = Substring(argument)
        var unit = 1
        if let last = digits.last?.uppercased().first, let scale = units[last] {
            unit = scale
            digits = digits.dropLast()
        }
        guard let count = Int(digits), count > 0 else { return nil }
        let (bytes, overflow) = count.multipliedReportingOverflow(by: unit)
        guard !overflow else { return nil }
        self.bytes = bytes
    }

    var description: String {
        for (suffix, unit) in [("G", 1 << 30), ("M", 1 << 20), ("K", 1 << 10)] where bytes % unit == 0 {
            return "\(bytes / unit)\(suffix)"
        }
        return String(bytes)
    }
}

/// Standard output and error, written straight to their file descriptors (unbuffered, as the lines come).
enum Console {
    static func out(_ line: String, terminator: String = "\n") {
        _ = FileDescriptorText.write(line + terminator, to: STDOUT_FILENO)
    }

    static func error(_ line: String) {
        _ = FileDescriptorText.write(line + "\n", to: STDERR_FILENO)
    }
}
