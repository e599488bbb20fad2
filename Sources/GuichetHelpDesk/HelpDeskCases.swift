public import GuichetCore
public import GuichetDocuments
public import GuichetEncryption
public import GuichetStorage
public import Logging
internal import Foundation

/// A case opened for one request: its clear record and its unsealed content.
public struct OpenedCase: Sendable, Equatable {
    public let record: CaseRecord
    public var content: CaseContent

    public var id: String { record.id }
    public var number: String { record.number }
    public var version: Int { record.version }
    public var status: CaseStatus { CaseStatus(rawValue: record.status) ?? .ouvert }
    public var evidence: EvidenceReport { EvidenceRule.standard.evaluate(content.caseFile) }

    /// Whether the case may change on `today`: a valid mandate (the case is read-only once it is revoked or over).
    public func isEditable(on today: LocalDate) -> Bool { content.mandate.isValid(on: today) }
}

/// What a new case starts with: the person, the procedure and the mandate they gave.
public struct NewCaseInput: Sendable, Equatable {
    public var person: Person
    public var languages: [String]
    public var department: Department
    public var procedure: Procedure
    public var procedureDetail: String?
    /// The end of the current residence permit (a renewal's référé needs it).
    public var permitExpiry: LocalDate?
    public var circumstances: String?
    public var mandate: Mandate
    /// The member it is assigned to; a bénévole's new case is always their own.
    public var assigneeID: String?

    public init(
        person: Person, languages: [String] = [], department: Department, procedure: Procedure,
        procedureDetail: String? = nil, permitExpiry: LocalDate? = nil, circumstances: String? = nil, mandate: Mandate,
        assigneeID: String? = nil
    ) {
        self.permitExpiry = permitExpiry
        self.person = person
        self.languages = languages
        self.department = department
        self.procedure = procedure
        self.procedureDetail = procedureDetail
        self.circumstances = circumstances
        self.mandate = mandate
        self.assigneeID = assigneeID
    }
}

/// One line of the deadlines dashboard.
public struct DashboardEntry: Sendable, Equatable {
    public let caseID: String
    public let caseNumber: String
    public let caseStatus: CaseStatus
    public let assigneeID: String?
    public let ruleID: String
    /// The rule's label and source, from the catalogue (`nil` if the rule is gone from it).
    public let rule: DeadlineRule?
    public let due: LocalDate
    public let daysLeft: Int
    public let urgency: DeadlineReminder.Urgency
    /// Whether today is one of the reminder days (15, 7, 2, 0 days before).
    public let isReminderDay: Bool
}

/// The cases of the help desk: created with a mandate, sealed under the organisation's key, changed with optimistic
/// versions, every opening, change, export and deletion written to the audit log.
public struct HelpDeskCases: Sendable {
    /// The largest capture accepted (the journal's limit).
    public static let maximumCaptureSize = Journal.maximumCaptureSize
    public static let maximumCaptureCount = 200

    let store: any HelpDeskStore
    let vault: KeyVault
    let audit: AuditLog
    let logger: Logger

    public init(store: any HelpDeskStore, vault: KeyVault, logger: Logger) {
        self.store = store
        self.vault = vault
        self.audit = AuditLog(store: store)
        self.logger = logger
    }

    /// The calendar day in Paris at `now` (Unix seconds).
    public static func parisDay(_ now: Int64) -> LocalDate {
        CivilTimeZone.europeParis.wallClockReading(utcMinutes: Int(now / 60)).date
    }

    // MARK: Create, open, list

    public func create(_ input: NewCaseInput, by member: Member, now: Int64) async throws(HelpDeskError) -> OpenedCase {
        guard member.may(.createCase) else { throw .forbidden }
        // The name may still be unknown (a self-help file handed over before that question): the form asks for it.
        let assignee = member.role == .benevole ? member.accountID : input.assigneeID
        let caseFile = CaseFile(
            person: input.person, department: input.department, procedure: input.procedure,
            procedureDetail: input.procedureDetail, permitExpiry: input.permitExpiry, circumstances: input.circumstances)
        let content = CaseContent(caseFile: caseFile, languages: input.languages, mandate: input.mandate)
        let id = HelpDeskAccounts.newID()
        let sealed = try seal(content, caseID: id, organisation: member.organisation)
        let verdict = EvidenceRule.standard.evaluate(caseFile).verdict
        let record: CaseRecord
        do {
            record = try await store.createCase(
                NewCase(
                    id: id, organisationID: member.organisation.id, year: Self.parisDay(now).year,
                    status: CaseStatus.ouvert.rawValue, assigneeID: assignee, department: input.department.code,
                    verdict: verdict.rawValue, mandateUntil: input.mandate.until.iso, sealedContent: sealed),
                deadlines: content.deadlineRecords, now: now)
        } catch { throw .from(error) }
        try await audit.record(.caseCreate, organisationID: member.organisation.id, actorID: member.accountID, caseID: id, at: now)
        logger.info("case created", metadata: ["org.id": "\(member.organisation.id)", "case.id": "\(id)"])
        return OpenedCase(record: record, content: content)
    }

    /// Opens a case the member may read; records the opening in the audit log (unless `audited` is false, for the
    /// internal reads of a request that already recorded what it did).
    public func open(_ id: String, by member: Member, now: Int64, audited: Bool = true) async throws(HelpDeskError) -> OpenedCase {
        let opened = try await load(id, organisation: member.organisation)
        guard member.may(.readCase, caseAssignee: opened.record.assigneeID) else { throw .forbidden }
        if audited {
            try await audit.record(.caseOpen, organisationID: member.organisation.id, actorID: member.accountID, caseID: id, at: now)
        }
        return opened
    }

    /// The cases the member may see (a bénévole: those assigned to them).
    public func list(by member: Member, filter: CaseFilter = CaseFilter()) async throws(HelpDeskError) -> [CaseSummary] {
        guard member.may(.listCases) else { throw .forbidden }
        var filter = filter
        if member.role == .benevole { filter.assigneeID = member.accountID }
        do { return try await store.cases(organisationID: member.organisation.id, filter: filter) } catch { throw .from(error) }
    }

    // MARK: Change

    /// What a change may set besides the content.
    public struct ClearChange: Sendable {
        public var status: CaseStatus
        public var assigneeID: String?
    }

    /// Applies `change` to the case if it is still at `expectedVersion`, re-seals it and stores it. A stale version
    /// throws `.staleVersion` (the caller shows the current case, with the other member's change); a revoked or
    /// expired mandate throws `.mandateNotValid` (except for closing the case).
    public func update(
        _ id: String, expectedVersion: Int, by member: Member, now: Int64, action: AuditAction = .caseUpdate,
        _ change: (inout CaseContent, inout ClearChange) throws(HelpDeskError) -> Void
    ) async throws(HelpDeskError) -> OpenedCase {
        let current = try await load(id, organisation: member.organisation)
        let needed: HelpDeskAction = action == .caseAssign ? .assignCase : .editCase
        guard member.may(needed, caseAssignee: current.record.assigneeID) else { throw .forbidden }
        guard current.version == expectedVersion else { throw .staleVersion }
        var content = current.content
        var clear = ClearChange(status: current.status, assigneeID: current.record.assigneeID)
        try change(&content, &clear)
        let closingOnly = clear.status == .clos && content == current.content
        guard current.isEditable(on: Self.parisDay(now)) || closingOnly else { throw .mandateNotValid }
        if member.role == .benevole && clear.assigneeID != current.record.assigneeID { throw .forbidden }
        let saved = try await store(content, clear: clear, over: current.record, organisation: member.organisation, now: now)
        try await audit.record(action, organisationID: member.organisation.id, actorID: member.accountID, caseID: id, at: now)
        return OpenedCase(record: saved, content: content)
    }

    /// Appends an attempt to the case's journal (hash-chained as by `guichet journal append`), with an optional capture.
    public func appendAttempt(
        _ attempt: Attempt, capture: [UInt8]?, to id: String, expectedVersion: Int, by member: Member, now: Int64
    ) async throws(HelpDeskError) -> OpenedCase {
        var stored: CaseCapture?
        if let capture {
            let current = try await load(id, organisation: member.organisation)
            guard member.may(.editCase, caseAssignee: current.record.assigneeID) else { throw .forbidden }
            guard current.version == expectedVersion else { throw .staleVersion }
            guard current.isEditable(on: Self.parisDay(now)) else { throw .mandateNotValid }
            stored = try await putCapture(capture, in: current, organisation: member.organisation, now: now)
        }
        return try await update(id, expectedVersion: expectedVersion, by: member, now: now, action: .caseAttempt) {
            content, _ throws(HelpDeskError) in
            var entry = attempt
            if let stored {
                entry.capture = stored.reference
                content.captures.append(stored)
            }
            do throws(JournalError) {
                content.caseFile = try Journal.append(entry, capture: capture, to: content.caseFile, hash: Hashing.sha256)
            } catch { throw .invalid(error.frenchMessage) }
        }
    }

    /// Adds a deadline computed by the engine from `start` (the notification date the member chose).
    public func addDeadline(ruleID: String, start: LocalDate, to id: String, expectedVersion: Int, by member: Member, now: Int64)
        async throws(HelpDeskError) -> OpenedCase
    {
        try await update(id, expectedVersion: expectedVersion, by: member, now: now) { content, _ throws(HelpDeskError) in
            do throws(DeadlineError) {
                _ = try DeadlineEngine.compute(DeadlineRequest(ruleID: ruleID, date: start, department: content.caseFile.department))
            } catch { throw .invalid(error.frenchMessage) }
            content.deadlines.removeAll { $0.ruleID == ruleID }
            content.deadlines.append(CaseDeadline(ruleID: ruleID, start: start))
        }
    }

    /// Revokes the mandate at once: the case becomes read-only and no document can be made from it.
    public func revokeMandate(_ id: String, by member: Member, now: Int64) async throws(HelpDeskError) -> OpenedCase {
        let current = try await load(id, organisation: member.organisation)
        guard member.may(.revokeMandate, caseAssignee: current.record.assigneeID) else { throw .forbidden }
        guard current.content.mandate.revokedAt == nil else { return current }
        var content = current.content
        content.mandate.revokedAt = now
        let clear = ClearChange(status: current.status, assigneeID: current.record.assigneeID)
        let saved = try await store(content, clear: clear, over: current.record, organisation: member.organisation, now: now)
        try await audit.record(.mandateRevoke, organisationID: member.organisation.id, actorID: member.accountID, caseID: id, at: now)
        return OpenedCase(record: saved, content: content)
    }

    /// Erases the case, its deadlines and its captures.
    public func delete(_ id: String, by member: Member, now: Int64) async throws(HelpDeskError) {
        let current = try await load(id, organisation: member.organisation)
        guard member.may(.deleteCase, caseAssignee: current.record.assigneeID) else { throw .forbidden }
        do {
            guard try await store.deleteCase(id: id, organisationID: member.organisation.id) else { throw HelpDeskError.notFound }
        } catch let error as HelpDeskError {
            throw error
        } catch {
            throw .storage(.unavailable)
        }
        try await audit.record(.caseDelete, organisationID: member.organisation.id, actorID: member.accountID, caseID: id, at: now)
        logger.info("case deleted", metadata: ["org.id": "\(member.organisation.id)", "case.id": "\(id)"])
    }

    // MARK: Captures

    /// The plaintext of every capture the journal refers to, by reference (what the documents read).
    public func captures(of opened: OpenedCase, organisation: OrganisationRecord) async throws(HelpDeskError) -> [String: [UInt8]] {
        let sealer = try vault.sealer(for: organisation)
        let referenced = Set(opened.content.caseFile.attempts.compactMap(\.capture))
        var result: [String: [UInt8]] = [:]
        for capture in opened.content.captures where referenced.contains(capture.reference) {
            let attachment: SealedAttachment?
            do { attachment = try await store.caseAttachment(slot: capture.slot, caseID: opened.id, organisationID: organisation.id) } catch {
                throw .from(error)
            }
            guard let attachment else { continue }
            do { result[capture.reference] = try sealer.open(attachment.sealed, record: opened.id, field: "capture-\(capture.slot)") } catch {
                throw .sealedDataUnreadable
            }
        }
        return result
    }

    /// One capture's plaintext, for the member to look at (audited as an opening).
    public func capture(_ reference: String, of id: String, by member: Member, now: Int64) async throws(HelpDeskError)
        -> (CaseCapture, [UInt8])
    {
        let opened = try await open(id, by: member, now: now)
        guard let capture = opened.content.capture(named: reference) else { throw .notFound }
        guard let bytes = try await captures(of: opened, organisation: member.organisation)[reference] else { throw .notFound }
        return (capture, bytes)
    }

    func putCapture(_ bytes: [UInt8], in opened: OpenedCase, organisation: OrganisationRecord, now: Int64)
        async throws(HelpDeskError) -> CaseCapture
    {
        guard !bytes.isEmpty else { throw .captureRefused("Le fichier est vide.") }
        guard bytes.count <= Self.maximumCaptureSize else {
            throw .captureRefused("Le fichier dépasse \(Self.maximumCaptureSize / 1_048_576) Mo.")
        }
        guard let format = CaptureFormat.sniff(bytes) else {
            throw .captureRefused("Le fichier n'est ni une image PNG ou JPEG, ni un PDF.")
        }
        if ImageDimensions.problem(bytes, format: format) != nil {
            throw .captureRefused("Les dimensions de cette image ne sont pas celles d'une capture d'écran.")
        }
        guard opened.content.captures.count < Self.maximumCaptureCount else {
            throw .captureRefused("Ce dossier a atteint le nombre maximal de pièces.")
        }
        let slot = (opened.content.captures.map(\.slot).max() ?? -1) + 1
        var random = SystemRandomNumberGenerator()
        let sealed: [UInt8]
        do { sealed = try vault.sealer(for: organisation).seal(bytes, record: opened.id, field: "capture-\(slot)", using: &random) } catch {
            throw .sealedDataUnreadable
        }
        do {
            try await store.putCaseAttachment(
                sealed, slot: slot, caseID: opened.id, organisationID: organisation.id,
                limit: Self.maximumCaptureSize + FieldSealer.overheadByteCount, now: now)
        } catch { throw .from(error) }
        let extensionName = format == .jpeg ? "jpg" : format.rawValue
        // An imported case keeps the self-help file's names, which may take a number this slot would give.
        var reference = "piece-\(slot + 1).\(extensionName)"
        var suffix = 2
        while opened.content.capture(named: reference) != nil {
            reference = "piece-\(slot + 1)-\(suffix).\(extensionName)"
            suffix += 1
        }
        return CaseCapture(slot: slot, reference: reference, format: format, byteCount: bytes.count)
    }

    // MARK: Documents

    /// The mandate scope a document needs.
    public static func requiredScope(for kind: DocumentKind) -> MandateScope {
        switch kind {
        case .refereMesuresUtiles, .refereANEFBloque: .saisirTribunal
        // A recours written in the person's name: the scope of letters to the administration, the strictest one.
        case .lettrePrefecture, .recoursPrealable: .ecrirePrefecture
        case .saisineDefenseurDesDroits, .lettreEmployeurMOE, .reclamationCAF: .demarches
        }
    }

    /// A document of the case, byte for byte what `guichet document` writes for the same case file and captures.
    /// Refused without a valid mandate covering the document.
    public func document(
        _ kind: DocumentKind, format: DocumentFormat, split: Bool = false, of id: String, by member: Member, now: Int64
    ) async throws(HelpDeskError) -> [UInt8] {
        let opened = try await load(id, organisation: member.organisation)
        guard member.may(.generateDocument, caseAssignee: opened.record.assigneeID) else { throw .forbidden }
        let today = Self.parisDay(now)
        guard opened.content.mandate.allows(Self.requiredScope(for: kind), on: today) else { throw .mandateNotValid }
        let bytes = try await render(kind, format: format, split: split, of: opened, organisation: member.organisation, today: today)
        try await audit.record(.caseDocument, organisationID: member.organisation.id, actorID: member.accountID, caseID: id, at: now)
        return bytes
    }

    func render(
        _ kind: DocumentKind, format: DocumentFormat, split: Bool, of opened: OpenedCase, organisation: OrganisationRecord,
        today: LocalDate
    ) async throws(HelpDeskError) -> [UInt8] {
        if format == .pdf || split {
            let problems: [PrintabilityCheck.Problem]
            do { problems = try PrintabilityCheck.problems(in: opened.content.caseFile) } catch {
                throw .invalid("Les polices du PDF sont introuvables sur ce serveur.")
            }
            if !problems.isEmpty { throw .invalid(problems.map(\.frenchMessage).joined(separator: "\n")) }
        }
        let files = try await captures(of: opened, organisation: organisation)
        do {
            let drafted = try kind.draft(from: opened.content.caseFile, today: today, files: { files[$0] }, hash: Hashing.sha256)
            return split
                ? try SplitFiling.archive(drafted.draft, format: format, mainStem: kind.splitFileStem)
                : try format.writer.write(drafted.draft)
        } catch let error as CaseFileError {
            throw .invalid(error.frenchMessage)
        } catch let error as DocumentError {
            throw .invalid(error.frenchMessage)
        } catch {
            throw .invalid("Le document n'a pas pu être rédigé.")
        }
    }

    // MARK: Dashboard

    /// How far the dashboard looks ahead, in days (the reminders start 15 days before), and how many lines it shows.
    public static let dashboardHorizonDays = 31
    public static let dashboardLimit = 300

    /// The deadlines of every case the member may see, by day — so overdue ones first — up to `horizonDays` ahead
    /// (`nil`: all) and at most `limit` lines (`nil`: all); closed cases left out. `truncated`: more lines were left out.
    public func dashboard(
        by member: Member, now: Int64, horizonDays: Int? = dashboardHorizonDays, limit: Int? = dashboardLimit
    ) async throws(HelpDeskError) -> (entries: [DashboardEntry], truncated: Bool) {
        guard member.may(.listCases) else { throw .forbidden }
        let filter = CaseFilter(
            assigneeID: member.role == .benevole ? member.accountID : nil,
            statuses: [CaseStatus.ouvert, .enAttente, .depose].map(\.rawValue))
        let today = Self.parisDay(now)
        let rows: [DashboardDeadline]
        do {
            rows = try await store.deadlines(
                organisationID: member.organisation.id, filter: filter,
                dueOnOrBefore: horizonDays.map { today.adding(days: $0).iso }, limit: limit.map { $0 + 1 })
        } catch { throw .from(error) }
        let entries: [DashboardEntry] = rows.prefix(limit ?? rows.count).compactMap { row in
            guard let due = LocalDate(iso: row.due) else { return nil }
            return DashboardEntry(
                caseID: row.caseID, caseNumber: row.caseNumber, caseStatus: CaseStatus(rawValue: row.caseStatus) ?? .ouvert,
                assigneeID: row.assigneeID, ruleID: row.ruleID, rule: DeadlineRule.named(row.ruleID), due: due,
                daysLeft: today.days(until: due), urgency: DeadlineReminder.urgency(due: due, today: today),
                isReminderDay: DeadlineReminder.isReminderDay(due: due, today: today))
        }
        return (entries, limit.map { rows.count > $0 } ?? false)
    }

    // MARK: Retention

    /// Erases the cases closed longer ago than each organisation's retention (the periodic job); returns how many.
    @discardableResult
    public func purgeClosed(now: Int64) async throws(HelpDeskError) -> Int {
        let organisations: [OrganisationRecord]
        do { organisations = try await store.organisations() } catch { throw .from(error) }
        var erased = 0
        let today = Self.parisDay(now)
        for organisation in organisations {
            // The cut-off: the same calendar day, `retentionMonths` months ago, at midnight UTC (a day's precision).
            let cutoffDay = today.adding(months: -organisation.retentionMonths)
            let cutoff = Int64(cutoffDay.daysSinceEpoch) * 86_400
            let ids: [String]
            do { ids = try await store.casesClosed(before: cutoff, organisationID: organisation.id) } catch { throw .from(error) }
            for id in ids {
                do { _ = try await store.deleteCase(id: id, organisationID: organisation.id) } catch { throw .from(error) }
                try await audit.record(.casePurge, organisationID: organisation.id, actorID: "system", caseID: id, at: now)
                erased += 1
            }
        }
        if erased > 0 { logger.info("closed cases purged", metadata: ["cases": "\(erased)"]) }
        return erased
    }

    // MARK: Sealing

    func load(_ id: String, organisation: OrganisationRecord) async throws(HelpDeskError) -> OpenedCase {
        let found: CaseRecord?
        do { found = try await store.caseRecord(id: id, organisationID: organisation.id) } catch { throw .from(error) }
        guard let record = found else { throw .notFound }
        let bytes: [UInt8]
        do { bytes = try vault.sealer(for: organisation).open(record.sealedContent, record: record.id, field: "content") } catch {
            throw .sealedDataUnreadable
        }
        guard let content = CaseContent(json: bytes) else { throw .sealedDataUnreadable }
        return OpenedCase(record: record, content: content)
    }

    func seal(_ content: CaseContent, caseID: String, organisation: OrganisationRecord) throws(HelpDeskError) -> [UInt8] {
        var random = SystemRandomNumberGenerator()
        do { return try vault.sealer(for: organisation).seal(content.json, record: caseID, field: "content", using: &random) } catch {
            throw .sealedDataUnreadable
        }
    }

    func store(_ content: CaseContent, clear: ClearChange, over record: CaseRecord, organisation: OrganisationRecord, now: Int64)
        async throws(HelpDeskError) -> CaseRecord
    {
        var next = record
        next.sealedContent = try seal(content, caseID: record.id, organisation: organisation)
        next.status = clear.status.rawValue
        next.assigneeID = clear.assigneeID
        next.department = content.caseFile.department.code
        next.verdict = EvidenceRule.standard.evaluate(content.caseFile).verdict.rawValue
        next.mandateUntil = content.mandate.until.iso
        next.mandateRevokedAt = content.mandate.revokedAt
        if clear.status == .clos {
            next.closedAt = record.closedAt ?? now
        } else {
            next.closedAt = nil
        }
        do { return try await store.updateCase(next, deadlines: content.deadlineRecords, now: now) } catch { throw .from(error) }
    }
}
