import Canopy
import Foundation
import Testing

/// The generated runtime on its own: encodings, dates, headers, JSON values.
@Suite struct RuntimeTests {
    @Test func formBodyEncodesOnlyGivenFieldsInOrder() {
        var form = FormBody()
        form.add("a", "x y")
        form.add("skipped", String?.none)
        form.add("n", 5)
        form.add("flag", true)
        form.add("ids", [1, 2], explode: true)
        form.add("csv", ["p", "q"], explode: false)
        #expect(String(decoding: form.encoded, as: UTF8.self) == "a=x%20y&n=5&flag=true&ids=1&ids=2&csv=p%2Cq")
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
        #expect(JSONCoding.format(Date(timeIntervalSince1970: 1_795_944_600.25)) == "2026-11-29T09:30:00.250Z")
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
        var request = HTTPRequest(method: "GET", path: "/pools/a%2Fb")
        request.addQuery("q", "x&y")
        request.addQuery("n", Int?.none)
        let base = try #require(URL(string: "https://api.example.com/v1/"))
        #expect(try request.url(relativeTo: base).absoluteString == "https://api.example.com/v1/pools/a%2Fb?q=x%26y")
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

    @Test func pathSegmentsNeverBecomeDotSegments() {
        #expect(PercentEncoding.pathSegment(".") == "%2E")
        #expect(PercentEncoding.pathSegment("..") == "%2E%2E")
        #expect(PercentEncoding.pathSegment("...") == "...")
        #expect(PercentEncoding.pathSegment(JSONValue.integer(42)) == "42")
        #expect(PercentEncoding.pathSegment(JSONValue.string("a b")) == "a%20b")
    }

    @Test func enumsKeepValuesTheyDoNotKnow() throws {
        let states = try JSONCoding.makeDecoder().decode([PoolState].self, from: Data(#"["active","upgrading"]"#.utf8))
        #expect(states == [.active, .undocumented("upgrading")])
        #expect(PoolState.allCases == [.active, .deleting])
        #expect(
            String(decoding: try JSONCoding.makeEncoder().encode(states), as: UTF8.self) == #"["active","upgrading"]"#)
    }
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
