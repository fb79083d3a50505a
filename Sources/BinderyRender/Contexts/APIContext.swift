import BinderyModel

/// One API type (`TokenApi`), or one file of it.
///
/// Keys: `name`, `tag`, `docComment` (lines), `description` (Markdown, one line), `hasDescription`,
/// `operations`; per file (``files``): `fileName` (the file's name without `.swift`), `isExtension` (false for
/// the file that declares the type), `operationRange` (`Operations 21 to 40 of 468`, in an extension).
struct APIContext: RenderContext {
    /// The most operations one file holds. The compiler's time on a file grows faster than its size (Stripe's 468
    /// untagged operations in one 2.9 MB file took over 7 CPU-minutes and 5.5 GB, against about a minute for the
    /// same code in files of this size), so a larger API is split into its type and extensions.
    static let operationsPerFile = 20

    let api: APIDefinition
    let operations: [OperationContext]
    let docComment: [String]
    let fileName: String
    let isExtension: Bool
    let operationRange: String
    /// The API's files: one when it has at most ``operationsPerFile`` operations.
    let files: [APIContext]

    init(api: APIDefinition, index: TypeIndex) {
        var comment = DocComment()
        comment.paragraph(api.documentation.description ?? "The operations tagged `\(api.tag)`.")
        let operations = api.operations.map { OperationContext(operation: $0, index: index) }
        self.init(
            api: api, operations: operations, docComment: comment.lines, fileName: api.name, isExtension: false,
            operationRange: "", files: Self.files(api: api, operations: operations, docComment: comment.lines))
    }

    private init(
        api: APIDefinition, operations: [OperationContext], docComment: [String], fileName: String,
        isExtension: Bool, operationRange: String, files: [APIContext]
    ) {
        self.api = api
        self.operations = operations
        self.docComment = docComment
        self.fileName = fileName
        self.isExtension = isExtension
        self.operationRange = operationRange
        self.files = files
    }

    /// The API split into files of at most ``operationsPerFile`` operations, in the description's order: the
    /// first declares the type, the others (`DefaultApi+2`, `DefaultApi+3`, …) extend it.
    private static func files(
        api: APIDefinition, operations: [OperationContext], docComment: [String]
    ) -> [APIContext] {
        let starts = Array(stride(from: 0, to: max(operations.count, 1), by: operationsPerFile))
        return starts.enumerated().map { number, start in
            let end = min(start + operationsPerFile, operations.count)
            return APIContext(
                api: api, operations: Array(operations[start..<end]), docComment: docComment,
                fileName: number == 0 ? api.name : "\(api.name)+\(number + 1)", isExtension: number > 0,
                operationRange: "Operations \(start + 1) to \(end) of \(operations.count)", files: [])
        }
    }

    func value(forKey key: RenderKey) -> RenderValue? {
        switch key {
        case "name": .text(api.name)
        case "tag": .text(api.tag)
        case "docComment": .lines(docComment)
        case "description": .text(MarkdownText.cell(api.documentation.description))
        case "hasDescription": .flag(!api.documentation.isEmpty)
        case "operations": .list(operations)
        case "fileName": .text(fileName)
        case "isExtension": .flag(isExtension)
        case "operationRange": .text(operationRange)
        default: nil
        }
    }
}
