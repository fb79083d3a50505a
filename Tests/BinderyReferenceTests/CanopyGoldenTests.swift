import Bindery
import BinderyRender
import Foundation
import TestExecutors
import Testing

/// Whole-file goldens: the package generated from `Examples/Canopy/Sources/Canopy/openapi.yaml` is compared byte for
/// byte with `Tests/Goldens/Canopy`, and the example's target with what its `bindery.yaml` generates (the same
/// sources, in the `sources` layout). Set `BINDERY_UPDATE_GOLDENS=1` to rewrite them.
@Suite(.computing) struct CanopyGoldenTests {
    static let goldens = Support.repositoryRoot + "/Tests/Goldens/Canopy"
    static let exampleConfiguration = Support.repositoryRoot + "/Examples/Canopy/Sources/Canopy/bindery.yaml"

    @Test func generatedPackageMatches() throws {
        let files = try Generator.render(specPath: Support.canopySpec, moduleName: "Canopy").files
        try expect(files, in: Self.goldens)
    }

    /// The example's committed client is what `bindery-generate` writes from its `bindery.yaml`, and the same
    /// Swift sources as the golden package's.
    @Test func exampleTargetMatches() throws {
        let options = try Configuration.read(path: Self.exampleConfiguration).options()
        #expect(options.render.layout == .sources)
        let files = try Generator.render(options).files
        try expect(files, in: options.outputDirectory)
        let golden = try Generator.render(specPath: Support.canopySpec, moduleName: "Canopy").files
        let sources = golden.filter { $0.path.hasPrefix("Sources/Canopy/") }.map {
            GeneratedFile(path: String($0.path.dropFirst("Sources/Canopy/".count)), contents: $0.contents)
        }
        #expect(files.filter { $0.path.hasSuffix(".swift") } == sources)
    }

    private func expect(_ files: [GeneratedFile], in directory: String) throws {
        if Support.updatingGoldens {
            try OutputWriter(directory: directory).write(files)
        }
        let expected = Support.files(under: directory).filter { !$0.hasPrefix(".bindery/") }
        #expect(files.map(\.path).sorted() == expected)
        for file in files {
            let golden = Support.read(directory + "/" + file.path)
            #expect(golden == file.contents, "\(file.path) differs from the golden in \(directory)")
        }
    }

    /// `Tests/Specs/features.yaml`, generated into `Tests/Goldens/Features` (the `Features` module that
    /// `FeaturesClientTests` run against a local server).
    @Test func featuresPackageMatches() throws {
        try expectPackage(spec: "features.yaml", module: "Features")
    }

    /// `Tests/Specs/swagger2.yaml`, generated into `Tests/Goldens/SwaggerTwo` (the `SwaggerTwo` module that
    /// `SwaggerTwoClientTests` run against a local server).
    @Test func swaggerTwoPackageMatches() throws {
        try expectPackage(spec: "swagger2.yaml", module: "SwaggerTwo")
    }

    /// `Tests/Specs/<spec>` generated without warnings into `Tests/Goldens/<module>`, compared file by file.
    private func expectPackage(spec: String, module: String) throws {
        let directory = Support.repositoryRoot + "/Tests/Goldens/" + module
        let (files, warnings, _, _) = try Generator.render(
            specPath: Support.repositoryRoot + "/Tests/Specs/" + spec, moduleName: module)
        #expect(warnings.isEmpty, "\(warnings)")
        if Support.updatingGoldens {
            try OutputWriter(directory: directory).write(files)
        }
        #expect(files.map(\.path).sorted() == Support.files(under: directory).filter { !$0.hasPrefix(".bindery/") })
        for file in files {
            #expect(Support.read(directory + "/" + file.path) == file.contents, "\(file.path) differs")
        }
    }

    @Test func referenceFilesAreThere() throws {
        for path in [
            "Sources/Canopy/APIs/TokenApi.swift", "Sources/Canopy/Models/GrantTypeHandlerResponse.swift",
            "docs/TokenApi.md", "docs/GrantTypeHandlerResponse.md", "README.md", "Package.swift",
        ] {
            #expect(FileManager.default.fileExists(atPath: Self.goldens + "/" + path), "missing \(path)")
        }
        let token = try #require(Support.read(Self.goldens + "/Sources/Canopy/APIs/TokenApi.swift"))
        #expect(token.contains("public func tokenPostToken(\n        grantType: String? = nil,"))
        #expect(token.contains("@available(*, deprecated, message: \"This method is marked as obsolete"))
        // The body is decoded as JSON: only JSON types are asked for, application/json first.
        #expect(token.contains("request.headers[\"Accept\"] = \"application/json, text/json\"\n"))
        #expect(token.contains("case 201 where response.isJSON:\n"))
        let model = try #require(Support.read(Self.goldens + "/Sources/Canopy/Models/GrantTypeHandlerResponse.swift"))
        #expect(model.contains("public nonisolated struct GrantTypeHandlerResponse: Codable, Hashable, Sendable {"))
        #expect(model.contains("    public var expiresIn: Int32?\n"))
        #expect(
            model.contains(
                "self.canopysimulationsClientId = try container.decodeIfPresent(String.self, "
                    + "\"canopysimulations:client_id:\")\n"))
    }
}
