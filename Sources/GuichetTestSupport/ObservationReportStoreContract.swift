public import GuichetStorage
public import GuichetCore

/// The behaviour every ``ObservationReportStore`` backend must show, run against SQLite and PostgreSQL.
public enum ObservationReportStoreContract {
    /// Builds a store over a new, empty database.
    public typealias Factory = @Sendable () async throws -> any ObservationReportStore

    public enum Case: String, CaseIterable, Sendable, CustomStringConvertible {
        case countsPerCell
        case countsBelowMinimumNeverLeave
        case batchIsAllOrNothing
        case markerIsTakenOnce
        case oldMarkersAreDropped
        case largeBatch
        case outageCountsPerPlatform

        public var description: String { rawValue }

        public func run(_ makeStore: Factory) async throws {
            let store = try await makeStore()
            switch self {
            case .countsPerCell: try await ObservationReportStoreContract.countsPerCell(store)
            case .countsBelowMinimumNeverLeave: try await ObservationReportStoreContract.countsBelowMinimumNeverLeave(store)
            case .batchIsAllOrNothing: try await ObservationReportStoreContract.batchIsAllOrNothing(store)
            case .markerIsTakenOnce: try await ObservationReportStoreContract.markerIsTakenOnce(store)
            case .oldMarkersAreDropped: try await ObservationReportStoreContract.oldMarkersAreDropped(store)
            case .largeBatch: try await ObservationReportStoreContract.largeBatch(store)
            case .outageCountsPerPlatform: try await ObservationReportStoreContract.outageCountsPerPlatform(store)
            }
        }
    }

    // MARK: Fixtures

    /// A week of 2026.
    public static func week(_ number: Int) -> ReportWeek {
        guard let week = ReportWeek(year: 2026, week: number) else { preconditionFailure("2026 has 53 weeks") }
        return week
    }

    /// A report in `department` for `procedure` with `outcome` in week `week` of 2026.
    public static func report(
        _ department: String, _ procedure: Observatory.Procedure = .firstPermit, _ outcome: Observatory.Outcome = .noSlot,
        week: Int = 49, channel: Observatory.Channel = .onlineAppointment
    ) -> Observatory.Report {
        Observatory.Report(department: department, procedure: procedure, channel: channel, outcome: outcome, week: self.week(week))
    }

    /// `reports` with distinct ids made from `seed` (32 hexadecimal digits each).
    public static func stored(_ reports: [Observatory.Report], seed: UInt64) -> [StoredObservationReport] {
        reports.enumerated().map { index, report in
            let bytes = PrivateFileStoreContract.pseudoRandomBytes(count: 16, seed: seed &* 1_000_003 &+ UInt64(index))
            let hex = bytes.map { byte in
                let digits = Array("0123456789abcdef")
                return String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)])
            }.joined()
            return StoredObservationReport(id: hex, report: report)
        }
    }

    // MARK: Cases

    static func countsPerCell(_ store: any ObservationReportStore) async throws {
        let reports =
            Array(repeating: report("93"), count: 6) + Array(repeating: report("93", .firstPermit, .siteDown), count: 2)
            + Array(repeating: report("93", week: 48), count: 3) + Array(repeating: report("2A", .asylum), count: 1)
        try await store.insertReports(stored(reports, seed: 1))
        let counts = try await store.reportCounts(atLeast: 1)
        try ContractChecks.check(
            counts == [
                Observatory.ReportCount(department: "2A", procedure: .asylum, week: week(49), outcome: .noSlot, count: 1),
                Observatory.ReportCount(department: "93", procedure: .firstPermit, week: week(48), outcome: .noSlot, count: 3),
                Observatory.ReportCount(department: "93", procedure: .firstPermit, week: week(49), outcome: .noSlot, count: 6),
                Observatory.ReportCount(department: "93", procedure: .firstPermit, week: week(49), outcome: .siteDown, count: 2),
            ], "one count per département, procedure, week and outcome, in that order (got \(counts))")
        try ContractChecks.check(try await store.reportTotal() == 12, "twelve reports stored")
    }

    static func countsBelowMinimumNeverLeave(_ store: any ObservationReportStore) async throws {
        var reports: [Observatory.Report] = []
        for (index, department) in ["01", "02", "03", "04", "05", "06"].enumerated() {
            reports += Array(repeating: report(department), count: index + 1)
        }
        try await store.insertReports(stored(reports, seed: 2))
        let counts = try await store.reportCounts(atLeast: 5)
        try ContractChecks.check(
            counts.map(\.count) == [5, 6] && counts.map(\.department) == ["05", "06"],
            "only the cells with 5 or more reports come out (got \(counts))")
    }

    static func batchIsAllOrNothing(_ store: any ObservationReportStore) async throws {
        let first = stored([report("75"), report("75")], seed: 3)
        try await store.insertReports(first)
        let again = stored([report("13")], seed: 4) + [first[0]]
        do {
            try await store.insertReports(again)
            throw ContractFailure(expectation: "an id already stored is refused", file: #fileID, line: #line)
        } catch let error as StorageError {
            try ContractChecks.check(error.code == .conflict, "a repeated id is a conflict (got \(error.code))")
        }
        try ContractChecks.check(try await store.reportTotal() == 2, "nothing of the refused batch is written")
    }

    static func markerIsTakenOnce(_ store: any ObservationReportStore) async throws {
        let marker = String(repeating: "ab", count: 32)
        try ContractChecks.check(try await store.claimReportMarker(marker, week: week(49)), "a new marker is free")
        try ContractChecks.check(!(try await store.claimReportMarker(marker, week: week(49))), "the same marker is taken")
        let results = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<10 {
                group.addTask { try await store.claimReportMarker(String(repeating: "cd", count: 32), week: week(49)) }
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        try ContractChecks.check(results.filter { $0 }.count == 1, "of ten concurrent claims one wins (got \(results))")
        try ContractChecks.check(try await store.reportTotal() == 0, "a marker is not a report")
    }

    static func oldMarkersAreDropped(_ store: any ObservationReportStore) async throws {
        for (index, number) in [40, 45, 49].enumerated() {
            _ = try await store.claimReportMarker(String(repeating: String(index), count: 64), week: week(number))
        }
        let dropped = try await store.deleteReportMarkers(before: week(45))
        try ContractChecks.check(dropped == 1, "the marker of week 40 is dropped (got \(dropped))")
        try ContractChecks.check(
            try await store.claimReportMarker(String(repeating: "0", count: 64), week: week(49)),
            "a dropped marker can be taken again")
        try ContractChecks.check(
            !(try await store.claimReportMarker(String(repeating: "1", count: 64), week: week(45))),
            "the marker of week 45 stays")
    }

    static func largeBatch(_ store: any ObservationReportStore) async throws {
        let procedures = Observatory.Procedure.allCases
        let outcomes = Observatory.Outcome.allCases
        let reports = (0..<5000).map { index in
            report(
                Department.all[index % Department.all.count].code, procedures[index % procedures.count],
                outcomes[index % outcomes.count], week: 40 + index % 10)
        }
        try await store.insertReports(stored(reports, seed: 5))
        try ContractChecks.check(try await store.reportTotal() == 5000, "five thousand reports in one batch")
        let total = try await store.reportCounts(atLeast: 1).reduce(0) { $0 + $1.count }
        try ContractChecks.check(total == 5000, "the counts add up to the reports (got \(total))")
    }

    static func outageCountsPerPlatform(_ store: any ObservationReportStore) async throws {
        let reports =
            Array(repeating: report("93", .renewal, .siteDown, channel: .anef), count: 3)
            + Array(repeating: report("13", .renewal, .siteDown, channel: .anef), count: 2)
            + Array(repeating: report("2A", .firstPermit, .siteDown, channel: .onlineAppointment), count: 5)
            + Array(repeating: report("93", .firstPermit, .siteDown, channel: .onlineAppointment), count: 4)
            + Array(repeating: report("93", .firstPermit, .noSlot, channel: .onlineAppointment), count: 7)
        try await store.insertReports(stored(reports, seed: 6))
        let counts = try await store.outageCounts(atLeast: 5)
        try ContractChecks.check(
            counts == [
                Observatory.OutageCount(platform: "anef", week: week(49), count: 5),
                Observatory.OutageCount(platform: "rdv-2a", week: week(49), count: 5),
            ], "the ANEF over every département, a booking page per département, k or more (got \(counts))")
        let all = try await store.outageCounts(atLeast: 1)
        try ContractChecks.check(all.map(\.platform) == ["anef", "rdv-2a", "rdv-93"], "below the minimum too (got \(all))")
    }
}
