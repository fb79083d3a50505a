import Foundation
import TestExecutors
import Testing

// `URLSessionTransport.urlRequest(for:baseURL:)` is internal to the generated module.
@testable import Canopy

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// What reaches the transport: each request carries its timeout and response size limit (the configuration's, or
/// its own), and `URLSessionTransport` gives `URLSession` the timeout.
@Suite(.computing) struct TransportTests {
    /// A transport of the user's gets `request.timeout` and `request.maxResponseBytes`: the configuration's, the
    /// request's own, or one a middleware set; the size limit's default when the configuration sets none.
    @Test func aCustomTransportGetsTheTimeoutAndTheSizeLimit() async throws {
        let transport = RecordingTransport()
        var configuration = APIClient.Configuration()
        configuration.timeout = .seconds(7)
        configuration.maxResponseBytes = 12_345
        let client = APIClient(configuration: configuration, transport: transport)

        _ = try await client.send(HTTPRequest(method: "GET", path: "/a"))
        var own = HTTPRequest(method: "GET", path: "/b")
        own.timeout = .milliseconds(1_500)
        own.maxResponseBytes = 99
        _ = try await client.send(own)
        configuration.middlewares = [TimeoutSetter(timeout: .milliseconds(250))]
        _ = try await APIClient(configuration: configuration, transport: transport)
            .send(HTTPRequest(method: "GET", path: "/c"))
        _ = try await APIClient(configuration: APIClient.Configuration(), transport: transport)
            .send(HTTPRequest(method: "GET", path: "/d"))

        #expect(transport.requests.map(\.path) == ["/a", "/b", "/c", "/d"])
        #expect(transport.requests.map(\.timeout) == [.seconds(7), .milliseconds(1_500), .milliseconds(250), nil])
        #expect(
            transport.requests.map(\.maxResponseBytes) == [
                12_345, 99, 12_345, APIClient.Configuration.defaultMaxResponseBytes,
            ])
    }

    /// `URLSession`'s timeout (the longest wait for a byte) is set a second beyond the request's, so that the
    /// client's own timeout ends a stalled attempt; without one it is `URLRequest`'s default.
    @Test func urlSessionTransportSetsTheTimeoutInterval() throws {
        let transport = URLSessionTransport()
        let base = try #require(URL(string: "https://api.example.com/v1"))
        var request = HTTPRequest(method: "DELETE", path: "/pools/{id}")
        try request.setPath("id", "p 1")

        func interval(_ timeout: Duration?) throws -> TimeInterval {
            var request = request
            request.timeout = timeout
            return try transport.urlRequest(for: request, baseURL: base).timeoutInterval
        }

        #expect(try interval(.milliseconds(2_500)) == 3.5)
        #expect(try interval(.seconds(120)) == 121)
        #expect(try interval(.zero) == 1)
        #expect(try interval(nil) == URLRequest(url: base).timeoutInterval)
        let urlRequest = try transport.urlRequest(for: request, baseURL: base)
        #expect(urlRequest.httpMethod == "DELETE")
        #expect(urlRequest.url?.absoluteString == "https://api.example.com/v1/pools/p%201")
    }
}

/// Sets a timeout on every request it sees.
struct TimeoutSetter: APIMiddleware {
    let timeout: Duration

    func intercept(
        _ request: HTTPRequest, next: (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        var request = request
        request.timeout = timeout
        return try await next(request)
    }
}
