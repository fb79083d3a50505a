// Hand-written beside the generated client (Generated/), which the command plugin rewrites: Bindery never touches
// files it did not write, and a target needs a source file of its own before its first generation.

extension ProblemDetails {
    /// The status, title and detail, on one line.
    public var summary: String {
        [status.map { String($0) }, title, detail].compactMap { $0 }.joined(separator: " ")
    }
}
