public import GuichetCore

/// The self-help paths: their list and start pages, then the pages of a private file (one question per page,
/// the review, the result) and the pages around the access code.
///
/// Every form is a plain POST form that works without JavaScript. The questions and the results come from the
/// interview definitions, in French: inside an English or Arabic page they are marked `lang="fr"`.
public enum ParcoursPages {
    /// What every private page needs: the anti-forgery token its forms carry.
    public struct Session: Sendable {
        /// The CSRF token, echoed in a hidden field of every form.
        public let token: String

        public init(token: String) { self.token = token }
    }

    /// A document offered on the result page, with the links to download it.
    public struct DocumentLink: Sendable {
        public let document: OfferedDocument
        /// Format name (`PDF`) → href.
        public let downloads: [(format: String, href: String)]
        /// The split filing (one PDF per exhibit, in a ZIP), when the document has exhibits.
        public var splitDownload: String?
        /// Characters of the answers the PDF cannot print, each with its field: the PDF and the
        /// split filing are then not offered.
        public var unprintable: [String] = []

        public init(document: OfferedDocument, downloads: [(format: String, href: String)]) {
            self.document = document
            self.downloads = downloads
        }
    }

    // MARK: Public pages

    /// `/parcours`: the four paths.
    public static func list(_ interviews: [InterviewDefinition], context: PageContext) -> String {
        let l = context.l
        return Layout.page(title: l(.parcoursListTitle), description: l(.parcoursListIntro), context: context) {
            el("h1") { l(.parcoursListTitle) }
            el("p", ["class": "lead"]) { l(.parcoursListIntro) }
            el("ul", ["class": "sections"]) {
                for interview in interviews {
                    el("li") {
                        Layout.content("h2", context) {
                            el("a", ["href": context.href(.parcours(interview.id.rawValue))]) { interview.title }
                        }
                        if let summary = interview.summary { Layout.content("p", context) { summary } }
                    }
                }
            }
            el("p") { l(.parcoursPrivacy) }
            el("p") { el("a", ["href": context.href(.resume)]) { l(.parcoursHaveCode) } }
        }
    }

    /// `/parcours/<slug>`: what the path does, how the file is kept, and the button that starts it.
    public static func intro(
        _ interview: InterviewDefinition, hasOpenFile: Bool, session: Session, context: PageContext
    ) -> String {
        let l = context.l
        return Layout.page(title: interview.title, description: interview.summary ?? interview.title, context: context) {
            Layout.content("h1", context) { interview.title }
            if let summary = interview.summary { Layout.content("p", context, classes: "lead") { summary } }
            if context.language != .fr { el("p", ["class": "hint"]) { l(.contentInFrenchNote) } }
            el("p") { l(.parcoursPrivacy) }
            if hasOpenFile {
                el("p") { el("a", ["href": context.href(.myFile)]) { l(.parcoursResume) } }
            }
            form(action: SitePath.parcours(interview.id.rawValue), session: session, context: context) {
                el("div", ["class": "actions"]) {
                    el("button", ["type": "submit"]) { l(.parcoursStart) }
                }
            }
            el("p") { el("a", ["href": context.href(.resume)]) { l(.parcoursHaveCode) } }
        }
    }

    /// The page that shows a new access code, once.
    public static func code(
        _ displayText: String, resumeURL: String, interview: InterviewDefinition, context: PageContext
    ) -> String {
        let l = context.l
        return Layout.page(title: l(.codeTitle), description: l(.codeIntro), context: context) {
            el("h1") { l(.codeTitle) }
            el("p", ["class": "lead"]) { el("strong") { l(.codeIntro) } }
            el("div", ["class": "field"]) {
                el("label", ["for": "code"]) { l(.codeLabel) }
                el("p", ["class": "hint", "id": "code-aide"]) { l(.codeCopyHint) }
                el("input", [
                    "type": "text", "id": "code", "class": "code", "readonly": nil, "value": displayText, "size": "34",
                    "aria-describedby": "code-aide", "dir": "ltr", "lang": "fr", "autocomplete": "off", "spellcheck": "false",
                ])
            }
            el("p") { l(.codeBookmark) }
            el("p", ["dir": "ltr"]) { el("a", ["href": resumeURL, "rel": "nofollow"]) { resumeURL } }
            el("p", ["class": "warning"]) { l(.codeLost) }
            el("p", ["class": "actions"]) { el("a", ["href": context.href(.myFile)]) { l(.codeContinue) } }
        }
    }

    /// `/reprendre`: the form that opens a file with its code. `problem` is already localized.
    public static func resume(value: String, problem: String?, session: Session, context: PageContext) -> String {
        let l = context.l
        return Layout.page(
            title: problem == nil ? l(.resumeTitle) : "\(l(.errorSummaryTitle)) — \(l(.resumeTitle))",
            description: l(.resumeIntro), context: context)
        {
            el("h1") { l(.resumeTitle) }
            if let problem { errorSummary([(problem, "code")], context: context) }
            el("p") { l(.resumeIntro) }
            form(action: .resume, session: session, context: context) {
                el("div", ["class": "field"]) {
                    el("label", ["for": "code"]) { l(.resumeLabel) }
                    el("p", ["class": "hint", "id": "code-aide"]) { l(.resumeHint) }
                    if let problem { el("p", ["class": "field-error", "id": "code-erreur"]) { problem } }
                    Node.element("input", attributes: [
                        Attribute("type", "text"), Attribute("id", "code"), Attribute("name", "code"), Attribute("class", "code"),
                        Attribute("value", value), Attribute("autocomplete", "off"), Attribute("spellcheck", "false"),
                        Attribute("autocapitalize", "characters"), Attribute("dir", "ltr"),
                        Attribute("aria-describedby", problem == nil ? "code-aide" : "code-aide code-erreur"),
                    ] + (problem == nil ? [] : [Attribute("aria-invalid", "true")]), children: [])
                }
                el("div", ["class": "actions"]) { el("button", ["type": "submit"]) { l(.resumeButton) } }
            }
            el("p") { el("a", ["href": context.href(.parcoursList)]) { l(.startNew) } }
        }
    }

    /// A short page with a title, a text and links: the uniform « dossier introuvable », « trop d'essais »,
    /// « page expirée », « dossier supprimé »…
    public static func message(_ title: UIString, _ text: UIString, context: PageContext, links: [(UIString, SitePath)]) -> String {
        let l = context.l
        return Layout.page(title: l(title), description: l(text), context: context) {
            el("h1") { l(title) }
            el("p") { l(text) }
            el("ul") {
                for (label, target) in links { el("li") { el("a", ["href": context.href(target)]) { l(label) } } }
            }
        }
    }

    /// `/mon-dossier/supprimer`: the confirmation before erasing.
    public static func confirmDelete(session: Session, context: PageContext) -> String {
        let l = context.l
        return Layout.page(title: l(.deleteTitle), description: l(.deleteText), context: context) {
            el("h1") { l(.deleteTitle) }
            el("p") { l(.deleteText) }
            form(action: .deleteMyFile, session: session, context: context) {
                el("div", ["class": "actions"]) {
                    el("button", ["type": "submit", "class": "danger"]) { l(.deleteConfirm) }
                    " "
                    el("a", ["href": context.href(.myFile)]) { l(.deleteCancel) }
                }
            }
        }
    }

    // MARK: Private file: one question

    /// One question of the interview, with the answer given so far (or the refused input) and its errors.
    public static func question(
        _ screen: InterviewScreen, interview: InterviewDefinition, session: Session, context: PageContext,
        extraErrors: [UIString] = []
    ) -> String {
        let l = context.l
        let messages = screen.errors.map { message(for: $0, l) } + extraErrors.map { l($0) }
        let fieldID = firstFieldID(screen)
        let isFile: Bool = { if case .file = screen.kind { return true } else { return false } }()
        let title = screen.context.map { "\($0) — \(screen.label)" } ?? screen.label
        return Layout.page(
            title: messages.isEmpty ? title : "\(l(.errorSummaryTitle)) — \(title)", description: interview.title,
            context: context)
        {
            Layout.content("p", context, classes: "progress") { interview.title }
            el("p", ["class": "progress"]) { l(.questionOf, String(screen.position), String(screen.count)) }
            if !messages.isEmpty { errorSummary(messages.map { ($0, fieldID) }, context: context) }
            form(action: .myFile, session: session, context: context, multipart: isFile) {
                el("input", ["type": "hidden", "name": "ecran", "value": screen.id.token])
                field(screen, messages: messages, context: context)
                el("div", ["class": "actions"]) {
                    el("button", ["type": "submit", "name": "action", "value": "continuer"]) { l(.continueButton) }
                    " "
                    if screen.canGoBackToReview {
                        el("button", ["type": "submit", "name": "action", "value": "retour", "class": "secondary"]) { l(.backToReview) }
                    } else if screen.previous != nil {
                        el("button", ["type": "submit", "name": "action", "value": "retour", "class": "secondary"]) { l(.backButton) }
                    }
                }
            }
            privateFooter(context)
        }
    }

    /// Whether `text` is `YYYY-MM-DDTHH:MM`, the only form an HTML `datetime-local` control holds.
    static func isISODateTime(_ text: String) -> Bool {
        let parts = text.split(separator: "T", omittingEmptySubsequences: false)
        return parts.count == 2 && parts[1].count == 5 && LocalDate(iso: parts[0]) != nil && LocalTime(iso: parts[1]) != nil
    }

    /// The id of the control an error links to.
    static func firstFieldID(_ screen: InterviewScreen) -> String {
        if case .singleChoice = screen.kind { return "reponse-0" }
        return "reponse"
    }

    static func field(_ screen: InterviewScreen, messages: [String], context: PageContext) -> Node {
        let l = context.l
        let hasError = !messages.isEmpty
        let label: [Node] = [.text(screen.label)] + (screen.isRequired ? [] : [.text(" " + l(.optionalMark))])
        var hints: [String] = []
        if let hint = screen.hint { hints.append(hint) }
        let formatHint: UIString? = {
            switch screen.kind {
            case .date: return .interviewDateHint
            case .dateTime: return .interviewDateTimeHint
            case .file: return .fileHint
            default: return nil
            }
        }()
        let describedBy = ([hints.isEmpty ? nil : "reponse-aide", formatHint == nil ? nil : "reponse-format",
            hasError ? "reponse-erreur" : nil] as [String?]).compactMap { $0 }.joined(separator: " ")
        func hintNodes() -> [Node] {
            var nodes: [Node] = []
            if !hints.isEmpty {
                nodes.append(Layout.content("p", context, classes: "hint") { hints.joined(separator: " ") })
                if case .element(let name, var attributes, let children) = nodes[nodes.count - 1] {
                    attributes.append(Attribute("id", "reponse-aide"))
                    nodes[nodes.count - 1] = .element(name, attributes: attributes, children: children)
                }
            }
            if let formatHint { nodes.append(el("p", ["class": "hint", "id": "reponse-format"]) { l(formatHint) }) }
            if hasError {
                nodes.append(el("p", ["class": "field-error", "id": "reponse-erreur"]) { messages.joined(separator: " ") })
            }
            return nodes
        }
        func control(_ base: [Attribute]) -> [Attribute] {
            var attributes = base
            if !describedBy.isEmpty { attributes.append(Attribute("aria-describedby", describedBy)) }
            if hasError { attributes.append(Attribute("aria-invalid", "true")) }
            return attributes
        }
        let french = Layout.frenchContent(context)
        switch screen.kind {
        case .singleChoice(let choices):
            return .element("fieldset", attributes: control([]), children: [
                .element("legend", attributes: french, children: [el("h1") { label }]),
                .fragment(hintNodes()),
                .fragment(choices.enumerated().map { index, choice in
                    var attributes = [Attribute("type", "radio"), Attribute("name", "reponse"), Attribute("id", "reponse-\(index)"),
                        Attribute("value", choice.value)]
                    if choice.value == screen.value { attributes.append(Attribute("checked", nil)) }
                    return el("div", ["class": "choice"]) {
                        Node.element("input", attributes: attributes, children: [])
                        Node.element("label", attributes: [Attribute("for", "reponse-\(index)")] + french, children: [.text(choice.label)])
                    }
                }),
            ])
        case .department:
            return el("div", ["class": "field"]) {
                el("h1") { Node.element("label", attributes: [Attribute("for", "reponse")] + french, children: label) }
                hintNodes()
                Node.element("select", attributes: control([Attribute("id", "reponse"), Attribute("name", "reponse")]),
                    children: [DeadlinePage.option(value: "", label: l(.chooseDepartment), selected: screen.value.isEmpty, frenchInside: false)]
                        + Department.all.map { department in
                            DeadlinePage.option(value: department.code, label: "\(department.code) — \(department.name)",
                                selected: department.code == screen.value, frenchInside: context.language != .fr)
                        })
            }
        case .text(let maximum, let isMultiline):
            return el("div", ["class": "field"]) {
                el("h1") { Node.element("label", attributes: [Attribute("for", "reponse")] + french, children: label) }
                hintNodes()
                if isMultiline {
                    Node.element("textarea", attributes: control([Attribute("id", "reponse"), Attribute("name", "reponse"),
                        Attribute("rows", "6"), Attribute("maxlength", String(maximum))]), children: [.text(screen.value)])
                } else {
                    Node.element("input", attributes: control([Attribute("type", "text"), Attribute("id", "reponse"),
                        Attribute("name", "reponse"), Attribute("value", screen.value), Attribute("maxlength", String(maximum))]),
                        children: [])
                }
            }
        case .date, .dateTime:
            let isDateTime: Bool = { if case .dateTime = screen.kind { return true } else { return false } }()
            // A value the browser's date control cannot hold stays in a text box, so nothing typed is lost.
            let fits = screen.value.isEmpty || (isDateTime ? isISODateTime(screen.value) : LocalDate(iso: screen.value) != nil)
            var attributes = [Attribute("type", fits ? (isDateTime ? "datetime-local" : "date") : "text"),
                Attribute("id", "reponse"), Attribute("name", "reponse"), Attribute("value", screen.value)]
            if fits, let bounds = screen.bounds {
                attributes.append(Attribute("min", isDateTime ? bounds.lowerBound.iso + "T00:00" : bounds.lowerBound.iso))
                attributes.append(Attribute("max", isDateTime ? bounds.upperBound.iso + "T23:59" : bounds.upperBound.iso))
            }
            return el("div", ["class": "field"]) {
                el("h1") { Node.element("label", attributes: [Attribute("for", "reponse")] + french, children: label) }
                hintNodes()
                Node.element("input", attributes: control(attributes), children: [])
            }
        case .file:
            return el("div", ["class": "field"]) {
                el("h1") { Node.element("label", attributes: [Attribute("for", "reponse")] + french, children: label) }
                hintNodes()
                if !screen.value.isEmpty {
                    el("p") {
                        el("a", ["href": "/mon-dossier/piece/" + percentEncode(screen.value)]) { l(.fileCurrent, screen.value) }
                    }
                    el("input", ["type": "hidden", "name": "reponse", "value": screen.value])
                }
                Node.element("input", attributes: control([Attribute("type", "file"), Attribute("id", "reponse"),
                    Attribute("name", "fichier"), Attribute("accept", "image/png,image/jpeg,application/pdf")]), children: [])
            }
        case .group:
            return .fragment([])
        }
    }

    // MARK: Private file: review and result

    /// The review: every relevant answer with a button to change it, then « confirmer ».
    public static func review(
        _ review: InterviewReview, interview: InterviewDefinition, session: Session, context: PageContext
    ) -> String {
        let l = context.l
        return Layout.page(title: l(.reviewTitle), description: interview.title, context: context) {
            Layout.content("p", context, classes: "progress") { interview.title }
            el("h1") { l(.reviewTitle) }
            el("p") { l(.reviewIntro) }
            if let stop = review.stop { outcomeNode(stop, heading: l(.stopHeading), context: context) }
            form(action: .myFile, session: session, context: context) {
                Node.element("dl", attributes: [Attribute("class", "review")] + Layout.frenchContent(context), children:
                    review.rows.map { row in
                        let label = row.context.map { "\($0) — \(row.label)" } ?? row.label
                        return el("div") {
                            el("dt") { label }
                            el("dd") {
                                row.answer
                                " "
                                Node.element("button", attributes: [Attribute("type", "submit"), Attribute("name", "modifier"),
                                    Attribute("value", row.screen.token), Attribute("class", "secondary"),
                                    Attribute("aria-label", l(.changeLabel, label))] + langFor(context), children: [.text(l(.changeButton))])
                                if case .entry(let group, let index, _) = row.screen, let first = firstRowOfEntry(review, row),
                                    first == row.screen, let entryLabel = row.context
                                {
                                    " "
                                    Node.element("button", attributes: [Attribute("type", "submit"), Attribute("name", "retirer"),
                                        Attribute("value", "\(group).\(index)"), Attribute("class", "secondary")] + langFor(context),
                                        children: [.text(l(.removeEntry, entryLabel))])
                                }
                            }
                        }
                    })
                el("div", ["class": "actions"]) {
                    el("button", ["type": "submit", "name": "action", "value": "confirmer"]) { l(.confirmButton) }
                    " "
                    el("button", ["type": "submit", "name": "action", "value": "retour", "class": "secondary"]) { l(.backButton) }
                }
            }
            privateFooter(context)
        }
    }

    /// The buttons inside French content speak the page's language.
    static func langFor(_ context: PageContext) -> [Attribute] {
        context.language == .fr ? [] : [Attribute("lang", context.language.rawValue), Attribute("dir", context.language.direction)]
    }

    static func firstRowOfEntry(_ review: InterviewReview, _ row: ReviewRow) -> ScreenID? {
        guard case .entry(let group, let index, _) = row.screen else { return nil }
        return review.rows.first {
            if case .entry(group, index, _) = $0.screen { return true }
            return false
        }?.screen
    }

    /// The result: the verdict on the attempts, the advice, the deadlines (each as `.ics`) and the documents.
    public static func result(
        _ result: InterviewResult, interview: InterviewDefinition, calendarLinks: [String: String],
        documents: [DocumentLink], session: Session, context: PageContext, report: ReportPages.Form? = nil
    ) -> String {
        let l = context.l
        return Layout.page(title: "\(l(.resultTitle)) — \(interview.title)", description: interview.title, context: context) {
            Layout.content("p", context, classes: "progress") { interview.title }
            el("h1") { l(.resultTitle) }
            if context.language != .fr { el("p", ["class": "hint"]) { l(.legalTextInFrench) } }
            if let evidence = result.evidence { verdictNode(evidence, context: context) }
            for outcome in result.outcomes { outcomeNode(outcome, heading: nil, context: context) }
            if !result.deadlines.isEmpty {
                el("section", ["aria-labelledby": "echeances"]) {
                    el("h2", ["id": "echeances"]) { l(.myDeadlinesHeading) }
                    for deadline in result.deadlines {
                        DeadlinePage.resultNode(deadline.result, context: context, prefix: nil)
                        for next in deadline.result.next { DeadlinePage.resultNode(next, context: context, prefix: l(.thenHeading)) }
                        if let href = calendarLinks[deadline.id] {
                            el("p", ["class": "calendar"]) {
                                el("a", ["href": href, "type": "text/calendar"]) { l(.downloadCalendar) }
                            }
                        }
                    }
                }
            }
            if !result.warnings.isEmpty {
                el("h2") { l(.warningsResultHeading) }
                Layout.content("ul", context) { for warning in result.warnings { el("li") { warning } } }
            }
            if !documents.isEmpty {
                el("section", ["aria-labelledby": "documents"]) {
                    el("h2", ["id": "documents"]) { l(.documentsHeading) }
                    el("p", ["class": "hint"]) { l(.guideDocumentsInFrench) }
                    el("ul", ["class": "documents"]) {
                        for link in documents {
                            el("li") {
                                Layout.content("h3", context) { link.document.kind.title }
                                if let explanation = GuidePages.explanation(of: link.document.kind, l) {
                                    el("p", ["class": "explanation"]) { explanation }
                                }
                                if link.document.isReady {
                                    el("p") { l(.documentReady) }
                                    if !link.unprintable.isEmpty {
                                        el("p", ["class": "error-summary"]) { l(.documentUnprintable) }
                                        Layout.content("ul", context) { for problem in link.unprintable { el("li") { problem } } }
                                    }
                                    el("ul") {
                                        for download in link.downloads where link.unprintable.isEmpty || download.format != "PDF" {
                                            el("li") { el("a", ["href": download.href]) { l(.downloadFormat, download.format) } }
                                        }
                                        if let split = link.splitDownload, link.unprintable.isEmpty {
                                            el("li") { el("a", ["href": split]) { l(.downloadSplit) } }
                                        }
                                    }
                                } else {
                                    el("p") { l(.documentMissing) }
                                    Layout.content("ul", context) {
                                        for issue in link.document.missing ?? [] { el("li") { issue.frenchMessage } }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if let report { ReportPages.form(report, context: context) }
            el("p", ["class": "hint"]) { l(.printHint) }
            form(action: .myFile, session: session, context: context) {
                el("div", ["class": "actions"]) {
                    el("button", ["type": "submit", "name": "action", "value": "retour", "class": "secondary"]) { l(.changeAnswers) }
                }
            }
            privateFooter(context)
        }
    }

    static func verdictNode(_ report: EvidenceReport, context: PageContext) -> Node {
        let l = context.l
        let label: UIString
        switch report.verdict {
        case .insuffisant: label = .verdictInsuffisant
        case .recevable: label = .verdictRecevable
        case .solide: label = .verdictSolide
        }
        return el("section", ["class": "verdict", "aria-labelledby": "verdict"]) {
            el("h2", ["id": "verdict"]) { l(.verdictHeading) }
            el("p", ["class": "answer"]) { el("strong") { l(label) } }
            if !report.reasons.isEmpty {
                el("h3") { l(.verdictReasons) }
                Layout.content("ul", context) { for reason in report.reasons { el("li") { reason } } }
            }
            if !report.advice.isEmpty {
                el("h3") { l(.verdictAdvice) }
                Layout.content("ul", context) { for advice in report.advice { el("li") { advice } } }
            }
            Layout.content("p", context, classes: "source") {
                Layout.interface(l(.sourceLabel) + " : ", context)
                if let url = report.source.url { el("a", ["href": url]) { report.source.citation } } else { report.source.citation }
                " — "
                Layout.interface(
                    report.source.isVerified
                        ? l(.verifiedOn, DateText.long(report.source.dateChecked, context.language)) : l(.unverifiedRule),
                    context)
            }
        }
    }

    static func outcomeNode(_ outcome: Outcome, heading: String?, context: PageContext) -> Node {
        Layout.content("div", context, classes: "outcome") {
            if let heading { el("p") { el("strong") { Layout.interface(heading, context) } } }
            if let title = outcome.title { el("h2") { title } }
            for paragraph in outcome.paragraphs { el("p") { paragraph } }
        }
    }

    // MARK: Shared pieces

    /// « Supprimer mon dossier » under every private page.
    static func privateFooter(_ context: PageContext) -> Node {
        let l = context.l
        return el("p", ["class": "private"]) { el("a", ["href": context.href(.deleteMyFile)]) { l(.deleteLink) } }
    }

    static func errorSummary(_ problems: [(message: String, field: String)], context: PageContext) -> Node {
        let l = context.l
        return el("div", ["class": "error-summary", "role": "alert", "aria-labelledby": "erreurs-titre", "tabindex": "-1",
            "id": "erreurs", "autofocus": nil])
        {
            el("h2", ["id": "erreurs-titre"]) { l(.errorSummaryTitle) }
            el("ul") {
                for problem in problems { el("li") { el("a", ["href": "#\(problem.field)"]) { problem.message } } }
            }
        }
    }

    static func form(
        action: SitePath, session: Session, context: PageContext, multipart: Bool = false, @NodeBuilder _ children: () -> [Node]
    ) -> Node {
        var attributes = [Attribute("action", context.href(action)), Attribute("method", "post"), Attribute("novalidate", nil)]
        if multipart { attributes.append(Attribute("enctype", "multipart/form-data")) }
        return .element("form", attributes: attributes, children: [
            el("input", ["type": "hidden", "name": "jeton", "value": session.token]),
        ] + children())
    }

    /// The message for a refused answer, in the page's language.
    public static func message(for error: InterviewInputError, _ l: Localizer) -> String {
        switch error {
        case .required: return l(.interviewRequired)
        case .unknownChoice: return l(.interviewUnknownChoice)
        case .unknownDepartment(let text): return l(.interviewUnknownDepartment, text)
        case .invalidDate(let text): return l(.interviewInvalidDate, text)
        case .invalidDateTime(let text): return l(.interviewInvalidDateTime, text)
        case .tooEarly(let day): return l(.interviewTooEarly, DateText.long(day, l.language))
        case .tooLate(let day): return l(.interviewTooLate, DateText.long(day, l.language))
        case .tooLong(let maximum): return l(.interviewTooLong, String(maximum))
        case .invalidFile: return l(.interviewInvalidFile)
        case .tooFewEntries(let minimum): return l(.interviewTooFewEntries, String(minimum))
        case .unexpectedScreen: return l(.interviewUnexpectedScreen)
        }
    }
}
