import Canopy
import Foundation
import TestExecutors
import Testing

/// The runtime's RFC 3339 `date-time` reader and writer: a value is written back with the precision it was read
/// with, and text that is not a real date and time is refused.
@Suite(.computing) struct DateTimeTests {
    /// Text that is written back exactly as it was read: no fraction, or the fraction's digits.
    @Test(arguments: [
        "2024-01-02T03:04:05Z", "2024-01-02T03:04:05.1Z", "2024-01-02T03:04:05.12Z", "2024-01-02T03:04:05.123Z",
        "2024-01-02T03:04:05.1234Z", "2024-01-02T03:04:05.12345Z", "2024-01-02T03:04:05.123456Z",
        "2024-01-02T03:04:05.000001Z", "2024-01-02T03:04:05.999999Z", "2024-02-29T23:59:59Z",
        "1969-12-31T23:59:59.5Z", "1970-01-01T00:00:00Z", "1900-03-01T00:00:00.001Z", "2000-02-29T12:00:00Z",
        "2099-12-31T23:59:59.75Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
    ])
    func readsAndWritesTheSameText(_ text: String) throws {
        let date = try #require(JSONCoding.parseDate(text))
        #expect(JSONCoding.format(date) == text)
    }

    /// The same instant, written in UTC with the digits it needs: offsets, lower case, trailing zeros, more digits
    /// than a `Date` holds (rounded to microseconds), a leap second.
    @Test(arguments: [
        ("2024-01-02t03:04:05z", "2024-01-02T03:04:05Z"),
        ("2024-01-02T04:04:05+01:00", "2024-01-02T03:04:05Z"),
        ("2024-01-02T01:34:05.5-01:30", "2024-01-02T03:04:05.5Z"),
        ("2024-01-02T04:04:05+0100", "2024-01-02T03:04:05Z"),
        ("2024-01-02T03:04:05-00:00", "2024-01-02T03:04:05Z"),
        ("2024-01-01T23:04:05-04:00", "2024-01-02T03:04:05Z"),
        ("2024-01-02T03:04:05.100Z", "2024-01-02T03:04:05.1Z"),
        ("2024-01-02T03:04:05.000Z", "2024-01-02T03:04:05Z"),
        ("2024-01-02T03:04:05.123456789Z", "2024-01-02T03:04:05.123457Z"),
        ("2024-01-02T03:04:05.1234561234567890123456789Z", "2024-01-02T03:04:05.123456Z"),
        ("2024-12-31T23:59:59.9999999Z", "2025-01-01T00:00:00Z"),
        ("2016-12-31T23:59:60Z", "2017-01-01T00:00:00Z"),
        ("2016-12-31T15:59:60-08:00", "2017-01-01T00:00:00Z"),
    ])
    func writesTheInstantInUTC(_ text: String, _ written: String) throws {
        let date = try #require(JSONCoding.parseDate(text))
        #expect(JSONCoding.format(date) == written)
    }

    @Test(arguments: [
        "2024-13-02T03:04:05Z", "2024-00-02T03:04:05Z", "2024-01-00T03:04:05Z", "2024-01-32T03:04:05Z",
        "2024-02-30T03:04:05Z", "2023-02-29T03:04:05Z", "1900-02-29T03:04:05Z", "2024-04-31T03:04:05Z",
        "2024-01-02T24:00:00Z", "2024-01-02T03:60:05Z", "2024-01-02T03:04:61Z", "2024-01-02T03:58:60Z",
        "2024-01-02T03:04:05+24:00", "2024-01-02T03:04:05+01:60", "2024-01-02T03:04:05+01", "2024-01-02T03:04:05+1:00",
        "2024-01-02T03:04:05", "2024-01-02T03:04:05.Z", "2024-01-02T03:04:05.5", "2024-01-02 03:04:05Z",
        "2024-01-02T03:04Z", "2024-1-02T03:04:05Z", "24-01-02T03:04:05Z", "+2024-01-02T03:04:05Z",
        "2024-01-02T03:04:05Zx", "2024-01-02T03:04:05ZZ", "2024-01-02T03:04:05,5Z", "2024-01-02T03:04:05.5.5Z",
        "２０２４-01-02T03:04:05Z", "2024-01-02", "", "29/11/2026",
    ])
    func refusesWhatIsNotADateTime(_ text: String) {
        #expect(JSONCoding.parseDate(text) == nil)
    }

    /// Any date of RFC 3339's years is written so that it reads back the same: with the fewest digits that do,
    /// and never more than six (a date that needs more is rounded to the microsecond).
    @Test func everyDateReadsBackAsWritten() throws {
        var generator = SplitMix64(seed: 42)
        for _ in 0..<20_000 {
            let since2001 = Double(generator.next() % 7_000_000_000_000) / 1_000 - 3_000_000_000
            let date = Date(timeIntervalSinceReferenceDate: since2001)
            let text = JSONCoding.format(date)
            let read = try #require(JSONCoding.parseDate(text), "\(text)")
            #expect(abs(read.timeIntervalSince(date)) <= 0.000_000_5)
            #expect(JSONCoding.format(read) == text)
            let microseconds = Date(timeIntervalSinceReferenceDate: (since2001 * 1e6).rounded(.down) / 1e6)
            #expect(JSONCoding.parseDate(JSONCoding.format(microseconds)) == microseconds)
        }
    }

    /// Dates a `Date` can hold but RFC 3339 cannot write are written as its first or last second.
    @Test func datesOutsideTheYearsOfRFC3339AreClamped() {
        #expect(JSONCoding.format(Date(timeIntervalSince1970: 1e15)) == "9999-12-31T23:59:59Z")
        #expect(JSONCoding.format(Date(timeIntervalSince1970: -1e15)) == "0000-01-01T00:00:00Z")
        #expect(JSONCoding.format(Date(timeIntervalSinceReferenceDate: .infinity)) == "9999-12-31T23:59:59Z")
        #expect(JSONCoding.format(Date(timeIntervalSinceReferenceDate: .nan)) == "2001-01-01T00:00:00Z")
        #expect(JSONCoding.format(.distantFuture) == "4001-01-01T00:00:00Z")
    }

    /// A JSON body keeps each value's precision through a decode and an encode.
    @Test func jsonBodiesKeepThePrecisionOfTheirDates() throws {
        let json = #"["2024-01-02T03:04:05Z","2024-01-02T03:04:05.1Z","2024-01-02T03:04:05.123456Z"]"#
        let dates = try JSONCoding.makeDecoder().decode([Date].self, from: Data(json.utf8))
        #expect(String(decoding: try JSONCoding.makeEncoder().encode(dates), as: UTF8.self) == json)
        #expect(throws: DecodingError.self) {
            try JSONCoding.makeDecoder().decode([Date].self, from: Data(#"["2024-02-30T03:04:05Z"]"#.utf8))
        }
    }
}

/// A small deterministic generator, so a failure can be run again.
private struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
