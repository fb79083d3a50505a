import Bindery
import BinderyMustache
import BinderyOpenAPI
import BinderyRender
import Foundation

/// Generates (in process) and builds (with `swift build`) one description after another, on one or more workers.
struct CorpusRunner: Sendable {
    /// Whether each generated package is built with `swift build -Xswiftc -warnings-as-errors`.
    var build = true
    /// Where the generated packages are kept (with `warnings.txt`, the generator's warnings with their locations,
    /// and `build.log`), one folder per description; `nil` to generate into a temporary folder that is removed
    /// afterwards.
    var keepDirectory: String?
    /// Whether the response examples are validated and, when the package is built, decoded with the generated
    /// types (``decodeExamples(_:row:packageDirectory:scratchDirectory:workDirectory:folderName:)``).
    var decodesExamples = false
    /// Whether each description is also rendered with swift-mustache, and the files compared with the compiled
    /// engine's (``CorpusRow/engineDifferences``).
    var comparesEngines = false
    /// The `swift` executable.
    var swift = CorpusRunner.swiftOnPath()

    /// Descriptions whose `$ref`s lead outside the folder of their root file, generated with
    /// `--allow-external-refs`: the OAI's multi-file example keeps its entry file in `spec/` and refers to
    /// `../common/Error.yaml`.
    static let referencingOutsideTheirFolder = [
        "oai-examples/v2.0/json/petstore-separate/spec/swagger.json",
        "oai-examples/v2.0/yaml/petstore-separate/spec/swagger.yaml",
    ]

    /// How `$ref`s of a description are followed: outside its folder only for those of
    /// ``referencingOutsideTheirFolder``. The generation, the operation count and the examples read it so.
    static func references(of spec: CorpusSpec) -> Generator.ReferencePolicy {
        Generator.ReferencePolicy(allowsFilesOutsideRoot: referencingOutsideTheirFolder.contains(spec.relativePath))
    }

    /// Runs every description, `jobs` at a time, and returns the rows in the order of `specs`. `progress` is
    /// called (from any thread, one call at a time) as each row is finished.
    func run(
        _ specs: [CorpusSpec], jobs: Int = 1,
        progress: @escaping @Sendable (_ done: Int, CorpusRow) -> Void = { _, _ in }
    ) throws -> [CorpusRow] {
        let workDirectory = NSTemporaryDirectory() + "bindery-corpus-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: workDirectory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: workDirectory) }
        if let keepDirectory {
            try FileManager.default.createDirectory(atPath: keepDirectory, withIntermediateDirectories: true)
        }

        let state = Locked((next: 0, done: 0, rows: [CorpusRow?](repeating: nil, count: specs.count)))
        let work: @Sendable () -> Void = {
            while true {
                let index: Int? = state.withLock { state in
                    guard state.next < specs.count else { return nil }
                    defer { state.next += 1 }
                    return state.next
                }
                guard let index else { return }
                let row = self.run(specs[index], workDirectory: workDirectory)
                state.withLock { state in
                    state.rows[index] = row
                    state.done += 1
                    progress(state.done, row)
                }
            }
        }
        if jobs <= 1 {
            work()
        } else {
            // Threads, not tasks: the workers block on `swift build` for minutes. A large stack, as on the main
            // thread, for the generator's recursion into deeply nested schemas.
            let finished = DispatchGroup()
            for _ in 0..<jobs {
                finished.enter()
                let thread = Thread {
                    work()
                    finished.leave()
                }
                thread.stackSize = 8 << 20
                thread.start()
            }
            finished.wait()
        }
        return state.withLock { $0.rows.compactMap { $0 } }
    }

    /// Generates and (when ``build``) builds one description.
    func run(_ spec: CorpusSpec, workDirectory: String) -> CorpusRow {
        var row = CorpusRow(spec: spec.relativePath, version: spec.version, status: .ok)
        let folderName = spec.relativePath.replacingOccurrences(of: "/", with: "__")
        let packageDirectory =
            ((keepDirectory ?? workDirectory) as NSString).appendingPathComponent(folderName)
        // A scratch path per description, never shared: the YAML and JSON twins of oai-examples generate modules of
        // the same name, which a shared scratch path would build incrementally from the other twin's products.
        let scratchDirectory = (workDirectory as NSString).appendingPathComponent(folderName + ".build")
        defer {
            try? FileManager.default.removeItem(atPath: scratchDirectory)
            if keepDirectory == nil { try? FileManager.default.removeItem(atPath: packageDirectory) }
        }

        let started = ContinuousClock.now
        let result: Generator.Result
        let references = Self.references(of: spec)
        do {
            result = try Generator.generate(
                Generator.Options(specPath: spec.path, outputDirectory: packageDirectory, references: references))
        } catch {
            row.generateSeconds = (ContinuousClock.now - started).seconds
            // Locations relative to the corpus folder, and without the file name when it is the row's.
            let folderPrefix = String(spec.path.dropLast(spec.relativePath.count))
            var line = Self.firstLine(of: error.description)
            if !folderPrefix.isEmpty { line = line.replacingOccurrences(of: folderPrefix, with: "") }
            if line.hasPrefix(spec.relativePath + ":") { line.removeFirst(spec.relativePath.count + 1) }
            row.status = .generateFailed(line)
            return row
        }
        row.generateSeconds = (ContinuousClock.now - started).seconds
        row.moduleName = result.moduleName
        for warning in result.warnings {
            row.warnings[WarningKind.of(warning.message), default: 0] += 1
        }
        for note in result.notes {
            row.notes[WarningKind.of(note.message), default: 0] += 1
        }
        if keepDirectory != nil {
            // Kept with the package: the table has the kinds, this file where each warning (then each note) comes
            // from.
            let text = (result.warnings + result.notes).map { $0.description + "\n" }.joined()
            _ = FileManager.default.createFile(atPath: packageDirectory + "/warnings.txt", contents: Data(text.utf8))
        }
        // The files as written: the generation does not keep them.
        let files = result.paths.map { path in
            GeneratedFile(
                path: path,
                contents: FileManager.default.contents(atPath: packageDirectory + "/" + path).map {
                    String(decoding: $0, as: UTF8.self)
                } ?? "")
        }
        if comparesEngines {
            compareEngines(spec, files: files, moduleName: result.moduleName, row: &row)
        }
        // Read again, outside the timing, for the operation count as Bindery reads the description (with the same
        // reference policy: the OAI petstore-separate counted none without it).
        row.operations = try? OpenAPIReader(loader: references.loader()).read(path: spec.path).operations.count
        let sources = "Sources/\(result.moduleName)/"
        row.models = files.count { $0.path.hasPrefix(sources + "Models/") && $0.path.hasSuffix(".swift") }
        row.jsonValueUses = files.reduce(0) { count, file in
            let counted = file.path.hasPrefix(sources + "APIs/") || file.path.hasPrefix(sources + "Models/")
            return count + (counted ? Self.usesInCode(of: "JSONValue", in: file.contents) : 0)
        }

        guard build else {
            if decodesExamples {
                decodeExamples(
                    spec, row: &row, packageDirectory: packageDirectory, scratchDirectory: scratchDirectory,
                    workDirectory: workDirectory, folderName: folderName)
            }
            return row
        }
        let buildStarted = ContinuousClock.now
        let log =
            keepDirectory == nil ? "\(workDirectory)/\(folderName).build.log" : "\(packageDirectory)/build.log"
        let status: Int32
        do {
            status = try Self.runLogged(
                swift,
                [
                    "build", "--package-path", packageDirectory, "--scratch-path", scratchDirectory,
                    "-Xswiftc", "-warnings-as-errors",
                ],
                log: log
            )
        } catch {
            row.status = .buildFailed("cannot run \(swift): \(error)")
            return row
        }
        row.buildSeconds = (ContinuousClock.now - buildStarted).seconds
        if status != 0 {
            let output = FileManager.default.contents(atPath: log).map { String(decoding: $0, as: UTF8.self) } ?? ""
            row.status = .buildFailed(Self.firstCompilerError(in: output, packageDirectory: packageDirectory))
        }
        if keepDirectory == nil { try? FileManager.default.removeItem(atPath: log) }
        if decodesExamples, status == 0 {
            decodeExamples(
                spec, row: &row, packageDirectory: packageDirectory, scratchDirectory: scratchDirectory,
                workDirectory: workDirectory, folderName: folderName)
        }
        return row
    }

    /// Renders `spec` again with swift-mustache and records the files that differ from `files` (the compiled
    /// engine's).
    func compareEngines(_ spec: CorpusSpec, files: [GeneratedFile], moduleName: String, row: inout CorpusRow) {
        let other: [GeneratedFile]
        do {
            other = try Generator.render(specPath: spec.path, moduleName: moduleName, engine: .swiftMustache).files
        } catch {
            row.status = .enginesDiffer("swift-mustache failed: \(Self.firstLine(of: error.description))")
            return
        }
        let compiled = Dictionary(files.map { ($0.path, $0.contents) }, uniquingKeysWith: { first, _ in first })
        let mustache = Dictionary(other.map { ($0.path, $0.contents) }, uniquingKeysWith: { first, _ in first })
        let differing = Set(compiled.keys).union(mustache.keys).filter { compiled[$0] != mustache[$0] }.sorted()
        row.engineDifferences = differing
        if let first = differing.first {
            row.status = .enginesDiffer("\(differing.count) of \(files.count) files, first \(first)")
        }
    }

    // MARK: - Helpers

    /// The number of times `identifier` occurs as a whole word in the lines of `text` that are not comments (doc
    /// comments mention types that the code around them already uses).
    static func usesInCode(of identifier: String, in text: String) -> Int {
        text.split(separator: "\n").reduce(0) { count, line in
            // Decoding and encoding calls name the type of a member that is counted where it is declared.
            line.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("//") || line.contains("forKey:")
                || line.contains("container.decode") || line.contains("container.encode")
                || line.contains("(from: decoder)")
                ? count : count + uses(of: identifier, in: line)
        }
    }

    /// The number of times `identifier` occurs in `text` as a whole word (so `JSONValueBox` is not a use).
    static func uses(of identifier: String, in text: some StringProtocol) -> Int {
        let bytes = Array(text.utf8)
        let word = Array(identifier.utf8)
        guard !word.isEmpty, bytes.count >= word.count else { return 0 }
        func isIdentifierByte(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "_") || (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
                || byte >= 0x80
        }
        var count = 0
        var index = 0
        while index + word.count <= bytes.count {
            let end = index + word.count
            if bytes[index] == word[0], bytes[index..<end].elementsEqual(word),
                index == 0 || !isIdentifierByte(bytes[index - 1]),
                end == bytes.count || !isIdentifierByte(bytes[end])
            {
                count += 1
                index += word.count
            } else {
                index += 1
            }
        }
        return count
    }

    static func firstLine(of text: String) -> String {
        String(text.split(whereSeparator: \.isNewline).first ?? "")
    }

    /// The first `error:` line of a build log, with the package folder left out of its path; the last line of
    /// the log when there is none (a crash, a manifest problem).
    static func firstCompilerError(in output: String, packageDirectory: String) -> String {
        let lines = output.split(whereSeparator: \.isNewline).map(String.init)
        let line =
            lines.first { $0.contains(": error: ") || $0.hasPrefix("error: ") }
            ?? lines.last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? "exit status without output"
        return line.replacingOccurrences(of: packageDirectory + "/", with: "")
    }

    /// Runs a program with its standard output and error written to `log`, and returns its exit status.
    static func runLogged(_ executable: String, _ arguments: [String], log: String) throws -> Int32 {
        guard FileManager.default.createFile(atPath: log, contents: nil),
            let handle = FileHandle(forWritingAtPath: log)
        else {
            throw CorpusError("\(log): cannot create the build log")
        }
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// The first `swift` on `PATH`.
    static func swiftOnPath() -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"
        for directory in path.split(separator: ":")
        where FileManager.default.isExecutableFile(atPath: "\(directory)/swift") {
            return "\(directory)/swift"
        }
        return "/usr/bin/swift"
    }
}

extension Duration {
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}

/// A value behind a lock, for the workers' shared state.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
