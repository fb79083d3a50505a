import BinderyCore
import BinderyModel
import BinderyOpenAPI
import BinderyYAML
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The value of one key of a configuration file, checked against what the key holds (``check()``) and read as
/// it (``texts()``, ``flag()``, …).
struct ConfigurationValue {
    let node: YAMLNode
    let key: ConfigurationKey
    /// The key's place in the file, for messages: `filters.tags`.
    let path: String
    /// The folder paths are relative to.
    let folder: String

    // MARK: - Checking

    /// Checks the value against ``ConfigurationKey/value``: its kind, and for text its form, for a choice its
    /// word. A key left empty is an empty list or mapping; a text or flag needs a value.
    func check() throws(Diagnostic) {
        try check(node, as: key.value, what: "'\(path)'")
    }

    private func check(_ node: YAMLNode, as value: ConfigurationKey.Value, what: String) throws(Diagnostic) {
        switch value {
        case .text(let form):
            try checkText(node, form, what: what)
        case .flag:
            guard node.kind == .scalar, node.scalarStyle == .plain, node.scalar == "true" || node.scalar == "false"
            else {
                throw Diagnostic(at: node.location, "expected true or false for \(what), found \(Self.describe(node))")
            }
        case .choice(let choices):
            let words = choices.map(\.word)
            guard node.kind == .scalar, !node.isNull, let text = node.scalar, words.contains(text) else {
                let expected = Self.alternatives(words)
                let found = Self.describe(node)
                let message = "expected \(expected) for \(what), found \(found)"
                throw Diagnostic(
                    at: node.location,
                    node.kind == .scalar
                        ? Suggestion.message(message, for: node.scalar ?? "", among: words) : message)
            }
        case .list(let element):
            if node.kind == .scalar, node.isNull { return }
            guard node.kind == .sequence else {
                throw Diagnostic(at: node.location, "expected a list for \(what), found \(Self.describe(node))")
            }
            for item in node.elements { try check(item, as: element, what: "an item of \(what)") }
        case .map(let keys, let element):
            if node.kind == .scalar, node.isNull { return }
            guard node.kind == .mapping else {
                throw Diagnostic(
                    at: node.location, "expected a mapping of \(keys)s for \(what), found \(Self.describe(node))")
            }
            for (keyNode, valueNode) in node.pairs {
                guard keyNode.kind == .scalar, let name = keyNode.scalar, !name.isEmpty else {
                    throw Diagnostic(
                        at: keyNode.location, "expected a \(keys) for a key of \(what), found \(Self.describe(keyNode))"
                    )
                }
                try check(valueNode, as: element, what: "'\(name)' in \(what)")
            }
        case .object:
            if node.kind == .scalar, node.isNull { return }
            guard node.kind == .mapping else {
                throw Diagnostic(at: node.location, "expected a mapping for \(what), found \(Self.describe(node))")
            }
        }
    }

    private func checkText(_ node: YAMLNode, _ form: ConfigurationKey.TextForm, what: String) throws(Diagnostic) {
        guard node.kind == .scalar, !node.isNull, let text = node.scalar, !text.isEmpty else {
            throw Diagnostic(at: node.location, "expected text for \(what), found \(Self.describe(node))")
        }
        switch form {
        case .identifier:
            guard Self.isIdentifier(text) else {
                throw Diagnostic(
                    at: node.location,
                    "'\(text)' is not a Swift identifier (letters, digits and _, not starting with a digit)")
            }
        case .typeName:
            guard Self.isTypeName(text) else {
                throw Diagnostic(at: node.location, "'\(text)' is not a Swift type name")
            }
        case .path, .plain:
            break
        }
    }

    // MARK: - Reading

    /// The text, with where it is.
    func text() -> Located<String> {
        Located(node.scalar ?? "", at: node.location)
    }

    /// A path, relative to the working folder.
    func filePath() -> Located<String> {
        Located(Self.join(folder, node.scalar ?? ""), at: node.location)
    }

    /// A folder that exists, relative to the working folder.
    func folderPath() throws(Diagnostic) -> Located<String> {
        let path = filePath()
        guard PathKind(at: path.value) == .folder else {
            throw Diagnostic(at: node.location, "no folder at '\(path.value)' (paths are relative to this file)")
        }
        return path
    }

    /// A module name: an identifier that is not a keyword nor a type the generated code uses.
    func moduleName() throws(Diagnostic) -> Located<String> {
        let name = text()
        if let problem = Generator.problem(withModuleName: name.value) {
            throw Diagnostic(at: node.location, "'\(name.value)' cannot be the module name: \(problem)")
        }
        return name
    }

    func flag() -> Bool {
        node.scalar == "true"
    }

    func choice() -> String {
        node.scalar ?? ""
    }

    /// The items of a list of text.
    func texts() -> [Located<String>] {
        node.elements.map { Located($0.scalar ?? "", at: $0.location) }
    }

    /// Protocols for model types: not those they conform to already, each once.
    func conformances() throws(Diagnostic) -> [String] {
        var names: [String] = []
        for item in texts() {
            if ["Codable", "Hashable", "Sendable", "Encodable", "Decodable", "Equatable"].contains(item.value) {
                throw Diagnostic(
                    at: item.location,
                    "generated model types are Codable, Hashable and Sendable already; '\(item.value)' is not needed")
            }
            if names.contains(item.value) {
                throw Diagnostic(at: item.location, "'\(item.value)' is listed twice")
            }
            names.append(item.value)
        }
        return names
    }

    /// The pairs of a mapping of text to text, with where each is.
    func textPairs() -> [(key: Located<String>, value: Located<String>)] {
        node.pairs.map { pair in
            (
                Located(pair.key.scalar ?? "", at: pair.key.location),
                Located(pair.value.scalar ?? "", at: pair.value.location)
            )
        }
    }

    /// `name: newName` pairs. Type names must not be keywords: a type's name is written without backticks.
    func renames(typeNames: Bool) throws(Diagnostic) -> [NameOverride] {
        var renames: [NameOverride] = []
        for (target, name) in textPairs() {
            if typeNames, SwiftKeywords.needsBackticks(name.value) {
                throw Diagnostic(at: name.location, "'\(name.value)' is a Swift keyword, which cannot name a type")
            }
            renames.append(NameOverride(target: target, name: name))
        }
        return renames
    }

    /// `schema: {member: newName}` pairs.
    func memberRenames() -> [MemberNameOverride] {
        var renames: [MemberNameOverride] = []
        for (targetNode, members) in node.pairs {
            let target = Located(targetNode.scalar ?? "", at: targetNode.location)
            for (member, name) in members.pairs {
                renames.append(
                    MemberNameOverride(
                        target: target, member: Located(member.scalar ?? "", at: member.location),
                        name: Located(name.scalar ?? "", at: name.location)))
            }
        }
        return renames
    }

    func typeOverrides() -> [TypeOverride] {
        textPairs().map { TypeOverride(target: $0.key, type: $0.value) }
    }

    // MARK: - Text

    /// What a node is, for messages: "a mapping", "a list", "nothing", "'yes'".
    static func describe(_ node: YAMLNode) -> String {
        switch node.kind {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar:
            if node.isNull { return "nothing" }
            let text = node.scalar ?? ""
            let shown = "'\(text.count > 40 ? text.prefix(40) + "…" : text)'"
            return node.scalarStyle == .plain ? shown : shown + " (quoted, so text)"
        }
    }

    /// `a`, `a or b`, `a, b or c`.
    static func alternatives(_ words: [String]) -> String {
        guard words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " or " + (words.last ?? "")
    }

    /// Whether `text` is a Swift identifier: ASCII letters, digits and `_`, not starting with a digit.
    static func isIdentifier(_ text: Substring) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || isLetter(first) else { return false }
        return text.unicodeScalars.allSatisfy { $0 == "_" || isLetter($0) || ("0"..."9").contains($0) }
    }

    static func isIdentifier(_ text: String) -> Bool {
        isIdentifier(Substring(text))
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    /// Whether `text` reads as a Swift type: dotted identifiers (`Foundation.Decimal`), with generic arguments
    /// (`Set<String>`), arrays and dictionaries (`[String: Int]`) and optionals (`Int?`).
    static func isTypeName(_ text: String) -> Bool {
        var depth = 0
        var word = ""
        var previous: Character = " "
        for character in text + " " {
            if character.isLetter || character.isNumber || character == "_" {
                guard character.isASCII else { return false }
                word.append(character)
                previous = character
                continue
            }
            if !word.isEmpty {
                guard isIdentifier(word) else { return false }
                word = ""
            }
            switch character {
            case "<", "[": depth += 1
            case ">", "]":
                depth -= 1
                if depth < 0 { return false }
            case ".":
                guard previous.isLetter || previous.isNumber || previous == "_" else { return false }
            case ",", ":":
                guard depth > 0 else { return false }
            case "?", " ":
                break
            default:
                return false
            }
            previous = character
        }
        return depth == 0 && (text.first.map { $0.isLetter || $0 == "_" || $0 == "[" } ?? false)
    }

    /// `path` relative to `folder`, without `.` and `a/..`; absolute paths as they are.
    static func join(_ folder: String, _ path: String) -> String {
        if path.hasPrefix("/") || folder.isEmpty { return DocumentLoader.normalize(path) }
        return DocumentLoader.normalize(folder + "/" + path)
    }
}
