import Bindery
import BinderyCore
import BinderyModel
import BinderyOpenAPI
import BinderyRender
import Foundation
import TestExecutors
import Testing

/// Templates: the defaults travel in the binary, a user's folder replaces them file by file, and a broken
/// template or manifest is reported with its position before anything is written.
@Suite(.computing) struct TemplateTests {
    @Test func defaultsAreEmbeddedFromTheTemplatesFolder() throws {
        let folder = Support.repositoryRoot + "/Templates"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasPrefix(".") }.sorted()
        #expect(TemplateSet.defaults.files.keys.sorted() == names)
        for name in names {
            #expect(TemplateSet.defaults.files[name] == Support.read(folder + "/" + name), "\(name) differs")
        }
    }

    /// Every type the runtime templates declare at the top level is reserved, so no schema can take its name.
    @Test func runtimeTypeNamesAreReserved() throws {
        var declared: Set<String> = []
        let pattern = try Regex(
            #"^(?:\{\{access\}\} |public |private |fileprivate )?(?:nonisolated )?(?:final class|struct|enum|protocol|actor) ([A-Za-z_][A-Za-z0-9_]*)"#
        )
        // The runtime templates: those the manifest writes into `Runtime/`.
        let manifest = try #require(TemplateSet.defaults.manifestText)
        let entry = try Regex(#"- template: (\S+)\n\s+path: "[^"\n]*/Runtime/"#)
        let runtime = manifest.matches(of: entry).compactMap { $0.output[1].substring.map(String.init) }
        #expect(runtime.contains("HTTPRequest") && runtime.contains("MultipartBody"))
        // Every runtime file's name is reserved too: a model of that name would be a second file of the name.
        #expect(Set(runtime) == RuntimeNames.fileNames)
        for name in runtime {
            let text = try #require(TemplateSet.defaults.files[name + ".mustache"])
            for line in text.split(separator: "\n") {
                if let match = line.firstMatch(of: pattern), let type = match.output[1].substring {
                    declared.insert(String(type))
                }
            }
        }
        #expect(declared == RuntimeNames.typeNames)
    }

    /// Every type name the Swift templates use is reserved (declared by the runtime, or a standard library or
    /// Foundation name), so a schema of that name cannot shadow it.
    @Test func typeNamesTheTemplatesUseAreReserved() throws {
        // Names used only as members, generic parameters or modules, which a top-level type cannot shadow.
        let notShadowable: Set<String> = [
            "Body", "Value", "CodingKeys", "Configuration", "Field", "Kind", "APIKeyLocation", "RawValue",
            "Scalar", "ISO8601FormatStyle", "Package", "PackageDescription", "FoundationNetworking", "Self", "Type",
            "Content", "Member", "Key", "NestedKey", "T", "Context", "Element", "Part",
            // Generic parameters and associated types of the streaming runtime and of `URLSessionTransport`.
            "Output", "Parser", "Payload", "Bytes",
            // Nested in `AsyncThrowingStream` and `URLSession`.
            "Continuation", "ResponseDisposition",
            // Nested in the streaming runtime's types (`ByteStream.TooLargeError`), in `URLSession` and in
            // `POSIXError` (`.EINVAL`).
            "AsyncBytes", "AsyncIterator", "Reader", "TooLargeError", "Code", "EINVAL", "EIO",
            // Nested in `HTTPResponse` and `BearerTokenRefresher`, found before any top-level type of the same name.
            "HeaderValueDecoder", "HeaderListContainer", "Refresh",
        ]
        let comment = try Regex(#"^\s*//"#)
        let tag = try Regex(#"\{\{[^}]*\}\}"#)
        let literal = try Regex(#""(\\.|[^"\\])*""#)
        let name = try Regex(#"\b[A-Z][A-Za-z0-9_]*\b"#).wordBoundaryKind(.simple)
        var used: Set<String> = []
        for (file, text) in TemplateSet.defaults.files
        where file.hasSuffix(".mustache") && !file.contains("doc")
            && !file.hasSuffix(".md.mustache")
        {
            for line in text.split(separator: "\n") where line.firstMatch(of: comment) == nil {
                let code = String(line).replacing(tag, with: "").replacing(literal, with: "\"\"")
                for match in code.matches(of: name) { used.insert(String(code[match.range])) }
            }
        }
        let reserved = RuntimeNames.typeNames.union(SwiftKeywords.shadowedTypeNames).union(notShadowable)
        #expect(used.subtracting(reserved).sorted() == [])
        #expect(used.contains("Unicode") && used.contains("HTTPRequest"))
    }

    @Test func userTemplatesReplaceDefaultsAndAddFiles() throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let templates = directory + "/templates"
        try FileManager.default.createDirectory(atPath: templates, withIntermediateDirectories: true)
        try Data("// {{name}}: {{#operations}}{{swiftName}} {{/operations}}\n".utf8)
            .write(to: URL(fileURLWithPath: templates + "/api.mustache"))
        try Data("{{#apis}}{{name}}\n{{/apis}}".utf8).write(to: URL(fileURLWithPath: templates + "/index.mustache"))
        let manifest =
            try #require(TemplateSet.defaults.manifestText)
            + "  - template: index\n    path: \"{{docsDirectory}}/INDEX.txt\"\n"
        try Data(manifest.utf8).write(to: URL(fileURLWithPath: templates + "/manifest.yaml"))

        let result = try Generator.generate(
            Generator.Options(
                specPath: Support.canopySpec, outputDirectory: directory + "/Out", moduleName: "Canopy",
                templatesDirectory: templates
            )
        )

        #expect(result.paths.count == 45)
        #expect(Support.read(directory + "/Out/Sources/Canopy/APIs/TokenApi.swift") == "// TokenApi: tokenPostToken \n")
        #expect(Support.read(directory + "/Out/docs/INDEX.txt") == "DeploymentsApi\nPoolApi\nTokenApi\n")
        // Templates the folder does not replace stay the defaults.
        #expect(
            Support.read(directory + "/Out/Sources/Canopy/Models/ProblemDetails.swift")
                == Support.read(
                    Support.repositoryRoot + "/Tests/Goldens/Canopy/Sources/Canopy/Models/ProblemDetails.swift")
        )
    }

    /// `apis` and `models` are the package's lists in every file's template, not only in the README's, with the same
    /// values however a template goes through them: a list inside itself, an element asked again after it, an API's
    /// operations twice. (Each file makes its own lists, and their elements make one context at a time.)
    @Test func packageListsAreTheSameInEveryFile() throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let templates = directory + "/templates"
        try FileManager.default.createDirectory(atPath: templates, withIntermediateDirectories: true)
        let lists = """
            {{#models}}{{name}} ({{#models}}{{#isLast}}{{name}}{{/isLast}}{{/models}}):{{#docComment}} {{line}}{{/docComment}}
            {{/models}}{{#apis}}{{name}}:{{#operations}} {{swiftName}}{{/operations}} \
            ({{#operations}}{{#isLast}}{{swiftName}}{{/isLast}}{{/operations}})
            {{/apis}}
            """
        try Data((lists + "\n").utf8).write(to: URL(fileURLWithPath: templates + "/lists.mustache"))
        let manifest = """
            files:
              - template: lists
                path: lists.txt
              - template: lists
                each: model
                path: "models/{{name}}.txt"
              - template: lists
                each: apiFile
                path: "apis/{{fileName}}.txt"
              - template: lists
                each: api
                path: "docs/{{name}}.txt"
            """
        try Data(manifest.utf8).write(to: URL(fileURLWithPath: templates + "/manifest.yaml"))

        let result = try Generator.generate(
            Generator.Options(
                specPath: Support.canopySpec, outputDirectory: directory + "/Out", moduleName: "Canopy",
                templatesDirectory: templates
            )
        )

        #expect(result.paths.count == 1 + 12 + 3 + 3)
        let package = try #require(Support.read(directory + "/Out/lists.txt"))
        let lines = package.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 12 + 3 + 1)
        #expect(
            lines[0]
                == "GrantTypeHandlerResponse (GetDeploymentQueryResultTenantItem): "
                + "/// - Remark: Generated from `#/components/schemas/GrantTypeHandlerResponse`.")
        #expect(
            lines[7]
                == "CreateDeploymentData (GetDeploymentQueryResultTenantItem): /// A data structure representing "
                + "deployment creation data. /// /// - Remark: Generated from `#/components/schemas/CreateDeploymentData`."
        )
        #expect(
            lines[12...]
                == [
                    "DeploymentsApi: deploymentsCreateDeployment deploymentsGetDeployment (deploymentsGetDeployment)",
                    "PoolApi: poolGetPoolStatus (poolGetPoolStatus)", "TokenApi: tokenPostToken (tokenPostToken)", "",
                ])
        for path in result.paths where path != "lists.txt" {
            #expect(Support.read(directory + "/Out/" + path) == package, "\(path)")
        }
    }

    func templateError(_ files: [String: String]) throws -> Diagnostic? {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for (name, text) in files {
            try Data(text.utf8).write(to: URL(fileURLWithPath: directory + "/" + name))
        }
        do {
            _ = try Generator.generate(
                Generator.Options(
                    specPath: Support.canopySpec, outputDirectory: directory + "/Out", templatesDirectory: directory
                )
            )
            return nil
        } catch {
            #expect(!FileManager.default.fileExists(atPath: directory + "/Out"), "output written despite the error")
            return error
        }
    }

    @Test func reportsABrokenTemplateWithItsPosition() throws {
        let error = try templateError(["api.mustache": "line one\n{{#operations}}\n{{swiftName}}\n"])
        #expect(error?.location.file.hasSuffix("/api.mustache") == true)
        #expect(error?.message.hasPrefix("invalid template") == true)
    }

    @Test func reportsAManifestThatNamesAMissingTemplate() throws {
        let error = try templateError([
            "manifest.yaml": "files:\n  - template: api\n    path: a.swift\n  - template: nope\n    path: b.swift\n"
        ])
        #expect(error?.location.line == 4 && error?.location.column == 5)
        #expect(error?.message == "no template 'nope.mustache'")
    }

    @Test func refusesPathsOutsideTheOutputFolder() throws {
        let error = try templateError(["manifest.yaml": "files:\n  - template: README.md\n    path: ../escape.md\n"])
        #expect(error?.location.line == 2)
        #expect(error?.message.contains("must be relative, inside the output folder") == true)
    }

    @Test func refusesTwoFilesAtOnePath() throws {
        let error = try templateError([
            "manifest.yaml": "files:\n  - template: api\n    each: api\n    path: same.swift\n"
        ])
        #expect(error?.message.contains("'same.swift' is written twice") == true)
    }

    /// Files are staged as they are rendered: an error found after some were staged (three files at one path)
    /// leaves an existing output folder as it was, file for file and date for date, with no staging folder beside
    /// it; a new one is not made.
    @Test func aFailedRenderLeavesTheOutputAsItWas() throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let output = directory + "/Out"
        _ = try Generator.generate(
            Generator.Options(specPath: Support.canopySpec, outputDirectory: output, moduleName: "Canopy"))
        func snapshot() -> [String: String] {
            var files: [String: String] = [:]
            for path in Support.files(under: output) {
                let attributes = try? FileManager.default.attributesOfItem(atPath: output + "/" + path)
                let date = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                files[path] = (Support.read(output + "/" + path) ?? "") + "@\(date)"
            }
            return files
        }
        let before = snapshot()
        let templates = directory + "/templates"
        try FileManager.default.createDirectory(atPath: templates, withIntermediateDirectories: true)
        let manifest =
            "files:\n  - template: README.md\n    path: README.md\n  - template: api\n    each: api\n    path: same.swift\n"
        try Data(manifest.utf8).write(to: URL(fileURLWithPath: templates + "/manifest.yaml"))
        let options = Generator.Options(
            specPath: Support.canopySpec, outputDirectory: output, moduleName: "Canopy", templatesDirectory: templates)

        #expect(throws: Diagnostic.self) { try Generator.generate(options) }
        #expect(snapshot() == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["Out", "templates"])

        var intoNewFolder = options
        intoNewFolder.outputDirectory = directory + "/New"
        #expect(throws: Diagnostic.self) { try Generator.generate(intoNewFolder) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["Out", "templates"])
    }

    @Test func rejectsUnknownManifestKeys() throws {
        let error = try templateError(["manifest.yaml": "files:\n  - template: api\n    path: a.swift\n    for: api\n"])
        #expect(error?.location.line == 4 && error?.location.column == 5)
        #expect(error?.message == "unknown key 'for': expected 'template', 'each', 'path' or 'if'")
    }

    @Test func conditionalFilesFollowAFlagOfThePackage() throws {
        let error = try templateError([
            "manifest.yaml": "files:\n  - template: README.md\n    path: r.md\n    if: hasUnicorns\n"
        ])
        #expect(error?.location.line == 2)
        #expect(error?.message == "'if: hasUnicorns' is not a flag of the package context")
        // Canopy has no oneOf and no multipart body, so neither the union nor the multipart runtime; a description
        // with them gets them.
        let canopy = try Generator.render(specPath: Support.canopySpec, moduleName: "Canopy").files.map(\.path)
        #expect(!canopy.contains("Sources/Canopy/Runtime/UnionCoding.swift"))
        #expect(!canopy.contains("Sources/Canopy/Runtime/MultipartBody.swift"))
        #expect(canopy.contains("Sources/Canopy/Runtime/SecurityScheme.swift"))
        let features = try Generator.render(
            specPath: Support.repositoryRoot + "/Tests/Specs/features.yaml", moduleName: "Features"
        ).files.map(\.path)
        #expect(features.contains("Sources/Features/Runtime/UnionCoding.swift"))
        #expect(features.contains("Sources/Features/Runtime/MultipartBody.swift"))
    }
}
