import BinderyModel

/// One documented response, as a case of the operation's response enum.
///
/// Keys for Swift: `caseName` (for its declaration), `caseMember` (after a dot), `caseDocComment` (lines), `isCode`, `code`, `isRange`, `rangeStart`, `rangeEnd`,
/// `isDefault`, `coversManyStatuses` (a range or `default`: the case carries the status), `hasBody`, `bodyType`,
/// `isJSONBody`, `isTextBody`, `isBinaryBody`, `isSuccess`, `checksSuccessStatus` (`default` standing for success:
/// only 2xx statuses are). Keys for docs: `status`, `description`, `bodyMarkdown`, `contentTypes`.
struct ResponseContext: RenderContext {
    let response: ResponseDefinition
    let bodyType: String
    let bodyMarkdown: String
    let caseDocComment: [String]

    init(response: ResponseDefinition, index: TypeIndex) {
        self.response = response
        self.bodyType = response.bodyType.map(index.code) ?? ""
        self.bodyMarkdown = response.bodyType.map { index.markdown($0) } ?? ""
        self.caseDocComment = Self.caseDocComment(response)
    }

    func value(forKey key: String) -> RenderValue? {
        switch key {
        case "caseName": .text(SwiftName.identifier(response.caseName))
        // After a dot, case names need no backticks (they never take `self`, `Type`, `Protocol` or `init`).
        case "caseMember": .text(response.caseName)
        case "caseDocComment": .lines(caseDocComment)
        case "isCode": if case .code = response.status { .flag(true) } else { .flag(false) }
        case "code": if case .code(let code) = response.status { .text(String(code)) } else { .text("") }
        case "isRange": if case .range = response.status { .flag(true) } else { .flag(false) }
        case "rangeStart":
            if case .range(let hundreds) = response.status { .text(String(hundreds * 100)) } else { .text("") }
        case "rangeEnd":
            if case .range(let hundreds) = response.status { .text(String(hundreds * 100 + 100)) } else { .text("") }
        case "isDefault": .flag(response.status == .default)
        case "coversManyStatuses": if case .code = response.status { .flag(false) } else { .flag(true) }
        case "hasBody": .flag(response.body != nil)
        case "bodyType": .text(bodyType)
        case "isJSONBody": if case .json = response.body { .flag(true) } else { .flag(false) }
        case "isTextBody": .flag(response.body == .text)
        case "isBinaryBody": .flag(response.body == .binary)
        case "isSuccess": .flag(response.isSuccess)
        case "checksSuccessStatus": .flag(response.isSuccess && response.status == .default)
        case "status": .text(response.status.description)
        case "description": .text(MarkdownText.cell(response.description))
        case "bodyMarkdown": .text(bodyMarkdown)
        case "contentTypes": .text(response.contentTypes.joined(separator: ", "))
        default: nil
        }
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
