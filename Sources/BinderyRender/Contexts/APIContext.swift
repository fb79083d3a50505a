import BinderyModel

/// One API type (`TokenApi`).
///
/// Keys: `name`, `tag`, `docComment` (lines), `description` (Markdown, one line), `hasDescription`,
/// `operations`.
struct APIContext: RenderContext {
    let api: APIDefinition
    let operations: [OperationContext]
    let docComment: [String]

    init(api: APIDefinition, index: TypeIndex) {
        self.api = api
        self.operations = api.operations.map { OperationContext(operation: $0, index: index) }
        var comment = DocComment()
        comment.paragraph(api.documentation.description ?? "The operations tagged `\(api.tag)`.")
        self.docComment = comment.lines
    }

    func value(forKey key: String) -> RenderValue? {
        switch key {
        case "name": .text(api.name)
        case "tag": .text(api.tag)
        case "docComment": .lines(docComment)
        case "description": .text(MarkdownText.cell(api.documentation.description))
        case "hasDescription": .flag(!api.documentation.isEmpty)
        case "operations": .list(operations)
        default: nil
        }
    }
}
