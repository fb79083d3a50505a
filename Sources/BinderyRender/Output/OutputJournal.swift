import BinderyCore
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// What a generation is about to change in an existing output folder, written to `.bindery/JOURNAL` (and made
/// durable) once every new file is staged and before the first one is moved into place; removed once the folder
/// is whole again. A run that finds a journal completes its work first (``rollForward(in:steps:)``): the staged
/// files are whole, and every step is one that can be done again.
struct OutputJournal: Equatable {
    /// The staging folder's name, beside the output folder.
    var staging: String
    /// The files to move from the staging folder into the output, relative to both, with their sizes: after a
    /// power failure a staged file may be shorter than was written, and is then not moved.
    var moves: [Move]
    /// The earlier generation's files to remove.
    var removals: [String]
    /// The files of the new generation: the manifest once the work is done.
    var files: [String]

    static let header = "bindery journal 1"

    struct Move: Equatable {
        var path: String
        var size: Int
    }

    var encoded: String {
        var lines = [Self.header, "staging " + staging]
        lines += moves.map { "move \($0.size) \($0.path)" }
        lines += removals.map { "remove " + $0 }
        lines += files.map { "file " + $0 }
        lines.append("end")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads a journal; `nil` when it is not one this writer wrote whole.
    init?(decoding text: String, stagingPrefix: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == Substring(Self.header), lines.count >= 3, lines[lines.count - 2] == "end",
            lines.last == "", lines[1].hasPrefix("staging ")
        else { return nil }
        staging = String(lines[1].dropFirst("staging ".count))
        guard staging.hasPrefix(stagingPrefix), !staging.contains("/") else { return nil }
        moves = []
        removals = []
        files = []
        for line in lines[2..<(lines.count - 2)] {
            guard let space = line.firstIndex(of: " ") else { return nil }
            let path = String(line[line.index(after: space)...])
            guard line.hasPrefix("move ") || OutputWriter.isPlainRelativePath(path) else { return nil }
            switch line[..<space] {
            case "move":
                guard let space = path.firstIndex(of: " "), let size = Int(path[..<space]),
                    OutputWriter.isPlainRelativePath(String(path[path.index(after: space)...]))
                else { return nil }
                moves.append(Move(path: String(path[path.index(after: space)...]), size: size))
            case "remove": removals.append(path)
            case "file": files.append(path)
            default: return nil
            }
        }
    }

    init(staging: String, moves: [Move], removals: [String], files: [String]) {
        self.staging = staging
        self.moves = moves
        self.removals = removals
        self.files = files
    }

    /// Does (again) what the journal says, in order, skipping what is already done: lists both generations in the
    /// manifest, moves the staged files that are still in the staging folder, removes the old files still there,
    /// writes the new manifest, and removes the journal and the staging folder. Returns the files it moved and
    /// removed.
    @discardableResult
    func rollForward(
        in output: OutputFolder, steps: FileSystemSteps
    ) throws(Diagnostic) -> (moved: [String], removed: [String]) {
        let staging = output.parent + "/" + self.staging
        let listed = output.manifestEntries().filter { steps.exists(output.root + "/" + $0) }
        try output.writeManifest(listed.union(files), steps: steps)
        var done: (moved: [String], removed: [String]) = ([], [])
        for move in moves {
            let path = move.path
            let source = staging + "/" + path
            guard steps.exists(source) else { continue }  // moved already
            // Cut short by a power failure (the journal is on disk, the staged file was not): the old file stays,
            // and the next generation, which compares every file, writes it.
            guard steps.size(source) == move.size else { continue }
            let destination = output.root + "/" + path
            try steps.makeDirectories(PathText.parent(of: destination))
            try steps.rename(source, to: destination)
            done.moved.append(path)
        }
        for path in removals {
            let file = output.root + "/" + path
            if steps.exists(file) {
                try steps.removeFile(file)
                done.removed.append(path)
            }
            try steps.removeEmptyDirectories(from: PathText.parent(of: file), upTo: output.root)
        }
        // A move that could not be made (the staging folder was removed by hand) leaves no name without a file.
        try output.writeManifest(files.filter { steps.exists(output.root + "/" + $0) }, steps: steps)
        try steps.removeFile(output.journal)
        try steps.removeTree(staging)
        return done
    }
}
