import Bindery
import Foundation
import TestExecutors
import Testing

/// A path item that several paths reach through `$ref` is read once (`SharedPathItemTests`): what is generated for
/// each path is what the same item written out under that path generates.
@Suite(.computing) struct SharedPathItemGenerationTests {
    /// The path item, each line indented by `indent`.
    static func item(indent: String) -> String {
        """
        parameters: [{name: id, in: path, required: true, schema: {type: string}}]
        get:
          tags: [pets]
          parameters: [{name: fields, in: query, schema: {type: array, items: {type: string}}}]
          responses:
            '200':
              description: The pet.
              content: {application/json: {schema: {type: object, properties: {name: {type: string}}}}}
        delete:
          tags: [pets]
          responses: {'204': {description: Deleted.}}
        """.split(separator: "\n").map { indent + $0 + "\n" }.joined()
    }

    static let paths = ["/v1/pets/{id}", "/v2/pets/{id}", "/v3/pets/{id}"]

    /// The generated files of a description whose `paths` are `paths`, and its warnings, without the folder.
    static func render(paths: String, components: String = "") throws -> (files: [String: String], warnings: [String]) {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let text = "openapi: 3.1.0\ninfo: {title: Pets, version: '1'}\npaths:\n" + paths + components
        try Data(text.utf8).write(to: URL(fileURLWithPath: directory + "/openapi.yaml"))
        let result = try Generator.render(specPath: directory + "/openapi.yaml")
        return (
            Dictionary(uniqueKeysWithValues: result.files.map { ($0.path, $0.contents) }),
            result.warnings.map { $0.description.replacingOccurrences(of: directory + "/", with: "") }
        )
    }

    @Test func aSharedPathItemGeneratesWhatItWrittenOutUnderEachPathDoes() throws {
        let written = try Self.render(paths: Self.paths.map { "  \($0):\n" + Self.item(indent: "    ") }.joined())
        let shared = try Self.render(
            paths: Self.paths.map { "  \($0): {$ref: '#/components/pathItems/Pet'}\n" }.joined(),
            components: "components:\n  pathItems:\n    Pet:\n" + Self.item(indent: "      "))

        #expect(shared.files.keys.sorted() == written.files.keys.sorted())
        for (path, contents) in written.files.sorted(by: { $0.key < $1.key }) {
            #expect(shared.files[path] == contents, "\(path) differs")
        }
        let api = try #require(shared.files["Sources/Pets/APIs/PetsApi.swift"])
        for path in ["/v1/pets/", "/v2/pets/", "/v3/pets/"] {
            #expect(api.contains(path), "no operation on \(path)")
        }
        #expect(shared.warnings == written.warnings)
    }
}
