import Testing

@testable import GuichetCore

extension DocumentDraft {
    /// Every text of the draft, one block per line, exhibits included: what a reader of the PDF sees.
    var plainText: String {
        var lines: [String] = [title]
        for block in blocks {
            switch block {
            case .heading(_, let text): lines.append(text)
            case .paragraph(let runs, _): lines.append(runs.map(\.text).joined())
            case .list(_, let items): lines += items.map { $0.map(\.text).joined() }
            case .lines(let texts, _): lines += texts
            case .table(let rows): lines += rows.map { $0.joined(separator: " | ") }
            case .pageBreak: break
            }
        }
        for exhibit in exhibits { lines += [exhibit.title] + exhibit.caption }
        return lines.joined(separator: "\n")
    }
}

/// A case file missing something a document needs, and the messages expected.
struct MissingCase: CustomTestStringConvertible, Sendable {
    let why: String
    let kind: DocumentKind
    let change: @Sendable (inout CaseFile) -> Void
    let messages: [String]

    var testDescription: String { "\(kind.rawValue): \(why)" }
}

@Suite("Documents drafted from a case file")
struct DocumentDraftingTests {
    static let today = LocalDate(literal: 2026, 11, 2)

    static func draft(_ kind: DocumentKind, _ caseFile: CaseFile, today: LocalDate = today) throws(CaseFileError)
        -> DraftedDocument
    {
        try kind.draft(from: caseFile, today: today, files: Examples.file, hash: TestSHA256.hash)
    }

    static let missing: [MissingCase] = [
        MissingCase(
            why: "the issue's example", kind: .refereMesuresUtiles, change: { $0.person.birthPlace = nil },
            messages: ["person.birthPlace manquant"]),
        MissingCase(
            why: "every missing identity field at once", kind: .refereMesuresUtiles,
            change: { $0.person = Person(name: "Awa Exemple") },
            messages: [
                "person.birthDate manquant", "person.birthPlace manquant", "person.nationality manquant",
                "person.address manquant",
            ]),
        MissingCase(
            why: "a renewal needs the permit's expiry", kind: .refereMesuresUtiles, change: { $0.permitExpiry = nil },
            messages: ["permitExpiry manquant (date d'expiration du titre à renouveler)"]),
        MissingCase(
            why: "outside a renewal, the situation shows urgency", kind: .refereMesuresUtiles,
            change: {
                $0.procedure = .naturalisation
                $0.circumstances = nil
            },
            messages: [
                "circumstances manquant (hors renouvellement, l'urgence se justifie par votre situation : emploi, "
                    + "droits sociaux, famille, santé…)"
            ]),
        MissingCase(
            why: "an « autre » procedure must say what it is", kind: .lettrePrefecture,
            change: {
                $0.procedure = .autre
                $0.procedureDetail = nil
            },
            messages: ["procedureDetail manquant (précisez la démarche quand la procédure est « autre »)"]),
        MissingCase(
            why: "the letter needs no birthplace but a nationality", kind: .lettrePrefecture,
            change: {
                $0.person.birthPlace = nil
                $0.person.nationality = nil
            },
            messages: ["person.nationality manquant"]),
        MissingCase(
            why: "the complaint needs a name and an address only", kind: .saisineDefenseurDesDroits,
            change: { $0.person = Person(name: "Awa Exemple") }, messages: ["person.address manquant"]),
        MissingCase(
            why: "nothing to prove without a failed attempt", kind: .saisineDefenseurDesDroits,
            change: { $0.attempts = [] }, messages: ["attempts: aucune tentative infructueuse enregistrée"]),
        MissingCase(
            why: "an appointment obtained after the failures", kind: .refereMesuresUtiles,
            change: {
                $0.attempts.append(
                    Attempt(
                        at: JournalTests.instant("2026-11-01T10:00:00+01:00"), channel: .sitePrefecture,
                        outcome: .creneauObtenu))
            },
            messages: ["attempts[8]: un rendez-vous a été obtenu le 1er novembre 2026 : le référé n'a plus d'objet"]),
        MissingCase(
            why: "an attempt dated after the document", kind: .lettrePrefecture,
            change: { $0.letters[0].sentOn = LocalDate(literal: 2026, 11, 3) },
            messages: ["letters[0].sentOn: date postérieure à celle du document (2 novembre 2026)"]),
        MissingCase(
            why: "a capture that cannot be read", kind: .refereMesuresUtiles,
            change: { $0.supportingDocuments = [SupportingDocument(title: "Titre", file: "captures/absent.pdf")] },
            messages: ["supportingDocuments[0].file: fichier « captures/absent.pdf » introuvable"]),
        MissingCase(
            why: "a file that is not an image or a PDF", kind: .refereMesuresUtiles,
            change: { $0.supportingDocuments = [SupportingDocument(title: "Titre", file: "solide.json")] },
            messages: [
                "supportingDocuments[0].file: le fichier « solide.json » n'est ni une image PNG ou JPEG, ni un PDF"
            ]),
        MissingCase(
            why: "a journal entry edited after sealing", kind: .saisineDefenseurDesDroits,
            change: { $0.attempts[2].note = "Ajout après coup" },
            messages: [
                "attempts[2]: journal rompu, l'entrée a été modifiée après son enregistrement, ou une entrée précédente "
                    + "a été supprimée"
            ]),
        MissingCase(
            why: "a capture hash that no longer matches its file", kind: .lettrePrefecture,
            change: { $0.attempts[1].captureHash = String(repeating: "0", count: 64) },
            messages: [
                "attempts[1]: journal rompu, l'entrée a été modifiée après son enregistrement, ou une entrée "
                    + "précédente a été supprimée",
                "attempts[1].capture: le fichier « captures/solide-2.png » ne correspond plus à l'empreinte "
                    + "enregistrée dans le journal",
            ]),
    ]

    @Test("names every missing field or problem instead of leaving a blank", arguments: missing)
    func missingFields(_ missing: MissingCase) throws {
        var caseFile = try Examples.caseFile("solide")
        missing.change(&caseFile)
        do {
            _ = try DocumentDraftingTests.draft(missing.kind, caseFile)
            Issue.record("drafted despite: \(missing.why)")
        } catch {
            #expect(error.issues.map(\.frenchMessage) == missing.messages)
        }
    }

    @Test("lists the fields each document always needs")
    func requiredFields() {
        #expect(DocumentKind.refereMesuresUtiles.requiredFields.contains("person.birthPlace"))
        #expect(!DocumentKind.lettrePrefecture.requiredFields.contains("person.birthPlace"))
        #expect(DocumentKind.saisineDefenseurDesDroits.requiredFields == ["person.name", "person.address"])
    }

    /// The documents about a prefecture that cannot be reached (the journal examples).
    static let appointmentKinds: [DocumentKind] = [.refereMesuresUtiles, .lettrePrefecture, .saisineDefenseurDesDroits]

    @Test("drafts every appointment document from every example, with no placeholder", arguments: appointmentKinds)
    func everyExample(kind: DocumentKind) throws {
        let dates = [
            "insuffisant": LocalDate(literal: 2019, 9, 20), "recevable": LocalDate(literal: 2026, 3, 16),
            "solide": DocumentDraftingTests.today,
        ]
        for (name, today) in dates {
            let document = try DocumentDraftingTests.draft(kind, try Examples.caseFile(name), today: today)
            let text = document.draft.plainText
            #expect(!text.contains("Optional("), "\(name)")
            #expect(!text.contains("nil"), "\(name)")
            #expect(!text.contains("  "), "\(name): double space")
            #expect(
                !text.split(separator: "\n", omittingEmptySubsequences: false).contains {
                    $0.trimmingCharacters() == ""
                }, "\(name): empty line")
            // A blank value would leave a trailing space (« Nationalité : »), a space before a point or a comma.
            #expect(!text.contains(" \n") && !text.hasSuffix(" "), "\(name): trailing space")
            #expect(!text.contains(" .") && !text.contains(" ,") && !text.contains("()"), "\(name)")
            #expect(!document.notices.isEmpty)
        }
    }

    @Test("requête: the tribunal of the département, the parties, the facts, the conclusions and the exhibits")
    func refere() throws {
        let document = try DocumentDraftingTests.draft(.refereMesuresUtiles, try Examples.caseFile("solide"))
        let draft = document.draft
        let text = draft.plainText
        for phrase in [
            "du tribunal administratif de Montreuil", "Juge des référés", "REQUÊTE EN RÉFÉRÉ « MESURES UTILES »",
            "(article L.521-3 du code de justice administrative)", "POUR",
            "Née le 9 avril 1991 à Abidjan (Côte d'Ivoire)",
            "Nationalité : ivoirienne", "CONTRE", "Le préfet de la Seine-Saint-Denis", "I. FAITS ET PROCÉDURE",
            "Lundi 5 octobre 2026 à 8 h 59 : site internet de la préfecture, aucun créneau disponible",
            "Mardi 27 octobre 2026 à 8 h 02", "soit sur 25 jours, au cours de 4 semaines différentes",
            "Lettre recommandée avec accusé de réception du 12 octobre 2026 (n° 1A 000 000 0002 6) ; pièce n° 10.",
            "II. DISCUSSION", "CE, 10 juin 2020, n° 435594",
            "l'urgence est en principe présumée (CE, 9 juin 2022, n° 453391)",
            "Mon titre de séjour expire le 30 novembre 2026.", "Sur l'utilité de la mesure",
            "Elle ne fait obstacle à l'exécution d'aucune décision administrative.", "PAR CES MOTIFS",
            "dans un délai de quinze jours à compter de la notification de l'ordonnance à intervenir, sous astreinte "
                + "de 100 euros par jour de retard", "L.761-1 du code de justice administrative",
            "Fait à Saint-Denis, le 2 novembre 2026", "BORDEREAU DES PIÈCES",
            "1706eefabb1abf62732de5bb431f9fc995641c19dd606a27dfbef4a1d3c28394",
        ] {
            #expect(text.contains(phrase), "missing: \(phrase)")
        }
        #expect(draft.blocks.contains(.pageBreak))
        guard
            case .table(let rows)? = draft.blocks.first(where: {
                if case .table = $0 { return true } else { return false }
            })
        else {
            Issue.record("no bordereau table")
            return
        }
        #expect(rows.count == 12)
        #expect(rows[0] == ["N°", "Pièce"])
        #expect(rows[1] == ["1", "Copie du titre de séjour expirant le 30 novembre 2026"])

        #expect(draft.exhibits.map(\.number) == Array(1...11))
        #expect(draft.exhibits[0].content == nil)
        let first = draft.exhibits[1]
        #expect(first.caption.contains("Tentative du lundi 5 octobre 2026 à 8 h 59 (heure de Paris)"))
        #expect(first.caption.contains("SHA-256 : \(TestSHA256.hex(Examples.file("captures/solide-1.png") ?? []))"))
        guard case .png(let bytes)? = first.content else {
            Issue.record("the first capture is not a PNG exhibit")
            return
        }
        #expect(bytes == Examples.file("captures/solide-1.png"))
        if case .jpeg? = draft.exhibits[4].content {} else { Issue.record("capture 4 should be a JPEG exhibit") }
        if case .pdf? = draft.exhibits[9].content {} else { Issue.record("the LRAR copy should be a PDF exhibit") }
        #expect(draft.exhibits[7].caption.contains("Tentative du mardi 27 octobre 2026 à 8 h 02 (heure de Paris)"))
        #expect(document.notices.contains { $0.contains("Télérecours citoyens") && $0.contains("R.522-3") })
        #expect(document.notices.contains { $0.hasPrefix("Pièce n° 1 (Copie du titre de séjour") })
        #expect(document.notices.contains { $0.hasPrefix("Pièce n° 10 (") && $0.contains("captures/solide-lrar.pdf") })
    }

    @Test("requête outside a renewal argues urgency from the person's situation, and warns when evidence is short")
    func refereInsuffisant() throws {
        let document = try DocumentDraftingTests.draft(
            .refereMesuresUtiles, try Examples.caseFile("insuffisant"), today: LocalDate(literal: 2019, 9, 20))
        let text = document.draft.plainText
        #expect(text.contains("du tribunal administratif de Cergy-Pontoise"))
        #expect(text.contains("Le préfet des Hauts-de-Seine"))
        #expect(text.contains("Hors renouvellement d'un titre de séjour, l'urgence s'apprécie"))
        #expect(text.contains("Une entreprise m'a fait une promesse d'embauche"))
        #expect(text.contains("Né le 2 juin 1988"))
        #expect(document.notices.contains { $0.contains("« insuffisant »") })
    }

    @Test(
        "sues the right prefect",
        arguments: [
            ("75", "Le préfet de police", "du tribunal administratif de Paris"),
            ("13", "Le préfet des Bouches-du-Rhône", "du tribunal administratif de Marseille"),
            ("35", "Le préfet d'Ille-et-Vilaine", "du tribunal administratif de Rennes"),
            ("974", "Le préfet de La Réunion", "du tribunal administratif de La Réunion"),
        ])
    func prefect(code: String, prefect: String, court: String) throws {
        var caseFile = try Examples.caseFile("solide")
        caseFile.department = try #require(Department.lookup(code))
        let text = try DocumentDraftingTests.draft(.refereMesuresUtiles, caseFile).draft.plainText
        #expect(text.contains(prefect))
        #expect(text.contains(court))
    }

    @Test("dates attempts in the département's own time overseas")
    func overseasClock() throws {
        var caseFile = try Examples.caseFile("solide")
        caseFile.department = try #require(Department.lookup("973"))
        let draft = try DocumentDraftingTests.draft(.refereMesuresUtiles, caseFile).draft
        #expect(draft.plainText.contains("Lundi 5 octobre 2026 à 3 h 59 : site internet de la préfecture"))
        #expect(draft.exhibits[1].caption.contains("Tentative du lundi 5 octobre 2026 à 3 h 59 (heure de Cayenne)"))
    }

    @Test("letter to the prefect: registered letter, the attempts, the case law and the request")
    func lettrePrefecture() throws {
        var caseFile = try Examples.caseFile("solide")
        caseFile.prefecture = PrefectureOffice(
            name: "Service des étrangers", address: "1 rue de l'Exemple\n93000 Bobigny")
        let document = try DocumentDraftingTests.draft(.lettrePrefecture, caseFile)
        let text = document.draft.plainText
        for phrase in [
            "Préfecture de la Seine-Saint-Denis", "À l'attention du préfet de la Seine-Saint-Denis", "93000 Bobigny",
            "Saint-Denis, le 2 novembre 2026", "Lettre recommandée avec accusé de réception",
            "Objet : demande de rendez-vous – renouvellement d'un titre de séjour (carte de séjour pluriannuelle « salarié »)",
            "Je suis Awa Exemple, née le 9 avril 1991 à Abidjan (Côte d'Ivoire), de nationalité ivoirienne.",
            "j'ai essayé à 8 reprises", "capture jointe n° 1", "CE, 27 novembre 2019, n° 422516",
            "CE, avis, 3 juin 2022, n° 461694", "ou de m'indiquer un autre moyen, non dématérialisé",
            "juge des référés du tribunal administratif de Montreuil", "Je vous ai déjà écrit à ce sujet",
        ] {
            #expect(text.contains(phrase), "missing: \(phrase)")
        }
        #expect(!text.contains("R.431-2"))
        #expect(document.draft.exhibits.count == 8)
        #expect(!document.notices.contains { $0.contains("prefecture.address") })
    }

    @Test("letter to the prefect cites R.431-2 CESEDA and CE 3 June 2022 for an ANEF procedure")
    func lettrePrefectureANEF() throws {
        var caseFile = try Examples.caseFile("recevable")
        for i in caseFile.attempts.indices { caseFile.attempts[i].channel = .anef }
        for i in caseFile.attempts.indices { caseFile.attempts[i].hash = nil }
        let text = try DocumentDraftingTests.draft(.lettrePrefecture, caseFile, today: LocalDate(literal: 2026, 3, 16))
            .draft.plainText
        #expect(text.contains("R.431-2 du code de l'entrée et du séjour des étrangers et du droit d'asile"))
        #expect(text.contains("CE, 3 juin 2022, n° 452798"))
        #expect(text.contains("arrêté du 1er août 2023"))
        #expect(!text.contains("422516"))
    }

    @Test("complaint to the Défenseur des droits: free, and it stops no court deadline")
    func defenseurDesDroits() throws {
        let document = try DocumentDraftingTests.draft(.saisineDefenseurDesDroits, try Examples.caseFile("solide"))
        let text = document.draft.plainText
        for phrase in [
            "Défenseur des droits", "Libre réponse 71120", "75342 Paris Cedex 07",
            "impossibilité d'obtenir un rendez-vous auprès de la préfecture de la Seine-Saint-Denis",
            "Voici mes 8 tentatives", "J'ai aussi écrit à la préfecture",
            "votre saisine est gratuite, et qu'elle n'interrompt ni ne suspend les délais de recours",
        ] {
            #expect(text.contains(phrase), "missing: \(phrase)")
        }
        #expect(document.notices.contains { $0.contains("ne suspend aucun délai") })
        #expect(document.draft.exhibits.count == 10)
    }
}

extension Substring {
    fileprivate func trimmingCharacters() -> String {
        String(self).trimmingASCIIWhitespace()
    }
}
