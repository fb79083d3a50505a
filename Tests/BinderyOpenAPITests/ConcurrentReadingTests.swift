import BinderyYAML
import TestExecutors
import Testing

@testable import BinderyOpenAPI

/// The later paths of a large description are read on another thread (``OpenAPIReader/PathsSplit``). Whatever that
/// thread could not know makes the reader read them again; either way the document, its warnings and its notes are
/// those of reading on one thread.
@Suite(.computing) struct ConcurrentReadingTests {
    /// What a reading gave, as text: the paths, the schemas in order with their names, the warnings and notes.
    struct Outcome: Equatable {
        var paths: String
        var schemas: [String]
        var components: [String]
        var warnings: [String]
        var notes: [String]
        var forkOutcome: OpenAPIReader.ForkOutcome?
        var error: String?

        static func == (lhs: Outcome, rhs: Outcome) -> Bool {
            (lhs.paths, lhs.schemas, lhs.components, lhs.warnings, lhs.notes, lhs.error)
                == (rhs.paths, rhs.schemas, rhs.components, rhs.warnings, rhs.notes, rhs.error)
        }
    }

    /// Reads `yaml` (the root file `spec.yaml` in `files`, when given) on one thread, or splitting the paths wherever
    /// the description allows it.
    static func read(_ yaml: String, files: [String: String] = [:], concurrently: Bool) throws -> Outcome {
        try read(
            in: try TemporaryFiles(files.merging(["spec.yaml": yaml]) { _, root in root }), concurrently: concurrently)
    }

    /// Reads `spec.yaml` in `folder` on one thread, or splitting the paths wherever the description allows it.
    static func read(in folder: TemporaryFiles, concurrently: Bool) throws -> Outcome {
        // Aliases may add many nodes: the reader's own count is tested, not the parser's.
        let loader = DocumentLoader(limits: YAMLDocument.Limits(maximumAliasedNodes: 1 << 24))
        let reader = OpenAPIReader(loader: loader)
        reader.minimumNodesForTwoThreads = concurrently ? 0 : .max
        do {
            let document = try reader.read(root: try loader.load(folder.path("spec.yaml")).root)
            return Outcome(
                paths: String(describing: document.paths),
                schemas: document.schemas.entries.map { "\($0.id) \(document.schemas.name(of: $0.id)): \($0.schema)" },
                components: document.schemas.components.map { "\($0.name) \($0.id)" },
                warnings: reader.warnings.map(\.description), notes: reader.notes.map(\.description),
                forkOutcome: reader.forkOutcome)
        } catch {
            return Outcome(
                paths: "", schemas: [], components: [], warnings: [], notes: [], forkOutcome: reader.forkOutcome,
                error: error.description)
        }
    }

    /// A description with `/first` and `count` more paths, each with a GET whose response refers to a component
    /// schema and has one of its own; `first` is added to the paths after `/first`, `later` after the last, and
    /// `components` to the components.
    static func description(count: Int = 6, first: String = "", later: String = "", components: String = "") -> String {
        let operation = """
            responses: {'200': {description: ok, content: {application/json: {schema: {type: object, \
            properties: {pet: {$ref: '#/components/schemas/Pet'}, own: {type: object, properties: {n: {type: integer}}}}}}}}}
            """
        let paths = (0..<count).map { "  /p\($0):\n    get: {\(operation)}\n" }.joined()
        return """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /first:
                get: {\(operation)}
            \(first)\(paths)\(later)components:
              schemas:
                Pet: {type: object, properties: {name: {type: string}, tag: {$ref: '#/components/schemas/Tag'}}}
                Tag: {type: string}
            \(components)
            """
    }

    /// Reads `yaml` both ways, expects the same outcome, and returns how the concurrent reading ended.
    static func readBothWays(
        _ yaml: String, files: [String: String] = [:], sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> OpenAPIReader.ForkOutcome? {
        let folder = try TemporaryFiles(files.merging(["spec.yaml": yaml]) { _, root in root })
        let serial = try read(in: folder, concurrently: false)
        let concurrent = try read(in: folder, concurrently: true)
        #expect(serial.forkOutcome == nil, sourceLocation: sourceLocation)
        #expect(concurrent == serial, sourceLocation: sourceLocation)
        return concurrent.forkOutcome
    }

    @Test func independentPathsAreTakenOverFromTheOtherThread() throws {
        #expect(try Self.readBothWays(Self.description()) == .joined)
    }

    @Test func descriptionsOfFewNodesAreReadOnOneThread() throws {
        let document = try YAMLDocument(bytes: Array(Self.description().utf8), file: "spec.yaml")
        #expect(OpenAPIReader.PathsSplit(root: document.root) == nil)
        #expect(OpenAPIReader.PathsSplit(root: document.root, minimumNodes: 0) != nil)
    }

    /// The paths are divided where about as many nodes are on each side, the component schemas counted on the first.
    @Test func pathsAreDividedByNodes() throws {
        let document = try YAMLDocument(bytes: Array(Self.description(count: 40).utf8), file: "spec.yaml")
        let split = try #require(OpenAPIReader.PathsSplit(root: document.root, minimumNodes: 0))
        #expect(split.pathsIndex == 2)
        #expect(split.earlier.count + split.later.count == 41)
        #expect((18...21).contains(split.earlier.count))
    }

    /// A schema that only the later paths reach (not a component) is added to the table after the reader's, in
    /// order, with the name the later paths give it.
    @Test func aSchemaOnlyTheLaterPathsReachIsTakenOver() throws {
        let reference =
            "  /later:\n    get: {responses: {'200': {description: ok, content: {application/json: "
            + "{schema: {$ref: '#/components/schemas/Pet/properties/name'}}}}}}\n"
            + "  /inline:\n    get: {responses: {'200': {description: ok, content: {application/json: {schema: "
            + "{$ref: '#/paths/~1first/get/responses/200/content/application~1json/schema/properties/own'}}}}}}\n"
        let yaml = Self.description(later: reference)
        #expect(try Self.readBothWays(yaml) == .joined)
        let outcome = try Self.read(yaml, concurrently: true)
        #expect(outcome.schemas.count == 4)
        #expect(outcome.schemas[2].contains("#/components/schemas/Pet/properties/name name:"))
        #expect(outcome.schemas[3].contains("/schema/properties/own own:"))
    }

    @Test func aSchemaBothSidesReachIsReadOnce() throws {
        // `Pet.properties.name` is not a component: the earlier paths read it first, the later ones find it read.
        let reference =
            "  /shared:\n    get: {responses: {'200': {description: ok, content: {application/json: "
            + "{schema: {$ref: '#/components/schemas/Pet/properties/name'}}}}}}\n"
        let yaml = Self.description(
            first: reference, later: reference.replacingOccurrences(of: "/shared", with: "/shared2"))
        #expect(try Self.readBothWays(yaml) == .reread)
    }

    @Test func aNoteGivenOnceIsGivenOnce() throws {
        let nullable =
            "  /nullable:\n    get: {responses: {'200': {description: ok, content: {application/json: "
            + "{schema: {type: string, nullable: true}}}}}}\n"
        let yaml = Self.description(first: nullable, later: nullable.replacingOccurrences(of: "/nullable", with: "/n2"))
            .replacingOccurrences(of: "3.0.3", with: "3.1.0")
        #expect(try Self.readBothWays(yaml) == .reread)
    }

    @Test func aPathItemBothSidesReferToIsReadOnce() throws {
        let shared = "  /a: {$ref: '#/components/pathItems/Shared'}\n"
        let yaml = Self.description(
            first: shared, later: shared.replacingOccurrences(of: "/a", with: "/b"),
            components: """
                  pathItems:
                    Shared:
                      description: [not, text]
                      get: {responses: {'204': {description: none}}}
                """
        ).replacingOccurrences(of: "3.0.3", with: "3.1.0")
        #expect(try Self.readBothWays(yaml) == .reread)
    }

    @Test func aFileLoadedMeanwhileMakesTheReaderReadAgain() throws {
        let external =
            "  /external:\n    get: {responses: {'200': {description: ok, content: {application/json: "
            + "{schema: {$ref: 'models.yaml#/Thing'}}}}}}\n"
        let files = ["models.yaml": "Thing: {type: object, properties: {id: {type: integer}}}\n"]
        #expect(try Self.readBothWays(Self.description(later: external), files: files) == .reread)
    }

    /// Aliases that expand each side's extensions to over half of what reading may visit: together they are too
    /// many, and only reading them on one thread stops at the right place.
    @Test func nodesCountedOnBothSidesAreCountedTogether() throws {
        let twenty = (0..<20).map { "s\($0)" }.joined(separator: ", ")
        let anchors =
            "    x-anchors: {a: &a [\(twenty)], b: &b [\(Array(repeating: "*a", count: 20).joined(separator: ", "))], "
            + "c: &c [\(Array(repeating: "*b", count: 17).joined(separator: ", "))]}\n"
        func path(_ name: String) -> String {
            "  /\(name):\n    get: {x-big: *c, responses: {'204': {description: none}}}\n"
        }
        // Path items' own extensions are not read: the anchors count only where the operations use them.
        let yaml = Self.description(first: path("big1"), later: path("big2"))
            .replacingOccurrences(of: "  /first:\n", with: "  /first:\n" + anchors)
        let serial = try Self.read(yaml, concurrently: false)
        #expect(serial.error?.contains("expands to too many nodes") == true)
        // Each side alone is within the allowance: the other thread's count alone passes.
        let oneSide = Self.description(later: path("big2"))
            .replacingOccurrences(of: "  /first:\n", with: "  /first:\n" + anchors)
        #expect(try Self.read(oneSide, concurrently: false).error == nil)
        #expect(try Self.readBothWays(yaml) == .reread)
    }

    @Test func anErrorInTheLaterPathsIsReportedAsOnOneThread() throws {
        let broken =
            "  /broken:\n    get: {responses: {'200': {description: ok, content: {application/json: "
            + "{schema: {$ref: '#/components/schemas/Missing'}}}}}}\n"
        #expect(try Self.readBothWays(Self.description(later: broken)) == .reread)
        let outcome = try Self.read(Self.description(later: broken), concurrently: true)
        #expect(outcome.error?.contains("Missing") == true)
    }

    /// An error in what the reader reads itself is the error, whatever the other thread found.
    @Test func anErrorBeforeThePathsComesFirst() throws {
        let broken =
            "  /broken:\n    get: {responses: {'200': {description: ok, content: {application/json: "
            + "{schema: {$ref: '#/components/schemas/Missing'}}}}}}\n"
        let yaml = Self.description(later: broken).replacingOccurrences(
            of: "Tag: {type: string}", with: "Tag: {type: string, items: 3}")
        let serial = try Self.read(yaml, concurrently: false)
        #expect(serial.error != nil)
        #expect(try Self.readBothWays(yaml) == nil)
    }
}
