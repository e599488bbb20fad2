// The requête en référé « mesures utiles » (art. L.521-3 CJA), following the structure of the
// associations' models (shared domain/law.md §2.4): addressee, parties, facts, discussion (urgency,
// usefulness, no obstacle), conclusions, place and date, bordereau, exhibits. Wording is ours.

extension DraftContext {
    /// Days given to the prefect, counted from the notification of the order.
    static let injunctionDays = 15
    /// Astreinte asked for, in euros per day of delay (TA Cayenne, 8 March 2021: 100 €/day).
    static let astreintePerDay = 100

    func refereMesuresUtiles() -> DraftedDocument {
        var blocks = refereHead()

        blocks.append(
            .paragraph([
                TextRun(
                    "J'ai l'honneur de demander au juge des référés, sur le fondement de l'article L.521-3 du code "
                        + "de justice administrative, d'enjoindre \(toPrefect) de me donner un rendez-vous afin que "
                        + "je puisse déposer \(request).")
            ]))

        blocks += facts()
        blocks += discussion()
        blocks += conclusions()

        blocks.append(.paragraph([TextRun(placeAndDate)], alignment: .right))
        blocks.append(.lines([name], alignment: .right))

        blocks += bordereau()
        return DraftedDocument(
            kind: .refereMesuresUtiles,
            draft: DocumentDraft(
                title: "Requête en référé « mesures utiles » – \(name)", blocks: blocks,
                exhibits: pieces.map(\.exhibit)),
            notices: refereNotices())
    }

    private func facts() -> [DocumentBlock] {
        var blocks: [DocumentBlock] = [.heading(level: 2, text: "I. FAITS ET PROCÉDURE")]
        var situation = ""
        if let permit = permitSentence { situation += permit + " " }
        situation +=
            "Pour déposer \(request), je dois obtenir un rendez-vous auprès de \(office). J'ai cherché à "
            + "l'obtenir par les moyens que l'administration met à disposition : \(channels)."
        blocks.append(.paragraph([TextRun(situation)]))
        let count = failures.count
        blocks.append(
            .paragraph([
                TextRun(
                    count == 1
                        ? "J'ai tenté sans succès d'obtenir ce rendez-vous le \(failures[0].date.frenchLongDate) :"
                        : "Depuis le \(failures[0].date.frenchLongDate), j'ai tenté à \(count) reprises d'obtenir ce "
                            + "rendez-vous, sans succès :")
            ]))
        blocks.append(.list(ordered: true, items: attemptItems(dated)))
        let stats = assessment
        if count > 1 {
            blocks.append(
                .paragraph([
                    TextRun(
                        "Ces tentatives ont été faites \(failurePeriod), soit sur \(Plural.days(stats.spanDays)), "
                            + "au cours de \(Plural.count(stats.isoWeeks, "semaine")) différente"
                            + "\(stats.isoWeeks > 1 ? "s" : "") et de \(Plural.count(stats.distinctDays, "jour")) "
                            + "différent\(stats.distinctDays > 1 ? "s" : "").")
                ]))
        }
        if !caseFile.letters.isEmpty {
            blocks.append(
                .paragraph([
                    TextRun(
                        "J'ai également demandé par écrit à la préfecture un rendez-vous, ou un autre moyen de "
                            + "déposer ma demande :")
                ]))
            blocks.append(.list(ordered: false, items: letterItems()))
        }
        blocks.append(.paragraph([TextRun("À ce jour, aucun rendez-vous ne m'a été donné.")]))
        return blocks
    }

    private func discussion() -> [DocumentBlock] {
        var blocks: [DocumentBlock] = [.heading(level: 2, text: "II. DISCUSSION")]
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
                    "Le Conseil d'État juge que l'étranger qui n'a pu obtenir de rendez-vous, alors que celui-ci ne "
                        + "peut être pris que par internet, et qui justifie de plusieurs tentatives qui n'ont pas "
                        + "toutes été faites la même semaine, peut demander au juge des référés d'ordonner au préfet "
                        + "de lui fixer un rendez-vous dans un délai qu'il détermine (CE, 10 juin 2020, n° 435594). "
                        + "Il en va de même lorsque des formalités à accomplir en ligne avant ce rendez-vous n'ont "
                        + "pu l'être en raison d'un dysfonctionnement technique (CE, 9 juin 2022, n° 453391).")
            ]))

        blocks.append(.heading(level: 3, text: "1. Sur l'urgence"))
        if caseFile.procedure.isUrgencyPresumed {
            var text =
                "Lorsqu'un étranger demande le renouvellement de son titre de séjour, l'urgence est en principe "
                + "présumée (CE, 9 juin 2022, n° 453391)."
            if let permit = permitSentence { text += " " + permit }
            text +=
                " Tant que ma demande n'est pas déposée, je ne peux pas obtenir le document provisoire qui "
                + "atteste de la régularité de mon séjour pendant son examen."
            blocks.append(.paragraph([TextRun(text)]))
            if let circumstances = caseFile.circumstances {
                blocks.append(
                    .paragraph([TextRun("En outre, ma situation personnelle rend ce rendez-vous pressant :")]))
                blocks += DraftContext.paragraphs(circumstances)
            }
        } else {
            blocks.append(
                .paragraph([
                    TextRun(
                        "Hors renouvellement d'un titre de séjour, l'urgence s'apprécie au regard de la situation "
                            + "concrète du demandeur (CE, 9 juin 2022, n° 453391). Ma situation exige qu'un "
                            + "rendez-vous me soit donné rapidement :")
                ]))
            blocks += DraftContext.paragraphs(caseFile.circumstances ?? "")
            if let permit = permitSentence { blocks.append(.paragraph([TextRun(permit)])) }
        }

        blocks.append(.heading(level: 3, text: "2. Sur l'utilité de la mesure"))
        let stats = assessment
        var usefulness =
            "Le rendez-vous est le seul moyen de déposer \(request) : sans lui, ma demande ne peut être ni "
            + "enregistrée ni examinée. "
        usefulness +=
            failures.count == 1
            ? "Ma tentative du \(failures[0].date.frenchDate) est restée vaine."
            : "Mes \(failures.count) tentatives, faites \(failurePeriod) au cours de "
                + "\(Plural.count(stats.isoWeeks, "semaine")) différente\(stats.isoWeeks > 1 ? "s" : ""), "
                + "montrent que je ne peux pas l'obtenir par les moyens mis en place par l'administration."
        if !caseFile.letters.isEmpty {
            usefulness +=
                caseFile.letters.count == 1
                ? " Ma demande écrite à la préfecture n'a pas davantage permis de l'obtenir."
                : " Mes demandes écrites à la préfecture n'ont pas davantage permis de l'obtenir."
        }
        usefulness += " Seule une injonction du juge peut me permettre de déposer ma demande."
        blocks.append(.paragraph([TextRun(usefulness)]))

        blocks.append(
            .heading(level: 3, text: "3. Sur l'absence d'obstacle à l'exécution d'une décision administrative"))
        blocks.append(
            .paragraph([
                TextRun(
                    "La mesure demandée tend seulement à me permettre de déposer ma demande. Elle ne fait obstacle "
                        + "à l'exécution d'aucune décision administrative.")
            ]))
        return blocks
    }

    private func conclusions() -> [DocumentBlock] {
        [
            .heading(level: 2, text: "PAR CES MOTIFS"),
            .paragraph([TextRun("Je demande au juge des référés :")]),
            .list(
                ordered: false,
                items: [
                    [
                        TextRun(
                            "d'enjoindre \(toPrefect) de me fixer un rendez-vous permettant le dépôt de "
                                + "\(request), dans un délai de \(FrenchNumber.words(DraftContext.injunctionDays)) "
                                + "jours à compter de la notification de l'ordonnance à intervenir, sous astreinte de "
                                + "\(DraftContext.astreintePerDay) euros par jour de retard ;")
                    ],
                    [
                        TextRun(
                            "de mettre à la charge de l'État les frais que j'ai exposés, au titre de l'article "
                                + "L.761-1 du code de justice administrative.")
                    ],
                ]),
        ]
    }

    func bordereau() -> [DocumentBlock] {
        var blocks: [DocumentBlock] = [.pageBreak, .heading(level: 2, text: "BORDEREAU DES PIÈCES")]
        if pieces.isEmpty {
            blocks.append(.paragraph([TextRun("Aucune pièce n'est jointe à la présente requête.")]))
            return blocks
        }
        blocks.append(.table(rows: [["N°", "Pièce"]] + pieces.map { [String($0.number), $0.designation] }))
        if pieces.contains(where: { if case .capture = $0.origin { return true } else { return false } }) {
            var text =
                // True of both forms of the filing: the bundle (a page per exhibit) and the split one (a file each).
                "Chaque capture d'écran est produite sous son numéro, avec la date et l'heure de la tentative et "
                + "l'empreinte SHA-256 du fichier, qui permet d'en vérifier l'intégrité."
            if let journalHead {
                text += " Empreinte SHA-256 du journal des tentatives (dernière entrée) : \(journalHead)."
            }
            blocks.append(.paragraph([TextRun(text)]))
        }
        return blocks
    }

    func refereNotices() -> [String] {
        var notices = [
            "Déposez la requête sur Télérecours citoyens, ou envoyez-la au greffe du \(courtName) (en recommandé "
                + "ou sur place), avec la mention « référé » sur la requête et sur l'enveloppe (art. R.522-3 du code "
                + "de justice administrative). Signez-la ; sur Télérecours citoyens, l'identification vaut signature.",
            "Sur Télérecours citoyens, déposez chaque pièce dans un fichier distinct dont le nom commence par son "
                + "numéro au bordereau (art. R.414-5 du code de justice administrative, dans sa rédaction issue du décret "
                + "n° 2020-1245 du 9 octobre 2020 ; règle non vérifiée sur le texte officiel, vérifiée le 3 décembre 2026) : "
                + "le document « une pièce par fichier » (ZIP, option --split) les prépare ainsi.",
            "Un avocat n'est pas obligatoire ; vous pouvez demander l'aide juridictionnelle.",
            "Si une obligation de quitter le territoire français a été prise contre vous, demandez conseil avant de "
                + "déposer cette requête : le juge peut alors écarter l'urgence (CE, 9 juin 2022, n° 453391).",
        ]
        if let address = court.court.address, !address.isVerified {
            notices.append(
                "L'adresse postale du tribunal n'est pas confirmée par une source publique : elle n'est pas écrite "
                    + "dans la requête ; vérifiez-la sur \(court.court.website) avant un envoi par courrier.")
        } else if court.court.address == nil {
            notices.append(
                "Adresse postale du tribunal à relever sur \(court.court.website) avant un envoi par courrier.")
        }
        notices += manualPieceNotices
        let report = EvidenceRule.standard.evaluate(caseFile)
        if report.verdict == .insuffisant {
            notices.append(
                "La vérification des preuves donne « insuffisant » : en l'état, la requête risque d'être rejetée. "
                    + "Voyez les conseils de la vérification avant de la déposer.")
        }
        return notices
    }

    /// The head of a référé « mesures utiles » (for an appointment or a stuck ANEF file): the sender, the court, the
    /// title and the parties.
    func refereHead() -> [DocumentBlock] {
        var blocks: [DocumentBlock] = []
        blocks.append(.lines(senderLines))
        var addressee = [
            "Madame la Présidente, Monsieur le Président", "du \(courtName)", "Juge des référés",
        ]
        if let address = court.court.address, address.isVerified { addressee += address.lines }
        blocks.append(.lines(addressee, alignment: .right))
        blocks.append(.heading(level: 1, text: "REQUÊTE EN RÉFÉRÉ « MESURES UTILES »"))
        blocks.append(
            .paragraph(
                [TextRun("(article L.521-3 du code de justice administrative)", italic: true)], alignment: .center))

        blocks.append(.heading(level: 2, text: "POUR"))
        var identity = [
            name,
            "\(DraftContext.capitalized(born)) le \(person.birthDate?.frenchDate ?? "") à \(person.birthPlace ?? "")",
            "Nationalité : \(person.nationality ?? "")",
            "Demeurant : " + addressLines.joined(separator: ", "),
        ]
        if let phone = person.phone { identity.append("Téléphone : \(phone)") }
        if let email = person.email { identity.append("Courriel : \(email)") }
        if let number = person.foreignerNumber { identity.append("Numéro étranger : \(number)") }
        blocks.append(.lines(identity))
        blocks.append(.heading(level: 2, text: "CONTRE"))
        blocks.append(.lines([DraftContext.capitalized(prefect)]))
        return blocks
    }
}
