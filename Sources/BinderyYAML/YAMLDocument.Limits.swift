import CBinderyYAML

extension YAMLDocument {
    /// What a parse accepts. Crossing a limit is an error where it is crossed, so that hostile or broken input costs
    /// a message rather than the machine. The defaults are far above what real descriptions need: of the 3,021 files
    /// of `../shared/specs` the largest (Stripe's) has 4.2 MB, the deepest nests 25 levels, and none uses aliases.
    public struct Limits: Sendable, Hashable {
        /// The largest document, in bytes: a larger file is an error at its `1:1` (only this much of it is read).
        public var maximumBytes: Int
        /// How deep collections may nest, the root collection being at depth 1; an alias of a collection counts
        /// as that collection written in its place.
        public var maximumDepth: Int
        /// How many nodes aliases may add to the document: each alias adds the nodes of the tree it stands for
        /// (aliases in that tree count again), as anyone walking the tree meets them. Ten lines of aliases of aliases
        /// stand for billions of nodes.
        public var maximumAliasedNodes: Int

        public init(
            maximumBytes: Int = Int(BINDERY_YAML_DEFAULT_MAX_BYTES),
            maximumDepth: Int = Int(BINDERY_YAML_DEFAULT_MAX_DEPTH),
            maximumAliasedNodes: Int = Int(BINDERY_YAML_DEFAULT_MAX_ALIAS_NODES)
        ) {
            self.maximumBytes = maximumBytes
            self.maximumDepth = maximumDepth
            self.maximumAliasedNodes = maximumAliasedNodes
        }

        /// 64 MiB, 512 levels, 1,000,000 aliased nodes.
        public static let `default` = Limits()

        /// The limits as the C shim takes them (each at least 1: 0 would mean the default there).
        var raw: bindery_yaml_limits {
            bindery_yaml_limits(
                max_bytes: max(1, maximumBytes), max_depth: UInt32(clamping: max(1, maximumDepth)),
                max_alias_nodes: UInt64(max(1, maximumAliasedNodes))
            )
        }
    }
}
