import Foundation
import Testing

// Where tests run. On Linux, Swift's global executor and Foundation's own queues (URLSession's, OperationQueue's)
// share libdispatch's default-priority threads: one per core, two on CI. `swift test` starts every test at once, and
// the synchronous ones that compute for seconds (rendering whole descriptions, parsing thousands of templates) held
// both threads: a thread dump showed them in the template parser while 60 local servers waited, and the loopback
// tests, whose requests and responses go through those queues, stalled for 30 to 60 s and failed their clocks
// (timeouts, `Retry-After`, events read as they arrive). So every suite runs on an executor of its own threads,
// through a task executor preference (SE-0417): the computing tests on two (`.computing`), the loopback tests on
// eight (`.loopback`), and libdispatch's threads stay free for Foundation and for unstructured tasks.

/// Runs a suite's tests, and the nonisolated async code they await, on the threads of `executor`.
public struct ExecutorTrait: SuiteTrait, TestTrait, TestScoping {
    let executor: ThreadPoolExecutor

    public var isRecursive: Bool { true }

    public func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        try await withTaskExecutorPreference(executor) {
            try await function()
        }
    }
}

extension Trait where Self == ExecutorTrait {
    /// For tests that compute (parse, translate, render): two threads of their own, as many as CI's cores.
    public static var computing: Self { ExecutorTrait(executor: .computing) }
    /// For tests that talk to a local server and measure time: eight threads of their own, mostly waiting.
    public static var loopback: Self { ExecutorTrait(executor: .loopback) }
}

/// A task executor with a fixed number of threads of its own, taking jobs in the order they come.
public final class ThreadPoolExecutor: TaskExecutor, @unchecked Sendable {
    public static let computing = ThreadPoolExecutor(name: "computing", threads: 2)
    /// A loopback test may block a thread (a semaphore in a server's callback); the others go on.
    public static let loopback = ThreadPoolExecutor(name: "loopback", threads: 8)

    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    /// Whether the threads take no new job (``whilePaused(_:)``), and how many jobs are running.
    private var paused = false
    private var running = 0

    init(name: String, threads: Int) {
        for index in 0..<threads {
            let thread = Thread { [unowned self] in self.run() }
            thread.name = "\(name) \(index)"
            thread.start()
        }
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Runs `body` while no job of this executor runs: those running finish first, and later ones wait until
    /// `body` returns. For a test that measures the whole process (its resident memory), which the other suites'
    /// work would otherwise disturb. `body` must not need this executor.
    public func whilePaused<Result>(_ body: () async throws -> Result) async rethrows -> Result {
        pause()
        defer { resume() }
        return try await body()
    }

    private func pause() {
        condition.lock()
        paused = true
        while running > 0 { condition.wait() }
        condition.unlock()
    }

    private func resume() {
        condition.lock()
        paused = false
        condition.broadcast()
        condition.unlock()
    }

    private func run() {
        while true {
            condition.lock()
            while jobs.isEmpty || paused { condition.wait() }
            let job = jobs.removeFirst()
            running += 1
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
            condition.lock()
            running -= 1
            condition.broadcast()
            condition.unlock()
        }
    }
}
