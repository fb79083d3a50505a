import BinderyCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A write of generated files under way (``OutputWriter/begin()``). Each file is staged as soon as it is rendered,
/// from whichever thread rendered it, so a generation never holds all its files in memory (Stripe's are 22 MB);
/// ``commit(_:)`` then puts them in place as ``OutputWriter`` describes, and ``abandon()`` leaves the output folder
/// as it was.
///
/// A file already in the output with the same bytes is not staged (it stays untouched); for an existing folder, the
/// staging folder is made with the first file that must be written, so a generation that changes nothing makes
/// none.
public final class OutputStaging: @unchecked Sendable {
    // `@unchecked`: everything mutable below is read and written under `lock` only.
    private let writer: OutputWriter
    let folder: OutputFolder
    let steps: FileSystemSteps
    /// The lock on an existing output folder, held from ``OutputWriter/begin()`` to the commit.
    private let folderLock: FolderLock?
    /// What finishing an interrupted write changed.
    private let recovered: (moved: [String], removed: [String])
    /// The files the previous generation wrote, from its manifest.
    private let previous: Set<String>

    private let lock = Lock()
    private var staging: (name: String, path: String, lock: FolderLock)?
    /// The folders made in the staging folder, and the output's folders checked for a file in the way.
    private var madeFolders: Set<String> = []
    private var checkedFolders: Set<String> = []
    /// The size of each staged file, by path.
    private var stagedSizes: [String: Int] = [:]
    private var isFinished = false

    init(
        writer: OutputWriter, folder: OutputFolder, steps: FileSystemSteps, folderLock: FolderLock?,
        recovered: (moved: [String], removed: [String]), staging: (name: String, path: String, lock: FolderLock)?
    ) {
        self.writer = writer
        self.folder = folder
        self.steps = steps
        self.folderLock = folderLock
        self.recovered = recovered
        self.previous = folder.exists ? folder.manifestEntries() : []
        self.staging = staging
    }

    deinit {
        abandon()
    }

    /// Stages `file`, unless the output already holds it as it is. Throws when the file cannot be written there: its
    /// path leaves the folder, a file or folder is in the way, or a file Bindery did not write would be replaced.
    public func stage(_ file: GeneratedFile) throws(Diagnostic) {
        guard OutputWriter.isPlainRelativePath(file.path) else {
            throw Diagnostic.error(
                inFile: writer.directory,
                "cannot write '\(file.path)': a generated file's path must be inside the folder")
        }
        if folder.exists,
            try folder.holds(
                file, previous: previous, display: writer.directory,
                isFirstCheck: { parent in lock.withLock { checkedFolders.insert(parent).inserted } })
        {
            return
        }
        // The folders are made under the lock, so a file is written only once its folder is there; the files
        // themselves are written by each render thread at once.
        let path = try lock.withLock { () throws(Diagnostic) in
            guard !isFinished else {
                throw Diagnostic.error(inFile: writer.directory, "the write was already committed or abandoned")
            }
            let path = try stagingFolder().path + "/" + file.path
            let parent = PathText.parent(of: path)
            if madeFolders.insert(parent).inserted { try steps.makeDirectories(parent) }
            return path
        }
        try steps.writeFile(file.bytes, to: path)
        lock.withLock { stagedSizes[file.path] = file.bytes.count }
    }

    /// The staging folder, made now if it is not yet.
    private func stagingFolder() throws(Diagnostic) -> (name: String, path: String, lock: FolderLock) {
        if let staging { return staging }
        let made = try writer.makeStagingFolder(folder, steps: steps)
        staging = made
        return made
    }

    /// Puts the staged files in place: `paths` are every file of the generation, in order, each staged or already
    /// in place. Returns what changed.
    public func commit(_ paths: [String]) throws(Diagnostic) -> OutputWriter.Summary {
        try lock.withLock { () throws(Diagnostic) in
            guard !isFinished else {
                throw Diagnostic.error(inFile: writer.directory, "the write was already committed or abandoned")
            }
            do throws(Diagnostic) {
                let summary = try folder.exists ? commitExisting(paths) : commitNewFolder(paths)
                finish(removingStaging: false)
                return summary
            } catch {
                finish(removingStaging: !steps.isInterrupted)
                throw error
            }
        }
    }

    /// Leaves the output folder as it was: removes the staging folder (unless a test stopped the write, as a kill
    /// would) and releases the locks. Does nothing after ``commit(_:)``.
    public func abandon() {
        lock.withLock {
            guard !isFinished else { return }
            finish(removingStaging: !steps.isInterrupted)
        }
    }

    private func finish(removingStaging: Bool) {
        isFinished = true
        if let staging {
            if removingStaging { try? steps.removeTree(staging.path) }
            staging.lock.release()
        }
        folderLock?.release()
    }

    /// Writes the manifest into the staging folder and moves it into place.
    private func commitNewFolder(_ paths: [String]) throws(Diagnostic) -> OutputWriter.Summary {
        let staging = try stagingFolder()
        try steps.makeDirectories(staging.path + "/.bindery")
        try steps.writeFile(OutputFolder.manifest(paths), to: staging.path + "/" + OutputWriter.manifestPath)
        try steps.rename(staging.path, to: folder.root)
        self.staging = nil
        staging.lock.release()
        return OutputWriter.Summary(written: paths)
    }

    /// Writes the journal, and does what it says: the staged files moved in, the earlier generation's files that
    /// are no longer generated removed, the manifest written.
    private func commitExisting(_ paths: [String]) throws(Diagnostic) -> OutputWriter.Summary {
        var summary = OutputWriter.Summary()
        let current = Set(paths)
        var moves: [OutputJournal.Move] = []
        for path in paths {
            if let size = stagedSizes[path] {
                moves.append(.init(path: path, size: size))
            } else {
                summary.unchanged.append(path)
            }
        }
        let removals = previous.sorted().filter { !current.contains($0) && steps.exists(folder.root + "/" + $0) }
        if moves.isEmpty && removals.isEmpty {
            try folder.writeManifest(current, steps: steps)
        } else {
            let staging = try stagingFolder()
            let journal = OutputJournal(
                staging: staging.name, moves: moves, removals: removals, files: current.sorted())
            try steps.makeDirectories(folder.root + "/.bindery")
            try steps.replaceFile(journal.encoded, at: folder.journal, durably: true)
            // From here on, a run that stops leaves the journal, and the next run completes the work.
            do throws(Diagnostic) {
                try journal.rollForward(in: folder, steps: steps)
            } catch  where !steps.isInterrupted {
                self.staging = nil
                staging.lock.release()
                throw Diagnostic(
                    at: error.location,
                    error.message + " (the next 'bindery generate' into this folder completes the generation)")
            }
            self.staging = nil
            staging.lock.release()
            summary.written = moves.map(\.path)
            summary.removed = removals
        }
        // What finishing an interrupted write changed counts too, as far as this generation keeps it.
        let written = Set(summary.written)
        summary.written = recovered.moved.filter { current.contains($0) && !written.contains($0) } + summary.written
        let moved = Set(recovered.moved)
        summary.unchanged.removeAll { moved.contains($0) }
        summary.removed = recovered.removed.filter { !current.contains($0) } + summary.removed
        return summary
    }
}
