/// What a declaration says apart from which one it is, so that two inline schemas written the same way in two
/// places can share one declaration (``ModelTranslator`` makes the later ones aliases of the first).
extension TypeDefinition {
    /// The declaration without its identity, names, documentation and source, and with the identities and
    /// qualified names of the types it declares made relative to its own: two types with equal keys declare the
    /// same members, doc comments included, and differ only in their names. Types it refers to outside itself
    /// keep their identities.
    var contentKey: TypeDefinition {
        let root = id.rawValue
        var key = mappingTypeIDs { id in
            Self.path(of: id, inside: root).map { TypeID("~" + String(decoding: $0, as: UTF8.self)) } ?? id
        }
        key.name = ""
        key.qualifiedName = "~"
        key.documentation = Documentation()
        key.source = ""
        let prefix = qualifiedName + "."
        func relativeNames(_ nested: TypeDefinition) -> TypeDefinition {
            var nested = nested
            if nested.qualifiedName.hasPrefix(prefix) {
                nested.qualifiedName =
                    "~." + String(decoding: nested.qualifiedName.utf8.dropFirst(prefix.utf8.count), as: UTF8.self)
            }
            nested.nestedTypes = nested.nestedTypes.map(relativeNames)
            return nested
        }
        key.nestedTypes = key.nestedTypes.map(relativeNames)
        return key
    }

    /// Where `id` is inside the declaration whose identity is `root`, as the UTF-8 of its path after `root`
    /// (empty for the declaration itself, `/properties/status` for a type inside it); `nil` for an identity outside
    /// it. Content keys write such an identity relative to the declaration's (`~`, `~/properties/status`). The
    /// prefix is dropped by its UTF-8 length: dropped by characters, it was a walk over every character of it, for
    /// every identity of every declaration (Stripe: 88 M instructions).
    static func path(of id: TypeID, inside root: String) -> Substring.UTF8View? {
        guard id.rawValue.hasPrefix(root) else { return nil }
        let rest = id.rawValue.utf8.dropFirst(root.utf8.count)
        return rest.isEmpty || rest.first == UInt8(ascii: "/") ? rest : nil
    }

    /// A hash of what the content key keeps of the declaration's members: their names, and the types they refer to
    /// outside it (those inside it, which the key rewrites, count alike), made without the key. Equal content keys
    /// have equal hashes, so declarations that may be written the same way are found by it, and told apart by their
    /// content keys.
    var memberHash: Int {
        let root = id.rawValue
        var hasher = Hasher()
        func combine(_ type: SwiftType) {
            switch type {
            case .named(let id):
                if Self.path(of: id, inside: root) == nil {
                    hasher.combine(1)
                    hasher.combine(id)
                } else {
                    hasher.combine(0)
                }
            case .array(let element):
                hasher.combine(2)
                combine(element)
            case .dictionary(let value):
                hasher.combine(3)
                combine(value)
            case .optional(let wrapped):
                hasher.combine(4)
                combine(wrapped)
            default:
                hasher.combine(type)
            }
        }
        switch kind {
        case .structure(let structure):
            hasher.combine(0)
            hasher.combine(structure.properties.count)
            for property in structure.properties {
                hasher.combine(property.swiftName)
                hasher.combine(property.jsonKey)
                combine(property.type)
            }
        case .enumeration(let enumeration):
            hasher.combine(1)
            hasher.combine(enumeration.cases.count)
            for enumCase in enumeration.cases { hasher.combine(enumCase.rawValue) }
        case .alias:
            hasher.combine(2)
        case .union(let union):
            hasher.combine(3)
            hasher.combine(union.cases.count)
            for unionCase in union.cases {
                hasher.combine(unionCase.swiftName)
                combine(unionCase.type)
            }
        }
        hasher.combine(nestedTypes.count)
        for nested in nestedTypes { hasher.combine(nested.name) }
        return hasher.finalize()
    }

    /// The declaration with every identity in it, its own and those it refers to, replaced by `transform`'s.
    func mappingTypeIDs(_ transform: (TypeID) -> TypeID) -> TypeDefinition {
        var definition = self
        definition.id = transform(id)
        definition.deprecation = deprecation?.mappingTypeIDs(transform)
        switch kind {
        case .structure(var structure):
            structure.properties = structure.properties.map { property in
                var property = property
                property.type = property.type.mappingTypeIDs(transform)
                property.deprecation = property.deprecation?.mappingTypeIDs(transform)
                return property
            }
            if let valueType = structure.additionalProperties?.valueType {
                structure.additionalProperties?.valueType = valueType.mappingTypeIDs(transform)
            }
            if let elementType = structure.additionalItems?.elementType {
                structure.additionalItems?.elementType = elementType.mappingTypeIDs(transform)
            }
            definition.kind = .structure(structure)
        case .enumeration:
            break
        case .alias(let target):
            definition.kind = .alias(target.mappingTypeIDs(transform))
        case .union(var union):
            union.cases = union.cases.map { unionCase in
                var unionCase = unionCase
                unionCase.type = unionCase.type.mappingTypeIDs(transform)
                unionCase.deprecation = unionCase.deprecation?.mappingTypeIDs(transform)
                return unionCase
            }
            definition.kind = .union(union)
        }
        definition.nestedTypes = nestedTypes.map { $0.mappingTypeIDs(transform) }
        return definition
    }
}

extension SwiftType {
    /// The type with the identities of the generated types in it replaced by `transform`'s.
    func mappingTypeIDs(_ transform: (TypeID) -> TypeID) -> SwiftType {
        switch self {
        case .named(let id): .named(transform(id))
        case .array(let element): .array(element.mappingTypeIDs(transform))
        case .dictionary(let value): .dictionary(value.mappingTypeIDs(transform))
        case .optional(let wrapped): .optional(wrapped.mappingTypeIDs(transform))
        default: self
        }
    }
}

extension Deprecation {
    func mappingTypeIDs(_ transform: (TypeID) -> TypeID) -> Deprecation {
        switch self {
        case .uses(let id): .uses(transform(id))
        case .marked: .marked
        }
    }
}
