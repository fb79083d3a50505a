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
        /// Where `$ref`s may lead.
        public var references: ReferencePolicy

        public init(
            specPath: String, outputDirectory: String, moduleName: String? = nil, templatesDirectory: String? = nil,
            checkOnly: Bool = false, references: ReferencePolicy = ReferencePolicy()
        ) {
            self.specPath = specPath
            self.outputDirectory = outputDirectory
            self.moduleName = moduleName
            self.templatesDirectory = templatesDirectory
            self.checkOnly = checkOnly
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
        func loader() -> DocumentLoader {
            let loader = DocumentLoader()
            loader.allowsFilesOutsideRoot = allowsFilesOutsideRoot
            if let remote {
                loader.remoteFetcher = { url throws(DocumentLoader.FetchFailure) in try remote.fetch(url) }
            }
            return loader
        }
    }

    /// What one generation produced.
    public struct Result: Sendable {
        public var files: [GeneratedFile]
        public var warnings: [Diagnostic]
        /// What was read leniently, as the description's author meant it: not warnings.
        public var notes: [Diagnostic]
        public var summary: OutputWriter.Summary
        public var moduleName: String
    }

    /// Reads, translates and renders, without writing anything.
    public static func render(
        specPath: String, moduleName: String? = nil, templates: TemplateSet = .defaults,
        references: ReferencePolicy = ReferencePolicy()
    ) throws(Diagnostic) -> (files: [GeneratedFile], warnings: [Diagnostic], notes: [Diagnostic], moduleName: String) {
        // Templates first: a broken template is reported without reading a large description.
        let renderer = try CodeRenderer(templates: templates)
        let reader = OpenAPIReader(loader: references.loader())
        let document = try reader.read(path: specPath)
        let module = try moduleName.map(validatedModuleName) ?? defaultModuleName(for: document)
        let translator = ModelTranslator(document: document, options: .init(moduleName: module))
        let model = try translator.translate()
        let files = try renderer.render(model)
        return (files, reader.warnings + translator.warnings, reader.notes + translator.notes, module)
    }

    /// Generates the package described by `options` and writes it (or, with `checkOnly`, says what it would
    /// write).
    ///
    /// On error nothing in the output folder has changed.
    public static func generate(_ options: Options) throws(Diagnostic) -> Result {
        let templates =
            if let directory = options.templatesDirectory {
                try templateSet(directory)
            } else {
                TemplateSet.defaults
            }
        let (files, warnings, notes, module) = try render(
            specPath: options.specPath, moduleName: options.moduleName, templates: templates,
            references: options.references
        )
        let writer = OutputWriter(directory: options.outputDirectory)
        let summary = try options.checkOnly ? writer.plan(files) : writer.write(files)
        return Result(files: files, warnings: warnings, notes: notes, summary: summary, moduleName: module)
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
