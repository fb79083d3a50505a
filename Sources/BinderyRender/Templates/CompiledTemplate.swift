/// A Mustache template parsed once into a tree, rendered by ``CompiledTemplateRenderer``.
///
/// The parser follows swift-mustache's (2.x) rules line by line, so that a template renders the same with either
/// engine: where a tag is standalone, which whitespace and line ends it takes, how indentation reaches partials,
/// set-delimiter tags, comments, `{{% CONTENT_TYPE: …}}` pragmas, transforms (`{{first(items)}}`), and parents and
/// blocks (`{{<parent}}{{$block}}…{{/block}}{{/parent}}`). Where swift-mustache departs from the Mustache
/// specification, so does this parser (``CompiledTemplateRenderer`` lists the cases).
struct CompiledTemplate: Sendable {
    let nodes: [TemplateNode]

    /// Parses `text`; errors give the offset in bytes of the tag at fault.
    init(parsing text: String) throws(TemplateParseError) {
        var scanner = TemplateScanner(text)
        self.nodes = try TemplateParser.parse(&scanner, state: TemplateParser.State())
    }
}

/// One element of a parsed template. Text is kept as UTF-8 bytes, split where swift-mustache splits it (at line
/// ends and tags), because indentation of partials is applied per element.
indirect enum TemplateNode: Sendable {
    case text([UInt8])
    /// `{{name}}` (escaped under the HTML content type), `{{{name}}}` and `{{&name}}` (never escaped).
    case variable(TemplateName, escapes: Bool)
    case section(TemplateName, [TemplateNode])
    case invertedSection(TemplateName, [TemplateNode])
    /// `{{>name}}`, and `{{<name}}…{{/name}}` (with the blocks it overrides). `indentation` is the whitespace
    /// before a standalone tag, added to every line the partial writes.
    case partial(String, indentation: [UInt8]?, overrides: [String: [TemplateNode]]?)
    /// `{{>*name}}` and `{{<*name}}`: a partial named by a value. swift-mustache takes the name only from a Swift
    /// `String` value, which render contexts never give, so these render nothing.
    case dynamicPartial
    /// `{{$name}}…{{/name}}` directly inside `{{<parent}}`: content for the parent's block of that name.
    case blockDefinition(String, [TemplateNode])
    /// `{{$name}}default{{/name}}`: the content a `{{<…}}` including this template gives for `name`, or the default.
    case block(String, defaultNodes: [TemplateNode], indentation: [UInt8])
    /// `{{% CONTENT_TYPE: HTML}}` (escape from here on) or `TEXT` (do not).
    case contentType(escapesHTML: Bool)
}

/// A name in a tag, resolved as swift-mustache resolves it.
struct TemplateName: Sendable {
    enum Base: Sendable {
        /// `{{.}}`: the innermost value.
        case current
        /// `{{first()}}`: the position in the list being rendered (`first`, `last`, `index`, `even`, `odd`).
        case sequence
        /// `{{.a.b}}`: `a` in the innermost value only, then `b` in it.
        case innermost([RenderKey])
        /// `{{a.b}}`: `a` in the innermost value that has it, then `b` in it.
        case stack([RenderKey])
    }

    let base: Base
    /// Transforms in the order they apply: `{{plusone(count(items))}}` is `count`, then `plusone`.
    let transforms: [String]

    init(_ name: String, transforms written: [String]) {
        let transforms = Array(written.reversed())
        self.transforms = transforms
        if name == "." {
            base = .current
        } else if name.isEmpty && !transforms.isEmpty {
            base = .sequence
        } else {
            let path = name.split(separator: ".").map { RenderKey(String($0)) }
            if path.isEmpty {
                base = .current
            } else {
                base = name.first == "." ? .innermost(path) : .stack(path)
            }
        }
    }
}

/// A template that cannot be parsed: what is wrong, and the byte offset of the tag at fault.
struct TemplateParseError: Error {
    var offset: Int
    var message: String
}

/// swift-mustache's parser (`MustacheTemplate.parse`), ported to ``TemplateScanner`` and ``TemplateNode``.
enum TemplateParser {
    struct State {
        var sectionName: String?
        var sectionTransforms: [String] = []
        /// Where the open section's tag is, for the error when it is never closed.
        var sectionOffset = 0
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var startDelimiter = "{{"
        var endDelimiter = "}}"
        /// The indentation of the first line of a block inside `{{<parent}}`, removed from its other lines.
        var partialDefinitionIndent: Int?

        func withSection(_ name: String, transforms: [String] = [], newLine: Bool, at offset: Int) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = transforms
            state.sectionOffset = offset
            state.isPartialDefinitionTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func withInheritancePartial(_ name: String, at offset: Int) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = []
            state.sectionOffset = offset
            state.newLine = true
            state.isPartialDefinition = true
            state.isPartialDefinitionTopLevel = true
            return state
        }
    }

    static let nameCharacters = CharacterClass(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    static let nameCharactersWithoutBrackets = CharacterClass(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    static let partialNameCharacters = CharacterClass(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

    static func parse(_ scanner: inout TemplateScanner, state: State) throws(TemplateParseError) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var state = state
        var whitespaceBefore = 0..<0
        // What ends a run of text: a line end or the first character of the start delimiter.
        var lineEndsDelimiter = state.startDelimiter
        var lineEnds = lineEndCharacters(state.startDelimiter)
        func emitWhitespace(clearing: Bool = true) {
            if !whitespaceBefore.isEmpty {
                nodes.append(.text(Array(scanner.bytes[whitespaceBefore])))
                if clearing { whitespaceBefore = 0..<0 }
            }
        }
        while !scanner.reachedEnd {
            if state.newLine {
                let whitespace = scanner.readBlanks()
                if state.isPartialDefinition && !state.isPartialDefinitionTopLevel {
                    if let indent = state.partialDefinitionIndent {
                        whitespaceBefore =
                            min(whitespace.lowerBound + indent, whitespace.upperBound)..<whitespace.upperBound
                    } else {
                        state.partialDefinitionIndent = whitespace.count
                    }
                } else {
                    whitespaceBefore = whitespace
                }
            }
            if lineEndsDelimiter != state.startDelimiter {
                lineEndsDelimiter = state.startDelimiter
                lineEnds = lineEndCharacters(state.startDelimiter)
            }
            let (text, tagOffset) = try readUntilDelimiterOrNewline(&scanner, state: state, lineEnds: lineEnds)
            if scanner.currentIsNewline {
                let end = scanner.characterEnd(at: scanner.position)
                nodes.append(
                    .text(
                        Array(scanner.bytes[whitespaceBefore]) + Array(scanner.bytes[text])
                            + Array(scanner.bytes[scanner.position..<end])))
                state.newLine = true
                scanner.position = end
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(Array(scanner.bytes[whitespaceBefore]) + Array(scanner.bytes[text])))
                whitespaceBefore = 0..<0
                state.newLine = false
            }
            if scanner.reachedEnd { break }
            var setNewLine = false
            let sigil = scanner.position
            switch sigilOf(scanner) {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                let inverted = scanner.isCharacter(at: sigil, UInt8(ascii: "^"))
                scanner.advance()
                let (name, transforms) = try parseName(&scanner, state: state, tag: tagOffset)
                if isStandalone(&scanner, state: state) {
                    setNewLine = true
                } else {
                    emitWhitespace()
                }
                let content = try parse(
                    &scanner,
                    state: state.withSection(name, transforms: transforms, newLine: setNewLine, at: tagOffset))
                let templateName = TemplateName(name, transforms: transforms)
                nodes.append(inverted ? .invertedSection(templateName, content) : .section(templateName, content))

            case UInt8(ascii: "/"):
                scanner.advance()
                let (name, transforms) = try parseName(&scanner, state: state, tag: tagOffset)
                guard name == state.sectionName, transforms == state.sectionTransforms else {
                    let closing = "/" + name + (transforms.isEmpty ? "" : "(…)")
                    if let open = state.sectionName {
                        let (line, column) = scanner.lineAndColumn(of: state.sectionOffset)
                        throw TemplateParseError(
                            offset: tagOffset,
                            message: "'\(closing)' closes section '\(open)' opened at \(line):\(column)")
                    }
                    throw TemplateParseError(offset: tagOffset, message: "'\(closing)' closes no open section")
                }
                if !isStandalone(&scanner, state: state) {
                    emitWhitespace()
                }
                return nodes

            case UInt8(ascii: "!"):
                scanner.advance()
                do {
                    try scanner.skip(pastString: state.endDelimiter)
                } catch {
                    throw TemplateParseError(
                        offset: tagOffset, message: "comment not closed: expected '\(state.endDelimiter)'")
                }
                setNewLine = isStandalone(&scanner, state: state)

            case UInt8(ascii: "{"):
                emitWhitespace()
                scanner.advance()
                let (name, transforms) = try parseName(&scanner, state: state, tag: tagOffset)
                guard try read(UInt8(ascii: "}"), &scanner) else {
                    throw TemplateParseError(offset: scanner.position, message: "unfinished tag: expected '}'")
                }
                nodes.append(.variable(TemplateName(name, transforms: transforms), escapes: false))

            case UInt8(ascii: "&"):
                emitWhitespace()
                scanner.advance()
                let (name, transforms) = try parseName(&scanner, state: state, tag: tagOffset)
                nodes.append(.variable(TemplateName(name, transforms: transforms), escapes: false))

            case UInt8(ascii: ">"):
                scanner.advance()
                scanner.readWhitespace()
                var dynamic = false
                if scanner.currentIs(UInt8(ascii: "*")) {
                    scanner.advance()
                    dynamic = true
                }
                let name = try parsePartialName(&scanner, state: state)
                emitWhitespace(clearing: false)
                if isStandalone(&scanner, state: state) {
                    setNewLine = true
                    nodes.append(
                        dynamic
                            ? .dynamicPartial
                            : .partial(name, indentation: Array(scanner.bytes[whitespaceBefore]), overrides: nil))
                } else {
                    nodes.append(dynamic ? .dynamicPartial : .partial(name, indentation: nil, overrides: nil))
                }
                whitespaceBefore = 0..<0

            case UInt8(ascii: "<"):
                scanner.advance()
                scanner.readWhitespace()
                let sectionName = try parsePartialName(&scanner, state: state)
                let dynamic = sectionName.first == "*"
                emitWhitespace(clearing: false)
                if isStandalone(&scanner, state: state) {
                    setNewLine = true
                }
                let content = try parse(&scanner, state: state.withInheritancePartial(sectionName, at: tagOffset))
                var overrides: [String: [TemplateNode]] = [:]
                for node in content {
                    switch node {
                    case .blockDefinition(let name, let nodes): overrides[name] = nodes
                    case .text: break
                    default:
                        throw TemplateParseError(
                            offset: tagOffset,
                            message: "only blocks ('$name') and text can be inside the parent '\(sectionName)'")
                    }
                }
                nodes.append(
                    dynamic
                        ? .dynamicPartial
                        : .partial(
                            sectionName, indentation: Array(scanner.bytes[whitespaceBefore]), overrides: overrides))
                whitespaceBefore = 0..<0

            case UInt8(ascii: "$"):
                scanner.advance()
                let (name, transforms) = try parseName(&scanner, state: state, tag: tagOffset)
                guard transforms.isEmpty else {
                    throw TemplateParseError(offset: tagOffset, message: "a block '$\(name)' cannot have transforms")
                }
                if state.isPartialDefinitionTopLevel {
                    if isStandalone(&scanner, state: state) {
                        setNewLine = true
                    }
                    let content = try parse(
                        &scanner, state: state.withSection(name, newLine: setNewLine, at: tagOffset))
                    nodes.append(.blockDefinition(name, content))
                } else {
                    emitWhitespace(clearing: false)
                    if isStandalone(&scanner, state: state) {
                        setNewLine = true
                    }
                    let content = try parse(
                        &scanner, state: state.withSection(name, newLine: setNewLine, at: tagOffset))
                    nodes.append(
                        .block(name, defaultNodes: content, indentation: Array(scanner.bytes[whitespaceBefore])))
                    whitespaceBefore = 0..<0
                }

            case UInt8(ascii: "="):
                scanner.advance()
                state = try setDelimiters(&scanner, state: state, tag: tagOffset)
                setNewLine = isStandalone(&scanner, state: state)

            case UInt8(ascii: "%"):
                scanner.advance()
                nodes.append(try pragma(&scanner, state: state, tag: tagOffset))
                setNewLine = isStandalone(&scanner, state: state)

            default:
                emitWhitespace()
                let (name, transforms) = try parseName(&scanner, state: state, tag: tagOffset)
                nodes.append(.variable(TemplateName(name, transforms: transforms), escapes: true))
            }
            state.newLine = setNewLine
        }
        if let open = state.sectionName {
            throw TemplateParseError(offset: state.sectionOffset, message: "section '\(open)' is not closed")
        }
        return nodes
    }

    /// What ends a run of text under the start delimiter `{{`, made once: every section is parsed with a call of
    /// its own, and making the class hashes 128 characters (40% of parsing the default templates).
    static let defaultLineEnds = CharacterClass(["\n", "\r\n", "{"])

    static func lineEndCharacters(_ startDelimiter: String) -> CharacterClass {
        if startDelimiter == "{{" { return defaultLineEnds }
        return CharacterClass(["\n", "\r\n"] + (startDelimiter.first.map { [$0] } ?? []))
    }

    /// The tag's sigil (`#`, `^`, `/`, …) when the current character is one, else 0.
    static func sigilOf(_ scanner: TemplateScanner) -> UInt8 {
        for sigil in "#^/!{&><$=%".utf8 where scanner.isCharacter(at: scanner.position, sigil) { return sigil }
        return 0
    }

    /// Reads text up to a line end or the start delimiter (which it consumes). Returns the text and where the tag
    /// starts.
    static func readUntilDelimiterOrNewline(
        _ scanner: inout TemplateScanner, state: State, lineEnds: CharacterClass
    ) throws(TemplateParseError) -> (text: Range<Int>, tag: Int) {
        let start = scanner.position
        var end = start
        while !scanner.reachedEnd {
            scanner.read { scanner, offset, characterEnd in !lineEnds.contains(scanner, offset, characterEnd) }
            end = scanner.position
            if scanner.currentIsNewline { break }
            if !scanner.reachedEnd {
                let delimiterStart = scanner.position
                do {
                    if try scanner.read(string: state.startDelimiter) { return (start..<end, delimiterStart) }
                } catch {
                    throw TemplateParseError(
                        offset: delimiterStart,
                        message:
                            "unexpected end of template after '\(scanner.string(delimiterStart..<scanner.bytes.count))'"
                    )
                }
                scanner.advance()
                end = scanner.position
            }
        }
        return (start..<end, end)
    }

    static func read(_ ascii: UInt8, _ scanner: inout TemplateScanner) throws(TemplateParseError) -> Bool {
        do {
            return try scanner.read(ascii)
        } catch {
            throw TemplateParseError(offset: scanner.position, message: "unexpected end of template")
        }
    }

    static func readEndDelimiter(_ scanner: inout TemplateScanner, state: State) throws(TemplateParseError) {
        let offset = scanner.position
        let found: Bool
        do {
            found = try scanner.read(string: state.endDelimiter)
        } catch {
            throw TemplateParseError(
                offset: offset, message: "unfinished tag: expected '\(state.endDelimiter)' before the end")
        }
        guard found else {
            throw TemplateParseError(offset: offset, message: "unfinished tag: expected '\(state.endDelimiter)'")
        }
    }

    /// A name and its transforms: `plusone(count(items))` is `items` with `["plusone", "count"]`.
    static func parseName(
        _ scanner: inout TemplateScanner, state: State, tag: Int
    ) throws(TemplateParseError) -> (String, [String]) {
        scanner.readWhitespace()
        let text = scanner.string(scanner.read(while: nameCharacters))
        scanner.readWhitespace()
        try readEndDelimiter(&scanner, state: state)

        var name = TemplateScanner(text)
        let first = name.read(while: nameCharactersWithoutBrackets)
        if name.reachedEnd { return (text, []) }
        let invalid = TemplateParseError(offset: tag, message: "invalid name '\(text)'")
        guard name.currentIs(UInt8(ascii: "(")) else { throw invalid }
        name.advance()
        var transforms = [name.string(first)]
        while true {
            let parameter = name.read(while: nameCharactersWithoutBrackets)
            if name.currentIs(UInt8(ascii: ")")) {
                name.advance()
                var closing = 0
                while name.currentIs(UInt8(ascii: ")")) {
                    name.advance()
                    closing += 1
                }
                guard closing + 1 == transforms.count, name.reachedEnd else { throw invalid }
                return (name.string(parameter), transforms)
            } else if name.currentIs(UInt8(ascii: "(")) {
                name.advance()
                transforms.append(name.string(parameter))
            } else {
                throw invalid
            }
        }
    }

    static func parsePartialName(_ scanner: inout TemplateScanner, state: State) throws(TemplateParseError) -> String {
        scanner.readWhitespace()
        let name = scanner.string(scanner.read(while: partialNameCharacters))
        scanner.readWhitespace()
        try readEndDelimiter(&scanner, state: state)
        return name
    }

    static func setDelimiters(
        _ scanner: inout TemplateScanner, state: State, tag: Int
    ) throws(TemplateParseError) -> State {
        let invalid = TemplateParseError(
            offset: tag,
            message: "invalid set-delimiter tag: expected '\(state.startDelimiter)=start end=\(state.endDelimiter)'")
        let start: Range<Int>
        let end: Range<Int>
        do {
            scanner.readWhitespace()
            start = try scanner.read { scanner, offset in scanner.isWhitespace(at: offset) }
            scanner.readWhitespace()
            end = try scanner.read { scanner, offset in
                scanner.isCharacter(at: offset, UInt8(ascii: "=")) || scanner.isWhitespace(at: offset)
            }
            scanner.readWhitespace()
        } catch {
            throw invalid
        }
        guard try read(UInt8(ascii: "="), &scanner) else { throw invalid }
        try readEndDelimiter(&scanner, state: state)
        guard !start.isEmpty, !end.isEmpty else { throw invalid }
        var state = state
        state.startDelimiter = scanner.string(start)
        state.endDelimiter = scanner.string(end)
        state.isPartialDefinitionTopLevel = false
        return state
    }

    /// `{{% CONTENT_TYPE: TEXT}}` or `HTML`, the only pragma swift-mustache knows.
    static func pragma(
        _ scanner: inout TemplateScanner, state: State, tag: Int
    ) throws(TemplateParseError) -> TemplateNode {
        let syntax = TemplateParseError(
            offset: tag,
            message: "invalid pragma: expected '\(state.startDelimiter)% CONTENT_TYPE: TEXT\(state.endDelimiter)'")
        let variable: Range<Int>
        let value: Range<Int>
        do {
            scanner.readWhitespace()
            variable = scanner.read(while: nameCharactersWithoutBrackets)
            scanner.readWhitespace()
            guard try scanner.read(UInt8(ascii: ":")) else { throw syntax }
            scanner.readWhitespace()
            value = scanner.read(while: nameCharactersWithoutBrackets)
            scanner.readWhitespace()
            guard try scanner.read(string: state.endDelimiter) else { throw syntax }
        } catch {
            throw syntax
        }
        guard !variable.isEmpty, !value.isEmpty else { throw syntax }
        let unknown = TemplateParseError(
            offset: tag, message: "unknown pragma: only CONTENT_TYPE, with TEXT or HTML, is known")
        guard scanner.string(variable) == "CONTENT_TYPE" else { throw unknown }
        switch scanner.string(value) {
        case "TEXT": return .contentType(escapesHTML: false)
        case "HTML": return .contentType(escapesHTML: true)
        default: throw unknown
        }
    }

    static func isStandalone(_ scanner: inout TemplateScanner, state: State) -> Bool {
        state.newLine && hasLineFinished(&scanner)
    }

    /// At the end, or only spaces and tabs before a line end (then read past it).
    static func hasLineFinished(_ scanner: inout TemplateScanner) -> Bool {
        if scanner.reachedEnd { return true }
        var ahead = scanner
        ahead.readBlanks()
        guard ahead.currentIsNewline else { return false }
        ahead.advance()
        scanner.position = ahead.position
        return true
    }
}
