/// A type the generated code declares for a schema.
public enum TypeDefinition: Sendable, Hashable {
    case structure(StructDefinition)
    case enumeration(EnumDefinition)
    case alias(AliasDefinition)

    /// The type's name in its scope (`Status`).
    public var name: String {
        switch self {
        case .structure(let definition): definition.name
        case .enumeration(let definition): definition.name
        case .alias(let definition): definition.name
        }
    }

    /// The type's name from the module's top level (`Pet.Status`).
    public var qualifiedName: String {
        switch self {
        case .structure(let definition): definition.qualifiedName
        case .enumeration(let definition): definition.qualifiedName
        case .alias(let definition): definition.qualifiedName
        }
    }
}

/// A `struct` for an object schema.
public struct StructDefinition: Sendable, Hashable {
    public var name: String
    public var qualifiedName: String
    public var documentation: Documentation
    /// Where the schema is, `#/components/schemas/Pet`, for doc comments.
    public var source: String
    public var deprecated: Bool
    public var properties: [PropertyDefinition]
    /// The type of the values of properties not listed, when the schema allows them with a schema.
    public var additionalProperties: AdditionalPropertiesDefinition?
    public var nestedTypes: [TypeDefinition]

    public init(name: String, qualifiedName: String, source: String) {
        self.name = name
        self.qualifiedName = qualifiedName
        self.documentation = Documentation()
        self.source = source
        self.deprecated = false
        self.properties = []
        self.additionalProperties = nil
        self.nestedTypes = []
    }

    /// Whether custom `init(from:)` and `encode(to:)` are needed: some property must be written as `null` when it
    /// is `nil`, additional properties must be written next to the known ones, or a property is stored boxed.
    public var needsCustomCoding: Bool {
        additionalProperties != nil || properties.contains { $0.encodesNull || $0.indirectStorageName != nil }
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
    /// The key in JSON, exactly as in the document.
    public var jsonKey: String
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
    public var deprecated: Bool
    public var readOnly: Bool
    public var writeOnly: Bool
    /// For a property whose type contains the struct itself (directly, or through other structs), the name of
    /// the boxed stored property behind it: a struct cannot store itself.
    public var indirectStorageName: String?

    public init(jsonKey: String, swiftName: String, type: SwiftType, isOptional: Bool) {
        self.jsonKey = jsonKey
        self.swiftName = swiftName
        self.codingKeyName = swiftName
        self.type = type
        self.isOptional = isOptional
        self.encodesNull = false
        self.documentation = Documentation()
        self.deprecated = false
        self.readOnly = false
        self.writeOnly = false
        self.indirectStorageName = nil
    }
}

/// An `enum` for a schema with a list of string values.
///
/// Generated enums decode values the document does not list into ``unknownCaseName`` instead of failing, so a
/// server that adds a value does not break clients.
public struct EnumDefinition: Sendable, Hashable {
    public struct Case: Sendable, Hashable {
        public var swiftName: String
        public var rawValue: String

        public init(swiftName: String, rawValue: String) {
            self.swiftName = swiftName
            self.rawValue = rawValue
        }
    }

    public var name: String
    public var qualifiedName: String
    public var documentation: Documentation
    public var source: String
    public var deprecated: Bool
    public var cases: [Case]
    /// The case that carries a value the document does not list.
    public var unknownCaseName: String

    public init(name: String, qualifiedName: String, source: String, cases: [Case], unknownCaseName: String) {
        self.name = name
        self.qualifiedName = qualifiedName
        self.documentation = Documentation()
        self.source = source
        self.deprecated = false
        self.cases = cases
        self.unknownCaseName = unknownCaseName
    }
}

/// A `typealias` for a schema that names another type (`TenantId` is a `String`).
public struct AliasDefinition: Sendable, Hashable {
    public var name: String
    public var qualifiedName: String
    public var documentation: Documentation
    public var source: String
    public var deprecated: Bool
    public var target: SwiftType

    public init(name: String, qualifiedName: String, source: String, target: SwiftType) {
        self.name = name
        self.qualifiedName = qualifiedName
        self.documentation = Documentation()
        self.source = source
        self.deprecated = false
        self.target = target
    }
}
