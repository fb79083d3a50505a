import BinderyOpenAPI
import BinderyYAML

/// Reads a description given as YAML text, and returns it with its warnings as `file:line:col: warning: message`.
func readDocumentAndWarnings(
    _ yaml: String, file: String = "spec.yaml"
) throws -> (
    document: OpenAPIDocument, warnings: [String]
) {
    let reader = OpenAPIReader()
    let document = try reader.read(root: YAMLDocument(bytes: Array(yaml.utf8), file: file).root)
    return (document, reader.warnings.map(\.description))
}

extension OpenAPIDocument {
    /// The schema whose id's last pointer token is `name`.
    func schema(named name: String) -> JSONSchema? {
        schemas.entries.first { $0.id.nameHint == name }?.schema
    }

    /// The schema of property `property` of the schema `name`.
    func property(_ property: String, of name: String) -> JSONSchema? {
        schema(named: name)?.properties.first { $0.name == property }?.schema
    }
}
