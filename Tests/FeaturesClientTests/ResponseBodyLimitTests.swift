import Foundation
import TestExecutors
import Testing

@testable import Features

/// `URLSessionTransport.readBody`, the Apple platforms' way to keep a body within `maxResponseBytes` (over
/// `URLSession.bytes(for:)`, which swift-corelibs-foundation lacks), run here over a sequence of bytes that counts
/// what is read from it. What stays untested on Linux is the shell around it: that `bytes(for:)` reports the
/// `Content-Length` as `expectedContentLength`, and that cancelling its task stops the transfer.
@Suite(.computing) struct ResponseBodyLimitTests {
    /// What `readBody` did: the body or its error, how many bytes it asked for, and how many times it cancelled.
    struct Reading {
        var body: Data?
        var error: APIError?
        var bytesAsked: Int
        var cancels: Int
    }

    /// Reads a body of `length` bytes (0, 1, 2, …) announced as `expectedLength`, within `maxBytes`; the sequence
    /// fails with `failure` after `failingAfter` bytes.
    static func read(
        length: Int, expectedLength: Int64, maxBytes: Int?, failingAfter: Int? = nil
    ) async throws -> Reading {
        let bytes = CountingBytes(length: length, failingAfter: failingAfter)
        var cancels = 0
        do {
            let body = try await URLSessionTransport.readBody(
                bytes, expectedLength: expectedLength, maxBytes: maxBytes
            ) { cancels += 1 }
            return Reading(body: body, error: nil, bytesAsked: bytes.asked, cancels: cancels)
        } catch let error as APIError {
            return Reading(body: nil, error: error, bytesAsked: bytes.asked, cancels: cancels)
        }
    }

    @Test func aBodyWithinTheLimitIsReadWhole() async throws {
        for (length, announced) in [(100, Int64(100)), (100, -1), (0, 0), (99, -1)] {
            let reading = try await Self.read(length: length, expectedLength: announced, maxBytes: 100)
            #expect(reading.body == Data((0..<length).map { UInt8(truncatingIfNeeded: $0) }))
            #expect(reading.cancels == 0)
        }
    }

    @Test func aBodyAnnouncedOverTheLimitIsRefusedBeforeItsFirstByte() async throws {
        let reading = try await Self.read(length: 101, expectedLength: 101, maxBytes: 100)

        #expect(reading.error?.description == APIError.responseTooLarge(limit: 100).description)
        #expect(reading.bytesAsked == 0)
        #expect(reading.cancels == 1)
    }

    /// Without `Content-Length`, or with one that says less than comes: reading stops at the byte that passes the
    /// limit.
    @Test func aLongerBodyIsCancelledAtTheByteThatPassesTheLimit() async throws {
        for announced in [Int64(-1), 50] {
            let reading = try await Self.read(length: 10_000, expectedLength: announced, maxBytes: 100)

            #expect(reading.error?.description == APIError.responseTooLarge(limit: 100).description)
            #expect(reading.bytesAsked == 101)
            #expect(reading.cancels == 1)
        }
    }

    @Test func withoutALimitEveryByteIsRead() async throws {
        let reading = try await Self.read(length: 5_000, expectedLength: 5_000, maxBytes: nil)

        #expect(reading.body?.count == 5_000)
        #expect(reading.cancels == 0)
    }

    /// A transfer that fails is not the limit's: its error goes on, and nothing is cancelled.
    @Test func aFailedTransferKeepsItsError() async throws {
        await #expect(throws: URLError(.networkConnectionLost)) {
            _ = try await Self.read(length: 100, expectedLength: -1, maxBytes: 100, failingAfter: 10)
        }
    }
}

/// The bytes 0, 1, 2, … (`length` of them), counting how many are asked for; fails with
/// `URLError(.networkConnectionLost)` after `failingAfter` bytes.
final class CountingBytes: AsyncSequence, @unchecked Sendable {
    typealias Element = UInt8

    let length: Int
    let failingAfter: Int?
    private(set) var asked = 0

    init(length: Int, failingAfter: Int? = nil) {
        self.length = length
        self.failingAfter = failingAfter
    }

    struct AsyncIterator: AsyncIteratorProtocol {
        let bytes: CountingBytes

        mutating func next() async throws -> UInt8? {
            let index = bytes.asked
            if let failingAfter = bytes.failingAfter, index >= failingAfter {
                throw URLError(.networkConnectionLost)
            }
            guard index < bytes.length else { return nil }
            bytes.asked += 1
            return UInt8(truncatingIfNeeded: index)
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(bytes: self)
    }
}
