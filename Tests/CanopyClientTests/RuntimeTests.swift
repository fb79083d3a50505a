import Canopy
import Foundation
import TestExecutors
import Testing

/// The generated runtime on its own: encodings, dates, headers, JSON values.
@Suite(.computing) struct RuntimeTests {
    @Test func formBodyEncodesOnlyGivenFieldsInOrder() throws {
        var form = FormBody()
        try form.add("a", "x y")
        try form.add("skipped", String?.none)
        try form.add("n", 5)
        try form.add("flag", true)
        try form.add("ids", [1, 2], explode: true)
        try form.add("csv", ["p", "q,r"], explode: false)
        #expect(String(decoding: form.encoded, as: UTF8.self) == "a=x%20y&n=5&flag=true&ids=1&ids=2&csv=p,q%2Cr")
    }

    /// A nested object in a form body: fields of its own at the first level, brackets below (Stripe's
    /// `deepObject` is the same with the field's name in front).
    @Test func formBodiesWriteObjectsAsFieldsNotJSON() throws {
        var form = FormBody()
        try form.add("card", Card(number: "42", address: Address(city: "Zürich", lines: ["a", "b"])))
        try form.add(
            "metadata", Card(number: "7", address: nil), style: .deepObject, explode: true)
        #expect(
            String(decoding: form.encoded, as: UTF8.self)
                == "number=42&address%5Bcity%5D=Z%C3%BCrich&address%5Blines%5D%5B0%5D=a&address%5Blines%5D%5B1%5D=b"
                + "&metadata%5Bnumber%5D=7")
    }

    /// Every style and explode combination of OpenAPI's style table, for a string, an array and an object.
    @Test func parameterStylesFollowTheOpenAPITable() throws {
        let color = Color(r: 100, g: 200)
        func query(_ value: some Encodable, _ style: ParameterStyle, _ explode: Bool) throws -> String {
            var request = HTTPRequest(method: "GET", path: "/")
            try request.addQuery("color", value, style: style, explode: explode)
            return request.query.joined(separator: "&")
        }
        func path(_ value: some Encodable, _ style: ParameterStyle, _ explode: Bool) throws -> String {
            var request = HTTPRequest(method: "GET", path: "/x{color}")
            try request.setPath("color", value, style: style, explode: explode)
            return String(request.path.dropFirst(2))
        }
        let list = ["blue", "black", "brown"]
        #expect(try path("blue", .simple, false) == "blue")
        #expect(try path(list, .simple, true) == "blue,black,brown")
        #expect(try path(color, .simple, false) == "R,100,G,200")
        #expect(try path(color, .simple, true) == "R=100,G=200")
        #expect(try path("blue", .label, false) == ".blue")
        #expect(try path(list, .label, false) == ".blue,black,brown")
        #expect(try path(list, .label, true) == ".blue.black.brown")
        #expect(try path(color, .label, false) == ".R,100,G,200")
        #expect(try path(color, .label, true) == ".R=100.G=200")
        #expect(try path("blue", .matrix, false) == ";color=blue")
        #expect(try path(list, .matrix, false) == ";color=blue,black,brown")
        #expect(try path(list, .matrix, true) == ";color=blue;color=black;color=brown")
        #expect(try path(color, .matrix, false) == ";color=R,100,G,200")
        #expect(try path(color, .matrix, true) == ";R=100;G=200")
        #expect(try query("blue", .form, true) == "color=blue")
        #expect(try query(list, .form, false) == "color=blue,black,brown")
        #expect(try query(list, .form, true) == "color=blue&color=black&color=brown")
        #expect(try query(color, .form, false) == "color=R,100,G,200")
        #expect(try query(color, .form, true) == "R=100&G=200")
        #expect(try query(list, .spaceDelimited, false) == "color=blue%20black%20brown")
        #expect(try query(list, .pipeDelimited, false) == "color=blue%7Cblack%7Cbrown")
        #expect(try query(list, .tabDelimited, false) == "color=blue%09black%09brown")
        #expect(try query(color, .deepObject, true) == "color%5BR%5D=100&color%5BG%5D=200")
        var reserved = HTTPRequest(method: "GET", path: "/")
        try reserved.addQuery("next", "/a?b=c", allowReserved: true)
        try reserved.addQuery("plain", "/a?b=c")
        #expect(reserved.query == ["next=/a?b=c", "plain=%2Fa%3Fb%3Dc"])
    }

    @Test func headersWithLineBreaksAreRefused() throws {
        var request = HTTPRequest(method: "GET", path: "/")
        #expect(throws: APIError.self) { try request.setHeader("X-Note", "a\r\nInjected: yes") }
        try request.setHeader("X-Ids", [1, 2])
        #expect(request.headers["X-Ids"] == "1,2")
    }

    @Test func percentEncodingKeepsOnlyUnreservedCharacters() {
        #expect(PercentEncoding.encode("AZaz09-._~") == "AZaz09-._~")
        #expect(
            PercentEncoding.encode("/?#[]@!$&'()*+,;= %") == "%2F%3F%23%5B%5D%40%21%24%26%27%28%29%2A%2B%2C%3B%3D%20%25"
        )
        #expect(PercentEncoding.encode("é😀") == "%C3%A9%F0%9F%98%80")
    }

    @Test func calendarDatesAreStrict() throws {
        #expect(CalendarDate("2024-02-29") == CalendarDate(year: 2024, month: 2, day: 29))
        for invalid in ["2023-02-29", "2024-13-01", "2024-1-01", "20240101", "2024-01-01T00:00:00Z", "", "２０２４-01-01"] {
            #expect(CalendarDate(invalid) == nil, "\(invalid) parsed")
        }
        #expect(CalendarDate(year: 987, month: 6, day: 5).description == "0987-06-05")
        let utc = try #require(TimeZone(identifier: "UTC"))
        let date = try #require(CalendarDate(year: 2026, month: 11, day: 29).date(in: utc))
        #expect(date == Date(timeIntervalSince1970: 1_795_910_400))
        #expect(CalendarDate(date, in: utc) == CalendarDate(year: 2026, month: 11, day: 29))
    }

    @Test func dateTimesParseWithOrWithoutFractionsAndOffsets() throws {
        #expect(JSONCoding.parseDate("2026-11-29T09:30:00Z") == Date(timeIntervalSince1970: 1_795_944_600))
        #expect(JSONCoding.parseDate("2026-11-29T10:30:00+01:00") == Date(timeIntervalSince1970: 1_795_944_600))
        #expect(JSONCoding.parseDate("2026-11-29T09:30:00.5Z") == Date(timeIntervalSince1970: 1_795_944_600.5))
        #expect(JSONCoding.parseDate("29/11/2026") == nil)
        #expect(JSONCoding.format(Date(timeIntervalSince1970: 1_795_944_600)) == "2026-11-29T09:30:00Z")
        #expect(JSONCoding.format(Date(timeIntervalSince1970: 1_795_944_600.25)) == "2026-11-29T09:30:00.25Z")
    }

    @Test func headersAreCaseInsensitiveAndKeepOrder() {
        var headers: HTTPHeaders = ["Accept": "a", "X-Trace": "1"]
        headers["accept"] = "b"
        headers.add(name: "x-trace", value: "2")
        #expect(headers["ACCEPT"] == "b")
        #expect(headers.values(for: "X-TRACE") == ["1", "2"])
        #expect(headers.fields.map(\.name) == ["accept", "X-Trace", "x-trace"])
        headers["x-trace"] = nil
        #expect(headers.fields.map(\.name) == ["accept"])
    }

    @Test func jsonValuesRoundTrip() throws {
        let text = #"{"a":[1,2.5,"x",true,null],"b":{"c":-9007199254740993}}"#
        let value = try JSONCoding.makeDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(
            value
                == .object([
                    "a": .array([.integer(1), .number(2.5), .string("x"), .bool(true), .null]),
                    "b": .object(["c": .integer(-9_007_199_254_740_993)]),
                ])
        )
        let encoded = try JSONCoding.makeEncoder().encode(value)
        #expect(String(decoding: encoded, as: UTF8.self) == text)
    }

    @Test func problemDetailsKeepsExtensionMembers() throws {
        let problem = ProblemDetails(
            title: "Oops", additionalProperties: ["errors": .object(["name": .array([.string("required")])])])
        let data = try JSONCoding.makeEncoder().encode(problem)
        #expect(String(decoding: data, as: UTF8.self) == #"{"errors":{"name":["required"]},"title":"Oops"}"#)
        #expect(try JSONCoding.makeDecoder().decode(ProblemDetails.self, from: data) == problem)
    }

    @Test func requestURLsJoinTheBaseURLPathAndQuery() throws {
        var request = HTTPRequest(method: "GET", path: "/pools/{id}")
        try request.setPath("id", "a/b")
        try request.addQuery("q", "x&y")
        try request.addQuery("n", Int?.none)
        let base = try #require(URL(string: "https://api.example.com/v1/"))
        #expect(try request.url(relativeTo: base).absoluteString == "https://api.example.com/v1/pools/a%2Fb?q=x%26y")
        let keyed = try #require(URL(string: "https://api.example.com/v1?key=k"))
        #expect(
            try request.url(relativeTo: keyed).absoluteString == "https://api.example.com/v1/pools/a%2Fb?key=k&q=x%26y")
        let unfilled = HTTPRequest(method: "GET", path: "/pools/{id}")
        #expect(throws: APIError.self) { try unfilled.url(relativeTo: base) }
        // The path's own text is encoded where a URL needs it; a dot segment in it is refused too.
        let odd = HTTPRequest(method: "GET", path: "/a b/ü%zz%41")
        #expect(try odd.url(relativeTo: base).absoluteString == "https://api.example.com/v1/a%20b/%C3%BC%25zz%41")
        #expect(throws: APIError.self) { try HTTPRequest(method: "GET", path: "/a/%2e%2E/b").url(relativeTo: base) }
    }

    @Test func optionalSecuritySendsCredentialsWhenItHasThem() async throws {
        let transport = RecordingTransport()
        var configuration = APIClient.Configuration()
        let request = HTTPRequest(method: "GET", path: "/")
        // `security: [{}, {Bearer: []}]`: anonymous or bearer.
        _ = try await APIClient(configuration: configuration, transport: transport).send(
            request, security: [[], [.bearer]])
        configuration.credentials["Bearer"] = .token("t")
        _ = try await APIClient(configuration: configuration, transport: transport).send(
            request, security: [[], [.bearer]])
        #expect(transport.requests.map { $0.headers["Authorization"] } == [nil, "Bearer t"])
    }

    /// Values stay in their segment: `/`, `?`, `#` and `%` are encoded; a segment that would be `.` or `..` (in
    /// any spelling a server decodes to it) is refused, as no encoding keeps every server from climbing with it.
    @Test func pathParametersStayInTheirSegment() throws {
        let base = try #require(URL(string: "https://api.example.com/v1"))
        func url(_ value: some Encodable, style: ParameterStyle = .simple) throws -> String {
            var request = HTTPRequest(method: "GET", path: "/a/{p}/b")
            try request.setPath("p", value, style: style)
            return try request.url(relativeTo: base).absoluteString
        }
        #expect(try url("...") == "https://api.example.com/v1/a/.../b")
        #expect(try url("../../admin") == "https://api.example.com/v1/a/..%2F..%2Fadmin/b")
        #expect(try url("x?y#z%41") == "https://api.example.com/v1/a/x%3Fy%23z%2541/b")
        #expect(try url(JSONValue.integer(42)) == "https://api.example.com/v1/a/42/b")
        #expect(try url(JSONValue.string("a b")) == "https://api.example.com/v1/a/a%20b/b")
        #expect(try url(CalendarDate(year: 2026, month: 11, day: 29)) == "https://api.example.com/v1/a/2026-11-29/b")
        #expect(try url(PoolState.active) == "https://api.example.com/v1/a/active/b")
        // A value that spells a dot encoded is data: its `%` is encoded in turn.
        #expect(try url("%2E%2E") == "https://api.example.com/v1/a/%252E%252E/b")
        // Empty, `/a/{p}/b` would be `/a//b`: refused, naming the parameter. An empty list is written as nothing too.
        let emptyString = #expect(throws: APIError.self) { try url("") }
        let emptyList = #expect(throws: APIError.self) { try url([String]()) }
        for error in [emptyString, emptyList] {
            guard case .invalidRequest(let reason)? = error else {
                Issue.record("expected invalidRequest, got \(String(describing: error))")
                continue
            }
            #expect(reason.contains("the path parameter 'p' is empty"), "\(reason)")
        }
        for value in [".", ".."] {
            let error = #expect(throws: APIError.self, "\(value)") { try url(value) }
            guard case .invalidRequest(let reason) = error else { continue }
            #expect(reason.contains("which servers read as"), "\(reason)")
        }
        // `label` puts a dot in front: an empty value would make the segment `.`, a dot `..`.
        #expect(throws: APIError.self) { try url("", style: .label) }
        #expect(throws: APIError.self) { try url(".", style: .label) }
        #expect(try url("x", style: .label) == "https://api.example.com/v1/a/.x/b")
    }

    @Test func enumsKeepValuesTheyDoNotKnow() throws {
        let states = try JSONCoding.makeDecoder().decode([PoolState].self, from: Data(#"["active","upgrading"]"#.utf8))
        #expect(states == [.active, .undocumented("upgrading")])
        #expect(PoolState.allCases == [.active, .deleting])
        #expect(
            String(decoding: try JSONCoding.makeEncoder().encode(states), as: UTF8.self) == #"["active","upgrading"]"#)
    }
}

struct Color: Encodable {
    var r: Int
    var g: Int

    enum CodingKeys: String, CodingKey {
        case r = "R"
        case g = "G"
    }
}

struct Card: Encodable {
    var number: String
    var address: Address?
}

struct Address: Encodable {
    var city: String
    var lines: [String]
}

/// A transport that answers 200 and keeps the requests it was given.
final class RecordingTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [HTTPRequest] = []

    var requests: [HTTPRequest] { lock.withLock { recorded } }

    func send(_ request: HTTPRequest, baseURL: URL) async throws -> HTTPResponse {
        lock.withLock { recorded.append(request) }
        return HTTPResponse(statusCode: 200)
    }
}
