import BinderyCore
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Writes generated files into an output folder so that bad input, a failure to write, or a process killed at any
/// point never leaves a file half written, and the next run finishes what an interrupted one started.
///
/// - Every new or changed file is first written to a staging folder beside the output (same file system), so
///   nothing in the output changes until every file has been written.
/// - A new output folder is that staging folder, moved into place in one rename.
/// - In an existing folder, a journal (`.bindery/JOURNAL`: the files to move in with their sizes, those to remove,
///   the new manifest) is on disk (`fsync`) before the first change; each changed file then replaces its old version by one
///   rename (a reader sees the old file or the new one, never a part), the earlier generation's files that are no
///   longer generated are removed, the manifest is written, and the journal removed. A run that finds a journal
///   first does the rest of its work; staging folders that no running `bindery` holds are removed.
/// - The manifest `.bindery/FILES` lists the files Bindery wrote. While a journal is there it lists both
///   generations (the files on disk before, and those the journal puts in place), so it never leaves out a file
///   Bindery wrote; outside that window it lists exactly the generated files that are there.
/// - Files not on the manifest are never removed, and never overwritten unless their content is already what would
///   be written; unchanged files are not touched (their modification dates stay, so builds stay incremental).
/// - Two runs into one existing folder take turns (an `flock(2)` on the folder).
public struct OutputWriter {
    /// What a write changed.
    public struct Summary: Sendable, Hashable {
        public var written: [String] = []
        public var unchanged: [String] = []
        public var removed: [String] = []
    }

    /// The manifest of generated files, relative to the output folder.
    public static let manifestPath = ".bindery/FILES"
    /// The journal of a write under way, relative to the output folder.
    public static let journalPath = ".bindery/JOURNAL"

    let directory: String
    let fileManager = FileManager.default
    /// Stops the write after this many changes to the file system, as a kill would (for tests).
    var stepLimit: Int?
    /// Whether the journal is on disk (`fsync`) before the first change it describes (off only in tests that stop
    /// hundreds of writes: a kill needs none of it).
    var flushes = true

    public init(directory: String) {
        self.directory = directory
    }

    init(directory: String, stepLimit: Int?, flushes: Bool = true) {
        self.directory = directory
        self.stepLimit = stepLimit
        self.flushes = flushes
    }

    /// Writes `files`; throws without changing the output folder when anything cannot be staged.
    @discardableResult
    public func write(_ files: [GeneratedFile]) throws(Diagnostic) -> Summary {
        try checkPaths(files)
        let staging = try begin()
        do throws(Diagnostic) {
            for file in files { try staging.stage(file) }
            return try staging.commit(files.map(\.path))
        } catch {
            staging.abandon()
            throw error
        }
    }

    /// Starts a write whose files are staged one by one (``OutputStaging``): takes the output folder's lock,
    /// finishes what an interrupted write started, and removes abandoned staging folders.
    public func begin() throws(Diagnostic) -> OutputStaging {
        let folder = try OutputFolder(directory)
        let steps = FileSystemSteps(limit: stepLimit, display: directory, flushes: flushes)
        let lock = folder.exists ? FolderLock(folder.root, wait: true) : nil
        do throws(Diagnostic) {
            let recovered = folder.exists ? try recover(folder, steps: steps) : (moved: [], removed: [])
            try removeAbandonedStaging(folder, steps: steps)
            var staging: (name: String, path: String, lock: FolderLock)?
            if !folder.exists {
                try steps.makeDirectories(folder.parent)
                staging = try makeStagingFolder(folder, steps: steps)
            }
            return OutputStaging(
                writer: self, folder: folder, steps: steps, folderLock: lock, recovered: recovered, staging: staging)
        } catch {
            lock?.release()
            throw error
        }
    }

    /// What ``write(_:)`` would change, without changing anything: the files it would write (new or different),
    /// those already up to date, and the earlier generation's files it would remove. Throws what `write` would
    /// throw before writing (the output is a file, or a file Bindery did not write would be overwritten).
    ///
    /// A generation that was interrupted needs nothing special: its manifest names both generations' files.
    public func plan(_ files: [GeneratedFile]) throws(Diagnostic) -> Summary {
        try checkPaths(files)
        let folder = try OutputFolder(directory)
        var summary = Summary()
        guard folder.exists else {
            summary.written = files.map(\.path)
            return summary
        }
        let previous = previousFiles(folder)
        var checkedFolders: Set<String> = []
        for file in files {
            let isInPlace = try folder.holds(
                file, previous: previous, display: directory, isFirstCheck: { checkedFolders.insert($0).inserted })
            if isInPlace {
                summary.unchanged.append(file.path)
            } else {
                summary.written.append(file.path)
            }
        }
        let current = Set(files.map(\.path))
        for path in previous.sorted() where !current.contains(path) {
            if fileManager.fileExists(atPath: folder.root + "/" + path) { summary.removed.append(path) }
        }
        return summary
    }

    /// Completes the work of an interrupted write, and removes what a stopped replacement of the manifest or the
    /// journal left. Returns the files it moved into place and removed.
    func recover(
        _ folder: OutputFolder, steps: FileSystemSteps
    ) throws(Diagnostic) -> (moved: [String], removed: [String]) {
        try steps.removeFile(folder.manifest + ".new")
        try steps.removeFile(folder.journal + ".new")
        guard let data = fileManager.contents(atPath: folder.journal) else { return ([], []) }
        guard
            let journal = OutputJournal(
                decoding: String(decoding: data, as: UTF8.self), stagingPrefix: folder.stagingPrefix)
        else {
            // Not a journal this writer wrote whole (it is renamed into place, so only a hand could make one):
            // the manifest still names both generations' files, so this generation puts the folder right.
            try steps.removeFile(folder.journal)
            return ([], [])
        }
        return try journal.rollForward(in: folder, steps: steps)
    }

    /// Removes the staging folders of runs that were stopped before they wrote a journal (or whose journal is
    /// done). A running `bindery` holds a lock on its staging folder, so its folder is left alone.
    func removeAbandonedStaging(_ folder: OutputFolder, steps: FileSystemSteps) throws(Diagnostic) {
        guard let names = try? fileManager.contentsOfDirectory(atPath: folder.parent) else { return }
        for name in names.sorted() where name.hasPrefix(folder.stagingPrefix) {
            let path = folder.parent + "/" + name
            guard let lock = FolderLock(path, wait: false) else { continue }
            defer { lock.release() }
            try steps.removeTree(path)
        }
    }

    func makeStagingFolder(
        _ folder: OutputFolder, steps: FileSystemSteps
    ) throws(Diagnostic) -> (name: String, path: String, lock: FolderLock) {
        let name = folder.stagingPrefix + UUID().uuidString
        let path = folder.parent + "/" + name
        try steps.makeDirectories(path)
        guard let lock = FolderLock(path, wait: false) else {
            throw Diagnostic.error(inFile: directory, "cannot lock the staging folder '\(path)'")
        }
        return (name, path, lock)
    }

    /// The files the previous generation wrote, from its manifest.
    func previousFiles(_ folder: OutputFolder) -> Set<String> {
        folder.manifestEntries()
    }

    /// Whether `path` names a file inside the output folder and outside `.bindery/`.
    static func isPlainRelativePath(_ path: String) -> Bool {
        let parts = PathText.components(of: path)
        return !path.isEmpty && parts.first != ".bindery"
            && !parts.contains { $0.isEmpty || $0 == "." || $0 == ".." || $0.utf8.contains(0) }
    }

    func checkPaths(_ files: [GeneratedFile]) throws(Diagnostic) {
        for file in files where !Self.isPlainRelativePath(file.path) {
            throw Diagnostic.error(
                inFile: directory, "cannot write '\(file.path)': a generated file's path must be inside the folder")
        }
    }
}

/// The output folder: where it is, and the paths of its manifest, its journal and its staging folders.
struct OutputFolder {
    /// The folder, absolute, with symbolic links resolved when it exists.
    let root: String
    /// The folder holding it: staging folders are made there, on the same file system.
    let parent: String
    let exists: Bool
    /// The prefix of the staging folders' names.
    let stagingPrefix: String

    init(_ directory: String) throws(Diagnostic) {
        var url = URL(fileURLWithPath: directory).standardizedFileURL
        let kind = PathKind(at: url.path)
        exists = kind != nil
        if kind == .other {
            throw Diagnostic.error(inFile: directory, "the output path exists and is not a folder")
        }
        if exists { url = url.resolvingSymlinksInPath() }
        root = url.path
        parent = url.deletingLastPathComponent().path
        stagingPrefix = "." + url.lastPathComponent + ".bindery-staging-"
    }

    var manifest: String { root + "/" + OutputWriter.manifestPath }
    var journal: String { root + "/" + OutputWriter.journalPath }

    /// The paths the manifest lists. Only plain relative paths count: a damaged manifest must not make us delete
    /// outside the folder.
    func manifestEntries() -> Set<String> {
        guard let data = FileManager.default.contents(atPath: manifest) else { return [] }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        return Set(lines.filter(OutputWriter.isPlainRelativePath))
    }

    static func manifest(_ paths: some Sequence<String>) -> String {
        paths.sorted().joined(separator: "\n") + "\n"
    }

    /// Whether the folder already holds `file` with the same bytes. Throws when `file` cannot be written there: a
    /// file is in the way of one of its folders, a folder is in its way, or it would replace a different file that
    /// an earlier generation (`previous`) did not write. `isFirstCheck` says whether a folder of the output is
    /// checked for the first time (and remembers it); `display` is the output folder as the user wrote it.
    func holds(
        _ file: GeneratedFile, previous: Set<String>, display: String, isFirstCheck: (String) -> Bool
    ) throws(Diagnostic) -> Bool {
        var parent = PathText.parent(of: file.path)
        while !parent.isEmpty, isFirstCheck(parent) {
            if PathKind(at: root + "/" + parent) == .other {
                throw Diagnostic.error(
                    inFile: display + "/" + parent, "cannot write '\(file.path)': this file is in the way")
            }
            parent = PathText.parent(of: parent)
        }
        let destination = root + "/" + file.path
        guard let kind = PathKind(at: destination) else { return false }
        if kind == .folder {
            throw Diagnostic.error(
                inFile: display + "/" + file.path, "cannot write the file: a folder of that name is in the way")
        }
        if FileManager.default.contents(atPath: destination) == Data(file.bytes) { return true }
        if !previous.contains(file.path) {
            throw Diagnostic.error(
                inFile: display + "/" + file.path,
                "refusing to overwrite a file Bindery did not generate (it is not in \(OutputWriter.manifestPath)); "
                    + "move it away or generate into another folder"
            )
        }
        return false
    }

    /// Writes the manifest listing `paths`, unless it already does.
    func writeManifest(_ paths: some Sequence<String>, steps: FileSystemSteps) throws(Diagnostic) {
        let text = Self.manifest(paths)
        if FileManager.default.contents(atPath: manifest) == Data(text.utf8) { return }
        try steps.makeDirectories(root + "/.bindery")
        try steps.replaceFile(text, at: manifest)
    }
}
