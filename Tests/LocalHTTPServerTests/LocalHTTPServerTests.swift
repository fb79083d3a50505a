import Foundation
import LocalHTTPServer
import TestExecutors
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// End-to-end: URLSession (libcurl on Linux) against the server.
@Suite(.loopback) struct URLSessionTests {
    @Test func getWithQueryIsRecordedAsSent() async throws {
        let server = try LocalHTTPServer { _ in .json(200, #"{"ok":true}"#) }
        defer { server.shutdown() }
        let url = try #require(URL(string: "/pools/abc?poolType=primary&name=a%20b", relativeTo: server.baseURL))

        let (data, response) = try await URLSession.shared.data(for: URLRequest(url: url))

        let http = try #require(response as? HTTPURLResponse)
        #expect(http.statusCode == 200)
        #expect(http.value(forHTTPHeaderField: "Content-Type") == "application/json; charset=utf-8")
        #expect(String(decoding: data, as: UTF8.self) == #"{"ok":true}"#)
        let request = try #require(server.requests.first)
        #expect(server.requests.count == 1)
        #expect(request.method == "GET")
        #expect(request.target == "/pools/abc?poolType=primary&name=a%20b")
        #expect(request.path == "/pools/abc")
        #expect(request.query == "poolType=primary&name=a%20b")
        #expect(
            request.queryItems == [
                URLQueryItem(name: "poolType", value: "primary"), URLQueryItem(name: "name", value: "a b"),
            ])
        #expect(request.httpVersion == "HTTP/1.1")
        #expect(request.header("host") == "127.0.0.1:\(server.port)")
        #expect(request.body.isEmpty)
        #expect(request.header("Content-Length") == nil)
        #expect(request.header("Transfer-Encoding") == nil)
    }

    @Test func postFormWithCustomHeaders() async throws {
        let server = try LocalHTTPServer { _ in .text(201, "created") }
        defer { server.shutdown() }
        var request = URLRequest(url: server.baseURL.appendingPathComponent("pets"))
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.setValue("secret-key", forHTTPHeaderField: "X-Api-Key")
        request.setValue("Bearer token", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        request.httpBody = Data("name=Fido&tag=a%26b".utf8)

        let (data, response) = try await URLSession.shared.data(for: request)

        #expect((response as? HTTPURLResponse)?.statusCode == 201)
        #expect(String(decoding: data, as: UTF8.self) == "created")
        let recorded = try #require(server.requests.first)
        #expect(recorded.method == "POST")
        #expect(recorded.path == "/pets")
        #expect(recorded.query == nil)
        #expect(recorded.header("content-type") == "application/x-www-form-urlencoded")
        #expect(recorded.header("X-API-KEY") == "secret-key")
        #expect(recorded.header("authorization") == "Bearer token")
        #expect(recorded.header("Accept") == "application/json")
        #expect(recorded.bodyText == "name=Fido&tag=a%26b")
        #expect(recorded.bodyData == Data("name=Fido&tag=a%26b".utf8))
        // libcurl frames an in-memory httpBody with Content-Length, never chunked, and sends no Expect.
        #expect(recorded.header("Content-Length") == "19")
        #expect(recorded.header("Transfer-Encoding") == nil)
        #expect(recorded.header("Expect") == nil)
    }

    @Test func jsonResponseDecodes() async throws {
        struct Pool: Decodable, Equatable {
            var id: String
            var size: Int
            var tags: [String]
        }
        let server = try LocalHTTPServer { request in
            .json(200, #"{"id":"\#(request.path.split(separator: "/").last ?? "")","size":3,"tags":["a","é"]}"#)
        }
        defer { server.shutdown() }

        let (data, response) = try await URLSession.shared.data(from: server.baseURL.appendingPathComponent("pools/p1"))

        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(try JSONDecoder().decode(Pool.self, from: data) == Pool(id: "p1", size: 3, tags: ["a", "é"]))
    }

    @Test func errorStatusIsDeliveredNotThrown() async throws {
        let server = try LocalHTTPServer { _ in .json(400, #"{"error":"bad poolType"}"#) }
        defer { server.shutdown() }

        let (data, response) = try await URLSession.shared.data(from: server.baseURL.appendingPathComponent("x"))

        let http = try #require(response as? HTTPURLResponse)
        #expect(http.statusCode == 400)
        #expect(String(decoding: data, as: UTF8.self) == #"{"error":"bad poolType"}"#)
        #expect(server.requests.count == 1)
    }

    @Test func twoSequentialRequestsAreBothServedAndRecordedInOrder() async throws {
        let counter = Counter()
        let server = try LocalHTTPServer { _ in
            // Even with a cacheable answer, URLSession on Linux goes to the server again.
            CannedResponse(
                status: 200, headers: [("Cache-Control", "max-age=600")], body: Array("\(counter.next())".utf8))
        }
        defer { server.shutdown() }
        let url = server.baseURL.appendingPathComponent("same")

        let (first, _) = try await URLSession.shared.data(from: url)
        let (second, _) = try await URLSession.shared.data(from: url.appendingPathComponent("again"))
        let (third, _) = try await URLSession.shared.data(from: url)

        #expect([first, second, third].map { String(decoding: $0, as: UTF8.self) } == ["1", "2", "3"])
        #expect(server.requests.map(\.path) == ["/same", "/same/again", "/same"])
    }

    @Test func concurrentRequestsAreAllServed() async throws {
        let server = try LocalHTTPServer { request in .text(200, request.path) }
        defer { server.shutdown() }
        let session = URLSession(configuration: .ephemeral)
        let base = server.baseURL

        let bodies = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<16 {
                group.addTask {
                    let (data, _) = try await session.data(from: base.appendingPathComponent("r\(index)"))
                    return String(decoding: data, as: UTF8.self)
                }
            }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }

        #expect(bodies == Set((0..<16).map { "/r\($0)" }))
        #expect(Set(server.requests.map(\.path)) == bodies)
    }

    @Test func streamedBodyIsSentChunkedAndDecoded() async throws {
        let server = try LocalHTTPServer { _ in .empty(204) }
        defer { server.shutdown() }
        var request = URLRequest(url: server.baseURL.appendingPathComponent("upload"))
        request.httpMethod = "PUT"
        request.setValue("application/octet-stream", forHTTPHeaderField: "Content-Type")
        let payload = Data((0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        request.httpBodyStream = InputStream(data: payload)

        let (data, response) = try await URLSession.shared.data(for: request)

        #expect((response as? HTTPURLResponse)?.statusCode == 204)
        #expect(data.isEmpty)
        let recorded = try #require(server.requests.first)
        #expect(recorded.bodyData == payload)
        #if canImport(FoundationNetworking)
            // libcurl does not know the stream's length, so it uses chunked transfer coding.
            #expect(recorded.header("Transfer-Encoding") == "chunked")
            #expect(recorded.header("Content-Length") == nil)
        #endif
    }

    @Test func largeBodyIsSentWithContentLength() async throws {
        let server = try LocalHTTPServer { request in .text(200, "\(request.body.count)") }
        defer { server.shutdown() }
        var request = URLRequest(url: server.baseURL.appendingPathComponent("big"))
        request.httpMethod = "POST"
        request.setValue("application/octet-stream", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(repeating: 0x5A, count: 2_000_000)

        let (data, _) = try await URLSession.shared.data(for: request)

        #expect(String(decoding: data, as: UTF8.self) == "2000000")
        #expect(server.requests.first?.header("Content-Length") == "2000000")
    }

    @Test func noContentAndHeadHaveEmptyBodies() async throws {
        let server = try LocalHTTPServer { request in
            request.method == "HEAD" ? .text(200, "not sent for HEAD") : .empty(204)
        }
        defer { server.shutdown() }
        var head = URLRequest(url: server.baseURL.appendingPathComponent("h"))
        head.httpMethod = "HEAD"

        let (headData, headResponse) = try await URLSession.shared.data(for: head)
        let (noData, noResponse) = try await URLSession.shared.data(from: server.baseURL.appendingPathComponent("n"))

        #expect((headResponse as? HTTPURLResponse)?.statusCode == 200)
        #expect((headResponse as? HTTPURLResponse)?.value(forHTTPHeaderField: "Content-Length") == "17")
        #expect(headData.isEmpty)
        #expect((noResponse as? HTTPURLResponse)?.statusCode == 204)
        #expect(noData.isEmpty)
    }

    @Test func serverKeepsServingAfterMalformedRequest() async throws {
        let server = try LocalHTTPServer { _ in .text(200, "fine") }
        defer { server.shutdown() }
        let port = server.port

        let raw = try await onThread { try RawClient.exchange(port: port, "GARBAGE\r\n\r\n") }
        let (data, _) = try await URLSession.shared.data(from: server.baseURL.appendingPathComponent("after"))

        #expect(RawClient.statusCode(raw) == 400)
        #expect(String(decoding: data, as: UTF8.self) == "fine")
        #expect(server.requests.map(\.path) == ["/after"])
        #expect(server.rejections == ["400 Malformed request line"])
    }
}

/// The wire format, with a plain socket.
@Suite(.loopback) struct RawSocketTests {
    @Test func malformedRequestGets400() async throws {
        let server = try LocalHTTPServer { _ in .text(200, "unreachable") }
        defer { server.shutdown() }
        let port = server.port

        let response = try await onThread { try RawClient.exchange(port: port, "HELLO THERE\r\n\r\n") }

        #expect(response.hasPrefix("HTTP/1.1 400 Bad Request\r\n"))
        #expect(response.contains("\r\nConnection: close\r\n"))
        #expect(server.requests.isEmpty)
    }

    struct FramingCase: Sendable, CustomTestStringConvertible {
        var name: String
        var request: String
        var status: Int
        var testDescription: String { "\(name) → \(status)" }

        init(_ name: String, _ request: String, _ status: Int) {
            self.name = name
            self.request = request
            self.status = status
        }
    }

    static let framingCases: [FramingCase] = [
        .init("HTTP/0.9 request line", "GET /\r\n\r\n", 400),
        .init("HTTP/2.0", "GET / HTTP/2.0\r\n\r\n", 505),
        .init("space in target", "GET /a b HTTP/1.1\r\n\r\n", 400),
        .init("field without colon", "GET / HTTP/1.1\r\nNo colon here\r\n\r\n", 400),
        .init("space before colon", "GET / HTTP/1.1\r\nX-Space : y\r\n\r\n", 400),
        .init("obsolete line folding", "GET / HTTP/1.1\r\nX-Fold: a\r\n b\r\n\r\n", 400),
        .init(
            "conflicting Content-Length", "POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", 400),
        .init("negative Content-Length", "POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", 400),
        .init("huge Content-Length", "POST / HTTP/1.1\r\nContent-Length: 99999999999\r\n\r\n", 413),
        .init("unknown transfer coding", "POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n", 501),
        .init("bad chunk size", "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400),
        .init(
            "chunk longer than its size", "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n0\r\n\r\n",
            400),
        .init("20 kB header line", "GET / HTTP/1.1\r\nX-Big: \(String(repeating: "a", count: 20_000))\r\n\r\n", 431),
        .init("20 kB request line", "GET /\(String(repeating: "a", count: 20_000)) HTTP/1.1\r\n\r\n", 414),
    ]

    @Test(arguments: framingCases)
    func framingErrors(_ framing: FramingCase) async throws {
        let server = try LocalHTTPServer { _ in .text(200, "unreachable") }
        defer { server.shutdown() }
        let port = server.port

        let response = try await onThread { try RawClient.exchange(port: port, framing.request, halfClose: true) }

        #expect(RawClient.statusCode(response) == framing.status)
        #expect(server.requests.isEmpty)
        #expect(server.rejections.count == 1)
    }

    @Test func rejectionIsReadableEvenWithUnreadBodyBytes() async throws {
        let server = try LocalHTTPServer { _ in .text(200, "unreachable") }
        defer { server.shutdown() }
        let port = server.port
        let junk = String(repeating: "j", count: 300_000)

        let response = try await onThread {
            try RawClient.exchange(
                port: port, "POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n" + junk)
        }

        #expect(RawClient.statusCode(response) == 400)
    }

    @Test func chunkedBodyWithExtensionsAndTrailersIsDecoded() async throws {
        let server = try LocalHTTPServer { request in .text(200, request.bodyText) }
        defer { server.shutdown() }
        let port = server.port
        let request =
            "POST /chunks HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5;name=value\r\nhello\r\n1\r\n \r\nA \r\n0123456789\r\n0\r\nX-Trailer: t\r\n\r\n"

        let response = try await onThread { try RawClient.exchange(port: port, request) }

        #expect(response.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(response.hasSuffix("\r\n\r\nhello 0123456789"))
        let recorded = try #require(server.requests.first)
        #expect(recorded.bodyText == "hello 0123456789")
        #expect(recorded.header("transfer-encoding") == "chunked")
    }

    @Test func bareLineFeedsAndRepeatedHeadersAreAccepted() async throws {
        let server = try LocalHTTPServer { _ in .empty(204) }
        defer { server.shutdown() }
        let port = server.port
        let request = "\r\nPUT /p?q HTTP/1.0\nX-Tag: a\nx-tag:  b \nContent-Length: 2\n\nok"

        let response = try await onThread { try RawClient.exchange(port: port, request) }

        #expect(response.hasPrefix("HTTP/1.1 204 No Content\r\n"))
        let recorded = try #require(server.requests.first)
        #expect(recorded.method == "PUT")
        #expect(recorded.httpVersion == "HTTP/1.0")
        #expect(recorded.query == "q")
        #expect(recorded.header("X-TAG") == "a, b")
        #expect(recorded.headerValues("x-tag") == ["a", "b"])
        #expect(recorded.headers.map(\.name) == ["X-Tag", "x-tag", "Content-Length"])
        #expect(recorded.bodyText == "ok")
    }

    @Test func expectContinueGetsInterimResponse() async throws {
        let server = try LocalHTTPServer { request in .text(200, request.bodyText) }
        defer { server.shutdown() }
        let port = server.port

        let response = try await onThread {
            let fd = try RawClient.connectSocket(port: port)
            defer { close(fd) }
            try RawClient.sendAll(fd, "POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n")
            var interim = [UInt8](repeating: 0, count: 25)
            let count = recv(fd, &interim, interim.count, Int32(MSG_WAITALL))
            try RawClient.sendAll(fd, "body")
            return String(decoding: interim.prefix(max(count, 0)), as: UTF8.self) + RawClient.readAll(fd)
        }

        #expect(response.hasPrefix("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n"))
        #expect(response.hasSuffix("\r\n\r\nbody"))
    }

    @Test func responseHeadContainsServerAndCannedHeaders() async throws {
        let server = try LocalHTTPServer { _ in
            CannedResponse(
                status: 299,
                headers: [
                    ("X-One", "1"), ("Content-Length", "999"), ("connection", "keep-alive"),
                    ("X-Two", "2\r\nX-Evil: 1"),
                ],
                body: Array("abc".utf8)
            )
        }
        defer { server.shutdown() }
        let port = server.port

        let response = try await onThread { try RawClient.exchange(port: port, "GET / HTTP/1.1\r\nHost: x\r\n\r\n") }

        let expected = [
            "HTTP/1.1 299 Unknown", "Content-Length: 3", "Connection: close", "X-One: 1", "X-Two: 2X-Evil: 1", "",
            "abc",
        ]
        #expect(response == expected.joined(separator: "\r\n"))
    }

    @Test func stalledRequestTimesOutWith408() async throws {
        let server = try LocalHTTPServer(readTimeout: 0.3) { _ in .text(200, "unreachable") }
        defer { server.shutdown() }
        let port = server.port

        // Timed on the client's own thread: under a full parallel test run, getting back onto the cooperative
        // pool can take longer than the timeout being measured.
        let (response, elapsed) = try await onThread {
            let clock = ContinuousClock()
            let start = clock.now
            let fd = try RawClient.connectSocket(port: port)
            defer { close(fd) }
            try RawClient.sendAll(fd, "POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc")
            return (RawClient.readAll(fd), clock.now - start)
        }

        #expect(RawClient.statusCode(response) == 408)
        // Well under the 10 s default: the 0.3 s timeout fired. The margin is for a loaded 2-core CI machine.
        #expect(elapsed < .seconds(8))
        #expect(server.rejections == ["408 Timed out reading the request"])
    }

    @Test func silentConnectionIsClosedWithoutAnswer() async throws {
        let server = try LocalHTTPServer(readTimeout: 0.2) { _ in .text(200, "unreachable") }
        defer { server.shutdown() }
        let port = server.port

        let response = try await onThread {
            let fd = try RawClient.connectSocket(port: port)
            defer { close(fd) }
            return RawClient.readAll(fd)
        }

        #expect(response.isEmpty)
        #expect(server.rejections.isEmpty)
    }
}

/// Faults on purpose, for testing clients: no answer, a body cut short, an answer that comes late.
@Suite(.loopback) struct FaultTests {
    @Test func droppedAndCutResponsesCloseTheConnection() async throws {
        let server = try LocalHTTPServer { request in
            request.path == "/drop" ? .dropped : .text(200, "0123456789abcdef").cut(afterBodyBytes: 10)
        }
        defer { server.shutdown() }
        let port = server.port

        let dropped = try await onThread { try RawClient.exchange(port: port, "GET /drop HTTP/1.1\r\nHost: x\r\n\r\n") }
        let cut = try await onThread { try RawClient.exchange(port: port, "GET /cut HTTP/1.1\r\nHost: x\r\n\r\n") }

        #expect(dropped.isEmpty)
        #expect(cut.hasPrefix("HTTP/1.1 200 OK\r\nContent-Length: 16\r\n"))
        #expect(cut.hasSuffix("\r\n\r\n0123456789"))
        #expect(server.requests.map(\.path) == ["/drop", "/cut"])
        #expect(server.abandonedResponses == 0)
    }

    @Test func aDelayedResponseComesLateOrCountsAsAbandoned() async throws {
        let server = try LocalHTTPServer { request in .text(200, "late").delayed(by: request.path == "/wait" ? 0.2 : 10)
        }
        defer { server.shutdown() }
        let port = server.port

        let (late, elapsed) = try await onThread {
            let clock = ContinuousClock()
            let start = clock.now
            return (try RawClient.exchange(port: port, "GET /wait HTTP/1.1\r\nHost: x\r\n\r\n"), clock.now - start)
        }
        #expect(late.hasSuffix("\r\n\r\nlate"))
        #expect(elapsed >= .milliseconds(200))

        try await onThread {
            let fd = try RawClient.connectSocket(port: port)
            try RawClient.sendAll(fd, "GET /gone HTTP/1.1\r\nHost: x\r\n\r\n")
            usleep(100_000)
            close(fd)
        }
        let deadline = ContinuousClock.now + .seconds(30)
        while server.abandonedResponses == 0, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(server.abandonedResponses == 1)
        #expect(server.requests.map(\.path) == ["/wait", "/gone"])
    }
}

/// Lifecycle.
@Suite(.loopback) struct ShutdownTests {
    @Test func shutdownIsIdempotentAndStopsAccepting() async throws {
        let server = try LocalHTTPServer { _ in .text(200, "up") }
        let port = server.port
        let (data, _) = try await URLSession.shared.data(from: server.baseURL)
        #expect(String(decoding: data, as: UTF8.self) == "up")

        server.shutdown()
        server.shutdown()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<4 { group.addTask { server.shutdown() } }
        }

        // Tests run in parallel, so another test's server may already have been given the same port: what
        // matters is that this server answers nothing more.
        if let fd = try? RawClient.connectSocket(port: port) {
            close(fd)
        }
        _ = try? await URLSession.shared.data(from: server.baseURL)
        #expect(server.requests.count == 1)
    }

    @Test func shutdownIsPromptEvenWithAStalledClient() async throws {
        // A read timeout far beyond the test, so that only shutdown can end the stalled connection, however
        // long a loaded machine takes to resume the test after its sleep.
        let server = try LocalHTTPServer(readTimeout: 600) { _ in .text(200, "unreachable") }
        let port = server.port
        let fd = try RawClient.connectSocket(port: port)
        defer { close(fd) }
        try RawClient.sendAll(fd, "GET / HTTP/1.1\r\n")  // ...and never the rest.
        try await Task.sleep(for: .milliseconds(50))
        let clock = ContinuousClock()
        let start = clock.now

        server.shutdown()

        // Well under the read timeout the stalled connection would otherwise hold the server for.
        #expect(clock.now - start < .seconds(5))
        #expect(RawClient.readAll(fd).isEmpty)
    }

    @Test func deinitShutsDown() async throws {
        let served = ServedCount()
        var server: LocalHTTPServer? = try LocalHTTPServer { _ in
            served.increment()
            return .text(200, "up")
        }
        let port = try #require(server?.port)
        #expect(try RawClient.exchange(port: port, "GET / HTTP/1.1\r\n\r\n").hasSuffix("up"))

        server = nil

        // Another test's server may have been given the port since; this one must serve nothing more.
        _ = try? RawClient.exchange(port: port, "GET / HTTP/1.1\r\n\r\n")
        #expect(served.value == 1)
    }

    @Test func handlerMayShutDownItsOwnServer() async throws {
        let holder = Holder()
        let server = try LocalHTTPServer { _ in
            holder.server?.shutdown()
            return .text(200, "bye")
        }
        holder.server = server
        defer { holder.server = nil }
        let port = server.port

        let response = try await onThread { try RawClient.exchange(port: port, "GET / HTTP/1.1\r\n\r\n") }

        #expect(response.hasSuffix("\r\n\r\nbye"))
        // Another test's server may have been given the port since; this one must serve nothing more.
        _ = try? await onThread { try RawClient.exchange(port: port, "GET / HTTP/1.1\r\n\r\n") }
        #expect(server.requests.count == 1)
    }
}

@Suite(.loopback) struct ValueTests {
    @Test func recordedRequestSplitsTargetAndFindsHeaders() {
        let request = RecordedRequest(
            method: "GET",
            target: "/a/b?x=1&y=%2F&x=2",
            headers: [.init(name: "Accept", value: "text/plain"), .init(name: "ACCEPT", value: "application/json")],
            body: Array("héllo".utf8)
        )
        #expect(request.path == "/a/b")
        #expect(request.query == "x=1&y=%2F&x=2")
        #expect(request.queryItems.map(\.value) == ["1", "/", "2"])
        #expect(request.header("accept") == "text/plain, application/json")
        #expect(request.header("Accept-Language") == nil)
        #expect(request.bodyText == "héllo")
        #expect(RecordedRequest(method: "GET", target: "/p?").query == "")
        #expect(RecordedRequest(method: "GET", target: "*").path == "*")
    }

    @Test func cannedResponseDefaults() {
        #expect(CannedResponse(status: 404).reason == "Not Found")
        #expect(CannedResponse(status: 200, reason: "Fine").reason == "Fine")
        let json = CannedResponse.json(201, "{}")
        #expect(json.status == 201)
        #expect(json.reason == "Created")
        #expect(json.headers.map(\.0) == ["Content-Type"])
        #expect(json.headers.map(\.1) == ["application/json; charset=utf-8"])
        #expect(json.body == Array("{}".utf8))
        #expect(CannedResponse.text(500, "x", contentType: "text/html").headers.first?.1 == "text/html")
    }
}

/// Thread-safe test helpers.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func next() -> Int {
        lock.withLock {
            value += 1
            return value
        }
    }
}

/// How many requests a handler served.
final class ServedCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}

final class Holder: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: LocalHTTPServer?

    var server: LocalHTTPServer? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
