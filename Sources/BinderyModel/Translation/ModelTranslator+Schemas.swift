import BinderyCore
import BinderyOpenAPI

/// Where the types found inside a declaration go: nested in a struct, or at the module's top level.
struct TypeContainer {
    /// The type they are nested in; `nil` at the top level.
    let parent: TypeID?

    static let topLevel = TypeContainer(parent: nil)

    var scope: TypeNamer.Scope {
        parent.map { .nested(in: $0) } ?? .module
    }
}

/// An object schema with its `allOf` parts merged: the properties of every part, in order, own properties last,
/// and the `oneOf`/`anyOf` choices among them.
struct MergedObject {
    /// A `oneOf` or `anyOf` of objects among the parts: the object is also one of its alternatives.
    enum Choice {
        /// A reference to a schema that is the choice (`allOf: [Base, $ref: PaymentMethod]`).
        case reference(SchemaID)
        /// A part with alternatives of its own, found at `path` below `base` (the schema's identity when `nil`).
        case inline(JSONSchema, base: TypeID?, path: [String])
    }

    var properties: [JSONSchema.Property] = []
    var choices: [Choice] = []
    /// The schema each property comes from through an `allOf` reference, by JSON name; properties written in the
    /// object itself have none.
    var origins: [String: SchemaID] = [:]
    var required: Set<String> = []
    var additionalProperties: JSONSchema.AdditionalProperties?
    var description: String?
    var title: String?
    var deprecated = false
}

extension ModelTranslator {
    /// Declares the type for one schema of the schema table.
    func translateComponent(id: SchemaID, schema: JSONSchema) throws(Diagnostic) {
        let typeID = Self.typeID(of: id)
        guard translatedDefinition(typeID) == nil, overrides.customTypes[typeID] == nil else { return }
        topLevel.append(typeID)
        definitions[typeID] = try declaration(
            for: schema, id: typeID, hint: preferredNames[typeID] ?? "", source: sourceDescription(id),
            container: .topLevel
        )
    }

    /// Asks for the name `preferred` for `id` in `scope`, and returns the identity it is known by: `id` when it
    /// is new, else the first of `id` with `~2`, `~3`, … appended that is (a place reached twice, such as two
    /// parameters of the same name, still gives two types).
    func requestName(_ id: TypeID, preferred: String, in scope: TypeNamer.Scope) -> TypeID {
        var unique = id
        var suffix = 2
        while preferredNames[unique] != nil {
            unique = TypeID(id.rawValue + "~\(suffix)")
            suffix += 1
        }
        preferredNames[unique] = preferred
        namer.request(unique, preferred: preferred, in: scope)
        journal.declared.append(unique)
        return unique
    }

    /// Makes `id` a type declared in `container`, named `preferred` if it can be; see ``requestName(_:preferred:in:)``.
    func declare(_ id: TypeID, preferred: String, in container: TypeContainer) -> TypeID {
        let unique = requestName(id, preferred: preferred, in: container.scope)
        if let parent = container.parent {
            children[parent, default: []].append(unique)
        } else {
            topLevel.append(unique)
        }
        return unique
    }

    /// The declaration for `schema`, identified by `id`: a struct, an enum, or an alias of the type the schema
    /// describes. Inline types inside it are named from `hint`.
    func declaration(
        for schema: JSONSchema, id: TypeID, hint: String, source: String, container: TypeContainer
    ) throws(Diagnostic) -> TypeDefinition {
        var documentation = Documentation(summary: schema.title, description: schema.description)
        documentation.mediaType = schema.contentMediaType
        if let merged = structShape(of: schema) {
            var definition = TypeDefinition(
                id: id, kind: .structure(try makeStruct(merged, id: id)), source: source, documentation: documentation
            )
            definition.deprecation = merged.deprecated ? .marked : nil
            return definition
        }
        if let values = enumValues(of: schema) {
            var definition = TypeDefinition(
                id: id, kind: .enumeration(try makeEnum(values, id: id)), source: source, documentation: documentation)
            definition.deprecation = schema.deprecated ? .marked : nil
            return definition
        }
        if isAnyOfObjects(schema) {
            var definition = TypeDefinition(
                id: id, kind: .structure(try makeAnyOfStruct(schema, id: id)), source: source,
                documentation: documentation)
            definition.deprecation = schema.deprecated ? .marked : nil
            return definition
        }
        if isUnion(schema) {
            var definition = TypeDefinition(
                id: id, kind: .union(try makeUnion(schema, id: id)), source: source, documentation: documentation)
            definition.deprecation = schema.deprecated ? .marked : nil
            return definition
        }
        if isTuple(schema) {
            var definition = TypeDefinition(
                id: id, kind: .structure(try makeTuple(schema, id: id)), source: source, documentation: documentation)
            definition.deprecation = schema.deprecated ? .marked : nil
            return definition
        }
        var (target, _) = try type(of: schema, at: id, hint: hint, container: container)
        if target == .named(id) {
            warn(schema.location, "schema '\(hint)' only refers to itself; it is generated as JSONValue")
            target = .jsonValue
        }
        var definition = TypeDefinition(id: id, kind: .alias(target), source: source, documentation: documentation)
        definition.deprecation = schema.deprecated ? .marked : nil
        return definition
    }

    /// The Swift type of a value described by `schema`, written at `origin`, and whether the value may be `null`.
    ///
    /// Inline objects and enums become types named from `hint` in `container`.
    func type(
        of schema: JSONSchema, at origin: TypeID, hint: String, container: TypeContainer
    ) throws(Diagnostic) -> (type: SwiftType, nullable: Bool) {
        let nullable = schema.nullable
        if !overrides.customTypes.isEmpty { overrides.places.insert(origin) }
        if let custom = customType(at: origin) {
            return (.custom(custom), nullable || schema.ref.map(isNullable) == true || unionAllowsNull(schema))
        }
        if let ref = schema.ref {
            return (schemaTypes[ref] ?? .jsonValue, nullable || isNullable(ref))
        }
        if let typedParts = wrappedParts(of: schema) {
            guard let part = typedParts.first else { return (.jsonValue, nullable) }
            let inner = try type(
                of: schema.allOf[part], at: origin.appending("allOf", String(part)), hint: hint, container: container
            )
            let annotatedNullable = schema.allOf.contains { $0.nullable && isAnnotationOnly($0) }
            return (inner.type, inner.nullable || nullable || annotatedNullable)
        }
        if let values = enumValues(of: schema) {
            let id = declare(origin, preferred: hint, in: container)
            definitions[id] = TypeDefinition(id: id, kind: .enumeration(try makeEnum(values, id: origin)))
            return (.named(id), nullable || values.allowsNull)
        }
        let (keyword, alternatives) = unionAlternatives(of: schema)
        if !alternatives.isEmpty {
            let allowsNull = nullable || unionAllowsNull(schema)
            if !isChoice(alternatives, of: schema), schema.properties.isEmpty, schema.allOf.isEmpty {
                let (index, alternative) = alternatives[0]
                let inner = try type(
                    of: alternative, at: origin.appending(keyword, String(index)), hint: hint, container: container
                )
                return (inner.type, inner.nullable || allowsNull)
            }
            if isAnyOfObjects(schema) {
                let id = declare(origin, preferred: hint, in: container)
                var definition = TypeDefinition(id: id, kind: .structure(try makeAnyOfStruct(schema, id: id)))
                definition.documentation = Documentation(summary: schema.title, description: nil)
                definitions[id] = definition
                return (.named(id), allowsNull)
            }
            if isUnion(schema) {
                let id = declare(origin, preferred: hint, in: container)
                var definition = TypeDefinition(id: id, kind: .union(try makeUnion(schema, id: id)))
                definition.documentation = Documentation(summary: schema.title, description: nil)
                definitions[id] = definition
                return (.named(id), allowsNull)
            }
            // Beside properties or allOf parts: a struct that also holds the choice, unless a part is no object.
            if structShape(of: schema) == nil {
                warnNotAllObjects(schema, keyword: keyword)
                return (.jsonValue, nullable)
            }
        }
        if let merged = structShape(of: schema) {
            let id = declare(origin, preferred: hint, in: container)
            var definition = TypeDefinition(id: id, kind: .structure(try makeStruct(merged, id: id)))
            definition.documentation = Documentation(summary: schema.title, description: nil)
            definition.deprecation = merged.deprecated ? .marked : nil
            definitions[id] = definition
            return (.named(id), nullable || unionAllowsNull(schema))
        }
        if isTuple(schema) {
            let id = declare(origin, preferred: hint, in: container)
            var definition = TypeDefinition(id: id, kind: .structure(try makeTuple(schema, id: id)))
            definition.documentation = Documentation(summary: schema.title, description: nil)
            definition.deprecation = schema.deprecated ? .marked : nil
            definitions[id] = definition
            return (.named(id), nullable)
        }
        switch schema.singleType {
        case .string:
            return (stringType(of: schema), nullable)
        case .integer:
            switch schema.format {
            case "int32": return (.int32, nullable)
            case "int64": return (.int64, nullable)
            default: return (.int, nullable)
            }
        case .number:
            return (schema.format == "float" ? .float : .double, nullable)
        case .boolean:
            return (.bool, nullable)
        case .array:
            return (try arrayType(of: schema, at: origin, hint: hint, container: container), nullable)
        case .object:
            return (try dictionaryType(of: schema, at: origin, hint: hint, container: container), nullable)
        case .null:
            return (.jsonValue, true)
        case nil:
            if schema.types.filter({ $0 != .null }).count > 1 {
                return (.jsonValue, nullable)
            }
            if let type = untypedEnumType(of: schema) {
                return (type, nullable || schema.enumValues?.contains(.null) == true)
            }
            if schema.items != nil {
                return (try arrayType(of: schema, at: origin, hint: hint, container: container), nullable)
            }
            if case .schema = schema.additionalProperties {
                return (try dictionaryType(of: schema, at: origin, hint: hint, container: container), nullable)
            }
            if let constant = schema.constValue, let type = constType(constant) {
                return (type, nullable)
            }
            return (.jsonValue, nullable)
        }
    }

    func arrayType(
        of schema: JSONSchema, at origin: TypeID, hint: String, container: TypeContainer
    ) throws(Diagnostic) -> SwiftType {
        guard let items = schema.items else { return .array(.jsonValue) }
        let element = try type(of: items, at: origin.appending("items"), hint: hint + "Item", container: container)
        return .array(element.nullable ? .optional(element.type) : element.type)
    }

    func dictionaryType(
        of schema: JSONSchema, at origin: TypeID, hint: String, container: TypeContainer
    ) throws(Diagnostic) -> SwiftType {
        guard case .schema(let values) = schema.additionalProperties else { return .dictionary(.jsonValue) }
        let value = try type(
            of: values, at: origin.appending("additionalProperties"), hint: hint + "Value", container: container)
        return .dictionary(value.nullable ? .optional(value.type) : value.type)
    }

    func stringType(format: String?) -> SwiftType {
        switch format {
        case "date-time": .date
        case "date": .calendarDate
        case "uuid": .uuid
        case "binary", "byte": .data
        default: .string
        }
    }

    /// The type of a string schema: by its `format`, and `Data` for base64 content (`contentEncoding: base64`,
    /// OpenAPI 3.1's way to say what 3.0's `format: byte` says), which `JSONEncoder` writes as base64.
    func stringType(of schema: JSONSchema) -> SwiftType {
        if schema.contentEncoding?.lowercased() == "base64" { return .data }
        return stringType(format: schema.format)
    }

    /// The typed parts (none or one) of an `allOf` with at most one part that says what the value is, the others
    /// only annotating it: Swashbuckle's `allOf: [$ref]` wrapper that attaches `nullable` or a description to a
    /// reference, and the like. `nil` when the schema is not such a wrapper (it has parts that say more, or
    /// members or alternatives of its own). The value is its one typed part.
    func wrappedParts(of schema: JSONSchema) -> [Int]? {
        let typedParts = schema.allOf.indices.filter { !isAnnotationOnly(schema.allOf[$0]) }
        guard !schema.allOf.isEmpty, typedParts.count <= 1, schema.properties.isEmpty, schema.oneOf.isEmpty,
            schema.anyOf.isEmpty
        else { return nil }
        return typedParts
    }

    /// Whether a schema only annotates (a description, `nullable`, a default, an example) and says nothing about
    /// what the value is.
    func isAnnotationOnly(_ schema: JSONSchema) -> Bool {
        schema.ref == nil && schema.types.allSatisfy { $0 == .null } && schema.format == nil
            && schema.properties.isEmpty && schema.items == nil && schema.additionalProperties == nil
            && schema.enumValues == nil && schema.constValue == nil && schema.allOf.isEmpty && schema.oneOf.isEmpty
            && schema.anyOf.isEmpty && schema.not == nil
    }

    /// Whether the schema a reference points to allows `null` by itself.
    func isNullable(_ id: SchemaID) -> Bool {
        guard let schema = schema(for: id) else { return false }
        return schema.nullable || unionAllowsNull(schema)
    }

    /// Whether `schema` is declared as an enum of alternatives: a `oneOf` or `anyOf` of two or more that say what
    /// the value is, with no properties or `allOf` beside them; or an `allOf` parent that holds the discriminator
    /// (``listingDescendants(in:)``), whatever it declares besides, since its descendants have its members.
    func isUnion(_ schema: JSONSchema) -> Bool {
        guard schema.ref == nil, isChoice(unionAlternatives(of: schema).alternatives, of: schema) else { return false }
        return parentLocations.contains(schema.location)
            || (schema.allOf.isEmpty && declaresOnlyItsDiscriminator(schema))
    }

    /// Whether the properties beside a `oneOf`/`anyOf` are none, or only the discriminator's (which each
    /// alternative carries): the schema is then the choice itself.
    func declaresOnlyItsDiscriminator(_ schema: JSONSchema) -> Bool {
        schema.properties.allSatisfy { $0.name == schema.discriminator?.propertyName }
    }

    /// Whether a schema only allows `null` (`type: 'null'`, or `enum: [null]`).
    func isNullSchema(_ schema: JSONSchema) -> Bool {
        if schema.ref == nil, schema.types == [.null] { return true }
        if let values = schema.enumValues, values == [.null] { return true }
        return false
    }

    /// A `default` as a value of `type`, when it is one: a string for `String`, a number for the number types, a
    /// boolean for `Bool`, a listed value for a generated enum. `nil` for anything else (dates, objects, arrays).
    func defaultValue(_ value: SpecValue, of type: SwiftType) -> DefaultValue? {
        guard case .scalar(let text, let isQuoted) = value else { return nil }
        // Through aliases to what they name; aliases that name each other (`A = B`, `B = A`) name nothing.
        var type = type
        var aliases: Set<TypeID> = []
        while case .named(let id) = type, case .alias(let target) = translatedDefinition(id)?.kind {
            guard aliases.insert(id).inserted else { return nil }
            type = target
        }
        switch type {
        case .string:
            return .string(text)
        case .int, .int32, .int64:
            return !isQuoted && Int64(text) != nil ? .number(text) : nil
        case .float, .double:
            return !isQuoted && SpecValue.isJSONNumber(text) ? .number(text) : nil
        case .bool:
            return !isQuoted && (text == "true" || text == "false") ? .bool(text == "true") : nil
        case .named(let id):
            switch translatedDefinition(id)?.kind {
            case .enumeration(let enumeration):
                return enumeration.cases.first { $0.rawValue == text }.map { .enumCase($0.swiftName) }
            default:
                return nil
            }
        default:
            return nil
        }
    }

    /// The type of a `const` without `type`: a string, an integer, a number or a boolean; `nil` for others.
    func constType(_ value: SpecValue) -> SwiftType? {
        guard case .scalar(let text, let isQuoted) = value else { return nil }
        if isQuoted { return .string }
        if text == "true" || text == "false" { return .bool }
        if Int64(text) != nil { return .int }
        if SpecValue.isJSONNumber(text) { return .double }
        return .string
    }

    /// The type of an enum without `type` whose values are all bare numbers or all booleans.
    func untypedEnumType(of schema: JSONSchema) -> SwiftType? {
        guard schema.types.isEmpty, let values = schema.enumValues?.filter({ $0 != .null }), !values.isEmpty
        else { return nil }
        let texts = values.compactMap { value -> String? in
            if case .scalar(let text, false) = value { return text }
            return nil
        }
        guard texts.count == values.count else { return nil }
        if texts.allSatisfy({ Int64($0) != nil }) { return .int }
        if texts.allSatisfy(SpecValue.isJSONNumber) { return .double }
        if texts.allSatisfy({ $0 == "true" || $0 == "false" }) { return .bool }
        return nil
    }

    /// The merged object when `schema` is declared as a struct: it has properties, or merges several `allOf`
    /// parts that are objects. `nil` for everything else.
    ///
    /// A `oneOf`/`anyOf` of objects beside properties or `allOf` parts, or among them, is a choice the struct also
    /// holds (``MergedObject/Choice``); one with a single alternative is merged like an `allOf` part.
    func structShape(of schema: JSONSchema) -> MergedObject? {
        guard schema.ref == nil, !isUnion(schema), enumValues(of: schema) == nil, schema.enumValues == nil else {
            return nil
        }
        let hasAlternatives = !unionAlternatives(of: schema).alternatives.isEmpty
        guard
            !schema.properties.isEmpty || schema.allOf.count >= 2 || (hasAlternatives && !schema.allOf.isEmpty)
                || isClosedEmptyObject(schema)
        else { return nil }
        var merged = MergedObject()
        var visited: Set<SchemaID> = []
        guard merge(schema, into: &merged, visited: &visited) else { return nil }
        merged.title = schema.title
        merged.description = schema.description
        merged.deprecated = schema.deprecated
        return merged
    }

    /// Whether `schema` is an object that may have no members at all (`type: object`, `additionalProperties:
    /// false`, no properties, parts or alternatives): GitHub's `empty-object`, a struct without members rather than
    /// a dictionary of any values.
    func isClosedEmptyObject(_ schema: JSONSchema) -> Bool {
        guard schema.singleType == .object, case .allowed(false) = schema.additionalProperties else { return false }
        return schema.properties.isEmpty && schema.allOf.isEmpty && schema.oneOf.isEmpty && schema.anyOf.isEmpty
    }

    /// Adds the properties of `schema` and its `allOf` parts to `merged` (parts first), and their `oneOf`/`anyOf`
    /// choices; `false` when a part, or an alternative of a choice, is not an object. `origin` is the schema `schema`
    /// was reached as, through a reference, and `schema` is at `path` below it (below the merged schema without one).
    ///
    /// Depth first with an explicit stack: a chain of `allOf` references is as long as the description makes it.
    func merge(
        _ schema: JSONSchema, into merged: inout MergedObject, visited: inout Set<SchemaID>, origin: SchemaID? = nil,
        path: [String] = []
    ) -> Bool {
        enum Step {
            /// Follow the schema's reference, or merge its parts and then its own members.
            case visit(JSONSchema, origin: SchemaID?, path: [String])
            /// Its parts are merged: add its own members.
            case addMembers(JSONSchema, origin: SchemaID?)
        }
        var names: [String: Int] = [:]
        for (index, property) in merged.properties.enumerated() { names[property.name] = index }
        // The properties a schema declares itself (a later one of the same name replaces an earlier one), and what
        // it requires; `origin` is the schema they come from through a reference.
        func addMembers(of schema: JSONSchema, origin: SchemaID?) {
            for property in schema.properties {
                merged.origins[property.name] = origin
                if let index = names[property.name] {
                    merged.properties[index] = property
                } else {
                    names[property.name] = merged.properties.count
                    merged.properties.append(property)
                }
            }
            merged.required.formUnion(schema.required)
        }
        var steps: [Step] = [.visit(schema, origin: origin, path: path)]
        while let step = steps.popLast() {
            switch step {
            case .visit(let schema, let origin, let path):
                if let ref = schema.ref {
                    guard visited.insert(ref).inserted, let target = self.schema(for: ref) else { continue }
                    if isUnion(target) {
                        guard allowsOnlyObjects(unionAlternatives(of: target).alternatives) else { return false }
                        merged.choices.append(.reference(ref))
                        // What the union declares beside its alternatives is merged too: its discriminator, and
                        // all of an `allOf` parent's members (its parts' and `additionalProperties` included).
                        var members = target
                        members.oneOf = []
                        members.anyOf = []
                        steps.append(.visit(members, origin: ref, path: []))
                    } else {
                        steps.append(.visit(target, origin: ref, path: []))
                    }
                    continue
                }
                if let type = schema.singleType, type != .object { return false }
                steps.append(.addMembers(schema, origin: origin))
                for (index, part) in schema.allOf.enumerated().reversed() {
                    steps.append(.visit(part, origin: origin, path: path + ["allOf", "\(index)"]))
                }
                let (keyword, alternatives) = unionAlternatives(of: schema)
                if alternatives.count == 1 && !isChoice(alternatives, of: schema) {
                    // One alternative must hold: it is one more part, the first.
                    let (index, alternative) = alternatives[0]
                    steps.append(.visit(alternative, origin: origin, path: path + [keyword, "\(index)"]))
                } else if isChoice(alternatives, of: schema) {
                    guard allowsOnlyObjects(alternatives) else {
                        warnNotAllObjects(schema, keyword: keyword)
                        return false
                    }
                    merged.choices.append(.inline(schema, base: origin.map(Self.typeID(of:)), path: path + [keyword]))
                }
            case .addMembers(let schema, let origin):
                addMembers(of: schema, origin: origin)
                if let additional = schema.additionalProperties {
                    merged.additionalProperties = additional
                }
            }
        }
        return true
    }

    /// The struct for an object schema identified by `id`; the types found in its properties are nested in it.
    func makeStruct(_ merged: MergedObject, id: TypeID) throws(Diagnostic) -> StructDefinition {
        var definition = StructDefinition()
        let nested = TypeContainer(parent: id)
        let members = NameScope(
            reserved: SwiftKeywords.reservedMemberNames.union(["hashValue"]), capacity: merged.properties.count + 1)
        // The names the user chose first, exactly; the others make way.
        var chosen: [String: String] = [:]
        for property in merged.properties {
            guard let override = propertyNameOverride(property.name, of: id, origin: merged.origins[property.name])
            else { continue }
            guard members.claimExactly(override.name.value) else {
                throw Diagnostic(
                    at: override.name.location,
                    "'\(override.name.value)' cannot name property '\(property.name)' of '\(override.target.value)': "
                        + "the name is taken")
            }
            chosen[property.name] = override.name.value
        }
        // Reserved exactly: the properties are kept until the output is written (Stripe: 2.7 MB of them).
        definition.properties.reserveCapacity(merged.properties.count + merged.choices.count)
        for property in merged.properties {
            let swiftName = chosen[property.name] ?? members.claim(SwiftName.lowerCamelCase(property.name))
            let (type, nullable) = try self.type(
                of: property.schema, at: id.appending("properties", property.name),
                hint: SwiftName.upperCamelCase(property.name), container: nested
            )
            // A property only the server sends (readOnly) or only the client sends (writeOnly) is missing from one
            // direction, so neither a request nor a response needs it: it is optional.
            let readOnly = property.schema.readOnly
            let writeOnly = property.schema.writeOnly
            let required = merged.required.contains(property.name) && !readOnly && !writeOnly
            var result = PropertyDefinition(
                jsonKey: property.name, swiftName: swiftName, type: type, isOptional: !required || nullable
            )
            result.encodesNull = required && nullable
            result.documentation = propertyDocumentation(property.schema)
            result.deprecation = property.schema.deprecated ? .marked : nil
            result.readOnly = readOnly
            result.writeOnly = writeOnly
            result.defaultValue = property.schema.defaultValue.flatMap { defaultValue($0, of: type) }
            definition.properties.append(result)
        }
        for choice in merged.choices {
            definition.properties.append(try choiceProperty(choice, in: id, members: members, nested: nested))
        }
        switch merged.additionalProperties {
        case .schema(let values):
            let (valueType, nullable) = try type(
                of: values, at: id.appending("additionalProperties"), hint: "AdditionalProperty", container: nested
            )
            definition.additionalProperties = AdditionalPropertiesDefinition(
                swiftName: members.claim("additionalProperties"),
                valueType: nullable ? .optional(valueType) : valueType
            )
        case .allowed(true):
            // Members the description does not list are kept, so a value read and written back loses nothing.
            definition.additionalProperties = AdditionalPropertiesDefinition(
                swiftName: members.claim("additionalProperties"), valueType: .jsonValue)
        case .allowed(false), nil:
            break
        }
        return definition
    }

    /// The property of the struct `id` that holds one of its choices: the union a reference names (`paymentMethod`),
    /// or one declared in the struct for an inline `oneOf`/`anyOf` (`Variant`, or its title). It is read from and
    /// written to the object's own members (``PropertyDefinition/isFlattened``).
    func choiceProperty(
        _ choice: MergedObject.Choice, in id: TypeID, members: NameScope, nested: TypeContainer
    ) throws(Diagnostic) -> PropertyDefinition {
        let type: SwiftType
        let name: String
        let location: SourceLocation
        switch choice {
        case .reference(let ref):
            type = schemaTypes[ref] ?? .jsonValue
            name = preferredName(of: Self.typeID(of: ref)) ?? document.schemas.name(of: ref)
            location = self.schema(for: ref)?.location ?? document.location
        case .inline(let schema, let base, let path):
            location = schema.location
            var origin = base ?? id
            for token in path { origin = origin.appending(token) }
            name = schema.title.map(SwiftName.upperCamelCase) ?? "Variant"
            let unionID = declare(origin, preferred: name, in: nested)
            let kind: TypeDefinition.Kind =
                isAnyOfObjects(schema)
                ? .structure(try makeAnyOfStruct(schema, id: unionID)) : .union(try makeUnion(schema, id: unionID))
            var definition = TypeDefinition(id: unionID, kind: kind)
            definition.documentation = Documentation(summary: schema.title, description: nil)
            definitions[unionID] = definition
            type = .named(unionID)
        }
        var property = PropertyDefinition(
            jsonKey: "", swiftName: members.claim(SwiftName.lowerCamelCase(name)), type: type, isOptional: false)
        property.isFlattened = true
        choiceLocations[id, default: [:]][property.swiftName] = location
        return property
    }

    /// Warns, once, that `schema`'s `oneOf`/`anyOf` sits among object parts but its values are not all objects.
    func warnNotAllObjects(_ schema: JSONSchema, keyword: String) {
        warnOnce(
            schema.location,
            "\(keyword) beside properties or allOf whose parts are not all objects; the value is decoded as JSONValue")
    }

    /// Whether every alternative is an object, or may be (it says nothing of its kind).
    func allowsOnlyObjects(_ alternatives: [(index: Int, schema: JSONSchema)]) -> Bool {
        var visited: Set<SchemaID> = []
        return alternatives.allSatisfy { mayBeObject($0.schema, visited: &visited) }
    }

    /// Whether `schema` allows objects: its `type` says so or says nothing, and it is no list of values, no
    /// array, and no choice or combination of something else. Follows references once each (schemas on a cycle
    /// are objects, since only objects can contain themselves).
    func mayBeObject(_ schema: JSONSchema, visited: inout Set<SchemaID>) -> Bool {
        if let ref = schema.ref {
            guard visited.insert(ref).inserted, let target = self.schema(for: ref) else { return true }
            return mayBeObject(target, visited: &visited)
        }
        let types = schema.types.filter { $0 != .null }
        guard types.isEmpty || types == [.object], schema.enumValues == nil, schema.constValue == nil,
            schema.items == nil, schema.prefixItems.isEmpty
        else { return false }
        for part in schema.allOf + schema.oneOf + schema.anyOf where !isNullSchema(part) {
            if !mayBeObject(part, visited: &visited) { return false }
        }
        return true
    }

    /// Whether `schema` is declared as a tuple struct: an array schema (or one without `type`) with `prefixItems`
    /// (or a draft 2019-09 `items` list) and room for at least one of them, and nothing that makes it something
    /// else (an enum, `oneOf`, properties).
    func isTuple(_ schema: JSONSchema) -> Bool {
        guard schema.ref == nil, !schema.prefixItems.isEmpty, schema.maxItems != 0, schema.properties.isEmpty,
            schema.enumValues == nil, schema.constValue == nil, schema.oneOf.isEmpty, schema.anyOf.isEmpty,
            schema.allOf.isEmpty
        else { return false }
        let types = schema.types.filter { $0 != .null }
        return types.isEmpty || types == [.array]
    }

    /// The struct for a tuple identified by `id`: a property per position of `prefixItems` (up to `maxItems`),
    /// named by the item's `title` when it makes a short name (`longitude`), else by position (`item0`); positions
    /// below `minItems` are required, and without `minItems` all of them are (a description that lets an array end
    /// early says so with `minItems`, as Pydantic and TypeBox write it). The items after them are an array
    /// property when `items` allows some (a schema, or `true`), none when it is `false` or absent, or `maxItems`
    /// allows no more. The types found in the items are nested in the struct.
    func makeTuple(_ schema: JSONSchema, id: TypeID) throws(Diagnostic) -> StructDefinition {
        var definition = StructDefinition()
        definition.isTuple = true
        let nested = TypeContainer(parent: id)
        let members = NameScope(reserved: SwiftKeywords.reservedMemberNames.union(["hashValue"]))
        let count = min(schema.prefixItems.count, schema.maxItems ?? Int.max)
        let required = min(count, schema.minItems ?? count)
        for (position, item) in schema.prefixItems.prefix(count).enumerated() {
            let titleName = Self.positionName(item.title)
            let swiftName = members.claim(titleName ?? "item\(position)")
            let (type, nullable) = try self.type(
                of: item, at: id.appending("prefixItems", String(position)),
                hint: SwiftName.upperCamelCase(swiftName), container: nested
            )
            let isRequired = position < required
            var property = PropertyDefinition(
                jsonKey: String(position), swiftName: swiftName, type: type, isOptional: !isRequired || nullable)
            property.position = position
            property.encodesNull = isRequired && nullable
            property.documentation = propertyDocumentation(item)
            // A title that names the property says nothing more in its doc comment.
            if titleName != nil { property.documentation.summary = nil }
            property.deprecation = item.deprecated ? .marked : nil
            property.defaultValue = item.defaultValue.flatMap { defaultValue($0, of: type) }
            definition.properties.append(property)
        }
        if count == schema.prefixItems.count, (schema.maxItems ?? Int.max) > count, let items = schema.items,
            !isFalse(items)
        {
            let (element, nullable) = try type(
                of: items, at: id.appending("items"), hint: "AdditionalItem", container: nested)
            definition.additionalItems = AdditionalItemsDefinition(
                swiftName: members.claim("additionalItems"), elementType: nullable ? .optional(element) : element)
        }
        return definition
    }

    /// The property name a tuple item's `title` makes, when it is short: one to four words (`Longitude`,
    /// `Stop name`); `nil` for none or a sentence.
    static func positionName(_ title: String?) -> String? {
        guard let title, (1...4).contains(SwiftName.words(title).count) else { return nil }
        return SwiftName.lowerCamelCase(title)
    }

    /// Whether `schema` allows no value at all: `false`, or `not: {}`.
    func isFalse(_ schema: JSONSchema) -> Bool {
        guard let not = schema.not else { return false }
        return not.types.isEmpty && isAnnotationOnly(not)
    }

    /// The documentation of a property: its own title and description, or those of the single `allOf` part it
    /// wraps.
    func propertyDocumentation(_ schema: JSONSchema) -> Documentation {
        var documentation = Documentation(summary: schema.title, description: schema.description)
        if documentation.isEmpty, schema.allOf.count == 1, schema.allOf[0].ref == nil {
            documentation = Documentation(summary: schema.allOf[0].title, description: schema.allOf[0].description)
        }
        documentation.mediaType = schema.contentMediaType
        return documentation
    }

    /// The enum for `values`, declared at `id` (where its schema is).
    func makeEnum(_ values: EnumValues, id: TypeID) throws(Diagnostic) -> EnumDefinition {
        let scope = NameScope(reserved: SwiftKeywords.reservedEnumCaseNames, capacity: values.values.count + 1)
        // The names the user chose first, exactly; the others make way.
        var chosen: [String: String] = [:]
        for value in values.values {
            guard let override = enumCaseNameOverride(value.raw, of: id) else { continue }
            guard scope.claimExactly(override.name.value) else {
                throw Diagnostic(
                    at: override.name.location,
                    "'\(override.name.value)' cannot name the case of '\(value.raw)' in '\(override.target.value)': "
                        + "the name is taken")
            }
            chosen[value.raw] = override.name.value
        }
        // Reserved exactly: the cases are kept until the output is written (Stripe: 1.7 MB of them).
        var cases: [EnumDefinition.Case] = []
        cases.reserveCapacity(values.values.count)
        for value in values.values {
            if let name = chosen[value.raw] {
                cases.append(
                    EnumDefinition.Case(swiftName: name, rawValue: value.raw, documentation: value.documentation))
                continue
            }
            let preferred =
                value.name.map(SwiftName.lowerCamelCase)
                ?? (values.rawType == .string ? SwiftName.lowerCamelCase(value.raw) : Self.numericCaseName(value.raw))
            cases.append(
                EnumDefinition.Case(
                    swiftName: scope.claim(preferred), rawValue: value.raw, documentation: value.documentation))
        }
        return EnumDefinition(rawType: values.rawType, cases: cases, unknownCaseName: scope.claim("undocumented"))
    }

    /// A case name for a number: `_2`, `minus1`, `_1_5`.
    static func numericCaseName(_ text: String) -> String {
        let digits = text.hasPrefix("-") ? "minus" + text.dropFirst() : "_" + text
        return String(digits.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
    }
}
