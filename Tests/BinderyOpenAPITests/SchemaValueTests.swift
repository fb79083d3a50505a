import BinderyCore
import BinderyOpenAPI
import TestExecutors
import Testing

/// `JSONSchema` keeps its fields in storage its copies share until one changes: it must still behave as a value.
@Suite(.computing) struct SchemaValueTests {
    @Test func aChangedCopyLeavesTheOriginalAsItWas() {
        var original = JSONSchema(location: SourceLocation(file: "api.yaml", line: 3, column: 5))
        original.types = [.object]
        original.properties = [JSONSchema.Property(name: "id", schema: JSONSchema(location: original.location))]
        original.items = original

        var copy = original
        copy.types.append(.null)
        copy.properties[0].name = "identifier"
        copy.properties.append(JSONSchema.Property(name: "name", schema: original))
        copy.items?.description = "changed inside"
        copy.location = SourceLocation(file: "other.yaml", line: 1, column: 1)

        #expect(original.types == [.object])
        #expect(original.properties.map(\.name) == ["id"])
        #expect(original.items?.description == nil)
        #expect(original.location == SourceLocation(file: "api.yaml", line: 3, column: 5))
        #expect(copy.types == [.object, .null])
        #expect(copy.properties.map(\.name) == ["identifier", "name"])
        #expect(copy.items?.description == "changed inside")
        #expect(copy.items?.types == [.object])
        #expect(copy.location.file == "other.yaml")

        // A copy that is never changed keeps what the original had when it was made.
        let kept = original
        original.required = ["id"]
        #expect(kept.required.isEmpty)
        #expect(original.required == ["id"])
    }
}
