import Canopy
import Foundation
import LocalHTTPServer
import TestExecutors
import Testing

/// Middlewares around the Canopy client: the token refresh of the README against the local server, their order,
/// and one that answers without sending.
@Suite(.loopback) struct MiddlewareTests {
    static let pool = #"{"poolId": "p1", "poolState": "active"}"#

    /// Canopy's pools answer 401 to anything but the fresh token; `POST /token` hands it out for the refresh token.
    func tokenServer(refreshes: Bool = true) throws -> LocalHTTPServer {
        try LocalHTTPServer { request in
            switch (request.method, request.path) {
            case ("POST", "/token"):
                .json(201, #"{"access_token": "fresh", "refresh_token": "r2", "token_type": "bearer"}"#)
            case ("GET", "/pools/t") where refreshes && request.header("Authorization") == "Bearer fresh":
                .json(200, Self.pool)
            default:
                .text(401, "expired")
            }
        }
    }

    @available(*, deprecated)
    func client(_ server: LocalHTTPServer, tokens: Tokens) -> APIClient {
        var configuration = APIClient.Configuration(baseURL: server.baseURL)
        configuration.credentials[SecurityScheme.bearer.name] = .provider { await tokens.access }
        configuration.middlewares = [
            RefreshTokenOn401(tokens: tokens, tokenApi: TokenApi(client: APIClient(baseURL: server.baseURL)))
        ]
        return APIClient(configuration: configuration)
    }

    @available(*, deprecated)
    @Test func aTokenIsRefreshedOn401AndTheRequestSentOnceMore() async throws {
        let server = try tokenServer()
        defer { server.shutdown() }
        let tokens = Tokens(access: "stale", refresh: "r1")
        let api = PoolApi(client: client(server, tokens: tokens))

        let status = try await api.poolGetPoolStatus(tenantId: "t")
        _ = try await api.poolGetPoolStatus(tenantId: "t")

        #expect(status.poolId == "p1")
        #expect(
            server.requests.map { "\($0.method) \($0.path) \($0.header("Authorization") ?? "-")" } == [
                "GET /pools/t Bearer stale", "POST /token -", "GET /pools/t Bearer fresh", "GET /pools/t Bearer fresh",
            ])
        #expect(server.requests[1].bodyText == "grant_type=refresh_token&refresh_token=r1&client_id=canopy")
        #expect(await tokens.access == "fresh")
        #expect(await tokens.refresh == "r2")
    }

    /// A new token that is refused as well: the 401 is the answer, after one refresh and one more attempt.
    @available(*, deprecated)
    @Test func aRefreshThatDoesNotHelpIsTriedOnce() async throws {
        let server = try tokenServer(refreshes: false)
        defer { server.shutdown() }

        let error = await #expect(throws: APIError.self) {
            try await PoolApi(client: client(server, tokens: Tokens(access: "stale", refresh: "r1")))
                .poolGetPoolStatus(tenantId: "t")
        }

        #expect(error?.response?.statusCode == 401)
        #expect(server.requests.map(\.path) == ["/pools/t", "/token", "/pools/t"])
    }

    @Test func middlewaresRunInOrderAndMayAnswerWithoutSending() async throws {
        let server = try LocalHTTPServer { _ in .json(200, Self.pool) }
        defer { server.shutdown() }
        let trace = Trace()
        var configuration = APIClient.Configuration(baseURL: server.baseURL)
        configuration.credentials[SecurityScheme.bearer.name] = .token("t")
        configuration.middlewares = [Tracing(name: "outer", trace: trace), Tracing(name: "inner", trace: trace)]

        _ = try await PoolApi(client: APIClient(configuration: configuration)).poolGetPoolStatus(tenantId: "t")
        #expect(trace.lines == ["outer GET /pools/t", "inner GET /pools/t", "inner 200", "outer 200"])

        configuration.middlewares.insert(Cached(body: #"{"poolId": "cached"}"#), at: 0)
        let cached = try await PoolApi(client: APIClient(configuration: configuration)).poolGetPoolStatus(tenantId: "t")
        #expect(cached.poolId == "cached")
        #expect(server.requests.count == 1)
    }

    @Test func aBearerTokenWithALineBreakIsRefused() async throws {
        let server = try LocalHTTPServer { _ in .json(200, Self.pool) }
        defer { server.shutdown() }
        var configuration = APIClient.Configuration(baseURL: server.baseURL)
        configuration.credentials[SecurityScheme.bearer.name] = .token("t\r\nX-Admin: true")

        let error = await #expect(throws: APIError.self) {
            try await PoolApi(client: APIClient(configuration: configuration)).poolGetPoolStatus(tenantId: "t")
        }

        #expect(error?.description == "invalid request: the credential for 'Bearer' has a line break or NUL")
        #expect(server.requests.isEmpty)
    }
}

/// Canopy's tokens, shared by the requests of one client.
actor Tokens {
    private(set) var access: String
    private(set) var refresh: String

    init(access: String, refresh: String) {
        self.access = access
        self.refresh = refresh
    }

    func update(access: String, refresh: String?) {
        self.access = access
        self.refresh = refresh ?? self.refresh
    }
}

/// The README's middleware: on 401, gets a new access token from `POST /token` (`grant_type=refresh_token`) and
/// sends the request once more with it. (`POST /token` is deprecated in Canopy's description, hence the
/// annotation.)
@available(*, deprecated)
struct RefreshTokenOn401: APIMiddleware {
    let tokens: Tokens
    /// The token endpoint, on a client without this middleware.
    let tokenApi: TokenApi

    func intercept(
        _ request: HTTPRequest, next: (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        let response = try await next(request)
        guard response.statusCode == 401, request.headers["Authorization"] != nil else { return response }
        let token = try await tokenApi.tokenPostToken(
            grantType: "refresh_token", refreshToken: tokens.refresh, clientId: "canopy")
        guard let access = token.accessToken else { return response }
        await tokens.update(access: access, refresh: token.refreshToken)
        var retried = request
        retried.headers["Authorization"] = "Bearer \(access)"
        return try await next(retried)
    }
}

/// Notes each request and response it sees.
struct Tracing: APIMiddleware {
    let name: String
    let trace: Trace

    func intercept(
        _ request: HTTPRequest, next: (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        trace.add("\(name) \(request.method) \(request.path)")
        let response = try await next(request)
        trace.add("\(name) \(response.statusCode)")
        return response
    }
}

/// Answers every request itself.
struct Cached: APIMiddleware {
    let body: String

    func intercept(
        _ request: HTTPRequest, next: (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        HTTPResponse(statusCode: 200, headers: ["Content-Type": "application/json"], body: Data(body.utf8))
    }
}

final class Trace: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [String] = []

    var lines: [String] { lock.withLock { recorded } }

    func add(_ line: String) {
        lock.withLock { recorded.append(line) }
    }
}
