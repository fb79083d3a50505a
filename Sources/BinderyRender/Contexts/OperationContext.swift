import BinderyModel

/// One operation: its methods, the request it describes and the responses it decodes. Values only; the Swift is in
/// the `api` template and the generated runtime.
///
/// Keys for Swift: `swiftName`, `responseMethodName`, `responseTypeName`, `sendMethodName`, `operationIDLiteral`,
/// `methodLiteral`, `pathLiteral` (the path template), `responseTypeDocComment` (lines), `isDeprecated`,
/// `deprecationMessageLiteral`, `parameters` (in wire order: path, query, header, cookie, body, for building the
/// request), `signatureParameters` (the same, required ones first, for the send method's signature),
/// `methodVariants` (the public methods' signatures, each with its doc comments: ``MethodVariantContext``),
/// `hasParameters`,
/// `hasSimpleMethod` (the throwing method is generated), `hasResponseMethod` (the `…Response` method is),
/// `simpleReturnType`, `returnsVoid`, `hasAccept`, `acceptLiteral`, `buildsRequest` (whether
/// anything is added to the request after it is made), `requestBody` (a ``RequestBodyContext``, empty without
/// a body), `hasRequestBody`, `security` (alternatives, each with `schemes`), `responses`, `hasUndocumentedCase`,
/// `undocumentedCaseName`, `isStreaming` (a response is read as it arrives), `streamingContentTypesLiteral`
/// (the array of their media types), `streamsBytes` (a binary body is read as it arrives, for the statuses of
/// `byteStreamStatuses`, a ``StatusSetContext``), `readsAsItArrives` (either: the request is sent for a body stream),
/// `isStreamingVariant` (the `…Streaming` twin of an operation, which shares its headers structs).
///
/// Keys for docs: `docAnchor`, `method`, `path`, `summary`, `description` (Markdown), `hasSummary`,
/// `hasDescription`, `returnTypeMarkdown`, `requestContentType`, `accept`, `authorization` (Markdown),
/// `needsAuthorization`, `exampleArguments`.
final class OperationContext: RenderContext {
    let operation: OperationDefinition
    let parameters: [ParameterContext]
    let signatureParameters: [ParameterContext]
    let responses: [ResponseContext]
    let requestBody: RequestBodyContext?
    let simpleReturnType: String
    let index: TypeIndex
    /// `deprecationMessageLiteral`, made when first asked: from the whole description when the operation has no
    /// message of its own, and asked only of deprecated operations by the default templates.
    let deprecationMessage: OnDemandText
    /// `methodVariants`, made when a template first asks for them: about half the cost of the context, which the
    /// docs do not use.
    private let variants = OnDemand<[MethodVariantContext]>()

    init(operation: OperationDefinition, index: TypeIndex) {
        self.operation = operation
        let parameters = operation.parameters.map { ParameterContext(parameter: $0, index: index) }
        self.parameters = parameters
        // ``OperationDefinition/signatureParameters``' order.
        self.signatureParameters =
            parameters.filter { !$0.parameter.isOptional } + parameters.filter(\.parameter.isOptional)
        self.responses = operation.responses.map { ResponseContext(response: $0, operation: operation, index: index) }
        self.requestBody = operation.requestBody.map { body in
            RequestBodyContext(
                body: body,
                parameters: parameters.filter {
                    $0.parameter.location == .formField || $0.parameter.location == .body || $0.part != nil
                }
            )
        }
        self.index = index
        let (deprecation, documentation) = (operation.deprecation, operation.documentation)
        self.deprecationMessage = OnDemandText {
            let message =
                index.deprecationMessage(deprecation) ?? documentation.description ?? documentation.summary
                ?? "The API description marks this operation as deprecated."
            return SwiftLiteral.string(SwiftLiteral.lines(message).filter { !$0.isEmpty }.joined(separator: " "))
        }
        switch operation.simpleResult {
        case .body(let type): self.simpleReturnType = index.code(type)
        case .stream(let format, let element):
            self.simpleReturnType = ResponseContext.streamType(format, element: element, index: index)
        case .byteStream: self.simpleReturnType = ResponseContext.byteStreamType
        case .void, nil: self.simpleReturnType = "Void"
        }
    }

    var deprecationMessageLiteral: String { deprecationMessage.value }

    // Made when a template asks: only the docs do, once.

    var returnTypeMarkdown: String {
        // The `…Response` method is the only one when the throwing one is not generated.
        guard operation.hasSimpleMethod else { return MarkdownText.code(operation.responseTypeName) }
        return switch operation.simpleResult {
        case .body(let type): index.markdown(type)
        case .stream, .byteStream: MarkdownText.code(simpleReturnType)
        case .void: "Void (empty response body)"
        case nil: "`\(operation.responseTypeName)`"
        }
    }

    var authorizationMarkdown: String { Self.authorizationMarkdown(operation) }

    var exampleArguments: String {
        // Deprecated parameters that can be left out are, so the example does not warn.
        signatureParameters.filter { !($0.parameter.deprecated && $0.parameter.isOptional) }.map { parameter in
            "\(parameter.parameter.swiftName): \(ParameterContext.exampleValue(parameter.parameter.type, index: index))"
        }.joined(separator: ", ")
    }

    /// The public methods' signatures, each with its doc comments.
    var methodVariants: [MethodVariantContext] {
        variants.value {
            MethodVariantContext.variants(
                of: operation, parameters: signatureParameters, deprecationMessage: deprecationMessage,
                index: index)
        }
    }

    func value(forKey key: RenderKey) -> RenderValue? {
        Self.value(of: operation, forKey: key) { self }
    }

    /// The value named `key` of the context of `operation`, which `context` gives; `context` is called only for
    /// the keys that need more than the definition. A list of operations answers through this without making an
    /// operation's context for its name, or for a key it does not have (``ListElement``).
    static func value(
        of operation: OperationDefinition, forKey key: RenderKey, context: () -> OperationContext
    ) -> RenderValue? {
        switch key.known {
        case .swiftName: .text(SwiftName.identifier(operation.swiftName))
        // Markdown renderers make heading anchors lower case.
        case .docAnchor: .text(operation.swiftName.lowercased())
        case .responseMethodName: .text(SwiftName.identifier(operation.responseMethodName))
        case .responseTypeName: .text(operation.responseTypeName)
        case .sendMethodName: .text(SwiftName.identifier(operation.sendMethodName))
        case .operationID: .text(operation.operationID)
        case .operationIDLiteral: .text(SwiftLiteral.string(operation.operationID))
        case .method: .text(operation.method)
        case .methodLiteral: .text(SwiftLiteral.string(operation.method))
        case .path: .text(operation.path)
        case .pathLiteral: .text(SwiftLiteral.string(operation.path))
        case .responseTypeDocComment:
            .lines(["/// The documented responses of `\(operation.method) \(operation.path)`."])
        case .isDeprecated: .flag(operation.deprecation != nil)
        case .deprecationMessageLiteral: .text(context().deprecationMessageLiteral)
        case .parameters: .list(context().parameters)
        case .signatureParameters: .list(context().signatureParameters)
        case .methodVariants: .list(context().methodVariants)
        case .hasParameters: .flag(!context().parameters.isEmpty)
        case .hasSimpleMethod: .flag(operation.hasSimpleMethod)
        case .hasResponseMethod: .flag(operation.hasResponseMethod)
        case .simpleReturnType: .text(context().simpleReturnType)
        case .returnsVoid: .flag(operation.simpleResult == .void)
        case .hasAccept: .flag(!operation.acceptedContentTypes.isEmpty)
        case .acceptLiteral: .text(SwiftLiteral.string(operation.acceptedContentTypes.joined(separator: ", ")))
        case .accept: .text(operation.acceptedContentTypes.joined(separator: ", "))
        case .buildsRequest:
            .flag(
                !operation.acceptedContentTypes.isEmpty || operation.requestBody != nil || !operation.parameters.isEmpty
            )
        case .hasRequestBody: .flag(context().requestBody != nil)
        case .requestBody: context().requestBody.map { .context($0) } ?? .text("")
        case .requestContentType: .text(operation.requestBody?.contentType ?? "")
        case .security: .list(operation.security.map(SecurityAlternativeContext.init))
        case .responses: .list(context().responses)
        case .isStreaming: .flag(!operation.streamingContentTypes.isEmpty)
        // The streaming variant shares the operation's headers structs, declared with the operation.
        case .isStreamingVariant: .flag(operation.streamingVariantOf != nil)
        case .streamingContentTypesLiteral:
            .text("[" + operation.streamingContentTypes.map(SwiftLiteral.string).joined(separator: ", ") + "]")
        case .streamsBytes: .flag(operation.streamsBytes)
        case .readsAsItArrives: .flag(!operation.streamingContentTypes.isEmpty || operation.streamsBytes)
        case .byteStreamStatuses:
            operation.byteStreamStatuses.map { .context(StatusSetContext(statuses: $0)) } ?? .text("")
        case .hasUndocumentedCase: .flag(operation.undocumentedCaseName != nil)
        case .undocumentedCaseName: .text(operation.undocumentedCaseName.map(SwiftName.identifier) ?? "")
        case .summary: .text(operation.documentation.summary.map(MarkdownText.cell) ?? "")
        case .hasSummary: .flag(operation.documentation.summary != nil)
        case .description: .text(operation.documentation.description ?? "")
        case .hasDescription: .flag(operation.documentation.description != nil)
        case .returnTypeMarkdown: .text(context().returnTypeMarkdown)
        case .needsAuthorization: .flag(operation.security.contains { !$0.isEmpty })
        case .authorization: .text(context().authorizationMarkdown)
        case .exampleArguments: .text(context().exampleArguments)
        default: nil
        }
    }

    // MARK: - Documentation

    static func simpleDocComment(
        _ operation: OperationDefinition, parameters: [ParameterDefinition], index: TypeIndex
    ) -> [String] {
        var comment = DocComment()
        comment.paragraphs(operation.documentation)
        comment.paragraph("`\(operation.method) \(operation.path)`")
        streamParagraph(operation, &comment)
        byteStreamingVariantParagraph(operation, &comment)
        var headerNames: [String] = []
        for header in operation.responses.flatMap(\.headers) where !headerNames.contains(header.name) {
            headerNames.append(header.name)
        }
        if !headerNames.isEmpty, operation.hasResponseMethod {
            comment.paragraph(
                "The documented response headers ("
                    + headerNames.map { MarkdownText.code($0) }.joined(separator: ", ")
                    + ") come with `\(operation.responseMethodName)(…)`; around this method, "
                    + "`APIClient.withResponse` gives the response they are in.")
        }
        parameterCallouts(parameters, &comment)
        if case .body = operation.simpleResult,
            let success = operation.responses.first(where: { $0.isSuccess && $0.body != nil })
        {
            comment.callout("- Returns: \(statusDescription(success)).")
        }
        if case .stream = operation.simpleResult,
            let success = operation.responses.first(where: { $0.isSuccess && $0.body != nil })
        {
            comment.callout(
                "- Returns: \(statusDescription(success)), as it arrives. The stream throws when the connection "
                    + "fails or an element cannot be decoded; cancelling the task that reads it cancels the request.")
        }
        if case .byteStream = operation.simpleResult,
            let success = operation.responses.first(where: { $0.isSuccess && $0.body != nil })
        {
            comment.callout(
                "- Returns: \(statusDescription(success)), as it arrives: its chunks (`for try await chunk in …`), "
                    + "or `write(to:)` a file. It throws when the connection fails; cancelling the task that reads it "
                    + "cancels the request.")
        }
        var throwing: [String] = []
        for response in operation.responses where !response.isSuccess {
            if let type = response.bodyType {
                throwing.append("`APIResponseError<\(index.code(type))>` for \(statusDescription(response))")
            }
        }
        throwing.append("`APIError` for any other status or a body that cannot be decoded")
        comment.callout("- Throws: " + throwing.joined(separator: "; ") + ".")
        return comment.lines
    }

    static func responseDocComment(_ operation: OperationDefinition, parameters: [ParameterDefinition]) -> [String] {
        var comment = DocComment()
        comment.paragraph(operation.documentation.summary ?? "`\(operation.method) \(operation.path)`")
        streamParagraph(operation, &comment)
        if !operation.hasSimpleMethod { byteStreamingVariantParagraph(operation, &comment) }
        comment.paragraph(
            "Returns every documented response as a case of `\(operation.responseTypeName)`, for exhaustive "
                + "handling; throws only when the request cannot be sent or a documented body cannot be decoded"
                + (operation.responses.contains { $0.headers.contains(where: \.isRequired) }
                    ? ", or a required header is missing or cannot be read." : ".")
        )
        parameterCallouts(parameters, &comment)
        return comment.lines
    }

    /// For an operation with a binary success, the method that reads it as it arrives.
    static func byteStreamingVariantParagraph(_ operation: OperationDefinition, _ comment: inout DocComment) {
        guard let variant = operation.byteStreamingVariant else { return }
        comment.paragraph(
            "The body is read into memory whole; `\(variant)(…)` reads it as it arrives, for bodies too large to "
                + "hold.")
    }

    /// What a streaming operation reads as it arrives, and which operation it is the variant of.
    static func streamParagraph(_ operation: OperationDefinition, _ comment: inout DocComment) {
        if operation.streamsBytes {
            var types: [String] = []
            for response in operation.responses where response.body == .byteStream {
                for type in response.contentTypes where !types.contains(type) { types.append(type) }
            }
            let listed = types.isEmpty ? "" : " (" + types.map { "`\($0)`" }.joined(separator: ", ") + ")"
            let original = operation.streamingVariantOf.map { "; `\($0)(…)` reads it into memory whole" } ?? ""
            comment.paragraph(
                "The body\(listed) is read as it arrives, without holding it in memory\(original). The status is "
                    + "checked first: documented errors are thrown (or returned) with their bodies decoded.")
            return
        }
        let types = operation.streamingContentTypes
        guard !types.isEmpty else { return }
        let listed = types.map { "`\($0)`" }.joined(separator: ", ")
        if let original = operation.streamingVariantOf {
            comment.paragraph(
                "Asks for \(listed) and reads it as it arrives; `\(original)(…)` reads the other media type the "
                    + "operation answers with. The request must ask for the stream the way the API expects "
                    + "(a `stream: true` property, say); another answer goes to the catch-all case.")
        } else {
            comment.paragraph("The body (\(listed)) is read as it arrives.")
        }
    }

    /// The parameters of a method's signature, after a warning naming those the API description deprecates.
    static func parameterCallouts(_ parameters: [ParameterDefinition], _ comment: inout DocComment) {
        guard !parameters.isEmpty else { return }
        let deprecated = parameters.filter(\.deprecated).map { "`\($0.swiftName)`" }
        if !deprecated.isEmpty {
            comment.callout(
                "- Warning: The API description marks \(deprecated.joined(separator: ", ")) as deprecated.",
                separated: true)
        }
        comment.callout("- Parameters:", separated: deprecated.isEmpty)
        for parameter in parameters {
            let text = parameter.documentation.paragraphs.first ?? ParameterContext.defaultDescription(parameter)
            comment.callout("- \(parameter.swiftName): \(text)", indent: 2)
        }
    }

    static func statusDescription(_ response: ResponseDefinition) -> String {
        let description = SwiftLiteral.lines(response.description).filter { !$0.isEmpty }.joined(separator: " ")
        return description.isEmpty ? response.status.description : "\(description) (\(response.status))"
    }

    static func authorizationMarkdown(_ operation: OperationDefinition) -> String {
        let alternatives = operation.security.filter { !$0.isEmpty }
        guard !alternatives.isEmpty else { return "No authorization required" }
        return alternatives.map { alternative in
            alternative.map { use in
                "[\(MarkdownText.cell(use.schemeName))](../README.md#authorization)"
                    + (use.scopes.isEmpty ? "" : " (scopes: \(use.scopes.joined(separator: ", ")))")
            }.joined(separator: " and ")
        }.joined(separator: ", or ")
    }
}

/// How an operation sends its body: `isJSON`, `isForm`, `isMultipart`, `isText`, `isBinary`, `contentTypeLiteral`,
/// `isOptional`, `parameter` (the body's parameter, for JSON, text and binary bodies), `fields` (a form's fields),
/// `hasFields`, `parts` (a multipart body's parts), `hasParts`, `hasPartHeaders`, `isFormData` (whether a
/// multipart body is `multipart/form-data`, the runtime's default).
struct RequestBodyContext: RenderContext {
    let body: RequestBodyDefinition
    let parameters: [ParameterContext]

    func value(forKey key: RenderKey) -> RenderValue? {
        switch key.known {
        case .isJSON: if case .json = body.encoding { .flag(true) } else { .flag(false) }
        case .isForm: .flag(body.encoding == .form)
        case .isText: .flag(body.encoding == .text)
        case .isBinary: .flag(body.encoding == .binary)
        case .contentTypeLiteral: .text(SwiftLiteral.string(body.contentType))
        case .isOptional: .flag(!body.isRequired)
        case .parameter: parameters.first { $0.parameter.location == .body }.map { .context($0) } ?? .text("")
        case .fields: .list(parameters.filter { $0.parameter.location == .formField })
        case .hasFields: .flag(parameters.contains { $0.parameter.location == .formField })
        case .isMultipart: .flag(body.encoding == .multipart)
        case .isFormData: .flag(body.contentType == "multipart/form-data")
        case .parts: .list(parameters.filter { $0.part != nil })
        case .hasParts: .flag(parameters.contains { $0.part != nil })
        case .hasPartHeaders: .flag(parameters.contains { $0.part?.headers.isEmpty == false })
        default: nil
        }
    }
}

/// One way to satisfy an operation's security: `schemes`, each with `swiftName`; `isEmpty` when no credential is
/// needed.
struct SecurityAlternativeContext: RenderContext {
    let schemes: [OperationDefinition.SecurityUse]

    func value(forKey key: RenderKey) -> RenderValue? {
        switch key.known {
        case .schemes: .list(schemes.map(SecurityUseContext.init))
        case .isEmpty: .flag(schemes.isEmpty)
        default: nil
        }
    }
}

/// A security scheme an operation uses: `swiftName`, `name`.
struct SecurityUseContext: RenderContext {
    let use: OperationDefinition.SecurityUse

    func value(forKey key: RenderKey) -> RenderValue? {
        switch key.known {
        case .swiftName: .text(SwiftName.identifier(use.schemeSwiftName))
        case .name: .text(use.schemeName)
        default: nil
        }
    }
}

/// Which statuses of an operation stream a binary body: `isCodes` with `codes` (each with `code`), or every 2xx
/// status but `except` (each with `code`; `hasExcept`).
struct StatusSetContext: RenderContext {
    let statuses: OperationDefinition.ByteStreamStatuses

    func value(forKey key: RenderKey) -> RenderValue? {
        switch (key.known, statuses) {
        case (.isCodes, .codes): .flag(true)
        case (.isCodes, .successes): .flag(false)
        case (.codes, .codes(let codes)): .list(codes, CodeContext.init)
        case (.except, .successes(let except)): .list(except, CodeContext.init)
        case (.hasExcept, .successes(let except)): .flag(!except.isEmpty)
        case (.codes, _), (.except, _): .list([])
        case (.hasExcept, _): .flag(false)
        default: nil
        }
    }

    /// One status code.
    struct CodeContext: RenderContext {
        let code: Int

        func value(forKey key: RenderKey) -> RenderValue? {
            key.known == .code ? .text(String(code)) : nil
        }
    }
}
