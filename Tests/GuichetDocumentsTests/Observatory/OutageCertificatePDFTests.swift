import Testing
import Foundation
import GuichetCore
@testable import GuichetDocuments

/// The outage certificate written by the PDF writer, read back, and attached to the référé as a supporting document.
@Suite("Outage certificate: PDF and exhibit")
struct OutageCertificatePDFTests {
    static let platform = Platform(
        id: Platform.ID("anef")!, name: "ANEF (Administration numérique pour les étrangers en France)",
        entryURL: ProbeURL("https://administration-etrangers-en-france.interieur.gouv.fr/")!,
        sources: [DatedSource(title: "Réfugiés.info : démarche en ligne sur l'ANEF", url: "https://refugies.info/fr/demarche/63401d8783f485a025e88388", checked: LocalDate(year: 2026, month: 12, day: 3)!)],
        isVerified: true)
    static func hash(_ bytes: [UInt8]) -> [UInt8] { SHA256Hasher.hash(bytes) }

    /// Probes every 10 minutes on 3 November 2026 from 09:00 UTC, failing from 10:00 to 11:00 UTC.
    static func probes(count: Int = 24) -> [PlatformProbe] {
        (0..<count).map { index in
            let at: Int64 = 1_793_696_400 + Int64(index) * 600
            let failing = (6..<12).contains(index)
            return PlatformProbe(
                platform: platform.id, at: at, outcome: failing ? (index % 2 == 0 ? .http(status: 503) : .error(.timeout)) : .http(status: 200),
                durationMilliseconds: failing ? 10_000 : 200 + index)
        }
    }

    static func certificate(probes: [PlatformProbe] = probes()) throws -> [UInt8] {
        guard case .success(let period) = OutageCertificate.period(
            platform: "anef", from: "2026-11-01", to: "2026-11-30", platforms: [platform], today: LocalDate(year: 2026, month: 12, day: 4)!)
        else { throw TestFailure() }
        let draft = OutageCertificate.draft(
            period: period, probes: probes, reports: [("anef", ReportWeek(year: 2026, week: 45)!, 5)],
            rules: .init(userAgent: "guichet-observatoire/1 (+mailto:obs@association.example)", isEnabled: true),
            today: LocalDate(year: 2026, month: 12, day: 4)!, siteURL: "https://guichet.example", hash: hash)
        return try PDFWriter().write(draft)
    }

    @Test("the PDF reads back: every line and its hash, the head; the chain verifies from the text, and fails once a line changes")
    func readsBack() throws {
        let bytes = try Self.certificate()
        let pdf = PDFReader(bytes)
        let text = pdf.text
        #expect(pdf.latin1.contains("pdfaid:part"))
        #expect(text.contains("sondage|anef|20261103T100000Z|http-503|10000"))
        #expect(text.contains("signalements|anef|2026-W45|site-en-panne|5"))
        let folded = text.split(whereSeparator: { $0.isWhitespace || $0 == "\u{A0}" || $0 == "\u{202F}" }).joined(separator: " ")
        #expect(folded.contains("guichet-observatoire/1 (+mailto:obs@association.example)"))
        #expect(text.contains("https://administration-etrangers-en-france.interieur.gouv.fr/"))
        guard case .intact(let lines, let head) = OutageCertificate.verify(text: text, hash: Self.hash) else {
            Issue.record("the chain verifies from the PDF's text: \(OutageCertificate.verify(text: text, hash: Self.hash))")
            return
        }
        #expect(lines == 25)
        #expect(text.contains(head))
        let altered = text.replacingOccurrences(of: "20261103T100000Z|http-503", with: "20261103T100000Z|http-200")
        #expect(OutageCertificate.verify(text: altered, hash: Self.hash) == .broken(entry: 7, line: "sondage|anef|20261103T100000Z|http-200|10000"))
        // Deterministic: the same inputs, the same bytes.
        #expect(try Self.certificate() == bytes)
    }

    @Test("a month of probes every 10 minutes (4 320) makes a PDF the writer handles")
    func month() throws {
        let started = ContinuousClock.now
        let probes = (0..<4_320).map { index in
            PlatformProbe(platform: Self.platform.id, at: 1_793_487_600 + Int64(index) * 600, outcome: .http(status: 200), durationMilliseconds: 250)
        }
        let bytes = try Self.certificate(probes: probes)
        let elapsed = ContinuousClock.now - started
        print("outage certificate: 4320 probes → \(bytes.count) bytes in \(elapsed)")
        #expect(bytes.count > 100_000)
    }

    @Test("attached to the référé as a supporting document: an exhibit of the bundle, copied as it is into the split filing")
    func refereExhibit() throws {
        let certificate = try Self.certificate()
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../examples").standardized
        var caseFile = try CaseFile.decode(json: Array(try Data(contentsOf: examples.appendingPathComponent("solide.json"))))
        caseFile.supportingDocuments.append(
            SupportingDocument(title: "Attestation d'indisponibilité de l'ANEF (novembre 2026)", file: "pieces/attestation-anef.pdf"))
        let drafted = try DocumentKind.refereMesuresUtiles.draft(
            from: caseFile, today: LocalDate(year: 2026, month: 12, day: 4)!,
            files: { name in
                name == "pieces/attestation-anef.pdf" ? certificate : (try? Data(contentsOf: examples.appendingPathComponent(name))).map(Array.init)
            },
            hash: Self.hash)
        let exhibit = try #require(drafted.draft.exhibits.first { $0.title.hasPrefix("Attestation d'indisponibilité") })
        #expect(exhibit.content == .pdf(certificate))
        let digest = Self.hash(certificate).map { String(format: "%02x", $0) }.joined()
        #expect(exhibit.caption.contains("SHA-256 : \(digest)"))
        // The bundle lists it in the bordereau and gives it a page (title, file, hash, « joint à part »).
        let bundle = PDFReader(try PDFWriter().write(drafted.draft)).text
        #expect(bundle.contains("Attestation d\u{2019}indisponibilité de l\u{2019}ANEF") || bundle.contains("Attestation d'indisponibilité de l'ANEF"))
        #expect(bundle.contains(digest))
        // The split filing carries the certificate's own file, byte for byte, named after its number.
        let files = try SplitFiling.files(drafted.draft, format: .pdf, mainStem: "Requete")
        let filed = try #require(files.first { $0.bytes == certificate })
        #expect(filed.name == exhibit.fileName(extension: "pdf"))
        #expect(filed.name.hasPrefix(exhibit.number < 10 ? "0\(exhibit.number)-" : "\(exhibit.number)-"))
    }
}

struct TestFailure: Error {}
