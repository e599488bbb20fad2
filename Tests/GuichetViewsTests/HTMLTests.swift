import Testing
import GuichetCore
@testable import GuichetViews

@Suite("HTML building")
struct HTMLTests {
    @Test("text and attributes are escaped; trusted HTML is kept")
    func escaping() {
        let node = el("p", ["title": "a\"b<'&"]) {
            "<script>alert(1)</script> & co"
            Node.trusted("<em>ok</em>")
        }
        #expect(node.render() == "<p title=\"a&quot;b&lt;&#39;&amp;\">&lt;script&gt;alert(1)&lt;/script&gt; &amp; co<em>ok</em></p>")
    }

    @Test("French text gets French typography: not other languages, attributes, code, form values or trusted HTML")
    func typography() {
        let page = el("html", ["lang": "fr"]) {
            el("p", ["title": "Titre : ici"]) { "Date limite : 5 octobre 2026 ?" }
            el("p", ["lang": "en"]) {
                "Unverified rule: check it ?"
                el("span", ["lang": "fr-FR"]) { "« mot »" }
            }
            el("p", ["lang": "ar"]) { "الشبّاك الذي يبقى مفتوحًا: حقوقك «ملف»" }
            el("code") { "a : b" }
            el("pre") { el("span") { "x ; y" } }
            el("textarea") { "Note : ceci" }
            el("a", ["href": "https://a.fr/?q=x : y"]) { "https://a.fr/?q=x" }
            Node.trusted("<mark>déjà : vu</mark>")
        }
        #expect(
            page.render() == """
                <html lang="fr">
                <p title="Titre : ici">Date limite\u{00A0}: 5\u{00A0}octobre\u{00A0}2026\u{202F}?</p>
                <p lang="en">Unverified rule: check it ?<span lang="fr-FR">«\u{202F}mot\u{202F}»</span></p>
                <p lang="ar">الشبّاك الذي يبقى مفتوحًا: حقوقك «ملف»</p><code>a : b</code><pre><span>x ; y</span></pre>\
                <textarea>Note : ceci</textarea><a href="https://a.fr/?q=x : y">https://a.fr/?q=x</a><mark>déjà : vu</mark></html>
                """)
        // A fragment rendered on its own has no language: it is left as it is.
        #expect(el("p") { "Pourquoi ?" }.render() == "<p>Pourquoi ?</p>")
    }

    @Test("void elements have no closing tag; block elements start on their own line")
    func layout() {
        let node = el("div") {
            el("p") { "a" }
            el("input", ["type": "search", "required": nil])
        }
        #expect(node.render() == "<div>\n<p>a</p><input type=\"search\" required></div>")
    }

    @Test("snippet markers become balanced <mark> elements around escaped text")
    func highlight() {
        #expect(SearchPage.highlight("a \u{02}titres\u{03} <b>") == "a <mark>titres</mark> &lt;b&gt;")
        #expect(SearchPage.highlight("\u{02}open") == "<mark>open</mark>")
        #expect(SearchPage.highlight("x\u{03}y\u{02}\u{02}z") == "xy<mark>z</mark>")
    }

    @Test("query values are percent-encoded")
    func paths() throws {
        #expect(SitePath.search(query: "préfecture & co", page: 2).path == "/recherche?q=pr%C3%A9fecture%20%26%20co&page=2")
        #expect(SitePath.section(try #require(Slug("asile")), page: 1).href(.ar) == "/rubriques/asile?lang=ar")
        #expect(SitePath.section(try #require(Slug("asile")), page: 3).href(.en) == "/rubriques/asile?page=3&lang=en")
    }
}

@Suite("String catalog and languages")
struct LocalizationTests {
    static func placeholders(_ text: String) -> [String] {
        ["%1", "%2", "%3"].filter { text.contains($0) }
    }

    @Test("every key has French, English and Arabic, with the same placeholders", arguments: UIString.allCases)
    func complete(_ key: UIString) throws {
        let entry = try #require(Catalog.entries[key])
        #expect(!entry.fr.isEmpty && !entry.en.isEmpty && !entry.ar.isEmpty)
        #expect(Self.placeholders(entry.en) == Self.placeholders(entry.fr))
        #expect(Self.placeholders(entry.ar) == Self.placeholders(entry.fr))
    }

    @Test("placeholders are filled in order")
    func fill() {
        #expect(Localizer(.fr)(.searchResultsMany, "12", "titre") == "12 résultats pour « titre »")
        #expect(Localizer(.en)(.pageOf, "2", "5") == "Page 2 of 5")
    }

    struct Negotiation: Sendable, CustomTestStringConvertible {
        let header: String?
        let expected: UILanguage
        var testDescription: String { header ?? "nil" }
    }

    @Test("Accept-Language picks the best supported language", arguments: [
        Negotiation(header: nil, expected: .fr),
        Negotiation(header: "ar-MA,ar;q=0.9,fr;q=0.8", expected: .ar),
        Negotiation(header: "en-GB,en;q=0.9", expected: .en),
        Negotiation(header: "de-DE,en;q=0.5,fr;q=0.7", expected: .fr),
        Negotiation(header: "es, pt", expected: .fr),
        Negotiation(header: "en;q=0, ar;q=0.1", expected: .ar),
        Negotiation(header: ";;;,,q=", expected: .fr),
    ])
    func negotiate(_ test: Negotiation) {
        #expect(UILanguage.negotiate(acceptLanguage: test.header) == test.expected)
    }

    @Test("dates are written out in each language")
    func dates() throws {
        let first = try #require(LocalDate(year: 2019, month: 11, day: 1))
        #expect(DateText.long(first, .fr) == "1er novembre 2019")
        #expect(DateText.long(first, .en) == "1 November 2019")
        #expect(DateText.long(try #require(LocalDate(year: 2024, month: 8, day: 15)), .fr) == "15 août 2024")
    }

    @Test("Arabic pages are laid out right to left")
    func rtl() {
        let html = DossierPages.about(context: PageContext(language: .ar, isLanguageExplicit: true, path: "/a-propos", updated: nil))
        #expect(html.contains("<html lang=\"ar\" dir=\"rtl\">"))
        #expect(html.contains("href=\"/?lang=ar\""))
    }
}

@Suite("Feeds")
struct FeedTests {
    @Test("Atom timestamps use the Paris offset in force at midnight", arguments: [
        ("2024-01-15", "2024-01-15T00:00:00+01:00"),
        ("2024-03-31", "2024-03-31T00:00:00+01:00"),  // change day: still winter time at midnight
        ("2024-04-01", "2024-04-01T00:00:00+02:00"),
        ("2024-10-27", "2024-10-27T00:00:00+02:00"),  // change day: still summer time at midnight
        ("2024-10-28", "2024-10-28T00:00:00+01:00"),
    ])
    func timestamps(_ date: String, _ expected: String) throws {
        #expect(AtomFeed.timestamp(try #require(LocalDate(iso: date))) == expected)
    }

    @Test("feed text is XML-escaped")
    func escaping() throws {
        let item = Item(
            id: try #require(Slug("a-b")), title: "Rapport <DDD> & co", kind: .rapport,
            date: try #require(LocalDate(iso: "2024-12-11")), sections: [], tags: [], summary: "« résumé »", body: "",
            sources: [])
        let xml = AtomFeed.render(
            title: "t", subtitle: "s", selfPath: "/flux.atom", alternatePath: "/", updated: item.date,
            entries: [AtomFeed.Entry(item: item, bodyHTML: "<p>x</p>", tagLabels: ["Conseil d'État"])],
            baseURL: "https://guichet.example")
        #expect(xml.contains("<title>Rapport &lt;DDD&gt; &amp; co</title>"))
        #expect(xml.contains("<content type=\"html\">&lt;p&gt;x&lt;/p&gt;</content>"))
        #expect(xml.contains("<id>https://guichet.example/dossier/a-b</id>"))
        #expect(xml.contains("term=\"Conseil d&#39;État\""))
    }
}
