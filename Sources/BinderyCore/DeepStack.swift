import Dispatch

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Threads whose stack is large enough for the pipeline's recursion, whichever thread calls it.
///
/// Reading, translating and rendering recurse once per level of nested schemas, and a description may nest them 256
/// levels deep (the reader's limit). A debug build needs about 9 MiB of stack for that (255 levels of inline objects,
/// each a nested type), more than the 8 MiB of a main thread, and the stack of other threads is not the caller's to
/// choose: 512 KiB for a Swift task or a Dispatch queue on macOS, `ulimit -s` for threads on Linux. So the pipeline
/// runs on threads of its own, each with a stack of ``size`` bytes.
public enum DeepStack {
    /// 64 MiB: seven times what the deepest description needs in a debug build. It is address space set aside,
    /// not memory: only the pages the recursion reaches are ever used.
    public static let size = 64 << 20

    /// What `body` returns (or throws), run on a new thread with a stack of ``size`` bytes while the calling thread
    /// waits.
    public static func run<Value, Failure: Error>(_ body: () throws(Failure) -> Value) throws(Failure) -> Value {
        try alongside(body, {}).background.get()
    }

    /// Runs `background` on a new thread (with a stack of ``size`` bytes) while `body` runs on the calling thread,
    /// and returns both outcomes once both are done.
    public static func alongside<Value, Failure: Error, Other, OtherFailure: Error>(
        _ background: () throws(OtherFailure) -> Other, _ body: () throws(Failure) -> Value
    ) -> (background: Result<Other, OtherFailure>, body: Result<Value, Failure>) {
        withoutActuallyEscaping(background) { background in
            let call = UncheckedBox<(() throws(OtherFailure) -> Other)?>(background)
            let outcome = UncheckedBox<Result<Other, OtherFailure>?>(nil)
            let done = DispatchSemaphore(value: 0)
            start {
                if let background = call.value {
                    outcome.value = Result { () throws(OtherFailure) -> Other in try background() }
                }
                done.signal()
            }
            let result = Result { () throws(Failure) -> Value in try body() }
            done.wait()
            // The thread object may outlive the wait; `background` must not.
            call.value = nil
            // The thread always stores an outcome before it signals.
            guard let other = outcome.value else {
                preconditionFailure("the background thread ended without an outcome")
            }
            return (other, result)
        }
    }

    /// Calls `body` with each of `0..<iterations`, concurrently, on as many new threads (with stacks of ``size``
    /// bytes) as the machine has active cores, while the calling thread waits: `DispatchQueue.concurrentPerform`,
    /// whose threads' stacks are Dispatch's to choose.
    public static func concurrentPerform(iterations: Int, _ body: @Sendable (Int) -> Void) {
        guard iterations > 0 else { return }
        withoutActuallyEscaping(body) { body in
            let call = UncheckedBox<(@Sendable (Int) -> Void)?>(body)
            let next = UncheckedBox(0)
            let lock = Lock()
            let threads = min(iterations, max(1, ProcessInfo.processInfo.activeProcessorCount))
            let done = DispatchGroup()
            for _ in 0..<threads {
                done.enter()
                start {
                    while true {
                        let index = lock.withLock {
                            defer { next.value += 1 }
                            return next.value
                        }
                        guard index < iterations, let body = call.value else { break }
                        body(index)
                    }
                    done.leave()
                }
            }
            done.wait()
            call.value = nil
        }
    }

    /// Starts `work` on a new, detached POSIX thread with a stack of ``size`` bytes (Foundation's `Thread` would
    /// make the pipeline link all of Foundation, about 7 MB more of every run's memory).
    private static func start(_ work: @escaping @Sendable () -> Void) {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, size)
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        let argument = Unmanaged.passRetained(UncheckedBox(work)).toOpaque()
        #if canImport(Darwin)
            var thread: pthread_t?
        #else
            var thread = pthread_t()
        #endif
        let status = pthread_create(&thread, &attributes, runThreadBody, argument)
        guard status == 0 else {
            Unmanaged<UncheckedBox<@Sendable () -> Void>>.fromOpaque(argument).release()
            preconditionFailure("cannot start a thread with a \(size >> 20) MiB stack (error \(status))")
        }
    }
}

/// The entry point of ``DeepStack``'s threads: runs the closure `argument` holds, and releases it.
#if canImport(Darwin)
    private func runThreadBody(_ argument: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer? {
        Unmanaged<UncheckedBox<@Sendable () -> Void>>.fromOpaque(argument).takeRetainedValue().value()
        return nil
    }
#else
    private func runThreadBody(_ argument: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
        guard let argument else { return nil }
        Unmanaged<UncheckedBox<@Sendable () -> Void>>.fromOpaque(argument).takeRetainedValue().value()
        return nil
    }
#endif

/// A value handed to the threads of ``DeepStack`` and back: its callers wait for those threads, and the threads of
/// ``DeepStack/concurrentPerform(iterations:_:)`` share `next` under a lock.
private final class UncheckedBox<Value>: @unchecked Sendable {
    var value: Value

    init(_ value: Value) {
        self.value = value
    }
}
