import ArgumentParser
import Foundation

/// `bindery-corpus`: generates every root description under a folder, builds each generated package with
/// warnings as errors, and prints a table.
///
/// Generation runs in process (through the `Bindery` library), so the generate column is the pipeline alone:
/// no process start, and the same code path as `bindery generate`. Builds run `swift build` in a child process.
@main
struct CorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bindery-corpus",
        abstract: "Generate and build every OpenAPI description under a folder, and print a table.",
        discussion: """
            The descriptions are the .yaml, .yml and .json files whose top level has an 'openapi' or 'swagger' \
            key (the parts of multi-file descriptions are not). Each is generated into a temporary folder (the \
            module named after its title, as 'bindery generate' does) and built with \
            'swift build -Xswiftc -warnings-as-errors'.

            Columns: ops = operations in the description; models = generated files in Sources/<module>/Models; \
            JSONValue = uses of JSONValue in the code (not comments, not the decoding and encoding calls) of Sources/<module>/APIs and Models; warnings = the total and the most \
            frequent kinds (a kind is a message with its quoted parts replaced by '…'; every kind and each \
            description's breakdown follow the table; notes, which say what was read as its author meant it, are \
            listed after them and not counted); gen s and build s = wall-clock seconds.

            With --compare-engines, each description is rendered a second time with swift-mustache, and column \
            'engines' says whether every file is the same as the compiled engine's ('same', or how many differ).

            With --examples, every example the description gives for a JSON response body (the media type's \
            'example' and 'examples', following $refs to components/examples; Swagger 2.0's response \
            'examples') and every generated schema's 'example' is checked against its schema, and the valid ones \
            are decoded with the generated type of the schema by a small package built beside the generated one. \
            Columns: examples = valid/all, decoded = decoded/valid; the first failures of each description \
            follow the table, and with --keep, examples.txt lists every example and what became of it. With \
            --no-build the examples are validated only (decoded is '–').

            The exit status is 1 when a description fails to generate or to build.
            """
    )

    @Argument(help: ArgumentHelp("The folder to search (recursively) for descriptions.", valueName: "folder"))
    var folder: String

    @Flag(name: .customLong("no-build"), help: "Generate only; do not build the generated packages.")
    var noBuild = false

    @Option(
        help: ArgumentHelp(
            "Only the descriptions whose relative path contains this (repeat for several).", valueName: "substring"))
    var filter: [String] = []

    @Option(name: [.short, .long], help: "How many descriptions to generate and build at a time.")
    var jobs = 1

    @Flag(help: "Print the table as Markdown.")
    var markdown = false

    @Flag(
        help: ArgumentHelp(
            "Validate the response examples against their schemas, and decode the valid ones with the generated types (with --no-build, validate only)."
        ))
    var examples = false

    @Flag(
        help: ArgumentHelp(
            "Also render every description with swift-mustache and compare the files with the compiled engine's (column 'engines'; a difference fails the description)."
        ))
    var compareEngines = false

    @Option(
        help: ArgumentHelp(
            "Keep the generated packages in this folder, one subfolder per description, with warnings.txt (the warnings, then the notes, with their locations) and build.log.",
            valueName: "dir"))
    var keep: String?

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let specs: [CorpusSpec]
        do {
            specs = try SpecDiscovery.roots(in: folder, filters: filter)
        } catch {
            Console.error("error: \(error)")
            throw ExitCode(1)
        }
        guard !specs.isEmpty else {
            let matching = filter.map { "'\($0)'" }.joined(separator: " or ")
            Console.error(
                "error: no OpenAPI descriptions under \(folder)" + (filter.isEmpty ? "" : " matching \(matching)"))
            throw ExitCode(1)
        }
        Console.error("\(specs.count) descriptions under \(folder)" + (noBuild ? " (not building)" : ""))
        var runner = CorpusRunner(build: !noBuild, keepDirectory: keep)
        runner.decodesExamples = examples
        runner.comparesEngines = compareEngines
        let total = specs.count
        let rows = try runner.run(specs, jobs: jobs) { done, row in
            let times = [
                row.generateSeconds.map { String(format: "gen %.2fs", $0) },
                row.buildSeconds.map { String(format: "build %.1fs", $0) },
                row.examples.map { "examples \($0.valid)/\($0.total), decoded \($0.decoded.map(String.init) ?? "–")" },
            ]
            Console.error(
                "[\(done)/\(total)] \(row.spec): \(row.status.text) (\(times.compactMap { $0 }.joined(separator: ", ")))"
            )
        }
        Console.out(CorpusTable(rows: rows, markdown: markdown).render())
        if rows.contains(where: \.status.isFailure) {
            throw ExitCode(1)
        }
    }
}

enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
