import BinderyYAML

/// Typed reads of YAML nodes, each failing with a diagnostic at the node that says what was expected.
///
/// A scalar is typed by what the reader expects where it stands: where a string is expected any scalar is taken as
/// text (`off`, `200` and `2024-01-01` stay as written); where a boolean or number is expected only the YAML 1.2
/// core spellings count.
extension YAMLNode {
    /// What the node is, for messages: "a mapping", "a sequence", "the string 'x'".
    var kindDescription: String {
        switch kind {
        case .mapping: return "a mapping"
        case .sequence: return "a sequence"
        case .scalar:
            if isNull { return "null" }
            let text = scalar ?? ""
            return "'\(text.count > 40 ? text.prefix(40) + "…" : text)'"
        }
    }

    /// Checks the node is a mapping; a key left without a value (null) counts as an empty one.
    func expectMapping(_ what: String) throws(Diagnostic) {
        guard kind == .mapping || isNull else {
            throw Diagnostic(at: location, "expected a mapping for \(what), found \(kindDescription)")
        }
    }

    /// Checks the node is a sequence; a key left without a value (null) counts as an empty one.
    func expectSequence(_ what: String) throws(Diagnostic) {
        guard kind == .sequence || isNull else {
            throw Diagnostic(at: location, "expected a sequence for \(what), found \(kindDescription)")
        }
    }

    /// The scalar's text; null, a sequence or a mapping is an error.
    func string(_ what: String) throws(Diagnostic) -> String {
        guard kind == .scalar, !isNull || scalarStyle != .plain else {
            throw Diagnostic(at: location, "expected a string for \(what), found \(kindDescription)")
        }
        return scalar ?? ""
    }

    /// The scalar's text, or `nil` for an explicit null.
    func optionalString(_ what: String) throws(Diagnostic) -> String? {
        if kind == .scalar, isNull { return nil }
        return try string(what)
    }

    func bool(_ what: String) throws(Diagnostic) -> Bool {
        if kind == .scalar, scalarStyle == .plain {
            switch scalar {
            case "true", "True", "TRUE": return true
            case "false", "False", "FALSE": return false
            default: break
            }
        }
        throw Diagnostic(at: location, "expected true or false for \(what), found \(kindDescription)")
    }

    func int(_ what: String) throws(Diagnostic) -> Int {
        if kind == .scalar, scalarStyle == .plain, let text = scalar, let value = Int(text) {
            return value
        }
        throw Diagnostic(at: location, "expected an integer for \(what), found \(kindDescription)")
    }

    func stringList(_ what: String) throws(Diagnostic) -> [String] {
        try expectSequence(what)
        var result: [String] = []
        result.reserveCapacity(count)
        for element in elements {
            result.append(try element.string("an item of \(what)"))
        }
        return result
    }

    /// The text of a `$ref`, which must be a string: a plain scalar that YAML's core schema reads as a number or a
    /// boolean (`$ref: 5`) is an error at the `$ref`, not a file named `5` that cannot be read.
    func referenceText() throws(Diagnostic) -> String {
        if kind == .scalar, scalarStyle == .plain, tag == nil, let text = scalar,
            let type = Self.coreSchemaType(ofPlain: text)
        {
            throw Diagnostic(at: location, "'$ref' must be a string, found \(type) \(text)")
        }
        return try string("'$ref'")
    }

    /// What YAML 1.2's core schema reads a plain scalar as when not as a string ("the number", "the boolean"); `nil`
    /// for a string. (Null is left to ``string(_:)``.)
    static func coreSchemaType(ofPlain text: String) -> String? {
        switch text {
        case "true", "True", "TRUE", "false", "False", "FALSE": return "the boolean"
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN":
            return "the number"
        default: break
        }
        func digits(_ text: Substring, _ isDigit: (Character) -> Bool = { $0.isASCII && $0.isNumber }) -> Bool {
            !text.isEmpty && text.allSatisfy(isDigit)
        }
        if text.hasPrefix("0o"), digits(text.dropFirst(2), { ("0"..."7").contains($0) }) { return "the number" }
        if text.hasPrefix("0x"), digits(text.dropFirst(2), { $0.isASCII && $0.isHexDigit }) { return "the number" }
        // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
        var rest = Substring(text)
        if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
        let mantissa = rest.prefix { $0 != "e" && $0 != "E" }
        let parts = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let isNumber =
            parts.count == 1
            ? digits(parts[0])
            : (parts[0].isEmpty && digits(parts[1])) || (digits(parts[0]) && (parts[1].isEmpty || digits(parts[1])))
        guard isNumber else { return nil }
        var exponent = rest.dropFirst(mantissa.count)
        if exponent.isEmpty { return "the number" }
        exponent = exponent.dropFirst()
        if exponent.first == "+" || exponent.first == "-" { exponent = exponent.dropFirst() }
        return digits(exponent) ? "the number" : nil
    }

    /// The text of a mapping key; keys are always read as text (`200:` is the status "200").
    func keyText() throws(Diagnostic) -> String {
        guard kind == .scalar else {
            throw Diagnostic(at: location, "expected a text key, found \(kindDescription)")
        }
        return scalar ?? ""
    }
}
