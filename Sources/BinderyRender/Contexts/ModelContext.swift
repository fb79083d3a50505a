import BinderyModel

/// One generated type: a struct, an enum or a type alias, with its nested types. Values only; the Swift is in the
/// `model_declaration` template.
///
/// Keys: `name`, `qualifiedName`, `isNested` (declared inside another type), `isStruct`, `isEnum`, `isAlias`,
/// `docComment` (lines), `description` (Markdown), `hasDescription`, `source`, `hasSource`, `isDeprecated`,
/// `hasDeprecationMessage`, `deprecationMessage`, `deprecationMessageLiteral`; for structs `properties`,
/// `hasProperties`, `hasKeyedProperties` (some property is a member of the JSON object, under its own key, rather than
/// a union flattened into the object), `hasEncodedProperties` (some property is sent), `hasInitParameters`,
/// `initializers` (each with `parameters`, `hasParameters` and `isDeprecated`: the init that takes the deprecated
/// properties, when there are any), `needsCustomCoding`, `isCodingDeprecated` (for structs and unions: `init(from:)`
/// and `encode(to:)` touch deprecated properties or cases), `hasAdditionalProperties`, `additionalPropertiesName`,
/// `additionalPropertiesType`, `additionalPropertiesTypeMarkdown`, `isTuple` (coded as a JSON array, a property per
/// position), `hasAdditionalItems`, `additionalItemsName`, `additionalItemsType` (of the elements),
/// `additionalItemsTypeMarkdown` (of the array), `nestedTypes`, `nestedDeclarations` (lines: each nested type rendered
/// with `model_declaration`, indented), `hasNestedTypes`; for enums `cases`, `unknownCaseName`, `rawType`; for aliases
/// `aliasTarget`, `aliasTargetMarkdown`.
final class ModelContext: RenderContext {
    let definition: TypeDefinition
    let isNested: Bool
    let properties: [PropertyContext]
    let nestedTypes: [ModelContext]
    let aliasTarget: String
    let markdown: String
    let additionalPropertiesType: String
    let additionalItemsType: String
    let unionCases: [UnionCaseContext]
    let deprecationMessage: String?
    /// The render options, for nested declarations (rendered without the package context).
    let options: OptionsContext
    /// Renders nested types with the `model_declaration` template.
    let renderer: (any TemplateRenderer)?

    init(
        definition: TypeDefinition, index: TypeIndex, options: OptionsContext, renderer: (any TemplateRenderer)?,
        isNested: Bool = false
    ) {
        self.definition = definition
        self.isNested = isNested
        self.options = options
        self.renderer = renderer
        self.nestedTypes = definition.nestedTypes.map {
            ModelContext(definition: $0, index: index, options: options, renderer: renderer, isNested: true)
        }
        self.deprecationMessage = index.deprecationMessage(definition.deprecation)
        switch definition.kind {
        case .structure(let structure):
            self.properties = structure.properties.enumerated().map { offset, property in
                // An optional position of a tuple is written when it, or any optional position after it, is there.
                guard structure.isTuple, property.isOptional, !property.encodesNull else {
                    return PropertyContext(property: property, index: index)
                }
                let later = structure.properties[offset...].filter { $0.isOptional && !$0.encodesNull }
                return PropertyContext(property: property, index: index, presenceChecks: later.map(\.swiftName))
            }
            self.additionalPropertiesType = structure.additionalProperties.map { index.code($0.valueType) } ?? ""
            self.additionalItemsType = structure.additionalItems.map { index.code($0.elementType) } ?? ""
            self.markdown =
                structure.additionalProperties.map { index.markdown(.dictionary($0.valueType)) }
                ?? structure.additionalItems.map { index.markdown(.array($0.elementType)) } ?? ""
            self.aliasTarget = ""
        case .alias(let target):
            self.properties = []
            self.additionalPropertiesType = ""
            self.additionalItemsType = ""
            self.aliasTarget = index.code(target)
            self.markdown = index.markdown(target)
        case .enumeration, .union:
            self.properties = []
            self.additionalPropertiesType = ""
            self.additionalItemsType = ""
            self.aliasTarget = ""
            self.markdown = ""
        }
        if case .union(let union) = definition.kind {
            self.unionCases = union.cases.enumerated().map {
                UnionCaseContext(index: $0.offset, unionCase: $0.element, index: index)
            }
        } else {
            self.unionCases = []
        }
    }

    /// Made when a template asks (once: the model's docs page does not).
    var docComment: [String] { Self.docComment(definition, deprecationMessage: deprecationMessage) }

    func value(forKey key: RenderKey) -> RenderValue? {
        Self.value(of: definition, forKey: key) { self }
    }

    /// The value named `key` of the context of `definition`, which `context` gives; `context` is called only for
    /// the keys that need more than the definition. The package's list of models answers through this without
    /// making a model's context for its name, or for a key it does not have (``ListElement``).
    static func value(
        of definition: TypeDefinition, forKey key: RenderKey, context: () -> ModelContext
    ) -> RenderValue? {
        switch key.known {
        case .name: return .text(definition.name)
        case .qualifiedName: return .text(definition.qualifiedName)
        case .isNested: return .flag(context().isNested)
        case .isStruct: if case .structure = definition.kind { return .flag(true) } else { return .flag(false) }
        case .isEnum: if case .enumeration = definition.kind { return .flag(true) } else { return .flag(false) }
        case .isAlias: if case .alias = definition.kind { return .flag(true) } else { return .flag(false) }
        case .isUnion: if case .union = definition.kind { return .flag(true) } else { return .flag(false) }
        case .nameLiteral: return .text(SwiftLiteral.string(definition.qualifiedName))
        case .docComment: return .lines(context().docComment)
        case .description:
            return .text(MarkdownText.cell(definition.documentation.paragraphs.joined(separator: "\n")))
        case .hasDescription: return .flag(!definition.documentation.isEmpty)
        case .source: return .text(definition.source)
        case .hasSource: return .flag(!definition.source.isEmpty)
        case .isDeprecated: return .flag(definition.deprecation != nil)
        case .hasDeprecationMessage: return .flag(context().deprecationMessage != nil)
        case .deprecationMessageLiteral: return .text(context().deprecationMessage.map(SwiftLiteral.string) ?? "")
        case .deprecationMessage: return .text(context().deprecationMessage ?? "")
        case .nestedTypes: return .list(context().nestedTypes)
        case .nestedDeclarations: return .lines(context().nestedDeclarations())
        case .hasNestedTypes: return .flag(!context().nestedTypes.isEmpty)
        default: break
        }
        switch definition.kind {
        case .structure(let structure): return structValue(structure, of: definition, forKey: key, context: context)
        case .enumeration(let enumeration): return enumValue(enumeration, forKey: key)
        case .alias: return aliasValue(forKey: key, context: context)
        case .union(let union): return unionValue(union, of: definition, forKey: key, context: context)
        }
    }

    static func unionValue(
        _ union: UnionDefinition, of definition: TypeDefinition, forKey key: RenderKey, context: () -> ModelContext
    ) -> RenderValue? {
        switch key.known {
        case .unionCases: .list(context().unionCases)
        case .hasDiscriminator: .flag(union.discriminator != nil)
        case .discriminator: .text(union.discriminator ?? "")
        case .discriminatorLiteral: .text(union.discriminator.map(SwiftLiteral.string) ?? "")
        case .unknownCaseName: .text(union.unknownCaseName.map(SwiftName.identifier) ?? "")
        case .unknownCaseMember: .text(union.unknownCaseName ?? "")
        case .isAnyOf: .flag(union.isAnyOf)
        case .hasSingleValueCases: .flag(union.cases.contains { !$0.encodesInPlace })
        case .isIndirect: .flag(union.isIndirect)
        case .isCodingDeprecated:
            .flag(definition.deprecation == nil && union.cases.contains { $0.deprecation != nil })
        default: nil
        }
    }

    static func structValue(
        _ structure: StructDefinition, of definition: TypeDefinition, forKey key: RenderKey,
        context: () -> ModelContext
    ) -> RenderValue? {
        switch key.known {
        case .properties: .list(context().properties)
        case .hasProperties: .flag(!structure.properties.isEmpty)
        case .hasKeyedProperties: .flag(structure.properties.contains { !$0.isFlattened })
        case .hasEncodedProperties: .flag(structure.properties.contains { !$0.readOnly && !$0.isFlattened })
        case .hasInitParameters:
            .flag(
                !structure.properties.isEmpty || structure.additionalProperties != nil
                    || structure.additionalItems != nil)
        case .initializers: .list(context().initializers(structure))
        case .needsCustomCoding: .flag(structure.needsCustomCoding)
        case .isCodingDeprecated:
            .flag(definition.deprecation == nil && structure.properties.contains { $0.deprecation != nil })
        case .hasAdditionalProperties: .flag(structure.additionalProperties != nil)
        case .additionalPropertiesName:
            .text(structure.additionalProperties.map { SwiftName.identifier($0.swiftName) } ?? "")
        case .additionalPropertiesType: .text(context().additionalPropertiesType)
        case .additionalPropertiesTypeMarkdown: .text(context().markdown)
        case .isTuple: .flag(structure.isTuple)
        case .isAnyOf: .flag(structure.isAnyOf)
        case .hasAdditionalItems: .flag(structure.additionalItems != nil)
        case .additionalItemsName: .text(structure.additionalItems.map { SwiftName.identifier($0.swiftName) } ?? "")
        case .additionalItemsType: .text(context().additionalItemsType)
        case .additionalItemsTypeMarkdown: .text(context().markdown)
        default: nil
        }
    }

    /// The struct's inits: one that takes every property, unless some are deprecated. Then Swift would warn about
    /// setting them in an init that is not deprecated itself: when they are all optional, one init leaves them
    /// out and a deprecated one takes them too; when one is required, the only init is deprecated. In a deprecated
    /// type nothing warns.
    func initializers(_ structure: StructDefinition) -> [InitializerContext] {
        let deprecated = structure.properties.filter { $0.deprecation != nil }
        guard definition.deprecation == nil, !deprecated.isEmpty else {
            return [InitializerContext(parameters: properties, structure: structure, isDeprecated: false)]
        }
        var initializers = [InitializerContext(parameters: properties, structure: structure, isDeprecated: true)]
        if deprecated.allSatisfy(\.isOptional) {
            let current = properties.filter { $0.property.deprecation == nil }
            initializers.insert(
                InitializerContext(parameters: current, structure: structure, isDeprecated: false), at: 0)
        }
        return initializers
    }

    /// The nested types, each rendered with `model_declaration` and indented one level, separated by empty lines.
    ///
    /// Rendered here rather than through an indented partial, so that every line of every section is indented
    /// and empty lines stay empty.
    func nestedDeclarations() -> [String] {
        var lines: [String] = []
        for nested in nestedTypes {
            let bytes: [UInt8]
            do throws(TemplateError) {
                guard let renderer else { throw TemplateError(file: "model_declaration", message: "no renderer") }
                bytes = try renderer.renderUTF8("model_declaration", contexts: [options, self, nested])
            } catch {
                bytes = Array("// error: cannot render \(nested.definition.qualifiedName): \(error.message)".utf8)
            }
            lines.append("")
            // Lines end at a line feed that is a character of its own (not in `\r\n`); the last ones are dropped.
            func isLineFeed(_ index: Int) -> Bool { bytes[index] == 0x0A && (index == 0 || bytes[index - 1] != 0x0D) }
            var end = bytes.count
            while end > 0 && isLineFeed(end - 1) { end -= 1 }
            var start = 0
            for index in 0...end where index == end || isLineFeed(index) {
                lines.append(start == index ? "" : "    " + String(decoding: bytes[start..<index], as: UTF8.self))
                start = index + 1
            }
        }
        return lines
    }

    static func enumValue(_ enumeration: EnumDefinition, forKey key: RenderKey) -> RenderValue? {
        switch key.known {
        case .cases:
            .list(enumeration.cases.map { EnumCaseContext(enumCase: $0, isString: enumeration.rawType == .string) })
        case .unknownCaseName: .text(SwiftName.identifier(enumeration.unknownCaseName))
        case .rawType: .text(enumeration.rawType.builtinName ?? "String")
        default: nil
        }
    }

    static func aliasValue(forKey key: RenderKey, context: () -> ModelContext) -> RenderValue? {
        switch key.known {
        case .aliasTarget: .text(context().aliasTarget)
        case .aliasTargetMarkdown: .text(context().markdown)
        default: nil
        }
    }

    static func docComment(_ definition: TypeDefinition, deprecationMessage: String?) -> [String] {
        var comment = DocComment()
        comment.paragraphs(definition.documentation)
        if definition.deprecation == .marked {
            comment.callout("- Note: The API description marks this type as deprecated.", separated: true)
        } else if let deprecationMessage {
            comment.callout("- Note: Deprecated. \(deprecationMessage)", separated: true)
        }
        if !definition.source.isEmpty {
            comment.callout(
                "- Remark: Generated from \(MarkdownText.code(definition.source)).",
                separated: definition.deprecation == nil)
        }
        if let mediaType = definition.documentation.mediaType {
            let separated = definition.source.isEmpty && definition.deprecation == nil
            comment.callout("- Remark: Media type \(MarkdownText.code(mediaType)).", separated: separated)
        }
        return comment.lines
    }
}

/// One case of a union: `name` (for its declaration), `member` (after a dot), `nameLiteral`, `type`, `index`,
/// `docComment` (lines), `discriminatorValues` (each with `literal`), `hasDiscriminatorValues`, `shape` (a
/// ``ShapeContext``), `isDeprecated`, `hasDeprecationMessage`, `deprecationMessageLiteral`.
final class UnionCaseContext: RenderContext {
    let index: Int
    let unionCase: UnionDefinition.Case
    let type: String
    let deprecationMessage: String?

    init(index: Int, unionCase: UnionDefinition.Case, index types: TypeIndex) {
        self.index = index
        self.unionCase = unionCase
        self.type = types.code(unionCase.type)
        self.deprecationMessage = types.deprecationMessage(unionCase.deprecation)
    }

    /// Made when a template asks (once: the model's docs page does not).
    var docComment: [String] {
        var comment = DocComment()
        comment.paragraphs(unionCase.documentation)
        if !unionCase.discriminatorValues.isEmpty {
            let values = unionCase.discriminatorValues.map(MarkdownText.code).joined(separator: ", ")
            comment.callout("- Remark: Discriminator \(values).", separated: true)
        }
        return comment.lines
    }

    func value(forKey key: RenderKey) -> RenderValue? {
        switch key.known {
        case .name: .text(SwiftName.identifier(unionCase.swiftName))
        case .member: .text(unionCase.swiftName)
        case .nameLiteral: .text(SwiftLiteral.string(unionCase.swiftName))
        case .type: .text(type)
        case .index: .text(String(index))
        case .docComment: .lines(docComment)
        case .discriminatorValues: .list(unionCase.discriminatorValues.map(LiteralContext.init))
        case .hasDiscriminatorValues: .flag(!unionCase.discriminatorValues.isEmpty)
        case .encodesInPlace: .flag(unionCase.encodesInPlace)
        case .shape: .context(ShapeContext(shape: unionCase.shape))
        case .isDeprecated: .flag(unionCase.deprecation != nil)
        case .hasDeprecationMessage: .flag(deprecationMessage != nil)
        case .deprecationMessageLiteral: .text(deprecationMessage.map(SwiftLiteral.string) ?? "")
        default: nil
        }
    }
}

/// What a union case's JSON looks like: `kinds` (each with `kind`), `hasKinds`, `required` (each with
/// `literal`), `hasRequired`, `properties` (each with `nameLiteral`, `kinds`), `hasProperties`, `tags` (the
/// properties that have one, each with `nameLiteral`, `tagLiteral`), `hasTags`, `closed`, `values` (each with
/// `literal`), `hasValues`, `items` (the items' shape, for an array).
struct ShapeContext: RenderContext {
    let shape: JSONShape

    func value(forKey key: RenderKey) -> RenderValue? {
        switch key.known {
        case .kinds: .list(shape.kinds.map { KindContext(kind: $0) })
        case .hasKinds: .flag(!shape.kinds.isEmpty)
        case .required: .list(shape.required.map(LiteralContext.init))
        case .hasRequired: .flag(!shape.required.isEmpty)
        case .properties: .list(shape.properties.map(PropertyShapeContext.init))
        case .hasProperties: .flag(!shape.properties.isEmpty)
        case .tags: .list(shape.properties.filter { $0.tag != nil }.map(PropertyShapeContext.init))
        case .hasTags: .flag(shape.properties.contains { $0.tag != nil })
        case .closed: .flag(shape.closed)
        case .values: .list(shape.values.map(LiteralContext.init))
        case .hasValues: .flag(!shape.values.isEmpty)
        // Never nil: an item shape without items must not find its array's.
        case .items: shape.items.map { .context(ShapeContext(shape: $0)) } ?? .flag(false)
        default: nil
        }
    }

    /// A kind of JSON value: `kind`.
    struct KindContext: RenderContext {
        let kind: JSONShape.Kind

        func value(forKey key: RenderKey) -> RenderValue? {
            key.known == .kind ? .text(kind.rawValue) : nil
        }
    }

    /// A declared member: `nameLiteral`, `kinds`, `tagLiteral`.
    struct PropertyShapeContext: RenderContext {
        let property: JSONShape.Property

        func value(forKey key: RenderKey) -> RenderValue? {
            switch key.known {
            case .nameLiteral: .text(SwiftLiteral.string(property.name))
            case .kinds: .list(property.kinds.map { KindContext(kind: $0) })
            case .tagLiteral: .text(property.tag.map(SwiftLiteral.string) ?? "")
            default: nil
            }
        }
    }
}

/// Text as a Swift string literal: `literal`, and `text` as it is.
struct LiteralContext: RenderContext {
    let text: String

    func value(forKey key: RenderKey) -> RenderValue? {
        switch key.known {
        case .literal: .text(SwiftLiteral.string(text))
        case .text: .text(text)
        default: nil
        }
    }
}

/// One case of a generated enum: `name` (for declarations), `memberName` (after a dot), `rawValue`,
/// `rawValueLiteral` (a string literal, or the number as written), `docComment` (lines).
struct EnumCaseContext: RenderContext {
    let enumCase: EnumDefinition.Case
    let isString: Bool

    func value(forKey key: RenderKey) -> RenderValue? {
        switch key.known {
        case .name: .text(SwiftName.identifier(enumCase.swiftName))
        // After a dot every keyword but `self`, `Type`, `Protocol` and `init` (which case names never take) is a
        // plain member name.
        case .memberName: .text(enumCase.swiftName)
        case .rawValue: .text(enumCase.rawValue)
        case .rawValueLiteral: .text(isString ? SwiftLiteral.string(enumCase.rawValue) : enumCase.rawValue)
        case .docComment:
            .lines(
                {
                    var comment = DocComment()
                    comment.paragraphs(enumCase.documentation)
                    return comment.lines
                }())
        default: nil
        }
    }
}

/// One stored property of a generated struct.
///
/// Keys: `name` (with backticks where needed), `memberName` (after `self.`), `type` (with `?` when optional),
/// `baseType` (without), `isOptional`, `encodesNull`, `encodesIfPresent`, `jsonKey`, `jsonKeyLiteral`,
/// `codingKeyName` (its `CodingKeys` declaration name), `codingKey` (after a dot), `hasCustomJSONKey`, `isIndirect`, `isReadOnly`, `hasDefault`, `defaultLiteral`,
/// `storageName`, `docComment`, `typeMarkdown`, `description`, `requiredText`, `isDeprecated`,
/// `hasDeprecationMessage`, `deprecationMessageLiteral`.
///
/// For a tuple's property: `position`, `isTrailingOptional` (a position the array may end before), and
/// `presenceChecks` (each with `memberName`: it and the optional positions after it, any of which being there
/// means it is written).
final class PropertyContext: RenderContext {
    let property: PropertyDefinition
    let baseType: String
    let index: TypeIndex
    let presenceChecks: [String]
    let deprecationMessage: String?

    init(property: PropertyDefinition, index: TypeIndex, presenceChecks: [String] = []) {
        self.property = property
        self.baseType = index.code(property.type)
        self.index = index
        self.deprecationMessage = index.deprecationMessage(property.deprecation)
        self.presenceChecks = presenceChecks
    }

    // Made when a template asks, which each does once: the Swift of a model asks the doc comment, its docs page the
    // Markdown type, and neither the other's.
    var docComment: [String] { Self.docComment(property, deprecationMessage: deprecationMessage) }
    var typeMarkdown: String { index.markdown(property.type) }

    func value(forKey key: RenderKey) -> RenderValue? {
        switch key.known {
        case .name: .text(SwiftName.identifier(property.swiftName))
        case .memberName: .text(property.swiftName)
        case .type: .text(baseType + (property.isOptional ? "?" : ""))
        case .baseType: .text(baseType)
        case .isOptional: .flag(property.isOptional)
        case .encodesNull: .flag(property.encodesNull)
        case .encodesIfPresent: .flag(property.isOptional && !property.encodesNull)
        case .jsonKey: .text(property.jsonKey)
        case .jsonKeyLiteral: .text(SwiftLiteral.string(property.jsonKey))
        case .codingKeyName: .text(SwiftName.identifier(property.codingKeyName))
        case .codingKey: .text(property.codingKeyName)
        case .hasCustomJSONKey: .flag(property.codingKeyName != property.jsonKey)
        case .isIndirect: .flag(property.indirectStorageName != nil)
        case .isReadOnly: .flag(property.readOnly)
        case .isFlattened: .flag(property.isFlattened)
        case .memberNameLiteral: .text(SwiftLiteral.string(property.swiftName))
        case .shape: property.shape.map { .context(ShapeContext(shape: $0)) } ?? .text("")
        case .hasDefault: .flag(property.defaultValue != nil)
        case .defaultLiteral: .text(defaultLiteral)
        case .storageName: .text(property.indirectStorageName ?? "")
        case .docComment: .lines(docComment)
        case .typeMarkdown: .text(typeMarkdown)
        case .description: .text(MarkdownText.cell(property.documentation.paragraphs.joined(separator: "\n")))
        case .requiredText: .text(property.isOptional ? "optional" : "required")
        case .position: .text(property.position.map(String.init) ?? "")
        case .isTrailingOptional: .flag(property.position != nil && !presenceChecks.isEmpty)
        case .presenceChecks: .list(presenceChecks.map(MemberContext.init))
        case .isDeprecated: .flag(property.deprecation != nil)
        case .hasDeprecationMessage: .flag(deprecationMessage != nil)
        case .deprecationMessageLiteral: .text(deprecationMessage.map(SwiftLiteral.string) ?? "")
        default: nil
        }
    }

    /// A member named in a condition: `memberName`.
    struct MemberContext: RenderContext {
        let memberName: String

        func value(forKey key: RenderKey) -> RenderValue? {
            key.known == .memberName ? .text(memberName) : nil
        }
    }

    /// The default as a Swift literal: `"text"`, `10`, `true`, `.active`.
    var defaultLiteral: String {
        switch property.defaultValue {
        case .string(let text): SwiftLiteral.string(text)
        case .number(let text): text
        case .bool(let value): value ? "true" : "false"
        // `.none` of an optional would be `Optional.none`: nil, not the enum's case.
        case .enumCase(let name) where property.isOptional && ["none", "some"].contains(name):
            baseType + "." + name
        case .enumCase(let name): "." + name
        case nil: ""
        }
    }

    static func docComment(_ property: PropertyDefinition, deprecationMessage: String?) -> [String] {
        var comment = DocComment()
        comment.paragraphs(property.documentation)
        var notes: [String] = []
        if let deprecationMessage {
            notes.append("deprecated: " + deprecationMessage.lowercasedFirst.dropLast())
        } else if property.deprecation != nil {
            notes.append("deprecated")
        }
        if property.readOnly { notes.append("read-only: sent by the server, never sent in requests") }
        if property.writeOnly { notes.append("write-only: sent in requests, not returned") }
        if property.encodesNull { notes.append("required: `nil` is sent as `null`") }
        if !notes.isEmpty {
            comment.callout("- Note: " + notes.joined(separator: "; ").capitalizedFirst + ".", separated: true)
        }
        if let position = property.position {
            comment.callout("- Remark: Position \(position) of the JSON array.", separated: notes.isEmpty)
        } else if property.isFlattened && property.shape != nil {
            comment.callout(
                "- Remark: An alternative of the `anyOf`: present when the JSON object fits it, read from and written "
                    + "to the object's own members.", separated: notes.isEmpty)
        } else if property.isFlattened {
            comment.callout(
                "- Remark: The alternative of a `oneOf` or `anyOf` the object also is: read from and written to the "
                    + "object's own members, not a JSON key.", separated: notes.isEmpty)
        } else {
            comment.callout("- Remark: JSON key \(MarkdownText.code(property.jsonKey)).", separated: notes.isEmpty)
        }
        if let mediaType = property.documentation.mediaType {
            comment.callout("- Remark: Media type \(MarkdownText.code(mediaType)).")
        }
        return comment.lines
    }
}

/// One init of a struct: `parameters` (``PropertyContext``s), `hasParameters`, `isDeprecated`.
struct InitializerContext: RenderContext {
    let parameters: [PropertyContext]
    let structure: StructDefinition
    let isDeprecated: Bool

    func value(forKey key: RenderKey) -> RenderValue? {
        switch key.known {
        case .parameters: .list(parameters)
        case .hasParameters:
            .flag(!parameters.isEmpty || structure.additionalProperties != nil || structure.additionalItems != nil)
        case .isDeprecated: .flag(isDeprecated)
        default: nil
        }
    }
}

extension String {
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }

    var lowercasedFirst: String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
