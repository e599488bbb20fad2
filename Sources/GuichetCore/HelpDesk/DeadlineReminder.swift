/// When the dashboard (and the optional email) reminds a member of a deadline: 15, 7, 2 and 0 days before it.
public enum DeadlineReminder {
    /// The days before a deadline on which a reminder is due.
    public static let daysBefore = [15, 7, 2, 0]

    /// How urgent a deadline is on `today`.
    public enum Urgency: String, Sendable, Equatable, Comparable {
        case overdue = "depasse"
        case today = "aujourdhui"
        case withinTwoDays = "deux-jours"
        case withinAWeek = "semaine"
        case withinFifteenDays = "quinze-jours"
        case later = "plus-tard"

        private var rank: Int {
            switch self {
            case .overdue: 0
            case .today: 1
            case .withinTwoDays: 2
            case .withinAWeek: 3
            case .withinFifteenDays: 4
            case .later: 5
            }
        }

        public static func < (lhs: Urgency, rhs: Urgency) -> Bool { lhs.rank < rhs.rank }

        public var frenchLabel: String {
            switch self {
            case .overdue: "dépassé"
            case .today: "aujourd'hui"
            case .withinTwoDays: "dans 2 jours au plus"
            case .withinAWeek: "dans la semaine"
            case .withinFifteenDays: "dans 15 jours au plus"
            case .later: "plus tard"
            }
        }
    }

    /// The urgency of a deadline falling on `due`, seen on `today`.
    public static func urgency(due: LocalDate, today: LocalDate) -> Urgency {
        let left = today.days(until: due)
        switch left {
        case ..<0: return .overdue
        case 0: return .today
        case 1...2: return .withinTwoDays
        case 3...7: return .withinAWeek
        case 8...15: return .withinFifteenDays
        default: return .later
        }
    }

    /// Whether `today` is one of the reminder days of a deadline on `due` (15, 7, 2 or 0 days before).
    public static func isReminderDay(due: LocalDate, today: LocalDate) -> Bool {
        daysBefore.contains(today.days(until: due))
    }
}
