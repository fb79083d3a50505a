import Features
import Foundation
import LocalHTTPServer
import TestExecutors
import Testing

/// Date-times through a loopback round trip keep the precision they were given; what the description deprecates
/// still works. Only the test that touches deprecated declarations is deprecated itself, as a user's code would
/// be: the others show that the rest of the API is used without a warning.
@Suite(.loopback) struct SchedulesClientTests {
    func api(_ server: LocalHTTPServer) -> SchedulesApi {
        SchedulesApi(client: APIClient(baseURL: server.baseURL))
    }

    @Test func dateTimesKeepThePrecisionTheyWereGiven() async throws {
        let server = try LocalHTTPServer { _ in
            .json(
                200,
                #"{"id": 7, "starts": "2024-01-02T04:04:05+01:00", "ends": "2024-01-02t03:04:05.123456z", "#
                    + #""timezone": "Europe/Zurich", "repeats": "hourly", "slot": "2024-01-02T03:04:05.100Z"}"#)
        }
        defer { server.shutdown() }
        let starts = try #require(JSONCoding.parseDate("2024-01-02T03:04:05.1Z"))

        let stored = try await api(server).updateSchedule(
            id: 7, body: Schedule(starts: starts, ends: Date(timeIntervalSince1970: 1_704_164_645)))

        let request = try #require(server.requests.first)
        #expect(request.path == "/schedules/7")
        #expect(request.bodyText == #"{"ends":"2024-01-02T03:04:05Z","starts":"2024-01-02T03:04:05.1Z"}"#)
        #expect(stored.id == 7)
        #expect(stored.slot == .date(starts))
        // Written back in UTC with the digits each value was read with; the deprecated members are kept.
        let again = String(decoding: try JSONCoding.makeEncoder().encode(stored), as: UTF8.self)
        #expect(
            again
                == #"{"ends":"2024-01-02T03:04:05.123456Z","repeats":"hourly","slot":"2024-01-02T03:04:05.1Z","#
                + #""starts":"2024-01-02T03:04:05Z","timezone":"Europe/Zurich"}"#)
    }

    /// Deprecated operations, inits, properties and cases do what they did; a deprecated parameter is still sent.
    @available(*, deprecated)
    @Test func deprecatedDeclarationsStillWork() async throws {
        let server = try LocalHTTPServer { request in
            request.path == "/schedules/legacy"
                ? .json(200, #"[{"start": "2024-01-02T03:04:05.25Z"}]"#)
                : .json(200, #"{"starts": "2024-01-02T03:04:05Z", "repeats": "weekly"}"#)
        }
        defer { server.shutdown() }

        let legacy = try await api(server).listLegacySchedules()
        #expect(legacy == [LegacySchedule(start: Date(timeIntervalSince1970: 1_704_164_645.25))])

        let schedule = Schedule(
            starts: legacy[0].start, timezone: "UTC", repeats: .daily, slot: .legacySchedule(legacy[0]))
        #expect(schedule.timezone == "UTC")
        let stored = try await api(server).updateSchedule(id: 1, body: schedule, notify: true)
        #expect(stored.repeats == .weekly)
        let request = try #require(server.requests.last)
        #expect(request.query == "notify=true")
        #expect(
            request.bodyText
                == #"{"repeats":"daily","slot":{"start":"2024-01-02T03:04:05.25Z"},"#
                + #""starts":"2024-01-02T03:04:05.25Z","timezone":"UTC"}"#)
        #expect(Coupon(code: "SPRING").code == "SPRING")
    }

    /// Alternatives whose coding is deprecated (a coupon codes its deprecated `code`; a legacy schedule is
    /// deprecated) are read from and written to the JSON object of the union, the `anyOf` struct or the `allOf`
    /// that holds them, as any other alternative: the package builds without warnings (DigitalOcean's droplet
    /// requests did not).
    @available(*, deprecated)
    @Test func alternativesWhoseCodingIsDeprecatedAreCodedInPlace() throws {
        let decoder = JSONCoding.makeDecoder()
        func json(_ value: some Encodable) throws -> String {
            String(decoding: try JSONCoding.makeEncoder().encode(value), as: UTF8.self)
        }

        let coupon = #"{"code":"SPRING","percent":10}"#
        let offer = try decoder.decode(Offer.self, from: Data(coupon.utf8))
        #expect(offer == .coupon(Coupon(code: "SPRING", percent: 10)))
        #expect(try json(offer) == coupon)

        let both = #"{"balance":5,"code":"SPRING"}"#
        let offers = try decoder.decode(Offers.self, from: Data(both.utf8))
        #expect(offers == Offers(coupon: Coupon(code: "SPRING"), giftCard: GiftCard(balance: 5)))
        #expect(try json(offers) == both)

        let legacy = #"{"id":"b1","start":"2024-01-02T03:04:05Z"}"#
        let booking = try decoder.decode(Booking.self, from: Data(legacy.utf8))
        #expect(
            booking
                == Booking(
                    id: "b1",
                    variant: .legacySchedule(LegacySchedule(start: Date(timeIntervalSince1970: 1_704_164_645)))))
        #expect(try json(booking) == legacy)
    }
}
