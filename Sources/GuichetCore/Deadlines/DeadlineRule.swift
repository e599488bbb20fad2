/// A legal time limit, as data: how it is counted, whether it is franc and carried over, its source,
/// the plain-French text that explains it, and the rules that follow from it.
///
/// One engine (``DeadlineEngine``) computes every rule; adding a limit means adding a record to
/// ``DeadlineRule/catalogue`` (see docs/deadlines.md). French text fields may contain `{date}`, replaced
/// by the date concerned (« lundi 3 janvier 2022 »).
public struct DeadlineRule: Hashable, Sendable, Identifiable {
    /// How the period is counted from the triggering date.
    public enum Counting: Hashable, Sendable {
        /// N months, from date to same date (last day of the month when there is no such date).
        case months(Int)
        /// N calendar days; the triggering day is not counted.
        case days(Int)
        /// N hours, from the same wall-clock time; never franc, never carried over.
        case hours(Int)
        /// The day before the date N months later (an anniversary: act « avant la date anniversaire »);
        /// the anniversary is the same day of month, or the last day of the month when there is none.
        case dayBeforeMonths(Int)
        /// A filing window before the triggering date (a permit's expiry): opens and closes.
        case window(opens: WindowEdge, closes: WindowEdge)
    }

    /// One edge of a filing window, counted back from the triggering date.
    public enum WindowEdge: Hashable, Sendable {
        /// N calendar days before (0 = the triggering day itself).
        case daysBefore(Int)
        /// N months before, same day of month (last day of the month when there is no such date).
        case monthsBefore(Int)
    }

    /// What the computed date means.
    public enum Outcome: Hashable, Sendable {
        /// The last day (or hour) to act.
        case actBy
        /// The day something happens by itself (an implicit refusal is born, a decision is deemed
        /// notified): never franc, never carried over.
        case event(String)
    }

    /// A rule computed next, from this rule's main date.
    public struct Link: Hashable, Sendable {
        /// The next rule's identifier.
        public let ruleID: String
        /// French text of the first step of the next rule (replaces its own `triggerStep`).
        public let triggerStep: String
        /// Whether the R.421-7 CJA distance extension asked for still applies.
        public let keepsDistance: Bool
        /// A fixed département whose holidays apply to the next rule (its court's), if any.
        public let departmentCode: String?
        /// French notes added to the next result's warnings.
        public let notes: [String]

        /// Creates a link.
        public init(
            ruleID: String, triggerStep: String, keepsDistance: Bool = true, departmentCode: String? = nil,
            notes: [String] = []
        ) {
            self.ruleID = ruleID
            self.triggerStep = triggerStep
            self.keepsDistance = keepsDistance
            self.departmentCode = departmentCode
            self.notes = notes
        }
    }

    /// A secondary date shown as a step, N calendar days after the triggering date (not franc, not
    /// carried over): e.g. the 15 days to ask for legal aid before the CNDA.
    public struct Milestone: Hashable, Sendable {
        /// Days after the triggering date.
        public let days: Int
        /// French step text with `{date}`.
        public let text: String

        /// Creates a milestone.
        public init(days: Int, text: String) {
            self.days = days
            self.text = text
        }
    }

    /// Stable identifier used by the CLI and the web page: "recours-contentieux".
    public let id: String
    /// French label.
    public let label: String
    /// Legal basis, checking date and verification status.
    public let source: LegalSource
    /// How the period is counted.
    public let counting: Counting
    /// What the main date means.
    public let outcome: Outcome
    /// Délai franc: the last day to act is the day after the nominal end.
    public let isFranc: Bool
    /// A last day on a Saturday, Sunday or national holiday moves to the next working day.
    public let movesToWorkingDay: Bool
    /// Whether the R.421-7 CJA distance extension (+1 month overseas, +2 months abroad) applies.
    public let acceptsDistanceExtension: Bool
    /// The département whose holidays always apply (the court's or office's seat), if fixed.
    public let calendarDepartmentCode: String?
    /// Why that département (« siège de la Cour nationale du droit d'asile, à Montreuil »).
    public let calendarReason: String?
    /// First step, with `{date}`: « Décision notifiée le {date}. ».
    public let triggerStep: String
    /// Rule-specific explanation steps, in French, shown after the first step.
    public let explanation: [String]
    /// Why the rule is (not) franc and (not) carried over, in French; shown as a step. Cites the brief.
    public let convention: String?
    /// Secondary dates shown as steps.
    public let milestones: [Milestone]
    /// French notes always attached to the result's warnings.
    public let notes: [String]
    /// Rules computed next, from this rule's main date.
    public let next: [Link]

    /// Creates a rule.
    public init(
        id: String, label: String, source: LegalSource, counting: Counting, outcome: Outcome = .actBy,
        isFranc: Bool, movesToWorkingDay: Bool, acceptsDistanceExtension: Bool = false,
        calendarDepartmentCode: String? = nil, calendarReason: String? = nil, triggerStep: String,
        explanation: [String] = [], convention: String? = nil, milestones: [Milestone] = [], notes: [String] = [],
        next: [Link] = []
    ) {
        self.id = id
        self.label = label
        self.source = source
        self.counting = counting
        self.outcome = outcome
        self.isFranc = isFranc
        self.movesToWorkingDay = movesToWorkingDay
        self.acceptsDistanceExtension = acceptsDistanceExtension
        self.calendarDepartmentCode = calendarDepartmentCode
        self.calendarReason = calendarReason
        self.triggerStep = triggerStep
        self.explanation = explanation
        self.convention = convention
        self.milestones = milestones
        self.notes = notes
        self.next = next
    }

    /// Whether the rule needs a clock time (hour-based limits).
    public var needsTime: Bool {
        if case .hours = counting { return true }
        return false
    }

    /// The rule with this identifier in ``catalogue``.
    public static func named(_ id: String) -> DeadlineRule? { byID[id] }

    private static let byID: [String: DeadlineRule] = Dictionary(
        uniqueKeysWithValues: catalogue.map { ($0.id, $0) })
}
