/// A block of a Markdown document, pointing into the source lines it was parsed from.
indirect enum MarkdownBlock {
    /// An ATX heading: its number of `#` (1–6) and the line narrowed to its text.
    case heading(markers: Int, text: MarkdownLine)
    /// A paragraph: its lines, each narrowed past any container prefix.
    case paragraph([MarkdownLine])
    /// A horizontal rule.
    case rule
    /// A fenced code block: the first word of its info string and its content lines.
    case code(language: String?, lines: [MarkdownLine])
    /// A block quote and its content.
    case quote([MarkdownBlock])
    /// A bullet or ordered list.
    case list(MarkdownList)
}

/// A list: its kind, first number and items, each item a sequence of paragraphs and nested lists.
struct MarkdownList {
    var isOrdered: Bool
    var start: Int
    var items: [[MarkdownBlock]]
}
