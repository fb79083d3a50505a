import Dispatch
import Foundation

#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// A tiny HTTP/1.1 server for end-to-end tests.
///
/// It listens on 127.0.0.1 at an ephemeral port, records every well-formed request, answers each one with
/// whatever `handler` returns, and then closes the connection (`Connection: close`; no keep-alive). Each
/// connection is served on its own thread, so a stalled client never blocks the others. Malformed requests
/// get a 4xx/5xx answer and are listed in `rejections`, not in `requests`.
///
/// ```swift
/// let server = try LocalHTTPServer { request in .json(200, #"{"ok":true}"#) }
/// defer { server.shutdown() }
/// var request = URLRequest(url: server.baseURL.appendingPathComponent("pools"))
/// ...
/// #expect(server.requests.first?.method == "GET")
/// ```
public final class LocalHTTPServer: Sendable {
    private let core: ServerCore

    /// Starts listening on 127.0.0.1 on an ephemeral port (port 0) and serves on a background thread.
    /// - Parameters:
    ///   - readTimeout: Seconds a connection may stay silent before it is answered `408` and closed.
    ///   - handler: Called once per well-formed request, on the connection's thread (possibly concurrently).
    public init(
        readTimeout: Double = 10,
        handler: @escaping @Sendable (RecordedRequest) -> CannedResponse
    ) throws {
        core = try ServerCore(readTimeout: readTimeout, handler: handler)
        core.start()
    }

    deinit {
        core.shutdown()
    }

    /// The TCP port the server listens on.
    public var port: Int { core.port }

    /// `http://127.0.0.1:<port>`, without a trailing slash.
    public var baseURL: URL { core.baseURL }

    /// Every well-formed request received so far, in arrival order. A request is recorded before its
    /// response is sent, so once a client has its response, the request is here.
    public var requests: [RecordedRequest] { core.state.withLock { $0.requests } }

    /// One line per request that was rejected as malformed (status and reason), in arrival order.
    public var rejections: [String] { core.state.withLock { $0.rejections } }

    /// How many responses the client went away from before they were whole: it closed the connection while the
    /// server waited to answer (``CannedResponse/delay``), between parts of a body sent in parts, or while a body
    /// was being written.
    public var abandonedResponses: Int { core.state.withLock { $0.abandonedResponses } }

    /// Stops accepting, closes the listening socket and joins the accept thread; open connections are shut
    /// down and their threads awaited (briefly). Idempotent and thread-safe; also called on deinit.
    public func shutdown() {
        core.shutdown()
    }
}

/// A value behind an `NSLock`; the only `@unchecked Sendable` in this module.
final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func withLock<Result, Failure: Error>(
        _ body: (inout Value) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

/// Everything the threads share. Kept apart from `LocalHTTPServer` so that the threads never retain the
/// public object, whose deinit therefore still runs (and shuts the server down).
final class ServerCore: Sendable {
    struct State: Sendable {
        var requests: [RecordedRequest] = []
        var rejections: [String] = []
        var abandonedResponses = 0
        /// Accepted connections not yet closed; shutdown(2) on stop so that blocked reads return.
        var openConnections: Set<Int32> = []
        var stopping = false
    }

    let port: Int
    let baseURL: URL
    let state = Locked(State())

    private let listenFD: Int32
    private let wakeReadFD: Int32
    private let wakeWriteFD: Int32
    private let readTimeout: Double
    private let handler: @Sendable (RecordedRequest) -> CannedResponse
    /// Serialises shutdown; true once the listening socket is closed.
    private let shutdownDone = Locked(false)
    private let acceptLoopFinished = DispatchSemaphore(value: 0)
    private let connections = DispatchGroup()

    /// Seconds shutdown waits for connection threads (a handler might block).
    private static let connectionJoinTimeout = 5.0
    /// Key in `Thread.current.threadDictionary` under which a connection thread of this server keeps its fd.
    private var connectionThreadKey: String { "LocalHTTPServer.connection.\(ObjectIdentifier(self).hashValue)" }

    init(readTimeout: Double, handler: @escaping @Sendable (RecordedRequest) -> CannedResponse) throws {
        let (fd, port) = try Socket.listenOnLoopback()
        var pipeFDs: [Int32] = [-1, -1]
        guard pipe(&pipeFDs) == 0 else {
            let code = errno
            Socket.closeQuietly(fd)
            throw SocketError(call: "pipe", code: code)
        }
        for pipeFD in pipeFDs { try? Socket.setCloseOnExec(pipeFD) }
        try? Socket.setNonBlocking(pipeFDs[1], true)
        guard let url = URL(string: "http://127.0.0.1:\(port)") else {
            pipeFDs.forEach(Socket.closeQuietly)
            Socket.closeQuietly(fd)
            throw SocketError(call: "URL(string:)", code: EINVAL)
        }
        self.listenFD = fd
        self.port = port
        self.baseURL = url
        self.wakeReadFD = pipeFDs[0]
        self.wakeWriteFD = pipeFDs[1]
        self.readTimeout = readTimeout
        self.handler = handler
    }

    func start() {
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "LocalHTTPServer :\(port) accept"
        thread.start()
    }

    func shutdown() {
        // A handler may shut its own server down: its connection stays open for the response, and the
        // thread must not wait for itself.
        let ownConnection = Thread.current.threadDictionary[connectionThreadKey] as? Int32
        shutdownDone.withLock { done in
            guard !done else { return }
            // Connections close under this same lock (see `finish`), so these descriptors are still ours.
            state.withLock { state in
                state.stopping = true
                for fd in state.openConnections where fd != ownConnection { Socket.shutdownBoth(fd) }
            }
            var byte: UInt8 = 1
            _ = write(wakeWriteFD, &byte, 1)
            Socket.shutdownBoth(listenFD)  // Wakes accept/poll on Linux; the pipe covers the other platforms.
            acceptLoopFinished.wait()
            // Only now, with no thread left using them, are the descriptors closed (no fd-reuse races).
            Socket.closeQuietly(listenFD)
            Socket.closeQuietly(wakeReadFD)
            Socket.closeQuietly(wakeWriteFD)
            done = true
        }
        if ownConnection == nil {
            _ = connections.wait(timeout: .now() + Self.connectionJoinTimeout)
        }
    }

    private func acceptLoop() {
        defer { acceptLoopFinished.signal() }
        while true {
            guard let ready = Socket.waitReadable([listenFD, wakeReadFD]) else {
                usleep(10_000)
                continue
            }
            if ready.contains(wakeReadFD) || state.withLock({ $0.stopping }) { return }
            let fd = accept(listenFD, nil, nil)
            if fd < 0 {
                switch errno {
                case EINTR, EAGAIN, EWOULDBLOCK, ECONNABORTED, EPROTO:
                    continue
                case EMFILE, ENFILE, ENOBUFS, ENOMEM:
                    usleep(10_000)
                    continue
                default:
                    return  // EINVAL after shutdown(2), or the socket is gone.
                }
            }
            do {
                try Socket.setCloseOnExec(fd)
                try Socket.setNonBlocking(fd, false)  // BSD sockets inherit O_NONBLOCK from the listener.
                try Socket.setTimeouts(fd, seconds: readTimeout)
                #if canImport(Darwin)
                    try Socket.setOption(fd, SOL_SOCKET, SO_NOSIGPIPE, 1)
                #endif
            } catch {
                Socket.closeQuietly(fd)
                continue
            }
            let admitted = state.withLock { state in
                guard !state.stopping else { return false }
                state.openConnections.insert(fd)
                return true
            }
            guard admitted else {
                Socket.closeQuietly(fd)
                return
            }
            connections.enter()
            let thread = Thread { [self] in
                Thread.current.threadDictionary[connectionThreadKey] = fd
                serve(fd)
                finish(fd)
                connections.leave()
            }
            thread.name = "LocalHTTPServer :\(port) connection"
            thread.start()
        }
    }

    private func serve(_ fd: Int32) {
        var reader = ConnectionReader(fd: fd)
        let response: [UInt8]
        var parts: (count: Int, part: @Sendable (Int) -> CannedResponse.Part)?
        var partSent: (@Sendable (Int) -> Void)?
        do {
            let request = try RequestParser.readRequest(from: &reader) { interim in
                try? Socket.sendAll(fd, interim)
            }
            state.withLock { $0.requests.append(request) }
            let canned = handler(request)
            if canned.delay > 0, Socket.waitReadable([fd], timeoutMilliseconds: Int32(canned.delay * 1000)) != [] {
                abandon()
                return
            }
            switch canned.fault {
            case .closeWithoutResponse:
                return
            case .closeAfterBodyBytes(let count):
                let head = canned.serialized(includeBody: false)
                try? Socket.sendAll(fd, head + canned.body.prefix(max(0, count)))
                return
            case nil:
                break
            }
            response = canned.serialized(includeBody: request.method != "HEAD")
            if request.method != "HEAD", let source = canned.partSource {
                parts = source
                partSent = canned.partSent
            }
        } catch .reject(let status, let message) {
            state.withLock { $0.rejections.append("\(status) \(message)") }
            response = CannedResponse.text(status, message + "\n").serialized(includeBody: true)
        } catch .timedOut where reader.receivedAnything {
            state.withLock { $0.rejections.append("408 Timed out reading the request") }
            response = CannedResponse.text(408, "Timed out reading the request\n").serialized(includeBody: true)
        } catch {
            return  // Peer gone, or an idle connection that never sent a byte: nothing to answer.
        }
        guard (try? Socket.sendAll(fd, response)) != nil else {
            abandon()
            return
        }
        if let parts, parts.count > 0 {
            sendParts(count: parts.count, part: parts.part, on: fd, partSent: partSent)
        }
        lingerAfterResponse(fd)
    }

    /// Counts a response the client went away from.
    private func abandon() {
        state.withLock { $0.abandonedResponses += 1 }
    }

    /// Sends each part as a chunk after its delay, then the last chunk; stops when the client has gone (or the
    /// server is shutting down), which the wait notices as the socket becoming readable.
    private func sendParts(
        count: Int, part makePart: (Int) -> CannedResponse.Part, on fd: Int32, partSent: (@Sendable (Int) -> Void)?
    ) {
        for index in 0..<count {
            let part = makePart(index)
            if part.delay > 0, Socket.waitReadable([fd], timeoutMilliseconds: Int32(part.delay * 1000)) != [] {
                abandon()
                return
            }
            guard (try? Socket.sendAll(fd, CannedResponse.chunk(part.bytes))) != nil else {
                abandon()
                return
            }
            partSent?(index)
        }
        try? Socket.sendAll(fd, CannedResponse.chunk([]))
    }

    /// Half-closes and discards what the client still sends (briefly), so that unread request bytes do not
    /// turn our close into a RST that could destroy the response before the client reads it.
    private func lingerAfterResponse(_ fd: Int32) {
        Socket.shutdownWrite(fd)
        try? Socket.setTimeouts(fd, seconds: 0.25)
        var scratch = [UInt8](repeating: 0, count: 16 * 1024)
        var drained = 0
        let deadline = DispatchTime.now() + 1.0
        while drained < 4 * 1024 * 1024, DispatchTime.now() < deadline {
            guard case .bytes(let count) = Socket.receive(fd, into: &scratch) else { return }
            drained += count
        }
    }

    private func finish(_ fd: Int32) {
        state.withLock { state in
            state.openConnections.remove(fd)
            Socket.closeQuietly(fd)
        }
    }
}
