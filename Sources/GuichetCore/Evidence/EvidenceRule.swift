/// The sufficiency check: are the failed attempts of a case file enough for a référé « mesures utiles »?
///
/// The thresholds are data (``levels``), each with its source, for lawyer review:
///
/// | Verdict | Failed attempts | First-to-last span | ISO weeks with an attempt | Written request |
/// | --- | --- | --- | --- | --- |
/// | `insuffisant` | fewer than 3, or | ≤ 7 days | — | — |
/// | `recevable` | ≥ 3 | > 7 days | ≥ 2 | — |
/// | `solide` | ≥ 6 | ≥ 21 days | ≥ 3 | ≥ 1 letter or e-mail |
///
/// Sources (shared domain/law.md §2.2–2.3): the Conseil d'État requires several failed attempts not all
/// made in the same week (CE, 10 June 2020, n° 435594; CE, 9 June 2022, n° 453391); the rejected 2020 case
/// ran from Friday 13 to Wednesday 18 September 2019, across two ISO weeks but within six days, hence the
/// span rule rather than week numbers. Trial courts ordered appointments on an e-mail plus screenshots over
/// at least three weeks (TA Cergy-Pontoise, 2 Nov 2020, n° 2010725; TA Paris, 3 Nov 2020, n° 2016798/9).
/// Only failed outcomes count; days are calendar days in the civil time of the département (Europe/Paris
/// in mainland France). An e-mail attempt to the prefecture counts as a written request too.
public struct EvidenceRule: Sendable {
    /// One level of the scale and what it takes.
    public struct Level: Sendable {
        /// The verdict reached when every threshold is met.
        public let verdict: EvidenceVerdict
        /// Fewest failed attempts.
        public let minimumFailedAttempts: Int
        /// Fewest days between the first and the last failed attempt (8 = "more than 7").
        public let minimumSpanDays: Int
        /// Fewest distinct ISO weeks holding a failed attempt.
        public let minimumISOWeeks: Int
        /// Whether a written request (letter or e-mail) to the prefecture is needed.
        public let requiresWrittenRequest: Bool
        /// Where the level comes from.
        public let source: LegalSource
    }

    /// The levels above `insuffisant`, weakest first.
    public let levels: [Level]
    /// The sources of the whole rule, as shown with every report.
    public let source: LegalSource

    /// The rule of the issue and of law.md §2.3.
    public static let standard = EvidenceRule(
        levels: [
            Level(
                verdict: .recevable, minimumFailedAttempts: 3, minimumSpanDays: 8, minimumISOWeeks: 2,
                requiresWrittenRequest: false, source: EvidenceRule.councilOfState),
            Level(
                verdict: .solide, minimumFailedAttempts: 6, minimumSpanDays: 21, minimumISOWeeks: 3,
                requiresWrittenRequest: true, source: EvidenceRule.trialCourts),
        ],
        source: LegalSource(
            citation: "CE, 10 juin 2020, n° 435594 ; CE, 9 juin 2022, n° 453391 ; TA Cergy-Pontoise, "
                + "2 novembre 2020, n° 2010725 ; TA Paris, 3 novembre 2020, n° 2016798/9 ; conseils de praticiens",
            url: "https://ash.tm.fr/hebdo/3165/actualites-juridiques/les-rendez-vous-en-prefecture-554074.php",
            caveat: "Les seuils « recevable » et « solide » sont une règle de prudence tirée de ces décisions et "
                + "des conseils d'avocats et d'associations : aucun texte ne fixe de nombre de tentatives, et le juge "
                + "apprécie chaque dossier."))

    /// CE 2020 and 2022: several attempts, not all in the same week.
    static let councilOfState = LegalSource(
        citation: "CE, 10 juin 2020, n° 435594 ; CE, 9 juin 2022, n° 453391",
        url: "https://ash.tm.fr/hebdo/3165/actualites-juridiques/les-rendez-vous-en-prefecture-554074.php")

    /// Trial courts of November 2020: e-mail plus three weeks of screenshots.
    static let trialCourts = LegalSource(
        citation: "TA Cergy-Pontoise, 2 novembre 2020, n° 2010725 ; TA Paris, 3 novembre 2020, n° 2016798/9",
        url:
            "https://www.alwihdainfo.com/Dematerialisation-des-procedures-le-juge-enjoint-a-la-Prefecture-de-delivrer-un-rendez-vous_a96369.html"
    )

    /// The ANEF accompaniment route (R.431-2 CESEDA, arrêté of 1 August 2023).
    static let anefAccompaniment = LegalSource(
        citation: "art. R.431-2 du code de l'entrée et du séjour des étrangers et du droit d'asile ; arrêté du "
            + "1er août 2023",
        url: "http://www.infomie.net/spip.php?article6704",
        isVerified: false,
        caveat: "la liste exacte des preuves de dysfonctionnement admises par l'arrêté n'est pas vérifiée")

    /// Evaluates the failed attempts and written requests of `caseFile`.
    public func evaluate(_ caseFile: CaseFile) -> EvidenceReport {
        EvidenceAssessment(caseFile: caseFile, rule: self).report()
    }
}

/// The three verdicts, weakest first.
public enum EvidenceVerdict: String, Sendable, Equatable, Comparable, CaseIterable, Encodable {
    /// Fewer than 3 failures, or all within 7 days.
    case insuffisant
    /// The Conseil d'État's minimum: 3 failures over more than 7 days, in 2 ISO weeks.
    case recevable
    /// What trial courts granted: 6 failures over 21 days, in 3 ISO weeks, with a written request.
    case solide

    /// Weaker first.
    public static func < (lhs: EvidenceVerdict, rhs: EvidenceVerdict) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
