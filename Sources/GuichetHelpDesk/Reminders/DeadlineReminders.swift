public import GuichetCore
public import GuichetStorage
public import Logging
internal import Foundation
internal import GuichetEncryption

/// The optional email reminders of the help desk: on the days the dashboard reminds (15, 7, 2 and 0 days before a
/// deadline), one message to the member the case is assigned to — or, when it is assigned to nobody, to every active
/// admin and juriste of the organisation. The message carries the case number, the deadline and its date and a link
/// to the case, **never the person's name**.
///
/// Each reminder goes once: before sending, a marker is counted in the shared rate-limit counters (so several nodes
/// running the same hourly job send it once). A message the relay refuses is logged (ids only) and not retried.
public struct DeadlineReminders: Sendable {
    let store: any HelpDeskStore
    let accounts: HelpDeskAccounts
    let markers: any RateLimitCounter
    let mailer: any Mailer
    let from: String
    let baseURL: String
    let logger: Logger

    public init(
        store: any HelpDeskStore, accounts: HelpDeskAccounts, markers: any RateLimitCounter, mailer: any Mailer, from: String,
        baseURL: String, logger: Logger
    ) {
        self.store = store
        self.accounts = accounts
        self.markers = markers
        self.mailer = mailer
        self.from = from
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.logger = logger
    }

    /// What one pass did.
    public struct Report: Sendable, Equatable {
        public var sent = 0
        public var alreadySent = 0
        public var failed = 0
    }

    /// Sends the reminders due on `today` (Paris); `now` dates the messages.
    public func send(today: LocalDate, now: Int64) async throws(HelpDeskError) -> Report {
        var report = Report()
        let organisations: [OrganisationRecord]
        do { organisations = try await store.organisations() } catch { throw .from(error) }
        for organisation in organisations {
            let rows: [DashboardDeadline]
            do {
                // Reminders fall at most 15 days before a deadline.
                rows = try await store.deadlines(
                    organisationID: organisation.id,
                    filter: CaseFilter(statuses: [CaseStatus.ouvert, .enAttente, .depose].map(\.rawValue)),
                    dueOnOrBefore: today.adding(days: DeadlineReminder.daysBefore.max() ?? 15).iso, limit: nil)
            } catch { throw .from(error) }
            let due = rows.filter { row in LocalDate(iso: row.due).map { DeadlineReminder.isReminderDay(due: $0, today: today) } ?? false }
            guard !due.isEmpty else { continue }
            let members = try await accounts.memberSummaries(organisation: organisation).filter { $0.status == .active }
            for row in due {
                guard let day = LocalDate(iso: row.due) else { continue }
                let recipients = row.assigneeID.flatMap { id in members.first { $0.accountID == id } }.map { [$0] }
                    ?? members.filter { $0.role != .benevole }
                for recipient in recipients {
                    let daysLeft = today.days(until: day)
                    let key = "reminder:" + Hashing.sha256Hex(Array("\(row.caseID)|\(row.ruleID)|\(row.due)|\(daysLeft)|\(recipient.accountID)".utf8)).prefix(40)
                    let count: Int
                    do { count = try await markers.hit(key: key, window: 60 * 86_400, now: now) } catch { throw .from(error) }
                    guard count == 1 else {
                        report.alreadySent += 1
                        continue
                    }
                    let message = Self.message(
                        row: row, rule: DeadlineRule.named(row.ruleID), due: day, daysLeft: daysLeft, organisation: organisation,
                        to: recipient.email, from: from, baseURL: baseURL, now: now)
                    do {
                        try await mailer.send(message)
                        report.sent += 1
                        logger.info("reminder sent", metadata: ["case.id": "\(row.caseID)", "account.id": "\(recipient.accountID)", "days.left": "\(daysLeft)"])
                    } catch {
                        report.failed += 1
                        logger.error("reminder not sent", metadata: ["case.id": "\(row.caseID)", "account.id": "\(recipient.accountID)", "error": "\(error)"])
                    }
                }
            }
        }
        return report
    }

    /// The reminder for one deadline: the case number, the rule, the day and the link; no name.
    static func message(
        row: DashboardDeadline, rule: DeadlineRule?, due: LocalDate, daysLeft: Int, organisation: OrganisationRecord, to: String,
        from: String, baseURL: String, now: Int64
    ) -> MailMessage {
        let label = rule?.label ?? row.ruleID
        let when = daysLeft == 0 ? "aujourd'hui" : "dans \(daysLeft) jour\(daysLeft > 1 ? "s" : "")"
        var body = """
            Bonjour,

            Une échéance du dossier \(row.caseNumber) (\(organisation.name)) tombe \(when), le \(due.frenchLongDate) :
            \(label).

            """
        if let rule {
            body += "Source : \(rule.source.citation)" + (rule.source.isVerified ? "" : " (règle non vérifiée : faites confirmer la date).") + "\n"
        }
        body += """

            Ouvrir le dossier : \(baseURL)/bureau/dossiers/\(row.caseID)

            Ce message ne contient aucune donnée personnelle : le dossier s'ouvre après connexion.
            -- 
            guichet, bureau de l'association

            """
        return MailMessage(
            from: from, to: [to], subject: "Échéance \(when) — dossier \(row.caseNumber)", body: body,
            messageID: "<reminder.\(row.caseID).\(row.ruleID).\(daysLeft).\(now)@guichet>",
            date: Date(timeIntervalSince1970: TimeInterval(now)))
    }
}
