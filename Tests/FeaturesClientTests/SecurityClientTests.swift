import Features
import Foundation
import LocalHTTPServer
import TestExecutors
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Hostile or missing input on the way out: header and credential values with line breaks, path parameters that
/// try to leave their segment, operations called without the credentials they need, and credentials that must
/// not show up in any description. Checked against what the local server received.
@Suite(.loopback) struct SecurityClientTests {
    static let secret = #"{"name": "db", "value": "s3"}"#

    func configuration(_ server: LocalHTTPServer) -> APIClient.Configuration {
        var configuration = APIClient.Configuration(baseURL: server.baseURL)
        configuration.retry = .none
        return configuration
    }

    func expectInvalidRequest(
        _ server: LocalHTTPServer, containing text: String, sourceLocation: SourceLocation = #_sourceLocation,
        _ call: () async throws -> Void
    ) async {
        let error = await #expect(throws: APIError.self, sourceLocation: sourceLocation) { try await call() }
        if case .invalidRequest(let reason) = error {
            #expect(reason.contains(text), "\(reason)", sourceLocation: sourceLocation)
        } else {
            Issue.record("expected invalidRequest, got \(String(describing: error))", sourceLocation: sourceLocation)
        }
        #expect(server.requests.isEmpty, "something was sent", sourceLocation: sourceLocation)
    }

    @Test func lineBreaksInHeadersAndCredentialsAreRefusedBeforeSending() async throws {
        let server = try LocalHTTPServer { _ in .json(200, Self.secret) }
        defer { server.shutdown() }
        var configuration = configuration(server)
        configuration.credentials[SecurityScheme.apiKey.name] = .token("key")
        let api = VaultApi(client: APIClient(configuration: configuration))

        // A header parameter.
        await expectInvalidRequest(server, containing: "'X-Note' has a line break") {
            _ = try await api.readSecret(name: "db", xNote: "a\r\nX-Evil: 1")
        }
        // Configured headers: a value, and a name.
        for (name, value) in [("X-Trace", "1\nX-Evil: 1"), ("X-Trace", "1\r"), ("X-Trace", "1\u{0}"), ("X Evil", "1")] {
            var headers = configuration
            headers.headers = [name: value]
            await expectInvalidRequest(server, containing: "header") {
                _ = try await VaultApi(client: APIClient(configuration: headers)).readSecret(name: "db")
            }
        }
        // Credentials of every kind: an API key in a header or the query, a user name or password.
        let credentials: [(String, Credential)] = [
            (SecurityScheme.apiKey.name, .token("key\r\nX-Evil: 1")),
            (SecurityScheme.apiKey.name, .provider { "key\n" }),
            (SecurityScheme.basic.name, .basic(username: "u\r\n", password: "p")),
            (SecurityScheme.basic.name, .basic(username: "u", password: "p\nX-Evil: 1")),
        ]
        for (scheme, credential) in credentials {
            var hostile = configuration
            hostile.credentials = [scheme: credential]
            await expectInvalidRequest(server, containing: "the credential for '\(scheme)' has a line break") {
                _ = try await VaultApi(client: APIClient(configuration: hostile)).readSecret(name: "db")
            }
        }
        var query = configuration
        query.credentials[SecurityScheme.queryKey.name] = .token("q\r\n")
        await expectInvalidRequest(server, containing: "'queryKey' has a line break") {
            try await VaultApi(client: APIClient(configuration: query)).deleteSecret(name: "db")
        }
        // Headers a middleware adds are checked too, right before the transport.
        var middleware = configuration
        middleware.middlewares = [AddHeader(name: "X-Evil", value: "1\r\nX-More: 2")]
        await expectInvalidRequest(server, containing: "'X-Evil' has a line break") {
            _ = try await VaultApi(client: APIClient(configuration: middleware)).readSecret(name: "db")
        }

        // And the same client sends what is clean.
        _ = try await api.readSecret(name: "db", xNote: "fine")
        #expect(server.requests.map { $0.header("X-Note") } == ["fine"])
        #expect(server.requests.first?.header("X-API-Key") == "key")
    }

    @Test func missingCredentialsFailBeforeSendingAndNameTheSchemes() async throws {
        let server = try LocalHTTPServer { _ in .empty(204) }
        defer { server.shutdown() }
        var configuration = configuration(server)
        let none = VaultApi(client: APIClient(configuration: configuration))

        let error = await #expect(throws: APIError.self) { try await none.readSecret(name: "db") }
        guard case .missingCredentials(let operationID, let alternatives) = error else {
            Issue.record("expected missingCredentials, got \(String(describing: error))")
            return
        }
        #expect(operationID == "readSecret")
        #expect(alternatives == [["apiKey"], ["basic"]])
        #expect(
            error?.description
                == "missing credentials: 'readSecret' needs 'apiKey', or 'basic' in APIClient.Configuration.credentials;"
                + " nothing was sent")

        // Both schemes of an alternative are needed.
        configuration.credentials[SecurityScheme.apiKey.name] = .token("key")
        let half = VaultApi(client: APIClient(configuration: configuration))
        let both = await #expect(throws: APIError.self) { try await half.deleteSecret(name: "db") }
        if case .missingCredentials(_, let alternatives) = both {
            #expect(alternatives == [["apiKey", "queryKey"]])
        } else {
            Issue.record("expected missingCredentials, got \(String(describing: both))")
        }
        #expect(server.requests.isEmpty)

        // A credential the transport provides: nothing sent for it, and nothing missing.
        configuration.credentials[SecurityScheme.queryKey.name] = .external
        try await VaultApi(client: APIClient(configuration: configuration)).deleteSecret(name: "db")
        #expect(server.requests.last?.header("X-API-Key") == "key")
        #expect(server.requests.last?.query == nil)
    }

    /// `security: [{}, {queryKey: []}]`: sent without credentials when there are none, with the key when there
    /// is one.
    @Test func optionalSecuritySendsWithOrWithoutTheCredential() async throws {
        let server = try LocalHTTPServer { _ in .json(200, Self.secret) }
        defer { server.shutdown() }
        var configuration = configuration(server)

        _ = try await VaultApi(client: APIClient(configuration: configuration)).vaultStatus()
        configuration.credentials[SecurityScheme.queryKey.name] = .token("k 1")
        _ = try await VaultApi(client: APIClient(configuration: configuration)).vaultStatus()

        #expect(server.requests.map(\.target) == ["/vault", "/vault?api_key=k%201"])
    }

    @Test func basicAuthenticationAndBothKeysAreSent() async throws {
        let server = try LocalHTTPServer { request in request.method == "DELETE" ? .empty(204) : .json(200, Self.secret)
        }
        defer { server.shutdown() }
        var configuration = configuration(server)
        configuration.credentials[SecurityScheme.basic.name] = .basic(username: "ada", password: "pä:ss")
        configuration.credentials[SecurityScheme.queryKey.name] = .token("q")

        _ = try await VaultApi(client: APIClient(configuration: configuration)).readSecret(name: "db")
        configuration.credentials[SecurityScheme.apiKey.name] = .token("h")
        try await VaultApi(client: APIClient(configuration: configuration)).deleteSecret(name: "db")

        #expect(
            server.requests.first?.header("Authorization") == "Basic " + Data("ada:pä:ss".utf8).base64EncodedString())
        #expect(server.requests.first?.query == nil)
        #expect(server.requests.last?.header("X-API-Key") == "h")
        #expect(server.requests.last?.query == "api_key=q")
        #expect(server.requests.last?.header("Authorization") == nil)
    }

    @Test func pathParametersCannotLeaveTheirSegment() async throws {
        let server = try LocalHTTPServer { _ in .json(200, Self.secret) }
        defer { server.shutdown() }
        var configuration = configuration(server)
        configuration.credentials[SecurityScheme.apiKey.name] = .token("key")
        let api = VaultApi(client: APIClient(configuration: configuration))

        for value in ["..", "."] {
            await expectInvalidRequest(server, containing: "which servers read as '\(value)'") {
                _ = try await api.readSecret(name: value)
            }
        }
        // Empty, `/vault/{name}` would be `/vault/`: another resource.
        await expectInvalidRequest(server, containing: "the path parameter 'name' is empty") {
            _ = try await api.readSecret(name: "")
        }
        for value in ["../admin", "a?b#c%d", "x/../y", "%2E%2E", "..."] {
            _ = try await api.readSecret(name: value)
        }

        #expect(
            server.requests.map(\.target) == [
                "/vault/..%2Fadmin", "/vault/a%3Fb%23c%25d", "/vault/x%2F..%2Fy", "/vault/%252E%252E", "/vault/...",
            ])
    }

    @Test func theBaseURLKeepsItsPathAndQuery() async throws {
        let server = try LocalHTTPServer { _ in .empty(204) }
        defer { server.shutdown() }
        for base in ["/api/v2/?tenant=t%201", "/api/v2?tenant=t%201"] {
            var configuration = configuration(server)
            configuration.baseURL = try #require(URL(string: server.baseURL.absoluteString + base))
            configuration.credentials[SecurityScheme.apiKey.name] = .token("key")
            configuration.credentials[SecurityScheme.queryKey.name] = .token("q")
            try await VaultApi(client: APIClient(configuration: configuration)).deleteSecret(name: "a b")
        }

        #expect(
            server.requests.map(\.target) == [
                "/api/v2/vault/a%20b?tenant=t%201&api_key=q", "/api/v2/vault/a%20b?tenant=t%201&api_key=q",
            ])
    }

    /// No description of an error, a request, a response or the configuration shows a credential, whichever way
    /// it was sent; the server did get them all.
    @Test func credentialsNeverAppearInDescriptions() async throws {
        let secrets = ["SECRET-HEADER-KEY", "SECRET-QUERY-KEY", "SECRET-PASSWORD", "SECRET-COOKIE"]
        let basic = Data("ada:SECRET-PASSWORD".utf8).base64EncodedString()
        let server = try LocalHTTPServer { request in
            switch request.method {
            case "DELETE": .text(401, "denied").withHeader("Set-Cookie", "session=SECRET-COOKIE")
            default: .json(200, "{").delayed(by: request.path.hasSuffix("slow") ? 120 : 0)
            }
        }
        defer { server.shutdown() }
        let seen = Seen()
        var configuration = configuration(server)
        configuration.credentials = [
            SecurityScheme.apiKey.name: .token("SECRET-HEADER-KEY"),
            SecurityScheme.queryKey.name: .token("SECRET-QUERY-KEY"),
            SecurityScheme.basic.name: .basic(username: "ada", password: "SECRET-PASSWORD"),
        ]
        configuration.headers = ["X-Session": "SECRET-COOKIE"]
        configuration.headers.markSecret("x-session")
        configuration.middlewares = [Recording(seen: seen)]
        let api = VaultApi(client: APIClient(configuration: configuration))
        var impatient = configuration
        impatient.timeout = .milliseconds(300)
        let slow = VaultApi(client: APIClient(configuration: impatient))
        var refused = configuration
        refused.baseURL = try #require(URL(string: "http://127.0.0.1:1/"))
        let unreachable = VaultApi(client: APIClient(configuration: refused))

        var errors: [any Error] = []
        for call in [
            { try await api.deleteSecret(name: "db") },  // 401 with a cookie
            { _ = try await api.readSecret(name: "db") },  // invalid JSON
            { _ = try await slow.readSecret(name: "slow") },  // timed out
            { try await unreachable.deleteSecret(name: "db") },  // connection refused
        ] as [() async throws -> Void] {
            do {
                try await call()
                Issue.record("expected an error")
            } catch {
                errors.append(error)
            }
        }

        #expect(errors.count == 4)
        #expect(errors.last is URLError)
        #expect("\(errors[2])" == "the request took longer than 0.3 seconds (APIClient.Configuration.timeout)")
        var texts = errors.flatMap { [String(describing: $0), String(reflecting: $0), $0.localizedDescription] }
        texts.append(contentsOf: seen.all.flatMap { [String(describing: $0), String(reflecting: $0), dumped($0)] })
        texts.append(contentsOf: [
            String(describing: configuration), String(reflecting: configuration), dumped(configuration),
        ])
        for text in texts {
            for secret in secrets + [basic] {
                #expect(!text.contains(secret), "\(secret) in \(text)")
            }
        }
        #expect(texts.contains { $0.contains("api_key=<redacted>") })
        #expect(texts.contains { $0.contains("X-API-Key: <redacted>") })
        #expect(texts.contains { $0.contains("Set-Cookie: <redacted>") })
        #expect(seen.all.count == 6)
        // They were sent all the same.
        let delete = try #require(server.requests.first)
        #expect(delete.header("X-API-Key") == "SECRET-HEADER-KEY")
        #expect(delete.query == "api_key=SECRET-QUERY-KEY")
        #expect(delete.header("X-Session") == "SECRET-COOKIE")
        #expect(server.requests.dropFirst().first?.header("Authorization") == nil)
    }

    func dumped(_ value: Any) -> String {
        var text = ""
        dump(value, to: &text)
        return text
    }
}

/// Adds a header to every request.
struct AddHeader: APIMiddleware {
    let name: String
    let value: String

    func intercept(
        _ request: HTTPRequest, next: (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        var request = request
        request.headers[name] = value
        return try await next(request)
    }
}

/// Keeps every request and response it sees, as a logging middleware would print them.
struct Recording: APIMiddleware {
    let seen: Seen

    func intercept(
        _ request: HTTPRequest, next: (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        seen.add(request)
        let response = try await next(request)
        seen.add(response)
        return response
    }
}

/// What a middleware saw.
final class Seen: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [any Sendable] = []

    var all: [any Sendable] { lock.withLock { values } }

    func add(_ value: any Sendable) {
        lock.withLock { values.append(value) }
    }
}
