import BinderyYAML

/// Swagger 2.0 paths, operations, parameters and responses, turned into their OpenAPI 3 shape:
///
/// - `in: body` is a ``RequestBody`` with one ``MediaType`` per `consumes` type (the operation's, else the
///   document's, else `application/json`);
/// - `in: formData` fields are one object schema sent as `multipart/form-data` (when a field is a file or
///   `consumes` says so) or `application/x-www-form-urlencoded`;
/// - path, query and header parameters get a schema from their `type`, `format`, `items`, `enum` and `default`,
///   and a style from `collectionFormat` (csv when not given);
/// - a response's `schema` is offered in each `produces` type.
extension OpenAPIReader {
    /// One Swagger 2.0 parameter, by what it becomes.
    struct Swagger2Parameter {
        enum Role {
            /// A path, query, header (or cookie) parameter.
            case parameter(Parameter)
            /// The body.
            case body(schema: JSONSchema, description: String?, required: Bool)
            /// One field of a form or multipart body.
            case formField(Swagger2FormField)
        }

        /// The parameter's identity within an operation: the operation's own parameters replace the path's of the
        /// same name and location, and there is only one body whatever its name.
        var key: String
        var role: Role
        var location: SourceLocation
    }

    /// One `in: formData` parameter.
    struct Swagger2FormField {
        var name: String
        var schema: JSONSchema
        var required: Bool
        var isFile: Bool
        var encoding: MediaType.Encoding?
        var location: SourceLocation
    }

    func readSwagger2Paths(_ node: YAMLNode, mediaTypes: Swagger2MediaTypes) throws(Diagnostic) -> [PathItem] {
        try node.expectMapping("'paths'")
        var items: [PathItem] = []
        items.reserveCapacity(node.count)
        for (key, value) in node.pairs {
            let path = try key.keyText()
            if path.hasPrefix("x-") { continue }
            guard path.hasPrefix("/") else {
                warn(key.location, "a path must start with '/', found '\(path)'; ignored")
                continue
            }
            items.append(
                try readSwagger2PathItem(path: path, node: value, keyLocation: key.location, mediaTypes: mediaTypes)
            )
        }
        return items
    }

    func readSwagger2PathItem(
        path: String, node: YAMLNode, keyLocation: SourceLocation, mediaTypes: Swagger2MediaTypes
    ) throws(Diagnostic) -> PathItem {
        try pathItem(path: path, node: node, keyLocation: keyLocation) { (node) throws(Diagnostic) in
            try readSwagger2PathItem(path: path, dereferenced: node, keyLocation: keyLocation, mediaTypes: mediaTypes)
        }
    }

    private func readSwagger2PathItem(
        path: String, dereferenced node: YAMLNode, keyLocation: SourceLocation, mediaTypes: Swagger2MediaTypes
    ) throws(Diagnostic) -> PathItem {
        try node.expectMapping("path '\(path)'")
        var item = PathItem(path: path, location: keyLocation)
        let shared =
            try node["parameters"].map { (parameters) throws(Diagnostic) in try readSwagger2Parameters(parameters) }
            ?? []
        for (key, value) in node.pairs {
            let text = try key.keyText()
            guard let method = HTTPMethod(rawValue: text) else {
                if text != "parameters", text != "$ref", !text.hasPrefix("x-") {
                    warn(key.location, "unknown key '\(text)' in path '\(path)'; ignored")
                }
                continue
            }
            var operation = try readSwagger2Operation(
                method: method, path: path, node: value, shared: shared, mediaTypes: mediaTypes
            )
            operation.location = key.location
            item.operations.append(operation)
        }
        return item
    }

    func readSwagger2Operation(
        method: HTTPMethod, path: String, node: YAMLNode, shared: [Swagger2Parameter], mediaTypes: Swagger2MediaTypes
    ) throws(Diagnostic) -> Operation {
        let what = "operation '\(method.name) \(path)'"
        let node = try dereference(node, what)
        try node.expectMapping(what)
        var operation = Operation(method: method, path: path, location: node.location)
        var own: [Swagger2Parameter] = []
        var mediaTypes = mediaTypes
        var responses: YAMLNode?
        for (key, value) in node.pairs {
            let name = try key.keyText()
            switch name {
            case "operationId": operation.operationID = try value.string("'operationId'")
            case "tags": operation.tags = try value.stringList("'tags'")
            case "summary": operation.summary = documentation(value, "'summary'")
            case "description": operation.description = documentation(value, "'description'")
            case "deprecated": operation.deprecated = try value.bool("'deprecated'")
            case "parameters": own = try readSwagger2Parameters(value)
            case "consumes": mediaTypes.consumes = try readMediaTypeList(value, "'consumes'")
            case "produces": mediaTypes.produces = try readMediaTypeList(value, "'produces'")
            case "responses": responses = value
            case "security": operation.security = try readSecurityRequirements(value)
            case "externalDocs": try checkExternalDocs(value)
            case "schemes": break
            case _ where name.hasPrefix("x-"): operation.extensions[name] = try specValue(value)
            default: warn(key.location, "unknown key '\(name)' in \(what); ignored")
            }
        }
        if let responses {
            operation.responses = try readSwagger2Responses(responses, produces: mediaTypes.produces)
        } else {
            warn(node.location, "\(what) has no 'responses'")
        }

        // Path-level parameters apply unless the operation redefines one with the same name and location.
        var seen = Set<String>()
        var unique: [Swagger2Parameter] = []
        for parameter in own {
            guard seen.insert(parameter.key).inserted else {
                warn(parameter.location, "duplicate parameter \(parameter.key) in \(what); ignored")
                continue
            }
            unique.append(parameter)
        }
        let merged = shared.filter { !seen.contains($0.key) } + unique

        var bodies: [(schema: JSONSchema, description: String?, required: Bool, location: SourceLocation)] = []
        var fields: [Swagger2FormField] = []
        for parameter in merged {
            switch parameter.role {
            case .parameter(let value): operation.parameters.append(value)
            case .body(let schema, let description, let required):
                bodies.append((schema, description, required, parameter.location))
            case .formField(let field): fields.append(field)
            }
        }
        if let body = bodies.first {
            if let field = fields.first {
                warn(field.location, "\(what) has a body parameter, so its formData parameters are ignored")
            }
            let names = mediaTypes.consumes.isEmpty ? ["application/json"] : mediaTypes.consumes
            var requestBody = RequestBody(
                content: names.map { MediaType(name: $0, schema: body.schema, location: body.location) },
                required: body.required, location: body.location
            )
            requestBody.description = body.description
            operation.requestBody = requestBody
        } else if let first = fields.first {
            operation.requestBody = swagger2FormBody(
                fields, consumes: mediaTypes.consumes, what: what, location: first.location
            )
        }
        return operation
    }

    /// The body of an operation with `formData` parameters: an object with a property per field, sent as
    /// `multipart/form-data` when a field is a file or `consumes` names multipart, else as
    /// `application/x-www-form-urlencoded`. When `consumes` names both form types and no field is a file, both are
    /// offered, in its order.
    func swagger2FormBody(
        _ fields: [Swagger2FormField], consumes: [String], what: String, location: SourceLocation
    ) -> RequestBody {
        var schema = JSONSchema(location: location)
        schema.types = [.object]
        for field in fields {
            schema.properties.append(JSONSchema.Property(name: field.name, schema: field.schema))
            if field.required { schema.required.append(field.name) }
        }

        let multipart = "multipart/form-data"
        let urlEncoded = "application/x-www-form-urlencoded"
        func essence(_ name: String) -> String {
            MediaType(name: name, schema: nil, location: location).essence
        }
        let formTypes = consumes.filter { essence($0) == multipart || essence($0) == urlEncoded }
        let multipartTypes = formTypes.filter { essence($0) == multipart }
        var names: [String]
        if let file = fields.first(where: \.isFile) {
            names = multipartTypes.isEmpty ? [multipart] : multipartTypes
            if multipartTypes.isEmpty, !consumes.isEmpty {
                warn(
                    file.location,
                    "file field '\(file.name)' needs \(multipart), which 'consumes' does not name; sent as \(multipart)"
                )
            }
        } else if formTypes.isEmpty {
            names = [urlEncoded]
            if !consumes.isEmpty {
                warn(
                    location,
                    "\(what) has formData parameters but consumes \(consumes.joined(separator: ", ")); "
                        + "sent as \(urlEncoded)"
                )
            }
        } else {
            names = formTypes
        }
        let encoding = fields.compactMap(\.encoding)
        return RequestBody(
            content: names.map { MediaType(name: $0, schema: schema, encoding: encoding, location: location) },
            required: fields.contains(where: \.required), location: location
        )
    }

    // MARK: Parameters

    func readSwagger2Parameters(_ node: YAMLNode) throws(Diagnostic) -> [Swagger2Parameter] {
        try node.expectSequence("'parameters'")
        var parameters: [Swagger2Parameter] = []
        for element in node.elements {
            if let parameter = try readSwagger2Parameter(element) { parameters.append(parameter) }
        }
        return parameters
    }

    /// One parameter; `nil`, with a warning, when it cannot be read sensibly.
    func readSwagger2Parameter(_ node: YAMLNode) throws(Diagnostic) -> Swagger2Parameter? {
        let node = try dereference(node, "a parameter")
        try node.expectMapping("a parameter")
        guard let inNode = node["in"] else {
            warn(node.location, "a parameter without 'in'; ignored")
            return nil
        }
        let place = try inNode.string("'in'")
        let name = try node["name"]?.optionalString("'name'")
        let description = node["description"].flatMap { documentation($0, "'description'") }
        let required = try node["required"]?.bool("'required'") ?? false
        if place == "body" {
            let schema: JSONSchema
            if let schemaNode = node["schema"] {
                schema = try readSchema(schemaNode)
            } else {
                warn(node.location, "body parameter '\(name ?? "")' has no 'schema'; any JSON value is accepted")
                schema = JSONSchema(location: node.location)
            }
            return Swagger2Parameter(
                key: "body", role: .body(schema: schema, description: description, required: required),
                location: node.location
            )
        }
        guard let name else {
            warn(node.location, "\(place) parameter without 'name'; ignored")
            return nil
        }
        let key = "\(place) '\(name)'"
        if place == "formData" {
            var schema = try readSwagger2ValueSchema(node, "form field '\(name)'")
            if schema.description == nil { schema.description = description }
            var field = Swagger2FormField(
                name: name, schema: schema, required: required, isFile: node["type"]?.scalar == "file",
                location: node.location
            )
            if schema.singleType == .array {
                let (style, explode) = try swagger2Style(node["collectionFormat"], queryLike: true, name: name)
                var encoding = MediaType.Encoding(property: name)
                encoding.style = style
                encoding.explode = explode
                field.encoding = encoding
            }
            return Swagger2Parameter(key: key, role: .formField(field), location: node.location)
        }
        guard let kind = Parameter.Kind(rawValue: place) else {
            warn(
                inNode.location,
                "unknown parameter location '\(place)': expected path, query, header, body or formData; "
                    + "parameter '\(name)' ignored"
            )
            return nil
        }
        if kind == .cookie {
            warn(inNode.location, "cookie parameters are OpenAPI 3; '\(name)' read as a cookie anyway")
        }
        let schema = try readSwagger2ValueSchema(node, "parameter '\(name)'")
        var parameter = Parameter(name: name, kind: kind, schema: schema, location: node.location)
        parameter.description = description
        parameter.required = required
        if kind == .path, !required {
            warn(node.location, "path parameter '\(name)' must be required; treating it as required")
            parameter.required = true
        }
        if schema.singleType == .array {
            let (style, explode) = try swagger2Style(
                node["collectionFormat"], queryLike: kind == .query || kind == .cookie, name: name
            )
            parameter.style = style
            parameter.explode = explode
        }
        return Swagger2Parameter(key: key, role: .parameter(parameter), location: node.location)
    }

    /// The schema of a value Swagger 2.0 describes in place (a non-body parameter, a response header): its
    /// `type`, `format`, `items`, `enum` and `default`. `type: file` is a binary string.
    func readSwagger2ValueSchema(_ node: YAMLNode, _ what: String) throws(Diagnostic) -> JSONSchema {
        var schema = JSONSchema(location: node.location)
        guard let typeNode = node["type"] else {
            if let schemaNode = node["schema"] {
                warn(schemaNode.location, "\(what) has a 'schema', as in OpenAPI 3, instead of a 'type'; read as such")
                return try readSchema(schemaNode)
            }
            warn(node.location, "\(what) has no 'type'; read as a string")
            schema.types = [.string]
            return schema
        }
        if typeNode.kind == .scalar, let text = typeNode.scalar, !Self.swagger2ValueTypes.contains(text) {
            warn(typeNode.location, "unknown type '\(text)' for \(what); read as a string")
            schema.types = [.string]
        } else {
            let keyword = try readTypes(typeNode)
            schema.types = keyword.types
            schema.format = try node["format"]?.optionalString("'format'") ?? keyword.impliedFormat
        }
        if let items = node["items"] {
            schema.items = try readSchema(items)
        } else if schema.singleType == .array {
            warn(node.location, "\(what) is an array without 'items'; its items are read as strings")
            var items = JSONSchema(location: node.location)
            items.types = [.string]
            schema.items = items
        }
        if let values = node["enum"] {
            try values.expectSequence("'enum'")
            var enumValues: [SpecValue] = []
            for element in values.elements { enumValues.append(try specValue(element)) }
            schema.enumValues = enumValues
        }
        if let value = node["default"] { schema.defaultValue = try specValue(value) }
        if let value = node["x-example"] { schema.example = try specValue(value) }
        try applySwagger2Keywords(node, to: &schema)
        return schema
    }

    /// The types a Swagger 2.0 parameter or header may have.
    static let swagger2ValueTypes: Set<String> = ["string", "number", "integer", "boolean", "array", "object", "file"]

    /// The style and explode of an array sent as `collectionFormat` says (csv when it says nothing): csv is
    /// `form` in a query or form, `simple` in a path or header, unexploded; ssv, pipes and tsv are
    /// `spaceDelimited`, `pipeDelimited` and `tabDelimited`; multi is `form`, exploded (a query or form only).
    func swagger2Style(
        _ node: YAMLNode?, queryLike: Bool, name: String
    ) throws(Diagnostic) -> (style: Parameter.Style, explode: Bool) {
        let csv: (Parameter.Style, Bool) = (queryLike ? .form : .simple, false)
        guard let node, let format = try node.optionalString("'collectionFormat'") else { return csv }
        switch format {
        case "csv": return csv
        case "ssv": return (.spaceDelimited, false)
        case "tsv": return (.tabDelimited, false)
        case "pipes": return (.pipeDelimited, false)
        case "multi":
            guard queryLike else {
                warn(node.location, "collectionFormat 'multi' is for query and form parameters; '\(name)' read as csv")
                return csv
            }
            return (.form, true)
        default:
            warn(
                node.location,
                "unknown collectionFormat '\(format)': expected csv, ssv, tsv, pipes or multi; '\(name)' read as csv"
            )
            return csv
        }
    }

    // MARK: Responses

    func readSwagger2Responses(_ node: YAMLNode, produces: [String]) throws(Diagnostic) -> [Response] {
        try node.expectMapping("'responses'")
        var responses: [Response] = []
        for (key, value) in node.pairs {
            // `200:` and `"200":` are both the text "200": the YAML layer keeps keys as written.
            let text = try key.keyText()
            if text.hasPrefix("x-") { continue }
            guard let status = Self.swagger2Status(text) else {
                warn(
                    key.location,
                    "invalid response status '\(text)': expected a code from 100 to 599 or 'default'; ignored"
                )
                continue
            }
            let response = try dereference(value, "response '\(text)'")
            try response.expectMapping("response '\(text)'")
            var result = Response(
                status: status,
                description: response["description"].flatMap { documentation($0, "'description'") } ?? "",
                location: key.location
            )
            if let schemaNode = response["schema"] {
                let schema = try readSchema(schemaNode)
                let names = produces.isEmpty ? ["application/json"] : produces
                result.content = names.map { MediaType(name: $0, schema: schema, location: schemaNode.location) }
                // `examples: {application/json: {...}}`: a value per media type.
                if readsExamples, let examples = response["examples"], examples.kind == .mapping {
                    for (key, value) in examples.pairs {
                        let essence = MediaType(name: try key.keyText(), schema: nil, location: key.location).essence
                        let example = MediaType.Example(
                            name: nil, value: try specValue(value), location: value.location)
                        for index in result.content.indices where result.content[index].essence == essence {
                            result.content[index].examples.append(example)
                        }
                    }
                }
            }
            if let headers = response["headers"] {
                try headers.expectMapping("'headers'")
                for (nameNode, headerNode) in headers.pairs {
                    let name = try nameNode.keyText()
                    let headerNode = try dereference(headerNode, "header '\(name)'")
                    try headerNode.expectMapping("header '\(name)'")
                    var header = Header(
                        name: name, schema: try readSwagger2ValueSchema(headerNode, "header '\(name)'"),
                        location: headerNode.location
                    )
                    header.description = headerNode["description"].flatMap { documentation($0, "'description'") }
                    result.headers.append(header)
                }
            }
            responses.append(result)
        }
        return responses
    }

    /// A response key: a status code (ranges such as `4XX`, an OpenAPI 3 addition, are taken too) or `default`.
    static func swagger2Status(_ text: String) -> Response.Status? {
        if text == "default" { return .default }
        if text.count == 3, let code = Int(text), (100...599).contains(code) { return .code(code) }
        if text.count == 3, text.uppercased().hasSuffix("XX"), let digit = text.first?.wholeNumberValue,
            (1...5).contains(digit)
        {
            return .range(digit)
        }
        return nil
    }
}
