import BinderyYAML
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The schema identifiers of one file (JSON Schema 2020-12, as OpenAPI 3.1 uses it): every `$id` (a schema resource,
/// named by a URI resolved against the enclosing resource's) and every `$anchor` (a name for a schema within its
/// resource), so that `$ref: /components/schemas/petdetails#pet_details_id` can find them.
///
/// The file is scanned once, whole (unless it has no `$id` or `$anchor` at all), so a reference may name a schema that is read after it. Literal values
/// (`example`, `examples`, `default`, `const`, `enum`, extensions) are data and are not scanned; neither are nodes
/// reached a second time through a YAML alias.
struct SchemaIdentifiers {
    /// A schema an identifier names: where it is in the file.
    struct Target {
        var pointer: JSONPointer
        var node: YAMLNode
    }

    /// The URI the file was retrieved from (`file:///…`), the base of its references and identifiers.
    let fileURI: String
    /// Schema resources by absolute URI, without fragment.
    private(set) var resources: [String: Target] = [:]
    /// Anchors by the URI of their resource, `#`, and the anchor's name.
    private(set) var anchors: [String: Target] = [:]
    /// The base URI of each `$ref` (its value node) that is inside a schema with an `$id`: that schema's URI.
    private(set) var referenceBases: [YAMLNode: String] = [:]

    /// Whether the file has any identifier at all.
    var isEmpty: Bool { resources.isEmpty && anchors.isEmpty }

    /// Keys whose values are literal data, not schemas (unless they are names in a map of schemas).
    private static let dataKeys: Set<String> = ["example", "examples", "default", "const", "enum"]
    /// Keys whose values are maps from names to schemas: there `example` is a property's name.
    private static let schemaMaps: Set<String> = [
        "properties", "patternProperties", "$defs", "definitions", "schemas", "dependentSchemas",
    ]

    /// Scans `document`.
    init(document: YAMLDocument) {
        fileURI = Self.fileURI(of: document.file)
        guard document.mentions("$id") || document.mentions("$anchor") else { return }
        var visited = Set<YAMLNode>()
        // Depth-first with an explicit stack: a file may nest deeper than the call stack allows.
        var stack: [(node: YAMLNode, pointer: JSONPointer, base: String, inSchemaMap: Bool)] = [
            (document.root, JSONPointer(tokens: []), fileURI, false)
        ]
        while let (node, pointer, parentBase, inSchemaMap) = stack.popLast() {
            guard node.kind != .scalar, visited.insert(node).inserted else { continue }
            if node.kind == .sequence {
                for (index, element) in node.elements.enumerated().reversed() {
                    stack.append((element, pointer.appending(String(index)), parentBase, false))
                }
                continue
            }
            var base = parentBase
            if let id = node["$id"]?.scalar, !inSchemaMap {
                if id.hasPrefix("#"), id.count > 1 {
                    // Draft 7 and earlier: `$id: '#name'` is an anchor.
                    anchors[base + id] = anchors[base + id] ?? Target(pointer: pointer, node: node)
                } else if let uri = Self.resolve(id, against: base) {
                    base = Self.split(uri).uri
                    resources[base] = resources[base] ?? Target(pointer: pointer, node: node)
                }
            }
            if !inSchemaMap {
                if let anchor = node["$anchor"]?.scalar {
                    anchors[base + "#" + anchor] = anchors[base + "#" + anchor] ?? Target(pointer: pointer, node: node)
                }
                if let ref = node["$ref"], ref.kind == .scalar, base != fileURI {
                    referenceBases[ref] = base
                }
            }
            for (key, value) in node.pairs.reversed() {
                guard let name = key.scalar else { continue }
                if !inSchemaMap, Self.dataKeys.contains(name) || name.hasPrefix("x-") { continue }
                stack.append((value, pointer.appending(name), base, !inSchemaMap && Self.schemaMaps.contains(name)))
            }
        }
    }

    /// The `file://` URI of a file named `path` (relative paths are relative to the working directory).
    static func fileURI(of path: String) -> String {
        if DocumentLoader.isRemote(path) { return path }
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: DocumentLoader.normalize(absolute)).absoluteString
    }

    /// `reference` resolved against `base` (RFC 3986), or `nil` when it is not a URI reference.
    static func resolve(_ reference: String, against base: String) -> String? {
        if reference.isEmpty { return base }
        guard let baseURL = URL(string: base), let url = URL(string: reference, relativeTo: baseURL) else {
            return nil
        }
        return url.absoluteString
    }

    /// An absolute URI split at its fragment; the fragment is percent-decoded.
    static func split(_ uri: String) -> (uri: String, fragment: String) {
        guard let hash = uri.firstIndex(of: "#") else { return (uri, "") }
        let fragment = String(uri[uri.index(after: hash)...])
        return (String(uri[..<hash]), fragment.percentDecoded ?? fragment)
    }
}
