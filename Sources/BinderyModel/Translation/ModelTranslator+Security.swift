import BinderyCore
import BinderyOpenAPI

extension ModelTranslator {
    /// The document's security schemes, as the generated client applies them.
    func translateSecuritySchemes() -> [SecuritySchemeDefinition] {
        let names = NameScope(reserved: SwiftKeywords.reservedMemberNames.union(["name", "kind", "Kind"]))
        return document.securitySchemes.map { scheme in
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
                guard let scheme = schemes.first(where: { $0.name == entry.scheme }) else {
                    // Left out as a whole: without the scheme the alternative cannot be satisfied.
                    warn(
                        operation.location,
                        "security scheme '\(entry.scheme)' is not defined in components.securitySchemes")
                    continue alternatives
                }
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
