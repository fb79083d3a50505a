import BinderyCore
import BinderyModel

/// Renders a ``CodeModel`` into files, as the template manifest says.
public struct CodeRenderer: Sendable {
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
    public func render(
        _ model: CodeModel, options: RenderOptions = RenderOptions()
    ) throws(Diagnostic) -> [GeneratedFile] {
        try render(plan(for: model, options: options))
    }

    /// What rendering `model` takes: its package context, and which files the manifest writes, each with what it
    /// is rendered for. No API or model context is made here: each file's is made as it is rendered.
    public func plan(for model: CodeModel, options: RenderOptions = RenderOptions()) throws(Diagnostic) -> RenderPlan {
        try RenderPlan(package: PackageContext(model: model, options: options, renderer: renderer), manifest: manifest)
    }

    /// Every file of the output, in manifest order. Files are rendered concurrently (each file's contexts are made
    /// by the thread that renders it; what they make on demand is made under a lock); the order, and which error is
    /// reported first, do not depend on it.
    public func render(_ plan: RenderPlan) throws(Diagnostic) -> [GeneratedFile] {
        let files = try renderEach(plan) { file in file }.map(\.output)
        return plan.layout == .shards ? ShardedOutput.join(files) : files
    }

    /// Renders every file of the output and stages each into `staging` as soon as it is rendered, so the files
    /// are never all in memory at once; returns their paths, in manifest order. Shards are joined from all the
    /// files, so they are staged once joined.
    public func render(_ plan: RenderPlan, stagingInto staging: OutputStaging) throws(Diagnostic) -> [String] {
        if plan.layout == .shards {
            let files = try render(plan)
            for file in files { try staging.stage(file) }
            return files.map(\.path)
        }
        return try renderEach(plan) { (file) throws(Diagnostic) in
            try staging.stage(file)
        }.map(\.path)
    }

    /// Renders each file of the output concurrently, in contexts made for it alone, and hands it, its path
    /// checked, to `handle` on the thread that rendered it. Returns each file's path and what `handle` returned, in
    /// manifest order, or the first error in that order.
    private func renderEach<Output: Sendable>(
        _ plan: RenderPlan, _ handle: @escaping @Sendable (GeneratedFile) throws(Diagnostic) -> Output
    ) throws(Diagnostic) -> [(path: String, output: Output)] {
        let jobs = plan.jobs
        let package = plan.package
        let renderer = self.renderer
        let results = DeepStack.concurrentMap(count: jobs.count) { index in
            let entry = jobs[index].entry
            let contexts = jobs[index].contexts(in: package)
            return Result { () throws(Diagnostic) -> (path: String, output: Output) in
                let file: GeneratedFile
                do throws(TemplateError) {
                    let path = try renderer.render(text: entry.path, contexts: contexts)
                    file = GeneratedFile(path: path, bytes: try renderer.renderUTF8(entry.template, contexts: contexts))
                } catch {
                    throw Diagnostic(at: entry.location, error.message)
                }
                var checked = file
                checked.path = try Self.validated(file.path, entry: entry)
                return (checked.path, try handle(checked))
            }
        }
        var outputs: [(path: String, output: Output)] = []
        outputs.reserveCapacity(jobs.count)
        var paths: [String: TemplateManifest.Entry] = [:]
        for (index, result) in results.enumerated() {
            let entry = jobs[index].entry
            let output = try result.get()
            if let other = paths[output.path] {
                throw Diagnostic(
                    at: entry.location,
                    "'\(output.path)' is written twice: by template '\(other.template)' and by template '\(entry.template)'"
                )
            }
            paths[output.path] = entry
            outputs.append(output)
        }
        return outputs
    }

    /// A rendered path without its `.` components (`{{sourcesDirectory}}` is `.` outside a package), which must
    /// stay inside the output folder: relative, without `..`, empty or hidden components.
    static func validated(_ path: String, entry: TemplateManifest.Entry) throws(Diagnostic) -> String {
        let components = PathText.components(of: path).filter { $0 != "." }
        let valid =
            !components.isEmpty && !path.hasPrefix("/")
            && components.allSatisfy { !$0.isEmpty && $0 != ".." && !$0.hasPrefix(".") }
            && !path.utf8.contains { $0 == UInt8(ascii: "\\") || $0 < 0x20 }
        guard valid else {
            throw Diagnostic(
                at: entry.location,
                "output path '\(path)' of template '\(entry.template)' must be relative, inside the output folder, "
                    + "without '..' or hidden components"
            )
        }
        return components.joined(separator: "/")
    }
}
