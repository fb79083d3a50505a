// swift-tools-version: 6.2
import PackageDescription

// The Canopy example: `Generated/` is the package Bindery writes from `openapi.yaml`; `canopy-token` calls it.
// Bindery is a dependency by path for its command plugin, which regenerates `Generated/`:
//   swift package --allow-writing-to-package-directory bindery-generate openapi.yaml --output Generated --module-name Canopy
let package = Package(
    name: "CanopyExample",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: "../.."),
        .package(path: "Generated"),
    ],
    targets: [
        .executableTarget(name: "canopy-token", dependencies: [.product(name: "Canopy", package: "Generated")])
    ]
)
