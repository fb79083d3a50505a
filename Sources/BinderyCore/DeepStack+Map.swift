extension DeepStack {
    /// `transform` of each of `0..<count`, in order, computed concurrently as
    /// ``concurrentPerform(iterations:_:)`` computes: on threads with stacks of ``size`` bytes while the calling thread
    /// waits.
    public static func concurrentMap<Value: Sendable>(count: Int, _ transform: @Sendable (Int) -> Value) -> [Value] {
        guard count > 0 else { return [] }
        let slots = Slots<Value>(count: count)
        defer { slots.deallocate() }
        concurrentPerform(iterations: count) { index in
            slots.store(transform(index), at: index)
        }
        return slots.values
    }
}

/// Where the iterations of ``DeepStack/concurrentMap(count:_:)`` leave their values: one slot each, written once by
/// that iteration alone and read once every iteration is done (``DeepStack/concurrentPerform(iterations:_:)``
/// returns when its threads have left), so no two threads ever touch the same slot at once.
private final class Slots<Value: Sendable>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    func store(_ value: Value, at index: Int) {
        storage[index] = value
    }

    /// The values, once every slot is written.
    var values: [Value] {
        storage.map { value in
            guard let value else { preconditionFailure("an iteration of concurrentMap left no value") }
            return value
        }
    }

    func deallocate() {
        storage.deinitialize()
        storage.deallocate()
    }
}
