import BinderyOpenAPI

extension ModelTranslator {
    /// The URL ``CodeModel/defaultServerURL`` is: the first server's, with its variables' defaults. A relative URL
    /// is relative to where the description is served, which the client cannot know: it gets `http://localhost` in
    /// front, as a description without servers gets `http://localhost`, with a note. It is not a warning: OpenAPI
    /// allows relative server URLs, and the `Servers` function of such a server resolves it as the description
    /// means, against the URL it is given.
    func defaultServerURL() -> String? {
        guard let server = document.servers.first else { return nil }
        let url = server.defaultURL
        if !Self.isRelative(server.url) { return url }
        let prefixed = "http://localhost" + (url.hasPrefix("/") ? "" : "/") + url
        note(
            server.location ?? document.location,
            "the first server URL '\(url)' is relative to where the description is served; the client defaults to "
                + "'\(prefixed)' until it is given a base URL"
        )
        return prefixed
    }

    /// Asks for the names of the `Servers` namespace and its enums, and translates the servers; `nil` when the
    /// description lists none. Asked for after the schemas' names, so a schema named `Servers` keeps its name.
    func translateServers() -> ServersDefinition? {
        guard !document.servers.isEmpty else { return nil }
        let root = TypeID(file: document.location.file, pointer: "")
        var definition = ServersDefinition(id: root.appending("servers"))
        namer.request(definition.id, preferred: "Servers", in: .module)
        // The helper the functions call is a member too.
        let functions = NameScope(reserved: SwiftKeywords.reservedMemberNames.union(["url"]))
        // Enum variables by name and values, to share a type between servers that list the same values.
        var enums: [String: [[String]: TypeID]] = [:]
        for (index, server) in document.servers.enumerated() {
            let serverID = definition.id.appending(String(index))
            var result = ServerDefinition(
                url: server.url, swiftName: functions.claim(Self.serverName(server.description, position: index + 1)),
                isRelative: Self.isRelative(server.url),
                documentation: Documentation(description: server.description)
            )
            let used = Self.variableNames(in: server.url)
            for name in used where !server.variables.contains(where: { $0.name == name }) {
                warn(
                    document.location,
                    "server URL '\(server.url)' uses '{\(name)}' but declares no variable '\(name)'; it is left as it is"
                )
            }
            // `base` is the name of the URL a relative server is resolved against.
            let labels = NameScope(reserved: result.isRelative ? ["self", "base", "relativeTo"] : ["self"])
            for variable in server.variables {
                guard used.contains(variable.name) else {
                    warn(
                        document.location,
                        "server variable '\(variable.name)' is not used in '\(server.url)'; it is left out"
                    )
                    continue
                }
                var parameter = ServerVariableDefinition(
                    name: variable.name, swiftName: labels.claim(SwiftName.lowerCamelCase(variable.name)),
                    defaultValue: variable.defaultValue, documentation: Documentation(description: variable.description)
                )
                if !variable.enumValues.isEmpty {
                    let values = Self.enumValues(of: variable)
                    if !variable.enumValues.contains(variable.defaultValue) {
                        warn(
                            document.location,
                            "the default '\(variable.defaultValue)' of server variable '\(variable.name)' is not one "
                                + "of its values; it is added to them"
                        )
                    }
                    let id: TypeID
                    if let shared = enums[variable.name]?[values] {
                        id = shared
                    } else {
                        // Named after the variable; after the server too when another server lists other values
                        // for a variable of the same name.
                        let clashes = document.servers.contains { other in
                            other.variables.contains {
                                $0.name == variable.name && !$0.enumValues.isEmpty && Self.enumValues(of: $0) != values
                            }
                        }
                        id = serverID.appending("variables", variable.name)
                        let preferred =
                            (clashes ? SwiftName.upperCamelCase(result.swiftName) : "")
                            + SwiftName.upperCamelCase(variable.name)
                        namer.request(id, preferred: preferred, in: .nested(in: definition.id))
                        enums[variable.name, default: [:]][values] = id
                        definition.enums.append(ServerEnumDefinition(id: id, cases: Self.serverEnumCases(values)))
                    }
                    parameter.enumID = id
                    parameter.defaultCaseName =
                        definition.enums.first { $0.id == id }?.cases.first { $0.rawValue == variable.defaultValue }?
                        .swiftName
                }
                result.variables.append(parameter)
            }
            definition.servers.append(result)
        }
        return definition
    }

    /// A server function's name: the description in `lowerCamelCase` when it is a short name (`Production`,
    /// `EU sandbox`), else `server1`, `server2`, … by position.
    static func serverName(_ description: String?, position: Int) -> String {
        if let description, (1...4).contains(SwiftName.words(description).count) {
            return SwiftName.lowerCamelCase(description)
        }
        return "server\(position)"
    }

    /// Whether a server URL is relative: it has no scheme (`/v1`, `api.example.com/v1`).
    static func isRelative(_ url: String) -> Bool {
        !url.contains("://")
    }

    /// The `{name}`s of a URL template, in order, each once.
    static func variableNames(in url: String) -> [String] {
        var names: [String] = []
        var rest = Substring(url)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = String(rest[rest.index(after: open)..<close])
            if !names.contains(name) { names.append(name) }
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// The values of an enum variable, each once, with the default first when the description leaves it out.
    static func enumValues(of variable: Server.Variable) -> [String] {
        var values = variable.enumValues.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        if !values.contains(variable.defaultValue) { values.insert(variable.defaultValue, at: 0) }
        return values
    }

    /// The cases of a server variable's enum: one per value, no case for unknown values.
    static func serverEnumCases(_ values: [String]) -> [EnumDefinition.Case] {
        let scope = NameScope(reserved: SwiftKeywords.reservedEnumCaseNames)
        return values.map { EnumDefinition.Case(swiftName: scope.claim(SwiftName.lowerCamelCase($0)), rawValue: $0) }
    }
}
