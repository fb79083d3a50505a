import BinderyCore

/// A type the generated code declares: a struct, an enum or a type alias, with the types nested in it.
public struct TypeDefinition: Sendable, Hashable {
    /// What the declaration is.
    public enum Kind: Sendable, Hashable {
        case structure(StructDefinition)
        case enumeration(EnumDefinition)
        /// A `typealias` for a schema that names another type (`TenantId` is a `String`).
        case alias(SwiftType)
        /// An `enum` with a case per alternative of a `oneOf` or `anyOf`.
        case union(UnionDefinition)
    }

    public var id: TypeID {
        get { storage.fields.id }
        _modify { yield &storage.fields.id }
    }
    /// The name in its scope (`Status`), given by ``TypeNamer`` once every type is known.
    public var name: String {
        get { storage.fields.name }
        _modify { yield &storage.fields.name }
    }
    /// The name from the module's top level (`Pet.Status`).
    public var qualifiedName: String {
        get { storage.fields.qualifiedName }
        _modify { yield &storage.fields.qualifiedName }
    }
    public var documentation: Documentation {
        get { storage.fields.documentation }
        _modify { yield &storage.fields.documentation }
    }
    /// Where the schema is, `#/components/schemas/Pet`, for doc comments; empty for inline schemas.
    public var source: String {
        get { storage.fields.source }
        _modify { yield &storage.fields.source }
    }
    public var deprecation: Deprecation? {
        get { storage.fields.deprecation }
        _modify { yield &storage.fields.deprecation }
    }
    public var kind: Kind {
        get { storage.fields.kind }
        _modify { yield &storage.fields.kind }
    }
    /// Types declared inside this one, in the order they were found.
    public var nestedTypes: [TypeDefinition] {
        get { storage.fields.nestedTypes }
        _modify { yield &storage.fields.nestedTypes }
    }

    /// The fields of a declaration, each what its property above gives.
    private struct Fields: Sendable, Hashable {
        var id: TypeID
        var name = ""
        var qualifiedName = ""
        var documentation: Documentation
        var source: String
        var deprecation: Deprecation? = nil
        var kind: Kind
        var nestedTypes: [TypeDefinition] = []
    }

    /// The fields, which copies share until one of them changes: the model copies declarations often (looked up
    /// by identity, shared, completed, named), each copy about 350 instructions and its destruction as many.
    private var storage: CopyOnWrite<Fields>

    public init(id: TypeID, kind: Kind, source: String = "", documentation: Documentation = Documentation()) {
        storage = CopyOnWrite(Fields(id: id, documentation: documentation, source: source, kind: kind))
    }

    /// Declarations are equal when their fields are.
    public static func == (lhs: TypeDefinition, rhs: TypeDefinition) -> Bool {
        lhs.storage.isShared(with: rhs.storage) || lhs.storage.fields == rhs.storage.fields
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.fields)
    }
}

/// A `struct` for an object schema, or for a tuple: an array schema with `prefixItems`, a property per position.
public struct StructDefinition: Sendable, Hashable {
    public var properties: [PropertyDefinition]
    /// The type of the values of properties not listed, when the schema allows them with a schema.
    public var additionalProperties: AdditionalPropertiesDefinition?
    /// Whether the struct is a tuple: coded as a JSON array, its properties by position
    /// (``PropertyDefinition/position``), then ``additionalItems``.
    public var isTuple: Bool
    /// For a tuple, the items after the listed positions, when the schema allows them (`items`).
    public var additionalItems: AdditionalItemsDefinition?
    /// Whether the struct is an `anyOf` of objects: its properties are the alternatives, each present when the
    /// JSON object fits it (``PropertyDefinition/shape``), at least one of them.
    public var isAnyOf: Bool

    public init(properties: [PropertyDefinition] = [], additionalProperties: AdditionalPropertiesDefinition? = nil) {
        self.properties = properties
        self.additionalProperties = additionalProperties
        self.isTuple = false
        self.additionalItems = nil
        self.isAnyOf = false
    }

    /// Whether custom `init(from:)` and `encode(to:)` are needed: the struct is a tuple, some property must be
    /// written as `null` when it is `nil`, additional properties must be written next to the known ones, a
    /// property is stored boxed, or a read-only property must not be sent.
    public var needsCustomCoding: Bool {
        isTuple || isAnyOf || additionalProperties != nil
            || properties.contains { $0.encodesNull || $0.indirectStorageName != nil || $0.readOnly || $0.isFlattened }
    }
}

/// The items of a tuple after its listed positions, kept in an array property.
public struct AdditionalItemsDefinition: Sendable, Hashable {
    /// The array property's name (`additionalItems`, unless a position took it).
    public var swiftName: String
    public var elementType: SwiftType

    public init(swiftName: String, elementType: SwiftType) {
        self.swiftName = swiftName
        self.elementType = elementType
    }
}

/// The extra properties an object schema allows, kept in a dictionary property.
public struct AdditionalPropertiesDefinition: Sendable, Hashable {
    /// The dictionary property's name (`additionalProperties`, unless a declared property took it).
    public var swiftName: String
    public var valueType: SwiftType

    public init(swiftName: String, valueType: SwiftType) {
        self.swiftName = swiftName
        self.valueType = valueType
    }
}

/// One stored property of a generated struct.
public struct PropertyDefinition: Sendable, Hashable {
    /// The key in JSON, exactly as in the document; for a tuple's property, its position as text.
    public var jsonKey: String
    /// For a tuple's property, its position in the JSON array (from 0); `nil` for an object's.
    public var position: Int?
    /// The Swift name (`accessToken`), without backticks.
    public var swiftName: String
    /// The `CodingKeys` case name, without backticks.
    public var codingKeyName: String
    public var type: SwiftType
    /// Whether the property is an optional (it is not required, or it is nullable).
    public var isOptional: Bool
    /// Whether the property is required and nullable: `nil` is written as `null` rather than left out.
    public var encodesNull: Bool
    public var documentation: Documentation
    public var deprecation: Deprecation?
    public var readOnly: Bool
    public var writeOnly: Bool
    /// For a property that holds a struct or a union (not through an array or a dictionary), the name of the
    /// boxed stored property behind it: a struct cannot store itself, and copying a boxed member is a retain
    /// rather than a copy of its every field (`ModelTranslator+Recursion.swift` says why).
    public var indirectStorageName: String?
    /// The schema's `default`, when it is a value of the property's type: the `init` argument's default.
    public var defaultValue: DefaultValue?
    /// Whether the property is read from and written to the object itself rather than a member of it: the
    /// alternative of a `oneOf`/`anyOf` (a union) among the object's `allOf` parts or beside its properties, whose
    /// members are the object's own. Its ``jsonKey`` is empty.
    public var isFlattened: Bool
    /// For an alternative of an `anyOf` struct (``StructDefinition/isAnyOf``), what the JSON it fits looks like.
    public var shape: JSONShape?

    public init(jsonKey: String, swiftName: String, type: SwiftType, isOptional: Bool) {
        self.jsonKey = jsonKey
        self.swiftName = swiftName
        self.codingKeyName = swiftName
        self.type = type
        self.isOptional = isOptional
        self.encodesNull = false
        self.documentation = Documentation()
        self.deprecation = nil
        self.readOnly = false
        self.writeOnly = false
        self.indirectStorageName = nil
        self.defaultValue = nil
        self.position = nil
        self.isFlattened = false
        self.shape = nil
    }
}

/// A schema's `default`, as a value of the Swift type it describes.
public enum DefaultValue: Sendable, Hashable {
    case string(String)
    /// An integer or a number, as the document writes it.
    case number(String)
    case bool(Bool)
    /// A case of a generated enum, by its Swift name.
    case enumCase(String)
}

/// An `enum` for a schema with a list of values: strings, integers or numbers (`enum`, or a `oneOf` of `const`s).
///
/// Generated enums decode values the document does not list into ``unknownCaseName`` instead of failing, so a
/// server that adds a value does not break clients.
public struct EnumDefinition: Sendable, Hashable {
    public struct Case: Sendable, Hashable {
        public var swiftName: String
        /// The value as the document writes it (`active`, `2`, `1.5`).
        public var rawValue: String
        public var documentation: Documentation

        public init(swiftName: String, rawValue: String, documentation: Documentation = Documentation()) {
            self.swiftName = swiftName
            self.rawValue = rawValue
            self.documentation = documentation
        }
    }

    /// The type of the values: `String`, `Int`, `Int32`, `Int64` or `Double`.
    public var rawType: SwiftType
    public var cases: [Case]
    /// The case that carries a value the document does not list.
    public var unknownCaseName: String

    public init(rawType: SwiftType = .string, cases: [Case], unknownCaseName: String) {
        self.rawType = rawType
        self.cases = cases
        self.unknownCaseName = unknownCaseName
    }
}

/// An `enum` for a `oneOf` or `anyOf`: one case per alternative, carrying its value.
///
/// With a discriminator, the case is chosen by the discriminator property's value, and a value the document does
/// not map decodes into ``unknownCaseName`` (carrying the JSON as received). Without one, the case is chosen by
/// the JSON's shape (``JSONShape``): the one alternative the value fits, or among several the one that declares
/// most of its members; a value that fits none, or several equally, is a decoding error naming the candidates.
/// `anyOf` is decoded the same way: the enum holds the alternative that fits the value best.
public struct UnionDefinition: Sendable, Hashable {
    public struct Case: Sendable, Hashable {
        public var swiftName: String
        public var type: SwiftType
        /// What the alternative's JSON looks like, for choosing it by shape.
        public var shape: JSONShape
        /// The discriminator values that select the case (with a discriminator).
        public var discriminatorValues: [String]
        public var documentation: Documentation
        /// Set when the case's type is deprecated (``Deprecation/uses(_:)``).
        public var deprecation: Deprecation?

        /// Whether the value is encoded into the encoder the union is given rather than a single-value container:
        /// it is an object, so its members can join those of an object that holds the union among its own
        /// (``PropertyDefinition/isFlattened``).
        public var encodesInPlace: Bool {
            shape.kinds == [.object]
        }

        public init(swiftName: String, type: SwiftType, shape: JSONShape, discriminatorValues: [String] = []) {
            self.swiftName = swiftName
            self.type = type
            self.shape = shape
            self.discriminatorValues = discriminatorValues
            self.documentation = Documentation()
            self.deprecation = nil
        }
    }

    public var cases: [Case]
    /// The discriminator property's JSON key, when the schema names one.
    public var discriminator: String?
    /// The case for discriminator values the document does not map; `nil` without a discriminator.
    public var unknownCaseName: String?
    /// Whether the schema says `anyOf` rather than `oneOf`.
    public var isAnyOf: Bool
    /// Whether the enum is `indirect`: it is on a cycle of types that store each other (a case's value contains
    /// the union again), so its payloads are boxed.
    public var isIndirect: Bool = false

    public init(cases: [Case], discriminator: String? = nil, unknownCaseName: String? = nil, isAnyOf: Bool = false) {
        self.cases = cases
        self.discriminator = discriminator
        self.unknownCaseName = unknownCaseName
        self.isAnyOf = isAnyOf
    }
}

/// The JSON a schema accepts, as far as choosing among alternatives needs: its kinds, and for objects the
/// required members, the kinds of the declared members, and whether others are allowed.
public struct JSONShape: Sendable, Hashable {
    /// A kind of JSON value.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case object, array, string, integer, number, boolean, null
    }

    /// The kinds the value may have; empty for any.
    public var kinds: [Kind]
    public var required: [String]
    /// The declared members and their kinds (empty for any), in document order.
    public var properties: [Property]
    /// Whether members not declared are refused (`additionalProperties: false`).
    public var closed: Bool
    /// The string values the schema lists (`enum`, `const`): a value among them fits more closely.
    public var values: [String]
    /// The shape of every item of an array (`items`), when it says more than "any": `[SimpleUser]` and
    /// `[Stargazer]` are told apart by their items. Its own items are not described.
    public var items: JSONShape? {
        get { itemShapes.first }
        set { itemShapes = newValue.map { [$0] } ?? [] }
    }
    /// ``items``, stored in an array: a struct cannot hold a value of its own type.
    private var itemShapes: [JSONShape]

    public struct Property: Sendable, Hashable {
        public var name: String
        public var kinds: [Kind]
        /// The one string the member may hold (a `const`, or an `enum` of one value), which tells alternatives
        /// apart without a `discriminator`: OpenAI's tools are `{type: code_interpreter}` or
        /// `{type: file_search, …}`.
        public var tag: String?

        public init(name: String, kinds: [Kind], tag: String? = nil) {
            self.name = name
            self.kinds = kinds
            self.tag = tag
        }
    }

    public init(
        kinds: [Kind] = [], required: [String] = [], properties: [Property] = [], closed: Bool = false,
        values: [String] = [], items: JSONShape? = nil
    ) {
        self.kinds = kinds
        self.required = required
        self.properties = properties
        self.closed = closed
        self.values = values
        self.itemShapes = items.map { [$0] } ?? []
    }
}
