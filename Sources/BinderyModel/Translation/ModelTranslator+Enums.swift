import BinderyCore
import BinderyOpenAPI

/// The values of an enum schema, as the translator finds them.
struct EnumValues {
    struct Value {
        /// As the document writes it.
        var raw: String
        /// A name the document gives (`x-enum-varnames`, or the `title` of a `const` alternative).
        var name: String?
        var documentation = Documentation()
    }

    /// `String`, `Int`, `Int32`, `Int64` or `Double`.
    var rawType: SwiftType
    var values: [Value]
    /// Whether `null` is among the values.
    var allowsNull: Bool
}

extension ModelTranslator {
    /// The values of a schema that is an enum: `enum` of strings or of numbers, or a `oneOf`/`anyOf` whose every
    /// alternative is one `const` (Discord's way to name each value). `nil` for anything else, booleans included.
    func enumValues(of schema: JSONSchema) -> EnumValues? {
        guard schema.ref == nil else { return nil }
        if let values = schema.enumValues {
            return listedEnumValues(values, of: schema)
        }
        return constAlternatives(of: schema)
    }

    /// `enum: [...]`: strings (with `type: string`, or quoted, or not all numbers) or numbers.
    func listedEnumValues(_ values: [SpecValue], of schema: JSONSchema) -> EnumValues? {
        var texts: [(text: String, isQuoted: Bool)] = []
        var seen: Set<String> = []
        texts.reserveCapacity(values.count)
        seen.reserveCapacity(values.count)
        for value in values {
            switch value {
            case .null: continue
            case .scalar(let text, let isQuoted):
                if seen.insert(text).inserted { texts.append((text, isQuoted)) }
            case .sequence, .mapping: return nil
            }
        }
        guard !texts.isEmpty, let rawType = enumRawType(of: schema, texts) else { return nil }
        let names = enumNames(schema, count: texts.count)
        return EnumValues(
            rawType: rawType,
            values: texts.enumerated().map { EnumValues.Value(raw: $0.element.text, name: names?[$0.offset]) },
            allowsNull: values.contains(.null) || schema.nullable
        )
    }

    /// A `oneOf`/`anyOf` of `const`s (or one-value `enum`s), with their titles as case names.
    func constAlternatives(of schema: JSONSchema) -> EnumValues? {
        let alternatives = schema.oneOf.isEmpty ? schema.anyOf : schema.oneOf
        guard !alternatives.isEmpty, schema.properties.isEmpty else { return nil }
        var texts: [(text: String, isQuoted: Bool)] = []
        var values: [EnumValues.Value] = []
        var allowsNull = schema.nullable
        for alternative in alternatives {
            if isNullSchema(alternative) {
                allowsNull = true
                continue
            }
            let constant =
                alternative.constValue ?? (alternative.enumValues?.count == 1 ? alternative.enumValues?[0] : nil)
            guard alternative.ref == nil, alternative.properties.isEmpty,
                case .scalar(let text, let isQuoted)? = constant
            else { return nil }
            if texts.contains(where: { $0.text == text }) { continue }
            texts.append((text, isQuoted))
            var value = EnumValues.Value(raw: text, name: alternative.title)
            value.documentation = Documentation(description: alternative.description)
            values.append(value)
        }
        guard !texts.isEmpty, let rawType = enumRawType(of: schema, texts) else { return nil }
        return EnumValues(rawType: rawType, values: values, allowsNull: allowsNull)
    }

    /// The Swift type of an enum's values: `String` when the schema says `string` or any value is quoted or not a
    /// number; else `Int` (or the `format`'s width) when all are integers, `Double` when all are numbers. `nil` for
    /// booleans and for a type that is not a string or number.
    func enumRawType(of schema: JSONSchema, _ texts: [(text: String, isQuoted: Bool)]) -> SwiftType? {
        let type = schema.singleType
        switch type {
        case .string:
            return .string
        case .integer, .number:
            guard texts.allSatisfy({ SpecValue.isJSONNumber($0.text) }) else { return .string }
            if type == .number, !texts.allSatisfy({ Int64($0.text) != nil }) || schema.format == "double" {
                return .double
            }
            switch schema.format {
            case "int32": return .int32
            case "int64": return .int64
            default: return texts.allSatisfy({ Int64($0.text) != nil }) ? .int : .double
            }
        case nil where schema.types.isEmpty:
            let bare = texts.filter { !$0.isQuoted }
            if bare.count == texts.count, bare.allSatisfy({ $0.text == "true" || $0.text == "false" }) { return nil }
            if bare.count == texts.count, bare.allSatisfy({ Int64($0.text) != nil }) { return .int }
            if bare.count == texts.count, bare.allSatisfy({ SpecValue.isJSONNumber($0.text) }) { return .double }
            if !bare.isEmpty, bare.contains(where: { $0.text == "true" || $0.text == "false" }) { return nil }
            return .string
        default:
            return nil
        }
    }

    /// Names the document gives an enum's values: `x-enum-varnames` or `x-enumNames`, when there is one per value.
    func enumNames(_ schema: JSONSchema, count: Int) -> [String]? {
        for key in ["x-enum-varnames", "x-enumNames"] {
            guard case .sequence(let items)? = schema.extensions[key], items.count == count else { continue }
            let names = items.compactMap { item -> String? in
                if case .scalar(let text, _) = item { return text }
                return nil
            }
            if names.count == count { return names }
        }
        return nil
    }
}
