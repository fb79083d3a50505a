/// Where a schema lives: a file and a JSON pointer into it. Two references to the same place name the same schema.
public struct SchemaID: Sendable, Hashable, CustomStringConvertible {
    /// The file's path as shown in diagnostics.
    public let file: String
    public let pointer: JSONPointer
    /// The hash of the file and the pointer, computed once: the reader and the model look schemas up by identity
    /// many times each (Stripe: 129,000 hashes of a file and a pointer, 28 M instructions).
    private let hashCode: Int

    public init(file: String, pointer: JSONPointer) {
        self.file = file
        self.pointer = pointer
        var hasher = Hasher()
        hasher.combine(file)
        hasher.combine(pointer)
        self.hashCode = hasher.finalize()
    }

    public static func == (lhs: SchemaID, rhs: SchemaID) -> Bool {
        lhs.hashCode == rhs.hashCode && lhs.file == rhs.file && lhs.pointer == rhs.pointer
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(hashCode)
    }

    /// The name the schema is known by: the last pointer token, or the file's base name for a whole-file schema.
    public var nameHint: String {
        if let last = pointer.lastToken, !last.isEmpty { return last }
        let base = file.split(separator: "/").last.map(String.init) ?? file
        return base.split(separator: ".").first.map(String.init) ?? base
    }

    public var description: String { "\(file)#\(pointer)" }
}

/// The schemas of a document by identity, in a stable order.
public struct SchemaTable: Sendable {
    /// The ids in order, including reserved ones whose schema is still being read.
    public private(set) var ids: [SchemaID] = []
    private var schemas: [SchemaID: JSONSchema] = [:]
    private var reserved: Set<SchemaID> = []
    private var names: [SchemaID: String] = [:]
    /// The component schemas (`components.schemas`, Swagger 2.0's `definitions`) by name, in document order.
    public private(set) var components: [(name: String, id: SchemaID)] = []

    public init() {}

    public subscript(id: SchemaID) -> JSONSchema? {
        schemas[id]
    }

    /// Whether the table has a schema, or a reserved place, for `id`.
    public func contains(_ id: SchemaID) -> Bool {
        schemas[id] != nil || reserved.contains(id)
    }

    /// Fixes the position of `id` in the order before its schema is read.
    public mutating func reserve(_ id: SchemaID) {
        guard !contains(id) else { return }
        reserved.insert(id)
        ids.append(id)
    }

    /// Adds or replaces the schema for `id`; an id not seen before goes last.
    public mutating func set(_ schema: JSONSchema, for id: SchemaID) {
        if !contains(id) { ids.append(id) }
        reserved.remove(id)
        schemas[id] = schema
    }

    /// The name a schema is known by: the component name it was given (`components.schemas.Error: {$ref:
    /// common/Error.yaml}` names that file's schema `Error`), or its id's ``SchemaID/nameHint``.
    public func name(of id: SchemaID) -> String {
        names[id] ?? id.nameHint
    }

    /// Records `id` as the component schema `name`, and gives it that name.
    public mutating func addComponent(_ name: String, _ id: SchemaID) {
        components.append((name, id))
        self.name(id, name)
    }

    /// Gives `id` the name `name`, unless it has one already.
    public mutating func name(_ id: SchemaID, _ name: String) {
        if names[id] == nil { names[id] = name }
    }

    /// Adds what `other`, a copy of this table made when it had `count` ids, has added since, in its order, as if
    /// it had been added here; unless this table has since added one of the same ids (its reader would have found
    /// that schema read, and not read it again): then it adds nothing, and returns `false`. Names given here first
    /// stay.
    mutating func append(_ other: SchemaTable, addedAfter count: Int) -> Bool {
        let added = other.ids[count...]
        guard added.allSatisfy({ !contains($0) }) else { return false }
        for id in added {
            ids.append(id)
            if let schema = other.schemas[id] { schemas[id] = schema } else { reserved.insert(id) }
        }
        for (id, name) in other.names where names[id] == nil { names[id] = name }
        return true
    }

    /// The schemas in order.
    public var entries: [(id: SchemaID, schema: JSONSchema)] {
        ids.compactMap { id in schemas[id].map { (id, $0) } }
    }

    public var count: Int { schemas.count }
}
