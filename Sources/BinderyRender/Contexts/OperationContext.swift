import BinderyModel

/// One operation: its methods, the request it builds and the responses it decodes.
///
/// Keys for Swift: `swiftName`, `responseMethodName`, `responseTypeName`, `sendMethodName`, `operationID`,
/// `operationIDLiteral`, `methodLiteral`, `pathExpression`, `docComment`, `responseDocComment`,
/// `responseTypeDocComment`, `deprecatedAttribute`, `isDeprecated`, `parameters`, `hasParameters`,
/// `hasSimpleMethod`, `simpleReturnType`, `simpleReturnClause` (` -> Type`, empty for `Void`), `hasAccept`, `acceptLiteral`, `requestStatements` (lines), `requestBinding` (`var`, or `let` when nothing is
/// added to the request),
/// `securityExpression`, `responses`, `hasUndocumentedCase`, `undocumentedCaseName`,
/// `undocumentedCaseDeclaration`, `undocumentedSimpleStatement`.
///
/// Keys for docs: `docAnchor`, `method`, `path`, `summary`, `description` (Markdown), `hasSummary`, `hasDescription`,
/// `returnTypeMarkdown`, `requestContentType`, `hasRequestBody`, `accept`, `authorization` (Markdown),
/// `needsAuthorization`, `exampleArguments`.
///
/// A class, so that what the templates ask for several times (the statements, the doc comments) is computed once.
final class OperationContext: RenderContext {
    let operation: OperationDefinition
    let apiName: String
    let index: TypeIndex
    let parameters: [ParameterContext]
    let responses: [ResponseContext]

    init(operation: OperationDefinition, apiName: String, index: TypeIndex) {
        self.operation = operation
        self.apiName = apiName
        self.index = index
        self.parameters = operation.parameters.map { ParameterContext(parameter: $0, index: index) }
        let catchAll = Self.catchAllStatement(operation)
        self.responses = operation.responses.map {
            ResponseContext(response: $0, index: index, catchAllStatement: catchAll)
        }
    }

    func value(forKey key: String) -> RenderValue? {
        switch key {
        case "swiftName": .text(SwiftName.identifier(operation.swiftName))
        // Markdown renderers make heading anchors lower case.
        case "docAnchor": .text(operation.swiftName.lowercased())
        case "responseMethodName": .text(SwiftName.identifier(operation.responseMethodName))
        case "responseTypeName": .text(operation.responseTypeName)
        case "sendMethodName": .text(SwiftName.identifier(operation.sendMethodName))
        case "operationID": .text(operation.operationID)
        case "operationIDLiteral": .text(SwiftLiteral.string(operation.operationID))
        case "method": .text(operation.method)
        case "methodLiteral": .text(SwiftLiteral.string(operation.method))
        case "path": .text(operation.path)
        case "pathExpression": .text(pathExpression)
        case "docComment": .lines(simpleDocComment)
        case "responseDocComment": .lines(responseDocComment)
        case "responseTypeDocComment":
            .lines(["/// The documented responses of `\(operation.method) \(operation.path)`."])
        case "isDeprecated": .flag(operation.deprecated)
        case "deprecatedAttribute": .optionalText(operation.deprecated ? deprecatedAttribute : nil)
        case "parameters": .list(parameters)
        case "hasParameters": .flag(!parameters.isEmpty)
        case "hasSimpleMethod": .flag(operation.simpleResult != nil)
        case "simpleReturnType": .text(simpleReturnType)
        case "simpleReturnClause": .text(operation.simpleResult == .void ? "" : " -> " + simpleReturnType)
        case "hasAccept": .flag(!operation.acceptedContentTypes.isEmpty)
        case "acceptLiteral": .text(SwiftLiteral.string(operation.acceptedContentTypes.joined(separator: ", ")))
        case "accept": .text(operation.acceptedContentTypes.joined(separator: ", "))
        case "requestStatements": .lines(requestStatements)
        case "requestBinding":
            .text(operation.acceptedContentTypes.isEmpty && requestStatements.isEmpty ? "let" : "var")
        case "securityExpression": .text(securityExpression)
        case "responses": .list(responses)
        case "hasUndocumentedCase": .flag(operation.undocumentedCaseName != nil)
        case "undocumentedCaseName": .optionalText(operation.undocumentedCaseName.map(SwiftName.identifier))
        case "undocumentedCaseDeclaration":
            .optionalText(operation.undocumentedCaseName.map { "case \(SwiftName.identifier($0))(HTTPResponse)" })
        case "undocumentedSimpleStatement": .text(Self.catchAllStatement(operation))
        case "summary": .optionalText(operation.documentation.summary.map(MarkdownText.cell))
        case "hasSummary": .flag(operation.documentation.summary != nil)
        case "description": .optionalText(operation.documentation.description)
        case "hasDescription": .flag(operation.documentation.description != nil)
        case "returnTypeMarkdown": .text(returnTypeMarkdown)
        case "hasRequestBody": .flag(operation.requestBody != nil)
        case "requestContentType": .optionalText(operation.requestBody?.contentType)
        case "needsAuthorization": .flag(operation.security.contains { !$0.isEmpty })
        case "authorization": .text(authorizationMarkdown)
        case "exampleArguments": .text(exampleArguments)
        default: nil
        }
    }

    // MARK: - Swift

    /// The path as a Swift expression: a literal, with parameters interpolated and percent-encoded.
    lazy var pathExpression: String = {
        var literal = "\""
        for component in operation.pathComponents {
            switch component {
            case .literal(let text):
                literal += SwiftLiteral.stringContent(text)
            case .parameter(let swiftName):
                guard let parameter = operation.parameters.first(where: { $0.swiftName == swiftName }) else { continue }
                literal += "\\(PercentEncoding.pathSegment(\(valueArguments(parameter))))"
            }
        }
        return literal + "\""
    }()

    lazy var simpleReturnType: String = {
        switch operation.simpleResult {
        case .body(let type): index.code(type)
        case .void, nil: "Void"
        }
    }()

    lazy var deprecatedAttribute: String = {
        let message =
            operation.documentation.description ?? operation.documentation.summary
            ?? "The API description marks this operation as deprecated."
        let oneLine = SwiftLiteral.lines(message).filter { !$0.isEmpty }.joined(separator: " ")
        return "@available(*, deprecated, message: \(SwiftLiteral.string(oneLine)))"
    }()

    lazy var securityExpression: String = {
        if operation.security.isEmpty { return "[]" }
        let alternatives = operation.security.map { alternative in
            "[" + alternative.map { ".\(SwiftName.identifier($0.schemeSwiftName))" }.joined(separator: ", ") + "]"
        }
        return "[" + alternatives.joined(separator: ", ") + "]"
    }()

    /// The statements that fill in the request after it is created: query, headers, cookies and the body.
    lazy var requestStatements: [String] = {
        var lines: [String] = []
        for parameter in operation.parameters {
            let call: String
            switch parameter.location {
            case .request(.query): call = "request.addQuery"
            case .request(.header): call = "request.setHeader"
            case .request(.cookie): call = "request.addCookie"
            case .request(.path), .formField, .body: continue
            }
            lines.append("\(call)(\(SwiftLiteral.string(parameter.name)), \(valueArguments(parameter)))")
        }
        guard let body = operation.requestBody else { return lines }
        let contentType = SwiftLiteral.string(body.contentType)
        switch body.encoding {
        case .form:
            let fields = operation.parameters.filter { $0.location == .formField }
            guard !fields.isEmpty else {
                lines.append("request.setBody(FormBody().encoded, contentType: \(contentType))")
                return lines
            }
            lines.append("var form = FormBody()")
            for parameter in fields {
                lines.append("form.add(\(SwiftLiteral.string(parameter.name)), \(valueArguments(parameter)))")
            }
            lines.append("request.setBody(form.encoded, contentType: \(contentType))")
        case .json, .binary, .text:
            guard let parameter = operation.parameters.first(where: { $0.location == .body }) else { return lines }
            let name = SwiftName.identifier(parameter.swiftName)
            let data =
                switch body.encoding {
                case .json: "try client.encodeJSON(\(name))"
                case .text: "Data(\(name).utf8)"
                case .binary, .form: name
                }
            if parameter.isOptional {
                lines.append("if let \(name) {")
                lines.append("    request.setBody(\(data), contentType: \(contentType))")
                lines.append("}")
            } else {
                lines.append("request.setBody(\(data), contentType: \(contentType))")
            }
        }
        return lines
    }()

    /// The value argument(s) of a request-building call for `parameter`: the value, wrapped for JSON when it is
    /// an object, and `explode:` for arrays in queries and forms.
    func valueArguments(_ parameter: ParameterDefinition) -> String {
        let name = SwiftName.identifier(parameter.swiftName)
        var value = name
        if !parameter.isTextual {
            value = parameter.isOptional ? "try \(name).map(JSONParameter.init)" : "try JSONParameter(\(name))"
        }
        if parameter.type.isArray, parameter.isTextual,
            parameter.location == .request(.query) || parameter.location == .formField
        {
            return "\(value), explode: \(parameter.explode)"
        }
        return value
    }

    /// What the simple method does for the catch-all case (`default` without a body, or `undocumented`): when
    /// it returns nothing, any 2xx status is a success.
    static func catchAllStatement(_ operation: OperationDefinition) -> String {
        if operation.simpleResult == .void {
            return "guard (200..<300).contains(response.statusCode) else { throw APIError.unexpectedStatus(response) }"
        }
        return "throw APIError.unexpectedStatus(response)"
    }

    // MARK: - Documentation

    lazy var simpleDocComment: [String] = {
        var comment = DocComment()
        comment.paragraphs(operation.documentation)
        comment.paragraph("`\(operation.method) \(operation.path)`")
        parameterCallouts(&comment)
        if case .body = operation.simpleResult,
            let success = operation.responses.first(where: { $0.isSuccess && $0.body != nil })
        {
            comment.callout("- Returns: \(statusDescription(success)).")
        }
        comment.callout("- Throws: \(throwsDescription)")
        return comment.lines
    }()

    lazy var responseDocComment: [String] = {
        var comment = DocComment()
        let summary = operation.documentation.summary ?? "`\(operation.method) \(operation.path)`"
        comment.paragraph(summary)
        comment.paragraph(
            "Returns every documented response as a case of `\(operation.responseTypeName)`, for exhaustive "
                + "handling; throws only when the request cannot be sent or a documented body cannot be decoded."
        )
        parameterCallouts(&comment)
        return comment.lines
    }()

    func parameterCallouts(_ comment: inout DocComment) {
        guard !operation.parameters.isEmpty else { return }
        comment.callout("- Parameters:", separated: true)
        for parameter in operation.parameters {
            let text = parameter.documentation.paragraphs.first ?? ParameterContext.defaultDescription(parameter)
            comment.callout("- \(parameter.swiftName): \(text)", indent: 2)
        }
    }

    lazy var throwsDescription: String = {
        var parts: [String] = []
        for response in operation.responses where !response.isSuccess {
            if let type = response.bodyType {
                parts.append("`APIResponseError<\(index.code(type))>` for \(statusDescription(response))")
            }
        }
        parts.append("`APIError` for any other status or a body that cannot be decoded")
        return parts.joined(separator: "; ") + "."
    }()

    func statusDescription(_ response: ResponseDefinition) -> String {
        let description = SwiftLiteral.lines(response.description).filter { !$0.isEmpty }.joined(separator: " ")
        let status = ResponseContext.statusText(response.status)
        return description.isEmpty ? status : "\(description) (\(status))"
    }

    lazy var returnTypeMarkdown: String = {
        switch operation.simpleResult {
        case .body(let type): index.markdown(type)
        case .void: "Void (empty response body)"
        case nil: "`\(operation.responseTypeName)`"
        }
    }()

    lazy var authorizationMarkdown: String = {
        let alternatives = operation.security.filter { !$0.isEmpty }
        guard !alternatives.isEmpty else { return "No authorization required" }
        return alternatives.map { alternative in
            alternative.map { use in
                "[\(MarkdownText.cell(use.schemeName))](../README.md#authorization)"
                    + (use.scopes.isEmpty ? "" : " (scopes: \(use.scopes.joined(separator: ", ")))")
            }.joined(separator: " and ")
        }.joined(separator: ", or ")
    }()

    /// Arguments for the example call in the docs: every parameter, with a placeholder value.
    lazy var exampleArguments: String = {
        operation.parameters.map { parameter in
            "\(parameter.swiftName): \(ParameterContext.exampleValue(parameter.type, index: index))"
        }.joined(separator: ", ")
    }()
}
