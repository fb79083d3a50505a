import Bindery
import Foundation
import TestExecutors
import Testing

/// What real descriptions do that OpenAPI does not allow, and their users cannot change: the generated package is
/// what the author meant when that is clear (with at most a note), and the most useful one, with one warning, when
/// something is lost.
@Suite(.computing) struct VendorQuirkTests {
    /// Generates the description made of `files` (the root is `openapi.yaml`), without writing it.
    func render(
        _ files: [String: String]
    ) throws -> (
        files: [String: String], warnings: [String], notes: [String], directory: String
    ) {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for (path, contents) in files {
            try Data(contents.utf8).write(to: URL(fileURLWithPath: directory + "/" + path))
        }
        let (generated, warnings, notes, _) = try Generator.render(specPath: directory + "/openapi.yaml")
        return (
            Dictionary(uniqueKeysWithValues: generated.map { ($0.path, $0.contents) }),
            warnings.map { $0.description.replacingOccurrences(of: directory + "/", with: "") },
            notes.map { $0.description.replacingOccurrences(of: directory + "/", with: "") }, directory
        )
    }

    /// DigitalOcean gives tag descriptions as `$ref`s to another file; its introductions are tags without
    /// operations (Redoc's `x-traitTag`). The text is read, an API's tag documents the API, and a trait tag is a
    /// section of the package README with its headings one level down, under the section's.
    @Test func tagDescriptionsGivenAsReferencesAreUsed() throws {
        let result = try render([
            "openapi.yaml": """
            openapi: 3.0.0
            info: {title: Cloud, version: '1'}
            tags:
              - name: Introduction
                x-traitTag: true
                description:
                  $ref: 'description.yml#/introduction'
              - name: Pets
                description:
                  $ref: 'description.yml#/pets'
            paths:
              /pets:
                get:
                  tags: [Pets]
                  operationId: listPets
                  responses: {'204': {description: none}}
            """,
            "description.yml": """
            introduction: |
              The Cloud API manages pets.

              ## Requests

              Send JSON.

              ```sh
              # a comment, not a heading
              curl https://api.example.com
              ```
            pets: Everything about pets.
            """,
        ])
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        #expect(
            result.notes == [
                "openapi.yaml:7:13: note: '$ref' in place of text is not OpenAPI (Redocly's tools resolve it); read "
                    + "as the text it refers to (later uses in this document are not reported)"
            ])
        let api = try #require(result.files["Sources/Cloud/APIs/PetsApi.swift"])
        #expect(api.contains("/// Everything about pets.\npublic nonisolated struct PetsApi"), "\(api)")
        let readme = try #require(result.files["README.md"])
        let section = """


            ## Introduction

            The Cloud API manages pets.

            ### Requests

            Send JSON.

            ```sh
            # a comment, not a heading
            curl https://api.example.com
            ```

            """
        #expect(readme.hasSuffix(section), "\(readme)")
        #expect(!readme.contains("## Pets\n"), "a tag with operations is an API, not a section")
    }

    /// readme's `response-http-behavior.yaml` requires `api_key`, which it never defines. What the key is, and
    /// where it goes, is lost: one warning, where the scheme is first named. The requirement stays (documented,
    /// and in the operation's alternatives as a scheme the client cannot apply), so nothing claims the operation
    /// needs no authorization, and another alternative is still used.
    @Test func anUndefinedSecuritySchemeIsOneWarningAndStaysRequired() throws {
        let result = try render([
            "openapi.yaml": """
            openapi: 3.0.0
            info: {title: HTTP, version: '1'}
            paths:
              /cache:
                get:
                  operationId: cached
                  responses: {default: {description: ok}}
                  security:
                    - api_key: []
              /status:
                get:
                  operationId: status
                  responses: {default: {description: ok}}
                  security:
                    - api_key: []
                    - bearer: []
            components:
              securitySchemes:
                bearer: {type: http, scheme: bearer}
            """
        ])
        #expect(
            result.warnings == [
                "openapi.yaml:9:11: warning: security scheme 'api_key' is not defined in components.securitySchemes: "
                    + "the client cannot send its credential (2 operations require it)"
            ])
        #expect(result.notes.isEmpty)
        let api = try #require(result.files["Sources/HTTP/APIs/DefaultApi.swift"])
        #expect(api.contains("try await client.send(request, security: [[.apiKey]])"), "\(api)")
        #expect(api.contains("try await client.send(request, security: [[.apiKey], [.bearer]])"), "\(api)")
        let schemes = try #require(result.files["Sources/HTTP/Runtime/SecurityScheme.swift"])
        #expect(
            schemes.contains(
                """
                    /// `api_key`: Not defined in the description (the client does not know how to send its credential).
                    public static let apiKey = SecurityScheme(name: "api_key", kind: .unsupported)
                """), "\(schemes)")
        let docs = try #require(result.files["docs/DefaultApi.md"])
        #expect(docs.contains("### Authorization\n\n[api_key](../README.md#authorization)\n"), "\(docs)")
        let readme = try #require(result.files["README.md"])
        #expect(
            readme.contains(
                "### api_key\n\nNot defined in the description (the client does not know how to send its "
                    + "credential). Send its credential with `APIClient.Configuration.headers`, or from the "
                    + "transport.\n"), "\(readme)")
    }
}
