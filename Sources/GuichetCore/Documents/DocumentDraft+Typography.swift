extension DocumentDraft {
    /// The draft with French typography (``FrenchTypography``) applied to every string it shows: the title,
    /// headings, runs, list items, lines, table cells, exhibit titles and captions.
    ///
    /// Every writer calls it first, so drafts are built with ordinary spaces and every format gets the same
    /// no-break spaces. The runs of a paragraph or of a list item are typeset together, so a rule may span
    /// two runs (« le **5** octobre »); emphasis and alignment are kept. Idempotent.
    public func typeset() -> DocumentDraft {
        DocumentDraft(
            title: FrenchTypography.apply(title),
            blocks: blocks.map(\.typeset),
            exhibits: exhibits.map(\.typeset))
    }
}

extension DocumentBlock {
    fileprivate var typeset: DocumentBlock {
        switch self {
        case .heading(let level, let text):
            .heading(level: level, text: FrenchTypography.apply(text))
        case .paragraph(let runs, let alignment):
            .paragraph(Self.typeset(runs), alignment: alignment)
        case .list(let ordered, let items):
            .list(ordered: ordered, items: items.map(Self.typeset))
        case .lines(let lines, let alignment):
            .lines(lines.map(FrenchTypography.apply), alignment: alignment)
        case .table(let rows):
            .table(rows: rows.map { $0.map(FrenchTypography.apply) })
        case .pageBreak:
            .pageBreak
        }
    }

    private static func typeset(_ runs: [TextRun]) -> [TextRun] {
        let texts = FrenchTypography.apply(runs: runs.map(\.text))
        return zip(runs, texts).map { run, text in
            var run = run
            run.text = text
            return run
        }
    }
}

extension Exhibit {
    fileprivate var typeset: Exhibit {
        var exhibit = self
        exhibit.title = FrenchTypography.apply(title)
        exhibit.caption = caption.map(FrenchTypography.apply)
        return exhibit
    }
}
