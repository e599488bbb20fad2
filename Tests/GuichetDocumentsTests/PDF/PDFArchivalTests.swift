import Foundation
import GuichetCore
import Testing

@testable import GuichetDocuments

@Suite("PDF/A-2b, fonts and bookmarks")
struct PDFArchivalTests {
    let writer = PDFWriter()

    @Test("every face used is embedded as a subset CID font with widths and a ToUnicode map")
    func embeddedFonts() throws {
        let pdf = PDFReader(try writer.write(SampleDrafts.filing))
        let text = pdf.latin1
        #expect(text.components(separatedBy: "/Subtype /Type0").count - 1 == 4)
        #expect(text.components(separatedBy: "/Subtype /CIDFontType2").count - 1 == 4)
        #expect(text.components(separatedBy: "/FontFile2 ").count - 1 == 4)
        #expect(text.components(separatedBy: "/ToUnicode 6 0 R").count - 1 == 4)
        #expect(text.range(of: "/BaseFont /[A-Z]{6}\\+LiberationSerif ", options: .regularExpression) != nil)
        #expect(text.contains("/Encoding /Identity-H"))
        #expect(text.contains("/W [") && text.contains("/CIDToGIDMap "))
        // A face the draft does not use is not embedded.
        let plain = PDFReader(try writer.write(DocumentDraft(title: "T", blocks: [.paragraph([TextRun("x")])])))
        #expect(plain.latin1.components(separatedBy: "/Subtype /Type0").count - 1 == 1)
    }

    @Test("the XMP metadata declares PDF/A-2b and matches the document information")
    func metadata() throws {
        let pdf = PDFReader(try writer.write(SampleDrafts.filing))
        #expect(pdf.latin1.contains("/Metadata 4 0 R"))
        let xmp = String(decoding: try #require(pdf.streamData(ofObject: 4)), as: UTF8.self)
        #expect(xmp.hasPrefix("<?xpacket begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"))
        #expect(xmp.hasSuffix("<?xpacket end=\"w\"?>"))
        #expect(xmp.contains("<pdfaid:part>2</pdfaid:part>") && xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>"))
        #expect(xmp.contains("<pdf:Producer>guichet</pdf:Producer>"))
        #expect(xmp.contains("<rdf:li xml:lang=\"x-default\">\(SampleDrafts.filing.typeset().title)</rdf:li>"))
        #expect(pdf.latin1.contains("/Producer (guichet)"))
        let escaped = PDFArchival.metadata(title: "A & <B>", producer: "guichet")
        #expect(String(decoding: escaped, as: UTF8.self).contains(">A &amp; &lt;B&gt;<"))
    }

    @Test("the output intent carries a well-formed sRGB ICC profile")
    func outputIntent() throws {
        let pdf = PDFReader(try writer.write(SampleDrafts.filing))
        #expect(pdf.latin1.contains("/OutputIntents [<< /Type /OutputIntent /S /GTS_PDFA1 "))
        #expect(pdf.latin1.contains("/DestOutputProfile 5 0 R"))
        let profile = try #require(pdf.streamData(ofObject: 5))
        #expect(profile == SRGBProfile.bytes)
        let reader = ByteReader(profile)
        #expect(Int(try reader.u32(0)) == profile.count)
        #expect(String(decoding: try reader.slice(36, 4), as: UTF8.self) == "acsp")
        #expect(String(decoding: try reader.slice(16, 4), as: UTF8.self) == "RGB ")
        #expect(String(decoding: try reader.slice(12, 4), as: UTF8.self) == "mntr")
        let tagCount = Int(try reader.u32(128))
        var signatures: [String] = []
        for index in 0..<tagCount {
            let entry = 132 + 12 * index
            signatures.append(String(decoding: try reader.slice(entry, 4), as: UTF8.self))
            let offset = Int(try reader.u32(entry + 4))
            let size = Int(try reader.u32(entry + 8))
            #expect(offset % 4 == 0 && offset + size <= profile.count)
        }
        #expect(Set(signatures) == ["desc", "cprt", "wtpt", "rXYZ", "gXYZ", "bXYZ", "rTRC", "gTRC", "bTRC"])
    }

    @Test("the référé of the example case has one bookmark per exhibit, titled as its bordereau line")
    func bookmarksMatchTheBordereau() throws {
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../examples").standardized
        let json = try Data(contentsOf: examples.appendingPathComponent("solide.json"))
        let caseFile = try CaseFile.decode(json: Array(json))
        let drafted = try DocumentKind.refereMesuresUtiles.draft(
            from: caseFile, today: LocalDate(year: 2026, month: 11, day: 20)!,
            files: { (try? Data(contentsOf: examples.appendingPathComponent($0))).map(Array.init) },
            hash: { SHA256Hasher.hash($0) })
        let draft = drafted.draft.typeset()
        var bordereau: [[String]] = []
        for case .table(let rows) in draft.blocks { bordereau = Array(rows.dropFirst()) }
        #expect(bordereau.count == draft.exhibits.count && bordereau.count >= 10)

        let pdf = PDFReader(try writer.write(drafted.draft))
        let titles = pdf.outlineTitles
        let exhibitTitles = titles.filter { $0.hasPrefix("Pièce n°") }
        #expect(exhibitTitles == bordereau.map { "Pièce n°\u{00A0}\($0[0]) — \($0[1])" })
        // The sections of the requête come first, with the bordereau.
        #expect(titles.first?.hasPrefix("REQUÊTE EN RÉFÉRÉ") == true)
        #expect(titles.contains("BORDEREAU DES PIÈCES"))
        #expect(pdf.latin1.contains("/PageMode /UseOutlines"))
        // Each exhibit bookmark opens the page whose first line is that heading.
        for (index, title) in exhibitTitles.enumerated() {
            let page = try #require(pdf.outlinePage(title: title))
            let firstLine = pdf.pageTexts[page].split(separator: "\n").first.map(String.init) ?? ""
            #expect(title.hasPrefix(firstLine), "exhibit \(index + 1): \(firstLine)")
        }
    }

    @Test("a split filing holds the document and one PDF per exhibit, named after the bordereau")
    func split() throws {
        let files = try SplitFiling.files(SampleDrafts.filing, format: .pdf, mainStem: "Requete")
        #expect(files.map(\.name).first == "00-Requete.pdf")
        let exhibits = SampleDrafts.filing.exhibits.filter { $0.content != nil }
        #expect(files.count == 1 + exhibits.count)
        for (file, exhibit) in zip(files.dropFirst(), exhibits) {
            #expect(file.name == exhibit.fileName(extension: "pdf"))
            if case .pdf(let bytes) = exhibit.content {
                #expect(file.bytes == bytes)
            } else {
                let pdf = PDFReader(file.bytes)
                #expect(pdf.pageCount >= 1)
                let typeset = try #require(DocumentDraft(title: "", blocks: [], exhibits: [exhibit]).typeset().exhibits.first)
                #expect(pdf.outlineTitles == [ExhibitWording.heading(for: typeset)])
            }
        }
        let main = PDFReader(files[0].bytes)
        #expect(!main.outlineTitles.contains { $0.hasPrefix("Pièce n°") })
        let archive = try SplitFiling.archive(SampleDrafts.filing, format: .pdf, mainStem: "Requete")
        #expect(archive == (try SplitFiling.archive(SampleDrafts.filing, format: .pdf, mainStem: "Requete")))
        #expect(ZIPReader(archive)?.paths == files.map(\.name))
    }

    @Test("exhibit file names: two-digit number, then the slug")
    func fileNames() {
        let capture = Exhibit(number: 2, title: "Capture d'écran", caption: [], content: nil, fileSlug: "capture-2026-10-05")
        #expect(capture.fileName(extension: "pdf") == "02-capture-2026-10-05.pdf")
        let document = Exhibit(number: 12, title: "Copie du titre de séjour expirant le 30 novembre 2026", caption: [], content: nil)
        #expect(document.fileName(extension: "pdf") == "12-copie-du-titre-de-sejour-expirant-le-30.pdf")
        #expect(Exhibit.slug("Œuvre « déjà » — ÉTÉ") == "oeuvre-deja-ete")
        #expect(Exhibit(number: 1, title: "北京", caption: [], content: nil).fileName(extension: "pdf") == "01-piece.pdf")
    }
}
