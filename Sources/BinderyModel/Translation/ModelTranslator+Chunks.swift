import BinderyCore
import BinderyOpenAPI

/// The component schemas and the operations, translated on every core, with the output of one translator.
///
/// In order, the translation is: the component schemas in table order, alias cycles broken, then the operations, API
/// by API. Both lists are cut into contiguous chunks. Each chunk is translated by a translator of its own, which
/// carries on from where this one is before any chunk (``State``), and the chunks are merged here in order, each as
/// soon as it and those before it are done. A chunk translated apart gives what it gives in order unless it depends
/// on the chunks before it, which its ``Journal`` tells:
///
/// - it declared a type at an identity an earlier chunk declared (in order, the later one gets `~2`);
/// - it looked up the declaration or the preferred name of a type, and found none, where an earlier chunk made one
///   (a property's default value that names an earlier schema's enum case);
/// - one of its operations took a method name that an earlier operation of the same API, in an earlier chunk,
///   took (in order, the later one gets `2`);
/// - it failed: the error in order may be an earlier one.
///
/// Such a chunk is translated again, here, in order, after the chunks before it. Nothing else a translator keeps
/// changes what a chunk gives: the caches of ``kinds(of:)``, ``isStructShaped(_:reference:)`` and ``shape(of:describesItems:)`` hold what the
/// document says, and warnings given once are merged once.
extension ModelTranslator {
    /// What a translator keeps, handed to the translators of chunks and back.
    struct State: Sendable {
        let document: OpenAPIDocument
        let parentsListingDescendants: Set<SchemaID>
        let parentLocations: Set<SourceLocation>
        let options: Options
        var namer: TypeNamer
        var preferredNames: [TypeID: String]
        var schemaTypes: [SchemaID: SwiftType]
        var definitions: [TypeID: TypeDefinition]
        var children: [TypeID: [TypeID]]
        var topLevel: [TypeID]
        var kindsOfReferences: [SchemaID: [JSONShape.Kind]]
        var structShapedReferences: [SchemaID: Bool]
        var shapesOfReferences: [SchemaID: JSONShape]
        var choiceLocations: [TypeID: [String: SourceLocation]]
        var overrides: ResolvedOverrides
        var selection: Selection
        var warnings: [Diagnostic]
        var onceWarnings: Set<Int>
        var notes: [Diagnostic]
        var journal: Journal
    }

    /// What a translator did that the chunks translated before it could change.
    struct Journal: Sendable {
        /// The identities it asked names for (``requestName(_:preferred:in:)``), in order.
        var declared: [TypeID] = []
        /// The identities whose declaration it looked up and did not find (``translatedDefinition(_:)``).
        var missedDefinitions: Set<TypeID> = []
        /// The identities whose preferred name it looked up and did not find (``preferredName(of:)``).
        var missedPreferredNames: Set<TypeID> = []
    }

    /// One component schema, or one operation (with its streaming variant).
    enum Unit: Sendable {
        case component(SchemaID, JSONSchema)
        /// The operation at `index` of the group at `group`.
        case operation(group: Int, index: Int)
    }

    /// What the translator of a chunk gave.
    struct TranslatedChunk: Sendable {
        /// Where it ended up.
        var state: State
        /// How many names had been asked for, top-level types found, warnings and notes given where it started.
        var start: Counts
        /// The operations it translated, by group.
        var operations: [Int: [OperationDefinition]]
        /// The method names those operations took, by group.
        var memberNames: [Int: Set<String>]
    }

    /// How long the lists a translator only appends to are (where a chunk's translator started).
    struct Counts: Sendable {
        var requests: Int
        var topLevel: Int
        var warnings: Int
        var notes: Int

        init(_ state: State) {
            requests = state.namer.requestCount
            topLevel = state.topLevel.count
            warnings = state.warnings.count
            notes = state.notes.count
        }
    }

    /// How the units are cut into chunks.
    struct Chunking: Sendable {
        /// How many chunks the component schemas are cut into, and the operations.
        var chunksPerList: Int
        /// The fewest units a chunk holds: a shorter list is one chunk. Below twice as many units in all, the
        /// translator translates them all itself, in order.
        var minimumUnits: Int

        /// Four chunks a list, so that the thread that finishes first takes the next one (Stripe's four chunks of
        /// operations took from 22 to 56 ms in one run); at least 32 units each, so that a chunk is worth its
        /// translator and its merge.
        static let standard = Chunking(chunksPerList: 4, minimumUnits: 32)
        /// One chunk, translated in order.
        static let inOrder = Chunking(chunksPerList: 1, minimumUnits: .max)

        /// `units` cut into contiguous chunks of nearly equal counts.
        func chunks(of units: [Unit]) -> [ArraySlice<Unit>] {
            let count = min(chunksPerList, units.count / max(1, minimumUnits))
            guard count > 1 else { return units.isEmpty ? [] : [units[...]] }
            return (0..<count).map { index in
                units[(units.count * index / count)..<(units.count * (index + 1) / count)]
            }
        }

        /// Whether chunks of `units` units in all, `chunks` of them, are translated apart.
        func translatesApart(units: Int, chunks: Int) -> Bool {
            chunks > 1 && units / 2 >= minimumUnits
        }
    }

    /// Translates the selected component schemas, breaks alias cycles, and translates the operations of `groups`;
    /// the API types, in the order of `groups`.
    func translateSchemasAndOperations(
        groups: [APIGroup], schemes: [SecuritySchemeDefinition]
    ) throws(Diagnostic) -> [APIDefinition] {
        let components = selectedSchemas.map { Unit.component($0.id, $0.schema) }
        let operations = groups.indices.flatMap { group in
            groups[group].keys.indices.map { Unit.operation(group: group, index: $0) }
        }
        let componentChunks = chunking.chunks(of: components)
        let chunks = componentChunks + chunking.chunks(of: operations)
        var apis: [APIInProgress?] = Array(repeating: nil, count: groups.count)
        // The chunk at `index`, in order: what its translator gave, or translated here.
        func complete(_ index: Int, translated: Result<TranslatedChunk, Diagnostic>?) throws(Diagnostic) {
            if index == componentChunks.count { breakAliasCycles() }
            // The first chunk started where this translator still is: where it ended is where this one carries on.
            if index == 0, !componentChunks.isEmpty, case .success(let result)? = translated {
                try adopt(result, groups: groups, apis: &apis)
            } else if case .success(let result)? = translated, !dependsOnEarlierChunks(result, apis: apis) {
                try merge(result, groups: groups, apis: &apis)
            } else {
                if translated != nil { redoneChunks += 1 }
                try translate(chunks[index], groups: groups, apis: &apis, schemes: schemes)
            }
            // Translated for good: its operations are needed no more.
            for case .operation(let group, let index) in chunks[index] { groups[group].operations.release(index) }
        }
        if chunking.translatesApart(units: components.count + operations.count, chunks: chunks.count) {
            // Each chunk is merged as soon as it and those before it are translated.
            let start = state()
            try DeepStack.concurrentMap(
                count: chunks.count,
                { index in Self.translate(chunks[index], from: start, groups: groups, schemes: schemes) },
                inOrder: { index, result throws(Diagnostic) in try complete(index, translated: result) })
        } else {
            for index in chunks.indices { try complete(index, translated: nil) }
        }
        if componentChunks.count == chunks.count { breakAliasCycles() }
        return apis.compactMap { $0?.definition }
    }

    /// Translates `units` in order, adding operations to their API types in `apis` (started as needed).
    func translate(
        _ units: ArraySlice<Unit>, groups: [APIGroup], apis: inout [APIInProgress?],
        schemes: [SecuritySchemeDefinition]
    ) throws(Diagnostic) {
        for unit in units {
            switch unit {
            case .component(let id, let schema):
                try translateComponent(id: id, schema: schema)
            case .operation(let group, let index):
                let api = try started(&apis[group], groups[group])
                let operations = try translateOperation(
                    at: index, of: groups[group], in: api, schemes: schemes)
                api.definition.operations += operations
            }
        }
    }

    /// What a translator that carries on from `state` gives for `chunk`.
    static func translate(
        _ chunk: ArraySlice<Unit>, from state: State, groups: [APIGroup], schemes: [SecuritySchemeDefinition]
    ) -> Result<TranslatedChunk, Diagnostic> {
        let translator = ModelTranslator(continuing: state)
        var apis: [APIInProgress?] = Array(repeating: nil, count: groups.count)
        do {
            try translator.translate(chunk, groups: groups, apis: &apis, schemes: schemes)
        } catch {
            return .failure(error)
        }
        var operations: [Int: [OperationDefinition]] = [:]
        var memberNames: [Int: Set<String>] = [:]
        for case (let group, let api?) in apis.enumerated() {
            operations[group] = api.definition.operations
            memberNames[group] = api.members.takenKeys.subtracting(api.initialMemberNames)
        }
        return .success(
            TranslatedChunk(
                state: translator.state(), start: Counts(state), operations: operations, memberNames: memberNames))
    }

    /// Whether `chunk`, translated apart, may differ from what this translator gives for it now (see above).
    func dependsOnEarlierChunks(_ chunk: TranslatedChunk, apis: [APIInProgress?]) -> Bool {
        let journal = chunk.state.journal
        return journal.declared.contains { preferredNames[$0] != nil }
            || journal.missedDefinitions.contains { definitions[$0] != nil }
            || journal.missedPreferredNames.contains { preferredNames[$0] != nil }
            || chunk.memberNames.contains { group, names in
                apis[group].map { !$0.members.takenKeys.isDisjoint(with: names) } ?? false
            }
    }

    /// Carries on from where `chunk`'s translator ended, when this translator is where that one started (the first
    /// chunk).
    func adopt(_ chunk: TranslatedChunk, groups: [APIGroup], apis: inout [APIInProgress?]) throws(Diagnostic) {
        restore(chunk.state)
        try mergeOperations(of: chunk, groups: groups, apis: &apis)
    }

    /// Adds what `chunk`'s translator gave, which does not depend on earlier chunks, as if this translator had
    /// translated its units.
    func merge(_ chunk: TranslatedChunk, groups: [APIGroup], apis: inout [APIInProgress?]) throws(Diagnostic) {
        let translated = chunk.state
        for request in translated.namer.requests(after: chunk.start.requests) {
            namer.request(request)
        }
        for id in translated.journal.declared {
            preferredNames[id] = translated.preferredNames[id]
        }
        // A chunk changes no declaration it started with (there is none before the first component schema), so its
        // declarations merge whole.
        definitions.merge(translated.definitions) { _, chunks in chunks }
        children.merge(translated.children) { _, chunks in chunks }
        choiceLocations.merge(translated.choiceLocations) { _, chunks in chunks }
        topLevel += translated.topLevel[chunk.start.topLevel...]
        for index in chunk.start.warnings..<translated.warnings.count {
            if translated.onceWarnings.contains(index) {
                appendOnce(translated.warnings[index])
            } else {
                warnings.append(translated.warnings[index])
            }
        }
        notes += translated.notes[chunk.start.notes...]
        overrides.applied.formUnion(translated.overrides.applied)
        overrides.places.formUnion(translated.overrides.places)
        try mergeOperations(of: chunk, groups: groups, apis: &apis)
    }

    /// Adds the operations `chunk`'s translator gave to their API types, and the names they took.
    func mergeOperations(of chunk: TranslatedChunk, groups: [APIGroup], apis: inout [APIInProgress?]) throws(Diagnostic)
    {
        for (group, operations) in chunk.operations.sorted(by: { $0.key < $1.key }) {
            let api = try started(&apis[group], groups[group])
            api.definition.operations += operations
            api.members.take(keys: chunk.memberNames[group] ?? [])
        }
    }

    /// `api`, or `group`'s API type, started now and kept in `api`.
    func started(_ api: inout APIInProgress?, _ group: APIGroup) throws(Diagnostic) -> APIInProgress {
        if let api { return api }
        let started = try startAPI(group)
        api = started
        return started
    }

    /// Where this translator is.
    func state() -> State {
        State(
            document: document, parentsListingDescendants: parentsListingDescendants,
            parentLocations: parentLocations, options: options, namer: namer, preferredNames: preferredNames,
            schemaTypes: schemaTypes, definitions: definitions, children: children, topLevel: topLevel,
            kindsOfReferences: kindsOfReferences, structShapedReferences: structShapedReferences,
            shapesOfReferences: shapesOfReferences,
            choiceLocations: choiceLocations, overrides: overrides, selection: selection, warnings: warnings,
            onceWarnings: onceWarnings, notes: notes, journal: journal)
    }

    /// Carries on from `state`, with an empty journal.
    func restore(_ state: State) {
        namer = state.namer
        preferredNames = state.preferredNames
        schemaTypes = state.schemaTypes
        definitions = state.definitions
        children = state.children
        topLevel = state.topLevel
        kindsOfReferences = state.kindsOfReferences
        structShapedReferences = state.structShapedReferences
        shapesOfReferences = state.shapesOfReferences
        choiceLocations = state.choiceLocations
        overrides = state.overrides
        selection = state.selection
        warnings = state.warnings
        onceWarnings = state.onceWarnings
        notes = state.notes
        journal = Journal()
    }
}
