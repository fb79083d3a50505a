/// Structs and unions that store other structs and unions.
///
/// A Swift struct or enum cannot store a value of its own type, directly or through other structs and enums
/// (`Pet.parent: Pet?`, `A.b: B?` with `B.a: A?`, Stripe's `PaymentIntent.review: Review | String` with
/// `Review.paymentIntent: PaymentIntent | String`); arrays and dictionaries are fine, their elements live on the
/// heap. A union on such a cycle becomes an `indirect enum`, which boxes its payloads.
///
/// A struct stores every struct or (not indirect) union it holds boxed (`Indirect`), on a cycle or not. Stored
/// inline, a struct's copy, assignment and destruction copy every field of every struct inside it, and the
/// compiler writes that code out for each type: on GitHub's description those value witnesses were more than half
/// of the models' LLVM instructions (5.5 M of them; 2.5 M boxed), and the debug build of the client took 235 s of CPU
/// instead of 372 s. A boxed member is a reference (copying it is a retain), read and written through a computed
/// property of the same name and type; values are never shared mutably (a new box is made on every set).
extension ModelTranslator {
    /// What is boxed (``boxes(in:)``, then ``box(_:)``): the unions that become indirect, and the storage names of
    /// the properties that store a struct or union boxed, by struct and property position.
    struct Boxes: Sendable {
        var indirectUnions: Set<TypeID> = []
        var storageNames: [TypeID: [Int: String]] = [:]
    }

    /// What to box among `definitions`: found from the declarations alone, on any thread, so that it can be found
    /// while ``deprecateUses(in:)`` changes them (neither reads what the other changes).
    static func boxes(in definitions: [TypeID: TypeDefinition]) -> Boxes {
        let declarations = Declarations(definitions: definitions)
        var boxes = Boxes()
        // Unions first: one indirect enum breaks every cycle through it.
        let all = declarations.storageGraph(indirectUnions: [])
        // Which unions are on a cycle does not depend on the order the graph is walked in.
        for members in StronglyConnectedComponents(edges: all, inOrder: false).components {
            for id in members where members.count > 1 || all[id]?.contains(id) == true {
                guard case .union = definitions[id]?.kind else { continue }
                boxes.indirectUnions.insert(id)
            }
        }
        for (id, definition) in definitions {
            guard case .structure(let structure) = definition.kind else { continue }
            let names = Set(structure.properties.map(\.swiftName))
            for index in structure.properties.indices
            where declarations.storedValue(in: structure.properties[index].type, indirectUnions: boxes.indirectUnions)
                != nil
            {
                var storage = "_" + structure.properties[index].swiftName
                while names.contains(storage) { storage += "Storage" }
                boxes.storageNames[id, default: [:]][index] = storage
            }
        }
        return boxes
    }

    /// Makes the unions and properties `boxes` lists indirect.
    func box(_ boxes: Boxes) {
        for id in boxes.indirectUnions {
            guard case .union(var union) = definitions[id]?.kind else { continue }
            union.isIndirect = true
            definitions[id]?.kind = .union(union)
        }
        for (id, storageNames) in boxes.storageNames {
            guard case .structure(var structure) = definitions[id]?.kind else { continue }
            for (index, storage) in storageNames { structure.properties[index].indirectStorageName = storage }
            definitions[id]?.kind = .structure(structure)
        }
    }

    /// Drops the choices (``PropertyDefinition/isFlattened``) through which a struct would be read from its own
    /// JSON object again: `First: allOf [$ref: Choice, …]` with `Choice: oneOf [$ref: First, …]`. Reading such a
    /// value never ends (the same object, the same schema), so a hostile payload could exhaust the stack. It is the
    /// common "parent lists its children, children extend the parent" pattern: the choice is the parent's, and the
    /// child has the other members (a note, not a warning). Cycles are found in the graph of "read from the same object":
    /// a struct to its choices, a union to its cases.
    func dropChoicesOfThemselves() {
        // Only declarations with an edge: one without is on no cycle, and leaving it out changes neither the cycles
        // nor the order they are found in (the graph is walked in identity order), while most structs have no
        // choices and sorting every identity was most of this step.
        var edges: [TypeID: Set<TypeID>] = [:]
        for (id, definition) in definitions {
            let targets: Set<TypeID>
            switch definition.kind {
            case .structure(let structure):
                guard structure.properties.contains(where: \.isFlattened) else { continue }
                targets = Set(
                    structure.properties.filter(\.isFlattened).compactMap {
                        storedValue(in: $0.type, indirectUnions: [])
                    })
            case .union(let union):
                targets = Set(union.cases.compactMap { storedValue(in: $0.type, indirectUnions: []) })
            default:
                continue
            }
            if !targets.isEmpty { edges[id] = targets }
        }
        // The parents given their descendants (always a union, reached by reference).
        let parentTypes = Set(parentsListingDescendants.map(Self.typeID(of:)))
        for members in StronglyConnectedComponents(edges: edges).components {
            let cycle = Set(members)
            for id in members where members.count > 1 || edges[id]?.contains(id) == true {
                guard case .structure(var structure) = definitions[id]?.kind else { continue }
                let dropped = structure.properties.filter {
                    $0.isFlattened && storedValue(in: $0.type, indirectUnions: []).map(cycle.contains) == true
                }
                guard !dropped.isEmpty else { continue }
                structure.properties.removeAll { property in dropped.contains { $0.swiftName == property.swiftName } }
                definitions[id]?.kind = .structure(structure)
                let name = preferredNames[id] ?? id.rawValue
                for property in dropped {
                    guard let union = storedValue(in: property.type, indirectUnions: []) else { continue }
                    // A union declared in the struct for this choice alone goes with it.
                    if children[id]?.contains(union) == true {
                        children[id]?.removeAll { $0 == union }
                        definitions[union] = nil
                    }
                    // A parent's descendants: the description wrote no choice to drop.
                    if parentTypes.contains(union) { continue }
                    note(
                        choiceLocations[id]?[property.swiftName] ?? document.location,
                        "'\(name)' takes this oneOf/anyOf from its allOf parts, and '\(name)' is among its "
                            + "alternatives: read as the choice of its parent, '\(name)' has the other members only")
                }
            }
        }
    }

    /// The struct or (not indirect) union a value of `type` stores inline, through optionals and aliases, not
    /// arrays or dictionaries.
    func storedValue(in type: SwiftType, indirectUnions: Set<TypeID>) -> TypeID? {
        Declarations(definitions: definitions).storedValue(in: type, indirectUnions: indirectUnions)
    }
}

/// The declarations as they stand, for walks that only read them (on any thread).
struct Declarations: Sendable {
    let definitions: [TypeID: TypeDefinition]

    /// Which struct or union stores a value of which, inline: a struct through its properties, a union that is
    /// not indirect through its cases. Declarations that store none are left out: they are on no cycle (most
    /// structs hold only scalars, arrays and dictionaries).
    func storageGraph(indirectUnions: Set<TypeID>) -> [TypeID: Set<TypeID>] {
        var edges: [TypeID: Set<TypeID>] = [:]
        for (id, definition) in definitions {
            let targets: [TypeID]
            switch definition.kind {
            case .structure(let structure):
                targets = structure.properties.compactMap { storedValue(in: $0.type, indirectUnions: indirectUnions) }
            case .union(let union) where !indirectUnions.contains(id):
                targets = union.cases.compactMap { storedValue(in: $0.type, indirectUnions: indirectUnions) }
            default:
                continue
            }
            if !targets.isEmpty { edges[id] = Set(targets) }
        }
        return edges
    }

    /// The struct or (not indirect) union a value of `type` stores inline, through optionals and aliases, not
    /// arrays or dictionaries.
    func storedValue(in type: SwiftType, indirectUnions: Set<TypeID>) -> TypeID? {
        var current = type
        // Only aliases lead on, so only a cycle of aliases could go on for ever: more aliases than declarations is
        // one. (A set of the identities seen was an allocation per property, and this runs for every property.)
        var aliases = 0
        while true {
            switch current {
            case .optional(let wrapped):
                current = wrapped
            case .named(let id):
                switch definitions[id]?.kind {
                case .structure: return id
                case .union: return indirectUnions.contains(id) ? nil : id
                case .alias(let target):
                    aliases += 1
                    guard aliases <= definitions.count else { return nil }
                    current = target
                case .enumeration, nil: return nil
                }
            default:
                return nil
            }
        }
    }
}

/// Tarjan's algorithm: the strongly connected components of a directed graph, iteratively (no deep recursion on
/// long chains).
struct StronglyConnectedComponents<Node: Hashable & Comparable> {
    private(set) var components: [[Node]] = []

    /// - Parameter inOrder: whether nodes are visited, and components and their members listed, in `Node` order, or
    ///   in whatever order the dictionary and sets give (the same components, found without sorting: sorting long
    ///   identities was most of finding what to box in Stripe's description).
    init(edges: [Node: Set<Node>], inOrder: Bool = true) {
        var index: [Node: Int] = [:]
        var lowLink: [Node: Int] = [:]
        var onStack: Set<Node> = []
        var stack: [Node] = []
        var counter = 0
        for root in inOrder ? edges.keys.sorted() : Array(edges.keys) where index[root] == nil {
            // Each frame: a node and the successors still to visit.
            var frames: [(node: Node, successors: [Node])] = []
            func enter(_ node: Node) {
                index[node] = counter
                lowLink[node] = counter
                counter += 1
                stack.append(node)
                onStack.insert(node)
                let successors = edges[node] ?? []
                frames.append((node, inOrder ? successors.sorted() : Array(successors)))
            }
            enter(root)
            while let frame = frames.last {
                if let next = frame.successors.first {
                    frames[frames.count - 1].successors.removeFirst()
                    if index[next] == nil {
                        enter(next)
                    } else if onStack.contains(next) {
                        lowLink[frame.node] = min(lowLink[frame.node] ?? 0, index[next] ?? 0)
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last {
                    lowLink[parent.node] = min(lowLink[parent.node] ?? 0, lowLink[frame.node] ?? 0)
                }
                if lowLink[frame.node] == index[frame.node] {
                    var component: [Node] = []
                    while let member = stack.popLast() {
                        onStack.remove(member)
                        component.append(member)
                        if member == frame.node { break }
                    }
                    components.append(inOrder ? component.sorted() : component)
                }
            }
        }
    }
}
