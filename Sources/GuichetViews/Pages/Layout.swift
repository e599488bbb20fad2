public import GuichetCore

/// The frame shared by every HTML page: head, header, navigation, footer.
public enum Layout {
    /// A complete HTML document. `title` is the page's own title (the site name is appended).
    ///
    /// `base`: a `<base href>` for pages whose many links are relative to one folder (the observatory's map links its
    /// 101 départements as `93` instead of `/observatoire/93`); links written from the root are not affected.
    public static func page(
        title: String, description: String, context: PageContext, feeds: [(title: String, href: String)] = [],
        base: String? = nil, @NodeBuilder main: () -> [Node]
    ) -> String {
        let l = context.l
        let document = el("html", ["lang": context.language.rawValue, "dir": context.language.direction]) {
            el("head") {
                Node.element("meta", attributes: [Attribute("charset", "utf-8")], children: [])
                if let base { el("base", ["href": base]) }
                el("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
                el("title") { title == l(.siteName) ? title : "\(title) — \(l(.siteName))" }
                el("meta", ["name": "description", "content": description])
                el("link", ["rel": "stylesheet", "href": SitePath.stylesheet.path])
                for feed in feeds {
                    el("link", ["rel": "alternate", "type": "application/atom+xml", "title": feed.title, "href": feed.href])
                }
            }
            el("body") {
                el("a", ["class": "skip", "href": "#g-contenu"]) { l(.skipToContent) }
                el("header", ["class": "site"]) {
                    el("p", ["class": "exit"]) { el("a", ["href": SitePath.quickExit.path, "rel": "nofollow"]) { l(.quickExit) } }
                    el("p", ["class": "brand"]) {
                        el("a", ["href": context.href(.home)]) { l(.siteName) }
                        " "
                        el("span") { l(.siteTagline) }
                    }
                    el("nav", ["aria-label": l(.mainNavigation)]) {
                        el("ul") {
                            el("li") { el("a", ["href": context.href(.home)]) { l(.navHome) } }
                            el("li") { el("a", ["href": context.href(.themes)]) { l(.navThemes) } }
                            el("li") { el("a", ["href": context.href(.search(query: ""))]) { l(.navSearch) } }
                            el("li") { el("a", ["href": context.href(.deadlines)]) { l(.navDeadlines) } }
                            el("li") { el("a", ["href": context.href(.guides)]) { l(.navGuides) } }
                            el("li") { el("a", ["href": context.href(.observatory)]) { l(.navObservatory) } }
                            el("li") { el("a", ["href": context.href(.parcoursList)]) { l(.navParcours) } }
                        }
                    }
                }
                el("main", ["id": "g-contenu"]) { main() }
                footer(context)
            }
        }
        return "<!DOCTYPE html>" + document.render() + "\n"
    }

    static func footer(_ context: PageContext) -> Node {
        let l = context.l
        return el("footer", ["class": "site"]) {
            if let updated = context.updated {
                el("p", ["class": "updated"]) { l(.updatedOn, DateText.long(updated, context.language)) }
            }
            el("p") { l(.footerNotAdvice) }
            el("p") { l(.footerPrivacy) }
            if !context.language.isCompiled { el("p", ["class": "hint"]) { l(.translationDraftNote) } }
            el("nav", ["aria-label": l(.languageLabel)]) {
                el("ul", ["class": "languages"]) {
                    for language in UILanguage.allCases {
                        if language == context.language {
                            el("li") {
                                el("a", ["href": context.href(language: language), "lang": language.rawValue,
                                    "hreflang": language.rawValue, "aria-current": "true"]) { language.endonym }
                            }
                        } else {
                            el("li") {
                                el("a", ["href": context.href(language: language), "lang": language.rawValue,
                                    "hreflang": language.rawValue]) { language.endonym }
                            }
                        }
                    }
                    el("li") { el("a", ["href": context.href(.about)]) { l(.navAbout) } }
                    el("li") { el("a", ["href": SitePath.siteFeed.path]) { l(.feedSite) } }
                    el("li") { el("a", ["href": context.href(.desk("connexion")), "rel": "nofollow"]) { l(.deskNavigation) } }
                }
            }
        }
    }

    /// Marks French editorial content inside an English or Arabic page.
    static func frenchContent(_ context: PageContext) -> [Attribute] {
        context.language == .fr ? [] : [Attribute("lang", "fr"), Attribute("dir", "ltr")]
    }

    /// Interface text (in the page's language) placed inside French content: on an English or Arabic page it
    /// is marked with its own language, so that screen readers switch back and French typography leaves it
    /// alone (no « Source\u{00A0}: » on an English page).
    static func interface(_ text: String, _ context: PageContext) -> Node {
        context.language == .fr
            ? .text(text)
            : .element("span", attributes: [Attribute("lang", context.language.rawValue), Attribute("dir", context.language.direction)],
                children: [.text(text)])
    }

    /// A block of editorial (French) content.
    static func content(_ tag: String, _ context: PageContext, classes: String? = nil, @NodeBuilder _ children: () -> [Node]) -> Node {
        var attributes = frenchContent(context)
        if let classes { attributes.insert(Attribute("class", classes), at: 0) }
        return .element(tag, attributes: attributes, children: children())
    }

    /// « Page précédente / Page n sur m / Page suivante ».
    static func pagination(page: Int, pageCount: Int, context: PageContext, link: (Int) -> SitePath) -> Node {
        let l = context.l
        return .fragment(pageCount <= 1 ? [] : [
            el("nav", ["class": "pagination", "aria-label": l(.paginationLabel)]) {
                el("ul") {
                    if page > 1 {
                        el("li") { el("a", ["href": context.href(link(page - 1)), "rel": "prev"]) { l(.previousPage) } }
                    }
                    el("li", ["aria-current": "page"]) { l(.pageOf, String(page), String(pageCount)) }
                    if page < pageCount {
                        el("li") { el("a", ["href": context.href(link(page + 1)), "rel": "next"]) { l(.nextPage) } }
                    }
                }
            }
        ])
    }

    /// One item in a list: title link, kind and date, summary.
    static func itemSummary(_ item: Item, context: PageContext, headingLevel: String = "h3") -> Node {
        let l = context.l
        return el("li", ["class": "item"]) {
            Node.element(headingLevel, attributes: frenchContent(context), children: [
                el("a", ["href": context.href(.item(item.id))]) { item.title }
            ])
            el("p", ["class": "meta"]) {
                el("span", ["class": "kind"]) { l(item.kind.label) }
                " · "
                el("time", ["datetime": item.date.iso]) { DateText.long(item.date, context.language) }
            }
            content("p", context) { item.summary }
        }
    }
}
