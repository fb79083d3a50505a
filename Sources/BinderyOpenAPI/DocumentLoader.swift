import BinderyCore
import BinderyYAML

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Loads the files of a multi-file description, once each, and resolves `$ref`s to the nodes they point to.
///
/// A file is named in diagnostics by the path it was reached by: the root file as given, other files relative to
/// the file that refers to them (`specs/common/Error.yaml`), remote ones by their URL.
///
/// Where references may lead:
/// - files in the root file's folder or below it (after symbolic links are resolved); a file outside it (`../x.yaml`,
///   an absolute path, a link that leads out) is an error at the `$ref` unless ``allowsFilesOutsideRoot``;
/// - remote documents (`https://…`) only with a ``remoteFetcher``; references in a remote document resolve against
///   its URL, so a remote document never reads a local file.
public final class DocumentLoader {
    /// Fetches a remote document, or fails with a reason (`HTTP status 404`, `no whole answer within 30 s`).
    public typealias RemoteFetcher = (URL) throws(FetchFailure) -> [UInt8]

    /// Why a remote document could not be fetched.
    public struct FetchFailure: Error, Sendable {
        public var reason: String
        public init(_ reason: String) { self.reason = reason }
    }

    /// Whether file references may lead outside the root file's folder (`--allow-external-refs`).
    public var allowsFilesOutsideRoot = false
    /// Fetches remote references; `nil` refuses them (without `--allow-remote-refs`).
    public var remoteFetcher: RemoteFetcher?
    /// The root file's folder as named in messages, and with symbolic links resolved.
    private var rootFolder: (display: String, real: String)?
    /// Files already found inside (or outside) the root file's folder, by path.
    private var insideRoot: [String: Bool] = [:]

    private var documents: [String: YAMLDocument] = [:]
    /// Resolved references by file and pointer text: descriptions refer to the same few schemas many times.
    private var resolved: [String: [String: ResolvedReference]] = [:]
    /// The schema identifiers of each loaded file, when ``resolvesSchemaIdentifiers`` is on.
    private var identifiers: [String: SchemaIdentifiers] = [:]
    /// Every schema resource (`$id`) of the loaded files by its URI, and the file it is in.
    private var resources: [String: (file: String, target: SchemaIdentifiers.Target)] = [:]
    /// The members of the large mappings JSON pointers went through, by key bytes: a description refers thousands of
    /// times into maps of thousands of schemas, which a scan would make quadratic.
    private var memberIndexes: [YAMLNode: [[UInt8]: YAMLNode]] = [:]

    /// What each file's parse accepts (size, nesting, aliases).
    public var limits: YAMLDocument.Limits

    public init(limits: YAMLDocument.Limits = .default) {
        self.limits = limits
    }

    /// Whether references are resolved as in JSON Schema 2020-12 (OpenAPI 3.1): by `$id` (relative to the base URI
    /// of the schema they are written in, or the file's) and by `$anchor`, before files and JSON pointers. Turning it
    /// on scans the files loaded so far for identifiers; files loaded later are scanned as they are loaded.
    public var resolvesSchemaIdentifiers = false {
        didSet {
            guard resolvesSchemaIdentifiers, !oldValue else { return }
            for document in documents.values.sorted(by: { $0.file < $1.file }) { index(document) }
        }
    }

    /// The nodes of every file loaded so far.
    public private(set) var totalNodeCount = 0

    /// Whether this loader refuses files it has not loaded yet (a ``fork()``).
    private var loadsNoMore = false

    /// A loader in this one's state, with the files it loaded and what it has resolved so far, for reading part of
    /// a description on another thread (``OpenAPIReader``): each thread has a loader of its own, so neither waits
    /// for the other. It loads no file and fetches no remote document: a reference to one that is not loaded yet
    /// fails, and the part is read again by the reader that owns this loader.
    public func fork() -> DocumentLoader {
        let fork = DocumentLoader(limits: limits)
        fork.loadsNoMore = true
        fork.allowsFilesOutsideRoot = allowsFilesOutsideRoot
        fork.remoteFetcher = remoteFetcher
        fork.rootFolder = rootFolder
        fork.insideRoot = insideRoot
        fork.documents = documents
        fork.resolved = resolved
        fork.identifiers = identifiers
        fork.resources = resources
        fork.memberIndexes = memberIndexes
        fork.totalNodeCount = totalNodeCount
        // Set last: its observer scans the documents for identifiers, which `identifiers` already holds.
        fork.resolvesSchemaIdentifiers = resolvesSchemaIdentifiers
        return fork
    }

    /// Loads (once) the file at `path`.
    ///
    /// - Parameter referencedAt: where the file was referenced from, for the error when it cannot be read.
    public func load(_ path: String, referencedAt: SourceLocation? = nil) throws(Diagnostic) -> YAMLDocument {
        let path = Self.normalize(path)
        if rootFolder == nil { setRootFolder(of: path) }
        if let document = documents[path] { return document }
        if loadsNoMore { throw Diagnostic.error(inFile: path, "not loaded by the reader that forked this one") }
        let document: YAMLDocument
        do {
            if let referencedAt {
                guard FileManager.default.isReadableFile(atPath: path) else {
                    throw Diagnostic(at: referencedAt, "cannot read referenced file '\(path)'")
                }
            }
            document = try YAMLDocument(contentsOf: path, limits: limits)
        } catch let error as YAMLError {
            throw Diagnostic(error)
        } catch let error as Diagnostic {
            throw error
        } catch {
            throw Diagnostic.error(inFile: path, "\(error)")
        }
        documents[path] = document
        totalNodeCount += document.nodeCount
        if resolvesSchemaIdentifiers { index(document) }
        return document
    }

    /// Records the folder of the root file, which file references may not leave.
    private func setRootFolder(of path: String) {
        let folder = PathText.parent(of: path)
        let display = folder.isEmpty ? "." : folder
        rootFolder = (display, Self.realPath(display) ?? display)
    }

    /// `path` with symbolic links resolved, or `nil` when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Refuses the file `path` that `reference` leads to when it is outside the root file's folder.
    private func checkInsideRoot(_ path: String, reference: String, at location: SourceLocation) throws(Diagnostic) {
        guard !allowsFilesOutsideRoot, let rootFolder else { return }
        let inside: Bool
        if let known = insideRoot[path] {
            inside = known
        } else {
            // A file that does not exist is reported as unreadable by `load`.
            guard let real = Self.realPath(path) else { return }
            inside = real.hasPrefix(rootFolder.real == "/" ? "/" : rootFolder.real + "/")
            insideRoot[path] = inside
        }
        guard !inside else { return }
        throw Diagnostic(
            at: location,
            "reference '\(reference)' leads outside '\(rootFolder.display)', the folder of the description; "
                + "pass --allow-external-refs to follow it"
        )
    }

    /// Whether `file` names a remote document (`http://…` or `https://…`).
    public static func isRemote(_ file: String) -> Bool {
        file.hasPrefix("https://") || file.hasPrefix("http://")
    }

    /// Loads (once) the remote document at `url`, referenced at `location`.
    private func loadRemote(
        _ url: URL, reference: String, at location: SourceLocation
    ) throws(Diagnostic)
        -> YAMLDocument
    {
        let key = url.absoluteString
        if let document = documents[key] { return document }
        if loadsNoMore {
            throw Diagnostic(at: location, "'\(reference)' is not loaded by the reader that forked this one")
        }
        guard let remoteFetcher else {
            throw Diagnostic(
                at: location,
                "remote reference '\(reference)' is not fetched without --allow-remote-refs; pass it, or save the "
                    + "file and refer to it by a relative path"
            )
        }
        let bytes: [UInt8]
        do {
            bytes = try remoteFetcher(url)
        } catch {
            throw Diagnostic(at: location, "cannot fetch '\(key)': \(error.reason)")
        }
        let document: YAMLDocument
        do {
            document = try YAMLDocument(bytes: bytes, file: key)
        } catch {
            throw Diagnostic(error)
        }
        documents[key] = document
        totalNodeCount += document.nodeCount
        if resolvesSchemaIdentifiers { index(document) }
        return document
    }

    /// Records the schema identifiers of `document`.
    private func index(_ document: YAMLDocument) {
        guard identifiers[document.file] == nil else { return }
        let found = SchemaIdentifiers(document: document)
        identifiers[document.file] = found
        for (uri, target) in found.resources where resources[uri] == nil {
            resources[uri] = (document.file, target)
        }
    }

    /// Resolves the reference `reference`, written at `node`, to the node it points to.
    public func resolve(_ reference: String, at node: YAMLNode) throws(Diagnostic) -> ResolvedReference {
        if resolvesSchemaIdentifiers {
            index(node.document)  // the root document may have been parsed without the loader
            if let target = try resolveByIdentifier(reference, at: node) { return target }
        }
        let location = node.location
        if rootFolder == nil, !Self.isRemote(node.document.file) { setRootFolder(of: node.document.file) }
        let beforeFragment = reference.prefix { $0 != "#" }
        let remoteBase = Self.isRemote(node.document.file) ? URL(string: node.document.file) : nil
        if let colon = beforeFragment.firstIndex(of: ":"), !beforeFragment[..<colon].contains("/"),
            !Self.isRemote(String(beforeFragment))
        {
            throw Diagnostic(
                at: location,
                "reference '\(reference)' is not supported: only relative paths, http and https URLs can be followed"
            )
        }
        let filePart: Substring
        let fragment: Substring
        if let hash = reference.firstIndex(of: "#") {
            filePart = reference[..<hash]
            fragment = reference[reference.index(after: hash)...]
        } else {
            filePart = Substring(reference)
            fragment = ""
        }
        let document: YAMLDocument
        if filePart.isEmpty {
            document = node.document
        } else if Self.isRemote(String(filePart)) || remoteBase != nil {
            guard let url = URL(string: String(filePart), relativeTo: remoteBase)?.absoluteURL,
                Self.isRemote(url.absoluteString)
            else {
                throw Diagnostic(at: location, "reference '\(reference)' is not a URL that can be fetched")
            }
            document = try loadRemote(url, reference: reference, at: location)
        } else {
            let relative = filePart.percentDecoded ?? String(filePart)
            let path: String
            if relative.hasPrefix("/") {
                path = relative
            } else {
                let directory = PathText.parent(of: node.document.file)
                path = directory.isEmpty ? relative : directory + "/" + relative
            }
            try checkInsideRoot(Self.normalize(path), reference: reference, at: location)
            document = try load(path, referencedAt: location)
        }
        if let cached = resolved[document.file]?[String(fragment)] { return cached }
        let decodedFragment = fragment.percentDecoded ?? String(fragment)
        if resolvesSchemaIdentifiers, let ids = identifiers[document.file],
            let anchor = ids.anchors[ids.fileURI + "#" + decodedFragment]
        {
            return ResolvedReference(file: document.file, pointer: anchor.pointer, node: anchor.node)
        }
        guard let pointer = JSONPointer(decodedFragment) else {
            throw Diagnostic(
                at: location,
                "unsupported reference '\(reference)': only JSON pointers ('#/components/schemas/Name') can be resolved"
            )
        }
        var target = document.root
        var walked = JSONPointer(tokens: [])
        for token in pointer.tokens {
            let next: YAMLNode?
            switch target.kind {
            case .mapping:
                next = member(of: target, token)
            case .sequence:
                next = Int(token).flatMap { $0 >= 0 && $0 < target.count ? target.elements[$0] : nil }
            case .scalar:
                next = nil
            }
            guard let next else {
                let place = walked.tokens.isEmpty ? "the document root" : "'#\(walked)'"
                throw Diagnostic(
                    at: location,
                    "cannot resolve reference '\(reference)': \(place) in \(document.file) has no '\(token)'"
                )
            }
            target = next
            walked = walked.appending(token)
        }
        let result = ResolvedReference(file: document.file, pointer: pointer, node: target)
        resolved[document.file, default: [:]][String(fragment)] = result
        return result
    }

    /// The value of the key `key` of `mapping`: ``YAMLNode/subscript(_:)``, through an index for large mappings.
    private func member(of mapping: YAMLNode, _ key: String) -> YAMLNode? {
        guard mapping.count > 32 else { return mapping[key] }
        if let index = memberIndexes[mapping] { return index[Array(key.utf8)] }
        var index: [[UInt8]: YAMLNode] = [:]
        index.reserveCapacity(mapping.count)
        for (name, value) in mapping.pairs {
            guard let text = name.scalar else { continue }
            index[Array(text.utf8)] = index[Array(text.utf8)] ?? value
        }
        memberIndexes[mapping] = index
        return index[Array(key.utf8)]
    }

    /// Resolves a reference by schema identifiers: to a schema resource by its `$id`, then to a JSON pointer in it
    /// or an `$anchor` of it. Returns `nil` when the reference names no known resource, and when a fragment-only JSON
    /// pointer written inside a resource is not in it (`#/components/schemas/Tag` means the document's, as every
    /// OpenAPI tool reads it).
    private func resolveByIdentifier(
        _ reference: String, at node: YAMLNode
    ) throws(Diagnostic)
        -> ResolvedReference?
    {
        guard !resources.isEmpty, let ids = identifiers[node.document.file] else { return nil }
        let base = ids.referenceBases[node] ?? ids.fileURI
        guard let absolute = SchemaIdentifiers.resolve(reference, against: base) else { return nil }
        let (uri, fragment) = SchemaIdentifiers.split(absolute)
        guard let (file, resource) = resources[uri] else { return nil }
        guard let pointer = JSONPointer(fragment) else {
            guard let anchor = identifiers[file]?.anchors[uri + "#" + fragment] else {
                throw Diagnostic(
                    at: node.location,
                    "cannot resolve reference '\(reference)': the schema with $id '\(uri)' has no '$anchor: \(fragment)'"
                )
            }
            return ResolvedReference(file: file, pointer: anchor.pointer, node: anchor.node)
        }
        var target = resource.node
        for token in pointer.tokens {
            let next: YAMLNode? =
                target.kind == .sequence
                ? Int(token).flatMap { $0 >= 0 && $0 < target.count ? target.elements[$0] : nil } : target[token]
            guard let next else {
                if reference.hasPrefix("#") { return nil }
                throw Diagnostic(
                    at: node.location,
                    "cannot resolve reference '\(reference)': the schema with $id '\(uri)' has no '\(token)'")
            }
            target = next
        }
        return ResolvedReference(
            file: file, pointer: JSONPointer(tokens: resource.pointer.tokens + pointer.tokens), node: target)
    }

    /// `path` without `.` components and with `a/..` pairs folded, so one file has one name.
    public static func normalize(_ path: String) -> String {
        let isAbsolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part == "..", isAbsolute {
                continue
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return isAbsolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }
}

/// What a `$ref` points to.
public struct ResolvedReference: Sendable {
    /// The file, as named in diagnostics.
    public var file: String
    public var pointer: JSONPointer
    public var node: YAMLNode

    /// The schema identity of the target.
    public var schemaID: SchemaID { SchemaID(file: file, pointer: pointer) }
}
