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

    /// How the output folder is laid out.
    public enum Layout: String, Sendable, Hashable, CaseIterable {
        /// A Swift package of its own: `Package.swift`, `README.md`, `docs/` and `Sources/<module>/` with `APIs/`,
        /// `Models/` and `Runtime/` (the default).
        case package
        /// The sources of a target of the user's package (the command plugin's): `APIs/`, `Models/`, `Runtime/`
        /// and, with docs, `docs/`, in the output folder.
        case sources
        /// The build tool plugin's: the Swift sources only, joined into the same files whatever the description
        /// (``ShardedOutput``), since SwiftPM asks for the files a build command writes before it runs it.
        case shards

        /// Whether the Markdown docs are written when nobody says: in a package only (SwiftPM warns about Markdown
        /// inside a target, and the shards are Swift only).
        public var writesDocsByDefault: Bool { self == .package }
    }

    public var accessLevel: AccessLevel
    public var layout: Layout
    /// Whether the Markdown documentation is written (the package's `README.md` and `docs/`): the manifest's
    /// entries for them say `if: generatesDocs`.
    public var generatesDocs: Bool
    /// Protocols every generated model type (struct, enum, union) conforms to besides `Codable`, `Hashable` and
    /// `Sendable`, as written in Swift.
    public var conformances: [String]

    public init(
        accessLevel: AccessLevel = .public, layout: Layout = .package, generatesDocs: Bool = true,
        conformances: [String] = []
    ) {
        self.accessLevel = accessLevel
        self.layout = layout
        self.generatesDocs = generatesDocs
        self.conformances = conformances
    }
}

/// The render options, for every template (the package context answers them, and nested model declarations are
/// rendered with them): `access` (`public`, `package` or `internal`, the keyword every user-visible declaration
/// starts with), `generatesDocs` (never in the `shards` layout, which has Swift files only), `isPackage` (the
/// `package` layout: `Package.swift` and `README.md` are written), `sourcesDirectory` (`Sources/<module>` in a
/// package, else `.`, the output folder), `conformances` (each with `name`: the extra protocols of model types),
/// `hasConformances`.
struct OptionsContext: RenderContext {
    let options: RenderOptions
    let moduleName: String

    func value(forKey key: RenderKey) -> RenderValue? {
        switch key.known {
        case .access: .text(options.accessLevel.rawValue)
        case .generatesDocs: .flag(options.generatesDocs && options.layout != .shards)
        case .isPackage: .flag(options.layout == .package)
        case .sourcesDirectory: .text(options.layout == .package ? "Sources/\(moduleName)" : ".")
        case .conformances: .list(options.conformances.map(ConformanceContext.init))
        case .hasConformances: .flag(!options.conformances.isEmpty)
        default: nil
        }
    }
}

/// A protocol model types conform to: `name`.
struct ConformanceContext: RenderContext {
    let name: String

    func value(forKey key: RenderKey) -> RenderValue? {
        key.known == .name ? .text(name) : nil
    }
}
