import BinderyCore
import BinderyTemplates
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The templates one generation uses: Bindery's defaults, each replaced by a user's file of the same name.
///
/// A user's folder may hold a few templates (the others stay the defaults), a complete copy, or new templates
/// that its own `manifest.yaml` adds to the output.
public struct TemplateSet: Sendable {
    /// Template text by file name (`api.mustache`, `manifest.yaml`).
    public private(set) var files: [String: String]
    /// Where each user template came from; defaults are not listed.
    private var userPaths: [String: String] = [:]

    /// Bindery's default templates.
    public static var defaults: TemplateSet {
        TemplateSet(files: DefaultTemplates.files)
    }

    public init(files: [String: String]) {
        self.files = files
    }

    /// The defaults with every file of `directory` (`.mustache` templates and `manifest.yaml`) in place of the
    /// default of the same name.
    public static func defaults(overriddenBy directory: String) throws(TemplateError) -> TemplateSet {
        var set = TemplateSet.defaults
        guard PathKind(at: directory) == .folder else {
            throw TemplateError(file: directory, message: "no such templates folder")
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            throw TemplateError(
                file: directory, message: "cannot list the templates folder: \(error.systemErrorText)")
        }
        for name in names where name.hasSuffix(".mustache") || name == "manifest.yaml" {
            let path = PathText.appending(name, to: directory)
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
            else {
                throw TemplateError(file: path, message: "cannot read the template as UTF-8 text")
            }
            set.files[name] = text
            set.userPaths[name] = path
        }
        return set
    }

    /// How diagnostics name a template file: the user's path, or `(built-in)/name` for a default.
    public func path(of fileName: String) -> String {
        userPaths[fileName] ?? "(built-in)/\(fileName)"
    }

    /// The text of `manifest.yaml`.
    public var manifestText: String? { files["manifest.yaml"] }
}
