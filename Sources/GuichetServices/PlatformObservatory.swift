public import GuichetCore
public import GuichetStorage

/// The platforms' status, incidents and outage certificates, for the web and the command line alike: reads the
/// probes from the store and applies Core's rules (``PlatformIncident``, ``OutageCertificate``).
///
/// People's « site en panne » reports come in as ``PlatformReportEvidence`` already k-filtered by the report figures
/// (the caller passes them; `[]` until the report figures are wired in).
public struct PlatformObservatory: Sendable {
    public let platforms: [Platform]
    public let store: any PlatformProbeStore
    /// Whether this deployment runs the prober.
    public let isProbingEnabled: Bool
    /// The prober's `User-Agent` (also printed in certificates).
    public let userAgent: String
    /// The k-filtered « site en panne » report counts per platform and week.
    public let reports: @Sendable () async -> [PlatformReportEvidence]
    /// The last status computed, reused for ``cacheSeconds`` (400 days of probes are read to find the incidents).
    let memo = StatusMemo()
    /// How long a computed status and its incidents are reused (the prober adds at most one probe per host in 10 min).
    public static let cacheSeconds: Int64 = 60

    public init(
        platforms: [Platform], store: any PlatformProbeStore, isProbingEnabled: Bool, userAgent: String,
        reports: @escaping @Sendable () async -> [PlatformReportEvidence] = { [] }
    ) {
        self.platforms = platforms
        self.store = store
        self.isProbingEnabled = isProbingEnabled
        self.userAgent = userAgent
        self.reports = reports
    }

    /// Every incident within the probes' retention (400 days before `now`), newest first: what the status page and
    /// `/donnees/observatoire-incidents.csv` show (and the observatory's JSON may carry). Computed at most once a
    /// minute (``cacheSeconds``).
    public func incidents(now: Int64) async throws(StorageError) -> [PlatformIncident] {
        try await statusModel(now: now).incidents
    }

    /// The incidents computed now, without the cache.
    func computeIncidents(now: Int64) async throws(StorageError) -> [PlatformIncident] {
        let probes = try await store.probes(platform: nil, from: now - PlatformProbe.retentionSeconds, to: now + 1)
        let known = Set(platforms.map(\.id.rawValue))
        let evidence = await reports().filter { known.contains($0.platform) }
        return PlatformIncident.detect(probes: probes, reports: evidence, now: now)
    }

    /// The status page's model, reused for ``cacheSeconds``.
    public func statusModel(now: Int64) async throws(StorageError) -> (statuses: [PlatformStatus], incidents: [PlatformIncident]) {
        let observatory = self
        return try await memo.value(now: now, maxAge: Self.cacheSeconds) { () throws(StorageError) in
            let incidents = try await observatory.computeIncidents(now: now)
            let latest = try await observatory.store.latestProbes()
            return StatusMemo.Model(
                statuses: PlatformStatus.board(platforms: observatory.platforms, lastProbes: latest, incidents: incidents),
                incidents: incidents)
        }.tuple
    }

    /// The certificate's draft for what a person asked (text as typed), or the French reason it is refused.
    public func certificate(
        platform: String?, from: String?, to: String?, today: LocalDate, siteURL: String, hash: HashFunction
    ) async throws(StorageError) -> Result<(period: OutageCertificate.Period, draft: DocumentDraft), OutageCertificate.RequestProblem> {
        let period: OutageCertificate.Period
        switch OutageCertificate.period(platform: platform, from: from, to: to, platforms: platforms, today: today) {
        case .failure(let problem): return .failure(problem)
        case .success(let value): period = value
        }
        let (start, end) = period.bounds
        let probes = try await store.probes(platform: period.platform.id, from: start, to: end)
        let evidence = await reports()
        let draft = OutageCertificate.draft(
            period: period, probes: probes, reports: evidence,
            rules: .init(userAgent: userAgent, isEnabled: isProbingEnabled), today: today, siteURL: siteURL, hash: hash)
        return .success((period, draft))
    }

    /// `attestation-anef-2026-11-01-2026-11-30.pdf`.
    public static func fileName(_ period: OutageCertificate.Period) -> String {
        "attestation-\(period.platform.id.rawValue)-\(period.from.iso)-\(period.to.iso).pdf"
    }
}

/// The last status computed, shared by concurrent requests: one computation per ``PlatformObservatory/cacheSeconds``.
actor StatusMemo {
    struct Model: Sendable {
        let statuses: [PlatformStatus]
        let incidents: [PlatformIncident]
        var tuple: (statuses: [PlatformStatus], incidents: [PlatformIncident]) { (statuses, incidents) }
    }

    var entry: (at: Int64, task: Task<Model, any Error>)? = nil

    func value(now: Int64, maxAge: Int64, compute: @escaping @Sendable () async throws(StorageError) -> Model) async throws(StorageError)
        -> Model
    {
        let task: Task<Model, any Error>
        if let entry, now >= entry.at, now - entry.at < maxAge {
            task = entry.task
        } else {
            task = Task { try await compute() }
            entry = (now, task)
        }
        do {
            return try await task.value
        } catch {
            // A failure is not kept: the next request tries again.
            if entry?.at == now { entry = nil }
            throw (error as? StorageError) ?? StorageError(.unavailable, underlying: error)
        }
    }
}

/// The incidents' open data: one row per incident (CSV, RFC 4180) and its Table Schema (frictionless), Licence
/// Ouverte 2.0.
public enum PlatformIncidentData {
    public static let columns = [
        "plateforme", "plateforme_nom", "debut", "fin", "en_cours", "sondages_en_echec", "signalements", "semaines_signalees",
    ]

    public static func csv(_ incidents: [PlatformIncident], platforms: [Platform]) -> String {
        let names = Dictionary(platforms.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var out = columns.joined(separator: ",") + "\r\n"
        for incident in incidents {
            let row = [
                incident.platform.rawValue, names[incident.platform] ?? "", OutageCertificate.isoUTC(incident.start), incident.end.map(OutageCertificate.isoUTC) ?? "",
                incident.isOngoing ? "true" : "false", String(incident.failedProbes), String(incident.reports),
                incident.reportWeeks.map(\.description).joined(separator: " "),
            ]
            out += CSVText.row(row)
        }
        return out
    }

    public static let schema = """
        {
          "$schema": "https://specs.frictionlessdata.io/schemas/table-schema.json",
          "title": "Observatoire guichet : incidents des plateformes en ligne (sondages et signalements)",
          "licenses": [{"name": "etalab-2.0", "title": "Licence Ouverte 2.0", "path": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"}],
          "fields": [
            {"name": "plateforme", "type": "string", "constraints": {"required": true, "pattern": "[a-z0-9][a-z0-9-]{0,39}"}},
            {"name": "plateforme_nom", "type": "string", "constraints": {"required": true}},
            {"name": "debut", "type": "datetime", "description": "UTC, ISO 8601", "constraints": {"required": true}},
            {"name": "fin", "type": "datetime", "description": "UTC, ISO 8601; vide quand l'incident est en cours"},
            {"name": "en_cours", "type": "boolean", "constraints": {"required": true}},
            {"name": "sondages_en_echec", "type": "integer", "constraints": {"required": true, "minimum": 0}},
            {"name": "signalements", "type": "integer", "description": "signalements « site en panne », chiffres publiés seulement à partir de k = 5", "constraints": {"required": true, "minimum": 0}},
            {"name": "semaines_signalees", "type": "string", "description": "semaines ISO séparées par des espaces (2026-W45)"}
          ],
          "primaryKey": ["plateforme", "debut"],
          "missingValues": [""]
        }

        """
}
