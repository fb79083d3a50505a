import BinderyModel

/// The `Servers` namespace: `name`, `servers` (each a ``ServerContext``), `enums` (each a ``ServerEnumContext``),
/// `hasEnums`.
struct ServersContext: RenderContext {
    let definition: ServersDefinition

    func value(forKey key: RenderKey) -> RenderValue? {
        switch key.known {
        case .name: .text(definition.name)
        case .servers: .list(definition.servers.map { ServerContext(server: $0, servers: definition) })
        case .enums: .list(definition.enums.map { ServerEnumContext(definition: $0, servers: definition) })
        case .hasEnums: .flag(!definition.enums.isEmpty)
        default: nil
        }
    }
}

/// One server's function.
///
/// Keys for Swift: `swiftName`, `urlLiteral` (the URL template), `isRelative` (the function takes the URL to
/// resolve it against first), `variables` (each a ``ServerVariableContext``), `hasVariables`, `hasArguments`,
/// `docComment` (lines).
///
/// Keys for docs: `url` (the template as written), `description` (one line of Markdown), `hasDescription`.
struct ServerContext: RenderContext {
    let server: ServerDefinition
    let servers: ServersDefinition

    func value(forKey key: RenderKey) -> RenderValue? {
        switch key.known {
        case .swiftName: .text(SwiftName.identifier(server.swiftName))
        case .urlLiteral: .text(SwiftLiteral.string(server.url))
        case .url: .text(server.url)
        case .isRelative: .flag(server.isRelative)
        case .variables: .list(server.variables.map { ServerVariableContext(variable: $0, servers: servers) })
        case .hasVariables: .flag(!server.variables.isEmpty)
        case .hasArguments: .flag(!server.variables.isEmpty || server.isRelative)
        case .description: .text(server.documentation.description.map(MarkdownText.cell) ?? "")
        case .hasDescription: .flag(server.documentation.description != nil)
        case .docComment: .lines(docComment)
        default: nil
        }
    }

    var docComment: [String] {
        var comment = DocComment()
        comment.paragraphs(server.documentation)
        comment.paragraph(
            server.isRelative
                ? "`\(server.url)`, relative to the URL the API description is served from."
                : "`\(server.url)`")
        if server.isRelative || !server.variables.isEmpty {
            comment.callout("- Parameters:", separated: true)
            if server.isRelative {
                comment.callout(
                    "- base: The URL the API description is served from; the server's URL is resolved against it.",
                    indent: 2)
            }
            for variable in server.variables {
                let text = variable.documentation.paragraphs.first ?? "The value of `{\(variable.name)}`."
                comment.callout("- \(variable.swiftName): \(text)", indent: 2)
            }
        }
        comment.callout(
            "- Throws: `APIError.invalidRequest` when the values do not make a valid URL.",
            separated: !server.isRelative && server.variables.isEmpty)
        return comment.lines
    }
}

/// A variable of a server's URL, a parameter of its function: `name` (in the URL template), `nameLiteral`,
/// `swiftName` (with backticks where needed), `label`, `type` (the enum's name, or `String`), `isEnum`,
/// `defaultCaseName` (for an enum), `defaultValueLiteral`, and for docs `defaultValue`, `values` (Markdown: the
/// listed values, or empty), `description` (one line of Markdown).
struct ServerVariableContext: RenderContext {
    let variable: ServerVariableDefinition
    let servers: ServersDefinition

    var enumDefinition: ServerEnumDefinition? {
        variable.enumID.flatMap { id in servers.enums.first { $0.id == id } }
    }

    func value(forKey key: RenderKey) -> RenderValue? {
        switch key.known {
        case .name: .text(variable.name)
        case .nameLiteral: .text(SwiftLiteral.string(variable.name))
        case .swiftName: .text(SwiftName.identifier(variable.swiftName))
        case .label: .text(variable.swiftName)
        case .type: .text(enumDefinition?.name ?? "String")
        case .qualifiedType: .text(enumDefinition.map { "\(servers.name).\($0.name)" } ?? "String")
        case .isEnum: .flag(enumDefinition != nil)
        case .defaultCaseName: .text(variable.defaultCaseName.map(SwiftName.identifier) ?? "")
        case .defaultValueLiteral: .text(SwiftLiteral.string(variable.defaultValue))
        case .defaultValue: .text(MarkdownText.code(variable.defaultValue))
        case .values:
            .text(enumDefinition?.cases.map { MarkdownText.code($0.rawValue) }.joined(separator: ", ") ?? "")
        case .description: .text(variable.documentation.paragraphs.first.map(MarkdownText.cell) ?? "")
        default: nil
        }
    }
}

/// The enum of a server variable's values: `name`, `docComment` (lines), `cases`, each with `swiftName` (with
/// backticks where needed), `rawValueLiteral` and `hasCustomRawValue` (the raw value is not the case's name).
struct ServerEnumContext: RenderContext {
    let definition: ServerEnumDefinition
    let servers: ServersDefinition

    func value(forKey key: RenderKey) -> RenderValue? {
        switch key.known {
        case .name: .text(definition.name)
        case .docComment: .lines(docComment)
        case .cases: .list(definition.cases.map(Case.init))
        default: nil
        }
    }

    var docComment: [String] {
        let users = servers.servers.flatMap { server in
            server.variables.filter { $0.enumID == definition.id }.map { (server, $0) }
        }
        var comment = DocComment()
        let name = users.first.map { "`{\($0.1.name)}`" } ?? "a variable"
        let functions = users.map { "`\($0.0.swiftName)`" }.joined(separator: ", ")
        comment.paragraph("The values of \(name) in the URL of \(functions).")
        return comment.lines
    }

    struct Case: RenderContext {
        let value: EnumDefinition.Case

        func value(forKey key: RenderKey) -> RenderValue? {
            switch key.known {
            case .swiftName: .text(SwiftName.identifier(value.swiftName))
            case .rawValueLiteral: .text(SwiftLiteral.string(value.rawValue))
            case .hasCustomRawValue: .flag(value.swiftName != value.rawValue)
            default: nil
            }
        }
    }
}
