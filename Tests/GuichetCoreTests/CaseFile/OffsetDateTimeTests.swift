import Testing

@testable import GuichetCore

/// An instant and the Europe/Paris wall clock it must read as.
struct ParisReading: CustomTestStringConvertible, Sendable {
    let instant: String
    let paris: String
    let why: String

    var testDescription: String { "\(instant) → \(paris) (\(why))" }
}

@Suite("Instants with an offset")
struct OffsetDateTimeTests {
    @Test(
        "parses RFC 3339 instants with seconds and an offset, and writes them canonically",
        arguments: [
            ("2026-10-05T08:59:00+02:00", "2026-10-05T08:59:00+02:00"),
            ("2026-10-05T06:59:00Z", "2026-10-05T06:59:00+00:00"),
            ("2026-01-31T23:59:59-03:30", "2026-01-31T23:59:59-03:30"),
            ("2024-02-29T12:00:00+14:00", "2024-02-29T12:00:00+14:00"),
        ])
    func valid(text: String, canonical: String) throws {
        let instant = try #require(OffsetDateTime(iso: text))
        #expect(instant.iso == canonical)
        #expect(OffsetDateTime(iso: instant.iso) == instant)
    }

    @Test(
        "refuses anything else",
        arguments: [
            "2026-10-05", "2026-10-05T08:59+02:00", "2026-10-05 08:59:00+02:00", "2026-10-05T08:59:00",
            "2026-10-05T08:59:00.5+02:00", "2026-10-05t08:59:00z", "2026-10-05T24:00:00+02:00",
            "2026-10-05T08:60:00+02:00", "2026-10-05T08:59:60+02:00", "2026-02-30T08:59:00+01:00",
            "2026-10-05T08:59:00+15:00", "2026-10-05T08:59:00+02:60", "2026-10-05T08:59:00+0200", "",
            "２０２６-10-05T08:59:00+02:00",
        ])
    func invalid(text: String) {
        #expect(OffsetDateTime(iso: text) == nil)
    }

    @Test("orders instants by real time, whatever their offsets")
    func ordering() throws {
        let paris = try #require(OffsetDateTime(iso: "2026-10-05T08:59:00+02:00"))
        let utc = try #require(OffsetDateTime(iso: "2026-10-05T06:58:59Z"))
        #expect(utc.isBefore(paris))
        #expect(!paris.isBefore(utc))
        #expect(paris.utcSeconds - utc.utcSeconds == 1)
    }

    static let readings: [ParisReading] = [
        ParisReading(instant: "2026-10-05T06:59:00Z", paris: "2026-10-05T08:59", why: "summer time, UTC+2"),
        ParisReading(instant: "2026-01-15T12:00:00Z", paris: "2026-01-15T13:00", why: "winter time, UTC+1"),
        ParisReading(
            instant: "2026-03-29T00:59:00Z", paris: "2026-03-29T01:59", why: "one minute before the spring change"),
        ParisReading(instant: "2026-03-29T01:00:00Z", paris: "2026-03-29T03:00", why: "spring change at 01:00 UTC"),
        ParisReading(
            instant: "2026-10-25T00:30:00Z", paris: "2026-10-25T02:30", why: "first 02:30 of the autumn change"),
        ParisReading(
            instant: "2026-10-25T01:30:00Z", paris: "2026-10-25T02:30", why: "second 02:30 of the autumn change"),
        ParisReading(
            instant: "2026-03-28T23:30:00Z", paris: "2026-03-29T00:30", why: "day changes at 23:00 UTC in winter"),
        ParisReading(
            instant: "2026-03-29T22:30:00Z", paris: "2026-03-30T00:30", why: "day changes at 22:00 UTC in summer"),
        ParisReading(instant: "2025-12-31T23:30:00Z", paris: "2026-01-01T00:30", why: "year changes in Paris first"),
        ParisReading(
            instant: "1995-09-24T00:30:00Z", paris: "1995-09-24T02:30", why: "1995: summer time ended in September"),
        ParisReading(instant: "1995-10-10T12:00:00Z", paris: "1995-10-10T13:00", why: "1995: winter time in October"),
    ]

    @Test("reads an instant on the Europe/Paris wall clock, summer time included", arguments: readings)
    func parisWallClock(_ reading: ParisReading) throws {
        let instant = try #require(OffsetDateTime(iso: reading.instant))
        #expect(instant.wallClock(in: .europeParis).description == reading.paris)
    }

    @Test("reads overseas instants at their fixed offset")
    func overseas() throws {
        let instant = try #require(OffsetDateTime(iso: "2026-10-06T02:30:00+02:00"))
        let cayenne = CivilTimeZone.fixed(identifier: "America/Cayenne", utcOffsetMinutes: -180)
        #expect(instant.wallClock(in: cayenne).description == "2026-10-05T21:30")
        #expect(cayenne.frenchClockName == "heure de Cayenne")
        #expect(CivilTimeZone.europeParis.frenchClockName == "heure de Paris")
    }

    @Test("inverts CivilTimeZone.utcMinutes outside the repeated autumn hour")
    func inverse() {
        let zone = CivilTimeZone.europeParis
        // Every 37 minutes over two years, spring and autumn changes included.
        let start = LocalDateTime(
            date: LocalDate(daysSinceEpoch: LocalDate.briefCheck.daysSinceEpoch - 400), time: .midnight)
        var utc = zone.utcMinutes(start)
        var checked = 0
        for _ in 0..<(2 * 365 * 24 * 60 / 37) {
            let wall = zone.wallClockReading(utcMinutes: utc)
            if zone.reading(wall) != .repeated {
                #expect(zone.utcMinutes(wall) == utc)
                checked += 1
            }
            utc += 37
        }
        #expect(checked > 28_000)
    }
}
