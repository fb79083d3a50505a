/// Deprecation that follows from use (``Deprecation/uses(_:)``).
///
/// Swift warns about a deprecated declaration used anywhere but inside another deprecated one, so whatever names
/// a deprecated type is deprecated too: an alias of it, a struct whose additional properties are of it, a
/// property or a union case of it, and an operation that sends or receives it. Users are warned where they touch
/// what the description deprecates, and the generated package builds without a warning.
extension ModelTranslator {
    /// What deprecation follows from use: found from the declarations and `apis` alone (``deprecatedUses(in:)``),
    /// then set (``deprecate(_:in:)``), so that it can be found while ``boxes(in:)`` reads the same declarations.
    /// Only what changes is listed: setting the rest would copy every struct's properties and the table of
    /// declarations itself, which the thread finding the boxes still holds (Stripe: 4 MB).
    struct DeprecatedUses {
        /// The types that name a deprecated type as a whole (aliases, additional properties).
        var types: [TypeID: Deprecation] = [:]
        /// The properties of a deprecated type, by struct and property position.
        var properties: [TypeID: [Int: Deprecation]] = [:]
        /// The union cases whose deprecation changes, by union and case position.
        var cases: [TypeID: [Int: Deprecation?]] = [:]
        /// The operations that send or receive a deprecated type, by API and operation position.
        var operations: [Int: [Int: Deprecation]] = [:]

        /// The deprecation of `id` once these are set.
        func deprecation(of id: TypeID, in definitions: [TypeID: TypeDefinition]) -> Deprecation? {
            types[id] ?? definitions[id]?.deprecation
        }
    }

    /// What deprecation follows from use, in the declarations and in `apis`.
    func deprecatedUses(in apis: [APIDefinition]) -> DeprecatedUses {
        var uses = DeprecatedUses()
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
            while uses.deprecation(of: current, in: definitions) == nil, !settled.contains(current),
                onPath.insert(current).inserted, let next = names[current]
            {
                path.append(current)
                current = next
            }
            settled.formUnion(onPath)
            guard uses.deprecation(of: current, in: definitions) != nil else { continue }
            // Each type on the way uses the one it names.
            for (index, id) in path.enumerated() {
                uses.types[id] = .uses(index + 1 < path.count ? path[index + 1] : current)
            }
        }
        func deprecatedType(in type: SwiftType) -> TypeID? {
            self.deprecatedType(in: type) { uses.deprecation(of: $0, in: definitions) }
        }
        for (id, definition) in definitions {
            switch definition.kind {
            case .structure(let structure):
                for (index, property) in structure.properties.enumerated() where property.deprecation == nil {
                    guard let used = deprecatedType(in: property.type) else { continue }
                    uses.properties[id, default: [:]][index] = .uses(used)
                }
            case .union(let union):
                for (index, unionCase) in union.cases.enumerated() {
                    let deprecation = deprecatedType(in: unionCase.type).map(Deprecation.uses)
                    if deprecation != unionCase.deprecation { uses.cases[id, default: [:]][index] = deprecation }
                }
            case .alias, .enumeration:
                continue
            }
        }
        for (api, definition) in apis.enumerated() {
            for (index, operation) in definition.operations.enumerated() where operation.deprecation == nil {
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
                guard let used = types.lazy.compactMap(deprecatedType).first else { continue }
                uses.operations[api, default: [:]][index] = .uses(used)
            }
        }
        return uses
    }

    /// Sets the deprecation `uses` lists, in the declarations and in `apis`.
    func deprecate(_ uses: DeprecatedUses, in apis: inout [APIDefinition]) {
        for (id, deprecation) in uses.types { definitions[id]?.deprecation = deprecation }
        for (id, properties) in uses.properties {
            guard case .structure(var structure) = definitions[id]?.kind else { continue }
            for (index, deprecation) in properties { structure.properties[index].deprecation = deprecation }
            definitions[id]?.kind = .structure(structure)
        }
        for (id, cases) in uses.cases {
            guard case .union(var union) = definitions[id]?.kind else { continue }
            for (index, deprecation) in cases { union.cases[index].deprecation = deprecation }
            definitions[id]?.kind = .union(union)
        }
        for (api, operations) in uses.operations {
            for (index, deprecation) in operations { apis[api].operations[index].deprecation = deprecation }
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

    /// The first deprecated type `type` names, through arrays, dictionaries and optionals, where `deprecation`
    /// tells how a type is deprecated.
    func deprecatedType(in type: SwiftType, deprecation: (TypeID) -> Deprecation?) -> TypeID? {
        switch type {
        case .named(let id): deprecation(id) == nil ? nil : id
        case .array(let element), .dictionary(let element), .optional(let element):
            deprecatedType(in: element, deprecation: deprecation)
        default: nil
        }
    }
}
