public import GuichetStorage
public import GuichetCore
internal import PostgresNIO

/// People's reports to the observatory on PostgreSQL, shared by every web node. A batch is one `INSERT … SELECT FROM
/// unnest(…)`, in the order given.
public struct PostgresObservationReportStore: ObservationReportStore {
    let database: PostgresDatabase

    /// A store over `database` (migrated beforehand).
    public init(database: PostgresDatabase) {
        self.database = database
    }

    public func insertReports(_ reports: [StoredObservationReport]) async throws(StorageError) {
        guard !reports.isEmpty else { return }
        let ids = reports.map(\.id)
        let departments = reports.map(\.report.department)
        let procedures = reports.map(\.report.procedure.rawValue)
        let channels = reports.map(\.report.channel.rawValue)
        let outcomes = reports.map(\.report.outcome.rawValue)
        let weeks = reports.map(\.report.week.description)
        _ = try await database.rows(
            """
            INSERT INTO observation_report (id, department, procedure, channel, outcome, week)
            SELECT t.id, t.department, t.procedure, t.channel, t.outcome, t.week
            FROM unnest(\(ids)::text[], \(departments)::text[], \(procedures)::text[], \(channels)::text[],
                \(outcomes)::text[], \(weeks)::text[]) WITH ORDINALITY AS t (id, department, procedure, channel, outcome, week, n)
            ORDER BY t.n
            """)
    }

    public func claimReportMarker(_ marker: String, week: ReportWeek) async throws(StorageError) -> Bool {
        let rows = try await database.rows(
            """
            INSERT INTO report_marker (marker, week) VALUES (\(marker), \(week.description))
            ON CONFLICT (marker) DO NOTHING RETURNING 1
            """)
        return !rows.isEmpty
    }

    @discardableResult
    public func deleteReportMarkers(before week: ReportWeek) async throws(StorageError) -> Int {
        let rows = try await database.rows(
            """
            WITH gone AS (DELETE FROM report_marker WHERE week COLLATE "C" < \(week.description) RETURNING 1)
            SELECT count(*) FROM gone
            """)
        do {
            return try rows.first?.decode(Int.self) ?? 0
        } catch {
            throw StorageError(.corrupted, underlying: error)
        }
    }

    public func reportCounts(atLeast minimum: Int) async throws(StorageError) -> [Observatory.ReportCount] {
        precondition(minimum >= 1, "a count stands for at least one report")
        let rows = try await database.rows(
            """
            SELECT department, procedure, week, outcome, count(*) FROM observation_report
            GROUP BY department, procedure, week, outcome HAVING count(*) >= \(Int64(minimum))
            ORDER BY department COLLATE "C", procedure COLLATE "C", week COLLATE "C", outcome COLLATE "C"
            """)
        do {
            return try rows.map { row in
                let (department, procedure, week, outcome, count) = try row.decode((String, String, String, String, Int).self)
                guard
                    let cell = Observatory.ReportCount(
                        department: department, procedure: procedure, week: week, outcome: outcome, count: count)
                else { throw StorageError(.corrupted) }
                return cell
            }
        } catch let error as StorageError {
            throw error
        } catch {
            throw StorageError(.corrupted, underlying: error)
        }
    }

    public func outageCounts(atLeast minimum: Int) async throws(StorageError) -> [Observatory.OutageCount] {
        precondition(minimum >= 1, "a count stands for at least one report")
        var query = PostgresQuery(unsafeSQL: Self.outageSQL(minimum: "$1"))
        query.binds.append(Int64(minimum))
        let rows = try await database.rows(query)
        do {
            return try rows.map { row in
                let (platform, week, count) = try row.decode((String, String, Int).self)
                guard let week = ReportWeek(week) else { throw StorageError(.corrupted) }
                return Observatory.OutageCount(platform: platform, week: week, count: count)
            }.sorted { ($0.platform, $0.week) < ($1.platform, $1.week) }
        } catch let error as StorageError {
            throw error
        } catch {
            throw StorageError(.corrupted, underlying: error)
        }
    }

    public func reportTotal() async throws(StorageError) -> Int {
        let rows = try await database.rows("SELECT count(*) FROM observation_report")
        do {
            return try rows.first?.decode(Int.self) ?? 0
        } catch {
            throw StorageError(.corrupted, underlying: error)
        }
    }
}
