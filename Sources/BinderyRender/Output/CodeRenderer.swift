import BinderyCore
import BinderyModel

/// Renders a ``CodeModel`` into files, as the template manifest says.
public struct CodeRenderer {
    let templates: TemplateSet
    let manifest: TemplateManifest
    let renderer: any TemplateRenderer

    /// Prepares `templates`: reads the manifest and parses every template, so a broken template is reported
    /// before anything is rendered.
    public init(templates: TemplateSet, engine: TemplateEngine = .compiled) throws(Diagnostic) {
        guard let manifestText = templates.manifestText else {
            throw Diagnostic.error(inFile: templates.path(of: "manifest.yaml"), "the templates have no manifest.yaml")
        }
        self.templates = templates
        self.manifest = try TemplateManifest(yaml: manifestText, file: templates.path(of: "manifest.yaml"))
        do {
            self.renderer = try engine.renderer(templates: templates, texts: manifest.entries.map(\.path))
        } catch {
            throw Diagnostic(
                at: SourceLocation(file: error.file, line: error.line, column: error.column), error.message)
        }
        for entry in manifest.entries where templates.files[entry.template + ".mustache"] == nil {
            throw Diagnostic(at: entry.location, "no template '\(entry.template).mustache'")
        }
    }

    /// Every file of the output, in manifest order.
    public func render(_ model: CodeModel) throws(Diagnostic) -> [GeneratedFile] {
        let package = PackageContext(model: model, renderer: renderer)
        var files: [GeneratedFile] = []
        var paths: [String: TemplateManifest.Entry] = [:]
        for entry in manifest.entries {
            if let condition = entry.condition {
                guard case .flag(let value)? = package.value(forKey: condition) else {
                    throw Diagnostic(at: entry.location, "'if: \(condition)' is not a flag of the package context")
                }
                if !value { continue }
            }
            let contexts: [[any RenderContext]]
            switch entry.scope {
            case .package: contexts = [[package]]
            case .api: contexts = package.apiContexts.map { [package, $0] }
            case .apiFile: contexts = package.apiFileContexts.map { [package, $0] }
            case .model: contexts = package.modelContexts.map { [package, $0] }
            }
            for stack in contexts {
                let path: String
                let contents: String
                do {
                    path = try renderer.render(text: entry.path, contexts: stack)
                    contents = try renderer.render(entry.template, contexts: stack)
                } catch {
                    throw Diagnostic(at: entry.location, error.message)
                }
                try Self.validate(path, entry: entry)
                if let other = paths[path] {
                    throw Diagnostic(
                        at: entry.location,
                        "'\(path)' is written twice: by template '\(other.template)' and by template '\(entry.template)'"
                    )
                }
                paths[path] = entry
                files.append(GeneratedFile(path: path, contents: contents))
            }
        }
        return files
    }

    /// A rendered path must stay inside the output folder: relative, without `..`, empty or hidden components.
    static func validate(_ path: String, entry: TemplateManifest.Entry) throws(Diagnostic) {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        let valid =
            !path.isEmpty && !path.hasPrefix("/")
            && components.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." && !$0.hasPrefix(".") }
            && !path.contains("\\") && !path.unicodeScalars.contains { $0.value < 0x20 }
        guard valid else {
            throw Diagnostic(
                at: entry.location,
                "output path '\(path)' of template '\(entry.template)' must be relative, inside the output folder, "
                    + "without '..' or hidden components"
            )
        }
    }
}
