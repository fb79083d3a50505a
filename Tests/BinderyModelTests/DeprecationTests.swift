import BinderyModel
import TestExecutors
import Testing

/// What the description deprecates, and what is deprecated because it names a deprecated type (Swift warns about
/// every use outside a deprecated declaration).
@Suite(.computing) struct DeprecationTests {
    static let spec = """
        openapi: 3.0.3
        info: {title: Deprecations, version: '1'}
        paths:
          /old:
            get:
              operationId: getOld
              parameters:
                - {name: verbose, in: query, deprecated: true, schema: {type: boolean}}
              responses:
                '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Olds'}}}}
          /current:
            get:
              operationId: getCurrent
              parameters:
                - {name: verbose, in: query, deprecated: true, schema: {type: boolean}}
              responses:
                '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}
        components:
          schemas:
            Old: {type: object, deprecated: true, properties: {a: {type: string}}}
            Olds: {type: array, items: {$ref: '#/components/schemas/Old'}}
            OldsByName: {type: object, additionalProperties: {$ref: '#/components/schemas/Olds'}}
            Pet:
              type: object
              properties:
                name: {type: string}
                tag: {type: string, deprecated: true}
                old: {$ref: '#/components/schemas/Old'}
                byName: {$ref: '#/components/schemas/OldsByName'}
            Choice:
              oneOf: [{type: string}, {$ref: '#/components/schemas/Olds'}]
        """

    @Test func usesOfDeprecatedTypesAreDeprecated() throws {
        let (model, warnings) = try translate(Self.spec)
        #expect(warnings.isEmpty, "\(warnings)")
        func type(_ name: String) throws -> TypeDefinition {
            try #require(model.types.first { $0.name == name })
        }
        func id(_ name: String) throws -> TypeID { try type(name).id }

        #expect(try type("Old").deprecation == .marked)
        // An alias of a deprecated type, and a struct whose additional properties are of one.
        #expect(try type("Olds").deprecation == .uses(id("Old")))
        #expect(try type("OldsByName").deprecation == .uses(id("Olds")))

        let pet = try #require(structure(model, "Pet")).0
        #expect(
            try pet.properties.map(\.deprecation) == [nil, .marked, .uses(id("Old")), .uses(id("OldsByName"))])
        #expect(try type("Pet").deprecation == nil)

        guard case .union(let choice) = try type("Choice").kind else {
            Issue.record("Choice is not a union")
            return
        }
        #expect(try choice.cases.map(\.deprecation) == [nil, .uses(id("Olds"))])

        // An operation that returns a deprecated type; a deprecated parameter alone deprecates nothing.
        let operations = try #require(model.apis.first?.operations)
        #expect(try operations.map(\.deprecation) == [.uses(id("Olds")), nil])
        #expect(operations.map { $0.parameters.map(\.deprecated) } == [[true], [true]])
    }
}
