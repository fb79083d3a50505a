import ArgumentParser

@main
struct BinderyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bindery",
        abstract: "Generate Swift client bindings from an OpenAPI description.",
        discussion: """
            Bindery reads OpenAPI 3.0 and 3.1 descriptions (YAML or JSON, one file or many) and writes a Swift \
            package: an API type per tag, a Codable model per schema, a small runtime that needs Foundation only, \
            and Markdown docs.
            """,
        subcommands: [GenerateCommand.self, TemplatesCommand.self, ConfigCommand.self],
        defaultSubcommand: nil
    )
}
