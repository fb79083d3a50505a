extension YAMLNode {
    /// The items of a sequence node: a non-allocating random-access view into the document's arena.
    public struct Elements: RandomAccessCollection, Sendable {
        let document: YAMLDocument
        let firstChild: Int
        /// The number of items.
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

        /// The item at `position` (`0..<count`).
        public subscript(position: Int) -> YAMLNode {
            precondition(position >= 0 && position < count, "YAMLNode.Elements index out of range")
            return YAMLNode(document: document, index: document.children[firstChild + position])
        }
    }
}
