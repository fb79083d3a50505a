import BinderyYAML

/// A literal value written in the document: an `enum` member, a `default`, an `example`, a `const`, an extension.
///
/// The document's text is kept as written; what it means depends on the schema it belongs to (in a string enum
/// the plain scalar `off` is the string "off", in an integer enum `200` is a number), so typing is left to the
/// consumer. A quoted or block scalar is always a string.
public indirect enum SpecValue: Sendable, Hashable {
    case null
    case scalar(String, isQuoted: Bool)
    case sequence([SpecValue])
    case mapping([Member])

    /// One key and value of a mapping, in document order.
    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: SpecValue

        public init(key: String, value: SpecValue) {
            self.key = key
            self.value = value
        }
    }

    /// The value of a YAML node, read without any type guessing.
    ///
    /// - Parameter budget: how many more nodes may be read; YAML aliases can make a small file stand for an
    ///   enormous value, which is an error rather than an exhausted machine.
    public init(_ node: YAMLNode, budget: inout Int, depth: Int = 0) throws(Diagnostic) {
        budget -= 1
        guard budget >= 0, depth < SpecValue.maximumDepth else {
            throw Diagnostic(
                at: node.location,
                budget < 0
                    ? "this value expands to too many nodes (YAML aliases that refer to aliases?)"
                    : "this value is nested more than \(SpecValue.maximumDepth) levels deep"
            )
        }
        switch node.kind {
        case .scalar:
            if node.isNull {
                self = .null
            } else {
                self = .scalar(node.scalar ?? "", isQuoted: node.scalarStyle != .plain)
            }
        case .sequence:
            var items: [SpecValue] = []
            items.reserveCapacity(node.count)
            for element in node.elements {
                items.append(try SpecValue(element, budget: &budget, depth: depth + 1))
            }
            self = .sequence(items)
        case .mapping:
            var members: [Member] = []
            members.reserveCapacity(node.count)
            for (key, value) in node.pairs {
                members.append(
                    Member(key: key.scalar ?? "", value: try SpecValue(value, budget: &budget, depth: depth + 1)))
            }
            self = .mapping(members)
        }
    }

    /// How deep a value may be nested.
    public static let maximumDepth = 256

    /// The scalar's text, whatever its style; `nil` for null and collections.
    public var text: String? {
        if case .scalar(let text, _) = self { return text }
        return nil
    }

    /// Whether `text` is a number by JSON's grammar.
    public static func isJSONNumber(_ text: String) -> Bool {
        var bytes = text.utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        func digits() -> Int {
            let count = bytes.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
            bytes = bytes.dropFirst(count)
            return count
        }
        if bytes.first == UInt8(ascii: "0") {
            bytes = bytes.dropFirst()
        } else if digits() == 0 {
            return false
        }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            guard digits() > 0 else { return false }
        }
        if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return bytes.isEmpty
    }
}
