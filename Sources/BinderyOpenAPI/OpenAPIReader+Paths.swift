import BinderyYAML

extension OpenAPIReader {
    func readPaths(_ node: YAMLNode) throws(Diagnostic) -> [PathItem] {
        try node.expectMapping("'paths'")
        return try readPathEntries(node.pairs[...])
    }

    /// Reads `entries` of a `paths` mapping.
    func readPathEntries(_ entries: Slice<YAMLNode.Pairs>) throws(Diagnostic) -> [PathItem] {
        var items: [PathItem] = []
        items.reserveCapacity(entries.count)
        for (key, value) in entries {
            let path = try key.keyText()
            if path.hasPrefix("x-") { continue }
            guard path.hasPrefix("/") else {
                throw Diagnostic(at: key.location, "a path must start with '/', found '\(path)'")
            }
            items.append(try readPathItem(path: path, node: value, keyLocation: key.location))
        }
        return items
    }

    func readPathItem(path: String, node: YAMLNode, keyLocation: SourceLocation) throws(Diagnostic) -> PathItem {
        try pathItem(path: path, node: node, keyLocation: keyLocation) { (node) throws(Diagnostic) in
            try readPathItem(path: path, dereferenced: node, keyLocation: keyLocation)
        }
    }

    /// The path item at `node` under `path`, `read` from the node `node` leads to. One that paths reach through a
    /// `$ref` is read once, however many paths refer to it: the others get a copy under their own path and
    /// location. Its warnings (and an error in it) are reported once, where the first of those paths refers to it.
    func pathItem(
        path: String, node: YAMLNode, keyLocation: SourceLocation,
        reading read: (YAMLNode) throws(Diagnostic) -> PathItem
    ) throws(Diagnostic) -> PathItem {
        let target = try dereference(node, "path item '\(path)'")
        guard target != node else { return try read(target) }
        if let item = referencedPathItems[target] { return item.moved(to: path, at: keyLocation) }
        let item = try read(target)
        referencedPathItems[target] = item
        return item
    }

    private func readPathItem(
        path: String, dereferenced node: YAMLNode, keyLocation: SourceLocation
    ) throws(Diagnostic) -> PathItem {
        try node.expectMapping("path '\(path)'")
        var item = PathItem(path: path, location: keyLocation)
        item.summary = node["summary"].flatMap { documentation($0, "'summary'") }
        item.description = node["description"].flatMap { documentation($0, "'description'") }
        let shared =
            try node["parameters"].map { (parameters) throws(Diagnostic) in try readParameters(parameters) } ?? []
        try checkUnique(shared, in: "the parameters of path '\(path)'")
        for (key, value) in node.pairs {
            guard let method = HTTPMethod(rawValue: try key.keyText()) else { continue }
            var operation = try readOperation(method: method, path: path, node: value)
            operation.location = key.location
            // Path-level parameters apply unless the operation redefines one with the same name and location.
            let own = Set(operation.parameters.map { ParameterKey(name: $0.name, kind: $0.kind) })
            operation.parameters =
                shared.filter { !own.contains(ParameterKey(name: $0.name, kind: $0.kind)) }
                + operation.parameters
            item.operations.append(operation)
        }
        return item
    }

    func readOperation(method: HTTPMethod, path: String, node: YAMLNode) throws(Diagnostic) -> Operation {
        let node = try dereference(node, "operation '\(method.name) \(path)'")
        try node.expectMapping("operation '\(method.name) \(path)'")
        var operation = Operation(method: method, path: path, location: node.location)
        for (key, value) in node.pairs {
            switch try key.keyText() {
            case "operationId": operation.operationID = try value.string("'operationId'")
            case "tags": operation.tags = try value.stringList("'tags'")
            case "summary": operation.summary = documentation(value, "'summary'")
            case "description": operation.description = documentation(value, "'description'")
            case "deprecated": operation.deprecated = try value.bool("'deprecated'")
            case "parameters": operation.parameters = try readParameters(value)
            case "requestBody": operation.requestBody = try readRequestBody(value)
            case "responses": operation.responses = try readResponses(value)
            case "security": operation.security = try readSecurityRequirements(value)
            case "externalDocs": try checkExternalDocs(value)
            case "callbacks": try checkMappingOfMappings(value, "'callbacks'") { "callback '\($0)'" }
            case let name where name.hasPrefix("x-"): operation.extensions[name] = try specValue(value)
            default: break
            }
        }
        try checkUnique(operation.parameters, in: "\(method.name) \(path)")
        return operation
    }

    /// Fails at the second of two parameters with the same name and location.
    func checkUnique(_ parameters: [Parameter], in what: String) throws(Diagnostic) {
        var seen = Set<ParameterKey>()
        for parameter in parameters
        where !seen.insert(ParameterKey(name: parameter.name, kind: parameter.kind)).inserted {
            throw Diagnostic(
                at: parameter.location, "duplicate \(parameter.kind.rawValue) parameter '\(parameter.name)' in \(what)")
        }
    }

    func readParameters(_ node: YAMLNode) throws(Diagnostic) -> [Parameter] {
        try node.expectSequence("'parameters'")
        var parameters: [Parameter] = []
        for element in node.elements {
            parameters.append(try readParameter(element))
        }
        return parameters
    }

    func readParameter(_ node: YAMLNode) throws(Diagnostic) -> Parameter {
        let node = try dereference(node, "a parameter")
        try node.expectMapping("a parameter")
        guard let nameNode = node["name"] else { throw Diagnostic(at: node.location, "missing required key 'name'") }
        guard let inNode = node["in"] else { throw Diagnostic(at: node.location, "missing required key 'in'") }
        let name = try nameNode.string("'name'")
        let kindText = try inNode.string("'in'")
        guard let kind = Parameter.Kind(rawValue: kindText) else {
            throw Diagnostic(
                at: inNode.location,
                "unknown parameter location '\(kindText)': expected path, query, header or cookie"
            )
        }
        let schema: JSONSchema
        if let schemaNode = node["schema"] {
            schema = try readSchema(schemaNode)
        } else if let content = node["content"] {
            let mediaTypes = try readContent(content)
            guard mediaTypes.count == 1, let only = mediaTypes.first?.schema else {
                throw Diagnostic(
                    at: content.location, "a parameter's 'content' must have exactly one media type with a schema")
            }
            schema = only
        } else {
            throw Diagnostic(at: node.location, "parameter '\(name)' has neither 'schema' nor 'content'")
        }
        var parameter = Parameter(name: name, kind: kind, schema: schema, location: node.location)
        parameter.description = node["description"].flatMap { documentation($0, "'description'") }
        if let required = node["required"] {
            parameter.required = try required.bool("'required'")
        }
        if kind == .path, !parameter.required {
            warn(node.location, "path parameter '\(name)' must be required; treating it as required")
            parameter.required = true
        }
        parameter.deprecated = try node["deprecated"]?.bool("'deprecated'") ?? false
        if let styleNode = node["style"] {
            let text = try styleNode.string("'style'")
            guard let style = Parameter.Style(rawValue: text), style != .tabDelimited else {
                throw Diagnostic(at: styleNode.location, "unknown parameter style '\(text)'")
            }
            parameter.style = style
            parameter.explode = style == .form
        }
        parameter.explode = try node["explode"]?.bool("'explode'") ?? parameter.explode
        parameter.allowReserved = try node["allowReserved"]?.bool("'allowReserved'") ?? false
        return parameter
    }

    func readRequestBody(_ node: YAMLNode) throws(Diagnostic) -> RequestBody {
        let node = try dereference(node, "a request body")
        try node.expectMapping("'requestBody'")
        guard let content = node["content"] else {
            throw Diagnostic(at: node.location, "missing required key 'content'")
        }
        var body = RequestBody(content: try readContent(content), location: node.location)
        body.description = node["description"].flatMap { documentation($0, "'description'") }
        body.required = try node["required"]?.bool("'required'") ?? false
        return body
    }

    func readContent(_ node: YAMLNode) throws(Diagnostic) -> [MediaType] {
        try node.expectMapping("'content'")
        var mediaTypes: [MediaType] = []
        for (key, value) in node.pairs {
            let name = try key.keyText()
            try value.expectMapping("media type '\(name)'")
            var mediaType = MediaType(
                name: name,
                schema: try value["schema"].map { (schema) throws(Diagnostic) in try readSchema(schema) },
                location: key.location
            )
            // A sequence (JSON Schema's `examples`, in the wrong place) is ignored, with a warning when examples
            // are read; a scalar is no collection of examples at all.
            if let examples = value["examples"], examples.kind == .scalar, !examples.isNull {
                throw Diagnostic(
                    at: examples.location, "expected a mapping for 'examples', found \(examples.kindDescription)")
            }
            if readsExamples { mediaType.examples = try readExamples(value) }
            if let encodings = value["encoding"] {
                try encodings.expectMapping("'encoding'")
                for (property, encodingNode) in encodings.pairs {
                    try encodingNode.expectMapping("an encoding")
                    var encoding = MediaType.Encoding(property: try property.keyText())
                    encoding.contentType = try encodingNode["contentType"]?.optionalString("'contentType'")
                    if let headers = encodingNode["headers"] {
                        try headers.expectMapping("'headers'")
                        for (nameNode, headerNode) in headers.pairs {
                            let name = try nameNode.keyText()
                            guard name.lowercased() != "content-type" else { continue }
                            encoding.headers.append(try readHeader(name: name, node: headerNode))
                        }
                    }
                    if let styleNode = encodingNode["style"] {
                        let text = try styleNode.string("'style'")
                        guard let style = Parameter.Style(rawValue: text), style != .tabDelimited else {
                            throw Diagnostic(at: styleNode.location, "unknown encoding style '\(text)'")
                        }
                        encoding.style = style
                    }
                    encoding.explode = try encodingNode["explode"]?.bool("'explode'")
                    encoding.allowReserved = try encodingNode["allowReserved"]?.bool("'allowReserved'") ?? false
                    mediaType.encoding.append(encoding)
                }
            }
            mediaTypes.append(mediaType)
        }
        return mediaTypes
    }

    /// The `example` and `examples` of a media type. An Example Object may be a `$ref` (to `components/examples`);
    /// one with only an `externalValue` is left out.
    func readExamples(_ node: YAMLNode) throws(Diagnostic) -> [MediaType.Example] {
        var examples: [MediaType.Example] = []
        if let example = node["example"] {
            examples.append(MediaType.Example(name: nil, value: try specValue(example), location: example.location))
        }
        if let map = node["examples"] {
            guard map.kind == .mapping else {
                warn(map.location, "expected a mapping for 'examples', found \(map.kindDescription); ignored")
                return examples
            }
            for (key, value) in map.pairs {
                let name = try key.keyText()
                let object = try dereference(value, "example '\(name)'")
                guard object.kind == .mapping, let content = object["value"] else { continue }
                examples.append(
                    MediaType.Example(name: name, value: try specValue(content), location: content.location))
            }
        }
        return examples
    }

    func readResponses(_ node: YAMLNode) throws(Diagnostic) -> [Response] {
        try node.expectMapping("'responses'")
        var responses: [Response] = []
        for (key, value) in node.pairs {
            let text = try key.keyText()
            if text.hasPrefix("x-") { continue }
            let status: Response.Status
            if text == "default" {
                status = .default
            } else if text.count == 3, let code = Int(text), (100...599).contains(code) {
                status = .code(code)
            } else if text.count == 3, text.uppercased().hasSuffix("XX"), let digit = text.first?.wholeNumberValue,
                (1...5).contains(digit)
            {
                status = .range(digit)
            } else {
                throw Diagnostic(
                    at: key.location,
                    "invalid response status '\(text)': expected a code from 100 to 599, a range like '4XX', or 'default'"
                )
            }
            let response = try dereference(value, "response '\(text)'")
            try response.expectMapping("response '\(text)'")
            var result = Response(
                status: status,
                description: response["description"].flatMap { documentation($0, "'description'") } ?? "",
                content: try response["content"].map { (content) throws(Diagnostic) in try readContent(content) } ?? [],
                location: key.location
            )
            if let headers = response["headers"] {
                try headers.expectMapping("'headers'")
                for (nameNode, headerNode) in headers.pairs {
                    result.headers.append(try readHeader(name: try nameNode.keyText(), node: headerNode))
                }
            }
            if let links = response["links"] {
                try checkMappingOfMappings(links, "'links'") { "link '\($0)'" }
            }
            responses.append(result)
        }
        return responses
    }

    func readHeader(name: String, node: YAMLNode) throws(Diagnostic) -> Header {
        let node = try dereference(node, "header '\(name)'")
        try node.expectMapping("header '\(name)'")
        let schema: JSONSchema
        if let schemaNode = node["schema"] {
            schema = try readSchema(schemaNode)
        } else if let content = node["content"], let only = try readContent(content).first?.schema {
            schema = only
        } else {
            schema = JSONSchema(location: node.location)
        }
        var header = Header(name: name, schema: schema, location: node.location)
        header.description = node["description"].flatMap { documentation($0, "'description'") }
        header.required = try node["required"]?.bool("'required'") ?? false
        header.deprecated = try node["deprecated"]?.bool("'deprecated'") ?? false
        return header
    }
}

extension PathItem {
    /// The item and its operations under `path`, written at `location`.
    func moved(to path: String, at location: SourceLocation) -> PathItem {
        var item = self
        item.path = path
        item.location = location
        for index in item.operations.indices {
            item.operations[index].path = path
        }
        return item
    }
}

/// A parameter's identity within an operation: its name and location.
struct ParameterKey: Hashable {
    var name: String
    var kind: Parameter.Kind
}
