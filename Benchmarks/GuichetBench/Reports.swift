// guichet-bench reports: people's reports to the observatory (issue 12 "Measure").
//
//   guichet-bench reports --database PATH [--reports N] [--batch B] [--submits S] [--clients C] [--postgres URL]
//
// 1. Inserts N reports (default 1 000 000, seeded, spread over the 101 départements, 8 procedures, 4 outcomes and
//    26 weeks) through the store in batches of B (default 1000): the insertion rate of the table.
// 2. Submits S more (default 20 000) through the service as the web does, from C concurrent clients (default 16):
//    checks, rate limit, the once-per-file marker, the shuffled batches of 8: the rate a site can take.
// 3. Reads the k-filtered figures once (the query behind every figure page after a batch).
// The SQLite file is left at PATH, for scripts/bench-observatoire to serve it.
import Foundation
import GuichetCore
import GuichetStorage
import GuichetSQLite
import GuichetPostgres
import GuichetServices
import GuichetEncryption
import Logging

func runReports() async throws {
    guard let path = stringOption("--database") else {
        print("guichet-bench reports: --database PATH is required")
        exit(2)
    }
    let total = option("--reports", 1_000_000)
    let batch = option("--batch", 1000)
    let submits = option("--submits", 20_000)
    let clients = option("--clients", 16)
    let database = try SQLiteDatabase(path: path)
    try await benchReports(
        backend: "sqlite", store: SQLiteObservationReportStore(database: database), limits: SQLitePrivateFileStore(database: database),
        total: total, batch: batch, submits: submits, clients: clients)
    guard let url = stringOption("--postgres") else { return }
    var configuration = try PostgresConfiguration(url: url)
    configuration.schema = "guichet_bench_\(ProcessInfo.processInfo.processIdentifier)"
    let postgres = PostgresDatabase(
        configuration: configuration, logger: Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() }))
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { await postgres.run() }
        defer { group.cancelAll() }
        try await postgres.migrate()
        do {
            try await benchReports(
                backend: "postgres", store: PostgresObservationReportStore(database: postgres),
                limits: PostgresPrivateFileStore(database: postgres), total: total, batch: batch, submits: submits, clients: clients)
        } catch {
            try? await postgres.dropSchema()
            throw error
        }
        try await postgres.dropSchema()
    }
}

func benchReports(
    backend: String, store: any ObservationReportStore, limits: any RateLimitCounter, total: Int, batch: Int, submits: Int,
    clients: Int
) async throws {
    var random = SeededGenerator(state: 12)
    let procedures = Observatory.Procedure.allCases
    let outcomes = Observatory.Outcome.allCases
    let channels: [Observatory.Channel] = [.anef, .onlineAppointment, .email]
    let weeks = (0..<26).map { ReportWeek(year: 2026, week: 49)!.adding(weeks: -$0) }
    func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }
    func makeReport() -> Observatory.Report {
        // A skewed spread: the first départements get more reports, as the large prefectures do.
        let skew = Int(random.next() % 1000)
        let department = Department.all[(skew * skew / 10_000) % Department.all.count].code
        return Observatory.Report(department: department, procedure: pick(procedures), channel: pick(channels), outcome: pick(outcomes), week: pick(weeks))
    }
    func hex(_ value: UInt64, _ other: UInt64) -> String {
        func padded(_ part: UInt64) -> String {
            let digits = String(part, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        return padded(value) + padded(other)
    }

    // Only the store's work is timed: the batches are made before each call.
    var insertSeconds = 0.0
    var written = 0
    while written < total {
        let size = min(batch, total - written)
        let reports = (0..<size).map { _ in StoredObservationReport(id: hex(random.next(), random.next()), report: makeReport()) }
        let started = ContinuousClock.now
        try await store.insertReports(reports)
        insertSeconds += (ContinuousClock.now - started).seconds
        written += size
    }
    print(String(format: "%@: inserted %d reports in batches of %d: %.1f s, %.0f reports/s", backend, total, batch, insertSeconds,
        Double(total) / insertSeconds))

    let service = ObservationReports(
        store: store, limits: limits, markers: ReportMarkerKey(pepper: nil),
        settings: .init(batchSize: 8, perClientPerHour: Int.max / 2),
        logger: Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() }))
    let now: Int64 = 1_796_295_600
    let prepared = (0..<submits).map { _ in makeReport() }
    let submitStarted = ContinuousClock.now
    try await withThrowingTaskGroup(of: Void.self) { group in
        for client in 0..<clients {
            group.addTask {
                var index = client
                while index < prepared.count {
                    try await service.submit(prepared[index], origin: "fichier:bench-\(index)", client: "client-\(client)", now: now)
                    index += clients
                }
            }
        }
        try await group.waitForAll()
    }
    try await service.flush()
    let submitSeconds = (ContinuousClock.now - submitStarted).seconds
    print(String(format: "%@: submitted %d reports through the service from %d clients: %.1f s, %.0f reports/s", backend, submits,
        clients, submitSeconds, Double(submits) / submitSeconds))

    let queryStarted = ContinuousClock.now
    let counts = try await store.reportCounts(atLeast: 5)
    let querySeconds = (ContinuousClock.now - queryStarted).seconds
    let stored = try await store.reportTotal()
    print(String(format: "%@: %d reports stored; figures (k = 5): %d cells in %.0f ms", backend, stored, counts.count, querySeconds * 1000))
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
