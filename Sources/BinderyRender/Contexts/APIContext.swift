import BinderyModel

/// One API type (`TokenApi`), or one file of it.
///
/// Keys: `name`, `tag`, `docComment` (lines), `description` (Markdown, one line), `hasDescription`,
/// `operations`; per file (``init(api:file:index:)``): `fileName` (the file's name without `.swift`), `isExtension`
/// (false for the file that declares the type), `operationRange` (`Operations 21 to 40 of 468`, in an extension).
struct APIContext: RenderContext {
    /// The most operations one file holds. The compiler's time on a file grows faster than its size (Stripe's 468
    /// untagged operations in one 2.9 MB file took over 7 CPU-minutes and 5.5 GB, against about a minute for the
    /// same code in files of this size), so a larger API is split into its type and extensions.
    static let operationsPerFile = 20

    let api: APIDefinition
    /// ``OperationContext``s for a file of the API; for the whole API, ``ListElement``s, which make them one
    /// at a time.
    let operations: [any RenderContext]
    let docComment: [String]
    let fileName: String
    let isExtension: Bool
    let operationRange: String

    /// The whole API, for the files rendered once per API and the package's `apis`. Its operations are
    /// ``ListElement``s: a template that goes through them makes one operation's context at a time (Stripe's
    /// API of 468 operations is one), and none for what their definitions give (a table of their names).
    init(api: APIDefinition, index: TypeIndex) {
        self.init(
            api: api,
            operations: ListElement<OperationContext>.list(of: api.operations) {
                OperationContext(operation: $0, index: index)
            }, fileName: api.name,
            isExtension: false, operationRange: "")
    }

    /// The API's file `file` (from 0, below ``fileCount(of:)``) of at most ``operationsPerFile`` operations, in the
    /// description's order: the first declares the type, the others (`DefaultApi+2`, `DefaultApi+3`, …) extend it.
    /// Only that file's operations get contexts.
    init(api: APIDefinition, file: Int, index: TypeIndex) {
        let count = api.operations.count
        let start = min(file * Self.operationsPerFile, count)
        let end = min(start + Self.operationsPerFile, count)
        self.init(
            api: api, operations: api.operations[start..<end].map { OperationContext(operation: $0, index: index) },
            fileName: file == 0 ? api.name : "\(api.name)+\(file + 1)", isExtension: file > 0,
            operationRange: "Operations \(start + 1) to \(end) of \(count)")
    }

    private init(
        api: APIDefinition, operations: [any RenderContext], fileName: String, isExtension: Bool,
        operationRange: String
    ) {
        var comment = DocComment()
        comment.paragraph(api.documentation.description ?? "The operations tagged `\(api.tag)`.")
        self.api = api
        self.operations = operations
        self.docComment = comment.lines
        self.fileName = fileName
        self.isExtension = isExtension
        self.operationRange = operationRange
    }

    /// How many files `api` is split into: one when it has at most ``operationsPerFile`` operations (one for none).
    static func fileCount(of api: APIDefinition) -> Int {
        max(1, (api.operations.count + operationsPerFile - 1) / operationsPerFile)
    }

    func value(forKey key: RenderKey) -> RenderValue? {
        switch key.known {
        case .name: .text(api.name)
        case .tag: .text(api.tag)
        case .docComment: .lines(docComment)
        case .description: .text(MarkdownText.cell(api.documentation.description))
        case .hasDescription: .flag(!api.documentation.isEmpty)
        case .operations: .list(operations)
        case .fileName: .text(fileName)
        case .isExtension: .flag(isExtension)
        case .operationRange: .text(operationRange)
        default: nil
        }
    }
}
