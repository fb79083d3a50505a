import BinderyOpenAPI
import BinderyYAML
import Foundation
import TestExecutors
import Testing

@testable import bindery_corpus

/// The JSON Schema subset `bindery-corpus --examples` checks examples with: a valid and an invalid value for each
/// keyword, and how YAML examples become JSON.
@Suite(.computing) struct ExampleValidationTests {
    static let schemas = """
        openapi: 3.1.0
        info: {title: T, version: 1.0}
        paths: {}
        components:
          schemas:
            Text: {type: string}
            Whole: {type: integer}
            Number: {type: number}
            MaybeText: {type: [string, 'null']}
            Item:
              type: object
              required: [id, secret]
              properties:
                id: {type: integer}
                secret: {type: string, writeOnly: true}
                code: {type: string}
            Closed:
              type: object
              properties: {id: {type: integer}}
              additionalProperties: false
            Counts:
              type: object
              additionalProperties: {type: integer}
            Integers: {type: array, items: {type: integer}}
            Pair: {type: array, prefixItems: [{type: string}, {type: integer}]}
            Color: {type: string, enum: [red, green]}
            Level: {type: integer, enum: [1, 2]}
            Fixed: {const: 42}
            Alias: {$ref: '#/components/schemas/Item'}
            Both:
              allOf:
                - $ref: '#/components/schemas/Closed'
                - {required: [id]}
            Either:
              oneOf:
                - {type: object, required: [a], properties: {a: {type: integer}}}
                - {type: object, required: [b], properties: {b: {type: integer}}}
            Any:
              anyOf:
                - {type: object, required: [a]}
                - {type: object, required: [b]}
            Pet:
              oneOf:
                - $ref: '#/components/schemas/Cat'
                - $ref: '#/components/schemas/Dog'
              discriminator:
                propertyName: kind
                mapping: {kitten: '#/components/schemas/Cat'}
            Cat: {type: object, required: [kind], properties: {kind: {type: string}, claws: {type: boolean}}}
            Dog: {type: object, required: [kind], properties: {kind: {type: string}, bark: {type: boolean}}}
            NotText: {not: {type: string}}
            When: {type: string, format: date-time}
            Day: {type: string, format: date}
            Identifier: {type: string, format: uuid}
            Email: {type: string, format: email}
        """

    static let openAPI30 = """
        openapi: 3.0.3
        info: {title: T, version: 1.0}
        paths: {}
        components:
          schemas:
            Base: {type: object, required: [id], properties: {id: {type: integer}}}
            OptionalBase:
              nullable: true
              allOf: [{$ref: '#/components/schemas/Base'}]
            Holder:
              type: object
              properties:
                base: {$ref: '#/components/schemas/Base'}
        """

    let document: OpenAPIDocument
    let document30: OpenAPIDocument

    init() throws {
        document = try OpenAPIReader().read(
            root: try YAMLDocument(bytes: Array(Self.schemas.utf8), file: "s.yaml").root)
        document30 = try OpenAPIReader().read(
            root: try YAMLDocument(bytes: Array(Self.openAPI30.utf8), file: "s30.yaml").root)
    }

    /// The problem validating `text` (JSON, or YAML with `yaml: true`) against the component schema `name`.
    func problem(
        _ name: String, _ text: String, yaml: Bool = false, in document: OpenAPIDocument? = nil
    ) throws -> String? {
        let document = document ?? self.document
        let entry = try #require(document.schemas.entries.first { document.schemas.name(of: $0.id) == name })
        var budget = 10_000
        let value = try SpecValue(try YAMLDocument(bytes: Array(text.utf8), file: "v").root, budget: &budget)
        let instance = InstanceReader(schemas: document.schemas).instance(value, schema: yaml ? entry.schema : nil)
        return SchemaValidator(schemas: document.schemas).problem(instance, entry.schema)
    }

    @Test func types() throws {
        #expect(try problem("Text", #""a""#) == nil)
        #expect(try problem("Text", "1") == "expected string, found integer")
        #expect(try problem("Whole", "3") == nil)
        #expect(try problem("Whole", "3.0") == nil, "an integer, as JSON Schema counts")
        #expect(try problem("Whole", "3.5") == "expected integer, found number")
        #expect(try problem("Whole", #""3""#) == "expected integer, found string")
        #expect(try problem("Number", "3") == nil)
        #expect(try problem("Number", "-2.5e3") == nil)
        #expect(try problem("Number", "true") == "expected number, found boolean")
        #expect(try problem("MaybeText", "null") == nil)
        #expect(try problem("MaybeText", "[]") == "expected string or null, found array")
        #expect(try problem("Text", "null") == "expected string, found null")
    }

    @Test func nullableInOpenAPI30() throws {
        #expect(try problem("OptionalBase", "null", in: document30) == nil)
        #expect(try problem("OptionalBase", #"{"id": 1}"#, in: document30) == nil)
        #expect(try problem("OptionalBase", "{}", in: document30) == "missing required property 'id'")
        #expect(try problem("Base", "null", in: document30) == "expected object, found null")
        #expect(try problem("Holder", #"{"base": null}"#, in: document30) == "at /base: expected object, found null")
    }

    @Test func objects() throws {
        // `secret` is required but write-only: responses leave it out.
        #expect(try problem("Item", #"{"id": 1}"#) == nil)
        #expect(try problem("Item", #"{"secret": "s"}"#) == "missing required property 'id'")
        #expect(try problem("Item", #"{"id": "1"}"#) == "at /id: expected integer, found string")
        #expect(try problem("Item", #"{"id": 1, "other": [1]}"#) == nil, "additional properties are allowed")
        #expect(try problem("Closed", #"{"id": 1}"#) == nil)
        #expect(
            try problem("Closed", #"{"id": 1, "x": 2}"#) == "property 'x' is not allowed (additionalProperties: false)")
        #expect(try problem("Counts", #"{"a": 1, "b": 2}"#) == nil)
        #expect(try problem("Counts", #"{"a": 1, "b": "2"}"#) == "at /b: expected integer, found string")
        #expect(try problem("Alias", #"{"id": 1}"#) == nil)
        #expect(try problem("Alias", "{}") == "missing required property 'id'", "through $ref")
    }

    @Test func arrays() throws {
        #expect(try problem("Integers", "[1, 2]") == nil)
        #expect(try problem("Integers", #"[1, "2"]"#) == "at /1: expected integer, found string")
        #expect(try problem("Pair", #"["a", 1]"#) == nil)
        #expect(try problem("Pair", #"[1, "a"]"#) == "at /0: expected string, found integer")
    }

    @Test func enumsAndConst() throws {
        #expect(try problem("Color", #""red""#) == nil)
        #expect(try problem("Color", #""blue""#) == #""blue" is not one of the enum's 2 values"#)
        #expect(try problem("Level", "2") == nil)
        #expect(try problem("Level", "2.0") == nil, "numbers compare by value")
        #expect(try problem("Level", "3") == "3 is not one of the enum's 2 values")
        #expect(try problem("Fixed", "42") == nil)
        #expect(try problem("Fixed", "41") == "41 is not the const 42")
    }

    @Test func combinations() throws {
        #expect(try problem("Both", #"{"id": 1}"#) == nil)
        #expect(try problem("Both", "{}") == "missing required property 'id'")
        #expect(
            try problem("Both", #"{"id": 1, "x": 1}"#) == "property 'x' is not allowed (additionalProperties: false)")
        #expect(try problem("Either", #"{"a": 1}"#) == nil)
        #expect(try problem("Either", #"{"a": 1, "b": 2}"#) == "matches 2 alternatives of oneOf (#1 object, #2 object)")
        #expect(
            try problem("Either", #"{"c": 1}"#)
                == "matches none of the 2 alternatives of oneOf (#1 object: missing required property 'a'; "
                + "#2 object: missing required property 'b')")
        #expect(try problem("Any", #"{"a": 1, "b": 2}"#) == nil, "anyOf: several may match")
        #expect(try problem("Any", "{}")?.hasPrefix("matches none of the 2 alternatives of anyOf") == true)
        #expect(try problem("NotText", "1") == nil)
        #expect(try problem("NotText", #""a""#) == "matches the schema of 'not'")
    }

    @Test func discriminatorChoosesTheAlternative() throws {
        // Both alternatives accept any `kind`; the discriminator picks one, by mapping or by schema name.
        #expect(try problem("Pet", #"{"kind": "Dog", "bark": true}"#) == nil)
        #expect(try problem("Pet", #"{"kind": "kitten", "claws": true}"#) == nil)
        #expect(try problem("Pet", #"{"kind": "Dog", "bark": 1}"#) == "at /bark: expected boolean, found integer")
        #expect(
            try problem("Pet", #"{"kind": "kitten", "claws": "yes"}"#) == "at /claws: expected boolean, found string")
        // Without a value it names, strict oneOf: both match.
        #expect(try problem("Pet", #"{"kind": "cow"}"#) == "matches 2 alternatives of oneOf (#1 Cat, #2 Dog)")
    }

    @Test func formats() throws {
        #expect(try problem("When", #""2026-11-30T10:00:00Z""#) == nil)
        #expect(try problem("When", #""2026-11-30T10:00:00.123+01:00""#) == nil)
        #expect(try problem("When", #""2026-11-30T10:00:00""#) == #""2026-11-30T10:00:00" is not a date-time"#)
        #expect(try problem("When", #""yesterday""#) == #""yesterday" is not a date-time"#)
        #expect(try problem("Day", #""2026-11-30""#) == nil)
        #expect(try problem("Day", #""2026-11-30T10:00:00Z""#) == #""2026-11-30T10:00:00Z" is not a date"#)
        #expect(try problem("Identifier", #""123e4567-e89b-12d3-a456-426614174000""#) == nil)
        #expect(try problem("Identifier", #""123e4567""#) == #""123e4567" is not a uuid"#)
        #expect(try problem("Email", #""not checked""#) == nil, "other formats are not checked")
    }

    /// YAML's plain scalars are typed by the schema they are an example of, as Bindery reads YAML.
    @Test func yamlScalarsFollowTheSchema() throws {
        #expect(try problem("Item", "{id: 1, code: 123}", yaml: true) == nil, "code is a string property")
        #expect(try problem("Item", "{id: '1'}", yaml: true) == "at /id: expected integer, found string")
        #expect(try problem("Color", "red", yaml: true) == nil)
        #expect(try problem("Whole", "12", yaml: true) == nil)
        #expect(try problem("Text", "2024-10-01", yaml: true) == nil)
        #expect(try problem("Text", "off", yaml: true) == nil)
        let reader = InstanceReader(schemas: document.schemas)
        let value = SpecValue.mapping([
            .init(key: "a", value: .scalar("true", isQuoted: false)),
            .init(key: "b", value: .scalar("1.5", isQuoted: false)),
            .init(key: "c", value: .scalar("18:00", isQuoted: false)),
            .init(key: "d", value: .scalar("1", isQuoted: true)),
            .init(key: "e", value: .null),
            .init(key: "f", value: .sequence([.scalar("x\"\n", isQuoted: true)])),
        ])
        #expect(
            reader.instance(value, schema: nil).json
                == #"{"a":true,"b":1.5,"c":"18:00","d":"1","e":null,"f":["x\"\n"]}"#)
    }
}
