import BinderyCore

/// Which public methods each operation gets.
public enum OperationMethods: String, Sendable, Hashable, CaseIterable {
    /// The throwing method, which returns the successful body, and the `…Response` method, which returns the enum
    /// of documented responses.
    case both
    /// The throwing method only. An operation whose successes have different bodies has none, and keeps its
    /// `…Response` method.
    case throwing
    /// The `…Response` method only.
    case response
}

/// Which operations are generated: those that any entry matches (by tag, by operationId, by path), and then only
/// the schemas they reach, with the schemas named in ``schemas`` and what those reach. Empty: everything.
public struct OperationFilter: Sendable, Hashable {
    /// Operations with one of these tags (any of an operation's tags, not only the first).
    public var tags: [Located<String>]
    /// Operations with one of these `operationId`s (`GET /pets` for one without).
    public var operations: [Located<String>]
    /// Operations on these paths, as the description writes them (`/pets/{petId}`); `*` matches any text, so
    /// `/v1/customers*` is every path that starts with `/v1/customers`.
    public var paths: [Located<String>]
    /// Schemas to generate even when no kept operation reaches them: component names or JSON pointers.
    public var schemas: [Located<String>]

    public init(
        tags: [Located<String>] = [], operations: [Located<String>] = [], paths: [Located<String>] = [],
        schemas: [Located<String>] = []
    ) {
        self.tags = tags
        self.operations = operations
        self.paths = paths
        self.schemas = schemas
    }

    /// Whether nothing is filtered.
    public var isEmpty: Bool {
        tags.isEmpty && operations.isEmpty && paths.isEmpty && schemas.isEmpty
    }
}

/// A name the user chose for something the description names another way.
///
/// A schema is given (``target``) by its component name (`Pet`), or by a JSON pointer to where it is written:
/// `#/components/schemas/Pet/properties/status` in the description's root file, `models.yaml#/Pet` in another
/// of its files (relative to the root file's folder). A pointer can name any generated type: an inline schema, an
/// API (`#/tags/pets`), an operation's response enum (`#/paths/~1pets/get`).
public struct NameOverride: Sendable, Hashable {
    /// The schema, or the `operationId`, renamed.
    public var target: Located<String>
    /// The Swift name it gets, exactly.
    public var name: Located<String>

    public init(target: Located<String>, name: Located<String>) {
        self.target = target
        self.name = name
    }
}

/// A name the user chose for a member of a schema: a property (by its JSON name) or an enum case (by its value).
public struct MemberNameOverride: Sendable, Hashable {
    /// The schema, as in ``NameOverride/target``.
    public var target: Located<String>
    /// The property's JSON name, or the enum value, as the description writes it.
    public var member: Located<String>
    /// The Swift name it gets, exactly.
    public var name: Located<String>

    public init(target: Located<String>, member: Located<String>, name: Located<String>) {
        self.target = target
        self.member = member
        self.name = name
    }
}

/// The names the user chose: each is given exactly (a clash with another name is an error), and the generated
/// names around it make way.
public struct NamingOverrides: Sendable, Hashable {
    /// Generated types: schemas, APIs, response enums.
    public var types: [NameOverride]
    /// Operations by `operationId` (`GET /pets` for one without): the throwing method's name, from which the
    /// `…Response` method and enum are named.
    public var operations: [NameOverride]
    public var properties: [MemberNameOverride]
    public var enumCases: [MemberNameOverride]

    public init(
        types: [NameOverride] = [], operations: [NameOverride] = [], properties: [MemberNameOverride] = [],
        enumCases: [MemberNameOverride] = []
    ) {
        self.types = types
        self.operations = operations
        self.properties = properties
        self.enumCases = enumCases
    }

    public var isEmpty: Bool {
        types.isEmpty && operations.isEmpty && properties.isEmpty && enumCases.isEmpty
    }
}

/// A schema replaced by a type of the user's: the schema is not generated, and every use of it is written as
/// ``type``, which must be `Codable`, `Hashable` and `Sendable` and visible to the generated code.
public struct TypeOverride: Sendable, Hashable {
    /// The schema, as in ``NameOverride/target``.
    public var target: Located<String>
    /// The Swift type, as written in code (`Decimal`, `Money`).
    public var type: Located<String>

    public init(target: Located<String>, type: Located<String>) {
        self.target = target
        self.type = type
    }
}
