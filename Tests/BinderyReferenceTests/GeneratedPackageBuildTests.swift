import Bindery
import Foundation
import TestExecutors
import Testing

/// The generated packages build with `swift build`, warnings as errors: the Canopy example and the full 2022
/// Canopy description (125 operations, 209 schemas).
@Suite(.serialized, .computing) struct GeneratedPackageBuildTests {
    static var swift: String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"
        for directory in path.split(separator: ":")
        where FileManager.default.isExecutableFile(atPath: "\(directory)/swift") {
            return "\(directory)/swift"
        }
        return "/usr/bin/swift"
    }

    func generateAndBuild(spec: String, module: String?) async throws {
        let directory = try Support.temporaryDirectory("bindery-build")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let started = ContinuousClock.now
        let result = try Generator.generate(
            Generator.Options(specPath: spec, outputDirectory: directory + "/Package", moduleName: module)
        )
        let generated = ContinuousClock.now
        let build = try await Support.run(
            Self.swift,
            [
                "build", "--package-path", directory + "/Package", "--scratch-path", directory + "/.build",
                "-Xswiftc", "-warnings-as-errors",
            ]
        )
        let built = ContinuousClock.now
        #expect(build.status == 0, "swift build failed:\n\(build.stdout)\n\(build.stderr)")
        print(
            "\((spec as NSString).lastPathComponent): \(result.paths.count) files generated in "
                + "\(generated - started), built in \(built - generated)"
        )
    }

    @Test func canopyExampleBuilds() async throws {
        try await generateAndBuild(spec: Support.canopySpec, module: "Canopy")
    }

    /// Names and shapes that once broke generated code (keywords and runtime names as property, parameter and
    /// schema names, alias cycles, `default`-only responses, optional security, cookie arrays, ...).
    @Test func edgeCasesBuild() async throws {
        let spec = Support.repositoryRoot + "/Tests/Specs/edge-cases.yaml"
        let (files, warnings, _, _) = try Generator.render(specPath: spec)
        let api = try #require(files.first { $0.path == "Sources/EdgeCases/APIs/DefaultApi.swift" }?.contents)
        // `missing` is never defined: kept, as a scheme the client cannot apply, with one warning.
        #expect(api.contains("try await client.send(request, security: [[], [.bearer], [.missing]])"))
        #expect(warnings.map(\.message).contains { $0.hasPrefix("security scheme 'missing' is not defined") })
        #expect(api.contains("request.headers[\"Accept\"] = \"application/json\"\n"))
        #expect(
            api.contains(
                "guard (200..<300).contains(statusCode) else { throw APIResponseError(body: body, response: response) }"
            ))
        #expect(warnings.map(\.message).contains { $0.contains("'Loop1' only refers to itself") })
        let client = try #require(files.first { $0.path == "Sources/EdgeCases/Runtime/APIClient.swift" }?.contents)
        #expect(client.contains("URL(string: \"http://localhost/api/v3\")"))
        try await generateAndBuild(spec: spec, module: nil)
    }

    /// A Swagger 2.0 description end to end: `in: body`, `formData` as multipart (with `type: file`) and as a form,
    /// `collectionFormat`, `securityDefinitions`, `host`/`basePath`/`schemes`, `x-nullable`, integer status keys.
    @Test func swagger2DescriptionBuilds() async throws {
        let spec = Support.repositoryRoot + "/Tests/Specs/swagger2.yaml"
        let (files, warnings, _, _) = try Generator.render(specPath: spec)
        #expect(warnings.isEmpty, "\(warnings)")
        let api = try #require(files.first { $0.path == "Sources/SwaggerTwo/APIs/DefaultApi.swift" }?.contents)
        #expect(api.contains("try request.addQuery(\"tags\", tags, style: .pipeDelimited, explode: false)"))
        #expect(api.contains("try request.addQuery(\"status\", status)"))
        #expect(api.contains("try form.add(\"file\", file: file)"))
        #expect(api.contains("try form.add(\"name\", name)"))
        #expect(api.contains("try request.setJSONBody(body, contentType: \"application/json\")"))
        #expect(api.contains("security: [[.petstoreAuth]]"))
        let client = try #require(files.first { $0.path == "Sources/SwaggerTwo/Runtime/APIClient.swift" }?.contents)
        #expect(client.contains("URL(string: \"https://api.example.com/v2\")"))
        // Pet holds the discriminator and Cat and Dog extend it: Pet is the enum of them, each with its members.
        let pet = try #require(files.first { $0.path == "Sources/SwaggerTwo/Models/Pet.swift" }?.contents)
        #expect(pet.contains("    case cat(Cat)\n") && pet.contains("    case dog(Dog)\n"))
        let dog = try #require(files.first { $0.path == "Sources/SwaggerTwo/Models/Dog.swift" }?.contents)
        #expect(dog.contains("public var nickname: String?"))
        try await generateAndBuild(spec: spec, module: nil)
    }

    /// A hierarchy over several files whose parent's `mapping` names its descendants by file (`Cat.yaml`,
    /// `./Cat.yaml`) and by a reference into another file (`../openapi.yaml#/components/schemas/Dog`): each value
    /// chooses its case, and the package builds.
    @Test func mappingTargetsWrittenAsFilesChooseTheirCases() async throws {
        let spec = Support.repositoryRoot + "/Tests/Specs/hierarchy-files/openapi.yaml"
        let (files, warnings, _, _) = try Generator.render(specPath: spec)
        #expect(warnings.isEmpty, "\(warnings)")
        let pet = try #require(files.first { $0.path == "Sources/HierarchyFiles/Models/Pet.swift" }?.contents)
        #expect(pet.contains("        case \"dog\":\n            self = .dog(try container.decode(Dog.self))\n"))
        #expect(
            pet.contains("        case \"cat\", \"kitty\":\n            self = .cat(try container.decode(Cat.self))\n"))
        try await generateAndBuild(spec: spec, module: nil)
    }

    /// An API of more than 20 operations is split into files of 20: the type with the first 20, then extensions
    /// (`DefaultApi+2.swift`, …), in the description's order; the split package builds.
    @Test func largeAPIIsSplitIntoFiles() async throws {
        let directory = try Support.temporaryDirectory("bindery-split")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var paths = ""
        for number in 1...45 {
            paths += """
                  /items\(number)/{id}:
                    get:
                      operationId: getItem\(number)
                      parameters: [{name: id, in: path, required: true, schema: {type: integer}}]
                      responses: {'200': {description: OK, content: {application/json: {schema: {type: string}}}}}

                """
        }
        let spec = directory + "/split.yaml"
        try "openapi: 3.0.3\ninfo: {title: Split, version: '1'}\npaths:\n\(paths)".write(
            toFile: spec, atomically: true, encoding: .utf8)
        let (files, warnings, _, _) = try Generator.render(specPath: spec)
        #expect(warnings.isEmpty, "\(warnings)")
        let apis = files.filter { $0.path.hasPrefix("Sources/Split/APIs/") }
        #expect(
            apis.map(\.path) == [
                "Sources/Split/APIs/DefaultApi.swift", "Sources/Split/APIs/DefaultApi+2.swift",
                "Sources/Split/APIs/DefaultApi+3.swift",
            ])
        let counts = apis.map { $0.contents.components(separatedBy: "    public func getItem").count - 1 }
        #expect(counts == [40, 40, 10])  // the throwing method and the `…Response` method of each operation
        #expect(apis[0].contents.contains("public nonisolated struct DefaultApi: Sendable {"))
        #expect(apis[0].contents.contains("public func getItem20(") && !apis[0].contents.contains("getItem21("))
        #expect(
            apis[2].contents.contains(
                "nonisolated extension DefaultApi {\n    // MARK: - Operations 41 to 45 of 45\n\n    /// `GET /items41/{id}`"
            ))
        let docs = try #require(files.first { $0.path == "docs/DefaultApi.md" }?.contents)
        #expect(docs.contains("getItem1(") && docs.contains("getItem45("))
        try await generateAndBuild(spec: spec, module: nil)
    }

    /// What the description deprecates warns its users and nothing else: a consumer package that uses the
    /// generated one gets a warning for each deprecated declaration it touches, and none for the rest; the
    /// generated package itself has none.
    @Test func deprecationsWarnTheirUsersOnly() async throws {
        let directory = try Support.temporaryDirectory("bindery-deprecations")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data(SnippetReferenceTests.deprecations.utf8).write(to: URL(fileURLWithPath: directory + "/openapi.yaml"))
        _ = try Generator.generate(
            Generator.Options(
                specPath: directory + "/openapi.yaml", outputDirectory: directory + "/Pets", moduleName: "Pets"))
        try FileManager.default.createDirectory(
            atPath: directory + "/Consumer/Sources/Consumer", withIntermediateDirectories: true)
        try Data(
            """
            // swift-tools-version: 5.9
            import PackageDescription

            let package = Package(
                name: "Consumer",
                platforms: [.macOS(.v13)],
                dependencies: [.package(path: "../Pets")],
                targets: [.executableTarget(name: "Consumer", dependencies: [.product(name: "Pets", package: "Pets")])]
            )
            """.utf8
        ).write(to: URL(fileURLWithPath: directory + "/Consumer/Package.swift"))
        try Data(
            """
            import Foundation
            import Pets

            let api = PetsApi(client: APIClient(baseURL: URL(fileURLWithPath: "/")))
            var pet = Pet(name: "Rex")
            pet.name += "!"
            let old = Pet(name: "Rex", tag: "a")
            print(pet.tag ?? "", old, Status.sold, Choice.string("s"))
            let data = try JSONCoding.makeEncoder().encode(Tag(id: "1"))
            print(try JSONCoding.makeDecoder().decode(Tag.self, from: data))
            Task {
                try await api.addPet(body: pet, notify: true)
                try await api.addPet(body: pet)
                print(try await api.listPets())
            }

            """.utf8
        ).write(to: URL(fileURLWithPath: directory + "/Consumer/Sources/Consumer/main.swift"))

        let build = try await Support.run(
            Self.swift,
            ["build", "--package-path", directory + "/Consumer", "--scratch-path", directory + "/.build"]
        )
        #expect(build.status == 0, "swift build failed:\n\(build.stdout)\n\(build.stderr)")
        let warnings = Set(
            (build.stdout + build.stderr).split(separator: "\n").filter { $0.contains(": warning: ") }.map { line in
                line.range(of: "Sources/").map { String(line[$0.lowerBound...]) } ?? String(line)
            })
        #expect(
            warnings == [
                "Sources/Consumer/main.swift:7:11: warning: 'init(name:tag:status:)' is deprecated: Sets deprecated "
                    + "properties. [#DeprecatedDeclaration]",
                "Sources/Consumer/main.swift:8:11: warning: 'tag' is deprecated [#DeprecatedDeclaration]",
                "Sources/Consumer/main.swift:8:27: warning: 'Status' is deprecated [#DeprecatedDeclaration]",
                "Sources/Consumer/main.swift:12:19: warning: 'addPet(body:notify:)' is deprecated: Takes `notify`, "
                    + "which the API description deprecates. [#DeprecatedDeclaration]",
                "Sources/Consumer/main.swift:14:25: warning: 'listPets(status:)' is deprecated: Uses `Status`, which "
                    + "is deprecated. [#DeprecatedDeclaration]",
            ], "\(build.stdout)")
    }

    /// The reference API: the 2022 Canopy description, committed as `Tests/Specs/canopy-2022.json`.
    @Test func fullCanopyDescriptionBuilds() async throws {
        let spec = Support.repositoryRoot + "/Tests/Specs/canopy-2022.json"
        let (files, warnings, _, module) = try Generator.render(specPath: spec)
        #expect(module == "CanopyApi")
        #expect(files.filter { $0.path.hasPrefix("Sources/CanopyApi/Models/") }.count == 209)
        #expect(warnings.isEmpty, "\(warnings)")
        try await generateAndBuild(spec: spec, module: nil)
    }

    /// The opt-in corpus (`BINDERY_CORPUS=1 swift test --filter corpus`): large real descriptions from
    /// `../shared/specs`, generated and built. Minutes each on two cores, so not part of CI.
    @Test(
        .enabled(
            if: ProcessInfo.processInfo.environment["BINDERY_CORPUS"] == "1",
            "opt-in: BINDERY_CORPUS=1 swift test --filter corpus"),
        .enabled(if: Support.hasSharedSpecs, "needs the corpus in ../shared/specs beside the repository"),
        arguments: [
            "github-rest-api/api.github.com.json", "digitalocean/specification/DigitalOcean-public.v2.yaml",
            "swift-openapi-generator-petstore/petstore.yaml", "swagger-petstore-v3/openapi.yaml",
            "museum-api/openapi.yaml", "spotify/fixed-spotify-open-api.yml", "stripe/spec3.yaml",
        ]
    )
    func corpus(_ spec: String) async throws {
        try await generateAndBuild(spec: Support.sharedSpecs + "/" + spec, module: nil)
    }
}
