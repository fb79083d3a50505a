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
