import BinderyRender
import Foundation

/// What an output folder must look like wherever a write into it was stopped, and once a later write completed.
///
/// - Every file is whole: it holds what one of the generations holds at that path, or it is the user's, unchanged.
/// - `.bindery/FILES` names every generated file there; it names a file that is not there only while a journal
///   says the file is about to be moved in or was just removed.
/// - Files whose contents every generation shares, and the user's files, keep their modification dates (they are
///   never rewritten).
/// - After a completed write: exactly that generation and the user's files, the manifest listing the generation,
///   no journal, no staging folder.
struct OutputInvariants {
    /// Each generation's files by path.
    var generations: [[String: Data]]
    /// The user's files, which must never change.
    var userFiles: [String: Data]
    /// Files every generation holds with the same contents, and their modification dates once first written.
    var stableDates: [String: Date] = [:]

    init(generations: [[String: Data]], userFiles: [String: Data]) {
        self.generations = generations
        self.userFiles = userFiles
    }

    init(generations: [[GeneratedFile]], userFiles: [String: String]) {
        self.init(
            generations: generations.map { files in
                Dictionary(uniqueKeysWithValues: files.map { ($0.path, Data($0.contents.utf8)) })
            },
            userFiles: userFiles.mapValues { Data($0.utf8) })
    }

    /// The generation written into `folder` (every file of `generations[index]`, as in a golden folder).
    static func generation(in folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        for path in Support.files(under: folder) where !path.hasPrefix(".bindery/") {
            files[path] = FileManager.default.contents(atPath: folder + "/" + path)
        }
        return files
    }

    static func modificationDate(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }

    /// Records the dates of the files every generation shares, and of the user's files, as they are in `folder`
    /// now.
    mutating func recordStableDates(in folder: String) {
        guard let first = generations.first else { return }
        for (path, contents) in first where generations.allSatisfy({ $0[path] == contents }) {
            stableDates[path] = Self.modificationDate(folder + "/" + path)
        }
        for path in userFiles.keys { stableDates[path] = Self.modificationDate(folder + "/" + path) }
    }

    /// What is wrong with `folder` after a write into it was stopped at some point.
    func problemsAfterInterruption(_ folder: String) -> [String] {
        var problems: [String] = []
        let onDisk = Support.files(under: folder)
        var generated: Set<String> = []
        for path in onDisk {
            let contents = FileManager.default.contents(atPath: folder + "/" + path)
            if path.hasPrefix(".bindery/") {
                if !["FILES", "JOURNAL", "FILES.new", "JOURNAL.new"].contains(path.dropFirst(".bindery/".count)) {
                    problems.append("\(path): unexpected in .bindery/")
                }
            } else if let user = userFiles[path] {
                if contents != user { problems.append("\(path): the user's file changed") }
            } else if generations.contains(where: { $0[path] != nil && $0[path] == contents }) {
                generated.insert(path)
            } else {
                problems.append("\(path): is not whole (no generation has these \(contents?.count ?? -1) bytes)")
            }
        }
        for path in userFiles.keys where !onDisk.contains(path) { problems.append("\(path): the user's file is gone") }
        let manifest = Self.lines(folder + "/" + OutputWriter.manifestPath)
        let journal = Self.lines(folder + "/" + OutputWriter.journalPath)
        for path in generated.sorted() where !(manifest ?? []).contains(path) {
            problems.append("\(path): generated but not in .bindery/FILES")
        }
        let pending = Set(
            (journal ?? []).compactMap { line -> String? in
                if line.hasPrefix("remove ") { return String(line.dropFirst("remove ".count)) }
                guard line.hasPrefix("move ") else { return nil }
                return line.split(separator: " ", maxSplits: 2).last.map(String.init)  // move <size> <path>
            })
        for path in manifest ?? [] where !generated.contains(path) {
            if userFiles[path] != nil { problems.append("\(path): the user's file is in .bindery/FILES") }
            if !pending.contains(path) { problems.append("\(path): in .bindery/FILES but not there (and no journal)") }
        }
        for (path, date) in stableDates where onDisk.contains(path) {
            if Self.modificationDate(folder + "/" + path) != date { problems.append("\(path): rewritten unchanged") }
        }
        return problems
    }

    /// What is wrong with `folder` after a completed write of `generations[index]`.
    func problemsAfterCompletion(_ folder: String, generation index: Int) -> [String] {
        var problems: [String] = []
        let expected = generations[index].merging(userFiles) { generated, _ in generated }
        let onDisk = Support.files(under: folder)
        for path in onDisk where !path.hasPrefix(".bindery/") {
            if expected[path] == nil { problems.append("\(path): left over") }
        }
        for (path, contents) in expected {
            if FileManager.default.contents(atPath: folder + "/" + path) != contents {
                problems.append("\(path): missing or not what generation \(index) holds")
            }
        }
        let bindery = onDisk.filter { $0.hasPrefix(".bindery/") }
        if bindery != [OutputWriter.manifestPath] { problems.append("\(bindery): not just the manifest") }
        if Self.lines(folder + "/" + OutputWriter.manifestPath) != generations[index].keys.sorted() {
            problems.append(".bindery/FILES does not list generation \(index)")
        }
        let parent = (folder as NSString).deletingLastPathComponent
        let siblings = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        for name in siblings where name.contains(".bindery-staging-") { problems.append("\(name): left over") }
        for (path, date) in stableDates {
            if Self.modificationDate(folder + "/" + path) != date { problems.append("\(path): rewritten unchanged") }
        }
        return problems
    }

    static func lines(_ path: String) -> [String]? {
        Support.read(path).map { $0.split(separator: "\n").map(String.init) }
    }
}
