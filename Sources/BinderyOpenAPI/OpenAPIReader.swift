import BinderyYAML

/// Reads an OpenAPI 3.0 or 3.1 (or Swagger 2.0) description, in one file or many, into an ``OpenAPIDocument``.
///
/// Every error names the file, line and column of the node at fault and what was expected there. `$ref`s are
/// followed across files (relative paths); a reference that cannot be resolved is an error at the `$ref`.
public final class OpenAPIReader {
    let loader: DocumentLoader
    var version: OpenAPIVersion = .openAPI30(minor: "3.0.0")
    var schemas = SchemaTable()
    /// Diagnostics that did not stop reading.
    public internal(set) var warnings: [Diagnostic] = []
    /// What was read leniently, as its author meant it (``Diagnostic/Severity/note``).
    public internal(set) var notes: [Diagnostic] = []
    /// The topics of ``warnOnce(_:_:_:)`` and ``noteOnce(_:_:_:)`` already reported.
    var warnedTopics: Set<String> = []
    /// How many `$ref`s in a row may lead from one object to another (a reference to a reference to …).
    let maximumReferenceDepth = 64
    /// How deep schemas may nest (`items` in `items` in …): deeper is an error, not a stack overflow.
    let maximumSchemaDepth = 256
    var schemaDepth = 0
    /// The path items read so far that paths reach through `$ref`, by the node the reference leads to (a file and
    /// a pointer in it): many paths may share one (`/v1/pets` and `/v2/pets`), and each would otherwise read it
    /// again, and count its nodes again against ``nodeAllowance``.
    var referencedPathItems: [YAMLNode: PathItem] = [:]
    /// Nodes visited reading schemas and literal values, against ``nodeAllowance``.
    var nodesRead = 0
    /// Descriptions of fewer nodes than this (component schemas and paths) are read on one thread
    /// (``PathsSplit/minimumNodes``; tests lower it).
    var minimumNodesForTwoThreads = PathsSplit.minimumNodes
    /// Whether the later paths were read on another thread and taken over, or read again (for tests).
    var forkOutcome: ForkOutcome?
    /// For a fork (``fork()``), the state it started from, which joining it compares with.
    var forkedAt: ForkPoint?
    /// Whether the examples of media types (`example`, `examples`; Swagger 2.0's response `examples`) are read into
    /// ``MediaType/examples``. Off by default: generation does not need them, and real descriptions carry megabytes
    /// of them.
    public var readsExamples = false

    public init(loader: DocumentLoader = DocumentLoader()) {
        self.loader = loader
    }

    /// Reads the description whose root file is at `path`.
    public static func read(path: String) throws(Diagnostic) -> (document: OpenAPIDocument, warnings: [Diagnostic]) {
        let reader = OpenAPIReader()
        let document = try reader.read(path: path)
        return (document, reader.warnings)
    }

    /// Reads the description whose root file is at `path`.
    public func read(path: String) throws(Diagnostic) -> OpenAPIDocument {
        let file = try loader.load(path)
        return try read(root: file.root)
    }

    /// Counts one more node read, and fails when far more have been read than the loaded files have: only
    /// aliases that refer to aliases can make that happen, and they could make it billions.
    func spendNode(_ node: YAMLNode) throws(Diagnostic) {
        nodesRead += 1
        if nodesRead > nodeAllowance {
            throw Diagnostic(
                at: node.location,
                "the description expands to far more nodes than it has (YAML aliases that refer to aliases?)"
            )
        }
    }

    /// How many nodes reading may visit: every node of the loaded files a few times over.
    var nodeAllowance: Int { 4 * loader.totalNodeCount + 10_000 }

    /// A literal value (`example`, `default`, an extension) read within the allowance.
    func specValue(_ node: YAMLNode) throws(Diagnostic) -> SpecValue {
        var budget = nodeAllowance - nodesRead
        let value = try SpecValue(node, budget: &budget)
        nodesRead = nodeAllowance - budget
        return value
    }

    /// Text that is documentation only (a description, a summary, a title): anything but text is ignored with a
    /// warning rather than stopping the generation.
    ///
    /// A `$ref` in place of the text (`description: {$ref: 'description.yml#/introduction'}`, as DigitalOcean
    /// writes it) is not OpenAPI, but Redocly's tools resolve it, and what it means is clear: it is read as the
    /// text it refers to, with a note.
    func documentation(_ node: YAMLNode, _ what: String) -> String? {
        if node.kind == .scalar { return node.isNull ? nil : node.scalar }
        if node.kind == .mapping, node.count == 1, let ref = node["$ref"] {
            let target: YAMLNode
            do {
                target = try dereference(node, what)
            } catch {
                warn(ref.location, "\(what) is a '$ref' that cannot be resolved (\(error.message)); ignored")
                return nil
            }
            if target.kind == .scalar {
                noteOnce(
                    "documentation-ref", ref.location,
                    "'$ref' in place of text is not OpenAPI (Redocly's tools resolve it); read as the text it refers "
                        + "to (later uses in this document are not reported)")
                return target.isNull ? nil : target.scalar
            }
            warn(ref.location, "the '$ref' given for \(what) refers to \(target.kindDescription), not text; ignored")
            return nil
        }
        warn(node.location, "expected text for \(what), found \(node.kindDescription); ignored")
        return nil
    }

    /// Reads a description from the root node of its main file. A large one is read on two threads
    /// (``PathsSplit``); this returns when both are done.
    public func read(root: YAMLNode) throws(Diagnostic) -> OpenAPIDocument {
        if root.isNull, root.scalar?.isEmpty != false {
            throw Diagnostic(at: root.location, "not an OpenAPI document: the file is empty")
        }
        guard root.kind == .mapping else {
            throw Diagnostic(
                at: root.location,
                "not an OpenAPI document: expected a mapping with an 'openapi' key, found \(root.kindDescription)"
            )
        }
        version = try readVersion(root)
        loader.resolvesSchemaIdentifiers = version.allowsReferenceSiblings
        if version == .swagger2 { return try readSwagger2(root: root) }
        guard let infoNode = root["info"] else {
            throw Diagnostic(at: root.location, "missing required key 'info'")
        }
        var document = OpenAPIDocument(version: version, info: try readInfo(infoNode), location: root.location)

        // Component schemas keep their document order, even when one is first reached through another.
        let components = root["components"]
        var componentSchemas: [ComponentSchema] = []
        if let components {
            try components.expectMapping("'components'")
            if let schemaNodes = components["schemas"] {
                try schemaNodes.expectMapping("'components.schemas'")
                componentSchemas = try reserveComponentSchemas(schemaNodes, file: root.document.file)
            }
        }
        let pairs = root.pairs
        if let split = PathsSplit(root: root, minimumNodes: minimumNodesForTwoThreads) {
            // The later paths are read on another thread, by a copy of this reader, while this one reads what comes
            // before them. Joining them checks that the copy read them as this reader would have.
            let fork = fork()
            let (later, earlier) = DeepStack.alongside(
                { () throws(Diagnostic) in try fork.readPathEntries(split.later) },
                { () throws(Diagnostic) -> OpenAPIDocument in
                    var document = document
                    try readComponentSchemas(componentSchemas)
                    try readSecuritySchemes(of: components, into: &document)
                    try readRootEntries(pairs[..<split.pathsIndex], into: &document)
                    document.paths = try readPathEntries(split.earlier)
                    return document
                })
            document = try earlier.get()
            document.paths += try join(fork, read: later, rereading: split.later)
            try readRootEntries(pairs[(split.pathsIndex + 1)...], into: &document)
        } else {
            try readComponentSchemas(componentSchemas)
            try readSecuritySchemes(of: components, into: &document)
            try readRootEntries(pairs[...], into: &document)
        }
        // The components not read above, checked after the paths: a wrong type in one they refer to is reported
        // where it is read, with what refers to it.
        if let components = root["components"] {
            for (key, what) in Self.checkedComponents {
                guard let entries = components[key] else { continue }
                try checkMappingOfMappings(entries, "'components.\(key)'") { "\(what) '\($0)'" }
            }
        }
        document.schemas = schemas
        return document
    }

    /// Reads the security schemes of `components`.
    func readSecuritySchemes(of components: YAMLNode?, into document: inout OpenAPIDocument) throws(Diagnostic) {
        if let schemeNodes = components?["securitySchemes"] {
            document.securitySchemes = try readSecuritySchemes(schemeNodes)
        }
    }

    /// Reads the root's `entries` (all but `info` and `components`) into `document`.
    func readRootEntries(_ entries: Slice<YAMLNode.Pairs>, into document: inout OpenAPIDocument) throws(Diagnostic) {
        for (key, value) in entries {
            switch try key.keyText() {
            case "servers":
                document.servers = try readServers(value)
            case "paths":
                document.paths = try readPaths(value)
            case "security":
                document.security = try readSecurityRequirements(value)
            case "tags":
                document.tags = try readTags(value)
            case "externalDocs":
                try checkExternalDocs(value)
            case "webhooks":
                try checkMappingOfMappings(value, "'webhooks'") { "webhook '\($0)'" }
            case "components", "info", "openapi", "jsonSchemaDialect":
                break
            case let name where name.hasPrefix("x-"):
                document.extensions[name] = try specValue(value)
            default:
                break
            }
        }
    }

    /// The maps of `components` that are only checked, each with what one of its entries is.
    static let checkedComponents = [
        ("responses", "response"), ("parameters", "parameter"), ("examples", "example"),
        ("requestBodies", "request body"), ("headers", "header"), ("links", "link"), ("callbacks", "callback"),
        ("pathItems", "path item"),
    ]

    /// Checks a map of objects Bindery does not read (webhooks, callbacks, links, unused components): a mapping
    /// whose values are mappings (the objects, or `$ref`s to them). Nothing is generated from them, but a wrong type
    /// there is an error in the description, not nothing.
    func checkMappingOfMappings(
        _ node: YAMLNode, _ what: String, entry: (String) -> String
    ) throws(Diagnostic) {
        try node.expectMapping(what)
        for (key, value) in node.pairs {
            try value.expectMapping(entry(try key.keyText()))
        }
    }

    /// Checks an External Documentation Object (root, tag or operation): a mapping with a `url`. Nothing is
    /// generated from it, but a description that gets its shape wrong has something else wrong too.
    func checkExternalDocs(_ node: YAMLNode) throws(Diagnostic) {
        try node.expectMapping("'externalDocs'")
        guard let url = node["url"] else { throw Diagnostic(at: node.location, "missing required key 'url'") }
        _ = try url.string("'url'")
    }

    /// Reads `components.schemas` (Swagger 2.0: `definitions`, at `base`) in document order. A component that only
    /// refers to a schema in another file (`Error: {$ref: 'common/Error.yaml'}`) is that schema, under the
    /// component's name; one that refers to another component stays a schema of its own (an alias).
    func readComponentSchemas(
        _ node: YAMLNode, file: String, base: JSONPointer = JSONPointer(tokens: ["components", "schemas"])
    ) throws(Diagnostic) {
        try readComponentSchemas(try reserveComponentSchemas(node, file: file, base: base))
    }

    /// A component schema whose place in the order is reserved, and the node to read it from.
    typealias ComponentSchema = (name: String, id: SchemaID, node: YAMLNode)

    /// Reads the component schemas reserved by ``reserveComponentSchemas(_:file:base:)``, in order; those already
    /// read (through a reference from one before) are not read again.
    func readComponentSchemas(_ entries: [ComponentSchema]) throws(Diagnostic) {
        for entry in entries where schemas[entry.id] == nil {
            schemas.set(try readSchema(entry.node), for: entry.id)
        }
    }

    /// Gives each component schema of `node` its name and its place in the order, without reading it.
    func reserveComponentSchemas(
        _ node: YAMLNode, file: String, base: JSONPointer = JSONPointer(tokens: ["components", "schemas"])
    ) throws(Diagnostic) -> [ComponentSchema] {
        var entries: [ComponentSchema] = []
        for (key, value) in node.pairs {
            let name = try key.keyText()
            var id = SchemaID(file: file, pointer: base.appending(name))
            var target = value
            if value.kind == .mapping, value.count == 1, let ref = value["$ref"], !ref.isNull {
                let resolved = try resolveSchemaReference(ref)
                let isComponent =
                    resolved.id.file == file && resolved.id.pointer.tokens.count == base.tokens.count + 1
                    && resolved.id.pointer.tokens.starts(with: base.tokens)
                if !isComponent {
                    id = resolved.id
                    target = resolved.node
                }
            }
            schemas.reserve(id)
            schemas.addComponent(name, id)
            entries.append((name, id, target))
        }
        return entries
    }

    func readVersion(_ root: YAMLNode) throws(Diagnostic) -> OpenAPIVersion {
        if let node = root["openapi"] {
            let text = try node.string("'openapi'")
            if text.hasPrefix("3.0.") || text == "3.0" { return .openAPI30(minor: text) }
            if text.hasPrefix("3.1.") || text == "3.1" { return .openAPI31(minor: text) }
            throw Diagnostic(at: node.location, "unsupported OpenAPI version '\(text)': Bindery reads 3.0 and 3.1")
        }
        if let node = root["swagger"] {
            let text = try node.string("'swagger'")
            if text == "2.0" || text == "2" { return .swagger2 }
            throw Diagnostic(at: node.location, "unsupported Swagger version '\(text)': Bindery reads Swagger 2.0")
        }
        throw Diagnostic(at: root.location, "not an OpenAPI document: missing the 'openapi' key")
    }

    func readInfo(_ node: YAMLNode) throws(Diagnostic) -> Info {
        try node.expectMapping("'info'")
        guard let titleNode = node["title"] else { throw Diagnostic(at: node.location, "missing required key 'title'") }
        guard let versionNode = node["version"] else {
            throw Diagnostic(at: node.location, "missing required key 'version'")
        }
        var info = Info(title: try titleNode.string("'title'"), version: try versionNode.string("'version'"))
        info.summary = node["summary"].flatMap { documentation($0, "'summary'") }
        info.description = node["description"].flatMap { documentation($0, "'description'") }
        info.termsOfService = try node["termsOfService"]?.optionalString("'termsOfService'")
        if let contact = node["contact"] {
            try contact.expectMapping("'contact'")
            info.contactName = try contact["name"]?.optionalString("'name'")
            info.contactEmail = try contact["email"]?.optionalString("'email'")
            info.contactURL = try contact["url"]?.optionalString("'url'")
        }
        if let license = node["license"] {
            try license.expectMapping("'license'")
            info.licenseName = try license["name"]?.optionalString("'name'")
            info.licenseURL = try license["url"]?.optionalString("'url'")
        }
        return info
    }

    func readServers(_ node: YAMLNode) throws(Diagnostic) -> [Server] {
        try node.expectSequence("'servers'")
        var servers: [Server] = []
        for element in node.elements {
            try element.expectMapping("a server")
            guard let url = element["url"] else { throw Diagnostic(at: element.location, "missing required key 'url'") }
            var server = Server(url: try url.string("'url'"), location: url.location)
            server.description = element["description"].flatMap { documentation($0, "'description'") }
            if let variables = element["variables"] {
                try variables.expectMapping("'variables'")
                for (key, value) in variables.pairs {
                    try value.expectMapping("a server variable")
                    guard let defaultNode = value["default"] else {
                        throw Diagnostic(at: value.location, "missing required key 'default'")
                    }
                    server.variables.append(
                        Server.Variable(
                            name: try key.keyText(),
                            defaultValue: try defaultNode.string("'default'"),
                            enumValues: try value["enum"]?.stringList("'enum'") ?? [],
                            description: value["description"].flatMap { documentation($0, "'description'") }
                        )
                    )
                }
            }
            servers.append(server)
        }
        return servers
    }

    func readTags(_ node: YAMLNode) throws(Diagnostic) -> [Tag] {
        try node.expectSequence("'tags'")
        var tags: [Tag] = []
        for element in node.elements {
            try element.expectMapping("a tag")
            guard let name = element["name"] else {
                throw Diagnostic(at: element.location, "missing required key 'name'")
            }
            var tag = Tag(
                name: try name.string("'name'"),
                description: element["description"].flatMap { documentation($0, "'description'") })
            // Redoc's `x-traitTag: true`: a section of the documentation that groups no operations.
            tag.isSection = (try? element["x-traitTag"]?.bool("'x-traitTag'")) ?? false
            if let externalDocs = element["externalDocs"] { try checkExternalDocs(externalDocs) }
            tags.append(tag)
        }
        return tags
    }

    /// Follows `$ref` (for objects other than schemas, which are copied in place) until a node without one. A
    /// reference back to an object already passed is a cycle, and more than ``maximumReferenceDepth`` references in
    /// a row are too many: both are errors at `node`, naming the references.
    func dereference(_ node: YAMLNode, _ what: String) throws(Diagnostic) -> YAMLNode {
        var current = node
        var passed: [YAMLNode] = []
        var references: [String] = []
        while current.kind == .mapping, let ref = current["$ref"] {
            let reference = try ref.referenceText()
            passed.append(current)
            references.append(reference)
            current = try loader.resolve(reference, at: ref).node
            if passed.contains(current) {
                throw Diagnostic(
                    at: node.location, "reference cycle: \(what) refers back to itself (\(references.referenceChain))")
            }
            if references.count >= maximumReferenceDepth, current.kind == .mapping, current["$ref"] != nil {
                throw Diagnostic(
                    at: node.location,
                    "\(what) is reached through more than \(maximumReferenceDepth) '$ref's in a row (the limit): "
                        + "\(references.prefix(3).referenceChain) → …")
            }
        }
        return current
    }

    func warn(_ location: SourceLocation, _ message: String) {
        warnings.append(Diagnostic(.warning, at: location, message))
    }

    /// Warns about `topic` the first time only: for a habit of a whole description, where one warning says it all.
    func warnOnce(_ topic: String, _ location: SourceLocation, _ message: String) {
        guard warnedTopics.insert(topic).inserted else { return }
        warn(location, message)
    }

    /// Notes how something was read leniently (``Diagnostic/Severity/note``).
    func note(_ location: SourceLocation, _ message: String) {
        notes.append(Diagnostic(.note, at: location, message))
    }

    /// Notes `topic` the first time only, like ``warnOnce(_:_:_:)``.
    func noteOnce(_ topic: String, _ location: SourceLocation, _ message: String) {
        guard warnedTopics.insert(topic).inserted else { return }
        note(location, message)
    }
}

extension Sequence<String> {
    /// References as a chain for messages: `'#/a' → '#/b'`.
    var referenceChain: String {
        map { "'\($0)'" }.joined(separator: " → ")
    }
}
