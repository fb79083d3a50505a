/// One file of the output: where it goes, relative to the output folder, and what it holds.
public struct GeneratedFile: Sendable, Hashable {
    public var path: String
    /// What the file holds, UTF-8 text as it was rendered: written as it is, never decoded on the way.
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, contents: String) {
        self.init(path: path, bytes: Array(contents.utf8))
    }

    /// What the file holds, as text.
    public var contents: String {
        get { String(decoding: bytes, as: UTF8.self) }
        set { bytes = Array(newValue.utf8) }
    }
}
