import Foundation
import GuichetContent
import Testing

@testable import GuichetCore

/// The four definitions of content/parcours, driven end to end through the engine with fixed answers.
@Suite("Interview paths")
struct InterviewPathTests {
    static let today = LocalDate(year: 2026, month: 11, day: 12) ?? LocalDate(daysSinceEpoch: 0)

    static func load(_ name: String) throws -> InterviewDefinition {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let path = "parcours/\(name).yml"
        let text = try String(contentsOf: root.appendingPathComponent("content/" + path), encoding: .utf8)
        let (definition, problems) = InterviewParser.parse(ContentFile(path: path, text: text))
        #expect(problems == [], "\(problems)")
        return try #require(definition)
    }

    /// Answers each screen in turn, checking that it is the one asked, then confirms the review page.
    static func walk(
        _ definition: InterviewDefinition, _ steps: [(String, String)], today: LocalDate = today
    ) throws -> InterviewResult {
        let engine = InterviewEngine(definition: definition, today: today)
        var state = engine.start()
        for (token, raw) in steps {
            guard case .ask(let screen) = engine.action(for: state) else {
                Issue.record("expected screen \(token), got \(engine.action(for: state))")
                throw CancellationError()
            }
            #expect(screen.id.token == token)
            let transition = engine.answer(raw, to: screen.id, in: state)
            #expect(transition.errors == [], "\(token) = \(raw)")
            state = transition.state
        }
        guard case .review = engine.action(for: state) else {
            Issue.record("expected the review page, got \(engine.action(for: state))")
            throw CancellationError()
        }
        guard case .finish(let result) = engine.action(for: engine.confirm(state)) else {
            Issue.record("expected the result")
            throw CancellationError()
        }
        return result
    }

    @Test("every definition of content/parcours parses and validates", arguments: [
        "rendez-vous-prefecture", "renouvellement-titre", "ofpra-notification", "refus-visa",
        "autorisation-travail-bloquee", "caf-dossier-suspendu", "naturalisation-anef",
    ])
    func definitionsValidate(name: String) throws {
        let definition = try Self.load(name)
        #expect(definition.id.rawValue == name)
        #expect(definition.validate() == [])
    }

    static func attempts(_ moments: [String]) -> [(String, String)] {
        var steps: [(String, String)] = []
        for (index, moment) in moments.enumerated() {
            steps += [
                ("tentatives+\(index)", "oui"), ("tentatives.\(index).at", moment),
                ("tentatives.\(index).channel", "site-prefecture"), ("tentatives.\(index).outcome", "aucun-creneau"),
                ("tentatives.\(index).capture", "captures/\(index).png"), ("tentatives.\(index).note", ""),
            ]
        }
        return steps + [("tentatives+\(moments.count)", "non")]
    }

    @Test("rendez-vous en préfecture: four attempts over two weeks are recevable and offer the référé")
    func appointmentRecevable() throws {
        let definition = try Self.load("rendez-vous-prefecture")
        let steps =
            [("departement", "93"), ("procedure", "renouvellement-titre"), ("expiration", "30/12/2026")]
            + Self.attempts(["05/10/2026 09:00", "08/10/2026 10:00", "14/10/2026 14:00", "20/10/2026 08:30"])
            + [("lettres+0", "non"), ("courriers", "non")]
        let result = try Self.walk(definition, steps)
        #expect(result.verdict == .recevable)
        #expect(result.evidence?.failedAttempts == 4)
        #expect(result.evidence?.spanDays == 15)
        #expect(result.outcomes.map(\.id) == ["recevable-ou-solide", "renouvellement", "defenseur"])
        #expect(result.documents.map(\.kind) == [.lettrePrefecture, .refereMesuresUtiles, .saisineDefenseurDesDroits])
        #expect(result.documents.allSatisfy { !$0.isReady }, "identity not given yet")
        let window = try #require(result.deadline("periode_depot"))
        #expect(window.opens == LocalDate(year: 2026, month: 10, day: 30))
        #expect(window.closes == LocalDate(year: 2026, month: 12, day: 30))
        let caseFile = try #require(result.caseFile)
        #expect(caseFile.department.code == "93")
        #expect(caseFile.attempts.first?.at.iso == "2026-10-05T09:00:00+02:00")
        #expect(caseFile.attempts.last?.at.iso == "2026-10-20T08:30:00+02:00")
    }

    @Test("rendez-vous en préfecture: two attempts are insuffisant and offer only the letters")
    func appointmentInsufficient() throws {
        let definition = try Self.load("rendez-vous-prefecture")
        let steps =
            [("departement", "69"), ("procedure", "premiere-demande-titre")]
            + Self.attempts(["05/11/2026 09:00", "06/11/2026 09:00"])
            + [
                ("lettres+0", "oui"), ("lettres.0.sent_on", "07/11/2026"), ("lettres.0.kind", "lrar"),
                ("lettres.0.reference", "1A 000"), ("lettres+1", "non"), ("courriers", "oui"),
                ("nom", "Awa Exemple"), ("date_naissance", "01/02/1990"), ("lieu_naissance", "Bamako (Mali)"),
                ("nationalite", "malienne"), ("adresse", "1 rue de l'Exemple\n69001 Lyon"),
                ("situation", "Mon employeur attend mon titre."),
            ]
        let result = try Self.walk(definition, steps)
        #expect(result.verdict == .insuffisant)
        #expect(result.documents.map(\.kind) == [.lettrePrefecture, .saisineDefenseurDesDroits])
        #expect(result.documents.allSatisfy { $0.isReady })
        #expect(result.deadlines.isEmpty)
        #expect(result.caseFile?.letters.count == 1)
        #expect(result.caseFile?.person.name == "Awa Exemple")
    }

    struct RenewalCase: Sendable, CustomTestStringConvertible {
        let description: String
        let answers: [(String, String)]
        let outcomes: [String]
        let deadline: String
        let opens: String?
        let date: String
        let next: String?
        var testDescription: String { description }
    }

    @Test(
        "renouvellement de titre: filing window or silence, R.431-5 / R.432-2 CESEDA",
        arguments: [
            RenewalCase(
                description: "ANEF title, not filed: window from the 120th to the 60th day before expiry",
                answers: [("departement", "69"), ("anef", "oui"), ("expiration", "2027-03-31"), ("depot", "pas-encore")],
                outcomes: ["periode-anef"], deadline: "periode_anef", opens: "2026-12-01", date: "2027-01-30",
                next: nil),
            RenewalCase(
                description: "prefecture title, blocked: the two months before expiry, already late",
                answers: [
                    ("departement", "75"), ("anef", "non"), ("expiration", "2026-12-20"), ("depot", "bloque"),
                    ("panne", "pas-de-rendez-vous"),
                ],
                outcomes: ["periode-prefecture", "en-retard", "sans-rendez-vous"], deadline: "periode_prefecture",
                opens: "2026-10-20", date: "2026-12-20", next: nil),
            RenewalCase(
                description: "filed: implicit refusal after 4 months, then 2 months franc (R.421-1 CJA)",
                answers: [
                    ("departement", "69"), ("anef", "oui"), ("expiration", "2026-12-31"), ("depot", "depose"),
                    ("date_depot", "2026-09-15"),
                ],
                outcomes: ["depose"], deadline: "silence", opens: nil, date: "2027-01-15", next: "2027-03-16"),
        ])
    func renewal(_ row: RenewalCase) throws {
        let result = try Self.walk(try Self.load("renouvellement-titre"), row.answers)
        #expect(result.outcomes.map(\.id) == row.outcomes)
        let deadline = try #require(result.deadline(row.deadline))
        #expect(deadline.opens?.iso == row.opens)
        #expect(deadline.deadline.iso == row.date)
        #expect(deadline.next.first?.deadline.iso == row.next)
    }

    @Test("renouvellement de titre: ANEF failure gives the accompaniment and substitution advice")
    func renewalANEFFailure() throws {
        let result = try Self.walk(
            try Self.load("renouvellement-titre"),
            [("departement", "13"), ("anef", "oui"), ("expiration", "2027-06-30"), ("depot", "bloque"),
             ("panne", "anef-erreur")])
        #expect(result.outcomes.map(\.id) == ["periode-anef", "anef-en-panne"])
        let advice = result.outcomes.flatMap(\.paragraphs).joined(separator: " ")
        #expect(advice.contains("solution de substitution"))
        #expect(advice.contains("R.431-2"))
    }

    @Test("Ofpra: not opened, the decision is deemed notified after 15 days; CNDA one month franc")
    func ofpraNotOpened() throws {
        let result = try Self.walk(
            try Self.load("ofpra-notification"),
            [("document", "decision"), ("sens", "rejet"), ("mise_en_ligne", "2026-10-01"), ("ouvert", "non")])
        #expect(result.outcomes.map(\.id) == ["reputee", "aide-juridictionnelle"])
        let deemed = try #require(result.deadline("notification_reputee"))
        #expect(deemed.deadline.iso == "2026-10-16")
        let cnda = try #require(deemed.next.first)
        #expect(cnda.rule == "cnda")
        #expect(cnda.deadline.iso == "2026-11-17")
        #expect(cnda.steps.contains { $0.contains("samedi 31 octobre 2026") }, "legal aid 15 days after notification")
    }

    @Test("Ofpra: opened within 15 days, the CNDA month runs from the first consultation")
    func ofpraOpened() throws {
        let result = try Self.walk(
            try Self.load("ofpra-notification"),
            [("document", "decision"), ("sens", "protection-subsidiaire"), ("mise_en_ligne", "2026-10-01"),
             ("ouvert", "oui"), ("consultation", "2026-10-05")])
        #expect(result.outcomes.map(\.id) == ["consultee", "aide-juridictionnelle"])
        #expect(result.deadline("cnda_apres_consultation")?.deadline.iso == "2026-11-06")
        #expect(result.deadline("notification_reputee") == nil)
    }

    @Test("Ofpra: a summons ends the path at its stop, with no further question")
    func ofpraSummons() throws {
        let result = try Self.walk(try Self.load("ofpra-notification"), [("document", "convocation")])
        #expect(result.stop?.id == "pas-une-decision")
        #expect(result.deadlines.isEmpty)
    }

    @Test("refus de visa: 30 days for the recours préalable (D.312-4 CESEDA), never moved")
    func visaNotYetAppealed() throws {
        let result = try Self.walk(
            try Self.load("refus-visa"),
            [("type_visa", "long-sejour"), ("notification", "2026-11-02"), ("recours_fait", "non")])
        #expect(result.outcomes.map(\.id) == ["commission", "forme"])
        #expect(result.deadline("recours_prealable")?.deadline.iso == "2026-12-02")
    }

    @Test("refus de visa: after the appeal, implicit refusal at 2 months then the TA de Nantes")
    func visaAppealed() throws {
        let result = try Self.walk(
            try Self.load("refus-visa"),
            [("type_visa", "court-sejour"), ("notification", "2026-10-01"), ("recours_fait", "oui"),
             ("reception", "2026-11-20")],
            today: LocalDate(year: 2026, month: 12, day: 1) ?? Self.today)
        #expect(result.outcomes.map(\.id) == ["tribunal"])
        let silence = try #require(result.deadline("refus_implicite"))
        #expect(silence.deadline.iso == "2027-01-20")
        #expect(silence.next.first?.deadline.iso == "2027-03-22", "21 March 2027 is a Sunday")
    }

    @Test("refus de visa: a notification more than 30 days ago says the limit seems passed")
    func visaLate() throws {
        let result = try Self.walk(
            try Self.load("refus-visa"),
            [("type_visa", "court-sejour"), ("notification", "2026-09-01"), ("recours_fait", "non")])
        #expect(result.outcomes.map(\.id) == ["sous-directeur", "hors-delai", "forme"])
    }

    // MARK: - Paths of December 2026 (today: Thursday 12 November 2026)

    static func date(_ year: Int, _ month: Int, _ day: Int) -> LocalDate {
        LocalDate(year: year, month: month, day: day) ?? LocalDate(daysSinceEpoch: 0)
    }

    @Test("autorisation de travail: filed 7 Sep 2026, silence past 2 months, employer letter and DDD ready")
    func workAuthorisationSilence() throws {
        let definition = try Self.load("autorisation-travail-bloquee")
        let result = try Self.walk(
            definition,
            [
                ("departement", "93"), ("qui_depose", "employeur"), ("date_depot", "07/09/2026"), ("numero", ""),
                ("messages", "aucun"), ("demarches+0", "oui"), ("demarches.0.at", "20/10/2026 11:00"),
                ("demarches.0.channel", "anef"), ("demarches.0.outcome", "sans-reponse"), ("demarches.0.note", ""),
                ("demarches+1", "non"), ("courriers", "oui"), ("nom", "Mariam Exemple"),
                ("adresse", "9 rue de l'Exemple\n93100 Montreuil"), ("employeur", "Boulangerie Exemple SARL"),
                ("adresse_employeur", ""), ("situation", ""),
            ])
        #expect(result.outcomes.map(\.id) == ["employeur", "refus-implicite", "defenseur"])
        // Mon 7 Sep 2026 + 2 months = Sat 7 Nov 2026 (an event, not moved), before today: refus-implicite.
        let silence = try #require(result.deadline("silence"))
        #expect(silence.deadline == Self.date(2026, 11, 7))
        #expect(!silence.isVerified)
        #expect(result.deadline("silence_pieces") == nil)
        #expect(result.documents.map(\.kind) == [.lettreEmployeurMOE, .saisineDefenseurDesDroits])
        #expect(result.documents.allSatisfy { $0.isReady })
        let caseFile = try #require(result.caseFile)
        #expect(caseFile.procedure == .autorisationTravail)
        #expect(caseFile.filing == OnlineFiling(filedOn: Self.date(2026, 9, 7)))
        #expect(caseFile.employer == Employer(name: "Boulangerie Exemple SARL"))
        #expect(caseFile.attempts.first?.at.iso == "2026-10-20T11:00:00+02:00")
    }

    @Test("autorisation de travail: a request for documents restarts the count from their sending")
    func workAuthorisationDocuments() throws {
        let definition = try Self.load("autorisation-travail-bloquee")
        let result = try Self.walk(
            definition,
            [
                ("departement", "69"), ("qui_depose", "employeur"), ("date_depot", "01/10/2026"),
                ("numero", "MOE-69-1"), ("messages", "demande-pieces"), ("date_pieces", "02/11/2026"),
                ("demarches+0", "non"), ("courriers", "non"),
            ])
        #expect(result.outcomes.map(\.id) == ["employeur", "defenseur"])
        #expect(result.deadline("silence") == nil)
        // Mon 2 Nov 2026 + 2 months = Sat 2 Jan 2027.
        #expect(result.deadline("silence_pieces")?.deadline == Self.date(2027, 1, 2))
        #expect(result.documents.allSatisfy { !$0.isReady })
        let defender = try #require(result.documents.last)
        #expect((defender.missing ?? []).map(\.frenchMessage).contains("attempts: aucune tentative infructueuse enregistrée"))
        #expect(result.caseFile?.filing?.number == "MOE-69-1")
    }

    @Test("autorisation de travail: not filed yet stops the path")
    func workAuthorisationNotFiled() throws {
        let definition = try Self.load("autorisation-travail-bloquee")
        let result = try Self.walk(definition, [("departement", "75"), ("qui_depose", "pas-deposee")])
        #expect(result.stop?.id == "pas-deposee")
        #expect(result.outcomes.map(\.id) == ["pas-deposee"])
        #expect(result.documents.isEmpty && result.deadlines.isEmpty)
    }

    @Test("CAF: notified 6 Nov 2026, the commission by 6 Jan 2027, its silence 6 Mar 2027, the complaint ready")
    func cafNotified() throws {
        let definition = try Self.load("caf-dossier-suspendu")
        let result = try Self.walk(
            definition,
            [
                ("departement", "93"), ("prestation", "aide-logement"), ("date_suspension", "05/11/2026"),
                ("notifiee", "oui"), ("date_notification", "06/11/2026"), ("raison_donnee", "oui"),
                ("raison", "Contrôle en cours."), ("titre", "provisoire"), ("courriers", "oui"),
                ("nom", "Awa Exemple"), ("adresse", "12 rue de l'Exemple\n93200 Saint-Denis"),
                ("caf", "CAF de la Seine-Saint-Denis"), ("numero_allocataire", "1234567"), ("situation", ""),
            ])
        #expect(result.outcomes.map(\.id) == ["reclamation", "recours-amiable", "sejour"])
        // Fri 6 Nov 2026 + 2 months = Wed 6 Jan 2027 (not franc, not moved); + 2 months = Sat 6 Mar 2027.
        let appeal = try #require(result.deadline("recours_amiable"))
        #expect(appeal.deadline == Self.date(2027, 1, 6))
        #expect(appeal.next.first?.rule == "caf-silence-recours-amiable")
        #expect(appeal.next.first?.deadline == Self.date(2027, 3, 6))
        #expect(!appeal.isVerified)
        #expect(result.documents.map(\.kind) == [.reclamationCAF])
        #expect(result.documents.allSatisfy { $0.isReady })
        let caf = try #require(result.caseFile?.caf)
        #expect(caf.benefit == "aide au logement (APL, ALF, ALS)")
        #expect(caf.suspendedOn == Self.date(2026, 11, 5))
        #expect(caf.reason == "Contrôle en cours.")
        #expect(caf.allocataireNumber == "1234567")
    }

    @Test("CAF: no letter yet, no reason given: ask for a written decision; the complaint still needs its fields")
    func cafNoDecision() throws {
        let definition = try Self.load("caf-dossier-suspendu")
        let result = try Self.walk(
            definition,
            [
                ("departement", "13"), ("prestation", "rsa"), ("date_suspension", "01/10/2026"), ("notifiee", "non"),
                ("raison_donnee", "non"), ("titre", "valide"), ("courriers", "non"),
            ])
        #expect(result.outcomes.map(\.id) == ["reclamation", "sans-decision"])
        #expect(result.deadlines.isEmpty)
        let offered = try #require(result.documents.first)
        #expect(
            (offered.missing ?? []).map(\.frenchMessage) == [
                "person.name manquant", "person.address manquant", "caf.name manquant", "caf.allocataireNumber manquant",
            ])
    }

    @Test("CAF: a letter of 1 Sep 2026 is past the two months (1 Nov 2026)")
    func cafLate() throws {
        let definition = try Self.load("caf-dossier-suspendu")
        let result = try Self.walk(
            definition,
            [
                ("departement", "93"), ("prestation", "plusieurs"), ("date_suspension", "01/09/2026"),
                ("notifiee", "oui"), ("date_notification", "01/09/2026"), ("raison_donnee", "non"),
                ("titre", "attente"), ("courriers", "non"),
            ])
        #expect(result.deadline("recours_amiable")?.deadline == Self.date(2026, 11, 1))
        #expect(result.outcomes.map(\.id) == ["reclamation", "recours-amiable", "hors-delai", "sejour"])
    }

    @Test("naturalisation: complete file 10 Mar 2025, 18 months → 10 Sep 2026, then the chain to the TA de Nantes")
    func naturalisationWaiting() throws {
        let definition = try Self.load("naturalisation-anef")
        let result = try Self.walk(
            definition,
            [
                ("departement", "69"), ("date_depot", "10/02/2025"), ("etape", "en-attente"), ("dossier_complet", "oui"),
                ("date_complet", "10/03/2025"), ("dix_ans", "oui"),
            ])
        #expect(result.outcomes.map(\.id) == ["attente", "dix-ans", "silence-depasse"])
        let decision = try #require(result.deadline("decision_implicite"))
        #expect(decision.deadline == Self.date(2026, 9, 10))
        #expect(!decision.isVerified)
        // Thu 10 Sep 2026 + 2 months = Tue 10 Nov 2026; + 2 months = Sun 10 Jan 2027, franc Mon 11 Jan 2027 (44).
        let appeal = try #require(decision.next.first)
        #expect(appeal.deadline == Self.date(2026, 11, 10))
        #expect(appeal.next.first?.deadline == Self.date(2027, 1, 11))
        #expect(appeal.next.first?.department.code == "44")
        #expect(result.documents.isEmpty)
        #expect(result.caseFile?.procedure == .naturalisation)
        #expect(result.caseFile?.filing?.filedOn == Self.date(2025, 2, 10))
    }

    @Test("naturalisation: refusal received 20 Oct 2026, appeal to the minister by 20 Dec 2026, recours ready")
    func naturalisationRefusal() throws {
        let definition = try Self.load("naturalisation-anef")
        let result = try Self.walk(
            definition,
            [
                ("departement", "44"), ("date_depot", "01/06/2024"), ("etape", "refus"),
                ("date_notification", "20/10/2026"), ("date_decision", "15/10/2026"), ("reference", ""),
                ("raisons", "Mes ressources ont changé : CDI depuis septembre 2026."), ("courriers", "oui"),
                ("nom", "Linh Exemple"), ("adresse", "3 quai de l'Exemple\n44000 Nantes"),
            ])
        #expect(result.outcomes.map(\.id) == ["refus"])
        // Tue 20 Oct 2026 + 2 months = Sun 20 Dec 2026 (administrative: not moved, warned).
        let appeal = try #require(result.deadline("recours"))
        #expect(appeal.deadline == Self.date(2026, 12, 20))
        #expect(appeal.warnings.contains { $0.hasPrefix("Le 20 décembre 2026 est un dimanche") })
        // From Sun 20 Dec 2026: Sat 20 Feb 2027, franc Sun 21 Feb → Mon 22 Feb 2027 before the TA de Nantes.
        #expect(appeal.next.first?.deadline == Self.date(2027, 2, 22))
        #expect(result.documents.map(\.kind) == [.recoursPrealable])
        #expect(result.documents.allSatisfy { $0.isReady })
        let decision = try #require(result.caseFile?.decision)
        #expect(decision.authority == .ministreNaturalisation)
        #expect(decision.date == Self.date(2026, 10, 15))
        #expect(decision.reference == nil)
        #expect(decision.grounds == "Mes ressources ont changé : CDI depuis septembre 2026.")
    }

    @Test("naturalisation: file not known to be complete: no date, an explanation")
    func naturalisationIncomplete() throws {
        let definition = try Self.load("naturalisation-anef")
        let result = try Self.walk(
            definition,
            [
                ("departement", "75"), ("date_depot", "01/09/2026"), ("etape", "en-attente"),
                ("dossier_complet", "ne-sais-pas"), ("dix_ans", "non"),
            ])
        #expect(result.outcomes.map(\.id) == ["pas-complet"])
        #expect(result.deadlines.isEmpty)
    }
}
