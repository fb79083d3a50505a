import BinderyYAML

/// A schema: the OpenAPI 3.0 Schema Object and the JSON Schema 2020-12 subset OpenAPI 3.1 uses, in one shape.
///
/// A `$ref` is resolved while reading and kept as ``ref``, the identity of the schema it points to in
/// ``OpenAPIDocument/schemas``. Under 3.0 the siblings of `$ref` are ignored; under 3.1 they are kept.
public struct JSONSchema: Sendable {
    /// The JSON types a value may have (`type`, a single name in 3.0, a list in 3.1).
    public enum JSONType: String, Sendable, Hashable, CaseIterable {
        case string, number, integer, boolean, array, object, null
    }

    /// What `additionalProperties` allows.
    public enum AdditionalProperties: Sendable {
        case allowed(Bool)
        case schema(JSONSchema)
    }

    /// The `discriminator` of a `oneOf`, `anyOf` or `allOf`.
    public struct Discriminator: Sendable, Hashable {
        public var propertyName: String
        public var mapping: [SpecValue.Member]

        public init(propertyName: String, mapping: [SpecValue.Member] = []) {
            self.propertyName = propertyName
            self.mapping = mapping
        }
    }

    /// One entry of `properties`, in document order.
    public struct Property: Sendable {
        public var name: String
        public var schema: JSONSchema

        public init(name: String, schema: JSONSchema) {
            self.name = name
            self.schema = schema
        }
    }

    public var ref: SchemaID?
    /// The `type` keyword; empty when absent (any type).
    public var types: [JSONType]
    public var format: String?
    /// `contentMediaType` (3.1): the media type of a string's content (`image/png`); in a multipart body, the
    /// part's.
    public var contentMediaType: String?
    /// `contentEncoding` (3.1): how a string's content is encoded (`base64`).
    public var contentEncoding: String?
    public var title: String?
    public var description: String?
    /// `nullable: true` (3.0), or `null` among the types (3.1).
    public var nullable: Bool
    public var deprecated: Bool
    public var readOnly: Bool
    public var writeOnly: Bool
    public var properties: [Property]
    public var required: [String]
    public var additionalProperties: AdditionalProperties? {
        get { additionalPropertiesStorage?.value }
        set { additionalPropertiesStorage = newValue.map(Indirect.init) }
    }
    public var items: JSONSchema? {
        get { itemsStorage?.value }
        set { itemsStorage = newValue.map(Indirect.init) }
    }
    /// `prefixItems` (a tuple: the schema of each leading item, in order); ``items`` then applies to the items after
    /// them. Also read from `items` written as a list (JSON Schema draft 2019-09 and earlier).
    public var prefixItems: [JSONSchema]
    /// `minItems`: the fewest items an array may have.
    public var minItems: Int?
    /// `maxItems`: the most items an array may have.
    public var maxItems: Int?
    public var not: JSONSchema? {
        get { notStorage?.value }
        set { notStorage = newValue.map(Indirect.init) }
    }
    public var allOf: [JSONSchema]
    public var oneOf: [JSONSchema]
    public var anyOf: [JSONSchema]
    public var discriminator: Discriminator?
    public var enumValues: [SpecValue]?
    /// `const` (3.1): the one value allowed. A 3.0 `enum` of one value stays in ``enumValues``.
    public var constValue: SpecValue?
    public var defaultValue: SpecValue?
    public var example: SpecValue?
    public var extensions: [String: SpecValue]
    public var location: SourceLocation

    private var additionalPropertiesStorage: Indirect<AdditionalProperties>?
    private var itemsStorage: Indirect<JSONSchema>?
    private var notStorage: Indirect<JSONSchema>?

    /// An empty schema (any value) at `location`.
    public init(location: SourceLocation) {
        self.ref = nil
        self.types = []
        self.nullable = false
        self.deprecated = false
        self.readOnly = false
        self.writeOnly = false
        self.properties = []
        self.required = []
        self.prefixItems = []
        self.allOf = []
        self.oneOf = []
        self.anyOf = []
        self.extensions = [:]
        self.location = location
    }

    /// A schema that only refers to another.
    public init(ref: SchemaID, location: SourceLocation) {
        self.init(location: location)
        self.ref = ref
    }

    /// The single non-null type, when there is exactly one.
    public var singleType: JSONType? {
        let nonNull = types.filter { $0 != .null }
        return nonNull.count == 1 ? nonNull[0] : nil
    }

    /// Whether a property is listed in `required`.
    public func requires(_ property: String) -> Bool {
        required.contains(property)
    }
}

/// A box that gives a value type a recursive stored property.
final class Indirect<Value: Sendable>: Sendable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }
}
