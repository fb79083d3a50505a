import BinderyYAML

/// Swagger 2.0, read into the same ``OpenAPIDocument`` as OpenAPI 3.0 and 3.1, so that nothing after the reader
/// needs to know which version a description was written in:
///
/// - `definitions` are the component schemas (document order and names kept), read by the 3.0 schema reader;
///   `type: file` is `type: string, format: binary`, `x-nullable: true` is `nullable`, and a `discriminator` that
///   is only a property name is a ``JSONSchema/Discriminator`` with that `propertyName`;
/// - `host`, `basePath` and `schemes` are one ``Server`` per scheme;
/// - `securityDefinitions` are ``SecurityScheme``s, with 2.0's OAuth flow names turned into 3.0's;
/// - body and form parameters are a ``RequestBody`` and `produces` gives the responses their media types
///   (see `OpenAPIReader+Swagger2Operations.swift`).
///
/// Vendor descriptions often bend the rules; what can be read sensibly is read with a warning at its position.
extension OpenAPIReader {
    /// The media types a Swagger 2.0 document's operations consume and produce unless they say otherwise.
    struct Swagger2MediaTypes {
        var consumes: [String] = []
        var produces: [String] = []
    }

    /// Reads a Swagger 2.0 description from the root node of its main file.
    func readSwagger2(root: YAMLNode) throws(Diagnostic) -> OpenAPIDocument {
        guard let infoNode = root["info"] else {
            throw Diagnostic(at: root.location, "missing required key 'info'")
        }
        var document = OpenAPIDocument(version: .swagger2, info: try readInfo(infoNode), location: root.location)

        // Definitions keep their document order, even when one is first reached through another.
        if let definitions = root["definitions"] {
            try definitions.expectMapping("'definitions'")
            try readComponentSchemas(definitions, file: root.document.file, base: JSONPointer(tokens: ["definitions"]))
        }
        var mediaTypes = Swagger2MediaTypes()
        if let consumes = root["consumes"] { mediaTypes.consumes = try readMediaTypeList(consumes, "'consumes'") }
        if let produces = root["produces"] { mediaTypes.produces = try readMediaTypeList(produces, "'produces'") }
        if let definitions = root["securityDefinitions"] {
            document.securitySchemes = try readSwagger2SecurityDefinitions(definitions)
        }
        document.servers = try readSwagger2Servers(root)

        for (key, value) in root.pairs {
            let name = try key.keyText()
            switch name {
            case "paths":
                document.paths = try readSwagger2Paths(value, mediaTypes: mediaTypes)
            case "security":
                document.security = try readSecurityRequirements(value)
            case "tags":
                document.tags = try readTags(value)
            case "parameters", "responses":
                // Read where they are referenced (`$ref: '#/parameters/limit'`).
                try value.expectMapping("'\(name)'")
            case "externalDocs":
                try checkExternalDocs(value)
            case "swagger", "info", "host", "basePath", "schemes", "consumes", "produces", "definitions",
                "securityDefinitions":
                break
            case _ where name.hasPrefix("x-"):
                document.extensions[name] = try specValue(value)
            default:
                warn(key.location, "unknown key '\(name)' in a Swagger 2.0 document; ignored")
            }
        }
        if root["paths"] == nil {
            warn(root.location, "missing key 'paths': the description has no operations")
        }
        document.schemas = schemas
        return document
    }

    /// A `consumes` or `produces` list, without repetitions. A single media type written without a list is
    /// read as a list of one.
    func readMediaTypeList(_ node: YAMLNode, _ what: String) throws(Diagnostic) -> [String] {
        if node.kind == .scalar, !node.isNull {
            warn(node.location, "expected a list of media types for \(what), found one; read as a list of one")
            return [try node.string(what)]
        }
        var names: [String] = []
        for name in try node.stringList(what) where !names.contains(name) {
            names.append(name)
        }
        return names
    }

    // MARK: Servers

    /// `host`, `basePath` and `schemes`: one server per scheme (`https://host/basePath`), or the `basePath` alone
    /// (a relative URL) when there is no host.
    func readSwagger2Servers(_ root: YAMLNode) throws(Diagnostic) -> [Server] {
        var basePath = ""
        if let node = root["basePath"], let text = try node.optionalString("'basePath'") {
            basePath = text.trimmingASCIIWhitespace()
            if !basePath.isEmpty, !basePath.hasPrefix("/") {
                warn(node.location, "'basePath' must start with '/'; read as '/\(basePath)'")
                basePath = "/" + basePath
            }
            // Paths start with '/', so the base path must not end with one.
            while basePath.hasSuffix("/") { basePath.removeLast() }
        }
        guard let hostNode = root["host"], var host = try hostNode.optionalString("'host'")?.trimmingASCIIWhitespace(),
            !host.isEmpty
        else {
            return basePath.isEmpty ? [] : [Server(url: basePath)]
        }
        var schemeInHost: String?
        if let range = host.firstRange(of: "://") {
            schemeInHost = String(host[..<range.lowerBound]).lowercased()
            host = String(host[range.upperBound...])
            warn(hostNode.location, "'host' is a host name and port without a scheme; the scheme goes in 'schemes'")
        }
        if let slash = host.firstIndex(of: "/") {
            warn(hostNode.location, "'host' is a host name and port without a path; the path goes in 'basePath'")
            var path = String(host[slash...])
            while path.hasSuffix("/") { path.removeLast() }
            basePath = path + basePath
            host = String(host[..<slash])
        }

        var schemes: [String] = []
        if let schemesNode = root["schemes"] {
            let names: [YAMLNode] = schemesNode.kind == .sequence ? Array(schemesNode.elements) : [schemesNode]
            for nameNode in names where !nameNode.isNull {
                let scheme = try nameNode.string("a scheme").lowercased()
                guard scheme == "https" || scheme == "http" else {
                    warn(nameNode.location, "scheme '\(scheme)' is not HTTP; ignored")
                    continue
                }
                if !schemes.contains(scheme) { schemes.append(scheme) }
            }
        }
        if schemes.isEmpty { schemes = [schemeInHost == "http" ? "http" : "https"] }
        return schemes.map { Server(url: "\($0)://\(host)\(basePath)") }
    }

    // MARK: Security

    /// `securityDefinitions`: `basic` is HTTP basic authentication; OAuth 2's single `flow` is named as in 3.0
    /// (`application` is `clientCredentials`, `accessCode` is `authorizationCode`). A definition that cannot be
    /// read is left out with a warning.
    func readSwagger2SecurityDefinitions(_ node: YAMLNode) throws(Diagnostic) -> [SecurityScheme] {
        try node.expectMapping("'securityDefinitions'")
        var schemes: [SecurityScheme] = []
        for (key, value) in node.pairs {
            let name = try key.keyText()
            if name.hasPrefix("x-") { continue }
            let value = try dereference(value, "security definition '\(name)'")
            try value.expectMapping("security definition '\(name)'")
            guard let typeNode = value["type"] else {
                warn(value.location, "security definition '\(name)' has no 'type'; ignored")
                continue
            }
            let kind: SecurityScheme.Kind
            switch try typeNode.string("'type'") {
            case "basic":
                kind = .http(scheme: "basic", bearerFormat: nil)
            case "apiKey":
                guard let keyName = try value["name"]?.optionalString("'name'"), let inNode = value["in"] else {
                    warn(value.location, "API key '\(name)' needs 'name' and 'in'; ignored")
                    continue
                }
                let inText = try inNode.string("'in'")
                guard let location = Parameter.Kind(rawValue: inText), location != .path else {
                    warn(inNode.location, "an API key goes in a query or a header, not '\(inText)'; '\(name)' ignored")
                    continue
                }
                if location == .cookie {
                    warn(inNode.location, "API keys in cookies are OpenAPI 3; read as a cookie anyway")
                }
                kind = .apiKey(name: keyName, in: location)
            case "oauth2":
                kind = .oauth2(flows: try readSwagger2OAuthFlow(name: name, value).map { [$0] } ?? [])
            case let other:
                warn(
                    typeNode.location,
                    "unknown security definition type '\(other)': expected basic, apiKey or oauth2; '\(name)' ignored"
                )
                continue
            }
            schemes.append(
                SecurityScheme(
                    name: name, kind: kind,
                    description: value["description"].flatMap { documentation($0, "'description'") },
                    location: key.location
                )
            )
        }
        return schemes
    }

    /// The one flow of a Swagger 2.0 OAuth 2 definition, under its OpenAPI 3 name.
    func readSwagger2OAuthFlow(name: String, _ node: YAMLNode) throws(Diagnostic) -> SecurityScheme.OAuthFlow? {
        guard let flowNode = node["flow"] else {
            warn(node.location, "OAuth 2 definition '\(name)' has no 'flow'; it has no flows")
            return nil
        }
        let flowName: String
        switch try flowNode.string("'flow'") {
        case "implicit": flowName = "implicit"
        case "password": flowName = "password"
        case "application": flowName = "clientCredentials"
        case "accessCode": flowName = "authorizationCode"
        case let other:
            warn(
                flowNode.location,
                "unknown OAuth 2 flow '\(other)': expected implicit, password, application or accessCode; ignored"
            )
            return nil
        }
        var flow = SecurityScheme.OAuthFlow(name: flowName)
        flow.authorizationURL = try node["authorizationUrl"]?.optionalString("'authorizationUrl'")
        flow.tokenURL = try node["tokenUrl"]?.optionalString("'tokenUrl'")
        if let scopes = node["scopes"] { flow.scopes = try readScopes(scopes) }
        return flow
    }

    // MARK: Schemas

    /// Swagger 2.0's extra schema type: `file` (a response or form field holding a file) is a string of bytes.
    /// Swagger 2.0's `discriminator: petType`: the property name alone.
    func readSwagger2Discriminator(_ node: YAMLNode) throws(Diagnostic) -> JSONSchema.Discriminator {
        JSONSchema.Discriminator(propertyName: try node.string("'discriminator'"))
    }

    /// What a Swagger 2.0 schema says differently from 3.0: `x-nullable: true` (the common extension, 2.0 having
    /// no `nullable`) is nullable. (`type: file` is read with the other type names.)
    func applySwagger2Keywords(_ node: YAMLNode, to schema: inout JSONSchema) throws(Diagnostic) {
        if let nullable = node["x-nullable"] {
            if let value = try? nullable.bool("'x-nullable'") {
                schema.nullable = schema.nullable || value
            } else {
                warn(nullable.location, "expected true or false for 'x-nullable', found \(nullable.kindDescription)")
            }
        }
    }
}
