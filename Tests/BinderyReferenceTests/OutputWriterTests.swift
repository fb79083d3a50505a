import BinderyCore
import BinderyOpenAPI
import BinderyRender
import Foundation
import Testing

/// Writing the output: all or nothing, unchanged files untouched, stale generated files removed, other files kept.
@Suite struct OutputWriterTests {
    func modificationDate(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }

    @Test func writesUpdatesAndRemovesOnlyGeneratedFiles() throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let output = directory + "/Out"
        let writer = OutputWriter(directory: output)

        let first = try writer.write([
            GeneratedFile(path: "A.swift", contents: "a\n"), GeneratedFile(path: "Sub/Dir/B.swift", contents: "b\n"),
            GeneratedFile(path: "C.swift", contents: "c\n"),
        ])
        #expect(first.written == ["A.swift", "Sub/Dir/B.swift", "C.swift"])
        try Data("mine\n".utf8).write(to: URL(fileURLWithPath: output + "/Sub/Mine.txt"))
        let unchangedDate = modificationDate(output + "/A.swift")
        Thread.sleep(forTimeInterval: 0.02)

        let second = try writer.write([
            GeneratedFile(path: "A.swift", contents: "a\n"), GeneratedFile(path: "C.swift", contents: "c2\n"),
            GeneratedFile(path: "D.swift", contents: "d\n"),
        ])

        #expect(second.unchanged == ["A.swift"])
        #expect(second.written == ["C.swift", "D.swift"])
        #expect(second.removed == ["Sub/Dir/B.swift"])
        #expect(modificationDate(output + "/A.swift") == unchangedDate)
        #expect(Support.read(output + "/C.swift") == "c2\n")
        #expect(Support.read(output + "/Sub/Mine.txt") == "mine\n")
        #expect(!FileManager.default.fileExists(atPath: output + "/Sub/Dir"))
        #expect(Support.read(output + "/" + OutputWriter.manifestPath) == "A.swift\nC.swift\nD.swift\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["Out"])
    }

    @Test func refusesToOverwriteFilesItDidNotWrite() throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data("// my package\n".utf8).write(to: URL(fileURLWithPath: directory + "/Package.swift"))

        #expect(throws: Diagnostic.self) {
            try OutputWriter(directory: directory).write([
                GeneratedFile(path: "New.swift", contents: "new\n"),
                GeneratedFile(path: "Package.swift", contents: "x\n"),
            ])
        }
        #expect(Support.read(directory + "/Package.swift") == "// my package\n")
        #expect(!FileManager.default.fileExists(atPath: directory + "/New.swift"))
    }

    @Test func ignoresManifestEntriesOutsideTheFolder() throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let victim = directory + "/victim.txt"
        try Data("keep\n".utf8).write(to: URL(fileURLWithPath: victim))
        let output = directory + "/Out"
        try OutputWriter(directory: output).write([GeneratedFile(path: "A.swift", contents: "a\n")])
        try Data("A.swift\n../victim.txt\n/etc/hostname\n".utf8)
            .write(to: URL(fileURLWithPath: output + "/" + OutputWriter.manifestPath))

        let summary = try OutputWriter(directory: output).write([GeneratedFile(path: "B.swift", contents: "b\n")])

        #expect(summary.removed == ["A.swift"])
        #expect(Support.read(victim) == "keep\n")
    }

    /// Paths as text: what `NSString` does, without its crash on a one-character relative path.
    @Test func pathText() {
        #expect(
            PathText.parent(of: "O") == "" && PathText.parent(of: "/O") == "/" && PathText.parent(of: "a/b/") == "a")
        #expect(PathText.parent(of: "a/b/c.swift") == "a/b" && PathText.parent(of: "/") == "/")
        #expect(PathText.lastComponent(of: "a/b/") == "b" && PathText.lastComponent(of: "O") == "O")
    }
}
