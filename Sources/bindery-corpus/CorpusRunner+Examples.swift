import BinderyOpenAPI
import Foundation

extension CorpusRunner {
    /// Validates the description's response examples against their schemas and (when ``build`` is on) decodes the
    /// valid ones with the generated types (see ``ExampleDecoder``), building the decoder with the generated package's scratch folder
    /// (so the generated module is not compiled again) and running it. Sets ``CorpusRow/examples``, or the status
    /// when something other than an example failed.
    func decodeExamples(
        _ spec: CorpusSpec, row: inout CorpusRow, packageDirectory: String, scratchDirectory: String,
        workDirectory: String, folderName: String
    ) {
        guard let moduleName = row.moduleName else { return }
        let examples: [PayloadExample]
        let decoder: ExampleDecoder
        do {
            let collected = try PayloadExamples.collect(
                specPath: spec.path, moduleName: moduleName, loader: Self.references(of: spec).loader())
            examples = collected.examples
            decoder = ExampleDecoder(
                packageDirectory: packageDirectory, moduleName: moduleName, typeNames: collected.typeNames,
                directory: ((keepDirectory ?? workDirectory) as NSString).appendingPathComponent(
                    folderName + ".examples"))
        } catch {
            row.status = .examplesFailed("cannot read the examples: " + Self.firstLine(of: error.description))
            return
        }
        let valid = examples.filter(\.isValid)
        var counts = CorpusRow.ExampleCounts(
            total: examples.count, valid: valid.count,
            invalid: examples.compactMap { example in example.problem.map { "\(example.label): \($0)" } })
        defer {
            row.examples = counts
            if keepDirectory != nil {
                writeReport(examples, counts, to: packageDirectory + "/examples.txt")
            } else {
                try? FileManager.default.removeItem(atPath: decoder.directory)
            }
        }
        // Without the build, validation only.
        guard build else { return }
        guard !valid.isEmpty else {
            counts.decoded = 0
            return
        }

        let log = decoder.directory + ".log"
        defer { if keepDirectory == nil { try? FileManager.default.removeItem(atPath: log) } }
        do {
            try decoder.write(valid)
            let status = try Self.runLogged(
                swift,
                [
                    "build", "--package-path", decoder.directory, "--scratch-path", scratchDirectory,
                    "-Xswiftc", "-warnings-as-errors",
                ],
                log: log)
            guard status == 0 else {
                let output = FileManager.default.contents(atPath: log).map { String(decoding: $0, as: UTF8.self) }
                row.status = .examplesFailed(
                    "the decoder did not build: "
                        + Self.firstCompilerError(in: output ?? "", packageDirectory: decoder.directory))
                return
            }
            let runLog = decoder.directory + ".run.log"
            defer { if keepDirectory == nil { try? FileManager.default.removeItem(atPath: runLog) } }
            let runStatus = try Self.runLogged(
                scratchDirectory + "/debug/ExampleDecoder", [decoder.examplesDirectory], log: runLog)
            let output = FileManager.default.contents(atPath: runLog).map { String(decoding: $0, as: UTF8.self) } ?? ""
            guard runStatus == 0, let outcome = ExampleDecoder.outcome(of: output) else {
                let last = output.split(whereSeparator: \.isNewline).last.map(String.init) ?? "no output"
                row.status = .examplesFailed("the decoder stopped with status \(runStatus): \(last)")
                return
            }
            counts.decoded = outcome.decoded
            counts.failures = outcome.failures
        } catch {
            row.status = .examplesFailed("\(error)")
        }
    }

    /// Every example with what became of it, for `--keep`.
    func writeReport(_ examples: [PayloadExample], _ counts: CorpusRow.ExampleCounts, to path: String) {
        var failed: [String: String] = [:]
        for failure in counts.failures {
            guard let separator = failure.range(of: ": ") else { continue }
            failed[String(failure[..<separator.lowerBound])] = String(failure[separator.upperBound...])
        }
        var text =
            "\(counts.total) examples, \(counts.valid) valid, \(counts.decoded.map(String.init) ?? "–") decoded\n\n"
        for example in examples {
            let outcome =
                if let problem = example.problem {
                    "invalid: \(problem)"
                } else if let error = failed[example.label] {
                    "not decoded: \(error)"
                } else {
                    counts.decoded == nil ? "not run" : "decoded"
                }
            text += "\(example.label): \(outcome)\n"
        }
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    }
}
