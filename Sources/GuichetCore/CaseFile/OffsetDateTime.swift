/// An instant written with its UTC offset, as in RFC 3339: `2026-10-05T08:59:00+02:00`.
///
/// The case file records when an attempt happened as the clock of the device showed it, with the
/// offset, so the instant is unambiguous across summer-time changes. The legal calendar day is then
/// read in the civil time of the département (``wallClock(in:)``), never taken from the text.
public struct OffsetDateTime: Hashable, Sendable, CustomStringConvertible {
    /// The wall-clock reading at ``utcOffsetMinutes``.
    public let local: LocalDateTime
    /// Seconds (0…59).
    public let second: Int
    /// Offset from UTC in minutes (−14:00…+14:00), e.g. 120 for `+02:00`.
    public let utcOffsetMinutes: Int

    /// Creates an instant, or `nil` when the second or the offset is out of range.
    public init?(local: LocalDateTime, second: Int = 0, utcOffsetMinutes: Int) {
        guard (0...59).contains(second), (-840...840).contains(utcOffsetMinutes) else { return nil }
        self.local = local
        self.second = second
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS` followed by `Z` or `±HH:MM`, strictly (upper-case `T` and `Z`, no
    /// fraction of a second, no leap second), or returns `nil`.
    public init?(iso text: some StringProtocol) {
        let scalars = Array(String(text).unicodeScalars)
        guard scalars.count == 20 || scalars.count == 25, scalars[10] == "T", scalars[13] == ":",
            scalars[16] == ":"
        else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for scalar in scalars[range] {
                guard ("0"..."9").contains(scalar) else { return nil }
                value = value * 10 + Int(scalar.value - 48)
            }
            return value
        }
        guard let date = LocalDate(iso: String(String.UnicodeScalarView(scalars[0..<10]))),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
            let time = LocalTime(hour: hour, minute: minute)
        else { return nil }
        let offset: Int
        if scalars.count == 20 {
            guard scalars[19] == "Z" else { return nil }
            offset = 0
        } else {
            guard scalars[19] == "+" || scalars[19] == "-", scalars[22] == ":",
                let offsetHours = number(20..<22), let offsetMinutes = number(23..<25), offsetMinutes < 60
            else { return nil }
            offset = (scalars[19] == "-" ? -1 : 1) * (offsetHours * 60 + offsetMinutes)
        }
        self.init(local: LocalDateTime(date: date, time: time), second: second, utcOffsetMinutes: offset)
    }

    /// The instant `utcSeconds` written with the offset `utcOffsetMinutes` (clamped to ±14:00).
    public init(utcSeconds: Int, utcOffsetMinutes: Int) {
        let offset = max(-840, min(840, utcOffsetMinutes))
        let localSeconds = utcSeconds + offset * 60
        let minutes = localSeconds >= 0 ? localSeconds / 60 : -((-localSeconds + 59) / 60)
        self.local = LocalDateTime(wallMinutesSinceEpoch: minutes)
        self.second = localSeconds - minutes * 60
        self.utcOffsetMinutes = offset
    }

    /// Seconds since 1970-01-01T00:00:00Z.
    public var utcSeconds: Int { (local.wallMinutesSinceEpoch - utcOffsetMinutes) * 60 + second }

    /// Minutes since 1970-01-01T00:00Z (seconds dropped).
    public var utcMinutes: Int { local.wallMinutesSinceEpoch - utcOffsetMinutes }

    /// The canonical text: `YYYY-MM-DDTHH:MM:SS±HH:MM` (`+00:00`, never `Z`).
    public var iso: String {
        let sign = utcOffsetMinutes < 0 ? "-" : "+"
        let magnitude = abs(utcOffsetMinutes)
        func two(_ n: Int) -> String { (n < 10 ? "0" : "") + String(n) }
        return local.date.iso + "T" + local.time.iso + ":" + two(second) + sign + two(magnitude / 60) + ":"
            + two(magnitude % 60)
    }

    /// ``iso``.
    public var description: String { iso }

    /// The wall-clock reading of this instant in `zone` (Europe/Paris summer time included).
    public func wallClock(in zone: CivilTimeZone) -> LocalDateTime {
        zone.wallClockReading(utcMinutes: utcMinutes)
    }

    /// Whether this instant is earlier than `other` (offsets taken into account).
    public func isBefore(_ other: OffsetDateTime) -> Bool { utcSeconds < other.utcSeconds }
}
