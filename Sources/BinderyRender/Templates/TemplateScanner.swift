/// Reads template text as swift-mustache's parser does, by `Character`s (grapheme clusters, compared by canonical
/// equivalence), but over UTF-8 bytes: a character that is one ASCII byte followed by another ASCII byte is read
/// without Unicode work, anything else (`\r\n`, non-ASCII, a combining mark after an ASCII byte) through `String`.
///
/// Positions are byte offsets into ``bytes``, always on a character boundary.
struct TemplateScanner {
    /// Thrown when a read runs past the end (swift-mustache's `Parser.Error.overflow`).
    struct Overflow: Error {}

    let text: String
    let bytes: [UInt8]
    var position = 0

    init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
        self.bytes = Array(text.utf8)
    }

    var reachedEnd: Bool { position == bytes.count }

    /// Where the character that starts at `offset` ends.
    func characterEnd(at offset: Int) -> Int {
        let byte = bytes[offset]
        if byte < 0x80 {
            let next = offset + 1
            if next == bytes.count { return next }
            let following = bytes[next]
            if following < 0x80 { return byte == 0x0D && following == 0x0A ? next + 1 : next }
        }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: offset)
        return utf8.distance(from: utf8.startIndex, to: text.index(after: start))
    }

    /// The character at `offset`, made only off the fast path.
    func character(at offset: Int, end: Int) -> Character {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: offset)
        let stop = utf8.index(utf8.startIndex, offsetBy: end)
        return text[start..<stop].first ?? " "
    }

    /// The current character is `ascii` (swift-mustache's `parser.current() == "x"`); false at the end.
    func currentIs(_ ascii: UInt8) -> Bool {
        guard !reachedEnd else { return false }
        return isCharacter(at: position, ascii)
    }

    func isCharacter(at offset: Int, _ ascii: UInt8) -> Bool {
        let end = characterEnd(at: offset)
        if end == offset + 1 { return bytes[offset] == ascii }
        return character(at: offset, end: end) == Character(Unicode.Scalar(ascii))
    }

    /// `Character.isNewline` of the current character: its first scalar is LF, VT, FF, CR, NEL, LS or PS.
    var currentIsNewline: Bool {
        guard !reachedEnd else { return false }
        return Self.isNewline(firstScalarAt: position, in: bytes)
    }

    static func isNewline(firstScalarAt offset: Int, in bytes: [UInt8]) -> Bool {
        switch bytes[offset] {
        case 0x0A...0x0D: return true
        case 0xC2: return offset + 1 < bytes.count && bytes[offset + 1] == 0x85
        case 0xE2:
            return offset + 2 < bytes.count && bytes[offset + 1] == 0x80
                && (bytes[offset + 2] == 0xA8 || bytes[offset + 2] == 0xA9)
        default: return false
        }
    }

    /// `Character.isWhitespace` of the character at `offset`: its first scalar is white space.
    func isWhitespace(at offset: Int) -> Bool {
        let byte = bytes[offset]
        if byte < 0x80 { return byte == 0x20 || (0x09...0x0D).contains(byte) }
        let utf8 = text.utf8
        let scalar = text.unicodeScalars[utf8.index(utf8.startIndex, offsetBy: offset)]
        return scalar.properties.isWhitespace
    }

    mutating func advance() {
        position = characterEnd(at: position)
    }

    /// Reads characters while `condition` holds for them; returns the bytes read.
    @discardableResult
    mutating func read(while condition: (Self, Int, Int) -> Bool) -> Range<Int> {
        let start = position
        while !reachedEnd {
            let end = characterEnd(at: position)
            guard condition(self, position, end) else { break }
            position = end
        }
        return start..<position
    }

    @discardableResult
    mutating func readWhitespace() -> Range<Int> {
        read { scanner, offset, _ in scanner.isWhitespace(at: offset) }
    }

    /// Spaces and tabs, as the parser reads before a tag at the start of a line.
    @discardableResult
    mutating func readBlanks() -> Range<Int> {
        read { scanner, offset, end in
            end == offset + 1 ? scanner.bytes[offset] == 0x20 || scanner.bytes[offset] == 0x09 : false
        }
    }

    mutating func read(while characters: CharacterClass) -> Range<Int> {
        read { scanner, offset, end in characters.contains(scanner, offset, end) }
    }

    /// Reads `string` when the text continues with it (as many characters, canonically equivalent); throws when
    /// fewer characters are left.
    mutating func read(string: String) throws(Overflow) -> Bool {
        let count = string.count
        guard count > 0 else { return true }
        var end = position
        for _ in 0..<count {
            guard end < bytes.count else { throw Overflow() }
            end = characterEnd(at: end)
        }
        guard matches(position..<end, string) else { return false }
        position = end
        return true
    }

    /// `read("x")`: reads one character, throwing at the end; keeps it when it is `ascii`.
    mutating func read(_ ascii: UInt8) throws(Overflow) -> Bool {
        guard !reachedEnd else { throw Overflow() }
        guard isCharacter(at: position, ascii) else { return false }
        advance()
        return true
    }

    /// Reads up to the first character for which `stop` holds, throwing when there is none.
    mutating func read(until stop: (Self, Int) -> Bool) throws(Overflow) -> Range<Int> {
        let start = position
        while !reachedEnd {
            if stop(self, position) { return start..<position }
            advance()
        }
        position = start
        throw Overflow()
    }

    /// swift-mustache's `read(untilString:skipToEnd:)`, used for comments: compares character by character without
    /// stepping back after a partial match; throws when the string is not found.
    mutating func skip(pastString string: String) throws(Overflow) {
        let characters = Array(string)
        guard !characters.isEmpty else { return }
        let start = position
        var matched = 0
        while !reachedEnd {
            let end = characterEnd(at: position)
            let isMatch =
                end == position + 1 && characters[matched].isASCII
                ? characters[matched].asciiValue == bytes[position]
                : character(at: position, end: end) == characters[matched]
            if isMatch {
                matched += 1
                if matched == characters.count {
                    position = end
                    return
                }
            } else {
                matched = 0
            }
            position = end
        }
        position = start
        throw Overflow()
    }

    func matches(_ range: Range<Int>, _ string: String) -> Bool {
        let utf8 = string.utf8
        if range.count == utf8.count && bytes[range].elementsEqual(utf8) { return true }
        if bytes[range].allSatisfy({ $0 < 0x80 }) && utf8.allSatisfy({ $0 < 0x80 }) { return false }
        return self.string(range) == string
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// Line and column of `offset`, counting characters: lines end at a newline character, columns start at 1.
    func lineAndColumn(of offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var current = 0
        while current < offset && current < bytes.count {
            let end = characterEnd(at: current)
            if Self.isNewline(firstScalarAt: current, in: bytes) {
                line += 1
                column = 1
            } else {
                column += 1
            }
            current = end
        }
        return (line, column)
    }
}

/// A set of characters, answered from a table for one-byte ASCII characters and by canonical equivalence otherwise.
struct CharacterClass {
    private let ascii: [Bool]
    private let characters: Set<Character>

    init(_ characters: some Sequence<Character>) {
        let set = Set(characters)
        self.characters = set
        // A one-byte character is in the class when it equals a member (U+037E GREEK QUESTION MARK equals ";").
        self.ascii = (0..<128).map { set.contains(Character(Unicode.Scalar(UInt8($0)))) }
    }

    func contains(_ scanner: TemplateScanner, _ offset: Int, _ end: Int) -> Bool {
        let byte = scanner.bytes[offset]
        if end == offset + 1 && byte < 0x80 { return ascii[Int(byte)] }
        return characters.contains(scanner.character(at: offset, end: end))
    }
}
