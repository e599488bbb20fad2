import Foundation
import GuichetCore
import Testing
import ZIPFoundation

@testable import GuichetDocuments

@Suite("The collective filing archive")
struct CollectiveFilingArchiveTests {
    typealias Case = (number: String, documents: [(fileName: String, bytes: [UInt8])])

    /// Two cases given out of order; the référés are real PDFs of the writer, the second case with a DOCX too.
    static func cases() throws -> [Case] {
        let refere = try PDFWriter().write(SampleDrafts.filing)
        var other = SampleDrafts.filing
        other.title = "Requête en référé – autre dossier"
        return [
            (
                number: "2026-0010",
                documents: [
                    (fileName: "refere-mesures-utiles.pdf", bytes: try PDFWriter().write(other)),
                    (fileName: "refere-mesures-utiles.docx", bytes: try DOCXWriter().write(other)),
                ]
            ),
            (number: "2026-0002", documents: [(fileName: "refere-mesures-utiles.pdf", bytes: refere)]),
        ]
    }

    static let summaryPDF = Array("%PDF-1.7 stand-in for the summary".utf8)
    static let summaryCSV = "numero,premiere_tentative,tentatives,verdict\r\n2026-0002,2026-09-28,3,recevable\r\n"

    @Test("the summary first, then one folder per case in number order, each file byte for byte")
    func entries() throws {
        let cases = try Self.cases()
        let bytes = try CollectiveFilingArchive.archive(
            cases: cases, summaryPDF: Self.summaryPDF, summaryCSV: Self.summaryCSV)
        let zip = try #require(ZIPReader(bytes))
        #expect(
            zip.paths == [
                "00-synthese.pdf", "00-synthese.csv", "2026-0002/refere-mesures-utiles.pdf",
                "2026-0010/refere-mesures-utiles.pdf", "2026-0010/refere-mesures-utiles.docx",
            ])
        #expect(zip.bytes("00-synthese.pdf") == Self.summaryPDF)
        #expect(zip.bytes("00-synthese.csv") == Array(Self.summaryCSV.utf8))
        for filed in cases {
            for document in filed.documents {
                let path = "\(filed.number)/\(document.fileName)"
                #expect(zip.bytes(path) == document.bytes, "\(path)")
                #expect(zip.compressionMethod(path) == 0, "\(path) is stored")
            }
        }
    }

    @Test("ZIPFoundation reads it back with the fixed date and permissions, and checks every CRC")
    func readBack() throws {
        let bytes = try CollectiveFilingArchive.archive(
            cases: try Self.cases(), summaryPDF: Self.summaryPDF, summaryCSV: Self.summaryCSV)
        let archive = try Archive(data: Data(bytes), accessMode: .read, pathEncoding: nil)
        var count = 0
        for entry in archive {
            count += 1
            #expect(entry.type == .file)
            #expect(entry.fileAttributes[.modificationDate] as? Date == ZIPPackage.fixedDate)
            #expect((entry.fileAttributes[.posixPermissions] as? NSNumber)?.intValue == 0o644)
            // `extract` verifies the CRC-32 of what it reads.
            var data = Data()
            _ = try archive.extract(entry, skipCRC32: false, consumer: { data.append($0) })
            #expect(UInt64(data.count) == entry.uncompressedSize)
        }
        #expect(count == 5)
    }

    @Test("the same input gives the same bytes")
    func deterministic() throws {
        let first = try CollectiveFilingArchive.archive(
            cases: try Self.cases(), summaryPDF: Self.summaryPDF, summaryCSV: Self.summaryCSV)
        let second = try CollectiveFilingArchive.archive(
            cases: try Self.cases(), summaryPDF: Self.summaryPDF, summaryCSV: Self.summaryCSV)
        #expect(first == second)
    }

    static let unsafe: [(number: String, fileName: String, part: String)] = [
        (number: "..", fileName: "a.pdf", part: ".."),
        (number: "2026/0001", fileName: "a.pdf", part: "2026/0001"),
        (number: "", fileName: "a.pdf", part: ""),
        (number: "2026-0001", fileName: "../../etc/passwd", part: "2026-0001/../../etc/passwd"),
        (number: "2026-0001", fileName: "sous\\dossier.pdf", part: "2026-0001/sous\\dossier.pdf"),
        (number: "2026-0001", fileName: "a\u{0}.pdf", part: "2026-0001/a\u{0}.pdf"),
        (number: "2026-0001", fileName: ".", part: "2026-0001/."),
    ]

    @Test("a case number or file name that is not a plain name is refused, naming it", arguments: unsafe)
    func unsafeNames(_ bad: (number: String, fileName: String, part: String)) {
        #expect(throws: DocumentError.packagingFailed(part: bad.part)) {
            try CollectiveFilingArchive.archive(
                cases: [(number: bad.number, documents: [(fileName: bad.fileName, bytes: [1, 2, 3])])],
                summaryPDF: Self.summaryPDF, summaryCSV: Self.summaryCSV)
        }
    }

    @Test("a path given twice is refused rather than overwritten")
    func duplicates() {
        #expect(throws: DocumentError.packagingFailed(part: "2026-0001/a.pdf")) {
            try CollectiveFilingArchive.archive(
                cases: [
                    (number: "2026-0001", documents: [(fileName: "a.pdf", bytes: [1])]),
                    (number: "2026-0001", documents: [(fileName: "a.pdf", bytes: [2])]),
                ], summaryPDF: Self.summaryPDF, summaryCSV: Self.summaryCSV)
        }
    }
}
