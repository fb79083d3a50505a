/// Why a request could not be read.
enum RequestFailure: Error, Equatable {
    /// The request is malformed or too large: answer with this status and close.
    case reject(status: Int, message: String)
    /// No byte arrived within the read timeout.
    case timedOut
    /// The peer closed the connection or the socket failed before a whole request arrived.
    case connectionLost
}

/// Limits that keep a misbehaving client from exhausting memory.
enum RequestLimits {
    static let maxRequestLine = 16 * 1024
    static let maxHeaderLine = 16 * 1024
    static let maxHeaderBytes = 64 * 1024
    static let maxHeaderCount = 256
    static let maxBody = 64 * 1024 * 1024
    static let maxLeadingEmptyLines = 8
}

/// Buffered reads from a blocking socket whose SO_RCVTIMEO is set.
struct ConnectionReader {
    let fd: Int32
    private var pending: [UInt8] = []
    private var start = 0
    private var scratch = [UInt8](repeating: 0, count: 16 * 1024)
    /// Whether any byte has arrived on this connection.
    private(set) var receivedAnything = false

    init(fd: Int32) {
        self.fd = fd
    }

    private var available: Int { pending.count - start }

    /// Reads at least one more byte into `pending`.
    private mutating func fill() throws(RequestFailure) {
        if start > 0 && (start >= pending.count || start > 64 * 1024) {
            pending.removeFirst(start)
            start = 0
        }
        switch Socket.receive(fd, into: &scratch) {
        case .bytes(let count):
            receivedAnything = true
            pending.append(contentsOf: scratch[0..<count])
        case .timedOut:
            throw .timedOut
        case .endOfStream, .failed:
            throw .connectionLost
        }
    }

    /// One line without its LF and an optional CR before it. Throws `tooLong` once the line exceeds `limit`.
    mutating func readLine(limit: Int, tooLong: RequestFailure) throws(RequestFailure) -> [UInt8] {
        var scanned = 0
        while true {
            if let newline = pending[(start + scanned)...].firstIndex(of: 0x0A) {
                var end = newline
                if end > start && pending[end - 1] == 0x0D { end -= 1 }
                guard end - start <= limit else { throw tooLong }
                let line = Array(pending[start..<end])
                start = newline + 1
                return line
            }
            scanned = available
            guard scanned <= limit + 1 else { throw tooLong }
            try fill()
        }
    }

    /// Exactly `count` bytes appended to `output`.
    mutating func read(exactly count: Int, into output: inout [UInt8]) throws(RequestFailure) {
        var remaining = count
        while remaining > 0 {
            if available == 0 { try fill() }
            let take = min(remaining, available)
            output.append(contentsOf: pending[start..<(start + take)])
            start += take
            remaining -= take
        }
    }
}

/// HTTP/1.x request parsing (RFC 9112), strict about framing, lenient about a bare LF line ending.
enum RequestParser {
    /// Reads one request. `sendInterim` is called with `100 Continue` bytes when the client expects them.
    static func readRequest(
        from reader: inout ConnectionReader,
        sendInterim: ([UInt8]) -> Void
    ) throws(RequestFailure) -> RecordedRequest {
        // Request line (RFC 9112 §2.2: ignore at least one empty line before it).
        let uriTooLong = RequestFailure.reject(status: 414, message: "Request line too long")
        var line = try reader.readLine(limit: RequestLimits.maxRequestLine, tooLong: uriTooLong)
        var skipped = 0
        while line.isEmpty {
            skipped += 1
            guard skipped <= RequestLimits.maxLeadingEmptyLines else { throw bad("Empty request line") }
            line = try reader.readLine(limit: RequestLimits.maxRequestLine, tooLong: uriTooLong)
        }
        let (method, target, version) = try parseRequestLine(line)

        // Header fields.
        var headers: [RecordedRequest.Header] = []
        var headerBytes = 0
        let fieldsTooLarge = RequestFailure.reject(status: 431, message: "Header fields too large")
        while true {
            let field = try reader.readLine(limit: RequestLimits.maxHeaderLine, tooLong: fieldsTooLarge)
            if field.isEmpty { break }
            headerBytes += field.count + 2
            guard headerBytes <= RequestLimits.maxHeaderBytes, headers.count < RequestLimits.maxHeaderCount else {
                throw fieldsTooLarge
            }
            headers.append(try parseField(field))
        }

        var request = RecordedRequest(method: method, target: target, httpVersion: version, headers: headers)
        let framing = try bodyFraming(request)
        let expectsContinue = request.headerValues("Expect").contains { asciiCaseInsensitiveEquals($0, "100-continue") }
        switch framing {
        case .none:
            break
        case .length(let length):
            if expectsContinue && version == "HTTP/1.1" && length > 0 {
                sendInterim(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
            }
            request.body.reserveCapacity(length)
            try reader.read(exactly: length, into: &request.body)
        case .chunked:
            if expectsContinue && version == "HTTP/1.1" {
                sendInterim(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
            }
            request.body = try readChunkedBody(from: &reader)
        }
        return request
    }

    enum Framing: Equatable {
        case none
        case length(Int)
        case chunked
    }

    /// RFC 9112 §6.3: Transfer-Encoding wins over Content-Length; conflicting lengths are an error.
    static func bodyFraming(_ request: RecordedRequest) throws(RequestFailure) -> Framing {
        let codings = request.headerValues("Transfer-Encoding")
            .flatMap { $0.split(separator: ",") }
            .map { String($0).trimmingOWS().lowercased() }
            .filter { !$0.isEmpty }
        if !request.headerValues("Transfer-Encoding").isEmpty {
            guard codings.last == "chunked" else {
                if codings.contains("chunked") { throw bad("chunked must be the last transfer coding") }
                throw RequestFailure.reject(status: 501, message: "Unsupported transfer coding")
            }
            guard codings.count == 1 else {
                throw RequestFailure.reject(status: 501, message: "Unsupported transfer coding")
            }
            return .chunked
        }
        let lengths = request.headerValues("Content-Length")
            .flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }
            .map { String($0).trimmingOWS() }
        guard let first = lengths.first else { return .none }
        guard lengths.allSatisfy({ $0 == first }) else { throw bad("Conflicting Content-Length values") }
        guard !first.isEmpty, first.utf8.count <= 18, first.utf8.allSatisfy(isDigit), let length = Int(first) else {
            throw bad("Invalid Content-Length")
        }
        guard length <= RequestLimits.maxBody else {
            throw RequestFailure.reject(status: 413, message: "Body too large")
        }
        return length == 0 ? .none : .length(length)
    }

    /// RFC 9112 §7.1: chunk-size [; ext] CRLF data CRLF ... 0 CRLF trailers CRLF.
    static func readChunkedBody(from reader: inout ConnectionReader) throws(RequestFailure) -> [UInt8] {
        var body: [UInt8] = []
        let lineTooLong = bad("Chunk line too long")
        while true {
            let sizeLine = try reader.readLine(limit: 4096, tooLong: lineTooLong)
            var digits = sizeLine.prefix { $0 != 0x3B }  // up to ";"
            while let last = digits.last, last == 0x20 || last == 0x09 { digits.removeLast() }
            guard !digits.isEmpty, digits.count <= 16, digits.allSatisfy(isHexDigit),
                let size = Int(String(decoding: digits, as: UTF8.self), radix: 16)
            else { throw bad("Invalid chunk size") }
            if size == 0 { break }
            guard size <= RequestLimits.maxBody - body.count else {
                throw RequestFailure.reject(status: 413, message: "Body too large")
            }
            try reader.read(exactly: size, into: &body)
            guard try reader.readLine(limit: 0, tooLong: bad("Missing CRLF after chunk data")).isEmpty else {
                throw bad("Missing CRLF after chunk data")
            }
        }
        // Trailer section, dropped.
        var trailerBytes = 0
        while true {
            let trailer = try reader.readLine(limit: RequestLimits.maxHeaderLine, tooLong: bad("Trailer too long"))
            if trailer.isEmpty { break }
            trailerBytes += trailer.count
            guard trailerBytes <= RequestLimits.maxHeaderBytes else { throw bad("Trailers too large") }
            _ = try parseField(trailer)
        }
        return body
    }

    static func parseRequestLine(_ line: [UInt8]) throws(RequestFailure) -> (String, String, String) {
        let parts = line.split(separator: 0x20, omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw bad("Malformed request line") }
        let method = parts[0]
        let target = parts[1]
        let version = parts[2]
        guard !method.isEmpty, method.allSatisfy(isTokenByte) else { throw bad("Malformed method") }
        guard !target.isEmpty, target.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw bad("Malformed request target")
        }
        let versionText = String(decoding: version, as: UTF8.self)
        let versionBytes = Array(version)
        guard versionBytes.count == 8, versionText.hasPrefix("HTTP/"), isDigit(versionBytes[5]),
            versionBytes[6] == 0x2E, isDigit(versionBytes[7])
        else { throw bad("Malformed HTTP version") }
        guard versionBytes[5] == 0x31 else {
            throw RequestFailure.reject(status: 505, message: "Only HTTP/1.x is supported")
        }
        return (String(decoding: method, as: UTF8.self), String(decoding: target, as: UTF8.self), versionText)
    }

    static func parseField(_ line: [UInt8]) throws(RequestFailure) -> RecordedRequest.Header {
        if let first = line.first, first == 0x20 || first == 0x09 {
            throw bad("Obsolete line folding is not accepted")
        }
        guard let colon = line.firstIndex(of: 0x3A) else { throw bad("Header field without colon") }
        let name = line[..<colon]
        guard !name.isEmpty, name.allSatisfy(isTokenByte) else { throw bad("Malformed header field name") }
        var value = line[(colon + 1)...]
        while let first = value.first, first == 0x20 || first == 0x09 { value.removeFirst() }
        while let last = value.last, last == 0x20 || last == 0x09 { value.removeLast() }
        guard !value.contains(where: { $0 == 0x00 || $0 == 0x0D || $0 == 0x0A }) else {
            throw bad("Invalid character in header field value")
        }
        return RecordedRequest.Header(
            name: String(decoding: name, as: UTF8.self),
            value: String(decoding: value, as: UTF8.self)
        )
    }

    static func bad(_ message: String) -> RequestFailure {
        .reject(status: 400, message: message)
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
    }

    /// RFC 9110 §5.6.2 tchar.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        if isDigit(byte) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) { return true }
        return Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
    }
}

extension String {
    /// Drops leading and trailing spaces and tabs (HTTP "optional whitespace").
    func trimmingOWS() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
