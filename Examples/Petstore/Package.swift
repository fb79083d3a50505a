// swift-tools-version: 6.2
import PackageDescription

// The build tool plugin example: the `Petstore` target lists BinderyPlugin, which generates its client from the
// `openapi.yaml` beside its `bindery.yaml` into the build folder on every build that needs it (nothing generated is
// committed); `petstore-pets` uses it.
let package = Package(
    name: "PetstoreExample",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Bindery", path: "../..")
    ],
    targets: [
        .target(
            name: "Petstore",
            // The plugin reads these; they are not sources or resources of the target.
            exclude: ["openapi.yaml", "bindery.yaml"],
            plugins: [.plugin(name: "BinderyPlugin", package: "Bindery")]
        ),
        .executableTarget(name: "petstore-pets", dependencies: ["Petstore"]),
    ]
)
