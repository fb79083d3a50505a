import BinderyYAML
import Foundation

/// Loads the files of a multi-file description, once each, and resolves `$ref`s to the nodes they point to.
///
/// A file is named in diagnostics by the path it was reached by: the root file as given, other files relative to
/// the file that refers to them (`specs/common/Error.yaml`). Remote references (`https://…`) are not fetched.
public final class DocumentLoader {
    private var documents: [String: YAMLDocument] = [:]
    /// Resolved references by file and pointer text: descriptions refer to the same few schemas many times.
    private var resolved: [String: [String: ResolvedReference]] = [:]

    public init() {}

    /// The nodes of every file loaded so far.
    public private(set) var totalNodeCount = 0

    /// Loads (once) the file at `path`.
    ///
    /// - Parameter referencedAt: where the file was referenced from, for the error when it cannot be read.
    public func load(_ path: String, referencedAt: SourceLocation? = nil) throws(Diagnostic) -> YAMLDocument {
        let path = Self.normalize(path)
        if let document = documents[path] { return document }
        let document: YAMLDocument
        do {
            if let referencedAt {
                guard FileManager.default.isReadableFile(atPath: path) else {
                    throw Diagnostic(at: referencedAt, "cannot read referenced file '\(path)'")
                }
            }
            document = try YAMLDocument(contentsOf: path)
        } catch let error as YAMLError {
            throw Diagnostic(error)
        } catch let error as Diagnostic {
            throw error
        } catch {
            throw Diagnostic.error(inFile: path, "\(error)")
        }
        documents[path] = document
        totalNodeCount += document.nodeCount
        return document
    }

    /// Resolves the reference `reference`, written at `node`, to the node it points to.
    public func resolve(_ reference: String, at node: YAMLNode) throws(Diagnostic) -> ResolvedReference {
        let location = node.location
        let beforeFragment = reference.prefix { $0 != "#" }
        if let colon = beforeFragment.firstIndex(of: ":"), !beforeFragment[..<colon].contains("/") {
            throw Diagnostic(
                at: location,
                "remote reference '\(reference)' is not supported; save the file and refer to it by a relative path"
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
        } else {
            let relative = String(filePart).removingPercentEncoding ?? String(filePart)
            let path: String
            if relative.hasPrefix("/") {
                path = relative
            } else {
                let directory = (node.document.file as NSString).deletingLastPathComponent
                path = directory.isEmpty ? relative : directory + "/" + relative
            }
            document = try load(path, referencedAt: location)
        }
        if let cached = resolved[document.file]?[String(fragment)] { return cached }
        let decodedFragment = String(fragment).removingPercentEncoding ?? String(fragment)
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
                next = target[token]
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

    /// `path` without `.` components and with `a/..` pairs folded, so one file has one name.
    static func normalize(_ path: String) -> String {
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
