extension YAMLNode {
    /// The three kinds of YAML nodes.
    public enum Kind: Sendable, Hashable {
        /// A scalar (text).
        case scalar
        /// A sequence (list).
        case sequence
        /// A mapping (dictionary with keys in document order).
        case mapping
    }
}
