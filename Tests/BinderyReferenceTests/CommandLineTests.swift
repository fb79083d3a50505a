import Bindery
import Foundation
import TestExecutors
import Testing

/// The `bindery` executable as users run it: exit status, the one-line `file:line:column: error:` message, and an
/// output folder left exactly as it was when the input is bad.
@Suite(.computing) struct CommandLineTests {
    /// Runs `bindery generate` on `spec` into an output folder that already holds a previous generation and a
    /// file of the user's, and checks the run fails with `message` and changes nothing.
    func expectFailure(
        spec: String, files: [String: String] = [:], message: String, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for (path, contents) in files {
            try Data(contents.utf8).write(to: URL(fileURLWithPath: directory + "/" + path))
        }
        let output = directory + "/Out"
        let first = try await Support.run(
            Support.binderyExecutable, ["generate", Support.canopySpec, "--output", output, "--module-name", "Canopy"]
        )
        #expect(first.status == 0, "\(first.stderr)", sourceLocation: sourceLocation)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: output + "/Notes.txt"))
        let before = snapshot(output)

        let result = try await Support.run(
            Support.binderyExecutable, ["generate", spec, "--output", output], in: directory
        )

        #expect(result.status == 1, sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(result.stderr == message + "\n", sourceLocation: sourceLocation)
        #expect(snapshot(output) == before, "the output folder changed", sourceLocation: sourceLocation)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.contains("staging") }
        #expect(leftovers.isEmpty, sourceLocation: sourceLocation)
    }

    /// Every file of a folder with its contents and modification date.
    func snapshot(_ directory: String) -> [String: String] {
        var result: [String: String] = [:]
        for path in Support.files(under: directory) {
            let full = directory + "/" + path
            let date = (try? FileManager.default.attributesOfItem(atPath: full)[.modificationDate] as? Date) ?? nil
            result[path] = (Support.read(full) ?? "") + "@\(date?.timeIntervalSince1970 ?? 0)"
        }
        return result
    }

    /// `--timings` lists every stage with its wall and CPU time and peak memory, and the package is the golden's.
    /// `--template-engine` is gone from `bindery` (swift-mustache stays in `bindery-corpus --compare-engines`): it
    /// is an unknown option.
    @Test func timingsAndNoTemplateEngineOption() async throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try await Support.run(
            Support.binderyExecutable,
            [
                "generate", Support.canopySpec, "--output", directory + "/Out", "--module-name", "Canopy", "--quiet",
                "--timings",
            ]
        )
        #expect(result.status == 0, "\(result.stderr)")
        let stages = result.stderr.split(separator: "\n").map { $0.split(separator: " ").first.map(String.init) ?? "" }
        #expect(stages == ["parse", "read", "model", "contexts", "render", "write", "total"])
        #expect(
            result.stderr.split(separator: "\n").allSatisfy { $0.contains(" ms wall ") && $0.hasSuffix(" MB peak") })
        let golden = Support.repositoryRoot + "/Tests/Goldens/Canopy"
        for path in Support.files(under: golden) where !path.hasPrefix(".bindery/") {
            #expect(Support.read(directory + "/Out/" + path) == Support.read(golden + "/" + path), "\(path)")
        }

        let unknown = try await Support.run(
            Support.binderyExecutable,
            ["generate", Support.canopySpec, "--output", directory + "/Other", "--template-engine", "swift-mustache"]
        )
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("Unknown option '--template-engine'"), "\(unknown.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/Other"))
    }

    @Test func missingFile() async throws {
        try await expectFailure(
            spec: "missing.yaml", message: "missing.yaml:1:1: error: cannot read file: No such file or directory")
    }

    @Test func invalidYAML() async throws {
        try await expectFailure(
            spec: "broken.yaml",
            files: ["broken.yaml": "openapi: 3.0.0\ninfo:\n  title: T\n   version: 1\n"],
            message: "broken.yaml:4:11: error: mapping values are not allowed in this context"
        )
    }

    @Test func notOpenAPI() async throws {
        try await expectFailure(
            spec: "config.json",
            files: ["config.json": #"{"name": "not an API", "version": 2}"#],
            message: "config.json:1:1: error: not an OpenAPI document: missing the 'openapi' key"
        )
    }

    @Test func unresolvableReference() async throws {
        try await expectFailure(
            spec: "api.yaml",
            files: [
                "api.yaml": """
                openapi: 3.0.1
                info: {title: T, version: '1'}
                paths:
                  /a:
                    get:
                      responses:
                        '200':
                          description: ok
                          content:
                            application/json:
                              schema: {$ref: 'models.yaml#/Missing'}
                """,
                "models.yaml": "Present: {type: string}\n",
            ],
            message: "api.yaml:11:30: error: cannot resolve reference 'models.yaml#/Missing': "
                + "the document root in models.yaml has no 'Missing'"
        )
    }

    @Test func secondRunWritesNothing() async throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let arguments = ["generate", Support.canopySpec, "--output", directory + "/Out", "--module-name", "Canopy"]
        let first = try await Support.run(Support.binderyExecutable, arguments)
        let before = snapshot(directory + "/Out")
        let second = try await Support.run(Support.binderyExecutable, arguments)

        #expect(first.status == 0 && second.status == 0)
        #expect(first.stdout.contains("44 files (44 written, 0 unchanged, 0 removed)"))
        #expect(second.stdout.contains("44 files (0 written, 44 unchanged, 0 removed)"))
        #expect(snapshot(directory + "/Out") == before)
    }

    /// `--check` writes nothing, lists what a generation would write or remove, and exits 1 when anything would
    /// change (a user's CI checking that committed output is up to date).
    @Test func checkListsChangesAndWritesNothing() async throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let output = directory + "/Out"
        let arguments = ["generate", Support.canopySpec, "--output", output, "--module-name", "Canopy"]
        let missing = try await Support.run(Support.binderyExecutable, arguments + ["--check"])
        #expect(missing.status == 1)
        #expect(missing.stdout.contains("\(output)/Sources/Canopy/APIs/TokenApi.swift: would be written\n"))
        #expect(
            missing.stderr.hasSuffix(
                "error: 44 generated files are out of date in \(output); run 'bindery generate' without --check\n"))
        #expect(!FileManager.default.fileExists(atPath: output))

        #expect(try await Support.run(Support.binderyExecutable, arguments).status == 0)
        let upToDate = try await Support.run(Support.binderyExecutable, arguments + ["--check"])
        #expect(upToDate.status == 0, "\(upToDate.stdout)\(upToDate.stderr)")
        #expect(upToDate.stdout == "\(output) is up to date: 44 files.\n")

        // An edited file, and a file an earlier generation wrote that this one does not.
        try Data("// edited\n".utf8).write(to: URL(fileURLWithPath: output + "/Sources/Canopy/Models/PoolState.swift"))
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: output + "/docs/Old.md"))
        let files = output + "/.bindery/FILES"
        try Data(((Support.read(files) ?? "") + "docs/Old.md\n").utf8).write(to: URL(fileURLWithPath: files))
        let before = snapshot(output)
        let stale = try await Support.run(Support.binderyExecutable, arguments + ["--check"])
        #expect(stale.status == 1)
        #expect(
            stale.stdout == "\(output)/Sources/Canopy/Models/PoolState.swift: would be written\n"
                + "\(output)/docs/Old.md: would be removed\n")
        #expect(
            stale.stderr.hasSuffix(
                "error: 2 generated files are out of date in \(output); run 'bindery generate' without --check\n"))
        #expect(snapshot(output) == before, "--check changed the output folder")
    }

    /// Warnings are printed always, notes (what was read as its author meant it) except with `--quiet`.
    @Test func notesArePrintedUnlessQuiet() async throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let spec = directory + "/api.yaml"
        try Data(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  security: [{key: []}]
                  responses: {'200': {description: ok, content: {text/plain: {schema: {type: string, nullable: true}}}}}
            """.utf8
        ).write(to: URL(fileURLWithPath: spec))
        let warning =
            "\(spec):6:19: warning: security scheme 'key' is not defined in components.securitySchemes: the client "
            + "cannot send its credential (1 operation requires it)\n"
        let note =
            "\(spec):7:100: note: 'nullable' is OpenAPI 3.0 (in 3.1, 'null' is one of the types); read as in 3.0 (later "
            + "uses in this document are not reported)\n"
        let loud = try await Support.run(Support.binderyExecutable, ["generate", spec, "--output", directory + "/A"])
        #expect(loud.status == 0)
        #expect(loud.stderr == warning + note)
        let quiet = try await Support.run(
            Support.binderyExecutable, ["generate", spec, "--output", directory + "/B", "--quiet"])
        #expect(quiet.status == 0)
        #expect(quiet.stderr == warning)
    }

    @Test func helpExplainsEveryOption() async throws {
        let result = try await Support.run(Support.binderyExecutable, ["generate", "--help"])
        #expect(result.status == 0)
        for option in [
            "<spec>", "--output", "--config", "--module-name", "--templates", "--quiet", "--check",
            "--allow-external-refs", "--allow-remote-refs",
        ] {
            #expect(result.stdout.contains(option), "help does not mention \(option)")
        }
    }

    @Test func missingOutputIsAUsageError() async throws {
        let result = try await Support.run(Support.binderyExecutable, ["generate", Support.canopySpec])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--output"))
    }

    /// `--output O`: swift-corelibs-foundation's `deletingLastPathComponent` crashes on a one-character path.
    @Test func oneCharacterOutputFolder() async throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try await Support.run(
            Support.binderyExecutable, ["generate", Support.canopySpec, "--output", "O", "-q"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: directory + "/O/Package.swift"))
    }

    @Test func missingSpecIsAUsageError() async throws {
        let result = try await Support.run(Support.binderyExecutable, ["generate", "--output", "Out"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: Missing the spec argument (or --config <file>).\n"))
    }

    /// `--config`: the options of a `bindery.yaml`, its paths relative to it; the command line's replace them.
    @Test func configurationFile() async throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory + "/Sources/Pets", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Support.canopySpec, toPath: directory + "/Sources/Pets/openapi.yaml")
        try Data("output: ../../Out\nmoduleName: Pets\ndocs: false\n".utf8).write(
            to: URL(fileURLWithPath: directory + "/Sources/Pets/bindery.yaml"))

        let fromFile = try await Support.run(
            Support.binderyExecutable, ["generate", "--config", "Sources/Pets/bindery.yaml"], in: directory)
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        #expect(fromFile.stdout.hasPrefix("Generated Pets in Out: 28 files (28 written"))
        #expect(FileManager.default.fileExists(atPath: directory + "/Out/Sources/Pets/APIs/TokenApi.swift"))
        #expect(!FileManager.default.fileExists(atPath: directory + "/Out/README.md"))

        let overridden = try await Support.run(
            Support.binderyExecutable,
            [
                "generate", "--config", "Sources/Pets/bindery.yaml", "--output", "Other", "--module-name", "Canopy",
                "-q",
            ],
            in: directory)
        #expect(overridden.status == 0, "\(overridden.stderr)")
        #expect(FileManager.default.fileExists(atPath: directory + "/Other/Sources/Canopy/APIs/TokenApi.swift"))
        #expect(!FileManager.default.fileExists(atPath: directory + "/Other/README.md"))

        let check = try await Support.run(
            Support.binderyExecutable, ["generate", "--config", "Sources/Pets/bindery.yaml", "--check"], in: directory)
        #expect(check.status == 0 && check.stdout == "Out is up to date: 28 files.\n")
    }

    /// A broken configuration is one located error, exit status 1, and an output folder left as it was.
    @Test func brokenConfigurationChangesNothing() async throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let output = directory + "/Out"
        let first = try await Support.run(
            Support.binderyExecutable, ["generate", Support.canopySpec, "--output", output, "--module-name", "Canopy"])
        #expect(first.status == 0)
        let before = snapshot(output)
        let cases: [(yaml: String, message: String)] = [
            ("filter:\n  tags: [Token]\n", "bindery.yaml:1:1: error: unknown key 'filter'; did you mean 'filters'?"),
            ("docs: no\n", "bindery.yaml:1:7: error: expected true or false for 'docs', found 'no'"),
            (
                "filters:\n  tags: [Tokens]\n",
                "bindery.yaml:2:10: error: no operation has the tag 'Tokens'; did you mean 'Token'?"
            ),
            (
                "spec: missing.yaml\n",
                "bindery.yaml:1:7: error: no file at 'missing.yaml' (paths are relative to this file)"
            ),
        ]
        try FileManager.default.copyItem(atPath: Support.canopySpec, toPath: directory + "/openapi.yaml")
        for (yaml, message) in cases {
            try Data(yaml.utf8).write(to: URL(fileURLWithPath: directory + "/bindery.yaml"))
            let result = try await Support.run(
                Support.binderyExecutable, ["generate", "--config", "bindery.yaml", "--output", output], in: directory)
            #expect(result.status == 1)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr == message + "\n")
            #expect(snapshot(output) == before, "the output folder changed")
        }
    }

    /// `bindery config schema` prints the committed JSON Schema of bindery.yaml.
    @Test func configSchema() async throws {
        let result = try await Support.run(Support.binderyExecutable, ["config", "schema"])
        #expect(result.status == 0)
        #expect(result.stdout == Support.read(Support.repositoryRoot + "/" + ConfigurationSchema.schemaPath))
    }
}
