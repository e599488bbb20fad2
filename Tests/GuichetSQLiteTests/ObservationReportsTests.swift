import Testing
import Logging
import Synchronization
import GuichetCore
import GuichetStorage
import GuichetEncryption
import GuichetServices
import GuichetTestSupport
@testable import GuichetSQLite

/// A store that records each batch as it arrives, over SQLite.
final class RecordingReportStore: ObservationReportStore {
    let inner: SQLiteObservationReportStore
    let batches = Mutex<[[StoredObservationReport]]>([])

    init() throws { inner = SQLiteObservationReportStore(database: try SQLiteDatabase()) }

    func insertReports(_ reports: [StoredObservationReport]) async throws(StorageError) {
        batches.withLock { $0.append(reports) }
        try await inner.insertReports(reports)
    }
    func claimReportMarker(_ marker: String, week: ReportWeek) async throws(StorageError) -> Bool {
        try await inner.claimReportMarker(marker, week: week)
    }
    func deleteReportMarkers(before week: ReportWeek) async throws(StorageError) -> Int {
        try await inner.deleteReportMarkers(before: week)
    }
    func reportCounts(atLeast minimum: Int) async throws(StorageError) -> [Observatory.ReportCount] {
        try await inner.reportCounts(atLeast: minimum)
    }
    func outageCounts(atLeast minimum: Int) async throws(StorageError) -> [Observatory.OutageCount] {
        try await inner.outageCounts(atLeast: minimum)
    }
    func reportTotal() async throws(StorageError) -> Int { try await inner.reportTotal() }
}

@Suite("People's reports to the observatory")
struct ObservationReportsTests {
    /// Thursday 3 December 2026, 12:00 in Paris: week 2026-W49.
    static let now: Int64 = 1_796_295_600

    static func service(
        _ store: any ObservationReportStore, batchSize: Int = 1, perClient: Int = 100, k: Int = 5
    ) throws -> ObservationReports {
        ObservationReports(
            store: store, limits: SQLitePrivateFileStore(database: try SQLiteDatabase()), markers: ReportMarkerKey(pepper: nil),
            settings: .init(k: k, batchSize: batchSize, perClientPerHour: perClient), logger: Logger(label: "test"))
    }

    static func read(
        _ service: ObservationReports, department: String = "93", procedure: String = "sejour-premiere-demande",
        channel: String = "rdv-en-ligne", outcome: String = "aucun-creneau", week: String = "2026-W49"
    ) -> Result<Observatory.Report, ReportRefusal> {
        service.read(department: department, procedure: procedure, channel: channel, outcome: outcome, week: week, now: now)
    }

    @Test("the week of the clock in Paris is the newest that can be reported, twelve weeks back")
    func weeks() throws {
        let service = try Self.service(RecordingReportStore())
        let weeks = service.selectableWeeks(now: Self.now)
        #expect(weeks.first?.description == "2026-W49")
        #expect(weeks.count == 12)
        #expect(weeks.last?.description == "2026-W38")
        // Sunday 6 December 2026 at 23:30 in Paris is 22:30 UTC: still week 49.
        #expect(service.selectableWeeks(now: 1_796_596_200).first?.description == "2026-W49")
        // Monday 7 December at 00:30 in Paris is Sunday 23:30 UTC: week 50 in Paris.
        #expect(service.selectableWeeks(now: 1_796_599_800).first?.description == "2026-W50")
    }

    @Test("bad values are refused with a French message, and nothing is written")
    func refusals() async throws {
        let store = try RecordingReportStore()
        let service = try Self.service(store)
        #expect(Self.read(service, department: "96") == .failure(.unknownDepartment))
        #expect(Self.read(service, department: "2a") == Self.read(service, department: "2A"))
        #expect(Self.read(service, procedure: "visa") == .failure(.unknownProcedure))
        #expect(Self.read(service, channel: "pigeon") == .failure(.unknownChannel))
        #expect(Self.read(service, outcome: "peut-etre") == .failure(.unknownOutcome))
        #expect(Self.read(service, week: "2026-12-03") == .failure(.unreadableWeek))
        #expect(Self.read(service, week: "2026-W50") == .failure(.futureWeek))
        #expect(Self.read(service, week: "2026-W37") == .failure(.weekTooOld))
        #expect(try await store.reportTotal() == 0)
        #expect(await service.pendingCount == 0)
    }

    @Test("a file is counted once per week; another week or another file counts")
    func oncePerOriginAndWeek() async throws {
        let store = try RecordingReportStore()
        let service = try Self.service(store)
        let report = try Self.read(service).get()
        try await service.submit(report, origin: "fichier:a", client: "c1", now: Self.now)
        await #expect(throws: ReportRefusal.alreadyCounted) {
            try await service.submit(report, origin: "fichier:a", client: "c2", now: Self.now)
        }
        try await service.submit(try Self.read(service, week: "2026-W48").get(), origin: "fichier:a", client: "c1", now: Self.now)
        try await service.submit(report, origin: "fichier:b", client: "c1", now: Self.now)
        #expect(try await store.reportTotal() == 3)
    }

    @Test("a flood from one client is refused after the hourly limit, nothing else changes")
    func rateLimit() async throws {
        let store = try RecordingReportStore()
        let service = try Self.service(store, perClient: 3)
        let report = try Self.read(service).get()
        for index in 0..<3 { try await service.submit(report, origin: "fichier:\(index)", client: "same", now: Self.now) }
        await #expect(throws: ReportRefusal.tooMany) {
            try await service.submit(report, origin: "fichier:9", client: "same", now: Self.now)
        }
        #expect(try await store.reportTotal() == 3)
        // The refused report took no marker: the same file may report once the hour has passed.
        try await service.submit(report, origin: "fichier:9", client: "same", now: Self.now + 3600)
        #expect(try await store.reportTotal() == 4)
    }

    @Test("reports are held back until a batch is full, then written shuffled under random keys")
    func batches() async throws {
        let store = try RecordingReportStore()
        let service = try Self.service(store, batchSize: 60)
        let departments = Department.all.prefix(60).map(\.code)
        for (index, department) in departments.enumerated() {
            let report = try Self.read(service, department: department).get()
            try await service.submit(report, origin: "fichier:\(index)", client: "c\(index)", now: Self.now)
            if index < 59 { #expect(store.batches.withLock { $0.isEmpty }) }
        }
        let batches = store.batches.withLock { $0 }
        try #require(batches.count == 1)
        let written = batches[0]
        #expect(Set(written.map(\.report.department)) == Set(departments))
        // 60! orders: the one they came in is not the one they land in.
        #expect(written.map(\.report.department) != Array(departments))
        #expect(Set(written.map(\.id)).count == 60)
        for stored in written {
            #expect(stored.id.count == 32 && stored.id.allSatisfy(\.isHexDigit))
        }
        // A marker and a key have nothing in common with the origin.
        let marker = ReportMarkerKey(pepper: nil).marker(origin: "fichier:0", week: "2026-W49")
        #expect(!written.contains { marker.contains($0.id) || $0.id.contains("fichier") })
        #expect(await service.pendingCount == 0)
    }

    @Test("a figure appears once k reports stand behind it, and the snapshot's generation moves")
    func figuresAfterK() async throws {
        let store = try RecordingReportStore()
        let service = try Self.service(store, batchSize: 1)
        let report = try Self.read(service).get()
        let before = await service.figures(now: Self.now)
        for index in 0..<4 { try await service.submit(report, origin: "fichier:\(index)", client: "c", now: Self.now) }
        let four = await service.figures(now: Self.now)
        #expect(four.figures.cells.isEmpty)
        try await service.submit(report, origin: "fichier:4", client: "c", now: Self.now)
        let five = await service.figures(now: Self.now)
        #expect(five.figures.cells.map(\.count) == [5])
        #expect(five.generation != before.generation)
        #expect(five.figures.k == 5)
    }

    @Test("figures written by another node appear after the refresh interval, read in the background meanwhile")
    func otherNodes() async throws {
        let store = try RecordingReportStore()
        let service = try Self.service(store)
        let report = try Self.read(service).get()
        #expect(await service.figures(now: Self.now).figures.cells.isEmpty)
        // Another node writes five reports.
        try await store.insertReports(ObservationReportStoreContract.stored(Array(repeating: report, count: 5), seed: 3))
        #expect(await service.figures(now: Self.now + 10).figures.cells.isEmpty, "within the interval: the last figures")
        // Past the interval the last figures are still served at once, while they are read again.
        _ = await service.figures(now: Self.now + 61)
        // The read runs in the background: wait for it (up to 30 s on a loaded machine).
        var cells: [Observatory.ReportCount] = []
        for _ in 0..<1500 {
            cells = await service.figures(now: Self.now + 62).figures.cells
            if !cells.isEmpty { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(cells.map(\.count) == [5])
    }

    @Test("« site en panne » reports become platform evidence only with k of them: the ANEF nationally, a booking page per département")
    func outages() async throws {
        let store = try RecordingReportStore()
        let service = try Self.service(store)
        func reports(_ department: String, _ channel: Observatory.Channel, _ count: Int, week: Int = 49) -> [Observatory.Report] {
            Array(repeating: Observatory.Report(
                department: department, procedure: .renewal, channel: channel, outcome: .siteDown,
                week: ReportWeek(year: 2026, week: week)!), count: count)
        }
        // ANEF: 3 in the 93 and 2 in the 13 make 5 nationally; 4 the week before are not enough.
        // Booking pages: 6 in the 2A count, 4 in the 93 do not; a slot-less report is no outage.
        var all = reports("93", .anef, 3) + reports("13", .anef, 2) + reports("75", .anef, 4, week: 48)
        all += reports("2A", .onlineAppointment, 6) + reports("93", .onlineAppointment, 4)
        all += Array(repeating: Observatory.Report(
            department: "93", procedure: .renewal, channel: .onlineAppointment, outcome: .noSlot, week: ReportWeek(year: 2026, week: 49)!),
            count: 9)
        try await store.insertReports(ObservationReportStoreContract.stored(all, seed: 4))
        let outages = await service.figures(now: Self.now).figures.outages
        #expect(outages == [
            Observatory.OutageCount(platform: "anef", week: ReportWeek(year: 2026, week: 49)!, count: 5),
            Observatory.OutageCount(platform: "rdv-2a", week: ReportWeek(year: 2026, week: 49)!, count: 6),
        ])
    }

    @Test("the marker key follows the pepper: the same with the same pepper, another without")
    func markerKey() throws {
        let pepper = try #require(ServerPepper(id: 1, secret: Array(repeating: 7, count: 32)))
        let a = ReportMarkerKey(pepper: pepper).marker(origin: "fichier:x", week: "2026-W49")
        #expect(a == ReportMarkerKey(pepper: pepper).marker(origin: "fichier:x", week: "2026-W49"))
        #expect(a != ReportMarkerKey(pepper: pepper).marker(origin: "fichier:x", week: "2026-W48"))
        #expect(a != ReportMarkerKey(pepper: nil).marker(origin: "fichier:x", week: "2026-W49"))
        #expect(a.count == 64)
    }
}
