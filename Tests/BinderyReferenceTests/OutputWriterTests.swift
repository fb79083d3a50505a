import BinderyCore
import BinderyOpenAPI
import Foundation
import TestExecutors
import Testing

@testable import BinderyRender

/// Writing the output: all or nothing, unchanged files untouched, stale generated files removed, other files kept.
@Suite(.computing) struct OutputWriterTests {
    func modificationDate(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }

    @Test func writesUpdatesAndRemovesOnlyGeneratedFiles() throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let output = directory + "/Out"
        let writer = OutputWriter(directory: output)

        let first = try writer.write([
            GeneratedFile(path: "A.swift", contents: "a\n"), GeneratedFile(path: "Sub/Dir/B.swift", contents: "b\n"),
            GeneratedFile(path: "C.swift", contents: "c\n"),
        ])
        #expect(first.written == ["A.swift", "Sub/Dir/B.swift", "C.swift"])
        try Data("mine\n".utf8).write(to: URL(fileURLWithPath: output + "/Sub/Mine.txt"))
        let unchangedDate = modificationDate(output + "/A.swift")
        Thread.sleep(forTimeInterval: 0.02)

        let second = try writer.write([
            GeneratedFile(path: "A.swift", contents: "a\n"), GeneratedFile(path: "C.swift", contents: "c2\n"),
            GeneratedFile(path: "D.swift", contents: "d\n"),
        ])

        #expect(second.unchanged == ["A.swift"])
        #expect(second.written == ["C.swift", "D.swift"])
        #expect(second.removed == ["Sub/Dir/B.swift"])
        #expect(modificationDate(output + "/A.swift") == unchangedDate)
        #expect(Support.read(output + "/C.swift") == "c2\n")
        #expect(Support.read(output + "/Sub/Mine.txt") == "mine\n")
        #expect(!FileManager.default.fileExists(atPath: output + "/Sub/Dir"))
        #expect(Support.read(output + "/" + OutputWriter.manifestPath) == "A.swift\nC.swift\nD.swift\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["Out"])
    }

    @Test func refusesToOverwriteFilesItDidNotWrite() throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data("// my package\n".utf8).write(to: URL(fileURLWithPath: directory + "/Package.swift"))

        #expect(throws: Diagnostic.self) {
            try OutputWriter(directory: directory).write([
                GeneratedFile(path: "New.swift", contents: "new\n"),
                GeneratedFile(path: "Package.swift", contents: "x\n"),
            ])
        }
        #expect(Support.read(directory + "/Package.swift") == "// my package\n")
        #expect(!FileManager.default.fileExists(atPath: directory + "/New.swift"))
    }

    @Test func ignoresManifestEntriesOutsideTheFolder() throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let victim = directory + "/victim.txt"
        try Data("keep\n".utf8).write(to: URL(fileURLWithPath: victim))
        let output = directory + "/Out"
        try OutputWriter(directory: output).write([GeneratedFile(path: "A.swift", contents: "a\n")])
        try Data("A.swift\n../victim.txt\n/etc/hostname\n".utf8)
            .write(to: URL(fileURLWithPath: output + "/" + OutputWriter.manifestPath))

        let summary = try OutputWriter(directory: output).write([GeneratedFile(path: "B.swift", contents: "b\n")])

        #expect(summary.removed == ["A.swift"])
        #expect(Support.read(victim) == "keep\n")
    }

    /// Paths as text: what `NSString` does, without its crash on a one-character relative path.
    @Test func pathText() {
        #expect(
            PathText.parent(of: "O") == "" && PathText.parent(of: "/O") == "/" && PathText.parent(of: "a/b/") == "a")
        #expect(PathText.parent(of: "a/b/c.swift") == "a/b" && PathText.parent(of: "/") == "/")
        #expect(PathText.lastComponent(of: "a/b/") == "b" && PathText.lastComponent(of: "O") == "O")
    }

    /// Two generations that add, change, keep and remove files, in folders of their own and shared ones.
    static let first = [
        GeneratedFile(path: "Package.swift", contents: "// first\n"),
        GeneratedFile(path: "Sources/M/Same.swift", contents: "same\n"),
        GeneratedFile(path: "Sources/M/Changed.swift", contents: "one\n"),
        GeneratedFile(path: "Sources/M/Old/Gone.swift", contents: "gone\n"),
        GeneratedFile(path: "docs/Old.md", contents: "old\n"),
    ]
    static let second = [
        GeneratedFile(path: "Package.swift", contents: "// second, longer\n"),
        GeneratedFile(path: "Sources/M/Same.swift", contents: "same\n"),
        GeneratedFile(path: "Sources/M/Changed.swift", contents: "two\n"),
        GeneratedFile(path: "Sources/M/New/Added.swift", contents: "added\n"),
        GeneratedFile(path: "docs/New.md", contents: "new\n"),
    ]
    static let userFiles = ["Notes.txt": "mine\n", "Sources/M/Mine.swift": "// mine\n"]

    /// A write stopped after each of its steps (as a kill there would stop it) leaves whole files and a manifest
    /// that names every generated file; the next write, of the same generation or of the earlier one, completes
    /// the folder, itself stopped at a few points first.
    @Test(arguments: [false, true])
    func stoppingAfterAnyStepLeavesWholeFiles(intoNewFolder: Bool) async throws {
        let (stops, problems) = try await Support.onThread { try Self.stopAfterEveryStep(intoNewFolder: intoNewFolder) }
        #expect(problems == [])
        #expect(stops > (intoNewFolder ? 20 : 40))
    }

    /// Writes ``second`` over ``first`` (or into a new folder) stopped after 0, 1, 2… steps until it completes, each
    /// time followed by runs of ``second`` and of ``first`` stopped early and then completed. Returns how many
    /// stops there were and what was wrong after them.
    static func stopAfterEveryStep(intoNewFolder: Bool) throws -> (stops: Int, problems: [String]) {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var stops = 0
        var problems: [String] = []
        for next in [second, first] {
            for limit in 0... {
                let output = directory + "/Out\(stops)"
                var invariants = OutputInvariants(
                    generations: [first, second], userFiles: intoNewFolder ? [:] : userFiles)
                if !intoNewFolder {
                    try OutputWriter(directory: output, stepLimit: nil, flushes: false).write(first)
                    for (path, contents) in userFiles {
                        try Data(contents.utf8).write(to: URL(fileURLWithPath: output + "/" + path))
                    }
                    invariants.recordStableDates(in: output)
                    Thread.sleep(forTimeInterval: 0.002)  // a rewrite would change the dates
                }
                let completed: Bool
                do {
                    try OutputWriter(directory: output, stepLimit: limit, flushes: false).write(second)
                    completed = true
                } catch {
                    if error.message != "the write was interrupted after \(limit) steps" {
                        problems.append("stopped after \(limit): \(error)")
                    }
                    completed = false
                }
                problems += invariants.problemsAfterInterruption(output).map { "stopped after \(limit): \($0)" }
                // The next run is stopped too, early in its recovery, before it runs to the end.
                for recoveryLimit in [1, 3] {
                    Self.waitForStoppedRuns(in: directory)
                    _ = try? OutputWriter(directory: output, stepLimit: recoveryLimit, flushes: false).write(next)
                    problems += invariants.problemsAfterInterruption(output).map {
                        "stopped after \(limit), then \(recoveryLimit): \($0)"
                    }
                }
                Self.waitForStoppedRuns(in: directory)
                try OutputWriter(directory: output, stepLimit: nil, flushes: false).write(next)
                problems += invariants.problemsAfterCompletion(output, generation: next == first ? 0 : 1).map {
                    "stopped after \(limit), then completed: \($0)"
                }
                stops += 1
                if completed { break }
            }
        }
        return (stops, problems)
    }

    /// Waits until the staging folders in `directory` are no longer locked: as when a killed `bindery` is gone.
    /// A stopped write closes its lock, but a process another test spawned in the meantime got a copy of the
    /// descriptor (`posix_spawn` copies every descriptor, close-on-exec ones until the exec), and the lock is the
    /// open file description's: it lasts until that child execs, and a run started before would rightly leave the
    /// folder alone.
    static func waitForStoppedRuns(in directory: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names where name.contains(".bindery-staging-") {
            FolderLock(directory + "/" + name, wait: true)?.release()
        }
    }

    /// `plan` (`generate --check`) on a folder whose write was stopped midway lists what the next write changes.
    @Test func planAfterAnInterruptedWrite() throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let output = directory + "/Out"
        try OutputWriter(directory: output).write(Self.first)
        // Stopped after staging, the journal, the manifest (both generations) and two moves.
        #expect(throws: Diagnostic.self) { try OutputWriter(directory: output, stepLimit: 16).write(Self.second) }
        #expect(FileManager.default.fileExists(atPath: output + "/" + OutputWriter.journalPath))
        let plan = try OutputWriter(directory: output).plan(Self.second)
        let summary = try OutputWriter(directory: output).write(Self.second)
        #expect(plan.written.count + plan.unchanged.count == Self.second.count)
        #expect(plan.removed == ["Sources/M/Old/Gone.swift", "docs/Old.md"])
        #expect(summary.removed == plan.removed)
        #expect(try OutputWriter(directory: output).plan(Self.second) == .init(unchanged: Self.second.map(\.path)))
    }

    /// A staged file cut short (as a power failure can leave one whose journal is on disk) is not moved into place:
    /// the old file stays, whole.
    @Test func aStagedFileCutShortIsNotMovedIn() throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let output = directory + "/Out"
        try OutputWriter(directory: output).write(Self.first)
        // Stopped once the journal is written, before the first move.
        #expect(throws: Diagnostic.self) { try OutputWriter(directory: output, stepLimit: 11).write(Self.second) }
        let journal = try #require(Support.read(output + "/" + OutputWriter.journalPath))
        #expect(journal.contains("\nmove 18 Package.swift\n"))
        let staging = try #require(
            try FileManager.default.contentsOfDirectory(atPath: directory).first { $0.contains("bindery-staging") })
        try Data("// sec".utf8).write(to: URL(fileURLWithPath: directory + "/" + staging + "/Package.swift"))

        // The next run goes back to the first generation: finishing the second's work leaves the old
        // Package.swift, which the first generation then finds up to date (a short one it would have rewritten).
        let summary = try OutputWriter(directory: output).write(Self.first)

        #expect(summary.unchanged.contains("Package.swift"))
        let invariants = OutputInvariants(generations: [Self.first, Self.second], userFiles: [String: String]())
        #expect(invariants.problemsAfterCompletion(output, generation: 0) == [])
    }

    /// A folder where a generated file goes, or a file where a generated folder goes, stops the write before it
    /// changes anything.
    @Test func refusesWhenSomethingIsInTheWay() throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory + "/A.swift", withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: directory + "/Sub"))
        #expect {
            try OutputWriter(directory: directory).write([GeneratedFile(path: "A.swift", contents: "a\n")])
        } throws: { error in
            (error as? Diagnostic)?.message == "cannot write the file: a folder of that name is in the way"
        }
        #expect {
            try OutputWriter(directory: directory).write([GeneratedFile(path: "Sub/B.swift", contents: "b\n")])
        } throws: { error in
            (error as? Diagnostic)?.description
                == "\(directory)/Sub:1:1: error: cannot write 'Sub/B.swift': this file is in the way"
        }
        #expect(Support.files(under: directory) == ["Sub"])
    }
}
