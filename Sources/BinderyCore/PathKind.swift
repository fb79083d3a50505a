#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// What is at a path, symbolic links followed: `FileManager.fileExists(atPath:isDirectory:)` without Foundation.
public enum PathKind: Sendable {
    case folder, other

    /// What is at `path`, or `nil` when nothing is.
    public init?(at path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        self = status.st_mode & S_IFMT == S_IFDIR ? .folder : .other
    }
}
