import Dispatch

extension DeepStack {
    /// `transform` of each of `0..<count`, computed concurrently as ``concurrentPerform(iterations:_:)`` calls its
    /// body (on threads with stacks of ``size`` bytes), in order.
    public static func concurrentMap<Value: Sendable>(count: Int, _ transform: @Sendable (Int) -> Value) -> [Value] {
        guard count > 0 else { return [] }
        let slots = Slots<Value>(count: count)
        defer { slots.deallocate() }
        concurrentPerform(iterations: count) { index in slots.store(transform(index), at: index) }
        return (0..<count).map { slots.take(at: $0) }
    }

    /// Computes `transform` of each of `0..<count` concurrently, as ``concurrentPerform(iterations:_:)`` calls its
    /// body (on threads with stacks of ``size`` bytes), and hands each value to `consume` on the calling thread, in
    /// order, as soon as it and those before it are computed: the calling thread works on the values while the
    /// other threads compute the next ones. When `consume` throws, the other values are computed all the same, and
    /// dropped.
    public static func concurrentMap<Value: Sendable, Failure: Error>(
        count: Int, _ transform: @Sendable (Int) -> Value, inOrder consume: (Int, Value) throws(Failure) -> Void
    ) throws(Failure) {
        guard count > 0 else { return }
        let slots = Slots<Value>(count: count)
        defer { slots.deallocate() }
        let (_, consumed) = alongside(
            { concurrentPerform(iterations: count) { index in slots.store(transform(index), at: index) } },
            { () throws(Failure) in
                for index in 0..<count { try consume(index, slots.take(at: index)) }
            })
        try consumed.get()
    }
}

/// Where the iterations of ``DeepStack/concurrentMap(count:_:)`` and ``DeepStack/concurrentMap(count:_:inOrder:)``
/// leave their values: one slot each, written
/// once by that iteration alone, then signalled, and read once by the consumer after the signal; so no two threads
/// ever touch a slot at once.
private final class Slots<Value: Sendable>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Value?>
    private let stored: [DispatchSemaphore]

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
        stored = (0..<count).map { _ in DispatchSemaphore(value: 0) }
    }

    func store(_ value: Value, at index: Int) {
        storage[index] = value
        stored[index].signal()
    }

    /// The value at `index`, once it is stored (waiting for it), leaving the slot empty.
    func take(at index: Int) -> Value {
        stored[index].wait()
        guard let value = storage[index] else { preconditionFailure("a slot of concurrentMap was taken twice") }
        storage[index] = nil
        return value
    }

    func deallocate() {
        storage.deinitialize()
        storage.deallocate()
    }
}
