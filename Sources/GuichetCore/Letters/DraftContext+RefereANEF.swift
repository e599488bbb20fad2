// The requête en référé « mesures utiles » (art. L.521-3 CJA) for an ANEF request filed but never examined:
// same structure, bordereau and exhibits as the appointment référé (DraftContext+Refere.swift); the facts
// are the filing and what was done since (messages, ANTS contact centre, point d'accueil numérique), the
// measure asked is the examination of the request or an attestation de prolongation d'instruction
// (R.431-15-1 CESEDA, shared domain/law.md §3.3; R.431-2 accompaniment, §1.4). Wording is ours.

extension DraftContext {
    /// « ma demande … déposée le 2 septembre 2026 sur le téléservice ANEF (attestation de dépôt n° …) ».
    private var filedRequest: String {
        let filing = caseFile.filing ?? OnlineFiling()
        return "\(request), déposée le \(filing.filedOn?.frenchDate ?? "") sur le téléservice ANEF (attestation "
            + "de dépôt n° \(filing.number ?? ""))"
    }

    /// A renewal (or a permit that expires): the attestation de prolongation d'instruction is asked for too.
    private var asksForAttestation: Bool { caseFile.procedure.isUrgencyPresumed || caseFile.permitExpiry != nil }

    /// « d'examiner ma demande … et, dans l'attente de sa décision, de me délivrer une attestation … ».
    private var measure: String {
        "d'examiner \(filedRequest)"
            + (asksForAttestation
                ? " et, dans l'attente de sa décision, de me délivrer une attestation de prolongation d'instruction"
                : "")
    }

    func refereANEFBloque() -> DraftedDocument {
        var blocks = refereHead()
        blocks.append(
            .paragraph([
                TextRun(
                    "J'ai l'honneur de demander au juge des référés, sur le fondement de l'article L.521-3 du code "
                        + "de justice administrative, d'enjoindre \(toPrefect) \(measure).")
            ]))

        // I. Faits
        blocks.append(.heading(level: 2, text: "I. FAITS ET PROCÉDURE"))
        let filing = caseFile.filing ?? OnlineFiling()
        var situation =
            "Le \(filing.filedOn?.frenchDate ?? ""), j'ai déposé \(request) sur le téléservice de l'administration "
            + "numérique pour les étrangers en France (ANEF) ; l'attestation de dépôt porte le numéro "
            + "\(filing.number ?? "")."
        if let permit = permitSentence { situation += " " + permit }
        situation +=
            " L'attestation de dépôt remise par le téléservice ne justifie pas, à elle seule, de la régularité de mon "
            + "séjour."
        blocks.append(.paragraph([TextRun(situation)]))
        blocks.append(
            .paragraph([
                TextRun(
                    "Depuis ce dépôt, ma demande n'a pas été examinée : je n'ai reçu ni décision, ni attestation de "
                        + "prolongation d'instruction. J'ai fait les démarches suivantes, sans résultat :")
            ]))
        blocks.append(.list(ordered: true, items: attemptItems(dated)))
        if !caseFile.letters.isEmpty {
            blocks.append(.paragraph([TextRun("J'ai également écrit à la préfecture :")]))
            blocks.append(.list(ordered: false, items: letterItems()))
        }
        blocks.append(.paragraph([TextRun("À ce jour, ma demande reste sans suite.")]))

        // II. Discussion
        blocks.append(.heading(level: 2, text: "II. DISCUSSION"))
        blocks.append(
            .paragraph([
                TextRun(
                    "Selon l'article L.521-3 du code de justice administrative, en cas d'urgence, le juge des "
                        + "référés peut, sur simple requête recevable même sans décision administrative préalable, "
                        + "ordonner toutes mesures utiles, à condition qu'elles ne fassent obstacle à l'exécution "
                        + "d'aucune décision administrative.")
            ]))
        blocks.append(
            .paragraph([
                TextRun(
                    "L'article R.431-15-1 du code de l'entrée et du séjour des étrangers et du droit d'asile prévoit "
                        + "que, lorsqu'une demande complète déposée à temps sur le téléservice est toujours en cours "
                        + "d'instruction à l'expiration du titre, le préfet délivre une attestation de prolongation "
                        + "d'instruction, valable trois mois au plus et renouvelée tant qu'aucune décision n'est prise. "
                        + "L'article R.431-2 du même code garantit l'accueil et l'accompagnement des usagers du "
                        + "téléservice. Le Conseil d'État a admis que le juge des référés ordonne au préfet de fixer un "
                        + "rendez-vous lorsque des formalités à accomplir en ligne n'ont pu l'être en raison d'un "
                        + "dysfonctionnement technique (CE, 9 juin 2022, n° 453391) ; le même raisonnement vaut lorsque "
                        + "la demande, déposée sur le téléservice, n'est pas examinée.")
            ]))
        blocks.append(.heading(level: 3, text: "1. Sur l'urgence"))
        if caseFile.procedure.isUrgencyPresumed {
            var text =
                "Lorsqu'un étranger demande le renouvellement de son titre de séjour, l'urgence est en principe "
                + "présumée (CE, 9 juin 2022, n° 453391)."
            if let permit = permitSentence { text += " " + permit }
            text +=
                " Sans attestation de prolongation d'instruction, je ne peux pas justifier de la régularité de mon "
                + "séjour, ni, le cas échéant, de mon droit au travail et à mes droits sociaux."
            blocks.append(.paragraph([TextRun(text)]))
            if let circumstances = caseFile.circumstances {
                blocks.append(.paragraph([TextRun("En outre, ma situation personnelle rend cette mesure pressante :")]))
                blocks += DraftContext.paragraphs(circumstances)
            }
        } else {
            blocks.append(
                .paragraph([
                    TextRun(
                        "Hors renouvellement d'un titre de séjour, l'urgence s'apprécie au regard de la situation "
                            + "concrète du demandeur (CE, 9 juin 2022, n° 453391). Ma situation exige que ma demande "
                            + "soit examinée rapidement :")
                ]))
            blocks += DraftContext.paragraphs(caseFile.circumstances ?? "")
            if let permit = permitSentence { blocks.append(.paragraph([TextRun(permit)])) }
        }
        blocks.append(.heading(level: 3, text: "2. Sur l'utilité de la mesure"))
        let count = failures.count
        blocks.append(
            .paragraph([
                TextRun(
                    "Ma demande a été déposée par le seul moyen prévu, le téléservice. "
                        + (count == 1
                            ? "La démarche que j'ai faite pour la débloquer est restée vaine."
                            : "Les \(count) démarches que j'ai faites \(failurePeriod) pour la débloquer, par les "
                                + "moyens d'accompagnement prévus, sont restées vaines.")
                        + " Seule une injonction du juge peut permettre que ma demande soit examinée"
                        + (asksForAttestation
                            ? " et que je reçoive l'attestation prévue par l'article R.431-15-1 du code de l'entrée "
                                + "et du séjour des étrangers et du droit d'asile."
                            : "."))
            ]))
        blocks.append(
            .heading(level: 3, text: "3. Sur l'absence d'obstacle à l'exécution d'une décision administrative"))
        blocks.append(
            .paragraph([
                TextRun(
                    "La mesure demandée tend seulement à l'examen de ma demande et à la délivrance du document prévu "
                        + "par les textes. Elle ne fait obstacle à l'exécution d'aucune décision administrative.")
            ]))

        // Conclusions
        blocks.append(.heading(level: 2, text: "PAR CES MOTIFS"))
        blocks.append(.paragraph([TextRun("Je demande au juge des référés :")]))
        blocks.append(
            .list(
                ordered: false,
                items: [
                    [
                        TextRun(
                            "d'enjoindre \(toPrefect) \(measure), dans un délai de "
                                + "\(FrenchNumber.words(DraftContext.injunctionDays)) jours à compter de la "
                                + "notification de l'ordonnance à intervenir, sous astreinte de "
                                + "\(DraftContext.astreintePerDay) euros par jour de retard ;")
                    ],
                    [
                        TextRun(
                            "de mettre à la charge de l'État les frais que j'ai exposés, au titre de l'article "
                                + "L.761-1 du code de justice administrative.")
                    ],
                ]))
        blocks.append(.paragraph([TextRun(placeAndDate)], alignment: .right))
        blocks.append(.lines([name], alignment: .right))
        blocks += bordereau()

        var notices = refereNotices()
        notices.insert(
            "Joignez la copie de l'attestation de dépôt (« supportingDocuments ») et, pour chaque démarche, sa preuve : "
                + "message du téléservice, numéro de ticket du centre de contact citoyens de l'ANTS, passage au point "
                + "d'accueil numérique de la préfecture.", at: 1)
        return DraftedDocument(
            kind: .refereANEFBloque,
            draft: DocumentDraft(
                title: "Requête en référé « mesures utiles » (ANEF) – \(name)", blocks: blocks,
                exhibits: pieces.map(\.exhibit)),
            notices: notices)
    }
}
