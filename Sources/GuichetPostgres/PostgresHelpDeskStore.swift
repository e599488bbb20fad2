public import GuichetStorage
internal import PostgresNIO
internal import Foundation
internal import Logging

/// The help desk on PostgreSQL, shared by every web node: organisations, accounts, sessions, cases, captures and the
/// audit log. Sealed bytes are `BYTEA` exactly as given; organisation ids are in every `WHERE` that reads a case.
///
/// Races between nodes are settled by the database, under READ COMMITTED:
/// - a case number comes from `INSERT … ON CONFLICT (organisation_id, year) DO UPDATE … RETURNING` on the counter
///   row, which stays locked until the case is written: concurrent creations wait for each other, and a creation
///   that fails rolls its number back (no gap);
/// - an audit append first locks the organisation's row (`FOR NO KEY UPDATE`, which does not block the inserts that
///   reference it), then reads the last entry: appends of one organisation are serialised, each sees the one before;
/// - updates are compare-and-set on `version` (`UPDATE … WHERE version = $n RETURNING`), and taking an invitation
///   is one `DELETE … RETURNING`: of two racing writers exactly one wins.
public struct PostgresHelpDeskStore: HelpDeskStore {
    let database: PostgresDatabase

    /// A store over `database` (migrated beforehand).
    public init(database: PostgresDatabase) {
        self.database = database
    }

    // MARK: Organisations

    public func createOrganisation(_ organisation: OrganisationRecord) async throws(StorageError) {
        _ = try await database.rows(
            """
            INSERT INTO organisation (id, slug, name, wrapped_data_key, master_key_id, retention_months, created_at)
            VALUES (\(organisation.id), \(organisation.slug), \(organisation.name), \(ByteBuffer(bytes: organisation.wrappedDataKey)),
                \(Int64(organisation.masterKeyID)), \(Int64(organisation.retentionMonths)), \(organisation.createdAt))
            """)
    }

    public func organisation(id: String) async throws(StorageError) -> OrganisationRecord? {
        let rows = try await database.rows(
            "SELECT \(unescaped: Self.organisationColumns) FROM organisation WHERE id = \(id)")
        return try rows.first.map { row throws(StorageError) in try Self.organisation(row) }
    }

    public func organisation(slug: String) async throws(StorageError) -> OrganisationRecord? {
        let rows = try await database.rows(
            "SELECT \(unescaped: Self.organisationColumns) FROM organisation WHERE slug = \(slug)")
        return try rows.first.map { row throws(StorageError) in try Self.organisation(row) }
    }

    public func organisations() async throws(StorageError) -> [OrganisationRecord] {
        let rows = try await database.rows(
            "SELECT \(unescaped: Self.organisationColumns) FROM organisation ORDER BY slug COLLATE \"C\"")
        return try Self.map(rows, Self.organisation)
    }

    public func updateOrganisation(_ organisation: OrganisationRecord) async throws(StorageError) {
        let rows = try await database.rows(
            """
            UPDATE organisation SET name = \(organisation.name), wrapped_data_key = \(ByteBuffer(bytes: organisation.wrappedDataKey)),
                master_key_id = \(Int64(organisation.masterKeyID)), retention_months = \(Int64(organisation.retentionMonths))
            WHERE id = \(organisation.id)
            RETURNING id
            """)
        guard !rows.isEmpty else { throw StorageError(.notFound) }
    }

    // MARK: Accounts

    public func createAccount(_ account: AccountRecord) async throws(StorageError) -> AccountRecord {
        let rows = try await database.rows(
            """
            INSERT INTO account (id, organisation_id, email_lookup, sealed_profile, role, status, password_hash,
                sealed_totp_secret, last_totp_step, failed_logins, locked_until, calendar_token_hash, created_at, version)
            VALUES (\(account.id), \(account.organisationID), \(account.emailLookup), \(ByteBuffer(bytes: account.sealedProfile)),
                \(account.role), \(account.status.rawValue), \(account.passwordHash),
                \(account.sealedTOTPSecret.map { ByteBuffer(bytes: $0) }), \(account.lastTOTPStep),
                \(Int64(account.failedLogins)), \(account.lockedUntil), \(account.calendarTokenHash), \(account.createdAt), 1)
            RETURNING \(unescaped: Self.accountColumns)
            """)
        guard let row = rows.first else { throw StorageError(.corrupted) }
        return try Self.account(row)
    }

    public func account(id: String) async throws(StorageError) -> AccountRecord? {
        let rows = try await database.rows("SELECT \(unescaped: Self.accountColumns) FROM account WHERE id = \(id)")
        return try rows.first.map { row throws(StorageError) in try Self.account(row) }
    }

    public func account(emailLookup: String) async throws(StorageError) -> AccountRecord? {
        let rows = try await database.rows(
            "SELECT \(unescaped: Self.accountColumns) FROM account WHERE email_lookup = \(emailLookup)")
        return try rows.first.map { row throws(StorageError) in try Self.account(row) }
    }

    public func account(calendarTokenHash: String) async throws(StorageError) -> AccountRecord? {
        let rows = try await database.rows(
            "SELECT \(unescaped: Self.accountColumns) FROM account WHERE calendar_token_hash = \(calendarTokenHash)")
        return try rows.first.map { row throws(StorageError) in try Self.account(row) }
    }

    public func accounts(organisationID: String) async throws(StorageError) -> [AccountRecord] {
        let rows = try await database.rows(
            """
            SELECT \(unescaped: Self.accountColumns) FROM account WHERE organisation_id = \(organisationID)
            ORDER BY created_at, id COLLATE "C"
            """)
        return try Self.map(rows, Self.account)
    }

    public func updateAccount(_ account: AccountRecord) async throws(StorageError) -> AccountRecord {
        let rows = try await database.rows(
            """
            UPDATE account SET sealed_profile = \(ByteBuffer(bytes: account.sealedProfile)), role = \(account.role),
                status = \(account.status.rawValue), password_hash = \(account.passwordHash),
                sealed_totp_secret = \(account.sealedTOTPSecret.map { ByteBuffer(bytes: $0) }),
                last_totp_step = \(account.lastTOTPStep), failed_logins = \(Int64(account.failedLogins)),
                locked_until = \(account.lockedUntil), calendar_token_hash = \(account.calendarTokenHash),
                version = version + 1
            WHERE id = \(account.id) AND version = \(Int64(account.version))
            RETURNING \(unescaped: Self.accountColumns)
            """)
        if let row = rows.first { return try Self.account(row) }
        let exists = try await database.rows("SELECT 1 FROM account WHERE id = \(account.id)")
        throw StorageError(exists.isEmpty ? .notFound : .conflict)
    }

    // MARK: Invitations

    public func createInvitation(_ invitation: InvitationRecord) async throws(StorageError) {
        _ = try await database.rows(
            """
            INSERT INTO invitation (token_hash, account_id, organisation_id, expires_at)
            VALUES (\(invitation.tokenHash), \(invitation.accountID), \(invitation.organisationID), \(invitation.expiresAt))
            """)
    }

    public func takeInvitation(tokenHash: String, now: Int64) async throws(StorageError) -> InvitationRecord? {
        // One statement: of two nodes taking the same link, the second waits for the row and then finds it gone.
        let rows = try await database.rows(
            """
            DELETE FROM invitation WHERE token_hash = \(tokenHash) AND expires_at > \(now)
            RETURNING \(unescaped: Self.invitationColumns)
            """)
        return try rows.first.map { row throws(StorageError) in try Self.invitation(row) }
    }

    public func invitation(tokenHash: String, now: Int64) async throws(StorageError) -> InvitationRecord? {
        let rows = try await database.rows(
            """
            SELECT \(unescaped: Self.invitationColumns) FROM invitation
            WHERE token_hash = \(tokenHash) AND expires_at > \(now)
            """)
        return try rows.first.map { row throws(StorageError) in try Self.invitation(row) }
    }

    // MARK: Sessions

    public func createSession(_ session: SessionRecord) async throws(StorageError) {
        _ = try await database.rows(
            """
            INSERT INTO desk_session (id_hash, account_id, organisation_id, is_complete, created_at, last_seen_at)
            VALUES (\(session.idHash), \(session.accountID), \(session.organisationID), \(session.isComplete ? Int64(1) : 0),
                \(session.createdAt), \(session.lastSeenAt))
            """)
    }

    public func session(idHash: String, idleCutoff: Int64) async throws(StorageError) -> SessionRecord? {
        let rows = try await database.rows(
            """
            SELECT id_hash, account_id, organisation_id, is_complete, created_at, last_seen_at FROM desk_session
            WHERE id_hash = \(idHash) AND last_seen_at >= \(idleCutoff)
            """)
        guard let row = rows.first else { return nil }
        let (id, account, organisation, complete, created, seen) = try Self.decode(
            row, as: (String, String, String, Int64, Int64, Int64).self)
        return SessionRecord(
            idHash: id, accountID: account, organisationID: organisation, isComplete: complete != 0, createdAt: created,
            lastSeenAt: seen)
    }

    public func touchSession(idHash: String, now: Int64) async throws(StorageError) {
        _ = try await database.rows(
            "UPDATE desk_session SET last_seen_at = greatest(last_seen_at, \(now)) WHERE id_hash = \(idHash)")
    }

    public func deleteSession(idHash: String) async throws(StorageError) {
        _ = try await database.rows("DELETE FROM desk_session WHERE id_hash = \(idHash)")
    }

    @discardableResult
    public func deleteSessions(accountID: String) async throws(StorageError) -> Int {
        let rows = try await database.rows(
            "WITH gone AS (DELETE FROM desk_session WHERE account_id = \(accountID) RETURNING 1) SELECT count(*) FROM gone")
        return try Self.count(rows)
    }

    @discardableResult
    public func deleteExpiredSessions(before cutoff: Int64) async throws(StorageError) -> Int {
        let rows = try await database.rows(
            """
            WITH sessions AS (DELETE FROM desk_session WHERE last_seen_at < \(cutoff) RETURNING 1),
                invitations AS (DELETE FROM invitation WHERE expires_at <= \(cutoff) RETURNING 1)
            SELECT (SELECT count(*) FROM sessions) + (SELECT count(*) FROM invitations)
            """)
        return try Self.count(rows)
    }

    // MARK: Cases

    public func createCase(_ newCase: NewCase, deadlines: [CaseDeadlineRecord], now: Int64) async throws(StorageError)
        -> CaseRecord
    {
        let logger = database.logger
        let content = ByteBuffer(bytes: newCase.sealedContent)
        return try await database.transaction { connection in
            // The counter row stays locked until commit: a concurrent creation waits here, then counts on.
            let counted = try await connection.query(
                """
                INSERT INTO case_counter (organisation_id, year, last_number) VALUES (\(newCase.organisationID), \(Int64(newCase.year)), 1)
                ON CONFLICT (organisation_id, year) DO UPDATE SET last_number = case_counter.last_number + 1
                RETURNING last_number
                """, logger: logger
            ).collect()
            guard let count = try counted.first?.decode(Int.self) else { throw StorageError(.corrupted) }
            let number = HelpDeskNumbering.caseNumber(year: newCase.year, count: count)
            try await connection.query(
                """
                INSERT INTO help_case (id, organisation_id, number, status, assignee_id, department, verdict, mandate_until,
                    mandate_revoked_at, sealed_content, created_at, updated_at, closed_at, version)
                VALUES (\(newCase.id), \(newCase.organisationID), \(number), \(newCase.status), \(newCase.assigneeID),
                    \(newCase.department), \(newCase.verdict), \(newCase.mandateUntil), NULL, \(content), \(now), \(now),
                    NULL, 1)
                """, logger: logger)
            try await Self.insertDeadlines(
                deadlines, caseID: newCase.id, organisationID: newCase.organisationID, on: connection, logger: logger)
            return CaseRecord(
                id: newCase.id, organisationID: newCase.organisationID, number: number, status: newCase.status,
                assigneeID: newCase.assigneeID, department: newCase.department, verdict: newCase.verdict,
                mandateUntil: newCase.mandateUntil, mandateRevokedAt: nil, sealedContent: newCase.sealedContent,
                createdAt: now, updatedAt: now, closedAt: nil, version: 1)
        }
    }

    public func caseRecord(id: String, organisationID: String) async throws(StorageError) -> CaseRecord? {
        let rows = try await database.rows(
            """
            SELECT \(unescaped: Self.caseColumns) FROM help_case WHERE id = \(id) AND organisation_id = \(organisationID)
            """)
        return try rows.first.map { row throws(StorageError) in try Self.caseRecord(row) }
    }

    public func cases(organisationID: String, filter: CaseFilter) async throws(StorageError) -> [CaseSummary] {
        let rows = try await database.rows(
            """
            SELECT c.id, c.number, c.status, c.assignee_id, c.department, c.verdict, c.mandate_until, c.mandate_revoked_at,
                c.created_at, c.updated_at, c.closed_at, c.version
            FROM help_case c
            WHERE c.organisation_id = \(organisationID)
                AND (\(filter.assigneeID)::text IS NULL OR c.assignee_id = \(filter.assigneeID))
                AND (cardinality(\(filter.statuses)::text[]) = 0 OR c.status = ANY(\(filter.statuses)::text[]))
                AND (\(filter.department)::text IS NULL OR c.department = \(filter.department))
                AND (cardinality(\(filter.verdicts)::text[]) = 0 OR c.verdict = ANY(\(filter.verdicts)::text[]))
            ORDER BY \(unescaped: Self.numberOrder(descending: true))
            """)
        return try Self.map(rows) { row throws(StorageError) in
            let (id, number, status, assignee, department, verdict, mandate, revoked, created, updated, closed, version) =
                try Self.decode(
                    row,
                    as: (String, String, String, String?, String, String, String, Int64?, Int64, Int64, Int64?, Int).self)
            return CaseSummary(
                id: id, number: number, status: status, assigneeID: assignee, department: department, verdict: verdict,
                mandateUntil: mandate, mandateRevokedAt: revoked, createdAt: created, updatedAt: updated, closedAt: closed,
                version: version)
        }
    }

    public func updateCase(_ record: CaseRecord, deadlines: [CaseDeadlineRecord], now: Int64) async throws(StorageError)
        -> CaseRecord
    {
        let logger = database.logger
        let content = ByteBuffer(bytes: record.sealedContent)
        return try await database.transaction { connection in
            // The row lock taken here orders racing updates: the second sees the new version and updates nothing.
            let updated = try await connection.query(
                """
                UPDATE help_case SET status = \(record.status), assignee_id = \(record.assigneeID),
                    department = \(record.department), verdict = \(record.verdict), mandate_until = \(record.mandateUntil),
                    mandate_revoked_at = \(record.mandateRevokedAt), sealed_content = \(content),
                    updated_at = greatest(updated_at, \(now)), closed_at = \(record.closedAt), version = version + 1
                WHERE id = \(record.id) AND organisation_id = \(record.organisationID) AND version = \(Int64(record.version))
                RETURNING \(unescaped: Self.caseColumns)
                """, logger: logger
            ).collect()
            guard let row = updated.first else {
                let exists = try await connection.query(
                    "SELECT 1 FROM help_case WHERE id = \(record.id) AND organisation_id = \(record.organisationID)",
                    logger: logger
                ).collect()
                throw StorageError(exists.isEmpty ? .notFound : .conflict)
            }
            let stored = try Self.caseRecord(row)
            try await connection.query("DELETE FROM case_deadline WHERE case_id = \(record.id)", logger: logger)
            try await Self.insertDeadlines(
                deadlines, caseID: record.id, organisationID: record.organisationID, on: connection, logger: logger)
            return stored
        }
    }

    @discardableResult
    public func deleteCase(id: String, organisationID: String) async throws(StorageError) -> Bool {
        // One statement: the foreign keys cascade to the deadlines and the captures.
        let rows = try await database.rows(
            "DELETE FROM help_case WHERE id = \(id) AND organisation_id = \(organisationID) RETURNING id")
        return !rows.isEmpty
    }

    public func deadlines(organisationID: String, filter: CaseFilter, dueOnOrBefore: String?, limit: Int?)
        async throws(StorageError) -> [DashboardDeadline]
    {
        let rows = try await database.rows(
            """
            SELECT d.case_id, c.number, c.status, c.assignee_id, d.rule_id, d.due
            FROM case_deadline d JOIN help_case c ON c.id = d.case_id
            WHERE d.organisation_id = \(organisationID) AND c.organisation_id = \(organisationID)
                AND (\(filter.assigneeID)::text IS NULL OR c.assignee_id = \(filter.assigneeID))
                AND (cardinality(\(filter.statuses)::text[]) = 0 OR c.status = ANY(\(filter.statuses)::text[]))
                AND (\(filter.department)::text IS NULL OR c.department = \(filter.department))
                AND (cardinality(\(filter.verdicts)::text[]) = 0 OR c.verdict = ANY(\(filter.verdicts)::text[]))
                AND (\(dueOnOrBefore)::text IS NULL OR d.due COLLATE "C" <= \(dueOnOrBefore))
            ORDER BY d.due COLLATE "C", \(unescaped: Self.numberOrder(descending: false)), d.position
            LIMIT \(limit)::bigint
            """)
        return try Self.map(rows) { row throws(StorageError) in
            let (caseID, number, status, assignee, rule, due) = try Self.decode(
                row, as: (String, String, String, String?, String, String).self)
            return DashboardDeadline(
                caseID: caseID, caseNumber: number, caseStatus: status, assigneeID: assignee, ruleID: rule, due: due)
        }
    }

    public func casesClosed(before cutoff: Int64, organisationID: String) async throws(StorageError) -> [String] {
        let rows = try await database.rows(
            """
            SELECT id FROM help_case WHERE organisation_id = \(organisationID) AND closed_at IS NOT NULL AND closed_at < \(cutoff)
            ORDER BY id COLLATE "C"
            """)
        return try Self.map(rows) { row throws(StorageError) in try Self.decode(row, as: String.self) }
    }

    // MARK: Case captures

    public func putCaseAttachment(
        _ sealed: [UInt8], slot: Int, caseID: String, organisationID: String, limit: Int, now: Int64
    ) async throws(StorageError) {
        guard sealed.count <= limit else {
            throw StorageError(.conflict, underlying: AttachmentTooLarge(byteCount: sealed.count, limit: limit))
        }
        let blob = ByteBuffer(bytes: sealed)
        let logger = database.logger
        try await database.transaction { connection in
            // KEY SHARE: the case cannot be deleted before the capture is written, and writers of the case do not wait.
            let owned = try await connection.query(
                "SELECT 1 FROM help_case WHERE id = \(caseID) AND organisation_id = \(organisationID) FOR KEY SHARE",
                logger: logger
            ).collect()
            guard !owned.isEmpty else { throw StorageError(.notFound) }
            try await connection.query(
                """
                INSERT INTO case_attachment (case_id, slot, byte_count, sealed, updated_at)
                VALUES (\(caseID), \(Int64(slot)), \(Int64(sealed.count)), \(blob), \(now))
                ON CONFLICT (case_id, slot) DO UPDATE SET
                    byte_count = excluded.byte_count, sealed = excluded.sealed, updated_at = excluded.updated_at
                """, logger: logger)
        }
    }

    public func caseAttachment(slot: Int, caseID: String, organisationID: String) async throws(StorageError)
        -> SealedAttachment?
    {
        let rows = try await database.rows(
            """
            SELECT a.slot, a.sealed, a.byte_count, a.updated_at FROM case_attachment a JOIN help_case c ON c.id = a.case_id
            WHERE a.case_id = \(caseID) AND a.slot = \(Int64(slot)) AND c.organisation_id = \(organisationID)
            """)
        guard let row = rows.first else { return nil }
        let (slot, sealed, byteCount, updatedAt) = try Self.decode(row, as: (Int, Data, Int, Int64).self)
        // The size is written with the bytes: a mismatch means the row was damaged.
        guard sealed.count == byteCount else { throw StorageError(.corrupted) }
        return SealedAttachment(slot: slot, sealed: [UInt8](sealed), updatedAt: updatedAt)
    }

    public func caseAttachments(caseID: String, organisationID: String) async throws(StorageError)
        -> [SealedAttachmentInfo]
    {
        let rows = try await database.rows(
            """
            SELECT a.slot, a.byte_count, octet_length(a.sealed), a.updated_at FROM case_attachment a
            JOIN help_case c ON c.id = a.case_id
            WHERE a.case_id = \(caseID) AND c.organisation_id = \(organisationID) ORDER BY a.slot
            """)
        return try Self.map(rows) { row throws(StorageError) in
            let (slot, byteCount, stored, updatedAt) = try Self.decode(row, as: (Int, Int, Int, Int64).self)
            guard byteCount == stored else { throw StorageError(.corrupted) }
            return SealedAttachmentInfo(slot: slot, byteCount: byteCount, updatedAt: updatedAt)
        }
    }

    // MARK: Audit

    @discardableResult
    public func appendAudit(organisationID: String, _ make: @escaping @Sendable (AuditRecord?) -> AuditRecord)
        async throws(StorageError) -> AuditRecord
    {
        let logger = database.logger
        return try await database.transaction { connection in
            // Serialises the organisation's appends across nodes: the next one waits here until this one commits,
            // then reads this entry as the last. NO KEY UPDATE leaves the rows referencing the organisation free.
            _ = try await connection.query(
                "SELECT 1 FROM organisation WHERE id = \(organisationID) FOR NO KEY UPDATE", logger: logger
            ).collect()
            let lastRows = try await connection.query(
                """
                SELECT \(unescaped: Self.auditColumns) FROM audit_entry WHERE organisation_id = \(organisationID)
                ORDER BY sequence DESC LIMIT 1
                """, logger: logger
            ).collect()
            let last = try lastRows.first.map { row throws(StorageError) in try Self.audit(row) }
            let entry = make(last)
            guard entry.organisationID == organisationID, entry.sequence == (last?.sequence ?? 0) + 1 else {
                throw StorageError(.conflict)
            }
            try await connection.query(
                """
                INSERT INTO audit_entry (organisation_id, sequence, at, actor_id, action, case_id, previous_hash, hash)
                VALUES (\(entry.organisationID), \(Int64(entry.sequence)), \(entry.at), \(entry.actorID), \(entry.action),
                    \(entry.caseID), \(entry.previousHash), \(entry.hash))
                """, logger: logger)
            return entry
        }
    }

    public func auditRecords(organisationID: String, after: Int, limit: Int) async throws(StorageError) -> [AuditRecord] {
        let rows = try await database.rows(
            """
            SELECT \(unescaped: Self.auditColumns) FROM audit_entry
            WHERE organisation_id = \(organisationID) AND sequence > \(Int64(after))
            ORDER BY sequence LIMIT \(Int64(max(0, limit)))
            """)
        return try Self.map(rows, Self.audit)
    }

    // MARK: Rows

    static let organisationColumns = "id, slug, name, wrapped_data_key, master_key_id, retention_months, created_at"
    static let accountColumns = """
        id, organisation_id, email_lookup, sealed_profile, role, status, password_hash, sealed_totp_secret, \
        last_totp_step, failed_logins, locked_until, calendar_token_hash, created_at, version
        """
    static let invitationColumns = "token_hash, account_id, organisation_id, expires_at"
    static let caseColumns = """
        id, organisation_id, number, status, assignee_id, department, verdict, mandate_until, mandate_revoked_at, \
        sealed_content, created_at, updated_at, closed_at, version
        """
    static let auditColumns = "sequence, organisation_id, at, actor_id, action, case_id, previous_hash, hash"

    /// The order of case numbers (`2026-0042`) over the table aliased `c`: by year, then by count, as numbers (text
    /// would put `2026-10000` before `2026-9999`). The creation time is not used: a case of last year may be opened
    /// today.
    static func numberOrder(descending: Bool) -> String {
        let direction = descending ? "DESC" : "ASC"
        return "split_part(c.number, '-', 1)::bigint \(direction), split_part(c.number, '-', 2)::bigint \(direction)"
    }

    static func insertDeadlines(
        _ deadlines: [CaseDeadlineRecord], caseID: String, organisationID: String, on connection: PostgresConnection,
        logger: Logger
    ) async throws {
        guard !deadlines.isEmpty else { return }
        // One statement whatever the number of deadlines.
        let positions = deadlines.indices.map { Int64($0) }
        let rules = deadlines.map(\.ruleID)
        let days = deadlines.map(\.due)
        try await connection.query(
            """
            INSERT INTO case_deadline (case_id, position, organisation_id, rule_id, due)
            SELECT \(caseID), t.position, \(organisationID), t.rule_id, t.due
            FROM unnest(\(positions)::bigint[], \(rules)::text[], \(days)::text[]) AS t (position, rule_id, due)
            """, logger: logger)
    }

    static func decode<each Column: PostgresDecodable>(
        _ row: PostgresRow, as type: (repeat each Column).Type
    ) throws(StorageError) -> (repeat each Column) {
        do {
            return try row.decode(type)
        } catch {
            throw StorageError(.corrupted, underlying: error)
        }
    }

    static func map<T>(_ rows: [PostgresRow], _ transform: (PostgresRow) throws(StorageError) -> T) throws(StorageError)
        -> [T]
    {
        var values: [T] = []
        values.reserveCapacity(rows.count)
        for row in rows { values.append(try transform(row)) }
        return values
    }

    static func count(_ rows: [PostgresRow]) throws(StorageError) -> Int {
        guard let row = rows.first else { throw StorageError(.corrupted) }
        return try decode(row, as: Int.self)
    }

    static func organisation(_ row: PostgresRow) throws(StorageError) -> OrganisationRecord {
        let (id, slug, name, key, masterKeyID, retention, created) = try decode(
            row, as: (String, String, String, Data, Int, Int, Int64).self)
        guard let keyID = UInt8(exactly: masterKeyID) else { throw StorageError(.corrupted) }
        return OrganisationRecord(
            id: id, slug: slug, name: name, wrappedDataKey: [UInt8](key), masterKeyID: keyID, retentionMonths: retention,
            createdAt: created)
    }

    static func account(_ row: PostgresRow) throws(StorageError) -> AccountRecord {
        let (id, organisation, email, profile, role, statusText, password, totp, step, failed, locked, calendar, created, version) =
            try decode(
                row,
                as: (String, String, String, Data, String, String, String?, Data?, Int64, Int, Int64, String?, Int64, Int).self)
        guard let status = AccountRecord.Status(rawValue: statusText), version >= 1 else { throw StorageError(.corrupted) }
        return AccountRecord(
            id: id, organisationID: organisation, emailLookup: email, sealedProfile: [UInt8](profile), role: role,
            status: status, passwordHash: password, sealedTOTPSecret: totp.map { [UInt8]($0) }, lastTOTPStep: step,
            failedLogins: failed, lockedUntil: locked, calendarTokenHash: calendar, createdAt: created, version: version)
    }

    static func invitation(_ row: PostgresRow) throws(StorageError) -> InvitationRecord {
        let (token, account, organisation, expires) = try decode(row, as: (String, String, String, Int64).self)
        return InvitationRecord(tokenHash: token, accountID: account, organisationID: organisation, expiresAt: expires)
    }

    static func caseRecord(_ row: PostgresRow) throws(StorageError) -> CaseRecord {
        let (id, organisation, number, status, assignee, department, verdict, mandate, revoked, content, created, updated,
            closed, version) = try decode(
                row,
                as: (String, String, String, String, String?, String, String, String, Int64?, Data, Int64, Int64, Int64?, Int)
                    .self)
        guard version >= 1 else { throw StorageError(.corrupted) }
        return CaseRecord(
            id: id, organisationID: organisation, number: number, status: status, assigneeID: assignee,
            department: department, verdict: verdict, mandateUntil: mandate, mandateRevokedAt: revoked,
            sealedContent: [UInt8](content), createdAt: created, updatedAt: updated, closedAt: closed, version: version)
    }

    static func audit(_ row: PostgresRow) throws(StorageError) -> AuditRecord {
        let (sequence, organisation, at, actor, action, caseID, previous, hash) = try decode(
            row, as: (Int, String, Int64, String, String, String?, String, String).self)
        return AuditRecord(
            sequence: sequence, organisationID: organisation, at: at, actorID: actor, action: action, caseID: caseID,
            previousHash: previous, hash: hash)
    }

    /// Row counts of the help-desk tables, for tests that check erasure.
    func rowCounts() async throws(StorageError) -> [String: Int] {
        let rows = try await database.rows(
            """
            SELECT (SELECT count(*) FROM help_case), (SELECT count(*) FROM case_deadline),
                (SELECT count(*) FROM case_attachment), (SELECT count(*) FROM desk_session),
                (SELECT count(*) FROM invitation), (SELECT count(*) FROM audit_entry)
            """)
        guard let row = rows.first else { throw StorageError(.corrupted) }
        let (cases, deadlines, attachments, sessions, invitations, audit) = try Self.decode(
            row, as: (Int, Int, Int, Int, Int, Int).self)
        return [
            "help_case": cases, "case_deadline": deadlines, "case_attachment": attachments, "desk_session": sessions,
            "invitation": invitations, "audit_entry": audit,
        ]
    }
}
