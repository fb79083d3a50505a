/// A node of a ``YAMLDocument``: a scalar, a sequence or a mapping.
///
/// A node is a lightweight handle (the document plus an index); copying and iterating nodes allocates nothing.
/// Two nodes are equal when they are the same node of the same document, so an alias and its anchored node are
/// equal.
public struct YAMLNode: Sendable, Hashable {
    /// The document this node belongs to.
    public let document: YAMLDocument
    /// Index into the document's node arena.
    let index: UInt32

    init(document: YAMLDocument, index: UInt32) {
        self.document = document
        self.index = index
    }

    var record: NodeRecord {
        document.nodes[Int(index)]
    }

    /// The node's place in document order. Nodes are numbered as they are read, a collection before its children, so
    /// the nodes written in a subtree are numbered consecutively, and the difference between two siblings' ordinals
    /// is about how many nodes the first one holds (not exactly: an alias is the node it refers to, and a merged pair
    /// keeps its source's nodes).
    public var ordinal: Int { Int(index) }

    /// Whether the node is a scalar, a sequence or a mapping.
    public var kind: Kind {
        let record = record
        return record.isSequence ? .sequence : record.isMapping ? .mapping : .scalar
    }

    /// Where the node starts (for a node with an anchor or tag: where the anchor or tag starts).
    public var location: SourceLocation {
        let record = record
        return SourceLocation(file: document.file, line: Int(record.line), column: Int(record.column))
    }

    /// The explicit tag as resolved by libyaml (for example `tag:yaml.org,2002:str` for `!!str`), or `nil` when the
    /// node has no explicit tag.
    public var tag: String? {
        let record = record
        guard record.tag_length > 0 else { return nil }
        return document.text(offset: record.tag_offset, length: record.tag_length)
    }

    /// The style a scalar was written in; `nil` for collections.
    public var scalarStyle: ScalarStyle? {
        let record = record
        guard record.isScalar else { return nil }
        return ScalarStyle(rawStyle: record.style)
    }

    /// Whether a collection was written in flow style (`[...]`, `{...}`); `false` for scalars.
    public var isFlow: Bool {
        record.isFlowCollection
    }

    /// The scalar's text exactly as parsed (no type resolution); `nil` for collections.
    public var scalar: String? {
        let record = record
        guard record.isScalar else { return nil }
        return document.text(offset: record.text_offset, length: record.text_length)
    }

    /// Whether this is a null in the YAML 1.2 core schema: an untagged plain scalar that is empty, `~`, `null`,
    /// `Null` or `NULL`.
    public var isNull: Bool {
        let record = record
        guard record.isPlainScalar, record.tag_length == 0
        else { return false }
        switch record.text_length {
        case 0: return true
        case 1, 4: return scalarEquals("~") || scalarEquals("null") || scalarEquals("Null") || scalarEquals("NULL")
        default: return false
        }
    }

    /// Whether this is a scalar whose text is exactly `text` (compares UTF-8 bytes without building a `String`).
    public func scalarEquals(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { scalarEquals(utf8: $0) }
    }

    func scalarEquals(utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let record = record
        return record.isScalar
            && document.bytesEqual(offset: record.text_offset, length: record.text_length, utf8)
    }

    /// The number of items of a sequence or pairs of a mapping; 0 for scalars.
    public var count: Int {
        let record = record
        if record.isSequence { return Int(record.child_count) }
        if record.isMapping { return Int(record.child_count) / 2 }
        return 0
    }

    /// The items of a sequence in document order; empty for scalars and mappings.
    public var elements: Elements {
        let record = record
        guard record.isSequence else {
            return Elements(document: document, firstChild: 0, count: 0)
        }
        return Elements(document: document, firstChild: Int(record.first_child), count: Int(record.child_count))
    }

    /// The key/value pairs of a mapping in document order; empty for scalars and sequences.
    public var pairs: Pairs {
        let record = record
        guard record.isMapping else {
            return Pairs(document: document, firstChild: 0, count: 0)
        }
        return Pairs(document: document, firstChild: Int(record.first_child), count: Int(record.child_count) / 2)
    }

    /// The value for the scalar key `key` in a mapping (linear scan), or `nil` when the key is absent or the node is
    /// not a mapping.
    public subscript(key: String) -> YAMLNode? {
        let pairs = pairs
        guard !pairs.isEmpty else { return nil }
        var key = key
        return key.withUTF8 { utf8 in
            pairs.first { $0.key.scalarEquals(utf8: utf8) }?.value
        }
    }

    public static func == (lhs: YAMLNode, rhs: YAMLNode) -> Bool {
        lhs.document === rhs.document && lhs.index == rhs.index
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(document))
        hasher.combine(index)
    }
}
