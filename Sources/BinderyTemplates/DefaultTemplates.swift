/// The templates Bindery ships with, compiled into the binary from the package's `Templates/` folder by the
/// `EmbedTemplates` build plugin.
public enum DefaultTemplates {
    /// Every default template's text by file name (`api.mustache`, `manifest.yaml`).
    public static var files: [String: String] { embedded }
}
