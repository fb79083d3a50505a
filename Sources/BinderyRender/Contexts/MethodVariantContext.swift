import BinderyModel

/// One signature of an operation's public methods (the throwing one and the `…Response` one).
///
/// Swift has no deprecation for arguments, so deprecated parameters are told apart by overloads, as a struct's
/// deprecated properties are by its inits: an operation whose deprecated parameters are all optional has a
/// signature without them, and a deprecated one that takes them too, without a default (so a call that leaves
/// them out is the first, and one that passes them warns). A required deprecated parameter leaves only the
/// deprecated signature, where optional ones keep their default. Other operations have one signature, with every
/// parameter.
///
/// Keys: `signatureParameters` (``ParameterContext``s that also answer `hasNilDefault`), `hasParameters`,
/// `arguments` (the send method's, each a `label` and the `value` passed: the parameter, or `nil` for one this
/// signature leaves out), `hasArguments`, `isDeprecated`, `deprecationMessageLiteral`, `docComment`,
/// `responseDocComment` (lines).
struct MethodVariantContext: RenderContext {
    let signatureParameters: [SignatureParameterContext]
    let arguments: [ArgumentContext]
    let isDeprecated: Bool
    /// The operation's message, or the variant's own (for its deprecated parameters).
    let deprecationMessage: OnDemandText
    let docComment: [String]
    let responseDocComment: [String]

    /// The signatures of `operation`'s methods, in order; `parameters` are its signature parameters' contexts.
    static func variants(
        of operation: OperationDefinition, parameters: [ParameterContext], deprecationMessage: OnDemandText,
        index: TypeIndex
    ) -> [MethodVariantContext] {
        let deprecated = parameters.filter(\.parameter.deprecated)
        let names = Self.names(deprecated)
        // With two signatures, the deprecated one's deprecated parameters have no default (a call without them is
        // the other's); with one, they keep it.
        let overloaded = !deprecated.isEmpty && deprecated.allSatisfy(\.parameter.isOptional)
        func variant(leavingOut left: [ParameterContext]) -> MethodVariantContext {
            let kept = parameters.filter { kept in !left.contains { $0.parameter.swiftName == kept.parameter.swiftName }
            }
            let deprecates = operation.deprecation != nil || kept.contains(where: \.parameter.deprecated)
            let message =
                operation.deprecation != nil || !deprecates
                ? deprecationMessage
                : OnDemandText { SwiftLiteral.string("Takes \(names), which the API description deprecates.") }
            return MethodVariantContext(
                signatureParameters: kept.map { parameter in
                    SignatureParameterContext(
                        parameter: parameter,
                        hasNilDefault: parameter.parameter.isOptional && !(overloaded && parameter.parameter.deprecated)
                    )
                },
                arguments: parameters.map { parameter in
                    ArgumentContext(
                        label: parameter.parameter.swiftName,
                        value: kept.contains { $0.parameter.swiftName == parameter.parameter.swiftName }
                            ? SwiftName.identifier(parameter.parameter.swiftName) : "nil")
                },
                isDeprecated: deprecates,
                deprecationMessage: message,
                docComment: OperationContext.simpleDocComment(
                    operation, parameters: kept.map(\.parameter), index: index),
                responseDocComment: OperationContext.responseDocComment(operation, parameters: kept.map(\.parameter))
            )
        }
        guard overloaded else { return [variant(leavingOut: [])] }
        return [variant(leavingOut: deprecated), variant(leavingOut: [])]
    }

    /// `` `a` ``, `` `a` and `b` ``, `` `a`, `b` and `c` ``.
    static func names(_ parameters: [ParameterContext]) -> String {
        let names = parameters.map { "`\($0.parameter.swiftName)`" }
        guard let last = names.last, names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + last
    }

    func value(forKey key: RenderKey) -> RenderValue? {
        switch key.known {
        case .signatureParameters: .list(signatureParameters)
        case .hasParameters: .flag(!signatureParameters.isEmpty)
        case .arguments: .list(arguments)
        case .hasArguments: .flag(!arguments.isEmpty)
        case .isDeprecated: .flag(isDeprecated)
        case .deprecationMessageLiteral: .text(deprecationMessage.value)
        case .docComment: .lines(docComment)
        case .responseDocComment: .lines(responseDocComment)
        default: nil
        }
    }
}

/// A parameter in a method's signature: its ``ParameterContext``, and `hasNilDefault` (whether it defaults to
/// `nil` in this signature).
struct SignatureParameterContext: RenderContext {
    let parameter: ParameterContext
    let hasNilDefault: Bool

    func value(forKey key: RenderKey) -> RenderValue? {
        key.known == .hasNilDefault ? .flag(hasNilDefault) : parameter.value(forKey: key)
    }
}

/// An argument of a call: `label` and the `value` passed.
struct ArgumentContext: RenderContext {
    let label: String
    let value: String

    func value(forKey key: RenderKey) -> RenderValue? {
        switch key.known {
        case .label: .text(label)
        case .value: .text(value)
        default: nil
        }
    }
}
