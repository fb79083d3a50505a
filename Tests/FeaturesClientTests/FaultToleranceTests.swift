import Features
import Foundation
import LocalHTTPServer
import TestExecutors
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The generated client against a server that misbehaves: connections dropped before or during the response,
/// `429` and `503` with and without `Retry-After`, bodies too slow or too large, bodies that are not the JSON the
/// description promises. Each test checks what the server received as well as what the call returned.
@Suite(.loopback) struct FaultToleranceTests {
    static let secret = #"{"name": "db", "value": "s3"}"#
    /// The most a call that should end early may take: half what the server would take, and far more than a
    /// loaded 2-core machine keeps the test process waiting (40 s seen in a full parallel run while other
    /// suites build packages). What proves that the call ended early is the server's count of abandoned responses.
    static let patience: Duration = .seconds(60)

    /// A client whose retries wait no real time: the waits are recorded instead.
    func client(
        _ server: LocalHTTPServer, waits: Waits = Waits(), configure: (inout APIClient.Configuration) -> Void = { _ in }
    ) -> APIClient {
        var configuration = APIClient.Configuration(baseURL: server.baseURL)
        configuration.credentials[SecurityScheme.apiKey.name] = .token("key")
        configuration.credentials[SecurityScheme.queryKey.name] = .token("qkey")
        configuration.retry.sleep = { duration in waits.record(duration) }
        configure(&configuration)
        return APIClient(configuration: configuration)
    }

    /// Answers the attempts in order with `responses`, the last one for any attempt after them.
    func server(_ responses: CannedResponse...) throws -> LocalHTTPServer {
        let attempts = Attempts()
        return try LocalHTTPServer { _ in responses[min(attempts.next(), responses.count - 1)] }
    }

    @Test func aConnectionClosedWithoutAResponseIsRetried() async throws {
        let server = try server(.dropped, .json(200, Self.secret))
        defer { server.shutdown() }
        let waits = Waits()

        let secret = try await VaultApi(client: client(server, waits: waits)).readSecret(name: "db")

        #expect(secret == Secret(name: "db", value: "s3"))
        #expect(server.requests.map(\.path) == ["/vault/db", "/vault/db"])
        // Full jitter: the first retry waits up to the base delay, 0.5 s.
        #expect(waits.all.count == 1)
        #expect(waits.all.allSatisfy { $0 >= .zero && $0 <= .milliseconds(500) })
    }

    @Test func aConnectionClosedInTheMiddleOfTheBodyIsRetried() async throws {
        let long = #"{"name": "db", "value": "\#(String(repeating: "x", count: 4000))"}"#
        let server = try server(.json(200, long).cut(afterBodyBytes: 100), .json(200, Self.secret))
        defer { server.shutdown() }

        let secret = try await VaultApi(client: client(server)).readSecret(name: "db")

        #expect(secret.value == "s3")
        #expect(server.requests.count == 2)
    }

    /// `POST` is not idempotent: the server may have stored the secret before the connection broke.
    @Test func aPostIsNotRetriedUnlessThePolicySaysSo() async throws {
        let server = try server(.dropped, .dropped, .json(201, Self.secret))
        defer { server.shutdown() }

        await #expect(throws: URLError.self) {
            try await VaultApi(client: client(server)).storeSecret(body: Secret(name: "db"))
        }
        #expect(server.requests.count == 1)

        let retrying = client(server) { $0.retry.methods.insert("POST") }
        #expect(try await VaultApi(client: retrying).storeSecret(body: Secret(name: "db")).name == "db")
        #expect(server.requests.count == 3)
        #expect(server.requests.last?.bodyText == #"{"name":"db"}"#)
    }

    @Test func retryAfterInSecondsIsWaitedFor() async throws {
        let server = try server(
            .text(503, "busy").withHeader("Retry-After", "2"), .json(429, "{}").withHeader("Retry-After", "0"),
            .json(200, Self.secret))
        defer { server.shutdown() }
        let waits = Waits()

        _ = try await VaultApi(client: client(server, waits: waits)).readSecret(name: "db")

        #expect(waits.all == [.seconds(2), .zero])
        #expect(server.requests.count == 3)
    }

    @Test func retryAfterAsAnHTTPDateIsWaitedFor() async throws {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let text = formatter.string(from: Date().addingTimeInterval(30))
        let date = try #require(formatter.date(from: text))
        let server = try server(.empty(503).withHeader("Retry-After", text), .json(200, Self.secret))
        defer { server.shutdown() }
        let waits = Waits()

        _ = try await VaultApi(client: client(server, waits: waits) { $0.retry.maxDelay = .seconds(60) })
            .readSecret(name: "db")

        // The wait (recorded, not waited) ends at the date.
        let wait = try #require(waits.timed.first)
        let (seconds, attoseconds) = wait.duration.components
        let end = wait.at.addingTimeInterval(Double(seconds) + Double(attoseconds) / 1e18)
        #expect(waits.all.count == 1)
        // (Backoff would be at most 0.5 s; the margin is for a loaded machine.)
        #expect(abs(end.timeIntervalSince(date)) < 2, "\(wait) for \(text)")
        #expect(server.requests.count == 2)
    }

    /// A `Retry-After` beyond the policy's longest wait is not waited for: the `503` is the answer.
    @Test func aRetryAfterLongerThanTheMaxDelayReturnsTheResponse() async throws {
        let server = try server(.text(503, "maintenance").withHeader("Retry-After", "120"), .json(200, Self.secret))
        defer { server.shutdown() }
        let waits = Waits()

        let error = await #expect(throws: APIError.self) {
            try await VaultApi(client: client(server, waits: waits)).readSecret(name: "db")
        }

        #expect(error?.response?.statusCode == 503)
        #expect(error?.response?.headers["Retry-After"] == "120")
        #expect(error?.response?.bodyText == "maintenance")
        #expect(waits.all.isEmpty)
        #expect(server.requests.count == 1)
    }

    /// Three attempts at most, with backoff that doubles its ceiling: up to 0.5 s, then up to 1 s.
    @Test func retriesAreBoundedAndBackOff() async throws {
        let server = try server(.text(503, "busy"))
        defer { server.shutdown() }
        let waits = Waits()

        let error = await #expect(throws: APIError.self) {
            try await VaultApi(client: client(server, waits: waits)).readSecret(name: "db")
        }

        #expect(error?.response?.statusCode == 503)
        #expect(server.requests.count == 3)
        #expect(waits.all.count == 2)
        #expect(waits.all.first.map { $0 >= .zero && $0 <= .milliseconds(500) } == true)
        #expect(waits.all.last.map { $0 >= .zero && $0 <= .seconds(1) } == true)
    }

    @Test func otherStatusesAndRetryPolicyNoneAreNotRetried() async throws {
        let server = try server(.text(500, "broken"), .text(503, "busy"), .json(200, Self.secret))
        defer { server.shutdown() }

        let error = await #expect(throws: APIError.self) {
            try await VaultApi(client: client(server)).readSecret(name: "db")
        }
        #expect(error?.response?.statusCode == 500)

        let once = client(server) { $0.retry = .none }
        await #expect(throws: APIError.self) { try await VaultApi(client: once).readSecret(name: "db") }
        #expect(server.requests.count == 2)
    }

    /// A `500` is not retried, and its `Retry-After` is not waited for, whatever it asks: only failed connections,
    /// `429` and `503` are retried. The same responses under a policy that lists `500` are retried after the second
    /// asked for, so the header did reach the client.
    @Test func a500WithRetryAfterIsNotRetriedNorWaitedFor() async throws {
        let server = try server(.text(500, "broken").withHeader("Retry-After", "1"), .json(200, Self.secret))
        defer { server.shutdown() }
        let waits = Waits()

        let error = await #expect(throws: APIError.self) {
            try await VaultApi(client: client(server, waits: waits)).readSecret(name: "db")
        }

        #expect(error?.response?.statusCode == 500)
        #expect(error?.response?.headers["Retry-After"] == "1")
        #expect(error?.response?.bodyText == "broken")
        #expect(waits.all.isEmpty)
        #expect(server.requests.count == 1)

        let control = try self.server(.text(500, "broken").withHeader("Retry-After", "1"), .json(200, Self.secret))
        defer { control.shutdown() }
        let controlWaits = Waits()
        let retrying = client(control, waits: controlWaits) { $0.retry.statuses.insert(500) }
        #expect(try await VaultApi(client: retrying).readSecret(name: "db").value == "s3")
        #expect(controlWaits.all == [.seconds(1)])
        #expect(control.requests.count == 2)
    }

    /// A body that trickles in for two minutes: each part arrives well within URLSession's own timeout, the whole
    /// does not arrive within the client's.
    @Test func aSlowBodyTimesOut() async throws {
        let parts = (0..<1200).map { CannedResponse.Part(delay: 0.1, $0 == 0 ? #"{"name": "db", "value": ""# : "x") }
        let server = try server(.streamed(200, contentType: "application/json", parts: parts))
        defer { server.shutdown() }
        let start = ContinuousClock.now

        let error = await #expect(throws: APIError.self) {
            try await VaultApi(client: client(server) { $0.timeout = .milliseconds(400) }).readSecret(name: "db")
        }

        guard case .timedOut(let timeout) = error else {
            Issue.record("expected timedOut, got \(String(describing: error))")
            return
        }
        #expect(timeout == .milliseconds(400))
        #expect(ContinuousClock.now - start < Self.patience)
        // Not retried: the server may still be working on it. The server saw the client go.
        #expect(server.requests.count == 1)
        #expect(await eventually { server.abandonedResponses == 1 })
    }

    @Test func aSlowHeadTimesOutAndAPerRequestTimeoutWins() async throws {
        let server = try server(.json(200, Self.secret).delayed(by: 120))
        defer { server.shutdown() }
        let api = VaultApi(client: client(server) { $0.middlewares = [PerRequestTimeout(.milliseconds(200))] })
        let start = ContinuousClock.now

        let error = await #expect(throws: APIError.self) { try await api.readSecret(name: "db") }

        if case .timedOut(let timeout) = error {
            #expect(timeout == .milliseconds(200))
        } else {
            Issue.record("expected timedOut, got \(String(describing: error))")
        }
        #expect(ContinuousClock.now - start < Self.patience)
        #expect(await eventually { server.abandonedResponses == 1 })
    }

    /// A body of up to 1 GiB, sent at about 25 MiB/s, against a 1 MiB limit: the transport stops receiving soon
    /// after the limit (5 to 7 parts of 256 KiB in our runs), long before the server has sent it all.
    @Test func aHugeBodyStopsAtTheSizeLimit() async throws {
        let quarter = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 18)
        let sent = Attempts()
        let server = try server(
            .streamed(
                200, contentType: "application/json", partCount: 4096,
                makePart: { _ in .init(delay: 0.01, bytes: quarter) }, partSent: { _ in _ = sent.next() }))
        defer { server.shutdown() }

        let error = await #expect(throws: APIError.self) {
            try await VaultApi(client: client(server) { $0.maxResponseBytes = 1 << 20 }).readSecret(name: "db")
        }

        guard case .responseTooLarge(let limit) = error else {
            Issue.record("expected responseTooLarge, got \(String(describing: error))")
            return
        }
        #expect(limit == 1 << 20)
        #expect(await eventually { server.abandonedResponses == 1 })
        #expect(sent.count < 400, "the server sent \(sent.count) parts of 256 KiB")
        #expect(server.requests.count == 1)
    }

    /// `Content-Length` says more than the limit: the client does not wait for the body. The streaming twin holds
    /// a body it does not stream (an error's) to the same limit.
    @Test func anAnnouncedLengthBeyondTheLimitFailsAtOnce() async throws {
        let body = String(repeating: "x", count: 300_000)
        let server = try LocalHTTPServer { request in .json(request.path.hasPrefix("/archives") ? 404 : 200, body) }
        defer { server.shutdown() }
        let small = client(server) { $0.maxResponseBytes = 100_000 }

        let error = await #expect(throws: APIError.self) { try await VaultApi(client: small).readSecret(name: "db") }
        #expect(
            error?.description
                == "the response body is longer than 100000 bytes (APIClient.Configuration.maxResponseBytes)")

        let streaming = await #expect(throws: APIError.self) {
            try await DownloadsApi(client: small).downloadArchiveStreaming(name: "a").collect(upTo: 1)
        }
        if case .responseTooLarge(100_000) = streaming {
        } else {
            Issue.record("expected responseTooLarge, got \(String(describing: streaming))")
        }
        #expect(server.requests.count == 2)
    }

    @Test(arguments: [(502, "text/html; charset=utf-8"), (200, "text/html")])
    func anHTMLPageIsAnUnexpectedResponse(status: Int, contentType: String) async throws {
        let html = "<html><body><h1>\(status)</h1></body></html>"
        let server = try server(.text(status, html, contentType: contentType))
        defer { server.shutdown() }

        let error = await #expect(throws: APIError.self) {
            try await VaultApi(client: client(server)).readSecret(name: "db")
        }

        guard case .unexpectedStatus(let response) = error else {
            Issue.record("expected unexpectedStatus, got \(String(describing: error))")
            return
        }
        #expect(response.statusCode == status)
        #expect(response.headers["Content-Type"] == contentType)
        #expect(response.bodyText == html)
        #expect(error?.description == "unexpected response: HTTP \(status) (\(contentType)): \(html)")
        #expect(server.requests.count == 1)
    }

    @Test func invalidJSONIsADecodingErrorWithTheResponse() async throws {
        let server = try server(.json(200, #"{"name": "db", "value": "#))
        defer { server.shutdown() }

        let error = await #expect(throws: APIError.self) {
            try await VaultApi(client: client(server)).readSecret(name: "db")
        }

        guard case .decodingFailed(let response, _) = error else {
            Issue.record("expected decodingFailed, got \(String(describing: error))")
            return
        }
        #expect(response.bodyText == #"{"name": "db", "value": "#)
        #expect(server.requests.count == 1)
    }

    /// Without `Content-Type`, a body is read as JSON when it looks like JSON, and is an unexpected response
    /// otherwise.
    @Test func withoutContentTypeOnlyAJSONLookingBodyIsDecoded() async throws {
        let server = try server(
            CannedResponse(status: 200, body: Array(" \n{\"name\": \"db\"}".utf8)),
            CannedResponse(status: 200, body: Array("<html>oops</html>".utf8)), CannedResponse(status: 200))
        defer { server.shutdown() }
        let api = VaultApi(client: client(server))

        #expect(try await api.readSecret(name: "db") == Secret(name: "db"))
        for body in ["<html>oops</html>", ""] {
            let error = await #expect(throws: APIError.self) { try await api.readSecret(name: "db") }
            if case .unexpectedStatus(let response) = error {
                #expect(response.bodyText == body)
            } else {
                Issue.record("expected unexpectedStatus, got \(String(describing: error))")
            }
        }
    }

    /// A stream whose first attempt is a `503` is retried, and its events reach the caller through a middleware
    /// that sees each response's status and headers.
    @Test func aStreamIsRetriedAndReachesTheCallerThroughAMiddleware() async throws {
        let server = try server(
            .text(503, "warming up").withHeader("Retry-After", "1"),
            .streamed(
                200, contentType: "text/event-stream",
                parts: [.init("data: {\"seq\": 1}\n\n"), .init("data: {\"seq\": 2}\n\n")]))
        defer { server.shutdown() }
        let seen = Seen()
        let waits = Waits()
        let api = StreamsApi(client: client(server, waits: waits) { $0.middlewares = [Recording(seen: seen)] })

        var ticks: [Int] = []
        for try await event in try await api.watchTicks(count: 2) { ticks.append(event.data.seq) }

        #expect(ticks == [1, 2])
        #expect(waits.all == [.seconds(1)])
        #expect(server.requests.map(\.target) == ["/ticks?count=2", "/ticks?count=2"])
        // The middleware saw one response: the retries happen inside `next`. Its body is still the caller's.
        let responses = seen.all.compactMap { $0 as? HTTPResponse }
        #expect(responses.map(\.statusCode) == [200])
        #expect(responses.first?.body.isEmpty == true)
    }

    /// Cancelling the calling task cancels the transfer: the call ends at once with `CancellationError`, and the
    /// server sees the connection close.
    @Test func cancellingTheTaskCancelsTheRequest() async throws {
        let server = try server(.json(200, Self.secret).delayed(by: 120))
        defer { server.shutdown() }
        let api = VaultApi(client: client(server))
        let call = Task { try await api.readSecret(name: "db") }
        #expect(await eventually { server.requests.count == 1 })

        let start = ContinuousClock.now
        call.cancel()
        let result = await call.result

        #expect(ContinuousClock.now - start < Self.patience)
        #expect(throws: CancellationError.self) { try result.get() }
        #expect(await eventually { server.abandonedResponses == 1 })
        #expect(server.requests.count == 1)
    }
}

/// Sets a timeout for every request it sees: what a middleware does for a request that needs its own.
struct PerRequestTimeout: APIMiddleware {
    let timeout: Duration

    init(_ timeout: Duration) {
        self.timeout = timeout
    }

    func intercept(
        _ request: HTTPRequest, next: (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        var request = request
        request.timeout = timeout
        return try await next(request)
    }
}

/// The waits of a retry policy, recorded instead of waited.
final class Waits: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [(duration: Duration, at: Date)] = []

    var all: [Duration] { lock.withLock { recorded.map(\.duration) } }
    /// The waits with the times they were asked for.
    var timed: [(duration: Duration, at: Date)] { lock.withLock { recorded } }

    func record(_ duration: Duration) {
        lock.withLock { recorded.append((duration, Date())) }
    }
}

/// Counts attempts across the server's connection threads.
final class Attempts: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    var count: Int { lock.withLock { value } }

    /// The count before this call: 0 for the first.
    func next() -> Int {
        lock.withLock {
            defer { value += 1 }
            return value
        }
    }
}

/// Whether `condition` becomes true within `timeout`, checked every 10 ms (and once more after a stall).
func eventually(within timeout: Duration = .seconds(30), _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while !condition() {
        guard ContinuousClock.now < deadline else { return false }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return true
}

extension CannedResponse {
    /// This response with one more header field.
    func withHeader(_ name: String, _ value: String) -> CannedResponse {
        var response = self
        response.headers.append((name, value))
        return response
    }
}
