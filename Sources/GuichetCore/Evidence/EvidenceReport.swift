/// What the sufficiency check found: the verdict, the counts it rests on, the reasons and the advice,
/// in French, with the sources.
///
/// JSON contract (`guichet evidence check --format json`): `{"verdict": "insuffisant" | "recevable" |
/// "solide", "failedAttempts", "spanDays", "isoWeeks", "distinctDays", "firstFailure"?, "lastFailure"?,
/// "writtenRequests", "capturedFailures", "appointmentObtained"?, "timeZone", "reasons": [...],
/// "advice": [...], "source": {…}, "dateChecked"}`.
public struct EvidenceReport: Sendable, Equatable, Encodable {
    /// The level reached.
    public let verdict: EvidenceVerdict
    /// Attempts with a failed outcome.
    public let failedAttempts: Int
    /// Calendar days between the first and the last failed attempt (0 with fewer than two).
    public let spanDays: Int
    /// Distinct ISO weeks holding a failed attempt.
    public let isoWeeks: Int
    /// Distinct calendar days holding a failed attempt.
    public let distinctDays: Int
    /// Day of the first failed attempt.
    public let firstFailure: LocalDate?
    /// Day of the last failed attempt.
    public let lastFailure: LocalDate?
    /// Letters plus failed e-mail attempts to the prefecture.
    public let writtenRequests: Int
    /// Failed attempts with a capture file.
    public let capturedFailures: Int
    /// Day an appointment was obtained after the last failure: the référé then has no object.
    public let appointmentObtained: LocalDate?
    /// The civil time the days were read in (`Europe/Paris`, or the overseas zone).
    public let timeZone: String
    /// Why this verdict, in French.
    public let reasons: [String]
    /// What would make the file stronger, in French.
    public let advice: [String]
    /// The rule's sources.
    public let source: LegalSource

    /// Creates a report (``EvidenceRule/evaluate(_:)`` does).
    public init(
        verdict: EvidenceVerdict, failedAttempts: Int, spanDays: Int, isoWeeks: Int, distinctDays: Int,
        firstFailure: LocalDate?, lastFailure: LocalDate?, writtenRequests: Int, capturedFailures: Int,
        appointmentObtained: LocalDate?, timeZone: String, reasons: [String], advice: [String], source: LegalSource
    ) {
        self.verdict = verdict
        self.failedAttempts = failedAttempts
        self.spanDays = spanDays
        self.isoWeeks = isoWeeks
        self.distinctDays = distinctDays
        self.firstFailure = firstFailure
        self.lastFailure = lastFailure
        self.writtenRequests = writtenRequests
        self.capturedFailures = capturedFailures
        self.appointmentObtained = appointmentObtained
        self.timeZone = timeZone
        self.reasons = reasons
        self.advice = advice
        self.source = source
    }

    /// The day the rule's sources were checked.
    public var dateChecked: LocalDate { source.dateChecked }

    private enum CodingKeys: String, CodingKey {
        case verdict, failedAttempts, spanDays, isoWeeks, distinctDays, firstFailure, lastFailure, writtenRequests
        case capturedFailures, appointmentObtained, timeZone, reasons, advice, source, dateChecked
    }

    /// Encodes the JSON contract (dates `YYYY-MM-DD`, absent fields omitted).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(verdict, forKey: .verdict)
        try container.encode(failedAttempts, forKey: .failedAttempts)
        try container.encode(spanDays, forKey: .spanDays)
        try container.encode(isoWeeks, forKey: .isoWeeks)
        try container.encode(distinctDays, forKey: .distinctDays)
        try container.encodeIfPresent(firstFailure?.iso, forKey: .firstFailure)
        try container.encodeIfPresent(lastFailure?.iso, forKey: .lastFailure)
        try container.encode(writtenRequests, forKey: .writtenRequests)
        try container.encode(capturedFailures, forKey: .capturedFailures)
        try container.encodeIfPresent(appointmentObtained?.iso, forKey: .appointmentObtained)
        try container.encode(timeZone, forKey: .timeZone)
        try container.encode(reasons, forKey: .reasons)
        try container.encode(advice, forKey: .advice)
        try container.encode(source, forKey: .source)
        try container.encode(dateChecked.iso, forKey: .dateChecked)
    }

    /// Plain French text for a terminal (`--format text`).
    public var text: String {
        var lines = ["Verdict : \(verdict.rawValue)"]
        lines.append(
            "Tentatives infructueuses : \(failedAttempts) ; écart : \(spanDays) jour\(spanDays > 1 ? "s" : "") ; "
                + "semaines ISO : \(isoWeeks) ; jours différents : \(distinctDays) ; demandes écrites : \(writtenRequests)"
        )
        lines.append("")
        lines.append("Motifs :")
        lines += reasons.map { "- " + $0 }
        if !advice.isEmpty {
            lines.append("")
            lines.append("Conseils :")
            lines += advice.map { "- " + $0 }
        }
        lines.append("")
        lines.append("Sources : \(source.citation) (vérifié le \(dateChecked.frenchDate)).")
        if let caveat = source.caveat { lines.append("Attention : " + caveat) }
        return lines.joined(separator: "\n") + "\n"
    }
}
