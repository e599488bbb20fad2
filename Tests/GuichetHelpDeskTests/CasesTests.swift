import Foundation
import GuichetCore
import GuichetDocuments
import GuichetEncryption
import GuichetHelpDesk
import GuichetSQLite
import GuichetStorage
import Testing

@Suite("Help desk cases")
struct CasesTests {
    let start = HelpDeskFixture.start

    @Test("a case is numbered per organisation and year, sealed, and every opening and change is audited in a chain")
    func createOpenAudit() async throws {
        let desk = try HelpDeskFixture()
        let org = try await desk.accounts.createOrganisation(slug: "asso", name: "Asso", now: start)
        let (juriste, _) = try await desk.member(.juriste, in: org)
        let first = try await desk.cases.create(try HelpDeskFixture.input(), by: juriste, now: start)
        let second = try await desk.cases.create(try HelpDeskFixture.input(name: "Autre Personne"), by: juriste, now: start)
        #expect(first.number == "2026-0001" && second.number == "2026-0002")
        let stored = try #require(try await desk.store.caseRecord(id: first.id, organisationID: org.id))
        #expect(!String(decoding: stored.sealedContent, as: UTF8.self).contains("Diallo"))
        #expect(stored.department == "69" && stored.verdict == "insuffisant")
        let opened = try await desk.cases.open(first.id, by: juriste, now: start + 10)
        #expect(opened.content.caseFile.person.name == "Amina Diallo-Benali")
        #expect(opened.content.languages == ["français", "peul"])
        let audit = AuditLog(store: desk.store)
        let verification = try await audit.verify(organisationID: org.id)
        #expect(verification.isIntact)
        let actions = try await audit.entries(organisationID: org.id, after: 0, limit: 100).map(\.action)
        #expect(actions.filter { $0 == "case.create" }.count == 2)
        #expect(actions.last == "case.open")
    }

    @Test("the second of two concurrent saves is refused and nothing is overwritten")
    func optimisticVersions() async throws {
        let desk = try HelpDeskFixture()
        let org = try await desk.accounts.createOrganisation(slug: "asso", name: "Asso", now: start)
        let (juriste, _) = try await desk.member(.juriste, in: org)
        let created = try await desk.cases.create(try HelpDeskFixture.input(), by: juriste, now: start)
        let saved = try await desk.cases.update(created.id, expectedVersion: created.version, by: juriste, now: start + 1) { content, _ in
            content.notes.append(CaseNote(at: start + 1, authorID: juriste.accountID, text: "première note"))
        }
        await #expect(throws: HelpDeskError.staleVersion) {
            _ = try await desk.cases.update(created.id, expectedVersion: created.version, by: juriste, now: start + 2) { content, _ in
                content.notes.append(CaseNote(at: start + 2, authorID: juriste.accountID, text: "seconde note"))
            }
        }
        let current = try await desk.cases.open(created.id, by: juriste, now: start + 3)
        #expect(current.version == saved.version)
        #expect(current.content.notes.map(\.text) == ["première note"])
    }

    @Test("attempts are chained as by guichet journal; the verdict and the deadlines are kept in clear for lists")
    func journalAndDeadlines() async throws {
        let desk = try HelpDeskFixture()
        let org = try await desk.accounts.createOrganisation(slug: "asso", name: "Asso", now: start)
        let (juriste, _) = try await desk.member(.juriste, in: org)
        var opened = try await desk.cases.create(try HelpDeskFixture.input(), by: juriste, now: start)
        for (index, day) in ["03", "10", "17"].enumerated() {
            let at = try #require(OffsetDateTime(iso: "2026-11-\(day)T09:3\(index):00+01:00"))
            opened = try await desk.cases.appendAttempt(
                Attempt(at: at, channel: .sitePrefecture, outcome: .aucunCreneau), capture: nil, to: opened.id,
                expectedVersion: opened.version, by: juriste, now: start + Int64(index))
        }
        #expect(opened.content.caseFile.attempts.count == 3)
        #expect(opened.content.caseFile.attempts.allSatisfy { $0.hash?.count == 64 })
        #expect(Journal.verify(opened.content.caseFile, captures: { _ in nil }, hash: Hashing.sha256).isIntact)
        opened = try await desk.cases.addDeadline(
            ruleID: "recours-contentieux", start: LocalDate(year: 2026, month: 12, day: 1)!, to: opened.id,
            expectedVersion: opened.version, by: juriste, now: start + 10)
        // Two months from 1 December: beyond the dashboard's 31 days, in the calendar's unbounded view.
        #expect(try await desk.cases.dashboard(by: juriste, now: start + 20).entries.isEmpty)
        let all = try await desk.cases.dashboard(by: juriste, now: start + 20, horizonDays: nil, limit: nil)
        #expect(all.entries.count == 1 && !all.truncated)
        #expect(all.entries.first?.caseNumber == opened.number)
        let soon = try await desk.cases.dashboard(by: juriste, now: start + 40 * 86_400)
        #expect(soon.entries.map(\.caseNumber) == [opened.number], "within 31 days, it shows")
        let capped = try await desk.cases.dashboard(by: juriste, now: start + 20, horizonDays: nil, limit: 0)
        #expect(capped.entries.isEmpty && capped.truncated)
        let stored = try #require(try await desk.store.caseRecord(id: opened.id, organisationID: org.id))
        #expect(stored.verdict == EvidenceRule.standard.evaluate(opened.content.caseFile).verdict.rawValue)
    }

    @Test("a revoked mandate makes the case read-only and refuses its documents")
    func revokedMandate() async throws {
        let desk = try HelpDeskFixture()
        let org = try await desk.accounts.createOrganisation(slug: "asso", name: "Asso", now: start)
        let (juriste, _) = try await desk.member(.juriste, in: org)
        let created = try await desk.cases.create(try HelpDeskFixture.input(), by: juriste, now: start)
        let revoked = try await desk.cases.revokeMandate(created.id, by: juriste, now: start + 5)
        #expect(revoked.content.mandate.revokedAt == start + 5)
        await #expect(throws: HelpDeskError.mandateNotValid) {
            _ = try await desk.cases.update(revoked.id, expectedVersion: revoked.version, by: juriste, now: start + 6) { content, _ in
                content.languages.append("ar")
            }
        }
        await #expect(throws: HelpDeskError.mandateNotValid) {
            _ = try await desk.cases.document(.lettrePrefecture, format: .pdf, of: revoked.id, by: juriste, now: start + 7)
        }
        // Closing stays possible, so that the retention clock can start.
        let closed = try await desk.cases.update(revoked.id, expectedVersion: revoked.version, by: juriste, now: start + 8) { _, clear in
            clear.status = .clos
        }
        #expect(closed.status == .clos)
    }

    @Test("closed cases are erased after the organisation's retention, with their captures; open ones stay")
    func retention() async throws {
        let desk = try HelpDeskFixture()
        let org = try await desk.accounts.createOrganisation(slug: "asso", name: "Asso", retentionMonths: 1, now: start)
        let (juriste, _) = try await desk.member(.juriste, in: org)
        let kept = try await desk.cases.create(try HelpDeskFixture.input(), by: juriste, now: start)
        let closing = try await desk.cases.create(try HelpDeskFixture.input(), by: juriste, now: start)
        _ = try await desk.cases.update(closing.id, expectedVersion: closing.version, by: juriste, now: start) { _, clear in
            clear.status = .clos
        }
        #expect(try await desk.cases.purgeClosed(now: start + 20 * 86_400) == 0)
        #expect(try await desk.cases.purgeClosed(now: start + 40 * 86_400) == 1)
        #expect(try await desk.store.caseRecord(id: closing.id, organisationID: org.id) == nil)
        #expect(try await desk.store.caseRecord(id: kept.id, organisationID: org.id) != nil)
        #expect(try await AuditLog(store: desk.store).verify(organisationID: org.id).isIntact)
    }
}
