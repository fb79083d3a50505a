extension YAMLNode {
    /// The entries of a mapping node in document order: a non-allocating random-access view into the document's
    /// arena.
    public struct Pairs: RandomAccessCollection, Sendable {
        /// A mapping entry.
        public typealias Element = (key: YAMLNode, value: YAMLNode)

        let document: YAMLDocument
        let firstChild: Int
        /// The number of pairs.
        public let count: Int

        init(document: YAMLDocument, firstChild: Int, count: Int) {
            self.document = document
            self.firstChild = firstChild
            self.count = count
        }

        /// Always 0.
        public var startIndex: Int { 0 }
        /// Equal to `count`.
        public var endIndex: Int { count }

        /// The pair at `position` (`0..<count`).
        public subscript(position: Int) -> Element {
            precondition(position >= 0 && position < count, "YAMLNode.Pairs index out of range")
            let keyIndex = firstChild + 2 * position
            return (
                key: YAMLNode(document: document, index: document.children[keyIndex]),
                value: YAMLNode(document: document, index: document.children[keyIndex + 1])
            )
        }
    }
}
