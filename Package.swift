// swift-tools-version: 6.2
import PackageDescription

/// Bindery: OpenAPI 2.0 / 3.0 / 3.1 → Swift client bindings.
///
/// One module per stage, data flowing one way:
/// `BinderyYAML` (libyaml shim) → `BinderyOpenAPI` (typed document) → `BinderyModel` (what templates need)
/// → `BinderyRender` (Mustache templates, atomic output) → `Bindery` (the pipeline) → `bindery` (CLI) and plugins.
let package = Package(
    name: "Bindery",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "bindery", targets: ["bindery"]),
        .library(name: "Bindery", targets: ["Bindery"]),
        .plugin(name: "BinderyGenerate", targets: ["BinderyGenerate"]),
        .plugin(name: "BinderyPlugin", targets: ["BinderyPlugin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
    ],
    targets: [
        // What every stage shares: source locations, diagnostics, and the vocabulary of HTTP (statuses,
        // parameter locations and styles).
        .target(name: "BinderyCore"),

        // Stage 1: YAML (and JSON) through the system libyaml.
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]),
        .target(name: "CBinderyYAML", dependencies: ["CYAML"]),
        .target(name: "BinderyYAML", dependencies: ["CBinderyYAML", "BinderyCore"]),
        // Remote references are fetched through libcurl, loaded only when a run fetches one.
        .target(name: "CBinderyFetch", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),

        // Stage 2: the OpenAPI document, typed.
        .target(name: "BinderyOpenAPI", dependencies: ["BinderyYAML"]),

        // Stage 3: the intermediate model the templates render.
        .target(name: "BinderyModel", dependencies: ["BinderyOpenAPI"]),

        // Stage 4: templates, render contexts and output.
        .target(
            name: "BinderyRender",
            dependencies: [
                "BinderyCore", "BinderyModel", "BinderyTemplates", "BinderyYAML",
            ]
        ),
        // swift-mustache as a second template engine, to compare with the compiled one (`bindery-corpus
        // --compare-engines`, the tests). `bindery` does not link it: swift-mustache needs all of Foundation.
        .target(
            name: "BinderyMustache",
            dependencies: ["BinderyRender", .product(name: "Mustache", package: "swift-mustache")]
        ),
        // The default templates, embedded from `Templates/` in `DefaultTemplates+Embedded.swift`, which
        // `swift run bindery-embed-templates` writes (a test checks it is up to date).
        .target(name: "BinderyTemplates"),
        .executableTarget(name: "bindery-embed-templates"),

        // Stage 5: the pipeline, the CLI and the plugins.
        // `bindery.schema.json` is the JSON Schema of bindery.yaml, written from `ConfigurationKey.keys` (a test
        // checks it is up to date), for editors.
        .target(
            name: "Bindery", dependencies: ["BinderyOpenAPI", "BinderyModel", "BinderyRender", "CBinderyFetch"],
            exclude: ["Configuration/bindery.schema.json"]
        ),
        .executableTarget(
            name: "bindery",
            dependencies: ["Bindery", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .plugin(
            name: "BinderyGenerate",
            capability: .command(
                intent: .custom(
                    verb: "bindery-generate", description: "Generate Swift bindings from an OpenAPI document"),
                permissions: [.writeToPackageDirectory(reason: "Writes the generated Swift sources into the package")]
            ),
            dependencies: ["bindery"]
        ),
        // Generates a target's client on every build that needs it, from the bindery.yaml in its folder.
        .plugin(name: "BinderyPlugin", capability: .buildTool(), dependencies: ["bindery"]),
        // Generates and builds every description under a folder and prints a table (`bindery-corpus --help`).
        .executableTarget(
            name: "bindery-corpus",
            dependencies: [
                "Bindery", "BinderyCore", "BinderyModel", "BinderyMustache", "BinderyOpenAPI", "BinderyRender",
                "BinderyYAML", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Regenerates Sources/BinderyModel/Naming/ToolchainTypeNames.swift from the toolchain's module files
        // (`swift run bindery-reserved-names`, or `--check`).
        .executableTarget(name: "bindery-reserved-names"),

        // Tests.
        .testTarget(name: "BinderyYAMLTests", dependencies: ["BinderyYAML", "TestExecutors"]),
        .testTarget(name: "BinderyOpenAPITests", dependencies: ["BinderyOpenAPI", "TestExecutors"]),
        .testTarget(
            name: "BinderyModelTests",
            dependencies: ["BinderyModel", "BinderyOpenAPI", "bindery-reserved-names", "TestExecutors"]
        ),
        .testTarget(
            name: "BinderyReferenceTests",
            dependencies: [
                "Bindery", "BinderyCore", "BinderyMustache", "BinderyRender", "BinderyTemplates", "bindery",
                "bindery-corpus",
                "LocalHTTPServer",
            ]
        ),
        // The committed Canopy golden sources, compiled as a module and exercised against a live local server.
        .target(name: "Canopy", path: "Tests/Goldens/Canopy/Sources/Canopy"),
        .target(name: "LocalHTTPServer", path: "Tests/LocalHTTPServer"),
        // The executors every test suite runs on (`.computing`, `.loopback`), off the threads Foundation needs.
        .target(name: "TestExecutors", path: "Tests/TestExecutors"),
        .testTarget(name: "LocalHTTPServerTests", dependencies: ["LocalHTTPServer", "TestExecutors"]),
        .testTarget(name: "CanopyClientTests", dependencies: ["Canopy", "LocalHTTPServer", "TestExecutors"]),
        // Tests/Specs/features.yaml generated (unions, parameter styles, form bodies), compiled and run the same way.
        .target(name: "Features", path: "Tests/Goldens/Features/Sources/Features"),
        .testTarget(name: "FeaturesClientTests", dependencies: ["Features", "LocalHTTPServer", "TestExecutors"]),
        // Tests/Specs/swagger2.yaml generated (Swagger 2.0 parameters, an allOf hierarchy, security), run the same way.
        .target(name: "SwaggerTwo", path: "Tests/Goldens/SwaggerTwo/Sources/SwaggerTwo"),
        .testTarget(name: "SwaggerTwoClientTests", dependencies: ["SwaggerTwo", "LocalHTTPServer", "TestExecutors"]),
    ]
)
