import BinderyCore
import BinderyOpenAPI

/// What a filter keeps of the description: the operations it matches, and the schemas they reach.
struct Selection: Sendable {
    /// The operations to generate, in document order.
    var operations: [BinderyOpenAPI.Operation]
    /// The schemas of the table to generate; `nil` for all of them.
    var schemas: Set<SchemaID>?
    /// Where what the filter dropped is (`file#/paths/~1pets/get`, `file#/components/schemas/Pet`): a naming or
    /// type override of something inside them has nothing to apply to, and that is no mistake.
    var dropped: [String]

    /// Whether the type or schema at `id` was dropped by the filter.
    func drops(_ id: TypeID) -> Bool {
        dropped.contains { id.rawValue == $0 || id.rawValue.hasPrefix($0 + "/") || id.rawValue.hasPrefix($0 + "~") }
    }
}

extension ModelTranslator {
    /// Applies ``Options/filter``: the operations any entry matches, then the schemas they reach (through `$ref`s
    /// in parameters, bodies, responses and their headers, and in `properties`, `items`, `prefixItems`,
    /// `additionalProperties`, `allOf`, `oneOf`, `anyOf` and `not`), with the schemas the filter names and what
    /// they reach. A schema replaced by a type override is not followed. Every entry must match something.
    func select() throws(Diagnostic) -> Selection {
        let filter = options.filter
        let all = document.operations
        guard !filter.isEmpty else { return Selection(operations: all, schemas: nil, dropped: []) }
        try checkFilterEntries(filter, operations: all)

        var kept: [BinderyOpenAPI.Operation] = []
        var dropped: [String] = []
        for operation in all {
            if matches(operation, filter) {
                kept.append(operation)
            } else {
                dropped.append(Self.operationID(operation).rawValue)
            }
        }

        // Each schema to look at, with the places it is used at as the translator names them (only when type
        // overrides could name one): a schema a type override replaces is not looked into.
        var reached: Set<SchemaID> = []
        var pending: [(schema: JSONSchema, places: [TypeID])] = []
        let tracksPlaces = !overrides.customTypes.isEmpty
        func use(_ schema: JSONSchema, at place: TypeID) {
            pending.append((schema, tracksPlaces ? [place] : []))
        }
        for operation in kept {
            let id = Self.operationID(operation)
            for parameter in operation.parameters {
                use(parameter.schema, at: id.appending("parameters", parameter.kind.rawValue, parameter.name))
            }
            for mediaType in operation.requestBody?.content ?? [] {
                let body = id.appending("requestBody", "content", mediaType.name)
                if let schema = mediaType.schema { use(schema, at: body.appending("schema")) }
                for encoding in mediaType.encoding {
                    for header in encoding.headers {
                        use(header.schema, at: body.appending("encoding", encoding.property, "headers", header.name))
                    }
                }
            }
            for response in operation.responses {
                let status = id.appending("responses", response.status.description)
                for mediaType in response.content {
                    if let schema = mediaType.schema {
                        use(schema, at: status.appending("content", mediaType.name, "schema"))
                    }
                }
                for header in response.headers { use(header.schema, at: status.appending("headers", header.name)) }
            }
        }
        for entry in filter.schemas {
            let id = try componentOrPointer(entry)
            guard let schemaID = document.schemas.ids.first(where: { Self.typeID(of: $0) == id }) else {
                throw Diagnostic(
                    at: entry.location,
                    Suggestion.message(
                        "no schema of the description is at '\(entry.value)'", for: entry.value,
                        among: document.schemas.components.map(\.name)))
            }
            use(JSONSchema(ref: schemaID, location: entry.location), at: id)
        }
        while let (schema, places) = pending.popLast() {
            if places.contains(where: { overrides.customTypes[$0] != nil }) { continue }
            func add(_ child: JSONSchema, _ tokens: String...) {
                pending.append((child, places.map { place in tokens.reduce(place) { $0.appending($1) } }))
            }
            // A schema a type override replaces is kept (as the user's type), but what it refers to is not reached.
            if let ref = schema.ref, reached.insert(ref).inserted, overrides.customTypes[Self.typeID(of: ref)] == nil,
                let target = self.schema(for: ref)
            {
                pending.append((target, tracksPlaces ? [Self.typeID(of: ref)] : []))
            }
            for property in schema.properties { add(property.schema, "properties", property.name) }
            if let items = schema.items { add(items, "items") }
            for (index, item) in schema.prefixItems.enumerated() { add(item, "prefixItems", String(index)) }
            if case .schema(let values) = schema.additionalProperties { add(values, "additionalProperties") }
            for (index, part) in schema.allOf.enumerated() {
                // The properties of `allOf` parts are the struct's own (`Pet/properties/name`); a part that says
                // what the value is stands at its place (`Pet/allOf/0`).
                pending.append((part, places + places.map { $0.appending("allOf", String(index)) }))
            }
            for (index, alternative) in schema.oneOf.enumerated() { add(alternative, "oneOf", String(index)) }
            for (index, alternative) in schema.anyOf.enumerated() { add(alternative, "anyOf", String(index)) }
            if let not = schema.not { add(not, "not") }
        }
        for (id, _) in document.schemas.entries where !reached.contains(id) {
            dropped.append(Self.typeID(of: id).rawValue)
        }
        return Selection(operations: kept, schemas: reached, dropped: dropped)
    }

    /// The identity of an operation: where it is (`file#/paths/~1pets/get`).
    static func operationID(_ operation: BinderyOpenAPI.Operation) -> TypeID {
        TypeID(file: operation.location.file, pointer: "").appending(
            "paths", operation.path, operation.method.rawValue)
    }

    /// The names an operation is known by in a configuration: its `operationId`, or `GET /pets` when it has none
    /// (the method in any case).
    static func operationKeys(_ operation: BinderyOpenAPI.Operation) -> [String] {
        if let id = operation.operationID { return [id] }
        return ["\(operation.method.name) \(operation.path)", "\(operation.method.rawValue) \(operation.path)"]
    }

    func matches(_ operation: BinderyOpenAPI.Operation, _ filter: OperationFilter) -> Bool {
        filter.tags.contains { operation.tags.contains($0.value) }
            || filter.operations.contains { Self.operationKeys(operation).contains($0.value) }
            || filter.paths.contains { Self.path(operation.path, matches: $0.value) }
    }

    /// Whether `path` matches `pattern`, where `*` stands for any text (`/v1/customers*`).
    static func path(_ path: String, matches pattern: String) -> Bool {
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false)
        guard parts.count > 1 else { return path == pattern }
        var rest = Substring(path)
        guard rest.hasPrefix(parts[0]) else { return false }
        rest = rest.dropFirst(parts[0].count)
        for part in parts.dropFirst().dropLast() where !part.isEmpty {
            guard let range = rest.firstRange(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
        let last = parts[parts.count - 1]
        return rest.count >= last.count && rest.hasSuffix(last)
    }

    /// Every entry of the filter must match some operation of the description (or, for `schemas`, be a schema):
    /// a misspelt tag would otherwise leave out what it meant to keep, without a word.
    func checkFilterEntries(_ filter: OperationFilter, operations: [BinderyOpenAPI.Operation]) throws(Diagnostic) {
        var tags: [String] = []
        for tag in document.tags.map(\.name) + operations.flatMap(\.tags) where !tags.contains(tag) {
            tags.append(tag)
        }
        for entry in filter.tags where !operations.contains(where: { $0.tags.contains(entry.value) }) {
            throw Diagnostic(
                at: entry.location,
                Suggestion.message("no operation has the tag '\(entry.value)'", for: entry.value, among: tags))
        }
        let keys = operations.flatMap(Self.operationKeys)
        for entry in filter.operations where !keys.contains(entry.value) {
            throw Diagnostic(
                at: entry.location,
                Suggestion.message(
                    "no operation has the operationId '\(entry.value)'", for: entry.value,
                    among: operations.compactMap(\.operationID)))
        }
        for entry in filter.paths where !operations.contains(where: { Self.path($0.path, matches: entry.value) }) {
            throw Diagnostic(
                at: entry.location,
                Suggestion.message(
                    "no path of the description matches '\(entry.value)'", for: entry.value,
                    among: document.paths.map(\.path)))
        }
    }
}
