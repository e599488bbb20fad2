public import GuichetStorage

/// The behaviour every `HelpDeskStore` backend must show, written once and run against each backend (SQLite in
/// memory, SQLite on a WAL file, PostgreSQL).
///
/// Each case builds a fresh subject through the factory, exercises it, and throws a `ContractFailure` naming the
/// broken expectation. The organisation boundary is checked on every case method: a case of another organisation is
/// invisible, whatever the filter, and refuses every write.
///
/// ```swift
/// @Test(arguments: HelpDeskStoreContract.Case.allCases)
/// func contract(_ check: HelpDeskStoreContract.Case) async throws {
///     try await check.run { HelpDeskStoreContract.Subject(store: try makeStore(), rowCounts: …) }
/// }
/// ```
public enum HelpDeskStoreContract {
    /// A store under test, with an optional way to count the rows of its tables (to check erasure).
    public struct Subject: Sendable {
        /// The store, over an empty database.
        public let store: any HelpDeskStore
        /// The number of rows per help-desk table (`help_case`, `case_deadline`, `case_attachment`, `desk_session`,
        /// `invitation`, `audit_entry`); `nil` when the backend cannot tell.
        public let rowCounts: (@Sendable () async throws -> [String: Int])?

        /// A subject over `store`.
        public init(store: any HelpDeskStore, rowCounts: (@Sendable () async throws -> [String: Int])? = nil) {
            self.store = store
            self.rowCounts = rowCounts
        }
    }

    /// Builds a subject over a new, empty database.
    public typealias Factory = @Sendable () async throws -> Subject

    /// One behaviour of the contract.
    public enum Case: String, CaseIterable, Sendable, CustomStringConvertible {
        case organisationsRoundTrip
        case organisationDuplicatesConflict
        case accountsRoundTrip
        case accountDuplicatesConflict
        case accountUpdatesCompareVersions
        case concurrentAccountUpdatesLetOneWin
        case invitationWorksOnce
        case invitationExpires
        case sessionsIdleCutoff
        case deleteSessionsOfAccount
        case deleteExpiredSessionsAndInvitations
        case caseCreateAndRead
        case duplicateCaseIDUsesNoNumber
        case caseNumbersPerOrganisationAndYear
        case concurrentCaseNumbersAreGapless
        case caseUpdatesCompareVersions
        case concurrentCaseUpdatesLetOneWin
        case organisationBoundary
        case caseListFilters
        case dashboardDeadlines
        case caseAttachmentsRoundTrip
        case attachmentOverLimitIsRefused
        case deleteCaseCascades
        case casesClosedBefore
        case auditChain
        case concurrentAuditAppendsChain
        case auditPaging

        /// The case's name.
        public var description: String { rawValue }

        /// Runs this case on a fresh subject from `makeSubject`; throws `ContractFailure` when the store breaks the
        /// contract.
        public func run(_ makeSubject: Factory) async throws {
            let subject = try await makeSubject()
            typealias C = HelpDeskStoreContract
            switch self {
            case .organisationsRoundTrip: try await C.organisationsRoundTrip(subject)
            case .organisationDuplicatesConflict: try await C.organisationDuplicatesConflict(subject)
            case .accountsRoundTrip: try await C.accountsRoundTrip(subject)
            case .accountDuplicatesConflict: try await C.accountDuplicatesConflict(subject)
            case .accountUpdatesCompareVersions: try await C.accountUpdatesCompareVersions(subject)
            case .concurrentAccountUpdatesLetOneWin: try await C.concurrentAccountUpdatesLetOneWin(subject)
            case .invitationWorksOnce: try await C.invitationWorksOnce(subject)
            case .invitationExpires: try await C.invitationExpires(subject)
            case .sessionsIdleCutoff: try await C.sessionsIdleCutoff(subject)
            case .deleteSessionsOfAccount: try await C.deleteSessionsOfAccount(subject)
            case .deleteExpiredSessionsAndInvitations: try await C.deleteExpiredSessionsAndInvitations(subject)
            case .caseCreateAndRead: try await C.caseCreateAndRead(subject)
            case .duplicateCaseIDUsesNoNumber: try await C.duplicateCaseIDUsesNoNumber(subject)
            case .caseNumbersPerOrganisationAndYear: try await C.caseNumbersPerOrganisationAndYear(subject)
            case .concurrentCaseNumbersAreGapless: try await C.concurrentCaseNumbersAreGapless(subject)
            case .caseUpdatesCompareVersions: try await C.caseUpdatesCompareVersions(subject)
            case .concurrentCaseUpdatesLetOneWin: try await C.concurrentCaseUpdatesLetOneWin(subject)
            case .organisationBoundary: try await C.organisationBoundary(subject)
            case .caseListFilters: try await C.caseListFilters(subject)
            case .dashboardDeadlines: try await C.dashboardDeadlines(subject)
            case .caseAttachmentsRoundTrip: try await C.caseAttachmentsRoundTrip(subject)
            case .attachmentOverLimitIsRefused: try await C.attachmentOverLimitIsRefused(subject)
            case .deleteCaseCascades: try await C.deleteCaseCascades(subject)
            case .casesClosedBefore: try await C.casesClosedBefore(subject)
            case .auditChain: try await C.auditChain(subject)
            case .concurrentAuditAppendsChain: try await C.concurrentAuditAppendsChain(subject)
            case .auditPaging: try await C.auditPaging(subject)
            }
        }
    }

    // MARK: Fixtures

    /// 3 December 2026, 00:00 UTC, in Unix seconds: the contract's fixed "now".
    static let t0: Int64 = 1_796_256_000
    static let day: Int64 = 86_400
    static let limit = 1 << 20
    /// Every byte value, up and down.
    static let everyByte = (0...255).map { UInt8($0) } + (0...255).reversed().map { UInt8($0) }

    /// An opaque id of 32 lowercase hexadecimal digits made from `number` (the same number gives the same id).
    public static func hexID(_ number: UInt64) -> String {
        hex(number, words: 2)
    }

    /// 64 lowercase hexadecimal digits made from `number`, as an email lookup or a token hash.
    public static func hex64(_ number: UInt64) -> String {
        hex(number, words: 4)
    }

    static func hex(_ number: UInt64, words: Int) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        var state = number &+ 0x4E1D
        for _ in 0..<words {
            var word = PrivateFileStoreContract.splitMix(&state)
            for _ in 0..<16 {
                hex.append(digits[Int(word & 0xF)])
                word >>= 4
            }
        }
        return String(decoding: hex, as: UTF8.self)
    }

    static func bytes(_ count: Int, seed: UInt64) -> [UInt8] {
        PrivateFileStoreContract.pseudoRandomBytes(count: count, seed: seed)
    }

    static func organisation(_ number: UInt64, slug: String, createdAt: Int64 = t0) -> OrganisationRecord {
        OrganisationRecord(
            id: hexID(1_000 + number), slug: slug, name: "Association \(slug)",
            wrappedDataKey: bytes(60, seed: 1_000 + number), masterKeyID: 1, retentionMonths: 24, createdAt: createdAt)
    }

    static func account(_ number: UInt64, of organisation: OrganisationRecord, createdAt: Int64 = t0) -> AccountRecord {
        AccountRecord(
            id: hexID(2_000 + number), organisationID: organisation.id, emailLookup: hex64(3_000 + number),
            sealedProfile: bytes(80, seed: 2_000 + number), role: "benevole", status: .invited, passwordHash: nil,
            sealedTOTPSecret: nil, lastTOTPStep: 0, failedLogins: 0, lockedUntil: 0, calendarTokenHash: nil,
            createdAt: createdAt, version: 1)
    }

    static func newCase(
        _ number: UInt64, of organisation: OrganisationRecord, year: Int = 2026, status: String = "ouvert",
        assigneeID: String? = nil, department: String = "69", verdict: String = "insuffisant"
    ) -> NewCase {
        NewCase(
            id: hexID(5_000 + number), organisationID: organisation.id, year: year, status: status,
            assigneeID: assigneeID, department: department, verdict: verdict, mandateUntil: "2027-06-30",
            sealedContent: bytes(200 + Int(number), seed: 5_000 + number))
    }

    /// Two organisations, created: `cimade-lyon` and `gisti-paris`.
    static func twoOrganisations(_ store: any HelpDeskStore) async throws -> (OrganisationRecord, OrganisationRecord) {
        let lyon = organisation(1, slug: "cimade-lyon")
        let paris = organisation(2, slug: "gisti-paris")
        try await store.createOrganisation(lyon)
        try await store.createOrganisation(paris)
        return (lyon, paris)
    }

    /// The entry the help-desk service would append after `last`, with a stand-in hash: the previous hash, then
    /// the sequence and the actor (a chain that a test can check without hashing).
    static func entry(
        after last: AuditRecord?, organisationID: String, at: Int64, actorID: String, action: String = "case.update",
        caseID: String? = nil
    ) -> AuditRecord {
        let sequence = (last?.sequence ?? 0) + 1
        let previous = last?.hash ?? "genesis"
        return AuditRecord(
            sequence: sequence, organisationID: organisationID, at: at, actorID: actorID, action: action, caseID: caseID,
            previousHash: previous, hash: previous + "|\(sequence):\(actorID)")
    }

    // MARK: Organisations

    static func organisationsRoundTrip(_ subject: Subject) async throws {
        let store = subject.store
        let lyon = organisation(1, slug: "cimade-lyon")
        let paris = organisation(2, slug: "asso-paris", createdAt: t0 + 5)
        try await store.createOrganisation(lyon)
        try await store.createOrganisation(paris)
        try check(try await store.organisation(id: lyon.id) == lyon, "an organisation reads back by id as created")
        try check(try await store.organisation(slug: "asso-paris") == paris, "an organisation reads back by slug")
        try check(try await store.organisation(id: hexID(99)) == nil, "an unknown id reads nil")
        try check(try await store.organisation(slug: "inconnue") == nil, "an unknown slug reads nil")
        try check(try await store.organisations() == [paris, lyon], "organisations are listed by slug")

        var changed = lyon
        changed.name = "La Cimade — groupe de Lyon"
        changed.wrappedDataKey = everyByte
        changed.masterKeyID = 255
        changed.retentionMonths = 6
        try await store.updateOrganisation(changed)
        try check(try await store.organisation(id: lyon.id) == changed, "an update replaces name, key, key id, retention")
        try check(try await store.organisation(slug: "cimade-lyon") == changed, "the updated organisation keeps its slug")

        let moved = OrganisationRecord(
            id: lyon.id, slug: "autre-slug", name: "Lyon", wrappedDataKey: [1], masterKeyID: 2, retentionMonths: 12,
            createdAt: t0 + 999)
        try await store.updateOrganisation(moved)
        let stored = try unwrap(try await store.organisation(id: lyon.id), "the updated organisation exists")
        try check(stored.slug == "cimade-lyon" && stored.createdAt == t0, "an update changes neither slug nor createdAt")
        try check(
            stored.name == "Lyon" && stored.wrappedDataKey == [1] && stored.masterKeyID == 2 && stored.retentionMonths == 12,
            "the second update is stored")
        try check(try await store.organisation(slug: "autre-slug") == nil, "the slug given to an update is not used")
        try await expectError(.notFound, "updating an unknown organisation is notFound") {
            try await store.updateOrganisation(organisation(3, slug: "fantome"))
        }
        try check(try await store.organisations().count == 2, "a refused update creates nothing")
    }

    static func organisationDuplicatesConflict(_ subject: Subject) async throws {
        let store = subject.store
        let lyon = organisation(1, slug: "cimade-lyon")
        try await store.createOrganisation(lyon)
        try await expectError(.conflict, "an organisation with a taken id conflicts") {
            try await store.createOrganisation(
                OrganisationRecord(
                    id: lyon.id, slug: "autre", name: "Autre", wrappedDataKey: [1], masterKeyID: 0, retentionMonths: 1,
                    createdAt: t0))
        }
        try await expectError(.conflict, "an organisation with a taken slug conflicts") {
            try await store.createOrganisation(organisation(2, slug: "cimade-lyon"))
        }
        try check(try await store.organisations() == [lyon], "refused creations leave the organisations as they were")
        try check(try await store.organisation(slug: "autre") == nil, "a refused creation stores nothing")
        try check(try await store.organisation(id: organisation(2, slug: "x").id) == nil, "a refused creation stores nothing")
    }

    // MARK: Accounts

    static func accountsRoundTrip(_ subject: Subject) async throws {
        let store = subject.store
        let (lyon, paris) = try await twoOrganisations(store)
        let full = AccountRecord(
            id: hexID(2_001), organisationID: lyon.id, emailLookup: hex64(3_001), sealedProfile: everyByte, role: "juriste",
            status: .active, passwordHash: "$2b$12$abcdefghijklmnopqrstuv", sealedTOTPSecret: [0, 1, 255],
            lastTOTPStep: 59_875_200, failedLogins: 2, lockedUntil: t0 + 900, calendarTokenHash: hex64(9_001),
            createdAt: t0, version: 7)
        let created = try await store.createAccount(full)
        let expected = full.at(version: 1)
        try check(created == expected, "createAccount returns the account at version 1, got \(created)")
        try check(try await store.account(id: full.id) == expected, "an account reads back by id")
        try check(try await store.account(emailLookup: hex64(3_001)) == expected, "an account reads back by email lookup")
        try check(try await store.account(calendarTokenHash: hex64(9_001)) == expected, "and by calendar token hash")
        try check(try await store.account(id: hexID(99)) == nil, "an unknown account id reads nil")
        try check(try await store.account(emailLookup: hex64(99)) == nil, "an unknown email lookup reads nil")
        try check(try await store.account(calendarTokenHash: hex64(99)) == nil, "an unknown calendar token reads nil")

        // Two accounts without password, second factor or calendar feed: the nils round-trip and do not collide.
        let later = try await store.createAccount(account(2, of: lyon, createdAt: t0 + 20))
        let earlier = try await store.createAccount(account(3, of: lyon, createdAt: t0 - 20))
        let elsewhere = try await store.createAccount(account(4, of: paris, createdAt: t0 - 100))
        try check(later == account(2, of: lyon, createdAt: t0 + 20), "an account with nil fields round-trips")
        try check(try await store.account(id: earlier.id) == earlier, "a second account without calendar feed is kept")
        try check(
            try await store.accounts(organisationID: lyon.id) == [earlier, expected, later],
            "an organisation's accounts are listed oldest first, and only its own")
        try check(try await store.accounts(organisationID: paris.id) == [elsewhere], "the other organisation's accounts")
        try check(try await store.accounts(organisationID: hexID(99)).isEmpty, "an unknown organisation has no accounts")
    }

    static func accountDuplicatesConflict(_ subject: Subject) async throws {
        let store = subject.store
        let (lyon, paris) = try await twoOrganisations(store)
        let first = try await store.createAccount(account(1, of: lyon))
        let sameID = AccountRecord(
            id: first.id, organisationID: lyon.id, emailLookup: hex64(77), sealedProfile: [1], role: "admin",
            status: .active, passwordHash: nil, sealedTOTPSecret: nil, lastTOTPStep: 0, failedLogins: 0, lockedUntil: 0,
            calendarTokenHash: nil, createdAt: t0, version: 1)
        try await expectError(.conflict, "an account with a taken id conflicts") { try await store.createAccount(sameID) }
        let sameEmail = AccountRecord(
            id: hexID(77), organisationID: paris.id, emailLookup: first.emailLookup, sealedProfile: [1], role: "admin",
            status: .active, passwordHash: nil, sealedTOTPSecret: nil, lastTOTPStep: 0, failedLogins: 0, lockedUntil: 0,
            calendarTokenHash: nil, createdAt: t0, version: 1)
        try await expectError(.conflict, "an email lookup taken in another organisation conflicts too") {
            try await store.createAccount(sameEmail)
        }
        try check(try await store.account(id: first.id) == first, "refused creations leave the account as it was")
        try check(try await store.account(emailLookup: hex64(77)) == nil, "a refused creation stores nothing")
        try check(try await store.account(id: hexID(77)) == nil, "a refused creation stores nothing")
        try check(try await store.accounts(organisationID: paris.id).isEmpty, "nothing was added to the other organisation")
    }

    static func accountUpdatesCompareVersions(_ subject: Subject) async throws {
        let store = subject.store
        let (lyon, _) = try await twoOrganisations(store)
        let created = try await store.createAccount(account(1, of: lyon))
        var changed = created
        changed.sealedProfile = [9, 9, 9]
        changed.role = "juriste"
        changed.status = .active
        changed.passwordHash = "$2b$12$0123456789abcdefghijkl"
        changed.sealedTOTPSecret = everyByte
        changed.lastTOTPStep = 59_875_201
        changed.failedLogins = 3
        changed.lockedUntil = t0 + 60
        changed.calendarTokenHash = hex64(9_001)
        let second = try await store.updateAccount(changed)
        try check(second == changed.at(version: 2), "an update replaces every mutable field at the next version")
        try check(try await store.account(id: created.id) == second, "the update is stored")
        try check(try await store.account(calendarTokenHash: hex64(9_001)) == second, "the new calendar token finds it")

        var cleared = second
        cleared.sealedTOTPSecret = nil
        cleared.calendarTokenHash = nil
        cleared.status = .disabled
        let third = try await store.updateAccount(cleared)
        try check(third == cleared.at(version: 3), "an update can set optional fields back to nil")
        try check(try await store.account(calendarTokenHash: hex64(9_001)) == nil, "a removed calendar token finds nothing")

        try await expectError(.conflict, "an update at a stale version conflicts") { try await store.updateAccount(changed) }
        try await expectError(.conflict, "an update at a future version conflicts") {
            try await store.updateAccount(third.at(version: 9))
        }
        try check(try await store.account(id: created.id) == third, "refused updates change nothing")
        try await expectError(.notFound, "updating an unknown account is notFound") {
            try await store.updateAccount(account(5, of: lyon))
        }
        try check(try await store.account(id: account(5, of: lyon).id) == nil, "a refused update creates nothing")

        let renamed = AccountRecord(
            id: created.id, organisationID: lyon.id, emailLookup: hex64(3_777), sealedProfile: [1], role: "admin",
            status: .active, passwordHash: nil, sealedTOTPSecret: nil, lastTOTPStep: 0, failedLogins: 0, lockedUntil: 0,
            calendarTokenHash: nil, createdAt: t0 + 999, version: 3)
        let fourth = try await store.updateAccount(renamed)
        try check(
            fourth.emailLookup == created.emailLookup && fourth.createdAt == created.createdAt && fourth.version == 4,
            "an update keeps the email lookup and createdAt, got \(fourth)")
        try check(try await store.account(emailLookup: hex64(3_777)) == nil, "the email lookup given to an update is unused")
        try check(fourth.role == "admin" && fourth.sealedProfile == [1], "and replaces the rest")
    }

    static func concurrentAccountUpdatesLetOneWin(_ subject: Subject) async throws {
        let store = subject.store
        let (lyon, _) = try await twoOrganisations(store)
        let created = try await store.createAccount(account(1, of: lyon))
        let writers = 8
        let winners = try await withThrowingTaskGroup(of: Int?.self) { group in
            for writer in 1...writers {
                group.addTask {
                    var attempt = created
                    attempt.failedLogins = writer
                    do {
                        _ = try await store.updateAccount(attempt)
                        return writer
                    } catch let error as StorageError where error.code == .conflict {
                        return nil
                    }
                }
            }
            var winners: [Int] = []
            for try await winner in group { winners.append(contentsOf: winner.map { [$0] } ?? []) }
            return winners
        }
        try check(winners.count == 1, "exactly one of \(writers) racing account updates wins, got \(winners)")
        let stored = try unwrap(try await store.account(id: created.id), "the raced account exists")
        try check(stored.version == 2, "the raced account is at version 2, got \(stored.version)")
        try check(stored.failedLogins == winners.first, "the winner's change is stored")
    }

    // MARK: Invitations

    static func invitationWorksOnce(_ subject: Subject) async throws {
        let store = subject.store
        let (lyon, _) = try await twoOrganisations(store)
        let member = try await store.createAccount(account(1, of: lyon))
        let invitation = InvitationRecord(
            tokenHash: hex64(7_001), accountID: member.id, organisationID: lyon.id, expiresAt: t0 + 7 * day)
        try await store.createInvitation(invitation)
        try await expectError(.conflict, "an invitation with a taken token hash conflicts") {
            try await store.createInvitation(
                InvitationRecord(tokenHash: hex64(7_001), accountID: member.id, organisationID: lyon.id, expiresAt: t0))
        }
        try check(try await store.invitation(tokenHash: hex64(7_001), now: t0) == invitation, "an invitation reads back")
        try check(
            try await store.invitation(tokenHash: hex64(7_001), now: t0 + 1) == invitation,
            "reading an invitation does not use it (and the refused duplicate did not replace it)")
        try check(try await store.takeInvitation(tokenHash: hex64(7_001), now: t0 + 2) == invitation, "a link works")
        try check(try await store.takeInvitation(tokenHash: hex64(7_001), now: t0 + 3) == nil, "…once")
        try check(try await store.invitation(tokenHash: hex64(7_001), now: t0 + 3) == nil, "a used invitation is gone")
        try check(try await store.takeInvitation(tokenHash: hex64(7_999), now: t0) == nil, "an unknown link works never")
        try check(try await store.invitation(tokenHash: hex64(7_999), now: t0) == nil, "an unknown link reads nil")

        let raced = InvitationRecord(tokenHash: hex64(7_002), accountID: member.id, organisationID: lyon.id, expiresAt: t0 + day)
        try await store.createInvitation(raced)
        let takers = 10
        let taken = try await withThrowingTaskGroup(of: InvitationRecord?.self) { group in
            for _ in 0..<takers {
                group.addTask { try await store.takeInvitation(tokenHash: hex64(7_002), now: t0 + 10) }
            }
            var taken: [InvitationRecord] = []
            for try await invitation in group { taken.append(contentsOf: invitation.map { [$0] } ?? []) }
            return taken
        }
        try check(taken == [raced], "of \(takers) racing uses of one link, exactly one gets it, got \(taken.count)")
        try await checkRowCounts(subject, ["invitation": 0], "after using both invitations")
    }

    static func invitationExpires(_ subject: Subject) async throws {
        let store = subject.store
        let (lyon, _) = try await twoOrganisations(store)
        let member = try await store.createAccount(account(1, of: lyon))
        let expiry = t0 + day
        let invitation = InvitationRecord(tokenHash: hex64(7_001), accountID: member.id, organisationID: lyon.id, expiresAt: expiry)
        try await store.createInvitation(invitation)
        try check(try await store.invitation(tokenHash: hex64(7_001), now: expiry - 1) == invitation, "valid before expiry")
        try check(try await store.invitation(tokenHash: hex64(7_001), now: expiry) == nil, "expired at its expiry instant")
        try check(try await store.takeInvitation(tokenHash: hex64(7_001), now: expiry) == nil, "an expired link is refused")
        try check(try await store.takeInvitation(tokenHash: hex64(7_001), now: expiry + day) == nil, "and stays refused")
        try check(
            try await store.invitation(tokenHash: hex64(7_001), now: t0) == invitation,
            "a refused use does not remove the invitation (as seen with an earlier clock)")
        try check(
            try await store.takeInvitation(tokenHash: hex64(7_001), now: expiry - 1) == invitation,
            "the link works for whoever is still in time")
    }

    // MARK: Sessions

    static func sessionsIdleCutoff(_ subject: Subject) async throws {
        let store = subject.store
        let (lyon, _) = try await twoOrganisations(store)
        let member = try await store.createAccount(account(1, of: lyon))
        let pending = SessionRecord(
            idHash: hex64(8_001), accountID: member.id, organisationID: lyon.id, isComplete: false, createdAt: t0,
            lastSeenAt: t0)
        let complete = SessionRecord(
            idHash: hex64(8_002), accountID: member.id, organisationID: lyon.id, isComplete: true, createdAt: t0 - 50,
            lastSeenAt: t0 + 10)
        try await store.createSession(pending)
        try await store.createSession(complete)
        try check(try await store.session(idHash: hex64(8_001), idleCutoff: t0 - 100) == pending, "a session reads back")
        try check(try await store.session(idHash: hex64(8_001), idleCutoff: t0) == pending, "seen at the cutoff: kept")
        try check(try await store.session(idHash: hex64(8_001), idleCutoff: t0 + 1) == nil, "seen before the cutoff: nil")
        try check(try await store.session(idHash: hex64(8_002), idleCutoff: t0) == complete, "isComplete round-trips")
        try check(try await store.session(idHash: hex64(8_999), idleCutoff: 0) == nil, "an unknown session reads nil")

        try await store.touchSession(idHash: hex64(8_001), now: t0 + 600)
        var touched = pending
        touched.lastSeenAt = t0 + 600
        try check(try await store.session(idHash: hex64(8_001), idleCutoff: t0 + 600) == touched, "a touch moves lastSeenAt")
        try await store.touchSession(idHash: hex64(8_001), now: t0 + 300)
        try check(
            try await store.session(idHash: hex64(8_001), idleCutoff: 0)?.lastSeenAt == t0 + 600,
            "a touch with an earlier clock does not move lastSeenAt back")
        try await store.touchSession(idHash: hex64(8_999), now: t0)
        try check(try await store.session(idHash: hex64(8_999), idleCutoff: 0) == nil, "touching a gone session creates none")

        try await store.deleteSession(idHash: hex64(8_001))
        try check(try await store.session(idHash: hex64(8_001), idleCutoff: 0) == nil, "a deleted session reads nil")
        try check(try await store.session(idHash: hex64(8_002), idleCutoff: 0) == complete, "other sessions stay")
        try await store.deleteSession(idHash: hex64(8_001))
        try await checkRowCounts(subject, ["desk_session": 1], "after deleting one of two sessions (twice)")
    }

    static func deleteSessionsOfAccount(_ subject: Subject) async throws {
        let store = subject.store
        let (lyon, paris) = try await twoOrganisations(store)
        let leaving = try await store.createAccount(account(1, of: lyon))
        let colleague = try await store.createAccount(account(2, of: lyon))
        let elsewhere = try await store.createAccount(account(3, of: paris))
        var number: UInt64 = 8_000
        for member in [leaving, leaving, leaving, colleague, elsewhere] {
            number += 1
            try await store.createSession(
                SessionRecord(
                    idHash: hex64(number), accountID: member.id, organisationID: member.organisationID, isComplete: true,
                    createdAt: t0, lastSeenAt: t0))
        }
        try check(try await store.deleteSessions(accountID: leaving.id) == 3, "« se déconnecter partout » ends 3 sessions")
        for gone in 8_001...8_003 as ClosedRange<UInt64> {
            try check(try await store.session(idHash: hex64(gone), idleCutoff: 0) == nil, "the account's sessions are gone")
        }
        try check(try await store.session(idHash: hex64(8_004), idleCutoff: 0) != nil, "a colleague's session stays")
        try check(try await store.session(idHash: hex64(8_005), idleCutoff: 0) != nil, "another organisation's stays")
        try check(try await store.deleteSessions(accountID: leaving.id) == 0, "a second sweep finds nothing")
        try check(try await store.deleteSessions(accountID: hexID(99)) == 0, "an unknown account has no sessions")
    }

    static func deleteExpiredSessionsAndInvitations(_ subject: Subject) async throws {
        let store = subject.store
        let (lyon, _) = try await twoOrganisations(store)
        let member = try await store.createAccount(account(1, of: lyon))
        let cutoff = t0 + 1_000
        let seen: [(UInt64, Int64)] = [(8_001, t0), (8_002, cutoff - 1), (8_003, cutoff), (8_004, t0 + 5_000), (8_005, t0)]
        for (number, lastSeen) in seen {
            try await store.createSession(
                SessionRecord(
                    idHash: hex64(number), accountID: member.id, organisationID: lyon.id, isComplete: true, createdAt: t0,
                    lastSeenAt: lastSeen))
        }
        try await store.touchSession(idHash: hex64(8_005), now: t0 + 2_000)
        let expiries: [(UInt64, Int64)] = [(7_001, t0 + 500), (7_002, cutoff), (7_003, cutoff + 1)]
        for (number, expiry) in expiries {
            try await store.createInvitation(
                InvitationRecord(tokenHash: hex64(number), accountID: member.id, organisationID: lyon.id, expiresAt: expiry))
        }
        try check(
            try await store.deleteExpiredSessions(before: cutoff) == 4,
            "2 sessions last seen before the cutoff and 2 invitations expired at it go")
        for number in [8_001, 8_002] as [UInt64] {
            try check(try await store.session(idHash: hex64(number), idleCutoff: 0) == nil, "idle session \(number) is gone")
        }
        for number in [8_003, 8_004, 8_005] as [UInt64] {
            try check(try await store.session(idHash: hex64(number), idleCutoff: 0) != nil, "session \(number) stays")
        }
        try check(try await store.invitation(tokenHash: hex64(7_001), now: t0) == nil, "an expired invitation is gone")
        try check(try await store.invitation(tokenHash: hex64(7_002), now: t0) == nil, "one expiring at the cutoff too")
        try check(try await store.invitation(tokenHash: hex64(7_003), now: t0) != nil, "a later one stays")
        try check(try await store.deleteExpiredSessions(before: cutoff) == 0, "a second sweep at the same cutoff finds nothing")
        try await checkRowCounts(subject, ["desk_session": 3, "invitation": 1], "after the sweep")
    }

    // MARK: Cases

    static func caseCreateAndRead(_ subject: Subject) async throws {
        let store = subject.store
        let (lyon, _) = try await twoOrganisations(store)
        let member = try await store.createAccount(account(1, of: lyon))
        let new = NewCase(
            id: hexID(5_001), organisationID: lyon.id, year: 2026, status: "ouvert", assigneeID: member.id, department: "2A",
            verdict: "recevable", mandateUntil: "2027-06-30", sealedContent: everyByte)
        let deadlines = [
            CaseDeadlineRecord(ruleID: "refere-mesures-utiles", due: "2026-12-20"),
            CaseDeadlineRecord(ruleID: "recours-gracieux", due: "2026-12-10"),
        ]
        let created = try await store.createCase(new, deadlines: deadlines, now: t0)
        let expected = CaseRecord(
            id: new.id, organisationID: lyon.id, number: "2026-0001", status: "ouvert", assigneeID: member.id,
            department: "2A", verdict: "recevable", mandateUntil: "2027-06-30", mandateRevokedAt: nil,
            sealedContent: everyByte, createdAt: t0, updatedAt: t0, closedAt: nil, version: 1)
        try check(created == expected, "createCase returns the case numbered 2026-0001 at version 1, got \(created)")
        try check(try await store.caseRecord(id: new.id, organisationID: lyon.id) == expected, "a case reads back")
        try check(try await store.cases(organisationID: lyon.id, filter: CaseFilter()) == [expected.summary], "and is listed")
        let dashboard = try await store.deadlines(organisationID: lyon.id, filter: CaseFilter())
        try check(
            dashboard == [
                DashboardDeadline(
                    caseID: new.id, caseNumber: "2026-0001", caseStatus: "ouvert", assigneeID: member.id,
                    ruleID: "recours-gracieux", due: "2026-12-10"),
                DashboardDeadline(
                    caseID: new.id, caseNumber: "2026-0001", caseStatus: "ouvert", assigneeID: member.id,
                    ruleID: "refere-mesures-utiles", due: "2026-12-20"),
            ], "the case's deadlines are stored, by day, got \(dashboard)")
        try check(try await store.caseRecord(id: hexID(99), organisationID: lyon.id) == nil, "an unknown case reads nil")

        let large = bytes(300_000, seed: 5_002)
        let bare = NewCase(
            id: hexID(5_002), organisationID: lyon.id, year: 2026, status: "en-attente", assigneeID: nil, department: "974",
            verdict: "insuffisant", mandateUntil: "2026-12-31", sealedContent: large)
        let second = try await store.createCase(bare, deadlines: [], now: t0 + 60)
        try check(second.number == "2026-0002", "the next case of the year is 2026-0002, got \(second.number)")
        let read = try unwrap(try await store.caseRecord(id: bare.id, organisationID: lyon.id), "the second case exists")
        try check(read == second && read.assigneeID == nil, "a case without assignee round-trips")
        try check(read.sealedContent == large, "a large sealed content round-trips byte for byte")
        try check(try await store.deadlines(organisationID: lyon.id, filter: CaseFilter()).count == 2, "no deadline added")
        try check(HelpDeskNumbering.caseNumber(year: 2026, count: 42) == "2026-0042", "numbers have 4 digits at least")
        try check(HelpDeskNumbering.caseNumber(year: 2026, count: 12_345) == "2026-12345", "and more when needed")
    }

    static func duplicateCaseIDUsesNoNumber(_ subject: Subject) async throws {
        let store = subject.store
        let (lyon, paris) = try await twoOrganisations(store)
        let first = try await store.createCase(newCase(1, of: lyon), deadlines: [], now: t0)
        let again = NewCase(
            id: first.id, organisationID: lyon.id, year: 2026, status: "clos", assigneeID: nil, department: "13",
            verdict: "solide", mandateUntil: "2027-01-01", sealedContent: [1, 2, 3])
        try await expectError(.conflict, "a case with a taken id conflicts") {
            try await store.createCase(again, deadlines: [CaseDeadlineRecord(ruleID: "r", due: "2026-12-24")], now: t0 + 1)
        }
        let stolen = NewCase(
            id: first.id, organisationID: paris.id, year: 2026, status: "ouvert", assigneeID: nil, department: "75",
            verdict: "insuffisant", mandateUntil: "2027-01-01", sealedContent: [4])
        try await expectError(.conflict, "a case id taken in another organisation conflicts too") {
            try await store.createCase(stolen, deadlines: [CaseDeadlineRecord(ruleID: "r", due: "2026-12-24")], now: t0 + 1)
        }
        try check(try await store.caseRecord(id: first.id, organisationID: lyon.id) == first, "the first case is unchanged")
        try check(try await store.caseRecord(id: first.id, organisationID: paris.id) == nil, "and still not the other's")
        try check(try await store.deadlines(organisationID: lyon.id, filter: CaseFilter()).isEmpty, "no deadline stored")
        try check(try await store.deadlines(organisationID: paris.id, filter: CaseFilter()).isEmpty, "nor for the other")
        let next = try await store.createCase(newCase(2, of: lyon), deadlines: [], now: t0 + 2)
        try check(next.number == "2026-0002", "a refused creation uses no number, got \(next.number)")
        let theirs = try await store.createCase(newCase(3, of: paris), deadlines: [], now: t0 + 2)
        try check(theirs.number == "2026-0001", "nor in the other organisation, got \(theirs.number)")
    }

    static func caseNumbersPerOrganisationAndYear(_ subject: Subject) async throws {
        let store = subject.store
        let (lyon, paris) = try await twoOrganisations(store)
        let steps: [(UInt64, OrganisationRecord, Int, String)] = [
            (1, lyon, 2026, "2026-0001"), (2, lyon, 2026, "2026-0002"), (3, paris, 2026, "2026-0001"),
            (4, lyon, 2027, "2027-0001"), (5, lyon, 2026, "2026-0003"), (6, paris, 2025, "2025-0001"),
            (7, lyon, 2025, "2025-0001"),
        ]
        var ids: [String: String] = [:]
        for (offset, (number, organisation, year, expected)) in steps.enumerated() {
            let created = try await store.createCase(
                newCase(number, of: organisation, year: year), deadlines: [], now: t0 + Int64(offset))
            try check(created.number == expected, "case \(number) is \(expected), got \(created.number)")
            ids[organisation.slug + "/" + expected] = created.id
        }
        let third = try unwrap(ids["cimade-lyon/2026-0003"], "the third case of 2026")
        try check(try await store.deleteCase(id: third, organisationID: lyon.id), "the third case is deleted")
        let after = try await store.createCase(newCase(8, of: lyon), deadlines: [], now: t0 + 10)
        try check(after.number == "2026-0004", "a deleted case's number is not given again, got \(after.number)")
        let listed = try await store.cases(organisationID: lyon.id, filter: CaseFilter()).map(\.number)
        try check(
            listed == ["2027-0001", "2026-0004", "2026-0002", "2026-0001", "2025-0001"],
            "cases are listed newest number first (year, then count), whatever their creation time, got \(listed)")
        let theirs = try await store.cases(organisationID: paris.id, filter: CaseFilter()).map(\.number)
        try check(theirs == ["2026-0001", "2025-0001"], "each organisation counts its own, got \(theirs)")
    }

    static func concurrentCaseNumbersAreGapless(_ subject: Subject) async throws {
        let store = subject.store
        let (lyon, paris) = try await twoOrganisations(store)
        let ours = 20
        let theirs = 5
        let created = try await withThrowingTaskGroup(of: CaseRecord.self) { group in
            for number in 1...(ours + theirs) {
                let organisation = number <= ours ? lyon : paris
                group.addTask {
                    try await store.createCase(newCase(UInt64(number), of: organisation), deadlines: [], now: t0)
                }
            }
            var created: [CaseRecord] = []
            for try await record in group { created.append(record) }
            return created
        }
        let lyonNumbers = created.filter { $0.organisationID == lyon.id }.map(\.number).sorted()
        let parisNumbers = created.filter { $0.organisationID == paris.id }.map(\.number).sorted()
        try check(
            lyonNumbers == (1...ours).map { HelpDeskNumbering.caseNumber(year: 2026, count: $0) },
            "\(ours) concurrent creations get 2026-0001…2026-0020, once each, got \(lyonNumbers)")
        try check(
            parisNumbers == (1...theirs).map { HelpDeskNumbering.caseNumber(year: 2026, count: $0) },
            "the other organisation's concurrent creations count apart, got \(parisNumbers)")
        for record in created {
            try check(
                try await store.caseRecord(id: record.id, organisationID: record.organisationID)?.number == record.number,
                "the stored number is the one returned")
        }
        let listed = try await store.cases(organisationID: lyon.id, filter: CaseFilter()).map(\.number)
        try check(listed == lyonNumbers.reversed(), "every concurrent case is listed, newest number first")
    }

    static func caseUpdatesCompareVersions(_ subject: Subject) async throws {
        let store = subject.store
        let (lyon, _) = try await twoOrganisations(store)
        let member = try await store.createAccount(account(1, of: lyon))
        let created = try await store.createCase(
            newCase(1, of: lyon, assigneeID: member.id),
            deadlines: [CaseDeadlineRecord(ruleID: "a", due: "2026-12-10"), CaseDeadlineRecord(ruleID: "b", due: "2026-12-11")],
            now: t0)
        var changed = created
        changed.status = "clos"
        changed.assigneeID = nil
        changed.department = "974"
        changed.verdict = "solide"
        changed.mandateUntil = "2027-12-31"
        changed.mandateRevokedAt = t0 + 50
        changed.sealedContent = [7, 7, 7]
        changed.closedAt = t0 + 100
        changed.updatedAt = 0
        let second = try await store.updateCase(
            changed, deadlines: [CaseDeadlineRecord(ruleID: "c", due: "2027-01-05")], now: t0 + 100)
        let expected = CaseRecord(
            id: created.id, organisationID: lyon.id, number: created.number, status: "clos", assigneeID: nil,
            department: "974", verdict: "solide", mandateUntil: "2027-12-31", mandateRevokedAt: t0 + 50,
            sealedContent: [7, 7, 7], createdAt: t0, updatedAt: t0 + 100, closedAt: t0 + 100, version: 2)
        try check(second == expected, "an update replaces the mutable fields at the next version, updated now, got \(second)")
        try check(try await store.caseRecord(id: created.id, organisationID: lyon.id) == expected, "the update is stored")
        try check(
            try await store.deadlines(organisationID: lyon.id, filter: CaseFilter()).map(\.ruleID) == ["c"],
            "an update replaces the deadlines")

        let reopened = CaseRecord(
            id: created.id, organisationID: lyon.id, number: "1999-9999", status: "ouvert", assigneeID: member.id,
            department: "69", verdict: "recevable", mandateUntil: "2027-06-30", mandateRevokedAt: nil, sealedContent: [8],
            createdAt: 5, updatedAt: 5, closedAt: nil, version: 2)
        let third = try await store.updateCase(reopened, deadlines: [], now: t0 + 200)
        try check(
            third.number == created.number && third.createdAt == t0 && third.version == 3,
            "an update keeps the number and createdAt, got \(third)")
        try check(third.closedAt == nil && third.mandateRevokedAt == nil, "an update can set closedAt and the revocation back to nil")
        try check(try await store.caseRecord(id: created.id, organisationID: lyon.id) == third, "the reopening is stored")
        try check(try await store.deadlines(organisationID: lyon.id, filter: CaseFilter()).isEmpty, "no deadlines: none left")

        try await expectError(.conflict, "an update at a stale version conflicts") {
            try await store.updateCase(changed, deadlines: [CaseDeadlineRecord(ruleID: "x", due: "2026-12-12")], now: t0 + 300)
        }
        try await expectError(.conflict, "an update at a future version conflicts") {
            try await store.updateCase(third.at(version: 9), deadlines: [CaseDeadlineRecord(ruleID: "x", due: "2026-12-12")], now: t0 + 300)
        }
        try check(try await store.caseRecord(id: created.id, organisationID: lyon.id) == third, "refused updates change nothing")
        try check(
            try await store.deadlines(organisationID: lyon.id, filter: CaseFilter()).isEmpty,
            "refused updates leave the deadlines as they were")
        let unknown = CaseRecord(
            id: hexID(99), organisationID: lyon.id, number: "2026-0099", status: "ouvert", assigneeID: nil, department: "69",
            verdict: "insuffisant", mandateUntil: "2027-06-30", mandateRevokedAt: nil, sealedContent: [1], createdAt: t0,
            updatedAt: t0, closedAt: nil, version: 1)
        try await expectError(.notFound, "updating an unknown case is notFound") {
            try await store.updateCase(unknown, deadlines: [CaseDeadlineRecord(ruleID: "x", due: "2026-12-12")], now: t0)
        }
        try check(try await store.deadlines(organisationID: lyon.id, filter: CaseFilter()).isEmpty, "and stores no deadline")

        let fourth = try await store.updateCase(third, deadlines: [], now: t0 + 150)
        try check(
            fourth.version == 4 && fourth.updatedAt == t0 + 200,
            "an update with an earlier clock does not move updatedAt back, got \(fourth.updatedAt - t0)")
    }

    static func concurrentCaseUpdatesLetOneWin(_ subject: Subject) async throws {
        let store = subject.store
        let (lyon, _) = try await twoOrganisations(store)
        let created = try await store.createCase(newCase(1, of: lyon), deadlines: [], now: t0)
        let writers = 8
        let winners = try await withThrowingTaskGroup(of: Int?.self) { group in
            for writer in 1...writers {
                group.addTask {
                    var attempt = created
                    attempt.sealedContent = [UInt8(writer)]
                    let deadlines = (0..<writer).map { CaseDeadlineRecord(ruleID: "w\(writer)-\($0)", due: "2026-12-1\($0)") }
                    do {
                        _ = try await store.updateCase(attempt, deadlines: deadlines, now: t0 + Int64(writer))
                        return writer
                    } catch let error as StorageError where error.code == .conflict {
                        return nil
                    }
                }
            }
            var winners: [Int] = []
            for try await winner in group { winners.append(contentsOf: winner.map { [$0] } ?? []) }
            return winners
        }
        try check(winners.count == 1, "exactly one of \(writers) racing case updates wins, got \(winners)")
        let winner = try unwrap(winners.first, "a winner")
        let stored = try unwrap(try await store.caseRecord(id: created.id, organisationID: lyon.id), "the raced case exists")
        try check(stored.version == 2 && stored.sealedContent == [UInt8(winner)], "the winner's content is stored at version 2")
        let rules = try await store.deadlines(organisationID: lyon.id, filter: CaseFilter()).map(\.ruleID)
        try check(
            rules == (0..<winner).map { "w\(winner)-\($0)" },
            "the deadlines are exactly the winner's, none of the losers', got \(rules)")
    }

    /// The organisation boundary: every case method called with another organisation's id sees nothing and changes
    /// nothing, whatever the filter.
    static func organisationBoundary(_ subject: Subject) async throws {
        let store = subject.store
        let (lyon, paris) = try await twoOrganisations(store)
        let member = try await store.createAccount(account(1, of: lyon))
        let opened = try await store.createCase(
            newCase(1, of: lyon, assigneeID: member.id, verdict: "solide"),
            deadlines: [CaseDeadlineRecord(ruleID: "refere-mesures-utiles", due: "2026-12-10")], now: t0)
        try await store.putCaseAttachment([1, 2, 3], slot: 0, caseID: opened.id, organisationID: lyon.id, limit: limit, now: t0)
        var closing = opened
        closing.status = "clos"
        closing.closedAt = t0 + 10
        let ours = try await store.updateCase(
            closing, deadlines: [CaseDeadlineRecord(ruleID: "refere-mesures-utiles", due: "2026-12-10")], now: t0 + 10)
        let theirs = try await store.createCase(
            newCase(2, of: paris), deadlines: [CaseDeadlineRecord(ruleID: "recours", due: "2026-12-11")], now: t0 + 20)

        // Reads from the other organisation.
        try check(try await store.caseRecord(id: ours.id, organisationID: paris.id) == nil, "another's case reads nil")
        let filters = [
            CaseFilter(), CaseFilter(assigneeID: member.id), CaseFilter(statuses: ["clos"]), CaseFilter(department: "69"),
            CaseFilter(verdicts: ["solide"]),
            CaseFilter(assigneeID: member.id, statuses: ["clos"], department: "69", verdicts: ["solide"]),
        ]
        for filter in filters {
            let listed = try await store.cases(organisationID: paris.id, filter: filter).map(\.id)
            try check(!listed.contains(ours.id), "another's case is never listed (\(filter))")
            let deadlines = try await store.deadlines(organisationID: paris.id, filter: filter).map(\.caseID)
            try check(!deadlines.contains(ours.id), "another's deadlines never reach the dashboard (\(filter))")
        }
        try check(try await store.cases(organisationID: paris.id, filter: CaseFilter()).map(\.id) == [theirs.id], "own cases only")
        try check(
            try await store.deadlines(organisationID: paris.id, filter: CaseFilter()).map(\.caseID) == [theirs.id],
            "own deadlines only")
        try check(try await store.casesClosed(before: t0 + day, organisationID: paris.id).isEmpty, "another's closed case is not purged")
        try check(try await store.caseAttachment(slot: 0, caseID: ours.id, organisationID: paris.id) == nil, "another's capture reads nil")
        try check(try await store.caseAttachments(caseID: ours.id, organisationID: paris.id).isEmpty, "another's captures are not listed")

        // Writes from the other organisation.
        let hijack = CaseRecord(
            id: ours.id, organisationID: paris.id, number: ours.number, status: "ouvert", assigneeID: nil, department: "75",
            verdict: "insuffisant", mandateUntil: "2030-01-01", mandateRevokedAt: nil, sealedContent: [6, 6],
            createdAt: t0, updatedAt: t0, closedAt: nil, version: ours.version)
        try await expectError(.notFound, "updating another's case is notFound, even at its current version") {
            try await store.updateCase(hijack, deadlines: [CaseDeadlineRecord(ruleID: "x", due: "2026-12-01")], now: t0 + 30)
        }
        try check(try await store.deleteCase(id: ours.id, organisationID: paris.id) == false, "deleting another's case says it did not exist")
        try await expectError(.notFound, "replacing a capture of another's case is notFound") {
            try await store.putCaseAttachment([6], slot: 0, caseID: ours.id, organisationID: paris.id, limit: limit, now: t0 + 30)
        }
        try await expectError(.notFound, "adding a capture to another's case is notFound") {
            try await store.putCaseAttachment([6], slot: 1, caseID: ours.id, organisationID: paris.id, limit: limit, now: t0 + 30)
        }

        // Nothing changed for the owner.
        try check(try await store.caseRecord(id: ours.id, organisationID: lyon.id) == ours, "the owner's case is unchanged")
        try check(
            try await store.deadlines(organisationID: lyon.id, filter: CaseFilter()).map(\.due) == ["2026-12-10"],
            "the owner's deadlines are unchanged")
        try check(
            try await store.caseAttachment(slot: 0, caseID: ours.id, organisationID: lyon.id)?.sealed == [1, 2, 3],
            "the owner's capture is unchanged")
        try check(
            try await store.caseAttachments(caseID: ours.id, organisationID: lyon.id).map(\.slot) == [0],
            "no capture was added")
        try check(try await store.casesClosed(before: t0 + day, organisationID: lyon.id) == [ours.id], "the owner's purge sees it")

        // The other way round, and an organisation that does not exist.
        try check(try await store.caseRecord(id: theirs.id, organisationID: lyon.id) == nil, "the boundary holds both ways")
        try check(try await store.deleteCase(id: theirs.id, organisationID: lyon.id) == false, "both ways")
        try check(try await store.caseRecord(id: theirs.id, organisationID: paris.id) == theirs, "their case is still there")
        try check(try await store.cases(organisationID: hexID(99), filter: CaseFilter()).isEmpty, "an unknown organisation sees nothing")
        try check(try await store.deadlines(organisationID: hexID(99), filter: CaseFilter()).isEmpty, "nor its dashboard")

        // Accounts and the audit log keep to their organisation too.
        try check(try await store.accounts(organisationID: paris.id).isEmpty, "another's members are not listed")
        for at in [t0, t0 + 1] {
            try await store.appendAudit(organisationID: lyon.id) { last in
                entry(after: last, organisationID: lyon.id, at: at, actorID: member.id, caseID: ours.id)
            }
        }
        let first = try await store.appendAudit(organisationID: paris.id) { last in
            entry(after: last, organisationID: paris.id, at: t0 + 2, actorID: "cli", action: last == nil ? "first" : "wrong")
        }
        try check(first.sequence == 1 && first.action == "first", "each organisation's log starts at 1, from nothing")
        try check(
            try await store.auditRecords(organisationID: paris.id, after: 0, limit: 100) == [first],
            "an organisation reads only its own log")
    }

    static func caseListFilters(_ subject: Subject) async throws {
        let store = subject.store
        let (lyon, _) = try await twoOrganisations(store)
        let alice = try await store.createAccount(account(1, of: lyon)).id
        let bob = try await store.createAccount(account(2, of: lyon)).id
        let specs: [(String, String?, String, String)] = [
            ("ouvert", alice, "69", "insuffisant"), ("en-attente", bob, "69", "recevable"), ("clos", alice, "2A", "solide"),
            ("depose", nil, "974", "recevable"), ("ouvert", bob, "2A", "insuffisant"),
        ]
        var summaries: [CaseSummary] = []
        for (index, (status, assignee, department, verdict)) in specs.enumerated() {
            let created = try await store.createCase(
                newCase(UInt64(index + 1), of: lyon, status: status, assigneeID: assignee, department: department, verdict: verdict),
                deadlines: [], now: t0 + Int64(index))
            summaries.append(created.summary)
        }
        func listed(_ filter: CaseFilter) async throws -> [String] {
            try await store.cases(organisationID: lyon.id, filter: filter).map(\.number)
        }
        let all = try await store.cases(organisationID: lyon.id, filter: CaseFilter())
        try check(all == summaries.reversed(), "no filter: every case, newest number first, as summaries")
        let expectations: [(CaseFilter, [String], String)] = [
            (CaseFilter(assigneeID: alice), ["2026-0003", "2026-0001"], "a member's cases"),
            (CaseFilter(assigneeID: hexID(99)), [], "a member without cases"),
            (CaseFilter(statuses: ["ouvert"]), ["2026-0005", "2026-0001"], "one status"),
            (CaseFilter(statuses: ["ouvert", "clos"]), ["2026-0005", "2026-0003", "2026-0001"], "two statuses"),
            (CaseFilter(statuses: ["inconnu"]), [], "an unknown status"),
            (CaseFilter(department: "2A"), ["2026-0005", "2026-0003"], "one département"),
            (CaseFilter(department: "974"), ["2026-0004"], "an overseas département"),
            (CaseFilter(verdicts: ["recevable"]), ["2026-0004", "2026-0002"], "one verdict"),
            (CaseFilter(verdicts: ["recevable", "solide"]), ["2026-0004", "2026-0003", "2026-0002"], "two verdicts"),
            (
                CaseFilter(assigneeID: bob, statuses: ["ouvert", "en-attente"], department: "69"), ["2026-0002"],
                "assignee, statuses and département together"
            ),
            (CaseFilter(assigneeID: alice, verdicts: ["recevable"]), [], "filters that exclude each other"),
            (CaseFilter(department: "69' OR '1'='1"), [], "a hostile filter value is a value, not SQL"),
            (CaseFilter(statuses: ["ouvert') OR ('1'='1"]), [], "a hostile status is a value, not SQL"),
        ]
        for (filter, expected, what) in expectations {
            let numbers = try await listed(filter)
            try check(numbers == expected, "\(what): expected \(expected), got \(numbers)")
        }
    }

    static func dashboardDeadlines(_ subject: Subject) async throws {
        let store = subject.store
        let (lyon, paris) = try await twoOrganisations(store)
        let alice = try await store.createAccount(account(1, of: lyon)).id
        let bob = try await store.createAccount(account(2, of: lyon)).id
        let first = try await store.createCase(
            newCase(1, of: lyon, status: "ouvert", assigneeID: alice, department: "69", verdict: "insuffisant"),
            deadlines: [], now: t0)
        let second = try await store.createCase(
            newCase(2, of: lyon, status: "en-attente", assigneeID: bob, department: "2A", verdict: "recevable"),
            deadlines: [CaseDeadlineRecord(ruleID: "r-c", due: "2026-12-05"), CaseDeadlineRecord(ruleID: "r-d", due: "2027-01-15")],
            now: t0 + 1)
        let third = try await store.createCase(
            newCase(3, of: lyon, status: "clos", assigneeID: alice, department: "974", verdict: "solide"),
            deadlines: [CaseDeadlineRecord(ruleID: "r-e", due: "2026-12-01")], now: t0 + 2)
        let older = try await store.createCase(
            newCase(4, of: lyon, year: 2025, status: "depose", assigneeID: nil, department: "69", verdict: "recevable"),
            deadlines: [CaseDeadlineRecord(ruleID: "r-f", due: "2026-12-05")], now: t0 + 3)
        _ = try await store.createCase(
            newCase(5, of: lyon), deadlines: [], now: t0 + 4)
        _ = try await store.createCase(
            newCase(6, of: paris), deadlines: [CaseDeadlineRecord(ruleID: "ailleurs", due: "2026-12-02")], now: t0 + 5)
        // The first case's deadlines are written last: the order cannot come from the order of insertion.
        _ = try await store.updateCase(
            first, deadlines: [CaseDeadlineRecord(ruleID: "r-a", due: "2026-12-20"), CaseDeadlineRecord(ruleID: "r-b", due: "2026-12-05")],
            now: t0 + 6)

        func line(_ record: CaseRecord, _ rule: String, _ due: String) -> DashboardDeadline {
            DashboardDeadline(
                caseID: record.id, caseNumber: record.number, caseStatus: record.status, assigneeID: record.assigneeID,
                ruleID: rule, due: due)
        }
        let everything = [
            line(third, "r-e", "2026-12-01"), line(older, "r-f", "2026-12-05"), line(first, "r-b", "2026-12-05"),
            line(second, "r-c", "2026-12-05"), line(first, "r-a", "2026-12-20"), line(second, "r-d", "2027-01-15"),
        ]
        let all = try await store.deadlines(organisationID: lyon.id, filter: CaseFilter())
        try check(
            all == everything,
            "every deadline of the organisation, by day then case number (2025-0001 before 2026-0001), got \(all.map { "\($0.due) \($0.caseNumber)" })")
        let expectations: [(CaseFilter, [DashboardDeadline], String)] = [
            (CaseFilter(assigneeID: alice), [everything[0], everything[2], everything[4]], "a member's deadlines"),
            (CaseFilter(statuses: ["ouvert", "en-attente"]), [everything[2], everything[3], everything[4], everything[5]], "open cases"),
            (CaseFilter(department: "2A"), [everything[3], everything[5]], "one département"),
            (CaseFilter(verdicts: ["solide"]), [everything[0]], "one verdict"),
            (CaseFilter(assigneeID: bob, statuses: ["clos"]), [], "filters that exclude each other"),
        ]
        for (filter, expected, what) in expectations {
            let got = try await store.deadlines(organisationID: lyon.id, filter: filter)
            try check(got == expected, "\(what): expected \(expected.map(\.ruleID)), got \(got.map(\.ruleID))")
        }

        var filed = second
        filed.status = "depose"
        let updated = try await store.updateCase(filed, deadlines: [CaseDeadlineRecord(ruleID: "r-g", due: "2026-12-03")], now: t0 + 7)
        let after = try await store.deadlines(organisationID: lyon.id, filter: CaseFilter())
        try check(
            after == [
                line(third, "r-e", "2026-12-01"), line(updated, "r-g", "2026-12-03"), line(older, "r-f", "2026-12-05"),
                line(first, "r-b", "2026-12-05"), line(first, "r-a", "2026-12-20"),
            ], "an update replaces the case's deadlines and its status shows on the dashboard, got \(after.map(\.ruleID))")
        let same = [CaseDeadlineRecord(ruleID: "r-h", due: "2026-12-09"), CaseDeadlineRecord(ruleID: "r-h", due: "2026-12-09")]
        _ = try await store.updateCase(updated, deadlines: same, now: t0 + 8)
        try check(
            try await store.deadlines(organisationID: lyon.id, filter: CaseFilter(department: "2A")).map(\.ruleID) == ["r-h", "r-h"],
            "the same deadline given twice is kept twice")
    }

    // MARK: Case captures

    static func caseAttachmentsRoundTrip(_ subject: Subject) async throws {
        let store = subject.store
        let (lyon, _) = try await twoOrganisations(store)
        let record = try await store.createCase(newCase(1, of: lyon), deadlines: [], now: t0)
        let blobs: [Int: [UInt8]] = [0: bytes(100, seed: 10), 3: bytes(5_000, seed: 13), 1: everyByte]
        for (offset, slot) in [3, 0, 1].enumerated() {
            let blob = try unwrap(blobs[slot], "fixture slot \(slot)")
            try await store.putCaseAttachment(
                blob, slot: slot, caseID: record.id, organisationID: lyon.id, limit: limit, now: t0 + Int64(offset))
        }
        for (offset, slot) in [3, 0, 1].enumerated() {
            let blob = try unwrap(blobs[slot], "fixture slot \(slot)")
            let read = try unwrap(
                try await store.caseAttachment(slot: slot, caseID: record.id, organisationID: lyon.id), "slot \(slot) reads back")
            try check(
                read == SealedAttachment(slot: slot, sealed: blob, updatedAt: t0 + Int64(offset)),
                "slot \(slot) round-trips byte for byte with its time")
        }
        let listed = try await store.caseAttachments(caseID: record.id, organisationID: lyon.id)
        try check(
            listed == [
                SealedAttachmentInfo(slot: 0, byteCount: 100, updatedAt: t0 + 1),
                SealedAttachmentInfo(slot: 1, byteCount: 512, updatedAt: t0 + 2),
                SealedAttachmentInfo(slot: 3, byteCount: 5_000, updatedAt: t0),
            ], "captures are listed by slot with their sizes, got \(listed)")
        try check(try await store.caseAttachment(slot: 2, caseID: record.id, organisationID: lyon.id) == nil, "an empty slot reads nil")
        try check(try await store.caseAttachment(slot: 0, caseID: hexID(99), organisationID: lyon.id) == nil, "an unknown case's slot")
        try check(try await store.caseAttachments(caseID: hexID(99), organisationID: lyon.id).isEmpty, "an unknown case lists none")

        let replacement = bytes(42, seed: 99)
        try await store.putCaseAttachment(replacement, slot: 3, caseID: record.id, organisationID: lyon.id, limit: limit, now: t0 + day)
        try check(
            try await store.caseAttachment(slot: 3, caseID: record.id, organisationID: lyon.id)
                == SealedAttachment(slot: 3, sealed: replacement, updatedAt: t0 + day),
            "a put replaces the slot")
        try check(
            try await store.caseAttachments(caseID: record.id, organisationID: lyon.id).map(\.byteCount) == [100, 512, 42],
            "the replaced slot has its new size")
        try await store.putCaseAttachment([], slot: 4, caseID: record.id, organisationID: lyon.id, limit: limit, now: t0)
        try check(
            try await store.caseAttachment(slot: 4, caseID: record.id, organisationID: lyon.id)?.sealed == [],
            "an empty capture round-trips")
        try await expectError(.notFound, "a capture for an unknown case is notFound") {
            try await store.putCaseAttachment([1], slot: 0, caseID: hexID(99), organisationID: lyon.id, limit: limit, now: t0)
        }
        try await checkRowCounts(subject, ["case_attachment": 4], "after four slots were filled")
    }

    static func attachmentOverLimitIsRefused(_ subject: Subject) async throws {
        let store = subject.store
        let (lyon, _) = try await twoOrganisations(store)
        let record = try await store.createCase(newCase(1, of: lyon), deadlines: [], now: t0)
        let atLimit = bytes(1_000, seed: 5)
        try await store.putCaseAttachment(atLimit, slot: 0, caseID: record.id, organisationID: lyon.id, limit: 1_000, now: t0)
        try check(
            try await store.caseAttachment(slot: 0, caseID: record.id, organisationID: lyon.id)?.sealed == atLimit,
            "a capture at the limit is kept")
        let error = try await expectError(.conflict, "a capture over the limit is refused") {
            try await store.putCaseAttachment(
                atLimit + [0], slot: 1, caseID: record.id, organisationID: lyon.id, limit: 1_000, now: t0 + 5)
        }
        try check(
            error.attachmentTooLarge == AttachmentTooLarge(byteCount: 1_001, limit: 1_000),
            "the refusal says the size and the limit, got \(error)")
        try await expectError(.conflict, "an over-limit replacement is refused too") {
            try await store.putCaseAttachment(
                atLimit + [0], slot: 0, caseID: record.id, organisationID: lyon.id, limit: 1_000, now: t0 + 5)
        }
        try check(
            try await store.caseAttachment(slot: 0, caseID: record.id, organisationID: lyon.id)
                == SealedAttachment(slot: 0, sealed: atLimit, updatedAt: t0),
            "a refused put keeps the old bytes and time")
        try check(
            try await store.caseAttachments(caseID: record.id, organisationID: lyon.id).map(\.slot) == [0],
            "a refused put stores nothing")
    }

    // MARK: Erasing

    static func deleteCaseCascades(_ subject: Subject) async throws {
        let store = subject.store
        let (lyon, _) = try await twoOrganisations(store)
        let doomed = try await store.createCase(
            newCase(1, of: lyon),
            deadlines: [CaseDeadlineRecord(ruleID: "a", due: "2026-12-10"), CaseDeadlineRecord(ruleID: "b", due: "2026-12-11")],
            now: t0)
        let kept = try await store.createCase(
            newCase(2, of: lyon), deadlines: [CaseDeadlineRecord(ruleID: "c", due: "2026-12-12")], now: t0)
        for slot in 0..<3 {
            try await store.putCaseAttachment(
                bytes(200, seed: UInt64(slot)), slot: slot, caseID: doomed.id, organisationID: lyon.id, limit: limit, now: t0)
        }
        try await store.putCaseAttachment([5], slot: 0, caseID: kept.id, organisationID: lyon.id, limit: limit, now: t0)
        try await checkRowCounts(
            subject, ["help_case": 2, "case_deadline": 3, "case_attachment": 4], "before deleting")

        try check(try await store.deleteCase(id: doomed.id, organisationID: lyon.id), "deleting a case says it existed")
        try check(try await store.caseRecord(id: doomed.id, organisationID: lyon.id) == nil, "a deleted case reads nil")
        try check(try await store.cases(organisationID: lyon.id, filter: CaseFilter()) == [kept.summary], "and is not listed")
        try check(
            try await store.deadlines(organisationID: lyon.id, filter: CaseFilter()).map(\.caseID) == [kept.id],
            "its deadlines are gone, the others' stay")
        try check(try await store.caseAttachments(caseID: doomed.id, organisationID: lyon.id).isEmpty, "its captures are gone")
        try check(
            try await store.caseAttachment(slot: 0, caseID: kept.id, organisationID: lyon.id)?.sealed == [5],
            "another case's capture stays")
        try await checkRowCounts(
            subject, ["help_case": 1, "case_deadline": 1, "case_attachment": 1], "after deleting one case of two")
        try check(try await store.deleteCase(id: doomed.id, organisationID: lyon.id) == false, "a second delete says it did not exist")

        let reborn = try await store.createCase(
            NewCase(
                id: doomed.id, organisationID: lyon.id, year: 2026, status: "ouvert", assigneeID: nil, department: "69",
                verdict: "insuffisant", mandateUntil: "2027-06-30", sealedContent: [1]),
            deadlines: [], now: t0 + day)
        try check(reborn.number == "2026-0003", "the erased case's id can be used again, with a new number")
        for slot in 0..<3 {
            try check(
                try await store.caseAttachment(slot: slot, caseID: doomed.id, organisationID: lyon.id) == nil,
                "nothing of the erased case comes back with its id (slot \(slot))")
        }
        try check(
            try await store.deadlines(organisationID: lyon.id, filter: CaseFilter()).map(\.caseID) == [kept.id],
            "no erased deadline comes back with the id")
    }

    static func casesClosedBefore(_ subject: Subject) async throws {
        let store = subject.store
        let (lyon, paris) = try await twoOrganisations(store)
        func close(_ record: CaseRecord, at instant: Int64?) async throws -> CaseRecord {
            var closing = record
            closing.status = instant == nil ? "ouvert" : "clos"
            closing.closedAt = instant
            return try await store.updateCase(closing, deadlines: [], now: instant ?? t0 + 500)
        }
        var cases: [CaseRecord] = []
        for number in 1...4 as ClosedRange<UInt64> {
            cases.append(try await store.createCase(newCase(number, of: lyon), deadlines: [], now: t0))
        }
        let first = try await close(cases[0], at: t0 + 100)
        _ = try await close(cases[1], at: t0 + 200)
        _ = try await close(cases[3], at: t0 + 300)
        let theirs = try await close(try await store.createCase(newCase(9, of: paris), deadlines: [], now: t0), at: t0 + 50)
        func closed(before cutoff: Int64) async throws -> [String] {
            try await store.casesClosed(before: cutoff, organisationID: lyon.id).sorted()
        }
        try check(try await closed(before: t0 + 100) == [], "a case closed at the cutoff is not before it")
        try check(try await closed(before: t0 + 200) == [cases[0].id], "strictly before the cutoff")
        try check(try await closed(before: t0 + 201) == [cases[0].id, cases[1].id].sorted(), "two closed before")
        try check(
            try await closed(before: t0 + day) == [cases[0].id, cases[1].id, cases[3].id].sorted(),
            "every closed case, never an open one")
        _ = try await close(first, at: nil)
        try check(
            try await closed(before: t0 + day) == [cases[1].id, cases[3].id].sorted(), "a reopened case is no longer closed")
        try check(try await store.casesClosed(before: t0 + day, organisationID: paris.id) == [theirs.id], "per organisation")
    }

    // MARK: Audit

    static func auditChain(_ subject: Subject) async throws {
        let store = subject.store
        let (lyon, paris) = try await twoOrganisations(store)
        let first = try await store.appendAudit(organisationID: lyon.id) { last in
            entry(after: last, organisationID: lyon.id, at: t0, actorID: "cli", action: last == nil ? "org.create" : "wrong")
        }
        try check(
            first == AuditRecord(
                sequence: 1, organisationID: lyon.id, at: t0, actorID: "cli", action: "org.create", caseID: nil,
                previousHash: "genesis", hash: "genesis|1:cli"),
            "the first entry is made from nothing and returned as made, got \(first)")
        let second = try await store.appendAudit(organisationID: lyon.id) { last in
            entry(after: last, organisationID: lyon.id, at: t0 + 1, actorID: hexID(2_001), action: last == first ? "case.open" : "wrong",
                caseID: hexID(5_001))
        }
        try check(second.sequence == 2 && second.action == "case.open", "make receives the last entry exactly, got \(second)")
        try check(second.previousHash == first.hash, "the chain links the second entry to the first")

        let skipping = try await expectError(.conflict, "an entry that skips a sequence number conflicts") {
            try await store.appendAudit(organisationID: lyon.id) { last in
                let next = entry(after: last, organisationID: lyon.id, at: t0 + 2, actorID: "system")
                return AuditRecord(
                    sequence: next.sequence + 1, organisationID: lyon.id, at: next.at, actorID: next.actorID,
                    action: next.action, caseID: nil, previousHash: next.previousHash, hash: next.hash)
            }
        }
        try check(skipping.code == .conflict, "a gap is refused")
        try await expectError(.conflict, "an entry that repeats a sequence number conflicts") {
            try await store.appendAudit(organisationID: lyon.id) { _ in
                entry(after: nil, organisationID: lyon.id, at: t0 + 2, actorID: "system")
            }
        }
        try await expectError(.conflict, "an entry for another organisation conflicts") {
            try await store.appendAudit(organisationID: lyon.id) { last in
                entry(after: last, organisationID: paris.id, at: t0 + 2, actorID: "system")
            }
        }
        try check(
            try await store.auditRecords(organisationID: lyon.id, after: 0, limit: 100) == [first, second],
            "refused entries are not written")
        try check(try await store.auditRecords(organisationID: paris.id, after: 0, limit: 100).isEmpty, "nor in the other log")
        let third = try await store.appendAudit(organisationID: lyon.id) { last in
            entry(after: last, organisationID: lyon.id, at: t0 + 3, actorID: "system", action: last == second ? "session.purge" : "wrong")
        }
        try check(third.sequence == 3 && third.action == "session.purge", "refusals use no sequence number")
        try check(
            try await store.auditRecords(organisationID: lyon.id, after: 0, limit: 100) == [first, second, third],
            "the log reads back in order, every field as made")
        try await checkRowCounts(subject, ["audit_entry": 3], "after three entries and three refusals")
    }

    static func concurrentAuditAppendsChain(_ subject: Subject) async throws {
        let store = subject.store
        let (lyon, paris) = try await twoOrganisations(store)
        let ours = 20
        let theirs = 10
        let appended = try await withThrowingTaskGroup(of: AuditRecord.self) { group in
            for writer in 1...(ours + theirs) {
                let organisation = writer <= ours ? lyon : paris
                group.addTask {
                    try await store.appendAudit(organisationID: organisation.id) { last in
                        entry(after: last, organisationID: organisation.id, at: t0, actorID: "w\(writer)")
                    }
                }
            }
            var appended: [AuditRecord] = []
            for try await record in group { appended.append(record) }
            return appended
        }
        for (organisation, count, writers) in [(lyon, ours, 1...ours), (paris, theirs, (ours + 1)...(ours + theirs))] {
            let stored = try await store.auditRecords(organisationID: organisation.id, after: 0, limit: 100)
            try check(
                stored.map(\.sequence) == Array(1...count),
                "\(count) concurrent appends give 1…\(count) in \(organisation.slug), got \(stored.map(\.sequence))")
            try check(stored.first?.previousHash == "genesis", "the first entry starts the chain")
            for (previous, next) in zip(stored, stored.dropFirst()) {
                try check(
                    next.previousHash == previous.hash,
                    "entry \(next.sequence) was made from entry \(previous.sequence) (\(organisation.slug))")
            }
            try check(
                Set(stored.map(\.actorID)) == Set(writers.map { "w\($0)" }), "every concurrent append is in the log once")
            let returned = appended.filter { $0.organisationID == organisation.id }.sorted { $0.sequence < $1.sequence }
            try check(returned == stored, "each append returned the entry stored")
        }
    }

    static func auditPaging(_ subject: Subject) async throws {
        let store = subject.store
        let (lyon, _) = try await twoOrganisations(store)
        var entries: [AuditRecord] = []
        let actors = ["cli", "system", hexID(2_001), hexID(2_002)]
        for index in 0..<7 {
            let caseID = index.isMultiple(of: 2) ? hexID(5_000 + UInt64(index)) : nil
            let at = t0 + Int64(index * 60)
            let actor = actors[index % actors.count]
            entries.append(
                try await store.appendAudit(organisationID: lyon.id) { last in
                    entry(after: last, organisationID: lyon.id, at: at, actorID: actor, action: "case.export", caseID: caseID)
                })
        }
        let pages: [(Int, Int, ArraySlice<AuditRecord>)] = [
            (0, 3, entries[0..<3]), (3, 3, entries[3..<6]), (6, 3, entries[6..<7]), (7, 3, []), (2, 1, entries[2..<3]),
            (0, 100, entries[...]), (0, 0, []), (100, 10, []),
        ]
        for (after, limit, expected) in pages {
            let page = try await store.auditRecords(organisationID: lyon.id, after: after, limit: limit)
            try check(
                page == Array(expected),
                "entries after \(after), at most \(limit): expected \(expected.map(\.sequence)), got \(page.map(\.sequence))")
        }
    }

    // MARK: Checks

    static func checkRowCounts(_ subject: Subject, _ expected: [String: Int], _ when: String, line: Int = #line) async throws {
        guard let rowCounts = subject.rowCounts else { return }
        let counts = try await rowCounts()
        for (table, count) in expected.sorted(by: { $0.key < $1.key }) {
            try check(counts[table] == count, "\(table) holds \(count) rows \(when), got \(counts[table] ?? -1)", line: line)
        }
    }

    static func check(_ condition: Bool, _ expectation: @autoclosure () -> String, line: Int = #line) throws {
        guard condition else {
            throw ContractFailure(expectation: expectation(), file: "HelpDeskStoreContract.swift", line: line)
        }
    }

    static func unwrap<T>(_ value: T?, _ expectation: @autoclosure () -> String, line: Int = #line) throws -> T {
        guard let value else {
            throw ContractFailure(expectation: expectation(), file: "HelpDeskStoreContract.swift", line: line)
        }
        return value
    }

    @discardableResult
    static func expectError<T>(
        _ code: StorageError.Code, _ expectation: String, line: Int = #line, _ body: () async throws -> T
    ) async throws -> StorageError {
        do {
            _ = try await body()
        } catch let error as StorageError {
            try check(error.code == code, "\(expectation): expected .\(code.rawValue), got \(error)", line: line)
            return error
        }
        throw ContractFailure(
            expectation: "\(expectation): expected .\(code.rawValue), but it succeeded", file: "HelpDeskStoreContract.swift",
            line: line)
    }
}

extension AccountRecord {
    /// The same account at another version (a stale or future write, or what an update returns).
    fileprivate func at(version: Int) -> AccountRecord {
        AccountRecord(
            id: id, organisationID: organisationID, emailLookup: emailLookup, sealedProfile: sealedProfile, role: role,
            status: status, passwordHash: passwordHash, sealedTOTPSecret: sealedTOTPSecret, lastTOTPStep: lastTOTPStep,
            failedLogins: failedLogins, lockedUntil: lockedUntil, calendarTokenHash: calendarTokenHash, createdAt: createdAt,
            version: version)
    }
}

extension CaseRecord {
    /// The same case at another version.
    fileprivate func at(version: Int) -> CaseRecord {
        CaseRecord(
            id: id, organisationID: organisationID, number: number, status: status, assigneeID: assigneeID,
            department: department, verdict: verdict, mandateUntil: mandateUntil, mandateRevokedAt: mandateRevokedAt,
            sealedContent: sealedContent, createdAt: createdAt, updatedAt: updatedAt, closedAt: closedAt, version: version)
    }
}

extension HelpDeskStoreContract {
    /// What ``fill(_:)`` wrote that tests read back.
    public struct Filled: Sendable {
        /// The organisation holding the cases.
        public let organisation: OrganisationRecord
        /// Its member with every optional field set.
        public let account: AccountRecord
        /// Its open case, with deadlines and captures.
        public let caseRecord: CaseRecord
    }

    /// The capture in slot 0 of the filled case: every byte value, and bytes that are not UTF-8.
    public static let capture = everyByte + [0xFF, 0xFE, 0x00]

    /// Fills an empty database with a small help desk through `store`: two organisations, accounts with and
    /// without their optional fields, an invitation, two sessions, three cases (one closed, one of another year)
    /// with deadlines and captures, and two audit entries. Used by the transfer and reopening tests.
    @discardableResult
    public static func fill(_ store: any HelpDeskStore) async throws -> Filled {
        let lyon = organisation(1, slug: "cimade-lyon")
        let paris = organisation(2, slug: "gisti-paris", createdAt: t0 + 1)
        try await store.createOrganisation(lyon)
        try await store.createOrganisation(paris)
        var full = account(1, of: lyon)
        full.status = .active
        full.role = "juriste"
        full.passwordHash = "$2b$12$abcdefghijklmnopqrstuv"
        full.sealedTOTPSecret = bytes(40, seed: 11)
        full.lastTOTPStep = 59_875_200
        full.calendarTokenHash = hex64(9_001)
        let member = try await store.updateAccount(try await store.createAccount(full))
        let invited = try await store.createAccount(account(2, of: lyon, createdAt: t0 + 2))
        let other = try await store.createAccount(account(3, of: paris))
        try await store.createInvitation(
            InvitationRecord(tokenHash: hex64(7_001), accountID: invited.id, organisationID: lyon.id, expiresAt: t0 + 7 * day))
        for (number, holder, isComplete) in [(8_001, member, true), (8_002, other, false)] as [(UInt64, AccountRecord, Bool)] {
            try await store.createSession(
                SessionRecord(
                    idHash: hex64(number), accountID: holder.id, organisationID: holder.organisationID,
                    isComplete: isComplete, createdAt: t0, lastSeenAt: t0 + 30))
        }
        let opened = try await store.createCase(
            NewCase(
                id: hexID(5_001), organisationID: lyon.id, year: 2026, status: "ouvert", assigneeID: member.id,
                department: "2A", verdict: "recevable", mandateUntil: "2027-06-30", sealedContent: everyByte),
            deadlines: [
                CaseDeadlineRecord(ruleID: "refere-mesures-utiles", due: "2026-12-20"),
                CaseDeadlineRecord(ruleID: "recours-gracieux", due: "2026-12-10"),
            ], now: t0)
        try await store.putCaseAttachment(capture, slot: 0, caseID: opened.id, organisationID: lyon.id, limit: limit, now: t0 + 5)
        try await store.putCaseAttachment(bytes(20_000, seed: 12), slot: 3, caseID: opened.id, organisationID: lyon.id, limit: limit, now: t0 + 6)
        var closing = try await store.createCase(newCase(2, of: lyon, year: 2025), deadlines: [], now: t0 + 10)
        closing.status = "clos"
        closing.closedAt = t0 + 20
        closing.mandateRevokedAt = t0 + 15
        _ = try await store.updateCase(closing, deadlines: [], now: t0 + 20)
        _ = try await store.createCase(
            newCase(3, of: paris, department: "75"), deadlines: [CaseDeadlineRecord(ruleID: "r", due: "2027-01-05")], now: t0 + 30)
        for (at, caseID) in [(t0, opened.id), (t0 + 20, nil)] as [(Int64, String?)] {
            try await store.appendAudit(organisationID: lyon.id) { last in
                entry(after: last, organisationID: lyon.id, at: at, actorID: member.id, caseID: caseID)
            }
        }
        return Filled(organisation: lyon, account: member, caseRecord: opened)
    }
}
