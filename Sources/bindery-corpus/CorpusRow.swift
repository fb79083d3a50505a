/// What the corpus run found for one root description: one row of the table.
struct CorpusRow: Sendable, Hashable {
    /// How far the description got.
    enum Status: Sendable, Hashable {
        case ok
        /// Generation stopped; the first line of the error.
        case generateFailed(String)
        /// `swift build -Xswiftc -warnings-as-errors` failed; the first compiler error (or the last output line).
        case buildFailed(String)
        /// `--examples`: the examples could not be read, or the package that decodes them failed to build or
        /// stopped before it finished.
        case examplesFailed(String)
        /// `--compare-engines`: swift-mustache renders some files differently from the compiled engine (or fails).
        case enginesDiffer(String)

        var isFailure: Bool { self != .ok }

        var text: String {
            switch self {
            case .ok: "ok"
            case .generateFailed(let line): "generate failed: \(line)"
            case .buildFailed(let line): "build failed: \(line)"
            case .examplesFailed(let line): "examples failed: \(line)"
            case .enginesDiffer(let line): "engines differ: \(line)"
            }
        }
    }

    /// The description's path relative to the corpus folder.
    var spec: String
    /// The `openapi` (or `swagger`) value at the top of the description.
    var version: String
    /// The generated module, when generation succeeded.
    var moduleName: String?
    /// The operations in the description as Bindery reads it (every method of every path).
    var operations: Int?
    /// The generated model files: `Sources/<module>/Models/*.swift`, one per top-level model type.
    var models: Int?
    /// Uses of the identifier `JSONValue` in the code (not the comments, nor the decoding and encoding calls, which
    /// name the type of a member counted where it is declared) of `Sources/<module>/APIs` and
    /// `Sources/<module>/Models`; the runtime, which defines it, and the docs are not counted.
    var jsonValueUses: Int?
    /// Generation warnings by kind (``WarningKind/of(_:)``) with their counts.
    var warnings: [String: Int] = [:]
    /// Generation notes (what was read leniently, as its author meant it) by kind, with their counts: not warnings.
    var notes: [String: Int] = [:]
    /// Wall-clock seconds of `Generator.generate` (read, translate, render, write).
    var generateSeconds: Double?
    /// Wall-clock seconds of `swift build`; `nil` when not built.
    var buildSeconds: Double?
    /// `--compare-engines`: the generated files swift-mustache renders differently from the compiled engine (or
    /// that only one of them writes); `nil` when not compared.
    var engineDifferences: [String]?
    /// What `--examples` found; `nil` when not asked for, or when the description did not build.
    var examples: ExampleCounts?
    var status: Status

    /// The response examples of a description: how many there are, how many validate against their schema, how
    /// many of those the generated types decode.
    struct ExampleCounts: Sendable, Hashable {
        var total: Int
        var valid: Int
        /// `nil` when the decoder did not run to the end.
        var decoded: Int?
        /// `label: error` for each valid example that did not decode, in document order.
        var failures: [String] = []
        /// `label: problem` for each example that does not validate against its schema, in document order.
        var invalid: [String] = []
    }

    /// The number of warnings of every kind.
    var warningCount: Int { warnings.values.reduce(0, +) }
}

/// Groups diagnostics, which have only a message, by kind.
enum WarningKind {
    /// The message with every quoted part (`'...'`) replaced by `'…'`:
    /// `schema 'Loop1' only refers to itself` is of the kind `schema '…' only refers to itself`.
    /// An unpaired quote and what follows it are kept as they are.
    static func of(_ message: String) -> String {
        var kind = ""
        var rest = message[...]
        while let open = rest.firstIndex(of: "'") {
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "'") else { break }
            kind += rest[..<open]
            kind += "'…'"
            rest = rest[rest.index(after: close)...]
        }
        return kind + rest
    }
}
