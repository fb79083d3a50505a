import BinderyModel
import BinderyOpenAPI
import BinderyYAML
import TestExecutors
import Testing

/// Servers become functions of a `Servers` namespace, one parameter per variable, enums for listed values.
@Suite(.computing) struct ServerTranslationTests {
    static let servers = """
        openapi: 3.0.3
        info: {title: Zones, version: '1'}
        servers:
          - url: https://{zone}.api.example.com/{version}
            description: Production
            variables:
              zone: {default: us, enum: [us, eu], description: Where the data is kept.}
              version: {default: v1}
          - url: https://{zone}.staging.example.com:{port}
            description: Staging
            variables:
              zone: {default: eu, enum: [us, eu]}
              port: {default: '8443', enum: ['8443', '9443']}
          - url: https://{zone}.test.example.com
            description: A server used by the integration tests, nightly
            variables:
              zone: {default: test, enum: [test]}
          - url: /v2/{tenant}
            description: Production
            variables:
              tenant: {default: acme}
              unused: {default: x}
        paths: {}
        components:
          schemas:
            Servers: {type: string}
            Port: {type: integer}
        """

    @Test func everyServerIsAFunctionNamedFromItsDescription() throws {
        let (model, warnings) = try translate(Self.servers)
        let servers = try #require(model.servers)
        // A schema took `Servers` first: schemas keep their names.
        #expect(servers.name == "Servers2")
        #expect(servers.id == TypeID("spec.yaml#/servers"))
        // Long descriptions give `server<position>`; a repeated name gets a number.
        #expect(servers.servers.map(\.swiftName) == ["production", "staging", "server3", "production2"])
        #expect(servers.servers.map(\.isRelative) == [false, false, false, true])
        #expect(servers.servers[0].variables.map(\.swiftName) == ["zone", "version"])
        #expect(servers.servers[0].variables.map(\.defaultValue) == ["us", "v1"])
        #expect(servers.servers[0].variables[0].documentation.description == "Where the data is kept.")
        // A variable the URL does not use is left out, with a warning.
        #expect(servers.servers[3].variables.map(\.name) == ["tenant"])
        #expect(warnings.contains { $0.message.contains("server variable 'unused' is not used in '/v2/{tenant}'") })
        // The first server, with its defaults, stays the default base URL.
        #expect(model.defaultServerURL == "https://us.api.example.com/v1")
    }

    @Test func enumVariablesShareATypeWhenTheyListTheSameValues() throws {
        let (model, _) = try translate(Self.servers)
        let servers = try #require(model.servers)
        // `zone` lists `us, eu` twice (one type, each server its default) and `test` once: the two types are named
        // after their servers. `Port` avoids the schema of that name.
        #expect(servers.enums.map(\.name) == ["ProductionZone", "Port2", "Server3Zone"])
        #expect(
            servers.enums.map(\.id) == [
                TypeID("spec.yaml#/servers/0/variables/zone"), TypeID("spec.yaml#/servers/1/variables/port"),
                TypeID("spec.yaml#/servers/2/variables/zone"),
            ])
        #expect(servers.enums[1].cases.map(\.swiftName) == ["_8443", "_9443"])
        #expect(servers.enums[1].cases.map(\.rawValue) == ["8443", "9443"])
        let production = servers.servers[0].variables[0]
        let staging = servers.servers[1].variables[0]
        #expect(production.enumID == servers.enums[0].id && staging.enumID == servers.enums[0].id)
        #expect(production.defaultCaseName == "us" && staging.defaultCaseName == "eu")
        #expect(servers.servers[1].variables[1].defaultCaseName == "_8443")
        #expect(servers.servers[0].variables[1].enumID == nil)
    }

    @Test func aDefaultThatIsNotListedIsAddedToTheValues() throws {
        let (model, warnings) = try translate(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            servers:
              - url: '{scheme}://example.com'
                variables:
                  scheme: {default: https, enum: [http]}
            paths: {}
            """)
        let servers = try #require(model.servers)
        #expect(servers.name == "Servers")
        #expect(servers.servers.map(\.swiftName) == ["server1"])
        #expect(servers.enums.map(\.name) == ["Scheme"])
        #expect(servers.enums[0].cases.map(\.rawValue) == ["https", "http"])
        #expect(warnings.contains { $0.message.contains("the default 'https' of server variable 'scheme'") })
    }

    @Test func noServersNoNamespace() throws {
        let (model, _) = try translate("openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\n")
        #expect(model.servers == nil)
        #expect(model.defaultServerURL == "http://localhost")
    }

    @Test func aRelativeFirstServerKeepsTheLocalhostDefaultWithANote() throws {
        let yaml = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            servers: [{url: '/api/{base}', variables: {base: {default: v1}}}]
            paths: {}
            """
        let document = try OpenAPIReader().read(root: YAMLDocument(bytes: Array(yaml.utf8), file: "spec.yaml").root)
        let translator = ModelTranslator(document: document, options: .init(moduleName: "API"))
        let model = try translator.translate()
        #expect(model.defaultServerURL == "http://localhost/api/v1")
        // A relative URL is OpenAPI, and `Servers` resolves it as the description means: a note, not a warning.
        #expect(translator.warnings.isEmpty, "\(translator.warnings)")
        #expect(
            translator.notes.map(\.description) == [
                "spec.yaml:3:17: note: the first server URL '/api/v1' is relative to where the description is "
                    + "served; the client defaults to 'http://localhost/api/v1' until it is given a base URL"
            ])
        // `base` is the name of the URL a relative server is resolved against.
        #expect(model.servers?.servers.first?.variables.map(\.swiftName) == ["base2"])
    }
}
