// swift-format-ignore-file
// Written by `swift run bindery-embed-templates` from the package's Templates folder. Do not edit.

extension DefaultTemplates {
    /// The default templates by file name.
    static let embedded: [String: String] = [
        "APIClient.mustache": #"""
{{generatedHeader}}

import Foundation

/// Sends the API's requests: where to (the base URL), how (the transport), and with which credentials, limits,
/// retries and middlewares.
///
/// Create one client and share it between API types: `TokenApi(client: client)`.
{{access}} nonisolated struct APIClient: Sendable {
    /// What every request of the client shares.
    {{access}} struct Configuration: Sendable {
        /// The server the API description names first (`{{defaultServerURL}}`), or `http://localhost` when it
        /// names none.
{{#servers}}
        ///
        /// For another server, or other values of its variables, use the URL a function of `{{name}}` returns.
{{/servers}}
        {{access}} static let defaultBaseURL = URL(string: {{defaultServerURLLiteral}}) ?? URL(fileURLWithPath: "/")
        /// The default ``maxResponseBytes``: 32 MiB.
        {{access}} static let defaultMaxResponseBytes = 32 << 20

        /// The URL paths are relative to, for example `https://api.example.com/v1`. Its path comes before every
        /// operation's path, and its query items before every operation's.
        {{access}} var baseURL: URL
        /// Headers sent with every request (`User-Agent`, tracing headers). A name that is not a header name, or
        /// a value with a line break, fails every request with ``APIError/invalidRequest(_:)`` before anything is
        /// sent. Mark a header that holds a secret with `headers.markSecret(_:)` to keep it out of descriptions.
        {{access}} var headers: HTTPHeaders
        /// Credentials by security scheme name (`SecurityScheme.bearer.name`), used by operations that need them.
        /// An operation whose every security alternative lacks one fails with
        /// ``APIError/missingCredentials(operationID:alternatives:)`` before anything is sent, unless it lists an
        /// empty alternative (`{}`: authentication is optional).
        {{access}} var credentials: [String: Credential]
        /// The longest one attempt at a request may take, from sending it to the last byte of its response (to
        /// its status and headers, for a body read as it arrives); past it, the attempt is cancelled and fails with
        /// ``APIError/timedOut(after:)``. `nil` (the default) sets no limit of the client's own: the transport's
        /// still applies (`URLSession` gives up after 60 s without a byte). A middleware may set
        /// `request.timeout` for one request.
        {{access}} var timeout: Duration?
        /// The most bytes of a response body read into memory; a longer body fails with
        /// ``APIError/responseTooLarge(limit:)``, and `URLSessionTransport` stops receiving it as soon as it
        /// passes the limit (at once, when `Content-Length` announces more). Bodies read as they arrive (the
        /// `…Streaming` methods) are not held in memory and have no limit.
        {{access}} var maxResponseBytes: Int
        /// When requests are tried again: idempotent ones, after a failed connection, `429` or `503`, at most 3
        /// attempts by default (``RetryPolicy``). ``RetryPolicy/none`` never retries.
        {{access}} var retry: RetryPolicy
        /// Code that runs around every request, first to last, each around the ones after it: to change requests,
        /// observe or replace responses, or send a request again (``APIMiddleware``).
        {{access}} var middlewares: [any APIMiddleware]

        {{access}} init(
            baseURL: URL = Configuration.defaultBaseURL, headers: HTTPHeaders = HTTPHeaders(),
            credentials: [String: Credential] = [:], timeout: Duration? = nil,
            maxResponseBytes: Int = Configuration.defaultMaxResponseBytes, retry: RetryPolicy = RetryPolicy(),
            middlewares: [any APIMiddleware] = []
        ) {
            self.baseURL = baseURL
            self.headers = headers
            self.credentials = credentials
            self.timeout = timeout
            self.maxResponseBytes = maxResponseBytes
            self.retry = retry
            self.middlewares = middlewares
        }
    }

    {{access}} var configuration: Configuration
    {{access}} var transport: any HTTPTransport

    {{access}} init(configuration: Configuration = Configuration(), transport: any HTTPTransport = URLSessionTransport()) {
        self.configuration = configuration
        self.transport = transport
    }

    /// A client for the server at `baseURL`.
    {{access}} init(baseURL: URL, transport: any HTTPTransport = URLSessionTransport()) {
        self.init(configuration: Configuration(baseURL: baseURL), transport: transport)
    }

    /// Sends `request` with the configured headers and the credentials of the first security alternative that
    /// has them all, through the middlewares and the retry policy, and returns the response whatever its status.
    ///
    /// - Parameter security: the operation's security alternatives; any one suffices, an empty one means none is
    ///   needed.
    {{access}} func send(_ request: HTTPRequest, security: [[SecurityScheme]] = []) async throws -> HTTPResponse {
        let baseURL = configuration.baseURL
        let transport = transport
        return try await perform(authorized(request, security: security)) { request in
            let response = try await transport.send(request, baseURL: baseURL)
            // For transports that do not keep to the limit as they receive.
            var limit = ResponseSizeLimit(request.maxResponseBytes)
            guard limit.allows(receiving: response.body.count) else { throw limit.error }
            return response
        }
    }

    /// `request` with the configured headers, timeout and size limit, and the credentials of the first security
    /// alternative that has them all: what `send(_:security:)` sends. Throws
    /// ``APIError/missingCredentials(operationID:alternatives:)`` when no alternative can be met.
    {{access}} func authorized(_ request: HTTPRequest, security: [[SecurityScheme]]) async throws -> HTTPRequest {
        var request = request
        let own = Set(request.headers.fields.map { $0.name.lowercased() })
        for field in configuration.headers where !own.contains(field.name.lowercased()) {
            request.headers.add(name: field.name, value: field.value)
            if configuration.headers.isSecret(field.name) { request.headers.markSecret(field.name) }
        }
        request.timeout = request.timeout ?? configuration.timeout
        request.maxResponseBytes = request.maxResponseBytes ?? configuration.maxResponseBytes
        for scheme in try credentialSchemes(for: security, operationID: request.operationID) {
            try await configuration.credentials[scheme.name]?.apply(to: &request, scheme: scheme)
        }
        return request
    }

    /// The schemes whose credentials go with a request: the first alternative the configuration has every
    /// credential for; none when authentication is optional (an empty alternative) or not needed; else the first
    /// alternative whose missing credentials are all for schemes the client cannot apply (the transport's).
    private func credentialSchemes(for security: [[SecurityScheme]], operationID: String) throws -> [SecurityScheme] {
        let credentials = configuration.credentials
        if let complete = security.first(where: { !$0.isEmpty && $0.allSatisfy { credentials[$0.name] != nil } }) {
            return complete
        }
        if security.isEmpty || security.contains(where: \.isEmpty) { return [] }
        if let external = security.first(where: {
            $0.allSatisfy { credentials[$0.name] != nil || $0.kind == .unsupported }
        }) {
            return external
        }
        throw APIError.missingCredentials(operationID: operationID, alternatives: security.map { $0.map(\.name) })
    }

    /// Sends `request` through the middlewares, then `attempt`s it under the retry policy, each attempt within
    /// the request's timeout. A call whose task is cancelled throws `CancellationError`, whatever the transport
    /// threw.
    func perform(
        _ request: HTTPRequest, attempt: @escaping @Sendable (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        let retry = configuration.retry
        do {
            let response = try await intercept(request, from: configuration.middlewares[...]) { request in
                try request.headers.validate()
                return try await retry.run(request) { request in
                    try await Self.withTimeout(request.timeout) { try await attempt(request) }
                }
            }
            ResponseRecorder.current?.record(response)
            return response
        } catch where Task.isCancelled {
            throw CancellationError()
        }
    }

    /// `request` through `middlewares`, the first outermost, then `last`.
    private func intercept(
        _ request: HTTPRequest, from middlewares: ArraySlice<any APIMiddleware>,
        last: (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        guard let middleware = middlewares.first else { return try await last(request) }
        return try await middleware.intercept(request) { request in
            try await intercept(request, from: middlewares.dropFirst(), last: last)
        }
    }

    /// What `operation` returns, unless it takes longer than `timeout`: then it is cancelled, and
    /// ``APIError/timedOut(after:)`` is thrown.
    static func withTimeout<Result: Sendable>(
        _ timeout: Duration?, _ operation: @escaping @Sendable () async throws -> Result
    ) async throws -> Result {
        guard let timeout else { return try await operation() }
        return try await withThrowingTaskGroup(of: Result.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw APIError.timedOut(after: timeout)
            }
            defer { group.cancelAll() }
            guard let result = try await group.next() else { throw CancellationError() }
            return result
        }
    }

    /// What `body` returns, with the response to the last request a client sent while it ran (`nil` when none
    /// was sent): how to read the headers (`ETag`, rate limits, `Link`) of a call to an operation's throwing
    /// method, which returns only the body. Headers the description documents are typed by the operation's
    /// headers struct (`ListPetsOkHeaders(from: response)`), or come with the `…Response` method's cases.
    ///
    /// ```swift
    /// let (pets, response) = try await APIClient.withResponse { try await api.listPets() }
    /// print(response?.header("ETag", as: String.self) ?? "-")
    /// ```
    {{access}} static func withResponse<Value>(
        isolation: isolated (any Actor)? = #isolation, _ body: () async throws -> Value
    ) async rethrows -> (value: Value, response: HTTPResponse?) {
        let recorder = ResponseRecorder()
        let value = try await ResponseRecorder.$current.withValue(recorder) { try await body() }
        return (value, recorder.last)
    }

    /// Encodes `value` as a JSON body.
    {{access}} func encodeJSON(_ value: some Encodable) throws -> Data {
        do {
            return try JSONCoding.makeEncoder().encode(value)
        } catch {
            throw APIError.invalidRequest("cannot encode the body: \(error)")
        }
    }

    /// Decodes the JSON body of `response`.
    {{access}} func decodeJSON<Body: Decodable>(_ type: Body.Type, from response: HTTPResponse) throws -> Body {
        do {
            return try JSONCoding.makeDecoder().decode(type, from: response.body)
        } catch {
            throw APIError.decodingFailed(response, underlying: error)
        }
    }
}

/// The last response a task's requests received, for ``APIClient/withResponse(isolation:_:)``.
nonisolated final class ResponseRecorder: @unchecked Sendable {
    /// The recorder of the current task, if it runs inside `withResponse`.
    @TaskLocal static var current: ResponseRecorder?

    private let lock = NSLock()
    private var response: HTTPResponse?

    /// The last response recorded.
    var last: HTTPResponse? {
        lock.withLock { response }
    }

    func record(_ response: HTTPResponse) {
        lock.withLock { self.response = response }
    }
}

"""#,
        "APIError.mustache": #"""
{{generatedHeader}}

import Foundation

/// Why a call failed, when it is not a documented error response.
///
/// Errors of the transport (the connection failed) are thrown as they are, not wrapped, except that
/// `URLSessionTransport` takes the values of API keys out of the URL a `URLError` names, and a call whose task is
/// cancelled throws `CancellationError`. No description of an `APIError` shows a credential.
{{access}} nonisolated enum APIError: Error, CustomStringConvertible {
    /// The server answered with a status the operation does not document as success and for which it documents
    /// no body, or with a body that is not JSON where JSON is documented (a proxy's HTML error page, a `200` with
    /// `text/html`). The response carries the status, headers and raw body.
    case unexpectedStatus(HTTPResponse)
    /// The body of a documented response could not be decoded as the documented type.
    case decodingFailed(HTTPResponse, underlying: any Error)
    /// A header the operation documents as required is missing from the response, or cannot be read as its
    /// documented type. (Optional headers that cannot be read are `nil`.)
    case invalidHeader(HTTPResponse, name: String, reason: String)
    /// The request could not be built: an argument that cannot be encoded, an invalid base URL, a header or
    /// credential with a line break, a path segment that would be `..`. Nothing was sent.
    case invalidRequest(String)
    /// The transport returned something that is not an HTTP response.
    case invalidResponse(String)
    /// The operation needs credentials the configuration does not have: one of `alternatives` (security scheme
    /// names, all of one alternative) must be in ``APIClient/Configuration-swift.struct/credentials``. Nothing was
    /// sent.
    case missingCredentials(operationID: String, alternatives: [[String]])
    /// The response's body is longer than ``APIClient/Configuration-swift.struct/maxResponseBytes``: the transport
    /// stopped reading it there (or, told by `Content-Length`, did not start).
    case responseTooLarge(limit: Int)
    /// An attempt took longer than ``APIClient/Configuration-swift.struct/timeout``, and was cancelled.
    case timedOut(after: Duration)

    /// The response, when the server answered.
    {{access}} var response: HTTPResponse? {
        switch self {
        case .unexpectedStatus(let response), .decodingFailed(let response, _), .invalidHeader(let response, _, _):
            response
        case .invalidRequest, .invalidResponse, .missingCredentials, .responseTooLarge, .timedOut: nil
        }
    }

    {{access}} var description: String {
        switch self {
        case .unexpectedStatus(let response):
            "unexpected response: \(response)"
        case .decodingFailed(let response, let underlying):
            "cannot decode the body of HTTP \(response.statusCode): \(underlying)"
        case .invalidHeader(let response, let name, let reason):
            "invalid header '\(name)' in HTTP \(response.statusCode): \(reason)"
        case .invalidRequest(let reason):
            "invalid request: \(reason)"
        case .invalidResponse(let reason):
            "invalid response: \(reason)"
        case .missingCredentials(let operationID, let alternatives):
            "missing credentials: \(operationID.isEmpty ? "the operation" : "'\(operationID)'") needs "
                + alternatives.map { $0.map { "'\($0)'" }.joined(separator: " and ") }.joined(separator: ", or ")
                + " in APIClient.Configuration.credentials; nothing was sent"
        case .responseTooLarge(let limit):
            "the response body is longer than \(limit) bytes (APIClient.Configuration.maxResponseBytes)"
        case .timedOut(let timeout):
            "the request took longer than \(timeout) (APIClient.Configuration.timeout)"
        }
    }
}

/// A documented error response: the server answered with a status the operation documents as an error, and its
/// body decoded as the documented `Body` (catch `APIResponseError<ProblemDetails>`, say).
{{access}} nonisolated struct APIResponseError<Body: Sendable>: Error, CustomStringConvertible {
    /// The decoded body.
    {{access}} var body: Body
    /// The response as received.
    {{access}} var response: HTTPResponse

    {{access}} init(body: Body, response: HTTPResponse) {
        self.body = body
        self.response = response
    }

    /// The status the server answered with.
    {{access}} var statusCode: Int { response.statusCode }

    {{access}} var description: String {
        "HTTP \(response.statusCode): \(body)"
    }
}

"""#,
        "CalendarDate.mustache": #"""
{{generatedHeader}}

import Foundation

/// A day in the calendar, without a time or time zone: a `format: date` value such as `2026-11-29`.
{{access}} nonisolated struct CalendarDate: Sendable, Hashable, Comparable, Codable, LosslessStringConvertible {
    {{access}} var year: Int
    {{access}} var month: Int
    {{access}} var day: Int

    {{access}} init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `yyyy-MM-dd`; `nil` for anything else, or a day that does not exist.
    {{access}} init?(_ description: String) {
        let bytes = Array(description.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        guard (1...12).contains(month), day >= 1, day <= Self.days(inMonth: month, year: year) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The day `date` falls on in `timeZone`.
    {{access}} init(_ date: Date, in timeZone: TimeZone = .current) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = calendar.dateComponents([.year, .month, .day], from: date)
        self.init(year: components.year ?? 1970, month: components.month ?? 1, day: components.day ?? 1)
    }

    /// The start of the day in `timeZone`.
    {{access}} func date(in timeZone: TimeZone = .current) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: DateComponents(year: year, month: month, day: day))
    }

    /// The day `days` after 1970-01-01 (before it when negative), in the proleptic Gregorian calendar.
    init(daysSince1970 days: Int) {
        // Howard Hinnant's `civil_from_days`: eras of 400 years, years that start in March.
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        self.init(
            year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month,
            day: dayOfYear - (153 * monthFromMarch + 2) / 5 + 1)
    }

    /// The days from 1970-01-01 to this day (negative before it), in the proleptic Gregorian calendar.
    var daysSince1970: Int {
        // Howard Hinnant's `days_from_civil`.
        let marchYear = month <= 2 ? year - 1 : year
        let era = (marchYear >= 0 ? marchYear : marchYear - 399) / 400
        let yearOfEra = marchYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        return era * 146_097 + yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear - 719_468
    }

    /// `yyyy-MM-dd`.
    {{access}} var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    {{access}} init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = CalendarDate(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a yyyy-MM-dd date")
        }
        self = value
    }

    {{access}} func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    {{access}} static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

"""#,
        "HTTPRequest.mustache": #"""
{{generatedHeader}}

import Foundation

/// A request as the generated API builds it: method, path, query, headers and body, before it is sent to a server.
///
/// The generated operations describe their requests with one call per parameter (`setPath`, `addQuery`,
/// `setHeader`, `addCookie`) and one for the body; the request writes each value in the parameter's style.
///
/// Its descriptions (`String(describing:)`, `String(reflecting:)`, `dump`) never show credentials: the values of
/// `Authorization`, `Proxy-Authorization`, `Cookie` and `Set-Cookie`, and of the headers and query items an API
/// key was sent in, are `<redacted>`.
{{access}} nonisolated struct HTTPRequest: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The method, `GET`.
    {{access}} var method: String
    /// The path, percent-encoded: the operation's path template (`/pools/{tenantId}`) until ``setPath(_:_:style:explode:)``
    /// fills in its parameters.
    {{access}} var path: String
    /// The query's `name=value` pairs in order, percent-encoded.
    {{access}} var query: [String]
    {{access}} var headers: HTTPHeaders
    {{access}} var body: Data?
    /// The document's `operationId` for the operation, for logging and for transports that route on it.
    {{access}} var operationID: String
    /// The longest one attempt at the request may take, from sending it to the last byte of the response; `nil`
    /// until the client sets it to its ``APIClient/Configuration-swift.struct/timeout``. A middleware may set it
    /// for one request.
    {{access}} var timeout: Duration?
    /// The most bytes of response body the transport reads before it gives up with
    /// ``APIError/responseTooLarge(limit:)``; `nil` until the client sets it to its
    /// ``APIClient/Configuration-swift.struct/maxResponseBytes``.
    {{access}} var maxResponseBytes: Int?
    /// The names (percent-encoded, as in ``query``) of the query items whose values are secrets: API keys.
    {{access}} private(set) var secretQueryNames: Set<String>

    /// A request for `path`, a path template whose `{name}` placeholders ``setPath(_:_:style:explode:)`` fills in.
    {{access}} init(method: String, path: String, operationID: String = "") {
        self.method = method
        self.path = path
        self.query = []
        self.headers = HTTPHeaders()
        self.body = nil
        self.operationID = operationID
        self.timeout = nil
        self.maxResponseBytes = nil
        self.secretQueryNames = []
    }

    /// Puts a path parameter's value in place of `{name}` in the path, written in `style` (`simple`, `label` or
    /// `matrix`) and percent-encoded so that it stays within its segment: `/`, `?`, `#` and `%` are encoded. A
    /// value written as nothing (an empty string or list, in style `simple`) is refused with
    /// ``APIError/invalidRequest(_:)``, as it would change the path (`/users/{id}/keys` to `/users//keys`); a
    /// segment that would be `.` or `..` is refused when the URL is made (``url(relativeTo:)``).
    {{access}} mutating func setPath(
        _ name: String, _ value: some Encodable, style: ParameterStyle = .simple, explode: Bool = false
    ) throws {
        let placeholder = "{" + name + "}"
        guard path.contains(placeholder) else {
            throw APIError.invalidRequest("the path '\(path)' has no parameter '\(name)'")
        }
        let node = try Self.node(name, value) ?? .text("")
        let text = ParameterWriter.pathText(name, node, style: style, explode: explode)
        guard !text.isEmpty else {
            throw APIError.invalidRequest(
                "the path parameter '\(name)' is empty, which would change the path '\(path)': refused")
        }
        path = path.replacingOccurrences(of: placeholder, with: text)
    }

    /// Adds a query parameter, written in `style`; nothing for `nil`.
    {{access}} mutating func addQuery(
        _ name: String, _ value: (some Encodable)?, style: ParameterStyle = .form, explode: Bool = true,
        allowReserved: Bool = false
    ) throws {
        guard let value, let node = try Self.node(name, value) else { return }
        query += ParameterWriter.pairs(name, node, style: style, explode: explode, allowReserved: allowReserved)
    }

    /// Sets a header (style `simple`); nothing for `nil`. A value with a line break is refused, so that it cannot
    /// add headers of its own.
    {{access}} mutating func setHeader(_ name: String, _ value: (some Encodable)?, explode: Bool = false) throws {
        guard let value, let node = try Self.node(name, value) else { return }
        let text = ParameterWriter.headerText(node, explode: explode)
        try HTTPHeaders.check(name: name, value: text)
        headers[name] = text
    }

    /// Marks the query items named `name` (as given to ``addQuery(_:_:style:explode:allowReserved:)``) as secret:
    /// descriptions of the request show their values as `<redacted>`.
    {{access}} mutating func markSecretQueryItem(_ name: String) {
        secretQueryNames.insert(PercentEncoding.encode(name))
    }

    /// Adds a cookie to the `Cookie` header (style `form`); nothing for `nil`. Arrays are repeated cookies when
    /// `explode`, else one comma-separated cookie.
    {{access}} mutating func addCookie(_ name: String, _ value: (some Encodable)?, explode: Bool = true) throws {
        guard let value, let node = try Self.node(name, value) else { return }
        let pairs = ParameterWriter.pairs(name, node, style: .form, explode: explode)
        guard !pairs.isEmpty else { return }
        let cookies = pairs.joined(separator: "; ")
        headers["Cookie"] = headers["Cookie"].map { "\($0); \(cookies)" } ?? cookies
    }

    /// Sets the body to `value` encoded as JSON, with its `Content-Type`; nothing for `nil`.
    {{access}} mutating func setJSONBody(_ value: (some Encodable)?, contentType: String = "application/json") throws {
        guard let value else { return }
        do {
            setBody(try JSONCoding.makeEncoder().encode(value), contentType: contentType)
        } catch {
            throw APIError.invalidRequest("cannot encode the body: \(error)")
        }
    }

    /// Sets the body to UTF-8 text, with its `Content-Type`; nothing for `nil`.
    {{access}} mutating func setBody(_ text: String?, contentType: String) {
        guard let text else { return }
        setBody(Data(text.utf8), contentType: contentType)
    }

    /// Sets the body and its `Content-Type`; nothing for `nil`.
    {{access}} mutating func setBody(_ data: Data?, contentType: String) {
        guard let data else { return }
        body = data
        headers["Content-Type"] = contentType
    }

    /// Sets the body to a form, `application/x-www-form-urlencoded`.
    {{access}} mutating func setBody(_ form: FormBody) {
        setBody(form.encoded, contentType: "application/x-www-form-urlencoded")
    }

    /// The full URL on the server at `baseURL`: its path followed by this request's path, and its query followed
    /// by this request's query, put together with `URLComponents`.
    ///
    /// Throws ``APIError/invalidRequest(_:)`` when a path parameter has no value, or when a segment of the path
    /// is `.` or `..` (or their percent-encoded spellings, `%2E%2E`): servers and proxies read those as the
    /// current or parent folder (RFC 3986 § 5.2.4, and the WHATWG URL standard for `%2E` too), so no encoding of a
    /// parameter whose whole value is `..` keeps it from climbing.
    {{access}} func url(relativeTo baseURL: URL) throws -> URL {
        if let open = path.firstIndex(of: "{"), let close = path[open...].firstIndex(of: "}") {
            throw APIError.invalidRequest("the path parameter '\(path[open...close])' has no value")
        }
        for segment in path.split(separator: "/", omittingEmptySubsequences: false) {
            let decoded = (String(segment).removingPercentEncoding ?? String(segment))
            if decoded == "." || decoded == ".." {
                throw APIError.invalidRequest(
                    "the path '\(path)' has a segment '\(segment)', which servers read as '\(decoded)': refused")
            }
        }
        guard var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: true) else {
            throw APIError.invalidRequest("the base URL '\(Redaction.url(baseURL))' cannot be read")
        }
        var basePath = components.percentEncodedPath
        while basePath.hasSuffix("/") { basePath.removeLast() }
        let ownPath = PercentEncoding.escapeInvalid(path, keeping: PercentEncoding.pathCharacters)
        components.percentEncodedPath = basePath + (ownPath.hasPrefix("/") || ownPath.isEmpty ? "" : "/") + ownPath
        let baseQuery = (components.percentEncodedQuery ?? "").split(separator: "&").map(String.init)
        let pairs = baseQuery + query.map { PercentEncoding.escapeInvalid($0, keeping: PercentEncoding.queryCharacters) }
        components.percentEncodedQuery = pairs.isEmpty ? nil : pairs.joined(separator: "&")
        guard let url = components.url else {
            throw APIError.invalidRequest("'\(Redaction.url(baseURL))' and '\(description)' do not make a valid URL")
        }
        return url
    }

    /// `url` as text with the values of this request's secret query items, and any password, `<redacted>`: for
    /// messages and logs.
    {{access}} func redacted(_ url: URL) -> String {
        Redaction.url(url, secretQueryNames: secretQueryNames)
    }

    /// The method, path and query, with secret query values `<redacted>`: `GET /pools/7?api_key=<redacted>`.
    {{access}} var description: String {
        let pairs = Redaction.pairs(query, secretNames: secretQueryNames)
        return method + " " + path + (pairs.isEmpty ? "" : "?" + pairs.joined(separator: "&"))
    }

    /// The description, then the operation, the headers (credentials `<redacted>`) and the body's length.
    {{access}} var debugDescription: String {
        var text = description
        if !operationID.isEmpty { text += " (\(operationID))" }
        text += " headers: \(headers.debugDescription)"
        if let body { text += ", body: \(body.count) bytes" }
        return text
    }

    {{access}} var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "method": method, "path": path, "query": Redaction.pairs(query, secretNames: secretQueryNames),
                "headers": headers, "body": body.map { "\($0.count) bytes" } as Any, "operationID": operationID,
                "timeout": timeout as Any, "maxResponseBytes": maxResponseBytes as Any,
            ], displayStyle: .struct)
    }

    /// The parameter node for `value`, with encoding failures as ``APIError/invalidRequest(_:)``.
    static func node(_ name: String, _ value: some Encodable) throws -> ParameterNode? {
        do {
            return try ParameterNode.make(value)
        } catch {
            throw APIError.invalidRequest("cannot encode parameter '\(name)': \(error)")
        }
    }
}

/// An `application/x-www-form-urlencoded` body, built field by field.
{{access}} nonisolated struct FormBody: Sendable, Hashable {
    /// The `name=value` pairs in order, percent-encoded.
    {{access}} private(set) var pairs: [String] = []

    {{access}} init() {}

    /// Adds a field, written in `style` (the body's `encoding`); nothing for `nil`, so only the fields given are
    /// sent.
    {{access}} mutating func add(
        _ name: String, _ value: (some Encodable)?, style: ParameterStyle = .form, explode: Bool = true,
        allowReserved: Bool = false
    ) throws {
        guard let value, let node = try HTTPRequest.node(name, value) else { return }
        pairs += ParameterWriter.pairs(name, node, style: style, explode: explode, allowReserved: allowReserved)
    }

    /// The encoded body: the pairs joined by `&`.
    {{access}} var encoded: Data {
        Data(pairs.joined(separator: "&").utf8)
    }
}

/// How descriptions and messages hide credentials.
nonisolated enum Redaction {
    /// What is shown instead of a secret.
    static let placeholder = "<redacted>"
    /// The headers whose values are always credentials, lower-cased.
    static let secretHeaderNames: Set<String> = ["authorization", "proxy-authorization", "cookie", "set-cookie"]

    /// `pairs` (`name=value`, percent-encoded) with the values of `secretNames` replaced.
    static func pairs(_ pairs: [String], secretNames: Set<String>) -> [String] {
        guard !secretNames.isEmpty else { return pairs }
        return pairs.map { pair in
            let name = String(pair.prefix { $0 != "=" })
            return secretNames.contains(name) ? name + "=" + placeholder : pair
        }
    }

    /// `url` as text, with its password and the values of the query items `secretQueryNames` replaced, and
    /// without its fragment.
    static func url(_ url: URL, secretQueryNames: Set<String> = []) -> String {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: true) else { return "(not a URL)" }
        var text = components.scheme.map { $0 + "://" } ?? ""
        if let user = components.percentEncodedUser {
            text += user + (components.percentEncodedPassword == nil ? "" : ":" + placeholder) + "@"
        }
        text += components.percentEncodedHost ?? ""
        if let port = components.port { text += ":\(port)" }
        text += components.percentEncodedPath
        if let query = components.percentEncodedQuery {
            let pairs = query.split(separator: "&", omittingEmptySubsequences: false).map(String.init)
            text += "?" + Self.pairs(pairs, secretNames: secretQueryNames).joined(separator: "&")
        }
        return text
    }
}

"""#,
        "HTTPResponse.mustache": #"""
{{generatedHeader}}

import Foundation

/// A response as received: status, headers and the raw body.
///
/// Its descriptions never show credentials: the values of `Set-Cookie`, `Authorization` and the like are
/// `<redacted>` (see ``HTTPHeaders``).
{{access}} nonisolated struct HTTPResponse: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    {{access}} var statusCode: Int
    {{access}} var headers: HTTPHeaders
    {{access}} var body: Data

    {{access}} init(statusCode: Int, headers: HTTPHeaders = HTTPHeaders(), body: Data = Data()) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
    }

    /// The body as UTF-8 text, with invalid bytes replaced.
    {{access}} var bodyText: String {
        String(decoding: body, as: UTF8.self)
    }

    /// The status, the `Content-Type` and the first 500 characters of the body:
    /// `HTTP 502 (text/html): <html>…`.
    {{access}} var description: String {
        let preview = bodyText.prefix(500)
        return "HTTP \(statusCode)" + (headers["Content-Type"].map { " (\($0))" } ?? "")
            + (preview.isEmpty ? "" : ": \(preview)")
    }

    /// The status, every header (credentials `<redacted>`), the body's length and its first 500 characters.
    {{access}} var debugDescription: String {
        let preview = bodyText.prefix(500)
        return "HTTP \(statusCode) headers: \(headers.debugDescription), body: \(body.count) bytes"
            + (preview.isEmpty ? "" : ": \(preview)")
    }

    {{access}} var customMirror: Mirror {
        Mirror(self, children: ["statusCode": statusCode, "headers": headers, "body": bodyText], displayStyle: .struct)
    }
}

/// Header fields in order, with names compared without regard to case.
///
/// Its descriptions show the values of `Authorization`, `Proxy-Authorization`, `Cookie` and `Set-Cookie`, and of
/// the fields marked secret (the headers API keys are sent in), as `<redacted>`.
{{access}} nonisolated struct HTTPHeaders: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral,
    CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable
{
    /// One header field.
    {{access}} struct Field: Sendable, Hashable {
        {{access}} var name: String
        {{access}} var value: String

        {{access}} init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    {{access}} private(set) var fields: [Field]
    /// The names, lower-cased, of the fields besides `Authorization` and the like whose values are secrets.
    {{access}} private(set) var secretNames: Set<String> = []

    {{access}} init() {
        self.fields = []
    }

    {{access}} init(dictionaryLiteral elements: (String, String)...) {
        self.fields = elements.map { Field(name: $0.0, value: $0.1) }
    }

    /// The value of the first field named `name`; setting replaces every field of that name, `nil` removes them.
    {{access}} subscript(name: String) -> String? {
        get {
            fields.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
        }
        set {
            let matches = { (field: Field) in field.name.caseInsensitiveCompare(name) == .orderedSame }
            // The first field of that name keeps its place; fields before it do not match, so it stays valid.
            let index = fields.firstIndex(where: matches) ?? fields.count
            fields.removeAll(where: matches)
            if let newValue {
                fields.insert(Field(name: name, value: newValue), at: index)
            }
        }
    }

    /// Adds a field, keeping those of the same name.
    {{access}} mutating func add(name: String, value: String) {
        fields.append(Field(name: name, value: value))
    }

    /// The values of every field named `name`.
    {{access}} func values(for name: String) -> [String] {
        fields.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }.map(\.value)
    }

    {{access}} func makeIterator() -> IndexingIterator<[Field]> {
        fields.makeIterator()
    }

    /// Marks the fields named `name` as secret: descriptions show their values as `<redacted>`.
    {{access}} mutating func markSecret(_ name: String) {
        secretNames.insert(name.lowercased())
    }

    /// Whether descriptions hide the values of fields named `name`: `Authorization`, `Proxy-Authorization`,
    /// `Cookie`, `Set-Cookie`, and the names marked secret.
    {{access}} func isSecret(_ name: String) -> Bool {
        let name = name.lowercased()
        return Redaction.secretHeaderNames.contains(name) || secretNames.contains(name)
    }

    /// The fields as `name: value`, secret values `<redacted>`.
    var redactedFields: [String] {
        fields.map { "\($0.name): \(isSecret($0.name) ? Redaction.placeholder : $0.value)" }
    }

    {{access}} var description: String {
        "[" + redactedFields.joined(separator: ", ") + "]"
    }

    {{access}} var debugDescription: String { description }

    {{access}} var customMirror: Mirror {
        Mirror(self, unlabeledChildren: redactedFields, displayStyle: .collection)
    }

    /// Throws ``APIError/invalidRequest(_:)`` for the first field whose name is not a field name or whose value
    /// has a line break (see ``check(name:value:)``).
    func validate() throws {
        for field in fields { try Self.check(name: field.name, value: field.value) }
    }

    /// Throws ``APIError/invalidRequest(_:)`` unless `name` is a field name (an RFC 9110 token) and `value` has no
    /// line break or NUL, which would end the field and start another: what every header sent is checked for.
    static func check(name: String, value: String) throws {
        let tokenCharacters = Set("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)
        guard !name.isEmpty, name.utf8.allSatisfy({ tokenCharacters.contains($0) }) else {
            throw APIError.invalidRequest("'\(name)' is not a valid header name")
        }
        guard !value.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) else {
            throw APIError.invalidRequest("the value of header '\(name)' has a line break or NUL")
        }
    }
}

nonisolated extension HTTPResponse {
    /// Whether the body is read as JSON: its `Content-Type` is a JSON media type (`application/json`,
    /// `application/problem+json`, `text/json`), or it has none and the body looks like JSON (it starts with `{`,
    /// `[`, `"`, a digit, `-`, `true`, `false` or `null`, after any white space). A response documented as JSON that
    /// comes as anything else (a proxy's HTML error page, an empty body) is not decoded: the operation returns it
    /// as its catch-all case, and the simple method throws ``APIError/unexpectedStatus(_:)`` with it.
    {{access}} var isJSON: Bool {
        guard let contentType = headers["Content-Type"] else {
            guard let first = body.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else { return false }
            return Array("{[\"-0123456789tfn".utf8).contains(first)
        }
        let essence = (contentType.split(separator: ";").first ?? "").trimmingCharacters(in: .whitespaces)
            .lowercased()
        return essence.isEmpty || essence == "application/json" || essence == "text/json" || essence.hasSuffix("+json")
    }

    /// The header `name` read as `Value`, or `nil` when the response has no such header or its value cannot be
    /// read as `Value`.
    ///
    /// Values are read as OpenAPI's `simple` style: `42`, `true`, text, an RFC 3339 date-time or an HTTP date
    /// (`Sun, 06 Nov 1994 08:49:37 GMT`) for `Date`, comma-separated items for arrays. Fields of the same name are
    /// read as one value, joined with commas.
    {{access}} func header<Value: Decodable>(_ name: String, as type: Value.Type) -> Value? {
        try? requiredHeader(name, as: type)
    }

    /// The header `name` read as `Value` (see ``header(_:as:)``); throws `APIError.invalidHeader` when the response
    /// has no such header or its value cannot be read as `Value`.
    {{access}} func requiredHeader<Value: Decodable>(_ name: String, as type: Value.Type) throws -> Value {
        let values = headers.values(for: name)
        guard !values.isEmpty else {
            throw APIError.invalidHeader(self, name: name, reason: "the header is missing")
        }
        let text = values.joined(separator: ", ")
        do {
            return try HeaderValueDecoder.decode(type, from: text)
        } catch {
            throw APIError.invalidHeader(self, name: name, reason: "cannot read '\(text)' as \(Value.self)")
        }
    }

    /// Reads one header value through `Decodable`: scalars from their text, arrays from comma-separated items.
    private struct HeaderValueDecoder: Decoder, SingleValueDecodingContainer {
        let text: String
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        static func decode<Value: Decodable>(_ type: Value.Type, from text: String) throws -> Value {
            let decoder = HeaderValueDecoder(text: text.trimmingCharacters(in: .whitespaces))
            let value: Any?
            switch type {
            case is Date.Type: value = JSONCoding.parseDate(decoder.text) ?? parseHTTPDate(decoder.text)
            case is URL.Type: value = URL(string: decoder.text)
            case is Data.Type: value = Data(base64Encoded: decoder.text)
            default: return try Value(from: decoder)
            }
            guard let result = value as? Value else { throw decoder.mismatch(type) }
            return result
        }

        /// An IMF-fixdate (RFC 9110): `Sun, 06 Nov 1994 08:49:37 GMT`.
        static func parseHTTPDate(_ text: String) -> Date? {
            let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
            let parts = text.split(separator: " ")
            guard parts.count == 6, parts[5] == "GMT", let day = Int(parts[1]), let year = Int(parts[3]),
                let month = months.firstIndex(of: String(parts[2])), let gmt = TimeZone(secondsFromGMT: 0)
            else { return nil }
            let time = parts[4].split(separator: ":").compactMap { Int($0) }
            guard time.count == 3 else { return nil }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = gmt
            let components = DateComponents(
                year: year, month: month + 1, day: day, hour: time[0], minute: time[1], second: time[2])
            guard components.isValidDate(in: calendar) else { return nil }
            return calendar.date(from: components)
        }

        func mismatch(_ type: Any.Type) -> DecodingError {
            DecodingError.typeMismatch(
                type, DecodingError.Context(codingPath: codingPath, debugDescription: "'\(text)' is not a \(type)"))
        }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            throw mismatch([String: String].self)
        }

        func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
            HeaderListContainer(items: text.isEmpty ? [] : text.split(separator: ",").map(String.init))
        }

        func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

        func decodeNil() -> Bool { false }
        func decode(_ type: Bool.Type) throws -> Bool {
            switch text.lowercased() {
            case "true": return true
            case "false": return false
            default: throw mismatch(type)
            }
        }
        func decode(_ type: String.Type) throws -> String { text }
        func decode(_ type: Double.Type) throws -> Double { try number(type) }
        func decode(_ type: Float.Type) throws -> Float { try number(type) }
        func decode(_ type: Int.Type) throws -> Int { try number(type) }
        func decode(_ type: Int8.Type) throws -> Int8 { try number(type) }
        func decode(_ type: Int16.Type) throws -> Int16 { try number(type) }
        func decode(_ type: Int32.Type) throws -> Int32 { try number(type) }
        func decode(_ type: Int64.Type) throws -> Int64 { try number(type) }
        func decode(_ type: UInt.Type) throws -> UInt { try number(type) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try number(type) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try number(type) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try number(type) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try number(type) }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try Self.decode(type, from: text) }

        func number<Value: LosslessStringConvertible>(_ type: Value.Type) throws -> Value {
            guard let value = Value(text) else { throw mismatch(type) }
            return value
        }
    }

    /// The items of a comma-separated header value.
    private struct HeaderListContainer: UnkeyedDecodingContainer {
        let items: [String]
        var codingPath: [any CodingKey] { [] }
        var count: Int? { items.count }
        var isAtEnd: Bool { currentIndex >= items.count }
        private(set) var currentIndex = 0

        init(items: [String]) {
            self.items = items
        }

        mutating func decodeNil() -> Bool { false }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            guard currentIndex < items.count else {
                throw DecodingError.valueNotFound(
                    type, DecodingError.Context(codingPath: codingPath, debugDescription: "no more items"))
            }
            let value = try HeaderValueDecoder.decode(type, from: items[currentIndex])
            currentIndex += 1
            return value
        }

        mutating func nestedContainer<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            throw unsupported()
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            throw unsupported()
        }

        mutating func superDecoder() throws -> any Decoder {
            throw unsupported()
        }

        func unsupported() -> DecodingError {
            DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: codingPath, debugDescription: "header items cannot be nested"))
        }
    }
}

"""#,
        "HTTPTransport.mustache": #"""
{{generatedHeader}}

import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends requests and returns responses: the one seam between the generated API and the network.
///
/// ``URLSessionTransport`` is the default. Implement this protocol to use another HTTP client, or to answer
/// requests in tests without a server; for logging, retries or caching around the transport, an ``APIMiddleware``
/// is simpler.
{{access}} nonisolated protocol HTTPTransport: Sendable {
    /// Sends `request` to the server at `baseURL` and returns the response, whatever its status.
    ///
    /// Throw only when no response was received (the connection failed, the request timed out). Keep to
    /// `request.maxResponseBytes` while receiving if you can (the client checks it again afterwards), and stop
    /// when the task is cancelled.
    func send(_ request: HTTPRequest, baseURL: URL) async throws -> HTTPResponse
{{#hasStreams}}

    /// Sends `request` like `send(_:baseURL:)`, but returns once the status and headers have arrived, with the body
    /// still arriving. The default reads the whole body with `send(_:baseURL:)` first; `URLSessionTransport` streams.
    func stream(_ request: HTTPRequest, baseURL: URL) async throws -> HTTPStreamingResponse
{{/hasStreams}}
}

/// A transport that sends requests with `URLSession`.
///
/// It keeps to `request.maxResponseBytes` as the body arrives, cancelling the transfer once the body passes it (at
/// once when `Content-Length` announces more), and cancels the transfer when the calling task is cancelled. A
/// `URLError` it throws for a request that carries an API key in its query names the URL in its description only,
/// with the key `<redacted>`.
{{access}} nonisolated struct URLSessionTransport: HTTPTransport {
    /// The session requests go through.
    {{access}} var session: URLSession

    /// Creates a transport on `session` (the shared session unless you give one).
    {{access}} init(session: URLSession = .shared) {
        self.session = session
    }

    {{access}} func send(_ request: HTTPRequest, baseURL: URL) async throws -> HTTPResponse {
        let urlRequest = try urlRequest(for: request, baseURL: baseURL)
        do {
            let (data, response) = try await receive(urlRequest, maxBytes: request.maxResponseBytes)
            guard let http = response as? HTTPURLResponse else {
                throw APIError.invalidResponse("the response to \(request) is not an HTTP response")
            }
            return HTTPResponse(statusCode: http.statusCode, headers: HTTPHeaders(http), body: data)
        } catch {
            throw redacting(error, of: request, url: urlRequest.url)
        }
    }

    /// The body and response of `urlRequest`, the body within `maxBytes`: all of ``send(_:baseURL:)`` that differs
    /// between platforms. What to refuse and when is ``ResponseSizeLimit``'s, on both.
    private func receive(_ urlRequest: URLRequest, maxBytes: Int?) async throws -> (Data, URLResponse) {
        #if canImport(FoundationNetworking)
        // swift-corelibs-foundation has no `bytes(for:)`. It tells a task delegate of each chunk (shortly after it
        // has received it): the delegate cancels the transfer once the body passes the limit.
        let sizeGuard = maxBytes.map { ResponseSizeGuard(ResponseSizeLimit($0)) }
        let received: (Data, URLResponse)
        do {
            received = try await session.data(for: urlRequest, delegate: sizeGuard)
        } catch {
            throw sizeGuard?.exceeded ?? error
        }
        // The chunk that passes the limit may be the last, which the cancel comes too late for.
        if let exceeded = sizeGuard?.exceeded { throw exceeded }
        return received
        #else
        let (bytes, response) = try await session.bytes(for: urlRequest)
        let length = response.expectedContentLength
        let body = try await Self.readBody(bytes, expectedLength: length, maxBytes: maxBytes) { bytes.task.cancel() }
        return (body, response)
        #endif
    }

    /// Reads `bytes` whole, within `maxBytes`: the body of `URLSession.bytes(for:)` on Apple platforms, read
    /// byte by byte, never past the limit. A body whose `expectedLength` (its `Content-Length`; -1 when not
    /// announced) is over the limit is refused before its first byte, and one that turns out longer as soon as it
    /// passes the limit; either way `cancel` stops the transfer before ``APIError/responseTooLarge(limit:)`` is
    /// thrown. Generic over the sequence of bytes, so that it runs (and is tested) on every platform.
    static func readBody<Bytes: AsyncSequence>(
        _ bytes: Bytes, expectedLength: Int64, maxBytes: Int?, cancel: () -> Void
    ) async throws -> Data where Bytes.Element == UInt8 {
        var limit = ResponseSizeLimit(maxBytes)
        guard limit.allows(announced: expectedLength) else {
            cancel()
            throw limit.error
        }
        var body = Data()
        body.reserveCapacity(Int(max(0, min(expectedLength, Int64(maxBytes ?? 1 << 20)))))
        for try await byte in bytes {
            guard limit.allows(receiving: 1) else {
                cancel()
                throw limit.error
            }
            body.append(byte)
        }
        return body
    }

    /// The `URLRequest` for `request`. With a timeout, `URLSession`'s own (the longest wait for a byte) is set a
    /// second beyond it, so that the client's timeout ends a stalled attempt, and a timeout longer than
    /// `URLSession`'s default 60 s is not cut short.
    func urlRequest(for request: HTTPRequest, baseURL: URL) throws -> URLRequest {
        var urlRequest = URLRequest(url: try request.url(relativeTo: baseURL))
        urlRequest.httpMethod = request.method
        for field in request.headers {
            urlRequest.addValue(field.value, forHTTPHeaderField: field.name)
        }
        urlRequest.httpBody = request.body
        if let timeout = request.timeout {
            let (seconds, attoseconds) = timeout.components
            urlRequest.timeoutInterval = Double(seconds) + Double(attoseconds) / 1e18 + 1
        }
        return urlRequest
    }

    /// `error`, or, for a `URLError` of a request with an API key in its query (or a password in its URL), an
    /// error of the same code whose description names the URL with the key `<redacted>`, and that has no failing
    /// URL.
    func redacting(_ error: any Error, of request: HTTPRequest, url: URL?) -> any Error {
        guard let urlError = error as? URLError, let url, !request.secretQueryNames.isEmpty || url.password != nil
        else { return error }
        let description = "\(urlError.localizedDescription) (\(request.redacted(url)))"
        return URLError(urlError.code, userInfo: [NSLocalizedDescriptionKey: description])
    }
}

nonisolated extension HTTPHeaders {
    /// The header fields of `response`.
    init(_ response: HTTPURLResponse) {
        self.init()
        for (name, value) in response.allHeaderFields {
            if let name = name as? String, let value = value as? String {
                add(name: name, value: value)
            }
        }
    }
}

/// How much of a response body may be read into memory (`request.maxResponseBytes`), and how much has been: the
/// one place that decides when a body is too large, for `URLSessionTransport` on every platform, for a streamed
/// body read whole, and for the client's check of what other transports return.
nonisolated struct ResponseSizeLimit: Sendable {
    /// The most bytes the body may have; `nil`: no limit.
    let maxBytes: Int?
    /// The bytes received so far.
    private(set) var received = 0

    init(_ maxBytes: Int?) {
        self.maxBytes = maxBytes
    }

    /// Whether a body whose `Content-Length` is `expectedLength` (-1 when not announced) may be read at all.
    func allows(announced expectedLength: Int64) -> Bool {
        guard let maxBytes else { return true }
        return expectedLength <= Int64(maxBytes)
    }

    /// Counts `count` more bytes received, and tells whether the body is still within the limit.
    mutating func allows(receiving count: Int) -> Bool {
        let (sum, overflow) = received.addingReportingOverflow(count)
        received = overflow ? Int.max : sum
        guard let maxBytes else { return true }
        return received <= maxBytes
    }

    /// The error for a body past the limit.
    var error: APIError { .responseTooLarge(limit: maxBytes ?? Int.max) }
}

#if canImport(FoundationNetworking)
/// Keeps a data task to a ``ResponseSizeLimit``: cancels it once its body passes the limit, as the bytes arrive, or
/// at once when its `Content-Length` announces more.
private nonisolated final class ResponseSizeGuard: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private var limit: ResponseSizeLimit
    private var tripped = false

    init(_ limit: ResponseSizeLimit) {
        self.limit = limit
        super.init()
    }

    /// The error to throw when the guard cancelled the task.
    var exceeded: APIError? { lock.withLock { tripped ? limit.error : nil } }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        let allowed = lock.withLock { limit.allows(announced: response.expectedContentLength) }
        if !allowed { trip(dataTask) }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let allowed = lock.withLock { limit.allows(receiving: data.count) }
        if !allowed { trip(dataTask) }
    }

    private func trip(_ task: URLSessionDataTask) {
        lock.withLock { tripped = true }
        task.cancel()
    }
}
#endif

"""#,
        "JSONCoding.mustache": #"""
{{generatedHeader}}

import Foundation

/// JSON as the API speaks it: `date-time` values as RFC 3339 text, written as precisely as they were read,
/// `date` values as `CalendarDate`, binary values as base64.
{{access}} nonisolated enum JSONCoding {
    /// An encoder for request bodies.
    {{access}} static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(format(date))
        }
        return encoder
    }

    /// A decoder for response bodies.
    {{access}} static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = parseDate(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "'\(text)' is not an RFC 3339 date-time")
            }
            return date
        }
        return decoder
    }

    /// `date` as RFC 3339 in UTC, with the fewest fraction digits, up to six, that read back as the same `Date`:
    /// `2024-01-02T03:04:05Z`, `…05.1Z`, `…05.123456Z`. A decoded date is written as precisely as it was given.
    /// A date that needs more digits is rounded to the microsecond; one outside the years 0000 to 9999 is written
    /// as the nearest date inside them.
    {{access}} static func format(_ date: Date) -> String {
        let given = date.timeIntervalSinceReferenceDate
        let interval = given.isNaN ? 0 : min(max(given, earliest), latest)
        var seconds = Int(interval.rounded(.down))
        var digits = 0
        var fraction = 0
        while true {
            fraction = Int(((interval - Double(seconds)) * powersOfTen[digits]).rounded())
            if digits == 6 || time(seconds: seconds, fraction: fraction, digits: digits) == interval { break }
            digits += 1
        }
        // Rounded to six digits: drop trailing zeros, and carry a whole second.
        while digits > 0, fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        if digits == 0 {
            seconds += fraction
        }
        var (days, second) = (seconds + secondsFrom1970To2001).quotientAndRemainder(dividingBy: 86_400)
        if second < 0 {
            days -= 1
            second += 86_400
        }
        let day = CalendarDate(daysSince1970: days)
        var text: [UInt8] = []
        text.reserveCapacity(27)
        func append(_ value: Int, digits: Int, after separator: Unicode.Scalar? = nil) {
            if let separator { text.append(UInt8(ascii: separator)) }
            var divisor = 1
            for _ in 1..<digits { divisor *= 10 }
            while divisor > 0 {
                text.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
                divisor /= 10
            }
        }
        append(day.year, digits: 4)
        append(day.month, digits: 2, after: "-")
        append(day.day, digits: 2, after: "-")
        append(second / 3_600, digits: 2, after: "T")
        append(second / 60 % 60, digits: 2, after: ":")
        append(second % 60, digits: 2, after: ":")
        if digits > 0 { append(fraction, digits: digits, after: ".") }
        text.append(UInt8(ascii: "Z"))
        return String(decoding: text, as: UTF8.self)
    }

    /// Parses RFC 3339 date-time text (`2024-01-02T03:04:05Z`): any number of fraction digits, kept as far as
    /// `Date` can hold them; `T` and `Z` in either case; an offset `+01:00` (or `+0100`). `nil` for anything else,
    /// and for times that do not exist: February 30, hour 24, minute 60. Second 60, a leap second (after minute
    /// 59 only), is read as the first second of the next minute: `Date` does not count leap seconds.
    {{access}} static func parseDate(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        func number(_ start: Int, _ count: Int) -> Int? {
            var value = 0
            for byte in bytes[start..<start + count] {
                guard let digit = decimalDigit(byte) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard bytes.count >= 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes[10] | 0x20 == UInt8(ascii: "t"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
            let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
            (1...12).contains(month), day >= 1, day <= CalendarDate.days(inMonth: month, year: year),
            hour < 24, minute < 60, second < 60 || (second == 60 && minute == 59)
        else { return nil }
        var end = 19
        var fraction = 0
        var digits = 0
        if bytes[end] == UInt8(ascii: ".") {
            end += 1
            while end < bytes.count, let digit = decimalDigit(bytes[end]) {
                if digits < 18 {
                    fraction = fraction * 10 + digit
                    digits += 1
                }
                end += 1
            }
            guard end > 20 else { return nil }
        }
        var offset = 0
        if bytes.count != end + 1 || bytes[end] | 0x20 != UInt8(ascii: "z") {
            let colon = bytes.count == end + 6 ? 1 : 0
            guard bytes.count == end + 5 + colon, bytes[end] == UInt8(ascii: "+") || bytes[end] == UInt8(ascii: "-"),
                colon == 0 || bytes[end + 3] == UInt8(ascii: ":"),
                let hours = number(end + 1, 2), let minutes = number(end + 3 + colon, 2), hours < 24, minutes < 60
            else { return nil }
            offset = (hours * 3_600 + minutes * 60) * (bytes[end] == UInt8(ascii: "-") ? -1 : 1)
        }
        let days = CalendarDate(year: year, month: month, day: day).daysSince1970
        let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second - offset - secondsFrom1970To2001
        return Date(timeIntervalSinceReferenceDate: time(seconds: seconds, fraction: fraction, digits: digits))
    }

    /// The time since 2001 of `seconds` and a fraction of `digits` decimal digits: the one computation that
    /// `parseDate` and `format` share, so a formatted date reads back exactly.
    private static func time(seconds: Int, fraction: Int, digits: Int) -> TimeInterval {
        let scale = powersOfTen[digits]
        // Within 285 years of 2001 a `Double` holds the microseconds exactly: one rounding, to the `Date` nearest
        // the text. Further out, or with more digits, the seconds and the fraction are added.
        if digits <= 6, abs(seconds) < 9_000_000_000 {
            return Double(seconds * Int(scale) + fraction) / scale
        }
        return Double(seconds) + Double(fraction) / scale
    }

    private static func decimalDigit(_ byte: UInt8) -> Int? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
    }

    private static let powersOfTen: [Double] = [
        1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
    ]
    private static let secondsFrom1970To2001 = 978_307_200
    /// 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z, RFC 3339's first and last seconds, since 2001.
    private static let earliest = Double(
        CalendarDate(year: 0, month: 1, day: 1).daysSince1970 * 86_400 - secondsFrom1970To2001)
    private static let latest = Double(
        CalendarDate(year: 10_000, month: 1, day: 1).daysSince1970 * 86_400 - 1 - secondsFrom1970To2001)
}

"""#,
        "JSONValue.mustache": #"""
{{generatedHeader}}

import Foundation

/// Any JSON value, for schemas that allow any value (`{}`), free-form objects, and extra properties.
{{access}} nonisolated enum JSONValue: Sendable, Hashable, Codable, CustomStringConvertible {
    case null
    case bool(Bool)
    /// A number without a fraction or exponent that fits in 64 bits.
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    {{access}} init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    {{access}} func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        // An object's members are written into the encoder itself, so they can join those of an object that holds
        // the value among its own (a discriminated union's undocumented case).
        case .object(let value): try value.encode(to: encoder)
        }
    }

    {{access}} var description: String {
        switch self {
        case .null: "null"
        case .bool(let value): String(value)
        case .integer(let value): String(value)
        case .number(let value): String(value)
        case .string(let value): "\"\(value)\""
        case .array(let values): "[" + values.map(\.description).joined(separator: ", ") + "]"
        case .object(let members):
            "{" + members.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ") + "}"
        }
    }
}

/// A JSON object's key: every model codes its properties with it (`container.decode(String.self, "node_id")`), and
/// its additional properties. One key type for all models, rather than a `CodingKeys` enum in each, whose synthesized
/// conformances were a sixth of the compiled models' code.
{{access}} nonisolated struct AnyCodingKey: CodingKey, Sendable, Hashable, ExpressibleByStringLiteral {
    {{access}} var stringValue: String
    {{access}} var intValue: Int?

    {{access}} init(_ string: String) {
        self.stringValue = string
        self.intValue = nil
    }

    {{access}} init?(stringValue: String) {
        self.init(stringValue)
    }

    {{access}} init(stringLiteral value: String) {
        self.init(value)
    }

    {{access}} init?(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
}

/// The calls a model makes for each of its members: `try container.decode(String.self, "node_id")` rather than
/// `forKey: "node_id"`, which builds and destroys an `AnyCodingKey` at every call site: a third less compiled
/// code in `init(from:)` and `encode(to:)`; optimized builds inline these. The types the coders have fast paths for
/// (`String`, `Int`, `Bool`, `Double`, `Int32`, `Int64`, `Float`) have overloads of their own, so that they keep them.
nonisolated extension KeyedDecodingContainer where Key == AnyCodingKey {
    func decode(_ type: String.Type, _ key: String) throws -> String {
        try decode(type, forKey: AnyCodingKey(key))
    }

    func decodeIfPresent(_ type: String.Type, _ key: String) throws -> String? {
        try decodeIfPresent(type, forKey: AnyCodingKey(key))
    }

    func decode(_ type: Int.Type, _ key: String) throws -> Int {
        try decode(type, forKey: AnyCodingKey(key))
    }

    func decodeIfPresent(_ type: Int.Type, _ key: String) throws -> Int? {
        try decodeIfPresent(type, forKey: AnyCodingKey(key))
    }

    func decode(_ type: Bool.Type, _ key: String) throws -> Bool {
        try decode(type, forKey: AnyCodingKey(key))
    }

    func decodeIfPresent(_ type: Bool.Type, _ key: String) throws -> Bool? {
        try decodeIfPresent(type, forKey: AnyCodingKey(key))
    }

    func decode(_ type: Double.Type, _ key: String) throws -> Double {
        try decode(type, forKey: AnyCodingKey(key))
    }

    func decodeIfPresent(_ type: Double.Type, _ key: String) throws -> Double? {
        try decodeIfPresent(type, forKey: AnyCodingKey(key))
    }

    func decode(_ type: Int32.Type, _ key: String) throws -> Int32 {
        try decode(type, forKey: AnyCodingKey(key))
    }

    func decodeIfPresent(_ type: Int32.Type, _ key: String) throws -> Int32? {
        try decodeIfPresent(type, forKey: AnyCodingKey(key))
    }

    func decode(_ type: Int64.Type, _ key: String) throws -> Int64 {
        try decode(type, forKey: AnyCodingKey(key))
    }

    func decodeIfPresent(_ type: Int64.Type, _ key: String) throws -> Int64? {
        try decodeIfPresent(type, forKey: AnyCodingKey(key))
    }

    func decode(_ type: Float.Type, _ key: String) throws -> Float {
        try decode(type, forKey: AnyCodingKey(key))
    }

    func decodeIfPresent(_ type: Float.Type, _ key: String) throws -> Float? {
        try decodeIfPresent(type, forKey: AnyCodingKey(key))
    }

    func decode<T: Decodable>(_ type: T.Type, _ key: String) throws -> T {
        try decode(type, forKey: AnyCodingKey(key))
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, _ key: String) throws -> T? {
        try decodeIfPresent(type, forKey: AnyCodingKey(key))
    }
}

/// The encoding side of the calls above: `try container.encode(self.nodeId, "node_id")`.
nonisolated extension KeyedEncodingContainer where Key == AnyCodingKey {
    mutating func encode(_ value: String, _ key: String) throws {
        try encode(value, forKey: AnyCodingKey(key))
    }

    mutating func encodeIfPresent(_ value: String?, _ key: String) throws {
        try encodeIfPresent(value, forKey: AnyCodingKey(key))
    }

    mutating func encode(_ value: Int, _ key: String) throws {
        try encode(value, forKey: AnyCodingKey(key))
    }

    mutating func encodeIfPresent(_ value: Int?, _ key: String) throws {
        try encodeIfPresent(value, forKey: AnyCodingKey(key))
    }

    mutating func encode(_ value: Bool, _ key: String) throws {
        try encode(value, forKey: AnyCodingKey(key))
    }

    mutating func encodeIfPresent(_ value: Bool?, _ key: String) throws {
        try encodeIfPresent(value, forKey: AnyCodingKey(key))
    }

    mutating func encode(_ value: Double, _ key: String) throws {
        try encode(value, forKey: AnyCodingKey(key))
    }

    mutating func encodeIfPresent(_ value: Double?, _ key: String) throws {
        try encodeIfPresent(value, forKey: AnyCodingKey(key))
    }

    mutating func encode(_ value: Int32, _ key: String) throws {
        try encode(value, forKey: AnyCodingKey(key))
    }

    mutating func encodeIfPresent(_ value: Int32?, _ key: String) throws {
        try encodeIfPresent(value, forKey: AnyCodingKey(key))
    }

    mutating func encode(_ value: Int64, _ key: String) throws {
        try encode(value, forKey: AnyCodingKey(key))
    }

    mutating func encodeIfPresent(_ value: Int64?, _ key: String) throws {
        try encodeIfPresent(value, forKey: AnyCodingKey(key))
    }

    mutating func encode(_ value: Float, _ key: String) throws {
        try encode(value, forKey: AnyCodingKey(key))
    }

    mutating func encodeIfPresent(_ value: Float?, _ key: String) throws {
        try encodeIfPresent(value, forKey: AnyCodingKey(key))
    }

    mutating func encode<T: Encodable>(_ value: T, _ key: String) throws {
        try encode(value, forKey: AnyCodingKey(key))
    }

    mutating func encodeIfPresent<T: Encodable>(_ value: T?, _ key: String) throws {
        try encodeIfPresent(value, forKey: AnyCodingKey(key))
    }
}

/// A value stored on the heap, which never changes: how a struct holds its members that are structs and unions, so
/// that a struct can hold its own type, and copying one copies a reference rather than every field inside it.
{{access}} nonisolated final class Indirect<Value: Hashable & Sendable>: Hashable, Sendable {
    {{access}} let value: Value

    {{access}} init(_ value: Value) {
        self.value = value
    }

    {{access}} static func == (lhs: Indirect, rhs: Indirect) -> Bool {
        lhs === rhs || lhs.value == rhs.value
    }

    {{access}} func hash(into hasher: inout Hasher) {
        hasher.combine(value)
    }
}

"""#,
        "Middleware.mustache": #"""
{{generatedHeader}}

import Foundation

/// Code that runs around every request a client sends: to add or change headers, log, measure, answer from a
/// cache, replace responses, or send a request again (after refreshing an expired token, say). The client's
/// ``APIClient/Configuration-swift.struct/middlewares`` run first to last, each around the ones after it.
///
/// ```swift
/// struct Logging: APIMiddleware {
///     func intercept(
///         _ request: HTTPRequest, next: (HTTPRequest) async throws -> HTTPResponse
///     ) async throws -> HTTPResponse {
///         print(request)  // GET /pools/7; credentials are <redacted> in every description
///         let response = try await next(request)
///         print(response)  // HTTP 200 (application/json): {…}
///         return response
///     }
/// }
/// ```
{{access}} nonisolated protocol APIMiddleware: Sendable {
    /// Passes `request` on with `next`, as it is or changed, and returns the response `next` returns, or another.
    /// `next` may be called more than once (to send the request again) or not at all.
    ///
    /// The request already has the configured headers, credentials, timeout and size limit. Retries
    /// (``APIClient/Configuration-swift.struct/retry``) happen inside `next`, so a middleware sees one response
    /// per call. For a body read as it arrives (the `…Streaming` methods), the response has the status and
    /// headers and an empty body; the body goes on to the caller when the middleware returns that response as it
    /// is (a changed or another response comes with its own body instead).
    func intercept(
        _ request: HTTPRequest, next: (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse
}
{{#hasBearerSchemes}}

/// A bearer token that a client's requests share, refreshed once however many of them the server refuses at the
/// same time: a middleware, and through ``credential`` the credential of the bearer scheme.
///
/// ```swift
/// let tokens = BearerTokenRefresher(accessToken: saved.access, refreshToken: saved.refresh) { refreshToken in
///     let token = try await AuthApi(client: client).refresh(refreshToken: refreshToken)
///     return (access: token.accessToken, refresh: token.refreshToken)  // keep them, if they outlive the app, here
/// }
/// configuration.credentials[SecurityScheme.bearer.name] = tokens.credential
/// configuration.middlewares.append(tokens)
/// ```
///
/// A request that gets `401` with the current token starts a refresh, and is sent once more with the new token (a
/// second `401` is the answer). Requests refused while the refresh is under way wait for it instead of starting
/// another, one refused with the token the last refresh replaced is sent again with the new one, and requests that
/// start during the refresh wait for it and send the new token. When the refresh throws, the requests waiting for
/// it throw its error, and the next `401` tries again. A `401` to a request with another bearer token (another
/// scheme's) is the answer. The refresh may send its request through the same client: it is passed through,
/// neither refreshed nor waiting for itself.
{{access}} actor BearerTokenRefresher: APIMiddleware, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// Gets new tokens with the refresh token (`nil` when there is none): the access token, and the refresh token
    /// to use next time (`nil` keeps the one there is).
    {{access}} typealias Refresh = @Sendable (_ refreshToken: String?) async throws -> (
        access: String, refresh: String?
    )

    private var accessToken: String
    /// The access token the last refresh replaced, which requests sent before it may still carry.
    private var replacedToken: String?
    private var refreshToken: String?
    private let refresh: Refresh
    /// The refresh under way, which the requests that need a new token wait for.
    private var refreshing: Task<String, any Error>?
    /// Whether the current task is a refresh.
    @TaskLocal private nonisolated static var isRefreshing = false

    /// Starts with `accessToken` and `refreshToken`, and gets new ones with `refresh`.
    {{access}} init(accessToken: String, refreshToken: String? = nil, refresh: @escaping Refresh) {
        self.accessToken = accessToken
        self.refreshToken = refreshToken
        self.refresh = refresh
    }

    /// The credential for `configuration.credentials`: ``currentToken()``, asked for on every request.
    {{access}} nonisolated var credential: Credential {
        .provider { try await self.currentToken() }
    }

    /// The access token to send: the current one, or the one the refresh under way gets (or its error).
    {{access}} func currentToken() async throws -> String {
        if let refreshing, !Self.isRefreshing { return try await refreshing.value }
        return accessToken
    }

    {{access}} nonisolated func intercept(
        _ request: HTTPRequest, next: (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        let response = try await next(request)
        guard response.statusCode == 401, !Self.isRefreshing, let sent = Self.bearerToken(of: request) else {
            return response
        }
        guard let token = try await token(replacing: sent) else { return response }
        var retried = request
        try retried.setHeader("Authorization", "Bearer \(token)")
        return try await next(retried)
    }

    /// The token to send instead of `sent`, which the server refused: the one the refresh under way gets; the
    /// current one, when it has just replaced `sent`; else the one a new refresh gets. `nil` when `sent` is not
    /// this refresher's (another scheme's, or one it replaced before the last).
    private func token(replacing sent: String) async throws -> String? {
        guard sent == accessToken || sent == replacedToken else { return nil }
        if let refreshing { return try await refreshing.value }
        guard sent == accessToken else { return accessToken }
        let refresh = refresh
        let refreshToken = refreshToken
        let task = Task {
            defer { refreshing = nil }
            let tokens = try await Self.$isRefreshing.withValue(true) { try await refresh(refreshToken) }
            replacedToken = accessToken
            accessToken = tokens.access
            if let next = tokens.refresh { self.refreshToken = next }
            return tokens.access
        }
        refreshing = task
        return try await task.value
    }

    /// The token of the request's `Authorization: Bearer …` header.
    private nonisolated static func bearerToken(of request: HTTPRequest) -> String? {
        guard let value = request.headers["Authorization"], value.hasPrefix("Bearer ") else { return nil }
        return String(value.dropFirst("Bearer ".count))
    }

    {{access}} nonisolated var description: String { "BearerTokenRefresher(\(Redaction.placeholder))" }

    {{access}} nonisolated var debugDescription: String { description }

    {{access}} nonisolated var customMirror: Mirror {
        Mirror(self, children: [], displayStyle: .class)
    }
}
{{/hasBearerSchemes}}

"""#,
        "MultipartBody.mustache": #"""
{{generatedHeader}}

import Foundation

/// A file sent as a part of a multipart body: its bytes, the file name the server sees and its media type. The
/// bytes are held in memory.
{{access}} nonisolated struct MultipartFile: Sendable, Hashable {
    /// The file's content.
    {{access}} var data: Data
    /// The part's `filename`; when `nil`, the part's name is sent (servers tell files from fields by it).
    {{access}} var filename: String?
    /// The part's `Content-Type`; when `nil`, the one the API description gives for the part, else
    /// `application/octet-stream`.
    {{access}} var contentType: String?

    {{access}} init(data: Data, filename: String? = nil, contentType: String? = nil) {
        self.data = data
        self.filename = filename
        self.contentType = contentType
    }
}

/// A `multipart/form-data` body (RFC 7578), built part by part: text values, JSON values and files, each part
/// named, arrays as one part per item under the same name.
///
/// Parts are separated by a boundary (RFC 2046), random unless one is given; a part that contains it is refused.
/// Quotes and line breaks in names and file names are percent-encoded (`%22`, `%0D`, `%0A`), as browsers do.
{{access}} nonisolated struct MultipartBody: Sendable, Hashable {
    /// One part: its name, its headers and its bytes.
    {{access}} struct Part: Sendable, Hashable {
        /// The part's name (`Content-Disposition: form-data; name="…"`).
        {{access}} var name: String
        /// The file name, for a file.
        {{access}} var filename: String?
        /// The part's `Content-Type`; none means `text/plain`.
        {{access}} var contentType: String?
        /// More headers of the part.
        {{access}} var headers: [String: String]
        {{access}} var data: Data

        {{access}} init(
            name: String, filename: String? = nil, contentType: String? = nil, headers: [String: String] = [:],
            data: Data
        ) {
            self.name = name
            self.filename = filename
            self.contentType = contentType
            self.headers = headers
            self.data = data
        }
    }

    /// The media type, `multipart/form-data`.
    {{access}} let mediaType: String
    /// The boundary between the parts.
    {{access}} let boundary: String
    /// The parts in order.
    {{access}} private(set) var parts: [Part] = []

    /// An empty body with a random boundary.
    {{access}} init(mediaType: String = "multipart/form-data") {
        let digits = Array("0123456789abcdef")
        self.mediaType = mediaType
        self.boundary = "bindery-" + String((0..<32).map { _ in digits[Int.random(in: 0..<16)] })
    }

    /// An empty body with the given boundary: 1 to 70 letters, digits and `'()+_,-./:=?` or spaces, not ending in a
    /// space (RFC 2046).
    {{access}} init(mediaType: String = "multipart/form-data", boundary: String) throws {
        let allowed = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'()+_,-./:=? ".unicodeScalars)
        guard (1...70).contains(boundary.unicodeScalars.count), !boundary.hasSuffix(" "),
            boundary.unicodeScalars.allSatisfy(allowed.contains)
        else {
            throw APIError.invalidRequest("'\(boundary)' is not a valid multipart boundary")
        }
        self.mediaType = mediaType
        self.boundary = boundary
    }

    /// The `Content-Type` of the body, with its boundary: `multipart/form-data; boundary=…`.
    {{access}} var contentType: String {
        let isToken = boundary.unicodeScalars.allSatisfy { !"()<>@,;:\\\"/[]?= ".unicodeScalars.contains($0) }
        return mediaType + "; boundary=" + (isToken ? boundary : "\"" + boundary + "\"")
    }

    /// Adds a text part: strings as they are, numbers and booleans as JSON writes them, enums as their raw value,
    /// dates as RFC 3339, data as base64. Nothing for `nil`. Without a `contentType` the part has none, which
    /// means `text/plain`. A value that is not text (an object, a list) is sent as JSON, `application/json` unless
    /// `contentType` says otherwise.
    {{access}} mutating func add(
        _ name: String, _ value: (some Encodable)?, contentType: String? = nil, headers: [String: String] = [:]
    ) throws {
        guard let value, let node = try HTTPRequest.node(name, value) else { return }
        guard case .text(let text) = node else {
            try add(name, json: value, contentType: contentType ?? "application/json", headers: headers)
            return
        }
        try append(Part(name: name, contentType: contentType, headers: headers, data: Data(text.utf8)))
    }

    /// Adds a text part per item, all named `name`; nothing for `nil`.
    {{access}} mutating func add<Element: Encodable>(
        _ name: String, _ values: [Element]?, contentType: String? = nil, headers: [String: String] = [:]
    ) throws {
        for value in values ?? [] { try add(name, value, contentType: contentType, headers: headers) }
    }

    /// Adds a part with `value` encoded as JSON; nothing for `nil`.
    {{access}} mutating func add(
        _ name: String, json value: (some Encodable)?, contentType: String = "application/json",
        headers: [String: String] = [:]
    ) throws {
        guard let value else { return }
        try append(Part(name: name, contentType: contentType, headers: headers, data: try Self.json(name, value)))
    }

    /// Adds a JSON part per item, all named `name`; nothing for `nil`.
    {{access}} mutating func add<Element: Encodable>(
        _ name: String, json values: [Element]?, contentType: String = "application/json",
        headers: [String: String] = [:]
    ) throws {
        for value in values ?? [] { try add(name, json: value, contentType: contentType, headers: headers) }
    }

    /// Adds a file part: the file's name and `Content-Type` (else `contentType`, else `application/octet-stream`);
    /// nothing for `nil`.
    {{access}} mutating func add(
        _ name: String, file: MultipartFile?, contentType: String? = nil, headers: [String: String] = [:]
    ) throws {
        guard let file else { return }
        try append(
            Part(
                name: name, filename: file.filename ?? name,
                contentType: file.contentType ?? contentType ?? "application/octet-stream", headers: headers,
                data: file.data
            )
        )
    }

    /// Adds a file part per file, all named `name`; nothing for `nil`.
    {{access}} mutating func add(
        _ name: String, files: [MultipartFile]?, contentType: String? = nil, headers: [String: String] = [:]
    ) throws {
        for file in files ?? [] { try add(name, file: file, contentType: contentType, headers: headers) }
    }

    /// Adds a part as it is, after checking its headers and that it does not contain the boundary.
    {{access}} mutating func append(_ part: Part) throws {
        try Self.checkHeaders(of: part)
        guard part.data.range(of: Data(("--" + boundary).utf8)) == nil else {
            throw APIError.invalidRequest("part '\(part.name)' contains the multipart boundary")
        }
        parts.append(part)
    }

    /// Sets a header (style `simple`, as header parameters are written) on every part named `part` added so far;
    /// nothing for `nil`, or when no part of that name was added. A value with a line break is refused.
    {{access}} mutating func setHeader(
        _ name: String, _ value: (some Encodable)?, explode: Bool = false, forPart part: String
    ) throws {
        guard let value, let node = try HTTPRequest.node(name, value) else { return }
        let text = ParameterWriter.headerText(node, explode: explode)
        for index in parts.indices where parts[index].name == part {
            var updated = parts[index]
            updated.headers[name] = text
            try Self.checkHeaders(of: updated)
            parts[index] = updated
        }
    }

    /// Checks that a part's header names are valid and that no header has a line break.
    static func checkHeaders(of part: Part) throws {
        let values = [part.contentType ?? ""] + part.headers.keys + part.headers.values
        guard values.allSatisfy({ !$0.unicodeScalars.contains { $0 == "\r" || $0 == "\n" } }) else {
            throw APIError.invalidRequest("a header of part '\(part.name)' has a line break")
        }
        guard part.headers.keys.allSatisfy({ !$0.isEmpty && !$0.contains(":") }) else {
            throw APIError.invalidRequest("part '\(part.name)' has a header without a valid name")
        }
    }

    /// The encoded body: each part after `--boundary` and its headers, CRLF line endings, then `--boundary--`.
    {{access}} var encoded: Data {
        var data = Data()
        for part in parts {
            var head = "--" + boundary + "\r\n"
            head += "Content-Disposition: form-data; name=\"" + Self.quoted(part.name) + "\""
            if let filename = part.filename { head += "; filename=\"" + Self.quoted(filename) + "\"" }
            head += "\r\n"
            if let contentType = part.contentType { head += "Content-Type: " + contentType + "\r\n" }
            for (name, value) in part.headers.sorted(by: { $0.key < $1.key }) { head += name + ": " + value + "\r\n" }
            head += "\r\n"
            data.append(Data(head.utf8))
            data.append(part.data)
            data.append(Data("\r\n".utf8))
        }
        data.append(Data(("--" + boundary + "--\r\n").utf8))
        return data
    }

    /// A name or file name for a quoted `Content-Disposition` parameter: `"`, CR and LF percent-encoded, as the
    /// HTML standard writes them.
    static func quoted(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "%22"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func json(_ name: String, _ value: some Encodable) throws -> Data {
        do {
            return try JSONCoding.makeEncoder().encode(value)
        } catch {
            throw APIError.invalidRequest("cannot encode part '\(name)': \(error)")
        }
    }
}

nonisolated extension HTTPRequest {
    /// Sets the body to a multipart body, with its `Content-Type` and boundary.
    {{access}} mutating func setBody(_ multipart: MultipartBody) {
        setBody(multipart.encoded, contentType: multipart.contentType)
    }
}

"""#,
        "Package.swift.mustache": #"""
// swift-tools-version: 6.1
{{generatedHeader}}

import PackageDescription

let package = Package(
    name: "{{moduleName}}",
    platforms: [.macOS(.v13), .iOS(.v16), .tvOS(.v16), .watchOS(.v9)],
    products: [
        .library(name: "{{moduleName}}", targets: ["{{moduleName}}"])
    ],
    targets: [
        .target(name: "{{moduleName}}")
    ]
)

"""#,
        "ParameterEncoding.mustache": #"""
{{generatedHeader}}

import Foundation

/// How a parameter's value is written in a path, query, header, cookie or form field: OpenAPI's `style`, plus
/// Swagger 2.0's tab-separated `collectionFormat: tsv`.
{{access}} nonisolated enum ParameterStyle: String, Sendable, Hashable {
    case simple, label, matrix, form, spaceDelimited, pipeDelimited, tabDelimited, deepObject
}

/// A parameter's value before a style writes it: text, a list, or named members (a `Codable` value's shape).
nonisolated enum ParameterNode: Sendable, Hashable {
    case text(String)
    case list([ParameterNode])
    case members([Member])

    struct Member: Sendable, Hashable {
        var name: String
        var value: ParameterNode
    }

    /// The node for `value`, or `nil` when it is `nil` or encodes nothing. Dates are RFC 3339, data is base64,
    /// UUIDs are lower case; everything else is written as its `Encodable` conformance writes it.
    static func make(_ value: some Encodable) throws -> ParameterNode? {
        let builder = ParameterNodeBuilder()
        try builder.encode(value, codingPath: [])
        return builder.node
    }
}

/// Writes parameters: the text for each style, percent-encoded where it goes into a URL or a form body.
nonisolated enum ParameterWriter {
    /// `name=value` pairs for a query or a form body, both sides percent-encoded.
    static func pairs(
        _ name: String, _ node: ParameterNode, style: ParameterStyle, explode: Bool, allowReserved: Bool = false
    ) -> [String] {
        func encode(_ text: String) -> String {
            PercentEncoding.encode(text, allowingReserved: allowReserved)
        }
        func pair(_ key: String, _ value: String) -> String {
            PercentEncoding.encode(key) + "=" + value
        }
        switch (style, node) {
        case (.deepObject, _):
            return deepPairs(name, node).map { pair($0.name, encode($0.value)) }
        case (_, .text(let text)):
            return [pair(name, encode(text))]
        case (_, .list) where explode:
            return explodedPairs(name, node).map { pair($0.name, encode($0.value)) }
        case (_, .members(let members)) where explode:
            return members.flatMap { explodedPairs($0.name, $0.value) }.map { pair($0.name, encode($0.value)) }
        case (_, .list(let items)):
            return [pair(name, items.map { encode(flatText($0)) }.joined(separator: delimiter(style)))]
        case (_, .members(let members)):
            let texts = members.flatMap { [$0.name, flatText($0.value)] }
            return [pair(name, texts.map(encode).joined(separator: delimiter(style)))]
        }
    }

    /// The path text for `node` in `style` (`simple`, `label` or `matrix`), percent-encoded so that it stays in its
    /// segment.
    static func pathText(_ name: String, _ node: ParameterNode, style: ParameterStyle, explode: Bool) -> String {
        func encode(_ text: String) -> String { PercentEncoding.encode(text) }
        switch style {
        case .label:
            let separator = explode ? "." : ","
            let pieces: [String]
            switch node {
            case .text(let text): pieces = [encode(text)]
            case .list(let items): pieces = items.map { encode(flatText($0)) }
            case .members(let members):
                pieces = members.map { member in
                    encode(member.name) + (explode ? "=" : ",") + encode(flatText(member.value))
                }
            }
            return "." + pieces.joined(separator: separator)
        case .matrix:
            switch node {
            case .text(let text): return ";" + encode(name) + "=" + encode(text)
            case .list(let items) where explode:
                return items.map { ";" + encode(name) + "=" + encode(flatText($0)) }.joined()
            case .list(let items):
                return ";" + encode(name) + "=" + items.map { encode(flatText($0)) }.joined(separator: ",")
            case .members(let members) where explode:
                return members.map { ";" + encode($0.name) + "=" + encode(flatText($0.value)) }.joined()
            case .members(let members):
                return ";" + encode(name) + "="
                    + members.flatMap { [encode($0.name), encode(flatText($0.value))] }.joined(separator: ",")
            }
        default:
            return simpleText(node, explode: explode, encode: encode)
        }
    }

    /// The text of a header (style `simple`), not percent-encoded.
    static func headerText(_ node: ParameterNode, explode: Bool) -> String {
        simpleText(node, explode: explode) { $0 }
    }

    /// `simple`: items and members joined with commas; exploded members as `name=value`.
    static func simpleText(_ node: ParameterNode, explode: Bool, encode: (String) -> String) -> String {
        switch node {
        case .text(let text): encode(text)
        case .list(let items): items.map { encode(flatText($0)) }.joined(separator: ",")
        case .members(let members):
            members.map { member in
                encode(member.name) + (explode ? "=" : ",") + encode(flatText(member.value))
            }.joined(separator: ",")
        }
    }

    /// The pairs of an exploded value: one pair per item of a list, under the same name; members below that as
    /// `deepObject` writes them.
    static func explodedPairs(_ name: String, _ node: ParameterNode) -> [(name: String, value: String)] {
        switch node {
        case .text(let text): [(name, text)]
        case .list(let items): items.flatMap { explodedPairs(name, $0) }
        case .members: deepPairs(name, node)
        }
    }

    /// `name[member][member]=value` pairs (not yet encoded), lists indexed from 0: `deepObject`, and what exploded
    /// form parameters write below their first level.
    static func deepPairs(_ name: String, _ node: ParameterNode) -> [(name: String, value: String)] {
        switch node {
        case .text(let text): [(name, text)]
        case .list(let items): items.enumerated().flatMap { deepPairs("\(name)[\($0.offset)]", $0.element) }
        case .members(let members): members.flatMap { deepPairs("\(name)[\($0.name)]", $0.value) }
        }
    }

    /// A node written as one piece of text where a style has no way to nest: lists and members comma-separated.
    static func flatText(_ node: ParameterNode) -> String {
        simpleText(node, explode: false) { $0 }
    }

    static func delimiter(_ style: ParameterStyle) -> String {
        switch style {
        case .spaceDelimited: "%20"
        case .pipeDelimited: "%7C"
        case .tabDelimited: "%09"
        default: ","
        }
    }
}

/// Percent-encoding for paths, queries, cookies and form bodies.
{{access}} nonisolated enum PercentEncoding {
    /// `text` with every byte outside RFC 3986's unreserved set (`A-Z a-z 0-9 - . _ ~`) written `%XX`; with
    /// `allowingReserved`, the reserved characters a query may carry (`! $ & ' ( ) * + , ; = : @ / ?`) stay as
    /// they are too.
    ///
    /// Without `allowingReserved` the result is safe in a path segment, a query name or value, and an
    /// `application/x-www-form-urlencoded` body: `/`, `?`, `&`, `=`, `+` and spaces are all encoded.
    {{access}} static func encode(_ text: String, allowingReserved: Bool = false) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            case _ where allowingReserved && queryReserved.contains(byte):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result += "%"
                result.unicodeScalars.append(hexDigits[Int(byte >> 4)])
                result.unicodeScalars.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return result
    }

    /// `text` with every byte that is not in `allowed`, and every `%` that does not start a `%XX`, written `%XX`:
    /// text that `URLComponents` takes as percent-encoded. Text the runtime encoded is left as it is.
    static func escapeInvalid(_ text: String, keeping allowed: Set<UInt8>) -> String {
        let bytes = Array(text.utf8)
        var result = ""
        result.reserveCapacity(bytes.count)
        for (index, byte) in bytes.enumerated() {
            let escapes =
                byte == UInt8(ascii: "%") && index + 2 < bytes.count && isHexDigit(bytes[index + 1])
                && isHexDigit(bytes[index + 2])
            if escapes || (byte != UInt8(ascii: "%") && allowed.contains(byte)) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += "%"
                result.unicodeScalars.append(hexDigits[Int(byte >> 4)])
                result.unicodeScalars.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return result
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
            || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }

    /// What a path may hold unencoded (RFC 3986 `pchar` and `/`).
    static let pathCharacters: Set<UInt8> = unreserved.union("!$&'()*+,;=:@/".utf8)
    /// What a query may hold unencoded (RFC 3986 `pchar`, `/` and `?`).
    static let queryCharacters: Set<UInt8> = pathCharacters.union("?".utf8)
    private static let unreserved: Set<UInt8> = Set(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)

    private static let hexDigits: [Unicode.Scalar] = Array("0123456789ABCDEF".unicodeScalars)
    /// The reserved characters a query may carry as they are (`#`, `[` and `]` may not).
    private static let queryReserved: Set<UInt8> = Set("!$&'()*+,;=:@/?".utf8)
}

/// Builds a ``ParameterNode`` from an `Encodable` value, as an `Encoder` does.
nonisolated final class ParameterNodeBuilder {
    private enum Content {
        case empty
        case text(String)
        case list([ParameterNodeBuilder])
        case members([(String, ParameterNodeBuilder)])
    }

    private var content = Content.empty

    /// What was encoded; `nil` for `nil` or nothing.
    var node: ParameterNode? {
        switch content {
        case .empty: nil
        case .text(let text): .text(text)
        case .list(let items): .list(items.compactMap(\.node))
        case .members(let members):
            .members(members.compactMap { name, builder in builder.node.map { .init(name: name, value: $0) } })
        }
    }

    func encode(_ value: some Encodable, codingPath: [any CodingKey]) throws {
        if let text = Self.text(of: value) {
            content = .text(text)
        } else {
            try value.encode(to: ParameterNodeEncoder(builder: self, codingPath: codingPath))
        }
    }

    func setText(_ text: String) {
        content = .text(text)
    }

    func member(_ name: String) -> ParameterNodeBuilder {
        let child = ParameterNodeBuilder()
        if case .members(var members) = content {
            members.append((name, child))
            content = .members(members)
        } else {
            content = .members([(name, child)])
        }
        return child
    }

    func startMembers() {
        if case .members = content { return }
        content = .members([])
    }

    func appendItem() -> ParameterNodeBuilder {
        let child = ParameterNodeBuilder()
        if case .list(var items) = content {
            items.append(child)
            content = .list(items)
        } else {
            content = .list([child])
        }
        return child
    }

    func startList() {
        if case .list = content { return }
        content = .list([])
    }

    var itemCount: Int {
        if case .list(let items) = content { return items.count }
        return 0
    }

    /// The text of values that are written as text whatever their `Encodable` conformance says.
    static func text(of value: some Encodable) -> String? {
        switch value {
        case let value as String: value
        case let value as Bool: value ? "true" : "false"
        case let value as Date: JSONCoding.format(value)
        case let value as Data: value.base64EncodedString()
        case let value as UUID: value.uuidString.lowercased()
        case let value as any LosslessStringConvertible: String(describing: value)
        default: nil
        }
    }
}

private nonisolated struct ParameterNodeEncoder: Encoder {
    let builder: ParameterNodeBuilder
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        builder.startMembers()
        return KeyedEncodingContainer(ParameterNodeKeyedContainer<Key>(builder: builder, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        builder.startList()
        return ParameterNodeUnkeyedContainer(builder: builder, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        ParameterNodeSingleValueContainer(builder: builder, codingPath: codingPath)
    }
}

private nonisolated struct ParameterNodeKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let builder: ParameterNodeBuilder
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws {}

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try builder.member(key.stringValue).encode(value, codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        ParameterNodeEncoder(builder: builder.member(key.stringValue), codingPath: codingPath + [key]).container(
            keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        ParameterNodeEncoder(builder: builder.member(key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        ParameterNodeEncoder(builder: builder.member("super"), codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        ParameterNodeEncoder(builder: builder.member(key.stringValue), codingPath: codingPath + [key])
    }
}

private nonisolated struct ParameterNodeUnkeyedContainer: UnkeyedEncodingContainer {
    let builder: ParameterNodeBuilder
    let codingPath: [any CodingKey]
    var count: Int { builder.itemCount }

    mutating func encodeNil() throws {}

    mutating func encode<T: Encodable>(_ value: T) throws {
        try builder.appendItem().encode(value, codingPath: codingPath)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        ParameterNodeEncoder(builder: builder.appendItem(), codingPath: codingPath).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        ParameterNodeEncoder(builder: builder.appendItem(), codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        ParameterNodeEncoder(builder: builder.appendItem(), codingPath: codingPath)
    }
}

private nonisolated struct ParameterNodeSingleValueContainer: SingleValueEncodingContainer {
    let builder: ParameterNodeBuilder
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws {}

    mutating func encode<T: Encodable>(_ value: T) throws {
        try builder.encode(value, codingPath: codingPath)
    }
}

"""#,
        "README.md.mustache": #"""
# {{moduleName}}

Swift client for **{{title}}** (API version {{version}}), generated by Bindery from its OpenAPI description.
{{#hasDescription}}

{{description}}
{{/hasDescription}}

## Use

Add this package as a dependency and the `{{moduleName}}` library to your target; it needs Foundation only.

```swift
import Foundation
import {{moduleName}}

let client = APIClient(baseURL: URL(string: "{{defaultServerURL}}")!)
```

Then call an API through the client, for example `{{#apis}}{{#isFirst}}{{name}}(client: client){{/isFirst}}{{/apis}}`. {{#hasThrowingMethods}}{{#hasResponseMethods}}Every operation has two methods: one returns the successful body and throws `APIResponseError<Body>` for documented error responses and `APIError` otherwise; the other, named `…Response`, returns an enum with a case for every documented status, carrying the documented response headers as typed values (`case ok(Body, headers: …Headers)`), and a catch-all case with the raw `HTTPResponse` for statuses the description does not list and for bodies that are not JSON where JSON is documented.{{/hasResponseMethods}}{{^hasResponseMethods}}An operation's method returns the successful body and throws `APIResponseError<Body>` for documented error responses and `APIError` otherwise; an operation whose successes have different bodies has a method named `…Response` instead, which returns an enum with a case for every documented status.{{/hasResponseMethods}}{{/hasThrowingMethods}}{{^hasThrowingMethods}}An operation's method, named `…Response`, returns an enum with a case for every documented status, carrying the documented response headers as typed values (`case ok(Body, headers: …Headers)`), and a catch-all case with the raw `HTTPResponse` for statuses the description does not list and for bodies that are not JSON where JSON is documented.{{/hasThrowingMethods}} `APIResponseError.response` and `APIError.response` are the `HTTPResponse` as received, with all its headers.

All URIs are relative to `{{defaultServerURL}}` unless the client is given another base URL.
{{#servers}}

## Servers

`APIClient.Configuration.defaultBaseURL` is the first server with its variables' defaults. For another server, or other values of the variables, give the client the URL a function of `{{name}}` returns. Values are percent-encoded where a URL needs it (`/` and `:` are kept, so a variable can hold a path or a port); a function throws `APIError.invalidRequest` when the values do not make a valid URL.

```swift
let client = APIClient(baseURL: try {{name}}.{{#servers}}{{#isFirst}}{{swiftName}}({{#isRelative}}relativeTo: descriptionURL{{/isRelative}}){{/isFirst}}{{/servers}})
```

| Function | URL | Description |
| --- | --- | --- |
{{#servers}}
| `{{name}}.{{swiftName}}({{#isRelative}}relativeTo:{{/isRelative}}{{#variables}}{{label}}:{{/variables}})` | `{{url}}` | {{description}} |
{{/servers}}
{{#servers}}
{{#hasVariables}}

Variables of `{{swiftName}}`:

| Variable | Parameter | Default | Values | Description |
| --- | --- | --- | --- | --- |
{{#variables}}
| `{{name}}` | `{{label}}: {{qualifiedType}}` | {{defaultValue}} | {{values}} | {{description}} |
{{/variables}}
{{/hasVariables}}
{{/servers}}
{{#servers}}
{{#isRelative}}

`{{swiftName}}` has a relative URL: it is resolved against `relativeTo`, the URL the API description is served from.{{#isFirst}} `defaultBaseURL` puts `http://localhost` in front of it.{{/isFirst}}
{{/isRelative}}
{{/servers}}
{{/servers}}

## APIs

| Type | Method | HTTP request | Description |
| --- | --- | --- | --- |
{{#apis}}
{{#operations}}
| [{{name}}](docs/{{name}}.md) | [`{{swiftName}}`](docs/{{name}}.md#{{docAnchor}}) | `{{method}} {{path}}` | {{summary}} |
{{/operations}}
{{/apis}}

## Models

{{#models}}
- [{{name}}](docs/{{name}}.md)
{{/models}}

## Timeouts, retries, limits and middlewares

`APIClient.Configuration` also holds:

- `timeout`: the longest one attempt at a request may take, from sending it to the last byte of the response (`nil` by default: `URLSession`'s 60 s without a byte still applies); past it, `APIError.timedOut`.
- `maxResponseBytes`: the most bytes of a body read into memory, 32 MiB by default; beyond it `URLSessionTransport` stops receiving and the call throws `APIError.responseTooLarge`. Bodies read as they arrive (the `…Streaming` methods) have no limit.
- `retry`: a `RetryPolicy`. By default, `GET`, `HEAD`, `OPTIONS`, `PUT` and `DELETE` requests are tried up to 3 times after a failed connection, `429` or `503`, waiting `Retry-After` (up to 10 s; a longer one returns the response) or a random backoff; `RetryPolicy.none` never retries.
- `middlewares`: `APIMiddleware`s that run around every request, to change it, observe or replace the response, or send it again (after refreshing a token, say).

Cancelling the task that makes a call cancels its request and throws `CancellationError`. A header or credential with a line break, or a path parameter that is empty or would make a `.` or `..` segment, throws `APIError.invalidRequest`, and an operation whose credentials are missing throws `APIError.missingCredentials`, before anything is sent. Descriptions of requests, responses, credentials and errors show credentials as `<redacted>`.

## Authorization
{{^hasSecuritySchemes}}

The API description declares no security schemes.
{{/hasSecuritySchemes}}
{{#securitySchemes}}

### {{name}}

{{^isUnsupported}}
{{summary}}. Give the client a credential for it:

```swift
var configuration = APIClient.Configuration(baseURL: URL(string: "{{defaultServerURL}}")!)
configuration.credentials[SecurityScheme.{{swiftName}}.name] = .token("…")
let client = APIClient(configuration: configuration)
```
{{#isBearer}}

For a token that expires, a `BearerTokenRefresher` sends it and gets a new one when the server answers `401`, once however many requests it refuses at the same time:

```swift
let tokens = BearerTokenRefresher(accessToken: "…", refreshToken: "…") { refreshToken in
    (access: "…", refresh: "…")  // new tokens, from the API's token endpoint
}
configuration.credentials[SecurityScheme.{{swiftName}}.name] = tokens.credential
configuration.middlewares.append(tokens)
```
{{/isBearer}}
{{/isUnsupported}}
{{#isUnsupported}}
{{summary}}. Send its credential with `APIClient.Configuration.headers`, or from the transport.
{{/isUnsupported}}
{{#hasDescription}}

{{#descriptionLines}}
- {{line}}
{{/descriptionLines}}
{{/hasDescription}}
{{/securitySchemes}}
{{#sections}}

## {{title}}

{{text}}
{{/sections}}

"""#,
        "RetryPolicy.mustache": #"""
{{generatedHeader}}

import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// When a client sends a request again, and how long it waits first.
///
/// A request is retried when its method is one of ``methods`` (the idempotent ones: sending them twice does what
/// sending them once does) and either its connection failed before a response arrived (``retriesConnectionFailures``)
/// or the response's status is one of ``statuses`` (`429 Too Many Requests`, `503 Service Unavailable`), at most
/// ``maxAttempts`` attempts in all. The wait before retry `n` is the response's `Retry-After` (seconds or an HTTP
/// date) when it has one, else a random time from 0 to `min(maxDelay, baseDelay × 2^(n-1))` ("full jitter", so that
/// many clients do not retry at the same moment). A `Retry-After` longer than ``maxDelay`` is not waited for: the
/// response is returned as it is. Timeouts (``APIError/timedOut(after:)``, `URLError.timedOut`) are not retried: the
/// server may still be working on the request.
{{access}} nonisolated struct RetryPolicy: Sendable {
    /// The methods that are idempotent by RFC 9110 and retried by default.
    {{access}} static let idempotentMethods: Set<String> = ["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]
    /// A policy that never retries.
    {{access}} static let none = RetryPolicy(maxAttempts: 1)

    /// The most attempts at one request, the first included: `1` never retries.
    {{access}} var maxAttempts: Int
    /// The longest wait before the first retry; each retry after it may wait twice as long.
    {{access}} var baseDelay: Duration
    /// The longest wait before any retry, and the longest `Retry-After` that is waited for.
    {{access}} var maxDelay: Duration
    /// The methods that are retried, upper case. `POST` and `PATCH` are not by default: the server may have acted
    /// on the request before the connection failed.
    {{access}} var methods: Set<String>
    /// The statuses that are retried.
    {{access}} var statuses: Set<Int>
    /// Whether a request whose connection failed before a response arrived is retried: the connection could not
    /// be made, was closed without a response, or was closed in the middle of the body.
    {{access}} var retriesConnectionFailures: Bool
    /// How the client waits before a retry: `Task.sleep(for:)`, unless replaced (to record the waits in tests).
    {{access}} var sleep: @Sendable (Duration) async throws -> Void

    /// A policy; the defaults retry idempotent requests up to twice (3 attempts), after half a second or so at
    /// first, never waiting more than 10 seconds.
    {{access}} init(
        maxAttempts: Int = 3, baseDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(10),
        methods: Set<String> = RetryPolicy.idempotentMethods, statuses: Set<Int> = [429, 503],
        retriesConnectionFailures: Bool = true,
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.methods = methods
        self.statuses = statuses
        self.retriesConnectionFailures = retriesConnectionFailures
        self.sleep = sleep
    }

    /// The wait before retry `retry` (1 for the first) after `response`; `nil` when its `Retry-After` asks for
    /// longer than ``maxDelay``.
    {{access}} func delay(beforeRetry retry: Int, after response: HTTPResponse?) -> Duration? {
        if let response, response.headers["Retry-After"] != nil {
            let seconds: Double? =
                response.header("Retry-After", as: Int.self).map { Double(max(0, $0)) }
                ?? response.header("Retry-After", as: Date.self).map { max(0, $0.timeIntervalSinceNow) }
            if let seconds {
                let wait = Duration.seconds(seconds)
                return wait <= maxDelay ? wait : nil
            }
        }
        let ceiling = min(maxDelay, baseDelay * (1 << min(max(retry - 1, 0), 30)))
        return ceiling * Double.random(in: 0...1)
    }

    /// Whether `error` says that the connection failed before a whole response arrived.
    {{access}} static func isConnectionFailure(_ error: any Error) -> Bool {
        guard let error = error as? URLError else { return false }
        switch error.code {
        case .networkConnectionLost, .cannotConnectToHost, .cannotFindHost, .dnsLookupFailed,
            .notConnectedToInternet, .badServerResponse:
            return true
        case .unknown:
            // swift-corelibs-foundation's code for a body cut short ("transfer closed with n bytes remaining").
            return true
        default:
            return false
        }
    }

    /// `attempt(request)`, tried again as the policy says.
    func run(
        _ request: HTTPRequest, attempt: (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        let retries = methods.contains(request.method.uppercased()) ? max(0, maxAttempts - 1) : 0
        var retry = 1
        while true {
            let response: HTTPResponse
            do {
                response = try await attempt(request)
            } catch {
                guard retry <= retries, retriesConnectionFailures, !Task.isCancelled, Self.isConnectionFailure(error),
                    let wait = delay(beforeRetry: retry, after: nil)
                else { throw error }
                try await sleep(wait)
                retry += 1
                continue
            }
            guard retry <= retries, statuses.contains(response.statusCode),
                let wait = delay(beforeRetry: retry, after: response)
            else { return response }
            try await sleep(wait)
            retry += 1
        }
    }
}

"""#,
        "SecurityScheme.mustache": #"""
{{generatedHeader}}

import Foundation

/// A way the API authenticates requests, as named in its document.
{{access}} nonisolated struct SecurityScheme: Sendable, Hashable {
    /// Where the credential goes.
    {{access}} enum Kind: Sendable, Hashable {
        /// `Authorization: Bearer <token>` (HTTP bearer, OAuth 2, OpenID Connect).
        case bearer
        /// `Authorization: Basic <base64(username:password)>`.
        case basic
        /// A key in a header, query item or cookie.
        case apiKey(name: String, location: APIKeyLocation)
        /// A scheme the client cannot apply by itself (mutual TLS, HTTP digest, a scheme the description names but
        /// never defines): configure the transport, or `Configuration.headers`, instead. The client does not check
        /// that it is configured.
        case unsupported
    }

    /// Where an API key is sent.
    {{access}} enum APIKeyLocation: Sendable, Hashable {
        case header, query, cookie
    }

    /// The scheme's name in the document, by which ``APIClient/Configuration-swift.struct/credentials`` are found.
    {{access}} var name: String
    {{access}} var kind: Kind

    {{access}} init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }
}

/// A credential for one security scheme.
///
/// Its descriptions never show the secret: `token(<redacted>)`.
{{access}} nonisolated enum Credential: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// A bearer token, or an API key's value.
    case token(String)
    /// A user name and password for HTTP basic authentication.
    case basic(username: String, password: String)
    /// A token or key asked for on every request that needs it: for tokens that expire and are refreshed.
    case provider(@Sendable () async throws -> String)
    /// A credential the transport adds by itself: a session cookie the `URLSession` keeps, a client certificate.
    /// The client sends nothing for the scheme, but no longer fails operations that need it with
    /// ``APIError/missingCredentials(operationID:alternatives:)``.
    case external

    {{access}} var description: String {
        switch self {
        case .token: "token(\(Redaction.placeholder))"
        case .basic: "basic(username: \(Redaction.placeholder), password: \(Redaction.placeholder))"
        case .provider: "provider"
        case .external: "external"
        }
    }

    {{access}} var debugDescription: String { description }

    {{access}} var customMirror: Mirror {
        Mirror(self, children: [], displayStyle: .enum)
    }

    /// Adds the credential to `request` as `scheme` says, marking where it goes as secret. A credential with a
    /// line break or NUL is refused with ``APIError/invalidRequest(_:)``, whatever the scheme, before anything is
    /// sent: in a header it would end the field and start another.
    func apply(to request: inout HTTPRequest, scheme: SecurityScheme) async throws {
        let secret: String
        switch self {
        case .external:
            return
        case .token(let token):
            secret = try Self.checked(token, scheme: scheme)
        case .provider(let provide):
            secret = try Self.checked(try await provide(), scheme: scheme)
        case .basic(let username, let password):
            let pair = try Self.checked(username, scheme: scheme) + ":" + Self.checked(password, scheme: scheme)
            secret = Data(pair.utf8).base64EncodedString()
        }
        switch scheme.kind {
        case .bearer:
            try request.setHeader("Authorization", "Bearer \(secret)")
        case .basic:
            try request.setHeader("Authorization", "Basic \(secret)")
        case .apiKey(let name, .header):
            try request.setHeader(name, secret)
            request.headers.markSecret(name)
        case .apiKey(let name, .query):
            try request.addQuery(name, secret)
            request.markSecretQueryItem(name)
        case .apiKey(let name, .cookie):
            try request.addCookie(name, secret)
        case .unsupported:
            break
        }
    }

    /// `secret`, unless it has a line break or NUL.
    private static func checked(_ secret: String, scheme: SecurityScheme) throws -> String {
        guard !secret.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) else {
            throw APIError.invalidRequest("the credential for '\(scheme.name)' has a line break or NUL")
        }
        return secret
    }
}
{{#hasSecuritySchemes}}

nonisolated extension SecurityScheme {
{{#securitySchemes}}
{{#docComment}}
    {{line}}
{{/docComment}}
    {{access}} static let {{swiftName}} = SecurityScheme(name: {{nameLiteral}}, kind: {{#isBearer}}.bearer{{/isBearer}}{{#isBasic}}.basic{{/isBasic}}{{#isAPIKey}}.apiKey(name: {{apiKeyNameLiteral}}, location: .{{apiKeyLocation}}){{/isAPIKey}}{{#isUnsupported}}.unsupported{{/isUnsupported}})
{{/securitySchemes}}
}
{{/hasSecuritySchemes}}

"""#,
        "Servers.mustache": #"""
{{generatedHeader}}

import Foundation

{{#servers}}
/// The servers the API description lists, each a function that returns its base URL for the values of its
/// variables, for example `APIClient(baseURL: try {{name}}.{{#servers}}{{#isFirst}}{{swiftName}}({{#isRelative}}relativeTo: descriptionURL{{/isRelative}}){{/isFirst}}{{/servers}})`.
/// `APIClient.Configuration.defaultBaseURL` is the first server with its defaults.
///
/// Values are percent-encoded where a URL needs it (spaces, `%`, `?`, `#`, letters outside ASCII); `/` and `:`
/// are kept, so a variable can hold a path (`v1/beta`) or a host and port.
{{access}} nonisolated enum {{name}} {
{{#servers}}
{{#docComment}}
    {{line}}
{{/docComment}}
    {{access}} static func {{swiftName}}({{#hasArguments}}
{{#isRelative}}
        relativeTo base: URL{{#hasVariables}},{{/hasVariables}}
{{/isRelative}}
{{#variables}}
        {{swiftName}}: {{type}} = {{#isEnum}}.{{defaultCaseName}}{{/isEnum}}{{^isEnum}}{{defaultValueLiteral}}{{/isEnum}}{{^isLast}},{{/isLast}}
{{/variables}}
    {{/hasArguments}}) throws -> URL {
{{^hasVariables}}
        try url({{urlLiteral}}{{#isRelative}}, relativeTo: base{{/isRelative}})
{{/hasVariables}}
{{#hasVariables}}
        try url(
            {{urlLiteral}},
            [{{#variables}}{{nameLiteral}}: {{swiftName}}{{#isEnum}}.rawValue{{/isEnum}}{{^isLast}}, {{/isLast}}{{/variables}}]{{#isRelative}},
            relativeTo: base{{/isRelative}}
        )
{{/hasVariables}}
    }

{{/servers}}
{{#enums}}
{{#docComment}}
    {{line}}
{{/docComment}}
    {{access}} enum {{name}}: String, Sendable, CaseIterable {
{{#cases}}
        case {{swiftName}}{{#hasCustomRawValue}} = {{rawValueLiteral}}{{/hasCustomRawValue}}
{{/cases}}
    }

{{/enums}}
    /// `template` with each `{name}` replaced by its value, percent-encoded, resolved against `base` when it is
    /// relative.
    private static func url(
        _ template: String, _ values: [String: String] = [:], relativeTo base: URL? = nil
    ) throws -> URL {
        var text = template
        for (name, value) in values {
            let encoded = value.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? value
            text = text.replacingOccurrences(of: "{\(name)}", with: encoded)
        }
        guard let url = URL(string: text, relativeTo: base) else {
            throw APIError.invalidRequest("'\(text)' is not a valid server URL")
        }
        return url.absoluteURL
    }
}
{{/servers}}

"""#,
        "Streaming.mustache": #"""
{{generatedHeader}}

import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

// Bodies read as they arrive: server-sent events (`text/event-stream`), JSON lines (`application/x-ndjson`,
// `application/jsonl`), JSON text sequences (`application/json-seq`), and binary bodies as chunks of bytes
// (`ByteStream`).

/// A response whose body is still arriving: the status and headers, and the body in chunks as they come.
{{access}} nonisolated struct HTTPStreamingResponse: Sendable {
    {{access}} var statusCode: Int
    {{access}} var headers: HTTPHeaders
    /// The body in chunks, as received. Cancelling the task that reads it (or dropping it unread) cancels the
    /// request.
    {{access}} var body: AsyncThrowingStream<Data, any Error>

    {{access}} init(statusCode: Int, headers: HTTPHeaders = HTTPHeaders(), body: AsyncThrowingStream<Data, any Error>) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
    }

    /// The response with its whole body, as `HTTPTransport.send` returns it; throws
    /// ``APIError/responseTooLarge(limit:)`` as soon as the body is longer than `maxBytes`, without reading the
    /// rest.
    {{access}} func collect(upTo maxBytes: Int? = nil) async throws -> HTTPResponse {
        var limit = ResponseSizeLimit(maxBytes)
        var data = Data()
        for try await chunk in body {
            guard limit.allows(receiving: chunk.count) else { throw limit.error }
            data.append(chunk)
        }
        return HTTPResponse(statusCode: statusCode, headers: headers, body: data)
    }

    /// `response`, its body in one chunk.
    {{access}} init(_ response: HTTPResponse) {
        let body = response.body
        self.init(
            statusCode: response.statusCode, headers: response.headers,
            body: AsyncThrowingStream { continuation in
                if !body.isEmpty { continuation.yield(body) }
                continuation.finish()
            })
    }
}

nonisolated extension HTTPTransport {
    /// Reads the whole response with `send(_:baseURL:)`, then hands the body over in one chunk: transports that
    /// do not stream still work with streaming operations, only not as the body arrives.
    {{access}} func stream(_ request: HTTPRequest, baseURL: URL) async throws -> HTTPStreamingResponse {
        HTTPStreamingResponse(try await send(request, baseURL: baseURL))
    }
}

nonisolated extension URLSessionTransport {
    /// Sends `request` and returns as soon as the status and headers have arrived; the body follows in chunks.
    /// Cancelling the task that reads the body, or dropping the body unread, cancels the request.
    ///
    /// A slow reader does not make the body pile up in the runtime's memory. On Apple platforms the body is taken
    /// from `URLSession.bytes(for:)` only as the reader asks for it (what `URLSession` buffers meanwhile is up to
    /// it). On Linux, whose `URLSession` cannot pause a transfer and hands every chunk over as it arrives, what the
    /// reader has not taken beyond 4 MiB waits in a temporary file (removed from its directory as soon as it is
    /// created, and gone once the body is read or dropped).
    {{access}} func stream(_ request: HTTPRequest, baseURL: URL) async throws -> HTTPStreamingResponse {
        let urlRequest = try urlRequest(for: request, baseURL: baseURL)
        do {
            return try await stream(urlRequest, description: request.description)
        } catch {
            throw redacting(error, of: request, url: urlRequest.url)
        }
    }

    private func stream(_ urlRequest: URLRequest, description: String) async throws -> HTTPStreamingResponse {
        #if canImport(FoundationNetworking)
        // swift-corelibs-foundation has no `URLSession.bytes(for:)`: a session of the same configuration whose
        // delegate hands each chunk over as it arrives.
        let delegate = URLSessionStreamingDelegate(description: description)
        let streamingSession = URLSession(configuration: session.configuration, delegate: delegate, delegateQueue: nil)
        let task = streamingSession.dataTask(with: urlRequest)
        // The session lets its delegate go once the task has finished.
        streamingSession.finishTasksAndInvalidate()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                delegate.start(task, head: continuation)
            }
        } onCancel: {
            task.cancel()
        }
        #else
        let (bytes, response) = try await session.bytes(for: urlRequest)
        guard let http = response as? HTTPURLResponse else {
            bytes.task.cancel()
            throw APIError.invalidResponse("the response to \(description) is not an HTTP response")
        }
        // Text and JSON formats are read record by record, and their records end with a line feed: a chunk ends
        // at one. Other bodies come in chunks of 16 KiB.
        let contentType = (http.value(forHTTPHeaderField: "Content-Type") ?? "").lowercased()
        let reader = AsyncBytesReader(
            bytes, endsChunksAtLineFeeds: contentType.hasPrefix("text/") || contentType.contains("json"))
        // Read as the reader asks, never ahead of it.
        let body = AsyncThrowingStream<Data, any Error>(unfolding: {
            try await withTaskCancellationHandler {
                try await reader.next()
            } onCancel: {
                reader.cancel()
            }
        })
        return HTTPStreamingResponse(statusCode: http.statusCode, headers: HTTPHeaders(http), body: body)
        #endif
    }
}

#if canImport(FoundationNetworking)
/// Hands a data task's response over as it arrives: the head to the caller of `start`, the body as chunks.
private nonisolated final class URLSessionStreamingDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let lock = NSLock()
    /// Waits for the status and headers; `nil` once resumed.
    private var head: CheckedContinuation<HTTPStreamingResponse, any Error>?
    private let buffer = StreamingBodyBuffer()
    private let requestDescription: String

    init(description: String) {
        requestDescription = description
        super.init()
    }

    func start(_ task: URLSessionDataTask, head: CheckedContinuation<HTTPStreamingResponse, any Error>) {
        lock.withLock { self.head = head }
        buffer.onClose { task.cancel() }
        task.resume()
    }

    private func resumeHead(with result: Result<HTTPStreamingResponse, any Error>) {
        let head = lock.withLock {
            let head = self.head
            self.head = nil
            return head
        }
        head?.resume(with: result)
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        guard let http = response as? HTTPURLResponse else {
            let reason = "the response to \(requestDescription) is not an HTTP response"
            resumeHead(with: .failure(APIError.invalidResponse(reason)))
            completionHandler(.cancel)
            return
        }
        let head = HTTPStreamingResponse(
            statusCode: http.statusCode, headers: HTTPHeaders(http), body: buffer.body())
        resumeHead(with: .success(head))
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        buffer.append(data)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        if let error {
            resumeHead(with: .failure(error))
        } else {
            resumeHead(with: .failure(APIError.invalidResponse("no response to \(requestDescription)")))
        }
        buffer.finish(throwing: error)
    }
}

/// The chunks of a body that have arrived and that its reader has not taken yet, in order.
///
/// swift-corelibs-foundation cannot pause a transfer: its data task hands every chunk over as soon as it is read
/// from the network, however slowly the body is read. Beyond `memoryLimit` bytes, the chunks wait in a temporary
/// file instead, so memory stays bounded; the file is removed from its directory as soon as it is created, and
/// its bytes are gone once the body is read or dropped.
private nonisolated final class StreamingBodyBuffer: @unchecked Sendable {
    /// The most bytes held in memory.
    static let memoryLimit = 4 << 20
    /// The most bytes read back from the file at a time.
    static let fileChunkSize = 1 << 16

    private let lock = NSLock()
    /// The chunks in memory, from `first` on; they come before the file's bytes.
    private var chunks: [Data] = []
    private var first = 0
    private var memoryBytes = 0
    private var file: SpillFile?
    /// Whether the transfer has ended; `failure` is why, when it failed (cleared once thrown).
    private var ended = false
    private var failure: (any Error)?
    /// Whether the reader has gone (cancelled, or the body dropped): what arrives then is dropped.
    private var closed = false
    /// The reader waiting for a chunk: only while there is none.
    private var reader: CheckedContinuation<Data?, any Error>?
    private var closeHandler: (@Sendable () -> Void)?

    /// Calls `handler` when the reader goes before the body has ended (it cancels the transfer).
    func onClose(_ handler: @escaping @Sendable () -> Void) {
        lock.withLock { closeHandler = handler }
    }

    /// The body: the chunks, as the reader asks for them. Cancelling the reading task, or dropping the stream,
    /// closes the buffer.
    func body() -> AsyncThrowingStream<Data, any Error> {
        let reader = Reader(buffer: self)
        return AsyncThrowingStream(unfolding: {
            try await withTaskCancellationHandler {
                try await reader.buffer.next()
            } onCancel: {
                reader.buffer.close()
            }
        })
    }

    /// Closes the buffer when the stream that reads it is gone.
    private nonisolated final class Reader: Sendable {
        let buffer: StreamingBodyBuffer

        init(buffer: StreamingBodyBuffer) {
            self.buffer = buffer
        }

        deinit {
            buffer.close()
        }
    }

    /// Takes a chunk that has arrived: to the waiting reader, into memory, or, beyond the limit or after bytes
    /// already waiting there, into the file.
    func append(_ data: Data) {
        var handOver: CheckedContinuation<Data?, any Error>?
        var spillFailure: (any Error)?
        lock.withLock {
            guard !closed, !ended, !data.isEmpty else { return }
            if let reader {
                self.reader = nil
                handOver = reader
            } else if (file?.unread ?? 0) == 0 && memoryBytes + data.count <= Self.memoryLimit {
                chunks.append(data)
                memoryBytes += data.count
            } else {
                do {
                    let spill = try file ?? SpillFile()
                    file = spill
                    try spill.append(data)
                } catch {
                    spillFailure = error
                }
            }
        }
        handOver?.resume(returning: data)
        if let spillFailure {
            // The body cannot be kept: it ends with the error, once the reader has what came before.
            finish(throwing: spillFailure)
            lock.withLock { closeHandler }?()
        }
    }

    /// Ends the body: the reader gets what is left, then the end (or `error`).
    func finish(throwing error: (any Error)?) {
        let waiting: CheckedContinuation<Data?, any Error>? = lock.withLock {
            guard !ended else { return nil }
            ended = true
            failure = error
            let waiting = reader
            reader = nil
            if waiting != nil { failure = nil }
            return waiting
        }
        if let error {
            waiting?.resume(throwing: error)
        } else {
            waiting?.resume(returning: nil)
        }
    }

    /// The next chunk, once there is one; `nil` at the end.
    func next() async throws -> Data? {
        try await withCheckedThrowingContinuation { continuation in
            let result: Result<Data?, any Error>? = lock.withLock {
                do {
                    if let chunk = try takeChunk() { return .success(chunk) }
                } catch {
                    return .failure(error)
                }
                if closed { return .success(nil) }
                if ended {
                    defer { failure = nil }
                    return failure.map { .failure($0) } ?? .success(nil)
                }
                reader = continuation
                return nil
            }
            if let result { continuation.resume(with: result) }
        }
    }

    /// The next chunk in memory, else from the file; `nil` when none has arrived. Called with the lock held.
    private func takeChunk() throws -> Data? {
        if first < chunks.count {
            let chunk = chunks[first]
            first += 1
            memoryBytes -= chunk.count
            if first == chunks.count {
                chunks.removeAll(keepingCapacity: true)
                first = 0
            } else if first >= 1024 && first * 2 >= chunks.count {
                chunks.removeFirst(first)
                first = 0
            }
            return chunk
        }
        guard let file, file.unread > 0 else { return nil }
        return try file.read(upTo: Self.fileChunkSize)
    }

    /// The reader has gone: drops what is buffered, and cancels the transfer unless it has ended.
    func close() {
        let (waiting, handler): (CheckedContinuation<Data?, any Error>?, (@Sendable () -> Void)?) = lock.withLock {
            guard !closed else { return (nil, nil) }
            closed = true
            chunks = []
            first = 0
            memoryBytes = 0
            file?.close()
            file = nil
            let waiting = reader
            reader = nil
            return (waiting, ended ? nil : closeHandler)
        }
        waiting?.resume(returning: nil)
        handler?()
    }
}

/// Bytes waiting in a temporary file: appended at the end, read from the front. The file is unlinked as soon as
/// it is open, so it never outlives its handle, even when the process crashes.
private nonisolated final class SpillFile {
    private let handle: FileHandle
    private var readOffset: UInt64 = 0
    private var writeOffset: UInt64 = 0

    init() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bindery-body-\(UUID().uuidString)")
        try Data().write(to: url, options: .withoutOverwriting)
        handle = try FileHandle(forUpdating: url)
        try? FileManager.default.removeItem(at: url)
    }

    /// The bytes appended and not read yet.
    var unread: UInt64 { writeOffset - readOffset }

    func append(_ data: Data) throws {
        try handle.seek(toOffset: writeOffset)
        try handle.write(contentsOf: data)
        writeOffset += UInt64(data.count)
    }

    /// At most `count` of the unread bytes; the file is emptied once all are read.
    func read(upTo count: Int) throws -> Data {
        try handle.seek(toOffset: readOffset)
        let data = try handle.read(upToCount: Int(min(UInt64(count), unread))) ?? Data()
        guard !data.isEmpty else { throw CocoaError(.fileReadCorruptFile) }
        readOffset += UInt64(data.count)
        if readOffset == writeOffset {
            try handle.truncate(atOffset: 0)
            readOffset = 0
            writeOffset = 0
        }
        return data
    }

    func close() {
        try? handle.close()
    }
}
#else
/// Reads a body from `URLSession.AsyncBytes` in chunks, as they are asked for: nothing is read ahead of the
/// reader. Dropping it cancels the request.
private nonisolated final class AsyncBytesReader: @unchecked Sendable {
    private var iterator: URLSession.AsyncBytes.AsyncIterator
    private let task: URLSessionDataTask
    private let endsChunksAtLineFeeds: Bool

    init(_ bytes: URLSession.AsyncBytes, endsChunksAtLineFeeds: Bool) {
        iterator = bytes.makeAsyncIterator()
        task = bytes.task
        self.endsChunksAtLineFeeds = endsChunksAtLineFeeds
    }

    deinit {
        task.cancel()
    }

    /// The next chunk: up to 16 KiB, or up to a line feed; `nil` at the end, or once the reading task is
    /// cancelled.
    func next() async throws -> Data? {
        var chunk = Data()
        do {
            while let byte = try await iterator.next() {
                chunk.append(byte)
                if (endsChunksAtLineFeeds && byte == 0x0A) || chunk.count >= 16_384 { return chunk }
            }
        } catch {
            if Task.isCancelled { return nil }
            throw error
        }
        return chunk.isEmpty ? nil : chunk
    }

    func cancel() {
        task.cancel()
    }
}
#endif

/// The body of the last attempt that streamed, kept aside while the middlewares and the retry policy see its
/// head: it goes to the caller when the response they return is that head, and is dropped (which cancels its
/// transfer) when a later attempt replaces it or a middleware returns another response.
private nonisolated final class StreamedBodies: @unchecked Sendable {
    private let lock = NSLock()
    private var last: (head: HTTPResponse, body: AsyncThrowingStream<Data, any Error>)?

    func keep(_ body: AsyncThrowingStream<Data, any Error>, for head: HTTPResponse) {
        lock.withLock { last = (head, body) }
    }

    func take(for response: HTTPResponse) -> AsyncThrowingStream<Data, any Error>? {
        lock.withLock {
            defer { last = nil }
            return last?.head == response ? last?.body : nil
        }
    }
}

/// A response body that is read as it arrives, or was read whole because its media type is not one the
/// operation streams.
{{access}} nonisolated struct HTTPBodyStream: Sendable {
    /// Whether the body is still arriving: the response's `Content-Type` is a media type the operation streams.
    /// When `false`, the body was read into the response and `chunks` is empty.
    {{access}} var isStreaming: Bool
    {{access}} var chunks: AsyncThrowingStream<Data, any Error>

    {{access}} init(isStreaming: Bool, chunks: AsyncThrowingStream<Data, any Error>) {
        self.isStreaming = isStreaming
        self.chunks = chunks
    }
}

nonisolated extension APIClient {
    /// Sends `request` like `send(_:security:)`. When the response's `Content-Type` is one of `contentTypes`
    /// (`text/event-stream`), returns at once with the status and headers, and the body still arriving; otherwise
    /// (an error status with a JSON body, say) reads the body whole, as `send(_:security:)` does.
    {{access}} func send(
        _ request: HTTPRequest, security: [[SecurityScheme]] = [], streaming contentTypes: [String]
    ) async throws -> (response: HTTPResponse, body: HTTPBodyStream) {
        try await send(request, security: security) { head in
            guard let contentType = head.headers["Content-Type"] else { return false }
            return contentTypes.contains(
                (contentType.split(separator: ";").first ?? "").trimmingCharacters(in: .whitespaces).lowercased())
        }
    }

    /// Sends `request` like `send(_:security:)`. When the response's status is one of `streamingStatuses` (a
    /// binary download's `200`), returns at once with the status and headers, and the body still arriving, whatever
    /// its `Content-Type`; otherwise (an error status with a JSON body, say) reads the body whole, as
    /// `send(_:security:)` does.
    {{access}} func send(
        _ request: HTTPRequest, security: [[SecurityScheme]] = [], streamingStatuses: HTTPStatusSet
    ) async throws -> (response: HTTPResponse, body: HTTPBodyStream) {
        try await send(request, security: security) { head in streamingStatuses.contains(head.statusCode) }
    }

    private func send(
        _ request: HTTPRequest, security: [[SecurityScheme]],
        streamsBody: @escaping @Sendable (HTTPResponse) -> Bool
    ) async throws -> (response: HTTPResponse, body: HTTPBodyStream) {
        let baseURL = configuration.baseURL
        let transport = transport
        let streams = StreamedBodies()
        let response = try await perform(authorized(request, security: security)) { request in
            let streamed = try await transport.stream(request, baseURL: baseURL)
            let head = HTTPResponse(statusCode: streamed.statusCode, headers: streamed.headers)
            guard streamsBody(head) else { return try await streamed.collect(upTo: request.maxResponseBytes) }
            streams.keep(streamed.body, for: head)
            return head
        }
        if let body = streams.take(for: response) {
            return (response, HTTPBodyStream(isStreaming: true, chunks: body))
        }
        return (response, HTTPBodyStream(isStreaming: false, chunks: AsyncThrowingStream { $0.finish() }))
    }

    /// The server-sent events of `body`, their data as text.
    {{access}} func serverSentEvents(from body: HTTPBodyStream) -> AsyncThrowingStream<ServerSentEvent<String>, any Error> {
        StreamDecoding.elements(of: body.chunks, parser: ServerSentEventParser()) { event, _ in event }
    }

    /// The server-sent events of `body`, each event's data decoded as JSON into `Element` with the client's
    /// decoder.
    ///
    /// Events whose data is `terminator` end the stream (OpenAI and the APIs that follow it end with
    /// `data: [DONE]`, which is not JSON and so can never be an element). Data that cannot be decoded otherwise
    /// ends the stream with a `StreamDecodingError` carrying the text.
    {{access}} func serverSentEvents<Element: Decodable & Sendable>(
        of type: Element.Type, from body: HTTPBodyStream, terminator: String? = "[DONE]"
    ) -> AsyncThrowingStream<ServerSentEvent<Element>, any Error> {
        StreamDecoding.elements(of: body.chunks, parser: ServerSentEventParser()) { event, decoder in
            if let terminator, event.data == terminator { return nil }
            return ServerSentEvent(
                event: event.event, id: event.id, retry: event.retry,
                data: try StreamDecoding.decode(type, from: Data(event.data.utf8), decoder: decoder))
        }
    }

    /// The JSON values of `body`, one per line (`application/x-ndjson`, `application/jsonl`), decoded into
    /// `Element` with the client's decoder; blank lines are skipped. A line that cannot be decoded ends the
    /// stream with a `StreamDecodingError`.
    {{access}} func jsonLines<Element: Decodable & Sendable>(
        of type: Element.Type, from body: HTTPBodyStream
    ) -> AsyncThrowingStream<Element, any Error> {
        StreamDecoding.elements(of: body.chunks, parser: JSONLinesParser()) { line, decoder in
            try StreamDecoding.decode(type, from: line, decoder: decoder)
        }
    }

    /// The JSON values of `body` as a JSON text sequence (`application/json-seq`, RFC 7464: each value after a
    /// record separator, U+001E), decoded into `Element` with the client's decoder.
    {{access}} func jsonSequence<Element: Decodable & Sendable>(
        of type: Element.Type, from body: HTTPBodyStream
    ) -> AsyncThrowingStream<Element, any Error> {
        StreamDecoding.elements(of: body.chunks, parser: JSONLinesParser(separator: 0x1E)) { record, decoder in
            try StreamDecoding.decode(type, from: record, decoder: decoder)
        }
    }
}

/// A binary response body read as it arrives, in chunks of bytes, so that a large download never has to fit in
/// memory: what the `…Streaming` method of an operation with a binary body returns, once the status has been
/// checked and any documented error thrown.
///
/// ```swift
/// let photo = try await api.downloadPhotoStreaming(id: 7)
/// try await photo.write(to: fileURL)  // or: for try await chunk in photo { … }
/// ```
///
/// Read it once, from one task. The chunks come as the transport receives them, and it receives them only as fast
/// as they are read (`URLSessionTransport.stream(_:baseURL:)`). Cancelling the task that reads the body ends it
/// with `CancellationError` and cancels the request, as does dropping the body unread; a connection that fails
/// ends it with the transport's error. A transport that does not stream (the default
/// `HTTPTransport.stream(_:baseURL:)`) has read the whole body before it is handed over.
{{access}} nonisolated struct ByteStream: AsyncSequence, Sendable {
    {{access}} typealias Element = Data

    /// The status and headers of the response. Its `body` is empty: the bytes are this sequence's.
    {{access}} let response: HTTPResponse
    private let chunks: AsyncThrowingStream<Data, any Error>

    /// The body `chunks` of `response`, whose own `body` is dropped.
    {{access}} init(response: HTTPResponse, chunks: AsyncThrowingStream<Data, any Error>) {
        var head = response
        head.body = Data()
        self.response = head
        self.chunks = chunks
    }

    /// The body of `response`: `body`'s chunks as they arrive when it streams, else the body `response` was read
    /// with, in one chunk.
    {{access}} init(response: HTTPResponse, body: HTTPBodyStream) {
        guard !body.isStreaming else {
            self.init(response: response, chunks: body.chunks)
            return
        }
        let whole = response.body
        self.init(
            response: response,
            chunks: AsyncThrowingStream { continuation in
                if !whole.isEmpty { continuation.yield(whole) }
                continuation.finish()
            })
    }

    /// The body's length as the server announced it (`Content-Length`), to show progress with; `nil` when it did
    /// not (a chunked body), or when the body is compressed (`Content-Encoding`), which the transport undoes.
    {{access}} var expectedLength: Int64? {
        if let encoding = response.headers["Content-Encoding"], encoding.lowercased() != "identity" { return nil }
        return response.headers["Content-Length"].flatMap { Int64($0.trimmingCharacters(in: .whitespaces)) }
    }

    {{access}} func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(chunks: chunks.makeAsyncIterator())
    }

    /// Reads the chunks in order.
    {{access}} struct AsyncIterator: AsyncIteratorProtocol {
        var chunks: AsyncThrowingStream<Data, any Error>.AsyncIterator

        /// The next chunk; `nil` at the end of the body. Throws `CancellationError` when the reading task is
        /// cancelled: a body cut short never looks whole.
        {{access}} mutating func next() async throws -> Data? {
            guard let chunk = try await chunks.next() else {
                try Task.checkCancellation()
                return nil
            }
            return chunk
        }
    }

    /// The whole body, for a body that may be small enough after all: throws `TooLargeError` as soon as it is
    /// longer than `maxBytes`, without reading the rest.
    {{access}} func collect(upTo maxBytes: Int) async throws -> Data {
        var data = Data()
        for try await chunk in self {
            guard chunk.count <= maxBytes - data.count else { throw TooLargeError(limit: maxBytes) }
            data.append(chunk)
        }
        return data
    }

    /// Writes the body into the file at `url` as it arrives, and returns its length.
    ///
    /// The file appears only once the whole body is in it, replacing any file at `url`: the bytes go into a
    /// hidden file beside it first (`.photo.jpg.<UUID>.partial`), which is moved into place at the end and removed
    /// if the body fails or the task is cancelled.
    @discardableResult
    {{access}} func write(to url: URL) async throws -> Int64 {
        let manager = FileManager.default
        let partial = url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).\(UUID().uuidString).partial")
        try Data().write(to: partial, options: .withoutOverwriting)
        var length: Int64 = 0
        do {
            let file = try FileHandle(forWritingTo: partial)
            do {
                for try await chunk in self {
                    try file.write(contentsOf: chunk)
                    length += Int64(chunk.count)
                }
                try file.close()
            } catch {
                try? file.close()
                throw error
            }
            // rename(2) replaces a file at `url` at once: there is never a moment without one.
            let failure = partial.withUnsafeFileSystemRepresentation { from in
                url.withUnsafeFileSystemRepresentation { to -> POSIXError.Code? in
                    guard let from, let to else { return .EINVAL }
                    return rename(from, to) == 0 ? nil : POSIXError.Code(rawValue: errno) ?? .EIO
                }
            }
            if let failure { throw POSIXError(failure) }
        } catch {
            try? manager.removeItem(at: partial)
            throw error
        }
        return length
    }

    /// The body is longer than `collect(upTo:)` reads.
    {{access}} struct TooLargeError: Error, CustomStringConvertible {
        /// The most bytes `collect(upTo:)` was to read.
        {{access}} var limit: Int

        {{access}} init(limit: Int) {
            self.limit = limit
        }

        {{access}} var description: String {
            "the body is longer than \(limit) bytes"
        }
    }
}

/// One server-sent event: its data, with the event type, the last event ID and the reconnection time the stream
/// had set when it was dispatched.
{{access}} nonisolated struct ServerSentEvent<Payload: Sendable>: Sendable {
    /// The `event` field; `nil` when the event has none (an event of type `message`, as browsers call it).
    {{access}} var event: String?
    /// The last `id` the stream set, as of this event (IDs carry over to the events after them); `nil` when none.
    {{access}} var id: String?
    /// The last `retry` the stream set, in milliseconds, as of this event; `nil` when none.
    {{access}} var retry: Int?
    /// The data: the `data` lines joined with line feeds, or decoded from them.
    {{access}} var data: Payload

    {{access}} init(event: String? = nil, id: String? = nil, retry: Int? = nil, data: Payload) {
        self.event = event
        self.id = id
        self.retry = retry
        self.data = data
    }
}

nonisolated extension ServerSentEvent: Equatable where Payload: Equatable {}
nonisolated extension ServerSentEvent: Hashable where Payload: Hashable {}

/// The data of a streamed element could not be decoded: the stream ends with this error.
{{access}} nonisolated struct StreamDecodingError: Error, CustomStringConvertible {
    /// The element's text as received (a server-sent event's data, a line, a record).
    {{access}} var text: String
    /// What the decoder said.
    {{access}} var underlying: any Error

    {{access}} init(text: String, underlying: any Error) {
        self.text = text
        self.underlying = underlying
    }

    {{access}} var description: String {
        "cannot decode the streamed element '\(text.prefix(200))': \(underlying)"
    }
}

/// A parser of a streaming body: bytes in, as they arrive; whole elements out.
{{access}} nonisolated protocol StreamParser: Sendable {
    associatedtype Output: Sendable
    /// The elements `bytes` completes, in order.
    mutating func parse(_ bytes: Data) -> [Output]
    /// The elements left when the body has ended.
    mutating func finish() -> [Output]
}

/// Parses `text/event-stream` as the WHATWG HTML standard (§ 9.2.6) says: lines end with CRLF, LF or CR; a blank
/// line dispatches the event; `data` lines are joined with line feeds; lines starting with `:` are comments;
/// `id` (without NUL) and `retry` (digits only) carry over to later events; other fields are ignored; an event
/// without data is not dispatched, nor one the body ends in the middle of.
{{access}} nonisolated struct ServerSentEventParser: StreamParser {
    private var line: [UInt8] = []
    private var afterCarriageReturn = false
    private var atStart = true
    private var data: [String] = []
    private var event: String?
    private var lastEventID: String?
    private var retry: Int?

    {{access}} init() {}

    {{access}} mutating func parse(_ bytes: Data) -> [ServerSentEvent<String>] {
        var events: [ServerSentEvent<String>] = []
        for byte in bytes {
            if afterCarriageReturn {
                afterCarriageReturn = false
                if byte == 0x0A { continue }
            }
            switch byte {
            case 0x0D:
                afterCarriageReturn = true
                endLine(&events)
            case 0x0A:
                endLine(&events)
            default:
                line.append(byte)
            }
        }
        return events
    }

    {{access}} mutating func finish() -> [ServerSentEvent<String>] {
        // An event the body ends in the middle of is not dispatched.
        line = []
        data = []
        event = nil
        return []
    }

    private mutating func endLine(_ events: inout [ServerSentEvent<String>]) {
        var bytes = line[...]
        line = []
        if atStart {
            atStart = false
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        }
        guard !bytes.isEmpty else {
            if !data.isEmpty {
                events.append(
                    ServerSentEvent(event: event, id: lastEventID, retry: retry, data: data.joined(separator: "\n")))
            }
            data = []
            event = nil
            return
        }
        if bytes.first == UInt8(ascii: ":") { return }
        let field: String
        let value: String
        if let colon = bytes.firstIndex(of: UInt8(ascii: ":")) {
            field = String(decoding: bytes[..<colon], as: UTF8.self)
            var rest = bytes[(colon + 1)...]
            if rest.first == UInt8(ascii: " ") { rest = rest.dropFirst() }
            value = String(decoding: rest, as: UTF8.self)
        } else {
            field = String(decoding: bytes, as: UTF8.self)
            value = ""
        }
        switch field {
        case "data": data.append(value)
        case "event": event = value.isEmpty ? nil : value
        case "id": if !value.contains("\u{0}") { lastEventID = value }
        case "retry":
            if !value.isEmpty, value.utf8.allSatisfy({ (0x30...0x39).contains($0) }) { retry = Int(value) }
        default: break
        }
    }
}

/// Splits a body into JSON texts: one per line (`application/x-ndjson`, `application/jsonl`; a CR before the LF
/// is dropped), or one per record separator (`application/json-seq`). Blank texts are skipped.
{{access}} nonisolated struct JSONLinesParser: StreamParser {
    private let separator: UInt8
    private var pending = Data()

    /// - Parameter separator: the byte that ends each text: a line feed, or 0x1E for JSON text sequences.
    {{access}} init(separator: UInt8 = 0x0A) {
        self.separator = separator
    }

    {{access}} mutating func parse(_ bytes: Data) -> [Data] {
        var texts: [Data] = []
        for byte in bytes {
            if byte == separator {
                emit(&texts)
            } else {
                pending.append(byte)
            }
        }
        return texts
    }

    {{access}} mutating func finish() -> [Data] {
        var texts: [Data] = []
        emit(&texts)
        return texts
    }

    private mutating func emit(_ texts: inout [Data]) {
        let text = pending
        pending = Data()
        let isBlank = text.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        if !isBlank { texts.append(text) }
    }
}

/// The reading loop shared by the streaming helpers.
nonisolated enum StreamDecoding {
    /// The elements `transform` makes of what `parser` reads from `chunks`; `transform` returning `nil` ends the
    /// stream. Ending the returned stream (or cancelling its reader) cancels the reading of `chunks`.
    static func elements<Parser: StreamParser, Element: Sendable>(
        of chunks: AsyncThrowingStream<Data, any Error>, parser: Parser,
        transform: @escaping @Sendable (Parser.Output, JSONDecoder) throws -> Element?
    ) -> AsyncThrowingStream<Element, any Error> {
        AsyncThrowingStream { continuation in
            let reader = Task {
                var parser = parser
                let decoder = JSONCoding.makeDecoder()
                do {
                    for try await chunk in chunks {
                        for output in parser.parse(chunk) {
                            guard let element = try transform(output, decoder) else {
                                continuation.finish()
                                return
                            }
                            continuation.yield(element)
                        }
                    }
                    if !Task.isCancelled {
                        for output in parser.finish() {
                            guard let element = try transform(output, decoder) else { break }
                            continuation.yield(element)
                        }
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in reader.cancel() }
        }
    }

    static func decode<Element: Decodable>(
        _ type: Element.Type, from data: Data, decoder: JSONDecoder
    ) throws -> Element {
        do {
            return try decoder.decode(type, from: data)
        } catch {
            throw StreamDecodingError(text: String(decoding: data, as: UTF8.self), underlying: error)
        }
    }
}

/// HTTP statuses as an operation's responses name them: listed codes (`.codes(200, 206)`), or every success but
/// the codes other responses take (`.successes(except: 204)`).
{{access}} nonisolated struct HTTPStatusSet: Sendable, Hashable {
    private let codes: Set<Int>
    private let isSuccessesExcept: Bool

    /// Every 2xx status.
    {{access}} static let successes = HTTPStatusSet(codes: [], isSuccessesExcept: true)

    /// The statuses `codes`.
    {{access}} static func codes(_ codes: Int...) -> HTTPStatusSet {
        HTTPStatusSet(codes: Set(codes), isSuccessesExcept: false)
    }

    /// Every 2xx status but `codes`.
    {{access}} static func successes(except codes: Int...) -> HTTPStatusSet {
        HTTPStatusSet(codes: Set(codes), isSuccessesExcept: true)
    }

    /// Whether `status` is in the set.
    {{access}} func contains(_ status: Int) -> Bool {
        isSuccessesExcept ? (200..<300).contains(status) && !codes.contains(status) : codes.contains(status)
    }
}

"""#,
        "UnionCoding.mustache": #"""
{{generatedHeader}}

import Foundation

/// What the JSON of a `oneOf` or `anyOf` alternative looks like, as far as choosing among alternatives needs: its
/// kinds, for objects the required members, the kinds of the declared members, and whether others are allowed, and
/// for arrays the shape of their items.
{{access}} nonisolated struct JSONShape: Sendable {
    /// A kind of JSON value. An integer is a number too.
    {{access}} enum Kind: Sendable {
        case object, array, string, integer, number, boolean, null
    }

    /// The kinds the value may have; empty for any.
    {{access}} var kinds: [Kind]
    {{access}} var required: [String]
    /// The declared members and the kinds each may have (empty for any).
    {{access}} var properties: [String: [Kind]]
    /// The members that may hold one string only (a `const`, an enum of one value): they tell alternatives apart
    /// where there is no discriminator.
    {{access}} var tags: [String: String]
    /// Whether members that are not declared are refused.
    {{access}} var closed: Bool
    /// The string values the description lists (an enum's): a value among them fits more closely.
    {{access}} var values: [String]
    /// The shape of every item of an array; `nil` for any items.
    {{access}} var items: JSONShape? {
        get { itemShapes.first }
        set { itemShapes = newValue.map { [$0] } ?? [] }
    }
    /// ``items``, stored in an array: a struct cannot hold a value of its own type.
    private var itemShapes: [JSONShape]

    {{access}} init(
        kinds: [Kind] = [], required: [String] = [], properties: [String: [Kind]] = [:], tags: [String: String] = [:],
        closed: Bool = false, values: [String] = [], items: JSONShape? = nil
    ) {
        self.kinds = kinds
        self.required = required
        self.properties = properties
        self.tags = tags
        self.closed = closed
        self.values = values
        self.itemShapes = items.map { [$0] } ?? []
    }

    /// How well `value` fits: `nil` when it does not, else higher for a closer fit (the exact kind, for objects
    /// every member of the value the shape declares and every tag it holds, and for arrays how well each item
    /// fits).
    {{access}} func fit(_ value: JSONValue) -> Int? {
        guard !kinds.isEmpty else { return 0 }
        let kind = Self.kind(of: value)
        var score = 0
        if kinds.contains(kind) {
            score += 1_000
        } else if !(kind == .integer && kinds.contains(.number)) {
            return nil
        }
        switch value {
        case .object(let members):
            guard required.allSatisfy({ members[$0] != nil }) else { return nil }
            for (name, member) in members {
                guard let declared = properties[name] else {
                    if closed { return nil }
                    continue
                }
                let memberKind = Self.kind(of: member)
                guard declared.isEmpty || declared.contains(memberKind)
                    || (memberKind == .integer && declared.contains(.number))
                else { return nil }
                score += 1
                if let tag = tags[name], case .string(let text) = member {
                    // Enums keep values they do not list, so another value still fits, but after every
                    // alternative whose tag it is: `{"type": "file_search"}` is a file search tool, whatever
                    // members it shares with the others.
                    score += text == tag ? 1 : -1_000
                }
            }
        case .array(let elements):
            guard let items else { break }
            for element in elements {
                guard let fit = items.fit(element) else { return nil }
                score += fit
            }
        case .string(let text) where !values.isEmpty:
            // Enums keep values they do not list, so a value outside `values` still fits, but less closely than
            // a plain string does: `"365"` is the `string` case of `none | string`, not an unknown `none`.
            score += values.contains(text) ? 1 : -1
        default:
            break
        }
        return score
    }

    static func kind(of value: JSONValue) -> Kind {
        switch value {
        case .null: .null
        case .bool: .boolean
        case .integer: .integer
        case .number: .number
        case .string: .string
        case .array: .array
        case .object: .object
        }
    }
}

/// Decoding of `oneOf` and `anyOf` enums: by discriminator, or by the shape of the JSON.
{{access}} nonisolated enum UnionCoding {
    /// The value of the discriminator property `name`; `nil` when the object has none.
    {{access}} static func discriminator(_ name: String, in decoder: any Decoder) throws -> String? {
        try decoder.container(keyedBy: AnyCodingKey.self).decodeIfPresent(String.self, forKey: AnyCodingKey(name))
    }

    /// The index of the case whose shape the value fits best. A value that fits none, or several equally well,
    /// is a decoding error that names the candidates: never the first that happens to decode. An empty array that
    /// fits several array cases equally is the first of them, as each holds the same nothing (`[]` of
    /// `[SimpleUser]` or `[Stargazer]`).
    {{access}} static func choose(among shapes: [JSONShape], cases: [String], in decoder: any Decoder, type: String) throws
        -> Int
    {
        let value = try decoder.singleValueContainer().decode(JSONValue.self)
        let fits = fits(shapes, value)
        guard let best = fits.map(\.1).max() else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "the value fits none of \(type)'s cases (\(cases.joined(separator: ", ")))"))
        }
        let top = fits.filter { $0.1 == best }
        guard top.count == 1 || value == .array([]) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "the value fits several of \(type)'s cases equally: "
                        + top.map { cases[$0.0] }.joined(separator: ", ")))
        }
        return top[0].0
    }

    /// The names of the cases of an `anyOf` of objects whose shapes the value fits, every one of them: the value
    /// is each of those alternatives at once. A value that fits none is a decoding error that names the cases.
    {{access}} static func fitting(_ shapes: [JSONShape], cases: [String], in decoder: any Decoder, type: String) throws
        -> Set<String>
    {
        let value = try decoder.singleValueContainer().decode(JSONValue.self)
        let fitting = Set(fits(shapes, value).map { cases[$0.0] })
        guard !fitting.isEmpty else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "the value fits none of \(type)'s alternatives (\(cases.joined(separator: ", ")))"))
        }
        return fitting
    }

    /// Decodes a value from `decoder` itself (an alternative read from the JSON object of the type that holds it),
    /// through `Decodable` as `Codable` does: a type whose `init(from:)` is deprecated, as it decodes deprecated
    /// members, makes no warning here.
    static func decode<Value: Decodable>(_ type: Value.Type, from decoder: any Decoder) throws -> Value {
        try Value(from: decoder)
    }

    /// Encodes a value, when there is one, into `encoder` itself (so its members join those of the type that holds
    /// it), through `Encodable` as `Codable` does: a type whose `encode(to:)` is deprecated makes no warning here.
    static func encode(_ value: (some Encodable)?, into encoder: any Encoder) throws {
        try value?.encode(to: encoder)
    }

    /// The indices of the shapes the value fits, each with how closely (``JSONShape/fit(_:)``).
    static func fits(_ shapes: [JSONShape], _ value: JSONValue) -> [(Int, Int)] {
        shapes.indices.compactMap { index in shapes[index].fit(value).map { (index, $0) } }
    }
}

"""#,
        "api.mustache": #"""
{{generatedHeader}}

import Foundation

{{^isExtension}}
{{#docComment}}
{{line}}
{{/docComment}}
{{access}} nonisolated struct {{name}}: Sendable {
    /// The client that sends the requests.
    {{access}} let client: APIClient

    /// Creates the API on `client`.
    {{access}} init(client: APIClient) {
        self.client = client
    }
{{/isExtension}}
{{#isExtension}}
nonisolated extension {{name}} {
    // MARK: - {{operationRange}}
{{/isExtension}}
{{#operations}}
{{#hasSimpleMethod}}
{{#methodVariants}}

{{#docComment}}
    {{line}}
{{/docComment}}
{{#isDeprecated}}
    @available(*, deprecated, message: {{deprecationMessageLiteral}})
{{/isDeprecated}}
    {{access}} func {{swiftName}}({{#hasParameters}}
{{#signatureParameters}}
        {{swiftName}}: {{type}}{{#hasNilDefault}} = nil{{/hasNilDefault}}{{^isLast}},{{/isLast}}
{{/signatureParameters}}
    {{/hasParameters}}) async throws{{^returnsVoid}} -> {{simpleReturnType}}{{/returnsVoid}} {
        let (result, response) = try await {{sendMethodName}}({{#hasArguments}}
{{#arguments}}
            {{label}}: {{value}}{{^isLast}},{{/isLast}}
{{/arguments}}
        {{/hasArguments}})
        switch result {
{{#responses}}
{{^coversManyStatuses}}
        case .{{caseMember}}{{#hasBody}}(let body{{#hasHeaders}}, _{{/hasHeaders}}){{/hasBody}}:
{{/coversManyStatuses}}
{{#coversManyStatuses}}
        case .{{caseMember}}{{#hasBody}}({{#checksSuccessStatus}}let statusCode{{/checksSuccessStatus}}{{^checksSuccessStatus}}_{{/checksSuccessStatus}}, let body{{#hasHeaders}}, _{{/hasHeaders}}){{/hasBody}}:
{{/coversManyStatuses}}
{{#checksSuccessStatus}}
{{#hasBody}}
            guard (200..<300).contains(statusCode) else { throw APIResponseError(body: body, response: response) }
{{/hasBody}}
{{^hasBody}}
            guard (200..<300).contains(response.statusCode) else { throw APIError.unexpectedStatus(response) }
{{/hasBody}}
{{/checksSuccessStatus}}
{{#isSuccess}}
            return{{#hasBody}} body{{/hasBody}}
{{/isSuccess}}
{{^isSuccess}}
{{#hasBody}}
            throw APIResponseError(body: body, response: response)
{{/hasBody}}
{{^hasBody}}
{{#isDefault}}
{{#returnsVoid}}
            guard (200..<300).contains(response.statusCode) else { throw APIError.unexpectedStatus(response) }
{{/returnsVoid}}
{{^returnsVoid}}
            throw APIError.unexpectedStatus(response)
{{/returnsVoid}}
{{/isDefault}}
{{^isDefault}}
            throw APIError.unexpectedStatus(response)
{{/isDefault}}
{{/hasBody}}
{{/isSuccess}}
{{/responses}}
{{#hasUndocumentedCase}}
        case .{{undocumentedCaseName}}:
{{#returnsVoid}}
            guard (200..<300).contains(response.statusCode) else { throw APIError.unexpectedStatus(response) }
{{/returnsVoid}}
{{^returnsVoid}}
            throw APIError.unexpectedStatus(response)
{{/returnsVoid}}
{{/hasUndocumentedCase}}
        }
    }
{{/methodVariants}}
{{/hasSimpleMethod}}

{{#hasResponseMethod}}
{{#methodVariants}}
{{#responseDocComment}}
    {{line}}
{{/responseDocComment}}
{{#isDeprecated}}
    @available(*, deprecated, message: {{deprecationMessageLiteral}})
{{/isDeprecated}}
    {{access}} func {{responseMethodName}}({{#hasParameters}}
{{#signatureParameters}}
        {{swiftName}}: {{type}}{{#hasNilDefault}} = nil{{/hasNilDefault}}{{^isLast}},{{/isLast}}
{{/signatureParameters}}
    {{/hasParameters}}) async throws -> {{responseTypeName}} {
        try await {{sendMethodName}}({{#hasArguments}}
{{#arguments}}
            {{label}}: {{value}}{{^isLast}},{{/isLast}}
{{/arguments}}
        {{/hasArguments}}).result
    }

{{/methodVariants}}
{{/hasResponseMethod}}
{{#responseTypeDocComment}}
    {{line}}
{{/responseTypeDocComment}}
{{#isDeprecated}}
    @available(*, deprecated, message: {{deprecationMessageLiteral}})
{{/isDeprecated}}
    {{access}} indirect enum {{responseTypeName}}: Sendable {
{{#responses}}
{{#caseDocComment}}
        {{line}}
{{/caseDocComment}}
{{^coversManyStatuses}}
        case {{caseName}}{{#hasPayload}}({{#hasBody}}{{bodyType}}{{#hasHeaders}}, {{/hasHeaders}}{{/hasBody}}{{#hasHeaders}}headers: {{headersTypeName}}{{/hasHeaders}}){{/hasPayload}}
{{/coversManyStatuses}}
{{#coversManyStatuses}}
        case {{caseName}}({{#hasBody}}statusCode: Int, body: {{bodyType}}{{/hasBody}}{{^hasBody}}HTTPResponse{{/hasBody}}{{#hasHeaders}}, headers: {{headersTypeName}}{{/hasHeaders}})
{{/coversManyStatuses}}
{{/responses}}
{{#hasUndocumentedCase}}
        /// A response the API description does not document, as received: a status it does not list, or a body
        /// that is not JSON where it documents JSON (a proxy's HTML error page).
        case {{undocumentedCaseName}}(HTTPResponse)
{{/hasUndocumentedCase}}
    }
{{^isStreamingVariant}}
{{#responses}}
{{#hasHeaders}}

{{#headersDocComment}}
    {{line}}
{{/headersDocComment}}
{{#isDeprecated}}
    @available(*, deprecated, message: {{deprecationMessageLiteral}})
{{/isDeprecated}}
    {{access}} struct {{headersTypeName}}: Sendable, Hashable {
{{#headers}}
{{#docComment}}
        {{line}}
{{/docComment}}
        {{access}} var {{swiftName}}: {{type}}
{{/headers}}

        /// Creates the headers from their values.
        {{access}} init(
{{#headers}}
            {{swiftName}}: {{type}}{{^isRequired}} = nil{{/isRequired}}{{^isLast}},{{/isLast}}
{{/headers}}
        ) {
{{#headers}}
            self.{{memberName}} = {{swiftName}}
{{/headers}}
        }

        /// Reads the headers of `response`: a required header that is missing or cannot be read as its type
        /// throws `APIError.invalidHeader`; an optional one is `nil` then.
        {{access}} init(from response: HTTPResponse) throws {
{{#headers}}
            self.{{memberName}} = {{#isRequired}}try response.requiredHeader{{/isRequired}}{{^isRequired}}response.header{{/isRequired}}({{nameLiteral}}, as: {{baseType}}.self)
{{/headers}}
        }
    }
{{/hasHeaders}}
{{/responses}}
{{/isStreamingVariant}}

{{#isDeprecated}}
    @available(*, deprecated, message: {{deprecationMessageLiteral}})
{{/isDeprecated}}
    private func {{sendMethodName}}({{#hasParameters}}
{{#signatureParameters}}
        {{swiftName}}: {{type}}{{^isLast}},{{/isLast}}
{{/signatureParameters}}
    {{/hasParameters}}) async throws -> (result: {{responseTypeName}}, response: HTTPResponse) {
        {{#buildsRequest}}var{{/buildsRequest}}{{^buildsRequest}}let{{/buildsRequest}} request = HTTPRequest(method: {{methodLiteral}}, path: {{pathLiteral}}, operationID: {{operationIDLiteral}})
{{#hasAccept}}
        request.headers["Accept"] = {{acceptLiteral}}
{{/hasAccept}}
{{#parameters}}
{{#isPath}}
        try request.setPath({{nameLiteral}}, {{swiftName}}{{^hasDefaultEncoding}}, style: .{{style}}, explode: {{explodeLiteral}}{{/hasDefaultEncoding}})
{{/isPath}}
{{#isQuery}}
        try request.addQuery({{nameLiteral}}, {{swiftName}}{{^hasDefaultEncoding}}, style: .{{style}}, explode: {{explodeLiteral}}{{#allowReserved}}, allowReserved: true{{/allowReserved}}{{/hasDefaultEncoding}})
{{/isQuery}}
{{#isHeader}}
        try request.setHeader({{nameLiteral}}, {{swiftName}}{{^hasDefaultEncoding}}, explode: {{explodeLiteral}}{{/hasDefaultEncoding}})
{{/isHeader}}
{{#isCookie}}
        try request.addCookie({{nameLiteral}}, {{swiftName}}{{^hasDefaultEncoding}}, explode: {{explodeLiteral}}{{/hasDefaultEncoding}})
{{/isCookie}}
{{/parameters}}
{{#requestBody}}
{{#isForm}}
{{^hasFields}}
        request.setBody(FormBody())
{{/hasFields}}
{{#hasFields}}
        var form = FormBody()
{{#fields}}
        try form.add({{nameLiteral}}, {{swiftName}}{{^hasDefaultEncoding}}, style: .{{style}}, explode: {{explodeLiteral}}{{#allowReserved}}, allowReserved: true{{/allowReserved}}{{/hasDefaultEncoding}})
{{/fields}}
        request.setBody(form)
{{/hasFields}}
{{/isForm}}
{{#isMultipart}}
{{^hasParts}}
        request.setBody(MultipartBody({{^isFormData}}mediaType: {{contentTypeLiteral}}{{/isFormData}}))
{{/hasParts}}
{{#hasParts}}
        var form = MultipartBody({{^isFormData}}mediaType: {{contentTypeLiteral}}{{/isFormData}})
{{#parts}}
{{#isTextPart}}
        try form.add({{nameLiteral}}, {{swiftName}}{{#hasPartContentType}}, contentType: {{partContentTypeLiteral}}{{/hasPartContentType}})
{{/isTextPart}}
{{#isJSONPart}}
        try form.add({{nameLiteral}}, json: {{swiftName}}{{#hasPartContentType}}, contentType: {{partContentTypeLiteral}}{{/hasPartContentType}})
{{/isJSONPart}}
{{#isFilePart}}
        try form.add({{nameLiteral}}, {{#isArray}}files{{/isArray}}{{^isArray}}file{{/isArray}}: {{swiftName}}{{#hasPartContentType}}, contentType: {{partContentTypeLiteral}}{{/hasPartContentType}})
{{/isFilePart}}
{{#partHeaders}}
        try form.setHeader({{nameLiteral}}, {{swiftName}}, forPart: {{partNameLiteral}})
{{/partHeaders}}
{{/parts}}
        request.setBody(form)
{{/hasParts}}
{{/isMultipart}}
{{#isJSON}}
{{#parameter}}
        try request.setJSONBody({{swiftName}}, contentType: {{contentTypeLiteral}})
{{/parameter}}
{{/isJSON}}
{{#isText}}
{{#parameter}}
        request.setBody({{swiftName}}, contentType: {{contentTypeLiteral}})
{{/parameter}}
{{/isText}}
{{#isBinary}}
{{#parameter}}
        request.setBody({{swiftName}}, contentType: {{contentTypeLiteral}})
{{/parameter}}
{{/isBinary}}
{{/requestBody}}
        let {{#readsAsItArrives}}(response, bodyStream){{/readsAsItArrives}}{{^readsAsItArrives}}response{{/readsAsItArrives}} = try await client.send(request, security: [{{#security}}[{{#schemes}}.{{swiftName}}{{^isLast}}, {{/isLast}}{{/schemes}}]{{^isLast}}, {{/isLast}}{{/security}}]{{#isStreaming}}, streaming: {{streamingContentTypesLiteral}}{{/isStreaming}}{{#streamsBytes}}, streamingStatuses: {{#byteStreamStatuses}}{{#isCodes}}.codes({{#codes}}{{code}}{{^isLast}}, {{/isLast}}{{/codes}}){{/isCodes}}{{^isCodes}}.successes{{#hasExcept}}(except: {{#except}}{{code}}{{^isLast}}, {{/isLast}}{{/except}}){{/hasExcept}}{{/isCodes}}{{/byteStreamStatuses}}{{/streamsBytes}})
        switch response.statusCode {
{{#responses}}
{{#isCode}}
        case {{code}}{{#checksContentType}} where response.isJSON{{/checksContentType}}{{#isStreamBody}} where bodyStream.isStreaming{{/isStreamBody}}:
{{/isCode}}
{{#isRange}}
        case {{rangeStart}}..<{{rangeEnd}}{{#checksContentType}} where response.isJSON{{/checksContentType}}{{#isStreamBody}} where bodyStream.isStreaming{{/isStreamBody}}:
{{/isRange}}
{{#isDefault}}
{{#checksContentType}}
        case _ where response.isJSON:
{{/checksContentType}}
{{#isStreamBody}}
        case _ where bodyStream.isStreaming:
{{/isStreamBody}}
{{^isConditional}}
        default:
{{/isConditional}}
{{/isDefault}}
{{^coversManyStatuses}}
            return (.{{caseMember}}{{#hasPayload}}({{#hasBody}}{{#isJSONBody}}try client.decodeJSON({{bodyType}}.self, from: response){{/isJSONBody}}{{#isTextBody}}response.bodyText{{/isTextBody}}{{#isBinaryBody}}response.body{{/isBinaryBody}}{{#isByteStreamBody}}ByteStream(response: response, body: bodyStream){{/isByteStreamBody}}{{#isStreamBody}}client.{{#isServerSentEvents}}serverSentEvents{{/isServerSentEvents}}{{#isJSONLines}}jsonLines{{/isJSONLines}}{{#isJSONSequence}}jsonSequence{{/isJSONSequence}}({{#decodesStreamElements}}of: {{streamElementType}}.self, {{/decodesStreamElements}}from: bodyStream){{/isStreamBody}}{{#hasHeaders}}, {{/hasHeaders}}{{/hasBody}}{{#hasHeaders}}headers: try {{headersTypeName}}(from: response){{/hasHeaders}}){{/hasPayload}}, response)
{{/coversManyStatuses}}
{{#coversManyStatuses}}
            return (.{{caseMember}}({{#hasBody}}statusCode: response.statusCode, body: {{#isJSONBody}}try client.decodeJSON({{bodyType}}.self, from: response){{/isJSONBody}}{{#isTextBody}}response.bodyText{{/isTextBody}}{{#isBinaryBody}}response.body{{/isBinaryBody}}{{#isByteStreamBody}}ByteStream(response: response, body: bodyStream){{/isByteStreamBody}}{{#isStreamBody}}client.{{#isServerSentEvents}}serverSentEvents{{/isServerSentEvents}}{{#isJSONLines}}jsonLines{{/isJSONLines}}{{#isJSONSequence}}jsonSequence{{/isJSONSequence}}({{#decodesStreamElements}}of: {{streamElementType}}.self, {{/decodesStreamElements}}from: bodyStream){{/isStreamBody}}{{/hasBody}}{{^hasBody}}response{{/hasBody}}{{#hasHeaders}}, headers: try {{headersTypeName}}(from: response){{/hasHeaders}}), response)
{{/coversManyStatuses}}
{{/responses}}
{{#hasUndocumentedCase}}
        default:
            return (.{{undocumentedCaseName}}(response), response)
{{/hasUndocumentedCase}}
        }
    }
{{/operations}}
}

"""#,
        "api_doc.mustache": #"""
# {{name}}

{{#hasDescription}}
{{description}}

{{/hasDescription}}
All URIs are relative to `{{defaultServerURL}}`.

| Method | HTTP request | Description |
| --- | --- | --- |
{{#operations}}
| [`{{swiftName}}`](#{{docAnchor}}) | `{{method}} {{path}}` | {{summary}} |
{{/operations}}
{{#operations}}

## {{swiftName}}

```swift
{{#hasSimpleMethod}}
func {{swiftName}}({{#signatureParameters}}{{swiftName}}: {{type}}{{#isOptional}} = nil{{/isOptional}}{{^isLast}}, {{/isLast}}{{/signatureParameters}}) async throws -> {{simpleReturnType}}
{{/hasSimpleMethod}}
{{#hasResponseMethod}}
func {{responseMethodName}}({{#signatureParameters}}{{swiftName}}: {{type}}{{#isOptional}} = nil{{/isOptional}}{{^isLast}}, {{/isLast}}{{/signatureParameters}}) async throws -> {{responseTypeName}}
{{/hasResponseMethod}}
```
{{#hasSummary}}

{{summary}}
{{/hasSummary}}
{{#hasDescription}}

{{description}}
{{/hasDescription}}
{{#isDeprecated}}

**Deprecated.**
{{/isDeprecated}}

### Example

```swift
import Foundation
import {{moduleName}}

let client = APIClient(baseURL: URL(string: "{{defaultServerURL}}")!)
do {
    let result = try await {{name}}(client: client).{{#hasSimpleMethod}}{{swiftName}}{{/hasSimpleMethod}}{{^hasSimpleMethod}}{{responseMethodName}}{{/hasSimpleMethod}}({{exampleArguments}})
    print(result)
} catch {
    print(error)
}
```

### Parameters
{{^hasParameters}}

This operation has no parameters.
{{/hasParameters}}
{{#hasParameters}}

| Name | Type | In | Description | |
| --- | --- | --- | --- | --- |
{{#signatureParameters}}
| `{{swiftName}}` | {{typeMarkdown}} | {{location}} | {{description}} | {{requiredText}}{{#isDeprecated}}, deprecated{{/isDeprecated}} |
{{/signatureParameters}}
{{/hasParameters}}
{{#requestBody}}
{{#hasParts}}

### Multipart parts

The body is `{{requestContentType}}`, one part per parameter, in this order; an array is one part per item, all
under the same name.

| Part | Parameter | Kind | Content-Type | Part headers |
| --- | --- | --- | --- | --- |
{{#parts}}
| `{{name}}` | `{{swiftName}}` | {{partKind}} | `{{partContentTypes}}` | {{#partHeaders}}`{{name}}` (`{{label}}`, {{requiredText}}){{#description}}: {{description}}{{/description}}{{^isLast}}; {{/isLast}}{{/partHeaders}} |
{{/parts}}
{{#hasPartHeaders}}

A part's headers are parameters too; each is sent with every part of its part's name, and not at all when that
part is not sent.
{{/hasPartHeaders}}
{{/hasParts}}
{{/requestBody}}

### Return type

{{returnTypeMarkdown}}

### Authorization

{{authorization}}

### HTTP request headers

- **Content-Type**: {{#hasRequestBody}}`{{requestContentType}}`{{/hasRequestBody}}{{^hasRequestBody}}not defined{{/hasRequestBody}}
- **Accept**: {{#hasAccept}}`{{accept}}`{{/hasAccept}}{{^hasAccept}}not defined{{/hasAccept}}

### HTTP responses

| Status | Description | Body |
| --- | --- | --- |
{{#responses}}
| {{status}} | {{description}} | {{bodyMarkdown}} |
{{/responses}}
{{#responses}}
{{#hasHeaders}}

Headers of {{status}}, in `{{headersTypeName}}`{{#hasResponseMethod}} (from `{{responseMethodName}}`){{/hasResponseMethod}}:

| Name | Property | Type | Description | |
| --- | --- | --- | --- | --- |
{{#headers}}
| `{{name}}` | `{{memberName}}` | {{typeMarkdown}} | {{description}} | {{requiredText}} |
{{/headers}}
{{/hasHeaders}}
{{/responses}}
{{/operations}}

[Back to README](../README.md)

"""#,
        "json_shape.mustache": #"""
JSONShape({{#hasKinds}}kinds: [{{#kinds}}.{{kind}}{{^isLast}}, {{/isLast}}{{/kinds}}]{{/hasKinds}}{{#hasRequired}}, required: [{{#required}}{{literal}}{{^isLast}}, {{/isLast}}{{/required}}]{{/hasRequired}}{{#hasProperties}}, properties: [{{#properties}}{{nameLiteral}}: [{{#kinds}}.{{kind}}{{^isLast}}, {{/isLast}}{{/kinds}}]{{^isLast}}, {{/isLast}}{{/properties}}]{{/hasProperties}}{{#hasTags}}, tags: [{{#tags}}{{nameLiteral}}: {{tagLiteral}}{{^isLast}}, {{/isLast}}{{/tags}}]{{/hasTags}}{{#closed}}, closed: true{{/closed}}{{#hasValues}}, values: [{{#values}}{{literal}}{{^isLast}}, {{/isLast}}{{/values}}]{{/hasValues}}{{#items}}, items: {{> json_shape}}{{/items}})
"""#,
        "manifest.yaml": #"""
# Which files Bindery writes, from which template, for what.
#   template: the template's file name without .mustache
#   each:     api (one file per API type), apiFile (one per part of an API type: an API of more than
#             APIContext.operationsPerFile operations is split into its type and extensions, which compile much
#             faster than one large file) or model (one per top-level model type); omitted: one file
#   path:     where the file goes in the output folder; a template itself, rendered with the same context
#   if:       a flag of the package context (hasUnions, hasStreams, hasMultipart, hasServers, generatesDocs,
#             isPackage), or a list of them; the file is written only when every one is true
# A folder given with --templates may replace this file to add, drop or move files.
files:
  - template: Package.swift
    path: Package.swift
    if: isPackage
  - template: README.md
    path: README.md
    if: [isPackage, generatesDocs]
  - template: api
    each: apiFile
    path: "{{sourcesDirectory}}/APIs/{{fileName}}.swift"
  - template: model
    each: model
    path: "{{sourcesDirectory}}/Models/{{name}}.swift"
  - template: api_doc
    each: api
    path: "{{docsDirectory}}/{{name}}.md"
    if: generatesDocs
  - template: model_doc
    each: model
    path: "{{docsDirectory}}/{{name}}.md"
    if: generatesDocs
  - template: Servers
    path: "{{sourcesDirectory}}/{{serversName}}.swift"
    if: hasServers
  - template: APIClient
    path: "{{sourcesDirectory}}/Runtime/APIClient.swift"
  - template: APIError
    path: "{{sourcesDirectory}}/Runtime/APIError.swift"
  - template: Middleware
    path: "{{sourcesDirectory}}/Runtime/Middleware.swift"
  - template: RetryPolicy
    path: "{{sourcesDirectory}}/Runtime/RetryPolicy.swift"
  - template: HTTPTransport
    path: "{{sourcesDirectory}}/Runtime/HTTPTransport.swift"
  - template: HTTPRequest
    path: "{{sourcesDirectory}}/Runtime/HTTPRequest.swift"
  - template: HTTPResponse
    path: "{{sourcesDirectory}}/Runtime/HTTPResponse.swift"
  - template: ParameterEncoding
    path: "{{sourcesDirectory}}/Runtime/ParameterEncoding.swift"
  - template: MultipartBody
    path: "{{sourcesDirectory}}/Runtime/MultipartBody.swift"
    if: hasMultipart
  - template: JSONCoding
    path: "{{sourcesDirectory}}/Runtime/JSONCoding.swift"
  - template: JSONValue
    path: "{{sourcesDirectory}}/Runtime/JSONValue.swift"
  - template: UnionCoding
    path: "{{sourcesDirectory}}/Runtime/UnionCoding.swift"
    if: hasUnions
  - template: Streaming
    path: "{{sourcesDirectory}}/Runtime/Streaming.swift"
    if: hasStreams
  - template: CalendarDate
    path: "{{sourcesDirectory}}/Runtime/CalendarDate.swift"
  - template: SecurityScheme
    path: "{{sourcesDirectory}}/Runtime/SecurityScheme.swift"

"""#,
        "model.mustache": #"""
{{generatedHeader}}

import Foundation

{{>model_declaration}}

"""#,
        "model_declaration.mustache": #"""
{{#docComment}}
{{line}}
{{/docComment}}
{{#isDeprecated}}
@available(*, deprecated{{#hasDeprecationMessage}}, message: {{deprecationMessageLiteral}}{{/hasDeprecationMessage}})
{{/isDeprecated}}
{{#isStruct}}
{{access}} {{^isNested}}nonisolated {{/isNested}}struct {{name}}: Codable, Hashable, Sendable{{#conformances}}, {{name}}{{/conformances}} {
{{#properties}}
{{#docComment}}
    {{line}}
{{/docComment}}
{{#isDeprecated}}
    @available(*, deprecated{{#hasDeprecationMessage}}, message: {{deprecationMessageLiteral}}{{/hasDeprecationMessage}})
{{/isDeprecated}}
{{^isIndirect}}
    {{access}} var {{name}}: {{type}}
{{/isIndirect}}
{{#isIndirect}}
    {{access}} var {{name}}: {{type}} {
        get { {{storageName}}{{#isOptional}}?{{/isOptional}}.value }
        set { {{storageName}} = {{#isOptional}}newValue.map(Indirect.init){{/isOptional}}{{^isOptional}}Indirect(newValue){{/isOptional}} }
    }
{{#isDeprecated}}
    @available(*, deprecated{{#hasDeprecationMessage}}, message: {{deprecationMessageLiteral}}{{/hasDeprecationMessage}})
{{/isDeprecated}}
    private var {{storageName}}: Indirect<{{baseType}}>{{#isOptional}}?{{/isOptional}}
{{/isIndirect}}
{{/properties}}
{{#hasAdditionalProperties}}
    /// Properties the API description does not list, by JSON key.
    {{access}} var {{additionalPropertiesName}}: [String: {{additionalPropertiesType}}]
{{/hasAdditionalProperties}}
{{#hasAdditionalItems}}
    /// The items after the positions the API description lists, in order.
    {{access}} var {{additionalItemsName}}: [{{additionalItemsType}}]
{{/hasAdditionalItems}}
{{#initializers}}
{{#hasProperties}}

{{/hasProperties}}
{{^isDeprecated}}
    /// Creates a value from its properties.
{{/isDeprecated}}
{{#isDeprecated}}
    /// Creates a value from its properties, deprecated ones included.
    @available(*, deprecated, message: "Sets deprecated properties.")
{{/isDeprecated}}
{{^hasParameters}}
    {{access}} init() {}
{{/hasParameters}}
{{#hasParameters}}
    {{access}} init(
{{#parameters}}
        {{name}}: {{type}}{{#hasDefault}} = {{defaultLiteral}}{{/hasDefault}}{{^hasDefault}}{{#isOptional}} = nil{{/isOptional}}{{/hasDefault}}{{^isLast}},{{/isLast}}{{#isLast}}{{#hasAdditionalProperties}},{{/hasAdditionalProperties}}{{#hasAdditionalItems}},{{/hasAdditionalItems}}{{/isLast}}
{{/parameters}}
{{#hasAdditionalProperties}}
        {{additionalPropertiesName}}: [String: {{additionalPropertiesType}}] = [:]
{{/hasAdditionalProperties}}
{{#hasAdditionalItems}}
        {{additionalItemsName}}: [{{additionalItemsType}}] = []
{{/hasAdditionalItems}}
    ) {
{{#parameters}}
{{^isIndirect}}
        self.{{memberName}} = {{name}}
{{/isIndirect}}
{{#isIndirect}}
        self.{{storageName}} = {{#isOptional}}{{name}}.map(Indirect.init){{/isOptional}}{{^isOptional}}Indirect({{name}}){{/isOptional}}
{{/isIndirect}}
{{/parameters}}
{{#hasAdditionalProperties}}
        self.{{additionalPropertiesName}} = {{additionalPropertiesName}}
{{/hasAdditionalProperties}}
{{#hasAdditionalItems}}
        self.{{additionalItemsName}} = {{additionalItemsName}}
{{/hasAdditionalItems}}
    }
{{/hasParameters}}
{{/initializers}}
{{^isTuple}}
{{^isAnyOf}}
{{#hasAdditionalProperties}}
{{#hasKeyedProperties}}

    /// The JSON keys of the properties; the object's other members are its additional properties.
    private static let propertyKeys: Set<String> = [
{{#properties}}
{{^isFlattened}}
        {{jsonKeyLiteral}},
{{/isFlattened}}
{{/properties}}
    ]
{{/hasKeyedProperties}}
{{/hasAdditionalProperties}}

{{#isCodingDeprecated}}
    @available(*, deprecated, message: "Decodes deprecated properties.")
{{/isCodingDeprecated}}
    {{access}} init(from decoder: any Decoder) throws {
{{#hasKeyedProperties}}
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
{{/hasKeyedProperties}}
{{^hasProperties}}
{{^hasAdditionalProperties}}
        _ = try decoder.container(keyedBy: AnyCodingKey.self)
{{/hasAdditionalProperties}}
{{/hasProperties}}
{{#properties}}
{{#isFlattened}}
{{^isIndirect}}
        self.{{memberName}} = try UnionCoding.decode({{baseType}}.self, from: decoder)
{{/isIndirect}}
{{#isIndirect}}
        self.{{storageName}} = Indirect(try UnionCoding.decode({{baseType}}.self, from: decoder))
{{/isIndirect}}
{{/isFlattened}}
{{^isFlattened}}
{{^isIndirect}}
        self.{{memberName}} = try container.decode{{#isOptional}}IfPresent{{/isOptional}}({{baseType}}.self, {{jsonKeyLiteral}})
{{/isIndirect}}
{{#isIndirect}}
{{#isOptional}}
        self.{{storageName}} = try container.decodeIfPresent({{baseType}}.self, {{jsonKeyLiteral}}).map(Indirect.init)
{{/isOptional}}
{{^isOptional}}
        self.{{storageName}} = Indirect(try container.decode({{baseType}}.self, {{jsonKeyLiteral}}))
{{/isOptional}}
{{/isIndirect}}
{{/isFlattened}}
{{/properties}}
{{#hasAdditionalProperties}}
        let others = try decoder.container(keyedBy: AnyCodingKey.self)
        var additional: [String: {{additionalPropertiesType}}] = [:]
        for key in others.allKeys{{#hasKeyedProperties}} where !Self.propertyKeys.contains(key.stringValue){{/hasKeyedProperties}} {
            additional[key.stringValue] = try others.decode({{additionalPropertiesType}}.self, forKey: key)
        }
        self.{{additionalPropertiesName}} = additional
{{/hasAdditionalProperties}}
    }

{{#isCodingDeprecated}}
    @available(*, deprecated, message: "Encodes deprecated properties.")
{{/isCodingDeprecated}}
    {{access}} func encode(to encoder: any Encoder) throws {
{{#hasEncodedProperties}}
        var container = encoder.container(keyedBy: AnyCodingKey.self)
{{/hasEncodedProperties}}
{{^hasProperties}}
{{^hasAdditionalProperties}}
        _ = encoder.container(keyedBy: AnyCodingKey.self)
{{/hasAdditionalProperties}}
{{/hasProperties}}
{{! choices last: a member the struct and its choice both hold is written as the choice has it, the
    alternative's schema being the more precise (a nested object it refines keeps its extra members). }}
{{#properties}}
{{^isFlattened}}
{{^isReadOnly}}
        try container.encode{{#encodesIfPresent}}IfPresent{{/encodesIfPresent}}(self.{{memberName}}, {{jsonKeyLiteral}})
{{/isReadOnly}}
{{/isFlattened}}
{{/properties}}
{{#properties}}
{{#isFlattened}}
        try UnionCoding.encode(self.{{memberName}}, into: encoder)
{{/isFlattened}}
{{/properties}}
{{#hasAdditionalProperties}}
        var others = encoder.container(keyedBy: AnyCodingKey.self)
        for (key, value) in self.{{additionalPropertiesName}}{{#hasKeyedProperties}} where !Self.propertyKeys.contains(key){{/hasKeyedProperties}} {
            try others.encode(value, forKey: AnyCodingKey(key))
        }
{{/hasAdditionalProperties}}
    }
{{/isAnyOf}}
{{#isAnyOf}}

    /// What the JSON of each alternative looks like, in property order: the value is every alternative it fits.
    static let shapes: [JSONShape] = [
{{#properties}}
{{#shape}}
        {{> json_shape}}{{^isLast}},{{/isLast}}
{{/shape}}
{{/properties}}
    ]

    {{access}} init(from decoder: any Decoder) throws {
        let fitting = try UnionCoding.fitting(
            Self.shapes, cases: [{{#properties}}{{memberNameLiteral}}{{^isLast}}, {{/isLast}}{{/properties}}], in: decoder, type: {{nameLiteral}})
{{#properties}}
{{^isIndirect}}
        self.{{memberName}} = fitting.contains({{memberNameLiteral}}) ? try UnionCoding.decode({{baseType}}.self, from: decoder) : nil
{{/isIndirect}}
{{#isIndirect}}
        self.{{storageName}} = fitting.contains({{memberNameLiteral}}) ? Indirect(try UnionCoding.decode({{baseType}}.self, from: decoder)) : nil
{{/isIndirect}}
{{/properties}}
    }

    {{access}} func encode(to encoder: any Encoder) throws {
{{#properties}}
        try UnionCoding.encode(self.{{memberName}}, into: encoder)
{{/properties}}
    }
{{/isAnyOf}}
{{/isTuple}}
{{#isTuple}}

    {{access}} init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
{{#properties}}
{{^isIndirect}}
        self.{{memberName}} = try container.decode{{#isOptional}}IfPresent{{/isOptional}}({{baseType}}.self)
{{/isIndirect}}
{{#isIndirect}}
{{#isOptional}}
        self.{{storageName}} = (try container.decodeIfPresent({{baseType}}.self)).map(Indirect.init)
{{/isOptional}}
{{^isOptional}}
        self.{{storageName}} = Indirect(try container.decode({{baseType}}.self))
{{/isOptional}}
{{/isIndirect}}
{{/properties}}
{{#hasAdditionalItems}}
        var additional: [{{additionalItemsType}}] = []
        while !container.isAtEnd {
            additional.append(try container.decode({{additionalItemsType}}.self))
        }
        self.{{additionalItemsName}} = additional
{{/hasAdditionalItems}}
    }

    {{access}} func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
{{#properties}}
{{#isTrailingOptional}}
        if {{#presenceChecks}}self.{{memberName}} != nil{{^isLast}} || {{/isLast}}{{/presenceChecks}}{{#hasAdditionalItems}} || !self.{{additionalItemsName}}.isEmpty{{/hasAdditionalItems}} {
            try container.encode(self.{{memberName}})
        }
{{/isTrailingOptional}}
{{^isTrailingOptional}}
        try container.encode(self.{{memberName}})
{{/isTrailingOptional}}
{{/properties}}
{{#hasAdditionalItems}}
        try container.encode(contentsOf: self.{{additionalItemsName}})
{{/hasAdditionalItems}}
    }
{{/isTuple}}
{{#nestedDeclarations}}
{{line}}
{{/nestedDeclarations}}
}
{{/isStruct}}
{{#isEnum}}
{{access}} {{^isNested}}nonisolated {{/isNested}}enum {{name}}: Codable, Hashable, Sendable, CaseIterable, RawRepresentable{{#conformances}}, {{name}}{{/conformances}} {
{{#cases}}
{{#docComment}}
    {{line}}
{{/docComment}}
    case {{name}}
{{/cases}}
    /// A value the API description does not list, as received.
    case {{unknownCaseName}}({{rawType}})

    /// The values the API description lists.
    {{access}} static let allCases: [{{name}}] = [{{#cases}}.{{memberName}}{{^isLast}}, {{/isLast}}{{/cases}}]

    {{access}} init(rawValue: {{rawType}}) {
        self = Self.casesByRawValue[rawValue] ?? .{{unknownCaseName}}(rawValue)
    }

    private static let casesByRawValue: [{{rawType}}: {{name}}] = Dictionary(
        allCases.map { ($0.rawValue, $0) }, uniquingKeysWith: { first, _ in first })

    {{access}} var rawValue: {{rawType}} {
        switch self {
{{#cases}}
        case .{{memberName}}: {{rawValueLiteral}}
{{/cases}}
        case .{{unknownCaseName}}(let value): value
        }
    }

    {{access}} init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode({{rawType}}.self))
    }

    {{access}} func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
{{/isEnum}}
{{#isAlias}}
{{access}} typealias {{name}} = {{aliasTarget}}
{{/isAlias}}
{{#isUnion}}
{{access}} {{^isNested}}nonisolated {{/isNested}}{{#isIndirect}}indirect {{/isIndirect}}enum {{name}}: Codable, Hashable, Sendable{{#conformances}}, {{name}}{{/conformances}} {
{{#unionCases}}
{{#docComment}}
    {{line}}
{{/docComment}}
{{#isDeprecated}}
    @available(*, deprecated{{#hasDeprecationMessage}}, message: {{deprecationMessageLiteral}}{{/hasDeprecationMessage}})
{{/isDeprecated}}
    case {{name}}({{type}})
{{/unionCases}}
{{#hasDiscriminator}}
    /// A value whose `{{discriminator}}` the API description does not map to a case, as received.
    case {{unknownCaseName}}(JSONValue)
{{/hasDiscriminator}}
{{^hasDiscriminator}}

    /// What the JSON of each case looks like, in case order: a value is decoded as the case it fits.
    static let shapes: [JSONShape] = [
{{#unionCases}}
{{#shape}}
        {{> json_shape}}{{^isLast}},{{/isLast}}
{{/shape}}
{{/unionCases}}
    ]
{{/hasDiscriminator}}

{{#isCodingDeprecated}}
    @available(*, deprecated, message: "Decodes deprecated cases.")
{{/isCodingDeprecated}}
    {{access}} init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
{{#hasDiscriminator}}
        switch try UnionCoding.discriminator({{discriminatorLiteral}}, in: decoder) {
{{#unionCases}}
{{#hasDiscriminatorValues}}
        case {{#discriminatorValues}}{{literal}}{{^isLast}}, {{/isLast}}{{/discriminatorValues}}:
            self = .{{member}}(try container.decode({{type}}.self))
{{/hasDiscriminatorValues}}
{{/unionCases}}
        default:
            self = .{{unknownCaseMember}}(try container.decode(JSONValue.self))
        }
{{/hasDiscriminator}}
{{^hasDiscriminator}}
        let index = try UnionCoding.choose(
            among: Self.shapes, cases: [{{#unionCases}}{{nameLiteral}}{{^isLast}}, {{/isLast}}{{/unionCases}}], in: decoder, type: {{nameLiteral}})
        switch index {
{{#unionCases}}
        case {{index}}: self = .{{member}}(try container.decode({{type}}.self))
{{/unionCases}}
        default: throw DecodingError.dataCorruptedError(in: container, debugDescription: "no case \(index) in {{name}}")
        }
{{/hasDiscriminator}}
    }

{{#isCodingDeprecated}}
    @available(*, deprecated, message: "Encodes deprecated cases.")
{{/isCodingDeprecated}}
    {{access}} func encode(to encoder: any Encoder) throws {
{{#hasSingleValueCases}}
        var container = encoder.singleValueContainer()
{{/hasSingleValueCases}}
        switch self {
{{#unionCases}}
        case .{{member}}(let value): try {{#encodesInPlace}}UnionCoding.encode(value, into: encoder){{/encodesInPlace}}{{^encodesInPlace}}container.encode(value){{/encodesInPlace}}
{{/unionCases}}
{{#hasDiscriminator}}
        case .{{unknownCaseMember}}(let value): try value.encode(to: encoder)
{{/hasDiscriminator}}
        }
    }
{{#nestedDeclarations}}
{{line}}
{{/nestedDeclarations}}
}
{{/isUnion}}

"""#,
        "model_doc.mustache": #"""
# {{name}}

{{#hasDescription}}
{{description}}

{{/hasDescription}}
{{#isDeprecated}}
**Deprecated.**{{#hasDeprecationMessage}} {{deprecationMessage}}{{/hasDeprecationMessage}}

{{/isDeprecated}}
{{#isStruct}}
`struct {{name}}`{{#hasSource}}, generated from `{{source}}`{{/hasSource}}{{#isTuple}}: a JSON array, a property per position{{/isTuple}}.

## Properties

{{^isTuple}}
| Name | Type | JSON key | Description | |
| --- | --- | --- | --- | --- |
{{#properties}}
| `{{name}}` | {{typeMarkdown}} | {{#isFlattened}}(its own){{/isFlattened}}{{^isFlattened}}`{{jsonKey}}`{{/isFlattened}} | {{description}} | {{requiredText}}{{#isDeprecated}}, deprecated{{/isDeprecated}} |
{{/properties}}
{{#hasAdditionalProperties}}
| `{{additionalPropertiesName}}` | {{additionalPropertiesTypeMarkdown}} | | Properties the API description does not list. | |
{{/hasAdditionalProperties}}
{{/isTuple}}
{{#isTuple}}
| Name | Type | Position | Description | |
| --- | --- | --- | --- | --- |
{{#properties}}
| `{{name}}` | {{typeMarkdown}} | {{position}} | {{description}} | {{requiredText}} |
{{/properties}}
{{#hasAdditionalItems}}
| `{{additionalItemsName}}` | {{additionalItemsTypeMarkdown}} | the rest | The items after the positions the API description lists. | |
{{/hasAdditionalItems}}
{{/isTuple}}
{{#hasNestedTypes}}

## Nested types

{{#nestedTypes}}
- `{{qualifiedName}}`{{#isEnum}}: one of {{#cases}}`{{rawValue}}`{{^isLast}}, {{/isLast}}{{/cases}}{{/isEnum}}
{{/nestedTypes}}
{{/hasNestedTypes}}
{{/isStruct}}
{{#isEnum}}
`enum {{name}}`{{#hasSource}}, generated from `{{source}}`{{/hasSource}}.

## Values

| Case | Value |
| --- | --- |
{{#cases}}
| `{{name}}` | `{{rawValue}}` |
{{/cases}}

Values the API description does not list decode as `.{{unknownCaseName}}(String)`.
{{/isEnum}}
{{#isAlias}}
`typealias {{name}} = {{aliasTarget}}`{{#hasSource}}, generated from `{{source}}`{{/hasSource}}: {{aliasTargetMarkdown}}.
{{/isAlias}}

[Back to README](../README.md)

"""#,
    ]
}
