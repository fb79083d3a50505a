import BinderyModel
import TestExecutors
import Testing

/// `TypeDefinition` keeps its fields in storage its copies share until one changes: it must still behave as a
/// value, equal to another declaration with the same fields.
@Suite(.computing) struct TypeDefinitionValueTests {
    @Test func aChangedCopyLeavesTheOriginalAsItWas() {
        let id = TypeID(file: "api.yaml", pointer: "/components/schemas/Pet")
        var original = TypeDefinition(id: id, kind: .alias(.string), source: "#/components/schemas/Pet")
        original.nestedTypes = [TypeDefinition(id: id.appending("properties", "status"), kind: .alias(.string))]

        var copy = original
        copy.name = "Pet"
        copy.nestedTypes[0].name = "Status"
        copy.kind = .alias(.int)
        #expect(original.name.isEmpty)
        #expect(original.nestedTypes[0].name.isEmpty)
        #expect(original.kind == .alias(.string))
        #expect(copy.nestedTypes[0].name == "Status")
        #expect(copy != original)

        // Made apart, with the same fields: equal, with the same hash.
        var again = TypeDefinition(id: id, kind: .alias(.string), source: "#/components/schemas/Pet")
        again.nestedTypes = [TypeDefinition(id: id.appending("properties", "status"), kind: .alias(.string))]
        #expect(again == original)
        #expect(again.hashValue == original.hashValue)
        #expect(Set([again, original, copy]).count == 2)
    }
}
