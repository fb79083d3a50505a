#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// A failed system call: which one and `errno`.
public struct SocketError: Error, CustomStringConvertible, Sendable {
    public var call: String
    public var code: Int32

    public var description: String {
        "\(call) failed: \(String(cString: strerror(code))) (errno \(code))"
    }
}

/// Thin POSIX wrappers; every function is safe to call from any thread.
enum Socket {
    #if canImport(Darwin)
        static let streamType = SOCK_STREAM
        static let sendFlags: Int32 = 0  // SO_NOSIGPIPE is set on every socket instead.
    #elseif canImport(Glibc)
        static let streamType = Int32(SOCK_STREAM.rawValue)
        static let sendFlags = Int32(MSG_NOSIGNAL)
    #else
        static let streamType = SOCK_STREAM
        static let sendFlags = Int32(MSG_NOSIGNAL)
    #endif

    /// A non-blocking, close-on-exec TCP socket listening on 127.0.0.1 at an ephemeral port.
    static func listenOnLoopback(backlog: Int32 = 128) throws(SocketError) -> (fd: Int32, port: Int) {
        let fd = socket(AF_INET, streamType, 0)
        guard fd >= 0 else { throw SocketError(call: "socket", code: errno) }
        do throws(SocketError) {
            try setCloseOnExec(fd)
            try setOption(fd, SOL_SOCKET, SO_REUSEADDR, 1)
            #if canImport(Darwin)
                try setOption(fd, SOL_SOCKET, SO_NOSIGPIPE, 1)
            #endif
            var address = sockaddr_in()
            #if canImport(Darwin)
                address.sin_len = UInt8(MemoryLayout<sockaddr_in>.size)
            #endif
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(0).bigEndian
            address.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian  // 127.0.0.1
            let bound = withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard bound == 0 else { throw SocketError(call: "bind", code: errno) }
            guard listen(fd, backlog) == 0 else { throw SocketError(call: "listen", code: errno) }
            try setNonBlocking(fd, true)
            return (fd, try localPort(fd))
        } catch {
            close(fd)
            throw error
        }
    }

    static func localPort(_ fd: Int32) throws(SocketError) -> Int {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let result = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard result == 0 else { throw SocketError(call: "getsockname", code: errno) }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func setOption(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: Int32) throws(SocketError) {
        var value = value
        guard setsockopt(fd, level, name, &value, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
            throw SocketError(call: "setsockopt", code: errno)
        }
    }

    /// Sets SO_RCVTIMEO and SO_SNDTIMEO: a blocked recv/send then fails with EAGAIN/EWOULDBLOCK.
    static func setTimeouts(_ fd: Int32, seconds: Double) throws(SocketError) {
        let clamped = max(seconds, 0.001)
        var time = timeval()
        time.tv_sec = time_t(clamped.rounded(.down))
        time.tv_usec = .init((clamped - clamped.rounded(.down)) * 1_000_000)
        let size = socklen_t(MemoryLayout<timeval>.size)
        guard setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &time, size) == 0,
            setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &time, size) == 0
        else { throw SocketError(call: "setsockopt(timeout)", code: errno) }
    }

    static func setCloseOnExec(_ fd: Int32) throws(SocketError) {
        let flags = fcntl(fd, F_GETFD)
        guard flags >= 0, fcntl(fd, F_SETFD, flags | FD_CLOEXEC) == 0 else {
            throw SocketError(call: "fcntl(F_SETFD)", code: errno)
        }
    }

    static func setNonBlocking(_ fd: Int32, _ on: Bool) throws(SocketError) {
        let flags = fcntl(fd, F_GETFL)
        guard flags >= 0 else { throw SocketError(call: "fcntl(F_GETFL)", code: errno) }
        let wanted = on ? flags | O_NONBLOCK : flags & ~O_NONBLOCK
        guard fcntl(fd, F_SETFL, wanted) == 0 else { throw SocketError(call: "fcntl(F_SETFL)", code: errno) }
    }

    /// Sends every byte, retrying on EINTR and short writes. Never raises SIGPIPE.
    static func sendAll(_ fd: Int32, _ bytes: [UInt8]) throws(SocketError) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return send(fd, base + offset, buffer.count - offset, sendFlags)
            }
            if sent > 0 {
                offset += sent
            } else if sent < 0 && errno == EINTR {
                continue
            } else {
                throw SocketError(call: "send", code: sent < 0 ? errno : EPIPE)
            }
        }
    }

    enum ReadResult {
        case bytes(Int)
        case endOfStream
        case timedOut
        case failed(Int32)
    }

    /// One recv(2) into `buffer`, retrying on EINTR.
    static func receive(_ fd: Int32, into buffer: inout [UInt8]) -> ReadResult {
        while true {
            let count = buffer.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return recv(fd, base, raw.count, 0)
            }
            if count > 0 { return .bytes(count) }
            if count == 0 { return .endOfStream }
            let code = errno
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK { return .timedOut }
            return .failed(code)
        }
    }

    /// Waits until one of `fds` is readable (or hung up) and returns those; nil if poll(2) fails.
    static func waitReadable(_ fds: [Int32], timeoutMilliseconds: Int32 = -1) -> Set<Int32>? {
        var polled = fds.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        while poll(&polled, nfds_t(polled.count), timeoutMilliseconds) < 0 {
            if errno != EINTR { return nil }
        }
        return Set(polled.filter { $0.revents != 0 }.map(\.fd))
    }

    static func closeQuietly(_ fd: Int32) {
        _ = close(fd)
    }

    static func shutdownBoth(_ fd: Int32) {
        _ = shutdown(fd, Int32(SHUT_RDWR))
    }

    static func shutdownWrite(_ fd: Int32) {
        _ = shutdown(fd, Int32(SHUT_WR))
    }
}
