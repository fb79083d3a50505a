import CBinderyYAML

extension YAMLNode {
    /// How a scalar was written.
    public enum ScalarStyle: Sendable, Hashable {
        /// Unquoted: `text`.
        case plain
        /// `'text'`.
        case singleQuoted
        /// `"text"` (also every JSON string).
        case doubleQuoted
        /// Block literal: `|`.
        case literal
        /// Block folded: `>`.
        case folded

        /// Maps the C arena's scalar style code.
        init(rawStyle: UInt8) {
            switch Int(rawStyle) {
            case BINDERY_YAML_STYLE_SINGLE_QUOTED: self = .singleQuoted
            case BINDERY_YAML_STYLE_DOUBLE_QUOTED: self = .doubleQuoted
            case BINDERY_YAML_STYLE_LITERAL: self = .literal
            case BINDERY_YAML_STYLE_FOLDED: self = .folded
            default: self = .plain
            }
        }
    }
}
