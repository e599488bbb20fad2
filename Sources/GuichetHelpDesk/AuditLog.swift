public import GuichetStorage
internal import GuichetEncryption

/// What kind of action an audit entry records (never what was read or written).
public enum AuditAction: String, Sendable, Equatable, CaseIterable {
    case caseCreate = "case.create"
    case caseOpen = "case.open"
    case caseUpdate = "case.update"
    case caseAssign = "case.assign"
    case caseAttempt = "case.attempt"
    case caseCapture = "case.capture"
    case caseDocument = "case.document"
    case caseExport = "case.export"
    case caseImport = "case.import"
    case caseDelete = "case.delete"
    case casePurge = "case.purge"
    case mandateRevoke = "mandate.revoke"
    case mandatePrint = "mandate.print"
    case filingBundle = "filing.bundle"
    case memberInvite = "member.invite"
    case memberJoin = "member.join"
    case memberChange = "member.change"
    case memberLogin = "member.login"
    case memberLogout = "member.logout-everywhere"
    case settingsChange = "settings.change"
}

/// The organisation's audit log: every opening, change, export and deletion of a case, chained with SHA-256 like the
/// attempt journal, so that a removed or altered entry breaks the chain.
///
/// Entry hash = SHA-256 of the UTF-8 text `guichet-audit-v1`, then each field on its own line: sequence, organisation
/// id, instant (Unix seconds), actor, action, case id (empty when none), previous hash (64 zeros for the first).
public struct AuditLog: Sendable {
    public static let genesisHash = String(repeating: "0", count: 64)
    let store: any HelpDeskStore

    public init(store: any HelpDeskStore) {
        self.store = store
    }

    public static func hash(
        sequence: Int, organisationID: String, at: Int64, actorID: String, action: String, caseID: String?, previous: String
    ) -> String {
        let text = ["guichet-audit-v1", String(sequence), organisationID, String(at), actorID, action, caseID ?? "", previous]
            .joined(separator: "\n")
        return Hashing.sha256Hex(Array(text.utf8))
    }

    /// Appends an entry; the chain is extended in the same transaction as reading its last entry.
    @discardableResult
    public func record(
        _ action: AuditAction, organisationID: String, actorID: String, caseID: String? = nil, at: Int64
    ) async throws(HelpDeskError) -> AuditRecord {
        do {
            return try await store.appendAudit(organisationID: organisationID) { last in
                let sequence = (last?.sequence ?? 0) + 1
                let previous = last?.hash ?? Self.genesisHash
                return AuditRecord(
                    sequence: sequence, organisationID: organisationID, at: at, actorID: actorID, action: action.rawValue,
                    caseID: caseID,
                    previousHash: previous,
                    hash: Self.hash(
                        sequence: sequence, organisationID: organisationID, at: at, actorID: actorID,
                        action: action.rawValue, caseID: caseID, previous: previous))
            }
        } catch { throw .from(error) }
    }

    /// What ``verify(organisationID:)`` found.
    public struct Verification: Sendable, Equatable {
        /// How many entries were checked.
        public let entries: Int
        /// The first entry that breaks the chain (its sequence) and why, or `nil` when the log is intact.
        public let firstBreak: (sequence: Int, reason: String)?

        public var isIntact: Bool { firstBreak == nil }

        public static func == (lhs: Verification, rhs: Verification) -> Bool {
            lhs.entries == rhs.entries && lhs.firstBreak?.sequence == rhs.firstBreak?.sequence
                && lhs.firstBreak?.reason == rhs.firstBreak?.reason
        }
    }

    /// Reads the whole log in pages and checks sequences, links and hashes.
    public func verify(organisationID: String) async throws(HelpDeskError) -> Verification {
        var previous = Self.genesisHash
        var expected = 1
        var after = 0
        while true {
            let page: [AuditRecord]
            do { page = try await store.auditRecords(organisationID: organisationID, after: after, limit: 1000) } catch {
                throw .from(error)
            }
            if page.isEmpty { break }
            for entry in page {
                if entry.sequence != expected {
                    return Verification(entries: expected - 1, firstBreak: (entry.sequence, "entrée manquante avant celle-ci (n° \(expected) attendu)"))
                }
                if entry.previousHash != previous {
                    return Verification(entries: expected - 1, firstBreak: (entry.sequence, "lien rompu avec l'entrée précédente"))
                }
                let recomputed = Self.hash(
                    sequence: entry.sequence, organisationID: entry.organisationID, at: entry.at, actorID: entry.actorID,
                    action: entry.action, caseID: entry.caseID, previous: entry.previousHash)
                if recomputed != entry.hash {
                    return Verification(entries: expected - 1, firstBreak: (entry.sequence, "entrée modifiée (empreinte différente)"))
                }
                previous = entry.hash
                expected += 1
            }
            after = page.last!.sequence
        }
        return Verification(entries: expected - 1, firstBreak: nil)
    }

    /// A page of the log, for the admin's page.
    public func entries(organisationID: String, after: Int, limit: Int) async throws(HelpDeskError) -> [AuditRecord] {
        do { return try await store.auditRecords(organisationID: organisationID, after: after, limit: limit) } catch {
            throw .from(error)
        }
    }
}
