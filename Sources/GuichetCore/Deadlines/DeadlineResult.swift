/// A computed time limit, with every step explained in French and the legal source, for display,
/// JSON (`guichet deadline … --format json`) and calendar export.
///
/// JSON contract: `{"rule", "label", "date", "department", "deadline": "YYYY-MM-DD", "time"?: "HH:MM",
/// "opens"?, "closes"?, "next"?: [results], "steps": [...], "warnings": [...], "source", "dateChecked",
/// "verified"}`.
public struct DeadlineResult: Hashable, Sendable, Encodable {
    /// The rule identifier.
    public let rule: String
    /// The rule's French label.
    public let label: String
    /// What the main date means (last day to act, or the day an event happens).
    public let outcome: DeadlineRule.Outcome
    /// The triggering date.
    public let date: LocalDate
    /// The triggering time (hour-based rules).
    public let startTime: LocalTime?
    /// The département whose calendar was used.
    public let department: Department
    /// The rule's main date: last day to act; for an event, the day it happens; for a window, its close.
    public let deadline: LocalDate
    /// Wall-clock time of the deadline, for hour-based rules (local time of ``department``).
    public let time: LocalTime?
    /// First day of a filing window.
    public let opens: LocalDate?
    /// Last day of a filing window (equals ``deadline``).
    public let closes: LocalDate?
    /// Results of the rules that follow from this one.
    public let next: [DeadlineResult]
    /// Plain-French explanation, step by step.
    public let steps: [String]
    /// Plain-French cautions (unverified rule, local holiday, opposability…).
    public let warnings: [String]
    /// Legal basis of the rule.
    public let source: LegalSource

    /// Whether the rule is confirmed by the brief.
    public var isVerified: Bool { source.isVerified }

    /// Creates a result (the engine does).
    public init(
        rule: String, label: String, outcome: DeadlineRule.Outcome, date: LocalDate, startTime: LocalTime?,
        department: Department, deadline: LocalDate, time: LocalTime?, opens: LocalDate?, closes: LocalDate?,
        next: [DeadlineResult], steps: [String], warnings: [String], source: LegalSource
    ) {
        self.rule = rule
        self.label = label
        self.outcome = outcome
        self.date = date
        self.startTime = startTime
        self.department = department
        self.deadline = deadline
        self.time = time
        self.opens = opens
        self.closes = closes
        self.next = next
        self.steps = steps
        self.warnings = warnings
        self.source = source
    }

    private enum CodingKeys: String, CodingKey {
        case rule, label, date, department, deadline, time, opens, closes, next, steps, warnings, source
        case dateChecked, verified
    }

    /// Encodes the JSON contract (dates `YYYY-MM-DD`, times `HH:MM`, absent fields omitted).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rule, forKey: .rule)
        try container.encode(label, forKey: .label)
        try container.encode(date.iso, forKey: .date)
        try container.encode(department.code, forKey: .department)
        try container.encode(deadline.iso, forKey: .deadline)
        try container.encodeIfPresent(time?.iso, forKey: .time)
        try container.encodeIfPresent(opens?.iso, forKey: .opens)
        try container.encodeIfPresent(closes?.iso, forKey: .closes)
        if !next.isEmpty { try container.encode(next, forKey: .next) }
        try container.encode(steps, forKey: .steps)
        try container.encode(warnings, forKey: .warnings)
        try container.encode(source.citation, forKey: .source)
        try container.encode(source.dateChecked.iso, forKey: .dateChecked)
        try container.encode(source.isVerified, forKey: .verified)
    }

    /// The main date in one French sentence: « Date limite : jeudi 4 mars 2021. ».
    public var frenchSummary: String {
        if let opens, let closes {
            return "Période de dépôt : du \(opens.frenchLongDate) au \(closes.frenchLongDate)."
        }
        let at = time.map { " à \($0.french)" } ?? ""
        switch outcome {
        case .actBy: return "Date limite : \(deadline.frenchLongDate)\(at)."
        case .event: return "Date : \(deadline.frenchLongDate)\(at)."
        }
    }

    /// A plain-text rendering (`--format text`), chained results indented.
    public func plainText() -> String {
        lines(indent: "").joined(separator: "\n")
    }

    private func lines(indent: String) -> [String] {
        var out = [indent + label, indent + frenchSummary]
        out += steps.enumerated().map { indent + "  \($0.offset + 1). \($0.element)" }
        out += warnings.map { indent + "  ! " + $0 }
        let status = source.isVerified ? "vérifiée" : "NON VÉRIFIÉE"
        out.append(indent + "  Source : \(source.citation) (\(status), le \(source.dateChecked.frenchDate))")
        for result in next {
            out.append(indent + "  Ensuite :")
            out += result.lines(indent: indent + "    ")
        }
        return out
    }
}
