import BinderyCore

/// What one generation renders: the package's context and, in manifest order, one job per file. Planning makes no
/// API or model context: each file's is made by the thread that renders the file, and dropped when it is done.
public struct RenderPlan: Sendable {
    /// The context around every file; the manifest's `if:` flags are its values.
    public let package: PackageContext
    /// The files, in manifest order.
    let jobs: [RenderJob]

    /// How the output is laid out.
    public var layout: RenderOptions.Layout { package.layout }

    /// One job per file that `manifest` writes for `package`: per API, per file of each API (as many as
    /// ``APIContext/fileCount(of:)`` says) and per model counted from the model, each entry's `if:` flags asked of
    /// `package`.
    init(package: PackageContext, manifest: TemplateManifest) throws(Diagnostic) {
        self.package = package
        var jobs: [RenderJob] = []
        let apis = package.model.apis.indices
        let models = package.model.types.indices
        for entry in manifest.entries where try Self.isWritten(entry, package: package) {
            switch entry.scope {
            case .package: jobs.append(RenderJob(entry: entry, subject: .package))
            case .api: jobs += apis.map { RenderJob(entry: entry, subject: .api($0)) }
            case .apiFile:
                for api in apis {
                    jobs += (0..<package.fileCount(ofAPI: api)).map {
                        RenderJob(entry: entry, subject: .apiFile(api: api, file: $0))
                    }
                }
            case .model: jobs += models.map { RenderJob(entry: entry, subject: .model($0)) }
            }
        }
        self.jobs = jobs
    }

    /// Whether every `if:` flag of `entry` is true in `package`.
    private static func isWritten(
        _ entry: TemplateManifest.Entry, package: PackageContext
    ) throws(Diagnostic) -> Bool {
        var isWritten = true
        for condition in entry.conditions {
            guard case .flag(let value)? = package.value(forKey: RenderKey(condition)) else {
                throw Diagnostic(at: entry.location, "'if: \(condition)' is not a flag of the package context")
            }
            isWritten = isWritten && value
        }
        return isWritten
    }
}

/// One file to render: its manifest entry, and the API, part of an API or model it is rendered for.
struct RenderJob: Sendable {
    /// What a file is rendered for: indices in the model's `apis` and `types`.
    enum Subject: Sendable {
        case package
        case api(Int)
        case apiFile(api: Int, file: Int)
        case model(Int)
    }

    let entry: TemplateManifest.Entry
    let subject: Subject

    /// The contexts the file is rendered with, outermost first: `package` with lists of its own (so that what a
    /// template makes of `apis` and `models` is dropped with the file), and the context of the file's API, part of
    /// an API or model, made now.
    func contexts(in package: PackageContext) -> [any RenderContext] {
        let package = package.forOneFile()
        return switch subject {
        case .package: [package]
        case .api(let api): [package, package.apiContext(api)]
        case .apiFile(let api, let file): [package, package.apiFileContext(api, file: file)]
        case .model(let model): [package, package.modelContext(model)]
        }
    }
}
