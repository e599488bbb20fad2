import Testing

@testable import GuichetCore

/// A link target and whether the renderer may make it a link.
struct MarkdownURLCase: Sendable, CustomTestStringConvertible {
    let url: String
    let isAllowed: Bool

    var testDescription: String { "\(url) → \(isAllowed ? "link" : "text")" }
}

/// A URL and its `href` spelling.
struct MarkdownHrefCase: Sendable, CustomTestStringConvertible {
    let url: String
    let href: String

    var testDescription: String { url }
}

@Suite("Markdown links")
struct MarkdownLinkTests {
    static let urls: [MarkdownURLCase] = [
        .init(url: "https://www.service-public.fr/particuliers", isAllowed: true),
        .init(url: "http://exemple.fr", isAllowed: true),
        .init(url: "HTTPS://EXEMPLE.FR/A", isAllowed: true),
        .init(url: "https://user@exemple.fr:8443/a?b#c", isAllowed: true),
        .init(url: "https://élysée.fr/", isAllowed: true),
        .init(url: "http://[::1]:8080/", isAllowed: true),
        .init(url: "mailto:contact@exemple.fr", isAllowed: true),
        .init(url: "/dossier/section-1", isAllowed: true),
        .init(url: "/", isAllowed: true),
        .init(url: "#delais", isAllowed: true),
        .init(url: "javascript:alert(1)", isAllowed: false),
        .init(url: "JavaScript:alert(1)", isAllowed: false),
        .init(url: "vbscript:msgbox(1)", isAllowed: false),
        .init(url: "data:text/html;base64,PHNjcmlwdD4=", isAllowed: false),
        .init(url: "file:///etc/passwd", isAllowed: false),
        .init(url: "ftp://exemple.fr", isAllowed: false),
        .init(url: "//evil.example", isAllowed: false),
        .init(url: "/\\evil.example", isAllowed: false),
        .init(url: "page.html", isAllowed: false),
        .init(url: "../page", isAllowed: false),
        .init(url: "java&#115;cript:alert(1)", isAllowed: false),
        .init(url: "http://", isAllowed: false),
        .init(url: "https://a b.fr", isAllowed: false),
        .init(url: "https://a.fr:80x/", isAllowed: false),
        .init(url: "mailto:", isAllowed: false),
        .init(url: "", isAllowed: false),
    ]

    @Test("only http, https, mailto, /path and #fragment targets become links", arguments: urls)
    func policy(_ example: MarkdownURLCase) {
        let document = MarkdownDocument("[texte](<\(example.url)>)")
        #expect(document.links == [MarkdownLink(url: example.url, text: "texte", line: 1)])
        #expect(document.links.first?.isAllowed == example.isAllowed)
        #expect(document.html.contains("<a ") == example.isAllowed)
        #expect(document.html.contains("texte"))
    }

    @Test("an unsafe autolink renders as text and is still listed")
    func unsafeAutolink() {
        let document = MarkdownDocument("<javascript:alert(1)>")
        #expect(document.html == "<p>javascript:alert(1)</p>\n")
        #expect(document.links == [MarkdownLink(url: "javascript:alert(1)", text: "javascript:alert(1)", line: 1)])
    }

    @Test("a bare javascript: destination with parentheses is recognised and neutralised")
    func unsafeBareDestination() {
        let document = MarkdownDocument("[clic](javascript:alert(document.cookie))")
        #expect(document.html == "<p>clic</p>\n")
        #expect(document.links.map(\.url) == ["javascript:alert(document.cookie)"])
    }

    static let hrefs: [MarkdownHrefCase] = [
        .init(url: "https://exemple.fr/a b", href: "https://exemple.fr/a%20b"),
        .init(url: "/chemin/é", href: "/chemin/%C3%A9"),
        .init(url: "/a%2Fb", href: "/a%2Fb"),
        .init(url: "/a%zz", href: "/a%25zz"),
        .init(url: "#a#b", href: "#a%23b"),
        .init(url: "/a[b]", href: "/a%5Bb%5D"),
        .init(url: "http://[::1]/x", href: "http://[::1]/x"),
        .init(url: "/a?b=1&c='d'", href: "/a?b=1&c='d'"),
        .init(url: "mailto:x@y.fr?subject=Délai", href: "mailto:x@y.fr?subject=D%C3%A9lai"),
        .init(url: "/a\"<b>\\", href: "/a%22%3Cb%3E%5C"),
    ]

    @Test("href values are percent-encoded so the HTML checker accepts them", arguments: hrefs)
    func href(_ example: MarkdownHrefCase) {
        #expect(MarkdownURLPolicy.href(example.url) == example.href)
    }

    @Test("links are listed in order with their source line, in paragraphs, headings, lists and quotes")
    func lineNumbers() {
        let markdown = """
            # Titre avec [lien](/titre)

            Un paragraphe
            avec [un lien](https://a.fr) et
            [un autre
            sur deux lignes](/b).

            - item [i1](/i1)
              - imbriqué [i2](/i2)
            suite [i3](/i3)

            > citation
            > - [q1](javascript:x)
            > > [q2](#ancre) <https://auto.fr>

            ```
            [pas un lien](/code)
            ```
            """
        #expect(
            MarkdownDocument(markdown).links == [
                MarkdownLink(url: "/titre", text: "lien", line: 1),
                MarkdownLink(url: "https://a.fr", text: "un lien", line: 4),
                MarkdownLink(url: "/b", text: "un autre sur deux lignes", line: 5),
                MarkdownLink(url: "/i1", text: "i1", line: 8),
                MarkdownLink(url: "/i2", text: "i2", line: 9),
                MarkdownLink(url: "/i3", text: "i3", line: 10),
                MarkdownLink(url: "javascript:x", text: "q1", line: 13),
                MarkdownLink(url: "#ancre", text: "q2", line: 14),
                MarkdownLink(url: "https://auto.fr", text: "https://auto.fr", line: 14),
            ]
        )
    }

    @Test("link text is plain: markup dropped, line breaks as spaces")
    func linkText() {
        let document = MarkdownDocument("[**Délai** `d’appel`\nde *deux* mois](/delais)")
        #expect(document.links == [MarkdownLink(url: "/delais", text: "Délai d’appel de deux mois", line: 1)])
    }

    @Test("backslash escapes are resolved in destinations and titles")
    func escapedDestination() {
        let document = MarkdownDocument("[a](/x\\)y \"t\\\"\")")
        #expect(document.links.map(\.url) == ["/x)y"])
        #expect(document.html == "<p><a href=\"/x)y\" title=\"t&quot;\">a</a></p>\n")
    }
}
