/// The civil time of a département: Europe/Paris with summer time, or a fixed overseas offset.
///
/// Only what hour-based deadlines need: how a wall-clock reading maps to real (UTC) time, so the
/// engine can say when a 48-hour period crosses a summer-time change. Rules encoded:
/// France 1981–1995, summer time from the last Sunday of March to the last Sunday of September;
/// from 1996 (EU directive, then 2000/84/EC), from the last Sunday of March to the last Sunday of
/// October, changes at 01:00 UTC. Before 1981 no summer time is assumed (our data starts in 1990).
/// The overseas départements have no summer time.
public enum CivilTimeZone: Hashable, Sendable {
    /// Metropolitan France, Corsica included (UTC+1, UTC+2 in summer).
    case europeParis
    /// A fixed offset from UTC, with its IANA identifier (e.g. `America/Cayenne`, −180 minutes).
    case fixed(identifier: String, utcOffsetMinutes: Int)

    /// The IANA time-zone identifier.
    public var identifier: String {
        switch self {
        case .europeParis: return "Europe/Paris"
        case .fixed(let identifier, _): return identifier
        }
    }

    /// How a wall-clock reading exists in this zone.
    public enum Reading: Hashable, Sendable {
        /// Exists once, at this offset from UTC (minutes).
        case unique(utcOffsetMinutes: Int)
        /// Does not exist: the clock jumped over it (spring change).
        case skipped
        /// Exists twice: once in summer time, once in standard time (autumn change).
        case repeated
    }

    /// The local days on which summer time starts and ends in `year`, when it applies.
    public func summerTime(year: Int) -> (starts: LocalDate, ends: LocalDate)? {
        guard case .europeParis = self, year >= 1981 else { return nil }
        let endMonth = year >= 1996 ? 10 : 9
        return (LocalDate.lastSunday(month: 3, year: year), LocalDate.lastSunday(month: endMonth, year: year))
    }

    /// Classifies a wall-clock reading (the change happens between 02:00 and 03:00 local time).
    public func reading(_ t: LocalDateTime) -> Reading {
        switch self {
        case .fixed(_, let offset):
            return .unique(utcOffsetMinutes: offset)
        case .europeParis:
            guard let summer = summerTime(year: t.date.year) else { return .unique(utcOffsetMinutes: 60) }
            let inChangeHour = (120..<180).contains(t.time.minutesSinceMidnight)
            if t.date == summer.starts && inChangeHour { return .skipped }
            if t.date == summer.ends && inChangeHour { return .repeated }
            let afterStart = t >= LocalDateTime(date: summer.starts, time: LocalTime(literal: 3, 0))
            let beforeEnd = t < LocalDateTime(date: summer.ends, time: LocalTime(literal: 2, 0))
            return .unique(utcOffsetMinutes: afterStart && beforeEnd ? 120 : 60)
        }
    }

    /// Real time (minutes since 1970-01-01 00:00 UTC) of a wall-clock reading.
    ///
    /// A skipped reading is read with the offset in force before the jump (02:30 → 03:30 summer
    /// time); a repeated one as its first occurrence (summer time).
    public func utcMinutes(_ t: LocalDateTime) -> Int {
        switch reading(t) {
        case .unique(let offset): return t.wallMinutesSinceEpoch - offset
        case .skipped: return t.wallMinutesSinceEpoch - 60
        case .repeated: return t.wallMinutesSinceEpoch - 120
        }
    }

    /// The wall-clock reading that exists at the same real instant as `t` (moves a skipped reading
    /// forward by the length of the gap; leaves every other reading unchanged).
    public func normalized(_ t: LocalDateTime) -> LocalDateTime {
        reading(t) == .skipped ? t.adding(minutes: 60) : t
    }
}

extension LocalDate {
    /// The last Sunday of `month` in `year`.
    public static func lastSunday(month: Int, year: Int) -> LocalDate {
        let last = LocalDate(literal: year, month, LocalDate.daysIn(month: month, year: year))
        return last.adding(days: -(last.isoWeekday % 7))
    }
}
