public import GuichetCore

/// Keeps the prober's records (table `platform_probe`: platform, instant, outcome, duration) and the last request
/// made to each host (table `platform_probe_host`), shared by every node so that the 10-minute rule per host holds
/// across restarts and web nodes. Instants are Unix seconds given by the caller: a store never reads a clock.
///
/// Errors are `StorageError`: `.conflict` for a second probe of the same platform at the same second,
/// `.unavailable` and `.corrupted` from the backend.
public protocol PlatformProbeStore: Sendable {
    /// Takes the host's turn: records `now` as the host's last request and returns `true` when the previous one is
    /// at least `interval` seconds old (or there was none); returns `false` and changes nothing otherwise. Atomic:
    /// of two nodes asking at once, one only gets `true`.
    func claimHost(_ host: String, now: Int64, interval: Int64) async throws(StorageError) -> Bool

    /// The instant of each host's last claimed request.
    func lastRequests() async throws(StorageError) -> [String: Int64]

    /// Records one probe.
    func record(_ probe: PlatformProbe) async throws(StorageError)

    /// The probes with `from <= at < to`, of one platform or of all (`nil`), oldest first (then by platform).
    func probes(platform: Platform.ID?, from: Int64, to: Int64) async throws(StorageError) -> [PlatformProbe]

    /// The latest probe of each platform that has one, by platform id.
    func latestProbes() async throws(StorageError) -> [PlatformProbe]

    /// Erases the probes older than `cutoff` (`at < cutoff`) and the hosts not requested since; returns how many
    /// probes were erased.
    @discardableResult
    func deleteProbes(before cutoff: Int64) async throws(StorageError) -> Int
}

extension PlatformProbe {
    /// The stored form of an outcome: `outcome` (`http`, `erreur`, `robots`), the HTTP status, the error class.
    public var storedColumns: (outcome: String, status: Int?, error: String?) {
        switch outcome {
        case .http(let status): ("http", status, nil)
        case .error(let error): ("erreur", nil, error.rawValue)
        case .robotsDisallowed: ("robots", nil, nil)
        }
    }

    /// Reads a stored row back; `nil` when its columns do not make a probe (`.corrupted` for the store).
    public static func stored(platform: String, at: Int64, outcome: String, status: Int?, error: String?, durationMilliseconds: Int)
        -> PlatformProbe?
    {
        guard let id = Platform.ID(platform) else { return nil }
        let value: Outcome
        switch (outcome, status, error) {
        case ("http", let status?, nil) where (100...599).contains(status): value = .http(status: status)
        case ("erreur", nil, let error?):
            guard let error = ErrorClass(rawValue: error) else { return nil }
            value = .error(error)
        case ("robots", nil, nil): value = .robotsDisallowed
        default: return nil
        }
        return PlatformProbe(platform: id, at: at, outcome: value, durationMilliseconds: durationMilliseconds)
    }

    /// The retention of probes: 400 days (a certificate covers at most 366 days, ending at most today).
    public static let retentionSeconds: Int64 = 400 * 86_400
}
