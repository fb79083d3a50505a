import Foundation

/// Reads the public top-level type names of the modules a generated client's users see from the toolchain's own
/// module files, with `swift-symbolgraph-extract` (part of every toolchain; it reads binary `.swiftmodule`s, which is
/// all the Linux toolchain ships for Foundation).
struct ToolchainTypeNamesExtractor {
    /// The modules every file that uses a generated client sees: the standard library and the two modules every
    /// file imports implicitly, and Foundation with what it re-exports (`FoundationEssentials`,
    /// `FoundationInternationalization`, `Dispatch`), and `FoundationNetworking`, which the generated runtime
    /// imports on Linux.
    static let modules = [
        "Swift", "_Concurrency", "_StringProcessing", "Foundation", "FoundationEssentials",
        "FoundationInternationalization", "FoundationNetworking", "Dispatch",
    ]

    /// Symbol kinds that declare a type name.
    static let typeKinds: Set<String> = [
        "swift.struct", "swift.class", "swift.enum", "swift.protocol", "swift.typealias",
    ]

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The compiler that reads the modules, as `swiftc --version` names it (`Swift version 6.3.1 (…)`).
    let compilerVersion: String
    /// The target the modules were read for (`x86_64-unknown-linux-gnu`).
    let target: String
    let symbolGraphExtract: URL

    /// The toolchain of the first `swiftc` on `PATH`, or of `SWIFT_EXEC` when set.
    init(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard let swiftc = Self.swiftc(environment: environment) else {
            throw Failure(description: "swiftc is not on PATH (or set SWIFT_EXEC to it)")
        }
        // `swiftc` is usually a link to `swift-driver`, which reads its own name: run it by the link, look for the
        // other tools next to what it links to.
        let tool = swiftc.resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("swift-symbolgraph-extract")
        guard FileManager.default.isExecutableFile(atPath: tool.path) else {
            throw Failure(description: "\(tool.path) is missing: the toolchain has no swift-symbolgraph-extract")
        }
        struct TargetInfo: Decodable {
            struct Target: Decodable { var triple: String }
            var compilerVersion: String
            var target: Target
        }
        let info = try JSONDecoder().decode(
            TargetInfo.self, from: Self.run(swiftc, ["-print-target-info"], in: nil))
        self.compilerVersion = info.compilerVersion
        self.target = info.target.triple
        self.symbolGraphExtract = tool
    }

    /// `SWIFT_EXEC`, or `swiftc` in the first directory of `PATH` that has one.
    static func swiftc(environment: [String: String]) -> URL? {
        if let path = environment["SWIFT_EXEC"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        for directory in (environment["PATH"] ?? "").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("swiftc")
            if FileManager.default.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
        }
        return nil
    }

    /// The names, sorted: public, top-level, not starting with `_`.
    func names() throws -> [String] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "bindery-reserved-names-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        var names: Set<String> = []
        for module in Self.modules {
            let output = directory.appendingPathComponent(module)
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            var arguments = [
                "-module-name", module, "-target", target, "-output-dir", output.path,
                "-minimum-access-level", "public", "-skip-synthesized-members", "-skip-inherited-docs",
            ]
            #if os(Linux)
                arguments += ["-sdk", "/"]
            #endif
            _ = try Self.run(symbolGraphExtract, arguments, in: directory)
            // One file for the module and one per module it extends (`Foundation@Swift`); `_Concurrency`'s own
            // types come in `_Concurrency@Swift`, since its ABI module name is `Swift`.
            let files = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
            guard !files.isEmpty else { throw Failure(description: "no symbol graph for \(module)") }
            for file in files where file.hasSuffix(".symbols.json") {
                let data = try Data(contentsOf: output.appendingPathComponent(file))
                names.formUnion(try Self.typeNames(inSymbolGraph: data))
            }
        }
        return names.sorted()
    }

    /// The names a top-level type of another module could collide with, in one symbol graph: public (or open)
    /// top-level structs, classes, enums, protocols and type aliases, and attached macros (`@DebugDescription`,
    /// `@TaskLocal`: written like a type's name, where a type of that name competes), none starting with `_`.
    /// Freestanding macros (`#file`) and functions and variables do not meet type names.
    static func typeNames(inSymbolGraph data: Data) throws -> Set<String> {
        struct SymbolGraph: Decodable {
            struct Symbol: Decodable {
                struct Kind: Decodable { var identifier: String }
                var kind: Kind
                var pathComponents: [String]
                var accessLevel: String
            }
            var symbols: [Symbol]
        }
        var names: Set<String> = []
        for symbol in try JSONDecoder().decode(SymbolGraph.self, from: data).symbols {
            guard symbol.pathComponents.count == 1, let name = symbol.pathComponents.first,
                symbol.accessLevel == "public" || symbol.accessLevel == "open", !name.hasPrefix("_")
            else { continue }
            if typeKinds.contains(symbol.kind.identifier) {
                names.insert(name)
            } else if symbol.kind.identifier == "swift.macro", let first = name.first, first.isUppercase {
                // Macros are named with their arguments: `DebugDescription()`.
                names.insert(String(name.prefix { $0 != "(" }))
            }
        }
        return names
    }

    /// Runs `executable` and returns what it wrote to standard output; throws with its standard error when it fails.
    @discardableResult
    static func run(_ executable: URL, _ arguments: [String], in directory: URL?) throws -> Data {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "bindery-reserved-names-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self)
            throw Failure(
                description: "\(executable.lastPathComponent) \(arguments.joined(separator: " ")) failed "
                    + "(\(process.terminationStatus)):\n\(message)")
        }
        return try Data(contentsOf: outURL)
    }
}
