import BinderyCore
import BinderyOpenAPI

/// `allOf` hierarchies whose parent holds the discriminator: `Pet` declares `discriminator: petType` and lists no
/// alternatives, and `Cat` and `Dog` extend it (`allOf: [$ref: Pet, …]`). A value described as a `Pet` is then a
/// `Cat`, a `Dog`, or a kind the client does not know yet, chosen by `petType`: OpenAPI's "implicit" mapping (each
/// schema's name) together with the discriminator's `mapping`, as in Swagger 2.0, where a string `discriminator`
/// is the only way to say it.
///
/// Such a parent is read as if it listed its descendants as a `oneOf` (a struct of its own members and a `variant`
/// holding the one chosen, as for a parent that lists them), so everything that handles `oneOf` choices handles it:
/// the choice, its `undocumented` case, encoding, filters (a parent reaches its descendants), and the descendants
/// that merge the parent (they keep its members, not its choice: see ``dropChoicesOfThemselves()``).
extension ModelTranslator {
    /// `document` with each parent that declares a discriminator, and lists no `oneOf`/`anyOf` of its own, given
    /// the `oneOf` of its descendants (schemas that name it in their `allOf`, directly or through other descendants,
    /// in document order) and of the other schemas its `mapping` names. The parents changed are returned too.
    static func listingDescendants(in document: OpenAPIDocument) -> (OpenAPIDocument, parents: Set<SchemaID>) {
        let entries = document.schemas.entries
        var parents: [SchemaID: JSONSchema] = [:]
        for (id, schema) in entries
        where schema.ref == nil && schema.discriminator != nil && schema.oneOf.isEmpty && schema.anyOf.isEmpty {
            parents[id] = schema
        }
        guard !parents.isEmpty else { return (document, []) }

        // Who extends whom, directly: the references among each schema's `allOf` parts.
        var extendedBy: [SchemaID: [SchemaID]] = [:]
        for (id, schema) in entries where schema.ref == nil {
            for part in schema.allOf {
                if let parent = part.ref, parent != id { extendedBy[parent, default: []].append(id) }
            }
        }
        let order = Dictionary(entries.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })

        var result = document
        var changed: Set<SchemaID> = []
        for (parent, schema) in parents {
            guard let discriminator = schema.discriminator else { continue }
            // Every descendant, breadth first (a chain of `allOf`s is as long as the description makes it).
            var descendants: Set<SchemaID> = []
            var pending = extendedBy[parent] ?? []
            while let next = pending.popLast() {
                guard next != parent, descendants.insert(next).inserted else { continue }
                pending += extendedBy[next] ?? []
            }
            var alternatives = descendants.sorted { (order[$0] ?? 0) < (order[$1] ?? 0) }
            for entry in discriminator.mapping {
                guard case .scalar(let target, _) = entry.value,
                    let id = entries.first(where: { mappingTarget(target, refersTo: $0.id, in: document.schemas) })?.id,
                    id != parent, !alternatives.contains(id)
                else { continue }
                alternatives.append(id)
            }
            guard !alternatives.isEmpty else { continue }
            var listing = schema
            listing.oneOf = alternatives.map {
                JSONSchema(ref: $0, location: document.schemas[$0]?.location ?? schema.location)
            }
            result.schemas.set(listing, for: parent)
            changed.insert(parent)
        }
        return (result, changed)
    }

    /// Whether a discriminator mapping's value refers to the schema `ref`: a schema name (`Cat`), a reference
    /// (`#/components/schemas/Cat`, `models.yaml#/Cat`), or a file (`Cat.yaml`, `./Cat.yaml`). A file is relative to
    /// the description that holds the mapping, which is not known here: it matches a file whose path ends with it,
    /// once its leading `./` and `../` are left out.
    static func mappingTarget(_ target: String, refersTo ref: SchemaID, in schemas: SchemaTable) -> Bool {
        let file: Substring
        let pointer: Substring
        if let hash = target.firstIndex(of: "#") {
            file = target[..<hash]
            pointer = target[target.index(after: hash)...]
        } else if target.contains("/") || [".yaml", ".yml", ".json"].contains(where: { target.hasSuffix($0) }) {
            (file, pointer) = (target[...], "")
        } else {
            return target == schemas.name(of: ref) || target == ref.pointer.lastToken
        }
        guard pointer == ref.pointer.description else { return false }
        var path = file
        while path.hasPrefix("./") || path.hasPrefix("../") { path = path.drop { $0 != "/" }.dropFirst() }
        return path.isEmpty || ref.file == String(path) || ref.file.hasSuffix("/" + path)
    }
}
