public import GuichetCore

/// The search page: the form, the hits with highlighted terms, pagination.
public enum SearchPage {
    /// One hit ready to show.
    public struct Hit: Sendable {
        public let title: String
        public let path: SitePath
        public let kind: ItemKind?
        public let date: LocalDate
        /// FTS5 snippet with U+0002 / U+0003 around matches.
        public let snippet: String

        public init(title: String, path: SitePath, kind: ItemKind?, date: LocalDate, snippet: String) {
            self.title = title
            self.path = path
            self.kind = kind
            self.date = date
            self.snippet = snippet
        }
    }

    /// - Parameter guides: the guides matching the query, shown before the dossier's hits on the first page (a
    ///   person looking for « naturalisation » needs the procedure before the news).
    public static func render(
        query: String, words: [String], hits: [Hit], total: Int, page: Int, pageCount: Int, guides: [Guide] = [],
        context: PageContext
    ) -> String {
        let l = context.l
        let trimmed = query.trimmingCharacters(in: " \t\n\r")
        return Layout.page(
            title: trimmed.isEmpty ? l(.searchTitle) : "\(l(.searchTitle)) : \(trimmed)", description: l(.searchLabel),
            context: context
        ) {
            el("h1") { l(.searchTitle) }
            DossierPages.searchForm(query: trimmed, context: context)
            el("p", ["class": "hint"]) { l(.searchTips) }
            if trimmed.isEmpty {
                el("p") { l(.searchEmpty) }
            } else if words.isEmpty {
                el("p", ["role": "status"]) { l(.searchIgnoredWords) }
            }
            if page == 1, !guides.isEmpty {
                el("section", ["class": "search-guides", "aria-labelledby": "guides-trouves"]) {
                    el("h2", ["id": "guides-trouves"]) { l(.searchGuidesHeading) }
                    el("ul", ["class": "items guides"]) {
                        for guide in guides { GuidePages.summary(guide, context: context) }
                    }
                }
            }
            if trimmed.isEmpty || words.isEmpty {
            } else if total == 0 {
                el("p", ["role": "status"]) { l(.searchNoResults, trimmed) }
            } else {
                el("p", ["role": "status"]) {
                    total == 1 ? l(.searchResultsOne, trimmed) : l(.searchResultsMany, String(total), trimmed)
                }
                el("ol", ["class": "hits", "start": String((page - 1) * 10 + 1)]) {
                    for hit in hits {
                        el("li") {
                            Layout.content("h2", context) { el("a", ["href": context.href(hit.path)]) { hit.title } }
                            el("p", ["class": "meta"]) {
                                if let kind = hit.kind {
                                    el("span", ["class": "kind"]) { l(kind.label) }
                                    " · "
                                } else {
                                    el("span", ["class": "kind"]) { l(.navSections) }
                                    " · "
                                }
                                el("time", ["datetime": hit.date.iso]) { DateText.long(hit.date, context.language) }
                            }
                            Layout.content("p", context, classes: "snippet") { Node.trusted(highlight(hit.snippet)) }
                        }
                    }
                }
                Layout.pagination(page: page, pageCount: pageCount, context: context) { .search(query: trimmed, page: $0) }
            }
        }
    }

    /// Escapes a snippet and turns its U+0002 … U+0003 markers into balanced `<mark>` elements.
    public static func highlight(_ snippet: String) -> String {
        var out = ""
        var isOpen = false
        var plain = ""
        func flush() {
            out += escapeText(plain)
            plain = ""
        }
        for character in snippet {
            switch character {
            case "\u{02}" where !isOpen:
                flush()
                out += "<mark>"
                isOpen = true
            case "\u{03}" where isOpen:
                flush()
                out += "</mark>"
                isOpen = false
            case "\u{02}", "\u{03}": continue
            default: plain.append(character)
            }
        }
        flush()
        if isOpen { out += "</mark>" }
        return out
    }
}

/// Error pages, in the reader's language.
public enum ErrorPages {
    public static func notFound(context: PageContext) -> String {
        let l = context.l
        return Layout.page(title: l(.notFoundTitle), description: l(.notFoundText), context: context) {
            el("h1") { l(.notFoundTitle) }
            el("p") { l(.notFoundText) }
            DossierPages.searchForm(query: "", context: context)
            el("p") { el("a", ["href": context.href(.home)]) { l(.backHome) } }
        }
    }

    public static func serverError(context: PageContext) -> String {
        let l = context.l
        return Layout.page(title: l(.serverErrorTitle), description: l(.serverErrorText), context: context) {
            el("h1") { l(.serverErrorTitle) }
            el("p") { l(.serverErrorText) }
            el("p") { el("a", ["href": context.href(.home)]) { l(.backHome) } }
        }
    }
}
