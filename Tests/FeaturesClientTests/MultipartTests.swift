import Features
import Foundation
import LocalHTTPServer
import TestExecutors
import Testing

/// The generated runtime's `MultipartBody` (written only for packages with a multipart body, as Features has), and
/// the generated `uploadScan`, sent to a real server and read back as a server reads it.
@Suite(.loopback) struct MultipartTests {
    /// A file with every byte a careless encoder breaks: NULs, CR and LF, a lone `--`, invalid UTF-8.
    static let scan: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x00, 0x0D, 0x0A, 0x1A, 0x0A, 0x2D, 0x2D, 0x0D, 0x0A, 0x0D, 0x0A, 0xFF, 0x00,
    ]

    @Test func theServerReceivesEveryPartWithItsDispositionTypeAndBytes() async throws {
        let server = try LocalHTTPServer { _ in .empty(204) }
        defer { server.shutdown() }
        let address = Address(city: "Zürich", lines: ["Bahnhofstrasse 1"])

        var form = MultipartBody()
        try form.add(
            "scan", file: MultipartFile(data: Data(Self.scan), filename: "scan 1.png"), contentType: "image/png")
        try form.add(
            "notes", files: [MultipartFile(data: Data("a\r\n".utf8), filename: "a.txt", contentType: "text/plain")])
        try form.add("title", "Zürich\r\nline 2")
        try form.add("count", 5)
        try form.add("skipped", String?.none)
        try form.add("tags", ["sim", "study"], contentType: "text/plain")
        try form.add("address", json: address)
        var request = HTTPRequest(method: "POST", path: "/uploads")
        request.setBody(form)
        let response = try await APIClient(baseURL: server.baseURL).send(request)
        #expect(response.statusCode == 204)

        let received = try #require(server.requests.first)
        let contentType = try #require(received.header("Content-Type"))
        #expect(contentType == "multipart/form-data; boundary=\(form.boundary)")
        #expect(received.header("Content-Length") == String(received.body.count))
        let parts = try MultipartParser.parse(received.body, contentType: contentType)

        #expect(parts.map(\.name) == ["scan", "notes", "title", "count", "tags", "tags", "address"])
        #expect(parts.map(\.filename) == ["scan 1.png", "a.txt", nil, nil, nil, nil, nil])
        #expect(
            parts.map { $0.header("Content-Type") } == [
                "image/png", "text/plain", nil, nil, "text/plain", "text/plain", "application/json",
            ])
        #expect(parts[0].body == Self.scan)
        #expect(parts[1].text == "a\r\n")
        #expect(parts[2].text == "Zürich\r\nline 2")
        #expect(parts[3].text == "5")
        #expect(parts[4].text == "sim")
        #expect(parts[5].text == "study")
        #expect(parts[6].text == #"{"city":"Zürich","lines":["Bahnhofstrasse 1"]}"#)
    }

    /// The generated method sends a part per parameter, in the description's order, an array as a part per item,
    /// each with the `Content-Type` its `encoding` gives: a file, text and a JSON object alike.
    @Test func theGeneratedMethodSendsEachPartWithItsEncodingsContentType() async throws {
        let server = try LocalHTTPServer { _ in .empty(204) }
        defer { server.shutdown() }

        try await UploadsApi(client: APIClient(baseURL: server.baseURL)).uploadScan(
            id: 7, scan: MultipartFile(data: Data(Self.scan), filename: "scan.png"), scanXScanner: "desk-1",
            title: "Page 1", pages: [1, 2], notes: [MultipartFile(data: Data("n".utf8))],
            shipping: Address(city: "Bern"))

        let received = try #require(server.requests.first)
        #expect(received.path == "/uploads/7")
        let parts = try MultipartParser.parse(received.body, contentType: try #require(received.header("Content-Type")))
        #expect(parts.map(\.name) == ["scan", "title", "pages", "pages", "notes", "shipping"])
        #expect(parts.map(\.filename) == ["scan.png", nil, nil, nil, "notes", nil])
        #expect(
            parts.map { $0.header("Content-Type") } == [
                "image/png", "text/plain; charset=utf-8", nil, nil, "application/octet-stream",
                "application/vnd.features.address+json",
            ])
        #expect(parts[0].body == Self.scan)
        #expect(parts.dropFirst().dropLast().map(\.text) == ["Page 1", "1", "2", "n"])
        #expect(parts[5].text == #"{"city":"Bern"}"#)
        // No part header given but the required one: only it is sent.
        #expect(parts.map { $0.headers.count } == [3, 2, 1, 1, 2, 2])
        #expect(parts[0].header("X-Scanner") == "desk-1")
    }

    /// The part headers the description documents are parameters, typed like header parameters, and the server
    /// sees each in its part: an array's in every part of it, none for a part that is not sent.
    @Test func partHeadersAreSentInTheirParts() async throws {
        let server = try LocalHTTPServer { _ in .empty(204) }
        defer { server.shutdown() }
        let trace = try #require(UUID(uuidString: "8F2A1C3E-0000-4000-8000-00000000A1B2"))

        try await UploadsApi(client: APIClient(baseURL: server.baseURL)).uploadScan(
            id: 1, scan: MultipartFile(data: Data([1, 2])), scanXScanner: "desk 2", title: "T", scanXDpi: 600,
            pages: [3, 4], pagesXUnit: .sheet, shippingXTrace: trace)

        let received = try #require(server.requests.first)
        let parts = try MultipartParser.parse(received.body, contentType: try #require(received.header("Content-Type")))
        #expect(parts.map(\.name) == ["scan", "title", "pages", "pages"])
        #expect(parts[0].header("X-Scanner") == "desk 2")
        #expect(parts[0].header("X-Dpi") == "600")
        #expect(parts[0].header("Content-Type") == "image/png")
        #expect(parts[1].headers.count == 2)
        #expect(parts[2...].map { $0.header("X-Unit") } == ["sheet", "sheet"])
        // `shipping` is not sent, so neither is its `X-Trace`.
        #expect(!String(decoding: received.body, as: UTF8.self).contains("X-Trace"))
    }

    @Test func setHeaderWritesEveryPartOfTheNameAndRefusesLineBreaks() throws {
        var form = try MultipartBody(boundary: "b")
        try form.add("tags", ["a", "b"])
        try form.add("other", "c")
        try form.setHeader("X-Count", [1, 2], forPart: "tags")
        try form.setHeader("X-None", Int?.none, forPart: "other")
        try form.setHeader("X-Missing", "x", forPart: "absent")
        #expect(form.parts.map(\.headers) == [["X-Count": "1,2"], ["X-Count": "1,2"], [:]])
        #expect(throws: APIError.self) { try form.setHeader("X-Note", "a\r\nX-Injected: 1", forPart: "other") }
        #expect(throws: APIError.self) { try form.setHeader("X:Bad", "a", forPart: "other") }
        #expect(form.parts[2].headers.isEmpty)
    }

    /// The whole body, byte for byte, with a boundary given: RFC 7578's layout with CRLF line endings.
    @Test func writesTheRFC7578LayoutExactly() throws {
        var form = try MultipartBody(boundary: "XyZ")
        try form.add("id", 7)
        try form.add("file", file: MultipartFile(data: Data([0x00, 0x0D, 0x0A])))
        try form.add("meta", json: ["k": "v"], headers: ["X-Trace": "1"])
        var expected = Data("--XyZ\r\nContent-Disposition: form-data; name=\"id\"\r\n\r\n7\r\n".utf8)
        expected += Data(
            ("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"file\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").utf8)
        expected += Data([0x00, 0x0D, 0x0A])
        expected += Data(
            ("\r\n--XyZ\r\nContent-Disposition: form-data; name=\"meta\"\r\nContent-Type: application/json\r\n"
                + "X-Trace: 1\r\n\r\n{\"k\":\"v\"}\r\n--XyZ--\r\n").utf8)
        #expect(form.encoded == expected)
        #expect(form.contentType == "multipart/form-data; boundary=XyZ")

        // A value that is not text goes as JSON.
        var structured = try MultipartBody(boundary: "b")
        try structured.add("card", ["k": 1])
        #expect(
            String(decoding: structured.encoded, as: UTF8.self)
                == "--b\r\nContent-Disposition: form-data; name=\"card\"\r\nContent-Type: application/json\r\n\r\n"
                + "{\"k\":1}\r\n--b--\r\n")

        // A file's own content type wins over the description's.
        var typed = try MultipartBody(boundary: "b")
        try typed.add(
            "f", file: MultipartFile(data: Data(), filename: "x.jpg", contentType: "image/jpeg"),
            contentType: "image/png")
        #expect(String(decoding: typed.encoded, as: UTF8.self).contains("Content-Type: image/jpeg\r\n"))
    }

    @Test func quotesAndLineBreaksInNamesAreEncodedAndBadHeadersRefused() throws {
        var form = try MultipartBody(boundary: "b")
        try form.add("a\"b\r\nc", "v")
        try form.add("f", file: MultipartFile(data: Data(), filename: "evil\"\r\nContent-Type: text/html.txt"))
        let text = String(decoding: form.encoded, as: UTF8.self)
        #expect(text.contains(#"name="a%22b%0D%0Ac""#))
        #expect(text.contains(#"filename="evil%22%0D%0AContent-Type: text/html.txt""#))
        #expect(!text.contains("\r\nContent-Type: text/html"))

        #expect(throws: APIError.self) { try form.add("x", "v", contentType: "text/plain\r\nX-Injected: 1") }
        #expect(throws: APIError.self) { try form.add("x", "v", headers: ["X-Note": "a\nb"]) }
        #expect(throws: APIError.self) { try form.add("x", "v", headers: ["X:Bad": "a"]) }
        // A part that contains the boundary would end the body early.
        #expect(throws: APIError.self) { try form.add("x", "text with\r\n--b inside") }
        #expect(throws: APIError.self) { try MultipartBody(boundary: "") }
        #expect(throws: APIError.self) { try MultipartBody(boundary: "ends with space ") }
        #expect(throws: APIError.self) { try MultipartBody(boundary: String(repeating: "b", count: 71)) }
        #expect(form.parts.count == 2)

        // A boundary with characters a token cannot carry is quoted in the header.
        #expect(try MultipartBody(boundary: "a b").contentType == "multipart/form-data; boundary=\"a b\"")
    }

    @Test func randomBoundariesAreFreshAndValid() throws {
        let first = MultipartBody()
        let second = MultipartBody(mediaType: "multipart/mixed")
        #expect(first.boundary != second.boundary)
        #expect(first.boundary.count <= 70)
        #expect(second.contentType == "multipart/mixed; boundary=\(second.boundary)")
        _ = try MultipartBody(boundary: first.boundary)
    }
}
