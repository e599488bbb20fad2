public import GuichetStorage
internal import GRDB
internal import Foundation

/// The help desk on SQLite: organisations, accounts, sessions, cases, captures and the audit log. Sealed bytes are
/// BLOBs exactly as given. Every method is one transaction; organisation ids are in every `WHERE` that reads a case.
public struct SQLiteHelpDeskStore: HelpDeskStore {
    let database: SQLiteDatabase

    public init(database: SQLiteDatabase) {
        self.database = database
    }

    // MARK: Organisations

    public func createOrganisation(_ organisation: OrganisationRecord) async throws(StorageError) {
        try await database.write { db in
            try db.execute(
                sql: """
                    INSERT INTO organisation (id, slug, name, wrapped_data_key, master_key_id, retention_months, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    organisation.id, organisation.slug, organisation.name, Data(organisation.wrappedDataKey),
                    Int(organisation.masterKeyID), organisation.retentionMonths, organisation.createdAt,
                ])
        }
    }

    public func organisation(id: String) async throws(StorageError) -> OrganisationRecord? {
        try await database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM organisation WHERE id = ?", arguments: [id]).map(Self.organisation)
        }
    }

    public func organisation(slug: String) async throws(StorageError) -> OrganisationRecord? {
        try await database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM organisation WHERE slug = ?", arguments: [slug]).map(Self.organisation)
        }
    }

    public func organisations() async throws(StorageError) -> [OrganisationRecord] {
        try await database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM organisation ORDER BY slug").map(Self.organisation)
        }
    }

    public func updateOrganisation(_ organisation: OrganisationRecord) async throws(StorageError) {
        try await database.write { db in
            try db.execute(
                sql: """
                    UPDATE organisation SET name = ?, wrapped_data_key = ?, master_key_id = ?, retention_months = ?
                    WHERE id = ?
                    """,
                arguments: [
                    organisation.name, Data(organisation.wrappedDataKey), Int(organisation.masterKeyID),
                    organisation.retentionMonths, organisation.id,
                ])
            guard db.changesCount == 1 else { throw StorageError(.notFound) }
        }
    }

    // MARK: Accounts

    public func createAccount(_ account: AccountRecord) async throws(StorageError) -> AccountRecord {
        try await database.write { db in
            try db.execute(
                sql: """
                    INSERT INTO account (id, organisation_id, email_lookup, sealed_profile, role, status, password_hash,
                        sealed_totp_secret, last_totp_step, failed_logins, locked_until, calendar_token_hash, created_at,
                        version)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                    """,
                arguments: [
                    account.id, account.organisationID, account.emailLookup, Data(account.sealedProfile), account.role,
                    account.status.rawValue, account.passwordHash, account.sealedTOTPSecret.map { Data($0) },
                    account.lastTOTPStep, account.failedLogins, account.lockedUntil, account.calendarTokenHash,
                    account.createdAt,
                ])
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM account WHERE id = ?", arguments: [account.id]) else {
                throw StorageError(.notFound)
            }
            return try Self.account(row)
        }
    }

    public func account(id: String) async throws(StorageError) -> AccountRecord? {
        try await database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM account WHERE id = ?", arguments: [id]).map(Self.account)
        }
    }

    public func account(emailLookup: String) async throws(StorageError) -> AccountRecord? {
        try await database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM account WHERE email_lookup = ?", arguments: [emailLookup])
                .map(Self.account)
        }
    }

    public func account(calendarTokenHash: String) async throws(StorageError) -> AccountRecord? {
        try await database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM account WHERE calendar_token_hash = ?", arguments: [calendarTokenHash])
                .map(Self.account)
        }
    }

    public func accounts(organisationID: String) async throws(StorageError) -> [AccountRecord] {
        try await database.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM account WHERE organisation_id = ? ORDER BY created_at, id", arguments: [organisationID]
            ).map(Self.account)
        }
    }

    public func updateAccount(_ account: AccountRecord) async throws(StorageError) -> AccountRecord {
        try await database.write { db in
            try db.execute(
                sql: """
                    UPDATE account SET sealed_profile = ?, role = ?, status = ?, password_hash = ?, sealed_totp_secret = ?,
                        last_totp_step = ?, failed_logins = ?, locked_until = ?, calendar_token_hash = ?,
                        version = version + 1
                    WHERE id = ? AND version = ?
                    """,
                arguments: [
                    Data(account.sealedProfile), account.role, account.status.rawValue, account.passwordHash,
                    account.sealedTOTPSecret.map { Data($0) }, account.lastTOTPStep, account.failedLogins,
                    account.lockedUntil, account.calendarTokenHash, account.id, account.version,
                ])
            guard db.changesCount == 1 else {
                let exists = try Bool.fetchOne(db, sql: "SELECT 1 FROM account WHERE id = ?", arguments: [account.id])
                throw StorageError(exists == true ? .conflict : .notFound)
            }
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM account WHERE id = ?", arguments: [account.id]) else {
                throw StorageError(.notFound)
            }
            return try Self.account(row)
        }
    }

    // MARK: Invitations

    public func createInvitation(_ invitation: InvitationRecord) async throws(StorageError) {
        try await database.write { db in
            try db.execute(
                sql: "INSERT INTO invitation (token_hash, account_id, organisation_id, expires_at) VALUES (?, ?, ?, ?)",
                arguments: [invitation.tokenHash, invitation.accountID, invitation.organisationID, invitation.expiresAt])
        }
    }

    public func takeInvitation(tokenHash: String, now: Int64) async throws(StorageError) -> InvitationRecord? {
        try await database.write { db in
            guard let row = try Row.fetchOne(
                db, sql: "SELECT * FROM invitation WHERE token_hash = ? AND expires_at > ?", arguments: [tokenHash, now])
            else { return nil }
            try db.execute(sql: "DELETE FROM invitation WHERE token_hash = ?", arguments: [tokenHash])
            return Self.invitation(row)
        }
    }

    public func invitation(tokenHash: String, now: Int64) async throws(StorageError) -> InvitationRecord? {
        try await database.read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM invitation WHERE token_hash = ? AND expires_at > ?", arguments: [tokenHash, now]
            ).map(Self.invitation)
        }
    }

    // MARK: Sessions

    public func createSession(_ session: SessionRecord) async throws(StorageError) {
        try await database.write { db in
            try db.execute(
                sql: """
                    INSERT INTO desk_session (id_hash, account_id, organisation_id, is_complete, created_at, last_seen_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    session.idHash, session.accountID, session.organisationID, session.isComplete, session.createdAt,
                    session.lastSeenAt,
                ])
        }
    }

    public func session(idHash: String, idleCutoff: Int64) async throws(StorageError) -> SessionRecord? {
        try await database.read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM desk_session WHERE id_hash = ? AND last_seen_at >= ?", arguments: [idHash, idleCutoff]
            ).map { row in
                SessionRecord(
                    idHash: row["id_hash"], accountID: row["account_id"], organisationID: row["organisation_id"],
                    isComplete: row["is_complete"], createdAt: row["created_at"], lastSeenAt: row["last_seen_at"])
            }
        }
    }

    public func touchSession(idHash: String, now: Int64) async throws(StorageError) {
        try await database.write { db in
            try db.execute(
                sql: "UPDATE desk_session SET last_seen_at = max(last_seen_at, ?) WHERE id_hash = ?", arguments: [now, idHash])
        }
    }

    public func deleteSession(idHash: String) async throws(StorageError) {
        try await database.write { db in
            try db.execute(sql: "DELETE FROM desk_session WHERE id_hash = ?", arguments: [idHash])
        }
    }

    public func deleteSessions(accountID: String) async throws(StorageError) -> Int {
        try await database.write { db in
            try db.execute(sql: "DELETE FROM desk_session WHERE account_id = ?", arguments: [accountID])
            return db.changesCount
        }
    }

    public func deleteExpiredSessions(before cutoff: Int64) async throws(StorageError) -> Int {
        try await database.write { db in
            try db.execute(sql: "DELETE FROM desk_session WHERE last_seen_at < ?", arguments: [cutoff])
            let sessions = db.changesCount
            try db.execute(sql: "DELETE FROM invitation WHERE expires_at <= ?", arguments: [cutoff])
            return sessions + db.changesCount
        }
    }

    // MARK: Cases

    public func createCase(_ newCase: NewCase, deadlines: [CaseDeadlineRecord], now: Int64) async throws(StorageError)
        -> CaseRecord
    {
        try await database.write { db in
            try db.execute(
                sql: """
                    INSERT INTO case_counter (organisation_id, year, last_number) VALUES (?, ?, 1)
                    ON CONFLICT (organisation_id, year) DO UPDATE SET last_number = last_number + 1
                    """, arguments: [newCase.organisationID, newCase.year])
            guard let counted = try Int.fetchOne(
                db, sql: "SELECT last_number FROM case_counter WHERE organisation_id = ? AND year = ?",
                arguments: [newCase.organisationID, newCase.year])
            else { throw StorageError(.notFound) }
            let number = HelpDeskNumbering.caseNumber(year: newCase.year, count: counted)
            try db.execute(
                sql: """
                    INSERT INTO help_case (id, organisation_id, number, status, assignee_id, department, verdict,
                        mandate_until, mandate_revoked_at, sealed_content, created_at, updated_at, closed_at, version)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, NULL, 1)
                    """,
                arguments: [
                    newCase.id, newCase.organisationID, number, newCase.status, newCase.assigneeID, newCase.department,
                    newCase.verdict, newCase.mandateUntil, Data(newCase.sealedContent), now, now,
                ])
            try Self.replaceDeadlines(deadlines, caseID: newCase.id, organisationID: newCase.organisationID, db: db)
            return CaseRecord(
                id: newCase.id, organisationID: newCase.organisationID, number: number, status: newCase.status,
                assigneeID: newCase.assigneeID, department: newCase.department, verdict: newCase.verdict,
                mandateUntil: newCase.mandateUntil, mandateRevokedAt: nil, sealedContent: newCase.sealedContent,
                createdAt: now, updatedAt: now, closedAt: nil, version: 1)
        }
    }

    public func caseRecord(id: String, organisationID: String) async throws(StorageError) -> CaseRecord? {
        try await database.read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM help_case WHERE id = ? AND organisation_id = ?", arguments: [id, organisationID]
            ).map(Self.caseRecord)
        }
    }

    public func cases(organisationID: String, filter: CaseFilter) async throws(StorageError) -> [CaseSummary] {
        try await database.read { db in
            let (clause, arguments) = Self.whereClause(organisationID: organisationID, filter: filter, alias: "c")
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT c.id, c.number, c.status, c.assignee_id, c.department, c.verdict, c.mandate_until,
                        c.mandate_revoked_at, c.created_at, c.updated_at, c.closed_at, c.version
                    FROM help_case c WHERE \(clause) ORDER BY \(Self.numberOrder(alias: "c", descending: true))
                    """, arguments: arguments
            ).map(Self.caseSummary)
        }
    }

    public func updateCase(_ record: CaseRecord, deadlines: [CaseDeadlineRecord], now: Int64) async throws(StorageError)
        -> CaseRecord
    {
        try await database.write { db in
            try db.execute(
                sql: """
                    UPDATE help_case SET status = ?, assignee_id = ?, department = ?, verdict = ?, mandate_until = ?,
                        mandate_revoked_at = ?, sealed_content = ?, updated_at = max(updated_at, ?), closed_at = ?,
                        version = version + 1
                    WHERE id = ? AND organisation_id = ? AND version = ?
                    """,
                arguments: [
                    record.status, record.assigneeID, record.department, record.verdict, record.mandateUntil,
                    record.mandateRevokedAt, Data(record.sealedContent), now, record.closedAt, record.id,
                    record.organisationID, record.version,
                ])
            guard db.changesCount == 1 else {
                let exists = try Bool.fetchOne(
                    db, sql: "SELECT 1 FROM help_case WHERE id = ? AND organisation_id = ?",
                    arguments: [record.id, record.organisationID])
                throw StorageError(exists == true ? .conflict : .notFound)
            }
            try Self.replaceDeadlines(deadlines, caseID: record.id, organisationID: record.organisationID, db: db)
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM help_case WHERE id = ?", arguments: [record.id]) else {
                throw StorageError(.notFound)
            }
            return try Self.caseRecord(row)
        }
    }

    public func deleteCase(id: String, organisationID: String) async throws(StorageError) -> Bool {
        try await database.write { db in
            // The cascade removes the deadlines and the captures in the same transaction.
            try db.execute(
                sql: "DELETE FROM help_case WHERE id = ? AND organisation_id = ?", arguments: [id, organisationID])
            return db.changesCount == 1
        }
    }

    public func deadlines(organisationID: String, filter: CaseFilter, dueOnOrBefore: String?, limit: Int?)
        async throws(StorageError) -> [DashboardDeadline]
    {
        try await database.read { db in
            let (clause, arguments) = Self.whereClause(organisationID: organisationID, filter: filter, alias: "c")
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT d.case_id, c.number, c.status, c.assignee_id, d.rule_id, d.due
                    FROM case_deadline d JOIN help_case c ON c.id = d.case_id
                    WHERE d.organisation_id = ? AND \(clause) AND (? IS NULL OR d.due <= ?)
                    ORDER BY d.due, \(Self.numberOrder(alias: "c", descending: false)), d.position
                    LIMIT ?
                    """, arguments: [organisationID] + arguments + [dueOnOrBefore, dueOnOrBefore, limit ?? -1]
            ).map { row in
                DashboardDeadline(
                    caseID: row[0], caseNumber: row[1], caseStatus: row[2], assigneeID: row[3], ruleID: row[4], due: row[5])
            }
        }
    }

    public func casesClosed(before cutoff: Int64, organisationID: String) async throws(StorageError) -> [String] {
        try await database.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT id FROM help_case WHERE organisation_id = ? AND closed_at IS NOT NULL AND closed_at < ?
                    ORDER BY id
                    """, arguments: [organisationID, cutoff])
        }
    }

    // MARK: Case captures

    public func putCaseAttachment(
        _ sealed: [UInt8], slot: Int, caseID: String, organisationID: String, limit: Int, now: Int64
    ) async throws(StorageError) {
        guard sealed.count <= limit else {
            throw StorageError(.conflict, underlying: AttachmentTooLarge(byteCount: sealed.count, limit: limit))
        }
        let blob = Data(sealed)
        try await database.write { db in
            guard try Bool.fetchOne(
                db, sql: "SELECT 1 FROM help_case WHERE id = ? AND organisation_id = ?", arguments: [caseID, organisationID])
                == true
            else { throw StorageError(.notFound) }
            try db.execute(
                sql: """
                    INSERT INTO case_attachment (case_id, slot, byte_count, sealed, updated_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (case_id, slot) DO UPDATE SET byte_count = excluded.byte_count, sealed = excluded.sealed,
                        updated_at = excluded.updated_at
                    """, arguments: [caseID, slot, sealed.count, blob, now])
        }
    }

    public func caseAttachment(slot: Int, caseID: String, organisationID: String) async throws(StorageError)
        -> SealedAttachment?
    {
        try await database.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT a.slot, a.sealed, a.updated_at, a.byte_count FROM case_attachment a JOIN help_case c ON c.id = a.case_id
                    WHERE a.case_id = ? AND a.slot = ? AND c.organisation_id = ?
                    """, arguments: [caseID, slot, organisationID]
            ).map { row in
                let data: Data = row[1]
                let byteCount: Int = row[3]
                // The size is written with the bytes: a mismatch means the row was damaged.
                guard data.count == byteCount else { throw StorageError(.corrupted) }
                return SealedAttachment(slot: row[0], sealed: [UInt8](data), updatedAt: row[2])
            }
        }
    }

    public func caseAttachments(caseID: String, organisationID: String) async throws(StorageError) -> [SealedAttachmentInfo] {
        try await database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT a.slot, a.byte_count, a.updated_at, length(a.sealed) FROM case_attachment a
                    JOIN help_case c ON c.id = a.case_id
                    WHERE a.case_id = ? AND c.organisation_id = ? ORDER BY a.slot
                    """, arguments: [caseID, organisationID]
            ).map { row in
                let byteCount: Int = row[1]
                let stored: Int = row[3]
                guard stored == byteCount else { throw StorageError(.corrupted) }
                return SealedAttachmentInfo(slot: row[0], byteCount: byteCount, updatedAt: row[2])
            }
        }
    }

    // MARK: Audit

    public func appendAudit(organisationID: String, _ make: @escaping @Sendable (AuditRecord?) -> AuditRecord)
        async throws(StorageError) -> AuditRecord
    {
        try await database.write { db in
            let last = try Row.fetchOne(
                db, sql: "SELECT * FROM audit_entry WHERE organisation_id = ? ORDER BY sequence DESC LIMIT 1",
                arguments: [organisationID]
            ).map(Self.audit)
            let entry = make(last)
            guard entry.organisationID == organisationID, entry.sequence == (last?.sequence ?? 0) + 1 else {
                throw StorageError(.conflict)
            }
            try db.execute(
                sql: """
                    INSERT INTO audit_entry (organisation_id, sequence, at, actor_id, action, case_id, previous_hash, hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    entry.organisationID, entry.sequence, entry.at, entry.actorID, entry.action, entry.caseID,
                    entry.previousHash, entry.hash,
                ])
            return entry
        }
    }

    public func auditRecords(organisationID: String, after: Int, limit: Int) async throws(StorageError) -> [AuditRecord] {
        try await database.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM audit_entry WHERE organisation_id = ? AND sequence > ? ORDER BY sequence LIMIT ?",
                arguments: [organisationID, after, limit]
            ).map(Self.audit)
        }
    }

    // MARK: Rows

    static func replaceDeadlines(_ deadlines: [CaseDeadlineRecord], caseID: String, organisationID: String, db: Database)
        throws
    {
        try db.execute(sql: "DELETE FROM case_deadline WHERE case_id = ?", arguments: [caseID])
        for (position, deadline) in deadlines.enumerated() {
            try db.execute(
                sql: "INSERT INTO case_deadline (case_id, position, organisation_id, rule_id, due) VALUES (?, ?, ?, ?, ?)",
                arguments: [caseID, position, organisationID, deadline.ruleID, deadline.due])
        }
    }

    /// The order of case numbers (`2026-0042`): by year, then by count, as numbers (text would put `2026-10000`
    /// before `2026-9999`). The creation time is not used: a case of last year may be opened today.
    static func numberOrder(alias: String, descending: Bool) -> String {
        let direction = descending ? "DESC" : "ASC"
        let year = "CAST(substr(\(alias).number, 1, instr(\(alias).number, '-') - 1) AS INTEGER)"
        let count = "CAST(substr(\(alias).number, instr(\(alias).number, '-') + 1) AS INTEGER)"
        return "\(year) \(direction), \(count) \(direction)"
    }

    /// Row counts of the help-desk tables, for tests that check erasure.
    func rowCounts() async throws(StorageError) -> [String: Int] {
        try await database.read { db in
            var counts: [String: Int] = [:]
            for table in Self.countedTables {
                counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
            }
            return counts
        }
    }

    static let countedTables = ["help_case", "case_deadline", "case_attachment", "desk_session", "invitation", "audit_entry"]

    /// The `WHERE` of a case list, over the table aliased `alias`, and its arguments (always bound, never spliced).
    static func whereClause(organisationID: String, filter: CaseFilter, alias: String) -> (String, StatementArguments) {
        var parts = ["\(alias).organisation_id = ?"]
        var arguments: StatementArguments = [organisationID]
        if let assignee = filter.assigneeID {
            parts.append("\(alias).assignee_id = ?")
            arguments += [assignee]
        }
        if !filter.statuses.isEmpty {
            parts.append("\(alias).status IN (\(Array(repeating: "?", count: filter.statuses.count).joined(separator: ", ")))")
            arguments += StatementArguments(filter.statuses)
        }
        if let department = filter.department {
            parts.append("\(alias).department = ?")
            arguments += [department]
        }
        if !filter.verdicts.isEmpty {
            parts.append("\(alias).verdict IN (\(Array(repeating: "?", count: filter.verdicts.count).joined(separator: ", ")))")
            arguments += StatementArguments(filter.verdicts)
        }
        return (parts.joined(separator: " AND "), arguments)
    }

    static func organisation(_ row: Row) throws -> OrganisationRecord {
        let key: Data = row["wrapped_data_key"]
        let masterKeyID: Int = row["master_key_id"]
        guard let keyID = UInt8(exactly: masterKeyID) else { throw StorageError(.corrupted) }
        return OrganisationRecord(
            id: row["id"], slug: row["slug"], name: row["name"], wrappedDataKey: [UInt8](key), masterKeyID: keyID,
            retentionMonths: row["retention_months"], createdAt: row["created_at"])
    }

    static func account(_ row: Row) throws -> AccountRecord {
        let profile: Data = row["sealed_profile"]
        let totp: Data? = row["sealed_totp_secret"]
        let statusText: String = row["status"]
        guard let status = AccountRecord.Status(rawValue: statusText) else { throw StorageError(.corrupted) }
        return AccountRecord(
            id: row["id"], organisationID: row["organisation_id"], emailLookup: row["email_lookup"],
            sealedProfile: [UInt8](profile), role: row["role"], status: status, passwordHash: row["password_hash"],
            sealedTOTPSecret: totp.map { [UInt8]($0) }, lastTOTPStep: row["last_totp_step"],
            failedLogins: row["failed_logins"], lockedUntil: row["locked_until"],
            calendarTokenHash: row["calendar_token_hash"], createdAt: row["created_at"], version: row["version"])
    }

    static func invitation(_ row: Row) -> InvitationRecord {
        InvitationRecord(
            tokenHash: row["token_hash"], accountID: row["account_id"], organisationID: row["organisation_id"],
            expiresAt: row["expires_at"])
    }

    static func caseRecord(_ row: Row) throws -> CaseRecord {
        let content: Data = row["sealed_content"]
        return CaseRecord(
            id: row["id"], organisationID: row["organisation_id"], number: row["number"], status: row["status"],
            assigneeID: row["assignee_id"], department: row["department"], verdict: row["verdict"],
            mandateUntil: row["mandate_until"], mandateRevokedAt: row["mandate_revoked_at"],
            sealedContent: [UInt8](content), createdAt: row["created_at"], updatedAt: row["updated_at"],
            closedAt: row["closed_at"], version: row["version"])
    }

    static func caseSummary(_ row: Row) -> CaseSummary {
        CaseSummary(
            id: row["id"], number: row["number"], status: row["status"], assigneeID: row["assignee_id"],
            department: row["department"], verdict: row["verdict"], mandateUntil: row["mandate_until"],
            mandateRevokedAt: row["mandate_revoked_at"], createdAt: row["created_at"], updatedAt: row["updated_at"],
            closedAt: row["closed_at"], version: row["version"])
    }

    static func audit(_ row: Row) -> AuditRecord {
        AuditRecord(
            sequence: row["sequence"], organisationID: row["organisation_id"], at: row["at"], actorID: row["actor_id"],
            action: row["action"], caseID: row["case_id"], previousHash: row["previous_hash"], hash: row["hash"])
    }
}
