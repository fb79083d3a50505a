import BinderyCore
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

#if canImport(Darwin)
    private let systemRename = Darwin.rename
#elseif canImport(Glibc)
    private let systemRename = Glibc.rename
#elseif canImport(Musl)
    private let systemRename = Musl.rename
#endif

/// The file system calls the output writer makes, each one a step: a test can stop a write after any number of
/// steps, leaving the folder as a `kill -9` at that point would (nothing is cleaned up).
final class FileSystemSteps {
    /// Steps after which ``step(_:)`` throws; `nil` for no limit.
    let limit: Int?
    /// The steps taken so far.
    var count: Int { lock.withLock { taken } }
    private var taken = 0
    /// Render threads stage files at once: counting is locked, the steps themselves are not.
    private let lock = Lock()
    /// The display path of the output folder, for errors.
    let display: String

    /// Whether ``writeFile(_:to:durably:)`` and ``replaceFile(_:at:durably:)`` call `fsync` when asked to.
    let flushes: Bool

    init(limit: Int?, display: String, flushes: Bool = true) {
        self.limit = limit
        self.display = display
        self.flushes = flushes
    }

    /// Whether the write was stopped by ``limit`` (then nothing may be cleaned up).
    var isInterrupted: Bool { limit.map { count >= $0 } ?? false }

    /// Counts one change to the file system, or throws when the limit is reached.
    func step() throws(Diagnostic) {
        let isAllowed = lock.withLock {
            guard let limit, taken >= limit else {
                taken += 1
                return true
            }
            return false
        }
        guard isAllowed else {
            throw Diagnostic.error(inFile: display, "the write was interrupted after \(limit ?? 0) steps")
        }
    }

    func failure(_ what: String, _ path: String, _ code: Int32 = errno) -> Diagnostic {
        Diagnostic.error(inFile: display, "cannot \(what) '\(path)': \(String(cString: strerror(code)))")
    }

    /// Creates (or truncates) the file at `path` and writes `text` to it; `durably`, on disk before it returns.
    func writeFile(_ text: String, to path: String, durably: Bool = false) throws(Diagnostic) {
        try writeFile(Array(text.utf8), to: path, durably: durably)
    }

    /// Creates (or truncates) the file at `path` and writes `bytes` to it; `durably`, on disk before it returns.
    func writeFile(_ bytes: [UInt8], to path: String, durably: Bool = false) throws(Diagnostic) {
        try step()
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw failure("create", path) }
        defer { close(descriptor) }
        guard FileDescriptorText.write(bytes, to: descriptor) else { throw failure("write", path) }
        if durably, flushes, fsync(descriptor) != 0 { throw failure("write to disk", path) }
    }

    /// Replaces `path` by a file holding `text` in one rename, by way of `path` + `.new`; `durably`, the file and
    /// the rename are on disk before it returns.
    func replaceFile(_ text: String, at path: String, durably: Bool = false) throws(Diagnostic) {
        try writeFile(text, to: path + ".new", durably: durably)
        try rename(path + ".new", to: path)
        guard durably, flushes else { return }
        let folder = open(PathText.parent(of: path), O_RDONLY | O_CLOEXEC)
        guard folder >= 0 else { throw failure("open the folder of", path) }
        defer { close(folder) }
        if fsync(folder) != 0 { throw failure("write to disk the folder of", path) }
    }

    /// Moves `source` to `destination` in one step, replacing a file there (readers see the old or the new one).
    func rename(_ source: String, to destination: String) throws(Diagnostic) {
        try step()
        guard systemRename(source, destination) == 0 else { throw failure("move a file to", destination) }
    }

    /// Removes the file at `path`; a file that is not there is not an error.
    func removeFile(_ path: String) throws(Diagnostic) {
        guard exists(path) else { return }
        try step()
        guard unlink(path) == 0 || errno == ENOENT else { throw failure("remove", path) }
    }

    /// Creates the folder `path` and its missing parents.
    func makeDirectories(_ path: String) throws(Diagnostic) {
        if isDirectory(path) { return }
        let parent = PathText.parent(of: path)
        if !parent.isEmpty, parent != path { try makeDirectories(parent) }
        try step()
        guard mkdir(path, 0o777) == 0 || (errno == EEXIST && isDirectory(path)) else {
            throw failure("create the folder", path)
        }
    }

    /// Removes `path` (a file, or a folder with everything in it).
    func removeTree(_ path: String) throws(Diagnostic) {
        guard exists(path) else { return }
        try step()
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw Diagnostic.error(inFile: display, "cannot remove '\(path)': \(error.systemErrorText)")
        }
    }

    /// Removes `path` and its parents while they are empty, up to (not including) `root`.
    func removeEmptyDirectories(from path: String, upTo root: String) throws(Diagnostic) {
        var current = path
        while current.count > root.count, current.hasPrefix(root + "/"),
            (try? FileManager.default.contentsOfDirectory(atPath: current).isEmpty) == true
        {
            try step()
            guard rmdir(current) == 0 else { return }
            current = PathText.parent(of: current)
        }
    }

    /// The size of the file at `path`, or `nil` when it is not there.
    func size(_ path: String) -> Int? {
        var status = stat()
        return lstat(path, &status) == 0 ? Int(status.st_size) : nil
    }

    func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    func contents(_ path: String) -> Data? {
        FileManager.default.contents(atPath: path)
    }
}

/// An exclusive `flock(2)` on a folder, held until ``release()``; the kernel drops it when the process dies, so a
/// lock that can be taken belongs to nobody alive.
final class FolderLock {
    private var descriptor: Int32

    /// Locks `path`, waiting for another process that holds it (`wait`), or returns `nil` when it is held or the
    /// folder cannot be opened.
    init?(_ path: String, wait: Bool) {
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var result: Int32
        repeat {
            result = flock(descriptor, wait ? LOCK_EX : LOCK_EX | LOCK_NB)
        } while result != 0 && errno == EINTR
        guard result == 0 else {
            close(descriptor)
            return nil
        }
    }

    func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
