import Canopy
import Foundation
import LocalHTTPServer
import TestExecutors
import Testing

/// What the client asks for and what it does with what comes back: `Accept`, bodies that are not the documented
/// media type, and typed response headers read with the runtime's helpers, against the local server.
@Suite(.loopback) struct ResponseHandlingTests {
    func client(_ server: LocalHTTPServer) -> APIClient {
        var configuration = APIClient.Configuration(baseURL: server.baseURL)
        configuration.credentials[SecurityScheme.bearer.name] = .token("t")
        return APIClient(configuration: configuration)
    }

    static let html = "<html><body><h1>502 Bad Gateway</h1></body></html>"

    @Test func aProxysHTMLPageIsAnUnexpectedResponseNotADecodingError() async throws {
        let server = try LocalHTTPServer { _ in .text(502, Self.html, contentType: "text/html; charset=utf-8") }
        defer { server.shutdown() }

        let error = await #expect(throws: APIError.self) {
            try await PoolApi(client: client(server)).poolGetPoolStatus(tenantId: "t")
        }
        guard case .unexpectedStatus(let response) = error else {
            Issue.record("expected unexpectedStatus, got \(String(describing: error))")
            return
        }
        #expect(response.statusCode == 502)
        #expect(response.bodyText == Self.html)
        #expect(server.requests.first?.header("Accept") == "application/json, text/json")
    }

    /// A documented status whose body is not JSON (200 and 400 are documented as JSON here) takes the catch-all
    /// case instead of failing to decode.
    @available(*, deprecated)
    @Test func aDocumentedStatusWithAnHTMLBodyTakesTheCatchAllCase() async throws {
        let server = try LocalHTTPServer { request in
            request.path == "/token"
                ? .text(400, Self.html, contentType: "text/html") : .text(200, Self.html, contentType: "text/html")
        }
        defer { server.shutdown() }

        switch try await TokenApi(client: client(server)).tokenPostTokenResponse(grantType: "password") {
        case .default(let response):
            #expect(response.statusCode == 400)
            #expect(response.bodyText == Self.html)
        case let other:
            Issue.record("expected the default case, got \(other)")
        }
        switch try await PoolApi(client: client(server)).poolGetPoolStatusResponse(tenantId: "t") {
        case .undocumented(let response):
            #expect(response.statusCode == 200)
            #expect(response.headers["Content-Type"] == "text/html")
        case let other:
            Issue.record("expected the undocumented case, got \(other)")
        }
        let error = await #expect(throws: APIError.self) {
            try await DeploymentsApi(client: client(server)).deploymentsGetDeployment(deploymentId: 1)
        }
        #expect(error?.response?.bodyText == Self.html)
        if case .decodingFailed = error { Issue.record("an HTML body is not a decoding error") }
    }

    @Test func aJSONBodyWithoutContentTypeIsDecoded() async throws {
        let server = try LocalHTTPServer { _ in CannedResponse(status: 200, body: Array("42".utf8)) }
        defer { server.shutdown() }

        let body = CreateDeploymentData(name: "x")
        #expect(try await DeploymentsApi(client: client(server)).deploymentsCreateDeployment(body: body) == 42)
    }

    /// Canopy documents no response headers; the helpers the generated headers structs call, on a real response.
    @Test func responseHeadersAreReadAsTypedValues() async throws {
        let server = try LocalHTTPServer { _ in
            CannedResponse(
                status: 200,
                headers: [
                    ("X-Rate-Limit-Remaining", "42"), ("X-Pool-State", "active"), ("X-Other-State", "hibernating"),
                    ("Last-Modified", "Sun, 29 Nov 2026 09:30:00 GMT"), ("X-Expires", "2026-11-29T10:30:00+01:00"),
                    ("X-Renewal", "2027-03-01"), ("X-Ids", "1, 2,3"), ("X-Ids", "4"), ("X-Request-ID", "not-a-uuid"),
                    ("X-Flag", "true"),
                ]
            )
        }
        defer { server.shutdown() }
        let response = try await APIClient(baseURL: server.baseURL).send(HTTPRequest(method: "GET", path: "/"))

        #expect(response.header("x-rate-limit-remaining", as: Int.self) == 42)
        #expect(response.header("X-Rate-Limit-Remaining", as: Int32.self) == 42)
        #expect(response.header("X-Pool-State", as: PoolState.self) == .active)
        #expect(response.header("X-Other-State", as: PoolState.self) == .undocumented("hibernating"))
        #expect(response.header("Last-Modified", as: Date.self) == Date(timeIntervalSince1970: 1_795_944_600))
        #expect(response.header("X-Expires", as: Date.self) == Date(timeIntervalSince1970: 1_795_944_600))
        #expect(response.header("X-Renewal", as: CalendarDate.self) == CalendarDate(year: 2027, month: 3, day: 1))
        // Fields of the same name are one comma-separated list.
        #expect(response.header("X-Ids", as: [Int].self) == [1, 2, 3, 4])
        #expect(response.header("X-Flag", as: Bool.self) == true)
        // Optional headers are lenient: missing or unreadable is nil.
        #expect(response.header("X-Missing", as: Int.self) == nil)
        #expect(response.header("X-Request-ID", as: UUID.self) == nil)
        #expect(response.header("X-Pool-State", as: Int.self) == nil)

        // Required headers are strict.
        #expect(try response.requiredHeader("X-Rate-Limit-Remaining", as: Int.self) == 42)
        for (name, reason) in [
            ("X-Missing", "the header is missing"), ("X-Request-ID", "cannot read 'not-a-uuid' as UUID"),
        ] {
            let error = #expect(throws: APIError.self) { try response.requiredHeader(name, as: UUID.self) }
            guard case .invalidHeader(let failed, let failedName, let failedReason) = error else {
                Issue.record("expected invalidHeader, got \(String(describing: error))")
                continue
            }
            #expect(failed.statusCode == 200)
            #expect(failedName == name)
            #expect(failedReason == reason)
        }
    }
}
