public import GuichetStorage
public import GuichetCore
internal import GRDB

/// People's reports to the observatory on SQLite. `observation_report` is a `WITHOUT ROWID` table keyed by the random
/// id, so that its rows lie in the order of that key, not in the order they came.
public struct SQLiteObservationReportStore: ObservationReportStore {
    let database: SQLiteDatabase

    /// A store over `database` (migrated by its initializer).
    public init(database: SQLiteDatabase) {
        self.database = database
    }

    public func insertReports(_ reports: [StoredObservationReport]) async throws(StorageError) {
        guard !reports.isEmpty else { return }
        try await database.write { db in
            // A hundred rows per statement (600 arguments, under SQLite's limit): far fewer statements to step.
            for start in stride(from: 0, to: reports.count, by: Self.rowsPerStatement) {
                let chunk = reports[start..<min(start + Self.rowsPerStatement, reports.count)]
                let statement = try db.cachedStatement(sql: Self.insertSQL(rows: chunk.count))
                var values: [any DatabaseValueConvertible] = []
                values.reserveCapacity(chunk.count * 6)
                for stored in chunk {
                    let report = stored.report
                    values += [
                        stored.id, report.department, report.procedure.rawValue, report.channel.rawValue, report.outcome.rawValue,
                        report.week.description,
                    ]
                }
                try statement.execute(arguments: StatementArguments(values))
            }
        }
    }

    static let rowsPerStatement = 100

    static func insertSQL(rows: Int) -> String {
        "INSERT INTO observation_report (id, department, procedure, channel, outcome, week) VALUES "
            + Array(repeating: "(?, ?, ?, ?, ?, ?)", count: rows).joined(separator: ", ")
    }

    public func claimReportMarker(_ marker: String, week: ReportWeek) async throws(StorageError) -> Bool {
        try await database.write { db in
            try db.execute(
                sql: "INSERT INTO report_marker (marker, week) VALUES (?, ?) ON CONFLICT (marker) DO NOTHING",
                arguments: [marker, week.description])
            return db.changesCount == 1
        }
    }

    @discardableResult
    public func deleteReportMarkers(before week: ReportWeek) async throws(StorageError) -> Int {
        try await database.write { db in
            try db.execute(sql: "DELETE FROM report_marker WHERE week < ?", arguments: [week.description])
            return db.changesCount
        }
    }

    public func reportCounts(atLeast minimum: Int) async throws(StorageError) -> [Observatory.ReportCount] {
        precondition(minimum >= 1, "a count stands for at least one report")
        return try await database.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT department, procedure, week, outcome, count(*) AS n FROM observation_report
                    GROUP BY department, procedure, week, outcome HAVING count(*) >= ?
                    ORDER BY department, procedure, week, outcome
                    """, arguments: [minimum])
            return try rows.map { row in
                guard
                    let count = Observatory.ReportCount(
                        department: row["department"], procedure: row["procedure"], week: row["week"],
                        outcome: row["outcome"], count: row["n"])
                else { throw StorageError(.corrupted) }
                return count
            }
        }
    }

    public func outageCounts(atLeast minimum: Int) async throws(StorageError) -> [Observatory.OutageCount] {
        precondition(minimum >= 1, "a count stands for at least one report")
        return try await database.read { db in
            try Row.fetchAll(db, sql: Self.outageSQL(minimum: "?") , arguments: [minimum, minimum]).map { row in
                guard let week = ReportWeek(row["week"] as String) else { throw StorageError(.corrupted) }
                return Observatory.OutageCount(platform: row["platform"], week: week, count: row["n"])
            }.sorted { ($0.platform, $0.week) < ($1.platform, $1.week) }
        }
    }

    public func reportTotal() async throws(StorageError) -> Int {
        try await database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM observation_report") ?? 0 }
    }
}
