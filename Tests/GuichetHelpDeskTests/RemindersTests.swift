import Foundation
import GuichetCore
import GuichetHelpDesk
import GuichetSQLite
import GuichetStorage
import Logging
import Synchronization
import Testing

/// Keeps the messages instead of sending them.
final class RecordingMailer: Mailer {
    let sent = Mutex<[MailMessage]>([])
    func send(_ message: MailMessage) async throws(MailError) { sent.withLock { $0.append(message) } }
    var messages: [MailMessage] { sent.withLock { $0 } }
}

@Suite("Help desk email reminders")
struct RemindersTests {
    let start = HelpDeskFixture.start

    @Test("on a reminder day the assignee gets one message with the case number and the date, never the name; once only")
    func assignedReminder() async throws {
        let desk = try HelpDeskFixture()
        let org = try await desk.accounts.createOrganisation(slug: "asso", name: "Asso", now: start)
        let (juriste, _) = try await desk.member(.juriste, in: org, email: "juriste@example.org")
        let (benevole, _) = try await desk.member(.benevole, in: org, email: "benevole@example.org")
        var opened = try await desk.cases.create(try HelpDeskFixture.input(assignee: benevole.accountID), by: juriste, now: start)
        opened = try await desk.cases.addDeadline(
            ruleID: "recours-contentieux", start: LocalDate(year: 2026, month: 12, day: 1)!, to: opened.id,
            expectedVersion: opened.version, by: juriste, now: start)
        let due = try #require(opened.content.deadlines.first?.result(in: opened.content.caseFile.department)?.deadline)
        let mailer = RecordingMailer()
        let reminders = DeadlineReminders(
            store: desk.store, accounts: desk.accounts, markers: desk.limits, mailer: mailer, from: "guichet <bureau@example.org>",
            baseURL: "https://guichet.example/", logger: .init(label: "test"))
        // Not a reminder day: nothing.
        #expect(try await reminders.send(today: due.adding(days: -8), now: start).sent == 0)
        let report = try await reminders.send(today: due.adding(days: -7), now: start)
        #expect(report.sent == 1)
        let message = try #require(mailer.messages.first)
        #expect(message.to == ["benevole@example.org"])
        #expect(message.subject == "Échéance dans 7 jours — dossier \(opened.number)")
        #expect(message.body.contains(opened.number) && message.body.contains(due.frenchDate))
        #expect(message.body.contains("https://guichet.example/bureau/dossiers/\(opened.id)"))
        let text = message.rfc5322
        for needle in ["Amina", "Diallo", "Conakry", "Lilas"] {
            #expect(!message.body.contains(needle) && !message.subject.contains(needle) && !text.contains(needle))
        }
        #expect(text.contains("Subject: =?UTF-8?B?"))
        #expect(text.contains("Content-Transfer-Encoding: base64"))
        // A second pass the same day (another node, the next hour) sends nothing.
        let again = try await reminders.send(today: due.adding(days: -7), now: start + 3600)
        #expect(again.sent == 0 && again.alreadySent == 1)
        #expect(mailer.messages.count == 1)
        // On the day itself, a new reminder.
        #expect(try await reminders.send(today: due, now: start + 86_400).sent == 1)
        #expect(mailer.messages.last?.subject == "Échéance aujourd'hui — dossier \(opened.number)")
    }

    @Test("an unassigned case reminds every active admin and juriste, not the bénévoles; a closed case reminds nobody")
    func unassignedReminder() async throws {
        let desk = try HelpDeskFixture()
        let org = try await desk.accounts.createOrganisation(slug: "asso", name: "Asso", now: start)
        let (juriste, _) = try await desk.member(.juriste, in: org, email: "j@example.org")
        _ = try await desk.member(.admin, in: org, email: "a@example.org")
        _ = try await desk.member(.benevole, in: org, email: "b@example.org")
        var opened = try await desk.cases.create(try HelpDeskFixture.input(), by: juriste, now: start)
        opened = try await desk.cases.addDeadline(
            ruleID: "recours-contentieux", start: LocalDate(year: 2026, month: 12, day: 1)!, to: opened.id,
            expectedVersion: opened.version, by: juriste, now: start)
        let due = try #require(opened.content.deadlines.first?.result(in: opened.content.caseFile.department)?.deadline)
        let mailer = RecordingMailer()
        let reminders = DeadlineReminders(
            store: desk.store, accounts: desk.accounts, markers: desk.limits, mailer: mailer, from: "bureau@example.org",
            baseURL: "https://guichet.example", logger: .init(label: "test"))
        #expect(try await reminders.send(today: due.adding(days: -15), now: start).sent == 2)
        #expect(Set(mailer.messages.flatMap(\.to)) == ["j@example.org", "a@example.org"])
        _ = try await desk.cases.update(opened.id, expectedVersion: opened.version, by: juriste, now: start) { _, clear in clear.status = .clos }
        #expect(try await reminders.send(today: due.adding(days: -2), now: start).sent == 0)
    }

    @Test("RFC 5322 dates are in the format relays expect")
    func dateFormat() {
        let message = MailMessage(
            from: "a@example.org", to: ["b@example.org"], subject: "Test", body: ".ligne\nsuite", messageID: "<x@guichet>",
            date: Date(timeIntervalSince1970: TimeInterval(HelpDeskFixture.start)))
        #expect(message.rfc5322.contains("Date: Thu, 03 Dec 2026 10:00:00 +0000\r\n"))
        #expect(message.rfc5322.contains("Subject: Test\r\n"))
        #expect(message.rfc5322.hasSuffix("\r\n"))
    }
}
