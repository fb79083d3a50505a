import Dispatch

/// A lock for state that threads share: `NSLock` without Foundation (`Synchronization.Mutex` needs macOS 15).
public final class Lock: @unchecked Sendable {
    private let semaphore = DispatchSemaphore(value: 1)

    public init() {}

    /// What `body` returns, run while no other thread holds the lock.
    public func withLock<Value, Failure: Error>(_ body: () throws(Failure) -> Value) throws(Failure) -> Value {
        semaphore.wait()
        defer { semaphore.signal() }
        return try body()
    }
}
