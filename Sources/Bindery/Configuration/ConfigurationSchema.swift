/// What is written from ``ConfigurationKey/keys``: the JSON Schema editors check `bindery.yaml` with, and the
/// table of keys in the README. Both are committed; a test checks they are what this writes.
public enum ConfigurationSchema {
    /// Where the JSON Schema is committed, from the repository's root.
    public static let schemaPath = "Sources/Bindery/Configuration/bindery.schema.json"

    /// The JSON Schema (draft-07, which editors' YAML plugins read) of `bindery.yaml`, pretty-printed.
    public static func jsonSchema() -> String {
        let root = JSON.object([
            ("$schema", .string("http://json-schema.org/draft-07/schema#")),
            ("title", .string("bindery.yaml")),
            (
                "description",
                .string(
                    "How Bindery generates a Swift client from an OpenAPI description: the file lives beside the "
                        + "description, and its paths are relative to it.")
            ),
            ("type", .string("object")),
            ("properties", properties(ConfigurationKey.keys)),
            ("additionalProperties", .bool(false)),
        ])
        return root.text(indent: "") + "\n"
    }

    static func properties(_ keys: [ConfigurationKey]) -> JSON {
        .object(keys.map { key in (key.name, schema(key.value, description: description(of: key))) })
    }

    /// The key's summary, its choices and its default, as one text for editors.
    static func description(of key: ConfigurationKey) -> String {
        var text = key.summary
        if case .choice(let choices) = key.value {
            text += " " + choices.map { "`\($0.word)`: \($0.summary)." }.joined(separator: " ")
        }
        if let defaultValue = key.defaultValue { text += " Default: \(defaultValue)." }
        return text
    }

    static func schema(_ value: ConfigurationKey.Value, description: String?) -> JSON {
        var members: [(String, JSON)] = []
        if let description { members.append(("description", .string(description))) }
        switch value {
        case .text(let form):
            members.append(("type", .string("string")))
            if form == .identifier {
                members.append(("pattern", .string("^[A-Za-z_][A-Za-z0-9_]*$")))
            } else {
                members.append(("minLength", .number(1)))
            }
        case .flag:
            members.append(("type", .string("boolean")))
        case .choice(let choices):
            members.append(("enum", .array(choices.map { .string($0.word) })))
        case .list(let element):
            members.append(("type", .array([.string("array"), .string("null")])))
            members.append(("items", schema(element, description: nil)))
        case .map(_, let element):
            members.append(("type", .array([.string("object"), .string("null")])))
            members.append(("additionalProperties", schema(element, description: nil)))
        case .object(let keys):
            members.append(("type", .array([.string("object"), .string("null")])))
            members.append(("properties", properties(keys)))
            members.append(("additionalProperties", .bool(false)))
        }
        return .object(members)
    }

    /// The README's table of keys: one row per key, nested keys as `filters.tags`.
    public static func markdownTable() -> String {
        var lines = ["| Key | Value | Default | What it does |", "| --- | --- | --- | --- |"]
        func add(_ keys: [ConfigurationKey], prefix: String) {
            for key in keys {
                let name = prefix + key.name
                var summary = key.summary
                if case .choice(let choices) = key.value {
                    summary += " " + choices.map { "`\($0.word)`: \($0.summary)." }.joined(separator: " ")
                }
                let cells = ["`\(name)`", valueDescription(key.value), key.defaultValue ?? "", summary]
                lines.append(
                    "| " + cells.map { $0.replacing("|", with: "\\|") }.joined(separator: " | ") + " |")
                add(key.children, prefix: name + ".")
            }
        }
        add(ConfigurationKey.keys, prefix: "")
        return lines.joined(separator: "\n") + "\n"
    }

    /// What a value is, in words: "a path", "a list of texts".
    static func valueDescription(_ value: ConfigurationKey.Value) -> String {
        switch value {
        case .text(.path): "path"
        case .text(.identifier): "Swift name"
        case .text(.typeName): "Swift type"
        case .text(.plain): "text"
        case .flag: "`true` or `false`"
        case .choice(let choices): choices.map { "`\($0.word)`" }.joined(separator: ", ")
        case .list(let element): "list of \(valueDescription(element))s"
        case .map(let keys, let element): "\(keys) → \(valueDescription(element))"
        case .object: "the keys below"
        }
    }
}

/// Just enough JSON to write a schema: members keep their order.
indirect enum JSON {
    case string(String)
    case number(Int)
    case bool(Bool)
    case array([JSON])
    case object([(String, JSON)])

    /// The value, pretty-printed with two spaces per level; `indent` is the current level's.
    func text(indent: String) -> String {
        let inner = indent + "  "
        switch self {
        case .string(let value): return Self.quoted(value)
        case .number(let value): return String(value)
        case .bool(let value): return value ? "true" : "false"
        case .array(let items):
            // Arrays of scalars on one line.
            if items.allSatisfy({ if case .string = $0 { true } else { false } }) {
                return "[" + items.map { $0.text(indent: inner) }.joined(separator: ", ") + "]"
            }
            return "[\n" + items.map { inner + $0.text(indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case .object(let members):
            guard !members.isEmpty else { return "{}" }
            return "{\n"
                + members.map { inner + Self.quoted($0.0) + ": " + $0.1.text(indent: inner) }.joined(separator: ",\n")
                + "\n\(indent)}"
        }
    }

    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case let control where control.value < 0x20:
                result +=
                    "\\u" + String(repeating: "0", count: 4 - String(control.value, radix: 16).count)
                    + String(control.value, radix: 16)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
