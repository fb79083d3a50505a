import Foundation

/// The corpus table: a row per description and a total, then the warning kinds and every description's
/// breakdown of them. Plain text with aligned columns, or Markdown.
struct CorpusTable {
    var rows: [CorpusRow]
    var markdown = false
    /// How many warning kinds a row's cell names (the full breakdown follows the table).
    var kindsPerCell = 3
    /// How many examples that did not decode (and that do not validate) are listed per description.
    var examplesListed = 5

    /// A warning kind with its short name (`W1`, `W2`, …; the most frequent first) and its totals.
    struct Kind: Hashable {
        var code: String
        var message: String
        var total: Int
        var specs: Int
    }

    /// Every warning kind of the run, most frequent first (ties by message).
    var kinds: [Kind] {
        var totals: [String: (total: Int, specs: Int)] = [:]
        for row in rows {
            for (kind, count) in row.warnings {
                totals[kind, default: (0, 0)].total += count
                totals[kind, default: (0, 0)].specs += 1
            }
        }
        let sorted = totals.sorted {
            $0.value.total != $1.value.total ? $0.value.total > $1.value.total : $0.key < $1.key
        }
        return sorted.enumerated().map { index, entry in
            Kind(code: "W\(index + 1)", message: entry.key, total: entry.value.total, specs: entry.value.specs)
        }
    }

    static func enginesCell(_ differences: [String]?) -> String {
        guard let differences else { return "–" }
        return differences.isEmpty ? "same" : "\(differences.count) differ"
    }

    func render() -> String {
        let kinds = kinds
        let codes = Dictionary(uniqueKeysWithValues: kinds.map { ($0.message, $0.code) })
        var header = ["spec", "OpenAPI", "ops", "models", "JSONValue", "warnings", "gen s", "build s", "status"]
        // Columns that hold numbers are right-aligned.
        var numeric = [false, false, true, true, true, false, true, true, false]
        // With `--examples`: valid of all, and decoded of valid, before the status.
        let showsExamples = rows.contains { $0.examples != nil }
        if showsExamples {
            header.insert(contentsOf: ["examples", "decoded"], at: 8)
            numeric.insert(contentsOf: [true, true], at: 8)
        }
        // With `--compare-engines`: whether swift-mustache renders the same files, before the status.
        let showsEngines = rows.contains { $0.engineDifferences != nil }
        if showsEngines {
            header.insert("engines", at: header.count - 1)
            numeric.insert(false, at: numeric.count - 1)
        }
        var table = rows.map { row in
            var cells = [
                row.spec, row.version, number(row.operations), number(row.models), number(row.jsonValueUses),
                warningsCell(row, codes: codes), seconds(row.generateSeconds, digits: 2),
                seconds(row.buildSeconds, digits: 1), row.status.text,
            ]
            if showsExamples {
                cells.insert(
                    contentsOf: [
                        ratio(row.examples?.valid, row.examples?.total),
                        ratio(row.examples?.decoded, row.examples?.valid),
                    ], at: 8)
            }
            if showsEngines {
                cells.insert(Self.enginesCell(row.engineDifferences), at: cells.count - 1)
            }
            return cells
        }
        let failures = rows.count { $0.status.isFailure }
        var total = [
            "total (\(rows.count))", "", number(sum(\.operations)), number(sum(\.models)), number(sum(\.jsonValueUses)),
            "\(rows.reduce(0) { $0 + $1.warningCount })",
            seconds(rows.reduce(0) { $0 + ($1.generateSeconds ?? 0) }, digits: 2),
            seconds(
                rows.contains { $0.buildSeconds != nil } ? rows.reduce(0) { $0 + ($1.buildSeconds ?? 0) } : nil,
                digits: 1),
            "\(rows.count - failures) ok, \(failures) failed",
        ]
        if showsExamples {
            let counts = rows.compactMap(\.examples)
            let decoded = counts.compactMap(\.decoded)
            total.insert(
                contentsOf: [
                    ratio(counts.reduce(0) { $0 + $1.valid }, counts.reduce(0) { $0 + $1.total }),
                    ratio(
                        decoded.isEmpty ? nil : decoded.reduce(0, +),
                        counts.reduce(0) { $0 + ($1.decoded == nil ? 0 : $1.valid) }),
                ], at: 8)
        }
        if showsEngines {
            let compared = rows.compactMap(\.engineDifferences)
            let differing = compared.count { !$0.isEmpty }
            total.insert(differing == 0 ? "same (\(compared.count))" : "\(differing) differ", at: total.count - 1)
        }
        table.append(total)

        var lines = markdown ? markdownTable(header, table, numeric) : textTable(header, table, numeric)
        lines.append("")
        lines.append(markdown ? "### Warning kinds" : "Warning kinds (total, descriptions, message):")
        lines.append("")
        if kinds.isEmpty { lines.append("none") }
        for kind in kinds {
            lines.append(
                markdown
                    ? "- **\(kind.code)** (\(kind.total) in \(kind.specs)): \(escaped(kind.message))"
                    : "\(kind.code.padding(toLength: 5, withPad: " ", startingAt: 0))"
                        + "\(pad("\(kind.total)", 7, right: true)) \(pad("\(kind.specs)", 4, right: true))  \(kind.message)"
            )
        }
        let warned = rows.filter { !$0.warnings.isEmpty }
        if !warned.isEmpty {
            lines.append("")
            lines.append(markdown ? "### Warnings by description" : "Warnings by description:")
            lines.append("")
            for row in warned {
                lines.append(markdown ? "- `\(row.spec)`: \(row.warningCount)" : "\(row.spec): \(row.warningCount)")
                for (kind, count) in sortedKinds(of: row) {
                    let code = codes[kind] ?? "?"
                    lines.append(
                        markdown
                            ? "  - \(code) ×\(count): \(escaped(kind))"
                            : "  \(pad("\(count)", 6, right: true))  \(code)  \(kind)")
                }
            }
        }
        lines += notesSection()
        if showsExamples { lines += examplesSection() }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The notes of each description, by kind: what was read leniently, as its author meant it. Not warnings.
    func notesSection() -> [String] {
        let noted = rows.filter { !$0.notes.isEmpty }
        guard !noted.isEmpty else { return [] }
        var lines = [
            "",
            markdown
                ? "### Notes (read as the author meant: not warnings)"
                : "Notes (read as the author meant: not warnings):",
            "",
        ]
        for row in noted {
            let count = row.notes.values.reduce(0, +)
            lines.append(markdown ? "- `\(row.spec)`: \(count)" : "\(row.spec): \(count)")
            let kinds = row.notes.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            for (kind, count) in kinds {
                lines.append(
                    markdown ? "  - ×\(count): \(escaped(kind))" : "  \(pad("\(count)", 6, right: true))  \(kind)")
            }
        }
        return lines
    }

    /// The first examples of each description that did not decode, then the first that do not validate.
    func examplesSection() -> [String] {
        var lines: [String] = []
        for (title, list) in [
            ("Examples not decoded", \CorpusRow.ExampleCounts.failures),
            ("Examples that do not validate against their schema", \CorpusRow.ExampleCounts.invalid),
        ] {
            let listed = rows.filter { !($0.examples?[keyPath: list].isEmpty ?? true) }
            guard !listed.isEmpty else { continue }
            lines.append("")
            lines.append(markdown ? "### \(title)" : "\(title) (the first \(examplesListed) of each description):")
            lines.append("")
            for row in listed {
                let items = row.examples?[keyPath: list] ?? []
                lines.append(markdown ? "- `\(row.spec)`: \(items.count)" : "\(row.spec): \(items.count)")
                for item in items.prefix(examplesListed) {
                    lines.append(markdown ? "  - \(escaped(item))" : "  \(item)")
                }
                if items.count > examplesListed { lines.append(markdown ? "  - …" : "  …") }
            }
        }
        return lines
    }

    // MARK: - Cells

    /// `12: W1×9 W3×2 W4×1`: the total, then the most frequent kinds (`…` when there are more).
    func warningsCell(_ row: CorpusRow, codes: [String: String]) -> String {
        guard row.warningCount > 0 else { return row.moduleName != nil ? "0" : "–" }
        let kinds = sortedKinds(of: row)
        let named = kinds.prefix(kindsPerCell).map { "\(codes[$0.kind] ?? "?")×\($0.count)" }
        return "\(row.warningCount): " + named.joined(separator: " ") + (kinds.count > kindsPerCell ? " …" : "")
    }

    func sortedKinds(of row: CorpusRow) -> [(kind: String, count: Int)] {
        row.warnings.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    func sum(_ value: KeyPath<CorpusRow, Int?>) -> Int? {
        let values = rows.compactMap { $0[keyPath: value] }
        return values.isEmpty ? nil : values.reduce(0, +)
    }

    /// `3/4`; `–` when either is unknown.
    func ratio(_ part: Int?, _ whole: Int?) -> String {
        guard let part, let whole else { return "–" }
        return "\(part)/\(whole)"
    }

    func number(_ value: Int?) -> String {
        value.map(String.init) ?? "–"
    }

    func seconds(_ value: Double?, digits: Int) -> String {
        value.map { String(format: "%.\(digits)f", $0) } ?? "–"
    }

    // MARK: - Layout

    func textTable(_ header: [String], _ rows: [[String]], _ numeric: [Bool]) -> [String] {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.indices.map { pad(cells[$0], widths[$0], right: numeric[$0]) }.joined(separator: "  ")
                .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return [line(header), rule] + rows.dropLast().map(line) + [rule, line(rows.last ?? [])]
    }

    func markdownTable(_ header: [String], _ rows: [[String]], _ numeric: [Bool]) -> [String] {
        func line(_ cells: [String]) -> String {
            "| " + cells.map(escaped).joined(separator: " | ") + " |"
        }
        return [line(header), "|" + numeric.map { $0 ? " ---: |" : " --- |" }.joined()] + rows.map(line)
    }

    func pad(_ text: String, _ width: Int, right: Bool) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return right ? padding + text : text + padding
    }

    /// Text safe in a Markdown table cell.
    func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }
}
