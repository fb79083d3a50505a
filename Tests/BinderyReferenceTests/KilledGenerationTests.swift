import BinderyRender
import Foundation
import TestExecutors
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `bindery generate` killed with SIGKILL while it writes, alternating between two descriptions into one folder
/// that also holds files of the user's: after every kill each file is whole and `.bindery/FILES` names every
/// generated file (``OutputInvariants``), and the run that follows leaves exactly its generation.
///
/// `swift test` kills a few runs over two small descriptions. `BINDERY_KILLS=<n>` kills `n` runs over GitHub's and
/// Stripe's descriptions from the shared corpus (`BINDERY_KILL_BINARY=<path>` runs another build of `bindery`, such
/// as a release one, which gets to the writing sooner).
@Suite(.computing) struct KilledGenerationTests {
    @Test func killedRunsOverSmallDescriptions() async throws {
        let specs = [Support.canopySpec, Support.repositoryRoot + "/Tests/Specs/features.yaml"]
        let tally = try await Self.killLoop(specs: specs, kills: 4, binary: Support.binderyExecutable)
        #expect(tally.problems == [])
        #expect(tally.kills == 4)
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["BINDERY_KILLS"] != nil && Support.hasSharedSpecs))
    func killedRunsOverLargeDescriptions() async throws {
        let environment = ProcessInfo.processInfo.environment
        let kills = Int(environment["BINDERY_KILLS"] ?? "") ?? 20
        let specs = [
            Support.sharedSpecs + "/github-rest-api/api.github.com.json", Support.sharedSpecs + "/stripe/spec3.yaml",
        ]
        let binary = environment["BINDERY_KILL_BINARY"] ?? Support.binderyExecutable
        let tally = try await Self.killLoop(specs: specs, kills: kills, binary: binary, log: true)
        print("killed runs:", tally)
        #expect(tally.problems == [])
        #expect(tally.kills == kills)
    }

    /// What the kills found.
    struct Tally: CustomStringConvertible {
        var kills = 0
        /// Kills that left the folder as it was (during reading, rendering or staging).
        var beforeJournal = 0
        /// Kills that left a journal (while files were being moved in or removed).
        var withJournal = 0
        /// Runs that were done before the kill.
        var finished = 0
        var completedRuns = 0
        var problems: [String] = []

        var description: String {
            "\(kills) kills: \(beforeJournal) before the journal, \(withJournal) with a journal, \(finished) after "
                + "the run finished; \(completedRuns) completed runs; \(problems.count) problems"
        }
    }

    /// Kills `kills` runs of `binary` alternating between `specs`; with `log`, prints a line per kill.
    static func killLoop(specs: [String], kills: Int, binary: String, log: Bool = false) async throws -> Tally {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(
                    with: Result { try killLoopBlocking(specs: specs, kills: kills, binary: binary, log: log) })
            }.start()
        }
    }

    static func killLoopBlocking(specs: [String], kills: Int, binary: String, log: Bool) throws -> Tally {
        let directory = try Support.temporaryDirectory("bindery-kills")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        func arguments(_ spec: Int, _ output: String) -> [String] {
            ["generate", specs[spec], "--output", output, "--module-name", "API", "--quiet"]
        }
        // The two generations, each written whole into a folder of its own.
        var generations: [[String: Data]] = []
        for index in specs.indices {
            let reference = directory + "/Reference\(index)"
            let result = try Support.runBlocking(binary, arguments(index, reference))
            guard result.status == 0 else { throw Failure("\(specs[index]): \(result.stderr)") }
            generations.append(OutputInvariants.generation(in: reference))
            try FileManager.default.removeItem(atPath: reference)
        }
        let userFiles = ["Notes.txt": Data("mine\n".utf8), "Sources/API/Mine.swift": Data("// mine\n".utf8)]
        var invariants = OutputInvariants(generations: generations, userFiles: userFiles)
        let output = directory + "/Out"
        var current = 0
        guard try Support.runBlocking(binary, arguments(current, output)).status == 0 else { throw Failure("first") }
        for (path, contents) in userFiles { try contents.write(to: URL(fileURLWithPath: output + "/" + path)) }
        invariants.recordStableDates(in: output)

        var tally = Tally()
        var generator = SystemRandomNumberGenerator()
        // How long writing takes once staging starts, from the last run that was not killed.
        var writing = Duration.zero
        while tally.kills < kills {
            // Kill a run of the other description at a random point of its writing; sometimes kill the next run
            // (which first completes the killed one's work) too.
            let target = 1 - current
            if writing == .zero {
                // Measure the writing first.
                writing = try watchedRun(binary, arguments(target, output), output: output, killAfter: nil).writing
                current = target
                tally.completedRuns += 1
                continue
            }
            repeat {
                let delay = writing * Double.random(in: 0...1.1, using: &generator)
                let run = try watchedRun(binary, arguments(target, output), output: output, killAfter: delay)
                tally.kills += 1
                if run.finished {
                    tally.finished += 1
                } else if FileManager.default.fileExists(atPath: output + "/" + OutputWriter.journalPath) {
                    tally.withJournal += 1
                } else {
                    tally.beforeJournal += 1
                }
                let problems = invariants.problemsAfterInterruption(output)
                tally.problems += problems.map { "kill \(tally.kills): \($0)" }
                if log { print("kill \(tally.kills) after \(delay): \(tally); \(problems)") }
            } while tally.kills < kills && Int.random(in: 0..<3, using: &generator) == 0
            // Complete a run of either description.
            current = Int.random(in: 0...1, using: &generator)
            let run = try watchedRun(binary, arguments(current, output), output: output, killAfter: nil)
            tally.completedRuns += 1
            if !run.finished { tally.problems.append("completed run \(tally.completedRuns) failed") }
            if run.writing > .zero { writing = run.writing }
            tally.problems += invariants.problemsAfterCompletion(output, generation: current).map {
                "after kill \(tally.kills): \($0)"
            }
        }
        return tally
    }

    /// Runs `bindery` and, with `killAfter`, kills it with SIGKILL that long after its staging folder appears
    /// beside `output`. Returns whether it finished (exit status 0) and how long it ran after staging began.
    static func watchedRun(
        _ binary: String, _ arguments: [String], output: String, killAfter delay: Duration?
    ) throws -> (finished: Bool, writing: Duration) {
        let parent = (output as NSString).deletingLastPathComponent
        let prefix = "." + (output as NSString).lastPathComponent + ".bindery-staging-"
        func stagingFolders() -> Set<String> {
            Set(((try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []).filter { $0.hasPrefix(prefix) })
        }
        // A killed run's staging folder stays until the next run finishes its work: wait for a new one.
        let earlier = stagingFolders()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        while process.isRunning, stagingFolders().isSubset(of: earlier) {
            usleep(1000)
        }
        let staged = ContinuousClock.now
        if let delay {
            let (seconds, attoseconds) = delay.components
            usleep(UInt32(clamping: seconds * 1_000_000 + attoseconds / 1_000_000_000_000))
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        let finished = process.terminationReason == .exit && process.terminationStatus == 0
        return (finished, ContinuousClock.now - staged)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
