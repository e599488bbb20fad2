public import GuichetCore

/// A person's anonymous report as stored: a random key and the report's five values, nothing else (no time finer than
/// the week, no file, case, client or marker).
public struct StoredObservationReport: Sendable, Equatable {
    /// 32 random lowercase hexadecimal digits chosen by the caller, never derived from anything.
    public let id: String
    public let report: Observatory.Report

    public init(id: String, report: Observatory.Report) {
        self.id = id
        self.report = report
    }
}

/// The observatory's people's reports (docs/observatory.md, « Signalements »).
///
/// Two tables that share no column: the reports (`observation_report`) and the markers that count a file or a case
/// once per week (`report_marker`, keyed hashes the store cannot reverse). No method joins them, and none returns a
/// report one by one: what comes out is counts.
public protocol ObservationReportStore: Sendable {
    /// Inserts `reports` in one transaction, in the order given (the caller shuffles a batch before). An id already
    /// stored is a `.conflict` and nothing of the batch is written.
    func insertReports(_ reports: [StoredObservationReport]) async throws(StorageError)

    /// Takes `marker` for `week`: true when it was free (the report may be counted), false when it was already taken.
    func claimReportMarker(_ marker: String, week: ReportWeek) async throws(StorageError) -> Bool

    /// Drops the markers of the weeks before `week`; returns how many were dropped.
    @discardableResult
    func deleteReportMarkers(before week: ReportWeek) async throws(StorageError) -> Int

    /// The number of reports per département, procedure, week and outcome, for the cells with at least `minimum`
    /// reports (`minimum` ≥ 1), ordered by département, procedure, week and outcome. The store filters, so that a
    /// smaller count never leaves it when the caller asks for k.
    func reportCounts(atLeast minimum: Int) async throws(StorageError) -> [Observatory.ReportCount]

    /// The « site en panne » reports per platform and week with at least `minimum` of them: channel `anef` over every
    /// département as `anef`, channel `rdv-en-ligne` per département as `rdv-<code in lower case>`; ordered by
    /// platform and week.
    func outageCounts(atLeast minimum: Int) async throws(StorageError) -> [Observatory.OutageCount]

    /// The number of reports stored.
    func reportTotal() async throws(StorageError) -> Int
}

extension ObservationReportStore {
    /// The query behind ``outageCounts(atLeast:)``, the same text on both backends (`?`/`$1` filled by each).
    public static func outageSQL(minimum placeholder: String) -> String {
        """
        SELECT 'anef' AS platform, week, count(*) AS n FROM observation_report
        WHERE outcome = 'site-en-panne' AND channel = 'anef' GROUP BY week HAVING count(*) >= \(placeholder)
        UNION ALL
        SELECT 'rdv-' || lower(department) AS platform, week, count(*) AS n FROM observation_report
        WHERE outcome = 'site-en-panne' AND channel = 'rdv-en-ligne' GROUP BY department, week HAVING count(*) >= \(placeholder)
        """
    }
}

extension Observatory.ReportCount {
    /// A count read back from a store's text columns; `nil` when a value is not one of the lists (a corrupted row).
    public init?(department: String, procedure: String, week: String, outcome: String, count: Int) {
        guard let procedure = Observatory.Procedure(rawValue: procedure), let week = ReportWeek(week),
            let outcome = Observatory.Outcome(rawValue: outcome), count >= 1
        else { return nil }
        self.init(department: department, procedure: procedure, week: week, outcome: outcome, count: count)
    }
}
