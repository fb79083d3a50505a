import BinderyOpenAPI
import BinderyYAML
import Foundation
import Testing

/// Reads a description given as YAML text, as if it were the file `file`.
func readDocument(_ yaml: String, file: String = "spec.yaml") throws -> OpenAPIDocument {
    let document = try YAMLDocument(bytes: Array(yaml.utf8), file: file)
    return try OpenAPIReader().read(root: document.root)
}

/// The diagnostic reading `yaml` fails with.
func readError(_ yaml: String, file: String = "spec.yaml") -> Diagnostic? {
    do {
        _ = try readDocument(yaml, file: file)
        return nil
    } catch let error as Diagnostic {
        return error
    } catch let error as YAMLError {
        return Diagnostic(error)
    } catch {
        return nil
    }
}

/// A temporary folder with files, removed when the value is dropped.
final class TemporaryFiles {
    let directory: String

    init(_ files: [String: String]) throws {
        directory = NSTemporaryDirectory() + "bindery-tests-" + UUID().uuidString
        for (path, contents) in files {
            let full = directory + "/" + path
            try FileManager.default.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: URL(fileURLWithPath: full))
        }
    }

    func path(_ relative: String) -> String { directory + "/" + relative }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }
}

/// The repository's root folder.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
