import BinderyCore
import BinderyModel
import BinderyOpenAPI
import BinderyRender
import BinderyYAML

/// The whole pipeline: read the description, translate it, render the templates, write the output.
public enum Generator {
    /// What to generate and where.
    public struct Options: Sendable {
        /// The root file of the API description (YAML or JSON).
        public var specPath: String
        /// The folder the package is written to.
        public var outputDirectory: String
        /// The Swift module; derived from the description's title when `nil`.
        public var moduleName: String?
        /// A folder of templates that replace the defaults of the same name.
        public var templatesDirectory: String?
        /// Writes nothing: the result's summary says what a generation would write and remove.
        public var checkOnly: Bool
        /// Which public methods each operation gets.
        public var methods: OperationMethods = .both
        /// Which operations are generated (then only the schemas they reach); empty: all of them.
        public var filter = OperationFilter()
        /// Names the user chose.
        public var naming = NamingOverrides()
        /// Schemas replaced by types of the user's.
        public var typeOverrides: [TypeOverride] = []
        /// The access level, the docs, extra conformances.
        public var render = RenderOptions()
        /// The template engine; the compiled one unless a user's templates need swift-mustache's.
        public var engine: TemplateEngine
        /// What each file of the description may be: its size, how deep it nests, how much its aliases add.
        public var limits: YAMLDocument.Limits
        /// Where `$ref`s may lead.
        public var references: ReferencePolicy
        /// Whether the model and the plan of the files are kept until the process exits instead of released when the
        /// generation ends: for a process that exits right after (the `bindery` command), freeing their tens of
        /// thousands of values one by one is time the run does not need (Stripe: about 9 ms, a fiftieth of the run),
        /// as a compiler does not free its syntax trees before it exits. What is kept is never released: a process that
        /// generates again and again should leave this off.
        public var keepsModelUntilExit = false

        public init(
            specPath: String, outputDirectory: String, moduleName: String? = nil, templatesDirectory: String? = nil,
            checkOnly: Bool = false, engine: TemplateEngine = .compiled,
            limits: YAMLDocument.Limits = .default, references: ReferencePolicy = ReferencePolicy()
        ) {
            self.specPath = specPath
            self.outputDirectory = outputDirectory
            self.moduleName = moduleName
            self.templatesDirectory = templatesDirectory
            self.checkOnly = checkOnly
            self.engine = engine
            self.limits = limits
            self.references = references
        }
    }

    /// Where `$ref`s may lead: by default to files in the root file's folder and below it, and nowhere else.
    public struct ReferencePolicy: Sendable {
        /// Whether file references may lead outside the root file's folder (`--allow-external-refs`).
        public var allowsFilesOutsideRoot: Bool
        /// How remote references are fetched; `nil` refuses them (`--allow-remote-refs` sets the defaults).
        public var remote: RemoteReferences?

        public init(allowsFilesOutsideRoot: Bool = false, remote: RemoteReferences? = nil) {
            self.allowsFilesOutsideRoot = allowsFilesOutsideRoot
            self.remote = remote
        }

        /// A loader that follows references as the policy allows.
        public func loader(limits: YAMLDocument.Limits = .default) -> DocumentLoader {
            let loader = DocumentLoader(limits: limits)
            loader.allowsFilesOutsideRoot = allowsFilesOutsideRoot
            if let remote {
                loader.remoteFetcher = { url throws(DocumentLoader.FetchFailure) in try remote.fetch(url) }
            }
            return loader
        }
    }

    /// What one generation produced.
    public struct Result: Sendable {
        /// The paths of the generated files, relative to the output folder, in manifest order. (The files themselves
        /// are written as they are rendered, never all held at once; ``render(_:)`` returns them.)
        public var paths: [String]
        public var warnings: [Diagnostic]
        /// What was read leniently, as the description's author meant it: not warnings.
        public var notes: [Diagnostic]
        public var summary: OutputWriter.Summary
        public var moduleName: String
        /// The folder the package was written to (or, with `checkOnly`, would be).
        public var outputDirectory: String
        /// How long each stage took.
        public var timings: StageTimings
    }

    /// Reads, translates and renders, without writing anything.
    public static func render(
        specPath: String, moduleName: String? = nil, templates: TemplateSet = .defaults,
        engine: TemplateEngine = .compiled, references: ReferencePolicy = ReferencePolicy()
    ) throws(Diagnostic) -> (files: [GeneratedFile], warnings: [Diagnostic], notes: [Diagnostic], moduleName: String) {
        try render(
            Options(
                specPath: specPath, outputDirectory: "", moduleName: moduleName, engine: engine, references: references),
            templates: templates)
    }

    /// Reads, translates and renders as `options` say, without writing anything.
    public static func render(
        _ options: Options
    ) throws(Diagnostic) -> (files: [GeneratedFile], warnings: [Diagnostic], notes: [Diagnostic], moduleName: String) {
        try render(options, templates: options.templatesDirectory.map(templateSet) ?? .defaults)
    }

    /// Reads, translates and renders as `options` say, with `templates` (not those of `options`), without writing
    /// anything.
    public static func render(
        _ options: Options, templates: TemplateSet = .defaults
    ) throws(Diagnostic) -> (files: [GeneratedFile], warnings: [Diagnostic], notes: [Diagnostic], moduleName: String) {
        var timings = StageTimings()
        return try render(options, templates: templates, timings: &timings)
    }

    /// Reads, translates and renders, timing each stage, on threads with stacks large enough for schemas nested as
    /// deep as the reader allows, whichever thread calls it (``DeepStack``).
    static func render(
        _ options: Options, templates: TemplateSet, timings: inout StageTimings
    ) throws(Diagnostic) -> (files: [GeneratedFile], warnings: [Diagnostic], notes: [Diagnostic], moduleName: String) {
        let (files, warnings, notes, module) = try DeepStack.run { () throws(Diagnostic) in
            try renderOnDeepStack(options, templates: templates, timings: &timings) {
                (renderer, plan) throws(Diagnostic) in try renderer.render(plan)
            }
        }
        return (files, warnings, notes, module)
    }

    /// Reads, translates, plans the files (the stage `contexts`: the package's context, and which files the
    /// manifest writes), and renders with `render` (the files, or each staged into an output folder as soon as it
    /// is rendered), as the stage `render`. Each file's API or model context is made while it is rendered, and
    /// dropped after it.
    private static func renderOnDeepStack<Rendered>(
        _ options: Options, templates: TemplateSet, timings: inout StageTimings,
        render: (CodeRenderer, RenderPlan) throws(Diagnostic) -> Rendered
    ) throws(Diagnostic) -> (Rendered, warnings: [Diagnostic], notes: [Diagnostic], moduleName: String) {
        // The templates are parsed while the description is read. A broken template is the error reported, whatever
        // the description holds.
        let (parsedTemplates, readDescription) = DeepStack.alongside(
            { () throws(Diagnostic) in try CodeRenderer(templates: templates, engine: options.engine) },
            { () throws(Diagnostic) in
                try read(options.specPath, loader: options.references.loader(limits: options.limits), timings: &timings)
            })
        let renderer = try parsedTemplates.get()
        let (model, warnings, notes) = try translate(consume readDescription, options: options, timings: &timings)
        let plan = try timings.measure("contexts") { () throws(Diagnostic) in
            try renderer.plan(for: model, options: options.render)
        }
        let rendered = try timings.measure("render") { () throws(Diagnostic) in try render(renderer, plan) }
        if options.keepsModelUntilExit { KeptUntilExit.keep(model, plan) }
        return (rendered, warnings, notes, model.moduleName)
    }

    /// A description read: the typed description, with the reader's warnings and notes.
    private typealias ReadDescription = (OpenAPIDocument, warnings: [Diagnostic], notes: [Diagnostic])

    /// The model of the description read, with the reader's and the translator's warnings and notes. The typed
    /// description is the translator's alone, which releases most of it once it has translated the schemas and the
    /// operations; the rest, and the translator's tables, are released when this returns, before the contexts and
    /// the files are made.
    private static func translate(
        _ readDescription: consuming Swift.Result<ReadDescription, Diagnostic>,
        options: Options, timings: inout StageTimings
    ) throws(Diagnostic) -> (CodeModel, warnings: [Diagnostic], notes: [Diagnostic]) {
        let (document, readWarnings, readNotes) = try (consume readDescription).get()
        let module = try options.moduleName.map(validatedModuleName) ?? defaultModuleName(for: document)
        let translator = ModelTranslator(
            document: consume document,
            options: ModelTranslator.Options(
                moduleName: module, methods: options.methods, filter: options.filter, naming: options.naming,
                typeOverrides: options.typeOverrides))
        let model = try timings.measure("model") { () throws(Diagnostic) in try translator.translate() }
        return (model, readWarnings + translator.warnings, readNotes + translator.notes)
    }

    /// Parses and reads the description. The parsed files (several times the size of their text) are released
    /// when this returns, before the model and the output are built.
    static func read(
        _ specPath: String, loader: DocumentLoader, timings: inout StageTimings
    ) throws(Diagnostic) -> (OpenAPIDocument, warnings: [Diagnostic], notes: [Diagnostic]) {
        let reader = OpenAPIReader(loader: loader)
        let file = try timings.measure("parse") { () throws(Diagnostic) in try loader.load(specPath) }
        let document = try timings.measure("read") { () throws(Diagnostic) in try reader.read(root: file.root) }
        return (document, reader.warnings, reader.notes)
    }

    /// Generates the package described by `options` and writes it (or, with `checkOnly`, says what it would
    /// write).
    ///
    /// On error nothing in the output folder has changed.
    public static func generate(_ options: Options) throws(Diagnostic) -> Result {
        let templates = try options.templatesDirectory.map(templateSet) ?? .defaults
        var timings = StageTimings()
        let writer = OutputWriter(directory: options.outputDirectory)
        if options.checkOnly {
            let (files, warnings, notes, module) = try render(options, templates: templates, timings: &timings)
            let summary = try timings.measure("write") { () throws(Diagnostic) in try writer.plan(files) }
            return Result(
                paths: files.map(\.path), warnings: warnings, notes: notes, summary: summary, moduleName: module,
                outputDirectory: options.outputDirectory, timings: timings)
        }
        // Each file is staged as soon as it is rendered. The output folder is locked, and an interrupted write
        // finished, just before rendering: a description or templates that cannot be used leave the folder alone.
        let ((paths, staging), warnings, notes, module) = try DeepStack.run { () throws(Diagnostic) in
            try renderOnDeepStack(options, templates: templates, timings: &timings) {
                (renderer, plan) throws(Diagnostic) in
                let staging = try writer.begin()
                do throws(Diagnostic) {
                    return (try renderer.render(plan, stagingInto: staging), staging)
                } catch {
                    staging.abandon()
                    throw error
                }
            }
        }
        let summary = try timings.measure("write") { () throws(Diagnostic) in try staging.commit(paths) }
        return Result(
            paths: paths, warnings: warnings, notes: notes, summary: summary, moduleName: module,
            outputDirectory: options.outputDirectory, timings: timings)
    }

    static func templateSet(_ directory: String) throws(Diagnostic) -> TemplateSet {
        do {
            return try TemplateSet.defaults(overriddenBy: directory)
        } catch {
            throw Diagnostic(
                at: SourceLocation(file: error.file, line: error.line, column: error.column), error.message)
        }
    }

    /// A module name from the description's title: `Canopy.Api` gives `CanopyApi`; `GeneratedAPI` when the title
    /// gives no usable name.
    static func defaultModuleName(for document: OpenAPIDocument) -> String {
        let name = SwiftName.upperCamelCase(document.info.title)
        return problem(withModuleName: name) == nil ? name : "GeneratedAPI"
    }

    static func validatedModuleName(_ name: String) throws(Diagnostic) -> String {
        if let problem = problem(withModuleName: name) {
            throw Diagnostic.error(inFile: "--module-name", "'\(name)' cannot be the module name: \(problem)")
        }
        return name
    }

    /// Why `name` cannot name the generated module, or `nil` when it can.
    static func problem(withModuleName name: String) -> String? {
        let isIdentifier =
            name.first.map { $0 == "_" || ("a"..."z").contains($0) || ("A"..."Z").contains($0) } == true
            && name.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
            }
        if !isIdentifier { return "a module name is letters, digits and _, not starting with a digit" }
        if SwiftKeywords.needsBackticks(name) { return "it is a Swift keyword" }
        if RuntimeNames.reservedNames.contains(name) || SwiftKeywords.shadowedTypeNames.contains(name) {
            return "it is the name of a type the generated code uses"
        }
        return nil
    }
}

/// Values kept until the process exits (``Generator/Options/keepsModelUntilExit``), never released.
private enum KeptUntilExit {
    private final class Values: @unchecked Sendable {
        // `@unchecked`: `values` is changed under `lock` only.
        let lock = Lock()
        var values: [any Sendable] = []
    }

    private static let kept = Values()

    static func keep(_ model: CodeModel, _ plan: RenderPlan) {
        kept.lock.withLock { kept.values.append((model, plan)) }
    }
}
