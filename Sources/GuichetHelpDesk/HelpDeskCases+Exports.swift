public import GuichetCore
public import GuichetDocuments
public import GuichetEncryption
public import GuichetServices
public import GuichetStorage
internal import Foundation
internal import Logging

extension HelpDeskCases {
    // MARK: Mandate

    /// The one-page mandate to sign, in French (PDF). Printed even when revoked (it then says so), never in place of a
    /// consent: the case already holds the mandate the person gave.
    public func mandatePDF(of id: String, by member: Member, now: Int64) async throws(HelpDeskError) -> [UInt8] {
        let opened = try await open(id, by: member, now: now, audited: false)
        let caseFile = opened.content.caseFile
        let draft = MandateLetter.draft(
            organisationName: member.organisation.name, caseNumber: opened.number, person: caseFile.person,
            procedure: caseFile.procedure, department: caseFile.department, mandate: opened.content.mandate,
            today: Self.parisDay(now))
        let problems: [PrintabilityCheck.Problem]
        do { problems = try PrintabilityCheck.problems(in: caseFile) } catch { throw .invalid("Les polices du PDF sont introuvables sur ce serveur.") }
        if !problems.isEmpty { throw .invalid(problems.map(\.frenchMessage).joined(separator: "\n")) }
        let bytes: [UInt8]
        do { bytes = try DocumentFormat.pdf.writer.write(draft.typeset()) } catch { throw .invalid(error.frenchMessage) }
        try await audit.record(.mandatePrint, organisationID: member.organisation.id, actorID: member.accountID, caseID: id, at: now)
        return bytes
    }

    // MARK: Subject access request

    /// One person's case for a subject access request (RGPD art. 15): a ZIP with `dossier.json` (everything the case
    /// holds, unsealed: the person, the journal, the notes, the mandate, the deadlines, the clear columns), the
    /// captures as they were given, and every document the case can make today. Juristes and admins only; audited.
    public func export(_ id: String, by member: Member, now: Int64) async throws(HelpDeskError) -> (number: String, zip: [UInt8]) {
        let opened = try await load(id, organisation: member.organisation)
        guard member.may(.exportCase, caseAssignee: opened.record.assigneeID) else { throw .forbidden }
        let captures = try await captures(of: opened, organisation: member.organisation)
        let record = opened.record
        let summary = JSONValue.object([
            JSONMember("numero", .string(record.number)), JSONMember("statut", .string(record.status)),
            JSONMember("departement", .string(record.department)), JSONMember("verdict", .string(record.verdict)),
            JSONMember("cree", .string(Self.isoInstant(record.createdAt))),
            JSONMember("modifie", .string(Self.isoInstant(record.updatedAt))),
            JSONMember("clos", record.closedAt.map { .string(Self.isoInstant($0)) } ?? .null),
        ])
        let content = (try? JSONParser.parse(opened.content.json)) ?? .null
        let document = JSONValue.object([
            JSONMember("format", .string("guichet-dossier-export-v1")), JSONMember("organisation", .string(member.organisation.name)),
            JSONMember("dossier", summary), JSONMember("contenu", content),
        ])
        var files: [(path: String, bytes: [UInt8])] = [("dossier.json", Array(JSONWriter.pretty(document).utf8))]
        for capture in opened.content.captures {
            if let bytes = captures[capture.reference] { files.append(("pieces/" + capture.reference, bytes)) }
        }
        let today = Self.parisDay(now)
        for kind in DocumentKind.allCases {
            // Only what the case can really make: a document whose fields are missing is left out, never half-filled.
            if let bytes = try? await render(kind, format: .pdf, split: false, of: opened, organisation: member.organisation, today: today) {
                files.append(("documents/\(kind.rawValue).pdf", bytes))
            }
        }
        let zip: [UInt8]
        do { zip = try ZIPFiles.archive(files) } catch { throw .invalid(error.frenchMessage) }
        try await audit.record(.caseExport, organisationID: member.organisation.id, actorID: member.accountID, caseID: id, at: now)
        logger.info("case exported", metadata: ["org.id": "\(member.organisation.id)", "case.id": "\(id)"])
        return (record.number, zip)
    }

    static func isoInstant(_ seconds: Int64) -> String {
        OffsetDateTime(utcSeconds: Int(seconds), utcOffsetMinutes: 0).iso
    }

    // MARK: Collective filing

    /// The cases of `department` that could be filed today: evidence `recevable` or `solide`, not closed.
    public func filingCandidates(department: String, by member: Member) async throws(HelpDeskError) -> [CaseSummary] {
        guard member.may(.exportCase) else { throw .forbidden }
        do {
            return try await store.cases(
                organisationID: member.organisation.id,
                filter: CaseFilter(
                    statuses: [CaseStatus.ouvert, .enAttente].map(\.rawValue), department: department,
                    verdicts: [EvidenceVerdict.recevable, .solide].map(\.rawValue)))
        } catch { throw .from(error) }
    }

    /// The « dépôt collectif »: one ZIP with, for each chosen case, the référé « mesures utiles » exactly as
    /// `guichet document refere-mesures-utiles` writes it (PDF with bordereau and numbered exhibits), plus a summary
    /// table (PDF and CSV). Every case must be of `department`, have a valid mandate to go to court and evidence that
    /// is at least `recevable`; otherwise nothing is made and the message names the case.
    public func collectiveFiling(caseIDs: [String], department: String, by member: Member, now: Int64) async throws(HelpDeskError)
        -> [UInt8]
    {
        guard member.may(.exportCase) else { throw .forbidden }
        guard !caseIDs.isEmpty else { throw .invalid("Cochez au moins un dossier.") }
        guard caseIDs.count <= 200 else { throw .invalid("Un dépôt collectif réunit 200 dossiers au plus.") }
        guard let prefecture = Department.all.first(where: { $0.code == department }) else { throw .notFound }
        let today = Self.parisDay(now)
        var filed: [(number: String, documents: [(fileName: String, bytes: [UInt8])])] = []
        var lines: [FiledCase] = []
        for id in Set(caseIDs).sorted() {
            let opened = try await load(id, organisation: member.organisation)
            guard opened.content.caseFile.department.code == department else {
                throw .invalid("Le dossier \(opened.number) ne relève pas de ce département.")
            }
            guard opened.content.mandate.allows(.saisirTribunal, on: today) else {
                throw .invalid("Le dossier \(opened.number) n'a pas de mandat valable pour saisir le tribunal.")
            }
            guard opened.evidence.verdict >= .recevable else {
                throw .invalid("Le journal du dossier \(opened.number) n'est pas encore recevable.")
            }
            let bytes: [UInt8]
            do {
                bytes = try await render(.refereMesuresUtiles, format: .pdf, split: false, of: opened, organisation: member.organisation, today: today)
            } catch let error {
                throw .invalid("Dossier \(opened.number) : \(error.frenchMessage)")
            }
            filed.append((opened.number, [("\(DocumentKind.refereMesuresUtiles.rawValue).pdf", bytes)]))
            lines.append(FiledCase(number: opened.number, caseFile: opened.content.caseFile))
        }
        let summary = CollectiveFilingSummary.draft(
            organisationName: member.organisation.name, department: prefecture, cases: lines, today: today)
        let zip: [UInt8]
        do {
            zip = try CollectiveFilingArchive.archive(
                cases: filed, summaryPDF: try DocumentFormat.pdf.writer.write(summary.typeset()),
                summaryCSV: CollectiveFilingSummary.csv(cases: lines))
        } catch { throw .invalid(error.frenchMessage) }
        for id in Set(caseIDs).sorted() {
            try await audit.record(.filingBundle, organisationID: member.organisation.id, actorID: member.accountID, caseID: id, at: now)
        }
        logger.info("collective filing made", metadata: ["org.id": "\(member.organisation.id)", "cases": "\(filed.count)"])
        return zip
    }

    // MARK: From the self-help file

    /// Imports a self-help file into a new case: the person gives their code; the answers become the case file, the
    /// captures are re-sealed under the organisation's key, and the person's file records the hand-over (its
    /// `remis-au-bureau` answer). Nothing moves without the code; the person's file is not erased (they decide).
    public func importSelfHelp(
        code: AccessCode, files: PrivateCaseFiles, interviews: [InterviewDefinition], mandate: Mandate, by member: Member, now: Int64
    ) async throws(HelpDeskError) -> OpenedCase {
        guard member.may(.createCase) else { throw .forbidden }
        let file: OpenedCaseFile
        do { file = try await files.open(code, now: now) } catch {
            if error == .notFound { throw .notFound }
            throw .storage(.unavailable)
        }
        let today = Self.parisDay(now)
        guard let definition = interviews.first(where: { $0.id.rawValue == file.interview }),
            let caseFile = InterviewEngine(definition: definition, today: today).result(for: file.state.answers).caseFile
        else { throw .invalid("Ce dossier personnel ne contient pas encore assez de réponses (le département manque).") }
        let opened: [String: [UInt8]]
        do { opened = try await files.openedCaptures(of: file) } catch { throw .storage(.unavailable) }
        let input = NewCaseInput(
            person: caseFile.person, department: caseFile.department, procedure: caseFile.procedure,
            procedureDetail: caseFile.procedureDetail, permitExpiry: caseFile.permitExpiry, circumstances: caseFile.circumstances,
            mandate: mandate,
            assigneeID: member.role == .benevole ? member.accountID : nil)
        var created = try await create(input, by: member, now: now)
        var content = created.content
        // The self-help answers hold the attempts unsealed: the desk's journal chains them now, with their captures.
        do throws(JournalError) {
            content.caseFile = try Journal.seal(caseFile, captures: { opened[$0] }, hash: Hashing.sha256)
        } catch { throw .invalid(error.frenchMessage) }
        content.handedOverOn = today
        for reference in Set(content.caseFile.attempts.compactMap(\.capture)).sorted() {
            guard let bytes = opened[reference] else { continue }
            let stored = try await putCapture(bytes, in: OpenedCase(record: created.record, content: content), organisation: member.organisation, now: now)
            // The journal keeps its names: the capture is stored under the reference the attempts already use.
            content.captures.append(CaseCapture(slot: stored.slot, reference: reference, format: stored.format, byteCount: stored.byteCount))
        }
        let clear = ClearChange(status: .ouvert, assigneeID: created.record.assigneeID)
        let saved = try await store(content, clear: clear, over: created.record, organisation: member.organisation, now: now)
        created = OpenedCase(record: saved, content: content)
        do {
            _ = try await files.update(file, now: now) { handed in
                handed.state.answers["remis-au-bureau"] = .date(today)
            }
        } catch { throw .storage(.unavailable) }
        try await audit.record(.caseImport, organisationID: member.organisation.id, actorID: member.accountID, caseID: created.id, at: now)
        return created
    }
}
