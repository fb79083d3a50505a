import BinderyCore
import Foundation

/// Writes generated files into an output folder so that bad input or a failure to write leaves it as it was.
///
/// Every file is first written to a staging folder beside the output (same file system), so nothing in the output
/// changes until every file has been written. A new output folder is then moved into place in one rename; in an
/// existing one, each changed file replaces its old version by one rename (a reader sees the old file or the new
/// one, never a part), unchanged files are not touched (so builds stay incremental), and files an earlier
/// generation wrote that are no longer generated are removed. The list of generated files is kept in `.bindery/FILES`; files not on it are never
/// removed, and never overwritten unless their content is already what would be written.
public struct OutputWriter {
    /// What a write changed.
    public struct Summary: Sendable, Hashable {
        public var written: [String] = []
        public var unchanged: [String] = []
        public var removed: [String] = []
    }

    /// The manifest of generated files, relative to the output folder.
    public static let manifestPath = ".bindery/FILES"

    let directory: String
    let fileManager = FileManager.default

    public init(directory: String) {
        self.directory = directory
    }

    /// Writes `files`; throws without changing the output folder when anything cannot be staged.
    @discardableResult
    public func write(_ files: [GeneratedFile]) throws(Diagnostic) -> Summary {
        var isDirectory: ObjCBool = false
        let exists = fileManager.fileExists(atPath: directory, isDirectory: &isDirectory)
        if exists, !isDirectory.boolValue {
            throw Diagnostic.error(inFile: directory, "the output path exists and is not a folder")
        }
        let previous = exists ? try previousFiles() : []
        let manifest = GeneratedFile(
            path: Self.manifestPath,
            contents: files.map(\.path).sorted().joined(separator: "\n") + "\n"
        )
        if exists {
            try checkOverwrites(files, previous: previous)
        }
        let staging = try makeStagingDirectory()
        var summary = Summary()
        do {
            for file in files + [manifest] {
                try writeFile(file.contents, to: staging + "/" + file.path)
            }
            if !exists {
                try createDirectory(PathText.parent(of: directory))
                try fileManager.moveItem(atPath: staging, toPath: directory)
                summary.written = files.map(\.path)
                return summary
            }
            for file in files + [manifest] {
                let destination = directory + "/" + file.path
                if fileManager.contents(atPath: destination) == Data(file.contents.utf8) {
                    if file.path != Self.manifestPath { summary.unchanged.append(file.path) }
                    continue
                }
                try createDirectory(PathText.parent(of: destination))
                // rename(2) replaces the destination in one step: readers see the old file or the new one.
                guard rename(staging + "/" + file.path, destination) == 0 else {
                    throw Diagnostic.error(
                        inFile: destination, "cannot replace the file: \(String(cString: strerror(errno)))"
                    )
                }
                if file.path != Self.manifestPath { summary.written.append(file.path) }
            }
            let current = Set(files.map(\.path))
            for path in previous.sorted() where !current.contains(path) {
                let stale = directory + "/" + path
                if fileManager.fileExists(atPath: stale) {
                    try fileManager.removeItem(atPath: stale)
                    summary.removed.append(path)
                    removeEmptyDirectories(from: PathText.parent(of: stale))
                }
            }
            try? fileManager.removeItem(atPath: staging)
            return summary
        } catch let error as Diagnostic {
            try? fileManager.removeItem(atPath: staging)
            throw error
        } catch {
            try? fileManager.removeItem(atPath: staging)
            throw Diagnostic.error(inFile: directory, "cannot write the output: \(error.localizedDescription)")
        }
    }

    /// What ``write(_:)`` would change, without changing anything: the files it would write (new or different),
    /// those already up to date, and the earlier generation's files it would remove. Throws what `write` would
    /// throw before writing (the output is a file, or a file Bindery did not write would be overwritten).
    public func plan(_ files: [GeneratedFile]) throws(Diagnostic) -> Summary {
        var isDirectory: ObjCBool = false
        let exists = fileManager.fileExists(atPath: directory, isDirectory: &isDirectory)
        if exists, !isDirectory.boolValue {
            throw Diagnostic.error(inFile: directory, "the output path exists and is not a folder")
        }
        var summary = Summary()
        guard exists else {
            summary.written = files.map(\.path)
            return summary
        }
        let previous = try previousFiles()
        try checkOverwrites(files, previous: previous)
        for file in files {
            if fileManager.contents(atPath: directory + "/" + file.path) == Data(file.contents.utf8) {
                summary.unchanged.append(file.path)
            } else {
                summary.written.append(file.path)
            }
        }
        let current = Set(files.map(\.path))
        for path in previous.sorted() where !current.contains(path) {
            if fileManager.fileExists(atPath: directory + "/" + path) { summary.removed.append(path) }
        }
        return summary
    }

    /// The files the previous generation wrote, from its manifest.
    func previousFiles() throws(Diagnostic) -> Set<String> {
        let path = directory + "/" + Self.manifestPath
        guard let data = fileManager.contents(atPath: path) else { return [] }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        // Only plain relative paths count: a damaged manifest must not make us delete outside the folder.
        return Set(
            lines.filter { line in
                !line.hasPrefix("/") && !line.split(separator: "/").contains { $0 == ".." || $0 == "." }
            })
    }

    /// Refuses to replace a file that an earlier generation did not write, unless it already holds what would be
    /// written.
    func checkOverwrites(_ files: [GeneratedFile], previous: Set<String>) throws(Diagnostic) {
        for file in files where !previous.contains(file.path) {
            let destination = directory + "/" + file.path
            guard fileManager.fileExists(atPath: destination) else { continue }
            if fileManager.contents(atPath: destination) != Data(file.contents.utf8) {
                throw Diagnostic.error(
                    inFile: destination,
                    "refusing to overwrite a file Bindery did not generate (it is not in \(Self.manifestPath)); "
                        + "move it away or generate into another folder"
                )
            }
        }
    }

    func makeStagingDirectory() throws(Diagnostic) -> String {
        let parent = PathText.parent(of: directory)
        let name = PathText.lastComponent(of: directory)
        let staging = (parent.isEmpty ? "." : parent) + "/.\(name).bindery-staging-\(UUID().uuidString)"
        do {
            try createDirectory(parent.isEmpty ? "." : parent)
            try fileManager.createDirectory(atPath: staging, withIntermediateDirectories: false)
        } catch {
            throw Diagnostic.error(inFile: directory, "cannot create a staging folder beside the output: \(error)")
        }
        return staging
    }

    func writeFile(_ contents: String, to path: String) throws {
        try createDirectory(PathText.parent(of: path))
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
    }

    func createDirectory(_ path: String) throws {
        guard !path.isEmpty else { return }
        try fileManager.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Removes `path` and its parents while they are empty, up to the output folder.
    func removeEmptyDirectories(from path: String) {
        var current = path
        while current.count > directory.count, current.hasPrefix(directory),
            (try? fileManager.contentsOfDirectory(atPath: current).isEmpty) == true
        {
            try? fileManager.removeItem(atPath: current)
            current = PathText.parent(of: current)
        }
    }
}
