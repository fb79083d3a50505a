import Features
import Foundation
import LocalHTTPServer
import TestExecutors
import Testing

/// The generated `Features` client against a local server: what it sends for each parameter style and form body,
/// and how it decodes unions, in both directions.
@Suite(.loopback) struct FeaturesClientTests {
    func client(_ server: LocalHTTPServer) -> APIClient {
        APIClient(baseURL: server.baseURL)
    }

    @Test func discriminatedUnionsDecodeByTheirDiscriminator() async throws {
        let server = try LocalHTTPServer { _ in
            .json(
                200,
                #"[{"petType": "cat", "name": "Tom"}, {"petType": "kitty", "name": "Kit", "indoor": true}, "#
                    + #"{"petType": "Dog", "bark": true}, {"petType": "parrot", "words": 12}]"#
            )
        }
        defer { server.shutdown() }

        let pets = try await PetsApi(client: client(server)).getPets(ids: [3, 4, 5])

        // `style: label` on an array path parameter.
        #expect(server.requests.first?.path == "/pets/.3,4,5")
        #expect(
            pets == [
                .cat(Cat(petType: "cat", name: "Tom")), .cat(Cat(petType: "kitty", name: "Kit", indoor: true)),
                .dog(Dog(petType: "Dog", bark: true)),
                .undocumented(.object(["petType": .string("parrot"), "words": .integer(12)])),
            ])
    }

    @Test func unionsEncodeAsTheirCaseAndMatrixPathsExplodeObjects() async throws {
        let server = try LocalHTTPServer { _ in .empty(204) }
        defer { server.shutdown() }

        try await PetsApi(client: client(server)).putPet(
            point: Point(x: 1, y: -2), body: .dog(Dog(petType: "Dog", bark: false)))

        let request = try #require(server.requests.first)
        #expect(request.path == "/points/;x=1;y=-2")
        let sent = try JSONSerialization.jsonObject(with: request.bodyData) as? [String: Any]
        #expect(sent?["petType"] as? String == "Dog")
        #expect(sent?["bark"] as? Bool == false)
        #expect(sent?.count == 2)
    }

    @Test func anAllOfParentWithTheDiscriminatorIsReadAsTheDescendantItNames() async throws {
        let server = try LocalHTTPServer { request in
            request.method == "PUT"
                ? .empty(204)
                : .json(
                    200,
                    #"[{"kind": "Car", "wheels": 4, "doors": 5}, {"kind": "bicycle", "wheels": 2, "gears": 21}, "#
                        + #"{"kind": "tram", "wheels": 16}]"#)
        }
        defer { server.shutdown() }
        let api = PetsApi(client: client(server))

        let fleet = try await api.getVehicles()

        #expect(
            fleet == [
                .car(Car(kind: "Car", wheels: 4, doors: 5)), .bike(Bike(kind: "bicycle", wheels: 2, gears: 21)),
                .undocumented(.object(["kind": .string("tram"), "wheels": .integer(16)])),
            ])
        // A bike without its required `gears` is not a bike, nor any other kind.
        #expect(throws: DecodingError.self) {
            _ = try JSONCoding.makeDecoder().decode(
                Vehicle.self, from: Data(#"{"kind": "bicycle", "wheels": 2}"#.utf8))
        }

        try await api.putVehicle(body: fleet[1])
        let sent = try JSONSerialization.jsonObject(with: try #require(server.requests.last).bodyData)
        #expect(sent as? NSDictionary == ["kind": "bicycle", "wheels": 2, "gears": 21] as NSDictionary)
    }

    /// The throwing method returns only the body; `APIClient.withResponse` around it gives the response, for its
    /// headers, documented (through the operation's headers struct) or not.
    @Test func theResponseOfAThrowingMethodIsReadableAroundIt() async throws {
        let server = try LocalHTTPServer { request in
            request.path.hasPrefix("/archives/")
                ? CannedResponse(
                    status: 200,
                    headers: [
                        ("Content-Type", "application/zip"), ("X-Archive-Checksum", "c0ffee"), ("ETag", "\"v2\""),
                    ],
                    body: [1, 2, 3])
                : .json(200, "[]")
        }
        defer { server.shutdown() }

        let (archive, response) = try await APIClient.withResponse {
            _ = try await PetsApi(client: client(server)).getVehicles()
            return try await DownloadsApi(client: client(server)).downloadArchive(name: "a.zip")
        }

        #expect(archive == Data([1, 2, 3]))
        // The last of the two requests'.
        let last = try #require(response)
        #expect(try DownloadsApi.DownloadArchiveOkHeaders(from: last).xArchiveChecksum == "c0ffee")
        #expect(last.header("ETag", as: String.self) == "\"v2\"")
        // Nothing sent, nothing recorded; and a call outside records nowhere.
        let (value, none) = await APIClient.withResponse { 7 }
        #expect(value == 7 && none == nil)
    }

    @Test func unionsWithoutADiscriminatorDecodeByShape() async throws {
        let server = try LocalHTTPServer { _ in
            .json(200, #"[{"radius": 1.5}, {"side": 2, "label": "a"}, {"side": 3}, "empty", "unlisted"]"#)
        }
        defer { server.shutdown() }

        let shapes = try await SearchApi(client: client(server)).search(
            filter: Filter(color: .red, size: Filter.Size(min: 1, max: 9)), ids: [1, 2])

        #expect(
            shapes == [
                .circle(Shape.Circle(radius: 1.5)), .square(Shape.Square(side: 2, label: "a")),
                .square(Shape.Square(side: 3)), .empty(.empty), .empty(.undocumented("unlisted")),
            ])
        // `deepObject` with a nested object, and `pipeDelimited`.
        let query = try #require(server.requests.first?.query)
        #expect(
            query == "filter%5Bcolor%5D=red&filter%5Bsize%5D%5Bmin%5D=1&filter%5Bsize%5D%5Bmax%5D=9&ids=1%7C2")
    }

    @Test func aValueThatFitsNoCaseIsADecodingErrorNamingTheCandidates() async throws {
        // No `radius` and no `side`: neither object fits, and it is not a string.
        let server = try LocalHTTPServer { _ in .json(200, #"[{"label": "x"}]"#) }
        defer { server.shutdown() }

        do {
            _ = try await SearchApi(client: client(server)).search()
            Issue.record("a shape without radius or side decoded")
        } catch APIError.decodingFailed(let response, let underlying) {
            #expect(response.statusCode == 200)
            #expect("\(underlying)".contains("the value fits none of Shape's cases (circle, square, empty)"))
        }
    }

    @Test func nestedObjectsInFormBodiesAreFields() async throws {
        let server = try LocalHTTPServer { _ in .json(200, #""cus_123""#) }
        defer { server.shutdown() }

        let customer = try await SearchApi(client: client(server)).createOrder(
            item: "book", shipping: Address(city: "Zürich", lines: ["Main St 1", "Floor 2"]),
            metadata: ["order": "42"])

        #expect(customer == .string("cus_123"))
        let request = try #require(server.requests.first)
        #expect(request.header("Content-Type") == "application/x-www-form-urlencoded")
        #expect(
            request.bodyText
                == "item=book&city=Z%C3%BCrich&lines=Main%20St%201&lines=Floor%202&metadata%5Border%5D=42")
    }

    /// A required read-only member is not needed to make a request and is not sent; a required write-only member
    /// is not needed in a response; members the description does not list survive a read and write back.
    @Test func readOnlyWriteOnlyAndUnlistedMembers() async throws {
        let server = try LocalHTTPServer { _ in
            .json(200, #"{"id": "a1", "name": "Ann", "kind": "account", "plan": {"tier": 2}, "tier": 7}"#)
        }
        defer { server.shutdown() }
        let api = AccountsApi(client: client(server))

        let stored = try await api.updateAccount(body: Account(password: "pw", name: "Ann"))
        #expect(stored.id == "a1")
        #expect(stored.password == nil)
        #expect(stored.kind == "account")
        // An integer enum keeps a value it does not list, and writes it back.
        #expect(stored.tier == .undocumented(7))
        #expect(stored.additionalProperties == ["plan": .object(["tier": .integer(2)])])
        let first = try JSONSerialization.jsonObject(with: try #require(server.requests.first).bodyData)
        #expect((first as? [String: String]) == ["password": "pw", "name": "Ann"])

        _ = try await api.updateAccount(body: stored)
        let second = try JSONSerialization.jsonObject(with: try #require(server.requests.last).bodyData)
        let sent = try #require(second as? [String: Any])
        #expect(sent["id"] == nil)
        #expect(sent["name"] as? String == "Ann")
        #expect((sent["plan"] as? [String: Int]) == ["tier": 2])
        #expect(sent["tier"] as? Int == 7)
    }

    /// Every server of the description is a function of `Servers`, its variables parameters with their defaults,
    /// an enum for the values a variable lists; values are percent-encoded where a URL needs it.
    @Test func serverFunctionsFillInTheirVariables() throws {
        #expect(Servers.Region.allCases == [.us, .eu, .apSouth])
        #expect(try Servers.production() == APIClient.Configuration.defaultBaseURL)
        #expect(APIClient.Configuration.defaultBaseURL.absoluteString == "https://us.features.example.com/v1")

        let url = try Servers.production(region: .apSouth, basePath: "v2/beta")
        #expect(url.absoluteString == "https://ap-south.features.example.com/v2/beta")
        #expect(url.host == "ap-south.features.example.com")
        #expect(url.path == "/v2/beta")

        // `/` is kept, what would end the path (`?`, `#`) and what a URL cannot hold are encoded.
        let odd = try Servers.production(region: .eu, basePath: "v1/a b?c#d%")
        #expect(odd.absoluteString == "https://eu.features.example.com/v1/a%20b%3Fc%23d%25")
        #expect(try Servers.local(port: "9090").absoluteString == "http://localhost:9090/features")
    }

    /// A client whose base URL carries a server's path sends every request under it, with required parameters
    /// first in the signature and the query still in wire order.
    @Test func aClientOnAServersPathSendsRequestsUnderIt() async throws {
        let server = try LocalHTTPServer { _ in .empty(204) }
        defer { server.shutdown() }
        let production = try Servers.production(region: .eu, basePath: "v2/beta")
        let base = server.baseURL.appendingPathComponent(production.path)

        try await AccountsApi(client: APIClient(baseURL: base)).addNote(id: 7, lang: "en", body: "hi", draft: true)

        let request = try #require(server.requests.first)
        #expect(request.path == "/v2/beta/notes/7")
        #expect(request.query == "draft=true&lang=en")
        #expect(request.bodyText == "hi")

        // The local server's function, pointed at the loopback server.
        let local = try Servers.local(host: "127.0.0.1", port: String(server.port))
        try await AccountsApi(client: APIClient(baseURL: local)).addNote(id: 8, lang: "de", body: "hallo")
        #expect(server.requests.last?.path == "/features/notes/8")
        #expect(server.requests.last?.query == "lang=de")
    }

    /// A string an enum alternative does not list fits a plain string alternative more closely (Box's
    /// `none | string | integer`), so it is not a tie.
    @Test func aListedValueIsTheEnumAndAnotherStringIsTheString() throws {
        let decoder = JSONCoding.makeDecoder()
        #expect(try decoder.decode(Retention.self, from: Data(#""none""#.utf8)) == .none(.none))
        #expect(try decoder.decode(Retention.self, from: Data(#""365""#.utf8)) == .string("365"))
        #expect(try decoder.decode(Retention.self, from: Data("365".utf8)) == .integer(365))
    }
}
