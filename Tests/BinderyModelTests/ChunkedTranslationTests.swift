import BinderyOpenAPI
import BinderyYAML
import Foundation
import TestExecutors
import Testing

@testable import BinderyModel

/// The component schemas and operations translated in chunks, each by a translator of its own, then merged, give
/// what the translation in order gives (`ModelTranslator+Chunks`).
@Suite(.computing) struct ChunkedTranslationTests {
    /// What a translation gives.
    struct Outcome: Equatable {
        var apis: [APIDefinition]
        var types: [TypeDefinition]
        var servers: ServersDefinition?
        var securitySchemes: [SecuritySchemeDefinition]
        var warnings: [Diagnostic]
        var notes: [Diagnostic]
    }

    /// `document` translated in order, and in chunks of `unitsPerChunk` schemas or operations; how many chunks
    /// were translated again.
    static func translations(
        _ document: OpenAPIDocument, unitsPerChunk: Int = 1
    ) throws -> (inOrder: Outcome, chunked: Outcome, redone: Int) {
        func translate(_ chunking: ModelTranslator.Chunking) throws -> (Outcome, Int) {
            let translator = ModelTranslator(document: document, options: .init(moduleName: "API"))
            translator.chunking = chunking
            let model = try translator.translate()
            let outcome = Outcome(
                apis: model.apis, types: model.types, servers: model.servers, securitySchemes: model.securitySchemes,
                warnings: translator.warnings, notes: translator.notes)
            return (outcome, translator.redoneChunks)
        }
        let (inOrder, _) = try translate(.inOrder)
        let (chunked, redone) = try translate(.init(chunksPerList: .max, minimumUnits: unitsPerChunk))
        return (inOrder, chunked, redone)
    }

    static func read(_ yaml: String) throws -> OpenAPIDocument {
        try OpenAPIReader().read(root: YAMLDocument(bytes: Array(yaml.utf8), file: "spec.yaml").root)
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    @Test(arguments: [
        "Tests/Specs/features.yaml", "Tests/Specs/edge-cases.yaml", "Tests/Specs/swagger2.yaml",
        "Tests/Specs/canopy-2022.json", "Tests/Specs/corpus/pets.yaml", "Tests/Specs/corpus/pets-31.json",
        "Tests/Specs/corpus/multi/api.yml", "Examples/Canopy/Sources/Canopy/openapi.yaml",
        "Examples/Petstore/Sources/Petstore/openapi.yaml",
    ])
    func everyUnitAChunkGivesTheModelInOrder(path: String) throws {
        let (document, _) = try OpenAPIReader.read(path: Self.repositoryRoot + "/" + path)
        let (inOrder, chunked, _) = try Self.translations(document)
        #expect(chunked == inOrder)
    }

    /// Large descriptions of the corpus beside the repository, in chunks of 16 units (OpenAI's defaults name enums
    /// of schemas in other chunks).
    @Test(
        .enabled(if: FileManager.default.fileExists(atPath: Self.repositoryRoot + "/../shared/specs")),
        arguments: ["openai/openapi.yaml", "github-rest-api/api.github.com.json", "discord/openapi.json"])
    func corpusChunksGiveTheModelInOrder(path: String) throws {
        let (document, _) = try OpenAPIReader.read(path: Self.repositoryRoot + "/../shared/specs/" + path)
        let (inOrder, chunked, _) = try Self.translations(document, unitsPerChunk: 16)
        #expect(chunked == inOrder)
    }

    /// `get-pet` and `getPet` both ask for the method name `getPet`: in order the second gets `getPet2`.
    @Test func aMethodNameAnEarlierChunkTookIsTranslatedAgain() throws {
        let document = try Self.read(
            """
            openapi: 3.0.0
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  operationId: get-pet
                  tags: [pets]
                  responses: {'200': {description: ok, content: {application/json: {schema: {type: object, properties: {a: {type: string}}}}}}}
              /b:
                get:
                  operationId: getPet
                  tags: [pets]
                  responses: {'200': {description: ok, content: {application/json: {schema: {type: object, properties: {b: {type: string}}}}}}}
            """)
        let (inOrder, chunked, redone) = try Self.translations(document)
        #expect(chunked == inOrder)
        #expect(redone == 1)
        #expect(inOrder.apis.first?.operations.map(\.swiftName) == ["getPet", "getPet2"])
    }

    /// A default value is a case of an enum declared before it, in order; a chunk that did not see the enum is
    /// translated again.
    @Test func aDefaultOfAnEarlierChunksEnumIsTranslatedAgain() throws {
        let document = try Self.read(
            """
            openapi: 3.0.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Size: {type: string, enum: [small, large]}
                Box:
                  type: object
                  properties:
                    size: {allOf: [{$ref: '#/components/schemas/Size'}], default: large}
            """)
        let (inOrder, chunked, redone) = try Self.translations(document)
        #expect(chunked == inOrder)
        #expect(redone == 1)
        guard case .structure(let box)? = inOrder.types.first(where: { $0.name == "Box" })?.kind else {
            Issue.record("no struct Box")
            return
        }
        #expect(box.properties.first?.defaultValue == .enumCase("large"))
    }

    /// Both operations' paths name a parameter they do not declare: the error is the first operation's, as in order.
    @Test func theErrorIsTheFirstInOrder() throws {
        let document = try Self.read(
            """
            openapi: 3.0.0
            info: {title: T, version: '1'}
            paths:
              /a/{x}:
                get: {operationId: a, responses: {'204': {description: none}}}
              /b/{y}:
                get: {operationId: b, responses: {'204': {description: none}}}
            """)
        func error(_ chunking: ModelTranslator.Chunking) -> Diagnostic? {
            let translator = ModelTranslator(document: document, options: .init(moduleName: "API"))
            translator.chunking = chunking
            do {
                _ = try translator.translate()
                return nil
            } catch {
                return error
            }
        }
        let inOrder = try #require(error(.inOrder))
        #expect(inOrder.message.contains("'{x}'"))
        #expect(error(.init(chunksPerList: .max, minimumUnits: 1)) == inOrder)
    }

    /// Two schemas merge the same one, whose `oneOf` beside `allOf` is not all objects: warned once in order, and
    /// once when the two are translated apart.
    @Test func aWarningGivenOnceIsMergedOnce() throws {
        let document = try Self.read(
            """
            openapi: 3.0.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Base:
                  allOf: [{type: object, properties: {a: {type: string}}}]
                  oneOf: [{type: string}, {type: integer}]
                First: {allOf: [{$ref: '#/components/schemas/Base'}, {type: object, properties: {b: {type: string}}}]}
                Second: {allOf: [{$ref: '#/components/schemas/Base'}, {type: object, properties: {c: {type: string}}}]}
            """)
        let (inOrder, chunked, _) = try Self.translations(document)
        #expect(chunked == inOrder)
        #expect(inOrder.warnings.count == 1)
    }
}
