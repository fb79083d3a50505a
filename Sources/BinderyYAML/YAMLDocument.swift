import CBinderyYAML

/// A parsed YAML (or JSON) document: an immutable arena of nodes.
///
/// The whole document is parsed by one call into the C layer, which runs the libyaml event loop and returns a
/// compact node arena, which the document keeps (not copied into Swift arrays) and frees when it is released.
/// Anchors and aliases are resolved (an alias yields the anchored node itself, so aliased subtrees are shared),
/// duplicate scalar keys are rejected, and no YAML 1.1 type guessing happens: scalars are text plus style and tag.
/// The tree the document stands for, aliases expanded, is bounded by ``Limits``: its depth, and the nodes aliases
/// add to it.
///
/// Merge keys (`<<: *base`, `<<: [*a, *b]`, yaml.org/type/merge) are applied: a mapping holds the merged pairs in
/// place of its `<<` pair, as the source mapping's own key and value nodes (so they keep their positions and stay
/// shared), keys written in the mapping win over merged ones, and an earlier mapping of a sequence wins over a later
/// one. Only a plain `<<` is a merge key: a quoted `"<<"` (every JSON key) is an ordinary key. A merge value that is
/// not a mapping or a sequence of mappings is an error. What merges copy comes through aliases, and counts against
/// ``Limits/maximumAliasedNodes``.
///
/// `YAMLDocument` is `@unchecked Sendable`: the arena is never changed after the parse, and the C parse result
/// it keeps is only freed by `deinit`.
public final class YAMLDocument: @unchecked Sendable {
    /// The display path used in every ``SourceLocation`` produced for this document.
    public let file: String

    /// The node arena (preorder: a collection precedes its children), as the C shim built it: not copied, which
    /// would hold it twice at the parse's peak (8 MB of GitHub's description). Freed with the document.
    let nodes: UnsafeBufferPointer<bindery_yaml_node>
    /// Child node indices; each collection's children form one contiguous run.
    let children: UnsafeBufferPointer<UInt32>
    /// Scalar values and tags, referenced by offset and length.
    let strings: UnsafeBufferPointer<UInt8>
    /// The C parse result that owns the three buffers above.
    private var raw: bindery_yaml_document
    /// Index of the root node.
    let rootIndex: UInt32
    /// Whether the document was parsed in two halves at once (for tests: the nodes are the same either way).
    let parsedInHalves: Bool
    /// Whether the document was read by the JSON reader rather than libyaml (for tests: the nodes are the same
    /// either way).
    let readAsJSON: Bool
    /// Whether the document was read by the block-YAML reader rather than libyaml (for tests: the nodes are the
    /// same either way).
    let readAsBlockYAML: Bool

    /// Parses exactly one YAML or JSON document.
    ///
    /// - Parameters:
    ///   - bytes: The document text, UTF-8 (libyaml also accepts UTF-16 with a byte order mark).
    ///   - file: The display path used in locations and errors.
    ///   - limits: What the parse accepts.
    /// - Throws: ``YAMLError`` for syntax errors, invalid UTF-8, unknown or recursive aliases, duplicate keys, merge
    ///   values that are not mappings, streams with more than one document, and documents beyond `limits`.
    ///
    /// Plain JSON is read by Bindery's JSON reader, and the block YAML descriptions are written in by its block-YAML
    /// reader; both build the nodes libyaml's parse would, several times faster. Anything else, errors included, is
    /// parsed by libyaml. A large document is parsed in two halves at
    /// once, on two threads, where it has an easy place to cut (see `bindery_yaml_options`). The document is the
    /// same node for node either way, and so are errors.
    public convenience init(bytes: some Collection<UInt8>, file: String, limits: Limits = .default) throws(YAMLError) {
        try self.init(bytes: bytes, file: file, limits: limits, splitMinimumBytes: 0)
    }

    /// For tests that compare the ways of parsing.
    /// - Parameters:
    ///   - splitMinimumBytes: the size from which a document may be parsed in halves (0: the default, 512 KiB;
    ///     `Int.max`: never).
    ///   - jsonByLibyaml: whether JSON is parsed by libyaml too, rather than by the JSON reader.
    ///   - yamlByLibyaml: whether other documents are parsed by libyaml too, rather than by the block-YAML reader.
    init(
        bytes: some Collection<UInt8>, file: String, limits: Limits, splitMinimumBytes: Int,
        jsonByLibyaml: Bool = false, yamlByLibyaml: Bool = false
    ) throws(YAMLError) {
        self.file = file
        var raw = bindery_yaml_document()
        var rawLimits = limits.raw
        var options = bindery_yaml_options(
            split_min_bytes: max(0, splitMinimumBytes), json_by_libyaml: jsonByLibyaml ? 1 : 0,
            yaml_by_libyaml: yamlByLibyaml ? 1 : 0)
        let status =
            bytes.withContiguousStorageIfAvailable { buffer in
                bindery_yaml_parse_with_options(buffer.baseAddress, buffer.count, &rawLimits, &options, &raw)
            }
            ?? Array(bytes).withUnsafeBufferPointer { buffer in
                bindery_yaml_parse_with_options(buffer.baseAddress, buffer.count, &rawLimits, &options, &raw)
            }
        guard status == 0 else {
            defer { bindery_yaml_document_destroy(&raw) }
            let message = withUnsafeBytes(of: raw.message) { buffer in
                String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self)
            }
            let location = SourceLocation(file: file, line: Int(raw.error_line), column: Int(raw.error_column))
            throw YAMLError(location: location, message: message)
        }
        nodes = UnsafeBufferPointer(start: raw.nodes, count: raw.node_count)
        children = UnsafeBufferPointer(start: raw.children, count: raw.children_count)
        strings = UnsafeBufferPointer(
            start: UnsafeRawPointer(raw.strings)?.assumingMemoryBound(to: UInt8.self), count: raw.strings_length)
        rootIndex = raw.root
        parsedInHalves = raw.parsed_in_halves != 0
        readAsJSON = raw.read_as_json != 0
        readAsBlockYAML = raw.read_as_block_yaml != 0
        self.raw = raw
    }

    deinit {
        bindery_yaml_document_destroy(&raw)
    }

    /// Parses the document text of a `String` (convenient for tests and inline snippets).
    public convenience init(string: String, file: String, limits: Limits = .default) throws(YAMLError) {
        try self.init(bytes: string.utf8, file: file, limits: limits)
    }

    /// Reads and parses a file.
    ///
    /// - Parameters:
    ///   - path: The file system path to read.
    ///   - displayPath: The path shown in locations and errors; defaults to `path`.
    ///   - limits: What the parse accepts; no more of the file than ``Limits/maximumBytes`` (and one byte) is read.
    /// - Throws: ``YAMLError`` at `file:1:1` with message `cannot read file: <reason>` when the file cannot be
    ///   read, or any parse error.
    public convenience init(
        contentsOf path: String, displayPath: String? = nil, limits: Limits = .default
    ) throws(YAMLError) {
        let file = displayPath ?? path
        let bytes = try FileReader.readAll(
            path: path, displayPath: file, limit: min(max(1, limits.maximumBytes), Int.max - 1) + 1)
        try self.init(bytes: bytes, file: file, limits: limits)
    }

    /// The root node. An empty stream yields an empty plain scalar (a null) at 1:1.
    public var root: YAMLNode {
        YAMLNode(document: self, index: rootIndex)
    }

    /// The number of distinct nodes (aliases do not add nodes).
    public var nodeCount: Int {
        nodes.count
    }

    /// Whether `text` occurs in any scalar or tag of the document (a byte search of the string pool): a quick test
    /// before walking the tree for a key that is usually absent.
    public func mentions(_ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard let first = needle.first else { return true }
        let pool = strings
        guard pool.count >= needle.count else { return false }
        var index = 0
        let last = pool.count - needle.count
        while index <= last {
            if pool[index] == first,
                UnsafeBufferPointer(rebasing: pool[index..<index + needle.count]).elementsEqual(needle)
            {
                return true
            }
            index += 1
        }
        return false
    }

    /// Decodes pool bytes as UTF-8 (invalid sequences cannot occur: libyaml validated the input).
    func text(offset: UInt32, length: UInt32) -> String {
        let start = Int(offset)
        precondition(start + Int(length) <= strings.count, "a node's text is outside the string pool")
        return String(decoding: UnsafeBufferPointer(rebasing: strings[start..<start + Int(length)]), as: UTF8.self)
    }

    /// Whether the pool bytes at `offset..<offset+length` equal `utf8`.
    func bytesEqual(offset: UInt32, length: UInt32, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard Int(length) == utf8.count else { return false }
        let start = Int(offset)
        precondition(start + Int(length) <= strings.count, "a node's text is outside the string pool")
        return UnsafeBufferPointer(rebasing: strings[start..<start + Int(length)]).elementsEqual(utf8)
    }
}
