/// The closest of a few known names to a misspelled one, for "did you mean …?" in messages.
public enum Suggestion {
    /// The candidate closest to `text`, when one is close enough to be a likely misspelling: at most a third of
    /// its characters (and never more than three) inserted, removed, replaced or swapped with a neighbour, case
    /// ignored. Ties go to the earlier candidate; `text` itself is never suggested.
    public static func closest(to text: String, among candidates: some Sequence<String>) -> String? {
        let target = Array(text.lowercased().unicodeScalars)
        let allowed = max(1, min(3, target.count / 3))
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != text {
            let distance = Self.distance(target, Array(candidate.lowercased().unicodeScalars))
            if distance <= allowed, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    /// `message` with `; did you mean '…'?` when a candidate is close to `text`.
    public static func message(_ message: String, for text: String, among candidates: some Sequence<String>) -> String {
        guard let suggestion = closest(to: text, among: candidates) else { return message }
        return message + "; did you mean '\(suggestion)'?"
    }

    /// The optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
