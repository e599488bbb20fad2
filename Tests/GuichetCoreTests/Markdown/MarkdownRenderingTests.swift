import Testing

@testable import GuichetCore

/// One Markdown input and the exact HTML fragment it must render to.
struct MarkdownRenderingCase: Sendable, CustomTestStringConvertible {
    let name: String
    let markdown: String
    let html: String

    var testDescription: String { name }
}

@Suite("Markdown rendering")
struct MarkdownRenderingTests {
    static let blocks: [MarkdownRenderingCase] = [
        .init(name: "body # is demoted to h2", markdown: "# Titre", html: "<h2 id=\"titre\">Titre</h2>\n"),
        .init(name: "## stays h2", markdown: "## Sous-titre", html: "<h2 id=\"sous-titre\">Sous-titre</h2>\n"),
        .init(name: "### is h3", markdown: "### Trois", html: "<h3 id=\"trois\">Trois</h3>\n"),
        .init(name: "###### is h6", markdown: "###### Six", html: "<h6 id=\"six\">Six</h6>\n"),
        .init(name: "seven # are text", markdown: "####### Sept", html: "<p>####### Sept</p>\n"),
        .init(name: "# needs a space", markdown: "#Collé", html: "<p>#Collé</p>\n"),
        .init(name: "closing # are dropped", markdown: "## Fin ##", html: "<h2 id=\"fin\">Fin</h2>\n"),
        .init(name: "escaped # stays", markdown: "# C\\#", html: "<h2 id=\"c\">C#</h2>\n"),
        .init(
            name: "paragraph lines are joined", markdown: "Une ligne\net une autre",
            html: "<p>Une ligne et une autre</p>\n"),
        .init(name: "two trailing spaces break the line", markdown: "a  \nb", html: "<p>a<br>b</p>\n"),
        .init(name: "a trailing backslash breaks the line", markdown: "a\\\nb", html: "<p>a<br>b</p>\n"),
        .init(name: "one trailing space does not", markdown: "a \nb", html: "<p>a b</p>\n"),
        .init(name: "blank line separates paragraphs", markdown: "a\n\n\nb", html: "<p>a</p>\n<p>b</p>\n"),
        .init(name: "CRLF line endings", markdown: "a\r\nb\r\n\r\nc", html: "<p>a b</p>\n<p>c</p>\n"),
        .init(name: "--- is a rule", markdown: "a\n\n---\n\nb", html: "<p>a</p>\n<hr>\n<p>b</p>\n"),
        .init(name: "*** is a rule", markdown: "***", html: "<hr>\n"),
        .init(name: "- - - is a rule, not a list", markdown: "- - -", html: "<hr>\n"),
        .init(
            name: "fenced code is escaped, with its language",
            markdown: "```swift\nlet a = 1 < 2 && b\n\n  indented\n```",
            html: "<pre><code class=\"language-swift\">let a = 1 &lt; 2 &amp;&amp; b\n\n  indented\n</code></pre>\n"
        ),
        .init(
            name: "tilde fence", markdown: "~~~\n# pas un titre\n~~~",
            html: "<pre><code># pas un titre\n</code></pre>\n"),
        .init(name: "unclosed fence runs to the end", markdown: "```\ncode", html: "<pre><code>code\n</code></pre>\n"),
        .init(
            name: "fence content loses the fence indentation",
            markdown: "  ```\n  a\n    b\n  ```", html: "<pre><code>a\n  b\n</code></pre>\n"
        ),
        .init(name: "bullet list", markdown: "- a\n- b", html: "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n"),
        .init(
            name: "*, + and - make one list", markdown: "* a\n+ b\n- c",
            html: "<ul>\n<li>a</li>\n<li>b</li>\n<li>c</li>\n</ul>\n"),
        .init(name: "ordered list", markdown: "1. a\n2. b", html: "<ol>\n<li>a</li>\n<li>b</li>\n</ol>\n"),
        .init(
            name: "ordered list from 3", markdown: "3. a\n4. b",
            html: "<ol start=\"3\">\n<li>a</li>\n<li>b</li>\n</ol>\n"),
        .init(
            name: "bullets then numbers are two lists", markdown: "- a\n1. b",
            html: "<ul>\n<li>a</li>\n</ul>\n<ol>\n<li>b</li>\n</ol>\n"
        ),
        .init(
            name: "nested bullet list", markdown: "- a\n  - b\n  - c\n- d",
            html: "<ul>\n<li>a\n<ul>\n<li>b</li>\n<li>c</li>\n</ul>\n</li>\n<li>d</li>\n</ul>\n"
        ),
        .init(
            name: "nested ordered list starting at 2", markdown: "- a\n  2. b\n  3. c",
            html: "<ul>\n<li>a\n<ol start=\"2\">\n<li>b</li>\n<li>c</li>\n</ol>\n</li>\n</ul>\n"
        ),
        .init(
            name: "deeper indentation stays at the nested level", markdown: "- a\n  - b\n    - c",
            html: "<ul>\n<li>a\n<ul>\n<li>b</li>\n<li>c</li>\n</ul>\n</li>\n</ul>\n"
        ),
        .init(name: "lazy continuation line", markdown: "- a\nsuite", html: "<ul>\n<li>a suite</li>\n</ul>\n"),
        .init(name: "indented continuation line", markdown: "1. a\n   suite", html: "<ol>\n<li>a suite</li>\n</ol>\n"),
        .init(
            name: "item with two paragraphs", markdown: "1. a\n\n   b\n2. c",
            html: "<ol>\n<li>\n<p>a</p>\n<p>b</p>\n</li>\n<li>c</li>\n</ol>\n"
        ),
        .init(
            name: "blank lines between items keep one list", markdown: "- a\n\n- b",
            html: "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n"
        ),
        .init(
            name: "list ends at an unindented paragraph", markdown: "- a\n\nTexte",
            html: "<ul>\n<li>a</li>\n</ul>\n<p>Texte</p>\n"),
        .init(name: "empty item", markdown: "-\n- b", html: "<ul>\n<li></li>\n<li>b</li>\n</ul>\n"),
        .init(
            name: "a year does not interrupt a paragraph", markdown: "En\n2024. Une année",
            html: "<p>En 2024. Une année</p>\n"),
        .init(
            name: "a bullet interrupts a paragraph", markdown: "Liste :\n- a",
            html: "<p>Liste\u{A0}:</p>\n<ul>\n<li>a</li>\n</ul>\n"),
        .init(
            name: "block quote", markdown: "> Une citation\n> sur deux lignes",
            html: "<blockquote>\n<p>Une citation sur deux lignes</p>\n</blockquote>\n"
        ),
        .init(
            name: "block quote with paragraphs and a list", markdown: "> Texte\n>\n> - a\n> - b\n>\n> Fin",
            html: "<blockquote>\n<p>Texte</p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<p>Fin</p>\n</blockquote>\n"
        ),
        .init(
            name: "nested block quote", markdown: "> > a\n> b",
            html: "<blockquote>\n<blockquote>\n<p>a</p>\n</blockquote>\n<p>b</p>\n</blockquote>\n"
        ),
        .init(
            name: "heading in a quote", markdown: "> # Titre",
            html: "<blockquote>\n<h2 id=\"titre\">Titre</h2>\n</blockquote>\n"),
        .init(name: "empty document", markdown: "", html: ""),
        .init(name: "blank document", markdown: " \n\t\n  ", html: ""),
    ]

    @Test("renders each block construct", arguments: blocks)
    func block(_ example: MarkdownRenderingCase) {
        #expect(MarkdownDocument(example.markdown).html == example.html)
    }

    static let inlines: [MarkdownRenderingCase] = [
        .init(
            name: "strong and emphasis", markdown: "**fort** et __fort__, *em* et _em_",
            html: "<strong>fort</strong> et <strong>fort</strong>, <em>em</em> et <em>em</em>"
        ),
        .init(name: "both at once", markdown: "***les deux***", html: "<em><strong>les deux</strong></em>"),
        .init(name: "emphasis inside strong", markdown: "**a *b* c**", html: "<strong>a <em>b</em> c</strong>"),
        .init(name: "_ inside words is text", markdown: "un_mot_composé", html: "un_mot_composé"),
        .init(name: "* inside words is emphasis", markdown: "2*3*4", html: "2<em>3</em>4"),
        .init(name: "unmatched delimiters are text", markdown: "**a *b", html: "**a *b"),
        .init(name: "a lone star between spaces is text", markdown: "3 * 4 = 12", html: "3 * 4 = 12"),
        .init(name: "code span is escaped", markdown: "`a <b> & c`", html: "<code>a &lt;b&gt; &amp; c</code>"),
        .init(name: "code span with a backtick", markdown: "`` a ` b ``", html: "<code>a ` b</code>"),
        .init(name: "no emphasis in code", markdown: "`*a*`", html: "<code>*a*</code>"),
        .init(name: "unclosed backticks are text", markdown: "``a`", html: "``a`"),
        .init(
            name: "backslash escapes", markdown: "\\*pas em\\* \\[pas lien\\] \\\\ \\a",
            html: "*pas em* [pas lien] \\ \\a"),
        .init(name: "link", markdown: "[texte](https://exemple.fr)", html: "<a href=\"https://exemple.fr\">texte</a>"),
        .init(
            name: "link with title", markdown: "[t](/a \"Un titre\")", html: "<a href=\"/a\" title=\"Un titre\">t</a>"),
        .init(name: "link with pointy destination", markdown: "[t](</a b>)", html: "<a href=\"/a%20b\">t</a>"),
        .init(name: "link with parentheses", markdown: "[t](/a_(b))", html: "<a href=\"/a_(b)\">t</a>"),
        .init(name: "emphasis in a link", markdown: "[*a* b](#x)", html: "<a href=\"#x\"><em>a</em> b</a>"),
        .init(name: "link in emphasis", markdown: "*voir [ici](#x)*", html: "<em>voir <a href=\"#x\">ici</a></em>"),
        .init(name: "emphasis cannot cross a link", markdown: "*a [b* c](#x)", html: "*a <a href=\"#x\">b* c</a>"),
        .init(name: "links do not nest", markdown: "[a [b](#b) c](#a)", html: "[a <a href=\"#b\">b</a> c](#a)"),
        .init(
            name: "empty link text shows the target", markdown: "[](https://a.fr)",
            html: "<a href=\"https://a.fr\">https://a.fr</a>"),
        .init(name: "brackets without a target are text", markdown: "[a] [b][c] [d](", html: "[a] [b][c] [d]("),
        .init(name: "images are text", markdown: "![alt](/img.png)", html: "![alt](/img.png)"),
        .init(
            name: "autolink", markdown: "<https://exemple.fr/a?b=1&c=2>",
            html: "<a href=\"https://exemple.fr/a?b=1&amp;c=2\">https://exemple.fr/a?b=1&amp;c=2</a>"
        ),
        .init(
            name: "mailto autolink", markdown: "<mailto:a@b.fr>", html: "<a href=\"mailto:a@b.fr\">mailto:a@b.fr</a>"),
        .init(name: "bare URLs are text", markdown: "https://exemple.fr", html: "https://exemple.fr"),
        .init(
            name: "existing no-break spaces survive, French typography adds the missing ones",
            markdown: "« Délai »\u{A0}: l’œuvre\u{202F}! Æ", html: "«\u{202F}Délai\u{202F}»\u{A0}: l’œuvre\u{202F}! Æ"
        ),
        .init(
            name: "French typography spans emphasis and links",
            markdown: "« *texte* » et [le 5 octobre](#x) 2026 : **vraiment** ?",
            html: "«\u{202F}<em>texte</em>\u{202F}» et <a href=\"#x\">le 5\u{A0}octobre</a>\u{A0}2026\u{A0}: <strong>vraiment</strong>\u{202F}?"
        ),
        .init(
            name: "a soft line break before ? becomes a no-break space", markdown: "Pourquoi\n?",
            html: "Pourquoi\u{202F}?"),
        .init(
            name: "code spans, link targets and titles keep their spaces",
            markdown: "`a : b` [voir](https://a.fr/?q=x \"Titre : ici\") « `x` »",
            html: "<code>a : b</code> <a href=\"https://a.fr/?q=x\" title=\"Titre : ici\">voir</a> «\u{202F}<code>x</code>\u{202F}»"
        ),
        .init(
            name: "autolinks and bare URLs are never typeset", markdown: "<https://a.fr/x?y> https://b.fr/?q=a:b!",
            html: "<a href=\"https://a.fr/x?y\">https://a.fr/x?y</a> https://b.fr/?q=a:b!"),
        .init(
            name: "emphasis inside guillemets with no-break spaces",
            markdown: "«\u{A0}*texte*\u{A0}» et “**fort**”",
            html: "«\u{A0}<em>texte</em>\u{A0}» et “<strong>fort</strong>”"
        ),
        .init(
            name: "control characters become U+FFFD", markdown: "a\u{0}b\u{7}c\u{85}d",
            html: "a\u{FFFD}b\u{FFFD}c\u{FFFD}d"),
    ]

    @Test("renders each inline construct", arguments: inlines)
    func inline(_ example: MarkdownRenderingCase) {
        #expect(MarkdownDocument(example.markdown).html == "<p>" + example.html + "</p>\n")
    }

    static let escaping: [MarkdownRenderingCase] = [
        .init(
            name: "script in text", markdown: "<script>alert('x')</script>",
            html: "<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</p>\n"
        ),
        .init(
            name: "raw HTML block", markdown: "<div onclick=\"x()\">\nsalut\n</div>",
            html: "<p>&lt;div onclick=&quot;x()&quot;&gt; salut &lt;/div&gt;</p>\n"
        ),
        .init(
            name: "script in link text", markdown: "[<script>x</script>](/a)",
            html: "<p><a href=\"/a\">&lt;script&gt;x&lt;/script&gt;</a></p>\n"
        ),
        .init(
            name: "quote breaking out of href", markdown: "[a](/x\"onmouseover=alert(1))",
            html: "<p><a href=\"/x%22onmouseover=alert(1)\">a</a></p>\n"
        ),
        .init(name: "script in URL", markdown: "[a](/<script>)", html: "<p><a href=\"/%3Cscript%3E\">a</a></p>\n"),
        .init(
            name: "script and quotes in title", markdown: "[a](/x \"<script>\\\"'\")",
            html: "<p><a href=\"/x\" title=\"&lt;script&gt;&quot;&#39;\">a</a></p>\n"
        ),
        .init(
            name: "quote in autolink", markdown: "<https://a.fr/x\"onclick=\"y>",
            html: "<p><a href=\"https://a.fr/x%22onclick=%22y\">https://a.fr/x&quot;onclick=&quot;y</a></p>\n"
        ),
        .init(
            name: "tags in a heading", markdown: "# <b>Titre</b>",
            html: "<h2 id=\"b-titre-b\">&lt;b&gt;Titre&lt;/b&gt;</h2>\n"
        ),
        .init(
            name: "closing tags in code", markdown: "```\n</code></pre><script>\n```",
            html: "<pre><code>&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;\n</code></pre>\n"
        ),
        .init(
            name: "attribute in a code language", markdown: "```\"><script>\nx\n```",
            html: "<pre><code>x\n</code></pre>\n"),
        .init(name: "entities are text", markdown: "AT&T &amp; &#60;", html: "<p>AT&amp;T &amp;amp; &amp;#60;</p>\n"),
    ]

    @Test("escapes text and attributes", arguments: escaping)
    func escapes(_ example: MarkdownRenderingCase) {
        #expect(MarkdownDocument(example.markdown).html == example.html)
    }

    @Test("plain text drops markup and separates blocks by a blank line")
    func plainText() {
        let markdown = """
            # Titre

            Un *paragraphe* avec [lien](/a), `code`
            et <https://b.fr>.\\
            Ligne forcée.

            - un
            - deux
              - trois

            > cité

            ---

            ```
            code <brut>
            ```
            """
        #expect(
            MarkdownDocument(markdown).plainText == """
                Titre

                Un paragraphe avec lien, code et https://b.fr.
                Ligne forcée.

                un

                deux

                trois

                cité

                code <brut>
                """
        )
    }

    @Test("French typography is in the HTML only: plain text, headings and links keep the source's spaces")
    func typographyInHTMLOnly() {
        let document = MarkdownDocument("# Délai : le 5 octobre\n\nPourquoi ? Voir [« ici »](/a).")
        #expect(
            document.html
                == "<h2 id=\"delai-le-5-octobre\">Délai\u{A0}: le 5\u{A0}octobre</h2>\n<p>Pourquoi\u{202F}? Voir <a href=\"/a\">«\u{202F}ici\u{202F}»</a>.</p>\n"
        )
        #expect(document.plainText == "Délai : le 5 octobre\n\nPourquoi ? Voir « ici ».")
        #expect(document.headings.map(\.text) == ["Délai : le 5 octobre"])
        #expect(document.links.map(\.text) == ["« ici »"])
    }

    @Test("output has one block per line and no trailing white space")
    func lineLayout() {
        let html = MarkdownDocument("# T  \n\ntexte   \n\n- a  \n  - b \n\n```\ncode   \n```\n\n> q  ").html
        #expect(
            html == "<h2 id=\"t\">T</h2>\n<p>texte</p>\n<ul>\n<li>a\n<ul>\n<li>b</li>\n</ul>\n</li>\n</ul>\n"
                + "<pre><code>code\n</code></pre>\n<blockquote>\n<p>q</p>\n</blockquote>\n")
        #expect(!html.split(separator: "\n").contains { $0.hasSuffix(" ") || $0.hasSuffix("\t") })
    }
}
