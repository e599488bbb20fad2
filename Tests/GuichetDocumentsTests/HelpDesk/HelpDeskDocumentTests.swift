import Foundation
import GuichetCore
import Testing

@testable import GuichetDocuments

@Suite("Help-desk documents through the real writers")
struct HelpDeskDocumentTests {
    static let today = LocalDate(year: 2026, month: 11, day: 2)!
    static let department = Department.lookup("93")!

    static func mandate(
        person: Person, organisation: String = "Permanence juridique de Saint-Denis", revoked: Bool = false
    )
        throws -> DocumentDraft
    {
        var mandate = try Mandate(scopes: [.demarches, .saisirTribunal], from: today, days: 365)
        if revoked { mandate.revokedAt = 1_795_217_400 }
        return MandateLetter.draft(
            organisationName: organisation, caseNumber: "2026-0042", person: person,
            procedure: .admissionExceptionnelle,
            department: department, mandate: mandate, today: today)
    }

    static let fullPerson = Person(
        name: "Awa Diallo", birthDate: LocalDate(year: 1990, month: 3, day: 3), birthPlace: "Bamako (Mali)",
        address: "12 rue des Lilas\n93200 Saint-Denis", civility: .madame)

    /// The longest identity the desk is likely to hold, a withdrawn mandate and a long organisation name: the
    /// page must still hold it all.
    static let longPerson = Person(
        name: "Nguyễn Thị Minh Khai Trần-Hoàng Phương Anh Ekaterina Aleksandrovna Konstantinopolskaïa",
        birthDate: LocalDate(year: 1985, month: 12, day: 31),
        birthPlace: "Thành phố Hồ Chí Minh, province de Hồ Chí Minh (République socialiste du Viêt Nam)",
        address: "Bâtiment C, escalier 4, appartement 1207, chez Madame Dupont-Lefèvre\n"
            + "128 bis avenue du Président-Salvador-Allende, résidence des Grands Ensembles\n93200 Saint-Denis",
        civility: .madame)

    /// What `pdftotext` would give, spaces folded: the no-break spaces of the typography are spaces.
    static func folded(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
            .replacingOccurrences(of: "\n", with: " ")
    }

    @Test(
        "the mandate fits on one A4 page in the PDF, however long the identity",
        arguments: [(fullPerson, false), (longPerson, true), (Person(), false)])
    func mandateOnePage(_ person: Person, _ revoked: Bool) throws {
        let organisation =
            revoked ? "Association de solidarité avec les personnes étrangères de la Plaine Saint-Denis" : "Permanence"
        let bytes = try PDFWriter().write(
            try Self.mandate(person: person, organisation: organisation, revoked: revoked))
        let pdf = PDFReader(bytes)
        #expect(pdf.pageCount == 1)
        #expect(pdf.pageTexts.count == 1)
        let text = Self.folded(pdf.text)
        #expect(text.contains("Page 1 / 1"))
        #expect(text.contains("retirer ce mandat à tout moment"))
        #expect(text.contains("Pour l'association : nom, qualité, signature"))
    }

    @Test("the mandate's PDF holds its text as printed")
    func mandateText() throws {
        let text = Self.folded(PDFReader(try PDFWriter().write(try Self.mandate(person: Self.fullPerson))).text)
        for phrase in [
            "Mandat donné à une association", "Nom et prénoms : Awa Diallo", "Date de naissance : 3 mars 1990",
            "[X] OUI : m'accompagner dans les démarches administratives du dossier.",
            "[–] NON : écrire en mon nom à la préfecture au sujet de ce dossier (pas autorisé).",
            "Ce mandat vaut du 2 novembre 2026 au 1er novembre 2027 inclus.", "le 2 novembre 2026.",
        ] {
            #expect(text.contains(phrase), "\(phrase)")
        }
    }

    @Test("the mandate is written as DOCX and ODT, with its text", arguments: [DocumentFormat.docx, .odt])
    func mandateOffice(_ format: DocumentFormat) throws {
        let bytes = try format.writer.write(try Self.mandate(person: Self.fullPerson))
        let zip = try #require(ZIPReader(bytes))
        #expect(zip.malformedXMLParts.isEmpty)
        let part = format == .docx ? "word/document.xml" : "content.xml"
        let xml = Self.folded(try #require(zip.text(part)))
        #expect(xml.contains("Je peux retirer ce mandat à tout moment"))
        #expect(xml.contains("Nom et prénoms : Awa Diallo"))
        #expect(xml.contains("[X] OUI"))
        #expect(bytes == (try format.writer.write(try Self.mandate(person: Self.fullPerson))))
    }

    static let filed = [
        FiledCase(
            number: "2026-0010", firstAttempt: LocalDate(year: 2026, month: 10, day: 5), attempts: 7, verdict: .solide),
        FiledCase(
            number: "2026-0002", firstAttempt: LocalDate(year: 2026, month: 9, day: 28), attempts: 3,
            verdict: .recevable),
    ]

    @Test("the summary gives a PDF with its table, and DOCX and ODT", arguments: DocumentFormat.allCases)
    func summary(_ format: DocumentFormat) throws {
        let draft = CollectiveFilingSummary.draft(
            organisationName: "Permanence", department: Self.department, cases: Self.filed, today: Self.today)
        let bytes = try format.writer.write(draft)
        let text: String
        if format == .pdf {
            let pdf = PDFReader(bytes)
            #expect(pdf.pageCount == 1)
            text = Self.folded(pdf.text)
        } else {
            let zip = try #require(ZIPReader(bytes))
            #expect(zip.malformedXMLParts.isEmpty)
            text = Self.folded(try #require(zip.text(format == .docx ? "word/document.xml" : "content.xml")))
        }
        for phrase in ["Dépôt collectif de référés « mesures utiles »", "2026-0002", "28 septembre 2026", "recevable"] {
            #expect(text.contains(phrase), "\(phrase)")
        }
        let second = try #require(text.range(of: "2026-0002"))
        let tenth = try #require(text.range(of: "2026-0010"))
        #expect(second.lowerBound < tenth.lowerBound, "sorted by number")
    }
}
