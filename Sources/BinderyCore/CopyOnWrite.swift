/// The fields of a value type kept in storage its copies share until one of them changes (copy on write), for the
/// model's large values that are copied far more often than changed: a copy retains one object instead of every
/// field.
///
/// The storage is changed only where uniquely referenced, so no two threads ever change one, and no access to it
/// overlaps a change to it: its accesses skip the runtime's exclusivity checks (which cost a third of what sharing
/// saved for `JSONSchema`).
public struct CopyOnWrite<Fields: Sendable>: Sendable {
    @usableFromInline
    final class Storage: @unchecked Sendable {
        @exclusivity(unchecked) @usableFromInline var fields: Fields

        @usableFromInline
        init(_ fields: Fields) {
            self.fields = fields
        }
    }

    @usableFromInline var storage: Storage

    @inlinable
    public init(_ fields: Fields) {
        storage = Storage(fields)
    }

    /// The fields; changing them copies them first when another value shares them.
    @inlinable
    public var fields: Fields {
        get { storage.fields }
        _modify {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
            yield &storage.fields
        }
    }

    /// Whether `other` shares these fields (then they are equal without being compared).
    @inlinable
    public func isShared(with other: CopyOnWrite) -> Bool {
        storage === other.storage
    }
}
