import BinderyCore
import BinderyModel

/// One documented response, as a case of the operation's response enum.
///
/// Keys for Swift: `caseName`, `caseDeclaration`, `caseDocComment`, `switchLabel`, `resultExpression`,
/// `simplePattern`, `simpleStatements` (lines). Keys for docs: `status`, `description`, `bodyMarkdown`, `contentTypes`.
struct ResponseContext: RenderContext {
    let response: ResponseDefinition
    let index: TypeIndex
    /// The simple method's catch-all statement, for a `default` response without a body.
    let catchAllStatement: String

    func value(forKey key: String) -> RenderValue? {
        switch key {
        case "caseName": .text(SwiftName.identifier(response.caseName))
        case "caseDeclaration": .text(caseDeclaration)
        case "caseDocComment": .lines(caseDocComment)
        case "switchLabel": .text(switchLabel)
        case "resultExpression": .text(resultExpression)
        case "simplePattern": .text(simplePattern)
        case "simpleStatements": .lines(simpleStatements)
        case "status": .text(Self.statusText(response.status))
        case "description": .text(MarkdownText.cell(response.description))
        case "bodyMarkdown": .text(response.bodyType.map { index.markdown($0) } ?? "")
        case "contentTypes": .text(response.contentTypes.joined(separator: ", "))
        default: nil
        }
    }

    /// Whether the case stands for more than one status (a range, `default`), so it carries the status.
    var coversManyStatuses: Bool {
        if case .code = response.status { return false }
        return true
    }

    var caseDeclaration: String {
        let name = SwiftName.identifier(response.caseName)
        switch (response.bodyType, coversManyStatuses) {
        case (let type?, false): return "case \(name)(\(index.code(type)))"
        case (nil, false): return "case \(name)"
        case (let type?, true): return "case \(name)(statusCode: Int, body: \(index.code(type)))"
        case (nil, true): return "case \(name)(HTTPResponse)"
        }
    }

    var caseDocComment: [String] {
        var comment = DocComment()
        let description = SwiftLiteral.lines(response.description).filter { !$0.isEmpty }.joined(separator: " ")
        let status = Self.statusText(response.status)
        switch response.status {
        case .default:
            comment.paragraph((description.isEmpty ? "" : description + ": ") + "any status not documented otherwise.")
        default:
            comment.paragraph(description.isEmpty ? "Status \(status)." : "\(description) (\(status)).")
        }
        return comment.lines
    }

    var switchLabel: String {
        switch response.status {
        case .code(let code): "case \(code):"
        case .range(let hundreds): "case \(hundreds * 100)..<\(hundreds * 100 + 100):"
        case .default: "default:"
        }
    }

    /// The decoded body, as an expression (with `try` when decoding can fail).
    var decodeExpression: String? {
        switch response.body {
        case .json(let type): "try client.decodeJSON(\(index.code(type)).self, from: response)"
        case .text: "response.bodyText"
        case .binary: "response.body"
        case nil: nil
        }
    }

    var resultExpression: String {
        let name = response.caseName
        switch (decodeExpression, coversManyStatuses) {
        case (let decode?, false): return ".\(name)(\(decode))"
        case (nil, false): return ".\(name)"
        case (let decode?, true): return ".\(name)(statusCode: response.statusCode, body: \(decode))"
        case (nil, true): return ".\(name)(response)"
        }
    }

    var simplePattern: String {
        let name = response.caseName
        switch (response.bodyType != nil, coversManyStatuses) {
        case (true, false): return ".\(name)(let body)"
        case (false, false): return ".\(name)"
        case (true, true): return response.isSuccess ? ".\(name)(let statusCode, let body)" : ".\(name)(_, let body)"
        case (false, true): return ".\(name)"
        }
    }

    /// What the simple method does with this case.
    var simpleStatements: [String] {
        let hasBody = response.bodyType != nil
        let failure =
            hasBody
            ? "throw APIResponseError(body: body, response: response)" : "throw APIError.unexpectedStatus(response)"
        switch (response.isSuccess, response.status) {
        case (true, .default):
            // `default` stands for success when nothing else does: for 2xx statuses only.
            let status = hasBody ? "statusCode" : "response.statusCode"
            return ["guard (200..<300).contains(\(status)) else { \(failure) }", hasBody ? "return body" : "return"]
        case (true, _):
            return [hasBody ? "return body" : "return"]
        case (false, .default) where !hasBody:
            return [catchAllStatement]
        case (false, _):
            return [failure]
        }
    }

    static func statusText(_ status: ResponseStatus) -> String {
        status.description
    }
}
