import Foundation

/// What the server answers with. The server adds `Content-Length` and `Connection: close` itself and drops
/// any `Content-Length`, `Connection` or `Transfer-Encoding` given here.
public struct CannedResponse: Sendable {
    public var status: Int
    /// The reason phrase; defaults to the standard one for `status`.
    public var reason: String
    /// Extra header fields, sent in this order after the server's own.
    public var headers: [(String, String)]
    public var body: [UInt8]
    /// When set, the body is sent in these parts instead (`Transfer-Encoding: chunked`, a chunk per part), each
    /// after its delay; `body` is ignored. The server stops early when the client goes away.
    public var parts: [Part]?
    /// When set, the body is sent as `parts` are, in `count` parts that `make` makes one at a time, right before
    /// each is sent, so that a body too large to hold is never whole in memory; `parts` and `body` are ignored.
    public var generatedParts: GeneratedParts?
    /// Called on the connection's thread with each part's index right after the part was written.
    public var partSent: (@Sendable (Int) -> Void)?
    /// Seconds to wait before sending anything. The wait ends early when the client goes away; nothing is sent
    /// then, and the response counts in ``LocalHTTPServer/abandonedResponses``.
    public var delay: Double = 0
    /// How the server breaks the exchange instead of answering properly; `nil` for a well-formed answer.
    public var fault: Fault?

    /// A way of breaking an exchange, to test how a client copes.
    public enum Fault: Sendable, Hashable {
        /// Closes the connection once the request is read, without sending a byte.
        case closeWithoutResponse
        /// Sends the head, whose `Content-Length` announces the whole body, and the first `count` bytes of the body,
        /// then closes the connection.
        case closeAfterBodyBytes(Int)
    }

    /// A part of a body sent over time.
    public struct Part: Sendable {
        /// Seconds to wait before sending the part.
        public var delay: Double
        public var bytes: [UInt8]

        public init(delay: Double = 0, _ text: String) {
            self.delay = delay
            self.bytes = Array(text.utf8)
        }

        public init(delay: Double = 0, bytes: [UInt8]) {
            self.delay = delay
            self.bytes = bytes
        }
    }

    /// Parts made as they are sent (``generatedParts``).
    public struct GeneratedParts: Sendable {
        public var count: Int
        /// Makes the part of an index, on the connection's thread.
        public var make: @Sendable (Int) -> Part

        public init(count: Int, make: @escaping @Sendable (Int) -> Part) {
            self.count = count
            self.make = make
        }
    }

    /// Whether the body is sent in parts (``parts`` or ``generatedParts``).
    var isSentInParts: Bool { parts != nil || generatedParts != nil }

    /// The parts of a body sent in parts: how many, and the part of an index.
    var partSource: (count: Int, part: @Sendable (Int) -> Part)? {
        if let generatedParts { return (generatedParts.count, generatedParts.make) }
        guard let parts else { return nil }
        return (parts.count, { parts[$0] })
    }

    public init(status: Int, reason: String? = nil, headers: [(String, String)] = [], body: [UInt8] = []) {
        self.status = status
        self.reason = reason ?? CannedResponse.standardReason(for: status)
        self.headers = headers
        self.body = body
    }

    /// A response whose body is sent in `parts`, each after its delay, e.g. server-sent events as they happen.
    public static func streamed(
        _ status: Int, contentType: String, parts: [Part], partSent: (@Sendable (Int) -> Void)? = nil
    ) -> CannedResponse {
        var response = CannedResponse(status: status, headers: [("Content-Type", contentType)])
        response.parts = parts
        response.partSent = partSent
        return response
    }

    /// A response whose body is sent in `count` parts that `makePart` makes right before each is sent: a large
    /// body (a download of many megabytes) that the server never holds whole.
    public static func streamed(
        _ status: Int, contentType: String, partCount: Int, makePart: @escaping @Sendable (Int) -> Part,
        partSent: (@Sendable (Int) -> Void)? = nil
    ) -> CannedResponse {
        var response = CannedResponse(status: status, headers: [("Content-Type", contentType)])
        response.generatedParts = GeneratedParts(count: partCount, make: makePart)
        response.partSent = partSent
        return response
    }

    /// A response with a UTF-8 JSON body.
    public static func json(
        _ status: Int,
        _ text: String,
        contentType: String = "application/json; charset=utf-8"
    ) -> CannedResponse {
        CannedResponse(status: status, headers: [("Content-Type", contentType)], body: Array(text.utf8))
    }

    /// A response with a UTF-8 text body.
    public static func text(_ status: Int, _ text: String, contentType: String = "text/plain") -> CannedResponse {
        CannedResponse(status: status, headers: [("Content-Type", contentType)], body: Array(text.utf8))
    }

    /// No response at all: the server reads the request and closes the connection.
    public static var dropped: CannedResponse {
        var response = CannedResponse(status: 200)
        response.fault = .closeWithoutResponse
        return response
    }

    /// This response, sent after `seconds` (unless the client has gone by then).
    public func delayed(by seconds: Double) -> CannedResponse {
        var response = self
        response.delay = seconds
        return response
    }

    /// This response cut short: the head and the first `count` bytes of the body, then the connection closes.
    public func cut(afterBodyBytes count: Int) -> CannedResponse {
        var response = self
        response.fault = .closeAfterBodyBytes(count)
        return response
    }

    /// A response with no body, e.g. `.empty(204)`.
    public static func empty(_ status: Int, headers: [(String, String)] = []) -> CannedResponse {
        CannedResponse(status: status, headers: headers)
    }

    /// The standard reason phrase for a status code ("Unknown" for codes without one).
    public static func standardReason(for status: Int) -> String {
        switch status {
        case 100: "Continue"
        case 101: "Switching Protocols"
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 203: "Non-Authoritative Information"
        case 204: "No Content"
        case 205: "Reset Content"
        case 206: "Partial Content"
        case 300: "Multiple Choices"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 303: "See Other"
        case 304: "Not Modified"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 402: "Payment Required"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 406: "Not Acceptable"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 410: "Gone"
        case 411: "Length Required"
        case 412: "Precondition Failed"
        case 413: "Content Too Large"
        case 414: "URI Too Long"
        case 415: "Unsupported Media Type"
        case 416: "Range Not Satisfiable"
        case 417: "Expectation Failed"
        case 418: "I'm a teapot"
        case 422: "Unprocessable Content"
        case 425: "Too Early"
        case 426: "Upgrade Required"
        case 428: "Precondition Required"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        case 505: "HTTP Version Not Supported"
        default: "Unknown"
        }
    }

    /// One part as a chunk of `Transfer-Encoding: chunked`; the empty part ends the body.
    static func chunk(_ bytes: [UInt8]) -> [UInt8] {
        Array((String(bytes.count, radix: 16) + "\r\n").utf8) + bytes + Array("\r\n".utf8)
    }

    /// The bytes put on the wire (the head alone when the body is sent in `parts`). `includeBody` is false for
    /// answers to HEAD.
    func serialized(includeBody: Bool) -> [UInt8] {
        let code = (100...999).contains(status) ? status : 500
        // 1xx, 204 and 304 never carry a body (RFC 9110 §6.4.1); 1xx and 204 never carry Content-Length.
        let bodyless = code < 200 || code == 204 || code == 304
        var head = "HTTP/1.1 \(code) \(CannedResponse.sanitized(reason))\r\n"
        if isSentInParts, !bodyless {
            head += "Transfer-Encoding: chunked\r\n"
        } else if !(code < 200 || code == 204) {
            head += "Content-Length: \(bodyless ? 0 : body.count)\r\n"
        }
        head += "Connection: close\r\n"
        for (name, value) in headers {
            let cleanName = CannedResponse.sanitized(name).filter { $0 != ":" && $0 != " " && $0 != "\t" }
            if cleanName.isEmpty { continue }
            let reserved = ["content-length", "connection", "transfer-encoding"]
            if reserved.contains(where: { asciiCaseInsensitiveEquals($0, cleanName) }) { continue }
            head += "\(cleanName): \(CannedResponse.sanitized(value))\r\n"
        }
        head += "\r\n"
        var bytes = Array(head.utf8)
        if includeBody && !bodyless && !isSentInParts {
            bytes += body
        }
        return bytes
    }

    /// Drops CR, LF and NUL so that a canned value can never break the response framing.
    private static func sanitized(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\r" && $0 != "\n" && $0 != "\0" }))
    }
}
