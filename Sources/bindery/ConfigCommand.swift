import ArgumentParser
import Bindery

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Work with bindery.yaml, the configuration 'bindery generate --config' reads.",
        subcommands: [Schema.self]
    )

    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "schema",
            abstract: "Print the JSON Schema of bindery.yaml, for editors to check and complete the file.",
            discussion: """
                For the YAML language server (VS Code's YAML extension and others), save it and start \\
                bindery.yaml with '# yaml-language-server: $schema=<path or URL of the schema>'.
                """
        )

        func run() {
            Console.out(ConfigurationSchema.jsonSchema(), terminator: "")
        }
    }
}
