// Reading real instants on a civil clock (the inverse of CivilTimeZone.utcMinutes): attempts, 48-hour deadlines.

extension CivilTimeZone {
    /// The wall-clock reading at a real instant (minutes since 1970-01-01 00:00 UTC): the inverse of
    /// ``utcMinutes(_:)``. In Europe/Paris summer time runs from 01:00 UTC on its first day to 01:00 UTC
    /// on its last day (the rules of ``summerTime(year:)``).
    public func wallClockReading(utcMinutes: Int) -> LocalDateTime {
        switch self {
        case .fixed(_, let offset):
            return LocalDateTime(wallMinutesSinceEpoch: utcMinutes + offset)
        case .europeParis:
            let utc = LocalDateTime(wallMinutesSinceEpoch: utcMinutes)
            guard let summer = summerTime(year: utc.date.year) else { return utc.adding(minutes: 60) }
            let starts = summer.starts.daysSinceEpoch * 1440 + 60
            let ends = summer.ends.daysSinceEpoch * 1440 + 60
            return utc.adding(minutes: (starts..<ends).contains(utcMinutes) ? 120 : 60)
        }
    }

    /// « heure de Paris », « heure de Cayenne »…: which clock a time refers to, for documents.
    public var frenchClockName: String {
        switch identifier {
        case "Europe/Paris": return "heure de Paris"
        case "America/Guadeloupe": return "heure de la Guadeloupe"
        case "America/Martinique": return "heure de la Martinique"
        case "America/Cayenne": return "heure de Cayenne"
        case "Indian/Reunion": return "heure de La Réunion"
        case "Indian/Mayotte": return "heure de Mayotte"
        default: return "heure locale"
        }
    }
}
