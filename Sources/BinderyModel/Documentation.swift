/// What the document says about a declaration, for doc comments and Markdown docs.
public struct Documentation: Sendable, Hashable {
    /// A one-line summary (an operation's `summary`, a schema's `title`).
    public var summary: String?
    /// The longer description, Markdown as written in the document.
    public var description: String?
    /// The media type of a string's content (`contentMediaType`, OpenAPI 3.1): `image/png` for base64 text.
    public var mediaType: String?

    public init(summary: String? = nil, description: String? = nil) {
        self.summary = Self.clean(summary)
        self.description = Self.clean(description)
    }

    /// Whether there is nothing to say.
    public var isEmpty: Bool { summary == nil && description == nil }

    /// The summary and description as paragraphs, without repeating a description that equals the summary.
    public var paragraphs: [String] {
        var result: [String] = []
        if let summary { result.append(summary) }
        if let description, description != summary { result.append(description) }
        return result
    }

    /// Text with trailing white space trimmed from each line and at the ends; `nil` when nothing is left.
    static func clean(_ text: String?) -> String? {
        guard let text else { return nil }
        // By bytes: lines end at a line feed that is a character of its own (not in `\r\n`); a space or tab after a
        // non-ASCII scalar may belong to its character (U+0600 joins what follows), so that text goes by characters.
        let bytes = Array(text.utf8)
        var lines: [Range<Int>] = []
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A && (index == 0 || bytes[index - 1] != 0x0D) {
            lines.append(start..<index)
            start = index + 1
        }
        lines.append(start..<bytes.count)
        for (number, line) in lines.enumerated() {
            var end = line.upperBound
            while end > line.lowerBound && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D)
            {
                end -= 1
            }
            if end < line.upperBound && end > line.lowerBound && bytes[end - 1] >= 0x80 {
                return cleanByCharacters(text)
            }
            lines[number] = line.lowerBound..<end
        }
        var kept = lines[...]
        while let first = kept.first, first.isEmpty { kept = kept.dropFirst() }
        while let last = kept.last, last.isEmpty { kept = kept.dropLast() }
        guard let first = kept.first, let last = kept.last else { return nil }
        var result: [UInt8] = []
        result.reserveCapacity(last.upperBound - first.lowerBound)
        for (number, line) in kept.enumerated() {
            if number > 0 { result.append(0x0A) }
            result += bytes[line]
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// ``clean(_:)`` character by character.
    static func cleanByCharacters(_ text: String) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var line = Substring(line)
            while let last = line.last, last == " " || last == "\t" || last == "\r" { line = line.dropLast() }
            return line
        }
        var trimmed = lines[...]
        while let first = trimmed.first, first.isEmpty { trimmed = trimmed.dropFirst() }
        while let last = trimmed.last, last.isEmpty { trimmed = trimmed.dropLast() }
        return trimmed.isEmpty ? nil : trimmed.joined(separator: "\n")
    }
}
