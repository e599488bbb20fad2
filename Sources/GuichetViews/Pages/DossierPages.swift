public import GuichetCore

/// The dossier's pages: home, section, item, topics.
public enum DossierPages {
    /// A section as listed on the home page.
    public struct SectionEntry: Sendable {
        public let section: Section
        public let itemCount: Int
        public init(section: Section, itemCount: Int) {
            self.section = section
            self.itemCount = itemCount
        }
    }

    public static func home(sections: [SectionEntry], latest: [Item], context: PageContext) -> String {
        let l = context.l
        return Layout.page(
            title: l(.homeTitle), description: l(.homeIntro), context: context,
            feeds: [(l(.feedSite), SitePath.siteFeed.path)]
        ) {
            el("h1") { l(.homeTitle) }
            el("p", ["class": "lead"]) { l(.homeIntro) }
            searchForm(query: "", context: context)
            el("h2") { l(.sectionsHeading) }
            el("ul", ["class": "sections"]) {
                for entry in sections {
                    el("li") {
                        Layout.content("h3", context) {
                            el("a", ["href": context.href(.section(entry.section.id))]) {
                                "\(entry.section.numeral). \(entry.section.title)"
                            }
                        }
                        Layout.content("p", context, classes: "subtitle") { entry.section.subtitle }
                        Layout.content("p", context) { entry.section.summary }
                        el("p", ["class": "meta"]) { itemCount(entry.itemCount, l) }
                    }
                }
            }
            el("h2") { l(.latestHeading) }
            el("ul", ["class": "items"]) {
                for item in latest { Layout.itemSummary(item, context: context) }
            }
        }
    }

    public static func section(
        _ section: Section, bodyHTML: String, items: [Item], page: Int, pageCount: Int, context: PageContext
    ) -> String {
        let l = context.l
        let heading = "\(section.numeral). \(section.title)"
        return Layout.page(
            title: page > 1 ? "\(heading) (\(l(.pageOf, String(page), String(pageCount))))" : heading,
            description: section.summary, context: context,
            feeds: [(l(.feedSection), SitePath.sectionFeed(section.id).path)]
        ) {
            Layout.content("h1", context) { heading }
            Layout.content("p", context, classes: "subtitle") { section.subtitle }
            if page == 1 {
                Layout.content("div", context, classes: "prose") { Node.trusted(bodyHTML) }
            }
            let rules = DeadlinePage.rules(forSection: section.id)
            if !rules.isEmpty {
                el("aside", ["class": "deadlines", "aria-labelledby": "g-delais-utiles"]) {
                    el("h2", ["id": "g-delais-utiles"]) { l(.usefulDeadlines) }
                    el("ul") {
                        for rule in rules {
                            el("li") {
                                el("a", ["href": context.href(.deadlines) + (context.isLanguageExplicit ? "&" : "?") + "regle=" + rule.id]) {
                                    Node.element("span", attributes: Layout.frenchContent(context), children: [.text(rule.label)])
                                }
                            }
                        }
                    }
                }
            }
            el("h2", ["id": "g-elements"]) { l(.sectionItemsHeading) }
            if items.isEmpty {
                el("p") { l(.noItems) }
            } else {
                el("ul", ["class": "items"]) {
                    for item in items { Layout.itemSummary(item, context: context) }
                }
            }
            Layout.pagination(page: page, pageCount: pageCount, context: context) { .section(section.id, page: $0) }
            el("p", ["class": "feed"]) {
                el("a", ["href": SitePath.sectionFeed(section.id).path, "type": "application/atom+xml"]) { l(.feedSection) }
            }
        }
    }

    public static func item(
        _ item: Item, bodyHTML: String, sections: [Section], tags: [Tag], related: [Item], context: PageContext
    ) -> String {
        let l = context.l
        return Layout.page(title: item.title, description: item.summary, context: context) {
            el("article") {
                Layout.content("h1", context) { item.title }
                el("dl", ["class": "facts"]) {
                    el("dt") { l(.itemKind) }
                    el("dd") { l(item.kind.label) }
                    el("dt") { l(.dateLabel) }
                    el("dd") { el("time", ["datetime": item.date.iso]) { DateText.long(item.date, context.language) } }
                    if !sections.isEmpty {
                        el("dt") { l(.sectionsLabel) }
                        el("dd") {
                            for (index, section) in sections.enumerated() {
                                if index > 0 { ", " }
                                el("a", ["href": context.href(.section(section.id))]) { "\(section.numeral). \(section.title)" }
                            }
                        }
                    }
                    if !tags.isEmpty {
                        el("dt") { l(.tagsLabel) }
                        el("dd") {
                            for (index, tag) in tags.enumerated() {
                                if index > 0 { ", " }
                                el("a", ["href": context.href(.tag(tag.id))]) { tag.label }
                            }
                        }
                    }
                }
                Layout.content("p", context, classes: "lead") { item.summary }
                Layout.content("div", context, classes: "prose") { Node.trusted(bodyHTML) }
                if !item.sources.isEmpty {
                    el("h2") { l(.sourcesHeading) }
                    Layout.content("ul", context, classes: "sources") {
                        for source in item.sources {
                            el("li") { el("a", ["href": source.url]) { source.title } }
                        }
                    }
                }
            }
            if !related.isEmpty {
                el("h2") { l(.relatedHeading) }
                el("ul", ["class": "items"]) {
                    for other in related { Layout.itemSummary(other, context: context) }
                }
            }
        }
    }

    public static func themes(_ tags: [(tag: Tag, count: Int)], context: PageContext) -> String {
        let l = context.l
        return Layout.page(title: l(.themesTitle), description: l(.themesIntro), context: context) {
            el("h1") { l(.themesTitle) }
            el("p") { l(.themesIntro) }
            el("ul", ["class": "tags"]) {
                for (tag, count) in tags {
                    el("li") {
                        Node.element("a", attributes: [Attribute("href", context.href(.tag(tag.id)))] + Layout.frenchContent(context),
                            children: [.text(tag.label)])
                        " "
                        el("span", ["class": "meta"]) { "(\(itemCount(count, l)))" }
                    }
                }
            }
        }
    }

    public static func tag(_ tag: Tag, items: [Item], page: Int, pageCount: Int, context: PageContext) -> String {
        let l = context.l
        return Layout.page(title: l(.tagTitle, tag.label), description: l(.themesIntro), context: context) {
            el("h1") { l(.tagTitle, tag.label) }
            el("ul", ["class": "items"]) {
                for item in items { Layout.itemSummary(item, context: context, headingLevel: "h2") }
            }
            Layout.pagination(page: page, pageCount: pageCount, context: context) { .tag(tag.id, page: $0) }
        }
    }

    public static func about(context: PageContext) -> String {
        let l = context.l
        return Layout.page(title: l(.aboutTitle), description: l(.aboutWhat), context: context) {
            el("h1") { l(.aboutTitle) }
            el("p") { l(.aboutWhat) }
            el("p") { l(.aboutPrivacy) }
            el("p") { l(.aboutNotAdvice) }
            el("p") { l(.aboutSource) }
        }
    }

    static func itemCount(_ count: Int, _ l: Localizer) -> String {
        count == 1 ? l(.itemsCountOne) : l(.itemsCount, String(count))
    }

    static func searchForm(query: String, context: PageContext) -> Node {
        let l = context.l
        return el("form", ["class": "search", "role": "search", "action": "/recherche", "method": "get"]) {
            el("label", ["for": "q"]) { l(.searchLabel) }
            el("input", ["type": "search", "id": "q", "name": "q", "value": query, "maxlength": "200"])
            if context.isLanguageExplicit {
                el("input", ["type": "hidden", "name": "lang", "value": context.language.rawValue])
            }
            el("button", ["type": "submit"]) { l(.searchButton) }
        }
    }
}
