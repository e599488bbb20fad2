/// What a member of an organisation may do. Stored as its raw value.
public enum HelpDeskRole: String, Sendable, Equatable, Hashable, CaseIterable, Comparable {
    /// Manages members and settings, reads the audit log; everything on cases.
    case admin
    /// Everything on cases: every case of the organisation, exports, deletions.
    case juriste
    /// The cases assigned to them; no export, no deletion.
    case benevole

    /// The role as the interface writes it.
    public var frenchLabel: String {
        switch self {
        case .admin: "administrateur·rice"
        case .juriste: "juriste"
        case .benevole: "bénévole"
        }
    }

    /// Whether a login must pass a second factor (TOTP) for this role.
    public var requiresSecondFactor: Bool { self != .benevole }

    private var rank: Int {
        switch self {
        case .admin: 0
        case .juriste: 1
        case .benevole: 2
        }
    }

    /// Orders roles from the most to the least powerful.
    public static func < (lhs: HelpDeskRole, rhs: HelpDeskRole) -> Bool { lhs.rank < rhs.rank }
}

/// Where a case stands. Stored as its raw value.
public enum CaseStatus: String, Sendable, Equatable, Hashable, CaseIterable {
    case ouvert
    case enAttente = "en-attente"
    case depose = "depose"
    case clos

    /// The status as the interface writes it.
    public var frenchLabel: String {
        switch self {
        case .ouvert: "ouvert"
        case .enAttente: "en attente"
        case .depose: "déposé"
        case .clos: "clos"
        }
    }
}

/// Something a member asks to do on the help desk; ``HelpDeskPolicy`` says whether their role allows it.
public enum HelpDeskAction: String, Sendable, Equatable, Hashable, CaseIterable {
    /// See the list of cases and the deadlines (a bénévole sees only theirs).
    case listCases
    /// Open one case.
    case readCase
    /// Create a case (with its mandate).
    case createCase
    /// Change a case: person, journal, notes, deadlines, status.
    case editCase
    /// Give a case to a member.
    case assignCase
    /// Generate a document of a case (référé, letters, mandate).
    case generateDocument
    /// Export a case (GDPR access request) or prepare a collective filing.
    case exportCase
    /// Revoke a mandate.
    case revokeMandate
    /// Erase a case and its captures.
    case deleteCase
    /// Invite, change or disable members; change the organisation's settings.
    case manageMembers
    /// Read the organisation's audit log.
    case readAudit
}

/// The authorization rules of the help desk, one place: a role, an action and whether the case (if any) is assigned
/// to the member. Organisation boundaries are enforced before this is asked (another organisation's case is not found).
public enum HelpDeskPolicy {
    /// Whether `role` may do `action`; `assignedToMember` is whether the case concerned is assigned to the member
    /// (ignored for actions that concern no single case).
    public static func allows(_ role: HelpDeskRole, _ action: HelpDeskAction, assignedToMember: Bool = false) -> Bool {
        switch role {
        case .admin:
            return true
        case .juriste:
            return action != .manageMembers && action != .readAudit
        case .benevole:
            switch action {
            case .listCases, .createCase: return true
            case .readCase, .editCase, .generateDocument: return assignedToMember
            case .assignCase, .exportCase, .revokeMandate, .deleteCase, .manageMembers, .readAudit: return false
            }
        }
    }
}
