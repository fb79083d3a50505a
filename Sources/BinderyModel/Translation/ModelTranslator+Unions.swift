import BinderyCore
import BinderyOpenAPI

/// `oneOf` and `anyOf`: an enum with a case per alternative.
extension ModelTranslator {
    /// The alternatives of a `oneOf` or `anyOf` that say what the value is, with their positions; `null`
    /// alternatives and those that only constrain the object around them are left out: `required` combinations,
    /// narrower values of members it declares, `maxProperties` (`oneOf: [{required: [a]}, {required: [b]}]`, or
    /// GitHub's `{properties: {status: {enum: [completed]}}, required: [conclusion]}` beside `properties`).
    func unionAlternatives(of schema: JSONSchema) -> (keyword: String, alternatives: [(index: Int, schema: JSONSchema)])
    {
        let keyword = schema.oneOf.isEmpty ? "anyOf" : "oneOf"
        let all = schema.oneOf.isEmpty ? schema.anyOf : schema.oneOf
        // Most schemas asked have no alternatives (every struct's shape asks): their members are not gathered.
        guard !all.isEmpty else { return (keyword, []) }
        let declared = declaredPropertyNames(schema)
        // Indices first: each kept schema is copied once, into the result.
        let kept = all.indices.filter { !isNullSchema(all[$0]) && !isConstraintOnly(all[$0], declared: declared) }
        return (keyword, kept.map { ($0, all[$0]) })
    }

    /// Whether `alternatives` (of `schema`'s `oneOf`/`anyOf`) are a choice: two or more, or one beside a
    /// discriminator, which may also name a kind the description does not list (the `undocumented` case). A single
    /// alternative without one must hold, like one more `allOf` part.
    func isChoice(_ alternatives: [(index: Int, schema: JSONSchema)], of schema: JSONSchema) -> Bool {
        alternatives.count >= 2 || (alternatives.count == 1 && schema.discriminator != nil)
    }

    /// Whether a `oneOf`/`anyOf` alternative only constrains the value: it names no other schema, no new kind and
    /// no members beyond `declared` (those of the object around it).
    func isConstraintOnly(_ schema: JSONSchema, declared: Set<String>) -> Bool {
        guard schema.ref == nil, schema.items == nil, schema.enumValues == nil, schema.constValue == nil,
            schema.allOf.isEmpty, schema.oneOf.isEmpty, schema.anyOf.isEmpty
        else { return false }
        if case .schema = schema.additionalProperties { return false }
        if schema.types.isEmpty && schema.properties.isEmpty { return true }
        // An object's alternatives that refine members it already has.
        return !declared.isEmpty && schema.types.allSatisfy { $0 == .object }
            && schema.properties.allSatisfy { declared.contains($0.name) }
    }

    /// The members a schema declares itself or through its `allOf` parts (one level of references).
    func declaredPropertyNames(_ schema: JSONSchema) -> Set<String> {
        var names = Set(schema.properties.map(\.name))
        for part in schema.allOf {
            let target = part.ref.flatMap { self.schema(for: $0) } ?? part
            names.formUnion(target.properties.map(\.name))
        }
        return names
    }

    /// Whether `schema` also says `null` is allowed through its `oneOf`/`anyOf`.
    func unionAllowsNull(_ schema: JSONSchema) -> Bool {
        (schema.oneOf + schema.anyOf).contains(where: isNullSchema)
    }

    /// Whether `schema`'s alternatives are an `anyOf` of objects without a discriminator: a value may be several
    /// of them at once (DigitalOcean's `pages`, `anyOf: [{first, prev}, {next, last}]`), so it is a struct of
    /// every alternative the JSON fits (``makeAnyOfStruct(_:id:)``) rather than an enum of one.
    func isAnyOfObjects(_ schema: JSONSchema) -> Bool {
        guard schema.ref == nil, schema.oneOf.isEmpty, !schema.anyOf.isEmpty, schema.discriminator == nil else {
            return false
        }
        let alternatives = unionAlternatives(of: schema).alternatives
        return alternatives.count >= 2 && alternatives.allSatisfy { kinds(of: $0.schema) == [.object] }
    }

    /// The struct for an `anyOf` of objects (``isAnyOfObjects(_:)``), declared as `id`: an optional property per
    /// alternative, each read from and written to the object itself (``PropertyDefinition/isFlattened``) and
    /// present when the JSON fits its shape. Inline alternatives are nested in it.
    func makeAnyOfStruct(_ schema: JSONSchema, id: TypeID) throws(Diagnostic) -> StructDefinition {
        var definition = StructDefinition()
        definition.isAnyOf = true
        let nested = TypeContainer(parent: id)
        let members = NameScope(reserved: SwiftKeywords.reservedMemberNames.union(["hashValue", "shapes"]))
        var types: [SwiftType] = []
        for (index, alternative) in unionAlternatives(of: schema).alternatives {
            let hint = alternative.title.map(SwiftName.upperCamelCase) ?? "Option\(index + 1)"
            let (type, _) = try self.type(
                of: alternative, at: id.appending("anyOf", String(index)), hint: hint, container: nested)
            // Two alternatives of the same Swift type are one property: they fit the same values.
            guard !types.contains(type) else { continue }
            types.append(type)
            var property = PropertyDefinition(
                jsonKey: "", swiftName: members.claim(caseName(for: alternative, type: type, index: index)), type: type,
                isOptional: true)
            property.isFlattened = true
            property.shape = shape(of: alternative)
            property.documentation = Documentation(summary: alternative.title, description: alternative.description)
            definition.properties.append(property)
        }
        return definition
    }

    /// The union for `schema`, declared as `id`: its alternatives become cases, inline ones nested in it.
    func makeUnion(_ schema: JSONSchema, id: TypeID) throws(Diagnostic) -> UnionDefinition {
        let (keyword, alternatives) = unionAlternatives(of: schema)
        let nested = TypeContainer(parent: id)
        let names = NameScope(reserved: SwiftKeywords.reservedMemberNames)
        var union = UnionDefinition(cases: [], isAnyOf: keyword == "anyOf")
        let discriminator = schema.discriminator ?? inheritedDiscriminator(alternatives.map(\.schema))
        union.discriminator = discriminator?.propertyName
        var types: [SwiftType] = []
        for (index, alternative) in alternatives {
            let hint = alternative.title.map(SwiftName.upperCamelCase) ?? "Option\(index + 1)"
            let (type, _) = try self.type(
                of: alternative, at: id.appending(keyword, String(index)), hint: hint, container: nested)
            let values = discriminator.map { discriminatorValues(for: alternative, $0) } ?? []
            if let existing = types.firstIndex(of: type) {
                // Two alternatives of the same Swift type are one case (by shape they cannot be told apart).
                union.cases[existing].discriminatorValues += values.filter {
                    !union.cases[existing].discriminatorValues.contains($0)
                }
                continue
            }
            types.append(type)
            var unionCase = UnionDefinition.Case(
                swiftName: names.claim(caseName(for: alternative, type: type, index: index)), type: type,
                shape: shape(of: alternative), discriminatorValues: values
            )
            unionCase.documentation = Documentation(summary: alternative.title, description: alternative.description)
            union.cases.append(unionCase)
        }
        if union.discriminator != nil {
            union.unknownCaseName = names.claim("undocumented")
        }
        return union
    }

    /// The discriminator every alternative inherits from an `allOf` parent (`Cat: allOf [Pet, …]` with the
    /// discriminator on `Pet`), when they all inherit the same property's; `nil` otherwise.
    func inheritedDiscriminator(_ alternatives: [JSONSchema]) -> JSONSchema.Discriminator? {
        var found: JSONSchema.Discriminator?
        for alternative in alternatives {
            var visited: Set<SchemaID> = []
            guard let discriminator = parentDiscriminator(alternative, visited: &visited),
                found == nil || found?.propertyName == discriminator.propertyName
            else { return nil }
            if found == nil { found = discriminator }
        }
        return found
    }

    /// The discriminator a schema declares, or the first of its `allOf` parents does (depth first, with an explicit
    /// stack: a chain of parents is as long as the description makes it).
    func parentDiscriminator(_ schema: JSONSchema, visited: inout Set<SchemaID>) -> JSONSchema.Discriminator? {
        var pending = [schema]
        while let schema = pending.popLast() {
            if let ref = schema.ref {
                if visited.insert(ref).inserted, let target = self.schema(for: ref) { pending.append(target) }
                continue
            }
            if let discriminator = schema.discriminator { return discriminator }
            pending.append(contentsOf: schema.allOf.reversed())
        }
        return nil
    }

    /// The case name for an alternative: the schema it refers to (`cat`), its title, or what it is (`string`; an
    /// array after its items: `catArray`, `stringArray`).
    func caseName(for alternative: JSONSchema, type: SwiftType, index: Int) -> String {
        if let ref = alternative.ref {
            return SwiftName.lowerCamelCase(preferredName(of: Self.typeID(of: ref)) ?? document.schemas.name(of: ref))
        }
        if let title = alternative.title { return SwiftName.lowerCamelCase(title) }
        let values = stringValues(alternative)
        if values.count == 1 { return SwiftName.lowerCamelCase(values[0]) }
        switch type {
        case .string: return "string"
        case .bool: return "bool"
        case .int, .int32, .int64: return "integer"
        case .float, .double: return "number"
        case .date: return "date"
        case .calendarDate: return "calendarDate"
        case .uuid: return "uuid"
        case .data: return "data"
        case .multipartFile: return "file"
        case .array(let element):
            guard element != .jsonValue, alternative.prefixItems.isEmpty, let items = alternative.items else {
                return "array"
            }
            return caseName(for: items, type: element, index: index) + "Array"
        case .dictionary: return "object"
        case .jsonValue, .optional: return "value"
        case .named: return "option\(index + 1)"
        case .custom(let name):
            return SwiftName.lowerCamelCase(name.split(separator: ".").last.map(String.init) ?? name)
        }
    }

    /// The discriminator values that select an alternative: the `mapping` entries that point to it, else the
    /// name of the schema it refers to; for an inline alternative, the values its discriminator property allows.
    func discriminatorValues(for alternative: JSONSchema, _ discriminator: JSONSchema.Discriminator) -> [String] {
        guard let ref = alternative.ref else {
            let property = alternative.properties.first { $0.name == discriminator.propertyName }?.schema
            return property.map(stringValues) ?? []
        }
        var values: [String] = []
        for entry in discriminator.mapping {
            guard case .scalar(let target, _) = entry.value else { continue }
            if mappingTarget(target, refersTo: ref) { values.append(entry.key) }
        }
        if values.isEmpty { values.append(document.schemas.name(of: ref)) }
        return values
    }

    /// Whether a discriminator mapping's value refers to the schema `ref` (``mappingTarget(_:refersTo:in:)``).
    func mappingTarget(_ target: String, refersTo ref: SchemaID) -> Bool {
        Self.mappingTarget(target, refersTo: ref, in: document.schemas)
    }

    /// The string values a schema allows (`enum`, `const`), following references (none when they go round).
    func stringValues(_ schema: JSONSchema) -> [String] {
        var schema = schema
        var visited: Set<SchemaID> = []
        while let ref = schema.ref, let target = self.schema(for: ref) {
            guard visited.insert(ref).inserted else { return [] }
            schema = target
        }
        var values: [String] = []
        for value in (schema.enumValues ?? []) + (schema.constValue.map { [$0] } ?? []) {
            if case .scalar(let text, _) = value, !values.contains(text) { values.append(text) }
        }
        return values
    }

    /// What JSON `schema` accepts, for choosing among alternatives by shape: its kinds; for an object its
    /// required members, the kinds of its declared members (one level: their own members don't matter), the one
    /// value of those that allow one (tags), and whether it refuses others; for an array (not a tuple), when
    /// `describesItems`, the shape of its items (one level too: the items' own items don't matter).
    ///
    /// The shape of a reference's target is remembered: the alternatives of many unions refer to the same large
    /// objects, and each shape merges the whole object (Stripe: 280 M instructions before).
    func shape(of schema: JSONSchema, describesItems: Bool = true) -> JSONShape {
        guard describesItems, let ref = schema.ref else {
            return computedShape(of: schema, describesItems: describesItems)
        }
        if let known = shapesOfReferences[ref] { return known }
        let shape = computedShape(of: schema, describesItems: true)
        shapesOfReferences[ref] = shape
        return shape
    }

    func computedShape(of schema: JSONSchema, describesItems: Bool) -> JSONShape {
        // Through references and `allOf` wrappers (OpenAI's `EvalGraderLabelModel: {allOf: [$ref]}`) to what
        // says what the value is.
        var target = schema
        var visited: Set<SchemaID> = []
        while true {
            if let ref = target.ref {
                guard visited.insert(ref).inserted, let next = self.schema(for: ref) else { break }
                target = next
            } else if let part = wrappedParts(of: target)?.first {
                target = target.allOf[part]
            } else {
                break
            }
        }
        // An `allOf` parent that holds the discriminator has the shape of its own members, which every descendant
        // has.
        if parentLocations.contains(target.location) {
            target.oneOf = []
        }
        guard let merged = structShape(of: target) else {
            var result = JSONShape(kinds: kinds(of: schema), values: stringValues(target))
            if describesItems, result.kinds.contains(.array), target.prefixItems.isEmpty, let items = target.items {
                let itemShape = shape(of: items, describesItems: false)
                if !itemShape.kinds.isEmpty { result.items = itemShape }
            }
            return result
        }
        var result = JSONShape(kinds: [.object])
        result.required = merged.properties.map(\.name).filter { merged.required.contains($0) }
        result.properties = merged.properties.map { property in
            let kinds = kinds(of: property.schema)
            let values = kinds.filter { $0 != .null } == [.string] ? stringValues(property.schema) : []
            return JSONShape.Property(name: property.name, kinds: kinds, tag: values.count == 1 ? values[0] : nil)
        }
        if case .allowed(false) = merged.additionalProperties { result.closed = true }
        if schema.nullable || target.nullable || unionAllowsNull(target) { result.kinds.append(.null) }
        return result
    }

    /// Whether `schema` is declared as a struct (``structShape(of:)``), remembered for the targets of references:
    /// learning it merges the whole object, and the shapes of union alternatives ask it of the same referenced
    /// objects again and again (Stripe: 190 M instructions).
    func isStructShaped(_ schema: JSONSchema, reference: SchemaID?) -> Bool {
        guard let reference else { return structShape(of: schema) != nil }
        if let known = structShapedReferences[reference] { return known }
        let isStruct = structShape(of: schema) != nil
        structShapedReferences[reference] = isStruct
        return isStruct
    }

    /// The kinds of JSON value a schema accepts; empty for any.
    func kinds(of schema: JSONSchema) -> [JSONShape.Kind] {
        var visited: Set<SchemaID> = []
        return kinds(of: schema, visited: &visited, depth: 0)
    }

    /// How many references and alternatives ``kinds(of:)`` follows before it answers "any": chains of them are as
    /// long as the description makes them, and the call stack is not (a level takes about 10 KB of it in a debug
    /// build).
    static let maximumKindsDepth = 32

    /// `reference`: the reference `schema` was reached by, when it is that reference's target as the document
    /// has it.
    func kinds(
        of schema: JSONSchema, visited: inout Set<SchemaID>, depth: Int, reference: SchemaID? = nil
    ) -> [JSONShape.Kind] {
        guard depth < Self.maximumKindsDepth else { return [] }
        var result: [JSONShape.Kind]
        if let ref = schema.ref {
            guard visited.insert(ref).inserted, let target = self.schema(for: ref) else { return [] }
            // From the top (nothing visited before), what a reference leads to is always the same: remembered, so
            // that each member of each shape does not merge the object it refers to again.
            if depth == 0, let known = kindsOfReferences[ref] {
                result = known
            } else {
                result = kinds(of: target, visited: &visited, depth: depth + 1, reference: ref)
                if depth == 0 { kindsOfReferences[ref] = result }
            }
        } else if isStructShaped(schema, reference: reference) {
            result = [.object]
        } else if let values = enumValues(of: schema) {
            result = values.rawType == .string ? [.string] : [.integer, .number]
            if values.rawType == .double { result = [.number] }
        } else if !unionAlternatives(of: schema).alternatives.isEmpty {
            result = []
            for (_, alternative) in unionAlternatives(of: schema).alternatives {
                let kinds = self.kinds(of: alternative, visited: &visited, depth: depth + 1)
                if kinds.isEmpty { return [] }
                for kind in kinds where !result.contains(kind) { result.append(kind) }
            }
        } else if let part = schema.allOf.first(where: { !isAnnotationOnly($0) }),
            schema.allOf.filter({ !isAnnotationOnly($0) }).count == 1
        {
            result = kinds(of: part, visited: &visited, depth: depth + 1)
        } else {
            result = schema.types.compactMap { JSONShape.Kind(rawValue: $0.rawValue) }
            if result.isEmpty, schema.items != nil { result = [.array] }
            if result.isEmpty, case .schema = schema.additionalProperties { result = [.object] }
            if result.isEmpty, let constant = schema.constValue, let type = constType(constant) {
                result = type == .string ? [.string] : type == .bool ? [.boolean] : [.number]
            }
        }
        if !result.isEmpty, schema.nullable || unionAllowsNull(schema), !result.contains(.null) {
            result.append(.null)
        }
        return result
    }
}
