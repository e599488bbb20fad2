/// The help desk's records as stored. Personal data arrives sealed (opaque bytes); what is kept in clear is what the
/// store must sort, filter or join on: ids, roles, statuses, département codes, verdicts, dates. Instants are Unix
/// seconds supplied by the caller (a store never reads a clock); calendar days are ISO dates (`2026-12-03`).
///
/// Ids are opaque lowercase strings chosen by the caller (random, 32 hexadecimal digits). Every method of
/// ``HelpDeskStore`` that takes an organisation id only ever reads or writes that organisation's rows.

/// An organisation (association, local group) and its data key, wrapped by the server's master key.
public struct OrganisationRecord: Sendable, Equatable {
    public let id: String
    /// A short name for URLs and the command line, unique on the deployment (`cimade-lyon`).
    public let slug: String
    /// The public name of the organisation (not personal data).
    public var name: String
    /// The organisation's data key, sealed under the master key `masterKeyID`.
    public var wrappedDataKey: [UInt8]
    public var masterKeyID: UInt8
    /// Closed cases are erased this many months after they were closed.
    public var retentionMonths: Int
    public let createdAt: Int64

    public init(
        id: String, slug: String, name: String, wrappedDataKey: [UInt8], masterKeyID: UInt8, retentionMonths: Int,
        createdAt: Int64
    ) {
        self.id = id
        self.slug = slug
        self.name = name
        self.wrappedDataKey = wrappedDataKey
        self.masterKeyID = masterKeyID
        self.retentionMonths = retentionMonths
        self.createdAt = createdAt
    }
}

/// A member's account. The email and display name are sealed (`sealedProfile`); the login finds the account by
/// `emailLookup`, a keyed hash of the normalised email.
public struct AccountRecord: Sendable, Equatable {
    /// `invited` (no password yet), `active`, `disabled`.
    public enum Status: String, Sendable, Equatable, CaseIterable {
        case invited, active, disabled
    }

    public let id: String
    public let organisationID: String
    /// 64 hexadecimal digits, unique on the deployment.
    public let emailLookup: String
    public var sealedProfile: [UInt8]
    /// A `HelpDeskRole` raw value.
    public var role: String
    public var status: Status
    /// The bcrypt hash (`$2b$12$…`), or `nil` before the invitation is accepted.
    public var passwordHash: String?
    /// The TOTP secret, sealed; `nil` when no second factor is set up.
    public var sealedTOTPSecret: [UInt8]?
    /// The last TOTP time step accepted (a code is accepted once).
    public var lastTOTPStep: Int64
    /// Failed logins since the last success.
    public var failedLogins: Int
    /// No login is tried before this instant (0: not locked).
    public var lockedUntil: Int64
    /// SHA-256 (hex) of the secret of the member's calendar feed URL, or `nil` when there is none.
    public var calendarTokenHash: String?
    public let createdAt: Int64
    /// Starts at 1, grows by one with each update (optimistic concurrency).
    public let version: Int

    public init(
        id: String, organisationID: String, emailLookup: String, sealedProfile: [UInt8], role: String, status: Status,
        passwordHash: String?, sealedTOTPSecret: [UInt8]?, lastTOTPStep: Int64, failedLogins: Int, lockedUntil: Int64,
        calendarTokenHash: String?, createdAt: Int64, version: Int
    ) {
        self.id = id
        self.organisationID = organisationID
        self.emailLookup = emailLookup
        self.sealedProfile = sealedProfile
        self.role = role
        self.status = status
        self.passwordHash = passwordHash
        self.sealedTOTPSecret = sealedTOTPSecret
        self.lastTOTPStep = lastTOTPStep
        self.failedLogins = failedLogins
        self.lockedUntil = lockedUntil
        self.calendarTokenHash = calendarTokenHash
        self.createdAt = createdAt
        self.version = version
    }
}

/// A one-time invitation: the SHA-256 (hex) of the secret of its link, the invited account, and its expiry.
public struct InvitationRecord: Sendable, Equatable {
    public let tokenHash: String
    public let accountID: String
    public let organisationID: String
    public let expiresAt: Int64

    public init(tokenHash: String, accountID: String, organisationID: String, expiresAt: Int64) {
        self.tokenHash = tokenHash
        self.accountID = accountID
        self.organisationID = organisationID
        self.expiresAt = expiresAt
    }
}

/// A server-side session. The cookie carries the session's secret; the store keeps only its SHA-256 (hex).
public struct SessionRecord: Sendable, Equatable {
    public let idHash: String
    public let accountID: String
    public let organisationID: String
    /// `false` while the second factor is still to be given (the session opens nothing but the TOTP form).
    public let isComplete: Bool
    public let createdAt: Int64
    public var lastSeenAt: Int64

    public init(idHash: String, accountID: String, organisationID: String, isComplete: Bool, createdAt: Int64, lastSeenAt: Int64) {
        self.idHash = idHash
        self.accountID = accountID
        self.organisationID = organisationID
        self.isComplete = isComplete
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
    }
}

/// A case of the help desk. Everything about the person, the journal, the notes and the mandate's text is in
/// `sealedContent`; the clear columns serve the lists, the dashboard and the collective filing.
public struct CaseRecord: Sendable, Equatable {
    public let id: String
    public let organisationID: String
    /// `2026-0042`: the year of creation and a number counted per organisation and year, given by the store.
    public let number: String
    /// A `CaseStatus` raw value.
    public var status: String
    /// The member the case is assigned to, or `nil`.
    public var assigneeID: String?
    /// The département code (`69`, `2A`, `974`).
    public var department: String
    /// The evidence verdict of the journal (`EvidenceVerdict` raw value).
    public var verdict: String
    /// The last day of the mandate (ISO date).
    public var mandateUntil: String
    /// When the mandate was revoked, or `nil`.
    public var mandateRevokedAt: Int64?
    public var sealedContent: [UInt8]
    public let createdAt: Int64
    public var updatedAt: Int64
    /// When the status became `clos` (the retention period runs from here), or `nil`.
    public var closedAt: Int64?
    /// Starts at 1, grows by one with each update (optimistic concurrency).
    public let version: Int

    public init(
        id: String, organisationID: String, number: String, status: String, assigneeID: String?, department: String,
        verdict: String, mandateUntil: String, mandateRevokedAt: Int64?, sealedContent: [UInt8], createdAt: Int64,
        updatedAt: Int64, closedAt: Int64?, version: Int
    ) {
        self.id = id
        self.organisationID = organisationID
        self.number = number
        self.status = status
        self.assigneeID = assigneeID
        self.department = department
        self.verdict = verdict
        self.mandateUntil = mandateUntil
        self.mandateRevokedAt = mandateRevokedAt
        self.sealedContent = sealedContent
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.closedAt = closedAt
        self.version = version
    }

    /// The same case without its sealed bytes (what lists carry).
    public var summary: CaseSummary {
        CaseSummary(
            id: id, number: number, status: status, assigneeID: assigneeID, department: department, verdict: verdict,
            mandateUntil: mandateUntil, mandateRevokedAt: mandateRevokedAt, createdAt: createdAt, updatedAt: updatedAt,
            closedAt: closedAt, version: version)
    }
}

/// A case as lists show it: the clear columns only.
public struct CaseSummary: Sendable, Equatable {
    public let id: String
    public let number: String
    public let status: String
    public let assigneeID: String?
    public let department: String
    public let verdict: String
    public let mandateUntil: String
    public let mandateRevokedAt: Int64?
    public let createdAt: Int64
    public let updatedAt: Int64
    public let closedAt: Int64?
    public let version: Int

    public init(
        id: String, number: String, status: String, assigneeID: String?, department: String, verdict: String,
        mandateUntil: String, mandateRevokedAt: Int64?, createdAt: Int64, updatedAt: Int64, closedAt: Int64?, version: Int
    ) {
        self.id = id
        self.number = number
        self.status = status
        self.assigneeID = assigneeID
        self.department = department
        self.verdict = verdict
        self.mandateUntil = mandateUntil
        self.mandateRevokedAt = mandateRevokedAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.closedAt = closedAt
        self.version = version
    }
}

/// What a new case is given; the store adds the number, the dates and the version.
public struct NewCase: Sendable, Equatable {
    public let id: String
    public let organisationID: String
    /// The year of the case number.
    public let year: Int
    public let status: String
    public let assigneeID: String?
    public let department: String
    public let verdict: String
    public let mandateUntil: String
    public let sealedContent: [UInt8]

    public init(
        id: String, organisationID: String, year: Int, status: String, assigneeID: String?, department: String,
        verdict: String, mandateUntil: String, sealedContent: [UInt8]
    ) {
        self.id = id
        self.organisationID = organisationID
        self.year = year
        self.status = status
        self.assigneeID = assigneeID
        self.department = department
        self.verdict = verdict
        self.mandateUntil = mandateUntil
        self.sealedContent = sealedContent
    }
}

/// One deadline of a case, in clear for the dashboard: the rule and the day. What it means is in the rule catalogue.
public struct CaseDeadlineRecord: Sendable, Equatable, Hashable {
    /// The rule of the deadline engine (`refere-mesures-utiles`, …).
    public let ruleID: String
    /// The last day (ISO date).
    public let due: String

    public init(ruleID: String, due: String) {
        self.ruleID = ruleID
        self.due = due
    }
}

/// A deadline with the case it belongs to, as the dashboard lists it.
public struct DashboardDeadline: Sendable, Equatable {
    public let caseID: String
    public let caseNumber: String
    public let caseStatus: String
    public let assigneeID: String?
    public let ruleID: String
    public let due: String

    public init(caseID: String, caseNumber: String, caseStatus: String, assigneeID: String?, ruleID: String, due: String) {
        self.caseID = caseID
        self.caseNumber = caseNumber
        self.caseStatus = caseStatus
        self.assigneeID = assigneeID
        self.ruleID = ruleID
        self.due = due
    }
}

/// One entry of an organisation's audit log: who did what kind of thing to which case, never the content. Entries
/// are chained: `hash` covers the entry and `previousHash` (see the help-desk service for the exact bytes).
public struct AuditRecord: Sendable, Equatable {
    /// 1, 2, 3… per organisation, without gaps.
    public let sequence: Int
    public let organisationID: String
    public let at: Int64
    /// The account that acted, or `cli` / `system` for the command line and the periodic jobs.
    public let actorID: String
    /// What kind of action (`case.open`, `case.update`, `case.export`, `case.delete`, `member.invite`, …).
    public let action: String
    /// The case concerned, or `nil`.
    public let caseID: String?
    public let previousHash: String
    public let hash: String

    public init(
        sequence: Int, organisationID: String, at: Int64, actorID: String, action: String, caseID: String?,
        previousHash: String, hash: String
    ) {
        self.sequence = sequence
        self.organisationID = organisationID
        self.at = at
        self.actorID = actorID
        self.action = action
        self.caseID = caseID
        self.previousHash = previousHash
        self.hash = hash
    }
}

/// Which cases a list shows.
public struct CaseFilter: Sendable, Equatable {
    /// Only the cases assigned to this member (a bénévole's view); `nil`: all.
    public var assigneeID: String?
    /// Only these statuses (`CaseStatus` raw values); empty: all.
    public var statuses: [String]
    /// Only this département; `nil`: all.
    public var department: String?
    /// Only these verdicts; empty: all.
    public var verdicts: [String]

    public init(assigneeID: String? = nil, statuses: [String] = [], department: String? = nil, verdicts: [String] = []) {
        self.assigneeID = assigneeID
        self.statuses = statuses
        self.department = department
        self.verdicts = verdicts
    }
}

/// Keeps the help desk: organisations, accounts, invitations, sessions, cases with their deadlines and sealed
/// captures, and the audit log.
///
/// Errors are `StorageError`: `.notFound` when a record to change does not exist (or belongs to another
/// organisation), `.conflict` for a duplicate id/slug/email lookup, a stale version or an attachment over the limit.
public protocol HelpDeskStore: Sendable {
    // MARK: Organisations
    /// `.conflict` when the id or the slug is taken.
    func createOrganisation(_ organisation: OrganisationRecord) async throws(StorageError)
    func organisation(id: String) async throws(StorageError) -> OrganisationRecord?
    func organisation(slug: String) async throws(StorageError) -> OrganisationRecord?
    /// Every organisation, by slug.
    func organisations() async throws(StorageError) -> [OrganisationRecord]
    /// Replaces the name, the wrapped key and its master key id, and the retention; `.notFound` if it does not exist.
    func updateOrganisation(_ organisation: OrganisationRecord) async throws(StorageError)

    // MARK: Accounts
    /// Creates an account at version 1; `.conflict` when the id or the email lookup is taken.
    func createAccount(_ account: AccountRecord) async throws(StorageError) -> AccountRecord
    func account(id: String) async throws(StorageError) -> AccountRecord?
    func account(emailLookup: String) async throws(StorageError) -> AccountRecord?
    /// The organisation's accounts, oldest first.
    func accounts(organisationID: String) async throws(StorageError) -> [AccountRecord]
    /// Replaces every mutable field if the stored version is `account.version`, and returns the account at the next
    /// version. `.notFound` if gone, `.conflict` if another write came first.
    func updateAccount(_ account: AccountRecord) async throws(StorageError) -> AccountRecord
    /// The account whose calendar secret hashes to `tokenHash`, if any.
    func account(calendarTokenHash: String) async throws(StorageError) -> AccountRecord?

    // MARK: Invitations
    /// `.conflict` when the token hash is taken.
    func createInvitation(_ invitation: InvitationRecord) async throws(StorageError)
    /// Removes and returns the invitation if it exists and has not expired at `now` (a link works once).
    func takeInvitation(tokenHash: String, now: Int64) async throws(StorageError) -> InvitationRecord?
    /// Reads an invitation without using it (`nil` when absent or expired at `now`).
    func invitation(tokenHash: String, now: Int64) async throws(StorageError) -> InvitationRecord?

    // MARK: Sessions
    func createSession(_ session: SessionRecord) async throws(StorageError)
    /// The session, if it exists and was seen at or after `idleCutoff`.
    func session(idHash: String, idleCutoff: Int64) async throws(StorageError) -> SessionRecord?
    /// Moves `lastSeenAt` to `now` (never backwards).
    func touchSession(idHash: String, now: Int64) async throws(StorageError)
    func deleteSession(idHash: String) async throws(StorageError)
    /// Every session of the account (« se déconnecter partout »); returns how many.
    @discardableResult
    func deleteSessions(accountID: String) async throws(StorageError) -> Int
    /// Sessions last seen before `cutoff`, and invitations expired at `cutoff`; returns how many rows went.
    @discardableResult
    func deleteExpiredSessions(before cutoff: Int64) async throws(StorageError) -> Int

    // MARK: Cases
    /// Creates a case at version 1, numbered `<year>-<n>` with n counted per organisation and year (4 digits at least),
    /// created and updated `now`, with its deadlines. `.conflict` when the id is taken.
    func createCase(_ newCase: NewCase, deadlines: [CaseDeadlineRecord], now: Int64) async throws(StorageError) -> CaseRecord
    /// The case, only if it belongs to the organisation.
    func caseRecord(id: String, organisationID: String) async throws(StorageError) -> CaseRecord?
    /// The organisation's cases matching `filter`, newest number first.
    func cases(organisationID: String, filter: CaseFilter) async throws(StorageError) -> [CaseSummary]
    /// Replaces the mutable fields and the deadlines if the stored version is `record.version`; returns the case at
    /// the next version with `updatedAt = now` (never moving back when a node's clock is behind). `.notFound` if gone
    /// or another organisation's; `.conflict` if stale.
    func updateCase(_ record: CaseRecord, deadlines: [CaseDeadlineRecord], now: Int64) async throws(StorageError) -> CaseRecord
    /// Erases the case, its deadlines and its captures in one transaction; whether it existed in that organisation.
    @discardableResult
    func deleteCase(id: String, organisationID: String) async throws(StorageError) -> Bool
    /// The deadlines of the organisation's cases that match `filter`, by day then case number: only those due on or
    /// before `dueOnOrBefore` (an ISO date) when given, and at most `limit` when given (the first ones in that order).
    func deadlines(organisationID: String, filter: CaseFilter, dueOnOrBefore: String?, limit: Int?) async throws(StorageError)
        -> [DashboardDeadline]
    /// The ids of the organisation's cases closed before `cutoff`.
    func casesClosed(before cutoff: Int64, organisationID: String) async throws(StorageError) -> [String]

    // MARK: Case captures
    /// Stores `sealed` in `slot` of the case; `.notFound` if the case is not the organisation's; `.conflict` with
    /// `AttachmentTooLarge` if over `limit` bytes.
    func putCaseAttachment(_ sealed: [UInt8], slot: Int, caseID: String, organisationID: String, limit: Int, now: Int64)
        async throws(StorageError)
    func caseAttachment(slot: Int, caseID: String, organisationID: String) async throws(StorageError) -> SealedAttachment?
    func caseAttachments(caseID: String, organisationID: String) async throws(StorageError) -> [SealedAttachmentInfo]

    // MARK: Audit
    /// Appends one entry to the organisation's log, in one transaction with reading the last one: `make` gets the last
    /// entry (or `nil`) and returns the new one, whose sequence must be the last + 1 and whose organisation is
    /// `organisationID` (`.conflict` otherwise). `make` is escaping because a backend may run the transaction on
    /// another thread (GRDB's writer); it is called once, inside the transaction, and must not block.
    @discardableResult
    func appendAudit(organisationID: String, _ make: @escaping @Sendable (AuditRecord?) -> AuditRecord)
        async throws(StorageError) -> AuditRecord
    /// The organisation's entries with a sequence above `after`, in order, at most `limit`.
    func auditRecords(organisationID: String, after: Int, limit: Int) async throws(StorageError) -> [AuditRecord]
}

/// How both backends write a case number: the year, a hyphen, the count in that year on 4 digits at least.
public enum HelpDeskNumbering {
    /// `2026-0042` for the 42nd case of 2026.
    public static func caseNumber(year: Int, count: Int) -> String {
        let digits = String(count)
        return "\(year)-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

extension HelpDeskStore {
    /// Every deadline of the organisation's cases that match `filter` (no horizon, no limit).
    public func deadlines(organisationID: String, filter: CaseFilter) async throws(StorageError) -> [DashboardDeadline] {
        try await deadlines(organisationID: organisationID, filter: filter, dueOnOrBefore: nil, limit: nil)
    }
}
