import BinderyRender

extension TemplateEngine {
    /// ``MustacheTemplateRenderer`` (swift-mustache), which the compiled engine matches byte for byte: for comparing
    /// the two.
    public static let swiftMustache = TemplateEngine(name: "swift-mustache") {
        (templates, texts) throws(TemplateError) in
        try MustacheTemplateRenderer(templates: templates, texts: texts)
    }
}
