import Foundation
import GuichetCore
import Testing

@testable import GuichetDocuments

@Suite("PDF writer")
struct PDFWriterTests {
    let writer = PDFWriter()

    @Test("the same draft gives the same bytes")
    func deterministic() throws {
        let first = try writer.write(SampleDrafts.filing)
        let second = try writer.write(SampleDrafts.filing)
        #expect(first == second)
        #expect(first.starts(with: Array("%PDF-1.7\n".utf8)))
        #expect(first.suffix(6) == Array("%%EOF\n".utf8))
    }

    @Test("the file carries no date, and its identifier follows its content")
    func noDatesIdentifierFromContent() throws {
        let pdf = PDFReader(try writer.write(SampleDrafts.filing))
        #expect(!pdf.latin1.contains("CreationDate"))
        #expect(!pdf.latin1.contains("ModDate"))
        var changed = SampleDrafts.filing
        changed.blocks.append(.paragraph([TextRun("Un mot de plus.")]))
        let other = PDFReader(try writer.write(changed))
        let identifier = { (reader: PDFReader) in reader.latin1.components(separatedBy: "/ID [").last?.prefix(34) }
        #expect(identifier(pdf) != nil)
        #expect(identifier(pdf) != identifier(other))
    }

    @Test("cross-reference offsets point at their objects")
    func crossReference() throws {
        let pdf = PDFReader(try writer.write(SampleDrafts.filing))
        let offsets = pdf.crossReferenceOffsets
        #expect(offsets.count > 10)
        for (number, offset) in offsets.enumerated().dropFirst() {
            let expected = Array("\(number) 0 obj\n".utf8)
            #expect(Array(pdf.bytes[offset..<offset + expected.count]) == expected, "object \(number)")
        }
        #expect(pdf.startXRef == pdf.actualXRefOffset)
    }

    @Test("accented French text is written as CIDs and reads back through the ToUnicode map")
    func frenchText() throws {
        let pdf = PDFReader(try writer.write(SampleDrafts.filing))
        let text = pdf.text.replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{00A0}", with: " ")
        for phrase in [
            "Requête en référé « mesures utiles »", "aucun créneau disponible",
            "Œuvre, cœur, où, à, ç, ù, â, ê, î, ô, û, ë, ï",
            "“guillemets” et ‘apostrophes’", "0 €…", "12, rue de l’Église", "Pièce n° 1 — Capture du 5 octobre 2026",
        ] {
            #expect(text.contains(phrase), "\(phrase)")
        }
        // Text is shown with two-byte codes in hexadecimal strings, in Identity-H fonts.
        let stream = String(decoding: pdf.contentStreams[0], as: UTF8.self)
        #expect(stream.contains("] TJ"))
        #expect(stream.range(of: "<[0-9A-F]{8,}>", options: .regularExpression) != nil)
        #expect(!pdf.latin1.contains("/WinAnsiEncoding"))
        #expect(!pdf.latin1.contains("/Subtype /Type1"))
    }

    @Test("names in Latin, Greek and Cyrillic scripts print and read back exactly")
    func namesOfEveryScript() throws {
        let names = [
            "Ayşe Yılmaz-Nguyễn Thị Đặng", "Trần Văn Hưởng", "Ștefan Țurcanu", "Łukasz Żółć", "Jiří Dvořák",
            "Олександр Шевченко", "Нұрсұлтан Әбішұлы", "Γιώργος Παπαδόπουλος", "Əli Həsənov", "Þóra Guðmundsdóttir",
            "Ő Ű", "Mamadou Aïssata Diallo", "µ and μ",
        ]
        for name in names {
            let draft = DocumentDraft(
                title: "Requête – \(name)", blocks: [.lines([name]), .paragraph([TextRun(name, bold: true)])])
            let text = PDFReader(try writer.write(draft)).text
            let lines = text.split(separator: "\n").map(String.init)
            #expect(lines.filter { $0 == name }.count == 2, "\(name): \(lines)")
        }
    }

    @Test("a combining mark without a precomposed letter is printed over its letter, not dropped")
    func combiningMarks() throws {
        // « ẹ́ » (Yoruba): e with dot below (precomposed) and a combining acute that stays combining.
        let name = "Adé\u{0301}ọ̀lá"
        let text = PDFReader(try writer.write(DocumentDraft(title: "T", blocks: [.lines([name])]))).text
        #expect(text.contains(name.precomposedStringWithCanonicalMapping))
    }

    @Test("a character the fonts cannot draw is refused with its code, never replaced")
    func unprintable() throws {
        for (text, scalar) in [("Ville : 北京", "北"), ("Nom : 𝔄lice", "𝔄"), ("coché ✓", "✓"), ("مرحبا", "م")] {
            let draft = DocumentDraft(title: "T", blocks: [.paragraph([TextRun(text)])])
            // The context is the text as typeset (« Ville : » with its no-break space).
            #expect(throws: DocumentError.unprintableCharacter(Unicode.Scalar(scalar)!, context: FrenchTypography.apply(text))) {
                try writer.write(draft)
            }
        }
        let message = DocumentError.unprintableCharacter("𝔄", context: "𝔄lice").frenchMessage
        #expect(message.hasPrefix("le caractère « 𝔄 » (U+1D504) ne peut pas être imprimé dans le PDF"))
        // Characters that print as nothing (controls, zero-width, soft hyphen) are not refused.
        let quiet = DocumentDraft(title: "T", blocks: [.paragraph([TextRun("a\u{00AD}b\u{200B}c\u{0007}")])])
        #expect(PDFReader(try writer.write(quiet)).text.contains("abc"))
    }

    @Test("the title is stored in the document information, UTF-16 when not ASCII")
    func title() throws {
        let pdf = PDFReader(try writer.write(SampleDrafts.filing))
        // « R » « e » « q » « u » « ê » in UTF-16BE after the byte order mark.
        #expect(pdf.latin1.contains("/Title <FEFF00520065007100750"))
        let ascii = PDFReader(try writer.write(DocumentDraft(title: "Plain (title)", blocks: [])))
        #expect(ascii.latin1.contains("/Title (Plain \\(title\\))"))
    }

    @Test("pages are numbered « Page n / N »")
    func pageNumbers() throws {
        let pdf = PDFReader(try writer.write(SampleDrafts.filing))
        let count = pdf.pageCount
        #expect(count == 4)  // body, page break, two exhibits
        for (index, page) in pdf.pageTexts.enumerated() {
            #expect(page.hasSuffix("Page \(index + 1) / \(count)"))
        }
    }

    @Test("images are embedded: JPEG as is, PNG with its predictor")
    func images() throws {
        let pdf = PDFReader(try writer.write(SampleDrafts.filing))
        #expect(pdf.latin1.contains("/Filter /DCTDecode"))
        #expect(
            pdf.latin1.contains("/Width 16 /Height 8 /BitsPerComponent 8 /Filter /DCTDecode /ColorSpace /DeviceRGB"))
        #expect(pdf.latin1.contains("/DecodeParms << /Predictor 15 /Colors 3 /BitsPerComponent 8 /Columns 40 >>"))
        #expect(pdf.latin1.contains("/Im1 Do"))
        #expect(pdf.latin1.contains("/Im2 Do"))
        // The JPEG's bytes are in the file unchanged.
        let jpeg = TestImages.tinyJPEG
        #expect(
            pdf.bytes.indices.contains { index in
                pdf.bytes[index] == 0xFF && index + jpeg.count <= pdf.bytes.count
                    && Array(pdf.bytes[index..<index + jpeg.count]) == jpeg
            })
    }

    @Test("an 8-bit PNG with alpha is embedded as is, its alpha folded on white by a DeviceN space")
    func alphaImage() throws {
        let png = TestImages.png(width: 5, height: 5, colorType: 6) { x, _, channel in channel == 3 ? x * 60 : 0 }
        let draft = DocumentDraft(
            title: "T", blocks: [], exhibits: [Exhibit(number: 1, title: "Alpha", caption: [], content: .png(png))])
        let pdf = PDFReader(try writer.write(draft))
        #expect(pdf.latin1.contains("/DecodeParms << /Predictor 15 /Colors 4 /BitsPerComponent 8 /Columns 5 >>"))
        #expect(pdf.latin1.contains("/ColorSpace [/DeviceN [/Red /Green /Blue /Alpha] /DeviceRGB "))
        #expect(pdf.latin1.contains("/FunctionType 4 /Domain [0 1 0 1 0 1 0 1] /Range [0 1 0 1 0 1]"))
    }

    @Test(
        "an interlaced or 16-bit PNG is decoded, flattened on white and deflated", arguments: [(8, true), (16, false)])
    func decodedImage(bitDepth: Int, interlaced: Bool) throws {
        let png = TestImages.png(width: 5, height: 5, colorType: 6, bitDepth: bitDepth, interlaced: interlaced) {
            x, _, channel in channel == 3 ? x * 60 : 0
        }
        let draft = DocumentDraft(
            title: "T", blocks: [], exhibits: [Exhibit(number: 1, title: "Alpha", caption: [], content: .png(png))])
        let pdf = PDFReader(try writer.write(draft))
        #expect(
            pdf.latin1.contains("/Width 5 /Height 5 /BitsPerComponent 8 /Filter /FlateDecode /ColorSpace /DeviceRGB"))
        #expect(!pdf.latin1.contains("/Predictor"))
        #expect(!pdf.latin1.contains("/DeviceN"))
    }

    @Test("exhibits that cannot be drawn are announced on their page")
    func unreadableExhibits() throws {
        let lying =
            PNGImage.signature
            + TestImages.chunk("IHDR", TestImages.bigEndian(1) + TestImages.bigEndian(1) + [8, 2, 0, 0, 0])
        let draft = DocumentDraft(
            title: "T", blocks: [],
            exhibits: [
                Exhibit(number: 1, title: "Faux PNG", caption: ["a"], content: .png(lying)),
                Exhibit(number: 2, title: "Texte", caption: [], content: .jpeg(Array("hello".utf8))),
                Exhibit(number: 3, title: "Courrier", caption: [], content: .pdf(Array("%PDF-1.4".utf8))),
                Exhibit(number: 4, title: "Absente", caption: [], content: nil),
            ])
        let pdf = PDFReader(try writer.write(draft))
        let pages = pdf.pageTexts
        #expect(pages.count == 4)
        #expect(pages[0].contains("n’a pas pu être affiché"))
        #expect(pages[1].contains("n’a pas pu être affiché"))
        #expect(pages[2].contains("document PDF"))
        #expect(pages[3].contains("n’est pas reproduite"))
        #expect(!pdf.latin1.contains("/Subtype /Image"))
    }

    @Test("an empty draft gives one blank numbered page")
    func emptyDraft() throws {
        let pdf = PDFReader(try writer.write(DocumentDraft(title: "", blocks: [])))
        #expect(pdf.pageCount == 1)
        #expect(pdf.text == "Page 1 / 1")
    }

    @Test("2 000 paragraphs paginate with nothing lost")
    func manyParagraphs() throws {
        let pdf = PDFReader(try writer.write(SampleDrafts.paragraphs(2_000)))
        #expect(pdf.pageCount > 50)
        let text = pdf.text.replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("Paragraphe numéro 1\u{00A0}:"))
        #expect(text.contains("Paragraphe numéro 2000\u{00A0}:"))
    }

    @Test("a 10 000-character word, a huge table cell and odd headings never break the writer")
    func hostileInput() throws {
        let word = String(repeating: "é", count: 10_000)
        let draft = DocumentDraft(
            title: String(repeating: "\u{0}", count: 3),
            blocks: [
                .heading(level: 0, text: word), .heading(level: 9, text: ""), .paragraph([]),
                .paragraph([TextRun(word, bold: true)]), .list(ordered: true, items: [[], [TextRun(word)]]),
                .lines([], alignment: .center), .table(rows: []), .table(rows: [[], ["a"], [word, "b", "c"]]),
                .pageBreak, .pageBreak,
            ])
        let pdf = PDFReader(try writer.write(draft))
        #expect(pdf.pageCount > 10)
        #expect(pdf.text.filter { $0 == "é" }.count >= 40_000)
    }

    @Test("a heading is never the last line of a page")
    func headingKeptWithNext() throws {
        // Fill a page to leave room for the heading but not for the paragraph after it.
        for filler in 26...38 {
            let blocks: [DocumentBlock] =
                (0..<filler).map { _ in .lines(["x"]) } + [
                    .heading(level: 2, text: "Titre"), .paragraph([TextRun("Suite.")]),
                ]
            let pages = PDFReader(try writer.write(DocumentDraft(title: "T", blocks: blocks))).pageTexts
            for page in pages {
                let lines = page.split(separator: "\n")
                #expect(lines.dropLast().last != "Titre", "filler \(filler)")
            }
        }
    }
}
