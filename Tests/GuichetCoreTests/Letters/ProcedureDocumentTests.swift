import Testing

@testable import GuichetCore

/// The four documents of December 2026, drafted from the example case files of `examples/`
/// (anef-bloque, autorisation-travail, caf-suspendu, refus-naturalisation).
@Suite("Recours, employer, CAF and ANEF documents")
struct ProcedureDocumentTests {
    static let today = LocalDate(literal: 2026, 11, 20)

    /// The example each document is drafted from, with the document's date.
    static func example(for kind: DocumentKind) -> (String, LocalDate) {
        switch kind {
        case .refereMesuresUtiles, .lettrePrefecture, .saisineDefenseurDesDroits: return ("solide", DocumentDraftingTests.today)
        case .recoursPrealable: return ("refus-naturalisation", today)
        case .lettreEmployeurMOE: return ("autorisation-travail", today)
        case .reclamationCAF: return ("caf-suspendu", today)
        case .refereANEFBloque: return ("anef-bloque", today)
        }
    }

    static func draft(_ kind: DocumentKind, change: (inout CaseFile) -> Void = { _ in }) throws -> DraftedDocument {
        let (name, today) = example(for: kind)
        var caseFile = try Examples.caseFile(name)
        change(&caseFile)
        return try DocumentDraftingTests.draft(kind, caseFile, today: today)
    }

    static func messages(_ kind: DocumentKind, change: (inout CaseFile) -> Void) throws -> [String] {
        let (name, today) = example(for: kind)
        var caseFile = try Examples.caseFile(name)
        change(&caseFile)
        return kind.requirements(for: caseFile, today: today).map(\.frenchMessage)
    }

    static let newKinds: [DocumentKind] = [.recoursPrealable, .lettreEmployeurMOE, .reclamationCAF, .refereANEFBloque]

    @Test("the examples are canonical and each new document is ready, with no placeholder", arguments: newKinds)
    func ready(_ kind: DocumentKind) throws {
        let (name, today) = Self.example(for: kind)
        let text = try Examples.text(name)
        let caseFile = try CaseFile.decode(json: text)
        #expect(caseFile.canonicalJSON == text)
        #expect(kind.requirements(for: caseFile, today: today).isEmpty)
        let document = try Self.draft(kind)
        let plain = document.draft.plainText
        #expect(!plain.contains("Optional(") && !plain.contains("nil") && !plain.contains("  "))
        #expect(!plain.contains(" .") && !plain.contains(" ,") && !plain.contains("()"))
        #expect(!document.notices.isEmpty)
        #expect(document.kind == kind)
    }

    @Test("recours préalable to the minister: addressee, decision date and reference, art. 45, the person's grounds")
    func recoursNaturalisation() throws {
        let text = try Self.draft(.recoursPrealable).draft.plainText
        for phrase in [
            "Monsieur le ministre de l'Intérieur", "Ministre chargé des naturalisations", "Nantes, le 20 novembre 2026",
            "Objet : recours administratif préalable obligatoire contre la décision du 15 octobre 2026 (référence : "
                + "NAT-2026-0042)",
            "le ministre chargé des naturalisations a rejeté ma demande de naturalisation",
            "article 45 du décret n° 93-1362 du 30 décembre 1993",
            "Je conteste cette décision pour les raisons suivantes :",
            "La décision retient des ressources insuffisantes en 2025.",
            "Depuis le 1er septembre 2026, je travaille en contrat à durée indéterminée à temps plein.",
            "Je vous demande en conséquence de retirer cette décision et de faire droit à ma demande.",
        ] {
            #expect(text.contains(phrase), "missing: \(phrase)")
        }
    }

    @Test("the addressee follows the authority: prefect (recours gracieux), CRRV, sous-directeur des visas")
    func addressees() throws {
        let prefect = try Self.draft(.recoursPrealable) {
            $0.decision?.authority = .prefet
            $0.procedure = .premiereDemandeTitre
        }.draft.plainText
        #expect(prefect.contains("Préfecture de la Loire-Atlantique"))
        #expect(prefect.contains("À l'attention du préfet de la Loire-Atlantique"))
        #expect(prefect.contains("Objet : recours gracieux contre la décision du 15 octobre 2026"))
        #expect(prefect.contains("le préfet de la Loire-Atlantique a rejeté ma première demande de titre de séjour"))
        #expect(prefect.contains("articles L.410-1 et suivants du code des relations entre le public et l'administration"))

        let crrv = try Self.draft(.recoursPrealable) {
            $0.decision?.authority = .crrv
            $0.procedure = .autre
            $0.procedureDetail = "visa de long séjour « conjoint de Français »"
        }
        #expect(crrv.draft.plainText.contains("Commission de recours contre les décisions"))
        #expect(crrv.draft.plainText.contains("articles D.312-3 et D.312-4 du code de l'entrée et du séjour"))
        #expect(crrv.draft.plainText.contains("recommander au ministre la délivrance du visa demandé"))
        #expect(crrv.notices.contains { $0.contains("trente jours") && $0.contains("D.312-3") })

        let visas = try Self.draft(.recoursPrealable) {
            $0.decision?.authority = .sousDirecteurVisas
            $0.procedure = .autre
            $0.procedureDetail = "visa de court séjour"
        }.draft.plainText
        #expect(visas.contains("Monsieur le sous-directeur des visas"))
        #expect(visas.contains("Direction générale des étrangers en France"))
    }

    @Test("letter to the employer: addressee, copy to the MOE platform, filing date, asks for the file number")
    func employer() throws {
        let document = try Self.draft(.lettreEmployeurMOE)
        let text = document.draft.plainText
        for phrase in [
            "Boulangerie Exemple SARL", "1 place de l'Exemple", "Montreuil, le 20 novembre 2026",
            "Copie : plateforme de la main-d'œuvre étrangère (téléservice ANEF du ministère de l'Intérieur)",
            "Objet : demande d'autorisation de travail déposée le 7 septembre 2026",
            "Le 7 septembre 2026, vous avez déposé sur le téléservice de l'administration numérique pour les "
                + "étrangers en France (ANEF) une demande d'autorisation de travail pour mon emploi.",
            "décret n° 2021-360 du 31 mars 2021 ; article R.5221-15 du code du travail",
            "Mardi 20 octobre 2026 à 11 h : téléservice ANEF, aucune réponse",
            "de me communiquer le numéro du dossier, la copie de l'attestation de dépôt et les messages reçus de la plateforme ;",
            "Je vous demande :",
            "Je ne peux pas commencer mon contrat tant que l'autorisation n'est pas délivrée.",
        ] {
            #expect(text.contains(phrase), "missing: \(phrase)")
        }
        #expect(document.notices.contains { $0.contains("autorisation-travail-silence") && $0.contains("pas vérifiée") })
        let numbered = try Self.draft(.lettreEmployeurMOE) { $0.filing?.number = "MOE-93-000777" }.draft.plainText
        #expect(numbered.contains("Objet : demande d'autorisation de travail déposée le 7 septembre 2026 (dossier n° MOE-93-000777)"))
        #expect(!numbered.contains("de me communiquer le numéro du dossier"))
    }

    @Test("complaint to the CAF: addressee, allocataire number, suspension date, reasons, médiateur, CRA in two months")
    func caf() throws {
        let document = try Self.draft(.reclamationCAF)
        let text = document.draft.plainText
        for phrase in [
            "Numéro d'allocataire : 1234567", "CAF de la Seine-Saint-Denis", "Saint-Denis, le 20 novembre 2026",
            "Objet : réclamation – suspension de mes prestations depuis le 5 novembre 2026 (allocataire n° 1234567)",
            "Depuis le 5 novembre 2026, le versement de la prestation « aide au logement (APL, ALF, ALS) » est suspendu.",
            "La raison qui m'a été indiquée est la suivante :", "« contrôle en cours »",
            "de m'indiquer par écrit les motifs de cette suspension",
            "de rétablir le versement de mes prestations et de me verser les sommes dues depuis le 5 novembre 2026.",
            "je saisirai le médiateur de la CAF",
            "commission de recours amiable de la caisse, dans un délai de deux mois à compter de sa notification "
                + "(article R.142-1 du code de la sécurité sociale)",
            "Mon titre de séjour expire le 31 mai 2027.",
        ] {
            #expect(text.contains(phrase), "missing: \(phrase)")
        }
        #expect(document.notices.contains { $0.contains("n'est pas vérifié") })
        let noReason = try Self.draft(.reclamationCAF) { $0.caf?.reason = nil }.draft.plainText
        #expect(noReason.contains("Aucune raison ne m'a été donnée"))
    }

    @Test("référé for a stuck ANEF file: the court, the filing, the steps since, R.431-15-1, the measure, the bordereau")
    func refereANEF() throws {
        let document = try Self.draft(.refereANEFBloque)
        let draft = document.draft
        let text = draft.plainText
        for phrase in [
            "du tribunal administratif de Lyon", "Juge des référés", "REQUÊTE EN RÉFÉRÉ « MESURES UTILES »",
            "(article L.521-3 du code de justice administrative)", "Né le 14 février 1988 à Kumasi (Ghana)",
            "Le préfet du Rhône",
            "Le 20 août 2026, j'ai déposé ma demande de renouvellement de mon titre de séjour sur le téléservice de "
                + "l'administration numérique pour les étrangers en France (ANEF) ; l'attestation de dépôt porte le "
                + "numéro ANEF-2026-000123.",
            "Mon titre de séjour a expiré le 31 octobre 2026.",
            "Lundi 21 septembre 2026 à 10 h 15 : téléservice ANEF, aucune réponse",
            "Mardi 6 octobre 2026 à 14 h : téléphone, aucune réponse (« Centre de contact citoyens, ticket n° 123456. »)",
            "Mardi 3 novembre 2026 à 9 h 30 : guichet de la préfecture, aucune réponse",
            "L'article R.431-15-1 du code de l'entrée et du séjour des étrangers et du droit d'asile prévoit",
            "l'urgence est en principe présumée (CE, 9 juin 2022, n° 453391)",
            "Mon employeur ne peut pas me garder sans document prouvant mon droit au travail.",
            "d'enjoindre au préfet du Rhône d'examiner ma demande de renouvellement de mon titre de séjour, déposée "
                + "le 20 août 2026 sur le téléservice ANEF (attestation de dépôt n° ANEF-2026-000123) et, dans "
                + "l'attente de sa décision, de me délivrer une attestation de prolongation d'instruction, dans un "
                + "délai de quinze jours",
            "sous astreinte de 100 euros par jour de retard", "Fait à Lyon, le 20 novembre 2026", "BORDEREAU DES PIÈCES",
        ] {
            #expect(text.contains(phrase), "missing: \(phrase)")
        }
        #expect(draft.blocks.contains(.pageBreak))
        // Two supporting documents (no file: paper copies to add) and no capture: two pieces in the bordereau.
        #expect(draft.exhibits.map(\.number) == [1, 2])
        #expect(draft.exhibits.first?.title == "Attestation de dépôt n° ANEF-2026-000123 du 20 août 2026")
        #expect(text.contains("1 | Attestation de dépôt n° ANEF-2026-000123 du 20 août 2026"))
        #expect(document.notices.contains { $0.hasPrefix("Pièce n° 2 (Copie du titre de séjour") })
        #expect(document.notices.contains { $0.contains("centre de contact citoyens de l'ANTS") })
        #expect(document.notices.contains { $0.hasPrefix("Déposez la requête sur Télérecours citoyens") })
    }

    static let missingCases: [MissingCase] = [
        MissingCase(
            why: "no decision at all", kind: .recoursPrealable, change: { $0.decision = nil },
            messages: ["decision.authority manquant", "decision.date manquant", "decision.grounds manquant"]),
        MissingCase(
            why: "a decision after the document's date", kind: .recoursPrealable,
            change: { $0.decision?.date = LocalDate(literal: 2026, 12, 1) },
            messages: ["decision.date: date postérieure à celle du document (20 novembre 2026)"]),
        MissingCase(
            why: "no employer, no filing day", kind: .lettreEmployeurMOE,
            change: {
                $0.employer = nil
                $0.filing = nil
            },
            messages: ["employer.name manquant", "filing.filedOn manquant"]),
        MissingCase(
            why: "no allocataire number", kind: .reclamationCAF, change: { $0.caf?.allocataireNumber = nil },
            messages: ["caf.allocataireNumber manquant"]),
        MissingCase(
            why: "no CAF and no address", kind: .reclamationCAF,
            change: {
                $0.caf = nil
                $0.person.address = nil
            },
            messages: ["person.address manquant", "caf.name manquant", "caf.allocataireNumber manquant", "caf.suspendedOn manquant"]),
        MissingCase(
            why: "the attestation de dépôt's number", kind: .refereANEFBloque, change: { $0.filing?.number = nil },
            messages: ["filing.number manquant"]),
        MissingCase(
            why: "no step taken since the filing", kind: .refereANEFBloque, change: { $0.attempts = [] },
            messages: ["attempts: aucune tentative infructueuse enregistrée"]),
    ]

    @Test("a missing field is named, in French", arguments: missingCases)
    func missing(_ c: MissingCase) throws {
        #expect(try Self.messages(c.kind, change: c.change) == c.messages)
        #expect(throws: CaseFileError.self) { try Self.draft(c.kind, change: c.change) }
    }

    @Test("the new fields are read strictly, with French messages naming the field")
    func decoding() {
        let json = #"""
            {"department": "44", "procedure": "naturalisation", "attempts": [],
             "decision": {"authority": "consul", "date": "2026-02-30", "motif": "x"},
             "caf": {"suspendedOn": "hier", "name": ""}, "filing": {"filedOn": "2026-08-20", "numero": "1"}}
            """#
        #expect(throws: CaseFileError.self) { try CaseFile.decode(json: json) }
        do {
            _ = try CaseFile.decode(json: json)
        } catch {
            let messages = error.issues.map(\.frenchMessage)
            #expect(messages.contains("decision.motif: clé inconnue"))
            #expect(messages.contains(
                "decision.authority: valeur « consul » inconnue (valeurs possibles : prefet, ministre-naturalisation, "
                    + "crrv, sous-directeur-visas)"))
            #expect(messages.contains("decision.date: date invalide (attendu AAAA-MM-JJ)"))
            #expect(messages.contains("caf.suspendedOn: date invalide (attendu AAAA-MM-JJ)"))
            #expect(messages.contains("caf.name: texte vide"))
            #expect(messages.contains("filing.numero: clé inconnue (vouliez-vous dire « number » ?)"))
        }
    }

    @Test("the DDD complaint speaks of the stuck request when the case file has a filing")
    func defenderForStuckFile() throws {
        let text = try DocumentDraftingTests.draft(
            .saisineDefenseurDesDroits, try Examples.caseFile("autorisation-travail"), today: Self.today
        ).draft.plainText
        #expect(text.contains("Objet : réclamation – demande déposée en ligne le 7 septembre 2026 et restée sans réponse"))
        #expect(
            text.contains(
                "Je vous adresse cette réclamation parce que la demande d'autorisation de travail qui me concerne, "
                    + "déposée le 7 septembre 2026 sur le téléservice ANEF, reste sans réponse de la plateforme de la "
                    + "main-d'œuvre étrangère du ministère de l'Intérieur."))
        #expect(!text.contains("rendez-vous"))
    }
}
