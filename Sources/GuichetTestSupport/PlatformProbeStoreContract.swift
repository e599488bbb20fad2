public import GuichetStorage
public import GuichetCore

/// The behaviour every `PlatformProbeStore` backend must show, written once and run against SQLite (in memory and on
/// a WAL file) and PostgreSQL. Each case builds a fresh store through the factory and throws a `ContractFailure`
/// naming the broken expectation.
public enum PlatformProbeStoreContract {
    /// Builds a store over a new, empty database.
    public typealias Factory = @Sendable () async throws -> any PlatformProbeStore

    public enum Case: String, CaseIterable, Sendable, CustomStringConvertible {
        case recordAndReadByPeriod
        case everyOutcomeRoundTrips
        case latestProbePerPlatform
        case secondProbeAtTheSameSecondConflicts
        case hostTurnEveryTenMinutes
        case concurrentClaimsLetOneWin
        case purgeByAge

        public var description: String { rawValue }

        public func run(_ makeStore: Factory) async throws {
            let store = try await makeStore()
            switch self {
            case .recordAndReadByPeriod: try await PlatformProbeStoreContract.recordAndReadByPeriod(store)
            case .everyOutcomeRoundTrips: try await PlatformProbeStoreContract.everyOutcomeRoundTrips(store)
            case .latestProbePerPlatform: try await PlatformProbeStoreContract.latestProbePerPlatform(store)
            case .secondProbeAtTheSameSecondConflicts: try await PlatformProbeStoreContract.secondProbeConflicts(store)
            case .hostTurnEveryTenMinutes: try await PlatformProbeStoreContract.hostTurn(store)
            case .concurrentClaimsLetOneWin: try await PlatformProbeStoreContract.concurrentClaims(store)
            case .purgeByAge: try await PlatformProbeStoreContract.purgeByAge(store)
            }
        }
    }

    /// A platform id that must be valid.
    public static func id(_ text: String) -> Platform.ID {
        guard let id = Platform.ID(text) else { preconditionFailure("invalid platform id \(text)") }
        return id
    }

    /// A probe of `platform` at `at` answering `status` in 120 ms.
    public static func probe(_ platform: String, at: Int64, status: Int = 200, duration: Int = 120) -> PlatformProbe {
        PlatformProbe(platform: id(platform), at: at, outcome: .http(status: status), durationMilliseconds: duration)
    }

    static let t0: Int64 = 1_793_000_000

    static func recordAndReadByPeriod(_ store: any PlatformProbeStore) async throws {
        for minutes in [30, 0, 10, 20] { try await store.record(probe("anef", at: t0 + Int64(minutes) * 60)) }
        try await store.record(probe("ofpra", at: t0 + 600, status: 503))
        let anef = try await store.probes(platform: id("anef"), from: t0 + 600, to: t0 + 1800)
        try ContractChecks.check(anef.map(\.at) == [t0 + 600, t0 + 1200], "probes of one platform, from included, to excluded, oldest first: \(anef.map(\.at))")
        let all = try await store.probes(platform: nil, from: t0, to: t0 + 3600)
        try ContractChecks.check(all.map(\.platform.rawValue) == ["anef", "anef", "ofpra", "anef", "anef"], "all platforms by instant then id: \(all.map(\.platform.rawValue))")
        try ContractChecks.check(all[2] == probe("ofpra", at: t0 + 600, status: 503), "a probe reads back as recorded")
        let none = try await store.probes(platform: id("france-visas"), from: t0, to: t0 + 3600)
        try ContractChecks.check(none.isEmpty, "no probe for a platform never probed")
    }

    static func everyOutcomeRoundTrips(_ store: any PlatformProbeStore) async throws {
        var expected: [PlatformProbe] = [
            PlatformProbe(platform: id("anef"), at: t0, outcome: .http(status: 302), durationMilliseconds: 0),
            PlatformProbe(platform: id("anef"), at: t0 + 1, outcome: .robotsDisallowed, durationMilliseconds: 0),
        ]
        for (index, error) in PlatformProbe.ErrorClass.allCases.enumerated() {
            expected.append(PlatformProbe(platform: id("anef"), at: t0 + 10 + Int64(index), outcome: .error(error), durationMilliseconds: 10_000))
        }
        for probe in expected { try await store.record(probe) }
        let read = try await store.probes(platform: id("anef"), from: t0, to: t0 + 100)
        try ContractChecks.check(read == expected, "every outcome (status, each error class, robots.txt) round-trips")
    }

    static func latestProbePerPlatform(_ store: any PlatformProbeStore) async throws {
        try await store.record(probe("anef", at: t0))
        try await store.record(probe("anef", at: t0 + 1200, status: 500))
        try await store.record(probe("rdv-93", at: t0 + 600))
        let latest = try await store.latestProbes()
        try ContractChecks.check(
            latest == [probe("anef", at: t0 + 1200, status: 500), probe("rdv-93", at: t0 + 600)],
            "the latest probe of each platform, by id: \(latest)")
    }

    static func secondProbeConflicts(_ store: any PlatformProbeStore) async throws {
        try await store.record(probe("anef", at: t0))
        do {
            try await store.record(probe("anef", at: t0, status: 500))
            throw ContractFailure(expectation: "a second probe of a platform at the same second is refused", file: #fileID, line: #line)
        } catch let error as StorageError {
            try ContractChecks.check(error.code == .conflict, "refused as .conflict, not \(error.code)")
        }
        let read = try await store.probes(platform: id("anef"), from: t0, to: t0 + 1)
        try ContractChecks.check(read == [probe("anef", at: t0)], "the first probe is kept")
    }

    static func hostTurn(_ store: any PlatformProbeStore) async throws {
        let host = "anef.example:443"
        try ContractChecks.check(try await store.claimHost(host, now: t0, interval: 600), "a host never requested may be")
        try ContractChecks.check(!(try await store.claimHost(host, now: t0 + 599, interval: 600)), "not again within 10 minutes")
        try ContractChecks.check(try await store.claimHost("other.example:443", now: t0 + 1, interval: 600), "another host has its own turn")
        try ContractChecks.check(try await store.claimHost(host, now: t0 + 600, interval: 600), "again after 10 minutes")
        try ContractChecks.check(!(try await store.claimHost(host, now: t0 + 900, interval: 600)), "the turn counts from the last granted request")
        let last = try await store.lastRequests()
        try ContractChecks.check(last == [host: t0 + 600, "other.example:443": t0 + 1], "the last granted request per host: \(last)")
    }

    static func concurrentClaims(_ store: any PlatformProbeStore) async throws {
        let granted = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<16 { group.addTask { try await store.claimHost("busy.example:443", now: t0, interval: 600) } }
            var count = 0
            for try await isGranted in group where isGranted { count += 1 }
            return count
        }
        try ContractChecks.check(granted == 1, "of 16 simultaneous claims of one host, exactly one is granted (\(granted))")
    }

    static func purgeByAge(_ store: any PlatformProbeStore) async throws {
        try await store.record(probe("anef", at: t0))
        try await store.record(probe("anef", at: t0 + 600))
        try await store.record(probe("ofpra", at: t0 + 1200))
        _ = try await store.claimHost("old.example:443", now: t0, interval: 600)
        _ = try await store.claimHost("new.example:443", now: t0 + 1200, interval: 600)
        let erased = try await store.deleteProbes(before: t0 + 600)
        try ContractChecks.check(erased == 1, "one probe older than the cutoff erased (\(erased))")
        let left = try await store.probes(platform: nil, from: 0, to: t0 + 86_400)
        try ContractChecks.check(left.map(\.at) == [t0 + 600, t0 + 1200], "the probes at or after the cutoff stay")
        let hosts = try await store.lastRequests()
        try ContractChecks.check(hosts.keys.sorted() == ["new.example:443"], "hosts not requested since the cutoff are forgotten")
    }
}
