/// Deprecation that follows from use (``Deprecation/uses(_:)``).
///
/// Swift warns about a deprecated declaration used anywhere but inside another deprecated one, so whatever names
/// a deprecated type is deprecated too: an alias of it, a struct whose additional properties are of it, a
/// property or a union case of it, and an operation that sends or receives it. Users are warned where they touch
/// what the description deprecates, and the generated package builds without a warning.
extension ModelTranslator {
    func deprecateUses(in apis: inout [APIDefinition]) {
        // Types that name a deprecated type as a whole first: aliases of aliases, in chains as long as the
        // description makes them, so each type is walked from once.
        var names: [TypeID: TypeID] = [:]
        for (id, definition) in definitions where definition.deprecation == nil {
            switch definition.kind {
            case .alias(let target): names[id] = namedType(in: target)
            case .structure(let structure):
                names[id] = structure.additionalProperties.flatMap { namedType(in: $0.valueType) }
            case .enumeration, .union: continue
            }
        }
        var settled: Set<TypeID> = []
        for start in names.keys.sorted() where !settled.contains(start) {
            // Along the chain to a deprecated type, a type settled before, one that names none, or round.
            var path: [TypeID] = []
            var onPath: Set<TypeID> = []
            var current = start
            while definitions[current]?.deprecation == nil, !settled.contains(current), onPath.insert(current).inserted,
                let next = names[current]
            {
                path.append(current)
                current = next
            }
            settled.formUnion(onPath)
            guard definitions[current]?.deprecation != nil else { continue }
            // Each type on the way uses the one it names.
            for (index, id) in path.enumerated() {
                definitions[id]?.deprecation = .uses(index + 1 < path.count ? path[index + 1] : current)
            }
        }
        for (id, definition) in definitions {
            switch definition.kind {
            case .structure(var structure):
                for index in structure.properties.indices where structure.properties[index].deprecation == nil {
                    structure.properties[index].deprecation = deprecatedType(in: structure.properties[index].type)
                        .map(Deprecation.uses)
                }
                definitions[id]?.kind = .structure(structure)
            case .union(var union):
                for index in union.cases.indices {
                    union.cases[index].deprecation = deprecatedType(in: union.cases[index].type).map(Deprecation.uses)
                }
                definitions[id]?.kind = .union(union)
            case .alias, .enumeration:
                continue
            }
        }
        for api in apis.indices {
            for index in apis[api].operations.indices where apis[api].operations[index].deprecation == nil {
                let operation = apis[api].operations[index]
                let types =
                    operation.parameters.map(\.type)
                    + operation.responses.flatMap { response -> [SwiftType] in
                        var types = response.headers.map(\.type)
                        switch response.body {
                        case .json(let type), .stream(_, .some(let type)): types.append(type)
                        case .text, .binary, .byteStream, .stream(_, nil), nil: break
                        }
                        return types
                    }
                apis[api].operations[index].deprecation = types.lazy.compactMap(deprecatedType).first
                    .map(Deprecation.uses)
            }
        }
    }

    /// The type `type` names, through arrays, dictionaries and optionals.
    func namedType(in type: SwiftType) -> TypeID? {
        switch type {
        case .named(let id): id
        case .array(let element), .dictionary(let element), .optional(let element): namedType(in: element)
        default: nil
        }
    }

    /// The first deprecated type `type` names, through arrays, dictionaries and optionals.
    func deprecatedType(in type: SwiftType) -> TypeID? {
        switch type {
        case .named(let id): definitions[id]?.deprecation == nil ? nil : id
        case .array(let element), .dictionary(let element), .optional(let element): deprecatedType(in: element)
        default: nil
        }
    }
}
