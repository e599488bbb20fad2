import Testing

@testable import GuichetCore

private let nb = "\u{00A0}"
private let nn = "\u{202F}"

@Suite("Typesetting a document draft")
struct DocumentDraftTypographyTests {
    static let draft = DocumentDraft(
        title: "Requête en référé « mesures utiles »",
        blocks: [
            .heading(level: 2, text: "I. Faits : les tentatives"),
            .paragraph(
                [TextRun("Le "), TextRun("5", bold: true), TextRun(" octobre 2026 à 8 h 59 ; aucun créneau !")],
                alignment: .left),
            .list(ordered: true, items: [[TextRun("M. Dupont"), TextRun(" ?", italic: true)], [TextRun("n°3")]]),
            .lines(["Mme Ayşe Yılmaz-Nguyễn", "93200 Saint-Denis"], alignment: .right),
            .table(rows: [["N°", "Pièce"], ["1", "Capture « aucun créneau » du 1er mars 2021"]]),
            .pageBreak,
        ],
        exhibits: [
            Exhibit(
                number: 1, title: "Capture du 5 octobre 2026", caption: ["SHA-256 : 00ff", "https://a.fr/?q=x"],
                content: .png([1, 2, 3]))
        ])

    static let expected = DocumentDraft(
        title: "Requête en référé «\(nn)mesures utiles\(nn)»",
        blocks: [
            .heading(level: 2, text: "I. Faits\(nb): les tentatives"),
            .paragraph(
                [
                    TextRun("Le "), TextRun("5", bold: true),
                    TextRun("\(nb)octobre\(nb)2026 à 8\(nb)h\(nb)59\(nn); aucun créneau\(nn)!"),
                ],
                alignment: .left),
            .list(
                ordered: true,
                items: [[TextRun("M.\(nb)Dupont"), TextRun("\(nn)?", italic: true)], [TextRun("n°\(nb)3")]]),
            .lines(["Mme\(nb)Ayşe Yılmaz-Nguyễn", "93200 Saint-Denis"], alignment: .right),
            .table(rows: [["N°", "Pièce"], ["1", "Capture «\(nn)aucun créneau\(nn)» du 1er\(nb)mars\(nb)2021"]]),
            .pageBreak,
        ],
        exhibits: [
            Exhibit(
                number: 1, title: "Capture du 5\(nb)octobre\(nb)2026",
                caption: ["SHA-256\(nb): 00ff", "https://a.fr/?q=x"],
                content: .png([1, 2, 3]))
        ])

    @Test("every string of the draft is typeset; structure, emphasis, alignment and files are kept")
    func everyString() {
        #expect(Self.draft.typeset() == Self.expected)
    }

    @Test("typesetting twice changes nothing")
    func idempotent() {
        #expect(Self.expected.typeset() == Self.expected)
    }

    @Test("the drafted documents come out typeset, with only their spaces changed", arguments: DocumentKind.allCases)
    func draftedDocuments(_ kind: DocumentKind) throws {
        let (example, today) = ProcedureDocumentTests.example(for: kind)
        let document = try DocumentDraftingTests.draft(kind, Examples.caseFile(example), today: today)
        let typeset = document.draft.typeset()
        #expect(typeset.typeset() == typeset)
        func visible(_ text: String) -> [Unicode.Scalar] { text.unicodeScalars.filter { !$0.properties.isWhitespace } }
        #expect(visible(typeset.plainText) == visible(document.draft.plainText))
        #expect(!typeset.plainText.contains(" :"))
        #expect(typeset.plainText.contains("\(nb):"))
    }
}
