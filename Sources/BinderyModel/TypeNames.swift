/// The names ``TypeNamer`` gave the generated types, by identity: how a ``SwiftType`` is written, and which
/// top-level type declares a nested one (for links in the docs).
public struct TypeNames: Sendable {
    /// The name from the module's top level (`Pet.Status`), by identity.
    public private(set) var qualifiedNames: [TypeID: String] = [:]
    /// The top-level type each type is declared in (itself for top-level types).
    public private(set) var topLevel: [TypeID: TypeID] = [:]

    public init() {}

    /// Records the names of `types` and their nested types, declared at the top level.
    public init(types: [TypeDefinition]) {
        func add(_ definition: TypeDefinition, top: TypeID) {
            qualifiedNames[definition.id] = definition.qualifiedName
            topLevel[definition.id] = top
            for nested in definition.nestedTypes { add(nested, top: top) }
        }
        for definition in types { add(definition, top: definition.id) }
    }

    /// `type` as written in Swift source.
    public func code(_ type: SwiftType) -> String {
        switch type {
        case .named(let id): qualifiedNames[id] ?? "JSONValue"
        case .array(let element): "[\(code(element))]"
        case .dictionary(let value): "[String: \(code(value))]"
        case .optional(let wrapped): "\(code(wrapped))?"
        default: type.builtinName ?? "JSONValue"
        }
    }
}
