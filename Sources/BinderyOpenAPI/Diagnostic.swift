import BinderyYAML

extension Diagnostic {
    /// The same problem, reported as a diagnostic.
    public init(_ error: YAMLError) {
        self.init(.error, at: error.location, error.message)
    }
}
