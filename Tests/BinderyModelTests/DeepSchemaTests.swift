import BinderyOpenAPI
import BinderyYAML
import Foundation
import TestExecutors
import Testing

@testable import BinderyModel

/// Runs `body` on a thread with a 512 KB stack and waits for it. A walk that recurses once per schema of a chain
/// overflows that stack (and crashes the test) with a chain a thousand schemas long, where the main thread's 8 MB
/// would need a chain too long to translate in a quick test.
func onSmallStack<T: Sendable>(_ body: @escaping @Sendable () throws -> T) throws -> T {
    let outcome = Outcome<T>()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        outcome.result = Result { try body() }
        done.signal()
    }
    thread.stackSize = 512 << 10
    thread.start()
    done.wait()
    return try outcome.result.get()
}

/// What the thread of ``onSmallStack(_:)`` returns: written before it signals, read after the wait.
private final class Outcome<T: Sendable>: @unchecked Sendable {
    var result: Result<T, any Error> = .failure(CancellationError())
}

/// Descriptions whose schemas refer to each other in long chains or in circles: each walk of the translator over them
/// ends, in bounded stack, with a model.
@Suite(.computing) struct DeepSchemaTests {
    /// `yaml` translated in order, on the calling thread: the chunks of a description with many schemas are translated
    /// on threads with deep stacks (`ModelTranslator+Chunks`), where a walk that recurses would go unnoticed.
    private func translate(_ yaml: String) throws -> (CodeModel, [Diagnostic]) {
        let document = try OpenAPIReader().read(root: YAMLDocument(bytes: Array(yaml.utf8), file: "spec.yaml").root)
        let translator = ModelTranslator(document: document, options: .init(moduleName: "API"))
        translator.chunking = .inOrder
        return (try translator.translate(), translator.warnings)
    }

    /// A 3.0 description whose `components.schemas` are `schemas`, in order.
    private static func description(_ schemas: [(name: String, schema: String)], version: String = "3.0.3") -> String {
        "openapi: \(version)\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
            + schemas.map { "    \($0.name): \($0.schema)\n" }.joined()
    }

    @Test func aLongAllOfChainIsMergedWithoutRecursion() throws {
        // S inherits from A0, A0 from A1, …: 1,000 levels, listed from the end so that reading them is shallow. The
        // merge used to recurse once per level.
        let depth = 1_000
        var schemas = [(name: "A\(depth)", schema: "{type: object, properties: {last: {type: string}}}")]
        for level in stride(from: depth - 1, through: 0, by: -1) {
            schemas.append(("A\(level)", "{allOf: [{$ref: '#/components/schemas/A\(level + 1)'}]}"))
        }
        schemas.append(("S", "{allOf: [{$ref: '#/components/schemas/A0'}, {properties: {own: {type: integer}}}]}"))
        let text = Self.description(schemas)
        let (model, _) = try onSmallStack { try translate(text) }
        let merged = try #require(structure(model, "S")).0
        #expect(merged.properties.map(\.jsonKey) == ["last", "own"])
    }

    @Test func aLongChainOfDiscriminatorParentsIsSearchedWithoutRecursion() throws {
        let depth = 1_000
        var schemas = [
            (
                name: "P\(depth)",
                schema: "{type: object, properties: {kind: {type: string}}, discriminator: {propertyName: kind}}"
            )
        ]
        for level in stride(from: depth - 1, through: 0, by: -1) {
            schemas.append(("P\(level)", "{allOf: [{$ref: '#/components/schemas/P\(level + 1)'}]}"))
        }
        schemas.append(("Cat", "{allOf: [{$ref: '#/components/schemas/P0'}, {properties: {meow: {type: string}}}]}"))
        schemas.append(("Dog", "{allOf: [{$ref: '#/components/schemas/P0'}, {properties: {woof: {type: string}}}]}"))
        schemas.append(("Pet", "{oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]}"))
        let text = Self.description(schemas)
        let (model, _) = try onSmallStack { try translate(text) }
        let pet = try #require(model.types.first { $0.name == "Pet" })
        guard case .union(let union) = pet.kind else {
            Issue.record("Pet is not a union: \(pet.kind)")
            return
        }
        #expect(union.discriminator == "kind")
        #expect(union.cases.map(\.discriminatorValues) == [["Cat"], ["Dog"]])
    }

    @Test func theKindsOfALongChainOfAlternativesAreAnyPastTheLimit() throws {
        // C0 is C1 or an integer, C1 is C2 or an integer, …: choosing among the cases of U needs the kinds of C0,
        // which are not followed further than 32 references.
        let depth = 100
        var schemas = [(name: "C\(depth)", schema: "{type: string}")]
        for level in stride(from: depth - 1, through: 0, by: -1) {
            schemas.append(("C\(level)", "{oneOf: [{$ref: '#/components/schemas/C\(level + 1)'}, {type: integer}]}"))
        }
        schemas.append(("U", "{oneOf: [{$ref: '#/components/schemas/C0'}, {type: boolean}]}"))
        let text = Self.description(schemas)
        let (model, _) = try onSmallStack { try translate(text) }
        let union = try #require(model.types.first { $0.name == "U" })
        guard case .union(let u) = union.kind else {
            Issue.record("U is not a union")
            return
        }
        #expect(u.cases.map(\.shape.kinds) == [[], [.boolean]])
        let near = try #require(model.types.first { $0.name == "C98" })
        guard case .union(let c) = near.kind else {
            Issue.record("C98 is not a union")
            return
        }
        #expect(c.cases.map(\.shape.kinds) == [[.string, .integer], [.integer]])
    }

    @Test func aDeprecatedTypeDeprecatesALongChainOfAliasesOfIt() throws {
        // E0 is an array of E1, E1 of E2, …, E300 is deprecated: each names the next, so each uses it. The chain runs
        // against the order of the names (E1 < E10 < E100 < E101 …), which used to take a pass per link.
        let depth = 300
        var schemas = [(name: "E\(depth)", schema: "{type: string, deprecated: true}")]
        for level in stride(from: depth - 1, through: 0, by: -1) {
            schemas.append(("E\(level)", "{type: array, items: {$ref: '#/components/schemas/E\(level + 1)'}}"))
        }
        schemas.append(("Loop1", "{type: array, items: {$ref: '#/components/schemas/Loop2'}}"))
        schemas.append(("Loop2", "{type: object, additionalProperties: {$ref: '#/components/schemas/Loop1'}}"))
        let text = Self.description(schemas)
        let (model, _) = try onSmallStack { try translate(text) }
        let types = Dictionary(model.types.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(types["E300"]?.deprecation == .marked)
        for level in 0..<depth {
            let next = try #require(types["E\(level + 1)"]).id
            #expect(types["E\(level)"]?.deprecation == .uses(next))
        }
        // Types that name each other, and nothing deprecated, are not.
        #expect(types["Loop1"]?.deprecation == nil && types["Loop2"]?.deprecation == nil)
    }

    @Test func aDefaultThroughAliasesThatNameEachOtherIsNoDefault() throws {
        // 3.1 keeps the siblings of `$ref`, so X and Y are aliases of each other, and p's default is looked up
        // through them (that used to recurse forever).
        let schemas = [
            (name: "X", schema: "{$ref: '#/components/schemas/Y', description: x}"),
            (name: "Y", schema: "{$ref: '#/components/schemas/X', description: y}"),
            (name: "S", schema: "{type: object, properties: {p: {$ref: '#/components/schemas/X', default: v}}}"),
        ]
        let text = Self.description(schemas, version: "3.1.0")
        let (model, warnings) = try onSmallStack { try translate(text) }
        let property = try #require(structure(model, "S")?.0.properties.first)
        #expect(property.defaultValue == nil)
        #expect(warnings.contains { $0.message.contains("only refers to itself through other schemas") })
    }

    @Test func theStringValuesOfAReferenceCycleAreNone() throws {
        // A discriminator's values for an inline alternative are those its property allows, through references
        // (that used to recurse forever on X → Y → X).
        let schemas = [
            (name: "X", schema: "{$ref: '#/components/schemas/Y', description: x}"),
            (name: "Y", schema: "{$ref: '#/components/schemas/X', description: y}"),
            (
                name: "U",
                schema: "{oneOf: [{type: object, properties: {kind: {$ref: '#/components/schemas/X'}}}, "
                    + "{type: object, properties: {name: {type: string}}}], discriminator: {propertyName: kind}}"
            ),
        ]
        let text = Self.description(schemas, version: "3.1.0")
        let (model, _) = try onSmallStack { try translate(text) }
        let union = try #require(model.types.first { $0.name == "U" })
        guard case .union(let u) = union.kind else {
            Issue.record("U is not a union")
            return
        }
        #expect(u.cases.map(\.discriminatorValues) == [[], []])
    }

    @Test func theDeepestSchemasTheReaderAcceptsTranslate() throws {
        // 255 levels of `items` in `properties` in `items` …, as deep as reading allows: reading them and every walk
        // of the translator over them (types, nested declarations, deprecation) fit the stack of a test thread (not
        // the small one: a level of reading takes 18 KB of stack in a debug build).
        var schema = "{type: string}"
        for level in 0..<254 {
            schema =
                level.isMultiple(of: 2)
                ? "{type: array, items: \(schema)}" : "{type: object, properties: {p\(level): \(schema)}}"
        }
        let text = Self.description([(name: "Deep", schema: schema)])
        let (model, _) = try translate(text)
        #expect(model.types.first?.name == "Deep")
    }
}
