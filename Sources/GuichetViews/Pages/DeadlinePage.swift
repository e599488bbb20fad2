public import GuichetCore

/// The deadline calculator: a form that works without JavaScript, and the cited, step-by-step result.
public enum DeadlinePage {
    /// The form as submitted, with the problems found in it.
    public struct Form: Sendable, Equatable {
        public var rule: String
        public var date: String
        public var time: String
        public var department: String
        /// `""`, `outre-mer` or `etranger`.
        public var distance: String
        /// Field id → problem, in field order.
        public var errors: [FieldError]

        public init(rule: String = "", date: String = "", time: String = "", department: String = "", distance: String = "",
            errors: [FieldError] = [])
        {
            self.rule = rule
            self.date = date
            self.time = time
            self.department = department
            self.distance = distance
            self.errors = errors
        }

        /// Whether the form holds anything (a first visit shows no error).
        public var isEmpty: Bool { rule.isEmpty && date.isEmpty && time.isEmpty && department.isEmpty && distance.isEmpty }

        func error(_ field: String) -> UIString? { errors.first { $0.field == field }?.message }
    }

    /// A problem with one field of the form.
    public struct FieldError: Sendable, Equatable {
        public let field: String
        public let message: UIString

        public init(field: String, message: UIString) {
            self.field = field
            self.message = message
        }
    }

    // An invalid value cannot sit in a date or time input (HTML forbids it): such a field becomes a text
    // input that keeps what the person typed, so that nothing they entered is lost.
    public static func render(
        form: Form, result: DeadlineResult?, court: CourtAssignment?, calendarPath: String?, context: PageContext
    ) -> String {
        let l = context.l
        let title = result.map { "\(l(.deadlinesTitle)) : \($0.label)" } ?? l(.deadlinesTitle)
        return Layout.page(title: form.errors.isEmpty ? title : "\(l(.errorSummaryTitle)) — \(title)",
            description: l(.deadlinesIntro), context: context)
        {
            el("h1") { l(.deadlinesTitle) }
            el("p") { l(.deadlinesIntro) }
            el("p", ["class": "warning"]) { el("strong") { l(.deadlinesWarning) } }
            if !form.errors.isEmpty {
                el("div", ["class": "error-summary", "role": "alert", "aria-labelledby": "erreurs-titre", "tabindex": "-1",
                    "id": "erreurs"])
                {
                    el("h2", ["id": "erreurs-titre"]) { l(.errorSummaryTitle) }
                    el("ul") {
                        for error in form.errors {
                            el("li") { el("a", ["href": "#\(error.field)"]) { l(error.message) } }
                        }
                    }
                }
            }
            formNode(form, context: context)
            if let result {
                el("section", ["class": "result", "aria-labelledby": "resultat"]) {
                    el("h2", ["id": "resultat"]) { l(.resultHeading) }
                    if context.language != .fr { el("p", ["class": "hint"]) { l(.legalTextInFrench) } }
                    resultNode(result, context: context, prefix: nil)
                    for next in result.next { resultNode(next, context: context, prefix: l(.thenHeading)) }
                    if let court { courtNode(court, context: context) }
                    if let calendarPath {
                        el("p", ["class": "calendar"]) {
                            el("a", ["href": calendarPath, "type": "text/calendar", "download": "delai.ics"]) { l(.downloadCalendar) }
                        }
                    }
                }
            }
        }
    }

    static func describedBy(_ field: String, hint: Bool, _ form: Form) -> String {
        ([hint ? "\(field)-aide" : nil, form.error(field) != nil ? "\(field)-erreur" : nil].compactMap { $0 })
            .joined(separator: " ")
    }

    static func fieldError(_ field: String, _ form: Form, _ l: Localizer) -> Node {
        guard let message = form.error(field) else { return .fragment([]) }
        return el("p", ["class": "field-error", "id": "\(field)-erreur"]) { l(message) }
    }

    static func attributes(_ base: [(String, String?)], field: String, hint: Bool, form: Form) -> [Attribute] {
        var attributes = base.map { Attribute($0.0, $0.1) }
        let described = describedBy(field, hint: hint, form)
        if !described.isEmpty { attributes.append(Attribute("aria-describedby", described)) }
        if form.error(field) != nil { attributes.append(Attribute("aria-invalid", "true")) }
        return attributes
    }

    static func formNode(_ form: Form, context: PageContext) -> Node {
        let l = context.l
        return el("form", ["class": "deadline", "action": "/delais", "method": "get", "novalidate": nil]) {
            if context.isLanguageExplicit {
                el("input", ["type": "hidden", "name": "lang", "value": context.language.rawValue])
            }
            el("div", ["class": "field"]) {
                el("label", ["for": "regle"]) { l(.ruleLabel) }
                el("p", ["class": "hint", "id": "regle-aide"]) { l(.ruleHint) }
                fieldError("regle", form, l)
                Node.element("select", attributes: attributes([("id", "regle"), ("name", "regle")], field: "regle", hint: true, form: form),
                    children: DeadlineRule.catalogue.map { rule in
                        option(value: rule.id, label: rule.label, selected: rule.id == form.rule, frenchInside: context.language != .fr)
                    })
            }
            el("div", ["class": "field"]) {
                el("label", ["for": "date"]) { l(.startDateLabel) }
                el("p", ["class": "hint", "id": "date-aide"]) { l(.startDateHint) }
                fieldError("date", form, l)
                Node.element("input", attributes: attributes(
                    [("type", form.date.isEmpty || LocalDate(iso: form.date) != nil ? "date" : "text"), ("id", "date"), ("name", "date"), ("value", form.date)], field: "date", hint: true, form: form),
                    children: [])
            }
            el("div", ["class": "field"]) {
                el("label", ["for": "heure"]) { l(.startTimeLabel) }
                el("p", ["class": "hint", "id": "heure-aide"]) { l(.startTimeHint) }
                fieldError("heure", form, l)
                Node.element("input", attributes: attributes(
                    [("type", form.time.isEmpty || LocalTime(iso: form.time) != nil ? "time" : "text"), ("id", "heure"), ("name", "heure"), ("value", form.time)], field: "heure", hint: true, form: form),
                    children: [])
            }
            el("div", ["class": "field"]) {
                el("label", ["for": "departement"]) { l(.departmentLabel) }
                el("p", ["class": "hint", "id": "departement-aide"]) { l(.departmentHint) }
                fieldError("departement", form, l)
                Node.element("select", attributes: attributes([("id", "departement"), ("name", "departement")],
                    field: "departement", hint: true, form: form),
                    children: [option(value: "", label: l(.departmentNone), selected: form.department.isEmpty, frenchInside: false)]
                        + Department.all.map { department in
                            option(value: department.code, label: "\(department.code) — \(department.name)",
                                selected: department.code == form.department, frenchInside: false)
                        })
            }
            Node.element("fieldset", attributes: form.error("distance") != nil
                ? [Attribute("id", "distance"), Attribute("aria-describedby", "distance-erreur")] : [Attribute("id", "distance")],
                children: [
                    el("legend") { l(.distanceLegend) },
                    fieldError("distance", form, l),
                    radio(value: "", label: l(.distanceNone), id: "distance-aucune", checked: form.distance.isEmpty),
                    radio(value: "outre-mer", label: l(.distanceOverseas), id: "distance-outre-mer", checked: form.distance == "outre-mer"),
                    radio(value: "etranger", label: l(.distanceAbroad), id: "distance-etranger", checked: form.distance == "etranger"),
                ])
            el("button", ["type": "submit"]) { l(.computeButton) }
        }
    }

    static func option(value: String, label: String, selected: Bool, frenchInside: Bool) -> Node {
        var attributes = [Attribute("value", value)]
        if selected { attributes.append(Attribute("selected", nil)) }
        if frenchInside { attributes.append(Attribute("lang", "fr")) }
        return .element("option", attributes: attributes, children: [.text(label)])
    }

    static func radio(value: String, label: String, id: String, checked: Bool) -> Node {
        var attributes = [Attribute("type", "radio"), Attribute("name", "distance"), Attribute("id", id), Attribute("value", value)]
        if checked { attributes.append(Attribute("checked", nil)) }
        return el("div", ["class": "choice"]) {
            Node.element("input", attributes: attributes, children: [])
            el("label", ["for": id]) { label }
        }
    }

    static func resultNode(_ result: DeadlineResult, context: PageContext, prefix: String?) -> Node {
        let l = context.l
        return Layout.content("div", context, classes: "deadline-result") {
            el("h3") {
                if let prefix { Layout.interface("\(prefix) : ", context) }
                result.label
            }
            el("p", ["class": "answer"]) { el("strong") { result.frenchSummary } }
            if !result.isVerified {
                el("p", ["class": "unverified"]) {
                    el("strong") { Layout.interface(l(.unverifiedRule), context) }
                    if let caveat = result.source.caveat { " " + caveat }
                }
            }
            el("h4") { Layout.interface(l(.stepsHeading), context) }
            el("ol") {
                for step in result.steps { el("li") { step } }
            }
            if !result.warnings.isEmpty {
                el("h4") { Layout.interface(l(.warningsHeading), context) }
                el("ul") {
                    for warning in result.warnings { el("li") { warning } }
                }
            }
            el("p", ["class": "source"]) {
                Layout.interface(l(.sourceLabel) + " : ", context)
                if let url = result.source.url {
                    el("a", ["href": url]) { result.source.citation }
                } else {
                    result.source.citation
                }
                " — "
                Layout.interface(
                    result.isVerified ? l(.verifiedOn, DateText.long(result.source.dateChecked, context.language)) : l(.unverifiedRule),
                    context)
            }
        }
    }

    static func courtNode(_ court: CourtAssignment, context: PageContext) -> Node {
        let l = context.l
        return el("div", ["class": "court"]) {
            el("h3") { l(.courtLabel) }
            Layout.content("p", context) {
                el("strong") { court.court.name }
                if let address = court.court.address {
                    el("br")
                    address.lines.joined(separator: ", ")
                    if !address.isVerified {
                        " "
                        Layout.interface("(" + l(.addressToCheck) + ")", context)
                    }
                } else {
                    " "
                    Layout.interface("(" + l(.addressToCheck) + ")", context)
                }
            }
            Layout.content("p", context, classes: "source") {
                Layout.interface(l(.sourceLabel) + " : ", context)
                court.source.citation
            }
        }
    }

    /// The deadlines worth computing from a section's page.
    public static func rules(forSection section: Section.ID) -> [DeadlineRule] {
        let ids: [String]
        switch section.rawValue {
        case "prefectures": ids = ["renouvellement-titre-anef", "renouvellement-titre", "silence-titre-sejour", "recours-contentieux", "oqtf-1-mois"]
        case "asile": ids = ["ofpra-introduction", "ofpra-notification", "cnda"]
        case "entree": ids = ["visa-recours-prealable", "silence-crrv"]
        case "travail", "droits-sociaux": ids = ["recours-contentieux"]
        case "contentieux": ids = ["recours-contentieux", "oqtf-1-mois", "oqtf-7-jours", "oqtf-48h", "cassation-refere"]
        default: ids = []
        }
        return ids.compactMap(DeadlineRule.named)
    }
}
