import Foundation
import GuichetCore
import Testing

@testable import GuichetDocuments

@Suite("DOCX writer")
struct DOCXWriterTests {
    let writer = DOCXWriter()

    @Test("the same draft gives the same bytes")
    func deterministic() throws {
        #expect(try writer.write(SampleDrafts.filing) == writer.write(SampleDrafts.filing))
    }

    @Test("the package has the parts Word needs, and the images")
    func parts() throws {
        let zip = try #require(ZIPReader(try writer.write(SampleDrafts.filing)))
        #expect(zip.malformedXMLParts.isEmpty)
        #expect(zip.paths.first == "[Content_Types].xml")
        for path in [
            "_rels/.rels", "docProps/core.xml", "word/document.xml", "word/styles.xml", "word/numbering.xml",
            "word/footer1.xml", "word/_rels/document.xml.rels", "word/media/image1.png", "word/media/image2.jpeg",
        ] {
            #expect(zip.paths.contains(path), "\(path)")
        }
        #expect(zip.bytes("word/media/image2.jpeg") == TestImages.tinyJPEG)
        #expect(zip.compressionMethod("word/media/image1.png") == 0)
        let relationships = try #require(zip.text("word/_rels/document.xml.rels"))
        #expect(relationships.contains("Id=\"rIdImage1\""))
        #expect(relationships.contains("Target=\"media/image2.jpeg\""))
    }

    @Test("text, emphasis, headings, lists and tables are in the document")
    func content() throws {
        let zip = try #require(ZIPReader(try writer.write(SampleDrafts.filing)))
        let document = try #require(zip.text("word/document.xml"))
        #expect(
            document.contains(
                "<w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Requête en référé «\u{202F}mesures utiles\u{202F}»</w:t>"
            ))
        #expect(
            document.contains(
                "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">aucun créneau disponible</w:t></w:r>"))
        #expect(document.contains("<w:rPr><w:i/></w:rPr>"))
        #expect(document.contains("<w:numId w:val=\"2\"/>"))  // the ordered list's own numbering
        #expect(document.contains("<w:numId w:val=\"1\"/>"))  // bullets
        #expect(document.contains("<w:tblHeader/>"))
        #expect(document.contains("<w:br w:type=\"page\"/>"))
        #expect(document.contains("<w:pageBreakBefore/>"))
        #expect(document.contains("r:embed=\"rIdImage1\""))
        #expect(document.contains("Pièce n°\u{00A0}2 — Capture du 13\u{00A0}octobre\u{00A0}2026"))
        let numbering = try #require(zip.text("word/numbering.xml"))
        #expect(numbering.contains("<w:startOverride w:val=\"1\"/>"))
    }

    @Test("the title is in the core properties, with no date")
    func coreProperties() throws {
        let zip = try #require(ZIPReader(try writer.write(SampleDrafts.filing)))
        let core = try #require(zip.text("docProps/core.xml"))
        #expect(core.contains("<dc:title>Requête en référé «\u{202F}mesures utiles\u{202F}»</dc:title>"))
        #expect(!core.contains("dcterms:created"))
        #expect(!core.contains("dcterms:modified"))
    }

    @Test("French typography: no-break spaces are written as characters, in the text and the title")
    func typography() throws {
        let zip = try #require(ZIPReader(try writer.write(OfficeTypography.draft)))
        let document = try #require(zip.text("word/document.xml"))
        for expected in OfficeTypography.expected {
            #expect(document.contains("<w:t xml:space=\"preserve\">\(expected)</w:t>"), "\(expected)")
        }
        #expect(document.contains(OfficeTypography.notReproduced))
        #expect(!document.contains("&#160;") && !document.contains("&#xA0;") && !document.contains("&nbsp;"))
        #expect(zip.text("docProps/core.xml")?.contains("<dc:title>\(OfficeTypography.expectedTitle)</dc:title>") == true)
        #expect(zip.malformedXMLParts.isEmpty)
        // Typesetting is idempotent: a draft typeset beforehand gives the same bytes.
        #expect(try writer.write(OfficeTypography.draft.typeset()) == writer.write(OfficeTypography.draft))
    }

    @Test("markup and forbidden characters in the draft are escaped or dropped")
    func escaping() throws {
        let draft = DocumentDraft(
            title: "<b>&\"'", blocks: [.paragraph([TextRun("a < b & c > d \u{1}\u{FFFF}\tfin\nligne")])])
        let zip = try #require(ZIPReader(try writer.write(draft)))
        let document = try #require(zip.text("word/document.xml"))
        #expect(document.contains("a &lt; b &amp; c &gt; d </w:t><w:tab/><w:t xml:space=\"preserve\">fin</w:t><w:br/>"))
        #expect(!document.contains("\u{1}"))
        #expect(zip.malformedXMLParts.isEmpty)
        #expect(zip.text("docProps/core.xml")?.contains("&lt;b&gt;&amp;&quot;&apos;") == true)
    }

    @Test("hostile drafts still give a package")
    func hostile() throws {
        let word = String(repeating: "x", count: 10_000)
        for draft in [
            DocumentDraft(title: "", blocks: []), SampleDrafts.paragraphs(2_000),
            DocumentDraft(
                title: "T", blocks: [.heading(level: -3, text: word), .table(rows: [[], ["a", word]])],
                exhibits: [Exhibit(number: 1, title: "", caption: [], content: .png(Array(PNGImage.signature)))]),
        ] {
            let zip = try #require(ZIPReader(try writer.write(draft)))
            #expect(zip.text("word/document.xml")?.hasSuffix("</w:document>") == true)
            #expect(zip.malformedXMLParts.isEmpty)
        }
    }
}

@Suite("ODT writer")
struct ODTWriterTests {
    let writer = ODTWriter()

    @Test("the same draft gives the same bytes")
    func deterministic() throws {
        #expect(try writer.write(SampleDrafts.filing) == writer.write(SampleDrafts.filing))
    }

    @Test("mimetype comes first, stored, as ODF requires")
    func mimetypeFirst() throws {
        let bytes = try writer.write(SampleDrafts.filing)
        // Local file header: signature, then the name at offset 30 and the data right after it.
        #expect(Array(bytes[0..<4]) == [0x50, 0x4B, 0x03, 0x04])
        #expect(bytes[8] == 0 && bytes[9] == 0)  // compression method: stored
        let name = "mimetype"
        #expect(Array(bytes[30..<38]) == Array(name.utf8))
        let mediaType = Array("application/vnd.oasis.opendocument.text".utf8)
        #expect(Array(bytes[38..<38 + mediaType.count]) == mediaType)
    }

    @Test("the package lists its parts and pictures")
    func parts() throws {
        let zip = try #require(ZIPReader(try writer.write(SampleDrafts.filing)))
        #expect(zip.malformedXMLParts.isEmpty)
        #expect(
            zip.paths == [
                "mimetype", "META-INF/manifest.xml", "content.xml", "styles.xml", "meta.xml", "Pictures/image1.png",
                "Pictures/image2.jpeg",
            ])
        let manifest = try #require(zip.text("META-INF/manifest.xml"))
        #expect(manifest.contains("manifest:full-path=\"Pictures/image2.jpeg\" manifest:media-type=\"image/jpeg\""))
        #expect(zip.bytes("Pictures/image2.jpeg") == TestImages.tinyJPEG)
        let meta = try #require(zip.text("meta.xml"))
        #expect(meta.contains("<dc:title>Requête en référé «\u{202F}mesures utiles\u{202F}»</dc:title>"))
        #expect(!meta.contains("meta:creation-date"))
        #expect(!meta.contains("dc:date"))
    }

    @Test("text, emphasis, headings, lists, tables and breaks are in the content")
    func content() throws {
        let zip = try #require(ZIPReader(try writer.write(SampleDrafts.filing)))
        let content = try #require(zip.text("content.xml"))
        #expect(
            content.contains(
                "<text:h text:style-name=\"Heading_20_1\" text:outline-level=\"1\">Requête en référé «\u{202F}mesures utiles\u{202F}»</text:h>"
            ))
        #expect(content.contains("<text:span text:style-name=\"T_bold\">aucun créneau disponible</text:span>"))
        #expect(content.contains("<text:list text:style-name=\"Numbering_20_123\">"))
        #expect(content.contains("<text:list text:style-name=\"List_20_Bullet\">"))
        #expect(content.contains("<table:table table:name=\"Table1\""))
        #expect(
            content.contains("<text:h text:style-name=\"H2_break\" text:outline-level=\"2\">II. Discussion</text:h>"))
        #expect(content.contains("xlink:href=\"Pictures/image1.png\""))
        #expect(content.contains("Mme\u{00A0}Élodie Œuvrard<text:line-break/>12, rue de l’Église"))
    }

    @Test("French typography: no-break spaces are written as characters, in the text and the title")
    func typography() throws {
        let zip = try #require(ZIPReader(try writer.write(OfficeTypography.draft)))
        let content = try #require(zip.text("content.xml"))
        for expected in OfficeTypography.expected {
            #expect(content.contains(">\(expected)</text:"), "\(expected)")
        }
        #expect(content.contains(OfficeTypography.notReproduced))
        #expect(!content.contains("&#160;") && !content.contains("&#xA0;") && !content.contains("&nbsp;"))
        #expect(zip.text("meta.xml")?.contains("<dc:title>\(OfficeTypography.expectedTitle)</dc:title>") == true)
        #expect(zip.malformedXMLParts.isEmpty)
        #expect(try writer.write(OfficeTypography.draft.typeset()) == writer.write(OfficeTypography.draft))
    }

    @Test("runs of spaces survive ODF whitespace collapsing")
    func spaces() {
        #expect(ODTBody.inline("a   b") == "a <text:s text:c=\"2\"/>b")
        // No-break spaces are characters, not spaces ODF would collapse: written as they are.
        #expect(ODTBody.inline("a\u{00A0}\u{202F}b \u{00A0}") == "a\u{00A0}\u{202F}b \u{00A0}")
        #expect(ODTBody.inline(" a") == "<text:s/>a")
        #expect(
            ODTBody.inline("x<y", bold: true, italic: true)
                == "<text:span text:style-name=\"T_bold_italic\">x&lt;y</text:span>")
    }

    @Test("hostile drafts still give a package")
    func hostile() throws {
        for draft in [
            DocumentDraft(title: "\u{0}", blocks: [.pageBreak]), SampleDrafts.paragraphs(2_000),
            DocumentDraft(
                title: "T", blocks: [.list(ordered: false, items: []), .table(rows: [["<&>"]]), .lines([""])],
                exhibits: [Exhibit(number: 1, title: "", caption: [""], content: .jpeg([0xFF, 0xD8, 0xFF]))]),
        ] {
            let zip = try #require(ZIPReader(try writer.write(draft)))
            #expect(zip.text("content.xml")?.hasSuffix("</office:document-content>") == true)
            #expect(zip.malformedXMLParts.isEmpty)
        }
    }
}

/// A draft written with ordinary spaces, and what the office writers must print.
enum OfficeTypography {
    static let draft = DocumentDraft(
        title: "Référé « mesures utiles » : requête",
        blocks: [
            .heading(level: 2, text: "Faits : tentatives"),
            .paragraph([TextRun("Le 5 octobre 2026 à 8 h 59 ; coût : 1 200 € !")]),
            .table(rows: [["N°", "Pièce"], ["1", "Capture « aucun créneau »"]]),
        ],
        exhibits: [Exhibit(number: 1, title: "Capture du 1er mars 2021", caption: ["SHA-256 : 00ff"], content: nil)])

    static let expectedTitle = "Référé «\u{202F}mesures utiles\u{202F}»\u{00A0}: requête"
    static let expected = [
        "Faits\u{00A0}: tentatives",
        "Le 5\u{00A0}octobre\u{00A0}2026 à 8\u{00A0}h\u{00A0}59\u{202F}; coût\u{00A0}: 1\u{202F}200\u{00A0}€\u{202F}!",
        "Capture «\u{202F}aucun créneau\u{202F}»",
        "Pièce n°\u{00A0}1 — Capture du 1er\u{00A0}mars\u{00A0}2021",
        "SHA-256\u{00A0}: 00ff",
    ]
    /// The writers' own sentence for an exhibit without a file, typeset too.
    static let notReproduced =
        "Cette pièce n’est pas reproduite dans le présent document\u{202F}; elle est produite séparément."
}

@Suite("Office test support")
struct OfficeTestSupportTests {
    @Test("the XML check rejects malformed markup")
    func xmlCheck() {
        #expect(isWellFormedXML(Array("<a><b/></a>".utf8)))
        #expect(!isWellFormedXML(Array("<a><b></a>".utf8)))
        #expect(!isWellFormedXML(Array("<a>\u{1}</a>".utf8)))
        #expect(!isWellFormedXML(Array("<a>&bogus;</a>".utf8)))
    }
}

@Suite("Document formats")
struct DocumentFormatTests {
    @Test("each format names its extension, media type and writer")
    func formats() throws {
        #expect(DocumentFormat.allCases.map(\.fileExtension) == ["pdf", "docx", "odt"])
        #expect(DocumentFormat.pdf.mediaType == "application/pdf")
        #expect(
            DocumentFormat.docx.mediaType == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        #expect(DocumentFormat.odt.mediaType == "application/vnd.oasis.opendocument.text")
        let pdf = try DocumentFormat.pdf.writer.write(SampleDrafts.filing)
        #expect(pdf.starts(with: Array("%PDF".utf8)))
        for format in [DocumentFormat.docx, .odt] {
            #expect(try format.writer.write(SampleDrafts.filing).starts(with: [0x50, 0x4B, 0x03, 0x04]))
        }
    }
}
