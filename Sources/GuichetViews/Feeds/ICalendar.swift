public import GuichetCore

/// iCalendar (RFC 5545) files for deadlines, with reminders 7 days and 1 day before.
public enum ICalendar {
    /// One event: a whole day, or a wall-clock time in a time zone.
    public struct Event: Sendable, Equatable {
        public let uid: String
        public let summary: String
        public let description: String
        public let date: LocalDate
        public let time: LocalTime?
        public let timeZone: CivilTimeZone

        public init(uid: String, summary: String, description: String, date: LocalDate, time: LocalTime?, timeZone: CivilTimeZone) {
            self.uid = uid
            self.summary = summary
            self.description = description
            self.date = date
            self.time = time
            self.timeZone = timeZone
        }
    }

    /// The events of a result and of its chained results: the deadline, or both ends of a window.
    public static func events(for result: DeadlineResult, uidSuffix: String) -> [Event] {
        var events: [Event] = []
        let description = ([result.frenchSummary] + result.steps + result.warnings
            + ["Source : \(result.source.citation)" + (result.isVerified ? "" : " (règle non vérifiée)")]).joined(separator: "\n")
        let zone = result.department.timeZone
        if let opens = result.opens, let closes = result.closes {
            events.append(Event(uid: "\(result.rule)-ouverture-\(opens.iso)-\(uidSuffix)", summary: "Ouverture : \(result.label)",
                description: description, date: opens, time: nil, timeZone: zone))
            events.append(Event(uid: "\(result.rule)-fin-\(closes.iso)-\(uidSuffix)", summary: "Dernier jour : \(result.label)",
                description: description, date: closes, time: nil, timeZone: zone))
        } else {
            events.append(Event(uid: "\(result.rule)-\(result.deadline.iso)-\(uidSuffix)", summary: result.label,
                description: description, date: result.deadline, time: result.time, timeZone: zone))
        }
        for next in result.next { events += self.events(for: next, uidSuffix: uidSuffix) }
        return events
    }

    /// The help desk's reminders: 15, 7 and 2 days before, and on the day (09:00 for a whole-day event).
    public static let deskAlarms: [(trigger: String, label: String)] = [
        ("-P15D", "dans 15 jours"), ("-P7D", "dans 7 jours"), ("-P2D", "dans 2 jours"), ("PT9H", "aujourd'hui"),
    ]

    /// The calendar text, CRLF line ends, lines folded at 75 octets. `stamp` is the UTC instant of
    /// creation as `YYYYMMDDTHHMMSSZ` (given by the caller: views never read a clock). `alarms`: the reminders of
    /// every event, as RFC 5545 triggers with their French label.
    public static func render(
        _ events: [Event], stamp: String, alarms: [(trigger: String, label: String)] = [("-P7D", "dans 7 jours"), ("-P1D", "demain")]
    ) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//guichet//delais//FR", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
        for event in events {
            lines.append("BEGIN:VEVENT")
            lines.append("UID:\(event.uid)@guichet")
            lines.append("DTSTAMP:\(stamp)")
            if let time = event.time {
                let start = utc(LocalDateTime(date: event.date, time: time), event.timeZone)
                lines.append("DTSTART:\(start)")
                lines.append("DTEND:\(start)")
            } else {
                lines.append("DTSTART;VALUE=DATE:\(compact(event.date))")
                lines.append("DTEND;VALUE=DATE:\(compact(event.date.adding(days: 1)))")
                lines.append("TRANSP:TRANSPARENT")
            }
            lines.append("SUMMARY:\(escape(event.summary))")
            lines.append("DESCRIPTION:\(escape(event.description))")
            for (trigger, label) in alarms {
                lines += ["BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:\(trigger)", "DESCRIPTION:\(escape("\(label) : \(event.summary)"))", "END:VALARM"]
            }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    static func compact(_ date: LocalDate) -> String { date.iso.filter { $0 != "-" } }

    static func utc(_ local: LocalDateTime, _ zone: CivilTimeZone) -> String {
        let minutes = zone.utcMinutes(local)
        let day = LocalDate(daysSinceEpoch: Int((Double(minutes) / 1440).rounded(.down)))
        let inDay = minutes - day.daysSinceEpoch * 1440
        let hh = inDay / 60, mm = inDay % 60
        return compact(day) + "T" + (hh < 10 ? "0" : "") + String(hh) + (mm < 10 ? "0" : "") + String(mm) + "00Z"
    }

    /// Escapes TEXT values: backslash, semicolon, comma and line breaks.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": continue
            default: out.append(character)
            }
        }
        return out
    }

    /// Folds a content line into chunks of at most 75 octets, never splitting a character.
    static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var out = ""
        var current = 0
        var limit = 75
        for character in line {
            let size = String(character).utf8.count
            if current + size > limit {
                out += "\r\n "
                current = 0
                limit = 74
            }
            out.append(character)
            current += size
        }
        return out
    }
}
