import Bindery
import Foundation
import TestExecutors
import Testing

/// Clients generated from `bindery.yaml`s build, warnings as errors, where such clients live: inside the user's
/// targets (the plugins' case), beside the user's own types and protocols.
///
/// - `ShopInternal` holds sources generated with `accessLevel: internal` and every other key: filters, naming and
///   type overrides (to a type of the target), `methods: throwing`, `conformances` (a protocol of the target), no
///   docs; its own code uses what the overrides named.
/// - `ShopPackage` holds sources generated with `accessLevel: package`, which another target of the package,
///   `ShopUser`, uses.
@Suite(.serialized, .computing) struct ConfiguredPackageBuildTests {
    static let internalConfiguration = """
        spec: ../shop.yaml
        output: ../Generated/Internal
        moduleName: Shop
        accessLevel: internal
        docs: false
        methods: throwing
        conformances: [APIModel]
        filters: {tags: [pets]}
        naming:
          types: {Pet: Animal2, '#/tags/pets': PetStore, '#/components/schemas/Pet/properties/status': PetStatus}
          operations: {getPet: fetchPet}
          properties: {Animal: {name: title}}
          enumCases: {'#/components/schemas/Pet/properties/status': {sold: gone}}
        typeOverrides: {Money: Money, PetID: String}
        """

    static let userTypes = """
        import Foundation

        /// A protocol of the app's that every generated model adopts (`conformances`).
        protocol APIModel {}

        extension APIModel {
            var modelName: String { String(describing: Self.self) }
        }

        /// The app's own type for the `Money` schema (`typeOverrides`).
        struct Money: Codable, Hashable, Sendable {
            var amount: String?
            var currency: String?
        }

        func describePet(client: APIClient) async throws -> String {
            let pet: Animal2 = try await PetStore(client: client).fetchPet(id: "7")
            let status: Animal2.PetStatus = pet.status
            let price: Money? = pet.price
            let gone = status == .gone
            return "\\(pet.title ?? "") \\(gone) \\(price?.amount ?? "") \\(pet.modelName) \\(status.modelName)"
        }

        """

    static let packageUser = """
        import Foundation
        import ShopPackage

        func listPets(client: APIClient) async throws -> [Pet] {
            switch try await PetsApi(client: client).listPetsResponse() {
            case .ok(let pets): return pets
            case .created(let animal): return [Pet(name: animal.name, status: .sold)]
            case .undocumented(let response): throw APIError.unexpectedStatus(response)
            }
        }

        """

    @Test func configuredClientsBuildInsideTheUsersTargets() async throws {
        let directory = try Support.temporaryDirectory("bindery-configured")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let fileManager = FileManager.default
        let specs = directory + "/Specs"
        for folder in ["Internal", "Package"] {
            try fileManager.createDirectory(atPath: specs + "/" + folder, withIntermediateDirectories: true)
        }
        try fileManager.copyItem(atPath: ConfigurationGenerationTests.shop, toPath: specs + "/shop.yaml")
        try Self.internalConfiguration.write(
            toFile: specs + "/Internal/bindery.yaml", atomically: true, encoding: .utf8)
        try "spec: ../shop.yaml\noutput: ../Generated/Package\nmoduleName: Shop\naccessLevel: package\ndocs: false\n"
            .write(toFile: specs + "/Package/bindery.yaml", atomically: true, encoding: .utf8)
        for folder in ["Internal", "Package"] {
            _ = try Generator.generate(Configuration.read(path: specs + "/\(folder)/bindery.yaml").options())
        }

        let package = directory + "/Consumer"
        try fileManager.createDirectory(atPath: package + "/Sources/ShopUser", withIntermediateDirectories: true)
        try fileManager.copyItem(
            atPath: specs + "/Generated/Internal/Sources/Shop", toPath: package + "/Sources/ShopInternal")
        try fileManager.copyItem(
            atPath: specs + "/Generated/Package/Sources/Shop", toPath: package + "/Sources/ShopPackage")
        try Self.userTypes.write(
            toFile: package + "/Sources/ShopInternal/App.swift", atomically: true, encoding: .utf8)
        try Self.packageUser.write(
            toFile: package + "/Sources/ShopUser/Pets.swift", atomically: true, encoding: .utf8)
        try """
        // swift-tools-version: 6.2
        import PackageDescription

        let package = Package(
            name: "Consumer",
            platforms: [.macOS(.v13)],
            targets: [
                .target(name: "ShopInternal"),
                .target(name: "ShopPackage"),
                .target(name: "ShopUser", dependencies: ["ShopPackage"]),
            ]
        )

        """.write(toFile: package + "/Package.swift", atomically: true, encoding: .utf8)

        let build = try await Support.run(
            GeneratedPackageBuildTests.swift,
            [
                "build", "--package-path", package, "--scratch-path", directory + "/.build",
                "-Xswiftc", "-warnings-as-errors",
            ])
        #expect(build.status == 0, "swift build failed:\n\(build.stdout)\n\(build.stderr)")
    }
}
