import CBinderyYAML

/// One entry of the C node arena (see `bindery_yaml.h`), stored as is in ``YAMLDocument``.
typealias NodeRecord = bindery_yaml_node

extension NodeRecord {
    var isScalar: Bool { Int(kind) == BINDERY_YAML_KIND_SCALAR }
    var isSequence: Bool { Int(kind) == BINDERY_YAML_KIND_SEQUENCE }
    var isMapping: Bool { Int(kind) == BINDERY_YAML_KIND_MAPPING }
}

extension NodeRecord {
    /// A collection written in flow style (`[...]`, `{...}`).
    var isFlowCollection: Bool { !isScalar && Int(style) == BINDERY_YAML_STYLE_FLOW }
    /// A plain (unquoted) scalar.
    var isPlainScalar: Bool { isScalar && Int(style) == BINDERY_YAML_STYLE_PLAIN }
}
