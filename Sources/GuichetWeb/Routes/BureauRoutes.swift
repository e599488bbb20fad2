internal import Hummingbird
internal import HTTPTypes
internal import NIOCore
internal import Foundation
internal import Logging
internal import GuichetCore
internal import GuichetDocuments
internal import GuichetEncryption
internal import GuichetHelpDesk
internal import GuichetServices
internal import GuichetStorage
internal import GuichetViews

/// The association's help desk, under `/bureau`.
///
/// - `/bureau/connexion`, `/bureau/verification`: password, then (admins, juristes) the TOTP code; the session cookie
///   (`guichet-bureau`, HttpOnly, SameSite=Strict, path `/bureau`) carries a 256-bit secret and changes at each step.
/// - `/bureau/invitation/<secret>`: joining with a one-time link.
/// - `/bureau`: the deadlines of every case the member may see; `/bureau/dossiers[/nouveau|/<id>…]`: the cases.
/// - `/bureau/membres`, `/bureau/journal`: admins only; `/bureau/agenda`: the member's secret calendar URL,
///   served at `/bureau/agenda/<secret>.ics` without a session.
///
/// Every POST carries the session's anti-forgery token (or, before login, the double-submit token of the site).
/// Another organisation's case is a 404, an action the role does not allow a 403; no page or log shows a name
/// outside the pages of the case itself.
struct BureauRoutes: Sendable {
    let desk: HelpDeskDependencies
    let configuration: WebConfiguration
    let now: @Sendable () -> Date
    let logger: Logger
    /// People's reports to the observatory: a case page offers « signaler anonymement »; `nil` leaves it out.
    var reports: ObservationReports? = nil

    static let sessionCookie = "guichet-bureau"
    /// A member reports for many cases: more reports per hour than one person's address.
    static let reportsPerMemberPerHour = 120
    static let formLimit = 64 * 1024
    static let uploadLimit = HelpDeskCases.maximumCaptureSize + 64 * 1024

    func register(on router: Router<AppRequestContext>) {
        router.get("/bureau") { request, context in try await self.dashboard(request, context) }
        router.get("/bureau/connexion") { request, context in try await self.loginForm(request, context) }
        router.post("/bureau/connexion") { request, context in try await self.login(request, context) }
        router.get("/bureau/verification") { request, context in try await self.secondFactorForm(request, context) }
        router.post("/bureau/verification") { request, context in try await self.secondFactor(request, context) }
        router.post("/bureau/deconnexion") { request, context in try await self.logout(request, context) }
        router.post("/bureau/deconnexion-partout") { request, context in try await self.logoutEverywhere(request, context) }
        router.get("/bureau/invitation/:secret") { request, context in try await self.invitationForm(request, context) }
        router.post("/bureau/invitation/:secret") { request, context in try await self.invitation(request, context) }
        router.post("/bureau/invitation/:secret/verification") { request, context in
            try await self.invitationSecondFactor(request, context)
        }
        router.get("/bureau/dossiers") { request, context in try await self.caseList(request, context) }
        router.get("/bureau/dossiers/nouveau") { request, context in try await self.newCaseForm(request, context) }
        router.post("/bureau/dossiers/nouveau") { request, context in try await self.createCase(request, context) }
        router.get("/bureau/dossiers/:id") { request, context in try await self.casePage(request, context) }
        router.post("/bureau/dossiers/:id") { request, context in try await self.changeCase(request, context) }
        router.post("/bureau/dossiers/:id/signaler") { request, context in try await self.report(request, context) }
        router.get("/bureau/dossiers/:id/document/:file") { request, context in try await self.document(request, context) }
        router.get("/bureau/dossiers/:id/piece/:file") { request, context in try await self.capture(request, context) }
        router.get("/bureau/dossiers/:id/export.zip") { request, context in try await self.export(request, context) }
        router.get("/bureau/dossiers/:id/mandat.pdf") { request, context in try await self.mandate(request, context) }
        router.get("/bureau/dossiers/:id/supprimer") { request, context in try await self.confirmDelete(request, context) }
        router.post("/bureau/dossiers/:id/supprimer") { request, context in try await self.delete(request, context) }
        router.get("/bureau/membres") { request, context in try await self.members(request, context) }
        router.post("/bureau/membres") { request, context in try await self.changeMembers(request, context) }
        router.post("/bureau/membres/:id") { request, context in try await self.changeMember(request, context) }
        router.get("/bureau/journal") { request, context in try await self.audit(request, context) }
        router.get("/bureau/agenda") { request, context in try await self.calendarPage(request, context) }
        router.post("/bureau/agenda") { request, context in try await self.changeCalendar(request, context) }
        router.get("/bureau/agenda/:file") { request, context in try await self.calendarFeed(request, context) }
        router.get("/bureau/depot-collectif") { request, context in try await self.filingPage(request, context) }
        router.post("/bureau/depot-collectif") { request, context in try await self.filingBundle(request, context) }
        router.get("/bureau/importer") { request, context in try await self.importForm(request, context) }
        router.post("/bureau/importer") { request, context in try await self.importFile(request, context) }
    }

    /// The paths (templates) that take a POST.
    static func acceptsPost(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 3, parts[0].isEmpty, parts[1] == "bureau" else { return false }
        switch parts.count {
        case 3: return ["connexion", "verification", "deconnexion", "deconnexion-partout", "membres", "agenda",
            "depot-collectif", "importer"].contains(parts[2])
        case 4: return ["invitation", "dossiers", "membres"].contains(parts[2]) && !parts[3].isEmpty
        case 5:
            return (parts[2] == "dossiers" && ["supprimer", "signaler"].contains(parts[4]))
                || (parts[2] == "invitation" && parts[4] == "verification")
        default: return false
        }
    }

    // MARK: Clock

    var unixNow: Int64 { Int64(now().timeIntervalSince1970.rounded(.down)) }
    var today: LocalDate { HelpDeskCases.parisDay(unixNow) }

    // MARK: Login

    func loginForm(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let reader = ReaderLanguage(request)
        if let cookie = request.cookies[Self.sessionCookie]?.value, (try? await desk.accounts.member(cookie: cookie, now: unixNow)) != nil {
            return redirect(to: .desk(""), reader: reader)
        }
        return try await loginPage(request, reader: reader, email: "", chosen: nil, problem: nil, status: .ok)
    }

    func loginPage(
        _ request: Request, reader: ReaderLanguage, email: String, chosen: String?, problem: String?, status: HTTPResponse.Status
    ) async throws -> Response {
        let organisations = (try? await desk.accounts.organisations()) ?? []
        return publicPage(request, status: status) { session in
            BureauPages.login(
                organisations: organisations.map { ($0.id, $0.name) }, chosen: chosen, email: email, problem: problem,
                session: session, context: reader.context(path: "/bureau/connexion", updated: nil))
        }
    }

    func login(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        var request = request
        let reader = ReaderLanguage(request)
        guard let form = await publicForm(&request) else { return expiredForm(reader) }
        let email = String((form["email"] ?? "").prefix(254))
        let organisationID = String((form["organisation"] ?? "").prefix(64))
        do throws(HelpDeskError) {
            let step = try await desk.accounts.logIn(
                organisationID: organisationID, email: email, password: String((form["motdepasse"] ?? "").prefix(200)),
                clientKey: clientKey(request, context), now: unixNow)
            var response = redirect(to: step.needsSecondFactor ? .desk("verification") : .desk(""), reader: reader)
            response.setCookie(sessionCookie(step.cookie))
            return response
        } catch {
            logger.notice("desk login refused", metadata: ["reason": "\(error)"])
            return try await loginPage(
                request, reader: reader, email: email, chosen: organisationID, problem: error.frenchMessage,
                status: HTTPResponse.Status(code: error.status))
        }
    }

    func secondFactorForm(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let reader = ReaderLanguage(request)
        guard let cookie = request.cookies[Self.sessionCookie]?.value,
            (try? await desk.accounts.isPendingSecondFactor(cookie: cookie, now: unixNow)) == true
        else { return redirect(to: .desk("connexion"), reader: reader) }
        return secondFactorPage(request, reader: reader, problem: nil, status: .ok)
    }

    func secondFactorPage(_ request: Request, reader: ReaderLanguage, problem: String?, status: HTTPResponse.Status) -> Response {
        publicPage(request, status: status) { session in
            BureauPages.secondFactor(
                problem: problem, session: session, context: reader.context(path: "/bureau/verification", updated: nil))
        }
    }

    func secondFactor(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        var request = request
        let reader = ReaderLanguage(request)
        guard let form = await publicForm(&request) else { return expiredForm(reader) }
        guard let cookie = request.cookies[Self.sessionCookie]?.value else { return redirect(to: .desk("connexion"), reader: reader) }
        do throws(HelpDeskError) {
            let step = try await desk.accounts.completeSecondFactor(
                cookie: cookie, code: String((form["code"] ?? "").prefix(20)), now: unixNow)
            var response = redirect(to: .desk(""), reader: reader)
            response.setCookie(sessionCookie(step.cookie))
            return response
        } catch {
            if error == .notLoggedIn { return redirect(to: .desk("connexion"), reader: reader) }
            return secondFactorPage(request, reader: reader, problem: error.frenchMessage, status: HTTPResponse.Status(code: error.status))
        }
    }

    func logout(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await withMember(request, context, form: true) { member, _, reader in
            try await desk.accounts.logOut(cookie: request.cookies[Self.sessionCookie]?.value ?? "")
            var response = redirect(to: .desk("connexion"), reader: reader)
            response.setCookie(sessionCookie("", maxAge: 0))
            logger.info("desk logout", metadata: ["account.id": "\(member.accountID)"])
            return response
        }
    }

    func logoutEverywhere(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await withMember(request, context, form: true) { member, _, reader in
            try await desk.accounts.logOutEverywhere(member, now: unixNow)
            var response = redirect(to: .desk("connexion"), reader: reader)
            response.setCookie(sessionCookie("", maxAge: 0))
            return response
        }
    }

    // MARK: Invitation

    func invitationForm(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let reader = ReaderLanguage(request)
        let secret = context.parameters.get("secret") ?? ""
        do throws(HelpDeskError) {
            let view = try await desk.accounts.invitation(secret: secret, now: unixNow)
            return invitationPage(request, reader: reader, secret: secret, view: view, problem: nil, status: .ok)
        } catch {
            return message(error, reader: reader, session: nil)
        }
    }

    func invitationPage(
        _ request: Request, reader: ReaderLanguage, secret: String, view: InvitationView, problem: String?, status: HTTPResponse.Status
    ) -> Response {
        publicPage(request, status: status) { session in
            BureauPages.invitation(
                secret: secret, organisationName: view.organisationName, email: view.email, role: view.role,
                secondFactorKey: view.secondFactorKey, secondFactorURL: view.secondFactorURL, problem: problem,
                session: session, context: reader.context(path: "/bureau/invitation/\(secret)", updated: nil))
        }
    }

    func invitation(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        var request = request
        let reader = ReaderLanguage(request)
        guard let form = await publicForm(&request) else { return expiredForm(reader) }
        let secret = context.parameters.get("secret") ?? ""
        do throws(HelpDeskError) {
            let view = try await desk.accounts.choosePassword(
                secret: secret, password: String((form["motdepasse"] ?? "").prefix(200)), now: unixNow)
            if view.secondFactorKey == nil { return redirect(to: .desk("connexion"), reader: reader) }
            return invitationPage(request, reader: reader, secret: secret, view: view, problem: nil, status: .ok)
        } catch {
            guard case .invalid = error, let view = try? await desk.accounts.invitation(secret: secret, now: unixNow) else {
                return message(error, reader: reader, session: nil)
            }
            return invitationPage(request, reader: reader, secret: secret, view: view, problem: error.frenchMessage, status: .unprocessableContent)
        }
    }

    func invitationSecondFactor(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        var request = request
        let reader = ReaderLanguage(request)
        guard let form = await publicForm(&request) else { return expiredForm(reader) }
        let secret = context.parameters.get("secret") ?? ""
        do throws(HelpDeskError) {
            try await desk.accounts.confirmSecondFactor(secret: secret, code: String((form["code"] ?? "").prefix(20)), now: unixNow)
            return redirect(to: .desk("connexion"), reader: reader)
        } catch {
            guard error == .badSecondFactor, let view = try? await desk.accounts.invitation(secret: secret, now: unixNow) else {
                return message(error, reader: reader, session: nil)
            }
            return invitationPage(request, reader: reader, secret: secret, view: view, problem: error.frenchMessage, status: .unauthorized)
        }
    }

    // MARK: Dashboard and cases

    func dashboard(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await withMember(request, context) { member, _, reader in
            let (entries, truncated) = try await desk.cases.dashboard(by: member, now: unixNow)
            let names = try await memberNames(member)
            let lines = entries.map { entry in
                BureauPages.DeadlineLine(
                    caseID: entry.caseID, caseNumber: entry.caseNumber, ruleLabel: entry.rule?.label ?? entry.ruleID,
                    isVerified: entry.rule?.source.isVerified ?? false, source: entry.rule?.source.citation ?? "", due: entry.due,
                    daysLeft: entry.daysLeft, urgency: entry.urgency, isReminderDay: entry.isReminderDay,
                    assignee: entry.assigneeID.flatMap { names[$0] })
            }
            return html(
                BureauPages.dashboard(
                    lines, horizonDays: HelpDeskCases.dashboardHorizonDays, truncated: truncated, session: session(member),
                    context: reader.context(path: "/bureau", updated: nil)))
        }
    }

    func caseList(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await withMember(request, context) { member, _, reader in
            let names = try await memberNames(member)
            let lines = try await desk.cases.list(by: member).map { caseLine($0, names: names) }
            return html(BureauPages.cases(lines, session: session(member), context: reader.context(path: "/bureau/dossiers", updated: nil)))
        }
    }

    func caseLine(_ summary: CaseSummary, names: [String: String]) -> BureauPages.CaseLine {
        BureauPages.CaseLine(
            id: summary.id, number: summary.number, status: CaseStatus(rawValue: summary.status) ?? .ouvert,
            department: summary.department, verdict: EvidenceVerdict(rawValue: summary.verdict),
            assignee: summary.assigneeID.flatMap { names[$0] }, mandateUntil: summary.mandateUntil,
            isRevoked: summary.mandateRevokedAt != nil)
    }

    func newCaseForm(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await withMember(request, context) { member, _, reader in
            guard member.may(.createCase) else { throw HelpDeskError.forbidden }
            return try await newCasePage(member, reader: reader, values: .init(values: ["mandat-debut": today.iso]), problems: [], status: .ok)
        }
    }

    func newCasePage(
        _ member: Member, reader: ReaderLanguage, values: BureauPages.NewCaseValues, problems: [String], status: HTTPResponse.Status
    ) async throws -> Response {
        let members = try await desk.accounts.memberSummaries(organisation: member.organisation)
            .filter { $0.status == .active }.map { ($0.accountID, $0.displayName) }
        return html(
            BureauPages.newCase(
                values: values, problems: problems, members: members, canAssign: member.role != .benevole, session: session(member),
                context: reader.context(path: "/bureau/dossiers/nouveau", updated: nil)),
            status: status)
    }

    func createCase(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await withMember(request, context, form: true) { member, form, reader in
            let form = form ?? FormFields()
            var problems: [String] = []
            if form["consentement"] != "1" { problems.append("Cochez la case qui dit que la personne a donné son accord.") }
            let scopes = Set(MandateScope.allCases.filter { form["mandat-\($0.rawValue)"] == "1" })
            let start = LocalDate(iso: form["mandat-debut"] ?? "") ?? today
            let days = Int(form["mandat-duree"] ?? "") ?? 0
            var mandate: Mandate?
            do throws(Mandate.Problem) { mandate = try Mandate(scopes: scopes, from: start, days: days) } catch {
                problems.append(error.frenchMessage)
            }
            let values = BureauPages.NewCaseValues(values: form.values)
            let read = Self.personAndProcedure(form)
            problems += read.problems
            guard problems.isEmpty, let mandate, let edit = read.edit else {
                return try await newCasePage(member, reader: reader, values: values, problems: problems, status: .unprocessableContent)
            }
            let input = NewCaseInput(
                person: edit.person, languages: edit.languages, department: edit.department, procedure: edit.procedure,
                permitExpiry: edit.permitExpiry, circumstances: edit.circumstances, mandate: mandate,
                assigneeID: (form["assigne"] ?? "").isEmpty ? nil : form["assigne"])
            let created = try await desk.cases.create(input, by: member, now: unixNow)
            return redirect(to: .desk("dossiers/\(created.id)"), reader: reader)
        }
    }

    /// The person and procedure fields of a form, read and checked (French messages naming the field).
    struct PersonEdit {
        var person: Person
        var languages: [String]
        var department: Department
        var procedure: Procedure
        var permitExpiry: LocalDate?
        var circumstances: String?
    }

    static func personAndProcedure(_ form: FormFields) -> (edit: PersonEdit?, problems: [String]) {
        var problems: [String] = []
        func field(_ name: String, limit: Int = 300) -> String? {
            let value = (form[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            return value.isEmpty ? nil : String(value.prefix(limit))
        }
        func date(_ name: String, label: String) -> LocalDate? {
            guard let text = field(name) else { return nil }
            guard let day = LocalDate(iso: text) else {
                problems.append("\(label) s'écrit AAAA-MM-JJ.")
                return nil
            }
            return day
        }
        let name = field("nom", limit: 200)
        if name == nil { problems.append("Indiquez le nom de la personne.") }
        let birthDate = date("naissance", label: "La date de naissance")
        let permitExpiry = date("fin-titre", label: "La fin du titre de séjour")
        let department = Department.all.first { $0.code == form["departement"] }
        if department == nil { problems.append("Choisissez le département de la préfecture.") }
        let procedure = Procedure(rawValue: form["procedure"] ?? "")
        if procedure == nil { problems.append("Choisissez la démarche.") }
        guard problems.isEmpty, let name, let department, let procedure else { return (nil, problems) }
        let languages = (form["langues"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.prefix(10).map { String($0.prefix(40)) }
        return (
            PersonEdit(
                person: Person(
                    name: name, birthDate: birthDate, birthPlace: field("lieu-naissance"), nationality: field("nationalite"),
                    address: field("adresse"), phone: field("telephone")),
                languages: languages, department: department, procedure: procedure, permitExpiry: permitExpiry,
                circumstances: field("situation", limit: 4000)),
            []
        )
    }

    func casePage(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await withMember(request, context) { member, _, reader in
            let opened = try await desk.cases.open(try caseID(context), by: member, now: unixNow)
            let thanked = request.uri.queryParameters.get("signalement") == "merci"
            return try await caseResponse(
                opened, member: member, reader: reader, problems: [], conflict: false, status: .ok, report: thanked ? .thanks : nil)
        }
    }

    /// `POST /bureau/dossiers/<id>/signaler`: an anonymous report about this case, counted once per case and week; the
    /// case is not changed and the report keeps nothing of it but the five values.
    func report(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await withMember(request, context, form: true) { member, form, reader in
            let form = form ?? FormFields()
            let id = try caseID(context)
            let now = unixNow
            let opened = try await desk.cases.open(id, by: member, now: now, audited: false)
            guard let reports else { return redirect(to: .desk("dossiers/\(id)"), reader: reader) }
            let read = reports.read(
                department: opened.content.caseFile.department.code, procedure: form[ReportPages.Field.procedure] ?? "",
                channel: form[ReportPages.Field.channel] ?? "", outcome: form[ReportPages.Field.outcome] ?? "",
                week: form[ReportPages.Field.week] ?? "", now: now)
            let refusal: ReportRefusal
            switch read {
            case .success(let report):
                do throws(ReportRefusal) {
                    try await reports.submit(
                        report, origin: "dossier:\(id)", client: "membre:\(member.accountID)", now: now,
                        perHour: Self.reportsPerMemberPerHour)
                    logger.info("report counted", metadata: ["case.id": "\(id)"])
                    return Response(
                        status: .seeOther,
                        headers: [
                            .location: SitePath.desk("dossiers/\(id)").href(reader.isExplicit ? reader.language : nil)
                                + (reader.isExplicit ? "&" : "?") + "signalement=merci#signaler",
                            .cacheControl: "no-store",
                        ])
                } catch {
                    refusal = error
                }
            case .failure(let error):
                refusal = error
            }
            return try await caseResponse(
                opened, member: member, reader: reader, problems: [], conflict: false, status: ReportRoutes.status(refusal),
                report: .refused(ReportRoutes.message(refusal)),
                reportDraft: ReportRoutes.draft(form, department: opened.content.caseFile.department.code))
        }
    }

    func caseResponse(
        _ opened: OpenedCase, member: Member, reader: ReaderLanguage, problems: [String], conflict: Bool, status: HTTPResponse.Status,
        report: ReportPages.Status? = nil, reportDraft: Observatory.ReportDraft? = nil
    ) async throws -> Response {
        let summaries = try await desk.accounts.memberSummaries(organisation: member.organisation)
        let names = Dictionary(summaries.map { ($0.accountID, $0.displayName) }, uniquingKeysWith: { first, _ in first })
        let content = opened.content
        let evidence = opened.evidence
        let view = BureauPages.CaseView(
            id: opened.id, number: opened.number, version: opened.version, status: opened.status,
            assigneeID: opened.record.assigneeID,
            content: BureauPages.CaseContentView(
                caseFile: content.caseFile, languages: content.languages,
                notes: content.notes.map { note in
                    (at: OffsetDateTime(utcSeconds: Int(note.at), utcOffsetMinutes: 0).iso, author: names[note.authorID] ?? "—", text: note.text)
                },
                mandate: content.mandate,
                deadlines: content.deadlines.map { deadline in
                    (rule: DeadlineRule.named(deadline.ruleID), ruleID: deadline.ruleID, start: deadline.start,
                        due: deadline.result(in: content.caseFile.department)?.deadline)
                },
                captureReferences: Set(content.captures.map(\.reference)), handedOverOn: content.handedOverOn),
            verdict: evidence.verdict, verdictReasons: evidence.reasons,
            isEditable: opened.isEditable(on: today), mayAssign: member.may(.assignCase),
            mayExport: member.may(.exportCase), mayDelete: member.may(.deleteCase), mayRevoke: member.may(.revokeMandate))
        return html(
            BureauPages.casePage(
                view, members: summaries.filter { $0.status == .active }.map { ($0.accountID, $0.displayName) }, problems: problems,
                conflict: conflict, today: today, session: session(member),
                context: reader.context(path: "/bureau/dossiers/\(opened.id)", updated: nil),
                report: reports.map { reports in
                    ReportPages.Form(
                        action: SitePath.desk("dossiers/\(opened.id)/signaler").href(reader.isExplicit ? reader.language : nil),
                        hidden: [("jeton", member.formToken)],
                        draft: reportDraft ?? Observatory.ReportDraft(caseFile: content.caseFile, procedure: nil),
                        weeks: reports.selectableWeeks(now: unixNow), status: report, departmentEditable: false)
                }),
            status: status)
    }

    func changeCase(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await withMember(request, context, form: true, limit: Self.uploadLimit) { member, form, reader in
            let form = form ?? FormFields()
            let id = try caseID(context)
            let version = Int(form["version"] ?? "") ?? -1
            let now = unixNow
            do {
                let changed: OpenedCase
                switch form["action"] ?? "" {
                case "note":
                    let text = (form["note"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                    guard !text.isEmpty else { throw HelpDeskError.invalid("La note est vide.") }
                    changed = try await desk.cases.update(id, expectedVersion: version, by: member, now: now) { content, _ in
                        content.notes.append(CaseNote(at: now, authorID: member.accountID, text: String(text.prefix(4000))))
                    }
                case "statut":
                    guard let status = CaseStatus(rawValue: form["statut"] ?? "") else { throw HelpDeskError.invalid("Statut inconnu.") }
                    let assignee = form["assigne"].map { $0.isEmpty ? nil : $0 }
                    let current = try await desk.cases.open(id, by: member, now: now, audited: false)
                    let reassigning = assignee != nil && assignee! != current.record.assigneeID
                    changed = try await desk.cases.update(
                        id, expectedVersion: version, by: member, now: now, action: reassigning ? .caseAssign : .caseUpdate
                    ) { _, clear in
                        clear.status = status
                        if let assignee { clear.assigneeID = assignee }
                    }
                case "echeance":
                    guard let ruleID = form["regle"], DeadlineRule.named(ruleID) != nil else {
                        throw HelpDeskError.invalid("Choisissez un délai de la liste.")
                    }
                    guard let start = LocalDate(iso: form["depart"] ?? "") else {
                        throw HelpDeskError.invalid("La date de départ s'écrit AAAA-MM-JJ.")
                    }
                    changed = try await desk.cases.addDeadline(
                        ruleID: ruleID, start: start, to: id, expectedVersion: version, by: member, now: now)
                case "tentative":
                    guard let at = Self.attemptInstant(form["quand"] ?? "") else {
                        throw HelpDeskError.invalid("La date et l'heure de la tentative s'écrivent AAAA-MM-JJTHH:MM.")
                    }
                    guard let channel = AttemptChannel(rawValue: form["canal"] ?? ""),
                        let outcome = AttemptOutcome(rawValue: form["resultat"] ?? "")
                    else { throw HelpDeskError.invalid("Choisissez le canal et le résultat.") }
                    let capture = form.files["capture"].flatMap { $0.isEmpty ? nil : $0 }
                    changed = try await desk.cases.appendAttempt(
                        Attempt(at: at, channel: channel, outcome: outcome), capture: capture, to: id, expectedVersion: version,
                        by: member, now: now)
                case "revoquer":
                    changed = try await desk.cases.revokeMandate(id, by: member, now: now)
                case "personne":
                    let read = Self.personAndProcedure(form)
                    guard let edit = read.edit else { throw HelpDeskError.invalid(read.problems.joined(separator: " ")) }
                    changed = try await desk.cases.update(id, expectedVersion: version, by: member, now: now) { content, _ in
                        var person = edit.person
                        // Fields the form does not show are kept.
                        person.email = content.caseFile.person.email
                        person.civility = content.caseFile.person.civility
                        person.foreignerNumber = content.caseFile.person.foreignerNumber
                        content.caseFile.person = person
                        content.languages = edit.languages
                        content.caseFile.department = edit.department
                        content.caseFile.procedure = edit.procedure
                        content.caseFile.permitExpiry = edit.permitExpiry
                        content.caseFile.circumstances = edit.circumstances
                    }
                default:
                    throw HelpDeskError.invalid("Action inconnue.")
                }
                return redirect(to: .desk("dossiers/\(changed.id)"), reader: reader)
            } catch let error as HelpDeskError {
                switch error {
                case .staleVersion:
                    let current = try await desk.cases.open(id, by: member, now: now, audited: false)
                    return try await caseResponse(current, member: member, reader: reader, problems: [], conflict: true, status: .conflict)
                case .invalid(let text), .captureRefused(let text):
                    let current = try await desk.cases.open(id, by: member, now: now, audited: false)
                    return try await caseResponse(current, member: member, reader: reader, problems: [text], conflict: false, status: .unprocessableContent)
                case .mandateNotValid:
                    let current = try await desk.cases.open(id, by: member, now: now, audited: false)
                    return try await caseResponse(
                        current, member: member, reader: reader, problems: [error.frenchMessage], conflict: false, status: .forbidden)
                default:
                    throw error
                }
            }
        }
    }

    /// `2026-11-03T09:30` (a `datetime-local` field) read as Paris time, or a full ISO instant with its offset.
    static func attemptInstant(_ text: String) -> OffsetDateTime? {
        if let full = OffsetDateTime(iso: text) { return full }
        let parts = text.split(separator: "T")
        guard parts.count == 2, let day = LocalDate(iso: parts[0]), let time = LocalTime(iso: parts[1].prefix(5)) else { return nil }
        let local = CivilTimeZone.europeParis.normalized(LocalDateTime(date: day, time: time))
        return OffsetDateTime(
            local: local, utcOffsetMinutes: local.wallMinutesSinceEpoch - CivilTimeZone.europeParis.utcMinutes(local))
    }

    func document(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await withMember(request, context) { member, _, reader in
            let id = try caseID(context)
            guard let name = context.parameters.get("file"), let dot = name.lastIndex(of: "."),
                let kind = DocumentKind(rawValue: String(name[..<dot])),
                case let fileExtension = String(name[name.index(after: dot)...]),
                let format = fileExtension == "zip" ? .pdf : DocumentFormat(rawValue: fileExtension)
            else { throw HelpDeskError.notFound }
            do {
                let bytes = try await desk.cases.document(kind, format: format, split: fileExtension == "zip", of: id, by: member, now: unixNow)
                return download(bytes, contentType: fileExtension == "zip" ? SplitFiling.mediaType : format.mediaType, fileName: name)
            } catch HelpDeskError.invalid(let text) {
                let current = try await desk.cases.open(id, by: member, now: unixNow, audited: false)
                return try await caseResponse(current, member: member, reader: reader, problems: [text], conflict: false, status: .unprocessableContent)
            } catch HelpDeskError.mandateNotValid {
                let current = try await desk.cases.open(id, by: member, now: unixNow, audited: false)
                return try await caseResponse(
                    current, member: member, reader: reader, problems: [HelpDeskError.mandateNotValid.frenchMessage], conflict: false,
                    status: .forbidden)
            }
        }
    }

    func capture(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await withMember(request, context) { member, _, _ in
            let (capture, bytes) = try await desk.cases.capture(context.parameters.get("file") ?? "", of: try caseID(context), by: member, now: unixNow)
            let type = switch capture.format {
            case .png: "image/png"
            case .jpeg: "image/jpeg"
            case .pdf: "application/pdf"
            }
            return download(bytes, contentType: type, fileName: capture.reference, inline: true)
        }
    }

    func mandate(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await withMember(request, context) { member, _, reader in
            let id = try caseID(context)
            do {
                let bytes = try await desk.cases.mandatePDF(of: id, by: member, now: unixNow)
                return download(bytes, contentType: DocumentFormat.pdf.mediaType, fileName: "mandat.pdf")
            } catch HelpDeskError.invalid(let text) {
                let current = try await desk.cases.open(id, by: member, now: unixNow, audited: false)
                return try await caseResponse(current, member: member, reader: reader, problems: [text], conflict: false, status: .unprocessableContent)
            }
        }
    }

    func export(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await withMember(request, context) { member, _, _ in
            let (number, bytes) = try await desk.cases.export(try caseID(context), by: member, now: unixNow)
            return download(bytes, contentType: "application/zip", fileName: "dossier-\(number).zip")
        }
    }

    func confirmDelete(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await withMember(request, context) { member, _, reader in
            let opened = try await desk.cases.open(try caseID(context), by: member, now: unixNow, audited: false)
            guard member.may(.deleteCase, caseAssignee: opened.record.assigneeID) else { throw HelpDeskError.forbidden }
            return html(
                BureauPages.confirmDelete(
                    id: opened.id, number: opened.number, session: session(member),
                    context: reader.context(path: "/bureau/dossiers/\(opened.id)/supprimer", updated: nil)))
        }
    }

    func delete(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await withMember(request, context, form: true) { member, _, reader in
            try await desk.cases.delete(try caseID(context), by: member, now: unixNow)
            return redirect(to: .desk("dossiers"), reader: reader)
        }
    }

    // MARK: Members, audit, calendar

    func members(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await withMember(request, context) { member, _, reader in
            try await membersPage(member, reader: reader, invitationLink: nil, problems: [], status: .ok)
        }
    }

    func membersPage(
        _ member: Member, reader: ReaderLanguage, invitationLink: String?, problems: [String], status: HTTPResponse.Status
    ) async throws -> Response {
        let lines = try await desk.accounts.members(of: member).map { summary in
            BureauPages.MemberLine(
                id: summary.accountID, name: summary.displayName, email: summary.email, role: summary.role,
                status: summary.status.rawValue, isSelf: summary.accountID == member.accountID)
        }
        var response = html(
            BureauPages.members(
                lines, invitationLink: invitationLink, retentionMonths: member.organisation.retentionMonths, problems: problems,
                session: session(member), context: reader.context(path: "/bureau/membres", updated: nil)),
            status: status)
        return response
    }

    func changeMembers(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await withMember(request, context, form: true) { member, form, reader in
            let form = form ?? FormFields()
            guard member.may(.manageMembers) else { throw HelpDeskError.forbidden }
            do {
                switch form["action"] ?? "" {
                case "inviter":
                    guard let role = HelpDeskRole(rawValue: form["role"] ?? "") else { throw HelpDeskError.invalid("Rôle inconnu.") }
                    let (_, secret) = try await desk.accounts.invite(
                        email: form["email"] ?? "", displayName: form["nom"] ?? "", role: role, into: member.organisation,
                        actorID: member.accountID, now: unixNow)
                    return try await membersPage(
                        member, reader: reader, invitationLink: configuration.baseURL + "/bureau/invitation/" + secret, problems: [],
                        status: .ok)
                case "conservation":
                    guard let months = Int(form["conservation"] ?? "") else { throw HelpDeskError.invalid("Indiquez un nombre de mois.") }
                    try await desk.accounts.setRetention(months: months, by: member, now: unixNow)
                    return redirect(to: .desk("membres"), reader: reader)
                default:
                    throw HelpDeskError.invalid("Action inconnue.")
                }
            } catch HelpDeskError.invalid(let text) {
                return try await membersPage(member, reader: reader, invitationLink: nil, problems: [text], status: .unprocessableContent)
            }
        }
    }

    func changeMember(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await withMember(request, context, form: true) { member, form, reader in
            let form = form ?? FormFields()
            let id = context.parameters.get("id") ?? ""
            do {
                switch form["action"] ?? "" {
                case "role":
                    guard let role = HelpDeskRole(rawValue: form["role-\(id)"] ?? "") else { throw HelpDeskError.invalid("Rôle inconnu.") }
                    try await desk.accounts.change(accountID: id, role: role, disable: false, by: member, now: unixNow)
                case "desactiver":
                    try await desk.accounts.change(accountID: id, role: nil, disable: true, by: member, now: unixNow)
                default:
                    throw HelpDeskError.invalid("Action inconnue.")
                }
                return redirect(to: .desk("membres"), reader: reader)
            } catch HelpDeskError.invalid(let text) {
                return try await membersPage(member, reader: reader, invitationLink: nil, problems: [text], status: .unprocessableContent)
            }
        }
    }

    func audit(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await withMember(request, context) { member, _, reader in
            guard member.may(.readAudit) else { throw HelpDeskError.forbidden }
            let log = AuditLog(store: desk.store)
            let verification = try await log.verify(organisationID: member.organisation.id)
            let entries = try await log.entries(organisationID: member.organisation.id, after: max(0, verification.entries - 200), limit: 200)
            let names = try await memberNames(member)
            var numbers: [String: String] = [:]
            for summary in try await desk.cases.list(by: member) { numbers[summary.id] = summary.number }
            return html(
                BureauPages.audit(
                    entries.reversed().map { entry in
                        (sequence: entry.sequence, at: OffsetDateTime(utcSeconds: Int(entry.at), utcOffsetMinutes: 0).iso,
                            actor: names[entry.actorID] ?? entry.actorID, action: entry.action,
                            caseNumber: entry.caseID.map { numbers[$0] ?? "(effacé)" })
                    },
                    intact: verification.isIntact, checked: verification.entries,
                    breakText: verification.firstBreak.map { "n° \($0.sequence) : \($0.reason)" }, session: session(member),
                    context: reader.context(path: "/bureau/journal", updated: nil)))
        }
    }

    func calendarPage(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await withMember(request, context) { member, _, reader in
            html(
                BureauPages.calendar(
                    hasFeed: try await desk.accounts.hasCalendarSecret(member), link: nil, session: session(member),
                    context: reader.context(path: "/bureau/agenda", updated: nil)))
        }
    }

    func changeCalendar(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await withMember(request, context, form: true) { member, form, reader in
            switch form?["action"] ?? "" {
            case "nouveau":
                let secret = try await desk.accounts.renewCalendarSecret(for: member)
                var response = html(
                    BureauPages.calendar(
                        hasFeed: true, link: configuration.baseURL + "/bureau/agenda/\(secret).ics", session: session(member),
                        context: reader.context(path: "/bureau/agenda", updated: nil)))
                return response
            case "revoquer":
                try await desk.accounts.revokeCalendarSecret(for: member)
                return redirect(to: .desk("agenda"), reader: reader)
            default:
                throw HelpDeskError.invalid("Action inconnue.")
            }
        }
    }

    /// `/bureau/agenda/<secret>.ics`: the deadlines of the member's cases; case numbers and dates, never a name.
    func calendarFeed(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        guard let file = context.parameters.get("file"), file.hasSuffix(".ics"),
            let member = try await desk.accounts.member(calendarSecret: String(file.dropLast(4)))
        else { throw HTTPError(.notFound) }
        // The calendar holds every coming deadline (a phone keeps them), bounded only against a runaway organisation.
        let entries = try await desk.cases.dashboard(by: member, now: unixNow, horizonDays: nil, limit: 5000).entries
        let events = entries.map { entry in
            ICalendar.Event(
                uid: "\(entry.caseID).\(entry.ruleID)", summary: "Dossier \(entry.caseNumber) — \(entry.rule?.label ?? entry.ruleID)",
                description: "Échéance du dossier \(entry.caseNumber). Source : \(entry.rule?.source.citation ?? "—")"
                    + ((entry.rule?.source.isVerified ?? false) ? "" : " (règle non vérifiée)"),
                date: entry.due, time: nil, timeZone: .europeParis)
        }
        var response = Response.text(
            ICalendar.render(events, stamp: DeadlineRoutes.stamp(now()), alarms: ICalendar.deskAlarms),
            contentType: "text/calendar; charset=utf-8", cacheControl: "no-store")
        return response
    }

    // MARK: Filing and import

    func filingPage(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await withMember(request, context) { member, _, reader in
            guard member.may(.exportCase) else { throw HelpDeskError.forbidden }
            let code = request.uri.queryParameters.get("departement")
            let department = code.flatMap { code in Department.all.first { $0.code == code } }
            var lines: [BureauPages.CaseLine] = []
            if let department {
                let names = try await memberNames(member)
                lines = try await desk.cases.filingCandidates(department: department.code, by: member).map { caseLine($0, names: names) }
            }
            return html(
                BureauPages.filing(
                    department: department, candidates: lines, problems: [], session: session(member),
                    context: reader.context(path: "/bureau/depot-collectif", updated: nil)))
        }
    }

    func filingBundle(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await withMember(request, context, form: true) { member, form, reader in
            let form = form ?? FormFields()
            guard let department = Department.all.first(where: { $0.code == form["departement"] }) else {
                throw HelpDeskError.invalid("Choisissez le département de la préfecture.")
            }
            let chosen = form.values.keys.filter { $0.hasPrefix("dossier-") && form[$0] == "1" }.map { String($0.dropFirst("dossier-".count)) }
            do {
                let bytes = try await desk.cases.collectiveFiling(caseIDs: chosen, department: department.code, by: member, now: unixNow)
                return download(bytes, contentType: "application/zip", fileName: "depot-collectif-\(department.code)-\(today.iso).zip")
            } catch HelpDeskError.invalid(let text) {
                let names = try await memberNames(member)
                let lines = try await desk.cases.filingCandidates(department: department.code, by: member).map { caseLine($0, names: names) }
                return html(
                    BureauPages.filing(
                        department: department, candidates: lines, problems: [text], session: session(member),
                        context: reader.context(path: "/bureau/depot-collectif", updated: nil)),
                    status: .unprocessableContent)
            }
        }
    }

    func importForm(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await withMember(request, context) { member, _, reader in
            guard member.may(.createCase) else { throw HelpDeskError.forbidden }
            return html(BureauPages.importForm(problem: nil, session: session(member), context: reader.context(path: "/bureau/importer", updated: nil)))
        }
    }

    func importFile(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await withMember(request, context, form: true) { member, form, reader in
            let form = form ?? FormFields()
            func refuse(_ text: String, status: HTTPResponse.Status) -> Response {
                html(
                    BureauPages.importForm(problem: text, session: session(member), context: reader.context(path: "/bureau/importer", updated: nil)),
                    status: status)
            }
            guard form["consentement"] == "1" else {
                return refuse("Cochez la case qui dit que la personne a donné son accord.", status: .unprocessableContent)
            }
            guard let selfHelp = desk.selfHelp else { throw HTTPError(.notFound) }
            let days = Int(form["mandat-duree"] ?? "") ?? 0
            let mandate: Mandate
            do throws(Mandate.Problem) { mandate = try Mandate(scopes: Set(MandateScope.allCases), from: today, days: days) } catch {
                return refuse(error.frenchMessage, status: .unprocessableContent)
            }
            let code: AccessCode
            do { code = try AccessCode(parsing: String((form["code"] ?? "").prefix(120))) } catch {
                return refuse("Ce code est mal recopié : vérifiez chaque caractère.", status: .unprocessableContent)
            }
            do {
                let opened = try await desk.cases.importSelfHelp(
                    code: code, files: selfHelp.files, interviews: selfHelp.interviews, mandate: mandate, by: member, now: unixNow)
                return redirect(to: .desk("dossiers/\(opened.id)"), reader: reader)
            } catch HelpDeskError.notFound {
                return refuse("Aucun dossier personnel ne s'ouvre avec ce code.", status: .notFound)
            }
        }
    }

    // MARK: Members and forms

    /// Runs `body` for the member of the session; without one, a GET goes to the login page (303) and a POST gets a 401
    /// page. `form`: read and check the body (its size, then the session's anti-forgery token: 403 if wrong).
    func withMember(
        _ request: Request, _ context: AppRequestContext, form: Bool = false, limit: Int = formLimit,
        _ body: (Member, FormFields?, ReaderLanguage) async throws -> Response
    ) async throws -> Response {
        var request = request
        let reader = ReaderLanguage(request)
        let member: Member?
        do throws(HelpDeskError) {
            if let cookie = request.cookies[Self.sessionCookie] {
                member = try await desk.accounts.member(cookie: cookie.value, now: unixNow)
            } else {
                member = nil
            }
        } catch {
            return message(error, reader: reader, session: nil)
        }
        guard let member else {
            if request.method == .get || request.method == .head { return redirect(to: .desk("connexion"), reader: reader) }
            return message(.notLoggedIn, reader: reader, session: nil)
        }
        var fields: FormFields?
        if form {
            switch await FormFields.read(&request, limit: limit) {
            case .tooLarge:
                return message(.captureRefused("Le fichier envoyé est trop grand."), reader: reader, session: session(member), status: .contentTooLarge)
            case .malformed:
                return message(.badFormToken, reader: reader, session: session(member))
            case .fields(let read):
                fields = read
            }
            guard constantTimeEqual(fields?["jeton"] ?? "", member.formToken) else {
                logger.notice("desk form token refused", metadata: ["account.id": "\(member.accountID)"])
                return message(.badFormToken, reader: reader, session: session(member))
            }
        }
        do {
            return try await body(member, fields, reader)
        } catch let error as HelpDeskError {
            if case .storage = error { logger.error("desk storage failed", metadata: ["error": "\(error)"]) }
            if error == .forbidden {
                logger.notice("desk action forbidden", metadata: ["account.id": "\(member.accountID)", "path": "\(context.endpointPath ?? "")"])
            }
            return message(error, reader: reader, session: session(member))
        }
    }

    /// A public form (login, invitation): read with the site's double-submit token; `nil` when the token is wrong.
    func publicForm(_ request: inout Request) async -> FormFields? {
        guard case .fields(let form) = await FormFields.read(&request, limit: Self.formLimit) else { return nil }
        return ParcoursRoutes.tokenMatches(request, form) ? form : nil
    }

    func caseID(_ context: AppRequestContext) throws -> String {
        guard let id = context.parameters.get("id"), id.utf8.count == 32,
            id.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
        else { throw HelpDeskError.notFound }
        return id
    }

    func memberNames(_ member: Member) async throws -> [String: String] {
        Dictionary(
            try await desk.accounts.memberSummaries(organisation: member.organisation).map { ($0.accountID, $0.displayName) },
            uniquingKeysWith: { first, _ in first })
    }

    func session(_ member: Member) -> BureauPages.Session {
        BureauPages.Session(
            token: member.formToken, memberName: member.displayName, organisationName: member.organisation.name,
            isAdmin: member.may(.manageMembers))
    }

    /// An opaque key of the client's address for the login limit (a hash, never the address).
    func clientKey(_ request: Request, _ context: AppRequestContext) -> String {
        let address = GuichetWeb.clientAddress(request, context, trustForwardedFor: configuration.trustForwardedFor)
        return String(Hashing.sha256Hex(Array(("guichet/desk-login/" + address).utf8)).prefix(24))
    }

    // MARK: Responses

    func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response { Response.privatePage(page, status: status) }

    func redirect(to target: SitePath, reader: ReaderLanguage) -> Response { Response.seeOther(target, reader: reader) }

    func message(_ error: HelpDeskError, reader: ReaderLanguage, session: BureauPages.Session?, status: HTTPResponse.Status? = nil) -> Response {
        let l = reader.context(path: "/bureau", updated: nil).l
        let links: [(label: String, target: SitePath)] =
            session == nil ? [(l(.deskLoginTitle), .desk("connexion"))] : [(l(.deskDashboard), .desk("")), (l(.deskCases), .desk("dossiers"))]
        return html(
            BureauPages.message(
                title: Self.title(for: error, l), text: error.frenchMessage, links: links, session: session,
                context: reader.context(path: "/bureau", updated: nil)),
            status: status ?? HTTPResponse.Status(code: error.status))
    }

    static func title(for error: HelpDeskError, _ l: Localizer) -> String {
        switch error {
        case .notFound: l(.notFoundTitle)
        case .storage, .sealedDataUnreadable: l(.serverErrorTitle)
        case .badFormToken: l(.expiredFormTitle)
        default: l(.errorSummaryTitle)
        }
    }

    func expiredForm(_ reader: ReaderLanguage) -> Response { message(.badFormToken, reader: reader, session: nil) }

    func download(_ bytes: [UInt8], contentType: String, fileName: String, inline: Bool = false) -> Response {
        var response = Response(
            status: .ok, headers: [.contentType: contentType, .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
        response.headers[.contentDisposition] = "\(inline ? "inline" : "attachment"); filename=\"\(fileName)\""
        return response
    }

    func sessionCookie(_ value: String, maxAge: Int? = nil) -> Cookie {
        Cookie(name: Self.sessionCookie, value: value, maxAge: maxAge, path: "/bureau", secure: configuration.secureCookies, httpOnly: true, sameSite: .strict)
    }

    /// A page with a public form (login, second factor, invitation): rendered with this browser's double-submit
    /// token, whose cookie is (re)set.
    func publicPage(_ request: Request, status: HTTPResponse.Status, _ render: (BureauPages.Session) -> String) -> Response {
        let token = ParcoursRoutes.token(request)
        var response = html(render(.init(token: token)), status: status)
        response.setCookie(tokenCookie(token))
        return response
    }

    func tokenCookie(_ token: String) -> Cookie {
        Cookie(name: ParcoursRoutes.tokenCookie, value: token, maxAge: 86_400, path: "/", secure: configuration.secureCookies, httpOnly: true, sameSite: .strict)
    }
}
