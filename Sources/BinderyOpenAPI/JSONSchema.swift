import BinderyCore
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

    public var ref: SchemaID? {
        get { storage.fields.ref }
        _modify { yield &storage.fields.ref }
    }
    /// The `type` keyword; empty when absent (any type).
    public var types: [JSONType] {
        get { storage.fields.types }
        _modify { yield &storage.fields.types }
    }
    public var format: String? {
        get { storage.fields.format }
        _modify { yield &storage.fields.format }
    }
    /// `contentMediaType` (3.1): the media type of a string's content (`image/png`); in a multipart body, the
    /// part's.
    public var contentMediaType: String? {
        get { storage.fields.contentMediaType }
        _modify { yield &storage.fields.contentMediaType }
    }
    /// `contentEncoding` (3.1): how a string's content is encoded (`base64`).
    public var contentEncoding: String? {
        get { storage.fields.contentEncoding }
        _modify { yield &storage.fields.contentEncoding }
    }
    public var title: String? {
        get { storage.fields.title }
        _modify { yield &storage.fields.title }
    }
    public var description: String? {
        get { storage.fields.description }
        _modify { yield &storage.fields.description }
    }
    /// `nullable: true` (3.0), or `null` among the types (3.1).
    public var nullable: Bool {
        get { storage.fields.nullable }
        _modify { yield &storage.fields.nullable }
    }
    public var deprecated: Bool {
        get { storage.fields.deprecated }
        _modify { yield &storage.fields.deprecated }
    }
    public var readOnly: Bool {
        get { storage.fields.readOnly }
        _modify { yield &storage.fields.readOnly }
    }
    public var writeOnly: Bool {
        get { storage.fields.writeOnly }
        _modify { yield &storage.fields.writeOnly }
    }
    public var properties: [Property] {
        get { storage.fields.properties }
        _modify { yield &storage.fields.properties }
    }
    public var required: [String] {
        get { storage.fields.required }
        _modify { yield &storage.fields.required }
    }
    public var additionalProperties: AdditionalProperties? {
        get { storage.fields.additionalProperties }
        _modify { yield &storage.fields.additionalProperties }
    }
    public var items: JSONSchema? {
        get { storage.fields.items }
        _modify { yield &storage.fields.items }
    }
    /// `prefixItems` (a tuple: the schema of each leading item, in order); ``items`` then applies to the items after
    /// them. Also read from `items` written as a list (JSON Schema draft 2019-09 and earlier).
    public var prefixItems: [JSONSchema] {
        get { storage.fields.prefixItems }
        _modify { yield &storage.fields.prefixItems }
    }
    /// `minItems`: the fewest items an array may have.
    public var minItems: Int? {
        get { storage.fields.minItems }
        _modify { yield &storage.fields.minItems }
    }
    /// `maxItems`: the most items an array may have.
    public var maxItems: Int? {
        get { storage.fields.maxItems }
        _modify { yield &storage.fields.maxItems }
    }
    public var not: JSONSchema? {
        get { storage.fields.not }
        _modify { yield &storage.fields.not }
    }
    public var allOf: [JSONSchema] {
        get { storage.fields.allOf }
        _modify { yield &storage.fields.allOf }
    }
    public var oneOf: [JSONSchema] {
        get { storage.fields.oneOf }
        _modify { yield &storage.fields.oneOf }
    }
    public var anyOf: [JSONSchema] {
        get { storage.fields.anyOf }
        _modify { yield &storage.fields.anyOf }
    }
    public var discriminator: Discriminator? {
        get { storage.fields.discriminator }
        _modify { yield &storage.fields.discriminator }
    }
    public var enumValues: [SpecValue]? {
        get { storage.fields.enumValues }
        _modify { yield &storage.fields.enumValues }
    }
    /// `const` (3.1): the one value allowed. A 3.0 `enum` of one value stays in ``enumValues``.
    public var constValue: SpecValue? {
        get { storage.fields.constValue }
        _modify { yield &storage.fields.constValue }
    }
    public var defaultValue: SpecValue? {
        get { storage.fields.defaultValue }
        _modify { yield &storage.fields.defaultValue }
    }
    public var example: SpecValue? {
        get { storage.fields.example }
        _modify { yield &storage.fields.example }
    }
    public var extensions: [String: SpecValue] {
        get { storage.fields.extensions }
        _modify { yield &storage.fields.extensions }
    }
    public var location: SourceLocation {
        get { storage.fields.location }
        _modify { yield &storage.fields.location }
    }

    /// The fields of a schema, each what its property above gives.
    private struct Fields: Sendable {
        var ref: SchemaID? = nil
        var types: [JSONType] = []
        var format: String? = nil
        var contentMediaType: String? = nil
        var contentEncoding: String? = nil
        var title: String? = nil
        var description: String? = nil
        var nullable: Bool = false
        var deprecated: Bool = false
        var readOnly: Bool = false
        var writeOnly: Bool = false
        var properties: [Property] = []
        var required: [String] = []
        var additionalProperties: AdditionalProperties? = nil
        var items: JSONSchema? = nil
        var prefixItems: [JSONSchema] = []
        var minItems: Int? = nil
        var maxItems: Int? = nil
        var not: JSONSchema? = nil
        var allOf: [JSONSchema] = []
        var oneOf: [JSONSchema] = []
        var anyOf: [JSONSchema] = []
        var discriminator: Discriminator? = nil
        var enumValues: [SpecValue]? = nil
        var constValue: SpecValue? = nil
        var defaultValue: SpecValue? = nil
        var example: SpecValue? = nil
        var extensions: [String: SpecValue] = [:]
        var location: SourceLocation
    }

    /// The fields, which copies share until one of them changes: the model copies schemas often (a reference's
    /// target, the `allOf` parts being merged, a union's alternatives), and copying and destroying every field of
    /// one took about a thousand instructions.
    private var storage: CopyOnWrite<Fields>

    /// An empty schema (any value) at `location`, or one that only refers to `ref`.
    public init(ref: SchemaID? = nil, location: SourceLocation) {
        storage = CopyOnWrite(Fields(ref: ref, location: location))
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
