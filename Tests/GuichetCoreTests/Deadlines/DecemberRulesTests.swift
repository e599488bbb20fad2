import Testing

@testable import GuichetCore

/// The rules added on 3 December 2026 for the letters and the self-help paths (docs/deadlines.md):
/// worked examples computed by hand in the comments, sources and UNVERIFIED marks.
@Suite("Deadline rules of December 2026")
struct DecemberRulesTests {
    static func compute(_ rule: String, _ date: String, department: String? = nil) throws -> DeadlineResult {
        try DeadlineEngine.compute(DeadlineRequest.parse(rule: rule, date: date, department: department))
    }

    static let cases: [DeadlineCase] = [
        // Complete file received Mon 10 Mar 2025 + 18 months = Thu 10 Sep 2026 (event, not moved).
        DeadlineCase(
            article: "art. 21-25-1 code civil, 18 months", rule: "naturalisation-decision", date: "2025-03-10",
            expected: "2026-09-10"),
        // 31 Aug 2024 + 18 months = February 2026, which has no 31st: Sat 28 Feb 2026 (an event stays on a Saturday).
        DeadlineCase(
            article: "art. 21-25-1 code civil, month end", rule: "naturalisation-decision", date: "2024-08-31",
            expected: "2026-02-28"),
        // Refusal notified Mon 16 Jun 2025 + 2 months = Sat 16 Aug 2025; administrative: not franc, not moved.
        DeadlineCase(
            article: "art. 45 décret 93-1362, 2 months", rule: "naturalisation-recours-prealable", date: "2025-06-16",
            expected: "2025-08-16"),
        // Appeal received Fri 31 Jan 2025 + 2 months = Mon 31 Mar 2025 (event).
        DeadlineCase(
            article: "L.231-4 / L.411-7 CRPA, 2 months", rule: "silence-recours-administratif", date: "2025-01-31",
            expected: "2025-03-31"),
        // Filed Mon 5 Oct 2026 + 2 months = Sat 5 Dec 2026 (event).
        DeadlineCase(
            article: "work authorisation, 2 months of silence", rule: "autorisation-travail-silence",
            date: "2026-10-05", expected: "2026-12-05"),
        // Notified Mon 30 Nov 2026 + 2 months = Sat 30 Jan 2027; not franc, not moved.
        DeadlineCase(
            article: "R.142-1 CSS, 2 months", rule: "caf-recours-amiable", date: "2026-11-30", expected: "2027-01-30"),
        // Thu 31 Dec 2026 + 2 months: February 2027 has no 31st → Sun 28 Feb 2027.
        DeadlineCase(
            article: "R.142-1 CSS, month end", rule: "caf-recours-amiable", date: "2026-12-31", expected: "2027-02-28"),
        // Received Sat 30 Jan 2027 + 2 months = Tue 30 Mar 2027 (event).
        DeadlineCase(
            article: "R.142-6 CSS, 2 months", rule: "caf-silence-recours-amiable", date: "2027-01-30",
            expected: "2027-03-30"),
        // Issued Thu 15 Oct 2026 + 3 months = Fri 15 Jan 2027.
        DeadlineCase(
            article: "R.431-15-1 CESEDA, 3 months", rule: "api-validite", date: "2026-10-15", expected: "2027-01-15"),
        // Issued Mon 30 Nov 2026 + 3 months: February 2027 has no 30th → Sun 28 Feb 2027.
        DeadlineCase(
            article: "R.431-15-1 CESEDA, month end", rule: "api-validite", date: "2026-11-30", expected: "2027-02-28"),
        // Registered Sun 15 Mar 2026: anniversary Mon 15 Mar 2027, renew by the day before, Sun 14 Mar 2027.
        DeadlineCase(
            article: "R.441-2-8 CCH, day before the anniversary", rule: "logement-social-renouvellement",
            date: "2026-03-15", expected: "2027-03-14"),
        // Registered Thu 29 Feb 2024: no 29 Feb in 2025, anniversary Fri 28 Feb 2025, renew by Thu 27 Feb 2025.
        DeadlineCase(
            article: "R.441-2-8 CCH, leap day", rule: "logement-social-renouvellement", date: "2024-02-29",
            expected: "2025-02-27"),
    ]

    @Test("computes the worked examples", arguments: cases)
    func worked(_ c: DeadlineCase) throws {
        #expect(try c.compute().deadline.iso == c.expected)
    }

    @Test("marks unverified what the brief does not confirm, and says so first")
    func verification() throws {
        let unverified = [
            "silence-recours-administratif", "autorisation-travail-silence", "naturalisation-decision",
            "naturalisation-recours-prealable", "caf-recours-amiable", "caf-silence-recours-amiable",
            "logement-social-renouvellement",
        ]
        for id in unverified {
            let result = try Self.compute(id, "2026-01-05")
            #expect(!result.isVerified, "\(id)")
            #expect(result.warnings.first?.hasPrefix("Règle non vérifiée : ") == true, "\(id)")
            #expect(result.source.dateChecked == LocalDate(literal: 2026, 12, 3), "\(id)")
        }
        // R.431-15-1 CESEDA is in the brief (law.md §3.3): verified, with the printed date as a caveat.
        let api = try Self.compute("api-validite", "2026-10-15")
        #expect(api.isVerified)
        #expect(api.source.citation.contains("R.431-15-1"))
        #expect(api.source.url?.contains("LEGIARTI000043288895") == true)
        #expect(api.warnings.first?.hasPrefix("À vérifier : trois mois est la durée maximale") == true)
        #expect(api.steps.contains("Fin de validité de l'attestation : demandez son renouvellement avant ce jour."))
    }

    @Test("naturalisation: 18 months → prior appeal (2 months) → TA de Nantes, with the 12-month case noted")
    func naturalisationChain() throws {
        let decision = try Self.compute("naturalisation-decision", "2025-03-10")
        #expect(decision.steps.first == "Dossier complet de naturalisation reçu le lundi 10 mars 2025.")
        #expect(decision.steps.contains("La décision implicite de rejet naît ce jour-là (règle à vérifier)."))
        #expect(decision.warnings.contains { $0.contains("douze mois") && $0.contains("non vérifié") })
        // Thu 10 Sep 2026 + 2 months = Tue 10 Nov 2026.
        let appeal = try #require(decision.next.first)
        #expect(appeal.rule == "naturalisation-recours-prealable")
        #expect(appeal.deadline.iso == "2026-11-10")
        #expect(appeal.steps.first == "Décision implicite de rejet née le jeudi 10 septembre 2026.")
        // Tue 10 Nov 2026 + 2 months = Sun 10 Jan 2027, franc Mon 11 Jan 2027 (a working day).
        let court = try #require(appeal.next.first)
        #expect(court.rule == "recours-contentieux")
        #expect(court.department.code == "44")
        #expect(court.deadline.iso == "2027-01-11")
        #expect(court.warnings.contains("Tribunal compétent : tribunal administratif de Nantes (non vérifié)."))

        // Refusal notified Mon 16 Jun 2025: appeal by Sat 16 Aug 2025, not moved but warned;
        // then 16 Oct 2025, franc Fri 17 Oct 2025 before the TA de Nantes.
        let refusal = try Self.compute("naturalisation-recours-prealable", "2025-06-16")
        #expect(refusal.warnings.contains { $0.hasPrefix("Le 16 août 2025 est un samedi") })
        #expect(refusal.next.first?.deadline.iso == "2025-10-17")
        #expect(refusal.next.first?.steps.first?.hasPrefix("Si la réponse du ministre vous est notifiée") == true)
    }

    @Test("recours gracieux: implicit rejection after 2 months, then 2 months before the court")
    func administrativeAppealChain() throws {
        let result = try Self.compute("silence-recours-administratif", "2025-01-31", department: "93")
        #expect(result.steps.contains("Le rejet implicite de votre recours naît ce jour-là."))
        let court = try #require(result.next.first)
        #expect(court.rule == "recours-contentieux")
        // Mon 31 Mar 2025 + 2 months = Sat 31 May 2025; franc Sun 1 Jun 2025 → Mon 2 Jun 2025.
        #expect(court.deadline.iso == "2025-06-02")
        #expect(court.steps.first == "Rejet implicite du recours né le lundi 31 mars 2025.")
        #expect(court.department.code == "93")
    }

    @Test("CAF: commission de recours amiable, then its silence, then the pôle social (a note)")
    func cafChain() throws {
        let result = try Self.compute("caf-recours-amiable", "2026-12-31")
        #expect(result.source.citation == "art. R.142-1 du code de la sécurité sociale")
        let silence = try #require(result.next.first)
        #expect(silence.rule == "caf-silence-recours-amiable")
        // Sun 28 Feb 2027 + 2 months = Wed 28 Apr 2027.
        #expect(silence.deadline.iso == "2027-04-28")
        #expect(silence.source.citation == "art. R.142-6 du code de la sécurité sociale")
        #expect(silence.warnings.contains { $0.contains("pôle social du tribunal judiciaire") })
        #expect(silence.next.isEmpty)
    }

    @Test("social housing: the convention (day before the anniversary) is stated in the steps")
    func housingConvention() throws {
        let result = try Self.compute("logement-social-renouvellement", "2024-02-29")
        #expect(result.steps.contains("La date anniversaire, douze mois après le 29 février 2024, est le vendredi 28 février 2025."))
        #expect(result.steps.contains("Il faut agir avant la date anniversaire, donc au plus tard la veille."))
        #expect(result.steps.contains { $0.hasPrefix("Convention retenue : la date anniversaire") })
        // Sun 14 Mar 2027 is not a working day: not moved, warned.
        let sunday = try Self.compute("logement-social-renouvellement", "2026-03-15")
        #expect(sunday.warnings.contains { $0.hasPrefix("Le 14 mars 2027 est un dimanche") })
    }

    @Test("work authorisation: an estimate, with the restart on each request for documents")
    func workAuthorisation() throws {
        let result = try Self.compute("autorisation-travail-silence", "2026-10-05")
        #expect(result.steps.first == "Demande d'autorisation de travail déposée sur le téléservice le lundi 5 octobre 2026.")
        #expect(result.warnings.contains { $0.hasPrefix("Chaque demande de pièces") })
    }

    @Test("the visa rules stay verified, with a visible note on the reported CRRV reform")
    func visaReformNote() throws {
        for id in ["visa-recours-prealable", "silence-crrv"] {
            let result = try Self.compute(id, "2025-01-10")
            #expect(result.isVerified)
            #expect(
                result.warnings.first?.hasPrefix("À vérifier : une réforme de la commission de recours") == true)
            #expect(result.warnings.first?.contains("D.312-3") == true)
        }
    }
}
