import BinderyCore

/// A value made the first time it is asked for, then kept: a list of the package for the file being rendered, an
/// operation's method variants.
final class OnDemand<Value: Sendable>: @unchecked Sendable {
    // `@unchecked`: `made` is read and written under `lock` only.
    private let lock = Lock()
    private var made: Value?

    init() {}

    /// The value, made with `make` on the first call.
    func value(_ make: () -> Value) -> Value {
        lock.withLock {
            if let made { return made }
            let value = make()
            made = value
            return value
        }
    }
}

/// Text made the first time it is asked for, then kept, that several contexts share: an operation's deprecation
/// message, which its method variants give too.
final class OnDemandText: Sendable {
    private let made = OnDemand<String>()
    private let make: @Sendable () -> String

    init(_ make: @escaping @Sendable () -> String) {
        self.make = make
    }

    var value: String { made.value(make) }
}

/// What the elements of one list make, for one element at a time: made when a template asks an element for it,
/// and kept until it asks another element. A template that goes through the list once makes each element's once;
/// the list never holds them all.
final class LatestElement<Value: Sendable>: @unchecked Sendable {
    // `@unchecked`: `latest` is read and written under `lock` only.
    private let lock = Lock()
    private var latest: (position: Int, value: Value)?
    private let make: @Sendable (Int) -> Value

    /// - Parameter make: the value of the element at a position of the list.
    init(make: @escaping @Sendable (Int) -> Value) {
        self.make = make
    }

    /// The value of the element at `position`.
    func value(at position: Int) -> Value {
        lock.withLock {
            if let latest, latest.position == position { return latest.value }
            let value = make(position)
            latest = (position, value)
            return value
        }
    }
}
