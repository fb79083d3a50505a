import BinderyCore
import BinderyModel
import BinderyRender

/// One key of `bindery.yaml`: its name, what it holds, what it does, and how it is read into a ``Configuration``.
///
/// ``ConfigurationKey/keys`` is the one definition of the file: the reader checks a file against it (unknown keys
/// and wrong types are errors), each key's `read` fills the configuration, and the JSON Schema for editors
/// (``ConfigurationSchema/jsonSchema()``) and the README's table of keys (``ConfigurationSchema/markdownTable()``)
/// are written from it.
public struct ConfigurationKey: Sendable {
    /// What a key holds.
    public indirect enum Value: Sendable {
        /// Text, in the given form.
        case text(TextForm)
        /// `true` or `false`.
        case flag
        /// One of a few words.
        case choice([Choice])
        /// A list of values.
        case list(Value)
        /// A mapping whose keys are the user's (`keys` says what they are), each to a value.
        case map(keys: String, Value)
        /// A mapping of the given keys.
        case object([ConfigurationKey])
    }

    /// The forms of text.
    public enum TextForm: Sendable {
        /// A file or folder, relative to the configuration file.
        case path
        /// A Swift identifier (`listPets`).
        case identifier
        /// A Swift type name, as written in code (`Decimal`, `MyModule.Money`).
        case typeName
        /// Any text.
        case plain
    }

    /// One of the words of a ``Value/choice(_:)``.
    public struct Choice: Sendable {
        public var word: String
        public var summary: String
    }

    /// Reads the key's value (checked against ``value``) into a configuration.
    typealias Reader = @Sendable (inout Configuration, ConfigurationValue) throws(Diagnostic) -> Void

    public let name: String
    public let value: Value
    /// What the key does, in Markdown (one paragraph).
    public let summary: String
    /// The value when the key is missing, in Markdown; `nil` when it has none (nothing is done).
    public let defaultValue: String?
    let read: Reader?

    init(_ name: String, _ value: Value, _ summary: String, default defaultValue: String? = nil, read: Reader? = nil) {
        self.name = name
        self.value = value
        self.summary = summary
        self.defaultValue = defaultValue
        self.read = read
    }

    /// The keys of an ``Value/object(_:)``; empty for other values.
    public var children: [ConfigurationKey] {
        if case .object(let keys) = value { return keys }
        return []
    }
}

extension ConfigurationKey {
    /// The top-level keys of `bindery.yaml`, in the order the documentation lists them.
    public static let keys: [ConfigurationKey] = [
        ConfigurationKey(
            "spec", .text(.path),
            "The OpenAPI description (YAML or JSON; `$ref`s to other files are followed). The command line's "
                + "`<spec>` argument replaces it.",
            default: "`openapi.yaml`, `openapi.yml` or `openapi.json` beside the file"
        ) { configuration, value throws(Diagnostic) in configuration.specPath = value.filePath() },
        ConfigurationKey(
            "output", .text(.path),
            "The folder the output is written to (created if missing). `--output` replaces it.",
            default: "`Generated` beside the file in a target's folder (the command plugin); the command line "
                + "needs `output` or `--output`"
        ) { configuration, value throws(Diagnostic) in configuration.outputDirectory = value.filePath() },
        ConfigurationKey(
            "moduleName", .text(.identifier),
            "The Swift module (and package) name. `--module-name` replaces it; in a target's folder, the plugins "
                + "use the target's name.",
            default: "the description's title in UpperCamelCase"
        ) { configuration, value throws(Diagnostic) in configuration.moduleName = try value.moduleName() },
        ConfigurationKey(
            "layout",
            .choice([
                Choice(
                    word: "package",
                    summary: "a Swift package of its own: `Package.swift`, `README.md`, `docs/` and "
                        + "`Sources/<module>/` with `APIs/`, `Models/` and `Runtime/`"),
                Choice(
                    word: "sources",
                    summary: "the sources of a target of yours: `APIs/`, `Models/`, `Runtime/` and `docs/` in "
                        + "the output folder"),
                Choice(
                    word: "shards",
                    summary: "the Swift sources joined into `Bindery000.swift` … `Bindery127.swift`, the same "
                        + "files whatever the description (what the build tool plugin writes)"),
            ]),
            "What the output folder holds. `--layout` replaces it.",
            default: "`package`; `sources` in a target's folder (the command plugin)"
        ) { configuration, value throws(Diagnostic) in
            configuration.layout = RenderOptions.Layout(rawValue: value.choice())
        },
        ConfigurationKey(
            "accessLevel",
            .choice([
                Choice(word: "public", summary: "for a package of its own, imported by other modules"),
                Choice(word: "package", summary: "for sources in the user's package, used by its other targets"),
                Choice(word: "internal", summary: "for sources in the user's target, used by that target only"),
            ]),
            "The access level of the generated declarations.", default: "`public`"
        ) { configuration, value throws(Diagnostic) in
            configuration.render.accessLevel = RenderOptions.AccessLevel(rawValue: value.choice()) ?? .public
        },
        ConfigurationKey(
            "templates", .text(.path),
            "A folder of templates, each replacing the default of the same name; a `manifest.yaml` there decides "
                + "which files are written (start from `bindery templates export`). `--templates` replaces it."
        ) { configuration, value throws(Diagnostic) in configuration.templatesDirectory = try value.folderPath() },
        ConfigurationKey(
            "docs", .flag,
            "Whether the Markdown documentation is written: the package's `README.md` and `docs/` (in the "
                + "`sources` layout `docs/` only, which the target must exclude in `Package.swift`). Doc comments "
                + "in the Swift code are always written.",
            default: "`true` in the `package` layout, else `false`"
        ) { configuration, value throws(Diagnostic) in configuration.docs = value.flag() },
        ConfigurationKey(
            "methods",
            .choice([
                Choice(word: "both", summary: "the throwing method and the `…Response` method"),
                Choice(
                    word: "throwing",
                    summary: "the throwing method only (an operation whose successes have different bodies has "
                        + "none, and keeps its `…Response` method)"),
                Choice(word: "response", summary: "the `…Response` method only"),
            ]),
            "Which methods each operation gets: the throwing one, which returns the successful body, and the "
                + "`…Response` one, which returns the enum of documented responses.",
            default: "`both`"
        ) { configuration, value throws(Diagnostic) in
            configuration.methods = OperationMethods(rawValue: value.choice()) ?? .both
        },
        ConfigurationKey(
            "conformances", .list(.text(.typeName)),
            "Protocols every generated model type (struct, enum, `oneOf` enum; nested ones too) conforms to "
                + "besides `Codable`, `Hashable` and `Sendable`: protocols whose requirements every model meets, "
                + "such as a protocol of the user's with default implementations. The generated code must see them "
                + "(the sources are in the user's target, or the protocol is in a file the user adds to the "
                + "generated package, which Bindery leaves alone)."
        ) { configuration, value throws(Diagnostic) in configuration.render.conformances = try value.conformances() },
        ConfigurationKey(
            "filters",
            .object([
                ConfigurationKey(
                    "tags", .list(.text(.plain)), "Operations with one of these tags (any of their tags)."
                ) { configuration, value throws(Diagnostic) in configuration.filter.tags = value.texts() },
                ConfigurationKey(
                    "operations", .list(.text(.plain)),
                    "Operations with one of these `operationId`s (`GET /pets` for one without)."
                ) { configuration, value throws(Diagnostic) in configuration.filter.operations = value.texts() },
                ConfigurationKey(
                    "paths", .list(.text(.plain)),
                    "Operations on these paths, as the description writes them (`/pets/{petId}`); `*` stands for "
                        + "any text (`/v1/customers*`)."
                ) { configuration, value throws(Diagnostic) in configuration.filter.paths = value.texts() },
                ConfigurationKey(
                    "schemas", .list(.text(.plain)),
                    "Schemas to generate even when no operation kept reaches them (component names or JSON "
                        + "pointers), with what they reach."
                ) { configuration, value throws(Diagnostic) in configuration.filter.schemas = value.texts() },
            ]),
            "Which operations are generated: those any entry matches. Only the schemas they reach are generated "
                + "(through the `$ref`s of their parameters, bodies, responses and headers, and of those schemas' "
                + "properties, items, `allOf`, `oneOf`, `anyOf` and the like). Every entry must match something.",
            default: "every operation and schema"
        ),
        ConfigurationKey(
            "naming",
            .object([
                ConfigurationKey(
                    "types", .map(keys: "schema", .text(.identifier)),
                    "Type names, by schema: a component's name (`Pet`) or a JSON pointer to where a schema is "
                        + "written (`'#/components/schemas/Pet/properties/status'`, `models.yaml#/Pet`). A pointer "
                        + "names an API too (`'#/tags/pets'`), or an operation's response enum "
                        + "(`'#/paths/~1pets/get'`)."
                ) { configuration, value throws(Diagnostic) in
                    configuration.naming.types = try value.renames(typeNames: true)
                },
                ConfigurationKey(
                    "operations", .map(keys: "operationId", .text(.identifier)),
                    "Method names, by `operationId` (`GET /pets` for one without); the `…Response` method and "
                        + "enum are named after it."
                ) { configuration, value throws(Diagnostic) in
                    configuration.naming.operations = try value.renames(typeNames: false)
                },
                ConfigurationKey(
                    "properties", .map(keys: "schema", .map(keys: "JSON name", .text(.identifier))),
                    "Property names, by schema and the property's JSON name. A name given for `Pet`'s property "
                        + "also names it in the schemas that include `Pet` through `allOf`, unless they give their own."
                ) { configuration, value throws(Diagnostic) in
                    configuration.naming.properties = value.memberRenames()
                },
                ConfigurationKey(
                    "enumCases", .map(keys: "schema", .map(keys: "value", .text(.identifier))),
                    "Enum case names, by schema and the value as the description writes it."
                ) { configuration, value throws(Diagnostic) in
                    configuration.naming.enumCases = value.memberRenames()
                },
            ]),
            "Names of your choosing for what the description names. Each is given exactly: a clash is an error, "
                + "and other names make way. One that names nothing is an error, unless the filters dropped it.",
            default: "names derived from the description"
        ),
        ConfigurationKey(
            "typeOverrides", .map(keys: "schema", .text(.typeName)),
            "Types of the user's in place of schemas (by component name or JSON pointer, as for `naming.types`): "
                + "the schema is not generated, and every use of it is written as the type, which must be "
                + "`Codable`, `Hashable` and `Sendable` and visible to the generated code (a Foundation type such "
                + "as `Decimal`, or one declared in the user's target or in a file added to the generated package).",
            default: "none"
        ) { configuration, value throws(Diagnostic) in configuration.typeOverrides = value.typeOverrides() },
    ]
}
