/// The templates Bindery ships with, compiled into the binary: `DefaultTemplates+Embedded.swift` holds the package's
/// `Templates/` folder, written by `swift run bindery-embed-templates` (a test checks it is up to date).
public enum DefaultTemplates {
    /// Every default template's text by file name (`api.mustache`, `manifest.yaml`).
    public static var files: [String: String] { embedded }
}
