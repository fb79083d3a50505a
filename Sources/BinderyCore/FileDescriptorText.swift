#if canImport(Darwin)
    import Darwin
    private let systemWrite = Darwin.write
#elseif canImport(Glibc)
    import Glibc
    private let systemWrite = Glibc.write
#elseif canImport(Musl)
    import Musl
    private let systemWrite = Musl.write
#endif

/// Text written to an open file descriptor (a generated file, standard output or error).
public enum FileDescriptorText {
    /// Writes all of `text` to `descriptor`, from the text's own UTF-8 storage (no copy: a docs page can be over a
    /// megabyte), again where a signal cut a write short. Returns false when a write fails; `errno` says why.
    public static func write(_ text: String, to descriptor: Int32) -> Bool {
        var text = text
        return text.withUTF8 { write($0, to: descriptor) }
    }

    /// Writes all of `bytes` to `descriptor`, as the text is written above.
    public static func write(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        bytes.withUnsafeBufferPointer { write($0, to: descriptor) }
    }

    private static func write(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let result = systemWrite(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
            if result < 0, errno == EINTR { continue }
            guard result > 0 else { return false }
            offset += result
        }
        return true
    }
}
