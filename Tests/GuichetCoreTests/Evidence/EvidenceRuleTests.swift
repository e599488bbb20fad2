import Foundation
import Testing

@testable import GuichetCore

/// A journal and the verdict the rule must give, with the decision or boundary it checks.
struct EvidenceCase: CustomTestStringConvertible, Sendable {
    let why: String
    /// One attempt per string: `instant [outcome [channel]]` (defaults: aucun-creneau, site-prefecture).
    let attempts: [String]
    var letters = 0
    var department = "93"
    let verdict: EvidenceVerdict
    let failed: Int
    let span: Int
    let weeks: Int

    var testDescription: String { "\(why) → \(verdict.rawValue)" }

    var caseFile: CaseFile {
        var caseFile = CaseFile(department: Department.lookup(department) ?? .paris, procedure: .renouvellementTitre)
        caseFile.attempts = attempts.map { spec in
            let parts = spec.split(separator: " ").map(String.init)
            return Attempt(
                at: OffsetDateTime(iso: parts[0]) ?? JournalTests.instant("1970-01-01T00:00:00Z"),
                channel: parts.count > 2 ? AttemptChannel(rawValue: parts[2]) ?? .sitePrefecture : .sitePrefecture,
                outcome: parts.count > 1 ? AttemptOutcome(rawValue: parts[1]) ?? .aucunCreneau : .aucunCreneau)
        }
        caseFile.letters = (0..<letters).map { _ in Letter(sentOn: LocalDate(literal: 2026, 10, 12), kind: .lrar) }
        return caseFile
    }
}

@Suite("Sufficiency of the evidence (CE 10 June 2020 n° 435594; CE 9 June 2022 n° 453391)")
struct EvidenceRuleTests {
    static let cases: [EvidenceCase] = [
        EvidenceCase(
            why:
                "CE 2020 n° 435594: Friday 13 to Wednesday 18 September 2019, 4 captures and an e-mail (two ISO weeks, "
                + "six days)",
            attempts: [
                "2019-09-13T09:02:00+02:00", "2019-09-16T10:15:00+02:00",
                "2019-09-16T10:40:00+02:00 sans-reponse courriel",
                "2019-09-17T14:30:00+02:00", "2019-09-18T09:05:00+02:00",
            ],
            letters: 1, verdict: .insuffisant, failed: 5, span: 5, weeks: 2),
        EvidenceCase(
            why: "fewer than three failures, even a month apart",
            attempts: ["2026-10-01T09:00:00+02:00", "2026-10-30T09:00:00+01:00"], letters: 1,
            verdict: .insuffisant, failed: 2, span: 29, weeks: 2),
        EvidenceCase(
            why: "span of exactly 7 days (Monday to Monday)",
            attempts: ["2026-10-05T09:00:00+02:00", "2026-10-08T09:00:00+02:00", "2026-10-12T09:00:00+02:00"],
            verdict: .insuffisant, failed: 3, span: 7, weeks: 2),
        EvidenceCase(
            why: "span of 8 days: more than a week",
            attempts: ["2026-10-05T09:00:00+02:00", "2026-10-08T09:00:00+02:00", "2026-10-13T09:00:00+02:00"],
            verdict: .recevable, failed: 3, span: 8, weeks: 2),
        EvidenceCase(
            why: "span of exactly 21 days, six failures, three ISO weeks, a letter",
            attempts: [
                "2026-10-05T09:00:00+02:00", "2026-10-06T13:00:00+02:00", "2026-10-12T18:00:00+02:00",
                "2026-10-13T09:00:00+02:00", "2026-10-14T09:00:00+02:00", "2026-10-26T09:00:00+01:00",
            ],
            letters: 1, verdict: .solide, failed: 6, span: 21, weeks: 3),
        EvidenceCase(
            why: "the same without any written request",
            attempts: [
                "2026-10-05T09:00:00+02:00", "2026-10-06T13:00:00+02:00", "2026-10-12T18:00:00+02:00",
                "2026-10-13T09:00:00+02:00", "2026-10-14T09:00:00+02:00", "2026-10-26T09:00:00+01:00",
            ],
            verdict: .recevable, failed: 6, span: 21, weeks: 3),
        EvidenceCase(
            why: "an e-mail attempt to the prefecture is a written request",
            attempts: [
                "2026-10-05T09:00:00+02:00", "2026-10-06T13:00:00+02:00", "2026-10-12T18:00:00+02:00",
                "2026-10-13T09:00:00+02:00", "2026-10-14T09:00:00+02:00",
                "2026-10-26T09:00:00+01:00 sans-reponse courriel",
            ],
            verdict: .solide, failed: 6, span: 21, weeks: 3),
        EvidenceCase(
            why: "span of 20 days is short of solide",
            attempts: [
                "2026-10-05T09:00:00+02:00", "2026-10-06T09:00:00+02:00", "2026-10-12T09:00:00+02:00",
                "2026-10-13T09:00:00+02:00", "2026-10-19T09:00:00+02:00", "2026-10-25T09:00:00+01:00",
            ],
            letters: 1, verdict: .recevable, failed: 6, span: 20, weeks: 3),
        EvidenceCase(
            why: "21 days but only two ISO weeks hold an attempt",
            attempts: [
                "2026-10-05T09:00:00+02:00", "2026-10-05T13:00:00+02:00", "2026-10-05T18:00:00+02:00",
                "2026-10-26T09:00:00+01:00", "2026-10-26T13:00:00+01:00", "2026-10-26T18:00:00+01:00",
            ],
            letters: 1, verdict: .recevable, failed: 6, span: 21, weeks: 2),
        EvidenceCase(
            why: "five failures are short of solide whatever the span",
            attempts: [
                "2026-10-05T09:00:00+02:00", "2026-10-12T09:00:00+02:00", "2026-10-19T09:00:00+02:00",
                "2026-10-26T09:00:00+01:00", "2026-11-02T09:00:00+01:00",
            ],
            letters: 1, verdict: .recevable, failed: 5, span: 28, weeks: 5),
        EvidenceCase(
            why: "ISO weeks across a year end: 2025-W52, 2026-W01, W02, W03",
            attempts: [
                "2025-12-22T09:00:00+01:00", "2025-12-23T09:00:00+01:00", "2025-12-29T09:00:00+01:00",
                "2025-12-30T09:00:00+01:00", "2026-01-05T09:00:00+01:00", "2026-01-12T09:00:00+01:00",
            ],
            letters: 1, verdict: .solide, failed: 6, span: 21, weeks: 4),
        EvidenceCase(
            why: "ISO week 2020-W53 runs into January 2021 (week-year, not calendar year)",
            attempts: [
                "2020-12-28T09:00:00+01:00", "2020-12-31T09:00:00+01:00", "2021-01-03T09:00:00+01:00",
                "2021-01-05T09:00:00+01:00",
            ],
            verdict: .recevable, failed: 4, span: 8, weeks: 2),
        EvidenceCase(
            why: "only failed outcomes count",
            attempts: [
                "2026-10-05T09:00:00+02:00", "2026-10-08T09:00:00+02:00 creneau-obtenu",
                "2026-10-14T09:00:00+02:00",
            ],
            verdict: .insuffisant, failed: 2, span: 9, weeks: 2),
        EvidenceCase(
            why: "summer time: 22:30 UTC on 29 March 2026 is Monday 30 March in Paris (span 8, not 7)",
            attempts: ["2026-03-22T10:00:00Z", "2026-03-25T10:00:00Z", "2026-03-29T22:30:00Z"],
            verdict: .recevable, failed: 3, span: 8, weeks: 3),
        EvidenceCase(
            why: "winter time: 23:30 UTC is already the next day in Paris",
            attempts: ["2026-01-05T09:00:00+01:00", "2026-01-08T09:00:00+01:00", "2026-01-11T23:30:00Z"],
            verdict: .insuffisant, failed: 3, span: 7, weeks: 2),
        EvidenceCase(
            why: "overseas: days are read in the département's own time (Guyane, UTC−3)",
            attempts: ["2026-10-05T02:00:00+02:00", "2026-10-08T12:00:00+02:00", "2026-10-12T12:00:00+02:00"],
            department: "973", verdict: .recevable, failed: 3, span: 8, weeks: 3),
        EvidenceCase(
            why: "no attempt at all", attempts: [], verdict: .insuffisant, failed: 0, span: 0, weeks: 0),
    ]

    @Test("gives the verdict of the rule", arguments: cases)
    func verdict(_ evidence: EvidenceCase) {
        let report = EvidenceRule.standard.evaluate(evidence.caseFile)
        #expect(report.verdict == evidence.verdict)
        #expect(report.failedAttempts == evidence.failed)
        #expect(report.spanDays == evidence.span)
        #expect(report.isoWeeks == evidence.weeks)
        #expect(!report.reasons.isEmpty)
    }

    @Test("explains the 2019 case with the Conseil d'État's own dates")
    func reasonsFor2019() {
        let report = EvidenceRule.standard.evaluate(EvidenceRuleTests.cases[0].caseFile)
        #expect(report.firstFailure == LocalDate(literal: 2019, 9, 13))
        #expect(report.lastFailure == LocalDate(literal: 2019, 9, 18))
        #expect(report.reasons.contains { $0.contains("du vendredi 13 au mercredi 18 septembre 2019") })
        #expect(report.writtenRequests == 2)
        #expect(
            report.advice.contains {
                $0.hasPrefix("Continuez les tentatives au moins jusqu'au samedi 21 septembre 2019")
            })
    }

    @Test("reports an appointment obtained after the failures: the référé has no object")
    func appointmentAfterFailures() {
        var caseFile = EvidenceRuleTests.cases[3].caseFile
        caseFile.attempts.append(
            Attempt(
                at: JournalTests.instant("2026-10-20T09:00:00+02:00"), channel: .sitePrefecture, outcome: .creneauObtenu
            ))
        let report = EvidenceRule.standard.evaluate(caseFile)
        #expect(report.appointmentObtained == LocalDate(literal: 2026, 10, 20))
        #expect(report.reasons.first == "Un rendez-vous a été obtenu le 20 octobre 2026 : le référé n'a plus d'objet.")
        #expect(report.verdict == .recevable)
    }

    @Test("does not treat an appointment followed by new failures as obtained, but asks why")
    func appointmentBetweenFailures() {
        let report = EvidenceRule.standard.evaluate(EvidenceRuleTests.cases[12].caseFile)
        #expect(report.appointmentObtained == nil)
        #expect(report.reasons.contains { $0.hasPrefix("Un rendez-vous obtenu le 8 octobre 2026 est suivi") })
    }

    @Test(
        "advises what would make the file stronger",
        arguments: [
            (2, "le document « lettre-prefecture » la prépare"),
            (2, "sans capture d'écran"),
            (2, "Toutes les tentatives ont eu lieu le matin"),
            (3, "Pour un dossier solide, portez le nombre de tentatives infructueuses à six au moins (il en manque 3)"),
            (3, "Étalez les tentatives sur au moins trois semaines : continuez jusqu'au lundi 26 octobre 2026"),
            (8, "Plusieurs tentatives le même jour comptent peu"),
        ])
    func advice(caseIndex: Int, expected: String) {
        let report = EvidenceRule.standard.evaluate(EvidenceRuleTests.cases[caseIndex].caseFile)
        #expect(report.advice.contains { $0.contains(expected) }, "advice: \(report.advice)")
    }

    @Test("advises the ANEF accompaniment and, outside a renewal, to describe the person's situation")
    func contextualAdvice() {
        var caseFile = EvidenceRuleTests.cases[3].caseFile
        caseFile.procedure = .premiereDemandeTitre
        caseFile.attempts[0].channel = .anef
        let advice = EvidenceRule.standard.evaluate(caseFile).advice
        #expect(advice.contains { $0.contains("centre de contact citoyens") && $0.contains("arrêté du 1er août 2023") })
        #expect(advice.contains { $0.hasPrefix("Hors renouvellement, l'urgence n'est pas présumée") })
        caseFile.procedure = .renouvellementTitre
        #expect(EvidenceRule.standard.evaluate(caseFile).advice.contains { $0.contains("« permitExpiry »") })
    }

    @Test("encodes the JSON contract of `guichet evidence check`")
    func json() throws {
        let report = EvidenceRule.standard.evaluate(EvidenceRuleTests.cases[4].caseFile)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let object = try #require(
            try JSONSerialization.jsonObject(with: encoder.encode(report)) as? [String: Any])
        #expect(object["verdict"] as? String == "solide")
        #expect(object["failedAttempts"] as? Int == 6)
        #expect(object["spanDays"] as? Int == 21)
        #expect(object["isoWeeks"] as? Int == 3)
        #expect((object["reasons"] as? [String])?.isEmpty == false)
        #expect(object["advice"] is [String])
        #expect(object["dateChecked"] as? String == "2026-11-26")
        #expect(object["timeZone"] as? String == "Europe/Paris")
        #expect((object["source"] as? [String: Any])?["citation"] as? String != nil)
        #expect(object["appointmentObtained"] == nil)
    }

    @Test("keeps its thresholds as cited data")
    func ruleData() {
        let levels = EvidenceRule.standard.levels
        #expect(levels.map(\.verdict) == [.recevable, .solide])
        #expect(levels.map(\.minimumFailedAttempts) == [3, 6])
        #expect(levels.map(\.minimumSpanDays) == [8, 21])
        #expect(levels.map(\.minimumISOWeeks) == [2, 3])
        #expect(levels.map(\.requiresWrittenRequest) == [false, true])
        #expect(levels[0].source.citation.contains("435594"))
        #expect(levels[1].source.citation.contains("2010725"))
        #expect(EvidenceRule.standard.source.caveat != nil)
    }
}
