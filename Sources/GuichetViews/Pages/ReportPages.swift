public import GuichetCore

/// People's reports to the observatory: the « signaler anonymement » form (end of a self-help path, help-desk case)
/// and the figures of a département's page (a bar chart with its table). Only figures of ``Observatory/ReportFigures``
/// reach these views, so no count below k can be drawn.
public enum ReportPages {
    /// What the form says after a try.
    public enum Status: Sendable, Equatable {
        case thanks
        case refused(UIString)
    }

    /// The form: where it posts, the hidden fields it carries (anti-forgery token), the values it starts with, the
    /// weeks it offers (newest first) and what the last try gave.
    public struct Form: Sendable {
        public var action: String
        public var hidden: [(name: String, value: String)]
        public var draft: Observatory.ReportDraft
        public var weeks: [ReportWeek]
        public var status: Status?
        /// Whether the département can be changed (a private file) or is the case's (a help-desk case).
        public var departmentEditable: Bool

        public init(
            action: String, hidden: [(name: String, value: String)], draft: Observatory.ReportDraft, weeks: [ReportWeek],
            status: Status? = nil, departmentEditable: Bool = true
        ) {
            self.action = action
            self.hidden = hidden
            self.draft = draft
            self.weeks = weeks
            self.status = status
            self.departmentEditable = departmentEditable
        }
    }

    /// The form's field names, read back by the routes.
    public enum Field {
        public static let department = "departement"
        public static let procedure = "demarche"
        public static let channel = "moyen"
        public static let outcome = "issue"
        public static let week = "semaine"
    }

    /// The channels a person may report (« inconnu » reads « je ne sais pas »).
    static let channels: [Observatory.Channel] = [.onlineAppointment, .anef, .simplifiedForms, .email, .post, .counter, .unknown]

    public static func channelLabel(_ channel: Observatory.Channel) -> UIString {
        switch channel {
        case .anef: .reportChannelAnef
        case .onlineAppointment: .reportChannelAppointment
        case .email: .reportChannelEmail
        case .post: .reportChannelPost
        case .counter: .reportChannelCounter
        case .simplifiedForms: .reportChannelForms
        case .unknown: .reportChannelUnknown
        }
    }

    public static func outcomeLabel(_ outcome: Observatory.Outcome) -> UIString {
        switch outcome {
        case .noSlot: .reportOutcomeNoSlot
        case .siteDown: .reportOutcomeSiteDown
        case .fileStuck: .reportOutcomeFileStuck
        case .appointmentObtained: .reportOutcomeObtained
        }
    }

    /// « signaler anonymement »: its own form and its own button; nothing is sent unless the person presses it.
    public static func form(_ form: Form, context: PageContext) -> Node {
        let l = context.l
        func select(_ name: String, _ label: UIString, _ options: [(value: String, label: String, french: Bool)], selected: String?) -> Node {
            el("p") {
                el("label", ["for": "signaler-\(name)"]) { l(label) }
                el("br")
                el("select", ["id": "signaler-\(name)", "name": name]) {
                    if selected == nil { el("option", ["value": ""]) { "—" } }
                    for option in options {
                        Node.element("option", attributes: optionAttributes(option.value, selected: option.value == selected,
                            french: option.french && context.language != .fr), children: [.text(option.label)])
                    }
                }
            }
        }
        return el("section", ["class": "report", "aria-labelledby": "signaler"]) {
            el("h2", ["id": "signaler"]) { l(.reportHeading) }
            switch form.status {
            case .thanks?:
                el("p", ["class": "notice", "role": "status"]) { l(.reportThanks) }
            case .refused(let message)?:
                el("div", ["class": "error-summary", "role": "alert"]) { el("p") { l(message) } }
            case nil:
                el("p") { l(.reportIntro) }
            }
            Node.element("form", attributes: [Attribute("action", form.action), Attribute("method", "post"), Attribute("novalidate", nil)],
                children: form.hidden.map { el("input", ["type": "hidden", "name": $0.name, "value": $0.value]) } + [
                    form.departmentEditable
                        ? el("p") {
                            el("label", ["for": "signaler-departement"]) { l(.reportDepartment) }
                            el("br")
                            el("input", ["id": "signaler-departement", "name": Field.department, "value": form.draft.department ?? "",
                                "size": "4", "maxlength": "3", "autocomplete": "off", "inputmode": "text"])
                        }
                        : el("input", ["type": "hidden", "name": Field.department, "value": form.draft.department ?? ""]),
                    select(Field.procedure, .reportProcedure,
                        Observatory.Procedure.allCases.map { ($0.rawValue, $0.frenchLabel, true) }, selected: form.draft.procedure?.rawValue),
                    select(Field.channel, .reportChannel, channels.map { ($0.rawValue, l(channelLabel($0)), false) },
                        selected: form.draft.channel?.rawValue),
                    select(Field.outcome, .reportOutcome, Observatory.Outcome.allCases.map { ($0.rawValue, l(outcomeLabel($0)), false) },
                        selected: form.draft.outcome?.rawValue),
                    select(Field.week, .reportWeek,
                        form.weeks.map { ($0.description, l(.reportWeekOf, DateText.long($0.monday, context.language)), false) },
                        selected: form.draft.week.flatMap { form.weeks.contains($0) ? $0.description : nil } ?? form.weeks.first?.description),
                    el("div", ["class": "actions"]) {
                        el("button", ["type": "submit", "class": "secondary"]) { l(.reportSubmit) }
                    },
                ])
        }
    }

    static func optionAttributes(_ value: String, selected: Bool, french: Bool) -> [Attribute] {
        var attributes = [Attribute("value", value)]
        if selected { attributes.append(Attribute("selected", nil)) }
        if french { attributes.append(Attribute("lang", "fr")) }
        return attributes
    }

    // MARK: Figures


    /// The procedure whose figures a département page shows first: `asked` when given, else the one with the most
    /// reports in `weeks`, else the first family.
    public static func shownProcedure(
        _ cells: [Observatory.ReportCount], weeks: [ReportWeek], asked: Observatory.Procedure?
    ) -> Observatory.Procedure {
        if let asked { return asked }
        let window = Set(weeks)
        let totals = Dictionary(grouping: cells.filter { window.contains($0.week) }, by: \.procedure).mapValues { $0.reduce(0) { $0 + $1.count } }
        var best = Observatory.Procedure.firstPermit
        for procedure in Observatory.Procedure.allCases where (totals[procedure] ?? 0) > (totals[best] ?? 0) { best = procedure }
        return best
    }

    /// The figures of one département for one procedure over `weeks` (newest first, the weeks a report may be about):
    /// a bar chart (a bar per week, a segment per outcome) and the same numbers in a table, « — » where a cell has
    /// fewer than k reports; links to the other procedures with figures; « pas assez de signalements » when nothing
    /// reaches k. Older weeks are in the open data.
    public static func figures(
        _ cells: [Observatory.ReportCount], k: Int, procedure: Observatory.Procedure, weeks: [ReportWeek], link: (Observatory.Procedure) -> String,
        context: PageContext
    ) -> Node {
        let l = context.l
        let window = Set(weeks)
        let inWindow = cells.filter { window.contains($0.week) }
        let own = inWindow.filter { $0.procedure == procedure }
        let others = Observatory.Procedure.allCases.filter { other in other != procedure && inWindow.contains { $0.procedure == other } }
        return el("section", ["aria-labelledby": "signalements"]) {
            el("h2", ["id": "signalements"]) { l(.reportFiguresHeading) }
            el("p") { l(.reportFiguresIntro, String(k)) }
            el("p") { l(.reportHowTo) }
            if inWindow.isEmpty {
                el("p", ["class": "notice"]) { l(.reportTooFew) }
            } else {
                Layout.content("h3", context) { procedure.frenchLabel }
                if own.isEmpty {
                    el("p", ["class": "notice"]) { l(.reportTooFew) }
                } else {
                    chart(own, procedure: procedure, weeks: weeks.reversed(), context: context)
                    table(own, procedure: procedure, weeks: weeks, context: context)
                    el("p", ["class": "hint"]) { l(.reportOthersTooFew, String(k)) }
                }
                if !others.isEmpty {
                    el("p") { l(.reportOtherProcedures) }
                    Layout.content("ul", context) {
                        for other in others { el("li") { el("a", ["href": link(other)]) { other.frenchLabel } } }
                    }
                }
            }
        }
    }

    /// One bar per week, oldest on the left, stacked by outcome.
    static func chart(
        _ cells: [Observatory.ReportCount], procedure: Observatory.Procedure, weeks: [ReportWeek], context: PageContext
    ) -> Node {
        let l = context.l
        let totals = Dictionary(grouping: cells, by: \.week).mapValues { $0.reduce(0) { $0 + $1.count } }
        let highest = max(1, totals.values.max() ?? 1)
        let bar = 10
        let gap = 4
        let plot = 80
        let top = 8
        let width = weeks.count * (bar + gap) + 30
        var shapes: [Node] = [
            .element("text", attributes: [Attribute("x", "0"), Attribute("y", "7")], children: [.text(String(highest))]),
            .element("path", attributes: [Attribute("d", "M26 \(top)v\(plot)h\(width - 26)"), Attribute("class", "axis")], children: []),
        ]
        // One path per outcome, a rectangle per week: four elements whatever the number of weeks.
        var outlines: [Observatory.Outcome: String] = [:]
        for (index, week) in weeks.enumerated() {
            let x = 30 + index * (bar + gap)
            var y = top + plot
            for outcome in Observatory.Outcome.allCases {
                guard let cell = cells.first(where: { $0.week == week && $0.outcome == outcome }) else { continue }
                let height = max(1, cell.count * plot / highest)
                y -= height
                outlines[outcome, default: ""] += "M\(x) \(y)h\(bar)v\(height)h-\(bar)z"
            }
            if index == 0 || index == weeks.count - 1 {
                shapes.append(
                    .element("text", attributes: [Attribute("x", String(x)), Attribute("y", String(top + plot + 9))],
                        children: [.text("S\(week.week)")]))
            }
        }
        for outcome in Observatory.Outcome.allCases {
            guard let outline = outlines[outcome] else { continue }
            shapes.append(.element("path", attributes: [Attribute("d", outline), Attribute("class", outcome.colourClass)], children: []))
        }
        return .element("svg", attributes: [
            Attribute("class", "bars"), Attribute("viewBox", "0 0 \(width) \(top + plot + 12)"), Attribute("role", "img"),
            Attribute("aria-label", l(.reportChartLabel, procedure.frenchLabel)),
        ], children: shapes)
    }

    /// The chart's numbers: a row per week with a figure (newest first), a column per outcome, « — » below k.
    static func table(
        _ cells: [Observatory.ReportCount], procedure: Observatory.Procedure, weeks: [ReportWeek], context: PageContext
    ) -> Node {
        let l = context.l
        let shown = weeks.filter { week in cells.contains { $0.week == week } }
        return el("table", ["class": "observatory figures"]) {
            el("caption") { l(.reportTableCaption, procedure.frenchLabel) }
            el("thead") {
                el("tr") {
                    el("th", ["scope": "col"]) { l(.reportWeek) }
                    for outcome in Observatory.Outcome.allCases {
                        el("th", ["scope": "col"]) {
                            el("span", ["class": "swatch \(outcome.colourClass)", "aria-hidden": "true"])
                            " " + l(outcomeLabel(outcome))
                        }
                    }
                }
            }
            el("tbody") {
                for week in shown {
                    el("tr") {
                        el("th", ["scope": "row"]) {
                            el("time", ["datetime": week.description]) { l(.reportWeekOf, DateText.long(week.monday, context.language)) }
                        }
                        for outcome in Observatory.Outcome.allCases {
                            if let cell = cells.first(where: { $0.week == week && $0.outcome == outcome }) {
                                el("td") { String(cell.count) }
                            } else {
                                el("td") { "—" }
                            }
                        }
                    }
                }
            }
        }
    }
}

extension Observatory.Outcome {
    /// The chart's colour class, shared with the map's: obtained is the map's green, no slot its orange, a stuck file
    /// its grey; a site down is purple.
    var colourClass: String {
        switch self {
        case .noSlot: "o"
        case .siteDown: "p"
        case .fileStuck: "u"
        case .appointmentObtained: "a"
        }
    }
}
