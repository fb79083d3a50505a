import BinderyYAML

extension OpenAPIReader {
    func readSecuritySchemes(_ node: YAMLNode) throws(Diagnostic) -> [SecurityScheme] {
        try node.expectMapping("'securitySchemes'")
        var schemes: [SecurityScheme] = []
        for (key, value) in node.pairs {
            let name = try key.keyText()
            let value = try dereference(value, "security scheme '\(name)'")
            try value.expectMapping("security scheme '\(name)'")
            guard let typeNode = value["type"] else {
                throw Diagnostic(at: value.location, "missing required key 'type'")
            }
            let kind: SecurityScheme.Kind
            switch try typeNode.string("'type'") {
            case "apiKey":
                guard let keyName = value["name"] else {
                    throw Diagnostic(at: value.location, "missing required key 'name'")
                }
                guard let inNode = value["in"] else {
                    throw Diagnostic(at: value.location, "missing required key 'in'")
                }
                let inText = try inNode.string("'in'")
                guard let location = Parameter.Kind(rawValue: inText), location != .path else {
                    throw Diagnostic(
                        at: inNode.location, "an API key goes in a query, header or cookie, not '\(inText)'")
                }
                kind = .apiKey(name: try keyName.string("'name'"), in: location)
            case "http":
                guard let scheme = value["scheme"] else {
                    throw Diagnostic(at: value.location, "missing required key 'scheme'")
                }
                kind = .http(
                    scheme: try scheme.string("'scheme'").lowercased(),
                    bearerFormat: try value["bearerFormat"]?.optionalString("'bearerFormat'")
                )
            case "oauth2":
                var flows: [SecurityScheme.OAuthFlow] = []
                if let flowsNode = value["flows"] {
                    try flowsNode.expectMapping("'flows'")
                    for (flowKey, flowNode) in flowsNode.pairs {
                        try flowNode.expectMapping("an OAuth flow")
                        var flow = SecurityScheme.OAuthFlow(name: try flowKey.keyText())
                        flow.authorizationURL = try flowNode["authorizationUrl"]?.optionalString("'authorizationUrl'")
                        flow.tokenURL = try flowNode["tokenUrl"]?.optionalString("'tokenUrl'")
                        flow.refreshURL = try flowNode["refreshUrl"]?.optionalString("'refreshUrl'")
                        if let scopes = flowNode["scopes"] { flow.scopes = try readScopes(scopes) }
                        flows.append(flow)
                    }
                }
                kind = .oauth2(flows: flows)
            case "openIdConnect":
                guard let url = value["openIdConnectUrl"] else {
                    throw Diagnostic(at: value.location, "missing required key 'openIdConnectUrl'")
                }
                kind = .openIDConnect(url: try url.string("'openIdConnectUrl'"))
            case "mutualTLS":
                kind = .mutualTLS
            case let other:
                throw Diagnostic(
                    at: typeNode.location,
                    "unknown security scheme type '\(other)': expected apiKey, http, oauth2, openIdConnect or mutualTLS"
                )
            }
            schemes.append(
                SecurityScheme(
                    name: name,
                    kind: kind,
                    description: value["description"].flatMap { documentation($0, "'description'") },
                    location: key.location
                )
            )
        }
        return schemes
    }

    func readSecurityRequirements(_ node: YAMLNode) throws(Diagnostic) -> [SecurityRequirement] {
        try node.expectSequence("'security'")
        var requirements: [SecurityRequirement] = []
        for element in node.elements {
            try element.expectMapping("a security requirement")
            var entries: [SecurityRequirement.Entry] = []
            for (key, value) in element.pairs {
                entries.append(
                    SecurityRequirement.Entry(
                        scheme: try key.keyText(), scopes: try value.stringList("scopes"), location: key.location)
                )
            }
            requirements.append(SecurityRequirement(entries: entries))
        }
        return requirements
    }

    /// An OAuth flow's `scopes`: names and what each allows.
    func readScopes(_ node: YAMLNode) throws(Diagnostic) -> [SecurityScheme.Scope] {
        try node.expectMapping("'scopes'")
        var scopes: [SecurityScheme.Scope] = []
        for (scope, description) in node.pairs {
            scopes.append(
                SecurityScheme.Scope(
                    name: try scope.keyText(),
                    description: try description.optionalString("a scope's description") ?? ""
                )
            )
        }
        return scopes
    }
}
