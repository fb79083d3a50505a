import BinderyYAML

extension OpenAPIReader {
    /// Reads a schema; a `$ref` is resolved, and the schema it points to read once into the schema table.
    func readSchema(_ node: YAMLNode) throws(Diagnostic) -> JSONSchema {
        try spendNode(node)
        schemaDepth += 1
        defer { schemaDepth -= 1 }
        guard schemaDepth <= maximumSchemaDepth else {
            throw Diagnostic(at: node.location, "schemas are nested more than \(maximumSchemaDepth) levels deep here")
        }
        // OpenAPI 3.1 (JSON Schema 2020-12) allows `true` and `false` as whole schemas.
        if version.allowsReferenceSiblings, node.kind == .scalar, node.scalarStyle == .plain,
            let value = try? node.bool("a schema")
        {
            var schema = JSONSchema(location: node.location)
            if !value { schema.not = JSONSchema(location: node.location) }
            return schema
        }
        try node.expectMapping("a schema")
        var schema = JSONSchema(location: node.location)
        if let refNode = node["$ref"] {
            schema.ref = try readSchemaReference(refNode)
            guard version.allowsReferenceSiblings else { return schema }
        }
        for (key, value) in node.pairs {
            switch try key.keyText() {
            case "type":
                schema.types = try readTypes(value)
                if schema.types.contains(.null) { schema.nullable = true }
            case "format": schema.format = try value.optionalString("'format'")
            case "title": schema.title = documentation(value, "'title'")
            case "description": schema.description = documentation(value, "'description'")
            case "nullable": schema.nullable = try value.bool("'nullable'") || schema.nullable
            case "deprecated": schema.deprecated = try value.bool("'deprecated'")
            case "readOnly": schema.readOnly = try value.bool("'readOnly'")
            case "writeOnly": schema.writeOnly = try value.bool("'writeOnly'")
            case "properties":
                // `properties: {$ref: …}` is not OpenAPI, but descriptions such as DigitalOcean's use it to take
                // the properties from another file.
                var properties = value
                if value.kind == .mapping, value.count == 1, let ref = value["$ref"], ref.kind == .scalar {
                    properties = try loader.resolve(try ref.string("'$ref'"), at: ref).node
                }
                try properties.expectMapping("'properties'")
                schema.properties.reserveCapacity(properties.count)
                for (name, propertyNode) in properties.pairs {
                    schema.properties.append(
                        JSONSchema.Property(name: try name.keyText(), schema: try readSchema(propertyNode))
                    )
                }
            case "required":
                // `required: true` on a property is a common mistake carried over from Swagger 2.0 parameters.
                if value.kind == .scalar {
                    warn(
                        value.location,
                        "'required' in a schema is a list of property names; ignoring '\(value.scalar ?? "")'")
                } else {
                    schema.required = try value.stringList("'required'")
                }
            case "additionalProperties":
                if value.kind == .scalar, let allowed = try? value.bool("'additionalProperties'") {
                    schema.additionalProperties = .allowed(allowed)
                } else {
                    schema.additionalProperties = .schema(try readSchema(value))
                }
            case "items":
                if value.kind == .sequence {
                    throw Diagnostic(at: value.location, "tuple 'items' (a list of schemas) is not supported")
                }
                schema.items = try readSchema(value)
            case "not": schema.not = try readSchema(value)
            case "allOf": schema.allOf = try readSchemaList(value, "'allOf'")
            case "oneOf": schema.oneOf = try readSchemaList(value, "'oneOf'")
            case "anyOf": schema.anyOf = try readSchemaList(value, "'anyOf'")
            case "discriminator": schema.discriminator = try readDiscriminator(value)
            case "enum":
                try value.expectSequence("'enum'")
                var values: [SpecValue] = []
                for element in value.elements { values.append(try specValue(element)) }
                schema.enumValues = values
            case "const": schema.constValue = try specValue(value)
            case "default": schema.defaultValue = try specValue(value)
            case "example": schema.example = try specValue(value)
            case "examples":
                if schema.example == nil, value.kind == .sequence, let first = value.elements.first {
                    schema.example = try specValue(first)
                }
            case let name where name.hasPrefix("x-"):
                schema.extensions[name] = try specValue(value)
            default:
                break
            }
        }
        if version == .swagger2 { try applySwagger2Keywords(node, to: &schema) }
        return schema
    }

    /// Resolves a schema `$ref` and makes sure the schema it points to is in the table.
    func readSchemaReference(_ node: YAMLNode) throws(Diagnostic) -> SchemaID {
        let (id, target) = try resolveSchemaReference(node)
        if !schemas.contains(id) {
            schemas.reserve(id)
            schemas.set(try readSchema(target), for: id)
        }
        return id
    }

    /// The schema a `$ref` names, following references to references to the schema at the end of the chain.
    func resolveSchemaReference(_ node: YAMLNode) throws(Diagnostic) -> (id: SchemaID, node: YAMLNode) {
        let resolved = try loader.resolve(try node.string("'$ref'"), at: node)
        var id = resolved.schemaID
        var target = resolved.node
        var hops = 0
        while target.kind == .mapping, target.count == 1, let next = target["$ref"] {
            hops += 1
            guard hops < maximumReferenceDepth else {
                throw Diagnostic(at: node.location, "reference cycle: '\(node.scalar ?? "")' refers back to itself")
            }
            let resolvedNext = try loader.resolve(try next.string("'$ref'"), at: next)
            id = resolvedNext.schemaID
            target = resolvedNext.node
        }
        return (id, target)
    }

    func readSchemaList(_ node: YAMLNode, _ what: String) throws(Diagnostic) -> [JSONSchema] {
        try node.expectSequence(what)
        var result: [JSONSchema] = []
        for element in node.elements {
            result.append(try readSchema(element))
        }
        return result
    }

    func readTypes(_ node: YAMLNode) throws(Diagnostic) -> [JSONSchema.JSONType] {
        let names: [YAMLNode] = node.kind == .sequence ? Array(node.elements) : [node]
        if node.kind == .sequence, !version.allowsReferenceSiblings {
            warn(node.location, "a list of types is OpenAPI 3.1; this document is \(version)")
        }
        var types: [JSONSchema.JSONType] = []
        for nameNode in names {
            // `type: [string, null]` with YAML's bare null means the type "null".
            let name = nameNode.isNull && node.kind == .sequence ? "null" : try nameNode.string("'type'")
            guard let type = JSONSchema.JSONType(rawValue: name) ?? swagger2Type(name) else {
                throw Diagnostic(
                    at: nameNode.location,
                    "unknown type '\(name)': expected string, number, integer, boolean, array, object or null"
                )
            }
            types.append(type)
        }
        return types
    }

    func readDiscriminator(_ node: YAMLNode) throws(Diagnostic) -> JSONSchema.Discriminator {
        if version == .swagger2, node.kind == .scalar { return try readSwagger2Discriminator(node) }
        try node.expectMapping("'discriminator'")
        guard let property = node["propertyName"] else {
            throw Diagnostic(at: node.location, "missing required key 'propertyName'")
        }
        var discriminator = JSONSchema.Discriminator(propertyName: try property.string("'propertyName'"))
        if let mapping = node["mapping"] {
            try mapping.expectMapping("'mapping'")
            for (key, value) in mapping.pairs {
                discriminator.mapping.append(
                    SpecValue.Member(
                        key: try key.keyText(), value: .scalar(try value.string("a mapping target"), isQuoted: true))
                )
            }
        }
        return discriminator
    }
}
