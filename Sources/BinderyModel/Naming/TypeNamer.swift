/// Gives generated types their Swift names, last: the translator asks for a name (a preferred one, in a scope)
/// as it finds each type, and the names are handed out once everything is known, in the order they were asked
/// for. The same description always gives the same names, and a type that is dropped or renamed before naming
/// does not shift the others.
public struct TypeNamer: Sendable {
    /// Where a name lives.
    public enum Scope: Sendable, Hashable {
        /// The module's top level, shared with the runtime, the standard library and Foundation.
        case module
        /// Nested in a generated type.
        case nested(in: TypeID)
    }

    struct Request: Sendable {
        var id: TypeID
        var scope: Scope
        var preferred: String
    }

    private var requests: [Request] = []
    private var requested: Set<TypeID> = []
    /// Names the module's top level may never use.
    let reservedTopLevelNames: Set<String>

    public init(reservedTopLevelNames: Set<String>) {
        self.reservedTopLevelNames = reservedTopLevelNames
    }

    /// Asks for a name for `id` in `scope`: `preferred`, or the first free `preferred2`, `preferred3`, …. A type
    /// nested in another must be asked for after it.
    public mutating func request(_ id: TypeID, preferred: String, in scope: Scope) {
        guard requested.insert(id).inserted else { return }
        requests.append(Request(id: id, scope: scope, preferred: preferred))
    }

    /// The names, in the order they were asked for; types in `renamed` get the name given there as their
    /// preferred one, types in `dropped` get none.
    public func names(renamed: [TypeID: String] = [:], dropped: Set<TypeID> = []) -> [TypeID: String] {
        assign(exactly: [:], renamed: renamed, dropped: dropped).names
    }

    /// The names, in the order they were asked for. Types in `exactly` get the name given there as it is, and
    /// the other names of their scope make way; those whose name is taken all the same (reserved, or given
    /// twice) are in `refused`, with the name they got instead. Types in `renamed` get the name given there as
    /// their preferred one; types in `dropped` get none.
    public func assign(
        exactly: [TypeID: String], renamed: [TypeID: String] = [:], dropped: Set<TypeID> = []
    ) -> (names: [TypeID: String], refused: [TypeID: String]) {
        let module = NameScope(reserved: reservedTopLevelNames, caseInsensitive: true)
        var wanted: [Scope: [String]] = [:]
        for request in requests where !dropped.contains(request.id) {
            if let name = exactly[request.id] { wanted[request.scope, default: []].append(name) }
        }
        for name in wanted[.module] ?? [] { module.want(name) }
        var scopes: [TypeID: NameScope] = [:]
        var scopeOf: [TypeID: Scope] = [:]
        var names: [TypeID: String] = [:]
        var refused: [TypeID: String] = [:]
        func nameScope(_ scope: Scope) -> NameScope {
            switch scope {
            case .module:
                return module
            case .nested(let parent):
                if let existing = scopes[parent] { return existing }
                // A nested type never takes its parent's name (it would shadow it inside) nor `CodingKeys`.
                let created = NameScope(
                    reserved: ["CodingKeys", names[parent] ?? ""], outer: nameScope(scopeOf[parent] ?? .module))
                for name in wanted[scope] ?? [] { created.want(name) }
                scopes[parent] = created
                return created
            }
        }
        for request in requests where !dropped.contains(request.id) {
            scopeOf[request.id] = request.scope
            let scope = nameScope(request.scope)
            if let name = exactly[request.id] {
                if scope.claimExactly(name) {
                    names[request.id] = name
                } else {
                    names[request.id] = scope.claim(name)
                    refused[request.id] = names[request.id]
                }
                continue
            }
            names[request.id] = scope.claim(renamed[request.id] ?? request.preferred)
        }
        return (names, refused)
    }

    /// How many names were asked for.
    var requestCount: Int {
        requests.count
    }

    /// The requests after the first `count`, in order: those a copy of this namer took apart from it
    /// (``ModelTranslator+Chunks``).
    func requests(after count: Int) -> ArraySlice<Request> {
        requests[count...]
    }

    /// Asks for a name again as `request` asked for it.
    mutating func request(_ request: Request) {
        self.request(request.id, preferred: request.preferred, in: request.scope)
    }

    /// The identities asked for, in order.
    public var requestedIDs: [TypeID] {
        requests.map(\.id)
    }
}
