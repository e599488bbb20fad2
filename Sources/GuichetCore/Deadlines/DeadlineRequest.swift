/// The R.421-7 CJA distance extension claimed by the person.
public enum DistanceExtension: Hashable, Sendable {
    /// None.
    case none
    /// +1 month: living overseas before a metropolitan court, or the reverse.
    case overseas
    /// +2 months: living abroad.
    case abroad

    /// Months added to the period.
    public var months: Int {
        switch self {
        case .none: return 0
        case .overseas: return 1
        case .abroad: return 2
        }
    }
}

/// What the engine is asked: a rule, the triggering date (and time for hour-based rules), the
/// département whose holidays apply, and the distance extension.
public struct DeadlineRequest: Hashable, Sendable {
    /// The rule identifier ("recours-contentieux"…).
    public var ruleID: String
    /// The triggering date: notification, filing, expiry…
    public var date: LocalDate
    /// The triggering time, for hour-based rules.
    public var time: LocalTime?
    /// The département of the deciding authority (its court's calendar); `nil` = national holidays only.
    public var department: Department?
    /// The R.421-7 CJA extension.
    public var distance: DistanceExtension

    /// Creates a request.
    public init(
        ruleID: String, date: LocalDate, time: LocalTime? = nil, department: Department? = nil,
        distance: DistanceExtension = .none
    ) {
        self.ruleID = ruleID
        self.date = date
        self.time = time
        self.department = department
        self.distance = distance
    }

    /// Builds a request from the texts of a form or of the command line, checking each of them.
    ///
    /// - Parameters:
    ///   - rule: a rule identifier.
    ///   - date: `YYYY-MM-DD`.
    ///   - time: `HH:MM`, or `nil` / empty.
    ///   - department: an INSEE code, or `nil` / empty.
    ///   - overseas: `--outre-mer`.
    ///   - abroad: `--etranger`.
    public static func parse(
        rule: String, date: String, time: String? = nil, department: String? = nil, overseas: Bool = false,
        abroad: Bool = false
    ) throws(DeadlineError) -> DeadlineRequest {
        guard let ruleValue = DeadlineRule.named(rule.trimmingASCIIWhitespace()) else { throw .unknownRule(rule) }
        guard let day = LocalDate(iso: date.trimmingASCIIWhitespace()) else { throw .invalidDate(date) }
        var clock: LocalTime?
        if let time, !time.trimmingASCIIWhitespace().isEmpty {
            guard let parsed = LocalTime(iso: time.trimmingASCIIWhitespace()) else { throw .invalidTime(time) }
            clock = parsed
        }
        var place: Department?
        if let department, !department.trimmingASCIIWhitespace().isEmpty {
            guard let found = Department.lookup(department) else { throw .invalidDepartment(department) }
            place = found
        }
        if overseas && abroad { throw .conflictingDistance }
        return DeadlineRequest(
            ruleID: ruleValue.id, date: day, time: clock, department: place,
            distance: abroad ? .abroad : overseas ? .overseas : .none)
    }
}
