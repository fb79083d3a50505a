/// One namespace in generated code (the module's top level, a type's members, an enum's cases) and the names taken
/// in it. Every generated name is claimed from the scope it lives in, so no two declarations can collide.
///
/// A name already taken gets the smallest numeric suffix that is free (`Pet`, `Pet2`, `Pet3`), in the order names
/// are claimed, so the result is deterministic for a given document. A nested scope also avoids the names of the
/// scopes around it, so a nested type never shadows a type its parent refers to.
///
/// A name the user chose (a naming override) is claimed exactly, with ``claimExactly(_:)``; a scope told in advance
/// that a name is wanted (``want(_:)``) leaves it to that claim, so generated names make way for chosen ones.
public final class NameScope {
    private var taken: Set<String> = []
    private var wanted: Set<String> = []
    private let caseInsensitive: Bool
    private let outer: NameScope?

    /// - Parameters:
    ///   - reserved: names nothing in this scope may take.
    ///   - caseInsensitive: whether `Pet` and `pet` collide, as they do for types that become file names on
    ///     case-insensitive file systems.
    ///   - outer: the enclosing scope, whose names this one avoids too.
    ///   - capacity: how many names the scope is expected to give out, so that its table is made once.
    public init(
        reserved: some Sequence<String> = [String](), caseInsensitive: Bool = false, outer: NameScope? = nil,
        capacity: Int = 0
    ) {
        self.caseInsensitive = caseInsensitive
        self.outer = outer
        taken.reserveCapacity(reserved.underestimatedCount + capacity)
        for name in reserved { taken.insert(key(name)) }
    }

    /// Claims `preferred`, or the first free `preferred2`, `preferred3`, … and returns the name claimed. Names
    /// that are wanted are not free.
    public func claim(_ preferred: String) -> String {
        var candidate = preferred
        var suffix = 2
        // Inserting is the test of this scope's names: a name is hashed once here, not for a test and again to
        // insert it.
        while outer?.isTaken(candidate) == true || !takeIfFree(key(candidate)) {
            candidate = preferred + String(suffix)
            suffix += 1
        }
        return candidate
    }

    /// Takes `key` here unless it is taken or wanted; whether it took it.
    private func takeIfFree(_ key: String) -> Bool {
        (wanted.isEmpty || !wanted.contains(key)) && taken.insert(key).inserted
    }

    /// Claims `name` as it is; `false` when it is taken here or in an enclosing scope.
    public func claimExactly(_ name: String) -> Bool {
        guard !isTaken(name) else { return false }
        taken.insert(key(name))
        return true
    }

    /// Keeps `name` for a later ``claimExactly(_:)``: ``claim(_:)`` does not give it out.
    public func want(_ name: String) {
        wanted.insert(key(name))
    }

    /// Marks `name` as taken here, as it is (a name claimed in another scope that this one must not reuse).
    public func reserve(_ name: String) {
        taken.insert(key(name))
    }

    /// Whether `name` is taken here or in an enclosing scope.
    public func isTaken(_ name: String) -> Bool {
        taken.contains(key(name)) || outer?.isTaken(name) == true
    }

    /// The names taken here (lowercased when case does not matter), to learn which ones a copy of this scope
    /// took apart from it (``ModelTranslator+Chunks``).
    var takenKeys: Set<String> {
        taken
    }

    /// Takes `keys` here: names ``takenKeys`` gave for a scope like this one.
    func take(keys: Set<String>) {
        taken.formUnion(keys)
    }

    private func key(_ name: String) -> String {
        caseInsensitive ? name.lowercased() : name
    }
}
