import BinderyCore
import BinderyModel
import BinderyRender
import BinderyYAML
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A `bindery.yaml`: how to generate a target's client, read from the file that lives beside its description.
///
/// ```yaml
/// spec: openapi.yaml
/// moduleName: Petstore
/// accessLevel: internal
/// filters:
///   tags: [pets]
/// naming:
///   types: {Pet: Animal}
/// ```
///
/// Paths are relative to the file. Every key is listed, with what it does, in ``ConfigurationKey/keys``; unknown
/// keys and values of the wrong type are errors at their line and column, with the closest key when one is close.
/// ``options(spec:output:moduleName:templates:layout:target:checkOnly:)`` makes the options to generate with, the command
/// line's values in place of the file's.
public struct Configuration: Sendable {
    /// The configuration file, as given.
    public var file: String
    /// The description, relative to the working folder; `nil` when the file does not say (then `openapi.yaml`,
    /// `openapi.yml` or `openapi.json` beside it).
    public var specPath: Located<String>?
    /// The output folder, relative to the working folder.
    public var outputDirectory: Located<String>?
    public var moduleName: Located<String>?
    /// The templates folder, relative to the working folder.
    public var templatesDirectory: Located<String>?
    public var methods: OperationMethods = .both
    public var filter = OperationFilter()
    public var naming = NamingOverrides()
    public var typeOverrides: [TypeOverride] = []
    public var render = RenderOptions()
    /// The layout the file asks for; `nil`: the default, which depends on who runs Bindery (``options(spec:output:moduleName:templates:layout:target:checkOnly:)``).
    public var layout: RenderOptions.Layout?
    /// Whether the file asks for the Markdown docs; `nil`: the default, in a package only.
    public var docs: Bool?

    /// An empty configuration for `file`: every key at its default.
    public init(file: String) {
        self.file = file
    }

    /// The folder paths in the file are relative to.
    var folder: String {
        let parts = file.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count > 1 else { return "" }
        let folder = parts.dropLast().joined(separator: "/")
        return folder.isEmpty ? "/" : folder
    }

    /// Reads the configuration file at `path`.
    ///
    /// - Throws: A diagnostic at the line and column at fault: the file cannot be read or is not YAML, a key is
    ///   unknown, a value is not of its key's type.
    public static func read(path: String) throws(Diagnostic) -> Configuration {
        let document: YAMLDocument
        do {
            document = try YAMLDocument(contentsOf: path)
        } catch {
            throw Diagnostic(error)
        }
        return try read(document.root, file: path)
    }

    /// Reads a configuration from the root node of its file, `file`.
    public static func read(_ root: YAMLNode, file: String) throws(Diagnostic) -> Configuration {
        var configuration = Configuration(file: file)
        if root.kind == .scalar, root.isNull { return configuration }
        guard root.kind == .mapping else {
            throw Diagnostic(
                at: root.location,
                "expected a mapping of configuration keys (spec, moduleName, …), found \(ConfigurationValue.describe(root))"
            )
        }
        try readKeys(root, keys: ConfigurationKey.keys, path: "", into: &configuration)
        return configuration
    }

    /// Reads the pairs of `mapping` as `keys`: each through its `read`, or its own keys for an object.
    static func readKeys(
        _ mapping: YAMLNode, keys: [ConfigurationKey], path: String, into configuration: inout Configuration
    ) throws(Diagnostic) {
        for (keyNode, valueNode) in mapping.pairs {
            guard keyNode.kind == .scalar, let name = keyNode.scalar else {
                throw Diagnostic(
                    at: keyNode.location, "expected a key name, found \(ConfigurationValue.describe(keyNode))")
            }
            guard let key = keys.first(where: { $0.name == name }) else {
                let place = path.isEmpty ? "" : " in '\(path)'"
                let names = keys.map(\.name)
                var message = Suggestion.message("unknown key '\(name)'\(place)", for: name, among: names)
                if Suggestion.closest(to: name, among: names) == nil {
                    message += "; the keys\(place) are " + names.joined(separator: ", ")
                }
                throw Diagnostic(at: keyNode.location, message)
            }
            let keyPath = path.isEmpty ? name : path + "." + name
            let value = ConfigurationValue(node: valueNode, key: key, path: keyPath, folder: configuration.folder)
            try value.check()
            if case .object(let children) = key.value {
                try readKeys(valueNode, keys: children, path: keyPath, into: &configuration)
            } else {
                try key.read?(&configuration, value)
            }
        }
    }

    /// The options to generate with: the file's, with the command line's values in their place where given (paths
    /// on the command line are relative to the working folder, as the file's have become).
    ///
    /// - Throws: When there is no description (none given, none beside the file), the description or the
    ///   templates folder the file names does not exist, or there is no output folder.
    ///
    /// - Parameter target: The SwiftPM target whose folder holds the file (the plugins say): the module is the
    ///   target, and unless the file or the command line says otherwise, the layout is
    ///   ``RenderOptions/Layout/sources`` and the output `Generated` beside the file.
    public func options(
        spec: String? = nil, output: String? = nil, moduleName: String? = nil, templates: String? = nil,
        layout: RenderOptions.Layout? = nil, target: String? = nil, checkOnly: Bool = false
    ) throws(Diagnostic) -> Generator.Options {
        let specPath: String
        if let spec {
            specPath = spec
        } else {
            specPath = try resolvedSpecPath()
        }
        let targetOutput = target.map { _ in ConfigurationValue.join(folder, "Generated") }
        guard let outputDirectory = output ?? outputDirectory?.value ?? targetOutput else {
            throw Diagnostic.error(
                inFile: file, "no output folder: give 'output' in the file or --output on the command line")
        }
        var options = Generator.Options(
            specPath: specPath, outputDirectory: outputDirectory,
            moduleName: moduleName ?? target ?? self.moduleName?.value,
            templatesDirectory: templates ?? templatesDirectory?.value, checkOnly: checkOnly)
        options.methods = methods
        options.filter = filter
        options.naming = naming
        options.typeOverrides = typeOverrides
        options.render = render
        options.render.layout = layout ?? self.layout ?? (target == nil ? .package : .sources)
        options.render.generatesDocs = docs ?? options.render.layout.writesDocsByDefault
        return options
    }

    /// The description the file names, which must exist, or the one beside the file.
    func resolvedSpecPath() throws(Diagnostic) -> String {
        if let specPath {
            guard FileManager.default.fileExists(atPath: specPath.value) else {
                throw Diagnostic(
                    at: specPath.location, "no file at '\(specPath.value)' (paths are relative to this file)")
            }
            return specPath.value
        }
        let candidates = ["openapi.yaml", "openapi.yml", "openapi.json"]
        for name in candidates {
            let path = ConfigurationValue.join(folder, name)
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        throw Diagnostic.error(
            inFile: file,
            "no 'spec' given, and no openapi.yaml, openapi.yml or openapi.json beside \(file.split(separator: "/").last ?? "")"
        )
    }
}
