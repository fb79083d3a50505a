import BinderyOpenAPI
import Foundation

/// A JSON value: an example as a server would send it.
indirect enum JSONInstance: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number, as written (always JSON's grammar, so it can be written back unchanged).
    case number(String)
    case string(String)
    case array([JSONInstance])
    case object([Member])

    struct Member: Sendable, Hashable {
        var key: String
        var value: JSONInstance
    }

    /// The value's JSON type; a number without a fraction is an `integer` (`1.0` too, as JSON Schema says).
    var type: JSONSchema.JSONType {
        switch self {
        case .null: .null
        case .bool: .boolean
        case .number(let text): Self.isInteger(text) ? .integer : .number
        case .string: .string
        case .array: .array
        case .object: .object
        }
    }

    static func isInteger(_ text: String) -> Bool {
        if !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) { return true }
        guard let value = Double(text), value.isFinite else { return false }
        return value.rounded(.towardZero) == value
    }

    /// Equality as JSON Schema's `enum` and `const` see it: numbers by value, objects whatever their order.
    func isEqual(to other: JSONInstance) -> Bool {
        switch (self, other) {
        case (.number(let left), .number(let right)):
            return left == right || (Double(left).map { $0 == Double(right) } ?? false)
        case (.array(let left), .array(let right)):
            return left.count == right.count && zip(left, right).allSatisfy { $0.isEqual(to: $1) }
        case (.object(let left), .object(let right)):
            guard left.count == right.count else { return false }
            return left.allSatisfy { member in
                right.contains { $0.key == member.key && $0.value.isEqual(to: member.value) }
            }
        default:
            return self == other
        }
    }

    /// The members of an object; empty for other values.
    var members: [Member] {
        if case .object(let members) = self { return members }
        return []
    }

    /// The value as JSON text, compact.
    var json: String {
        var text = ""
        write(to: &text)
        return text
    }

    private func write(to text: inout String) {
        switch self {
        case .null: text += "null"
        case .bool(let value): text += value ? "true" : "false"
        case .number(let value): text += value
        case .string(let value): Self.writeString(value, to: &text)
        case .array(let items):
            text += "["
            for (index, item) in items.enumerated() {
                if index > 0 { text += "," }
                item.write(to: &text)
            }
            text += "]"
        case .object(let members):
            text += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { text += "," }
                Self.writeString(member.key, to: &text)
                text += ":"
                member.value.write(to: &text)
            }
            text += "}"
        }
    }

    private static func writeString(_ value: String, to text: inout String) {
        text += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20:
                text += String(format: "\\u%04x", scalar.value)
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}

/// Turns the values a description writes (``SpecValue``: YAML or JSON, scalars as written) into JSON.
///
/// A quoted scalar is a string. A plain one is read as YAML 1.2's core schema reads it (`true`, `false`, numbers by
/// JSON's grammar, everything else text) unless the schema it is an example of says it is a string: Bindery reads
/// YAML without guessing types, so in a `type: string` property `18:00`, `2024-10-01` and `123` are text. JSON
/// descriptions quote every string, so the schema changes nothing for them.
struct InstanceReader {
    let schemas: SchemaTable

    func instance(_ value: SpecValue, schema: JSONSchema?) -> JSONInstance {
        switch value {
        case .null:
            return .null
        case .scalar(let text, let isQuoted):
            if isQuoted || schema.map(isStringOnly) == true { return .string(text) }
            switch text {
            case "true", "True", "TRUE": return .bool(true)
            case "false", "False", "FALSE": return .bool(false)
            case "null", "Null", "NULL", "~": return .null
            default: return SpecValue.isJSONNumber(text) ? .number(text) : .string(text)
            }
        case .sequence(let items):
            let resolved = schema.map(resolve)
            return .array(
                items.enumerated().map { index, item in
                    let itemSchema =
                        resolved.flatMap { index < $0.prefixItems.count ? $0.prefixItems[index] : $0.items }
                    return instance(item, schema: itemSchema)
                })
        case .mapping(let members):
            return .object(
                members.map { member in
                    Member(
                        key: member.key,
                        value: instance(member.value, schema: schema.flatMap { property(member.key, of: $0) }))
                })
        }
    }

    typealias Member = JSONInstance.Member

    /// The schema a `$ref` chain ends at.
    func resolve(_ schema: JSONSchema) -> JSONSchema {
        var current = schema
        for _ in 0..<32 {
            guard let ref = current.ref, let target = schemas[ref] else { return current }
            current = target
        }
        return current
    }

    /// Whether every value the schema allows, but `null`, is a string.
    func isStringOnly(_ schema: JSONSchema) -> Bool {
        isStringOnly(schema, depth: 0)
    }

    private func isStringOnly(_ schema: JSONSchema, depth: Int) -> Bool {
        guard depth < 16 else { return false }
        let resolved = resolve(schema)
        let types = resolved.types.filter { $0 != .null }
        if !types.isEmpty { return types == [.string] }
        return resolved.allOf.contains { isStringOnly($0, depth: depth + 1) }
    }

    /// The schema of a member of an object: a property of the schema or of its `allOf`, `oneOf` or `anyOf` parts
    /// (the first that declares it), else `additionalProperties`.
    func property(_ name: String, of schema: JSONSchema, depth: Int = 0) -> JSONSchema? {
        guard depth < 16 else { return nil }
        let resolved = resolve(schema)
        if let property = resolved.properties.first(where: { $0.name == name }) { return property.schema }
        for part in resolved.allOf + resolved.oneOf + resolved.anyOf {
            if let found = property(name, of: part, depth: depth + 1) { return found }
        }
        if case .schema(let additional) = resolved.additionalProperties { return additional }
        return nil
    }
}
