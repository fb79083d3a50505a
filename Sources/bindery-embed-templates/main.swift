import Foundation

// Writes Sources/BinderyTemplates/DefaultTemplates+Embedded.swift: every file of the package's Templates/ folder as
// a raw string literal, so the default templates travel inside the `bindery` binary.
//   swift run bindery-embed-templates           (after changing a template)
//   swift run bindery-embed-templates --check   (exit 1 when the file is out of date)
//
// The file is committed rather than written by a build tool plugin at build time: SwiftPM builds the tools of
// build tool plugins (here `bindery`, for BinderyPlugin) without running the build tool plugins of their own
// targets, so an embedding plugin breaks every package that uses BinderyPlugin. A test checks the file against
// Templates/.

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let templates = root.appending(path: "Templates")
let output = root.appending(path: "Sources/BinderyTemplates/DefaultTemplates+Embedded.swift")
let checking = CommandLine.arguments.dropFirst().first == "--check"

/// A raw string literal for `text`, with enough `#` that nothing inside can end it or start an escape.
func rawLiteral(_ text: String) -> String {
    var hashes = "#"
    while text.contains("\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
    return "\(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)"
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    exit(1)
}

guard
    let names = try? FileManager.default.contentsOfDirectory(atPath: templates.path).filter({ !$0.hasPrefix(".") })
        .sorted()
else { fail("cannot list \(templates.path)") }

var source = """
    // swift-format-ignore-file
    // Written by `swift run bindery-embed-templates` from the package's Templates folder. Do not edit.

    extension DefaultTemplates {
        /// The default templates by file name.
        static let embedded: [String: String] = [

    """
for name in names {
    guard let data = FileManager.default.contents(atPath: templates.appending(path: name).path),
        let text = String(data: data, encoding: .utf8)
    else { fail("\(templates.path)/\(name): cannot read the template as UTF-8") }
    guard !name.contains("\""), !name.contains("\\") else { fail("\(name): a template's name has no quotes") }
    source += "        \"\(name)\": \(rawLiteral(text)),\n"
}
source += "    ]\n}\n"

if checking {
    guard FileManager.default.contents(atPath: output.path) == Data(source.utf8) else {
        fail("\(output.path) is out of date with Templates/: run 'swift run bindery-embed-templates'")
    }
} else {
    do {
        try Data(source.utf8).write(to: output, options: .atomic)
    } catch {
        fail("\(output.path): \(error)")
    }
    print("Embedded \(names.count) templates in \(output.path)")
}
