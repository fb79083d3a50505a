import Foundation
import LocalHTTPServer

#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// A deliberately dumb HTTP client over a plain socket, for sending what URLSession never would.
enum RawClient {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    #if canImport(Darwin)
        private static let streamType = SOCK_STREAM
        private static let sendFlags: Int32 = 0
    #elseif canImport(Glibc)
        private static let streamType = Int32(SOCK_STREAM.rawValue)
        private static let sendFlags = Int32(MSG_NOSIGNAL)
    #else
        private static let streamType = SOCK_STREAM
        private static let sendFlags = Int32(MSG_NOSIGNAL)
    #endif

    /// Connects to 127.0.0.1:`port`; returns the descriptor, or the connect(2) errno as a failure.
    static func connectSocket(port: Int, receiveTimeout: Double = 5) throws -> Int32 {
        let fd = socket(AF_INET, streamType, 0)
        guard fd >= 0 else { throw Failure(description: "socket: errno \(errno)") }
        #if canImport(Darwin)
            var on: Int32 = 1
            setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
        #endif
        var time = timeval()
        time.tv_sec = time_t(receiveTimeout.rounded(.down))
        time.tv_usec = .init((receiveTimeout - receiveTimeout.rounded(.down)) * 1_000_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        #if canImport(Darwin)
            address.sin_len = UInt8(MemoryLayout<sockaddr_in>.size)
        #endif
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(clamping: port)).bigEndian
        address.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            let code = errno
            close(fd)
            throw ConnectFailure(code: code)
        }
        return fd
    }

    struct ConnectFailure: Error {
        var code: Int32
        var isRefused: Bool { code == ECONNREFUSED }
    }

    static func sendAll(_ fd: Int32, _ text: String) throws {
        try sendAll(fd, Array(text.utf8))
    }

    static func sendAll(_ fd: Int32, _ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return send(fd, base + offset, buffer.count - offset, sendFlags)
            }
            guard sent > 0 else { throw Failure(description: "send: errno \(errno)") }
            offset += sent
        }
    }

    /// Reads until the server closes (or the receive timeout passes); returns everything as UTF-8.
    static func readAll(_ fd: Int32) -> String {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return recv(fd, base, raw.count, 0)
            }
            if count > 0 {
                received += buffer[0..<count]
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                break
            }
        }
        return String(decoding: received, as: UTF8.self)
    }

    /// Sends `request` as is, half-closes if asked, and returns the whole response.
    static func exchange(port: Int, _ request: String, halfClose: Bool = false) throws -> String {
        let fd = try connectSocket(port: port)
        defer { close(fd) }
        try sendAll(fd, request)
        if halfClose { shutdown(fd, Int32(SHUT_WR)) }
        return readAll(fd)
    }

    /// The status code of a raw response, e.g. 400 for "HTTP/1.1 400 Bad Request\r\n...".
    static func statusCode(_ response: String) -> Int? {
        let parts = response.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1.") else { return nil }
        return Int(parts[1])
    }
}

/// Runs blocking socket work on its own thread, keeping the cooperative pool free.
func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread {
            continuation.resume(with: Result { try body() })
        }.start()
    }
}
