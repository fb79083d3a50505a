import BinderyModel
import BinderyOpenAPI
import TestExecutors
import Testing

/// `prefixItems` (and draft 2019-09's `items` list): a struct with a property per position.
@Suite(.computing) struct TupleTranslationTests {
    @Test func positionsAreNamedByShortTitlesAndBoundedByMinAndMaxItems() throws {
        let (model, warnings) = try translate(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Named:
                  type: array
                  prefixItems:
                    - {type: string, title: Name}
                    - {type: string, title: Name}
                    - {type: string, title: The name the stop had before the railway company renamed it}
                    - {type: integer}
                  maxItems: 3
                Open:
                  prefixItems: [{type: boolean}]
                  items: true
                  minItems: 0
                Holder:
                  type: object
                  properties:
                    extent: {type: array, prefixItems: [{type: integer}, {type: object, properties: {a: {type: string}}}]}
                NotATuple: {type: array, prefixItems: [{type: string}], maxItems: 0}
            """
        )
        #expect(warnings.isEmpty, "\(warnings)")
        let named = try #require(structure(model, "Named")).0
        #expect(named.isTuple)
        #expect(named.properties.map(\.swiftName) == ["name", "name2", "item2"], "maxItems: 3 drops the fourth")
        #expect(named.properties.map(\.position) == [0, 1, 2])
        #expect(named.properties.allSatisfy { !$0.isOptional }, "without minItems every position is required")
        #expect(named.additionalItems == nil, "maxItems leaves no room for more")
        #expect(named.properties[2].documentation.summary?.hasPrefix("The name the stop") == true)
        #expect(named.properties[0].documentation.summary == nil, "the title is the name")

        let open = try #require(structure(model, "Open")).0
        #expect(open.properties.map(\.isOptional) == [true], "minItems: 0")
        #expect(
            open.additionalItems == AdditionalItemsDefinition(swiftName: "additionalItems", elementType: .jsonValue))

        let (holder, nested) = try #require(structure(model, "Holder"))
        #expect(code(model, holder.properties.first?.type) == "Holder.Extent")
        let extent = try #require(nested.first)
        guard case .structure(let tuple) = extent.kind else { throw Expectation.notAStruct }
        #expect(tuple.isTuple && tuple.additionalItems == nil, "no items: extra items are not kept")
        #expect(extent.nestedTypes.map(\.name) == ["Item1"])

        #expect(structure(model, "NotATuple") == nil)
        #expect(model.types.first { $0.name == "NotATuple" }?.kind == .alias(.array(.jsonValue)))
    }

    /// Draft 2019-09's `items` list with `additionalItems` is the same tuple.
    @Test func itemsWrittenAsAListAreATuple() throws {
        let (model, _) = try translate(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Pair: {type: array, items: [{type: string}, {type: integer}], additionalItems: {type: number}}
            """
        )
        let pair = try #require(structure(model, "Pair")).0
        #expect(pair.properties.map(\.type) == [.string, .int])
        #expect(pair.additionalItems?.elementType == .double)
    }

    enum Expectation: Error { case notAStruct }
}
