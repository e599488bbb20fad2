/// The people's « site en panne » reports standing behind one platform and one week, already k-filtered by the
/// report figures (channel `anef` → platform `anef`; channel `rdv-en-ligne` in département D → `rdv-d`).
public typealias PlatformReportEvidence = (platform: String, week: ReportWeek, count: Int)

/// A period when a platform was down, with what shows it (docs/observatory.md, « Incidents »):
///
/// * **from probes**: two or more consecutive failed probes of the platform (a 5xx status or no answer; a probe
///   refused by robots.txt is skipped, neither failure nor success) open an incident at the first of them; the
///   next probe that gets an answer below 500 closes it at its own instant. Without that answer yet, the incident is
///   ongoing. A single failed probe between two answers is not an incident.
/// * **from reports**: a week with « site en panne » reports (a figure the report figures show, so k or more) is
///   added to the probe incident that overlaps that week (the earliest, when several do); a week that no probe
///   incident overlaps is an incident of its own, from Monday 00:00 to the next Monday 00:00 (Europe/Paris), ongoing
///   while that week runs.
public struct PlatformIncident: Hashable, Sendable {
    public let platform: Platform.ID
    /// Unix seconds: the first failed probe, or the Monday 00:00 (Paris) of a report week.
    public let start: Int64
    /// Unix seconds: the probe that answered again, or the end of the report week; `nil` while ongoing.
    public let end: Int64?
    /// How many failed probes stand behind it.
    public let failedProbes: Int
    /// How many people's reports stand behind it (sum of the weeks' k-filtered figures).
    public let reports: Int
    /// The report weeks counted in ``reports``, oldest first.
    public let reportWeeks: [ReportWeek]

    public init(platform: Platform.ID, start: Int64, end: Int64?, failedProbes: Int, reports: Int, reportWeeks: [ReportWeek]) {
        self.platform = platform
        self.start = start
        self.end = end
        self.failedProbes = failedProbes
        self.reports = reports
        self.reportWeeks = reportWeeks
    }

    public var isOngoing: Bool { end == nil }

    /// The fewest consecutive failed probes that open an incident.
    public static let failedProbesToOpen = 2

    /// Unix seconds of Monday 00:00, Europe/Paris, starting `week`.
    public static func start(of week: ReportWeek) -> Int64 {
        Int64(CivilTimeZone.europeParis.utcMinutes(LocalDateTime(date: week.monday, time: .midnight))) * 60
    }

    /// The incidents of every platform, newest first (then by platform id). `reports` whose platform is not a valid
    /// id, or whose count is not positive, are ignored. `now` (Unix seconds) tells whether a report week still runs.
    public static func detect(probes: [PlatformProbe], reports: [PlatformReportEvidence], now: Int64) -> [PlatformIncident] {
        var probesByPlatform: [Platform.ID: [PlatformProbe]] = [:]
        for probe in probes { probesByPlatform[probe.platform, default: []].append(probe) }
        var weeksByPlatform: [Platform.ID: [ReportWeek: Int]] = [:]
        for report in reports where report.count > 0 {
            guard let id = Platform.ID(report.platform) else { continue }
            weeksByPlatform[id, default: [:]][report.week, default: 0] += report.count
        }
        var incidents: [PlatformIncident] = []
        for platform in Set(probesByPlatform.keys).union(weeksByPlatform.keys) {
            incidents += detect(
                platform: platform, probes: probesByPlatform[platform] ?? [], weeks: weeksByPlatform[platform] ?? [:], now: now)
        }
        return incidents.sorted { ($0.start, $1.platform) > ($1.start, $0.platform) }
    }

    static func detect(platform: Platform.ID, probes: [PlatformProbe], weeks: [ReportWeek: Int], now: Int64) -> [PlatformIncident] {
        struct Draft {
            var start: Int64
            var end: Int64?
            var failed: Int
            var reports = 0
            var weeks: [ReportWeek] = []
        }
        var drafts: [Draft] = []
        var run: (start: Int64, count: Int)? = nil
        for probe in probes.sorted(by: { $0.at < $1.at }) {
            switch probe.verdict {
            case .notProbed:
                continue
            case .down:
                if let open = run { run = (start: open.start, count: open.count + 1) } else { run = (start: probe.at, count: 1) }
            case .up:
                if let open = run, open.count >= failedProbesToOpen {
                    drafts.append(Draft(start: open.start, end: probe.at, failed: open.count))
                }
                run = nil
            }
        }
        if let open = run, open.count >= failedProbesToOpen { drafts.append(Draft(start: open.start, end: nil, failed: open.count)) }
        for week in weeks.keys.sorted() {
            guard let count = weeks[week] else { continue }
            let from = start(of: week)
            let to = start(of: week.adding(weeks: 1))
            if let index = drafts.firstIndex(where: { $0.start < to && ($0.end ?? Int64.max) > from }) {
                drafts[index].reports += count
                drafts[index].weeks.append(week)
            } else {
                drafts.append(Draft(start: from, end: to > now ? nil : to, failed: 0, reports: count, weeks: [week]))
            }
        }
        return drafts.map {
            PlatformIncident(platform: platform, start: $0.start, end: $0.end, failedProbes: $0.failed, reports: $0.reports, reportWeeks: $0.weeks)
        }
    }
}

/// What the status page says of one platform now: its last probe and the incident under way, if any.
public struct PlatformStatus: Hashable, Sendable {
    public let platform: Platform
    public let lastProbe: PlatformProbe?
    public let ongoingIncident: PlatformIncident?

    public init(platform: Platform, lastProbe: PlatformProbe?, ongoingIncident: PlatformIncident?) {
        self.platform = platform
        self.lastProbe = lastProbe
        self.ongoingIncident = ongoingIncident
    }

    /// One status per platform, in `platforms`' order.
    public static func board(
        platforms: [Platform], lastProbes: [PlatformProbe], incidents: [PlatformIncident]
    ) -> [PlatformStatus] {
        let last = Dictionary(lastProbes.map { ($0.platform, $0) }, uniquingKeysWith: { a, b in a.at >= b.at ? a : b })
        return platforms.map { platform in
            PlatformStatus(
                platform: platform, lastProbe: last[platform.id],
                ongoingIncident: incidents.first { $0.platform == platform.id && $0.isOngoing })
        }
    }
}
