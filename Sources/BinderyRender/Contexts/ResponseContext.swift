import BinderyModel

/// One documented response, as a case of the operation's response enum.
///
/// Keys for Swift: `caseName` (for its declaration), `caseMember` (after a dot), `caseDocComment` (lines), `isCode`, `code`, `isRange`, `rangeStart`, `rangeEnd`,
/// `isDefault`, `coversManyStatuses` (a range or `default`: the case carries the status), `hasBody`, `bodyType`,
/// `isJSONBody`, `isTextBody`, `isBinaryBody`, `isSuccess`, `checksSuccessStatus` (`default` standing for success:
/// only 2xx statuses are), `checksContentType` (the case is taken only for a JSON or missing `Content-Type`), `isConditional` (only
/// for some media types: JSON, or a stream's),
/// `hasHeaders`, `headersTypeName`, `headersDocComment` (lines), `headers` (``ResponseHeaderContext``s),
/// `hasPayload` (a body or headers: the case has associated values). Streaming bodies: `isStreamBody`,
/// `isServerSentEvents`, `isJSONLines`, `isJSONSequence`, `decodesStreamElements` (elements are decoded as JSON,
/// not server-sent events' text), `streamElementType` (the decoded element; `bodyType` is the whole
/// `AsyncThrowingStream`), `isByteStreamBody` (a binary body read as it arrives, a `ByteStream`). Keys for docs:
/// `status`, `description`, `bodyMarkdown`, `contentTypes`.
final class ResponseContext: RenderContext {
    let response: ResponseDefinition
    let bodyType: String
    let streamElementType: String
    let headers: [ResponseHeaderContext]
    /// The operation's method and path, for the headers' doc comment.
    let method: String
    let path: String
    let index: TypeIndex

    init(response: ResponseDefinition, operation: OperationDefinition, index: TypeIndex) {
        self.response = response
        self.index = index
        if case .stream(let format, let element) = response.body {
            self.bodyType = Self.streamType(format, element: element, index: index)
            self.streamElementType = element.map(index.code) ?? ""
        } else if response.body == .byteStream {
            self.bodyType = Self.byteStreamType
            self.streamElementType = ""
        } else {
            self.bodyType = response.bodyType.map(index.code) ?? ""
            self.streamElementType = ""
        }
        self.headers = response.headers.map { ResponseHeaderContext(header: $0, index: index) }
        self.method = operation.method
        self.path = operation.path
    }

    /// Made when a template asks: only the docs do, once.
    var bodyMarkdown: String {
        switch response.body {
        case .stream?, .byteStream?: MarkdownText.code(bodyType)
        default: response.bodyType.map { index.markdown($0) } ?? ""
        }
    }

    // Made when a template asks, which each does once (the Swift of an API; its docs page asks neither).
    var caseDocComment: [String] { Self.caseDocComment(response) }
    var headersDocComment: [String] {
        var comment = DocComment()
        comment.paragraph(
            "The documented headers of `\(response.caseName)` (\(response.status)) of "
                + "`\(method) \(path)`.")
        return comment.lines
    }

    func value(forKey key: RenderKey) -> RenderValue? {
        switch key.known {
        case .caseName: .text(SwiftName.identifier(response.caseName))
        // After a dot, case names need no backticks (they never take `self`, `Type`, `Protocol` or `init`).
        case .caseMember: .text(response.caseName)
        case .caseDocComment: .lines(caseDocComment)
        case .isCode: if case .code = response.status { .flag(true) } else { .flag(false) }
        case .code: if case .code(let code) = response.status { .text(String(code)) } else { .text("") }
        case .isRange: if case .range = response.status { .flag(true) } else { .flag(false) }
        case .rangeStart:
            if case .range(let hundreds) = response.status { .text(String(hundreds * 100)) } else { .text("") }
        case .rangeEnd:
            if case .range(let hundreds) = response.status { .text(String(hundreds * 100 + 100)) } else { .text("") }
        case .isDefault: .flag(response.status == .default)
        case .coversManyStatuses: if case .code = response.status { .flag(false) } else { .flag(true) }
        case .hasBody: .flag(response.body != nil)
        case .bodyType: .text(bodyType)
        case .isJSONBody: if case .json = response.body { .flag(true) } else { .flag(false) }
        case .isTextBody: .flag(response.body == .text)
        case .isBinaryBody: .flag(response.body == .binary)
        case .isByteStreamBody: .flag(response.body == .byteStream)
        case .isStreamBody: if case .stream = response.body { .flag(true) } else { .flag(false) }
        case .isServerSentEvents:
            if case .stream(.serverSentEvents, _) = response.body { .flag(true) } else { .flag(false) }
        case .isJSONLines: if case .stream(.jsonLines, _) = response.body { .flag(true) } else { .flag(false) }
        case .isJSONSequence: if case .stream(.jsonSequence, _) = response.body { .flag(true) } else { .flag(false) }
        case .decodesStreamElements:
            if case .stream(_, .some) = response.body { .flag(true) } else { .flag(false) }
        case .streamElementType: .text(streamElementType)
        case .isSuccess: .flag(response.isSuccess)
        case .checksContentType: .flag(response.checksContentType)
        case .isConditional: .flag(response.isConditional)
        case .hasHeaders: .flag(!response.headers.isEmpty)
        case .headersTypeName: .text(response.headersTypeName)
        case .headersDocComment: .lines(headersDocComment)
        case .headers: .list(headers)
        case .hasPayload: .flag(response.body != nil || !response.headers.isEmpty)
        case .checksSuccessStatus: .flag(response.isSuccess && response.status == .default)
        case .status: .text(response.status.description)
        case .description: .text(MarkdownText.cell(response.description))
        case .bodyMarkdown: .text(bodyMarkdown)
        case .contentTypes: .text(response.contentTypes.joined(separator: ", "))
        default: nil
        }
    }

    /// The runtime's type of a binary body read as it arrives.
    static let byteStreamType = "ByteStream"

    /// The Swift type of a streaming body: `AsyncThrowingStream<ServerSentEvent<Chunk>, any Error>`, or of the
    /// elements themselves for JSON lines and sequences.
    static func streamType(_ format: StreamFormat, element: SwiftType?, index: TypeIndex) -> String {
        let code = element.map(index.code) ?? "String"
        let item = format == .serverSentEvents ? "ServerSentEvent<\(code)>" : code
        return "AsyncThrowingStream<\(item), any Error>"
    }

    static func caseDocComment(_ response: ResponseDefinition) -> [String] {
        var comment = DocComment()
        let description = SwiftLiteral.lines(response.description).filter { !$0.isEmpty }.joined(separator: " ")
        switch response.status {
        case .default:
            comment.paragraph((description.isEmpty ? "" : description + ": ") + "any status not documented otherwise.")
        default:
            comment.paragraph(
                description.isEmpty ? "Status \(response.status)." : "\(description) (\(response.status)).")
        }
        return comment.lines
    }
}

/// One documented header of a response, a property of the response's headers struct.
///
/// Keys: `name` (on the wire), `nameLiteral`, `swiftName` (with backticks where needed), `memberName` (after
/// `self.`), `type` (with `?` unless required), `baseType` (without), `isRequired`, `docComment` (lines), and for
/// docs `typeMarkdown`, `description` (one line of Markdown), `requiredText`.
final class ResponseHeaderContext: RenderContext {
    let header: ResponseHeaderDefinition
    let baseType: String
    let typeMarkdown: String

    init(header: ResponseHeaderDefinition, index: TypeIndex) {
        self.header = header
        self.baseType = index.code(header.type)
        self.typeMarkdown = index.markdown(header.type)
    }

    /// Made when a template asks (once: the docs page does not).
    var docComment: [String] {
        var comment = DocComment()
        comment.paragraphs(header.documentation)
        if header.deprecated {
            comment.callout("- Note: The API description marks this header as deprecated.", separated: true)
        }
        comment.callout(
            "- Remark: Header \(MarkdownText.code(header.name))"
                + (header.isRequired ? ", required: a response without it is an error." : "."),
            separated: !header.deprecated
        )
        return comment.lines
    }

    func value(forKey key: RenderKey) -> RenderValue? {
        switch key.known {
        case .name: .text(header.name)
        case .nameLiteral: .text(SwiftLiteral.string(header.name))
        case .swiftName: .text(SwiftName.identifier(header.swiftName))
        case .memberName: .text(header.swiftName)
        case .type: .text(baseType + (header.isRequired ? "" : "?"))
        case .baseType: .text(baseType)
        case .isRequired: .flag(header.isRequired)
        case .docComment: .lines(docComment)
        case .typeMarkdown: .text(typeMarkdown)
        case .description: .text(MarkdownText.cell(header.documentation.paragraphs.first ?? ""))
        case .requiredText: .text(header.isRequired ? "required" : "optional")
        default: nil
        }
    }
}
