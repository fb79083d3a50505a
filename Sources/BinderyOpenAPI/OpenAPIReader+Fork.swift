import BinderyYAML

/// Reading on two threads.
///
/// Reading is a fifth of a generation's time and used one core. Now the later paths of a large description are read
/// by a copy of the reader (a fork) on another thread, while the reader reads the component schemas, the entries
/// before `paths` and the earlier paths. The fork cannot see what the reader does meanwhile, so joining it checks
/// everything through which that could have changed what the fork read:
///
/// - a schema both read (the reader would have found it read, and not read it again, nor warned about it again);
/// - a warning or note given once per description that both gave;
/// - a path item both read through a `$ref` (read once, its warnings given once);
/// - the nodes both visited, over the allowance (the reader would have stopped in the later paths);
/// - a file the reader loaded meanwhile (it changes the allowance while the paths are read). The copy's loader (each
///   thread has its own, so that neither waits for the other) loads no file: one it needs fails the copy at once, so
///   that no file is read, and no remote document fetched, twice or from two threads.
///
/// Then, or when the fork failed, the reader reads the later paths again itself, as it always did. Otherwise it takes
/// over the fork's schemas, warnings, notes and counts, in the order it would have made them.
extension OpenAPIReader {
    /// Where the paths are divided between the threads: the earlier ones with the component schemas (read first) on
    /// one side, the later ones on the other, about as many nodes on each. `nil` when there is too little to read for
    /// a second thread to pay off, or the paths are not a mapping (their error is reported where it always was).
    struct PathsSplit {
        /// The position of `paths` among the root's entries.
        let pathsIndex: Int
        let earlier: Slice<YAMLNode.Pairs>
        let later: Slice<YAMLNode.Pairs>

        /// Fewer nodes than this are read on one thread: starting one costs more than it saves.
        static let minimumNodes = 20_000

        init?(root: YAMLNode, minimumNodes: Int = minimumNodes) {
            let pairs = root.pairs
            guard let pathsIndex = pairs.firstIndex(where: { $0.key.scalarEquals("paths") }) else { return nil }
            let paths = pairs[pathsIndex].value
            guard paths.kind == .mapping, paths.count > 1 else { return nil }
            let rootEnd = root.document.nodeCount
            let pathSizes = Self.sizes(of: paths.pairs, end: Self.end(of: pathsIndex, in: pairs, end: rootEnd))
            var schemaNodes = 0
            if let componentsIndex = pairs.firstIndex(where: { $0.key.scalarEquals("components") }) {
                let components = pairs[componentsIndex].value
                let componentPairs = components.pairs
                if let schemasIndex = componentPairs.firstIndex(where: { $0.key.scalarEquals("schemas") }) {
                    let componentsEnd = Self.end(of: componentsIndex, in: pairs, end: rootEnd)
                    schemaNodes = max(
                        0,
                        Self.end(of: schemasIndex, in: componentPairs, end: componentsEnd)
                            - componentPairs[schemasIndex].key.ordinal)
                }
            }
            let pathNodes = pathSizes.reduce(0, +)
            guard schemaNodes + pathNodes >= minimumNodes else { return nil }
            // The first path that puts the earlier side at or past half.
            var earlierNodes = schemaNodes
            var index = 0
            while index < pathSizes.count, 2 * earlierNodes < schemaNodes + pathNodes {
                earlierNodes += pathSizes[index]
                index += 1
            }
            guard index < pathSizes.count else { return nil }
            self.pathsIndex = pathsIndex
            self.earlier = paths.pairs[..<index]
            self.later = paths.pairs[index...]
        }

        /// The number of nodes of each entry of `pairs`, whose last entry ends before the node numbered `end`.
        static func sizes(of pairs: YAMLNode.Pairs, end: Int) -> [Int] {
            // Aliases and merge keys can make the difference small or negative: the sizes only balance the threads.
            pairs.indices.map { index in max(0, Self.end(of: index, in: pairs, end: end) - pairs[index].key.ordinal) }
        }

        /// Where the entry at `index` of `pairs` ends: where the next one starts, or for the last, `end`.
        static func end(of index: Int, in pairs: YAMLNode.Pairs, end: Int) -> Int {
            index + 1 < pairs.count ? pairs[index + 1].key.ordinal : end
        }
    }

    /// What a fork starts from: what joining it compares with.
    struct ForkPoint {
        let schemaCount: Int
        let topics: Set<String>
        let nodesRead: Int
        let pathItems: Set<YAMLNode>
        let loadedNodes: Int

        init(of reader: OpenAPIReader) {
            schemaCount = reader.schemas.ids.count
            topics = reader.warnedTopics
            nodesRead = reader.nodesRead
            pathItems = Set(reader.referencedPathItems.keys)
            loadedNodes = reader.loader.totalNodeCount
        }
    }

    /// A reader in this one's state, with no warnings or notes yet, and a loader of its own in its loader's state;
    /// it keeps the state it started from (``forkedAt``).
    func fork() -> OpenAPIReader {
        let fork = OpenAPIReader(loader: loader.fork())
        fork.forkedAt = ForkPoint(of: self)
        fork.version = version
        fork.schemas = schemas
        fork.warnedTopics = warnedTopics
        fork.referencedPathItems = referencedPathItems
        fork.nodesRead = nodesRead
        fork.readsExamples = readsExamples
        return fork
    }

    /// The path items `fork` read from `entries` (its outcome `read`), when they are what this reader would read
    /// from them now, with the fork's schemas, warnings, notes and counts taken over; otherwise `entries` read again
    /// here.
    func join(
        _ fork: OpenAPIReader, read: Result<[PathItem], Diagnostic>, rereading entries: Slice<YAMLNode.Pairs>
    ) throws(Diagnostic) -> [PathItem] {
        guard case .success(let items) = read, let point = fork.forkedAt else { return try reread(entries) }
        let topics = fork.warnedTopics.subtracting(point.topics)
        let pathItems = fork.referencedPathItems.filter { !point.pathItems.contains($0.key) }
        let nodes = fork.nodesRead - point.nodesRead
        let isSame =
            topics.isDisjoint(with: warnedTopics)
            && pathItems.keys.allSatisfy { referencedPathItems[$0] == nil }
            && nodesRead + nodes <= nodeAllowance
            && loader.totalNodeCount == point.loadedNodes
            && schemas.append(fork.schemas, addedAfter: point.schemaCount)
        guard isSame else { return try reread(entries) }
        warnings += fork.warnings
        notes += fork.notes
        warnedTopics.formUnion(topics)
        referencedPathItems.merge(pathItems) { current, _ in current }
        nodesRead += nodes
        forkOutcome = .joined
        return items
    }

    /// How the later paths were read, for tests.
    enum ForkOutcome {
        /// What the fork read was taken over.
        case joined
        /// The reader read them again.
        case reread
    }

    private func reread(_ entries: Slice<YAMLNode.Pairs>) throws(Diagnostic) -> [PathItem] {
        forkOutcome = .reread
        return try readPathEntries(entries)
    }
}
