import BinderyCore
import BinderyOpenAPI

/// Turns an ``OpenAPIDocument`` into the ``CodeModel`` the templates render.
///
/// Every type is found and linked by identity (``TypeID``: where its schema is); ``TypeNamer`` names them all at
/// the end, in the order they were found: API types, then component schemas in document order, then the `Servers`
/// namespace and its enums, then types found inline. The same document always gives the same names.
public final class ModelTranslator {
    /// Whether ``translate()`` was called (it is called once).
    private var hasTranslated = false
    /// What the translation can be asked to do differently.
    public struct Options: Sendable {
        /// The Swift module the code is compiled in.
        public var moduleName: String
        /// Which public methods each operation gets.
        public var methods: OperationMethods
        /// Which operations are generated (then only the schemas they reach); empty: all of them.
        public var filter: OperationFilter
        /// Names the user chose.
        public var naming: NamingOverrides
        /// Schemas replaced by types of the user's.
        public var typeOverrides: [TypeOverride]

        public init(
            moduleName: String, methods: OperationMethods = .both, filter: OperationFilter = OperationFilter(),
            naming: NamingOverrides = NamingOverrides(), typeOverrides: [TypeOverride] = []
        ) {
            self.moduleName = moduleName
            self.methods = methods
            self.filter = filter
            self.naming = naming
            self.typeOverrides = typeOverrides
        }
    }

    /// The description, with the descendants of each `allOf` parent that holds a discriminator listed as its
    /// alternatives (``listingDescendants(in:)``). Once the component schemas and the operations are translated,
    /// only its location and its component schemas' names are read: the rest is released then
    /// (``releaseTranslatedDescription()``).
    private(set) var document: OpenAPIDocument
    /// The parents given their descendants as alternatives: a descendant's choice of itself is dropped without a
    /// note, since the description wrote none.
    let parentsListingDescendants: Set<SchemaID>
    /// Where those parents are written: such a parent is the choice itself (``isUnion(_:)``), whatever members it
    /// declares, since its descendants have them all.
    let parentLocations: Set<SourceLocation>
    let options: Options
    /// The names asked for, handed out at the end.
    var namer: TypeNamer
    /// The name each type asked for, for messages written before names are given.
    var preferredNames: [TypeID: String] = [:]
    /// The Swift type for each schema of the schema table.
    var schemaTypes: [SchemaID: SwiftType] = [:]
    /// Every declared type by identity, nested ones too, with `name` and `nestedTypes` still empty.
    var definitions: [TypeID: TypeDefinition] = [:]
    /// The types declared in each type, in order.
    var children: [TypeID: [TypeID]] = [:]
    /// Top-level types in order.
    var topLevel: [TypeID] = []
    /// What ``kinds(of:)`` found for a reference, from the top (see there).
    var kindsOfReferences: [SchemaID: [JSONShape.Kind]] = [:]
    /// Whether the target of a reference is declared as a struct (see ``isStructShaped(_:reference:)``).
    var structShapedReferences: [SchemaID: Bool] = [:]
    /// What ``shape(of:describesItems:)`` found for a reference, describing its items (see there).
    var shapesOfReferences: [SchemaID: JSONShape] = [:]
    /// Where each struct's choices (``PropertyDefinition/isFlattened``) are written, by struct and property name.
    var choiceLocations: [TypeID: [String: SourceLocation]] = [:]
    /// The options' naming and type overrides, by identity.
    var overrides = ResolvedOverrides()
    /// The operations to generate and the schemas they reach.
    var selection = Selection(operations: [], schemas: nil, dropped: [])
    public internal(set) var warnings: [Diagnostic] = []
    /// The positions in ``warnings`` of those ``warnOnce(_:_:)`` gave: merging a chunk translated apart leaves out
    /// those an earlier chunk gave already (``ModelTranslator+Chunks``).
    var onceWarnings: Set<Int> = []
    /// What was read leniently, as its author meant it (``Diagnostic/Severity/note``).
    public internal(set) var notes: [Diagnostic] = []
    /// What this translator asked for and looked up in vain, for merging what it translated of a chunk
    /// (``ModelTranslator+Chunks``).
    var journal = Journal()
    /// How the component schemas and the operations are cut into chunks translated at once.
    var chunking = Chunking.standard
    /// How many chunks were translated again, in order, because they depended on earlier ones.
    var redoneChunks = 0

    public init(document: OpenAPIDocument, options: Options) {
        let (document, parents) = Self.listingDescendants(in: document)
        self.document = document
        self.parentsListingDescendants = parents
        self.parentLocations = Set(parents.compactMap { document.schemas[$0]?.location })
        self.options = options
        self.namer = TypeNamer(
            reservedTopLevelNames: RuntimeNames.reservedNames.union(SwiftKeywords.shadowedTypeNames).union([
                options.moduleName
            ])
        )
    }

    /// A translator that carries on from `state`, another's (``ModelTranslator+Chunks``).
    init(continuing state: State) {
        document = state.document
        parentsListingDescendants = state.parentsListingDescendants
        parentLocations = state.parentLocations
        options = state.options
        namer = state.namer
        restore(state)
    }

    /// Translates `document`.
    public static func translate(
        _ document: OpenAPIDocument, options: Options
    ) throws(Diagnostic) -> (model: CodeModel, warnings: [Diagnostic]) {
        let translator = ModelTranslator(document: document, options: options)
        let model = try translator.translate()
        return (model, translator.warnings)
    }

    /// The model of the description, once: the translator releases the description's schemas and operations as it
    /// translates them (``releaseTranslatedDescription()``, ``OperationSlots``), so a second call would find none.
    public func translate() throws(Diagnostic) -> CodeModel {
        precondition(!hasTranslated, "a ModelTranslator translates once: make another for another translation")
        hasTranslated = true
        overrides = try resolveOverrides()
        selection = try select()
        var model = CodeModel(
            moduleName: options.moduleName, title: document.info.title, version: document.info.version)
        model.methods = options.methods
        model.documentation = Documentation(summary: document.info.summary, description: document.info.description)
        if let url = defaultServerURL() { model.defaultServerURL = url }
        model.securitySchemes = translateSecuritySchemes()
        model.sections = document.tags.compactMap { tag in
            guard tag.isSection, let text = Documentation(description: tag.description).description else { return nil }
            return DocumentationSection(title: tag.name, text: text)
        }

        // API names first: they are what users type most.
        let groups = apiGroups()
        requestSchemaNames()
        model.servers = translateServers()
        model.apis = try translateSchemasAndOperations(groups: consume groups, schemes: model.securitySchemes)
        releaseTranslatedDescription()
        let names = try completeDeclarations(apis: &model.apis)
        try checkOverridesApplied(selection: selection)
        let types = topLevel.compactMap { declaration($0, names: names, prefix: nil) }
        (model.typeNames, model.types) = Self.namedAndShared(types)
        if var servers = model.servers {
            servers.name = names[servers.id] ?? ""
            for index in servers.enums.indices { servers.enums[index].name = names[servers.enums[index].id] ?? "" }
            model.servers = servers
        }
        for index in model.apis.indices {
            model.apis[index].name = names[model.apis[index].id] ?? ""
            for operation in model.apis[index].operations.indices {
                let id = model.apis[index].operations[operation].id
                model.apis[index].operations[operation].responseTypeName = names[id] ?? ""
                for response in model.apis[index].operations[operation].responses.indices {
                    if let headersID = model.apis[index].operations[operation].responses[response].headersID {
                        model.apis[index].operations[operation].responses[response].headersTypeName =
                            names[headersID] ?? ""
                    }
                }
            }
        }
        return model
    }

    /// The operations grouped by tag, each group with the identity of its API type, which asks for its name. The
    /// operations move into the groups: the description and ``selection`` hold them no more, so that each is
    /// released once translated (``OperationSlots``).
    func apiGroups() -> [APIGroup] {
        let groups = groupOperationsByTag().map { operations in
            let id = TypeID(file: document.location.file, pointer: "").appending("tags", operations.tag)
            namer.request(id, preferred: SwiftName.upperCamelCase(operations.tag) + "Api", in: .module)
            return APIGroup(id: id, operations: operations)
        }
        document.paths = []
        selection.operations = []
        return groups
    }

    /// Releases the description's schemas once they are translated, as its operations are (Stripe: 13 MB together,
    /// more than a third of what the translation holds at its peak): what is left to do reads the description's
    /// location, and its component schemas' names for messages (``componentOrPointer(_:)``).
    func releaseTranslatedDescription() {
        var components = SchemaTable()
        for (name, id) in document.schemas.components { components.addComponent(name, id) }
        document = OpenAPIDocument(
            version: document.version, info: document.info, schemas: components, location: document.location)
    }

    /// Completes the declarations (choices of themselves dropped, stored structs and unions boxed, deprecation
    /// following from use, in `apis` too) and gives the names, which depend on the names asked for alone: on another
    /// thread meanwhile.
    func completeDeclarations(apis: inout [APIDefinition]) throws(Diagnostic) -> [TypeID: String] {
        let exactly = exactTypeNames()
        let namer = self.namer
        let (assigned, _) = DeepStack.alongside(
            { @Sendable in namer.assign(exactly: exactly) },
            {
                dropChoicesOfThemselves()
                let (boxes, uses) = boxesAndDeprecatedUses(in: apis)
                box(boxes)
                deprecate(uses, in: &apis)
            })
        return try acceptedNames(assigned.get())
    }

    /// What to box, found on another thread while deprecation follows from use: both only read the declarations,
    /// and neither is set before the other is found. The copy of the declarations the other thread reads is
    /// released when this returns, so that setting them copies none but those that change.
    func boxesAndDeprecatedUses(in apis: [APIDefinition]) -> (Boxes, DeprecatedUses) {
        let declared = definitions
        let (boxes, uses) = DeepStack.alongside(
            { @Sendable in Self.boxes(in: declared) }, { deprecatedUses(in: apis) })
        return (boxes.get(), uses.get())
    }

    /// How each of `types` is written, and `types` with their repeats shared (``sharingRepeatedInlineTypes(_:)``);
    /// both only read the declarations, so the first is found on another thread. Named before the repeats become
    /// aliases: their nested types keep their names (`Repeat.Status`), which Swift finds through the alias.
    static func namedAndShared(_ types: [TypeDefinition]) -> (TypeNames, [TypeDefinition]) {
        let (typeNames, shared) = DeepStack.alongside(
            { @Sendable in TypeNames(types: types) }, { sharingRepeatedInlineTypes(types) })
        return (typeNames.get(), shared.get())
    }

    /// `types`, where an inline schema declared the same way as an earlier one (the same ``TypeDefinition/contentKey``:
    /// members, nested types and their doc comments) is a `typealias` of it with its own name and doc comment, at the
    /// top level or nested (`typealias Category = Charge.MerchantCategory`): large descriptions repeat inline schemas
    /// (Stripe writes its 295 merchant categories out 14 times), and each repeat costs compile time
    /// (Benchmarks/HISTORY.md, "Compile time of the generated code"). Schemas of `components` are declared as written
    /// (the author named each), their nested inline schemas shared like any.
    ///
    /// Declarations are visited in order, each before its nested types, and only one that stays a declaration is
    /// the first of its key, so an alias always leads to a declaration, never into itself. A type nested in a
    /// deprecated one is never the first: naming it (`Old.Status`) would make Swift warn where the alias is.
    static func sharingRepeatedInlineTypes(_ types: [TypeDefinition]) -> [TypeDefinition] {
        // The first declarations, by the hash of their members (``TypeDefinition/memberHash``); those of one hash are
        // told apart by their content keys, made only then. Making a content key copies a declaration with its
        // nested types, and each nested type is visited again: making every one was Stripe's longest serial step.
        var firstOfHash: [Int: [FirstDeclaration]] = [:]
        func sharing(_ definition: TypeDefinition, isComponent: Bool, inDeprecated: Bool) -> TypeDefinition {
            if case .alias = definition.kind { return definition }
            var definition = definition
            if !isComponent {
                let hash = definition.memberHash
                var key: TypeDefinition?
                if let candidates = firstOfHash[hash] {
                    let made = definition.contentKey
                    key = made
                    if let first = candidates.first(where: { $0.key == made }) {
                        definition.kind = .alias(.named(first.id))
                        definition.nestedTypes = []
                        return definition
                    }
                }
                if !inDeprecated {
                    firstOfHash[hash, default: []].append(
                        FirstDeclaration(id: definition.id, definition: definition, key: key))
                }
            }
            let nestedInDeprecated = inDeprecated || definition.deprecation != nil
            definition.nestedTypes = definition.nestedTypes.map {
                sharing($0, isComponent: false, inDeprecated: nestedInDeprecated)
            }
            return definition
        }
        return types.map { sharing($0, isComponent: !$0.source.isEmpty, inDeprecated: false) }
    }

    /// The first declaration of a content: its content key is made when another declaration's members have the
    /// same hash, once.
    final class FirstDeclaration {
        let id: TypeID
        private let definition: TypeDefinition
        private var made: TypeDefinition?

        init(id: TypeID, definition: TypeDefinition, key: TypeDefinition?) {
            self.id = id
            self.definition = definition
            self.made = key
        }

        var key: TypeDefinition {
            if let made { return made }
            let key = definition.contentKey
            made = key
            return key
        }
    }

    /// The declaration of `id` with its names and nested types.
    func declaration(_ id: TypeID, names: [TypeID: String], prefix: String?) -> TypeDefinition? {
        guard var definition = definitions[id], let name = names[id] else { return nil }
        definition.name = name
        definition.qualifiedName = prefix.map { "\($0).\(name)" } ?? name
        definition.nestedTypes = (children[id] ?? []).compactMap {
            declaration($0, names: names, prefix: definition.qualifiedName)
        }
        return definition
    }

    /// Asks for a name for every schema of the table, in table order, before any is translated, so references
    /// can be written before the schemas they point to.
    func requestSchemaNames() {
        for (id, _) in selectedSchemas {
            if let custom = customType(at: Self.typeID(of: id)) {
                schemaTypes[id] = .custom(custom)
                continue
            }
            var preferred = SwiftName.upperCamelCase(document.schemas.name(of: id))
            if SwiftKeywords.isReservedTopLevelTypeName(preferred) {
                preferred += "Model"
            }
            let typeID = Self.typeID(of: id)
            namer.request(typeID, preferred: preferred, in: .module)
            preferredNames[typeID] = preferred
            schemaTypes[id] = .named(typeID)
        }
    }

    /// The schemas of the table the filter keeps, in order (those a type override replaces among them: they get the
    /// user's type, and no declaration).
    var selectedSchemas: [(id: SchemaID, schema: JSONSchema)] {
        document.schemas.entries.filter { entry in
            selection.schemas.map { $0.contains(entry.id) } ?? true
        }
    }

    /// The identity of the type declared for a schema of the table.
    static func typeID(of schema: SchemaID) -> TypeID {
        TypeID(file: schema.file, pointer: schema.pointer.description)
    }

    /// Type aliases that end up referring to themselves (`A = B`, `B = A`, through `allOf` wrappers) cannot be
    /// declared; they become `JSONValue`, with a warning.
    func breakAliasCycles() {
        var targets: [TypeID: TypeID] = [:]
        for (id, definition) in definitions {
            if case .alias(.named(let target)) = definition.kind { targets[id] = target }
        }
        // Each alias is walked from once: a walk stops at an alias an earlier walk passed, whose fate is known.
        var cyclic: Set<TypeID> = []
        var walked: Set<TypeID> = []
        for start in targets.keys.sorted() where !walked.contains(start) {
            var path: [TypeID] = []
            var position: [TypeID: Int] = [:]
            var current: TypeID? = start
            while let id = current, !walked.contains(id) {
                if let index = position[id] {
                    cyclic.formUnion(path[index...])
                    break
                }
                position[id] = path.count
                path.append(id)
                current = targets[id]
            }
            walked.formUnion(path)
        }
        for id in topLevel where cyclic.contains(id) {
            warn(
                document.location,
                "schema '\(preferredNames[id] ?? id.rawValue)' only refers to itself through other schemas; it is "
                    + "generated as JSONValue"
            )
            definitions[id]?.kind = .alias(.jsonValue)
        }
    }

    func warn(_ location: SourceLocation, _ message: String) {
        warnings.append(Diagnostic(.warning, at: location, message))
    }

    /// ``warn(_:_:)``, once per location: for what is found again each time a schema is looked at.
    func warnOnce(_ location: SourceLocation, _ message: String) {
        appendOnce(Diagnostic(.warning, at: location, message))
    }

    /// Appends `warning` unless it is among ``warnings`` already, as given once.
    func appendOnce(_ warning: Diagnostic) {
        guard !warnings.contains(warning) else { return }
        onceWarnings.insert(warnings.count)
        warnings.append(warning)
    }

    func note(_ location: SourceLocation, _ message: String) {
        notes.append(Diagnostic(.note, at: location, message))
    }

    /// The declaration of `id` translated so far; when there is none yet, the journal keeps that it was looked for
    /// (an earlier chunk translated apart may have declared it: ``ModelTranslator+Chunks``).
    func translatedDefinition(_ id: TypeID) -> TypeDefinition? {
        guard let definition = definitions[id] else {
            journal.missedDefinitions.insert(id)
            return nil
        }
        return definition
    }

    /// The name `id` asked for so far; when none yet, the journal keeps that it was looked for, as in
    /// ``translatedDefinition(_:)``.
    func preferredName(of id: TypeID) -> String? {
        guard let name = preferredNames[id] else {
            journal.missedPreferredNames.insert(id)
            return nil
        }
        return name
    }

    /// The schema a reference points to.
    func schema(for id: SchemaID) -> JSONSchema? {
        document.schemas[id]
    }

    /// Where a schema is, as a JSON pointer for doc comments: `#/components/schemas/Pet`, or with the file for
    /// schemas in other files.
    func sourceDescription(_ id: SchemaID) -> String {
        let root = document.location.file
        return id.file == root ? "#\(id.pointer)" : "\(id.file)#\(id.pointer)"
    }
}
