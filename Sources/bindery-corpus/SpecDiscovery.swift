import BinderyYAML
import Foundation

/// A root API description found under the corpus folder.
struct CorpusSpec: Sendable, Hashable {
    /// The file's path as found (the folder joined with ``relativePath``).
    var path: String
    /// The path relative to the corpus folder, with `/` separators: the row's name.
    var relativePath: String
    /// The value of the top-level `openapi` (or `swagger`) key, `?` when the file does not parse.
    var version: String
}

/// Finds the root descriptions under a folder.
///
/// A root is a `.yaml`, `.yml` or `.json` file whose top level is a mapping with an `openapi` or `swagger` key.
/// The parts of a multi-file description (DigitalOcean has thousands) have neither at their top level. Files that
/// do not contain the text `openapi` or `swagger` anywhere are skipped without parsing; the rest are parsed with
/// ``YAMLDocument`` (which reads JSON too), so a key further down or inside a string does not count.
enum SpecDiscovery {
    static let extensions: Set<String> = ["yaml", "yml", "json"]

    /// The roots under `folder`, sorted by relative path; when `filters` are given, those whose relative path
    /// contains one of them.
    static func roots(in folder: String, filters: [String] = []) throws -> [CorpusSpec] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue,
            let enumerator = FileManager.default.enumerator(atPath: folder)
        else {
            throw CorpusError("\(folder): no such folder")
        }
        var relativePaths: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") {
                enumerator.skipDescendants()  // .git, .build, .bindery
                continue
            }
            guard extensions.contains((name as NSString).pathExtension.lowercased()),
                FileManager.default.fileExists(
                    atPath: (folder as NSString).appendingPathComponent(relative), isDirectory: &isDirectory),
                !isDirectory.boolValue
            else { continue }
            if !filters.isEmpty, !filters.contains(where: { relative.contains($0) }) { continue }
            relativePaths.append(relative)
        }
        return relativePaths.sorted().compactMap { relative in
            let path = (folder as NSString).appendingPathComponent(relative)
            return rootVersion(ofFileAt: path).map { CorpusSpec(path: path, relativePath: relative, version: $0) }
        }
    }

    /// The `openapi` or `swagger` value of the file's top-level mapping, or `nil` when the file is not a root.
    ///
    /// A file that mentions `openapi:` or `swagger:` at the start of a line but does not parse is still taken as
    /// a root (version `?`), so that a broken description shows up as a failure instead of disappearing.
    static func rootVersion(ofFileAt path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        guard data.range(of: Data("openapi".utf8)) != nil || data.range(of: Data("swagger".utf8)) != nil else {
            return nil
        }
        let document: YAMLDocument
        do {
            document = try YAMLDocument(bytes: data, file: path)
        } catch {
            let text = String(decoding: data, as: UTF8.self)
            let mentionsKey = text.split(whereSeparator: \.isNewline).contains {
                $0.hasPrefix("openapi:") || $0.hasPrefix("swagger:")
            }
            return mentionsKey ? "?" : nil
        }
        let root = document.root
        guard root.kind == .mapping, let value = root["openapi"] ?? root["swagger"] else { return nil }
        return value.scalar ?? "?"
    }
}

/// A problem with the corpus run itself (not with one description).
struct CorpusError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
