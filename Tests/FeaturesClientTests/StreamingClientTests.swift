import Dispatch
import Features
import Foundation
import LocalHTTPServer
import TestExecutors
import Testing

/// Streaming responses of the generated `Features` client against a local server that sends its body in parts:
/// server-sent events, JSON lines and JSON text sequences, read as they arrive.
@Suite(.loopback) struct StreamingClientTests {
    func client(_ server: LocalHTTPServer, transport: (any HTTPTransport)? = nil) -> APIClient {
        APIClient(baseURL: server.baseURL, transport: transport ?? URLSessionTransport())
    }

    func collect<Element>(_ stream: AsyncThrowingStream<Element, any Error>) async throws -> [Element] {
        var elements: [Element] = []
        for try await element in stream { elements.append(element) }
        return elements
    }

    @Test func serverSentEventsAreDecodedInOrderWithTheirFields() async throws {
        let server = try LocalHTTPServer { _ in
            .streamed(
                200, contentType: "text/event-stream",
                parts: [
                    // A comment, an event type, an ID, a reconnection time, and data over two lines.
                    .init(
                        ": connected\n\nevent: tick\nid: 7\nretry: 1500\ndata: {\"seq\": 1,\ndata:  \"text\": \"a\"}\n\n"
                    ),
                    // CRLF line ends, split between parts; the ID carries over; `event` does not.
                    .init("data: {\"seq\": 2}\r"), .init("\n\r\n"),
                    // CR line ends, a field without a colon, an unknown field.
                    .init("id: 9\rdata:{\"seq\":3}\rfoo: bar\rdata\r\r"),
                    .init("data: [DONE]\n\ndata: {\"seq\": 99}\n\n"),
                ])
        }
        defer { server.shutdown() }

        let events = try await collect(StreamsApi(client: client(server)).watchTicks(count: 3))

        #expect(
            events == [
                ServerSentEvent(event: "tick", id: "7", retry: 1500, data: Tick(seq: 1, text: "a")),
                ServerSentEvent(id: "7", retry: 1500, data: Tick(seq: 2)),
                ServerSentEvent(id: "9", retry: 1500, data: Tick(seq: 3)),
            ])
        #expect(server.requests.first?.header("Accept") == "text/event-stream, application/json")
        #expect(server.requests.first?.query == "count=3")
    }

    @Test func serverSentEventsWithMultiLineDataAndCRLineEnds() async throws {
        let server = try LocalHTTPServer { _ in
            .streamed(
                200, contentType: "text/event-stream",
                parts: [
                    .init("data: {\"seq\": 3}\r"), .init("\r"),
                    .init("data: [DONE]\n\n"),
                ])
        }
        defer { server.shutdown() }

        let events = try await collect(StreamsApi(client: client(server)).watchTicks())

        #expect(events == [ServerSentEvent(data: Tick(seq: 3))])
    }

    @Test func textEventsKeepTheirDataAsItIs() async throws {
        let server = try LocalHTTPServer { _ in
            .streamed(
                200, contentType: "text/event-stream; charset=utf-8",
                parts: [
                    // A byte order mark at the start is skipped; an event without data is not dispatched.
                    .init("\u{FEFF}data: first\ndata:\ndata:  third\n\n"),
                    .init("event: ping\n\n:comment\nevent: line\ndata: [DONE]\n\n"),
                    // The body ends in the middle of an event: it is not dispatched.
                    .init("data: unfinished\n"),
                ])
        }
        defer { server.shutdown() }

        let events = try await collect(StreamsApi(client: client(server)).tailLog())

        #expect(
            events == [
                ServerSentEvent(data: "first\n\n third"), ServerSentEvent(event: "line", data: "[DONE]"),
            ])
    }

    @Test func anErrorStatusOfAStreamingOperationIsANormalError() async throws {
        let server = try LocalHTTPServer { _ in .json(400, #"{"title": "count must be positive"}"#) }
        defer { server.shutdown() }
        let api = StreamsApi(client: client(server))

        await #expect(throws: APIResponseError<Problem>.self) { _ = try await api.watchTicks(count: -1) }
        guard case .badRequest(let problem) = try await api.watchTicksResponse(count: -1) else {
            Issue.record("400 is not badRequest")
            return
        }
        #expect(problem == Problem(title: "count must be positive"))
    }

    /// The first event is in the caller's hands before the server sends the second. The server sends the second
    /// once the test has the first (or after 30 s), and then 300 ms later, so a client that waits for the whole
    /// body sees the second part sent before it has the first event, however slow the machine.
    @Test func eventsAreReadAsTheyArrive() async throws {
        let timeline = Timeline()
        let firstReceived = DispatchSemaphore(value: 0)
        let server = try LocalHTTPServer { _ in
            .streamed(
                200, contentType: "text/event-stream",
                parts: [.init("data: {\"seq\": 1}\n\n"), .init(delay: 0.3, "data: {\"seq\": 2}\n\n")],
                partSent: { index in
                    timeline.record("sent \(index)")
                    if index == 0 { _ = firstReceived.wait(timeout: .now() + 30) }
                })
        }
        defer { server.shutdown() }

        var seen: [Int] = []
        for try await event in try await StreamsApi(client: client(server)).watchTicks() {
            timeline.record("received \(event.data.seq)")
            if event.data.seq == 1 { firstReceived.signal() }
            seen.append(event.data.seq)
        }

        #expect(seen == [1, 2])
        let order = timeline.entries.map(\.name)
        #expect(order == ["sent 0", "received 1", "sent 1", "received 2"])
        let received = try #require(timeline.time(of: "received 1"))
        let sent = try #require(timeline.time(of: "sent 1"))
        #expect(sent.timeIntervalSince(received) > 0.2)
        print("first event received \(Int(sent.timeIntervalSince(received) * 1000)) ms before the second was sent")
    }

    @Test func cancellingTheReaderEndsTheStreamAndTheRequest() async throws {
        let timeline = Timeline()
        let server = try LocalHTTPServer { _ in
            .streamed(
                200, contentType: "text/event-stream",
                parts: [.init("data: {\"seq\": 1}\n\n"), .init(delay: 60, "data: {\"seq\": 2}\n\n")],
                partSent: { index in timeline.record("sent \(index)") })
        }
        defer { server.shutdown() }
        let stream = try await StreamsApi(client: client(server)).watchTicks()
        let (firstEvent, received) = AsyncStream<Void>.makeStream()

        let reader = Task {
            var count = 0
            for try await _ in stream {
                count += 1
                received.yield()
            }
            return count
        }
        for await _ in firstEvent { break }
        let cancelled = Date()
        reader.cancel()
        let count = try await reader.value

        #expect(count == 1)
        // Bounded well below the 60 s the server waits (generous for a loaded machine).
        #expect(Date().timeIntervalSince(cancelled) < 30)
        // The server notices the connection close while it waits to send the second part.
        let shutdownStart = Date()
        server.shutdown()
        #expect(Date().timeIntervalSince(shutdownStart) < 30)
        #expect(timeline.entries.map(\.name) == ["sent 0"])
    }

    @Test func theStreamingVariantAsksForTheStream() async throws {
        let server = try LocalHTTPServer { request in
            guard request.header("Accept")?.hasPrefix("text/event-stream") == true else {
                return .json(200, #"{"seq": 1, "text": "Hello"}"#)
            }
            var response = CannedResponse.streamed(
                200, contentType: "text/event-stream",
                parts: [
                    .init("data: {\"seq\": 1, \"text\": \"Hel\"}\n\n"),
                    .init("data: {\"seq\": 2, \"text\": \"lo\"}\n\ndata: [DONE]\n\n"),
                ])
            response.headers.append(("X-Request-Id", "req-1"))
            return response
        }
        defer { server.shutdown() }
        let api = StreamsApi(client: client(server))

        let whole = try await api.createChat(body: CreateChatRequest(prompt: "Hi"))
        let chunks = try await collect(api.createChatStreaming(body: CreateChatRequest(prompt: "Hi", stream: true)))

        #expect(whole == Tick(seq: 1, text: "Hello"))
        #expect(chunks.map(\.data.text) == ["Hel", "lo"])
        #expect(
            server.requests.map { $0.header("Accept") } == ["application/json", "text/event-stream, application/json"])

        // The full response method: the stream with the documented headers, the same struct as `createChat`'s.
        guard case .ok(let stream, let headers) = try await api.createChatStreamingResponse(body: .init(prompt: "Hi"))
        else {
            Issue.record("200 is not ok")
            return
        }
        let shared: StreamsApi.CreateChatOkHeaders = headers
        #expect(shared.xRequestId == "req-1")
        #expect(try await collect(stream).map(\.data.seq) == [1, 2])
    }

    @Test func aWholeAnswerWhereAStreamIsAskedForIsUnexpected() async throws {
        let server = try LocalHTTPServer { _ in .json(200, #"{"seq": 1}"#) }
        defer { server.shutdown() }

        do {
            _ = try await StreamsApi(client: client(server)).createChatStreaming(body: CreateChatRequest(prompt: "Hi"))
            Issue.record("a JSON answer was taken as a stream")
        } catch APIError.unexpectedStatus(let response) {
            #expect(response.statusCode == 200)
            #expect(response.bodyText == #"{"seq": 1}"#)
        }
    }

    @Test func dataThatDoesNotDecodeEndsTheStreamWithAnError() async throws {
        let server = try LocalHTTPServer { _ in
            .streamed(
                200, contentType: "text/event-stream",
                parts: [.init("data: {\"seq\": 1}\n\ndata: {\"text\": \"no seq\"}\n\ndata: {\"seq\": 3}\n\n")])
        }
        defer { server.shutdown() }

        var seen: [Int] = []
        do {
            for try await event in try await StreamsApi(client: client(server)).watchTicks() {
                seen.append(event.data.seq)
            }
            Issue.record("an event without seq decoded")
        } catch let error as StreamDecodingError {
            #expect(error.text == #"{"text": "no seq"}"#)
        }
        #expect(seen == [1])
    }

    @Test func jsonLinesAreDecodedAsTheyArriveAndBlankLinesSkipped() async throws {
        let server = try LocalHTTPServer { _ in
            .streamed(
                200, contentType: "application/x-ndjson",
                parts: [
                    .init("{\"seq\": 1}\n\n{\"seq\""), .init(": 2, \"text\": \"b\"}\r\n  \n"), .init("{\"seq\": 3}"),
                ])
        }
        defer { server.shutdown() }

        let records = try await collect(StreamsApi(client: client(server)).exportRecords())

        #expect(records == [Tick(seq: 1), Tick(seq: 2, text: "b"), Tick(seq: 3)])
    }

    @Test func jsonTextSequencesAreSplitAtRecordSeparators() async throws {
        let server = try LocalHTTPServer { _ in
            .streamed(
                200, contentType: "application/json-seq",
                parts: [.init("\u{1E}{\"seq\": 1}\n\u{1E}{\"seq\":"), .init(" 2}\n")])
        }
        defer { server.shutdown() }

        let records = try await collect(StreamsApi(client: client(server)).exportRecordSequence())

        #expect(records == [Tick(seq: 1), Tick(seq: 2)])
    }

    /// A transport that implements only `send` still works: the default `stream` reads the whole body first.
    @Test func aTransportWithoutStreamingBuffersTheBody() async throws {
        struct BufferingTransport: HTTPTransport {
            let base = URLSessionTransport()
            func send(_ request: HTTPRequest, baseURL: URL) async throws -> HTTPResponse {
                try await base.send(request, baseURL: baseURL)
            }
        }
        let server = try LocalHTTPServer { _ in
            .text(200, "data: {\"seq\": 1}\n\ndata: {\"seq\": 2}\n\n", contentType: "text/event-stream")
        }
        defer { server.shutdown() }

        let events = try await collect(
            StreamsApi(client: client(server, transport: BufferingTransport())).watchTicks())

        #expect(events.map(\.data.seq) == [1, 2])
    }

    @Test func theEventParserTakesBytesInAnyPieces() {
        let text = Data("id: 1\r\ndata: a\r\ndata: b\r\n\r\n: note\rdata: c\r\rretry: x\nretry: 20\ndata: d\n\n".utf8)
        let whole = { () -> [ServerSentEvent<String>] in
            var parser = ServerSentEventParser()
            return parser.parse(text) + parser.finish()
        }()
        var parser = ServerSentEventParser()
        var byByte: [ServerSentEvent<String>] = []
        for byte in text { byByte += parser.parse(Data([byte])) }
        byByte += parser.finish()

        #expect(
            whole == [
                ServerSentEvent(id: "1", data: "a\nb"), ServerSentEvent(id: "1", data: "c"),
                ServerSentEvent(id: "1", retry: 20, data: "d"),
            ])
        #expect(byByte == whole)
    }
}

/// Named moments, recorded from any thread.
final class Timeline: @unchecked Sendable {
    struct Entry {
        var name: String
        var time: Date
    }

    private let lock = NSLock()
    private var recorded: [Entry] = []

    func record(_ name: String) {
        lock.lock()
        defer { lock.unlock() }
        recorded.append(Entry(name: name, time: Date()))
    }

    var entries: [Entry] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    func time(of name: String) -> Date? {
        entries.first { $0.name == name }?.time
    }
}
