import Bindery
import BinderyCore
import Foundation
import LocalHTTPServer
import TestExecutors
import Testing

/// Where `$ref`s may lead: files in the folder of the root file and below it; elsewhere only with
/// `--allow-external-refs`; http(s) URLs only with `--allow-remote-refs`, each document within a time and a size.
@Suite(.loopback) struct ReferencePolicyTests {
    static let root = """
        openapi: 3.0.3
        info: {title: Shop, version: '1'}
        paths:
          /pets:
            get:
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: 'REFERENCE'}

        """

    /// A folder with `specs/api.yaml` referring to `reference`, and the other files given (relative to the folder).
    static func folder(reference: String, files: [String: String]) throws -> String {
        let directory = try Support.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory + "/specs/models", withIntermediateDirectories: true)
        try Data(root.replacingOccurrences(of: "REFERENCE", with: reference).utf8)
            .write(to: URL(fileURLWithPath: directory + "/specs/api.yaml"))
        for (path, contents) in files {
            try Data(contents.utf8).write(to: URL(fileURLWithPath: directory + "/" + path))
        }
        return directory
    }

    static let pet = "Pet: {type: object, properties: {name: {type: string}}}\n"

    func generate(_ directory: String, _ flags: [String] = []) async throws -> (status: Int32, stderr: String) {
        let result = try await Support.run(
            Support.binderyExecutable, ["generate", "specs/api.yaml", "--output", "Out", "--quiet"] + flags,
            in: directory)
        return (result.status, result.stderr)
    }

    @Test func referencesBelowTheRootFolderAreFollowed() async throws {
        let directory = try Self.folder(reference: "models/pet.yaml#/Pet", files: ["specs/models/pet.yaml": Self.pet])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try await generate(directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: directory + "/Out/Sources/Shop/Models/Pet.swift"))
    }

    @Test(arguments: ["../common.yaml#/Pet", "ABSOLUTE/common.yaml#/Pet", "models/link.yaml#/Pet"])
    func referencesLeavingTheRootFolderNeedTheFlag(_ reference: String) async throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let written = reference.replacingOccurrences(of: "ABSOLUTE", with: directory)
        let folder = try Self.folder(reference: written, files: ["common.yaml": Self.pet])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A link inside the folder that leads out of it.
        try FileManager.default.createSymbolicLink(
            atPath: folder + "/specs/models/link.yaml", withDestinationPath: folder + "/common.yaml")
        try FileManager.default.copyItem(atPath: folder + "/common.yaml", toPath: directory + "/common.yaml")

        let refused = try await generate(folder)
        #expect(refused.status == 1)
        #expect(
            refused.stderr == "specs/api.yaml:11:30: error: reference '\(written)' leads outside 'specs', the folder "
                + "of the description; pass --allow-external-refs to follow it\n")
        #expect(!FileManager.default.fileExists(atPath: folder + "/Out"))

        let allowed = try await generate(folder, ["--allow-external-refs"])
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder + "/Out/Sources/Shop/Models/Pet.swift"))
    }

    @Test func remoteReferencesNeedTheFlag() async throws {
        let directory = try Self.folder(reference: "https://example.com/models.yaml#/Pet", files: [:])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try await generate(directory)
        #expect(result.status == 1)
        #expect(
            result.stderr == "specs/api.yaml:11:30: error: remote reference 'https://example.com/models.yaml#/Pet' is "
                + "not fetched without --allow-remote-refs; pass it, or save the file and refer to it by a relative "
                + "path\n")
    }

    /// A remote document, and the one it refers to by a relative URL, are fetched once each; a path in a remote
    /// document is a path on its server, never a local file.
    @Test func remoteReferencesAreFetchedWithTheFlag() async throws {
        let server = try LocalHTTPServer { request in
            switch request.path {
            case "/api/models.yaml":
                .text(200, "Pet: {type: object, properties: {name: {$ref: 'common/name.yaml'}}}\n")
            case "/api/common/name.yaml": .text(200, "{type: string, description: The name.}\n")
            case "/api/broken.yaml": .text(200, "Pet: {$ref: '/etc/hostname'}\n")
            default: .text(404, "not found")
            }
        }
        defer { server.shutdown() }
        let base = server.baseURL.absoluteString
        let directory = try Self.folder(reference: base + "/api/models.yaml#/Pet", files: [:])
        defer { try? FileManager.default.removeItem(atPath: directory) }

        let result = try await generate(directory, ["--allow-remote-refs"])
        #expect(result.status == 0, "\(result.stderr)")
        let model = Support.read(directory + "/Out/Sources/Shop/Models/Pet.swift") ?? ""
        #expect(model.contains("public var name: Name?"))
        #expect(Support.read(directory + "/Out/Sources/Shop/Models/Name.swift")?.contains("The name.") == true)
        #expect(server.requests.map(\.path) == ["/api/models.yaml", "/api/common/name.yaml"])

        let broken = try Self.folder(reference: base + "/api/broken.yaml#/Pet", files: [:])
        defer { try? FileManager.default.removeItem(atPath: broken) }
        let failed = try await generate(broken, ["--allow-remote-refs"])
        #expect(failed.status == 1)
        #expect(
            failed.stderr == "\(base)/api/broken.yaml:1:13: error: cannot fetch '\(base)/etc/hostname': HTTP status "
                + "404\n")
    }

    /// A document larger than the limit is not read past it (whether its size is announced or not), and one that
    /// takes too long is given up.
    @Test func remoteDocumentsHaveASizeAndATimeLimit() async throws {
        let server = try LocalHTTPServer { request in
            switch request.path {
            case "/large.yaml": .text(200, String(repeating: "# padding\n", count: 10_000))
            case "/streamed.yaml":
                .streamed(
                    200, contentType: "application/yaml", partCount: 20,
                    makePart: { _ in .init(String(repeating: "# padding\n", count: 800)) })
            default:
                .streamed(200, contentType: "application/yaml", parts: [.init("Pet:\n"), .init(delay: 30, "  {}\n")])
            }
        }
        defer { server.shutdown() }
        let base = server.baseURL.absoluteString
        let cases = [
            ("/large.yaml", RemoteReferences(maximumSize: 64 << 10), "it is larger than 65536 bytes"),
            ("/streamed.yaml", RemoteReferences(maximumSize: 64 << 10), "it is larger than 65536 bytes"),
            ("/slow.yaml", RemoteReferences(timeout: .milliseconds(500)), "no whole answer within 0.5 s"),
        ]
        for (path, remote, reason) in cases {
            let directory = try Self.folder(reference: base + path + "#/Pet", files: [:])
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let start = ContinuousClock.now
            let failure = try await Support.onThread { () -> String? in
                do {
                    _ = try Generator.render(
                        specPath: directory + "/specs/api.yaml", references: .init(remote: remote))
                    return nil
                } catch {
                    return "\(error)"
                }
            }
            #expect(failure == "\(directory)/specs/api.yaml:11:30: error: cannot fetch '\(base)\(path)': \(reason)")
            // The timeout ends the fetch before the slow server's 30 s (the size limits need no clock).
            if path == "/slow.yaml" { #expect(ContinuousClock.now - start < .seconds(25)) }
        }
    }
}
