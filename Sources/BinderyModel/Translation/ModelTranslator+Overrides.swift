import BinderyCore
import BinderyOpenAPI

/// The naming and type overrides of ``ModelTranslator/Options``, by the identity of what they apply to.
struct ResolvedOverrides: Sendable {
    /// Types of the user's, by the place of the schema they replace.
    var customTypes: [TypeID: TypeOverride] = [:]
    /// Exact names of generated types.
    var typeNames: [TypeID: NameOverride] = [:]
    /// Exact method names, by `operationId` (or `GET /pets`).
    var operationNames: [String: NameOverride] = [:]
    /// Exact property names, by struct and JSON name.
    var propertyNames: [TypeID: [String: MemberNameOverride]] = [:]
    /// Exact case names, by enum and value.
    var enumCaseNames: [TypeID: [String: MemberNameOverride]] = [:]
    /// The overrides applied so far, by where they are written; the others are reported at the end.
    var applied: Set<SourceLocation> = []
    /// Every place a schema is used at (with type overrides only): what a type override can name.
    var places: Set<TypeID> = []
}

extension ModelTranslator {
    /// Finds what each override names: a component schema by name, or a place by JSON pointer. A component
    /// name that does not exist, an `operationId` no operation has, and two overrides of one thing are errors
    /// here; a pointer that no generated type comes from is reported once everything is translated
    /// (``checkOverridesApplied(selection:)``).
    func resolveOverrides() throws(Diagnostic) -> ResolvedOverrides {
        var resolved = ResolvedOverrides()
        var seen: [TypeID: SourceLocation] = [:]
        for override in options.typeOverrides {
            let id = try componentOrPointer(override.target)
            try checkUnique(id, override.target, in: &seen)
            resolved.customTypes[id] = override
        }
        seen = [:]
        for override in options.naming.types {
            let id = try componentOrPointer(override.target)
            try checkUnique(id, override.target, in: &seen)
            resolved.typeNames[id] = override
        }
        let keys = document.operations.flatMap(Self.operationKeys)
        for override in options.naming.operations {
            guard keys.contains(override.target.value) else {
                throw Diagnostic(
                    at: override.target.location,
                    Suggestion.message(
                        "no operation has the operationId '\(override.target.value)'", for: override.target.value,
                        among: document.operations.compactMap(\.operationID)))
            }
            resolved.operationNames[override.target.value] = override
        }
        for override in options.naming.properties {
            let id = try componentOrPointer(override.target)
            resolved.propertyNames[id, default: [:]][override.member.value] = override
        }
        for override in options.naming.enumCases {
            let id = try componentOrPointer(override.target)
            resolved.enumCaseNames[id, default: [:]][override.member.value] = override
        }
        return resolved
    }

    func checkUnique(
        _ id: TypeID, _ target: Located<String>, in seen: inout [TypeID: SourceLocation]
    ) throws(Diagnostic) {
        if let first = seen[id] {
            throw Diagnostic(
                at: target.location,
                "'\(target.value)' names the same schema as the entry at line \(first.line), column \(first.column)")
        }
        seen[id] = target.location
    }

    /// The identity a target names: `Pet` (a component schema), `#/pointer` (in the root file) or
    /// `file#/pointer` (another file, relative to the root file's folder).
    func componentOrPointer(_ target: Located<String>) throws(Diagnostic) -> TypeID {
        let text = target.value
        guard let hash = text.firstIndex(of: "#") else {
            guard let component = document.schemas.components.first(where: { $0.name == text }) else {
                throw Diagnostic(
                    at: target.location,
                    Suggestion.message(
                        "no component schema is named '\(text)'", for: text,
                        among: document.schemas.components.map(\.name)))
            }
            return Self.typeID(of: component.id)
        }
        let root = document.location.file
        let relative = String(text[..<hash])
        var file = root
        if !relative.isEmpty {
            let folder = root.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
            file = DocumentLoader.normalize(
                relative.hasPrefix("/") || folder.isEmpty ? relative : folder + "/" + relative)
        }
        guard let pointer = JSONPointer(String(text[text.index(after: hash)...])) else {
            throw Diagnostic(
                at: target.location,
                "'\(text)' is not a JSON pointer: write a component's name ('Pet') or a pointer "
                    + "('#/components/schemas/Pet/properties/status')")
        }
        return TypeID(file: file, pointer: pointer.description)
    }

    /// The user's type that replaces the schema at `id`, marking the override as applied.
    func customType(at id: TypeID) -> String? {
        guard let override = overrides.customTypes[id] else { return nil }
        overrides.applied.insert(override.target.location)
        return override.type.value
    }

    /// The name the user chose for the property `jsonName` of the struct `id`, or of the schema it comes from
    /// through `allOf` (`origin`).
    func propertyNameOverride(_ jsonName: String, of id: TypeID, origin: SchemaID?) -> MemberNameOverride? {
        let override =
            overrides.propertyNames[id]?[jsonName]
            ?? origin.flatMap { overrides.propertyNames[Self.typeID(of: $0)]?[jsonName] }
        if let override { overrides.applied.insert(override.member.location) }
        return override
    }

    /// The name the user chose for the case of `value` in the enum at `id`.
    func enumCaseNameOverride(_ value: String, of id: TypeID) -> MemberNameOverride? {
        let override = overrides.enumCaseNames[id]?[value]
        if let override { overrides.applied.insert(override.member.location) }
        return override
    }

    /// The method name the user chose for the operation named by `keys` (``operationKeys(_:)``).
    func operationNameOverride(keys: [String]) -> NameOverride? {
        let override = keys.lazy.compactMap { self.overrides.operationNames[$0] }.first
        if let override { overrides.applied.insert(override.target.location) }
        return override
    }

    /// The names the user chose for types that asked for names, to give as they are
    /// (``TypeNamer/assign(exactly:renamed:dropped:)``).
    func exactTypeNames() -> [TypeID: String] {
        guard !overrides.typeNames.isEmpty else { return [:] }
        let requested = Set(namer.requestedIDs)
        var exactly: [TypeID: String] = [:]
        for (id, override) in overrides.typeNames where requested.contains(id) {
            exactly[id] = override.name.value
            overrides.applied.insert(override.target.location)
        }
        return exactly
    }

    /// The names ``TypeNamer/assign(exactly:renamed:dropped:)`` gave, unless it refused a name the user chose.
    func acceptedNames(
        _ assigned: (names: [TypeID: String], refused: [TypeID: String])
    ) throws(Diagnostic) -> [TypeID: String] {
        let (names, refused) = assigned
        if let id = refused.keys.sorted().first, let override = overrides.typeNames[id] {
            throw Diagnostic(
                at: override.name.location,
                "'\(override.name.value)' cannot name '\(override.target.value)': the name is taken (by a type "
                    + "the runtime, Swift or Foundation declares, or by another type of this scope)")
        }
        return names
    }

    /// Every override must have applied to something, unless the filter dropped what it names: one that names
    /// nothing is a misspelling.
    func checkOverridesApplied(selection: Selection) throws(Diagnostic) {
        let generated = namer.requestedIDs
        // For messages only: computed when one is written.
        let pointers = { generated.map { Self.targetText(of: $0, root: self.document.location.file) } }
        for (id, override) in overrides.typeNames.sorted(by: { $0.key < $1.key })
        where !overrides.applied.contains(override.target.location) && !selection.drops(id) {
            if overrides.customTypes[id] != nil {
                throw Diagnostic(
                    at: override.target.location,
                    "'\(override.target.value)' is replaced by a type override, so no type is generated to name")
            }
            throw Diagnostic(
                at: override.target.location,
                pointerMessage(
                    "no generated type comes from '\(override.target.value)'", for: override.target.value,
                    among: pointers()))
        }
        for (id, override) in overrides.customTypes.sorted(by: { $0.key < $1.key })
        where !overrides.applied.contains(override.target.location) && !selection.drops(id) {
            let places = overrides.places.sorted().map { Self.targetText(of: $0, root: document.location.file) }
            throw Diagnostic(
                at: override.target.location,
                pointerMessage(
                    "no schema the generated code uses is at '\(override.target.value)'", for: override.target.value,
                    among: places))
        }
        for override in options.naming.properties {
            try checkMemberOverrideApplied(override, selection: selection, pointers: pointers, kind: "a struct") {
                if case .structure(let structure) = $0 {
                    ("property", structure.properties.map(\.jsonKey))
                } else {
                    nil
                }
            }
        }
        for override in options.naming.enumCases {
            try checkMemberOverrideApplied(override, selection: selection, pointers: pointers, kind: "an enum") {
                if case .enumeration(let enumeration) = $0 { ("value", enumeration.cases.map(\.rawValue)) } else { nil }
            }
        }
    }

    /// A property or enum case override that applied to nothing (operation overrides name operations that exist,
    /// ``resolveOverrides()``): unless the filter dropped its type, an error at its target when no generated type
    /// of `kind` comes from there, else at its member, with the closest of the type's `members` (`nil` for a type
    /// of another kind: what a member is called, and the members' names).
    func checkMemberOverrideApplied(
        _ override: MemberNameOverride, selection: Selection, pointers: () -> [String], kind: String,
        members: (TypeDefinition.Kind) -> (noun: String, names: [String])?
    ) throws(Diagnostic) {
        guard !overrides.applied.contains(override.member.location) else { return }
        let id = try componentOrPointer(override.target)
        guard !selection.drops(id) else { return }
        guard let definition = definitions[id], let members = members(definition.kind) else {
            throw Diagnostic(
                at: override.target.location,
                definitions[id] == nil
                    ? pointerMessage(
                        "no generated type comes from '\(override.target.value)'", for: override.target.value,
                        among: pointers())
                    : "'\(override.target.value)' is not generated as \(kind)")
        }
        throw Diagnostic(
            at: override.member.location,
            Suggestion.message(
                "'\(override.target.value)' has no \(members.noun) '\(override.member.value)'",
                for: override.member.value, among: members.names))
    }

    /// `message`, with the pointer of `candidates` the user probably meant: the closest in spelling, else one in
    /// the same component that ends the same way (a property written in an `allOf` part,
    /// `#/components/schemas/Pet/allOf/1/properties/status`, is reached as `#/components/schemas/Pet/properties/status`).
    func pointerMessage(_ message: String, for text: String, among candidates: [String]) -> String {
        if let close = Suggestion.closest(to: text, among: candidates) {
            return message + "; did you mean '\(close)'?"
        }
        let tokens = text.split(separator: "/", omittingEmptySubsequences: false)
        guard tokens.count >= 5 else { return message }
        let head = tokens.prefix(4)
        let tail = tokens.suffix(2)
        let match = candidates.first { candidate in
            let other = candidate.split(separator: "/", omittingEmptySubsequences: false)
            return other.count >= 5 && other.prefix(4) == head && other.suffix(2) == tail
        }
        return match.map { message + "; did you mean '\($0)'?" } ?? message
    }

    /// How a configuration names the place `id`: `#/pointer` in the root file, `file#/pointer` elsewhere.
    static func targetText(of id: TypeID, root: String) -> String {
        let raw = id.rawValue
        return raw.hasPrefix(root + "#") ? String(raw.dropFirst(root.count)) : raw
    }
}
