import Dispatch
import Features
import Foundation
import LocalHTTPServer
import TestExecutors
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Binary bodies read as they arrive (`…Streaming` methods returning `ByteStream`) against a local server that
/// sends them in parts: the status is checked first, the bytes come as the server sends them and are all there,
/// a slow reader does not make the body pile up in memory, and cancelling the reader cancels the request.
///
/// The tests run one at a time: the memory one measures what the process holds.
@Suite(.serialized, .loopback) struct ByteStreamClientTests {
    static let mebibyte = 1 << 20

    func api(_ server: LocalHTTPServer) -> DownloadsApi {
        DownloadsApi(client: APIClient(baseURL: server.baseURL, transport: URLSessionTransport()))
    }

    /// 64 MiB in parts of 1 MiB, and the server sends a part only once the test has read all but the last two it
    /// sent: a client that held the body back until it was whole (or until much of it had arrived) would leave the
    /// server waiting for 30 s, and the test would fail.
    @Test func aLargeBodyArrivesAsItIsSentAndWhole() async throws {
        let parts = 64
        let sent = Digest()
        let read = Progress()
        let stalls = Progress()
        let server = try LocalHTTPServer { request in
            var response = CannedResponse.streamed(
                200, contentType: "application/octet-stream", partCount: parts,
                makePart: { index in
                    let bytes = TestBytes.part(index, count: Self.mebibyte)
                    sent.update(bytes)
                    return .init(bytes: bytes)
                },
                partSent: { index in
                    // Before part `index + 1`, the reader has parts up to `index - 2`; after one stall, the server
                    // waits no more.
                    if stalls.value == 0, !read.wait(untilAtLeast: (index - 1) * Self.mebibyte, timeout: 30) {
                        stalls.add(1)
                    }
                })
            response.headers.append(("X-Archive-Checksum", "c-\(request.path)"))
            return response
        }
        defer { server.shutdown() }

        let archive = try await api(server).downloadArchiveStreaming(name: "big.bin")
        let received = Digest()
        var chunks = 0
        for try await chunk in archive {
            received.update(chunk)
            chunks += 1
            read.add(chunk.count)
        }

        #expect(stalls.value == 0, "the server waited in vain for the reader \(stalls.value) times")
        #expect(read.value == parts * Self.mebibyte)
        #expect(received.value == sent.value)
        #expect(chunks >= parts)
        #expect(archive.response.statusCode == 200)
        #expect(archive.response.headers["Content-Type"] == "application/octet-stream")
        #expect(archive.response.body.isEmpty)
        #expect(archive.expectedLength == nil, "a chunked body announces no length")
        #expect(server.requests.first?.header("Accept") == "application/octet-stream, application/json")
        #expect(server.requests.first?.path == "/archives/big.bin")
        print("64 MiB in \(chunks) chunks")
    }

    /// The reader takes nothing until the server has sent all 64 MiB. On Linux, where `URLSession` cannot pause a
    /// transfer, the client reads them all from the network: what the reader has not taken then waits in a
    /// temporary file, all but the 4 MiB the runtime keeps in memory, and the memory the process holds (its
    /// resident set) grows by less than the body, so no second copy is kept. Alone, it grows by about 19 MiB; the
    /// suites that render whole descriptions in the same process meanwhile add to it (33 MiB once on CI), so the
    /// bound is three quarters of the body: a copy would add all 64 MiB. (On Apple platforms `URLSession` stops
    /// reading instead, and the server cannot send it all.)
    @Test func aReaderThatFallsBehindDoesNotMakeTheBodyPileUpInMemory() async throws {
        let parts = 64
        let sent = Digest()
        let allSent = DispatchSemaphore(value: 0)
        let server = try LocalHTTPServer { request in
            guard request.path != "/archives/small" else {
                return CannedResponse(status: 200, headers: [("Content-Type", "application/octet-stream")], body: [1])
            }
            return .streamed(
                200, contentType: "application/octet-stream", partCount: parts,
                makePart: { index in
                    let bytes = TestBytes.part(index, count: Self.mebibyte)
                    sent.update(bytes)
                    return .init(bytes: bytes)
                },
                partSent: { index in if index == parts - 1 { allSent.signal() } })
        }
        defer { server.shutdown() }

        // What the first request sets up for good (URLSession, its threads) is not the body's.
        _ = try await api(server).downloadArchiveStreaming(name: "small").collect(upTo: 1)
        // The computing suites pause meanwhile: one of them growing by 60 MiB in the same process (it happened on
        // CI) would read as the body held.
        let archive = try await ThreadPoolExecutor.computing.whilePaused {
            let before = MemoryUse.residentBytes()
            let archive = try await api(server).downloadArchiveStreaming(name: "big.bin")
            #if canImport(FoundationNetworking)
                let everythingSent = await Self.wait(for: allSent, seconds: 60)
                #expect(everythingSent, "the client stopped reading from the network")
                // The last megabytes sent may still be on their way through the socket.
                var spilled = MemoryUse.temporaryBodyFileBytes()
                for _ in 0..<1000 where spilled < (parts - 6) * Self.mebibyte {
                    try await Task.sleep(nanoseconds: 10_000_000)
                    spilled = MemoryUse.temporaryBodyFileBytes()
                }
                let held = MemoryUse.residentBytes().map { $0 - (before ?? $0) } ?? 0
                print("64 MiB unread: \(spilled >> 10) KiB wait in a file; resident memory grew by \(held >> 10) KiB")
                #expect(spilled >= (parts - 6) * Self.mebibyte, "the unread body is not in the temporary file")
                #expect(held < 48 * Self.mebibyte, "the unread body is held in memory")
            #else
                _ = before
            #endif
            return archive
        }

        let received = Digest()
        var length = 0
        for try await chunk in archive {
            received.update(chunk)
            length += chunk.count
        }
        #expect(length == parts * Self.mebibyte)
        #expect(received.value == sent.value)
        #if canImport(FoundationNetworking)
            #expect(MemoryUse.temporaryBodyFileBytes() == 0, "the temporary file outlives the body")
        #endif
    }

    /// A documented error status is thrown with its body decoded before anything streams; the full response method
    /// returns it as its case.
    @Test func anErrorStatusIsThrownWithItsBodyBeforeAnythingStreams() async throws {
        let server = try LocalHTTPServer { _ in .json(404, #"{"title": "no such archive"}"#) }
        defer { server.shutdown() }

        do {
            _ = try await api(server).downloadArchiveStreaming(name: "missing.bin")
            Issue.record("a 404 streamed")
        } catch let error as APIResponseError<Problem> {
            #expect(error.body == Problem(title: "no such archive"))
            #expect(error.statusCode == 404)
        }
        guard case .notFound(let problem) = try await api(server).downloadArchiveStreamingResponse(name: "missing.bin")
        else {
            Issue.record("404 is not notFound")
            return
        }
        #expect(problem.title == "no such archive")
    }

    /// An undocumented status is `APIError.unexpectedStatus` with the whole body, whatever its media type.
    @Test func anUndocumentedStatusIsUnexpectedWithItsBody() async throws {
        let server = try LocalHTTPServer { _ in .text(503, "<h1>down</h1>", contentType: "text/html") }
        defer { server.shutdown() }

        do {
            _ = try await api(server).downloadArchiveStreaming(name: "a.bin")
            Issue.record("a 503 streamed")
        } catch APIError.unexpectedStatus(let response) {
            #expect(response.statusCode == 503)
            #expect(response.bodyText == "<h1>down</h1>")
        }
    }

    /// The documented headers come with the full response method, in the struct the `Data` method's case has; the
    /// length the server announces is `expectedLength`. A body that is not quite binary streams all the same.
    @Test func headersAndTheAnnouncedLength() async throws {
        let bytes = TestBytes.part(7, count: 100_000)
        let server = try LocalHTTPServer { _ in
            CannedResponse(
                status: 200, headers: [("Content-Type", "text/plain"), ("X-Archive-Checksum", "abc")], body: bytes)
        }
        defer { server.shutdown() }

        guard case .ok(let archive, let headers) = try await api(server).downloadArchiveStreamingResponse(name: "a")
        else {
            Issue.record("200 is not ok")
            return
        }
        let shared: DownloadsApi.DownloadArchiveOkHeaders = headers
        #expect(shared.xArchiveChecksum == "abc")
        #expect(archive.expectedLength == Int64(bytes.count))
        #expect(try await archive.collect(upTo: bytes.count) == Data(bytes))
        // The method that reads the body whole is unchanged.
        #expect(try await api(server).downloadArchive(name: "a") == Data(bytes))
    }

    @Test func collectStopsAtItsLimit() async throws {
        let server = try LocalHTTPServer { _ in
            .streamed(
                200, contentType: "application/octet-stream", partCount: 4,
                makePart: { .init(bytes: TestBytes.part($0, count: 1000)) })
        }
        defer { server.shutdown() }

        await #expect(throws: ByteStream.TooLargeError.self) {
            _ = try await api(server).downloadArchiveStreaming(name: "a").collect(upTo: 3999)
        }
        #expect(try await api(server).downloadArchiveStreaming(name: "a").collect(upTo: 4000).count == 4000)
    }

    /// `write(to:)` fills the file as the body arrives, and the file appears only when the body is whole.
    @Test func writeToAFileReplacesItOnlyWhenTheBodyIsWhole() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bytestream-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("archive.bin")
        try Data("old".utf8).write(to: file)
        let parts = 16
        let sent = Digest()
        let firstPartRead = DispatchSemaphore(value: 0)
        let server = try LocalHTTPServer { _ in
            .streamed(
                200, contentType: "application/octet-stream", partCount: parts,
                makePart: { index in
                    let bytes = TestBytes.part(index, count: Self.mebibyte)
                    sent.update(bytes)
                    return .init(bytes: bytes)
                },
                partSent: { index in
                    // The rest once the file has the first part in it.
                    if index == 0 { _ = firstPartRead.wait(timeout: .now() + 30) }
                })
        }
        defer { server.shutdown() }

        let archive = try await api(server).downloadArchiveStreaming(name: "archive.bin")
        let writer = Task { try await archive.write(to: file) }
        var partialSize = 0
        for _ in 0..<3000 where partialSize < Self.mebibyte {
            try await Task.sleep(nanoseconds: 10_000_000)
            partialSize = try partialFiles(in: directory).reduce(0) { $0 + (try size(of: $1)) }
        }
        #expect(partialSize >= Self.mebibyte, "the first part is not in the partial file")
        #expect(try Data(contentsOf: file) == Data("old".utf8), "the file was replaced before the body was whole")
        firstPartRead.signal()
        let length = try await writer.value

        #expect(length == Int64(parts * Self.mebibyte))
        let written = Digest()
        written.update(try Data(contentsOf: file))
        #expect(written.value == sent.value)
        #expect(try partialFiles(in: directory).isEmpty)
    }

    /// Cancelling the task that writes the body cancels the request, and leaves no file behind.
    @Test func cancellingAWriteLeavesNothingBehind() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bytestream-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let timeline = Timeline()
        let server = try LocalHTTPServer { _ in
            .streamed(
                200, contentType: "application/octet-stream",
                parts: [.init("first part"), .init(delay: 60, "never sent")],
                partSent: { index in timeline.record("sent \(index)") })
        }
        defer { server.shutdown() }
        let file = directory.appendingPathComponent("archive.bin")

        let archive = try await api(server).downloadArchiveStreaming(name: "archive.bin")
        let writer = Task { try await archive.write(to: file) }
        // Until the first part is in the partial file.
        for _ in 0..<3000 {
            if let partial = try partialFiles(in: directory).first, try size(of: partial) == 10 { break }
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        let cancelled = Date()
        writer.cancel()
        await #expect(throws: CancellationError.self) { try await writer.value }

        #expect(Date().timeIntervalSince(cancelled) < 30)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
        let shutdownStart = Date()
        server.shutdown()
        #expect(Date().timeIntervalSince(shutdownStart) < 30, "the request was not cancelled")
        #expect(timeline.entries.map(\.name) == ["sent 0"])
    }

    /// A reader whose task is cancelled gets `CancellationError`, not the end of a body that looks whole.
    @Test func cancellingTheReaderIsAnErrorNotTheEnd() async throws {
        let server = try LocalHTTPServer { _ in
            .streamed(
                200, contentType: "application/octet-stream",
                parts: [.init("first part"), .init(delay: 60, "never sent")])
        }
        defer { server.shutdown() }
        let archive = try await api(server).downloadArchiveStreaming(name: "a")
        let (firstChunk, received) = AsyncStream<Void>.makeStream()

        let reader = Task {
            var length = 0
            for try await chunk in archive {
                length += chunk.count
                received.yield()
            }
            return length
        }
        for await _ in firstChunk { break }
        reader.cancel()

        await #expect(throws: CancellationError.self) { _ = try await reader.value }
    }

    /// A `2XX` binary response streams for every success but the documented `204`, which has no body.
    @Test func aRangeOfSuccessesStreamsButTheStatusesDocumentedApart() async throws {
        let status = Progress()
        let server = try LocalHTTPServer { _ in
            status.value == 204
                ? .empty(204)
                : CannedResponse(
                    status: status.value, headers: [("Content-Type", "application/pdf")], body: Array("%PDF".utf8))
        }
        defer { server.shutdown() }

        status.set(206)
        guard case .success(let code, let report) = try await api(server).latestReportStreamingResponse() else {
            Issue.record("206 is not success")
            return
        }
        #expect(code == 206)
        #expect(try await report.collect(upTo: 100) == Data("%PDF".utf8))
        status.set(204)
        guard case .noContent = try await api(server).latestReportStreamingResponse() else {
            Issue.record("204 is not noContent")
            return
        }
    }

    func partialFiles(in directory: URL) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasSuffix(".partial") }
    }

    func size(of file: URL) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
    }

    /// Waits for `semaphore` off the cooperative pool.
    static func wait(for semaphore: DispatchSemaphore, seconds: Double) async -> Bool {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: semaphore.wait(timeout: .now() + seconds) == .success)
            }
        }
    }
}

/// Bytes that differ from part to part and from place to place, so that a part lost, repeated or out of place
/// changes the digest.
enum TestBytes {
    static func part(_ index: Int, count: Int) -> [UInt8] {
        var state = UInt64(index + 1) &* 0x9E37_79B9_7F4A_7C15
        var bytes = [UInt8](repeating: 0, count: count)
        bytes.withUnsafeMutableBytes { raw in
            for offset in stride(from: 0, to: raw.count, by: 8) {
                state ^= state << 13
                state ^= state >> 7
                state ^= state << 17
                if offset + 8 <= raw.count {
                    raw.storeBytes(of: state.littleEndian, toByteOffset: offset, as: UInt64.self)
                } else {
                    for byteOffset in offset..<raw.count {
                        raw[byteOffset] = UInt8(truncatingIfNeeded: state >> (8 * UInt64(byteOffset - offset)))
                    }
                }
            }
        }
        return bytes
    }
}

/// A hash of every byte given, in order, however they are split, from any thread: FNV-1a over 8 bytes at a time
/// (a byte at a time is slow in a debug build).
final class Digest: @unchecked Sendable {
    private let lock = NSLock()
    private var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    /// The bytes of a word not complete yet.
    private var pending: [UInt8] = []

    func update<Bytes: DataProtocol>(_ bytes: Bytes) {
        lock.lock()
        defer { lock.unlock() }
        for region in bytes.regions {
            region.withUnsafeBytes { raw in
                var start = 0
                while !pending.isEmpty && start < raw.count {
                    pending.append(raw[start])
                    start += 1
                    if pending.count == 8 {
                        mix(pending.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) })
                        pending = []
                    }
                }
                let words = (raw.count - start) / 8
                for index in 0..<words {
                    mix(raw.loadUnaligned(fromByteOffset: start + index * 8, as: UInt64.self))
                }
                pending += raw[(start + words * 8)...]
            }
        }
    }

    private func mix(_ word: UInt64) {
        hash = (hash ^ word) &* 0x100_0000_01b3
        hash ^= hash >> 29
    }

    /// The hash, with the last bytes that do not make a word.
    var value: UInt64 {
        lock.lock()
        defer { lock.unlock() }
        return pending.reduce(hash) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }
}

/// A count shared between the test and the server's threads, which can wait for it to grow.
final class Progress: @unchecked Sendable {
    private let condition = NSCondition()
    private var count = 0

    var value: Int {
        condition.lock()
        defer { condition.unlock() }
        return count
    }

    func add(_ amount: Int) {
        condition.lock()
        count += amount
        condition.broadcast()
        condition.unlock()
    }

    func set(_ value: Int) {
        condition.lock()
        count = value
        condition.broadcast()
        condition.unlock()
    }

    /// Whether the count reached `target` within `timeout` seconds.
    func wait(untilAtLeast target: Int, timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while count < target {
            if !condition.wait(until: deadline) { return count >= target }
        }
        return true
    }
}

/// What the process holds, from `/proc` (Linux only; `nil` or 0 elsewhere).
enum MemoryUse {
    /// The resident set size (`VmRSS`), once the C allocator has given the memory it keeps free back to the system
    /// (`malloc_trim`, where there is one), so that it measures what is in use rather than what once was.
    static func residentBytes() -> Int? {
        #if canImport(Glibc)
            typealias Trim = @convention(c) (Int) -> Int32
            if let process = dlopen(nil, RTLD_NOW), let trim = dlsym(process, "malloc_trim") {
                _ = unsafeBitCast(trim, to: Trim.self)(0)
            }
        #endif
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return nil }
        let kibibytes = line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
        return kibibytes.map { $0 * 1024 }
    }

    /// The bytes in the runtime's temporary body files the process has open (`bindery-body-…`, unlinked).
    static func temporaryBodyFileBytes() -> Int {
        let manager = FileManager.default
        let descriptors = (try? manager.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        var total = 0
        for descriptor in descriptors {
            let path = "/proc/self/fd/" + descriptor
            guard let target = try? manager.destinationOfSymbolicLink(atPath: path), target.contains("bindery-body-"),
                let file = FileHandle(forReadingAtPath: path)
            else { continue }
            total += Int((try? file.seekToEnd()) ?? 0)
            try? file.close()
        }
        return total
    }
}

/// The runtime's `HTTPStatusSet`, which says which statuses of a binary download stream.
@Suite(.loopback) struct HTTPStatusSetTests {
    @Test func statusSetsHoldWhatTheResponsesName() {
        #expect(HTTPStatusSet.codes(200, 206).contains(206))
        #expect(!HTTPStatusSet.codes(200, 206).contains(204))
        #expect(HTTPStatusSet.successes.contains(204))
        #expect(!HTTPStatusSet.successes.contains(300))
        #expect(!HTTPStatusSet.successes.contains(199))
        #expect(HTTPStatusSet.successes(except: 204, 205).contains(200))
        #expect(!HTTPStatusSet.successes(except: 204, 205).contains(205))
    }
}
