// The recours préalable, the letter to the employer (copy to the MOE platform) and the complaint to the
// CAF. Wording is ours; the legal points follow shared domain/law.md §3.6 (visas), procedures.md §IV (work
// authorisations) and §V (CAF); points the brief marks UNVERIFIED are in the notices, not asserted as checked.

extension DraftContext {
    // MARK: - Recours préalable

    /// Who receives the appeal, in the letter head.
    private var appealAddressee: [String] {
        switch caseFile.decision?.authority {
        case .prefet?, nil:
            var lines = [DraftContext.capitalized(caseFile.department.prefectureName)]
            if let office = caseFile.prefecture?.name { lines.append(office) }
            lines.append("À l'attention du \(caseFile.department.prefectTitle)")
            if let address = caseFile.prefecture?.address { lines += AddressText.lines(address) }
            return lines
        case .ministreNaturalisation?:
            return ["Monsieur le ministre de l'Intérieur", "Ministre chargé des naturalisations"]
        case .crrv?:
            return ["Commission de recours contre les décisions", "de refus de visa d'entrée en France"]
        case .sousDirecteurVisas?:
            return ["Monsieur le sous-directeur des visas", "Direction générale des étrangers en France",
                "Ministère de l'Intérieur"]
        }
    }

    /// « le préfet de la Seine-Saint-Denis », « le ministre chargé des naturalisations »…, who decided.
    private var decisionAuthor: String {
        switch caseFile.decision?.authority {
        case .prefet?, nil: return prefect
        case .ministreNaturalisation?: return "le ministre chargé des naturalisations"
        case .crrv?, .sousDirecteurVisas?: return "l'autorité consulaire"
        }
    }

    /// The kind of appeal and its legal basis, as printed.
    private var appealBasis: (subject: String, sentence: String, request: String) {
        switch caseFile.decision?.authority {
        case .prefet?, nil:
            return (
                "recours gracieux",
                "Par la présente, je forme un recours gracieux contre cette décision (articles L.410-1 et suivants du "
                    + "code des relations entre le public et l'administration).",
                "Je vous demande en conséquence de retirer cette décision et de réexaminer ma demande."
            )
        case .ministreNaturalisation?:
            return (
                "recours administratif préalable obligatoire",
                "Par la présente, je forme le recours préalable prévu par l'article 45 du décret n° 93-1362 du "
                    + "30 décembre 1993, qui doit précéder tout recours devant le tribunal administratif.",
                "Je vous demande en conséquence de retirer cette décision et de faire droit à ma demande."
            )
        case .crrv?:
            return (
                "recours administratif préalable obligatoire",
                "Par la présente, je saisis la commission du recours préalable obligatoire prévu par les articles "
                    + "D.312-3 et D.312-4 du code de l'entrée et du séjour des étrangers et du droit d'asile.",
                "Je demande à la commission de recommander au ministre la délivrance du visa demandé."
            )
        case .sousDirecteurVisas?:
            return (
                "recours administratif préalable obligatoire",
                "Par la présente, je forme le recours préalable obligatoire prévu par les articles D.312-3 et D.312-4 "
                    + "du code de l'entrée et du séjour des étrangers et du droit d'asile.",
                "Je vous demande en conséquence d'annuler ce refus et de faire délivrer le visa demandé."
            )
        }
    }

    /// « décision du 12 mai 2026 (référence : 2026-0042) ».
    private var decisionDesignation: String {
        var text = "décision du \(caseFile.decision?.date?.frenchDate ?? "")"
        if let reference = caseFile.decision?.reference { text += " (référence : \(reference))" }
        return text
    }

    func recoursPrealable() -> DraftedDocument {
        let basis = appealBasis
        var blocks: [DocumentBlock] = [.lines(senderLines)]
        blocks.append(.lines(appealAddressee, alignment: .right))
        blocks.append(.paragraph([TextRun(letterDate)], alignment: .right))
        blocks.append(
            .paragraph([TextRun("Lettre recommandée avec accusé de réception", bold: true)], alignment: .left))
        blocks.append(
            .paragraph(
                [TextRun("Objet : ", bold: true), TextRun("\(basis.subject) contre la \(decisionDesignation)")],
                alignment: .left))
        blocks.append(.paragraph([TextRun("Madame, Monsieur,")], alignment: .left))
        blocks.append(.paragraph([TextRun(selfIntroduction)]))
        blocks.append(
            .paragraph([
                TextRun(
                    "Par une \(decisionDesignation), \(decisionAuthor) a rejeté \(request). \(basis.sentence)")
            ]))
        blocks.append(.paragraph([TextRun("Je conteste cette décision pour les raisons suivantes :")]))
        blocks += DraftContext.paragraphs(caseFile.decision?.grounds ?? "")
        if let circumstances = caseFile.circumstances {
            blocks.append(.paragraph([TextRun("Ma situation personnelle est la suivante :")]))
            blocks += DraftContext.paragraphs(circumstances)
        }
        blocks.append(.paragraph([TextRun(basis.request)]))
        blocks.append(
            .paragraph([TextRun("Je vous prie d'agréer, Madame, Monsieur, l'expression de ma considération distinguée.")]))
        blocks.append(.lines([name], alignment: .right))
        blocks += attachmentsList()

        var notices = [
            "Joignez une copie de la décision contestée et les pièces qui appuient vos raisons ; envoyez le recours "
                + "en recommandé avec accusé de réception et gardez l'avis de réception : sa date compte pour la suite.",
            "L'adresse où envoyer le recours figure en principe sur la décision (voies et délais de recours) : "
                + "vérifiez-la avant l'envoi.",
        ]
        switch caseFile.decision?.authority {
        case .ministreNaturalisation?:
            notices.append(
                "Délai : deux mois à compter de la notification du refus (art. 45 du décret n° 93-1362) ; ce délai et "
                    + "le caractère obligatoire du recours ne sont pas vérifiés par la recherche du projet "
                    + "(règle « naturalisation-recours-prealable »).")
        case .crrv?, .sousDirecteurVisas?:
            notices.append(
                "Délai : trente jours à compter de la notification du refus de visa (art. D.312-4 CESEDA, règle "
                    + "« visa-recours-prealable ») ; une réforme de la commission a été signalée sans être vérifiée : "
                    + "relisez l'article D.312-3 sur Légifrance. Le recours doit être motivé et rédigé en français.")
        case .prefet?, nil:
            notices.append(
                "Un recours gracieux ne prolonge pas le délai d'un mois contre une obligation de quitter le territoire "
                    + "français : si la décision en comporte une, saisissez aussi le tribunal dans ce délai.")
        }
        notices += manualPieceNotices
        return DraftedDocument(
            kind: .recoursPrealable,
            draft: DocumentDraft(title: "Recours préalable – \(name)", blocks: blocks, exhibits: pieces.map(\.exhibit)),
            notices: notices)
    }

    // MARK: - Lettre à l'employeur (copie à la plateforme MOE)

    func lettreEmployeurMOE() -> DraftedDocument {
        let employer = caseFile.employer ?? Employer()
        let filing = caseFile.filing ?? OnlineFiling()
        var blocks: [DocumentBlock] = [.lines(senderLines)]
        var addressee = [employer.name ?? ""]
        if let address = employer.address { addressee += AddressText.lines(address) }
        blocks.append(.lines(addressee, alignment: .right))
        blocks.append(.paragraph([TextRun(letterDate)], alignment: .right))
        blocks.append(
            .paragraph(
                [
                    TextRun("Copie : ", bold: true),
                    TextRun("plateforme de la main-d'œuvre étrangère (téléservice ANEF du ministère de l'Intérieur)"),
                ], alignment: .left))
        var subject = "demande d'autorisation de travail déposée le \(filing.filedOn?.frenchDate ?? "")"
        if let number = filing.number { subject += " (dossier n° \(number))" }
        blocks.append(.paragraph([TextRun("Objet : ", bold: true), TextRun(subject)], alignment: .left))
        blocks.append(.paragraph([TextRun("Madame, Monsieur,")], alignment: .left))
        var situation = selfIntroduction
        if let permit = permitSentence { situation += " " + permit }
        blocks.append(.paragraph([TextRun(situation)]))
        var filed =
            "Le \(filing.filedOn?.frenchDate ?? ""), vous avez déposé sur le téléservice de l'administration "
            + "numérique pour les étrangers en France (ANEF) une demande d'autorisation de travail pour mon emploi"
        filed += filing.number.map { ", enregistrée sous le numéro \($0)." } ?? "."
        filed +=
            " Depuis le 6 avril 2021, ces demandes sont déposées en ligne par l'employeur et instruites par les "
            + "plateformes de la main-d'œuvre étrangère du ministère de l'Intérieur (décret n° 2021-360 du "
            + "31 mars 2021 ; article R.5221-15 du code du travail)."
        blocks.append(.paragraph([TextRun(filed)]))
        if failures.isEmpty {
            blocks.append(.paragraph([TextRun("À ce jour, je n'ai reçu aucune nouvelle de cette demande.")]))
        } else {
            blocks.append(.paragraph([TextRun("À ce jour, cette demande n'a pas abouti ; voici ce que j'ai constaté :")]))
            blocks.append(.list(ordered: true, items: attemptItems(failures, pieceWord: "pièce jointe")))
        }
        if let circumstances = caseFile.circumstances {
            blocks.append(.paragraph([TextRun("Cette attente a pour moi des conséquences sérieuses :")]))
            blocks += DraftContext.paragraphs(circumstances)
        }
        var asks = ["de consulter l'état de la demande dans votre espace sur le téléservice et de me l'indiquer ;"]
        asks.append(
            filing.number == nil
                ? "de me communiquer le numéro du dossier, la copie de l'attestation de dépôt et les messages reçus "
                    + "de la plateforme ;"
                : "de me transmettre la copie de l'attestation de dépôt et des messages reçus de la plateforme ;")
        asks.append(
            "de répondre sans attendre aux éventuelles demandes de pièces de la plateforme, et de la relancer par la "
                + "messagerie du téléservice en rappelant ma situation.")
        blocks.append(.paragraph([TextRun("Je vous demande :")]))
        blocks.append(.list(ordered: false, items: asks.map { [TextRun($0)] }))
        blocks.append(
            .paragraph([
                TextRun(
                    "Je transmets copie de ce courrier à la plateforme de la main-d'œuvre étrangère, afin qu'elle "
                        + "examine cette demande dans les meilleurs délais.")
            ]))
        blocks.append(.paragraph([TextRun("Je vous prie d'agréer, Madame, Monsieur, mes salutations distinguées.")]))
        blocks.append(.lines([name], alignment: .right))
        blocks += attachmentsList()

        var notices = [
            "Remettez la lettre à votre employeur contre signature, ou envoyez-la en recommandé ; envoyez la copie à "
                + "la plateforme par la messagerie du téléservice ANEF (ou demandez à votre employeur de la joindre).",
            "Le silence de l'administration pendant deux mois vaudrait refus de la demande : cette règle n'est pas "
                + "vérifiée (règle « autorisation-travail-silence ») ; chaque demande de pièces peut faire repartir "
                + "l'instruction.",
            "Si rien ne bouge, vous pouvez saisir gratuitement le Défenseur des droits (« saisine-defenseur-des-droits »).",
        ]
        if employer.address == nil {
            notices.append(
                "L'adresse de l'employeur n'est pas dans le dossier (« employer.address ») : elle n'apparaît pas dans "
                    + "la lettre.")
        }
        notices += manualPieceNotices
        return DraftedDocument(
            kind: .lettreEmployeurMOE,
            draft: DocumentDraft(
                title: "Demande d'autorisation de travail – \(name)", blocks: blocks, exhibits: pieces.map(\.exhibit)),
            notices: notices)
    }

    // MARK: - Réclamation à la CAF

    func reclamationCAF() -> DraftedDocument {
        let caf = caseFile.caf ?? FamilyBenefitsFund()
        let benefits = caf.benefit.map { "le versement de la prestation « \($0) »" } ?? "le versement de mes prestations"
        let since = caf.suspendedOn?.frenchDate ?? ""
        var blocks: [DocumentBlock] = [.lines(senderLines + ["Numéro d'allocataire : \(caf.allocataireNumber ?? "")"])]
        var addressee = [caf.name ?? ""]
        if let address = caf.address { addressee += AddressText.lines(address) }
        blocks.append(.lines(addressee, alignment: .right))
        blocks.append(.paragraph([TextRun(letterDate)], alignment: .right))
        blocks.append(
            .paragraph([TextRun("Lettre recommandée avec accusé de réception", bold: true)], alignment: .left))
        blocks.append(
            .paragraph(
                [
                    TextRun("Objet : ", bold: true),
                    TextRun(
                        "réclamation – suspension de mes prestations depuis le \(since) (allocataire "
                            + "n° \(caf.allocataireNumber ?? ""))"),
                ], alignment: .left))
        blocks.append(.paragraph([TextRun("Madame, Monsieur,")], alignment: .left))
        blocks.append(
            .paragraph([
                TextRun(
                    "Je suis \(name), allocataire sous le numéro \(caf.allocataireNumber ?? ""). Depuis le \(since), "
                        + "\(benefits) est suspendu.")
            ]))
        if let reason = caf.reason {
            blocks.append(.paragraph([TextRun("La raison qui m'a été indiquée est la suivante :")]))
            blocks += DraftContext.paragraphs(reason)
            blocks.append(
                .paragraph([
                    TextRun(
                        "Je conteste cette suspension, et je vous demande d'en préciser les motifs par écrit afin que "
                            + "je puisse y répondre.")
                ]))
        } else {
            blocks.append(
                .paragraph([
                    TextRun("Aucune raison ne m'a été donnée, et je n'ai reçu aucune décision écrite et motivée.")
                ]))
        }
        if let permit = permitSentence {
            blocks.append(.paragraph([TextRun(permit + " Je peux en produire la copie.")]))
        }
        if let circumstances = caseFile.circumstances {
            blocks.append(.paragraph([TextRun("Cette suspension a pour moi des conséquences sérieuses :")]))
            blocks += DraftContext.paragraphs(circumstances)
        }
        blocks.append(.paragraph([TextRun("Je vous demande donc :")]))
        blocks.append(
            .list(
                ordered: false,
                items: [
                    [TextRun("de m'indiquer par écrit les motifs de cette suspension et, le cas échéant, les pièces "
                        + "que vous attendez de moi ;")],
                    [TextRun("de rétablir le versement de mes prestations et de me verser les sommes dues depuis le "
                        + "\(since).")],
                ]))
        blocks.append(
            .paragraph([
                TextRun(
                    "À défaut de réponse, je saisirai le médiateur de la CAF. Je sais aussi que je peux contester "
                        + "la décision devant la commission de recours amiable de la caisse, dans un délai de deux mois "
                        + "à compter de sa notification (article R.142-1 du code de la sécurité sociale).")
            ]))
        blocks.append(.paragraph([TextRun("Je vous prie d'agréer, Madame, Monsieur, mes salutations distinguées.")]))
        blocks.append(.lines([name], alignment: .right))
        blocks += attachmentsList()

        var notices = [
            "Envoyez la réclamation en recommandé avec accusé de réception (ou par la messagerie de votre espace "
                + "personnel sur caf.fr, en gardant une copie) et gardez la preuve d'envoi.",
            "Le délai de deux mois pour saisir la commission de recours amiable (art. R.142-1 du code de la sécurité "
                + "sociale) n'est pas vérifié par la recherche du projet : lisez les voies et délais de recours sur la "
                + "décision de la CAF, et ne laissez pas passer ce délai en attendant une réponse à cette réclamation "
                + "(règle « caf-recours-amiable »).",
            "Le médiateur de la CAF peut être saisi après une première réclamation restée sans réponse satisfaisante.",
        ]
        if caf.address == nil {
            notices.append(
                "L'adresse de la CAF n'est pas dans le dossier (« caf.address ») : relevez-la sur caf.fr ou sur un "
                    + "courrier de la caisse.")
        }
        notices += manualPieceNotices
        return DraftedDocument(
            kind: .reclamationCAF,
            draft: DocumentDraft(title: "Réclamation à la CAF – \(name)", blocks: blocks, exhibits: pieces.map(\.exhibit)),
            notices: notices)
    }
}
