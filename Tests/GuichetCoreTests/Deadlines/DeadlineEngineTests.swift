import Foundation
import Testing

@testable import GuichetCore

/// A deadline to compute, with the article (or example) it checks.
struct DeadlineCase: CustomTestStringConvertible, Sendable {
    let article: String
    let rule: String
    let date: String
    var time: String? = nil
    var department: String? = nil
    var overseas = false
    var abroad = false
    let expected: String
    var expectedTime: String? = nil
    /// Whether a local-holiday warning is expected.
    var localHoliday = false

    var testDescription: String {
        "\(article): \(rule) from \(date)\(department.map { " in \($0)" } ?? "") → \(expected)"
    }

    func compute() throws -> DeadlineResult {
        try DeadlineEngine.compute(
            DeadlineRequest.parse(
                rule: rule, date: date, time: time, department: department, overseas: overseas, abroad: abroad))
    }
}

@Suite("Deadline engine")
struct DeadlineEngineTests {
    static let monthCases: [DeadlineCase] = [
        DeadlineCase(
            article: "R.421-1 CJA, law.md example (notified 3 Jan 2021)", rule: "recours-contentieux",
            date: "2021-01-03", expected: "2021-03-04"),
        DeadlineCase(
            article: "R.421-1 CJA, franc", rule: "recours-contentieux", date: "2022-01-03", expected: "2022-03-04"),
        DeadlineCase(
            article: "R.421-1 CJA, 31 December + 2 months = 28 February, franc 1 March", rule: "recours-contentieux",
            date: "2022-12-31", expected: "2023-03-01"),
        DeadlineCase(
            article: "R.421-1 CJA, leap year: 29 February 2024, franc 1 March", rule: "recours-contentieux",
            date: "2023-12-31", expected: "2024-03-01"),
        DeadlineCase(
            article: "L.911-1 CESEDA, 31 January + 1 month = 29 February 2024 (leap), franc 1 March",
            rule: "oqtf-1-mois", date: "2024-01-31", expected: "2024-03-01"),
        DeadlineCase(
            article: "L.911-1 CESEDA, 28 February 2025, franc Saturday 1 March → Monday 3 March", rule: "oqtf-1-mois",
            date: "2025-01-31", expected: "2025-03-03"),
        DeadlineCase(
            article: "R.432-2 CESEDA, 31 October + 4 months = end of February (event, not moved)",
            rule: "silence-titre-sejour", date: "2024-10-31", expected: "2025-02-28"),
        DeadlineCase(
            article: "R.432-2 CESEDA, leap year", rule: "silence-titre-sejour", date: "2023-10-31",
            expected: "2024-02-29"),
        DeadlineCase(
            article: "R.421-7 CJA, overseas +1 month: 3 April, franc Easter Sunday, Easter Monday → Tuesday",
            rule: "recours-contentieux", date: "2021-01-03", overseas: true, expected: "2021-04-06"),
        DeadlineCase(
            article: "R.421-7 CJA, abroad +2 months", rule: "recours-contentieux", date: "2021-01-03", abroad: true,
            expected: "2021-05-04"),
        DeadlineCase(
            article: "CNDA 1 month (law.md §3.5), franc, Sunday → Monday", rule: "cnda", date: "2025-04-25",
            expected: "2025-05-26"),
        DeadlineCase(
            article: "CRRV silence 2 months (law.md §3.6)", rule: "silence-crrv", date: "2025-03-15",
            expected: "2025-05-15"),
    ]

    @Test("counts months from date to same date", arguments: monthCases)
    func months(_ c: DeadlineCase) throws {
        #expect(try c.compute().deadline.iso == c.expected)
    }

    static let dayCases: [DeadlineCase] = [
        DeadlineCase(
            article: "R.523-1 CJA, 15 days franc (20 Dec 2022 → 5 Jan 2023, law.md §3.1)", rule: "cassation-refere",
            date: "2022-12-20", expected: "2023-01-05"),
        DeadlineCase(
            article: "R.531-2 CESEDA, 21 days, not moved", rule: "ofpra-introduction", date: "2025-03-01",
            expected: "2025-03-22"),
        DeadlineCase(
            article: "R.531-17 CESEDA, deemed notified after 15 days", rule: "ofpra-notification", date: "2025-04-10",
            expected: "2025-04-25"),
        DeadlineCase(
            article: "D.312-4 CESEDA, 30 days, not moved", rule: "visa-recours-prealable", date: "2025-01-10",
            expected: "2025-02-09"),
        DeadlineCase(
            article: "L.921-1 CESEDA, 7 days not franc", rule: "oqtf-7-jours", date: "2025-03-04", department: "75",
            expected: "2025-03-11"),
    ]

    @Test("counts days without the triggering day", arguments: dayCases)
    func days(_ c: DeadlineCase) throws {
        #expect(try c.compute().deadline.iso == c.expected)
    }

    /// L.921-1 CESEDA (7 days, not franc, carried over): a last day on each kind of holiday.
    static let holidayCases: [DeadlineCase] = [
        DeadlineCase(
            article: "L.3133-1 lundi de Pâques (21 Apr 2025) → Tuesday", rule: "oqtf-7-jours", date: "2025-04-14",
            department: "75", expected: "2025-04-22"),
        DeadlineCase(
            article: "L.3133-1 1er mai (Thursday) → Friday", rule: "oqtf-7-jours", date: "2025-04-24", department: "75",
            expected: "2025-05-02"),
        DeadlineCase(
            article: "L.3133-1 8 mai → Friday", rule: "oqtf-7-jours", date: "2025-05-01", department: "75",
            expected: "2025-05-09"),
        DeadlineCase(
            article: "L.3133-1 Ascension (29 May 2025) → Friday", rule: "oqtf-7-jours", date: "2025-05-22",
            department: "75", expected: "2025-05-30"),
        DeadlineCase(
            article: "L.3133-1 lundi de Pentecôte (9 June 2025) → Tuesday", rule: "oqtf-7-jours", date: "2025-06-02",
            department: "75", expected: "2025-06-10"),
        DeadlineCase(
            article: "L.3133-1 14 juillet (Monday) → Tuesday", rule: "oqtf-7-jours", date: "2025-07-07",
            department: "75", expected: "2025-07-15"),
        DeadlineCase(
            article: "L.3133-1 15 août (Friday) → Monday 18", rule: "oqtf-7-jours", date: "2025-08-08",
            department: "75",
            expected: "2025-08-18"),
        DeadlineCase(
            article: "L.3133-1 Toussaint on a Saturday → Monday 3", rule: "oqtf-7-jours", date: "2025-10-25",
            department: "75", expected: "2025-11-03"),
        DeadlineCase(
            article: "L.3133-1 11 novembre → Wednesday", rule: "oqtf-7-jours", date: "2025-11-04", department: "75",
            expected: "2025-11-12"),
        DeadlineCase(
            article: "L.3133-1 Noël → 26 December elsewhere", rule: "oqtf-7-jours", date: "2025-12-18",
            department: "75",
            expected: "2025-12-26"),
        DeadlineCase(
            article: "L.3133-1 1er janvier → Friday 2", rule: "oqtf-7-jours", date: "2025-12-25", department: "75",
            expected: "2026-01-02"),
        DeadlineCase(
            article: "L.3134-13 26 décembre in Alsace: kept, with a warning", rule: "oqtf-7-jours", date: "2025-12-18",
            department: "67", expected: "2025-12-26", localHoliday: true),
        DeadlineCase(
            article: "L.3134-13 Vendredi saint in Moselle: kept, with a warning", rule: "oqtf-7-jours",
            date: "2025-04-11", department: "57", expected: "2025-04-18", localHoliday: true),
        DeadlineCase(
            article: "L.3134-13 Vendredi saint elsewhere: a working day", rule: "oqtf-7-jours", date: "2025-04-11",
            department: "75", expected: "2025-04-18"),
        DeadlineCase(
            article: "L.3422-2 La Réunion 20 décembre: kept, with a warning", rule: "oqtf-7-jours", date: "2024-12-13",
            department: "974", expected: "2024-12-20", localHoliday: true),
        DeadlineCase(
            article: "L.3422-2 Guadeloupe 27 mai: kept, with a warning", rule: "oqtf-7-jours", date: "2025-05-20",
            department: "971", expected: "2025-05-27", localHoliday: true),
        DeadlineCase(
            article: "L.3422-2 Martinique 22 mai: kept, with a warning", rule: "oqtf-7-jours", date: "2025-05-15",
            department: "972", expected: "2025-05-22", localHoliday: true),
        DeadlineCase(
            article: "L.3422-2 Guyane 10 juin: kept, with a warning", rule: "oqtf-7-jours", date: "2025-06-03",
            department: "973", expected: "2025-06-10", localHoliday: true),
        DeadlineCase(
            article: "L.3422-2 Mayotte 27 avril: kept, with a warning", rule: "oqtf-7-jours", date: "2026-04-20",
            department: "976", expected: "2026-04-27", localHoliday: true),
    ]

    @Test("moves a last day off a weekend or national holiday, warns about local ones", arguments: holidayCases)
    func holidays(_ c: DeadlineCase) throws {
        let result = try c.compute()
        #expect(result.deadline.iso == c.expected)
        #expect(result.warnings.contains { $0.contains("jour férié local") } == c.localHoliday)
    }

    @Test("warns when counting months from the next day would end earlier (law.md §3.1, month ends)")
    func monthEndPrudence() throws {
        let result = try DeadlineEngine.compute(DeadlineRequest.parse(rule: "oqtf-1-mois", date: "2025-01-30"))
        #expect(result.deadline.iso == "2025-03-03")
        #expect(result.warnings.contains { $0.hasPrefix("Par prudence") && $0.contains("vendredi 28 février 2025") })
        for date in ["2021-01-03", "2022-12-31", "2025-01-31"] {
            let plain = try DeadlineEngine.compute(DeadlineRequest.parse(rule: "recours-contentieux", date: date))
            #expect(!plain.warnings.contains { $0.hasPrefix("Par prudence") })
        }
    }

    @Test("explains each step in French")
    func steps() throws {
        let result = try DeadlineCase(
            article: "R.421-1 CJA", rule: "recours-contentieux", date: "2022-01-03", department: "75",
            expected: "2022-03-04"
        ).compute()
        #expect(result.steps.first == "Décision notifiée le lundi 3 janvier 2022.")
        #expect(result.steps.contains("Le délai de deux mois se termine le jeudi 3 mars 2022."))
        #expect(result.steps.contains("Délai franc : le dernier jour utile est le vendredi 4 mars 2022."))
        let moved = try DeadlineCase(
            article: "R.421-1 CJA", rule: "recours-contentieux", date: "2022-04-05", department: "75",
            expected: "2022-06-07"
        ).compute()
        #expect(moved.deadline.iso == "2022-06-07")
        #expect(
            moved.steps.contains(
                "Le 6 juin 2022 est un jour férié (Lundi de Pentecôte) : la date limite est reportée au mardi 7 juin 2022."
            ))
    }

    @Test("counts 48 hours from the same clock time, across the March summer-time change (L.921-2 CESEDA)")
    func hoursAcrossSpringChange() throws {
        let result = try DeadlineCase(
            article: "L.921-2 CESEDA", rule: "oqtf-48h", date: "2026-03-27", time: "10:00", department: "93",
            expected: "2026-03-29"
        ).compute()
        #expect(result.deadline.iso == "2026-03-29")
        #expect(result.time?.iso == "10:00")
        #expect(result.steps.contains { $0.contains("quarante-sept heures réelles") })
    }

    @Test("warns when the October change makes 48 clock hours last 49 real hours (L.921-2 CESEDA)")
    func hoursAcrossAutumnChange() throws {
        let result = try DeadlineCase(
            article: "L.921-2 CESEDA", rule: "oqtf-48h", date: "2025-10-25", time: "10:00", department: "75",
            expected: "2025-10-27"
        ).compute()
        #expect(result.time?.iso == "10:00")
        #expect(result.warnings.contains { $0.contains("lundi 27 octobre 2025 à 9 h") })
    }

    @Test(
        "never moves an hour-based deadline, overseas or in the summer-time gap (L.921-2 CESEDA)",
        arguments: [
            ("2026-03-27", "10:00", "974", "2026-03-29", "10:00"),
            ("2025-12-23", "18:30", "75", "2025-12-25", "18:30"),
            ("2026-03-27", "02:30", "75", "2026-03-29", "03:30"),
        ])
    func hoursNeverMoved(date: String, time: String, department: String, expected: String, expectedTime: String) throws
    {
        let result = try DeadlineEngine.compute(
            DeadlineRequest.parse(rule: "oqtf-48h", date: date, time: time, department: department))
        #expect(result.deadline.iso == expected)
        #expect(result.time?.iso == expectedTime)
    }

    @Test("opens and closes the renewal windows (R.431-5 CESEDA), flagged unverified")
    func windows() throws {
        let anef = try DeadlineEngine.compute(
            DeadlineRequest.parse(rule: "renouvellement-titre-anef", date: "2025-06-30"))
        #expect(anef.opens?.iso == "2025-03-02")
        #expect(anef.closes?.iso == "2025-05-01")
        #expect(anef.deadline == anef.closes)
        #expect(!anef.isVerified)
        #expect(anef.warnings.first?.hasPrefix("Règle non vérifiée : ") == true)
        let other = try DeadlineEngine.compute(DeadlineRequest.parse(rule: "renouvellement-titre", date: "2025-04-30"))
        #expect(other.opens?.iso == "2025-02-28")
        #expect(other.closes?.iso == "2025-04-30")
        #expect(!other.isVerified)
        #expect(other.warnings.first?.hasPrefix("Règle non vérifiée : ") == true)
    }

    @Test("chains the rules that follow: implicit refusal → court, Ofpra → CNDA, visa → CRRV → TA de Nantes")
    func chains() throws {
        let silence = try DeadlineEngine.compute(
            DeadlineRequest.parse(rule: "silence-titre-sejour", date: "2024-10-31", department: "57"))
        #expect(silence.next.map(\.rule) == ["recours-contentieux"])
        #expect(silence.next.first?.date.iso == "2025-02-28")
        #expect(silence.next.first?.deadline.iso == "2025-04-29")
        #expect(silence.next.first?.steps.first == "Décision implicite de rejet née le vendredi 28 février 2025.")

        let ofpra = try DeadlineEngine.compute(DeadlineRequest.parse(rule: "ofpra-notification", date: "2025-04-10"))
        let cnda = try #require(ofpra.next.first)
        #expect(cnda.rule == "cnda")
        #expect(cnda.deadline.iso == "2025-05-26")
        #expect(cnda.department.code == "93")
        #expect(
            cnda.steps.contains {
                $0.hasPrefix("Aide juridictionnelle : demandez-la au plus tard le samedi 10 mai 2025")
            })

        let visa = try DeadlineEngine.compute(
            DeadlineRequest.parse(rule: "visa-recours-prealable", date: "2025-01-10", abroad: true))
        let crrv = try #require(visa.next.first)
        #expect(crrv.rule == "silence-crrv")
        #expect(crrv.deadline.iso == "2025-04-09")
        let court = try #require(crrv.next.first)
        #expect(court.rule == "recours-contentieux")
        #expect(court.department.code == "44")
        #expect(court.deadline.iso == "2025-06-10")
        #expect(court.warnings.contains { $0.contains("R.312-18") })
    }

    @Test("keeps the R.421-7 extension out of rules it does not apply to")
    func distanceOnlyWhereItApplies() throws {
        let result = try DeadlineEngine.compute(
            DeadlineRequest.parse(rule: "oqtf-1-mois", date: "2025-03-04", overseas: true))
        #expect(result.deadline.iso == "2025-04-07")
        #expect(result.warnings.contains { $0.contains("R.421-7") })
    }

    @Test(
        "knows every rule of the brief, each with its source",
        arguments: [
            "recours-contentieux", "renouvellement-titre-anef", "renouvellement-titre", "silence-titre-sejour",
            "ofpra-introduction", "ofpra-notification", "cnda", "oqtf-1-mois", "oqtf-7-jours", "oqtf-48h",
            "visa-recours-prealable", "silence-crrv", "cassation-refere", "silence-recours-administratif",
            "api-validite", "autorisation-travail-silence", "naturalisation-decision",
            "naturalisation-recours-prealable", "caf-recours-amiable", "caf-silence-recours-amiable",
            "logement-social-renouvellement",
        ])
    func everyRule(id: String) throws {
        let rule = try #require(DeadlineRule.named(id))
        #expect(!rule.source.citation.isEmpty)
        #expect(rule.source.dateChecked == (Self.decemberRules.contains(id) ? .briefCheckDecember : .briefCheck))
        let result = try DeadlineEngine.compute(
            DeadlineRequest(ruleID: id, date: LocalDate(literal: 2025, 6, 2), time: LocalTime(literal: 8, 15)))
        #expect(result.rule == id)
        #expect(result.deadline >= result.date || result.opens != nil)
        #expect(!result.steps.isEmpty)
        #expect(result.isVerified == rule.source.isVerified)
        if !rule.source.isVerified {
            #expect(result.warnings.contains { $0.hasPrefix("Règle non vérifiée") })
        }
    }

    /// The rules added on 3 December 2026 (checked against the brief on that day).
    static let decemberRules: Set<String> = [
        "silence-recours-administratif", "api-validite", "autorisation-travail-silence", "naturalisation-decision",
        "naturalisation-recours-prealable", "caf-recours-amiable", "caf-silence-recours-amiable",
        "logement-social-renouvellement",
    ]

    @Test("the catalogue lists every rule once, the December ones after the brief's")
    func catalogueOrder() {
        let ids = DeadlineRule.catalogue.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(Array(ids.suffix(Self.decemberRules.count)).allSatisfy(Self.decemberRules.contains))
    }

    @Test("marks franc and carry-over as the brief says")
    func conventions() throws {
        let franc = DeadlineRule.catalogue.filter(\.isFranc).map(\.id)
        #expect(franc == ["recours-contentieux", "cnda", "oqtf-1-mois", "cassation-refere"])
        let moved = DeadlineRule.catalogue.filter(\.movesToWorkingDay).map(\.id)
        #expect(moved == ["recours-contentieux", "cnda", "oqtf-1-mois", "oqtf-7-jours", "cassation-refere"])
        #expect(DeadlineRule.catalogue.filter(\.acceptsDistanceExtension).map(\.id) == ["recours-contentieux"])
    }

    static let errorCases: [(String, String, String?, String?, Bool, Bool, DeadlineError)] = [
        ("inconnu", "2025-01-01", nil, nil, false, false, .unknownRule("inconnu")),
        ("cnda", "2025-02-30", nil, nil, false, false, .invalidDate("2025-02-30")),
        ("cnda", "03/01/2025", nil, nil, false, false, .invalidDate("03/01/2025")),
        ("oqtf-48h", "2025-01-01", "25:00", nil, false, false, .invalidTime("25:00")),
        ("oqtf-48h", "2025-01-01", "9h", nil, false, false, .invalidTime("9h")),
        ("oqtf-48h", "2025-01-01", nil, nil, false, false, .missingTime(rule: "oqtf-48h")),
        ("cnda", "2025-01-01", nil, "20", false, false, .invalidDepartment("20")),
        ("cnda", "2025-01-01", nil, "999", false, false, .invalidDepartment("999")),
        ("cnda", "1989-12-31", nil, nil, false, false, .dateOutOfRange(LocalDate(literal: 1989, 12, 31))),
        ("recours-contentieux", "2025-01-01", nil, nil, true, true, .conflictingDistance),
    ]

    @Test("reports every error as data, with a French message", arguments: errorCases)
    func errors(
        rule: String, date: String, time: String?, department: String?, overseas: Bool, abroad: Bool,
        expected: DeadlineError
    ) {
        #expect(throws: expected) {
            try DeadlineEngine.compute(
                DeadlineRequest.parse(
                    rule: rule, date: date, time: time, department: department, overseas: overseas, abroad: abroad))
        }
        #expect(!expected.frenchMessage.isEmpty)
    }

    @Test("encodes the JSON contract")
    func json() throws {
        let encoder = JSONEncoder()
        let visa = try DeadlineEngine.compute(DeadlineRequest.parse(rule: "visa-recours-prealable", date: "2025-01-10"))
        let object = try #require(
            try JSONSerialization.jsonObject(with: encoder.encode(visa)) as? [String: Any])
        #expect(object["rule"] as? String == "visa-recours-prealable")
        #expect(object["date"] as? String == "2025-01-10")
        #expect(object["department"] as? String == "44")
        #expect(object["deadline"] as? String == "2025-02-09")
        #expect(object["verified"] as? Bool == true)
        #expect(object["source"] as? String == visa.source.citation)
        #expect(object["dateChecked"] as? String == "2026-11-26")
        #expect((object["steps"] as? [String])?.isEmpty == false)
        #expect(object["time"] == nil && object["opens"] == nil)
        #expect((object["next"] as? [[String: Any]])?.first?["rule"] as? String == "silence-crrv")

        let hours = try DeadlineEngine.compute(
            DeadlineRequest.parse(rule: "oqtf-48h", date: "2026-03-27", time: "10:00"))
        let hoursObject = try #require(try JSONSerialization.jsonObject(with: encoder.encode(hours)) as? [String: Any])
        #expect(hoursObject["time"] as? String == "10:00")
        #expect(hoursObject["next"] == nil)

        let window = try DeadlineEngine.compute(DeadlineRequest.parse(rule: "renouvellement-titre", date: "2025-04-30"))
        let windowObject = try #require(
            try JSONSerialization.jsonObject(with: encoder.encode(window)) as? [String: Any])
        #expect(windowObject["opens"] as? String == "2025-02-28")
        #expect(windowObject["closes"] as? String == "2025-04-30")
        #expect(windowObject["verified"] as? Bool == false)
    }

    @Test("renders plain text for the command line")
    func plainText() throws {
        let text = try DeadlineEngine.compute(DeadlineRequest.parse(rule: "recours-contentieux", date: "2021-01-03"))
            .plainText()
        #expect(text.contains("Date limite : jeudi 4 mars 2021."))
        #expect(text.contains("Source : art. R.421-1"))
    }
}
