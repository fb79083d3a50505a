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
            if refNode.isNull {
                // Petstore 3.1 writes `$ref: #/components/…` unquoted: YAML reads `#…` as a comment.
                warn(
                    refNode.location,
                    "'$ref' has no value (an unquoted '#' starts a YAML comment: quote the reference); ignored")
            } else {
                schema.ref = try readSchemaReference(refNode)
                guard version.allowsReferenceSiblings else { return schema }
            }
        }
        var typeKeyword = TypeKeyword()
        var nullableNode: YAMLNode?
        var legacyTupleItems: YAMLNode?
        for (key, value) in node.pairs {
            switch try key.keyText() {
            case "type":
                typeKeyword = try readTypes(value)
                schema.types = typeKeyword.types
                if schema.types.contains(.null) { schema.nullable = true }
            case "format": schema.format = try value.optionalString("'format'")
            case "contentMediaType": schema.contentMediaType = try value.optionalString("'contentMediaType'")
            case "contentEncoding": schema.contentEncoding = try value.optionalString("'contentEncoding'")
            case "title": schema.title = documentation(value, "'title'")
            case "description": schema.description = documentation(value, "'description'")
            case "nullable": if try value.bool("'nullable'") { nullableNode = value }
            case "deprecated": schema.deprecated = try value.bool("'deprecated'")
            case "readOnly": schema.readOnly = try value.bool("'readOnly'")
            case "writeOnly": schema.writeOnly = try value.bool("'writeOnly'")
            case "properties":
                // `properties: {$ref: …}` is not OpenAPI, but descriptions such as DigitalOcean's use it to take
                // the properties from another file.
                var properties = value
                if value.kind == .mapping, value.count == 1, let ref = value["$ref"], ref.kind == .scalar {
                    properties = try loader.resolve(try ref.referenceText(), at: ref).node
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
                    legacyTupleItems = value
                    schema.prefixItems = try readSchemaList(value, "'items'")
                } else {
                    schema.items = try readSchema(value)
                }
            case "prefixItems": schema.prefixItems = try readSchemaList(value, "'prefixItems'")
            case "minItems": schema.minItems = itemCount(value, "minItems")
            case "maxItems": schema.maxItems = itemCount(value, "maxItems")
            case "not": schema.not = try readSchema(value)
            case "allOf": schema.allOf = try readSchemaList(value, "'allOf'")
            case "oneOf": schema.oneOf = try readSchemaList(value, "'oneOf'")
            case "anyOf": schema.anyOf = try readSchemaList(value, "'anyOf'")
            case "discriminator": schema.discriminator = try readDiscriminator(value)
            case "xml": try value.expectMapping("'xml'")
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
        if schema.format == nil { schema.format = typeKeyword.impliedFormat }
        if let nullableNode { honourNullable(nullableNode, in: &schema) }
        if let legacyTupleItems { try readTupleItems(legacyTupleItems, of: node, into: &schema) }
        return schema
    }

    /// `nullable: true`: the 3.0 keyword, which 3.1 replaced by `null` among the types. In a 3.1 document it can
    /// only mean what it means in 3.0, so it is honoured (`null` joins the types), with one note per document: the
    /// generated code is what the author meant.
    func honourNullable(_ node: YAMLNode, in schema: inout JSONSchema) {
        schema.nullable = true
        guard version.allowsReferenceSiblings else { return }
        noteOnce(
            "nullable", node.location,
            "'nullable' is OpenAPI 3.0 (in 3.1, 'null' is one of the types); read as in 3.0 (later uses in this document "
                + "are not reported)")
        if !schema.types.isEmpty, !schema.types.contains(.null) { schema.types.append(.null) }
    }

    /// A `minItems` or `maxItems`: a count of items, else `nil` with a warning (the bound is not needed to read the
    /// document).
    func itemCount(_ node: YAMLNode, _ keyword: String) -> Int? {
        if let count = try? node.int("'\(keyword)'"), count >= 0 { return count }
        warn(node.location, "'\(keyword)' is not a count of items; ignored")
        return nil
    }

    /// `items` written as a list of schemas (JSON Schema draft 2019-09 and earlier) is 2020-12's `prefixItems`, and
    /// `additionalItems` beside it is 2020-12's `items`.
    func readTupleItems(_ items: YAMLNode, of node: YAMLNode, into schema: inout JSONSchema) throws(Diagnostic) {
        warn(
            items.location,
            "'items' as a list of schemas is JSON Schema draft 2019-09 and earlier; read as 'prefixItems'")
        if let additional = node["additionalItems"] {
            if additional.kind == .scalar, let allowed = try? additional.bool("'additionalItems'") {
                var rest = JSONSchema(location: additional.location)
                if !allowed { rest.not = JSONSchema(location: additional.location) }
                schema.items = rest
            } else {
                schema.items = try readSchema(additional)
            }
        }
    }

    /// Resolves a schema `$ref` and makes sure the schema it points to is in the table.
    func readSchemaReference(_ node: YAMLNode) throws(Diagnostic) -> SchemaID {
        let (id, target) = try resolveSchemaReference(node)
        // A schema reached by its `$anchor` is known by the anchor's name (unless it is a component).
        if let text = node.scalar, let hash = text.firstIndex(of: "#") {
            let fragment = text[text.index(after: hash)...]
            if !fragment.isEmpty, !fragment.hasPrefix("/") { schemas.name(id, String(fragment)) }
        }
        if !schemas.contains(id) {
            schemas.reserve(id)
            schemas.set(try readSchema(target), for: id)
        }
        return id
    }

    /// The schema a `$ref` names, following references to references to the schema at the end of the chain. A
    /// chain that comes back to a schema it passed is a cycle, and one longer than ``maximumReferenceDepth`` too long:
    /// both are errors at `node`, naming the references.
    func resolveSchemaReference(_ node: YAMLNode) throws(Diagnostic) -> (id: SchemaID, node: YAMLNode) {
        let resolved = try resolveReferenceToSchema(node)
        var id = resolved.schemaID
        var target = resolved.node
        var passed: Set<YAMLNode> = [target]
        var references = [node.scalar ?? ""]
        while target.kind == .mapping, target.count == 1, let next = target["$ref"], !next.isNull {
            references.append(next.scalar ?? "")
            guard references.count <= maximumReferenceDepth else {
                throw Diagnostic(
                    at: node.location,
                    "'$ref' leads through more than \(maximumReferenceDepth) references in a row (the limit): "
                        + "\(references.prefix(3).referenceChain) → …")
            }
            let resolvedNext = try resolveReferenceToSchema(next)
            id = resolvedNext.schemaID
            target = resolvedNext.node
            guard passed.insert(target).inserted else {
                throw Diagnostic(at: node.location, "reference cycle: \(references.referenceChain)")
            }
        }
        return (id, target)
    }

    /// Resolves one `$ref` where a schema is expected; a reference to something that is certainly not a schema (a
    /// response, a parameter, a path item) is an error at the `$ref`.
    func resolveReferenceToSchema(_ node: YAMLNode) throws(Diagnostic) -> ResolvedReference {
        let reference = try node.referenceText()
        let resolved = try loader.resolve(reference, at: node)
        let target = ReferenceTarget.at(resolved.pointer, root: resolved.node.document.root)
        guard target.mayBeSchema else {
            throw Diagnostic(
                at: node.location, "'$ref' '\(reference)' refers to \(target.description), where a schema is expected")
        }
        return resolved
    }

    func readSchemaList(_ node: YAMLNode, _ what: String) throws(Diagnostic) -> [JSONSchema] {
        try node.expectSequence(what)
        var result: [JSONSchema] = []
        for element in node.elements {
            result.append(try readSchema(element))
        }
        return result
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
