/// Structs that contain themselves.
///
/// A Swift struct cannot store a value of its own type, directly or through other structs (`Pet.parent: Pet?`,
/// `A.b: B?` with `B.a: A?`); arrays and dictionaries are fine, their elements live on the heap. The properties
/// on such cycles are stored boxed (`Indirect`), found as the edges inside the strongly connected components of
/// the "stores a value of" graph.
extension ModelTranslator {
    func boxRecursiveProperties() {
        var edges: [String: Set<String>] = [:]
        func collect(_ definition: TypeDefinition) {
            guard case .structure(let structure) = definition else { return }
            edges[structure.qualifiedName] = Set(structure.properties.compactMap { storedStruct(in: $0.type) })
            structure.nestedTypes.forEach(collect)
        }
        types.forEach(collect)
        let components = StronglyConnectedComponents(edges: edges).components
        var component: [String: Int] = [:]
        for (index, members) in components.enumerated() {
            for member in members { component[member] = index }
        }
        func box(_ definition: TypeDefinition) -> TypeDefinition {
            guard case .structure(var structure) = definition else { return definition }
            let names = Set(structure.properties.map(\.swiftName))
            for index in structure.properties.indices {
                let property = structure.properties[index]
                guard let target = storedStruct(in: property.type),
                    let own = component[structure.qualifiedName], component[target] == own,
                    target == structure.qualifiedName || components[own].count > 1
                else { continue }
                var storage = "_" + property.swiftName
                while names.contains(storage) { storage += "Storage" }
                structure.properties[index].indirectStorageName = storage
            }
            structure.nestedTypes = structure.nestedTypes.map(box)
            return .structure(structure)
        }
        types = types.map(box)
        for definition in types { index(definition) }
    }

    /// The struct a value of `type` stores inline (through optionals and aliases, not arrays or dictionaries).
    func storedStruct(in type: SwiftType) -> String? {
        var current = type
        var seen: Set<String> = []
        while true {
            switch current {
            case .optional(let wrapped):
                current = wrapped
            case .named(let name):
                guard seen.insert(name).inserted else { return nil }
                switch definition(named: name) {
                case .structure: return name
                case .alias(let alias): current = alias.target
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
struct StronglyConnectedComponents {
    private(set) var components: [[String]] = []

    init(edges: [String: Set<String>]) {
        var index: [String: Int] = [:]
        var lowLink: [String: Int] = [:]
        var onStack: Set<String> = []
        var stack: [String] = []
        var counter = 0
        for root in edges.keys.sorted() where index[root] == nil {
            // Each frame: a node and the successors still to visit.
            var frames: [(node: String, successors: [String])] = []
            func enter(_ node: String) {
                index[node] = counter
                lowLink[node] = counter
                counter += 1
                stack.append(node)
                onStack.insert(node)
                frames.append((node, (edges[node] ?? []).sorted()))
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
                    var component: [String] = []
                    while let member = stack.popLast() {
                        onStack.remove(member)
                        component.append(member)
                        if member == frame.node { break }
                    }
                    components.append(component.sorted())
                }
            }
        }
    }
}
