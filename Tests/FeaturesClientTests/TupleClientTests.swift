import Features
import Foundation
import LocalHTTPServer
import TestExecutors
import Testing

/// Tuples (`prefixItems`) are structs with a property per position, coded as JSON arrays both ways; base64 content
/// (`contentEncoding: base64`) is `Data`.
@Suite(.loopback) struct TupleClientTests {
    /// The route as `JSONEncoder` writes it: keys sorted, tuples as arrays, the photo as base64. A waypoint's dwell
    /// time is left out at the end of its array, and written as `null` when tags follow it.
    static let json =
        #"{"photo":"iVBORw==","start":[8.5,47.25],"stops":[["Zürich HB",[8.5,47.375]],"#
        + #"["Bern",[7.5,46.875],null,"lunch","view"],["Thun",[7.625,46.75],15]]}"#

    static let route = Route(
        start: Position(longitude: 8.5, latitude: 47.25),
        stops: [
            Waypoint(item0: "Zürich HB", item1: Position(longitude: 8.5, latitude: 47.375)),
            Waypoint(
                item0: "Bern", item1: Position(longitude: 7.5, latitude: 46.875), additionalItems: ["lunch", "view"]),
            Waypoint(item0: "Thun", item1: Position(longitude: 7.625, latitude: 46.75), item2: 15),
        ],
        photo: Data([0x89, 0x50, 0x4E, 0x47]))

    @Test func tuplesAreSentAndReadAsJSONArrays() async throws {
        let server = try LocalHTTPServer { _ in .json(200, Self.json) }
        defer { server.shutdown() }

        let stored = try await MapsApi(client: APIClient(baseURL: server.baseURL)).putRoute(body: Self.route)

        let request = try #require(server.requests.first)
        #expect(request.bodyText == Self.json)
        #expect(stored == Self.route)
    }

    @Test func positionsBeyondMinItemsMayBeMissingAndRequiredOnesMayNot() throws {
        let decoder = JSONCoding.makeDecoder()
        let short = try decoder.decode(Waypoint.self, from: Data(#"["A", [1, 2]]"#.utf8))
        #expect(short == Waypoint(item0: "A", item1: Position(longitude: 1, latitude: 2)))
        // A null position and tags after it; the tags' items are decoded as their schema says.
        let tagged = try decoder.decode(Waypoint.self, from: Data(#"["A", [1, 2], null, "x"]"#.utf8))
        #expect(tagged.item2 == nil && tagged.additionalItems == ["x"])
        #expect(throws: DecodingError.self) { try decoder.decode(Waypoint.self, from: Data(#"["A"]"#.utf8)) }
        #expect(throws: DecodingError.self) { try decoder.decode(Position.self, from: Data("[1]".utf8)) }
        #expect(throws: DecodingError.self) {
            try decoder.decode(Waypoint.self, from: Data(#"["A", [1, 2], null, 5]"#.utf8))
        }
        // `maxItems: 2`: a Position has no room for more, so a third number is not kept.
        let position = try decoder.decode(Position.self, from: Data("[1, 2, 3]".utf8))
        #expect(try JSONCoding.makeEncoder().encode(position) == Data("[1,2]".utf8))
    }
}
