/// Renders the blocks of a Markdown source as an HTML fragment, plain text, links and headings.
struct MarkdownRenderer {
    private(set) var html = ""
    private(set) var plainText = ""
    private(set) var links: [MarkdownLink] = []
    private(set) var headings: [MarkdownHeading] = []

    private let source: MarkdownSource
    private var output: [UInt8] = []
    private var plain: [UInt8] = []
    private var ids = MarkdownHeadingIDs()

    init(source: String) {
        self.source = MarkdownSource(source)
    }

    mutating func render() {
        let blocks = MarkdownBlockParser(bytes: source.bytes).parse(source.lines)
        output.reserveCapacity(source.bytes.count + source.bytes.count / 4)
        render(blocks)
        html = String(decoding: output, as: UTF8.self)
        plainText = String(decoding: plain, as: UTF8.self)
    }

    // MARK: - Blocks

    /// Recursion is bounded: block quotes nest at most `MarkdownBlockParser.maximumQuoteDepth` deep and lists
    /// one level.
    private mutating func render(_ blocks: [MarkdownBlock]) {
        for block in blocks {
            switch block {
            case .heading(let markers, let text):
                renderHeading(markers: markers, text: text)
            case .paragraph(let lines):
                let inline = renderInline(lines)
                write("<p>")
                output.append(contentsOf: inline.html)
                write("</p>\n")
                addPlainBlock(inline.plain)
            case .rule:
                write("<hr>\n")
            case .code(let language, let lines):
                renderCode(language: language, lines: lines)
            case .quote(let content):
                write("<blockquote>\n")
                render(content)
                write("</blockquote>\n")
            case .list(let list):
                let tag = list.isOrdered ? "ol" : "ul"
                write(list.isOrdered && list.start != 1 ? "<ol start=\"\(list.start)\">\n" : "<\(tag)>\n")
                for item in list.items {
                    renderItem(item)
                }
                write("</\(tag)>\n")
            }
        }
    }

    /// `#` and `##` become `h2` (the page owns `h1`), deeper levels follow, capped at `h6`. A heading with no
    /// visible text is dropped: the HTML checker rejects empty headings.
    private mutating func renderHeading(markers: Int, text: MarkdownLine) {
        let inline = renderInline([text])
        let title = MarkdownInlineParser.trimmed(inline.plain)
        guard !title.isEmpty else { return }
        let level = min(6, max(2, markers))
        let id = ids.unique(for: title)
        headings.append(MarkdownHeading(level: level, text: title, id: id, line: text.number))
        write("<h\(level) id=\"")
        MarkdownHTML.appendEscaped(id.utf8, to: &output)
        write("\">")
        output.append(contentsOf: inline.html)
        write("</h\(level)>\n")
        addPlainBlock(Array(title.utf8))
    }

    /// The content is escaped; trailing white space is dropped from each line.
    private mutating func renderCode(language: String?, lines: [MarkdownLine]) {
        write("<pre><code")
        if let language {
            write(" class=\"language-")
            MarkdownHTML.appendEscaped(language.utf8, to: &output)
            write("\"")
        }
        write(">")
        var text: [UInt8] = []
        for (index, line) in lines.enumerated() {
            var end = line.end
            while end > line.start, MarkdownByte.isSpaceOrTab(source.bytes[end - 1]) { end -= 1 }
            let content = source.bytes[min(line.start, end)..<end]
            MarkdownHTML.appendEscaped(content, to: &output)
            output.append(MarkdownByte.newline)
            if index > 0 { text.append(MarkdownByte.newline) }
            text.append(contentsOf: content)
        }
        write("</code></pre>\n")
        addPlainBlock(text)
    }

    /// A list item with at most one paragraph, coming first, is tight: its text sits in the `li` directly.
    private mutating func renderItem(_ blocks: [MarkdownBlock]) {
        let paragraphs = blocks.filter {
            if case .paragraph = $0 { return true }
            return false
        }.count
        guard let first = blocks.first else {
            write("<li></li>\n")
            return
        }
        if case .paragraph(let lines) = first, paragraphs == 1 {
            let inline = renderInline(lines)
            write("<li>")
            output.append(contentsOf: inline.html)
            addPlainBlock(inline.plain)
            if blocks.count > 1 {
                write("\n")
                render(Array(blocks.dropFirst()))
            }
            write("</li>\n")
        } else {
            write("<li>\n")
            render(blocks)
            write("</li>\n")
        }
    }

    // MARK: - Helpers

    private mutating func renderInline(_ lines: [MarkdownLine]) -> MarkdownInlineParser.Output {
        var parser = MarkdownInlineParser(source: source.bytes, lines: lines)
        let inline = parser.parse()
        links.append(contentsOf: inline.links)
        return inline
    }

    private mutating func addPlainBlock(_ text: [UInt8]) {
        guard !MarkdownInlineParser.isBlank(text) else { return }
        if !plain.isEmpty { plain.append(contentsOf: "\n\n".utf8) }
        plain.append(contentsOf: text)
    }

    private mutating func write(_ string: String) {
        output.append(contentsOf: string.utf8)
    }
}
