public import GuichetCore

/// The help desk's pages (`/bureau`): login, second factor, invitation, the deadlines dashboard, the cases, one case,
/// members, the audit log, the calendar link, the collective filing and the import of a self-help file.
///
/// Every form is a plain POST form that works without JavaScript and carries the session's anti-forgery token. The
/// case data (names, notes, the journal) are French content: inside an English or Arabic page they are marked `lang="fr"`.
public enum BureauPages {
    /// The anti-forgery token echoed by every form, and the member's name for the header (if logged in).
    public struct Session: Sendable {
        public let token: String
        public let memberName: String?
        public let organisationName: String?
        /// Whether the member may manage members and read the audit log (admin).
        public let isAdmin: Bool

        public init(token: String, memberName: String? = nil, organisationName: String? = nil, isAdmin: Bool = false) {
            self.token = token
            self.memberName = memberName
            self.organisationName = organisationName
            self.isAdmin = isAdmin
        }
    }

    /// What the case page needs besides the case.
    public struct CaseView: Sendable {
        public let id: String
        public let number: String
        public let version: Int
        public let status: CaseStatus
        public let assigneeID: String?
        public let content: CaseContentView
        public let verdict: EvidenceVerdict
        public let verdictReasons: [String]
        public let isEditable: Bool
        public let mayAssign: Bool
        public let mayExport: Bool
        public let mayDelete: Bool
        public let mayRevoke: Bool

        public init(
            id: String, number: String, version: Int, status: CaseStatus, assigneeID: String?, content: CaseContentView,
            verdict: EvidenceVerdict, verdictReasons: [String], isEditable: Bool, mayAssign: Bool, mayExport: Bool,
            mayDelete: Bool, mayRevoke: Bool
        ) {
            self.id = id
            self.number = number
            self.version = version
            self.status = status
            self.assigneeID = assigneeID
            self.content = content
            self.verdict = verdict
            self.verdictReasons = verdictReasons
            self.isEditable = isEditable
            self.mayAssign = mayAssign
            self.mayExport = mayExport
            self.mayDelete = mayDelete
            self.mayRevoke = mayRevoke
        }
    }

    /// The unsealed content of a case, as the case page shows it (the web layer copies it from the help desk's value).
    public struct CaseContentView: Sendable {
        public let caseFile: CaseFile
        public let languages: [String]
        public let notes: [(at: String, author: String, text: String)]
        public let mandate: Mandate
        public let deadlines: [(rule: DeadlineRule?, ruleID: String, start: LocalDate, due: LocalDate?)]
        public let captureReferences: Set<String>
        public let handedOverOn: LocalDate?

        public init(
            caseFile: CaseFile, languages: [String], notes: [(at: String, author: String, text: String)], mandate: Mandate,
            deadlines: [(rule: DeadlineRule?, ruleID: String, start: LocalDate, due: LocalDate?)], captureReferences: Set<String>,
            handedOverOn: LocalDate?
        ) {
            self.caseFile = caseFile
            self.languages = languages
            self.notes = notes
            self.mandate = mandate
            self.deadlines = deadlines
            self.captureReferences = captureReferences
            self.handedOverOn = handedOverOn
        }
    }

    /// One line of the dashboard.
    public struct DeadlineLine: Sendable {
        public let caseID: String
        public let caseNumber: String
        public let ruleLabel: String
        public let isVerified: Bool
        public let source: String
        public let due: LocalDate
        public let daysLeft: Int
        public let urgency: DeadlineReminder.Urgency
        public let isReminderDay: Bool
        public let assignee: String?

        public init(
            caseID: String, caseNumber: String, ruleLabel: String, isVerified: Bool, source: String, due: LocalDate, daysLeft: Int,
            urgency: DeadlineReminder.Urgency, isReminderDay: Bool, assignee: String?
        ) {
            self.caseID = caseID
            self.caseNumber = caseNumber
            self.ruleLabel = ruleLabel
            self.isVerified = isVerified
            self.source = source
            self.due = due
            self.daysLeft = daysLeft
            self.urgency = urgency
            self.isReminderDay = isReminderDay
            self.assignee = assignee
        }
    }

    /// One line of a case list.
    public struct CaseLine: Sendable {
        public let id: String
        public let number: String
        public let status: CaseStatus
        public let department: String
        public let verdict: EvidenceVerdict?
        public let assignee: String?
        public let mandateUntil: String
        public let isRevoked: Bool

        public init(
            id: String, number: String, status: CaseStatus, department: String, verdict: EvidenceVerdict?, assignee: String?,
            mandateUntil: String, isRevoked: Bool
        ) {
            self.id = id
            self.number = number
            self.status = status
            self.department = department
            self.verdict = verdict
            self.assignee = assignee
            self.mandateUntil = mandateUntil
            self.isRevoked = isRevoked
        }
    }

    /// One member on the members page.
    public struct MemberLine: Sendable {
        public let id: String
        public let name: String
        public let email: String
        public let role: HelpDeskRole
        public let status: String
        public let isSelf: Bool

        public init(id: String, name: String, email: String, role: HelpDeskRole, status: String, isSelf: Bool) {
            self.id = id
            self.name = name
            self.email = email
            self.role = role
            self.status = status
            self.isSelf = isSelf
        }
    }

    // MARK: Frame

    static func page(
        _ title: String, session: Session?, context: PageContext, @NodeBuilder _ main: () -> [Node]
    ) -> String {
        let l = context.l
        return Layout.page(title: title, description: l(.deskTitle), context: context) {
            if let session, let name = session.memberName {
                el("nav", ["class": "desk", "aria-label": l(.deskNavigation)]) {
                    el("p") {
                        Layout.content("span", context) { name }
                        if let organisation = session.organisationName {
                            " — "
                            Layout.content("span", context) { organisation }
                        }
                    }
                    el("ul") {
                        el("li") { el("a", ["href": context.href(.desk(""))]) { l(.deskDashboard) } }
                        el("li") { el("a", ["href": context.href(.desk("dossiers"))]) { l(.deskCases) } }
                        el("li") { el("a", ["href": context.href(.desk("dossiers/nouveau"))]) { l(.deskNewCase) } }
                        el("li") { el("a", ["href": context.href(.desk("depot-collectif"))]) { l(.deskFiling) } }
                        el("li") { el("a", ["href": context.href(.desk("importer"))]) { l(.deskImport) } }
                        el("li") { el("a", ["href": context.href(.desk("agenda"))]) { l(.deskCalendar) } }
                        if session.isAdmin {
                            el("li") { el("a", ["href": context.href(.desk("membres"))]) { l(.deskMembers) } }
                            el("li") { el("a", ["href": context.href(.desk("journal"))]) { l(.deskAudit) } }
                        }
                    }
                    form(action: .desk("deconnexion"), session: session, context: context) {
                        el("button", ["type": "submit", "class": "link"]) { l(.deskLogout) }
                    }
                    form(action: .desk("deconnexion-partout"), session: session, context: context) {
                        el("button", ["type": "submit", "class": "link"]) { l(.deskLogoutEverywhere) }
                    }
                }
            }
            main()
        }
    }

    static func form(
        action: SitePath, session: Session, context: PageContext, multipart: Bool = false, @NodeBuilder _ children: () -> [Node]
    ) -> Node {
        ParcoursPages.form(action: action, session: ParcoursPages.Session(token: session.token), context: context, multipart: multipart, children)
    }

    static func textField(
        _ name: String, label: String, value: String = "", hint: String? = nil, type: String = "text", inputMode: String? = nil,
        problem: String? = nil, autocomplete: String? = nil, required: Bool = false, french: Bool = false, context: PageContext
    ) -> Node {
        var attributes = [Attribute("type", type), Attribute("id", name), Attribute("name", name), Attribute("value", value)]
        if let inputMode { attributes.append(Attribute("inputmode", inputMode)) }
        var described: [String] = []
        if hint != nil { described.append(name + "-aide") }
        if problem != nil {
            described.append(name + "-erreur")
            attributes.append(Attribute("aria-invalid", "true"))
        }
        if !described.isEmpty { attributes.append(Attribute("aria-describedby", described.joined(separator: " "))) }
        if let autocomplete { attributes.append(Attribute("autocomplete", autocomplete)) }
        if required { attributes.append(Attribute("required", nil)) }
        if french { attributes += Layout.frenchContent(context) }
        return el("div", ["class": "field"]) {
            el("label", ["for": name]) { label }
            if let hint { el("p", ["class": "hint", "id": name + "-aide"]) { hint } }
            if let problem { el("p", ["class": "field-error", "id": name + "-erreur"]) { problem } }
            Node.element("input", attributes: attributes, children: [])
        }
    }

    static func select(
        _ name: String, label: String, options: [(value: String, label: String)], selected: String?, context: PageContext
    ) -> Node {
        el("div", ["class": "field"]) {
            el("label", ["for": name]) { label }
            Node.element("select", attributes: [Attribute("id", name), Attribute("name", name)], children: options.map { option in
                Node.element(
                    "option",
                    attributes: [Attribute("value", option.value)] + (option.value == selected ? [Attribute("selected", nil)] : []),
                    children: [.text(option.label)])
            })
        }
    }

    static func problems(_ problems: [String], context: PageContext) -> Node {
        let l = context.l
        return .fragment(problems.isEmpty ? [] : [
            el("div", ["class": "error-summary", "role": "alert", "aria-labelledby": "erreurs-titre", "tabindex": "-1", "id": "erreurs"]) {
                el("h2", ["id": "erreurs-titre"]) { l(.errorSummaryTitle) }
                el("ul") { for problem in problems { el("li") { problem } } }
            },
        ])
    }

    static func verdictLabel(_ verdict: EvidenceVerdict, _ l: Localizer) -> String {
        switch verdict {
        case .insuffisant: l(.verdictInsuffisant)
        case .recevable: l(.verdictRecevable)
        case .solide: l(.verdictSolide)
        }
    }

    static func statusLabel(_ status: CaseStatus, _ l: Localizer) -> String {
        switch status {
        case .ouvert: l(.deskStatusOpen)
        case .enAttente: l(.deskStatusWaiting)
        case .depose: l(.deskStatusFiled)
        case .clos: l(.deskStatusClosed)
        }
    }

    static func roleLabel(_ role: HelpDeskRole, _ l: Localizer) -> String {
        switch role {
        case .admin: l(.deskRoleAdmin)
        case .juriste: l(.deskRoleJuriste)
        case .benevole: l(.deskRoleBenevole)
        }
    }

    static func urgencyLabel(_ urgency: DeadlineReminder.Urgency, daysLeft: Int, _ l: Localizer) -> String {
        switch urgency {
        case .overdue: l(.deskOverdue, String(-daysLeft))
        case .today: l(.deskDueToday)
        default: l(.deskDaysLeft, String(daysLeft))
        }
    }

    // MARK: Login

    /// `/bureau/connexion`.
    public static func login(
        organisations: [(id: String, name: String)], chosen: String?, email: String, problem: String?, session: Session,
        context: PageContext
    ) -> String {
        let l = context.l
        return page(l(.deskLoginTitle), session: nil, context: context) {
            el("h1") { l(.deskLoginTitle) }
            problems(problem.map { [$0] } ?? [], context: context)
            if organisations.isEmpty {
                el("p") { l(.deskNoOrganisation) }
            } else {
                form(action: .desk("connexion"), session: session, context: context) {
                    if organisations.count == 1, let only = organisations.first {
                        el("input", ["type": "hidden", "name": "organisation", "value": only.id])
                        el("p") { Layout.content("strong", context) { only.name } }
                    } else {
                        select("organisation", label: l(.deskOrganisation), options: organisations.map { ($0.id, $0.name) }, selected: chosen,
                            context: context)
                    }
                    textField("email", label: l(.deskEmail), value: email, inputMode: "email", autocomplete: "username", context: context)
                    textField("motdepasse", label: l(.deskPassword), type: "password", autocomplete: "current-password", context: context)
                    el("div", ["class": "actions"]) { el("button", ["type": "submit"]) { l(.deskLoginButton) } }
                }
            }
            el("p", ["class": "hint"]) { l(.deskLoginHint) }
        }
    }

    /// `/bureau/verification`: the TOTP code.
    public static func secondFactor(problem: String?, session: Session, context: PageContext) -> String {
        let l = context.l
        return page(l(.deskSecondFactorTitle), session: nil, context: context) {
            el("h1") { l(.deskSecondFactorTitle) }
            problems(problem.map { [$0] } ?? [], context: context)
            form(action: .desk("verification"), session: session, context: context) {
                textField(
                    "code", label: l(.deskSecondFactorLabel), hint: l(.deskSecondFactorHint), problem: problem,
                    autocomplete: "one-time-code", context: context)
                el("div", ["class": "actions"]) { el("button", ["type": "submit"]) { l(.deskVerifyButton) } }
            }
        }
    }

    /// `/bureau/invitation/<secret>`: choose a password, then (admins, juristes) set up and confirm the second factor.
    public static func invitation(
        secret: String, organisationName: String, email: String, role: HelpDeskRole, secondFactorKey: String?,
        secondFactorURL: String?, problem: String?, session: Session, context: PageContext
    ) -> String {
        let l = context.l
        return page(l(.deskInvitationTitle), session: nil, context: context) {
            el("h1") { l(.deskInvitationTitle) }
            el("p") {
                l(.deskInvitationIntro, email, roleLabel(role, l))
                " "
                Layout.content("strong", context) { organisationName }
            }
            problems(problem.map { [$0] } ?? [], context: context)
            if let key = secondFactorKey {
                el("h2") { l(.deskSecondFactorSetup) }
                el("p") { l(.deskSecondFactorSetupText) }
                el("p") { el("code", ["class": "code", "dir": "ltr", "lang": "en"]) { key } }
                if let url = secondFactorURL { el("p", ["class": "hint", "dir": "ltr"]) { el("code", ["lang": "en"]) { url } } }
                form(action: .desk("invitation/\(secret)/verification"), session: session, context: context) {
                    textField("code", label: l(.deskSecondFactorLabel), hint: l(.deskSecondFactorHint), autocomplete: "one-time-code", context: context)
                    el("div", ["class": "actions"]) { el("button", ["type": "submit"]) { l(.deskVerifyButton) } }
                }
            } else {
                form(action: .desk("invitation/\(secret)"), session: session, context: context) {
                    textField(
                        "motdepasse", label: l(.deskNewPassword), hint: l(.deskPasswordHint), type: "password",
                        autocomplete: "new-password", context: context)
                    el("div", ["class": "actions"]) { el("button", ["type": "submit"]) { l(.deskChoosePassword) } }
                }
            }
        }
    }

    /// A short page with a title, a text and links.
    public static func message(
        title: String, text: String, links: [(label: String, target: SitePath)], session: Session?, context: PageContext
    ) -> String {
        page(title, session: session, context: context) {
            el("h1") { title }
            el("p") { text }
            el("ul") { for link in links { el("li") { el("a", ["href": context.href(link.target)]) { link.label } } } }
        }
    }

    // MARK: Dashboard and lists

    /// `/bureau`: every deadline the member may see, overdue first, with reminders at 15, 7, 2 and 0 days.
    public static func dashboard(
        _ lines: [DeadlineLine], horizonDays: Int, truncated: Bool, session: Session, context: PageContext
    ) -> String {
        let l = context.l
        let reminders = lines.filter(\.isReminderDay)
        return page(l(.deskDashboard), session: session, context: context) {
            el("h1") { l(.deskDashboard) }
            if !reminders.isEmpty {
                el("section", ["class": "reminders", "aria-labelledby": "rappels"]) {
                    el("h2", ["id": "rappels"]) { l(.deskRemindersHeading) }
                    el("ul") {
                        for line in reminders {
                            el("li") {
                                el("a", ["href": context.href(.desk("dossiers/\(line.caseID)"))]) { line.caseNumber }
                                " — "
                                Layout.content("span", context) { line.ruleLabel }
                                " — "
                                urgencyLabel(line.urgency, daysLeft: line.daysLeft, l)
                            }
                        }
                    }
                }
            }
            el("p") { l(.deskDashboardScope, String(horizonDays)) }
            if truncated { el("p", ["class": "warning"]) { l(.deskDashboardTruncated, String(lines.count)) } }
            if lines.isEmpty {
                el("p") { l(.deskNoDeadlines) }
            } else {
                el("table") {
                    el("caption") { l(.deskDeadlinesCaption) }
                    el("thead") {
                        el("tr") {
                            el("th", ["scope": "col"]) { l(.deskDue) }
                            el("th", ["scope": "col"]) { l(.deskDaysLeftHeading) }
                            el("th", ["scope": "col"]) { l(.deskCaseNumber) }
                            el("th", ["scope": "col"]) { l(.deskDeadline) }
                            el("th", ["scope": "col"]) { l(.deskAssignee) }
                        }
                    }
                    el("tbody") {
                        for line in lines {
                            el("tr", ["class": "urgency-" + line.urgency.rawValue]) {
                                el("td") { el("time", ["datetime": line.due.iso]) { DateText.long(line.due, context.language) } }
                                el("td") { urgencyLabel(line.urgency, daysLeft: line.daysLeft, l) }
                                el("td") { el("a", ["href": context.href(.desk("dossiers/\(line.caseID)"))]) { line.caseNumber } }
                                el("td") {
                                    Layout.content("span", context) { line.ruleLabel }
                                    el("br")
                                    el("small") {
                                        Layout.content("span", context) { line.source }
                                        if !line.isVerified {
                                            " — "
                                            el("strong") { l(.unverifiedRule) }
                                        }
                                    }
                                }
                                el("td") { Layout.content("span", context) { line.assignee ?? "—" } }
                            }
                        }
                    }
                }
            }
        }
    }

    /// `/bureau/dossiers`.
    public static func cases(_ lines: [CaseLine], session: Session, context: PageContext) -> String {
        let l = context.l
        return page(l(.deskCases), session: session, context: context) {
            el("h1") { l(.deskCases) }
            el("p") { el("a", ["href": context.href(.desk("dossiers/nouveau"))]) { l(.deskNewCase) } }
            if lines.isEmpty {
                el("p") { l(.deskNoCases) }
            } else {
                caseTable(lines, caption: l(.deskCasesCaption), context: context)
            }
        }
    }

    static func caseTable(_ lines: [CaseLine], caption: String, selectable: Bool = false, context: PageContext) -> Node {
        let l = context.l
        return el("table") {
            el("caption") { caption }
            el("thead") {
                el("tr") {
                    if selectable { el("th", ["scope": "col"]) { l(.deskSelect) } }
                    el("th", ["scope": "col"]) { l(.deskCaseNumber) }
                    el("th", ["scope": "col"]) { l(.deskStatus) }
                    el("th", ["scope": "col"]) { l(.departmentLabel) }
                    el("th", ["scope": "col"]) { l(.verdictHeading) }
                    el("th", ["scope": "col"]) { l(.deskAssignee) }
                    el("th", ["scope": "col"]) { l(.deskMandateUntil) }
                }
            }
            el("tbody") {
                for line in lines {
                    el("tr") {
                        if selectable {
                            el("td") {
                                el("input", ["type": "checkbox", "name": "dossier-\(line.id)", "id": "dossier-\(line.id)", "value": "1", "checked": nil])
                                el("label", ["for": "dossier-\(line.id)", "class": "visually-hidden"]) { l(.deskSelectCase, line.number) }
                            }
                        }
                        el("td") { el("a", ["href": context.href(.desk("dossiers/\(line.id)"))]) { line.number } }
                        el("td") { statusLabel(line.status, l) }
                        el("td") { line.department }
                        el("td") { line.verdict.map { verdictLabel($0, l) } ?? "—" }
                        el("td") { Layout.content("span", context) { line.assignee ?? "—" } }
                        el("td") { line.isRevoked ? l(.deskMandateRevoked) : line.mandateUntil }
                    }
                }
            }
        }
    }

    // MARK: New case

    /// The form values of a new case, kept when the form is refused.
    public struct NewCaseValues: Sendable {
        public var values: [String: String]
        public init(values: [String: String] = [:]) { self.values = values }
        public subscript(_ name: String) -> String { values[name] ?? "" }
    }

    /// `/bureau/dossiers/nouveau`: the mandate first, then the person and the procedure.
    public static func newCase(
        values: NewCaseValues, problems found: [String], members: [(id: String, name: String)], canAssign: Bool,
        session: Session, context: PageContext
    ) -> String {
        let l = context.l
        return page(l(.deskNewCase), session: session, context: context) {
            el("h1") { l(.deskNewCase) }
            el("p", ["class": "lead"]) { l(.deskMandateFirst) }
            problems(found, context: context)
            form(action: .desk("dossiers/nouveau"), session: session, context: context) {
                el("fieldset") {
                    el("legend") { l(.deskMandateLegend) }
                    for scope in MandateScope.allCases {
                        el("div", ["class": "choice"]) {
                            Node.element("input", attributes: [
                                Attribute("type", "checkbox"), Attribute("id", "mandat-\(scope.rawValue)"),
                                Attribute("name", "mandat-\(scope.rawValue)"), Attribute("value", "1"),
                            ] + (values["mandat-\(scope.rawValue)"] == "1" || values.values.isEmpty ? [Attribute("checked", nil)] : []), children: [])
                            el("label", ["for": "mandat-\(scope.rawValue)"]) { Layout.content("span", context) { scope.frenchText } }
                        }
                    }
                    textField("mandat-debut", label: l(.deskMandateFrom), value: values["mandat-debut"], hint: l(.interviewDateHint), type: "date", context: context)
                    textField(
                        "mandat-duree", label: l(.deskMandateDays), value: values["mandat-duree"].isEmpty ? "180" : values["mandat-duree"],
                        hint: l(.deskMandateDaysHint), type: "number", context: context)
                    el("div", ["class": "choice"]) {
                        Node.element("input", attributes: [
                            Attribute("type", "checkbox"), Attribute("id", "consentement"), Attribute("name", "consentement"), Attribute("value", "1"),
                        ] + (values["consentement"] == "1" ? [Attribute("checked", nil)] : []), children: [])
                        el("label", ["for": "consentement"]) { l(.deskConsentGiven) }
                    }
                }
                el("fieldset") {
                    el("legend") { l(.deskPersonLegend) }
                    personFields(values, context: context)
                }
                el("fieldset") {
                    el("legend") { l(.deskProcedureLegend) }
                    procedureFields(values, context: context)
                    if canAssign {
                        select(
                            "assigne", label: l(.deskAssignee), options: [("", "—")] + members.map { ($0.id, $0.name) },
                            selected: values["assigne"], context: context)
                    }
                }
                el("div", ["class": "actions"]) { el("button", ["type": "submit"]) { l(.deskCreateCase) } }
            }
        }
    }

    /// The person's fields (shared by the new case form and the case page's edit form).
    static func personFields(_ values: NewCaseValues, context: PageContext) -> Node {
        let l = context.l
        return .fragment([
            textField("nom", label: l(.deskPersonName), value: values["nom"], autocomplete: "off", french: true, context: context),
            textField("naissance", label: l(.deskBirthDate), value: values["naissance"], hint: l(.interviewDateHint), type: "date", context: context),
            textField("lieu-naissance", label: l(.deskBirthPlace), value: values["lieu-naissance"], autocomplete: "off", french: true, context: context),
            textField("nationalite", label: l(.deskNationality), value: values["nationalite"], autocomplete: "off", french: true, context: context),
            textField("adresse", label: l(.deskAddress), value: values["adresse"], autocomplete: "off", french: true, context: context),
            textField("telephone", label: l(.deskPhone), value: values["telephone"], type: "tel", autocomplete: "off", context: context),
            textField("langues", label: l(.deskLanguages), value: values["langues"], hint: l(.deskLanguagesHint), autocomplete: "off", context: context),
        ])
    }

    /// The procedure's fields: which procedure, which prefecture, the permit's end and the urgency.
    static func procedureFields(_ values: NewCaseValues, context: PageContext) -> Node {
        let l = context.l
        return .fragment([
            select(
                "procedure", label: l(.deskProcedure), options: Procedure.allCases.map { ($0.rawValue, $0.frenchLabel) },
                selected: values["procedure"], context: context),
            select(
                "departement", label: l(.departmentLabel), options: Department.all.map { ($0.code, "\($0.code) — \($0.name)") },
                selected: values["departement"].isEmpty ? "75" : values["departement"], context: context),
            textField(
                "fin-titre", label: l(.deskPermitExpiry), value: values["fin-titre"], hint: l(.deskPermitExpiryHint), type: "date",
                context: context),
            el("div", ["class": "field"]) {
                el("label", ["for": "situation"]) { l(.deskCircumstances) }
                el("p", ["class": "hint", "id": "situation-aide"]) { l(.deskCircumstancesHint) }
                Node.element(
                    "textarea",
                    attributes: [Attribute("id", "situation"), Attribute("name", "situation"), Attribute("rows", "3"),
                        Attribute("aria-describedby", "situation-aide")] + Layout.frenchContent(context),
                    children: [.text(values["situation"])])
            },
        ])
    }

    /// The form values of a case's person and procedure, to edit them.
    public static func values(of caseFile: CaseFile, languages: [String]) -> NewCaseValues {
        let person = caseFile.person
        return NewCaseValues(values: [
            "nom": person.name ?? "", "naissance": person.birthDate?.iso ?? "", "lieu-naissance": person.birthPlace ?? "",
            "nationalite": person.nationality ?? "", "adresse": person.address ?? "", "telephone": person.phone ?? "",
            "langues": languages.joined(separator: ", "), "procedure": caseFile.procedure.rawValue,
            "departement": caseFile.department.code, "fin-titre": caseFile.permitExpiry?.iso ?? "",
            "situation": caseFile.circumstances ?? "",
        ])
    }

    // MARK: One case

    /// `/bureau/dossiers/<id>`. `conflict`: the member's save was refused because someone changed the case first.
    public static func casePage(
        _ view: CaseView, members: [(id: String, name: String)], problems found: [String], conflict: Bool, today: LocalDate,
        session: Session, context: PageContext, report: ReportPages.Form? = nil
    ) -> String {
        let l = context.l
        let caseFile = view.content.caseFile
        let person = caseFile.person
        let base = "dossiers/\(view.id)"
        let names = Dictionary(members.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        return page(l(.deskCaseTitle, view.number), session: session, context: context) {
            el("h1") { l(.deskCaseTitle, view.number) }
            if conflict { el("p", ["class": "warning", "role": "alert"]) { l(.deskConflict) } }
            problems(found, context: context)
            if !view.isEditable { el("p", ["class": "warning"]) { l(.deskReadOnly) } }
            el("dl") {
                el("dt") { l(.deskStatus) }
                el("dd") { statusLabel(view.status, l) }
                el("dt") { l(.deskAssignee) }
                el("dd") { Layout.content("span", context) { view.assigneeID.flatMap { names[$0] } ?? "—" } }
                el("dt") { l(.deskMandate) }
                el("dd") {
                    if view.content.mandate.revokedAt != nil {
                        l(.deskMandateRevoked)
                    } else {
                        l(.deskMandateRange, DateText.long(view.content.mandate.from, context.language), DateText.long(view.content.mandate.until, context.language))
                    }
                    " — "
                    el("a", ["href": context.href(.desk(base + "/mandat.pdf"))]) { l(.deskMandatePDF) }
                }
                if let handed = view.content.handedOverOn {
                    el("dt") { l(.deskHandedOver) }
                    el("dd") { DateText.long(handed, context.language) }
                }
            }
            el("h2") { l(.deskPersonLegend) }
            el("dl", Layout.frenchContent(context).isEmpty ? [:] : ["lang": "fr", "dir": "ltr"]) {
                el("dt") { l(.deskPersonName) }
                el("dd") { person.name ?? "—" }
                el("dt") { l(.deskBirthDate) }
                el("dd") { person.birthDate.map { DateText.long($0, .fr) } ?? "—" }
                el("dt") { l(.deskBirthPlace) }
                el("dd") { person.birthPlace ?? "—" }
                el("dt") { l(.deskNationality) }
                el("dd") { person.nationality ?? "—" }
                el("dt") { l(.deskAddress) }
                el("dd") { person.address ?? "—" }
                el("dt") { l(.deskPhone) }
                el("dd") { person.phone ?? "—" }
                el("dt") { l(.deskLanguages) }
                el("dd") { view.content.languages.isEmpty ? "—" : view.content.languages.joined(separator: ", ") }
                el("dt") { l(.deskProcedure) }
                el("dd") { caseFile.procedure.frenchLabel }
                el("dt") { l(.departmentLabel) }
                el("dd") { "\(caseFile.department.code) — \(caseFile.department.name)" }
                el("dt") { l(.deskPermitExpiry) }
                el("dd") { caseFile.permitExpiry.map { DateText.long($0, .fr) } ?? "—" }
                el("dt") { l(.deskCircumstances) }
                el("dd") { caseFile.circumstances ?? "—" }
            }

            if view.isEditable {
                el("details") {
                    el("summary") { l(.deskEditPerson) }
                    form(action: .desk(base), session: session, context: context) {
                        el("input", ["type": "hidden", "name": "action", "value": "personne"])
                        el("input", ["type": "hidden", "name": "version", "value": String(view.version)])
                        personFields(values(of: caseFile, languages: view.content.languages), context: context)
                        procedureFields(values(of: caseFile, languages: view.content.languages), context: context)
                        el("div", ["class": "actions"]) { el("button", ["type": "submit"]) { l(.deskSave) } }
                    }
                }
            }

            el("h2") { l(.deskVerdictHeading) }
            el("p") { el("strong") { verdictLabel(view.verdict, l) } }
            if !view.verdictReasons.isEmpty {
                Layout.content("ul", context) { for reason in view.verdictReasons { el("li") { reason } } }
            }

            el("h2") { l(.deskJournal) }
            if caseFile.attempts.isEmpty {
                el("p") { l(.deskNoAttempts) }
            } else {
                el("table") {
                    el("caption") { l(.deskJournalCaption) }
                    el("thead") {
                        el("tr") {
                            el("th", ["scope": "col"]) { l(.dateLabel) }
                            el("th", ["scope": "col"]) { l(.deskChannel) }
                            el("th", ["scope": "col"]) { l(.deskOutcome) }
                            el("th", ["scope": "col"]) { l(.deskCapture) }
                        }
                    }
                    el("tbody") {
                        for attempt in caseFile.attempts {
                            el("tr") {
                                el("td") {
                                    Node.element("time", attributes: [Attribute("datetime", attempt.at.iso)] + Layout.frenchContent(context), children: [
                                        .text("\(DateText.long(attempt.at.local.date, .fr)), \(attempt.at.local.time.french)"),
                                    ])
                                }
                                Layout.content("td", context) { attempt.channel.frenchLabel }
                                Layout.content("td", context) { attempt.outcome.frenchLabel }
                                el("td") {
                                    if let capture = attempt.capture, view.content.captureReferences.contains(capture) {
                                        el("a", ["href": context.href(.desk(base + "/piece/" + capture))]) { capture }
                                    } else {
                                        "—"
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if view.isEditable {
                form(action: .desk(base), session: session, context: context, multipart: true) {
                    el("input", ["type": "hidden", "name": "action", "value": "tentative"])
                    el("input", ["type": "hidden", "name": "version", "value": String(view.version)])
                    el("fieldset") {
                        el("legend") { l(.deskAddAttempt) }
                        textField("quand", label: l(.deskAttemptWhen), hint: l(.interviewDateTimeHint), type: "datetime-local", context: context)
                        select("canal", label: l(.deskChannel), options: AttemptChannel.allCases.map { ($0.rawValue, $0.frenchLabel) }, selected: nil, context: context)
                        select("resultat", label: l(.deskOutcome), options: AttemptOutcome.allCases.map { ($0.rawValue, $0.frenchLabel) }, selected: nil, context: context)
                        el("div", ["class": "field"]) {
                            el("label", ["for": "capture"]) { l(.deskCapture) }
                            el("p", ["class": "hint", "id": "capture-aide"]) { l(.deskCaptureHint) }
                            el("input", ["type": "file", "id": "capture", "name": "capture", "accept": "image/png,image/jpeg,application/pdf", "aria-describedby": "capture-aide"])
                        }
                        el("div", ["class": "actions"]) { el("button", ["type": "submit"]) { l(.deskAddAttemptButton) } }
                    }
                }
            }

            el("h2") { l(.deskDeadlines) }
            if view.content.deadlines.isEmpty {
                el("p") { l(.deskNoCaseDeadlines) }
            } else {
                el("ul") {
                    for deadline in view.content.deadlines {
                        el("li") {
                            Layout.content("span", context) { deadline.rule?.label ?? deadline.ruleID }
                            " : "
                            if let due = deadline.due {
                                el("time", ["datetime": due.iso]) { DateText.long(due, context.language) }
                            } else {
                                "—"
                            }
                            " ("
                            l(.deskDeadlineFrom, DateText.long(deadline.start, context.language))
                            ")"
                            if let rule = deadline.rule {
                                el("br")
                                el("small") {
                                    Layout.content("span", context) { rule.source.citation }
                                    " — "
                                    if rule.source.isVerified {
                                        l(.verifiedOn, DateText.long(rule.source.dateChecked, context.language))
                                    } else {
                                        el("strong") { l(.unverifiedRule) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if view.isEditable {
                form(action: .desk(base), session: session, context: context) {
                    el("input", ["type": "hidden", "name": "action", "value": "echeance"])
                    el("input", ["type": "hidden", "name": "version", "value": String(view.version)])
                    el("fieldset") {
                        el("legend") { l(.deskAddDeadline) }
                        select("regle", label: l(.ruleLabel), options: DeadlineRule.catalogue.map { ($0.id, $0.label) }, selected: nil, context: context)
                        textField("depart", label: l(.deskNotificationDate), hint: l(.interviewDateHint), type: "date", context: context)
                        el("div", ["class": "actions"]) { el("button", ["type": "submit"]) { l(.computeButton) } }
                    }
                }
            }

            el("h2") { l(.deskDocumentsHeading) }
            if view.isEditable {
                el("ul") {
                    for kind in DocumentKind.allCases {
                        el("li") {
                            Layout.content("span", context) { kind.title }
                            " : "
                            for (index, format) in ["pdf", "docx", "odt"].enumerated() {
                                if index > 0 { ", " }
                                el("a", ["href": context.href(.desk(base + "/document/\(kind.rawValue).\(format)"))]) { format.uppercased() }
                            }
                        }
                    }
                }
            } else {
                el("p") { l(.deskNoDocuments) }
            }

            el("h2") { l(.deskNotes) }
            if view.content.notes.isEmpty {
                el("p") { l(.deskNoNotes) }
            } else {
                Layout.content("ul", context) {
                    for note in view.content.notes { el("li") { el("strong") { "\(note.at) — \(note.author)" }; " "; note.text } }
                }
            }
            if view.isEditable {
                form(action: .desk(base), session: session, context: context) {
                    el("input", ["type": "hidden", "name": "action", "value": "note"])
                    el("input", ["type": "hidden", "name": "version", "value": String(view.version)])
                    el("div", ["class": "field"]) {
                        el("label", ["for": "note"]) { l(.deskAddNote) }
                        Node.element("textarea", attributes: [Attribute("id", "note"), Attribute("name", "note"), Attribute("rows", "3")] + Layout.frenchContent(context), children: [])
                    }
                    el("div", ["class": "actions"]) { el("button", ["type": "submit"]) { l(.deskSaveNote) } }
                }
            }

            el("h2") { l(.deskCaseSettings) }
            form(action: .desk(base), session: session, context: context) {
                el("input", ["type": "hidden", "name": "action", "value": "statut"])
                el("input", ["type": "hidden", "name": "version", "value": String(view.version)])
                select("statut", label: l(.deskStatus), options: CaseStatus.allCases.map { ($0.rawValue, statusLabel($0, l)) }, selected: view.status.rawValue, context: context)
                if view.mayAssign {
                    select("assigne", label: l(.deskAssignee), options: [("", "—")] + members.map { ($0.id, $0.name) }, selected: view.assigneeID ?? "", context: context)
                }
                el("div", ["class": "actions"]) { el("button", ["type": "submit"]) { l(.deskSave) } }
            }
            if let report { ReportPages.form(report, context: context) }
            el("ul") {
                if view.mayExport { el("li") { el("a", ["href": context.href(.desk(base + "/export.zip"))]) { l(.deskExport) } } }
                if view.mayDelete { el("li") { el("a", ["href": context.href(.desk(base + "/supprimer"))]) { l(.deskDelete) } } }
            }
            if view.mayRevoke && view.content.mandate.revokedAt == nil {
                form(action: .desk(base), session: session, context: context) {
                    el("input", ["type": "hidden", "name": "action", "value": "revoquer"])
                    el("input", ["type": "hidden", "name": "version", "value": String(view.version)])
                    el("p") { l(.deskRevokeText) }
                    el("div", ["class": "actions"]) { el("button", ["type": "submit"]) { l(.deskRevoke) } }
                }
            }
        }
    }

    /// `/bureau/dossiers/<id>/supprimer`.
    public static func confirmDelete(id: String, number: String, session: Session, context: PageContext) -> String {
        let l = context.l
        return page(l(.deskDeleteTitle, number), session: session, context: context) {
            el("h1") { l(.deskDeleteTitle, number) }
            el("p") { l(.deskDeleteText) }
            form(action: .desk("dossiers/\(id)/supprimer"), session: session, context: context) {
                el("div", ["class": "actions"]) { el("button", ["type": "submit"]) { l(.deskDeleteConfirm) } }
            }
            el("p") { el("a", ["href": context.href(.desk("dossiers/\(id)"))]) { l(.deleteCancel) } }
        }
    }

    // MARK: Members, audit, calendar

    /// `/bureau/membres` (admins). `invitationLink`: the one-time link just made, shown once.
    public static func members(
        _ lines: [MemberLine], invitationLink: String?, retentionMonths: Int, problems found: [String], session: Session,
        context: PageContext
    ) -> String {
        let l = context.l
        return page(l(.deskMembers), session: session, context: context) {
            el("h1") { l(.deskMembers) }
            problems(found, context: context)
            if let link = invitationLink {
                el("div", ["class": "notice", "role": "status"]) {
                    el("p") { l(.deskInvitationMade) }
                    el("p", ["dir": "ltr"]) { el("code", ["lang": "en"]) { link } }
                }
            }
            el("table") {
                el("caption") { l(.deskMembersCaption) }
                el("thead") {
                    el("tr") {
                        el("th", ["scope": "col"]) { l(.deskPersonName) }
                        el("th", ["scope": "col"]) { l(.deskEmail) }
                        el("th", ["scope": "col"]) { l(.deskRole) }
                        el("th", ["scope": "col"]) { l(.deskStatus) }
                        el("th", ["scope": "col"]) { l(.deskChange) }
                    }
                }
                el("tbody") {
                    for line in lines {
                        el("tr") {
                            Layout.content("td", context) { line.name }
                            el("td", ["dir": "ltr"]) { line.email }
                            el("td") { roleLabel(line.role, l) }
                            el("td") { line.status }
                            el("td") {
                                if !line.isSelf {
                                    form(action: .desk("membres/\(line.id)"), session: session, context: context) {
                                        select("role-\(line.id)", label: l(.deskRole), options: HelpDeskRole.allCases.map { ($0.rawValue, roleLabel($0, l)) }, selected: line.role.rawValue, context: context)
                                        el("button", ["type": "submit", "name": "action", "value": "role"]) { l(.deskSave) }
                                        el("button", ["type": "submit", "name": "action", "value": "desactiver"]) { l(.deskDisable) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            el("h2") { l(.deskInvite) }
            form(action: .desk("membres"), session: session, context: context) {
                textField("nom", label: l(.deskPersonName), autocomplete: "off", context: context)
                textField("email", label: l(.deskEmail), type: "email", autocomplete: "off", context: context)
                select("role", label: l(.deskRole), options: HelpDeskRole.allCases.map { ($0.rawValue, roleLabel($0, l)) }, selected: HelpDeskRole.benevole.rawValue, context: context)
                el("div", ["class": "actions"]) { el("button", ["type": "submit", "name": "action", "value": "inviter"]) { l(.deskInviteButton) } }
            }
            el("h2") { l(.deskRetention) }
            form(action: .desk("membres"), session: session, context: context) {
                textField("conservation", label: l(.deskRetentionMonths), value: String(retentionMonths), hint: l(.deskRetentionHint), type: "number", context: context)
                el("div", ["class": "actions"]) { el("button", ["type": "submit", "name": "action", "value": "conservation"]) { l(.deskSave) } }
            }
        }
    }

    /// `/bureau/journal` (admins): the audit log and whether its chain is intact.
    public static func audit(
        _ entries: [(sequence: Int, at: String, actor: String, action: String, caseNumber: String?)], intact: Bool, checked: Int,
        breakText: String?, session: Session, context: PageContext
    ) -> String {
        let l = context.l
        return page(l(.deskAudit), session: session, context: context) {
            el("h1") { l(.deskAudit) }
            el("p", ["class": intact ? "notice" : "warning"]) {
                intact ? l(.deskAuditIntact, String(checked)) : l(.deskAuditBroken, breakText ?? "")
            }
            el("table") {
                el("caption") { l(.deskAuditCaption) }
                el("thead") {
                    el("tr") {
                        el("th", ["scope": "col"]) { "n°" }
                        el("th", ["scope": "col"]) { l(.dateLabel) }
                        el("th", ["scope": "col"]) { l(.deskActor) }
                        el("th", ["scope": "col"]) { l(.deskAction) }
                        el("th", ["scope": "col"]) { l(.deskCaseNumber) }
                    }
                }
                el("tbody") {
                    for entry in entries {
                        el("tr") {
                            el("td") { String(entry.sequence) }
                            el("td") { entry.at }
                            Layout.content("td", context) { entry.actor }
                            el("td", ["dir": "ltr"]) { el("code", ["lang": "en"]) { entry.action } }
                            el("td") { entry.caseNumber ?? "—" }
                        }
                    }
                }
            }
        }
    }

    /// `/bureau/agenda`: the private calendar feed. `link`: the new secret URL, shown once.
    public static func calendar(hasFeed: Bool, link: String?, session: Session, context: PageContext) -> String {
        let l = context.l
        return page(l(.deskCalendar), session: session, context: context) {
            el("h1") { l(.deskCalendar) }
            el("p") { l(.deskCalendarIntro) }
            if let link {
                el("div", ["class": "notice", "role": "status"]) {
                    el("p") { l(.deskCalendarLinkMade) }
                    el("p", ["dir": "ltr"]) { el("code", ["lang": "en"]) { link } }
                }
            } else if hasFeed {
                el("p") { l(.deskCalendarActive) }
            }
            form(action: .desk("agenda"), session: session, context: context) {
                el("div", ["class": "actions"]) {
                    el("button", ["type": "submit", "name": "action", "value": "nouveau"]) { l(.deskCalendarRenew) }
                    if hasFeed { el("button", ["type": "submit", "name": "action", "value": "revoquer"]) { l(.deskCalendarRevoke) } }
                }
            }
        }
    }

    // MARK: Filing, import

    /// `/bureau/depot-collectif`: choose a département, then the cases whose evidence is `recevable` or `solide`.
    public static func filing(
        department: Department?, candidates: [CaseLine], problems found: [String], session: Session, context: PageContext
    ) -> String {
        let l = context.l
        return page(l(.deskFiling), session: session, context: context) {
            el("h1") { l(.deskFiling) }
            el("p") { l(.deskFilingIntro) }
            problems(found, context: context)
            Node.element("form", attributes: [Attribute("action", context.href(.desk("depot-collectif"))), Attribute("method", "get")], children: [
                select(
                    "departement", label: l(.departmentLabel), options: Department.all.map { ($0.code, "\($0.code) — \($0.name)") },
                    selected: department?.code ?? "75", context: context),
                el("div", ["class": "actions"]) { el("button", ["type": "submit"]) { l(.deskFilingShow) } },
            ])
            if let department {
                if candidates.isEmpty {
                    el("p") { l(.deskFilingNone, department.name) }
                } else {
                    form(action: .desk("depot-collectif"), session: session, context: context) {
                        el("input", ["type": "hidden", "name": "departement", "value": department.code])
                        caseTable(candidates, caption: l(.deskFilingCaption, department.name), selectable: true, context: context)
                        el("div", ["class": "actions"]) { el("button", ["type": "submit"]) { l(.deskFilingBundle) } }
                    }
                }
            }
        }
    }

    /// `/bureau/importer`: a person gives their self-help code; the volunteer imports the file into a new case.
    public static func importForm(problem: String?, session: Session, context: PageContext) -> String {
        let l = context.l
        return page(l(.deskImport), session: session, context: context) {
            el("h1") { l(.deskImport) }
            el("p") { l(.deskImportIntro) }
            problems(problem.map { [$0] } ?? [], context: context)
            form(action: .desk("importer"), session: session, context: context) {
                textField("code", label: l(.resumeLabel), hint: l(.resumeHint), autocomplete: "off", context: context)
                textField("mandat-duree", label: l(.deskMandateDays), value: "180", hint: l(.deskMandateDaysHint), type: "number", context: context)
                el("div", ["class": "choice"]) {
                    el("input", ["type": "checkbox", "id": "consentement", "name": "consentement", "value": "1"])
                    el("label", ["for": "consentement"]) { l(.deskConsentGiven) }
                }
                el("div", ["class": "actions"]) { el("button", ["type": "submit"]) { l(.deskImportButton) } }
            }
        }
    }
}
