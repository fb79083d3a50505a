import BinderyYAML

extension OpenAPIReader {
    /// What the `type` keyword of a schema says: the JSON types, and a format a non-standard type name implies.
    struct TypeKeyword {
        var types: [JSONSchema.JSONType] = []
        /// `byte` for `type: bytes`, `binary` for `type: file`; used when the schema has no `format` of its own.
        var impliedFormat: String?
    }

    /// Reads `type`: one name, or (OpenAPI 3.1) a list of names.
    ///
    /// Descriptions break the rules in ways their users cannot fix, so what can be understood is read: a list of
    /// types in a 3.0 document, which can only mean what it means in 3.1, with a note (once per document); with a
    /// warning, as the author may have meant something else, `bytes` (read as a base64 `string`, as protobuf's JSON
    /// mapping writes bytes), `file` (Swagger 2.0's binary, read as a `binary` string) and any other unknown name
    /// (read as any type).
    func readTypes(_ node: YAMLNode) throws(Diagnostic) -> TypeKeyword {
        let isList = node.kind == .sequence
        if isList, !version.allowsReferenceSiblings {
            noteOnce(
                "type lists", node.location,
                "a list of types is OpenAPI 3.1; this document is \(version) (read as in 3.1; later lists of types in "
                    + "this document are not reported)")
        }
        var keyword = TypeKeyword()
        for nameNode in isList ? Array(node.elements) : [node] {
            // `type: [string, null]` with YAML's bare null means the type "null".
            let name = nameNode.isNull && isList ? "null" : try nameNode.string("'type'")
            if let type = JSONSchema.JSONType(rawValue: name) {
                keyword.types.append(type)
                continue
            }
            switch name {
            case "bytes":
                warn(nameNode.location, "unknown type 'bytes': read as type 'string' with format 'byte' (base64 text)")
                keyword.types.append(.string)
                keyword.impliedFormat = "byte"
            case "file":
                if version != .swagger2 {
                    warn(
                        nameNode.location,
                        "type 'file' is Swagger 2.0: read as type 'string' with format 'binary'")
                }
                keyword.types.append(.string)
                keyword.impliedFormat = "binary"
            default:
                warn(
                    nameNode.location,
                    "unknown type '\(name)': expected string, number, integer, boolean, array, object or null; "
                        + "read as any type")
                return TypeKeyword()
            }
        }
        return keyword
    }
}
