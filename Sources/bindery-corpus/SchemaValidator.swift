import BinderyOpenAPI
import Foundation

/// Checks a JSON value against a schema, for the keywords Bindery reads: `type` (with `nullable` and type lists),
/// `enum`, `const`, `required`, `properties`, `additionalProperties`, `items`, `prefixItems`, `allOf`, `oneOf`,
/// `anyOf`, `not`, `$ref`, and the formats `date-time`, `date` and `uuid`. Bounds, lengths and patterns are not
/// read by Bindery, so they are not checked.
///
/// Two rules follow OpenAPI rather than plain JSON Schema:
/// - `nullable: true` allows `null` whatever the other keywords say (`nullable` beside an `allOf` of a `$ref`
///   is how 3.0 descriptions write an optional reference);
/// - a response does not have to carry a `required` property that is `writeOnly`;
/// - a `oneOf` or `anyOf` with a `discriminator` is checked against the alternative the discriminating property
///   names (through `mapping`, or a schema's name), when it names one.
struct SchemaValidator {
    let schemas: SchemaTable
    /// How deep schemas are followed into one value before giving up (as valid): recursive schemas that refer to
    /// themselves through `allOf` would otherwise never end.
    var maximumDepth = 96

    init(schemas: SchemaTable) {
        self.schemas = schemas
    }

    private var reader: InstanceReader { InstanceReader(schemas: schemas) }

    /// The first reason `instance` does not validate against `schema`, or `nil` when it does.
    func problem(_ instance: JSONInstance, _ schema: JSONSchema) -> String? {
        problem(instance, schema, path: "", depth: 0)
    }

    private func problem(_ instance: JSONInstance, _ schema: JSONSchema, path: String, depth: Int) -> String? {
        guard depth < maximumDepth else { return nil }
        if instance == .null, schema.nullable { return nil }
        if let ref = schema.ref, let target = schemas[ref],
            let problem = problem(instance, target, path: path, depth: depth + 1)
        {
            return problem
        }
        let place = path.isEmpty ? "" : "at \(path): "

        if !schema.types.isEmpty, !Self.matches(instance.type, schema.types) {
            return place + "expected \(schema.types.map(\.rawValue).joined(separator: " or ")), found \(instance.type)"
        }
        if let values = schema.enumValues {
            let allowed = values.map { reader.instance($0, schema: schema) }
            if !allowed.contains(where: { $0.isEqual(to: instance) }) {
                return place + "\(Self.short(instance)) is not one of the enum's \(allowed.count) values"
            }
        }
        if let value = schema.constValue, !reader.instance(value, schema: schema).isEqual(to: instance) {
            return place
                + "\(Self.short(instance)) is not the const \(Self.short(reader.instance(value, schema: schema)))"
        }

        switch instance {
        case .string(let text):
            if let format = schema.format, let problem = Self.formatProblem(text, format) {
                return place + problem
            }
        case .array(let items):
            for (index, item) in items.enumerated() {
                let itemSchema = index < schema.prefixItems.count ? schema.prefixItems[index] : schema.items
                if let itemSchema, let problem = problem(item, itemSchema, path: "\(path)/\(index)", depth: depth + 1) {
                    return problem
                }
            }
        case .object(let members):
            if let problem = objectProblem(members, schema, path: path, depth: depth) { return problem }
        default:
            break
        }

        for part in schema.allOf {
            if let problem = problem(instance, part, path: path, depth: depth + 1) { return problem }
        }
        if !schema.oneOf.isEmpty {
            if let problem = unionProblem(instance, schema.oneOf, "oneOf", schema, path: path, depth: depth) {
                return problem
            }
        }
        if !schema.anyOf.isEmpty {
            if let problem = unionProblem(instance, schema.anyOf, "anyOf", schema, path: path, depth: depth) {
                return problem
            }
        }
        if let not = schema.not, problem(instance, not, path: path, depth: depth + 1) == nil {
            return place + "matches the schema of 'not'"
        }
        return nil
    }

    private func objectProblem(
        _ members: [JSONInstance.Member], _ schema: JSONSchema, path: String, depth: Int
    ) -> String? {
        let place = path.isEmpty ? "" : "at \(path): "
        for name in schema.required where !members.contains(where: { $0.key == name }) {
            let property = schema.properties.first { $0.name == name }.map { reader.resolve($0.schema) }
            if property?.writeOnly == true { continue }
            return place + "missing required property '\(name)'"
        }
        for member in members {
            let memberPath = path + "/" + member.key
            if let property = schema.properties.first(where: { $0.name == member.key }) {
                if let problem = problem(member.value, property.schema, path: memberPath, depth: depth + 1) {
                    return problem
                }
                continue
            }
            switch schema.additionalProperties {
            case .allowed(false):
                return place + "property '\(member.key)' is not allowed (additionalProperties: false)"
            case .schema(let additional):
                if let problem = problem(member.value, additional, path: memberPath, depth: depth + 1) {
                    return problem
                }
            case .allowed(true), nil:
                break
            }
        }
        return nil
    }

    private func unionProblem(
        _ instance: JSONInstance, _ alternatives: [JSONSchema], _ keyword: String, _ schema: JSONSchema,
        path: String, depth: Int
    ) -> String? {
        let place = path.isEmpty ? "" : "at \(path): "
        if let chosen = discriminated(instance, alternatives, schema.discriminator) {
            return problem(instance, chosen, path: path, depth: depth + 1)
        }
        var problems: [String] = []
        var matching: [Int] = []
        for (index, alternative) in alternatives.enumerated() {
            if let problem = problem(instance, alternative, path: path, depth: depth + 1) {
                problems.append("#\(index + 1) \(name(of: alternative)): \(problem)")
            } else {
                matching.append(index)
            }
        }
        if matching.isEmpty {
            return place + "matches none of the \(alternatives.count) alternatives of \(keyword) ("
                + problems.prefix(3).joined(separator: "; ") + (problems.count > 3 ? "; …" : "") + ")"
        }
        if keyword == "oneOf", matching.count > 1 {
            let names = matching.map { "#\($0 + 1) \(name(of: alternatives[$0]))" }
            return place + "matches \(matching.count) alternatives of oneOf (\(names.joined(separator: ", ")))"
        }
        return nil
    }

    /// The alternative a discriminator chooses for `instance`, when it has the property and it names one.
    private func discriminated(
        _ instance: JSONInstance, _ alternatives: [JSONSchema], _ discriminator: JSONSchema.Discriminator?
    ) -> JSONSchema? {
        guard let discriminator,
            case .string(let value)? = instance.members.first(where: { $0.key == discriminator.propertyName })?.value
        else { return nil }
        if let target = discriminator.mapping.first(where: { $0.key == value })?.value.text {
            // `#/components/schemas/Cat`, `other.yaml#/Cat`, or a schema's name.
            let pointer = target.split(separator: "#", maxSplits: 1).last.map(String.init) ?? target
            return alternatives.first { alternative in
                guard let ref = alternative.ref else { return false }
                return target.contains("/") ? ref.pointer.description == pointer : schemas.name(of: ref) == target
            }
        }
        return alternatives.first { $0.ref.map { schemas.name(of: $0) } == value }
    }

    /// A short name for an alternative in messages: its schema's name, or its type.
    private func name(of schema: JSONSchema) -> String {
        if let ref = schema.ref { return schemas.name(of: ref) }
        if let title = schema.title { return title }
        return schema.types.isEmpty ? "schema" : schema.types.map(\.rawValue).joined(separator: "|")
    }

    static func matches(_ type: JSONSchema.JSONType, _ allowed: [JSONSchema.JSONType]) -> Bool {
        allowed.contains(type) || (type == .integer && allowed.contains(.number))
    }

    /// Why `text` is not of `format`, for the formats Bindery decodes into types; `nil` for the others.
    static func formatProblem(_ text: String, _ format: String) -> String? {
        let pattern: String
        switch format {
        case "date-time":
            pattern = #"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$"#
        case "date":
            pattern = #"^\d{4}-\d{2}-\d{2}$"#
        case "uuid":
            pattern = #"^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$"#
        default:
            return nil
        }
        guard text.range(of: pattern, options: .regularExpression) == nil else { return nil }
        return "\(short(.string(text))) is not a \(format)"
    }

    /// The value as JSON, cut short for messages.
    static func short(_ instance: JSONInstance) -> String {
        let json = instance.json
        return json.count > 40 ? json.prefix(40) + "…" : json
    }
}
