public import GuichetCore

/// `/observatoire` (the tile map for one procedure, drawn as inline SVG, and the same data as a table) and
/// `/observatoire/<département>` (the prefecture, every procedure with its sources, the decisions).
public enum ObservatoryPages {
    static func reachabilityLabel(_ reachability: Observatory.Reachability) -> UIString {
        switch reachability {
        case .alternative: .obsReachAlternative
        case .onlineOnly: .obsReachOnline
        case .unknown: .obsReachUnknown
        }
    }

    static func alternativeLabel(_ alternative: Observatory.Alternative) -> UIString {
        switch alternative {
        case .yes: .obsYes
        case .no: .obsNo
        case .unknown: .obsUnknown
        }
    }

    // MARK: - The map

    public static func map(_ board: Observatory.Board, procedure: Observatory.Procedure, context: PageContext) -> String {
        let l = context.l
        return Layout.page(title: l(.obsTitle), description: l(.obsTitle), context: context, base: "/observatoire/") {
            el("h1") { l(.obsTitle) }
            el("p") { l(.obsIntro) }
            el("p") { el("a", ["href": context.href(.platformStatus)]) { l(.obsPlatformsLink) } }
            el("form", ["class": "observatory", "action": "/observatoire", "method": "get"]) {
                if context.isLanguageExplicit {
                    el("input", ["type": "hidden", "name": "lang", "value": context.language.rawValue])
                }
                el("label", ["for": "procedure"]) { l(.obsProcedureLabel) }
                " "
                Node.element("select", attributes: [Attribute("id", "procedure"), Attribute("name", "procedure")],
                    children: Observatory.Procedure.allCases.map { option in
                        DeadlinePage.option(value: option.rawValue, label: option.frenchLabel, selected: option == procedure,
                            frenchInside: context.language != .fr)
                    })
                " "
                el("button", ["type": "submit"]) { l(.obsShow) }
            }
            Layout.content("h2", context) { procedure.frenchLabel }
            tiles(board, procedure: procedure, context: context)
            table(board, procedure: procedure, context: context)
            openData(context)
            el("p", ["class": "hint"]) { l(.obsCheckedOn, DateText.long(board.checked, context.language)) }
        }
    }

    /// The grid in user units (small numbers: shorter coordinates); the CSS gives the squares their size.
    static let cell = 10
    static let square = 9

    /// A département's page relative to `/observatoire/` (the map page's base), with the reader's explicit language.
    static func relativeLink(_ code: String, _ context: PageContext) -> String {
        code + (context.isLanguageExplicit ? "?lang=" + context.language.rawValue : "")
    }

    /// The class of a reachability on the map (one letter: the map holds 101 squares on a page of at most 30 KB).
    static func tileClass(_ reachability: Observatory.Reachability) -> String {
        switch reachability {
        case .alternative: "a"
        case .onlineOnly: "o"
        case .unknown: "u"
        }
    }

    /// The tile map: one link per département, its text alternative the département's code and name (the SVG
    /// `<title>`), its colour the reachability; the table below says the same in words.
    static func tiles(_ board: Observatory.Board, procedure: Observatory.Procedure, context: PageContext) -> Node {
        let l = context.l
        let width = TileMap.columns * cell
        let height = (TileMap.overseasRow + 1) * cell
        var squares: [Node] = []
        for department in Department.all {
            guard let (column, row) = TileMap.positions[department.code] else { continue }
            let status = board.status(department.code, procedure)
            let x = column * cell
            let y = row * cell
            squares.append(
                .element("a", attributes: [Attribute("href", relativeLink(department.code, context))], children: [
                    .element("title", attributes: [], children: [.text("\(department.code) \(department.name)")]),
                    // A path, not a rect: SVG 1.1 (the Nu checker) wants a rect's width and height as attributes.
                    .element("path", attributes: [
                        Attribute("d", "M\(x) \(y)h\(square)v\(square)h-\(square)z"),
                        Attribute("class", tileClass(status.reachability)),
                    ], children: []),
                    .element("text", attributes: [Attribute("x", String(x + square / 2)), Attribute("y", String(y + 6))],
                        children: [.text(department.code)]),
                ]))
        }
        squares.append(
            .element("text", attributes: [
                Attribute("x", "0"), Attribute("y", String(TileMap.overseasRow * cell - 2)), Attribute("class", "caption"),
            ], children: [.text(l(.obsOverseas))]))
        return .element("svg", attributes: [
            Attribute("class", "tiles"), Attribute("viewBox", "0 0 \(width) \(height)"),
            Attribute("aria-label", l(.obsMapLabel, procedure.frenchLabel)),
        ], children: squares)
    }

    /// The map in words: for each reachability, the départements in it (each a link to its page).
    static func table(_ board: Observatory.Board, procedure: Observatory.Procedure, context: PageContext) -> Node {
        let l = context.l
        let groups = Dictionary(grouping: Department.all) { board.status($0.code, procedure).reachability }
        return el("table", ["class": "observatory"]) {
            el("caption") { l(.obsTableCaption, procedure.frenchLabel) }
            el("tbody") {
                for reachability in Observatory.Reachability.allCases {
                    let departments = groups[reachability] ?? []
                    el("tr") {
                        el("th", ["scope": "row"]) {
                            el("span", ["class": "swatch \(tileClass(reachability))", "aria-hidden": "true"])
                            " " + l(reachabilityLabel(reachability)) + " (\(departments.count))"
                        }
                        el("td") {
                            for (index, department) in departments.enumerated() {
                                if index > 0 { ", " }
                                el("a", ["href": relativeLink(department.code, context)]) {
                                    "\(department.code) \(department.name)"
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func openData(_ context: PageContext) -> Node {
        let l = context.l
        return el("p") {
            l(.obsOpenData)
            " "
            el("a", ["href": SitePath.observatoryData("csv").path, "type": "text/csv"]) { "observatoire.csv" }
            ", "
            el("a", ["href": SitePath.observatoryData("json").path, "type": "application/json"]) { "observatoire.json" }
            ", "
            el("a", ["href": SitePath.observatoryData("schema.json").path, "type": "application/json"]) { "schema" }
        }
    }

    // MARK: - One département

    /// People's reports on a département's reports page: the k-filtered figures, the weeks a report may be about (newest
    /// first) and the procedure asked for (`?procedure=`), if any.
    public struct DepartmentFigures: Sendable {
        public let figures: Observatory.ReportFigures
        public let weeks: [ReportWeek]
        public let procedure: Observatory.Procedure?

        public init(figures: Observatory.ReportFigures, weeks: [ReportWeek], procedure: Observatory.Procedure?) {
            self.figures = figures
            self.weeks = weeks
            self.procedure = procedure
        }
    }

    /// `reports`: whether people's reports are on (the page then links to their figures, on a page of their own: the
    /// figures change with every batch, this page only with the content).
    public static func department(
        _ board: Observatory.Board, department: Department, reports: Bool = false, context: PageContext
    ) -> String {
        let l = context.l
        let record = board.departments[department.code]
        let checked = record?.checked ?? board.checked
        let title = l(.obsDepartmentTitle, "\(department.code) \(department.name)")
        return Layout.page(title: title, description: l(.obsIntro), context: context) {
            el("p") { el("a", ["href": context.href(.observatory)]) { l(.obsAllDepartments) } }
            el("h1") { title }
            el("section", ["aria-labelledby": "prefecture"]) {
                el("h2", ["id": "prefecture"]) { l(.obsPrefecture) }
                Layout.content("p", context) {
                    el("strong") { capitalized(department.prefectureName) }
                    if let town = record?.prefectureTown { " — " + town }
                }
                if let sources = record?.prefectureSources, !sources.isEmpty { sourceList(sources, checked: checked, context: context) }
                if let subs = record?.subPrefectures, !subs.isEmpty {
                    el("h3") { l(.obsSubPrefectures) }
                    Layout.content("ul", context) {
                        for sub in subs {
                            el("li") {
                                sub.name
                                if let town = sub.town { " (" + town + ")" }
                                " : "
                                Layout.interface(l(alternativeLabel(sub.receivesForeigners)), context)
                            }
                        }
                    }
                }
            }
            el("section", ["aria-labelledby": "demarches"]) {
                el("h2", ["id": "demarches"]) { l(.obsProceduresCaption) }
                el("table", ["class": "observatory"]) {
                    el("caption") { l(.obsProceduresCaption) }
                    el("thead") {
                        el("tr") {
                            el("th", ["scope": "col"]) { l(.obsProcedureLabel) }
                            el("th", ["scope": "col"]) { l(.obsChannel) }
                            el("th", ["scope": "col"]) { l(.obsAlternative) }
                            el("th", ["scope": "col"]) { l(.obsSources) }
                        }
                    }
                    el("tbody") {
                        for procedure in Observatory.Procedure.allCases {
                            let status = board.status(department.code, procedure)
                            el("tr") {
                                Layout.content("th", context) { procedure.frenchLabel }
                                Layout.content("td", context) {
                                    status.fact.channel.frenchLabel
                                    if let asOf = status.fact.asOf {
                                        el("br")
                                        Layout.interface(l(.obsAsOf) + " ", context)
                                        DateText.long(asOf, .fr)
                                    }
                                    if status.isNational && status.fact.isKnown {
                                        el("br")
                                        Layout.interface("(" + l(.obsNationalRule) + ")", context)
                                    }
                                }
                                el("td") { l(alternativeLabel(status.fact.alternative)) }
                                Layout.content("td", context) {
                                    if let note = status.fact.note { el("p") { note } }
                                    if !status.fact.sources.isEmpty { sourceList(status.fact.sources, checked: checked, context: context) }
                                }
                            }
                        }
                    }
                }
            }
            decisions(board.decisions(for: department.code), heading: l(.obsDecisions), id: "decisions", empty: l(.obsNoDecisions),
                context: context)
            if reports {
                el("section", ["aria-labelledby": "signalements"]) {
                    el("h2", ["id": "signalements"]) { l(.reportFiguresHeading) }
                    el("p") {
                        el("a", ["href": context.href(.observatoryDepartmentReports(department.code, nil))]) { l(.reportFiguresLink) }
                    }
                }
            }
            decisions(board.nationalDecisions, heading: l(.obsNationalDecisions), id: "decisions-nationales", empty: nil,
                compact: true, context: context)
            openData(context)
            el("p", ["class": "hint"]) {
                l(.obsCheckedOn, DateText.long(checked, context.language))
            }
        }
    }

    /// `/observatoire/<code>/signalements`: people's reports in one département, for one procedure (the one asked, else
    /// the one with the most reports): the chart, its table, the other procedures with figures.
    public static func departmentReports(_ department: Department, figures: DepartmentFigures, context: PageContext) -> String {
        let l = context.l
        let title = l(.reportPageTitle, "\(department.code) \(department.name)")
        let cells = figures.figures.cells(department: department.code)
        let procedure = ReportPages.shownProcedure(cells, weeks: figures.weeks, asked: figures.procedure)
        return Layout.page(title: title, description: l(.reportFiguresHeading), context: context) {
            el("p") {
                el("a", ["href": context.href(.observatoryDepartment(department.code))]) { "\(department.code) \(department.name)" }
            }
            el("h1") { title }
            ReportPages.figures(
                cells, k: figures.figures.k, procedure: procedure, weeks: figures.weeks,
                link: { context.href(.observatoryDepartmentReports(department.code, $0.rawValue)) }, context: context)
            el("p") {
                l(.obsOpenData)
                " "
                el("a", ["href": SitePath.observatoryData("signalements.csv").path, "type": "text/csv"]) { "observatoire-signalements.csv" }
            }
        }
    }

    static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// Sources, each with the day it was consulted when that is not `checked` (the page's own date, said once).
    static func sourceList(_ sources: [Observatory.Source], checked: LocalDate, context: PageContext) -> Node {
        let l = context.l
        return el("ul", ["class": "sources"]) {
            for source in sources {
                el("li") {
                    el("a", ["href": source.url]) { source.title }
                    if source.checked != checked {
                        " — "
                        Layout.interface(l(.sourceCheckedOn, DateText.long(source.checked, context.language)), context)
                    }
                }
            }
        }
    }

    /// `compact`: title, date and outcome only (the national decisions, the same on every département's page).
    static func decisions(
        _ decisions: [Observatory.DecisionLink], heading: String, id: String, empty: String?, compact: Bool = false,
        context: PageContext
    ) -> Node {
        let l = context.l
        guard !decisions.isEmpty || empty != nil else { return .fragment([]) }
        return el("section", ["aria-labelledby": id]) {
            el("h2", ["id": id]) { heading }
            if decisions.isEmpty, let empty {
                el("p") { empty }
            } else if compact {
                el("ul") {
                    for decision in decisions {
                        el("li") {
                            Node.element("a", attributes: [Attribute("href", context.href(.item(decision.itemID)))] + Layout.frenchContent(context),
                                children: [.text(decision.title)])
                            " ("
                            el("time", ["datetime": decision.date.iso]) { DateText.long(decision.date, context.language) }
                            ") : "
                            l(.obsOutcome, decision.outcome.frenchLabel)
                        }
                    }
                }
            } else {
                el("ul", ["class": "items"]) {
                    for decision in decisions {
                        el("li", ["class": "item"]) {
                            Node.element("h3", attributes: Layout.frenchContent(context), children: [
                                el("a", ["href": context.href(.item(decision.itemID))]) { decision.title }
                            ])
                            el("p", ["class": "meta"]) {
                                el("time", ["datetime": decision.date.iso]) { DateText.long(decision.date, context.language) }
                                " · "
                                l(.obsOutcome, decision.outcome.frenchLabel)
                            }
                            if let note = decision.outcomeNote { Layout.content("p", context) { note } }
                        }
                    }
                }
            }
        }
    }
}
