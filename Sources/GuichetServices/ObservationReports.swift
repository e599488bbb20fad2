public import GuichetCore
public import GuichetStorage
public import GuichetEncryption
public import Logging
public import CoreMetrics

/// Why a report was not counted. Nothing is written when a report is refused.
public enum ReportRefusal: Error, Sendable, Equatable {
    case unknownDepartment
    case unknownProcedure
    case unknownChannel
    case unknownOutcome
    case unreadableWeek
    case futureWeek
    /// Older than ``ObservationReports/Settings/weeksBack`` weeks.
    case weekTooOld
    /// This file or case already reported this week: counted once.
    case alreadyCounted
    /// Too many reports from this client in the hour.
    case tooMany
    /// The database could not be reached.
    case unavailable
}

/// People's anonymous reports to the observatory (docs/observatory.md, « Signalements »): checks a report, counts a
/// file or a case once per week, holds reports back until a batch is full, shuffles the batch and writes it, and keeps
/// the figures that may be shown (k or more reports behind each).
///
/// What links a report to the file that made it is never written: the report has a random key and a week; the marker
/// that counts the file once is a keyed hash (``ReportMarkerKey``) in another table; reports held back wait in memory,
/// in no order, and a batch lands shuffled, so neither the table's order nor the moment a row appears says which
/// request wrote it. A report held back is lost if the process stops abruptly (``flush()`` runs at graceful shutdown).
public actor ObservationReports {
    public struct Settings: Sendable {
        /// A figure is shown only with at least `k` reports behind it (never below ``Observatory/ReportFigures/minimumK``).
        public var k: Int
        /// Reports held back before a batch is written.
        public var batchSize: Int
        /// How many weeks back a report may be about (this week included).
        public var weeksBack: Int
        /// Reports accepted per client address per hour.
        public var perClientPerHour: Int
        /// The figures are read again from the database after this long (other nodes write too).
        public var refreshSeconds: Int64

        public init(k: Int = 5, batchSize: Int = 8, weeksBack: Int = 12, perClientPerHour: Int = 5, refreshSeconds: Int64 = 60) {
            self.k = max(k, Observatory.ReportFigures.minimumK)
            self.batchSize = max(1, batchSize)
            self.weeksBack = max(1, weeksBack)
            self.perClientPerHour = max(1, perClientPerHour)
            self.refreshSeconds = max(1, refreshSeconds)
        }
    }

    /// The figures at one moment, with a generation that changes when they do (a key for cached pages).
    public struct Snapshot: Sendable, Equatable {
        public let generation: Int
        public let figures: Observatory.ReportFigures
    }

    let store: any ObservationReportStore
    let limits: any RateLimitCounter
    let markers: ReportMarkerKey
    public let settings: Settings
    let logger: Logger
    let accepted: Counter
    let refused: Counter

    private var pending: [Observatory.Report] = []
    private var snapshot = Snapshot(generation: 0, figures: .empty)
    private var snapshotReadAt: Int64?
    /// Batches written here so far: a refresh that started before the last one does not see it.
    private var batchesWritten = 0
    /// The figures read after the last batch written here (or ever): until then a reader waits for a fresh read.
    private var isCurrent = false
    /// The read in flight, and the number of batches written when it started.
    private var refreshing: (task: Task<Void, Never>, batches: Int)?

    public init(
        store: any ObservationReportStore, limits: any RateLimitCounter, markers: ReportMarkerKey, settings: Settings = Settings(),
        logger: Logger, metrics: any MetricsFactory = NOOPMetricsHandler.instance
    ) {
        self.store = store
        self.limits = limits
        self.markers = markers
        self.settings = settings
        self.logger = logger
        accepted = Counter(label: "guichet_observatory_reports_total", dimensions: [("result", "accepted")], factory: metrics)
        refused = Counter(label: "guichet_observatory_reports_total", dimensions: [("result", "refused")], factory: metrics)
    }

    /// The week of `now` in Paris and the weeks a report may be about, newest first.
    public nonisolated func selectableWeeks(now: Int64) -> [ReportWeek] {
        let current = ReportWeek(containing: Self.parisDay(now))
        return (0..<settings.weeksBack).map { current.adding(weeks: -$0) }
    }

    /// Reads a report from form values (the lists' raw values, `2026-W49`), or says why not.
    public nonisolated func read(
        department: String, procedure: String, channel: String, outcome: String, week: String, now: Int64
    ) -> Result<Observatory.Report, ReportRefusal> {
        let code = String(department.filter { !$0.isWhitespace }).uppercased()
        guard let place = Department.lookup(code), place.code == code else { return .failure(.unknownDepartment) }
        guard let procedure = Observatory.Procedure(rawValue: procedure) else { return .failure(.unknownProcedure) }
        guard let channel = Observatory.Channel(rawValue: channel) else { return .failure(.unknownChannel) }
        guard let outcome = Observatory.Outcome(rawValue: outcome) else { return .failure(.unknownOutcome) }
        guard let week = ReportWeek(week) else { return .failure(.unreadableWeek) }
        let weeks = selectableWeeks(now: now)
        if let newest = weeks.first, week > newest { return .failure(.futureWeek) }
        if let oldest = weeks.last, week < oldest { return .failure(.weekTooOld) }
        return .success(
            Observatory.Report(department: place.code, procedure: procedure, channel: channel, outcome: outcome, week: week))
    }

    /// Counts `report` from `origin` (`fichier:<lookup id>` or `dossier:<case id>`), sent by `client` (a key of the
    /// rate limit: a hash of the address, or a member id): refused when the client sent too many this hour, or when
    /// the origin already reported this week. The report is held back until the batch is full. `perHour` replaces the
    /// setting for this client (a help-desk member reports for many cases).
    public func submit(
        _ report: Observatory.Report, origin: String, client: String, now: Int64, perHour: Int? = nil
    ) async throws(ReportRefusal) {
        do {
            let key = "report:" + Hashing.sha256Hex(Array("guichet/observatoire/rate-limit/\(client)".utf8)).prefix(24)
            let hits = try await limits.hit(key: key, window: 3600, now: now)
            guard hits <= perHour ?? settings.perClientPerHour else {
                refused.increment()
                logger.notice("report limited", metadata: ["limit.key": "\(key)"])
                throw ReportRefusal.tooMany
            }
            let marker = markers.marker(origin: origin, week: report.week.description)
            guard try await store.claimReportMarker(marker, week: report.week) else {
                refused.increment()
                throw ReportRefusal.alreadyCounted
            }
        } catch let refusal as ReportRefusal {
            throw refusal
        } catch {
            logger.error("report not recorded", metadata: ["error": "\(error)"])
            throw .unavailable
        }
        // Held in no particular order; the batch is shuffled when written.
        pending.append(report)
        accepted.increment()
        logger.info("report accepted", metadata: ["report.pending": "\(pending.count)"])
        if pending.count >= settings.batchSize {
            do { try await flush() } catch { logger.error("report batch not written", metadata: ["error": "\(error.code)"]) }
        }
    }

    /// The reports held back.
    public var pendingCount: Int { pending.count }

    /// Writes the reports held back, shuffled, with random keys; returns how many. On failure they stay held back for
    /// the next try.
    @discardableResult
    public func flush() async throws(StorageError) -> Int {
        guard !pending.isEmpty else { return 0 }
        var batch = pending
        pending = []
        batch.shuffle()
        do {
            try await store.insertReports(batch.map { StoredObservationReport(id: Self.randomID(), report: $0) })
        } catch {
            pending = batch + pending
            throw error
        }
        batchesWritten += 1
        isCurrent = false
        logger.info("report batch written", metadata: ["report.batch": "\(batch.count)"])
        return batch.count
    }

    /// Drops the markers of weeks that can no longer be reported.
    @discardableResult
    public func purgeMarkers(now: Int64) async throws(StorageError) -> Int {
        guard let oldest = selectableWeeks(now: now).last else { return 0 }
        return try await store.deleteReportMarkers(before: oldest)
    }

    /// The figures that may be shown. They are read again from the database in the background when older than
    /// ``Settings/refreshSeconds`` (other nodes write too: the last figures are served meanwhile), and before answering
    /// when a batch was written here since the last read, or on the first call. When the database cannot be read, the
    /// last figures stay.
    public func figures(now: Int64) async -> Snapshot {
        if isCurrent, let readAt = snapshotReadAt, now - readAt < settings.refreshSeconds { return snapshot }
        if isCurrent { _ = refresh(now: now) } else {
            // A read that started before the last batch would miss it: wait for one that started after.
            while !isCurrent {
                let before = snapshotReadAt
                await refresh(now: now).value
                if snapshotReadAt == before { break }  // the database could not be read: the last figures stay
            }
        }
        return snapshot
    }

    /// The read in flight if it started after the last batch written here, else a new one.
    private func refresh(now: Int64) -> Task<Void, Never> {
        if let refreshing, refreshing.batches == batchesWritten { return refreshing.task }
        let store = self.store
        let k = settings.k
        let logger = self.logger
        let batches = batchesWritten
        let task = Task {
            var figures: Observatory.ReportFigures?
            do throws(StorageError) {
                figures = Observatory.ReportFigures(
                    counts: try await store.reportCounts(atLeast: k), outages: try await store.outageCounts(atLeast: k), k: k)
            } catch {
                logger.error("report figures unavailable", metadata: ["error": "\(error.code)"])
            }
            await self.finishRefresh(figures, readAt: now, batches: batches)
        }
        refreshing = (task, batches)
        return task
    }

    private func finishRefresh(_ figures: Observatory.ReportFigures?, readAt: Int64, batches: Int) {
        if refreshing?.batches == batches { refreshing = nil }
        guard let figures else { return }
        snapshotReadAt = readAt
        if batches == batchesWritten { isCurrent = true }
        if figures != snapshot.figures { snapshot = Snapshot(generation: snapshot.generation + 1, figures: figures) }
    }

    static func randomID() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Hex.encode(bytes)
    }

    static func parisDay(_ now: Int64) -> LocalDate {
        CivilTimeZone.europeParis.wallClockReading(utcMinutes: Int(now / 60)).date
    }
}
