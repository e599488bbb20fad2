import Testing

@testable import GuichetCore

/// A heading text and its slug.
struct MarkdownSlugCase: Sendable, CustomTestStringConvertible {
    let text: String
    let slug: String

    var testDescription: String { text }
}

@Suite("Markdown headings")
struct MarkdownHeadingTests {
    static let slugs: [MarkdownSlugCase] = [
        .init(text: "Délai d’appel : œuvre", slug: "delai-d-appel-oeuvre"),
        .init(text: "« Référé mesures utiles »", slug: "refere-mesures-utiles"),
        .init(text: "ÆSØP, Straße & Łódź", slug: "aesop-strasse-lodz"),
        .init(text: "Article L. 521-3 du CJA", slug: "article-l-521-3-du-cja"),
        .init(text: "e\u{301}te\u{301}", slug: "ete"),
        .init(text: "Право на жительство", slug: MarkdownHeadingIDs.fallback),
        .init(text: "!!!", slug: MarkdownHeadingIDs.fallback),
        .init(text: "  --a--  ", slug: "a"),
    ]

    @Test("ids are ASCII-folded slugs of the text", arguments: slugs)
    func slug(_ example: MarkdownSlugCase) {
        #expect(MarkdownHeadingIDs.slug(example.text) == example.slug)
        #expect(Slug(MarkdownHeadingIDs.slug(example.text)) != nil)
    }

    @Test("long slugs are cut and still valid")
    func longSlug() {
        let slug = MarkdownHeadingIDs.slug(String(repeating: "mot ", count: 100))
        #expect(slug.utf8.count <= MarkdownHeadingIDs.maximumLength)
        #expect(Slug(slug) != nil)
    }

    @Test("ids are unique within a document")
    func uniqueIDs() {
        let document = MarkdownDocument("# Foo\n## Foo\n### Foo 2\n#### Foo\n> # Foo")
        #expect(document.headings.map(\.id) == ["foo", "foo-2", "foo-2-2", "foo-3", "foo-4"])
        #expect(document.html.contains("<h4 id=\"foo-3\">Foo</h4>"))
    }

    @Test("levels are demoted under the page's h1 and capped at h6, with their text and line")
    func levels() {
        let document = MarkdownDocument("# Un\n\n## Deux\n### *Trois*\n#### Quatre\n##### Cinq\n###### Six")
        #expect(
            document.headings == [
                MarkdownHeading(level: 2, text: "Un", id: "un", line: 1),
                MarkdownHeading(level: 2, text: "Deux", id: "deux", line: 3),
                MarkdownHeading(level: 3, text: "Trois", id: "trois", line: 4),
                MarkdownHeading(level: 4, text: "Quatre", id: "quatre", line: 5),
                MarkdownHeading(level: 5, text: "Cinq", id: "cinq", line: 6),
                MarkdownHeading(level: 6, text: "Six", id: "six", line: 7),
            ]
        )
    }

    @Test("empty headings are dropped but their links are still listed")
    func emptyHeadings() {
        let document = MarkdownDocument("#\n# ##\n#  \u{A0} \n# [](javascript:x)\n# Vrai")
        #expect(document.html == "<h2 id=\"vrai\">Vrai</h2>\n")
        #expect(document.headings.map(\.text) == ["Vrai"])
        #expect(document.links.map(\.url) == ["javascript:x"])
    }
}
