/// What a declaration says apart from which one it is, so that two inline schemas written the same way in two
/// places can share one declaration (``ModelTranslator`` makes the later ones aliases of the first).
extension TypeDefinition {
    /// The declaration without its identity, names, documentation and source, and with the identities and
    /// qualified names of the types it declares made relative to its own: two types with equal keys declare the
    /// same members, doc comments included, and differ only in their names. Types it refers to outside itself
    /// keep their identities.
    var contentKey: TypeDefinition {
        // The prefix is dropped by its UTF-8 length: dropped by characters, it was a walk over every character of
        // it, for every identity of every declaration (Stripe: 88 M instructions).
        let root = id.rawValue
        let inside = root + "/"
        var key = mappingTypeIDs { id in
            if id.rawValue == root { return TypeID("~") }
            guard id.rawValue.hasPrefix(inside) else { return id }
            return TypeID("~" + String(decoding: id.rawValue.utf8.dropFirst(root.utf8.count), as: UTF8.self))
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
