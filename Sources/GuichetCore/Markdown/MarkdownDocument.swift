/// An editorial Markdown body, parsed once into a safe HTML fragment, plain text, links and headings.
///
/// The dialect is a small subset of CommonMark chosen for the dossier's editors: ATX headings, paragraphs,
/// bullet and ordered lists (one level of nesting), block quotes, horizontal rules, fenced code blocks,
/// strong and emphasis, code spans, inline links, autolinks and backslash escapes. Everything else is text.
///
/// The renderer is built for hostile input: it never traps, never recurses deeper than a small fixed bound
/// and runs in time linear in the length of the source. All text and attribute values are HTML-escaped, raw
/// HTML is shown as text, and only `http:`, `https:`, `mailto:`, `/…` and `#…` link targets become links.
public struct MarkdownDocument: Sendable, Equatable {
    /// The rendered HTML fragment: one block element per line, each line ending in `\n`, no trailing spaces.
    ///
    /// Body headings are demoted because the page owns its `h1`: `#` and `##` become `h2`, `###` `h3`,
    /// and so on, capped at `h6`.
    public let html: String
    /// The text without markup, for the search index and summaries; blocks are separated by a blank line.
    public let plainText: String
    /// Every link target of the source in reading order, including those the URL policy rendered as text
    /// (see ``MarkdownLink/isAllowed``); `![alt](src)` is not part of the dialect and is neither shown nor listed.
    public let links: [MarkdownLink]
    /// The headings that were rendered, in order, with their document-unique `id`.
    public let headings: [MarkdownHeading]

    /// Parses and renders `source` once.
    public init(_ source: String) {
        var renderer = MarkdownRenderer(source: source)
        renderer.render()
        html = renderer.html
        plainText = renderer.plainText
        links = renderer.links
        headings = renderer.headings
    }
}

/// A link target found in a Markdown source.
public struct MarkdownLink: Sendable, Equatable {
    /// The destination as written, after backslash escapes are resolved; not percent-encoded.
    public let url: String
    /// The link text without markup.
    public let text: String
    /// The 1-based source line where the link starts.
    public let line: Int

    /// Creates a link record.
    public init(url: String, text: String, line: Int) {
        self.url = url
        self.text = text
        self.line = line
    }

    /// Whether the renderer made it a link: only `http://`, `https://`, `mailto:`, `/path` and `#fragment`
    /// targets are allowed; `javascript:`, `data:`, `//host` and relative paths are rendered as text.
    public var isAllowed: Bool { MarkdownURLPolicy.isAllowed(url) }
}

/// A rendered heading of a Markdown source.
public struct MarkdownHeading: Sendable, Equatable {
    /// The rendered HTML level, 2…6 (the page owns `h1`).
    public let level: Int
    /// The heading text without markup.
    public let text: String
    /// The `id` attribute: an ASCII slug of the text, made unique within the document with `-2`, `-3`….
    public let id: String
    /// The 1-based source line of the heading.
    public let line: Int

    /// Creates a heading record.
    public init(level: Int, text: String, id: String, line: Int) {
        self.level = level
        self.text = text
        self.id = id
        self.line = line
    }
}
