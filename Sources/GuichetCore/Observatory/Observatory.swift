/// The observatory's reference data: for each département and each procedure family of sections I–V, how the
/// procedure is reached and whether a lawful alternative is announced, every fact with its sources; `inconnu` where
/// nothing is known (docs/observatory.md). Pure values, read from `content/observatoire/` by GuichetContent.
public enum Observatory {
    /// The procedure families the observatory follows.
    public enum Procedure: String, Sendable, CaseIterable, Hashable, Comparable {
        case firstPermit = "sejour-premiere-demande"
        case renewal = "sejour-renouvellement"
        case naturalisation
        case minorsDocuments = "dcem-tci"
        case travelDocument = "titre-de-voyage"
        case asylum = "asile-guichet-unique"
        case workPermit = "autorisation-travail"
        case benefits = "caf"

        /// The French label.
        public var frenchLabel: String {
            switch self {
            case .firstPermit: "Titre de séjour : première demande"
            case .renewal: "Titre de séjour : renouvellement"
            case .naturalisation: "Naturalisation"
            case .minorsDocuments: "DCEM et TIR (mineurs)"
            case .travelDocument: "Titres de voyage"
            case .asylum: "Asile : guichet unique"
            case .workPermit: "Autorisation de travail"
            case .benefits: "Prestations de la CAF"
            }
        }

        public static func < (a: Procedure, b: Procedure) -> Bool {
            (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
        }
    }

    /// How a procedure is reached.
    public enum Channel: String, Sendable, CaseIterable, Hashable {
        case anef
        case onlineAppointment = "rdv-en-ligne"
        case email = "courriel"
        case post = "courrier"
        case counter = "guichet"
        case simplifiedForms = "demarches-simplifiees"
        case unknown = "inconnu"

        public var frenchLabel: String {
            switch self {
            case .anef: "ANEF (en ligne)"
            case .onlineAppointment: "rendez-vous en ligne"
            case .email: "courriel"
            case .post: "courrier"
            case .counter: "guichet"
            case .simplifiedForms: "Démarches simplifiées (en ligne)"
            case .unknown: "inconnu"
            }
        }

        /// Whether the channel is online only.
        public var isOnline: Bool { self == .anef || self == .onlineAppointment || self == .simplifiedForms }
    }

    /// Whether a lawful alternative (point d'accueil numérique, solution de substitution) is announced.
    public enum Alternative: String, Sendable, CaseIterable, Hashable {
        case yes = "oui"
        case no = "non"
        case unknown = "inconnu"
    }

    /// A cited source and the day it was checked.
    public typealias Source = DatedSource

    /// How one procedure is reached in one place (or nationally).
    public struct Fact: Hashable, Sendable {
        public let channel: Channel
        public let alternative: Alternative
        /// The date the fact is about (an obligation's start, a judgment, an announcement).
        public let asOf: LocalDate?
        /// The public booking page, when a source gives it.
        public let bookingURL: String?
        /// French, plain text.
        public let note: String?
        public let sources: [Source]

        public init(
            channel: Channel, alternative: Alternative, asOf: LocalDate? = nil, bookingURL: String? = nil,
            note: String? = nil, sources: [Source]
        ) {
            self.channel = channel
            self.alternative = alternative
            self.asOf = asOf
            self.bookingURL = bookingURL
            self.note = note
            self.sources = sources
        }

        /// Nothing is known.
        public static let unknown = Fact(channel: .unknown, alternative: .unknown, sources: [])

        /// Whether anything is known.
        public var isKnown: Bool { channel != .unknown || alternative != .unknown }
    }

    /// A sub-prefecture known to receive (or not) foreigners.
    public struct SubPrefecture: Hashable, Sendable {
        public let name: String
        public let town: String?
        public let receivesForeigners: Alternative
        public let sources: [Source]

        public init(name: String, town: String?, receivesForeigners: Alternative, sources: [Source]) {
            self.name = name
            self.town = town
            self.receivesForeigners = receivesForeigners
            self.sources = sources
        }
    }

    /// One département's file.
    public struct DepartmentRecord: Hashable, Sendable {
        public let code: String
        public let checked: LocalDate
        public let prefectureTown: String?
        public let prefectureSources: [Source]
        public let subPrefectures: [SubPrefecture]
        /// Local facts; a family absent here follows the national rule.
        public let procedures: [Procedure: Fact]

        public init(
            code: String, checked: LocalDate, prefectureTown: String? = nil, prefectureSources: [Source] = [],
            subPrefectures: [SubPrefecture] = [], procedures: [Procedure: Fact] = [:]
        ) {
            self.code = code
            self.checked = checked
            self.prefectureTown = prefectureTown
            self.prefectureSources = prefectureSources
            self.subPrefectures = subPrefectures
            self.procedures = procedures
        }
    }

    /// What a court decision of the dossier concerns (front matter of `type: decision` items).
    public struct DecisionLink: Hashable, Sendable {
        public enum Outcome: String, Sendable, CaseIterable, Hashable {
            case favorable
            case unfavorable = "defavorable"
            case partial = "partiel"
            case unknown = "inconnu"

            public var frenchLabel: String {
                switch self {
                case .favorable: "favorable"
                case .unfavorable: "défavorable"
                case .partial: "en partie favorable"
                case .unknown: "issue inconnue"
                }
            }
        }

        public let itemID: Slug
        public let title: String
        public let date: LocalDate
        /// Empty: a national decision.
        public let departments: [String]
        public let procedures: [Procedure]
        public let outcome: Outcome
        public let outcomeNote: String?

        public init(
            itemID: Slug, title: String, date: LocalDate, departments: [String], procedures: [Procedure], outcome: Outcome,
            outcomeNote: String?
        ) {
            self.itemID = itemID
            self.title = title
            self.date = date
            self.departments = departments
            self.procedures = procedures
            self.outcome = outcome
            self.outcomeNote = outcomeNote
        }
    }

    /// How reachable a procedure is, for the map's colours.
    public enum Reachability: String, Sendable, CaseIterable, Hashable {
        /// A non-digital channel, or an online one with an announced alternative.
        case alternative = "alternative"
        /// Online only, no alternative announced (or known).
        case onlineOnly = "en-ligne-seulement"
        /// Nothing known.
        case unknown = "inconnu"
    }

    /// Where a fact shown for a département comes from.
    public struct Status: Hashable, Sendable {
        public let fact: Fact
        /// The national rule applies (the département's file says nothing of this family).
        public let isNational: Bool

        public var reachability: Reachability {
            if !fact.isKnown { return .unknown }
            if fact.alternative == .yes || (!fact.channel.isOnline && fact.channel != .unknown) { return .alternative }
            return .onlineOnly
        }
    }

    /// The whole reference data.
    public struct Board: Sendable {
        public let checked: LocalDate
        public let national: [Procedure: Fact]
        public let departments: [String: DepartmentRecord]
        public let decisions: [DecisionLink]

        public init(
            checked: LocalDate, national: [Procedure: Fact], departments: [String: DepartmentRecord],
            decisions: [DecisionLink]
        ) {
            self.checked = checked
            self.national = national
            self.departments = departments
            self.decisions = decisions.sorted { ($0.date, $0.itemID) > ($1.date, $1.itemID) }
        }

        /// The fact shown for `procedure` in `department`: the local one, else the national rule.
        public func status(_ department: String, _ procedure: Procedure) -> Status {
            if let local = departments[department]?.procedures[procedure] { return Status(fact: local, isNational: false) }
            return Status(fact: national[procedure] ?? .unknown, isNational: true)
        }

        /// The decisions concerning `department`, newest first.
        public func decisions(for department: String) -> [DecisionLink] {
            decisions.filter { $0.departments.contains(department) }
        }

        /// The national decisions (no département), newest first.
        public var nationalDecisions: [DecisionLink] { decisions.filter(\.departments.isEmpty) }
    }
}

/// The tile map: one square per département in its approximate place (column, row), overseas ones in a row of
/// their own below. Not a map projection: a grid a person recognises, drawn without tiles or JavaScript.
public enum TileMap {
    public static let columns = 12
    /// The row of the overseas départements (a gap row above it).
    public static let overseasRow = 13

    static let rows: [[(String, Int)]] = [
        [("62", 5), ("59", 6)],
        [("76", 4), ("80", 5), ("02", 6), ("08", 7)],
        [("50", 1), ("14", 2), ("27", 3), ("60", 4), ("95", 5), ("51", 6), ("55", 7), ("57", 8), ("67", 9)],
        [("29", 0), ("22", 1), ("35", 2), ("61", 3), ("78", 4), ("75", 5), ("93", 6), ("54", 7), ("88", 8), ("68", 9)],
        [("56", 1), ("53", 2), ("72", 3), ("28", 4), ("92", 5), ("94", 6), ("77", 7), ("52", 8), ("70", 9), ("90", 10)],
        [("44", 1), ("49", 2), ("37", 3), ("41", 4), ("91", 5), ("45", 6), ("10", 7), ("21", 8), ("25", 9)],
        [("85", 1), ("79", 2), ("86", 3), ("36", 4), ("18", 5), ("89", 6), ("58", 7), ("71", 8), ("39", 9)],
        [("17", 1), ("16", 2), ("87", 3), ("23", 4), ("03", 5), ("42", 6), ("69", 7), ("01", 8), ("74", 9)],
        [("33", 1), ("24", 2), ("19", 3), ("15", 4), ("63", 5), ("43", 6), ("07", 7), ("38", 8), ("73", 9)],
        [("40", 1), ("47", 2), ("46", 3), ("12", 4), ("48", 5), ("30", 6), ("26", 7), ("05", 8), ("04", 9)],
        [("64", 1), ("32", 2), ("82", 3), ("81", 4), ("34", 5), ("84", 6), ("13", 7), ("83", 8), ("06", 9), ("2B", 11)],
        [("65", 1), ("31", 2), ("09", 3), ("11", 4), ("66", 5), ("2A", 11)],
    ]

    /// Column and row of every département.
    public static let positions: [String: (column: Int, row: Int)] = {
        var positions: [String: (column: Int, row: Int)] = [:]
        for (row, entries) in rows.enumerated() {
            for (code, column) in entries { positions[code] = (column, row) }
        }
        for (index, code) in ["971", "972", "973", "974", "976"].enumerated() { positions[code] = (index, overseasRow) }
        return positions
    }()
}
