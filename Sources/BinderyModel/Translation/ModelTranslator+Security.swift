import BinderyCore
import BinderyOpenAPI

extension ModelTranslator {
    /// The document's security schemes, as the generated client applies them; then the schemes that security
    /// requirements name but the document does not define, as schemes the client cannot apply.
    func translateSecuritySchemes() -> [SecuritySchemeDefinition] {
        let names = NameScope(reserved: SwiftKeywords.reservedMemberNames.union(["name", "kind", "Kind"]))
        let defined = document.securitySchemes.map { scheme in
            let kind: SecuritySchemeDefinition.Kind
            let summary: String
            switch scheme.kind {
            case .apiKey(let name, let location):
                // A key cannot be in the path; the reader refuses that, and a header is the closest.
                let placement: ParameterLocation = location == .path ? .header : location
                kind = .apiKey(name: name, location: placement)
                summary = "API key in \(placement.rawValue) `\(name)`"
            case .http(let httpScheme, let bearerFormat):
                switch httpScheme {
                case "bearer":
                    kind = .bearer
                    summary = "HTTP bearer" + (bearerFormat.map { " (\($0))" } ?? "")
                case "basic":
                    kind = .basic
                    summary = "HTTP basic"
                default:
                    kind = .unsupported("HTTP \(httpScheme)")
                    summary = "HTTP \(httpScheme) (not applied by the client)"
                }
            case .oauth2(let flows):
                kind = .bearer
                let flowNames = flows.map { SwiftName.words($0.name).map { $0.lowercased() }.joined(separator: " ") }
                summary = "OAuth 2" + (flowNames.isEmpty ? "" : " (\(flowNames.joined(separator: ", ")) flow)")
            case .openIDConnect:
                kind = .bearer
                summary = "OpenID Connect"
            case .mutualTLS:
                kind = .unsupported("mutual TLS")
                summary = "mutual TLS (configure the transport)"
            }
            var lines: [String] = []
            if let description = scheme.description { lines.append(description) }
            if case .oauth2(let flows) = scheme.kind {
                for flow in flows {
                    if let url = flow.authorizationURL { lines.append("Authorization URL: \(url)") }
                    if let url = flow.tokenURL { lines.append("Token URL: \(url)") }
                    if let url = flow.refreshURL { lines.append("Refresh URL: \(url)") }
                    for scope in flow.scopes { lines.append("Scope `\(scope.name)`: \(scope.description)") }
                }
            }
            return SecuritySchemeDefinition(
                name: scheme.name, swiftName: names.claim(SwiftName.lowerCamelCase(scheme.name)), kind: kind,
                summary: summary,
                documentation: Documentation(description: lines.isEmpty ? nil : lines.joined(separator: "\n"))
            )
        }
        return defined + undefinedSecuritySchemes(names: names)
    }

    /// The schemes that security requirements name but the document does not define, in the order of their first
    /// use, each with one warning there. The requirements keep them: an operation that needs `api_key` is
    /// documented as needing it, rather than as needing nothing, though the client cannot know where the key goes.
    func undefinedSecuritySchemes(names: NameScope) -> [SecuritySchemeDefinition] {
        let definedNames = Set(document.securitySchemes.map(\.name))
        let requirements = (document.security ?? []) + document.operations.flatMap { $0.security ?? [] }
        var firstUses: [(entry: SecurityRequirement.Entry, operations: Int)] = []
        for entry in requirements.flatMap(\.entries) where !definedNames.contains(entry.scheme) {
            if !firstUses.contains(where: { $0.entry.scheme == entry.scheme }) { firstUses.append((entry, 0)) }
        }
        guard !firstUses.isEmpty else { return [] }
        for operation in document.operations {
            let schemes = Set((operation.security ?? document.security ?? []).flatMap(\.entries).map(\.scheme))
            for index in firstUses.indices where schemes.contains(firstUses[index].entry.scheme) {
                firstUses[index].operations += 1
            }
        }
        let components = document.version == .swagger2 ? "securityDefinitions" : "components.securitySchemes"
        return firstUses.map { entry, operations in
            warn(
                entry.location ?? document.location,
                "security scheme '\(entry.scheme)' is not defined in \(components): the client cannot send its "
                    + "credential (\(operations) \(operations == 1 ? "operation requires" : "operations require") it)"
            )
            return SecuritySchemeDefinition(
                name: entry.scheme, swiftName: names.claim(SwiftName.lowerCamelCase(entry.scheme)),
                kind: .unsupported("not defined"),
                summary: "Not defined in the description (the client does not know how to send its credential)",
                documentation: Documentation()
            )
        }
    }

    /// The security alternatives of an operation (its own, or the document's), by scheme constant.
    func securityUses(
        _ operation: BinderyOpenAPI.Operation, schemes: [SecuritySchemeDefinition]
    ) -> [[OperationDefinition.SecurityUse]] {
        let requirements = operation.security ?? document.security ?? []
        var result: [[OperationDefinition.SecurityUse]] = []
        alternatives: for requirement in requirements {
            var alternative: [OperationDefinition.SecurityUse] = []
            for entry in requirement.entries {
                // Every scheme a requirement names has a definition, undefined ones too.
                guard let scheme = schemes.first(where: { $0.name == entry.scheme }) else { continue alternatives }
                alternative.append(
                    OperationDefinition.SecurityUse(
                        schemeName: scheme.name, schemeSwiftName: scheme.swiftName, scopes: entry.scopes
                    )
                )
            }
            result.append(alternative)
        }
        return result
    }
}
