import Canopy
import Foundation
import LocalHTTPServer
import TestExecutors
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Middlewares around the Canopy client: the runtime's `BearerTokenRefresher` against the local server (one refresh
/// for any number of concurrent 401s), the order of middlewares, and one that answers without sending.
@Suite(.loopback) struct MiddlewareTests {
    static let pool = #"{"poolId": "p1", "poolState": "active"}"#

    /// A client whose bearer token `tokens` refreshes (with Canopy's `POST /token`, through `tokenClient`, or else
    /// a client of its own without the refresher), on a session that opens as many connections as the tests send
    /// requests at once (`URLSession` opens 6 to a host by default).
    @available(*, deprecated)
    static func client(
        _ server: LocalHTTPServer, startingWith access: String = "stale", credential: Credential? = nil
    ) -> (client: APIClient, tokens: BearerTokenRefresher) {
        let sessionConfiguration = URLSessionConfiguration.default
        sessionConfiguration.httpMaximumConnectionsPerHost = 16
        let transport = URLSessionTransport(session: URLSession(configuration: sessionConfiguration))
        let tokenApi = TokenApi(client: APIClient(baseURL: server.baseURL))
        let tokens = BearerTokenRefresher(accessToken: access, refreshToken: "r1") { refreshToken in
            let token = try await tokenApi.tokenPostToken(
                grantType: "refresh_token", refreshToken: refreshToken, clientId: "canopy")
            guard let access = token.accessToken else { throw APIError.invalidResponse("no access token") }
            return (access: access, refresh: token.refreshToken)
        }
        var configuration = APIClient.Configuration(baseURL: server.baseURL)
        configuration.credentials[SecurityScheme.bearer.name] = credential ?? tokens.credential
        configuration.middlewares = [tokens]
        return (APIClient(configuration: configuration, transport: transport), tokens)
    }

    /// What the server received: `GET Bearer stale`, `POST refresh_token=r1`.
    static func log(_ server: LocalHTTPServer) -> [String] {
        server.requests.map { request in
            request.method == "POST"
                ? "POST \(request.bodyText.split(separator: "&").filter { $0.hasPrefix("refresh_token=") }.joined())"
                : "\(request.method) \(request.header("Authorization") ?? "-")"
        }
    }

    @available(*, deprecated)
    @Test func aTokenIsRefreshedOn401AndTheRequestSentOnceMore() async throws {
        let identity = IdentityServer()
        let server = try LocalHTTPServer { identity.respond(to: $0) }
        defer { server.shutdown() }
        let (client, tokens) = Self.client(server)
        let api = PoolApi(client: client)

        let status = try await api.poolGetPoolStatus(tenantId: "t")
        _ = try await api.poolGetPoolStatus(tenantId: "t")
        identity.expireTokens()
        _ = try await api.poolGetPoolStatus(tenantId: "t")

        #expect(status.poolId == "p1")
        // The second refresh sends the refresh token the first one got.
        #expect(
            Self.log(server) == [
                "GET Bearer stale", "POST refresh_token=r1", "GET Bearer a1", "GET Bearer a1", "GET Bearer a1",
                "POST refresh_token=r2", "GET Bearer a2",
            ])
        #expect(server.requests[1].bodyText == "grant_type=refresh_token&refresh_token=r1&client_id=canopy")
        #expect(try await tokens.currentToken() == "a2")
    }

    /// Eight requests refused at once, and each one of them waits for the same refresh: the server holds the
    /// refusals until all eight requests have arrived, and takes 0.2 s to hand out the new token.
    @available(*, deprecated)
    @Test func concurrentRefusalsShareOneRefresh() async throws {
        let count = 8
        let identity = IdentityServer(gathering: count, tokenDelay: 0.2)
        let server = try LocalHTTPServer { identity.respond(to: $0) }
        defer { server.shutdown() }
        let api = PoolApi(client: Self.client(server).client)

        // Errors are results: a child that threw would cancel the others, and on Linux, cancelling requests in
        // flight at the moment URLSession completes another can deadlock swift-corelibs-foundation.
        let pools = await withTaskGroup(of: String.self) { group in
            for _ in 0..<count {
                group.addTask {
                    do {
                        return try await api.poolGetPoolStatus(tenantId: "t").poolId ?? "-"
                    } catch {
                        return "\(error)"
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }

        #expect(pools == Array(repeating: "p1", count: count))
        #expect(identity.gathered)
        let log = Self.log(server)
        #expect(log.filter { $0 == "GET Bearer stale" }.count == count)
        #expect(log.filter { $0.hasPrefix("POST") } == ["POST refresh_token=r1"])
        #expect(log.filter { $0 == "GET Bearer a1" }.count == count)
        #expect(log.count == 2 * count + 1)
    }

    /// A request refused with the token a refresh has replaced since it was sent is sent again with the new token,
    /// without another refresh: the server holds the first refusal until it has handed out a new token to the
    /// second request's refresh.
    @available(*, deprecated)
    @Test func aRequestRefusedWithAReplacedTokenIsSentAgainWithoutRefreshing() async throws {
        let identity = IdentityServer(holdsFirstRefusal: true)
        let server = try LocalHTTPServer { identity.respond(to: $0) }
        defer { server.shutdown() }
        let api = PoolApi(client: Self.client(server).client)

        let first = Task { try await api.poolGetPoolStatus(tenantId: "t").poolId }
        while server.requests.isEmpty { try await Task.sleep(for: .milliseconds(5)) }
        let second = try await api.poolGetPoolStatus(tenantId: "t").poolId

        #expect(try await first.value == "p1")
        #expect(second == "p1")
        #expect(
            Self.log(server) == [
                "GET Bearer stale", "GET Bearer stale", "POST refresh_token=r1", "GET Bearer a1", "GET Bearer a1",
            ])
    }

    /// A refresh that fails fails the requests that waited for it, with its error; the next 401 tries again.
    @available(*, deprecated)
    @Test func aFailedRefreshFailsTheRequestsThatWaitedForItAndTheNextTriesAgain() async throws {
        let count = 3
        let identity = IdentityServer(gathering: count, tokenDelay: 0.2, refusedRefreshes: 1)
        let server = try LocalHTTPServer { identity.respond(to: $0) }
        defer { server.shutdown() }
        let api = PoolApi(client: Self.client(server).client)

        let statuses = await withTaskGroup(of: Int?.self) { group in
            for _ in 0..<count {
                group.addTask {
                    do {
                        _ = try await api.poolGetPoolStatus(tenantId: "t")
                        return nil
                    } catch {
                        return (error as? APIResponseError<ProblemDetails>)?.response.statusCode
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        let pool = try await api.poolGetPoolStatus(tenantId: "t")

        // The token endpoint's 400 (its problem details), not the pool's 401.
        #expect(statuses == Array(repeating: 400, count: count))
        #expect(pool.poolId == "p1")
        #expect(Self.log(server).filter { $0.hasPrefix("POST") } == ["POST refresh_token=r1", "POST refresh_token=r1"])
    }

    /// A new token that is refused as well: the 401 is the answer, after one refresh and one more attempt.
    @available(*, deprecated)
    @Test func aRefreshThatDoesNotHelpIsTriedOnce() async throws {
        let identity = IdentityServer(acceptsTokens: false)
        let server = try LocalHTTPServer { identity.respond(to: $0) }
        defer { server.shutdown() }

        let error = await #expect(throws: APIError.self) {
            try await PoolApi(client: Self.client(server).client).poolGetPoolStatus(tenantId: "t")
        }

        #expect(error?.response?.statusCode == 401)
        #expect(Self.log(server) == ["GET Bearer stale", "POST refresh_token=r1", "GET Bearer a1"])
    }

    /// A 401 to a bearer token the refresher did not hand out (another scheme's, one configured by hand) is the
    /// answer: nothing is refreshed.
    @available(*, deprecated)
    @Test func anotherBearerTokensRefusalIsTheAnswer() async throws {
        let identity = IdentityServer()
        let server = try LocalHTTPServer { identity.respond(to: $0) }
        defer { server.shutdown() }
        let api = PoolApi(client: Self.client(server, credential: .token("mine")).client)

        let error = await #expect(throws: APIError.self) { try await api.poolGetPoolStatus(tenantId: "t") }

        #expect(error?.response?.statusCode == 401)
        #expect(Self.log(server) == ["GET Bearer mine"])
    }

    /// A refresh whose request goes through the same client, with the refused token (an API whose refresh
    /// endpoint wants it): that request neither waits for the refresh nor starts another.
    @available(*, deprecated)
    @Test(.timeLimit(.minutes(1))) func aRefreshMaySendThroughTheSameClient() async throws {
        let server = try LocalHTTPServer { request in
            switch (request.path, request.header("Authorization")) {
            case ("/pools/renew", "Bearer stale"): .json(200, #"{"poolId": "renewed"}"#)
            case ("/pools/t", "Bearer renewed"): .json(200, Self.pool)
            default: .text(401, "expired")
            }
        }
        defer { server.shutdown() }
        let box = ClientBox()
        let tokens = BearerTokenRefresher(accessToken: "stale") { _ in
            let renewed = try await PoolApi(client: try #require(box.client)).poolGetPoolStatus(tenantId: "renew")
            return (access: try #require(renewed.poolId), refresh: nil)
        }
        var configuration = APIClient.Configuration(baseURL: server.baseURL)
        configuration.credentials[SecurityScheme.bearer.name] = tokens.credential
        configuration.middlewares = [tokens]
        box.client = APIClient(configuration: configuration)

        let pool = try await PoolApi(client: try #require(box.client)).poolGetPoolStatus(tenantId: "t")

        #expect(pool.poolId == "p1")
        #expect(
            server.requests.map { "\($0.path) \($0.header("Authorization") ?? "-")" } == [
                "/pools/t Bearer stale", "/pools/renew Bearer stale", "/pools/t Bearer renewed",
            ])
    }

    /// The refresher shows no token in its descriptions, nor in the configuration's.
    @available(*, deprecated)
    @Test func theRefresherKeepsItsTokensOutOfDescriptions() async throws {
        let identity = IdentityServer()
        let server = try LocalHTTPServer { identity.respond(to: $0) }
        defer { server.shutdown() }
        let (client, tokens) = Self.client(server)
        _ = try await PoolApi(client: client).poolGetPoolStatus(tenantId: "t")

        var texts = [String(describing: tokens), String(reflecting: tokens), String(describing: client.configuration)]
        for value in [tokens as Any, client.configuration] {
            var text = ""
            dump(value, to: &text)
            texts.append(text)
        }

        #expect(texts[0] == "BearerTokenRefresher(<redacted>)")
        for text in texts {
            for secret in ["stale", "a1", "r1", "r2"] {
                #expect(!text.contains(secret), "\(secret) in \(text)")
            }
        }
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

/// Canopy's identity server and a pool, for the token refresh: `POST /token` hands out the access tokens `a1`,
/// `a2`, … with the refresh tokens `r2`, `r3`, …; `GET /pools/t` answers with the pool to the last access token
/// handed out, and with 401 to any other.
final class IdentityServer: @unchecked Sendable {
    private let condition = NSCondition()
    private var issued = 0
    private var expired = false
    private var refusing = 0
    private var arrived = 0
    private var isGathered = false
    /// How many refused requests wait for each other (at most 10 s): all of them are under way before the first
    /// refusal comes back.
    private let gathering: Int
    private let tokenDelay: Double
    private let acceptsTokens: Bool
    /// Whether the first refused request is answered only once a token has been handed out.
    private var holdsFirstRefusal: Bool

    /// - Parameters:
    ///   - tokenDelay: how long `POST /token` takes.
    ///   - refusedRefreshes: how many refreshes get 400 before one gets a token.
    ///   - acceptsTokens: `false`: the pool refuses every token.
    ///   - holdsFirstRefusal: the first refused request is answered once a token has been handed out.
    init(
        gathering: Int = 1, tokenDelay: Double = 0, refusedRefreshes: Int = 0, acceptsTokens: Bool = true,
        holdsFirstRefusal: Bool = false
    ) {
        self.holdsFirstRefusal = holdsFirstRefusal
        self.gathering = gathering
        self.tokenDelay = tokenDelay
        self.refusing = refusedRefreshes
        self.acceptsTokens = acceptsTokens
    }

    /// Whether the refused requests all arrived before the first was answered.
    var gathered: Bool { condition.withLock { isGathered } }

    /// Refuses the tokens handed out so far.
    func expireTokens() {
        condition.withLock { expired = true }
    }

    func respond(to request: RecordedRequest) -> CannedResponse {
        switch (request.method, request.path) {
        case ("POST", "/token"):
            let number = condition.withLock { () -> Int? in
                if refusing > 0 {
                    refusing -= 1
                    return nil
                }
                issued += 1
                expired = false
                condition.broadcast()
                return issued
            }
            guard let number else { return .json(400, #"{"error": "invalid_grant"}"#).delayed(by: tokenDelay) }
            return .json(
                201,
                #"{"access_token": "a\#(number)", "refresh_token": "r\#(number + 1)", "token_type": "bearer"}"#
            ).delayed(by: tokenDelay)
        case ("GET", "/pools/t"):
            let accepted = condition.withLock {
                acceptsTokens && !expired && issued > 0 && request.header("Authorization") == "Bearer a\(issued)"
            }
            if accepted { return .json(200, MiddlewareTests.pool) }
            gather()
            holdIfFirst()
            return .text(401, "expired")
        default:
            return .text(404, "no such thing")
        }
    }

    /// Waits, for the first refused request when ``holdsFirstRefusal``, until a token has been handed out (or 10 s
    /// have passed).
    private func holdIfFirst() {
        condition.lock()
        defer { condition.unlock() }
        guard holdsFirstRefusal else { return }
        holdsFirstRefusal = false
        let deadline = Date(timeIntervalSinceNow: 10)
        while issued == 0, condition.wait(until: deadline) {}
    }

    /// Waits until `gathering` refused requests have arrived (or 10 s have passed).
    private func gather() {
        condition.lock()
        defer { condition.unlock() }
        arrived += 1
        if arrived >= gathering {
            isGathered = true
            condition.broadcast()
        }
        let deadline = Date(timeIntervalSinceNow: 10)
        while !isGathered, condition.wait(until: deadline) {}
    }
}

/// The client a refresh sends through, set once it exists.
final class ClientBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: APIClient?

    var client: APIClient? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
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
