extension Observatory {
    /// What happened when a person tried a procedure, as they report it (« signaler anonymement »).
    public enum Outcome: String, Sendable, CaseIterable, Hashable, Comparable {
        case noSlot = "aucun-creneau"
        case siteDown = "site-en-panne"
        case fileStuck = "dossier-bloque"
        case appointmentObtained = "rendez-vous-obtenu"

        /// The French label.
        public var frenchLabel: String {
            switch self {
            case .noSlot: "aucun créneau"
            case .siteDown: "site en panne"
            case .fileStuck: "dossier bloqué"
            case .appointmentObtained: "rendez-vous obtenu"
            }
        }

        public static func < (a: Outcome, b: Outcome) -> Bool {
            (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
        }
    }

    /// One person's anonymous report: where, which procedure, how they tried, what happened, and the week. Nothing
    /// else — no person, no access code, no case, no time finer than the week.
    public struct Report: Hashable, Sendable {
        /// An INSEE département code of the court table (`93`, `2A`, `974`).
        public let department: String
        public let procedure: Procedure
        public let channel: Channel
        public let outcome: Outcome
        public let week: ReportWeek

        public init(department: String, procedure: Procedure, channel: Channel, outcome: Outcome, week: ReportWeek) {
            self.department = department
            self.procedure = procedure
            self.channel = channel
            self.outcome = outcome
            self.week = week
        }
    }

    /// How many reports stand behind one cell: a département, a procedure, a week and an outcome.
    public struct ReportCount: Hashable, Sendable {
        public let department: String
        public let procedure: Procedure
        public let week: ReportWeek
        public let outcome: Outcome
        public let count: Int

        public init(department: String, procedure: Procedure, week: ReportWeek, outcome: Outcome, count: Int) {
            self.department = department
            self.procedure = procedure
            self.week = week
            self.outcome = outcome
            self.count = count
        }
    }

    /// People's « site en panne » reports about one platform in one week: the ANEF (channel `anef`, every
    /// département) or a prefecture's booking page (`rdv-<code>`: channel `rdv-en-ligne` in that département).
    public struct OutageCount: Hashable, Sendable {
        /// A platform id of the prober's list (`anef`, `rdv-93`, `rdv-2a`).
        public let platform: String
        public let week: ReportWeek
        public let count: Int

        public init(platform: String, week: ReportWeek, count: Int) {
            self.platform = platform
            self.week = week
            self.count = count
        }

        /// The platform id of a prefecture's booking page.
        public static func bookingPlatform(_ department: String) -> String { "rdv-" + department.lowercased() }
    }

    /// The report figures that may be shown: only the cells with at least `k` reports behind them. Built from raw
    /// counts by ``init(counts:k:)``, which is the only way in: a page or an export can only ever read a figure of
    /// `k` or more.
    public struct ReportFigures: Sendable, Equatable {
        /// The smallest number of reports a shown figure stands for (never below ``minimumK``).
        public let k: Int
        /// The shown cells, by département, procedure, week (oldest first) and outcome.
        public let cells: [ReportCount]
        /// The « site en panne » counts per platform and week with at least `k` reports, by platform and week: the
        /// evidence the platform incidents count.
        public let outages: [OutageCount]

        /// The smallest k a deployment may set.
        public static let minimumK = 5

        /// Keeps the cells of `counts` and `outages` with at least `k` reports (`k` is raised to ``minimumK`` when
        /// lower).
        public init(counts: [ReportCount], outages: [OutageCount] = [], k: Int) {
            let k = max(k, ReportFigures.minimumK)
            self.k = k
            self.cells = counts.filter { $0.count >= k }.sorted {
                ($0.department, $0.procedure, $0.week, $0.outcome) < ($1.department, $1.procedure, $1.week, $1.outcome)
            }
            self.outages = outages.filter { $0.count >= k }.sorted { ($0.platform, $0.week) < ($1.platform, $1.week) }
        }

        /// No figure.
        public static let empty = ReportFigures(counts: [], k: minimumK)

        /// The cells of one département.
        public func cells(department: String) -> [ReportCount] { cells.filter { $0.department == department } }
    }
}

extension Observatory {
    /// What a report form starts with: the values a case file already says (its département, its procedure, its last
    /// attempt's channel, outcome and week). The person checks them and sends, or not.
    public struct ReportDraft: Sendable, Equatable {
        public var department: String?
        public var procedure: Procedure?
        public var channel: Channel?
        public var outcome: Outcome?
        public var week: ReportWeek?

        public init(
            department: String? = nil, procedure: Procedure? = nil, channel: Channel? = nil, outcome: Outcome? = nil,
            week: ReportWeek? = nil
        ) {
            self.department = department
            self.procedure = procedure
            self.channel = channel
            self.outcome = outcome
            self.week = week
        }

        /// The draft of `caseFile` (nil: nothing known); `procedure` when the case file's own says nothing (a path
        /// about the CAF, say).
        public init(caseFile: CaseFile?, procedure fallback: Procedure?) {
            self.init(procedure: fallback)
            guard let caseFile else { return }
            department = caseFile.department.code
            procedure = Procedure(caseFile.procedure) ?? fallback
            if let last = caseFile.attempts.max(by: { $0.at.local < $1.at.local }) {
                channel = Channel(last.channel)
                outcome = Outcome(last.outcome)
                week = ReportWeek(containing: last.at.local.date)
            }
        }
    }
}

extension Observatory.Procedure {
    /// The family of a case file's procedure; nil for « autre ».
    public init?(_ procedure: Procedure) {
        switch procedure {
        case .renouvellementTitre: self = .renewal
        case .premiereDemandeTitre, .admissionExceptionnelle: self = .firstPermit
        case .naturalisation: self = .naturalisation
        case .dcem: self = .minorsDocuments
        case .titreDeVoyage: self = .travelDocument
        case .autorisationTravail: self = .workPermit
        case .autre: return nil
        }
    }
}

extension Observatory.Channel {
    /// The observatory's channel of an attempt's; nil for the telephone, which the observatory does not follow.
    public init?(_ channel: AttemptChannel) {
        switch channel {
        case .sitePrefecture: self = .onlineAppointment
        case .anef: self = .anef
        case .courriel: self = .email
        case .guichet: self = .counter
        case .telephone: return nil
        }
    }
}

extension Observatory.Outcome {
    /// The report outcome of an attempt's.
    public init(_ outcome: AttemptOutcome) {
        switch outcome {
        case .aucunCreneau, .sansReponse: self = .noSlot
        case .erreurTechnique: self = .siteDown
        case .creneauObtenu: self = .appointmentObtained
        }
    }
}
