import BinderyModel
import BinderyOpenAPI
import BinderyYAML
import TestExecutors
import Testing

/// Types are found and linked by where they come from; names are given last.
@Suite(.computing) struct TypeIdentityTests {
    @Test func inlineTypesAreIdentifiedByWhereTheyAreWritten() throws {
        let (model, _) = try translate(
            """
            openapi: 3.0.1
            info: {title: T, version: '1'}
            paths:
              /pets:
                get:
                  tags: [Pets]
                  parameters: [{name: kind, in: query, schema: {type: string, enum: [cat, dog]}}]
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {type: array, items: {type: object, properties: {id: {type: string}}}}
            components:
              schemas:
                Pet: {type: object, properties: {tags: {type: array, items: {type: object, properties: {a: {type: string}}}}}}
            """
        )
        #expect(
            model.types.map(\.id.rawValue) == [
                "spec.yaml#/components/schemas/Pet",
                "spec.yaml#/paths/~1pets/get/parameters/query/kind",
                "spec.yaml#/paths/~1pets/get/responses/200/content/application~1json/schema/items",
            ])
        #expect(model.types.map(\.name) == ["Pet", "GetPetsKind", "GetPetsOkBodyItem"])
        #expect(
            model.types[0].nestedTypes.map(\.id.rawValue) == ["spec.yaml#/components/schemas/Pet/properties/tags/items"]
        )
        #expect(model.types[0].nestedTypes.map(\.qualifiedName) == ["Pet.TagsItem"])
        let operation = try #require(model.apis.first?.operations.first)
        #expect(operation.id.rawValue == "spec.yaml#/paths/~1pets/get")
        #expect(model.typeNames.code(operation.parameters[0].type) == model.types[1].name)
    }

    @Test func namesAreGivenInTheOrderTheyWereAskedFor() {
        var namer = TypeNamer(reservedTopLevelNames: ["String"])
        let a = TypeID("a"), b = TypeID("b"), c = TypeID("c"), nested = TypeID("a/x")
        namer.request(a, preferred: "Pet", in: .module)
        namer.request(b, preferred: "Pet", in: .module)
        namer.request(nested, preferred: "Pet", in: .nested(in: a))
        namer.request(c, preferred: "String", in: .module)
        let names = namer.names()
        #expect(names == [a: "Pet", b: "Pet2", nested: "Pet3", c: "String2"])
        // Dropping or renaming a type leaves the names of the others as they were asked for.
        #expect(namer.names(dropped: [a]) == [b: "Pet", nested: "Pet2", c: "String2"])
        #expect(namer.names(renamed: [a: "Animal"]) == [a: "Animal", b: "Pet", nested: "Pet2", c: "String2"])
    }

    /// A schema named like a runtime file would be a second file of that name in the module.
    @Test func runtimeFileNamesAreReserved() throws {
        let (model, _) = try translate(
            """
            openapi: 3.0.1
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                ParameterEncoding: {type: object, properties: {a: {type: string}}}
                unionCoding: {type: string}
            """
        )
        #expect(model.types.map(\.name) == ["ParameterEncodingModel", "UnionCodingModel"])
    }

    /// `oneOf: [Cat, Dog]` chooses by the discriminator Cat and Dog inherit from `Pet` through `allOf`, with the
    /// parent's mapping and the schema names.
    @Test func unionsUseTheDiscriminatorOfAnAllOfParent() throws {
        let (model, _) = try translate(
            """
            openapi: 3.0.1
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Pet:
                  type: object
                  required: [petType]
                  properties: {petType: {type: string}}
                  discriminator: {propertyName: petType, mapping: {kitten: '#/components/schemas/Cat'}}
                Cat: {allOf: [{$ref: '#/components/schemas/Pet'}, {properties: {hunts: {type: boolean}}}]}
                Dog: {allOf: [{$ref: '#/components/schemas/Pet'}, {properties: {barks: {type: boolean}}}]}
                Animal: {oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]}
            """
        )
        let animal = try #require(model.types.first { $0.name == "Animal" })
        guard case .union(let union) = animal.kind else {
            Issue.record("Animal is not a union")
            return
        }
        #expect(union.discriminator == "petType")
        #expect(union.cases.map(\.discriminatorValues) == [["kitten"], ["Dog"]])
        #expect(union.unknownCaseName == "undocumented")
    }

    /// Alternatives that only refine the object around them (required combinations, narrower values of its own
    /// members, `maxProperties`) are constraints, not types: the object stays a struct.
    @Test func alternativesThatOnlyConstrainKeepTheStruct() throws {
        let (model, warnings) = try translate(
            """
            openapi: 3.0.1
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                CheckRun:
                  type: object
                  properties:
                    status: {type: string, enum: [queued, completed]}
                    conclusion: {type: string}
                  oneOf:
                    - {properties: {status: {enum: [completed]}}, required: [conclusion], additionalProperties: true}
                    - {properties: {status: {enum: [queued]}}, additionalProperties: true}
                Edit:
                  type: object
                  properties: {content: {type: string}, filename: {type: string}}
                  anyOf: [{required: [content]}, {required: [filename]}, {type: object, maxProperties: 0}]
                Either:
                  type: object
                  properties: {a: {type: string}}
                  oneOf: [{properties: {b: {type: string}}}, {properties: {c: {type: string}}}]
            """
        )
        #expect(warnings.isEmpty)
        let kinds = model.types.map { definition -> String in
            switch definition.kind {
            case .structure: "struct"
            case .alias: "alias"
            default: "other"
            }
        }
        #expect(kinds == ["struct", "struct", "struct"])
        // `Either`'s alternatives add members (`b`, `c`): a real choice, held beside its own property.
        let structures = model.types.compactMap { definition -> StructDefinition? in
            if case .structure(let structure) = definition.kind { structure } else { nil }
        }
        #expect(structures.map { $0.properties.filter(\.isFlattened).count } == [0, 0, 1])
    }

    /// A `oneOf` among an object's `allOf` parts is a property of the struct that holds the alternative, read from
    /// and written to the object's own members: a reference names it after the union, an inline one is `Variant`.
    @Test func aOneOfInsideAllOfIsAPropertyHoldingTheAlternative() throws {
        let (model, warnings) = try translate(
            """
            openapi: 3.0.1
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                A: {type: object, required: [a], properties: {a: {type: string}}}
                B: {type: object, required: [b], properties: {b: {type: integer}}}
                Either: {oneOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/B'}]}
                Composed:
                  allOf:
                    - {type: object, properties: {id: {type: string}}}
                    - {$ref: '#/components/schemas/Either'}
                Again:
                  allOf: [{$ref: '#/components/schemas/Either'}, {properties: {more: {type: string}}}]
                Inline:
                  allOf:
                    - {properties: {id: {type: string}}}
                    - oneOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/B'}]
                NotObjects:
                  allOf:
                    - {properties: {id: {type: string}}}
                    - oneOf: [{type: string}, {type: integer}]
            """
        )
        #expect(
            warnings.map(\.description) == [
                "spec.yaml:22:11: warning: oneOf beside properties or allOf whose parts are not all objects; the value "
                    + "is decoded as JSONValue"
            ])
        func properties(_ name: String) throws -> [String] {
            let definition = try #require(model.types.first { $0.name == name })
            guard case .structure(let structure) = definition.kind else { return [] }
            return structure.properties.map { ($0.isFlattened ? "*" : "") + $0.swiftName }
        }
        #expect(try properties("Composed") == ["id", "*either"])
        #expect(try properties("Again") == ["more", "*either"])
        #expect(try properties("Inline") == ["id", "*variant"])
        let inline = try #require(model.types.first { $0.name == "Inline" })
        #expect(inline.nestedTypes.map(\.qualifiedName) == ["Inline.Variant"])
    }

    /// A parent that lists its children in a `oneOf` while they extend it through `allOf`: each child would hold
    /// the parent's choice, which holds the child again, read from the same object without end. The choice stays
    /// the parent's; the children get the members (the discriminator's too) and a note says so.
    @Test func childrenDoNotHoldTheChoiceOfTheirParent() throws {
        let yaml = """
            openapi: 3.0.1
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Pet:
                  type: object
                  required: [petType]
                  properties: {petType: {type: string}, id: {type: string}}
                  discriminator: {propertyName: petType}
                  oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
                Cat:
                  allOf: [{$ref: '#/components/schemas/Pet'}, {properties: {meow: {type: boolean}}}]
                Dog:
                  allOf: [{$ref: '#/components/schemas/Pet'}, {properties: {bark: {type: boolean}}}]
                Animal:
                  properties: {kind: {type: string}}
                  discriminator: {propertyName: kind}
                  oneOf: [{$ref: '#/components/schemas/Bird'}, {$ref: '#/components/schemas/Fish'}]
                Bird:
                  allOf: [{$ref: '#/components/schemas/Animal'}, {properties: {wings: {type: integer}}}]
                Fish:
                  allOf: [{$ref: '#/components/schemas/Animal'}, {properties: {fins: {type: integer}}}]
            """
        let document = try OpenAPIReader().read(root: YAMLDocument(bytes: Array(yaml.utf8), file: "spec.yaml").root)
        let translator = ModelTranslator(document: document, options: .init(moduleName: "API"))
        let model = try translator.translate()
        #expect(translator.warnings.isEmpty)
        func properties(_ name: String) throws -> [String] {
            let definition = try #require(model.types.first { $0.name == name })
            guard case .structure(let structure) = definition.kind else { return ["not a struct"] }
            return structure.properties.map { ($0.isFlattened ? "*" : "") + $0.swiftName }
        }
        #expect(try properties("Pet") == ["petType", "id", "*variant"])
        #expect(try properties("Cat") == ["petType", "id", "meow"])
        #expect(try properties("Dog") == ["petType", "id", "bark"])
        // `Animal` declares only its discriminator beside the oneOf: it is the union, and its children keep `kind`.
        #expect(try properties("Animal") == ["not a struct"])
        #expect(try properties("Bird") == ["kind", "wings"])
        #expect(translator.notes.count == 4)
        #expect(translator.notes.first?.message.contains("'Bird' takes this oneOf/anyOf from its allOf parts") == true)
    }

    /// Properties that only declare the discriminator beside a `oneOf` leave the schema a union.
    @Test func aDiscriminatorPropertyBesideOneOfIsStillAUnion() throws {
        let (model, warnings) = try translate(
            """
            openapi: 3.0.1
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                A: {type: object, properties: {kind: {type: string}, a: {type: string}}}
                B: {type: object, properties: {kind: {type: string}, b: {type: string}}}
                Choice:
                  type: object
                  properties: {kind: {type: string, enum: [a, b]}}
                  discriminator: {propertyName: kind, mapping: {a: '#/components/schemas/A', b: '#/components/schemas/B'}}
                  oneOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/B'}]
            """
        )
        #expect(warnings.isEmpty)
        guard case .union(let union) = try #require(model.types.first { $0.name == "Choice" }).kind else {
            Issue.record("Choice is not a union")
            return
        }
        #expect(union.cases.map(\.discriminatorValues) == [["a"], ["b"]])
    }

    /// A cycle through unions (Stripe's expandable `customer: string | Customer`) makes the unions indirect and
    /// boxes no struct property.
    @Test func unionsOnACycleAreIndirect() throws {
        let (model, _) = try translate(
            """
            openapi: 3.0.1
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Customer:
                  type: object
                  properties: {source: {anyOf: [{type: string}, {$ref: '#/components/schemas/Source'}]}}
                Source:
                  type: object
                  properties: {customer: {anyOf: [{type: string}, {$ref: '#/components/schemas/Customer'}]}}
            """
        )
        var unions: [String: Bool] = [:]
        var boxed: [String] = []
        for definition in model.types {
            if case .structure(let structure) = definition.kind {
                boxed += structure.properties.compactMap(\.indirectStorageName)
            }
            for nested in definition.nestedTypes {
                if case .union(let union) = nested.kind { unions[nested.qualifiedName] = union.isIndirect }
            }
        }
        #expect(unions == ["Customer.Source2": true, "Source.Customer2": true])
        #expect(boxed.isEmpty)
    }
}
