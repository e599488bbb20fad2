// The registered letter to the prefect and the complaint to the Défenseur des droits. Wording is ours;
// the legal points follow shared domain/law.md §1.3–1.6 and §2.4 ("prior letter").

extension DraftContext {
    /// The Défenseur des droits' free postal address (« Libre réponse », no stamp needed).
    static let defenderAddress = ["Défenseur des droits", "Libre réponse 71120", "75342 Paris Cedex 07"]
    /// Where that address was confirmed (the institution's own site).
    static let defenderAddressSource =
        "https://insti.ddd.prod.ext.ssl-gouv.fr/en/orientation-and-protection-of-whistleblowers"

    /// « Je suis Awa Diallo, née le 3 mars 1990 à Bamako (Mali), de nationalité malienne ».
    var selfIntroduction: String {
        var text = "Je suis \(name)"
        if let birthDate = person.birthDate {
            text += ", \(born) le \(birthDate.frenchDate)"
            if let place = person.birthPlace { text += " à \(place)" }
        }
        if let nationality = person.nationality { text += ", de nationalité \(nationality)" }
        if let number = person.foreignerNumber { text += " (numéro étranger : \(number))" }
        return text + "."
    }

    /// « renouvellement d'un titre de séjour (carte de séjour pluriannuelle « salarié ») », for a subject line.
    var procedureSubject: String {
        guard let detail = caseFile.procedureDetail else { return caseFile.procedure.frenchLabel }
        return caseFile.procedure == .autre ? detail : caseFile.procedure.frenchLabel + " (" + detail + ")"
    }

    private var usesANEF: Bool { caseFile.attempts.contains { $0.channel == .anef } }

    private var usesAppointmentModule: Bool { caseFile.attempts.contains { $0.channel != .anef } }

    // MARK: - Lettre à la préfecture

    func lettrePrefecture() -> DraftedDocument {
        var blocks: [DocumentBlock] = [.lines(senderLines)]
        var addressee = [DraftContext.capitalized(caseFile.department.prefectureName)]
        if let office = caseFile.prefecture?.name { addressee.append(office) }
        addressee.append("À l'attention du \(caseFile.department.prefectTitle)")
        if let address = caseFile.prefecture?.address { addressee += AddressText.lines(address) }
        blocks.append(.lines(addressee, alignment: .right))
        blocks.append(.paragraph([TextRun(letterDate)], alignment: .right))
        blocks.append(
            .paragraph([TextRun("Lettre recommandée avec accusé de réception", bold: true)], alignment: .left))
        blocks.append(
            .paragraph(
                [TextRun("Objet : ", bold: true), TextRun("demande de rendez-vous – \(procedureSubject)")],
                alignment: .left))
        blocks.append(.paragraph([TextRun("Madame, Monsieur,")], alignment: .left))

        var situation = selfIntroduction + " Je dois déposer \(request) auprès de \(office)."
        if let permit = permitSentence { situation += " " + permit }
        blocks.append(.paragraph([TextRun(situation)]))
        blocks.append(
            .paragraph([
                TextRun(
                    failures.count == 1
                        ? "J'ai essayé sans succès d'obtenir un rendez-vous :"
                        : "Depuis le \(failures[0].date.frenchDate), j'ai essayé à \(failures.count) reprises "
                            + "d'obtenir un rendez-vous, sans succès :")
            ]))
        blocks.append(.list(ordered: true, items: attemptItems(failures, pieceWord: "capture jointe")))
        if !caseFile.letters.isEmpty {
            blocks.append(.paragraph([TextRun("Je vous ai déjà écrit à ce sujet, sans obtenir de rendez-vous :")]))
            blocks.append(.list(ordered: false, items: letterItems()))
        }
        if let circumstances = caseFile.circumstances {
            blocks.append(.paragraph([TextRun("Cette situation a pour moi des conséquences sérieuses :")]))
            blocks += DraftContext.paragraphs(circumstances)
        }
        if usesAppointmentModule {
            blocks.append(
                .paragraph([
                    TextRun(
                        "Le Conseil d'État a jugé que la saisine de l'administration par voie électronique ne peut "
                            + "pas être rendue obligatoire par le décret du 27 mai 2016 (CE, 27 novembre 2019, "
                            + "n° 422516), et qu'un préfet ne peut pas imposer l'usage d'un téléservice, de prise de "
                            + "rendez-vous notamment, pour les demandes de titre de séjour qui ne figurent pas sur "
                            + "la liste fixée par le ministre (CE, avis, 3 juin 2022, n° 461694).")
                ]))
        }
        if usesANEF {
            blocks.append(
                .paragraph([
                    TextRun(
                        "Pour les démarches qui relèvent du téléservice ANEF, l'article R.431-2 du code de l'entrée "
                            + "et du séjour des étrangers et du droit d'asile prévoit l'accueil et l'accompagnement "
                            + "des personnes qui ne parviennent pas à l'utiliser, ainsi qu'une solution de "
                            + "substitution lorsque le téléservice ne permet pas de déposer la demande, comme l'exige "
                            + "le Conseil d'État (CE, 3 juin 2022, n° 452798) ; l'arrêté du 1er août 2023 en fixe "
                            + "les modalités.")
                ]))
        }
        blocks.append(
            .paragraph([
                TextRun(
                    "Je vous demande donc de me fixer un rendez-vous pour déposer \(request), ou de m'indiquer un "
                        + "autre moyen, non dématérialisé, de la déposer.")
            ]))
        blocks.append(
            .paragraph([
                TextRun(
                    "À défaut de réponse, je me réserve la possibilité de saisir le juge des référés du "
                        + "\(courtName) sur le fondement de l'article L.521-3 du code de justice administrative.")
            ]))
        blocks.append(
            .paragraph([TextRun("Je vous prie d'agréer, Madame, Monsieur, mes salutations distinguées.")]))
        blocks.append(.lines([name], alignment: .right))
        blocks += attachmentsList()

        var notices = [
            "Envoyez la lettre en recommandé avec accusé de réception, gardez la preuve de dépôt et l'avis de "
                + "réception, puis ajoutez l'envoi au dossier (« letters ») : c'est une pièce pour le juge.",
            "Si la préfecture publie une adresse électronique pour ces demandes, envoyez-y aussi la lettre et "
                + "gardez le courriel envoyé.",
        ]
        if caseFile.prefecture?.address == nil {
            notices.append(
                "L'adresse postale de la préfecture n'est pas dans le dossier (« prefecture.address ») : elle "
                    + "n'apparaît pas dans la lettre ; relevez-la sur le site de la préfecture pour l'enveloppe.")
        }
        return DraftedDocument(
            kind: .lettrePrefecture,
            draft: DocumentDraft(
                title: "Demande de rendez-vous – \(name)", blocks: blocks, exhibits: pieces.map(\.exhibit)),
            notices: notices)
    }

    // MARK: - Saisine du Défenseur des droits

    func saisineDefenseurDesDroits() -> DraftedDocument {
        var blocks: [DocumentBlock] = [.lines(senderLines)]
        blocks.append(.lines(DraftContext.defenderAddress, alignment: .right))
        blocks.append(.paragraph([TextRun(letterDate)], alignment: .right))
        // A request already filed online and stuck (filing.filedOn): the complaint is about its silence.
        let stuck = caseFile.filing?.filedOn
        let administration =
            caseFile.procedure == .autorisationTravail
            ? "la plateforme de la main-d'œuvre étrangère du ministère de l'Intérieur" : office
        var filingText = ""
        if let stuck {
            filingText = "\(request), déposée le \(stuck.frenchDate) sur le téléservice ANEF"
            if let number = caseFile.filing?.number { filingText += " (n° \(number))" }
        }
        blocks.append(
            .paragraph(
                [
                    TextRun("Objet : ", bold: true),
                    TextRun(
                        stuck == nil
                            ? "réclamation – impossibilité d'obtenir un rendez-vous auprès de \(office)"
                            : "réclamation – demande déposée en ligne le \(stuck?.frenchDate ?? "") et restée sans "
                                + "réponse (\(procedureSubject))"),
                ],
                alignment: .left))
        blocks.append(.paragraph([TextRun("Madame, Monsieur,")], alignment: .left))
        blocks.append(
            .paragraph([
                TextRun(
                    stuck == nil
                        ? "Je vous adresse cette réclamation parce que je ne parviens pas à obtenir de rendez-vous "
                            + "auprès de \(office) pour déposer \(request)."
                        : "Je vous adresse cette réclamation parce que \(filingText), reste sans réponse de "
                            + "\(administration).")
            ]))
        var situation = selfIntroduction
        if let permit = permitSentence { situation += " " + permit }
        blocks.append(.paragraph([TextRun(situation)]))
        blocks.append(
            .paragraph([
                TextRun(
                    failures.count == 1
                        ? "Ma tentative est restée sans résultat :"
                        : "Voici mes \(failures.count) tentatives, toutes restées sans résultat :")
            ]))
        blocks.append(.list(ordered: true, items: attemptItems(failures, pieceWord: "pièce jointe")))
        if !caseFile.letters.isEmpty {
            blocks.append(
                .paragraph([
                    TextRun(
                        stuck == nil
                            ? "J'ai aussi écrit à la préfecture, sans obtenir de rendez-vous :"
                            : "J'ai aussi écrit à ce sujet, sans obtenir de réponse :")
                ]))
            blocks.append(.list(ordered: false, items: letterItems(pieceWord: "pièce jointe")))
        }
        if let circumstances = caseFile.circumstances {
            blocks.append(.paragraph([TextRun("Cette situation a pour moi des conséquences sérieuses :")]))
            blocks += DraftContext.paragraphs(circumstances)
        }
        blocks.append(
            .paragraph([
                TextRun(
                    stuck == nil
                        ? "Je vous demande d'intervenir auprès de la préfecture pour qu'un rendez-vous me soit donné, "
                            + "ou qu'un autre moyen de déposer ma demande me soit proposé."
                        : "Je vous demande d'intervenir auprès de \(administration) pour que cette demande soit "
                            + "examinée et qu'une réponse me soit donnée.")
            ]))
        blocks.append(
            .paragraph([
                TextRun(
                    "Je sais que votre saisine est gratuite, et qu'elle n'interrompt ni ne suspend les délais de "
                        + "recours devant les tribunaux : elle ne remplace pas une action en justice, que je reste "
                        + "libre d'engager.")
            ]))
        blocks.append(
            .paragraph([
                TextRun("Je vous prie d'agréer, Madame, Monsieur, l'expression de ma considération distinguée.")
            ]))
        blocks.append(.lines([name], alignment: .right))
        blocks += attachmentsList()

        var notices = [
            "La saisine du Défenseur des droits est gratuite : par courrier à l'adresse « Libre réponse » (sans "
                + "timbre), par le formulaire en ligne du Défenseur des droits, ou auprès d'un délégué près de "
                + "chez vous.",
            "Elle ne suspend aucun délai : si un délai de recours court, agissez aussi devant le tribunal.",
        ]
        if caseFile.letters.isEmpty {
            notices.append(
                "Le Défenseur des droits demande en principe d'avoir d'abord cherché à régler le problème avec "
                    + "l'administration : "
                    + (caseFile.procedure == .autorisationTravail
                        ? "envoyez d'abord la lettre à votre employeur, copie à la plateforme (« lettre-employeur-moe »)."
                        : "envoyez d'abord la lettre à la préfecture (« lettre-prefecture »)."))
        }
        notices += manualPieceNotices
        return DraftedDocument(
            kind: .saisineDefenseurDesDroits,
            draft: DocumentDraft(
                title: "Réclamation au Défenseur des droits – \(name)", blocks: blocks,
                exhibits: pieces.map(\.exhibit)),
            notices: notices)
    }

    /// « Pièces jointes : » and the list of exhibits (letters and complaint).
    func attachmentsList() -> [DocumentBlock] {
        guard !pieces.isEmpty else { return [] }
        return [
            .paragraph([TextRun("Pièces jointes :", bold: true)], alignment: .left),
            .list(ordered: false, items: pieces.map { [TextRun("n° \($0.number) : \($0.designation)")] }),
        ]
    }
}
