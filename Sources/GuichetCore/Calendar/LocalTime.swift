/// A wall-clock time of day (hours and minutes), with no date and no time zone.
///
/// Hour-based deadlines (48 hours to challenge a removal order in rétention) start at the clock time
/// written on the notification; the time zone is the one of the département concerned.
public struct LocalTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// 0…23.
    public let hour: Int
    /// 0…59.
    public let minute: Int

    /// Creates a time, or `nil` outside 00:00…23:59.
    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// A time written in the source code; a wrong literal is a programmer error.
    init(literal hour: Int, _ minute: Int) {
        precondition((0...23).contains(hour) && (0...59).contains(minute), "invalid time literal")
        self.hour = hour
        self.minute = minute
    }

    /// Parses `HH:MM` strictly (two digits each), or returns `nil`.
    public init?(iso text: some StringProtocol) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let h = Int(parts[0]), let m = Int(parts[1])
        else { return nil }
        self.init(hour: h, minute: m)
    }

    /// Minutes since midnight (0…1439).
    public var minutesSinceMidnight: Int { hour * 60 + minute }

    /// `HH:MM`.
    public var iso: String {
        (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
    }

    /// French typography: « 9 h », « 14 h 05 ».
    public var french: String {
        minute == 0 ? "\(hour) h" : "\(hour) h " + (minute < 10 ? "0" : "") + String(minute)
    }

    /// `HH:MM`.
    public var description: String { iso }

    /// Earlier in the day.
    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool {
        lhs.minutesSinceMidnight < rhs.minutesSinceMidnight
    }
}

/// A wall-clock date and time in an unspecified civil time zone.
///
/// Arithmetic on it is pure calendar arithmetic (no summer-time shift): the caller decides what a
/// result that falls in a summer-time gap means, with ``CivilTimeZone``.
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The calendar day.
    public let date: LocalDate
    /// The clock time on that day.
    public let time: LocalTime

    /// Pairs a date and a time.
    public init(date: LocalDate, time: LocalTime) {
        self.date = date
        self.time = time
    }

    /// Minutes of wall-clock time since 1970-01-01 00:00 (ignores time zones).
    public var wallMinutesSinceEpoch: Int { date.daysSinceEpoch * 1440 + time.minutesSinceMidnight }

    /// The wall-clock reading `minutes` later (earlier when negative), ignoring summer time.
    public func adding(minutes: Int) -> LocalDateTime {
        LocalDateTime(wallMinutesSinceEpoch: wallMinutesSinceEpoch + minutes)
    }

    /// The reading `minutes` wall-clock minutes after 1970-01-01 00:00.
    public init(wallMinutesSinceEpoch total: Int) {
        let days = total >= 0 ? total / 1440 : -((-total + 1439) / 1440)
        let rest = total - days * 1440
        self.date = LocalDate(daysSinceEpoch: days)
        self.time = LocalTime(literal: rest / 60, rest % 60)
    }

    /// `YYYY-MM-DDTHH:MM`.
    public var description: String { date.iso + "T" + time.iso }

    /// Earlier on the wall clock.
    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        lhs.wallMinutesSinceEpoch < rhs.wallMinutesSinceEpoch
    }
}

extension LocalTime {
    /// 00:00.
    public static let midnight = LocalTime(literal: 0, 0)
}
