import Bindery
import BinderyRender
import Foundation
import Testing

/// Paths and helpers shared by the reference tests.
enum Support {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let canopySpec = repositoryRoot + "/Examples/Canopy/Sources/Canopy/openapi.yaml"
    /// The real-world corpus (`../shared/specs`), beside the repository on CI and the development machines but not
    /// in a fresh clone: tests that need it are skipped without it (``hasSharedSpecs``).
    static let sharedSpecs = repositoryRoot + "/../shared/specs"
    static var hasSharedSpecs: Bool {
        FileManager.default.fileExists(atPath: sharedSpecs + "/INDEX.md")
    }

    /// Whether goldens are rewritten from the generator's output instead of compared (`BINDERY_UPDATE_GOLDENS=1`).
    static var updatingGoldens: Bool {
        ProcessInfo.processInfo.environment["BINDERY_UPDATE_GOLDENS"] == "1"
    }

    /// The `bindery` executable built with the tests.
    static var binderyExecutable: String {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = testBinary.deletingLastPathComponent()
        // On macOS the tests run from inside an .xctest bundle.
        while directory.path.contains(".xctest") { directory = directory.deletingLastPathComponent() }
        return directory.appendingPathComponent("bindery").path
    }

    /// A new empty temporary folder.
    static func temporaryDirectory(_ label: String = "bindery") throws -> String {
        let path = NSTemporaryDirectory() + "\(label)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Every regular file under `directory`, as paths relative to it, sorted.
    static func files(under directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var files: [String] = []
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory + "/" + path, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                files.append(path)
            }
        }
        return files.sorted()
    }

    static func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Runs a program and returns its exit status and output. The waiting happens on a thread of its own: a
    /// `swift build` takes a minute, and blocking one of the two threads of Swift's cooperative pool that long
    /// would stall every other test (the local server's timing tests first).
    @discardableResult
    static func run(
        _ executable: String, _ arguments: [String], in directory: String? = nil
    ) async throws -> (status: Int32, stdout: String, stderr: String) {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result { try runBlocking(executable, arguments, in: directory) })
            }.start()
        }
    }

    /// Runs `body` on a thread of its own: for work that blocks (on the file system, the network, a child process)
    /// longer than a moment, which on one of the two threads of Swift's cooperative pool would stall other tests.
    static func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }

    /// ``run(_:_:in:)``, waiting on the calling thread.
    static func runBlocking(
        _ executable: String, _ arguments: [String], in directory: String? = nil
    ) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes to the end before waiting, so a chatty child cannot block on a full pipe. A thread, not
        // a global dispatch queue: on two cores that queue runs two blocks at a time, and two readers waiting for
        // `swift build`s would hold up everything else that uses it (URLSession's callbacks first).
        let group = DispatchGroup()
        nonisolated(unsafe) var errorData = Data()
        group.enter()
        Thread {
            errorData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }.start()
        let outputData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: outputData, as: UTF8.self),
            String(decoding: errorData, as: UTF8.self)
        )
    }
}
