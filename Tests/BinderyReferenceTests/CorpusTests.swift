import Bindery
import Foundation
import TestExecutors
import Testing

@testable import bindery_corpus

/// `bindery-corpus` on the tiny corpus in `Tests/Specs/corpus`: which files are roots, what each row says without
/// building, the table, and the exit status.
@Suite(.computing) struct CorpusTests {
    static let folder = Support.repositoryRoot + "/Tests/Specs/corpus"

    @Test func findsTheRootDescriptionsOnly() throws {
        let specs = try SpecDiscovery.roots(in: Self.folder)
        // Not the part file (it mentions openapi and swagger, but not as top-level keys), not package.json, not
        // notes.txt; the unparsable broken-syntax.yaml is kept because a line starts with `openapi:`.
        #expect(
            specs.map(\.relativePath) == [
                "broken-ref.yaml", "broken-syntax.yaml", "multi/api.yml", "pets-31.json", "pets.yaml",
            ])
        #expect(specs.map(\.version) == ["3.0.0", "?", "3.0.0", "3.1.0", "3.0.3"])
        #expect(specs.allSatisfy { $0.path == Self.folder + "/" + $0.relativePath })
        let filtered = try SpecDiscovery.roots(in: Self.folder, filters: ["pets"])
        #expect(filtered.map(\.relativePath) == ["pets-31.json", "pets.yaml"])
        let either = try SpecDiscovery.roots(in: Self.folder, filters: ["multi/", ".json"])
        #expect(either.map(\.relativePath) == ["multi/api.yml", "pets-31.json"])
    }

    @Test func rowsWithoutBuilding() async throws {
        let keep = try Support.temporaryDirectory("bindery-corpus-test")
        defer { try? FileManager.default.removeItem(atPath: keep) }
        let specs = try SpecDiscovery.roots(in: Self.folder)
        // Generation runs on a thread of its own: blocking one of the cooperative pool's two threads this long
        // would stall the loopback tests' clocks.
        let rows = try await Support.onThread {
            try CorpusRunner(build: false, keepDirectory: keep).run(specs, jobs: 2)
        }
        #expect(rows.map(\.spec) == specs.map(\.relativePath), "rows in the order of the descriptions")
        let row = Dictionary(uniqueKeysWithValues: rows.map { ($0.spec, $0) })

        let pets = try #require(row["pets.yaml"])
        #expect(pets.status == .ok)
        #expect(pets.version == "3.0.3")
        #expect(pets.moduleName == "Pets")
        #expect(pets.operations == 4)
        // Pet, Shape, Error (as ErrorModel) and the inline object of the `filter` query parameter.
        #expect(pets.models == 4)
        #expect(pets.models == modelFiles(keep + "/pets.yaml", module: "Pets"))
        // Pet.metadata is a free-form object; the runtime's own JSONValue.swift is not counted.
        let uses = try jsonValueUses(keep + "/pets.yaml", module: "Pets")
        #expect(pets.jsonValueUses == uses)
        #expect((pets.jsonValueUses ?? 0) >= 1)
        // The warnings, as the generator reports them, grouped here independently; whatever else the generator
        // warns about, the two path parameters (petId and ownerId) are one kind.
        let warnings = try Generator.render(specPath: Self.folder + "/pets.yaml").warnings
        let kinds = Dictionary(grouping: warnings) {
            $0.message.replacingOccurrences(of: "'[^']*'", with: "'…'", options: .regularExpression)
        }.mapValues(\.count)
        #expect(pets.warnings == kinds)
        #expect(pets.warningCount == warnings.count)
        #expect(pets.warnings["path parameter '…' must be required; treating it as required"] == 2)
        #expect(!pets.warnings.keys.contains { $0.contains("petId") || $0.contains("ownerId") })
        #expect(pets.generateSeconds != nil && pets.buildSeconds == nil)
        let kept = Support.read(keep + "/pets.yaml/warnings.txt") ?? ""
        #expect(kept.split(separator: "\n").count == warnings.count)
        #expect(kept.contains("pets.yaml:69:11: warning: path parameter 'ownerId' must be required"), "\(kept)")

        let pets31 = try #require(row["pets-31.json"])
        #expect(pets31.status == .ok)
        #expect(pets31.version == "3.1.0")
        #expect([pets31.operations, pets31.models, pets31.jsonValueUses] == [1, 1, 0])
        #expect(pets31.warnings.isEmpty)
        // 3.0's `nullable` in a 3.1 document: a note, kept apart from the warnings, and listed after them.
        #expect(
            pets31.notes == [
                "'…' is OpenAPI 3.0 (in 3.1, '…' is one of the types); read as in 3.0 (later uses in this document are not "
                    + "reported)": 1
            ])
        let kept31 = Support.read(keep + "/pets-31.json/warnings.txt") ?? ""
        #expect(kept31.hasPrefix(Self.folder + "/pets-31.json:26:52: note: 'nullable' is OpenAPI 3.0"), "\(kept31)")

        let multi = try #require(row["multi/api.yml"])
        #expect(multi.status == .ok)
        #expect([multi.operations, multi.models, multi.jsonValueUses] == [1, 1, 0])

        let broken = try #require(row["broken-ref.yaml"])
        guard case .generateFailed(let message) = broken.status else {
            Issue.record("broken-ref.yaml: \(broken.status)")
            return
        }
        #expect(message.hasPrefix("14:23: error: cannot resolve reference '#/components/schemas/Missing'"))
        #expect(message.contains("in broken-ref.yaml"), "paths relative to the corpus folder: \(message)")
        #expect(!message.contains(Self.folder))
        #expect([broken.operations, broken.models, broken.jsonValueUses] == [nil, nil, nil])
        #expect(broken.generateSeconds != nil && broken.buildSeconds == nil)

        let syntax = try #require(row["broken-syntax.yaml"])
        #expect(syntax.version == "?")
        guard case .generateFailed(let syntaxMessage) = syntax.status else {
            Issue.record("broken-syntax.yaml: \(syntax.status)")
            return
        }
        #expect(syntaxMessage.hasPrefix("3:1: error: "))
    }

    @Test func warningKindsReplaceQuotedParts() {
        #expect(WarningKind.of("schema 'Loop1' only refers to itself") == "schema '…' only refers to itself")
        #expect(WarningKind.of("scheme 'a b' is not in 'c'") == "scheme '…' is not in '…'")
        #expect(WarningKind.of("'' is empty") == "'…' is empty")
        #expect(WarningKind.of("it's unpaired") == "it's unpaired")
        #expect(WarningKind.of("a 'b' it's") == "a '…' it's")
        #expect(WarningKind.of("no quotes") == "no quotes")
    }

    @Test func countsWholeWordsOnly() {
        #expect(CorpusRunner.uses(of: "JSONValue", in: "") == 0)
        #expect(CorpusRunner.uses(of: "JSONValue", in: "JSONValue") == 1)
        #expect(CorpusRunner.uses(of: "JSONValue", in: "let a: [String: JSONValue]?, b: JSONValue") == 2)
        #expect(CorpusRunner.uses(of: "JSONValue", in: "JSONValueBox MyJSONValue _JSONValue JSONValue2") == 0)
        #expect(CorpusRunner.uses(of: "JSONValue", in: "(JSONValue)JSONValue.null") == 2)
        let code = """
            /// Returns a `JSONValue`.
            public func f() -> JSONValue {  // JSONValue
                // JSONValue
                JSONValue.null
            }
            """
        #expect(CorpusRunner.usesInCode(of: "JSONValue", in: code) == 3)
        // A member is counted where it is declared, not again where it is decoded or encoded.
        let member = """
                public var extra: [String: JSONValue]?
                self.extra = try container.decodeIfPresent([String: JSONValue].self, "extra")
                try container.encodeIfPresent(self.extra, "extra")
                additional[key.stringValue] = try others.decode(JSONValue.self, forKey: key)
                self.value = fitting.contains("value") ? try [String: JSONValue](from: decoder) : nil
            """
        #expect(CorpusRunner.usesInCode(of: "JSONValue", in: member) == 1)
    }

    /// `--compare-engines`: swift-mustache renders the tiny corpus as the compiled engine does; a file changed
    /// after rendering is reported, and fails the description.
    @Test func comparesTheEngines() async throws {
        let specs = try SpecDiscovery.roots(in: Self.folder, filters: ["pets", "multi/"])
        var runner = CorpusRunner(build: false)
        runner.comparesEngines = true
        let engines = runner
        let rows = try await Support.onThread { try engines.run(specs) }
        #expect(rows.count == 3)
        for row in rows {
            #expect(row.status == .ok, "\(row.spec): \(row.status)")
            #expect(row.engineDifferences == [], "\(row.spec)")
        }

        let spec = try #require(specs.first { $0.relativePath == "pets.yaml" })
        var files = try Generator.render(specPath: spec.path).files
        files[3].contents += "// changed\n"
        var row = CorpusRow(spec: spec.relativePath, version: spec.version, status: .ok)
        runner.compareEngines(spec, files: files, moduleName: "Pets", row: &row)
        #expect(row.engineDifferences == [files[3].path])
        #expect(row.status == .enginesDiffer("1 of \(files.count) files, first \(files[3].path)"))
        #expect(CorpusTable(rows: rows + [row]).render().contains(" 1 differ "))
    }

    @Test func table() {
        var rows = [
            CorpusRow(
                spec: "a.yaml", version: "3.0.0", moduleName: "A", operations: 3, models: 2, jsonValueUses: 1,
                warnings: ["x '…'": 4, "y": 2, "z": 1, "w": 1], generateSeconds: 0.123, buildSeconds: 10.04,
                status: .ok),
            CorpusRow(
                spec: "b|c.json", version: "3.1.0", moduleName: "B", operations: 1, models: 0, jsonValueUses: 0,
                warnings: ["y": 1], generateSeconds: 0.5, buildSeconds: 2, status: .buildFailed("M.swift:1:2: error: e")
            ),
            CorpusRow(spec: "d.yaml", version: "2.0", generateSeconds: 0.01, status: .generateFailed("1:1: error: no")),
        ]
        rows[1].notes = ["n '…'": 2]
        let markdown = CorpusTable(rows: rows, markdown: true).render()
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "| spec | OpenAPI | ops | models | JSONValue | warnings | gen s | build s | status |")
        #expect(lines[2] == "| a.yaml | 3.0.0 | 3 | 2 | 1 | 8: W1×4 W2×2 W3×1 … | 0.12 | 10.0 | ok |")
        #expect(
            lines[3]
                == "| b\\|c.json | 3.1.0 | 1 | 0 | 0 | 1: W2×1 | 0.50 | 2.0 | build failed: M.swift:1:2: error: e |")
        #expect(lines[4] == "| d.yaml | 2.0 | – | – | – | – | 0.01 | – | generate failed: 1:1: error: no |")
        #expect(lines[5] == "| total (3) |  | 4 | 2 | 1 | 9 | 0.63 | 12.0 | 1 ok, 2 failed |")
        // Kinds by total (y: 3 over two descriptions), ties by message; then each description's breakdown.
        #expect(
            markdown.contains(
                "- **W1** (4 in 1): x '…'\n- **W2** (3 in 2): y\n- **W3** (1 in 1): w\n- **W4** (1 in 1): z\n"))
        #expect(markdown.contains("- `a.yaml`: 8\n  - W1 ×4: x '…'\n  - W2 ×2: y\n  - W3 ×1: w\n  - W4 ×1: z\n"))
        #expect(markdown.contains("- `b|c.json`: 1\n  - W2 ×1: y\n"))
        // Notes are not warnings: not in the counts, listed after the warnings.
        #expect(
            markdown.contains(
                "\n### Notes (read as the author meant: not warnings)\n\n- `b|c.json`: 2\n  - ×2: n '…'\n"))

        let text = CorpusTable(rows: rows).render()
        #expect(text.hasPrefix("spec       OpenAPI  ops  models  JSONValue  warnings"))
        #expect(text.contains("\ntotal (3)             4       2          1  9"))
        #expect(text.hasSuffix("\nNotes (read as the author meant: not warnings):\n\nb|c.json: 2\n       2  n '…'\n"))
    }

    /// With `--examples`: valid/all and decoded/valid before the status, totals over the rows that have them, and
    /// the first failures of each description after the table.
    @Test func tableWithExamples() {
        var a = CorpusRow(spec: "a.yaml", version: "3.1.0", moduleName: "A", status: .ok)
        a.examples = .init(
            total: 4, valid: 3, decoded: 2, failures: ["GET /a 200 example: type mismatch"],
            invalid: ["schema A: missing required property 'id'"])
        var b = CorpusRow(spec: "b.yaml", version: "3.0.0", moduleName: "B", status: .examplesFailed("x"))
        b.examples = .init(total: 2, valid: 2, decoded: nil)
        let c = CorpusRow(spec: "c.yaml", version: "3.0.0", status: .generateFailed("no"))
        let lines = CorpusTable(rows: [a, b, c], markdown: true).render().split(separator: "\n").map(String.init)
        #expect(lines[0].hasSuffix("| build s | examples | decoded | status |"))
        #expect(lines[2].hasSuffix("| 3/4 | 2/3 | ok |"))
        #expect(lines[3].hasSuffix("| 2/2 | – | examples failed: x |"))
        #expect(lines[4].hasSuffix("| – | – | generate failed: no |"))
        // Decoded of the valid examples that were decoded at all.
        #expect(lines[5].hasSuffix("| 5/6 | 2/3 | 1 ok, 2 failed |"))
        let text = CorpusTable(rows: [a, b, c], examplesListed: 1).render()
        #expect(
            text.contains(
                "Examples not decoded (the first 1 of each description):\n\na.yaml: 1\n  GET /a 200 example: type mismatch\n"
            ))
        #expect(text.contains("a.yaml: 1\n  schema A: missing required property 'id'\n"))
        #expect(!CorpusTable(rows: [c]).render().contains("examples"), "no columns without --examples")
    }

    /// The executable: exit status 1 when a description fails, 0 when all generate; the table on stdout.
    @Test func exitStatus() async throws {
        let executable = URL(fileURLWithPath: Support.binderyExecutable).deletingLastPathComponent()
            .appendingPathComponent("bindery-corpus").path
        let all = try await Support.run(executable, [Self.folder, "--no-build", "--markdown"])
        #expect(all.status == 1)
        #expect(all.stdout.contains("| pets.yaml | 3.0.3 | 4 | 4 |"))
        #expect(all.stdout.contains("3 ok, 2 failed"))
        #expect(all.stderr.contains("[5/5]"))
        let good = try await Support.run(executable, [Self.folder, "--no-build", "--filter", "pets"])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.contains("2 ok, 0 failed"))
        let none = try await Support.run(executable, [Self.folder, "--no-build", "--filter", "nothing"])
        #expect(none.status == 1)
        #expect(none.stderr.contains("no OpenAPI descriptions"))
    }

    /// `--examples` end to end on `Tests/Specs/examples/payloads.yaml`: generated, built, and its examples decoded
    /// by the decoder package (a discriminated `oneOf`, a `oneOf` by shape, dates, a `$ref` to components/examples,
    /// a schema's `example`, a deprecated schema's, which the decoder names and still builds with warnings as
    /// errors). About 15 s, most of it `swift build`.
    @Test func decodesTheExamples() async throws {
        let keep = try Support.temporaryDirectory("bindery-corpus-examples")
        defer { try? FileManager.default.removeItem(atPath: keep) }
        let specs = try SpecDiscovery.roots(in: Support.repositoryRoot + "/Tests/Specs/examples")
        var runner = CorpusRunner(build: true, keepDirectory: keep)
        runner.decodesExamples = true
        // `swift build` takes a minute: on a thread of its own, not one of the cooperative pool's two.
        let decoding = runner
        let row = try #require(try await Support.onThread { try decoding.run(specs) }.first)
        #expect(row.status == .ok, "\(row.status.text)")
        let examples = try #require(row.examples)
        #expect(examples.total == 9 && examples.valid == 8)
        #expect(examples.decoded == 7)
        #expect(
            examples.invalid == [
                "GET /values/{id} 200 examples.broken: matches none of the 2 alternatives of oneOf (#1 Amount: missing "
                    + "required property 'id'; #2 Note: missing required property 'id')"
            ])
        // A valid integer that does not fit in Int: the one failure, named with the decoder's error.
        #expect(examples.failures.count == 1)
        #expect(examples.failures.first?.hasPrefix("GET /shapes 404 examples.huge: data corrupted at ") == true)
        let report = Support.read(keep + "/payloads.yaml/examples.txt") ?? ""
        #expect(report.hasPrefix("9 examples, 8 valid, 7 decoded\n"), "\(report)")
        for line in [
            "GET /shapes 200 examples.mixed: decoded", "GET /shapes 200 examples.empty: decoded",
            "GET /shapes 404 examples.gone: decoded", "GET /values/{id} 200 examples.number: decoded",
            "GET /values/{id} 200 examples.text: decoded", "schema Problem: decoded", "schema LegacyProblem: decoded",
        ] {
            #expect(report.contains(line + "\n"), "\(line)")
        }
        let table = CorpusTable(rows: [row], markdown: true).render()
        #expect(table.contains("| examples | decoded | status |"))
        #expect(table.contains("| 8/9 | 7/8 | ok |"))
        #expect(table.contains("### Examples not decoded\n\n- `payloads.yaml`: 1\n  - GET /shapes 404 examples.huge: "))
    }

    // MARK: - Independent counts over the written package

    func modelFiles(_ package: String, module: String) -> Int {
        Support.files(under: "\(package)/Sources/\(module)/Models").count { $0.hasSuffix(".swift") }
    }

    func jsonValueUses(_ package: String, module: String) throws -> Int {
        let pattern = try NSRegularExpression(pattern: "\\bJSONValue\\b")
        var count = 0
        for folder in ["APIs", "Models"] {
            let directory = "\(package)/Sources/\(module)/\(folder)"
            for file in Support.files(under: directory) {
                let text = Support.read(directory + "/" + file) ?? ""
                // Comments, and the decoding and encoding calls (the member is counted where it is declared).
                for line in text.components(separatedBy: "\n")
                where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") && !line.contains("forKey:")
                    && !line.contains("container.decode") && !line.contains("container.encode")
                    && !line.contains("(from: decoder)")
                {
                    count += pattern.numberOfMatches(in: line, range: NSRange(line.startIndex..., in: line))
                }
            }
        }
        return count
    }
}
