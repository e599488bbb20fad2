public import GuichetCore

/// `/guides` (the guides by situation) and `/guides/<slug>` (one procedure: FALC summary in the reader's language,
/// the French guide, its deadlines computed from a date, the letters with an explanation in the reader's language,
/// the competent court, the sources with their dates).
public enum GuidePages {
    /// A guide and its rendered (French) body.
    public struct Entry: Sendable {
        public let guide: Guide
        public let bodyHTML: String

        public init(guide: Guide, bodyHTML: String) {
            self.guide = guide
            self.bodyHTML = bodyHTML
        }
    }

    /// What the person asked the page to compute (`?regle=…&date=…&departement=…`), validated.
    public struct Computation: Sendable {
        public var form: DeadlinePage.Form
        public var result: DeadlineResult?
        public var court: CourtAssignment?
        /// What the observatory knows of the guide's procedure in the département given.
        public var local: (department: Department, status: Observatory.Status)?

        /// Whether the page was asked nothing (the guide as written).
        public var isEmpty: Bool { form.rule.isEmpty && form.date.isEmpty && form.department.isEmpty && form.errors.isEmpty }

        public init(
            form: DeadlinePage.Form = DeadlinePage.Form(), result: DeadlineResult? = nil, court: CourtAssignment? = nil,
            local: (department: Department, status: Observatory.Status)? = nil
        ) {
            self.form = form
            self.result = result
            self.court = court
            self.local = local
        }
    }

    static func situationLabel(_ situation: Guide.Situation) -> UIString {
        switch situation {
        case .wantTo: .situationWant
        case .received: .situationReceived
        case .blocked: .situationBlocked
        }
    }

    /// The plain-language explanation of a document, by its raw value (documents without one get none).
    static let documentExplanations: [String: UIString] = [
        "refere-mesures-utiles": .docExplainRefereMesuresUtiles, "lettre-prefecture": .docExplainLettrePrefecture,
        "saisine-defenseur-des-droits": .docExplainSaisineDefenseurDesDroits, "recours-prealable": .docExplainRecoursPrealable,
        "lettre-employeur-moe": .docExplainLettreEmployeurMoe, "reclamation-caf": .docExplainReclamationCaf,
        "refere-anef-bloque": .docExplainRefereAnefBloque,
    ]

    /// The explanation of `kind` in the page's language, for the guide and the path's result page.
    public static func explanation(of kind: DocumentKind, _ l: Localizer) -> String? {
        documentExplanations[kind.rawValue].map { l($0) }
    }

    /// The attributes of text written in the page's language (FALC lines), or in French when it fell back.
    static func languageAttributes(_ code: String) -> [Attribute] {
        let language = UILanguage(rawValue: code) ?? .fr
        return [Attribute("lang", language.rawValue), Attribute("dir", language.direction)]
    }

    // MARK: - The list

    public static func list(_ guides: [Guide], context: PageContext) -> String {
        let l = context.l
        return Layout.page(title: l(.guidesTitle), description: l(.guidesIntro), context: context) {
            el("h1") { l(.guidesTitle) }
            el("p") { l(.guidesIntro) }
            for situation in Guide.Situation.allCases {
                let inSituation = guides.filter { $0.situation == situation }
                if !inSituation.isEmpty {
                    el("section", ["aria-labelledby": "situation-\(situation.rawValue)"]) {
                        el("h2", ["id": "situation-\(situation.rawValue)"]) { l(situationLabel(situation)) }
                        el("ul", ["class": "items guides"]) {
                            for guide in inSituation { summary(guide, context: context) }
                        }
                    }
                }
            }
        }
    }

    /// One guide in a list: its title (French), the first FALC line in the reader's language when it exists, else
    /// the French summary.
    static func summary(_ guide: Guide, context: PageContext) -> Node {
        let code = context.language.rawValue
        return el("li", ["class": "item"]) {
            Node.element("h3", attributes: Layout.frenchContent(context), children: [
                el("a", ["href": context.href(.guide(guide.id))]) { guide.title }
            ])
            if context.language != .fr, let first = guide.easyRead(in: code)?.first {
                Node.element("p", attributes: languageAttributes(code), children: [.text(first)])
            }
            Layout.content("p", context) { guide.summary }
        }
    }

    // MARK: - One guide

    public static func page(_ entry: Entry, computation: Computation, context: PageContext) -> String {
        let l = context.l
        let guide = entry.guide
        let title = computation.form.errors.isEmpty ? guide.title : "\(l(.errorSummaryTitle)) — \(guide.title)"
        return Layout.page(title: title, description: guide.summary, context: context) {
            Node.element("h1", attributes: Layout.frenchContent(context), children: [.text(guide.title)])
            easyRead(guide, context: context)
            el("dl", ["class": "guide-facts"]) {
                el("dt") { l(.guideWho) }
                Layout.content("dd", context) { guide.who }
                if let platform = guide.platform {
                    el("dt") { l(.guidePlatform, platform.name) }
                    el("dd") { el("a", ["href": platform.url, "rel": "external"]) { platform.url } }
                }
            }
            if let interview = guide.interviewID {
                el("p", ["class": "start"]) {
                    el("a", ["href": context.href(.parcours(interview.rawValue)), "class": "button"]) { l(.guideParcoursLink) }
                }
            }
            if !guide.unverified.isEmpty {
                el("section", ["class": "unverified", "aria-labelledby": "a-verifier"]) {
                    el("h2", ["id": "a-verifier"]) { l(.guideUnverifiedHeading) }
                    el("p") { l(.guideUnverifiedText) }
                    Layout.content("ul", context) {
                        for point in guide.unverified { el("li") { point } }
                    }
                }
            }
            // A page answering a computation (a deadline, a court, a prefecture) leaves the long French guide out and
            // links to it: the result comes first, and the page stays light on an old phone.
            if computation.isEmpty {
                if context.language != .fr { el("p", ["class": "hint"]) { l(.guideDetailInFrench) } }
                Layout.content("div", context, classes: "body") { Node.trusted(entry.bodyHTML) }
            } else {
                el("p") { el("a", ["href": context.href(.guide(guide.id))]) { l(.guideReadFull) } }
            }
            deadlines(guide, computation: computation, context: context)
            observatory(guide, computation: computation, context: context)
            documents(guide, context: context)
            court(guide, computation: computation, context: context)
            sources(guide, context: context)
        }
    }

    static func easyRead(_ guide: Guide, context: PageContext) -> Node {
        let l = context.l
        let code = context.language.rawValue
        let lines = guide.easyRead(in: code)
        return el("section", ["class": "falc", "aria-labelledby": "falc"]) {
            el("h2", ["id": "falc"]) { l(.guideFalcHeading) }
            if let lines {
                Node.element("ul", attributes: languageAttributes(code), children: lines.map { line in el("li") { line } })
            } else {
                if context.language != .fr { el("p", ["class": "hint"]) { l(.guideFalcFallback) } }
                Layout.content("ul", context) {
                    for line in guide.easyRead(in: "fr") ?? [] { el("li") { line } }
                }
            }
        }
    }

    static func deadlines(_ guide: Guide, computation: Computation, context: PageContext) -> Node {
        let l = context.l
        let rules = guide.deadlineRules
        guard !rules.isEmpty else { return .fragment([]) }
        let form = computation.form
        return el("section", ["class": "guide-deadlines", "aria-labelledby": "delais"]) {
            el("h2", ["id": "delais"]) { l(.guideDeadlinesHeading) }
            if !form.errors.isEmpty {
                el("div", ["class": "error-summary", "role": "alert", "aria-labelledby": "erreurs-titre", "tabindex": "-1",
                    "id": "erreurs"])
                {
                    el("h3", ["id": "erreurs-titre"]) { l(.errorSummaryTitle) }
                    el("ul") {
                        for error in form.errors { el("li") { el("a", ["href": "#\(error.field)"]) { l(error.message) } } }
                    }
                }
            }
            Layout.content("ul", context, classes: "rules") {
                for rule in rules {
                    el("li") {
                        el("strong") { rule.label }
                        " — "
                        if let url = rule.source.url { el("a", ["href": url]) { rule.source.citation } } else { rule.source.citation }
                        " — "
                        Layout.interface(
                            rule.source.isVerified
                                ? l(.verifiedOn, DateText.long(rule.source.dateChecked, context.language)) : l(.unverifiedRule),
                            context)
                    }
                }
            }
            el("p", ["class": "hint"]) { l(.guideDeadlinesHint) }
            el("form", ["class": "deadline", "action": context.href(.guide(guide.id)) + "#resultat", "method": "get", "novalidate": nil]) {
                if context.isLanguageExplicit {
                    el("input", ["type": "hidden", "name": "lang", "value": context.language.rawValue])
                }
                if rules.count == 1 {
                    el("input", ["type": "hidden", "name": "regle", "value": rules[0].id])
                } else {
                    el("div", ["class": "field"]) {
                        el("label", ["for": "regle"]) { l(.ruleLabel) }
                        DeadlinePage.fieldError("regle", form, l)
                        Node.element("select", attributes: DeadlinePage.attributes([("id", "regle"), ("name", "regle")], field: "regle", hint: false, form: form),
                            children: rules.map { rule in
                                DeadlinePage.option(value: rule.id, label: rule.label, selected: rule.id == form.rule,
                                    frenchInside: context.language != .fr)
                            })
                    }
                }
                el("div", ["class": "field"]) {
                    el("label", ["for": "date"]) { l(.startDateLabel) }
                    el("p", ["class": "hint", "id": "date-aide"]) { l(.startDateHint) }
                    DeadlinePage.fieldError("date", form, l)
                    Node.element("input", attributes: DeadlinePage.attributes(
                        [("type", form.date.isEmpty || LocalDate(iso: form.date) != nil ? "date" : "text"), ("id", "date"),
                            ("name", "date"), ("value", form.date)], field: "date", hint: true, form: form),
                        children: [])
                }
                departmentField(form, context: context)
                el("button", ["type": "submit"]) { l(.computeButton) }
            }
            if let result = computation.result {
                el("div", ["class": "result", "id": "resultat"]) {
                    el("h3") { l(.resultHeading) }
                    if context.language != .fr { el("p", ["class": "hint"]) { l(.legalTextInFrench) } }
                    DeadlinePage.resultNode(result, context: context, prefix: nil)
                    for next in result.next { DeadlinePage.resultNode(next, context: context, prefix: l(.thenHeading)) }
                }
            }
        }
    }

    /// The département, typed as its number (a list of 101 would weigh 5 KB on a page read on old phones): its
    /// holidays count in the deadline and it names the court.
    static func departmentField(_ form: DeadlinePage.Form, context: PageContext) -> Node {
        let l = context.l
        let id = "departement"
        return el("div", ["class": "field"]) {
            el("label", ["for": id]) { l(.departmentLabel) }
            el("p", ["class": "hint", "id": "\(id)-aide"]) { l(.guideDepartmentHint) }
            DeadlinePage.fieldError(id, form, l)
            Node.element("input", attributes: DeadlinePage.attributes(
                [("type", "text"), ("id", id), ("name", id), ("value", form.department), ("size", "4"), ("maxlength", "3"),
                    ("autocomplete", "off"), ("spellcheck", "false")], field: id, hint: true, form: form),
                children: [])
        }
    }

    /// What the person's prefecture announces for the procedure (the observatory's fact for the département given), or a
    /// link to the observatory's map for the procedure.
    static func observatory(_ guide: Guide, computation: Computation, context: PageContext) -> Node {
        let l = context.l
        guard let procedure = guide.observatoryProcedure else { return .fragment([]) }
        return el("section", ["class": "guide-local", "aria-labelledby": "votre-prefecture"]) {
            el("h2", ["id": "votre-prefecture"]) { l(.guideLocalHeading) }
            if let local = computation.local {
                let fact = local.status.fact
                Layout.content("p", context) {
                    el("strong") { "\(local.department.code) \(local.department.name)" }
                    " : " + fact.channel.frenchLabel
                    if let asOf = fact.asOf { " (" + DateText.long(asOf, .fr) + ")" }
                    if local.status.isNational && fact.isKnown { Layout.interface(" (" + l(.obsNationalRule) + ")", context) }
                    " — "
                    Layout.interface(l(.obsAlternative) + " : " + l(ObservatoryPages.alternativeLabel(fact.alternative)), context)
                }
                el("p") {
                    el("a", ["href": context.href(.observatoryDepartment(local.department.code))]) { l(.guideLocalSources) }
                }
            } else {
                el("p") {
                    el("a", ["href": context.href(.observatory) + (context.href(.observatory).contains("?") ? "&" : "?")
                        + "procedure=" + procedure.rawValue]) { l(.guideLocalMap) }
                }
            }
        }
    }

    static func documents(_ guide: Guide, context: PageContext) -> Node {
        let l = context.l
        guard !guide.documentKinds.isEmpty else { return .fragment([]) }
        return el("section", ["class": "guide-documents", "aria-labelledby": "lettres"]) {
            el("h2", ["id": "lettres"]) { l(.guideDocumentsHeading) }
            el("p", ["class": "hint"]) { l(.guideDocumentsInFrench) }
            el("ul", ["class": "documents"]) {
                for kind in guide.documentKinds {
                    el("li") {
                        Node.element("strong", attributes: Layout.frenchContent(context), children: [.text(kind.title)])
                        if let explanation = explanation(of: kind, l) { el("p") { explanation } }
                    }
                }
            }
            if let interview = guide.interviewID {
                el("p") { el("a", ["href": context.href(.parcours(interview.rawValue))]) { l(.guideDocumentStart) } }
            }
        }
    }

    /// The French name of a court that is not a tribunal administratif of the court table.
    static func courtName(_ rule: Guide.CourtRule) -> String? {
        switch rule {
        case .cnda: "Cour nationale du droit d’asile (CNDA)"
        case .judicialCourt: "Pôle social du tribunal judiciaire"
        case .departmentCourt, .nantes, .none: nil
        }
    }

    static func court(_ guide: Guide, computation: Computation, context: PageContext) -> Node {
        let l = context.l
        guard guide.court != .none || guide.courtNote != nil else { return .fragment([]) }
        return el("section", ["class": "guide-court", "aria-labelledby": "tribunal"]) {
            el("h2", ["id": "tribunal"]) { l(.guideCourtHeading) }
            if let note = guide.courtNote { Layout.content("p", context) { note } }
            switch guide.court {
            case .departmentCourt:
                if let court = computation.court {
                    DeadlinePage.courtNode(court, context: context)
                }
                if !guide.deadlineRules.isEmpty {
                    // One département list per page (30 KB): the deadline form's names the court too.
                    if computation.court == nil {
                        el("p") { el("a", ["href": "#departement"]) { l(.guideCourtForDepartment) } }
                    }
                } else {
                    el("form", ["class": "court-lookup", "action": context.href(.guide(guide.id)) + "#tribunal", "method": "get"]) {
                        if context.isLanguageExplicit {
                            el("input", ["type": "hidden", "name": "lang", "value": context.language.rawValue])
                        }
                        departmentField(computation.form, context: context)
                        el("button", ["type": "submit"]) { l(.guideCourtForDepartment) }
                    }
                }
            case .nantes:
                DeadlinePage.courtNode(Court.forVisaRefusal(), context: context)
            case .cnda, .judicialCourt:
                if let name = courtName(guide.court) { Layout.content("p", context) { el("strong") { name } } }
            case .none:
                Node.fragment([])
            }
        }
    }

    static func sources(_ guide: Guide, context: PageContext) -> Node {
        let l = context.l
        return el("section", ["class": "sources", "aria-labelledby": "sources"]) {
            el("h2", ["id": "sources"]) { l(.sourcesHeading) }
            Layout.content("ul", context) {
                for source in guide.sources {
                    // A source consulted on the guide's own date says so once, below the list.
                    el("li") {
                        el("a", ["href": source.url]) { source.title }
                        if source.checked != guide.checked {
                            " — "
                            Layout.interface(l(.sourceCheckedOn, DateText.long(source.checked, context.language)), context)
                        }
                    }
                }
            }
            el("p") { l(.guideCheckedOn, DateText.long(guide.checked, context.language)) }
        }
    }
}
