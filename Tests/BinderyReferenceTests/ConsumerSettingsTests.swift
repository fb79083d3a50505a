import Bindery
import BinderyRender
import Foundation
import TestExecutors
import Testing

/// The generated code compiles warning-free in every setting a consumer builds it in, with the generated sources
/// inside the consumer's own target (the command plugin's case) beside code that uses them from the main actor,
/// from nonisolated functions and from detached tasks:
/// - Swift 6 with complete strict concurrency;
/// - Swift 6 with `defaultIsolation(MainActor.self)`, as Xcode 26 sets up new app targets;
/// - Swift 5 language mode.
///
/// The Features fixture covers the runtime's every part (unions, recursion, streams, multipart, servers).
@Suite(.serialized, .computing) struct ConsumerSettingsTests {
    static let settings: [(target: String, swiftSettings: String)] = [
        ("SwiftSix", "[.swiftLanguageMode(.v6)]"),
        ("MainActorByDefault", "[.swiftLanguageMode(.v6), .defaultIsolation(MainActor.self)]"),
        ("SwiftFive", "[.swiftLanguageMode(.v5)]"),
    ]

    /// Uses the generated API from an app's main-actor model and from nonisolated code.
    static let consumer = """
        import Foundation

        /// An app's view model: isolated to the main actor.
        @MainActor final class PetsModel {
            let api: PetsApi
            var pets: [Pet] = []
            var ticks: [Tick] = []

            init(client: APIClient) {
                api = PetsApi(client: client)
            }

            func load() async throws {
                pets = try await api.getPets(ids: [1, 2])
                if case .ok(let more) = try await api.getPetsResponse(ids: [3]) {
                    pets += more
                }
                let unique = Set(pets)
                print(unique.count)
            }

            func watch(client: APIClient) async throws {
                for try await event in try await StreamsApi(client: client).watchTicks(count: 2) {
                    ticks.append(event.data)
                }
            }
        }

        /// Library code: nonisolated, and a detached task.
        nonisolated func loadPets(client: APIClient) async throws -> [Pet] {
            let api = PetsApi(client: client)
            let pets = try await api.getPets(ids: [1])
            let data = try JSONEncoder().encode(pets)
            let decoded = try JSONDecoder().decode([Pet].self, from: data)
            let detached = try await Task.detached { try await api.getPets(ids: [2]) }.value
            return pets + decoded + detached
        }

        nonisolated func describe(_ error: any Error) -> String {
            if let error = error as? APIError {
                return error.description
            }
            return String(describing: error)
        }

        nonisolated func productionClient() throws -> APIClient {
            APIClient(baseURL: try Servers.production(region: .eu))
        }

        /// A middleware in the consumer's target: `nonisolated`, as a type in a main-actor target must be to run
        /// around requests on any thread.
        nonisolated struct UserAgent: APIMiddleware {
            func intercept(
                _ request: HTTPRequest, next: (HTTPRequest) async throws -> HTTPResponse
            ) async throws -> HTTPResponse {
                var request = request
                request.headers["User-Agent"] = "Consumer/1"
                return try await next(request)
            }
        }

        nonisolated func resilientClient() -> APIClient {
            var configuration = APIClient.Configuration(timeout: .seconds(30), maxResponseBytes: 1 << 20)
            configuration.retry = RetryPolicy(maxAttempts: 2, sleep: { try await Task.sleep(for: $0) })
            configuration.middlewares = [UserAgent()]
            configuration.credentials[SecurityScheme.apiKey.name] = .token("key")
            return APIClient(configuration: configuration)
        }

        /// A session token refreshed by the runtime, set up from the main actor.
        @MainActor func sessionClient(saved: (access: String, refresh: String)) -> APIClient {
            let tokens = BearerTokenRefresher(accessToken: saved.access, refreshToken: saved.refresh) { refresh in
                (access: "new", refresh: refresh)
            }
            var configuration = APIClient.Configuration()
            configuration.credentials[SecurityScheme.session.name] = tokens.credential
            configuration.middlewares.append(tokens)
            return APIClient(configuration: configuration)
        }
        """

    @Test func featuresCompileInEveryConsumerSetting() async throws {
        let directory = try Support.temporaryDirectory("bindery-consumers")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let generated = directory + "/Generated"
        _ = try Generator.generate(
            Generator.Options(
                specPath: Support.repositoryRoot + "/Tests/Specs/features.yaml", outputDirectory: generated,
                moduleName: "Features"))
        let package = directory + "/Consumers"
        var targets: [String] = []
        for (target, swiftSettings) in Self.settings {
            let sources = "\(package)/Sources/\(target)"
            try FileManager.default.createDirectory(
                atPath: package + "/Sources", withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: generated + "/Sources/Features", toPath: sources)
            try Self.consumer.write(toFile: sources + "/Consumer.swift", atomically: true, encoding: .utf8)
            targets.append("        .target(name: \"\(target)\", swiftSettings: \(swiftSettings)),")
        }
        let manifest = """
            // swift-tools-version: 6.2
            import PackageDescription

            let package = Package(
                name: "Consumers",
                platforms: [.macOS(.v13)],
                targets: [
            \(targets.joined(separator: "\n"))
                ]
            )

            """
        try manifest.write(toFile: package + "/Package.swift", atomically: true, encoding: .utf8)
        let build = try await Support.run(
            GeneratedPackageBuildTests.swift,
            [
                "build", "--package-path", package, "--scratch-path", directory + "/.build",
                "-Xswiftc", "-warnings-as-errors",
            ])
        #expect(build.status == 0, "swift build failed:\n\(build.stdout)\n\(build.stderr)")
    }

    /// Two clients in one package are two targets (README: "Several clients"): each module has its own runtime
    /// (`APIClient`, `APIError`, `JSONValue`, …), and a file that imports both qualifies them by module.
    @Test func twoClientsInOnePackage() async throws {
        let directory = try Support.temporaryDirectory("bindery-two-clients")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let package = directory + "/Clients"
        for (module, spec) in [
            ("Features", Support.repositoryRoot + "/Tests/Specs/features.yaml"), ("Canopy", Support.canopySpec),
        ] {
            var options = Generator.Options(
                specPath: spec, outputDirectory: "\(package)/Sources/\(module)/Generated", moduleName: module)
            options.render = RenderOptions(layout: .sources, generatesDocs: false)
            _ = try Generator.generate(options)
        }
        try FileManager.default.createDirectory(atPath: package + "/Sources/App", withIntermediateDirectories: true)
        let app = """
            import Canopy
            import Features
            import Foundation

            @MainActor func clients() throws {
                let features = Features.APIClient(baseURL: try Servers.production(region: .eu))
                let canopy = Canopy.APIClient(baseURL: URL(fileURLWithPath: "/"))
                let values: [Features.JSONValue] = [.string("a")]
                let more: [Canopy.JSONValue] = [.number(1)]
                let errors: [any Error] = [Features.APIError.invalidRequest("x"), Canopy.APIError.invalidRequest("y")]
                print(features, canopy, values, more, errors.count, PetsApi(client: features), PoolApi(client: canopy))
            }

            try await MainActor.run { try clients() }

            """
        try app.write(toFile: package + "/Sources/App/main.swift", atomically: true, encoding: .utf8)
        let manifest = """
            // swift-tools-version: 6.2
            import PackageDescription

            let package = Package(
                name: "Clients",
                platforms: [.macOS(.v13)],
                targets: [
                    .target(name: "Features"),
                    .target(name: "Canopy"),
                    .executableTarget(
                        name: "App", dependencies: ["Features", "Canopy"],
                        swiftSettings: [.defaultIsolation(MainActor.self)]),
                ]
            )

            """
        try manifest.write(toFile: package + "/Package.swift", atomically: true, encoding: .utf8)
        let build = try await Support.run(
            GeneratedPackageBuildTests.swift,
            [
                "build", "--package-path", package, "--scratch-path", directory + "/.build",
                "-Xswiftc", "-warnings-as-errors",
            ])
        #expect(build.status == 0, "swift build failed:\n\(build.stdout)\n\(build.stderr)")
    }
}
