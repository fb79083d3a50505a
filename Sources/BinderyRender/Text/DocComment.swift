import BinderyModel

/// Builds `///` doc comments: paragraphs, then callouts (`- Parameters:`, `- Returns:`, `- Remark:`).
struct DocComment {
    private(set) var lines: [String] = []

    /// Adds a paragraph, separated from what comes before by an empty comment line.
    mutating func paragraph(_ text: String?) {
        guard let text, !text.isEmpty else { return }
        separate()
        for line in SwiftLiteral.lines(text) {
            lines.append(line.isEmpty ? "///" : "/// " + line)
        }
    }

    /// Adds each paragraph of `documentation`.
    mutating func paragraphs(_ documentation: Documentation) {
        for paragraph in documentation.paragraphs { self.paragraph(paragraph) }
    }

    /// Adds a callout line (`- Returns: …`), continuation lines indented under it.
    mutating func callout(_ text: String, indent: Int = 0, separated: Bool = false) {
        if separated { separate() }
        let prefix = String(repeating: " ", count: indent)
        for (index, line) in SwiftLiteral.lines(text).enumerated() {
            if line.isEmpty {
                lines.append("///")
            } else {
                lines.append("/// " + prefix + (index == 0 ? "" : "  ") + line)
            }
        }
    }

    /// An empty comment line, unless at the start or after another one.
    mutating func separate() {
        if let last = lines.last, last != "///" { lines.append("///") }
    }
}
