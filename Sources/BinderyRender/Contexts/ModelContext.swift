import BinderyModel

/// One generated type: a struct, an enum or a type alias, with its nested types.
///
/// Keys: `name`, `qualifiedName`, `isStruct`, `isEnum`, `isAlias`, `docComment`, `description` (Markdown),
/// `source`, `hasSource`; for structs `properties`, `hasProperties`,
/// `hasInitParameters`, `needsCustomCoding`, `hasAdditionalProperties`,
/// `additionalPropertiesName`, `additionalPropertiesType`, `additionalPropertiesTypeMarkdown`, `nestedTypes`,
/// `nestedDeclarations` (lines), `hasNestedTypes`; for enums `cases`, `unknownCaseName`, `unknownCaseDocComment`; for aliases `aliasTarget`,
/// `aliasTargetMarkdown`.
struct ModelContext: RenderContext {
    let definition: TypeDefinition
    let index: TypeIndex
    /// Renders nested types with the `model_declaration` template.
    let renderer: (any TemplateRenderer)?

    func value(forKey key: String) -> RenderValue? {
        switch key {
        case "name": return .text(definition.name)
        case "qualifiedName": return .text(definition.qualifiedName)
        case "isStruct": if case .structure = definition.kind { return .flag(true) } else { return .flag(false) }
        case "isEnum": if case .enumeration = definition.kind { return .flag(true) } else { return .flag(false) }
        case "isAlias": if case .alias = definition.kind { return .flag(true) } else { return .flag(false) }
        case "docComment": return .lines(docComment)
        case "description":
            return .text(MarkdownText.cell(definition.documentation.paragraphs.joined(separator: "\n")))
        case "hasDescription": return .flag(!definition.documentation.isEmpty)
        case "source": return .text(definition.source)
        case "hasSource": return .flag(!definition.source.isEmpty)
        default: break
        }
        switch definition.kind {
        case .structure(let structure): return structValue(structure, forKey: key)
        case .enumeration(let enumeration): return enumValue(enumeration, forKey: key)
        case .alias(let target): return aliasValue(target, forKey: key)
        }
    }

    func structValue(_ structure: StructDefinition, forKey key: String) -> RenderValue? {
        switch key {
        case "properties": .list(structure.properties.map { PropertyContext(property: $0, index: index) })
        case "hasProperties": .flag(!structure.properties.isEmpty)
        case "hasInitParameters": .flag(!structure.properties.isEmpty || structure.additionalProperties != nil)
        case "needsCustomCoding": .flag(structure.needsCustomCoding)
        case "hasAdditionalProperties": .flag(structure.additionalProperties != nil)
        case "additionalPropertiesName":
            .optionalText(structure.additionalProperties.map { SwiftName.identifier($0.swiftName) })
        case "additionalPropertiesType": .optionalText(structure.additionalProperties.map { index.code($0.valueType) })
        case "additionalPropertiesTypeMarkdown":
            .optionalText(structure.additionalProperties.map { index.markdown(.dictionary($0.valueType)) })
        case "nestedTypes":
            .list(definition.nestedTypes.map { ModelContext(definition: $0, index: index, renderer: renderer) })
        case "nestedDeclarations": .lines(nestedDeclarations())
        case "hasNestedTypes": .flag(!definition.nestedTypes.isEmpty)
        default: nil
        }
    }

    /// The nested types, each rendered with `model_declaration` and indented one level, separated by empty lines.
    ///
    /// Rendered here rather than through an indented partial, so that every line of every section is indented
    /// and empty lines stay empty.
    func nestedDeclarations() -> [String] {
        var lines: [String] = []
        for nested in definition.nestedTypes {
            let context = ModelContext(definition: nested, index: index, renderer: renderer)
            var text = "// error: cannot render \(nested.qualifiedName): no renderer"
            if let renderer {
                do {
                    text = try renderer.render("model_declaration", contexts: [self, context])
                } catch {
                    text = "// error: cannot render \(nested.qualifiedName): \(error.message)"
                }
            }
            lines.append("")
            var body = Substring(text)
            while body.last == "\n" { body = body.dropLast() }
            for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
                lines.append(line.isEmpty ? "" : "    " + line)
            }
        }
        return lines
    }

    func enumValue(_ enumeration: EnumDefinition, forKey key: String) -> RenderValue? {
        switch key {
        case "cases": .list(enumeration.cases.map(EnumCaseContext.init))
        case "unknownCaseName": .text(SwiftName.identifier(enumeration.unknownCaseName))
        case "unknownCaseDocComment": .lines(["/// A value the API description does not list, as received."])
        default: nil
        }
    }

    func aliasValue(_ target: SwiftType, forKey key: String) -> RenderValue? {
        switch key {
        case "aliasTarget": .text(index.code(target))
        case "aliasTargetMarkdown": .text(index.markdown(target))
        default: nil
        }
    }

    var docComment: [String] {
        var comment = DocComment()
        comment.paragraphs(definition.documentation)
        if definition.deprecated {
            comment.callout("- Note: The API description marks this type as deprecated.", separated: true)
        }
        if !definition.source.isEmpty {
            comment.callout(
                "- Remark: Generated from \(MarkdownText.code(definition.source)).", separated: !definition.deprecated)
        }
        return comment.lines
    }
}

/// One case of a generated enum: `name` (for declarations), `memberName` (after a dot), `rawValue`,
/// `rawValueLiteral`.
struct EnumCaseContext: RenderContext {
    let enumCase: EnumDefinition.Case

    func value(forKey key: String) -> RenderValue? {
        switch key {
        case "name": .text(SwiftName.identifier(enumCase.swiftName))
        // After a dot every keyword but `self`, `Type`, `Protocol` and `init` (which case names never take) is a
        // plain member name.
        case "memberName": .text(enumCase.swiftName)
        case "rawValue": .text(enumCase.rawValue)
        case "rawValueLiteral": .text(SwiftLiteral.string(enumCase.rawValue))
        default: nil
        }
    }
}

/// One stored property of a generated struct.
///
/// Keys: `name`, `type` (with `?` when optional), `jsonKey`, `jsonKeyLiteral`, `codingKeyCase` (its `CodingKeys`
/// declaration), `codingKey` (its `CodingKeys` case, for `forKey: .x`), `initParameter`, `docComment`,
/// `decodeStatement`, `encodeStatement`, `initAssignment`, `isIndirect`, `storageName`, `baseType`, `boxedGetter`,
/// `boxedSetter`, `isOptional`, `typeMarkdown`, `description`, `requiredText`.
struct PropertyContext: RenderContext {
    let property: PropertyDefinition
    let index: TypeIndex

    func value(forKey key: String) -> RenderValue? {
        let name = SwiftName.identifier(property.swiftName)
        let codingKey = SwiftName.identifier(property.codingKeyName)
        let type = index.code(property.type)
        let fullType = type + (property.isOptional ? "?" : "")
        return switch key {
        case "name": .text(name)
        case "type": .text(fullType)
        case "jsonKey": .text(property.jsonKey)
        case "jsonKeyLiteral": .text(SwiftLiteral.string(property.jsonKey))
        case "codingKeyCase":
            .text(
                property.codingKeyName == property.jsonKey
                    ? "case \(codingKey)" : "case \(codingKey) = \(SwiftLiteral.string(property.jsonKey))"
            )
        case "codingKey": .text(property.codingKeyName)
        case "initParameter": .text("\(name): \(fullType)" + (property.isOptional ? " = nil" : ""))
        case "docComment": .lines(docComment)
        case "decodeStatement":
            .text(
                "self.\(storedName) = "
                    + boxed(
                        "try container.decode\(property.isOptional ? "IfPresent" : "")"
                            + "(\(type).self, forKey: .\(property.codingKeyName))"
                    )
            )
        case "initAssignment": .text("self.\(storedName) = " + boxed(name))
        case "isIndirect": .flag(property.indirectStorageName != nil)
        case "storageName": .optionalText(property.indirectStorageName)
        case "baseType": .text(type)
        case "boxedGetter":
            .text("\(property.indirectStorageName ?? "")\(property.isOptional ? "?" : "").value")
        case "boxedSetter":
            .text(
                "\(property.indirectStorageName ?? "") = "
                    + (property.isOptional ? "newValue.map(Indirect.init)" : "Indirect(newValue)")
            )
        case "encodeStatement":
            .text(
                "try container.encode\(property.isOptional && !property.encodesNull ? "IfPresent" : "")"
                    + "(self.\(property.swiftName), forKey: .\(property.codingKeyName))"
            )
        case "isOptional": .flag(property.isOptional)
        case "typeMarkdown": .text(index.markdown(property.type))
        case "description": .text(MarkdownText.cell(property.documentation.paragraphs.joined(separator: "\n")))
        case "requiredText": .text(property.isOptional ? "optional" : "required")
        default: nil
        }
    }

    /// The stored property behind this one: itself, or its box.
    var storedName: String {
        property.indirectStorageName ?? property.swiftName
    }

    /// `expression` as the stored value: boxed when the property is stored boxed.
    func boxed(_ expression: String) -> String {
        guard property.indirectStorageName != nil else { return expression }
        return property.isOptional ? "(\(expression)).map(Indirect.init)" : "Indirect(\(expression))"
    }

    var docComment: [String] {
        var comment = DocComment()
        comment.paragraphs(property.documentation)
        var notes: [String] = []
        if property.deprecated { notes.append("deprecated") }
        if property.readOnly { notes.append("read-only: sent by the server, ignored in requests") }
        if property.writeOnly { notes.append("write-only: sent in requests, not returned") }
        if property.encodesNull { notes.append("required: `nil` is sent as `null`") }
        if !notes.isEmpty {
            comment.callout("- Note: " + notes.joined(separator: "; ").capitalizedFirst + ".", separated: true)
        }
        comment.callout("- Remark: JSON key \(MarkdownText.code(property.jsonKey)).", separated: notes.isEmpty)
        return comment.lines
    }
}

extension String {
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
