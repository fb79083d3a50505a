/// How the generated code is declared and what is written beside it, beyond what the description says.
public struct RenderOptions: Sendable, Hashable {
    /// The access level of every generated declaration that users see.
    public enum AccessLevel: String, Sendable, Hashable, CaseIterable {
        /// For a package of its own (the default): other modules import it.
        case `public`
        /// For sources inside the user's package: its other targets use them.
        case package
        /// For sources inside the user's target: only that target uses them.
        case `internal`
    }

    public var accessLevel: AccessLevel
    /// Whether the Markdown documentation is written (the package's `README.md` and `docs/`): the manifest's
    /// entries for them say `if: generatesDocs`.
    public var generatesDocs: Bool
    /// Protocols every generated model type (struct, enum, union) conforms to besides `Codable`, `Hashable` and
    /// `Sendable`, as written in Swift.
    public var conformances: [String]

    public init(accessLevel: AccessLevel = .public, generatesDocs: Bool = true, conformances: [String] = []) {
        self.accessLevel = accessLevel
        self.generatesDocs = generatesDocs
        self.conformances = conformances
    }
}

/// The render options, for every template (the package context answers them, and nested model declarations are
/// rendered with them): `access` (`public`, `package` or `internal`, the keyword every user-visible declaration
/// starts with), `generatesDocs`, `conformances` (each with `name`: the extra protocols of model types),
/// `hasConformances`.
struct OptionsContext: RenderContext {
    let options: RenderOptions

    func value(forKey key: String) -> RenderValue? {
        switch key {
        case "access": .text(options.accessLevel.rawValue)
        case "generatesDocs": .flag(options.generatesDocs)
        case "conformances": .list(options.conformances.map(ConformanceContext.init))
        case "hasConformances": .flag(!options.conformances.isEmpty)
        default: nil
        }
    }
}

/// A protocol model types conform to: `name`.
struct ConformanceContext: RenderContext {
    let name: String

    func value(forKey key: String) -> RenderValue? {
        key == "name" ? .text(name) : nil
    }
}
