import Testing
import Foundation
@testable import GuichetCore

@Suite("Observatory: the outage certificate")
struct OutageCertificateTests {
    static let platform = Platform(
        id: Platform.ID("anef")!, name: "ANEF", entryURL: ProbeURL("https://anef.example/")!,
        sources: [DatedSource(title: "Dossier", url: "https://dossier.example/", checked: LocalDate(year: 2026, month: 12, day: 1)!)],
        isVerified: true)
    static let today = LocalDate(year: 2026, month: 12, day: 4)!

    static func period(_ from: String?, _ to: String?, platform: String? = "anef") -> Result<OutageCertificate.Period, OutageCertificate.RequestProblem> {
        OutageCertificate.period(platform: platform, from: from, to: to, platforms: [Self.platform], today: today)
    }

    @Test("bad requests are refused with a French message")
    func badRequests() {
        #expect(Self.period("2026-11-01", "2026-11-30", platform: "inexistante") == .failure(.unknownPlatform("inexistante")))
        #expect(Self.period("2026-11-01", "2026-11-30", platform: nil) == .failure(.missingPlatform))
        #expect(Self.period("2026-11-31", "2026-11-30") == .failure(.invalidDate(field: "du", text: "2026-11-31")))
        #expect(Self.period("2026-11-01", nil) == .failure(.missingDate(field: "au")))
        #expect(Self.period("2026-11-30", "2026-11-01") == .failure(.reversed))
        #expect(Self.period("2026-12-01", "2026-12-05") == .failure(.future(Self.today)))
        #expect(Self.period("2025-11-01", "2026-11-30") == .failure(.tooLong(days: 395)))
        #expect(OutageCertificate.RequestProblem.reversed.frenchMessage.contains("à l'envers"))
        guard case .success(let period) = Self.period("2026-11-01", "2026-12-04", platform: "ANEF") else {
            Issue.record("a period ending today is accepted")
            return
        }
        // 1 November 00:00 Paris = 31 October 23:00 UTC; 5 December 00:00 Paris = 4 December 23:00 UTC.
        #expect(period.bounds.start == 1_793_487_600 && period.bounds.end == 1_796_425_200)
    }

    @Test("canonical lines are ASCII without spaces and survive the documents' French typography")
    func canonicalLines() {
        let probe = PlatformProbe(platform: Self.platform.id, at: 1_793_697_605, outcome: .error(.connectionRefused), durationMilliseconds: 12)
        let line = OutageCertificate.line(probe)
        #expect(line == "sondage|anef|20261103T092005Z|erreur-connexion-refusee|12")
        #expect(FrenchTypography.apply(line) == line)
        let report = OutageCertificate.line(platform: Self.platform.id, week: ReportWeek(year: 2026, week: 45)!, count: 7)
        #expect(report == "signalements|anef|2026-W45|site-en-panne|7")
        #expect(FrenchTypography.apply(report) == report)
        #expect(OutageCertificate.utcStamp(0) == "19700101T000000Z")
        #expect(OutageCertificate.parisText(1_793_697_605) == "mardi 3 novembre 2026 à 10:20:05")
    }

    static func text(of draft: DocumentDraft) -> String {
        var lines: [String] = []
        for block in draft.typeset().blocks {
            switch block {
            case .heading(_, let text): lines.append(text)
            case .paragraph(let runs, _): lines.append(runs.map(\.text).joined())
            case .lines(let l, _): lines += l
            case .list(_, let items): lines += items.map { $0.map(\.text).joined() }
            case .table(let rows): lines += rows.map { $0.joined(separator: " ") }
            case .pageBreak: break
            }
        }
        return lines.joined(separator: "\n")
    }

    static func probes() -> [PlatformProbe] {
        [
            PlatformProbe(platform: platform.id, at: 1_793_696_400, outcome: .http(status: 200), durationMilliseconds: 310),
            PlatformProbe(platform: platform.id, at: 1_793_697_000, outcome: .http(status: 503), durationMilliseconds: 95),
            PlatformProbe(platform: platform.id, at: 1_793_697_600, outcome: .error(.timeout), durationMilliseconds: 10_000),
            PlatformProbe(platform: platform.id, at: 1_793_698_200, outcome: .http(status: 200), durationMilliseconds: 280),
            // Outside the period, and another platform: left out.
            PlatformProbe(platform: platform.id, at: 1_796_500_000, outcome: .http(status: 200), durationMilliseconds: 1),
            PlatformProbe(platform: Platform.ID("ofpra")!, at: 1_793_696_400, outcome: .http(status: 200), durationMilliseconds: 1),
        ]
    }

    @Test("the chain is recomputed from the certificate's text; an altered line, hash or order is found")
    func chain() throws {
        guard case .success(let period) = Self.period("2026-11-01", "2026-11-30") else { throw CertificateTestError() }
        let reports: [PlatformReportEvidence] = [("anef", ReportWeek(year: 2026, week: 45)!, 6), ("ofpra", ReportWeek(year: 2026, week: 45)!, 9)]
        let draft = OutageCertificate.draft(
            period: period, probes: Self.probes(), reports: reports,
            rules: .init(userAgent: "guichet-observatoire/1 (+mailto:obs@association.example)", isEnabled: true), today: Self.today,
            siteURL: "https://guichet.example", hash: TestSHA256.hash)
        let text = Self.text(of: draft)
        let entries = OutageCertificate.chain(OutageCertificate.lines(period: period, probes: Self.probes(), reports: reports), hash: TestSHA256.hash)
        #expect(entries.map(\.line) == [
            "sondage|anef|20261103T090000Z|http-200|310", "sondage|anef|20261103T091000Z|http-503|95",
            "sondage|anef|20261103T092000Z|erreur-timeout|10000", "sondage|anef|20261103T093000Z|http-200|280",
            "signalements|anef|2026-W45|site-en-panne|6",
        ])
        // The first hash, by hand: SHA-256("guichet-attestation-v1\n" + 64 zeros + "\n" + line).
        #expect(entries[0].hash == TestSHA256.hex(Array(("guichet-attestation-v1\n" + String(repeating: "0", count: 64) + "\nsondage|anef|20261103T090000Z|http-200|310").utf8)))
        let head = try #require(entries.last?.hash)
        #expect(OutageCertificate.verify(text: text, hash: TestSHA256.hash) == .intact(lines: 5, head: head))
        let plain = text.replacingOccurrences(of: "\u{A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
        #expect(plain.contains("Incident du mardi 3 novembre 2026 à 10:10:00 jusqu'au mardi 3 novembre 2026 à 10:30:00 : 2 sondage(s) en échec, 6 signalement(s)."))
        #expect(text.contains("guichet-observatoire/1 (+mailto:obs@association.example)"))
        #expect(text.contains("https://anef.example/") && text.contains("Dossier, https://dossier.example/"))

        let altered = text.replacingOccurrences(of: "|http-503|95", with: "|http-200|95")
        #expect(OutageCertificate.verify(text: altered, hash: TestSHA256.hash) == .broken(entry: 2, line: "sondage|anef|20261103T091000Z|http-200|95"))
        let swapped = text.replacingOccurrences(of: entries[4].hash, with: entries[3].hash)
        #expect(OutageCertificate.verify(text: swapped, hash: TestSHA256.hash) == .broken(entry: 5, line: entries[4].line))
        let fakeHead = String(repeating: "a", count: 64)
        let headChanged = text.replacingOccurrences(of: "(SHA-256)\u{A0}:\n" + head, with: "(SHA-256)\u{A0}:\n" + fakeHead)
        #expect(headChanged != text)
        #expect(OutageCertificate.verify(text: headChanged, hash: TestSHA256.hash) == .headMismatch(printed: fakeHead, computed: head))
        #expect(OutageCertificate.verify(text: "rien", hash: TestSHA256.hash) == .unreadable)
    }

    @Test("an empty period gives an empty chain whose head is the genesis hash")
    func emptyPeriod() throws {
        guard case .success(let period) = Self.period("2026-10-01", "2026-10-02") else { throw CertificateTestError() }
        let draft = OutageCertificate.draft(
            period: period, probes: Self.probes(), reports: [], rules: .init(userAgent: "ua", isEnabled: false), today: Self.today,
            siteURL: "https://guichet.example", hash: TestSHA256.hash)
        let text = Self.text(of: draft)
        #expect(text.contains("Aucun relevé sur la période."))
        #expect(text.contains("n'est pas activé sur ce site"))
        #expect(OutageCertificate.verify(text: text, hash: TestSHA256.hash) == .intact(lines: 0, head: OutageCertificate.genesisHash))
    }
}

struct CertificateTestError: Error {}
