import BinderyOpenAPI
import BinderyYAML

/// Turns an ``OpenAPIDocument`` into the ``CodeModel`` the templates render.
///
/// All Swift names come from one allocator (``NameScope``s nested like the declarations they name), in a fixed
/// order: API types, then component schemas in document order, then types found inline. The same document
/// always gives the same names.
public final class ModelTranslator {
    /// What the translation can be asked to do differently.
    public struct Options: Sendable {
        /// The Swift module the code is compiled in.
        public var moduleName: String

        public init(moduleName: String) {
            self.moduleName = moduleName
        }
    }

    let document: OpenAPIDocument
    let options: Options
    /// The module's top level: generated types, the runtime, and what the standard library and Foundation declare.
    let typeScope: NameScope
    /// The Swift type for each schema of the schema table.
    var schemaTypes: [SchemaID: SwiftType] = [:]
    var schemaNames: [SchemaID: String] = [:]
    /// Top-level types in order.
    var types: [TypeDefinition] = []
    /// Every declared type, nested ones too, by qualified name.
    var definitionIndex: [String: TypeDefinition] = [:]
    public private(set) var warnings: [Diagnostic] = []

    public init(document: OpenAPIDocument, options: Options) {
        self.document = document
        self.options = options
        self.typeScope = NameScope(
            reserved: RuntimeNames.typeNames.union(SwiftKeywords.shadowedTypeNames).union([options.moduleName]),
            caseInsensitive: true
        )
    }

    /// Translates `document`.
    public static func translate(
        _ document: OpenAPIDocument, options: Options
    ) throws(Diagnostic) -> (model: CodeModel, warnings: [Diagnostic]) {
        let translator = ModelTranslator(document: document, options: options)
        let model = try translator.translate()
        return (model, translator.warnings)
    }

    public func translate() throws(Diagnostic) -> CodeModel {
        var model = CodeModel(
            moduleName: options.moduleName, title: document.info.title, version: document.info.version)
        model.documentation = Documentation(summary: document.info.summary, description: document.info.description)
        if let server = document.servers.first {
            let url = server.defaultURL
            if url.contains("://") {
                model.defaultServerURL = url
            } else {
                // A relative server URL is relative to where the document is served, which the client cannot know.
                model.defaultServerURL = "http://localhost" + (url.hasPrefix("/") ? "" : "/") + url
                warn(
                    document.location,
                    "the first server URL '\(url)' is relative; the client defaults to '\(model.defaultServerURL)' "
                        + "until it is given a base URL"
                )
            }
        }
        model.securitySchemes = translateSecuritySchemes()

        // API names first: they are what users type most.
        let groups = groupOperationsByTag()
        var apiNames: [String] = []
        for group in groups {
            apiNames.append(typeScope.claim(SwiftName.upperCamelCase(group.tag) + "Api"))
        }
        claimSchemaNames()
        for (id, schema) in document.schemas.entries {
            try translateComponent(id: id, schema: schema)
        }
        breakAliasCycles()
        for (group, name) in zip(groups, apiNames) {
            model.apis.append(try translateAPI(name: name, group: group, schemes: model.securitySchemes))
        }
        boxRecursiveProperties()
        model.types = types
        return model
    }

    /// Names every schema of the table, in table order, before any is translated, so references can be written
    /// before the schemas they point to.
    func claimSchemaNames() {
        for (id, _) in document.schemas.entries {
            var preferred = SwiftName.upperCamelCase(document.schemas.name(of: id))
            if RuntimeNames.typeNames.contains(preferred) || SwiftKeywords.shadowedTypeNames.contains(preferred) {
                preferred += "Model"
            }
            let name = typeScope.claim(preferred)
            schemaNames[id] = name
            schemaTypes[id] = .named(name)
        }
    }

    /// Type aliases that end up referring to themselves (`A = B`, `B = A`, through `allOf` wrappers) cannot be
    /// declared; they become `JSONValue`, with a warning.
    func breakAliasCycles() {
        var targets: [String: String] = [:]
        for case .alias(let alias) in types {
            if case .named(let target) = alias.target { targets[alias.name] = target }
        }
        var cyclic: Set<String> = []
        for start in targets.keys.sorted() {
            var seen: [String] = [start]
            var current = start
            while let next = targets[current] {
                if let index = seen.firstIndex(of: next) {
                    cyclic.formUnion(seen[index...])
                    break
                }
                seen.append(next)
                current = next
            }
        }
        guard !cyclic.isEmpty else { return }
        for (index, definition) in types.enumerated() {
            guard case .alias(var alias) = definition, cyclic.contains(alias.name) else { continue }
            warn(
                document.location,
                "schema '\(alias.name)' only refers to itself through other schemas; it is generated as JSONValue"
            )
            alias.target = .jsonValue
            types[index] = .alias(alias)
            definitionIndex[alias.qualifiedName] = .alias(alias)
        }
    }

    func warn(_ location: SourceLocation, _ message: String) {
        warnings.append(Diagnostic(.warning, at: location, message))
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
