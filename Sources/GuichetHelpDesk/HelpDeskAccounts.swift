public import GuichetCore
public import GuichetEncryption
public import GuichetStorage
public import Foundation
public import Logging
public import CoreMetrics
internal import Synchronization

/// A logged-in member, as every help-desk request sees them: who, in which organisation, with which role.
public struct Member: Sendable, Equatable {
    public let accountID: String
    public let organisation: OrganisationRecord
    public let role: HelpDeskRole
    public let displayName: String
    public let email: String
    /// The hash of the session the request came with (to log out, never logged).
    public let sessionHash: String
    /// The anti-forgery token every form of this session carries.
    public let formToken: String

    /// Whether the policy allows `action` for this member (`assignee`: the case's assignee, if the action is on a case).
    public func may(_ action: HelpDeskAction, caseAssignee: String? = nil) -> Bool {
        HelpDeskPolicy.allows(role, action, assignedToMember: caseAssignee == accountID)
    }
}

/// A member as the members page lists them.
public struct MemberSummary: Sendable, Equatable {
    public let accountID: String
    public let displayName: String
    public let email: String
    public let role: HelpDeskRole
    public let status: AccountRecord.Status
    public let hasSecondFactor: Bool
}

/// What a login step gives: the cookie to set, and whether the second factor is still to come.
public struct LoginStep: Sendable, Equatable {
    /// The session secret for the cookie (64 hexadecimal digits): never logged.
    public let cookie: String
    public let needsSecondFactor: Bool
}

/// An invitation being accepted: for whom, and (for roles with a second factor) the TOTP set-up.
public struct InvitationView: Sendable, Equatable {
    public let organisationName: String
    public let email: String
    public let role: HelpDeskRole
    /// Set once the password is chosen, for admins and juristes: the key to type into an authenticator app.
    public let secondFactorKey: String?
    public let secondFactorURL: String?
}

/// Organisations, members, invitations and sessions of the help desk.
///
/// Passwords: bcrypt (cost 12). Second factor: TOTP for admins and juristes, required at every login. Sessions live
/// in the database; the cookie carries a 256-bit secret whose SHA-256 is the session's key; a new one is made at each
/// login step (rotation), and 8 hours without a request end it. Five wrong passwords lock the account for 15 minutes;
/// 30 login attempts from one address in 15 minutes lock that address. Names and emails are sealed under the
/// organisation's data key; an email is found by its keyed hash.
public struct HelpDeskAccounts: Sendable {
    public static let sessionIdleSeconds: Int64 = 8 * 3600
    public static let invitationLifetimeSeconds: Int64 = 7 * 24 * 3600
    public static let failuresBeforeLock = 5
    public static let lockSeconds: Int64 = 15 * 60
    public static let attemptsPerAddress = 30
    public static let addressWindowSeconds: Int64 = 15 * 60
    public static let defaultRetentionMonths = 24

    let store: any HelpDeskStore
    let vault: KeyVault
    let passwords: Passwords
    let limits: any RateLimitCounter
    let audit: AuditLog
    let logger: Logger
    let decoy: Decoy
    let logins: Logins

    /// `guichet_desk_logins_total{result}`: counts only, never who.
    struct Logins: Sendable {
        let success: Counter
        let refused: Counter
        let locked: Counter

        init(factory: any MetricsFactory) {
            func counter(_ result: String) -> Counter {
                Counter(label: "guichet_desk_logins_total", dimensions: [("result", result)], factory: factory)
            }
            success = counter("success")
            refused = counter("refused")
            locked = counter("locked")
        }

        func record(_ error: HelpDeskError) {
            if error == .lockedOut { locked.increment() } else { refused.increment() }
        }
    }

    /// A hash made once per process, checked when the email is unknown so that both cases take as long.
    final class Decoy: Sendable {
        let hash = Mutex<String?>(nil)
    }

    public init(
        store: any HelpDeskStore, vault: KeyVault, passwords: Passwords = Passwords(), limits: any RateLimitCounter,
        logger: Logger, metrics: any MetricsFactory = NOOPMetricsHandler.instance
    ) {
        self.logins = Logins(factory: metrics)
        self.store = store
        self.vault = vault
        self.passwords = passwords
        self.limits = limits
        self.audit = AuditLog(store: store)
        self.logger = logger
        self.decoy = Decoy()
    }

    // MARK: Organisations

    /// Creates an organisation with a new data key. `slug`: 2–40 lowercase letters, digits and hyphens.
    public func createOrganisation(slug: String, name: String, retentionMonths: Int = defaultRetentionMonths, now: Int64)
        async throws(HelpDeskError) -> OrganisationRecord
    {
        guard Self.isValidSlug(slug) else {
            throw .invalid("Identifiant d'organisation invalide : 2 à 40 lettres minuscules, chiffres ou tirets.")
        }
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 200 else { throw .invalid("Le nom de l'organisation est vide ou trop long.") }
        guard (1...120).contains(retentionMonths) else { throw .invalid("La durée de conservation va de 1 à 120 mois.") }
        let id = Self.newID()
        let (wrapped, masterKeyID) = try vault.newWrappedKey(organisationID: id)
        let record = OrganisationRecord(
            id: id, slug: slug, name: trimmed, wrappedDataKey: wrapped, masterKeyID: masterKeyID,
            retentionMonths: retentionMonths, createdAt: now)
        do { try await store.createOrganisation(record) } catch {
            if error.code == .conflict { throw .invalid("Une organisation porte déjà l'identifiant « \(slug) ».") }
            throw .from(error)
        }
        logger.info("organisation created", metadata: ["org.id": "\(id)"])
        return record
    }

    public func organisations() async throws(HelpDeskError) -> [OrganisationRecord] {
        do { return try await store.organisations() } catch { throw .from(error) }
    }

    public func organisation(slug: String) async throws(HelpDeskError) -> OrganisationRecord? {
        do { return try await store.organisation(slug: slug) } catch { throw .from(error) }
    }

    /// Changes the retention of closed cases (admins).
    public func setRetention(months: Int, by member: Member, now: Int64) async throws(HelpDeskError) {
        guard member.may(.manageMembers) else { throw .forbidden }
        guard (1...120).contains(months) else { throw .invalid("La durée de conservation va de 1 à 120 mois.") }
        var organisation = member.organisation
        organisation.retentionMonths = months
        do { try await store.updateOrganisation(organisation) } catch { throw .from(error) }
        try await audit.record(.settingsChange, organisationID: organisation.id, actorID: member.accountID, at: now)
    }

    static func isValidSlug(_ slug: String) -> Bool {
        (2...40).contains(slug.utf8.count)
            && slug.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
            && !slug.hasPrefix("-") && !slug.hasSuffix("-")
    }

    // MARK: Invitations

    /// Invites `email` into `organisation` with `role`: creates the account (without a password) and returns the
    /// secret of its one-time link (`/bureau/invitation/<secret>`), valid 7 days. `actorID`: the inviting member, or `cli`.
    public func invite(
        email: String, displayName: String, role: HelpDeskRole, into organisation: OrganisationRecord, actorID: String,
        now: Int64
    ) async throws(HelpDeskError) -> (account: AccountRecord, secret: String) {
        let normalised = Self.normalisedEmail(email)
        guard Self.looksLikeEmail(normalised) else { throw .invalid("Adresse électronique invalide.") }
        let name = displayName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 120 else { throw .invalid("Indiquez le nom de la personne invitée (120 caractères au plus).") }
        let sealer = try vault.sealer(for: organisation)
        let id = Self.newID()
        var random = SystemRandomNumberGenerator()
        let profile: [UInt8]
        do {
            profile = try sealer.seal(Self.profileJSON(email: normalised, name: name), record: id, field: "profile", using: &random)
        } catch { throw .sealedDataUnreadable }
        let account = AccountRecord(
            id: id, organisationID: organisation.id, emailLookup: sealer.lookupHash(normalised, purpose: "email"),
            sealedProfile: profile, role: role.rawValue, status: .invited, passwordHash: nil, sealedTOTPSecret: nil,
            lastTOTPStep: 0, failedLogins: 0, lockedUntil: 0, calendarTokenHash: nil, createdAt: now, version: 1)
        let created: AccountRecord
        do { created = try await store.createAccount(account) } catch {
            if error.code == .conflict { throw .invalid("Cette adresse a déjà un compte dans l'organisation.") }
            throw .from(error)
        }
        let secret = Self.newSecret()
        do {
            try await store.createInvitation(
                InvitationRecord(
                    tokenHash: Hashing.sha256Hex(Array(secret.utf8)), accountID: id, organisationID: organisation.id,
                    expiresAt: now + Self.invitationLifetimeSeconds))
        } catch { throw .from(error) }
        try await audit.record(.memberInvite, organisationID: organisation.id, actorID: actorID, at: now)
        logger.info("member invited", metadata: ["org.id": "\(organisation.id)", "account.id": "\(id)", "role": "\(role.rawValue)"])
        return (created, secret)
    }

    /// A new invitation link for an account that has not joined yet (the old links keep working until they expire).
    public func reinvite(accountID: String, by member: Member, now: Int64) async throws(HelpDeskError) -> String {
        guard member.may(.manageMembers) else { throw .forbidden }
        guard let account = try await account(accountID), account.organisationID == member.organisation.id else { throw .notFound }
        guard account.status == .invited else { throw .invalid("Ce compte est déjà actif.") }
        let secret = Self.newSecret()
        do {
            try await store.createInvitation(
                InvitationRecord(
                    tokenHash: Hashing.sha256Hex(Array(secret.utf8)), accountID: account.id,
                    organisationID: account.organisationID, expiresAt: now + Self.invitationLifetimeSeconds))
        } catch { throw .from(error) }
        try await audit.record(.memberInvite, organisationID: account.organisationID, actorID: member.accountID, at: now)
        return secret
    }

    /// What the invitation page shows, without using the link.
    public func invitation(secret: String, now: Int64) async throws(HelpDeskError) -> InvitationView {
        let (_, account, organisation) = try await invitationContext(secret: secret, now: now)
        return try view(of: account, in: organisation)
    }

    /// First step of joining: chooses the password. A bénévole's account is active at once (the link is used up); an
    /// admin's or juriste's gets a TOTP secret to confirm with ``confirmSecondFactor(secret:code:now:)``.
    public func choosePassword(secret: String, password: String, now: Int64) async throws(HelpDeskError) -> InvitationView {
        if let problem = Passwords.problem(with: password) { throw .invalid(problem) }
        let (_, account, organisation) = try await invitationContext(secret: secret, now: now)
        let role = HelpDeskRole(rawValue: account.role) ?? .benevole
        var changed = account
        do { changed.passwordHash = try await passwords.hash(password) } catch { throw .storage(.unavailable) }
        if role.requiresSecondFactor {
            var random = SystemRandomNumberGenerator()
            let totp = SecondFactor.newSecret(using: &random)
            do {
                changed.sealedTOTPSecret = try vault.sealer(for: organisation).seal(
                    Array(totp.utf8), record: account.id, field: "totp", using: &random)
            } catch { throw .sealedDataUnreadable }
        } else {
            guard try await takeInvitation(secret: secret, now: now) != nil else { throw .invitationNotValid }
            changed.status = .active
        }
        let saved: AccountRecord
        do { saved = try await store.updateAccount(changed) } catch { throw .from(error) }
        if saved.status == .active {
            try await audit.record(.memberJoin, organisationID: organisation.id, actorID: account.id, at: now)
        }
        return try view(of: saved, in: organisation)
    }

    /// Second step for admins and juristes: the first code from the authenticator app activates the account.
    public func confirmSecondFactor(secret: String, code: String, now: Int64) async throws(HelpDeskError) {
        let (_, account, organisation) = try await invitationContext(secret: secret, now: now)
        guard account.passwordHash != nil, let sealedTOTP = account.sealedTOTPSecret else {
            throw .invalid("Choisissez d'abord votre mot de passe.")
        }
        let totp = try openTOTP(sealedTOTP, account: account, organisation: organisation)
        guard let step = SecondFactor.acceptedStep(
            code, secret: totp, at: Date(timeIntervalSince1970: TimeInterval(now)), lastAcceptedStep: account.lastTOTPStep)
        else { throw .badSecondFactor }
        guard try await takeInvitation(secret: secret, now: now) != nil else { throw .invitationNotValid }
        var changed = account
        changed.lastTOTPStep = step
        changed.status = .active
        do { _ = try await store.updateAccount(changed) } catch { throw .from(error) }
        try await audit.record(.memberJoin, organisationID: organisation.id, actorID: account.id, at: now)
    }

    private func takeInvitation(secret: String, now: Int64) async throws(HelpDeskError) -> InvitationRecord? {
        do { return try await store.takeInvitation(tokenHash: Hashing.sha256Hex(Array(secret.utf8)), now: now) } catch {
            throw .from(error)
        }
    }

    private func invitationContext(secret: String, now: Int64) async throws(HelpDeskError)
        -> (InvitationRecord, AccountRecord, OrganisationRecord)
    {
        guard Self.isSecretShaped(secret) else { throw .invitationNotValid }
        do {
            guard let invitation = try await store.invitation(tokenHash: Hashing.sha256Hex(Array(secret.utf8)), now: now),
                let account = try await store.account(id: invitation.accountID), account.status == .invited,
                let organisation = try await store.organisation(id: invitation.organisationID)
            else { throw HelpDeskError.invitationNotValid }
            return (invitation, account, organisation)
        } catch let error as HelpDeskError {
            throw error
        } catch {
            throw .storage(.unavailable)
        }
    }

    private func view(of account: AccountRecord, in organisation: OrganisationRecord) throws(HelpDeskError) -> InvitationView {
        let profile = try openProfile(account, organisation: organisation)
        var key: String?
        var url: String?
        if account.status == .invited, let sealed = account.sealedTOTPSecret {
            let totp = try openTOTP(sealed, account: account, organisation: organisation)
            key = SecondFactor.setupKey(secret: totp)
            url = SecondFactor.authenticatorURL(secret: totp, label: profile.email, issuer: "guichet " + organisation.name)
        }
        return InvitationView(
            organisationName: organisation.name, email: profile.email, role: HelpDeskRole(rawValue: account.role) ?? .benevole,
            secondFactorKey: key, secondFactorURL: url)
    }

    // MARK: Login

    /// Checks the password. `clientKey`: an opaque key of the client's address (never the address itself).
    public func logIn(organisationID: String, email: String, password: String, clientKey: String, now: Int64)
        async throws(HelpDeskError) -> LoginStep
    {
        do {
            let step = try await checkPassword(
                organisationID: organisationID, email: email, password: password, clientKey: clientKey, now: now)
            if !step.needsSecondFactor { logins.success.increment() }
            return step
        } catch {
            logins.record(error)
            throw error
        }
    }

    func checkPassword(organisationID: String, email: String, password: String, clientKey: String, now: Int64)
        async throws(HelpDeskError) -> LoginStep
    {
        let attempts: Int
        do {
            attempts = try await limits.hit(key: "desk-login:" + clientKey, window: Self.addressWindowSeconds, now: now)
        } catch { throw .from(error) }
        guard attempts <= Self.attemptsPerAddress else { throw .lockedOut }
        guard let organisation = try await organisation(id: organisationID) else {
            _ = try? await decoyCheck(password)
            throw .badCredentials
        }
        let sealer = try vault.sealer(for: organisation)
        let lookup = sealer.lookupHash(Self.normalisedEmail(email), purpose: "email")
        let found: AccountRecord?
        do { found = try await store.account(emailLookup: lookup) } catch { throw .from(error) }
        guard let account = found, account.organisationID == organisation.id, account.status == .active,
            let hash = account.passwordHash
        else {
            _ = try? await decoyCheck(password)
            throw .badCredentials
        }
        guard account.lockedUntil <= now else { throw .lockedOut }
        let matches: Bool
        do { matches = try await passwords.verify(password, against: hash) } catch { throw .storage(.unavailable) }
        guard matches else { throw await countFailure(account, now: now, refusal: .badCredentials) }
        if account.failedLogins != 0 {
            var changed = account
            changed.failedLogins = 0
            _ = try? await store.updateAccount(changed)
        }
        let role = HelpDeskRole(rawValue: account.role) ?? .benevole
        let needsSecondFactor = role.requiresSecondFactor
        let cookie = try await openSession(account: account, complete: !needsSecondFactor, now: now)
        if !needsSecondFactor {
            try await audit.record(.memberLogin, organisationID: organisation.id, actorID: account.id, at: now)
        }
        return LoginStep(cookie: cookie, needsSecondFactor: needsSecondFactor)
    }

    /// Checks the TOTP code of a session that waits for it, and replaces that session by a complete one (new cookie).
    public func completeSecondFactor(cookie: String, code: String, now: Int64) async throws(HelpDeskError) -> LoginStep {
        do {
            let step = try await checkSecondFactor(cookie: cookie, code: code, now: now)
            logins.success.increment()
            return step
        } catch {
            logins.record(error)
            throw error
        }
    }

    func checkSecondFactor(cookie: String, code: String, now: Int64) async throws(HelpDeskError) -> LoginStep {
        let idHash = Self.sessionHash(cookie)
        let session: SessionRecord?
        do { session = try await store.session(idHash: idHash, idleCutoff: now - 600) } catch { throw .from(error) }
        guard let session, !session.isComplete, let account = try await account(session.accountID),
            account.status == .active, let sealed = account.sealedTOTPSecret,
            let organisation = try await organisation(id: account.organisationID)
        else { throw .notLoggedIn }
        guard account.lockedUntil <= now else { throw .lockedOut }
        let totp = try openTOTP(sealed, account: account, organisation: organisation)
        guard let step = SecondFactor.acceptedStep(
            code, secret: totp, at: Date(timeIntervalSince1970: TimeInterval(now)), lastAcceptedStep: account.lastTOTPStep)
        else { throw await countFailure(account, now: now, refusal: .badSecondFactor) }
        var changed = account
        changed.lastTOTPStep = step
        changed.failedLogins = 0
        do {
            _ = try await store.updateAccount(changed)
            try await store.deleteSession(idHash: idHash)
        } catch { throw .from(error) }
        let fresh = try await openSession(account: account, complete: true, now: now)
        try await audit.record(.memberLogin, organisationID: organisation.id, actorID: account.id, at: now)
        return LoginStep(cookie: fresh, needsSecondFactor: false)
    }

    /// The member of a complete session, or `nil` (unknown, expired after 8 idle hours, waiting for its second factor,
    /// or the account disabled). Moves the session's last use to `now`.
    public func member(cookie: String, now: Int64) async throws(HelpDeskError) -> Member? {
        guard Self.isSecretShaped(cookie) else { return nil }
        let idHash = Self.sessionHash(cookie)
        let session: SessionRecord?
        do { session = try await store.session(idHash: idHash, idleCutoff: now - Self.sessionIdleSeconds) } catch {
            throw .from(error)
        }
        guard let session, session.isComplete, let account = try await account(session.accountID),
            account.status == .active, let organisation = try await organisation(id: account.organisationID),
            let role = HelpDeskRole(rawValue: account.role)
        else { return nil }
        if now - session.lastSeenAt >= 60 {
            // At most one write a minute per session: the idle clock does not need finer steps.
            do { try await store.touchSession(idHash: idHash, now: now) } catch { throw .from(error) }
        }
        let profile = try openProfile(account, organisation: organisation)
        return Member(
            accountID: account.id, organisation: organisation, role: role, displayName: profile.name, email: profile.email,
            sessionHash: idHash, formToken: Self.formToken(cookie: cookie))
    }

    /// Whether a session waits for its second factor (the TOTP form shows only then).
    public func isPendingSecondFactor(cookie: String, now: Int64) async throws(HelpDeskError) -> Bool {
        guard Self.isSecretShaped(cookie) else { return false }
        do { return try await store.session(idHash: Self.sessionHash(cookie), idleCutoff: now - 600)?.isComplete == false } catch {
            throw .from(error)
        }
    }

    public func logOut(cookie: String) async throws(HelpDeskError) {
        do { try await store.deleteSession(idHash: Self.sessionHash(cookie)) } catch { throw .from(error) }
    }

    /// « Se déconnecter partout »: ends every session of the member, this one included.
    @discardableResult
    public func logOutEverywhere(_ member: Member, now: Int64) async throws(HelpDeskError) -> Int {
        let count: Int
        do { count = try await store.deleteSessions(accountID: member.accountID) } catch { throw .from(error) }
        try await audit.record(.memberLogout, organisationID: member.organisation.id, actorID: member.accountID, at: now)
        return count
    }

    /// Drops sessions idle for 8 hours and expired invitations (the periodic job).
    @discardableResult
    public func expireSessions(now: Int64) async throws(HelpDeskError) -> Int {
        do { return try await store.deleteExpiredSessions(before: now - Self.sessionIdleSeconds) } catch { throw .from(error) }
    }

    /// Counts a wrong password or code; the fifth in a row locks the account for 15 minutes. Returns the refusal.
    private func countFailure(_ account: AccountRecord, now: Int64, refusal: HelpDeskError) async -> HelpDeskError {
        var changed = account
        changed.failedLogins += 1
        if changed.failedLogins >= Self.failuresBeforeLock {
            changed.lockedUntil = now + Self.lockSeconds
            changed.failedLogins = 0
            logger.notice("account locked", metadata: ["account.id": "\(account.id)"])
        }
        _ = try? await store.updateAccount(changed)
        return changed.lockedUntil > now ? .lockedOut : refusal
    }

    private func openSession(account: AccountRecord, complete: Bool, now: Int64) async throws(HelpDeskError) -> String {
        let cookie = Self.newSecret()
        do {
            try await store.createSession(
                SessionRecord(
                    idHash: Self.sessionHash(cookie), accountID: account.id, organisationID: account.organisationID,
                    isComplete: complete, createdAt: now, lastSeenAt: now))
        } catch { throw .from(error) }
        return cookie
    }

    private func decoyCheck(_ password: String) async throws -> Bool {
        let known = decoy.hash.withLock { $0 }
        let hash: String
        if let known {
            hash = known
        } else {
            hash = try await passwords.hash("guichet-decoy-password")
            decoy.hash.withLock { $0 = hash }
        }
        return try await passwords.verify(password, against: hash)
    }

    // MARK: Members

    /// The organisation's members (admins).
    public func members(of member: Member) async throws(HelpDeskError) -> [MemberSummary] {
        guard member.may(.manageMembers) else { throw .forbidden }
        return try await memberSummaries(organisation: member.organisation)
    }

    /// Every member's id and name, for assignment lists (any member).
    public func memberSummaries(organisation: OrganisationRecord) async throws(HelpDeskError) -> [MemberSummary] {
        let accounts: [AccountRecord]
        do { accounts = try await store.accounts(organisationID: organisation.id) } catch { throw .from(error) }
        var summaries: [MemberSummary] = []
        for account in accounts {
            let profile = try openProfile(account, organisation: organisation)
            summaries.append(
                MemberSummary(
                    accountID: account.id, displayName: profile.name, email: profile.email,
                    role: HelpDeskRole(rawValue: account.role) ?? .benevole, status: account.status,
                    hasSecondFactor: account.sealedTOTPSecret != nil))
        }
        return summaries
    }

    /// Changes a member's role or disables them (admins); a disabled member's sessions end at once.
    public func change(accountID: String, role: HelpDeskRole?, disable: Bool, by member: Member, now: Int64)
        async throws(HelpDeskError)
    {
        guard member.may(.manageMembers) else { throw .forbidden }
        guard var account = try await account(accountID), account.organisationID == member.organisation.id else {
            throw .notFound
        }
        guard account.id != member.accountID else { throw .invalid("Vous ne pouvez pas changer votre propre rôle ni vous désactiver.") }
        if let role {
            account.role = role.rawValue
            if role.requiresSecondFactor && account.sealedTOTPSecret == nil && account.status == .active {
                throw .invalid("Ce membre n'a pas de second facteur : invitez-le de nouveau avec ce rôle.")
            }
        }
        if disable { account.status = .disabled }
        do {
            _ = try await store.updateAccount(account)
            if disable { try await store.deleteSessions(accountID: account.id) }
        } catch { throw .from(error) }
        try await audit.record(.memberChange, organisationID: member.organisation.id, actorID: member.accountID, at: now)
    }

    // MARK: Calendar feed

    /// Makes a new secret calendar URL for the member (the old one stops working) and returns its secret.
    public func renewCalendarSecret(for member: Member) async throws(HelpDeskError) -> String {
        guard var account = try await account(member.accountID) else { throw .notFound }
        let secret = Self.newSecret()
        account.calendarTokenHash = Hashing.sha256Hex(Array(secret.utf8))
        do { _ = try await store.updateAccount(account) } catch { throw .from(error) }
        return secret
    }

    /// Revokes the member's calendar URL.
    public func revokeCalendarSecret(for member: Member) async throws(HelpDeskError) {
        guard var account = try await account(member.accountID) else { throw .notFound }
        account.calendarTokenHash = nil
        do { _ = try await store.updateAccount(account) } catch { throw .from(error) }
    }

    /// Whether the member has a calendar URL.
    public func hasCalendarSecret(_ member: Member) async throws(HelpDeskError) -> Bool {
        try await account(member.accountID)?.calendarTokenHash != nil
    }

    /// The member a calendar secret belongs to (an active account only); no session involved.
    public func member(calendarSecret secret: String) async throws(HelpDeskError) -> Member? {
        guard Self.isSecretShaped(secret) else { return nil }
        let found: AccountRecord?
        do { found = try await store.account(calendarTokenHash: Hashing.sha256Hex(Array(secret.utf8))) } catch {
            throw .from(error)
        }
        guard let account = found, account.status == .active, let role = HelpDeskRole(rawValue: account.role),
            let organisation = try await organisation(id: account.organisationID)
        else { return nil }
        let profile = try openProfile(account, organisation: organisation)
        return Member(
            accountID: account.id, organisation: organisation, role: role, displayName: profile.name, email: profile.email,
            sessionHash: "", formToken: "")
    }

    // MARK: Helpers

    func account(_ id: String) async throws(HelpDeskError) -> AccountRecord? {
        do { return try await store.account(id: id) } catch { throw .from(error) }
    }

    func organisation(id: String) async throws(HelpDeskError) -> OrganisationRecord? {
        do { return try await store.organisation(id: id) } catch { throw .from(error) }
    }

    struct Profile {
        let email: String
        let name: String
    }

    func openProfile(_ account: AccountRecord, organisation: OrganisationRecord) throws(HelpDeskError) -> Profile {
        let bytes: [UInt8]
        do { bytes = try vault.sealer(for: organisation).open(account.sealedProfile, record: account.id, field: "profile") } catch {
            throw .sealedDataUnreadable
        }
        guard case .object(let members)? = try? JSONParser.parse(bytes) else { throw .sealedDataUnreadable }
        func text(_ key: String) -> String {
            if case .string(let value)? = members.first(where: { $0.key == key })?.value { return value }
            return ""
        }
        return Profile(email: text("email"), name: text("name"))
    }

    func openTOTP(_ sealed: [UInt8], account: AccountRecord, organisation: OrganisationRecord) throws(HelpDeskError) -> String {
        do {
            return String(decoding: try vault.sealer(for: organisation).open(sealed, record: account.id, field: "totp"), as: UTF8.self)
        } catch { throw .sealedDataUnreadable }
    }

    static func profileJSON(email: String, name: String) -> [UInt8] {
        Array(JSONWriter.compact(.object([JSONMember("email", .string(email)), JSONMember("name", .string(name))])).utf8)
    }

    /// Lower case, without surrounding white space.
    public static func normalisedEmail(_ email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    static func looksLikeEmail(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && email.count <= 254
            && !email.contains(where: { $0.isWhitespace })
    }

    /// 32 random bytes as 64 hexadecimal digits: session cookies, invitation and calendar secrets.
    public static func newSecret() -> String {
        var random = SystemRandomNumberGenerator()
        return Hex.encode((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &random) })
    }

    /// 16 random bytes as 32 hexadecimal digits: record ids.
    public static func newID() -> String {
        var random = SystemRandomNumberGenerator()
        return Hex.encode((0..<16).map { _ in UInt8.random(in: .min ... .max, using: &random) })
    }

    static func isSecretShaped(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    static func sessionHash(_ cookie: String) -> String { Hashing.sha256Hex(Array(cookie.utf8)) }

    /// The anti-forgery token of a session: derived from its secret, so it needs no storage and changes with it.
    public static func formToken(cookie: String) -> String {
        String(Hashing.sha256Hex(Array(("guichet-form-token\n" + cookie).utf8)).prefix(32))
    }
}
