// swift-tools-version: 6.2
import PackageDescription

// The Canopy example: the `Canopy` target holds the client Bindery generates from its `openapi.yaml` (as its
// `bindery.yaml` says) in `Sources/Canopy/Generated/`, and `canopy-token` calls it. Bindery is a dependency for its
// command plugin, which regenerates the client:
//   swift package --allow-writing-to-package-directory bindery-generate
let package = Package(
    name: "CanopyExample",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: "../..")
    ],
    targets: [
        // What is in the target's folder and is not Swift: the description, its configuration, the Markdown docs.
        .target(name: "Canopy", exclude: ["openapi.yaml", "bindery.yaml", "Generated/docs"]),
        .executableTarget(name: "canopy-token", dependencies: ["Canopy"]),
    ]
)
