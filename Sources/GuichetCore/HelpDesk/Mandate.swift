/// What a person allows the association to do for them.
public enum MandateScope: String, Sendable, Equatable, Hashable, CaseIterable, Comparable {
    /// Help with the procedures of the case (forms, platforms, appointments).
    case demarches
    /// Write to the prefecture in the person's name.
    case ecrirePrefecture = "ecrire-prefecture"
    /// Prepare and file a request at the administrative court.
    case saisirTribunal = "saisir-tribunal"

    /// The sentence printed on the mandate.
    public var frenchText: String {
        switch self {
        case .demarches: "m'accompagner dans les démarches administratives du dossier"
        case .ecrirePrefecture: "écrire en mon nom à la préfecture au sujet de ce dossier"
        case .saisirTribunal: "préparer et déposer en mon nom une requête devant le tribunal administratif"
        }
    }

    public static func < (lhs: MandateScope, rhs: MandateScope) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The consent a person gives before a case holds anything: what the association may do, from when, until when.
///
/// Both dates are included: a mandate given for one day is valid on `from` only. It lasts at most twelve months.
/// Once revoked it is never valid again; the case becomes read-only and is erased on the retention schedule.
public struct Mandate: Sendable, Equatable {
    /// The longest mandate, in months.
    public static let maximumMonths = 12

    public let scopes: Set<MandateScope>
    public let from: LocalDate
    public let until: LocalDate
    /// When the person revoked it (Unix seconds), or `nil`.
    public var revokedAt: Int64?

    /// Why a mandate cannot be recorded as given.
    public enum Problem: Error, Sendable, Equatable {
        case noScope
        case endsBeforeStart
        case longerThanTwelveMonths

        public var frenchMessage: String {
            switch self {
            case .noScope: "Cochez au moins une chose que l'association peut faire."
            case .endsBeforeStart: "La fin du mandat est avant son début."
            case .longerThanTwelveMonths: "Un mandat dure au plus 12 mois."
            }
        }
    }

    /// A mandate from `from` to `until` (both included), checked: at least one scope, at most twelve months.
    public init(scopes: Set<MandateScope>, from: LocalDate, until: LocalDate, revokedAt: Int64? = nil) throws(Problem) {
        guard !scopes.isEmpty else { throw .noScope }
        guard from <= until else { throw .endsBeforeStart }
        guard until < from.adding(months: Self.maximumMonths) else { throw .longerThanTwelveMonths }
        self.scopes = scopes
        self.from = from
        self.until = until
        self.revokedAt = revokedAt
    }

    /// A mandate of `days` days (1 or more) starting on `from`.
    public init(scopes: Set<MandateScope>, from: LocalDate, days: Int) throws(Problem) {
        guard days >= 1 else { throw .endsBeforeStart }
        try self.init(scopes: scopes, from: from, until: from.adding(days: days - 1))
    }

    /// Whether the mandate allows acting on `day`.
    public func isValid(on day: LocalDate) -> Bool { revokedAt == nil && from <= day && day <= until }

    /// Whether the mandate allows `scope` on `day`.
    public func allows(_ scope: MandateScope, on day: LocalDate) -> Bool { isValid(on: day) && scopes.contains(scope) }

    /// The scopes in their printed order.
    public var orderedScopes: [MandateScope] { scopes.sorted() }
}
