import Foundation

/// One HTTP request as the server received it, after de-chunking the body.
public struct RecordedRequest: Sendable, Hashable {
    /// One header field line, in the order and spelling the client sent it.
    public struct Header: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The request method as sent, e.g. `"POST"` (methods are case-sensitive, so this is not normalised).
    public var method: String
    /// The request target as sent, e.g. `"/pools/abc?poolType=primary"`.
    public var target: String
    /// The target without its query, e.g. `"/pools/abc"` (still percent-encoded as sent).
    public var path: String
    /// The raw query string without the `"?"` (still percent-encoded), or nil when the target has no `"?"`.
    public var query: String?
    /// The protocol version from the request line, e.g. `"HTTP/1.1"`.
    public var httpVersion: String
    /// Every header field, in order, names as sent.
    public var headers: [Header]
    /// The body bytes: the `Content-Length` bytes, or the decoded chunks of a chunked body (trailers dropped).
    public var body: [UInt8]

    public init(
        method: String,
        target: String,
        httpVersion: String = "HTTP/1.1",
        headers: [Header] = [],
        body: [UInt8] = []
    ) {
        self.method = method
        self.target = target
        self.httpVersion = httpVersion
        self.headers = headers
        self.body = body
        if let mark = target.firstIndex(of: "?") {
            self.path = String(target[..<mark])
            self.query = String(target[target.index(after: mark)...])
        } else {
            self.path = target
            self.query = nil
        }
    }

    /// The value of the named header (case-insensitive); several fields of that name are joined with `", "`.
    /// Nil when the header is absent.
    public func header(_ name: String) -> String? {
        let values = headerValues(name)
        return values.isEmpty ? nil : values.joined(separator: ", ")
    }

    /// Every value of the named header (case-insensitive), one element per field line, in order.
    public func headerValues(_ name: String) -> [String] {
        headers.filter { asciiCaseInsensitiveEquals($0.name, name) }.map(\.value)
    }

    /// The body decoded as UTF-8 (invalid sequences replaced with U+FFFD).
    public var bodyText: String {
        String(decoding: body, as: UTF8.self)
    }

    /// The body as `Data`.
    public var bodyData: Data {
        Data(body)
    }

    /// The query parsed by `URLComponents` (percent-decoded; note that `+` is *not* turned into a space).
    /// Empty when there is no query.
    public var queryItems: [URLQueryItem] {
        guard let query else { return [] }
        var components = URLComponents()
        components.percentEncodedQuery = query
        return components.queryItems ?? []
    }
}

/// ASCII case-insensitive comparison, as HTTP field names require.
func asciiCaseInsensitiveEquals(_ lhs: String, _ rhs: String) -> Bool {
    let left = lhs.utf8
    let right = rhs.utf8
    guard left.count == right.count else { return false }
    return zip(left, right).allSatisfy { asciiLower($0) == asciiLower($1) }
}

@inline(__always)
func asciiLower(_ byte: UInt8) -> UInt8 {
    (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
}
