import BinderyCore
import BinderyYAML

/// Which files a generation writes: for each, the template, what it is rendered for, and where it goes.
///
/// ```yaml
/// files:
///   - template: api                                   # api.mustache
///     each: apiFile                                   # one file per part of an API; or `api`, `model`;
///                                                     # omitted: one file
///     path: "{{sourcesDirectory}}/APIs/{{name}}.swift" # a template too, rendered with the same context
///   - template: UnionCoding
///     path: "{{sourcesDirectory}}/Runtime/UnionCoding.swift"
///     if: hasUnions                                   # only when the package context's flag is true
///   - template: README.md
///     path: README.md
///     if: [isPackage, generatesDocs]                  # only when every flag is true
/// ```
public struct TemplateManifest: Sendable, Hashable {
    /// What one entry renders for.
    public enum Scope: String, Sendable, Hashable {
        /// One file for the whole package.
        case package
        /// One file per API type.
        case api
        /// One file per part of an API type: an API of many operations is split into several files (its
        /// type and first operations, then extensions), which the compiler handles much faster than one.
        case apiFile
        /// One file per top-level model type.
        case model
    }

    /// One entry of `files`.
    public struct Entry: Sendable, Hashable {
        public var template: String
        public var scope: Scope
        public var path: String
        /// Flags of the package context (`hasUnions`): the file is written only when every one is true.
        public var conditions: [String]
        /// Where the entry is in the manifest, for errors about it.
        public var location: SourceLocation

        public init(
            template: String, scope: Scope, path: String, conditions: [String] = [], location: SourceLocation
        ) {
            self.template = template
            self.scope = scope
            self.path = path
            self.conditions = conditions
            self.location = location
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// Reads a manifest; errors name `file` and the line and column at fault.
    public init(yaml text: String, file: String) throws(Diagnostic) {
        let document: YAMLDocument
        do {
            document = try YAMLDocument(bytes: Array(text.utf8), file: file)
        } catch {
            throw Diagnostic(error)
        }
        let root = document.root
        guard root.kind == .mapping, let files = root["files"] else {
            throw Diagnostic(at: root.location, "a template manifest is a mapping with a 'files' list")
        }
        guard files.kind == .sequence else {
            throw Diagnostic(at: files.location, "expected a list of files for 'files'")
        }
        var entries: [Entry] = []
        for element in files.elements {
            guard element.kind == .mapping else {
                throw Diagnostic(at: element.location, "expected a mapping with 'template' and 'path'")
            }
            for (key, _) in element.pairs where !["template", "each", "path", "if"].contains(key.scalar ?? "") {
                throw Diagnostic(
                    at: key.location, "unknown key '\(key.scalar ?? "")': expected 'template', 'each', 'path' or 'if'"
                )
            }
            var conditions: [String] = []
            if let node = element["if"] {
                let names = node.kind == .sequence ? Array(node.elements) : [node]
                for name in names {
                    guard name.kind == .scalar, let text = name.scalar, !text.isEmpty else {
                        throw Diagnostic(at: name.location, "expected the name of a flag, or a list of them, for 'if'")
                    }
                    conditions.append(text)
                }
            }
            guard let template = element["template"]?.scalar, !template.isEmpty else {
                throw Diagnostic(at: element.location, "missing 'template': the template's name without '.mustache'")
            }
            guard let path = element["path"]?.scalar, !path.isEmpty else {
                throw Diagnostic(at: element.location, "missing 'path': where the file goes in the output")
            }
            var scope = Scope.package
            if let each = element["each"] {
                guard let text = each.scalar, let value = Scope(rawValue: text), value != .package else {
                    throw Diagnostic(
                        at: each.location, "unknown 'each' value '\(each.scalar ?? "")': expected api, apiFile or model"
                    )
                }
                scope = value
            }
            entries.append(
                Entry(template: template, scope: scope, path: path, conditions: conditions, location: element.location))
        }
        self.entries = entries
    }
}
