// Every rule below cites the research brief (shared domain/law.md §3); wording of the French texts is ours.

extension DeadlineRule {
    /// Every time limit the engine knows, in the order shown to users.
    public static let catalogue: [DeadlineRule] = [
        recoursContentieux, renouvellementTitreANEF, renouvellementTitre, silenceTitreSejour, ofpraIntroduction,
        ofpraNotification, cnda, oqtf1Mois, oqtf7Jours, oqtf48h, visaRecoursPrealable, silenceCRRV, cassationRefere,
        silenceRecoursAdministratif, apiValidite, autorisationTravailSilence, naturalisationDecision,
        naturalisationRecoursPrealable, cafRecoursAmiable, cafSilenceRecoursAmiable, logementSocialRenouvellement,
    ]

    private static let courtFiling =
        "La requête doit être enregistrée au greffe du tribunal avant la fin du dernier jour : "
        + "la date d'envoi du courrier ne compte pas (Télérecours citoyens enregistre l'heure de dépôt)."
    private static let opposability =
        "Le délai ne court que si la décision indique les voies et délais de recours (art. R.421-5 CJA) ; "
        + "sinon, un délai raisonnable d'un an s'applique en principe (CE, Ass., 13 juillet 2016, Czabaj, n° 387763)."
    private static let registeredLetter =
        "Lettre recommandée non retirée : la notification date du jour où elle vous a été présentée "
        + "(CE, 24 avril 2012, n° 341146)."
    private static let courtConvention =
        "Devant le juge administratif, le délai est franc et, s'il se termine un samedi, un dimanche ou un "
        + "jour férié, il est prolongé jusqu'au premier jour ouvrable suivant (art. 642 du code de procédure "
        + "civile, appliqué par analogie)."

    /// Recours pour excès de pouvoir: 2 months from notification (R.421-1 CJA), franc, carried over;
    /// +1 month overseas / +2 months abroad (R.421-7 CJA). law.md §3.1–3.2.
    static let recoursContentieux = DeadlineRule(
        id: "recours-contentieux",
        label: "Recours devant le tribunal administratif (deux mois)",
        source: LegalSource(
            citation: "art. R.421-1 du code de justice administrative ; délais de distance : art. R.421-7 CJA",
            url: "http://gisti.org/spip.php?article2610"),
        counting: .months(2), isFranc: true, movesToWorkingDay: true, acceptsDistanceExtension: true,
        triggerStep: "Décision notifiée le {date}.",
        convention: courtConvention,
        notes: [courtFiling, opposability, registeredLetter])

    /// Renewal window of an ANEF permit: from the 120th to the 60th day before expiry (R.431-5 CESEDA).
    /// The day-count convention is UNVERIFIED in the brief (law.md §3.3).
    static let renouvellementTitreANEF = DeadlineRule(
        id: "renouvellement-titre-anef",
        label: "Renouvellement d'un titre de séjour sur l'ANEF : période de dépôt",
        source: LegalSource(
            citation: "art. R.431-5 du code de l'entrée et du séjour des étrangers et du droit d'asile "
                + "(version en vigueur depuis le 1er mai 2021)",
            url:
                "https://www.doctrine.fr/l/texts/codes/LEGITEXT000006070158/articles/LEGIARTI000042806998?version=LEGIARTI000043292776",
            isVerified: false,
            caveat: "la façon exacte de compter le cent-vingtième et le soixantième jour avant l'expiration "
                + "n'est pas confirmée, et les modifications du texte après 2021 n'ont pas été vérifiées ; "
                + "déposez votre demande dès l'ouverture de la période."),
        counting: .window(opens: .daysBefore(120), closes: .daysBefore(60)),
        isFranc: false, movesToWorkingDay: false,
        triggerStep: "Titre de séjour expirant le {date}.",
        explanation: [
            "Pour un titre de séjour renouvelé sur l'ANEF, la demande se dépose entre le cent-vingtième et "
                + "le soixantième jour qui précèdent l'expiration du titre (art. R.431-5 CESEDA)."
        ],
        notes: [
            "Une demande complète déposée à temps donne droit, si elle n'est pas traitée à l'expiration du "
                + "titre, à une attestation de prolongation d'instruction valable trois mois (art. R.431-15-1 CESEDA)."
        ])

    /// Renewal window of other permits: the two months before expiry (R.431-5 CESEDA); the day-count
    /// convention is UNVERIFIED in the brief (law.md §3.3).
    static let renouvellementTitre = DeadlineRule(
        id: "renouvellement-titre",
        label: "Renouvellement d'un titre de séjour (hors ANEF) : période de dépôt",
        source: LegalSource(
            citation: "art. R.431-5 du code de l'entrée et du séjour des étrangers et du droit d'asile "
                + "(version en vigueur depuis le 1er mai 2021)",
            url:
                "https://www.doctrine.fr/l/texts/codes/LEGITEXT000006070158/articles/LEGIARTI000042806998?version=LEGIARTI000043292776",
            isVerified: false,
            caveat: "la façon exacte de compter les deux mois qui précèdent l'expiration n'est pas confirmée ; "
                + "déposez votre demande dès l'ouverture de la période."),
        counting: .window(opens: .monthsBefore(2), closes: .daysBefore(0)),
        isFranc: false, movesToWorkingDay: false,
        triggerStep: "Titre de séjour expirant le {date}.",
        explanation: [
            "Pour les titres qui ne sont pas renouvelés sur l'ANEF, la demande se dépose dans les deux mois "
                + "qui précèdent l'expiration du titre (art. R.431-5 CESEDA)."
        ],
        notes: [
            "Règles particulières pour les jeunes majeurs, la perte de la nationalité française et les "
                + "résidents de longue durée-UE (art. R.431-5 CESEDA)."
        ])

    /// Silence on a residence-permit request: implicit refusal after 4 months (R.432-1, R.432-2 CESEDA),
    /// then the 2-month court limit (law.md §3.2).
    static let silenceTitreSejour = DeadlineRule(
        id: "silence-titre-sejour",
        label: "Silence de la préfecture sur une demande de titre de séjour : refus implicite (quatre mois)",
        source: LegalSource(
            citation: "art. R.432-1 et R.432-2 du code de l'entrée et du séjour des étrangers et du droit d'asile",
            url: "https://legal.tricoteuses.fr/articles/LEGIARTI000042806946",
            caveat: "des délais plus courts existent pour certaines catégories de titres (liste non vérifiée)."),
        counting: .months(4), outcome: .event("La décision implicite de rejet naît ce jour-là."),
        isFranc: false, movesToWorkingDay: false,
        triggerStep: "Demande de titre de séjour déposée le {date}.",
        explanation: [
            "Sans réponse de la préfecture pendant quatre mois, la demande est réputée rejetée : c'est une "
                + "décision implicite de rejet (art. R.432-1 et R.432-2 CESEDA)."
        ],
        convention: "La naissance d'une décision implicite n'est pas un délai pour agir : la date n'est ni "
            + "franche ni reportée au jour ouvrable suivant.",
        notes: [
            "Si le dossier était incomplet, le silence vaut refus d'enregistrement, qui ne peut pas être "
                + "contesté devant le juge (CE, avis, 10 octobre 2024, n° 494718).",
            "Un récépissé ou une attestation de prolongation délivrés après quatre mois n'empêchent pas le "
                + "refus implicite (CE, avis, 6 mai 2025 ; numéro de la décision non vérifié).",
        ],
        next: [
            Link(
                ruleID: "recours-contentieux", triggerStep: "Décision implicite de rejet née le {date}.",
                notes: [
                    "Pendant le délai de recours, vous pouvez demander les motifs du refus implicite : "
                        + "l'administration a un mois pour répondre, et le délai de recours est prolongé jusqu'à "
                        + "deux mois après la communication des motifs (art. L.232-4 CRPA)."
                ])
        ])

    /// Lodging the asylum claim with Ofpra: 21 days from the asylum attestation (R.531-2 CESEDA).
    /// An administrative limit: counted without extra day and without carry-over, as a precaution.
    static let ofpraIntroduction = DeadlineRule(
        id: "ofpra-introduction",
        label: "Introduction de la demande d'asile auprès de l'Ofpra (vingt et un jours)",
        source: LegalSource(
            citation: "art. R.531-2 du code de l'entrée et du séjour des étrangers et du droit d'asile "
                + "(version en vigueur depuis le 18 juillet 2024)",
            url: "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000050014816/2024-09-01"),
        counting: .days(21), isFranc: false, movesToWorkingDay: false,
        triggerStep: "Attestation de demande d'asile remise le {date}.",
        explanation: [
            "Le dossier complet doit être introduit auprès de l'Ofpra dans les vingt et un jours qui suivent "
                + "la remise de l'attestation de demande d'asile (art. R.531-2 CESEDA)."
        ],
        convention: "Délai administratif auprès de l'Ofpra : le texte ne prévoit ni délai franc ni report ; "
            + "par prudence, il est compté sans jour supplémentaire et sans report au jour ouvrable suivant.",
        notes: [
            "En rétention administrative, le délai est de cinq jours à compter de la notification du "
                + "placement, compté de date à date et d'heure à heure.",
            "Dans un pôle « France asile », la demande est introduite le jour même ou à la date de la convocation.",
        ])

    /// Ofpra electronic notification: deemed notified 15 days after the decision is put on the portal if
    /// not opened before (R.531-17 CESEDA), then the 1-month CNDA limit (law.md §3.5).
    static let ofpraNotification = DeadlineRule(
        id: "ofpra-notification",
        label: "Décision de l'Ofpra mise en ligne : notification réputée faite (quinze jours)",
        source: LegalSource(
            citation: "art. R.531-17 du code de l'entrée et du séjour des étrangers et du droit d'asile "
                + "(décret n° 2021-520, depuis le 1er mai 2021)",
            url: "https://weka.fr/base-juridique-weka/code_CENTGERL_LEGISCTA000042806508.html",
            caveat: "relire la phrase exacte de l'article sur l'absence de consultation."),
        counting: .days(15), outcome: .event("La décision est réputée vous avoir été notifiée ce jour-là."),
        isFranc: false, movesToWorkingDay: false,
        triggerStep: "Décision mise à disposition dans votre espace personnel de l'Ofpra le {date}.",
        explanation: [
            "La décision est notifiée le jour où vous la consultez pour la première fois ; si vous ne la "
                + "consultez pas, elle est réputée notifiée à la fin d'un délai de quinze jours (art. R.531-17 CESEDA)."
        ],
        convention: "Date d'une notification réputée faite : elle n'est ni franche ni reportée au jour "
            + "ouvrable suivant.",
        notes: [
            "Si vous avez consulté la décision plus tôt, le délai de recours court depuis cette consultation : "
                + "calculez-le avec la règle « cnda » à partir de cette date.",
            "Conservez l'accusé de consultation (date et heure) délivré par le portail.",
        ],
        next: [Link(ruleID: "cnda", triggerStep: "Décision de l'Ofpra réputée notifiée le {date}.")])

    /// Appeal to the CNDA: 1 month from notification, franc and carried over as a court limit; legal aid
    /// asked within 15 days suspends it (law.md §3.5).
    static let cnda = DeadlineRule(
        id: "cnda",
        label: "Recours devant la Cour nationale du droit d'asile (un mois)",
        source: LegalSource(
            citation: "délai d'un mois du CESEDA (ancien art. L.731-2, livre V depuis le 1er mai 2021) ; "
                + "aide juridictionnelle : loi n° 2018-778 du 10 septembre 2018",
            url: "https://www.mlgm-avocat.fr/etrangers/intervenant-social/calculer-un-d%C3%A9lai-de-recours/",
            caveat: "numéro de l'article en vigueur depuis la recodification du 1er mai 2021 à vérifier."),
        counting: .months(1), isFranc: true, movesToWorkingDay: true,
        calendarDepartmentCode: "93", calendarReason: "siège de la Cour nationale du droit d'asile, à Montreuil",
        triggerStep: "Décision de l'Ofpra notifiée le {date}.",
        convention: "La CNDA est une juridiction : le délai est franc et prolongé au premier jour ouvrable "
            + "suivant s'il se termine un samedi, un dimanche ou un jour férié (principe des délais devant les "
            + "juridictions, art. 642 du code de procédure civile appliqué par analogie).",
        milestones: [
            Milestone(
                days: 15,
                text: "Aide juridictionnelle : demandez-la au plus tard le {date} (quinze jours après la "
                    + "notification). La demande suspend le délai de recours, qui reprend pour le temps restant "
                    + "après la notification de la décision sur l'aide juridictionnelle.")
        ],
        notes: ["Le recours doit être reçu par la Cour avant la fin du dernier jour."])

    private static let oqtfSource =
        " du code de l'entrée et du séjour des étrangers et du droit d'asile (loi n° 2024-42 du 26 janvier "
        + "2024 ; décisions prises depuis le 15 juillet 2024)"
    private static let shorterPeriod =
        "Si vous êtes assigné à résidence ou placé en rétention pendant le délai, un délai plus court "
        + "s'applique."

    /// Removal order, ordinary procedure: 1 month (L.911-1 CESEDA), franc and carried over as a court
    /// limit (law.md §3.1, §3.4).
    static let oqtf1Mois = DeadlineRule(
        id: "oqtf-1-mois",
        label: "Recours contre une OQTF, procédure ordinaire (un mois)",
        source: LegalSource(
            citation: "art. L.911-1" + oqtfSource,
            url: "https://tricoteuses.fr/legifrance/articles/LEGIARTI000049050149"),
        counting: .months(1), isFranc: true, movesToWorkingDay: true,
        triggerStep: "Décision notifiée le {date}.",
        convention: courtConvention,
        notes: [
            courtFiling,
            "Ce délai n'est pas prolongé par un recours gracieux ou hiérarchique.",
            "Une demande d'aide juridictionnelle l'interrompt si elle est présentée au plus tard en même temps "
                + "que le recours.",
            shorterPeriod,
        ])

    /// Removal order, special procedure (assignment to residence, detention): 7 days (L.921-1 CESEDA).
    /// Not franc: disputed (CAA Lyon, 19 Dec 2024, n° 24LY03013), the brief says to count it not franc.
    static let oqtf7Jours = DeadlineRule(
        id: "oqtf-7-jours",
        label: "Recours contre une OQTF, assignation à résidence ou détention (sept jours)",
        source: LegalSource(
            citation: "art. L.921-1" + oqtfSource,
            url: "https://tricoteuses.fr/legifrance/articles/LEGIARTI000049050149",
            caveat: "le caractère franc de ce délai est discuté (CAA Lyon, 19 décembre 2024, n° 24LY03013)."),
        counting: .days(7), isFranc: false, movesToWorkingDay: true,
        triggerStep: "Décision notifiée le {date}.",
        convention: "Par prudence, ce délai est compté sans le jour supplémentaire du délai franc, car son "
            + "caractère franc est discuté (CAA Lyon, 19 décembre 2024, n° 24LY03013) ; s'il se termine un "
            + "samedi, un dimanche ou un jour férié, il est prolongé jusqu'au premier jour ouvrable suivant "
            + "(art. 642 du code de procédure civile, appliqué par analogie).",
        notes: [courtFiling, "Délai très court : n'attendez pas le dernier jour pour saisir le tribunal."])

    /// Removal order in rétention: 48 hours (L.921-2 CESEDA), hour to hour, never franc nor carried over.
    static let oqtf48h = DeadlineRule(
        id: "oqtf-48h",
        label: "Recours contre une OQTF en rétention (quarante-huit heures)",
        source: LegalSource(
            citation: "art. L.921-2" + oqtfSource,
            url: "https://tricoteuses.fr/legifrance/articles/LEGIARTI000049050149"),
        counting: .hours(48), isFranc: false, movesToWorkingDay: false,
        triggerStep: "Décision notifiée le {date}.",
        convention: "Un délai en heures se compte d'heure à heure : il n'est pas franc et n'est jamais "
            + "reporté, même un samedi, un dimanche ou un jour férié.",
        notes: [
            "Le tribunal statue dans les quatre-vingt-seize heures qui suivent l'expiration du délai de recours.",
            "En rétention, vous pouvez demander l'aide de l'association présente dans le centre.",
        ])

    /// Compulsory prior appeal against a visa refusal: 30 days (D.312-3, D.312-4 CESEDA), then 2 months
    /// of silence = implicit refusal, then the TA de Nantes (R.312-18 CJA) (law.md §3.6).
    static let visaRecoursPrealable = DeadlineRule(
        id: "visa-recours-prealable",
        label: "Recours préalable obligatoire contre un refus de visa (trente jours)",
        source: LegalSource(
            citation: "art. D.312-3 et D.312-4 du code de l'entrée et du séjour des étrangers et du droit "
                + "d'asile (depuis le 1er janvier 2023)",
            url: "https://juriblio.fr/codes/code-de-l-entree-et-du-sejour-des-etrangers-et-du-droit-d-asile/"
                + "partie-reglementaire/livre-iii/titre-i/chapitre-ii/section-2/sous-section-1",
            caveat: "une réforme de la commission de recours contre les refus de visa a été signalée, sans être "
                + "vérifiée : relisez l'article D.312-3 CESEDA en vigueur sur Légifrance avant d'envoyer votre recours."),
        counting: .days(30), isFranc: false, movesToWorkingDay: false,
        calendarDepartmentCode: "44", calendarReason: "siège de la commission de recours, à Nantes",
        triggerStep: "Refus de visa notifié le {date}.",
        explanation: [
            "Le recours est adressé à la Commission de recours contre les décisions de refus de visa (visa de "
                + "long séjour) ou au sous-directeur des visas (visa de court séjour), dans les trente jours "
                + "(art. D.312-3 et D.312-4 CESEDA)."
        ],
        convention: "Recours administratif, pas juridictionnel : par prudence, il est compté sans jour "
            + "supplémentaire et sans report au jour ouvrable suivant.",
        notes: [
            "Ce recours est obligatoire avant de saisir le tribunal ; il doit être motivé et rédigé en français.",
            "Si vous connaissez la date de réception de votre recours, calculez le refus implicite avec la "
                + "règle « silence-crrv » à partir de cette date.",
        ],
        next: [
            Link(
                ruleID: "silence-crrv", triggerStep: "Si votre recours est reçu le dernier jour, le {date} :",
                keepsDistance: false)
        ])

    /// Silence of the visa appeal body for 2 months = implicit refusal (law.md §3.6), then 2 months
    /// before the TA de Nantes, without distance extension.
    static let silenceCRRV = DeadlineRule(
        id: "silence-crrv",
        label: "Silence de la commission de recours contre les refus de visa : refus implicite (deux mois)",
        source: LegalSource(
            citation: "silence de deux mois de la commission : refus implicite reprenant les motifs du consulat "
                + "(CAA Nantes, 19 décembre 2025, n° 24NT03023)",
            url: "https://kohenavocats.com/cour-dappel-administrative-de-nantes-le-19-decembre-2025-n24nt03023",
            caveat: "une réforme de la commission de recours contre les refus de visa a été signalée, sans être "
                + "vérifiée : relisez l'article D.312-3 CESEDA en vigueur sur Légifrance avant d'envoyer votre recours."),
        counting: .months(2),
        outcome: .event("Le refus implicite naît ce jour-là ; il reprend les motifs du consulat."),
        isFranc: false, movesToWorkingDay: false,
        calendarDepartmentCode: "44", calendarReason: "siège de la commission de recours, à Nantes",
        triggerStep: "Recours reçu par la commission le {date}.",
        convention: "La naissance d'une décision implicite n'est pas un délai pour agir : la date n'est ni "
            + "franche ni reportée au jour ouvrable suivant.",
        next: [
            Link(
                ruleID: "recours-contentieux", triggerStep: "Refus implicite né le {date}.", keepsDistance: false,
                departmentCode: "44",
                notes: [
                    "Tribunal compétent : tribunal administratif de Nantes, pour tous les refus de visa "
                        + "(art. R.312-18 CJA).",
                    "Les délais de distance (art. R.421-7 CJA) ne s'appliquent pas à ce recours.",
                ])
        ])

    /// Cassation against a référé order: 15 days, franc (R.523-1 CJA) (law.md §3.7).
    static let cassationRefere = DeadlineRule(
        id: "cassation-refere",
        label: "Pourvoi en cassation contre une ordonnance de référé (quinze jours)",
        source: LegalSource(
            citation: "art. R.523-1 du code de justice administrative",
            url: "https://vagneux.fr/2023/10/27/vos-questions-le-delai-de-pourvoi-en-cassation-dune-ordonnance-"
                + "de-refere-devant-le-conseil-detat-est-un-delai-franc"),
        counting: .days(15), isFranc: true, movesToWorkingDay: true,
        calendarDepartmentCode: "75", calendarReason: "siège du Conseil d'État, à Paris",
        triggerStep: "Ordonnance de référé notifiée le {date}.",
        convention: courtConvention,
        notes: ["Le pourvoi est présenté par un avocat au Conseil d'État et à la Cour de cassation."])

    // MARK: - Rules added on 3 December 2026 (letters and self-help paths)

    private static let administrativeConvention =
        "Recours ou démarche auprès d'une administration, pas devant un juge : par prudence, le délai est compté "
        + "sans jour supplémentaire et sans report au jour ouvrable suivant."
    private static let eventConvention =
        "La naissance d'une décision implicite n'est pas un délai pour agir : la date n'est ni franche ni "
        + "reportée au jour ouvrable suivant."
    private static let unconfirmed = "n'est pas confirmé par la recherche juridique du projet"

    /// Silence on a recours gracieux or hiérarchique: implicit rejection after 2 months (CRPA), then the
    /// 2-month court limit. Not in the brief (law.md §3.2 leaves the default CRPA rule UNVERIFIED).
    static let silenceRecoursAdministratif = DeadlineRule(
        id: "silence-recours-administratif",
        label: "Silence sur un recours gracieux ou hiérarchique : rejet implicite (deux mois)",
        source: LegalSource(
            citation: "art. L.231-4 et L.411-7 du code des relations entre le public et l'administration",
            dateChecked: .briefCheckDecember, isVerified: false,
            caveat: "le rejet implicite d'un recours administratif après deux mois de silence " + unconfirmed
                + " (la règle générale du silence de l'administration y est marquée « à vérifier »)."),
        counting: .months(2), outcome: .event("Le rejet implicite de votre recours naît ce jour-là."),
        isFranc: false, movesToWorkingDay: false,
        triggerStep: "Recours gracieux ou hiérarchique reçu par l'administration le {date}.",
        explanation: [
            "Sans réponse pendant deux mois à votre recours gracieux (à l'auteur de la décision) ou hiérarchique "
                + "(à son supérieur), le recours est réputé rejeté."
        ],
        convention: eventConvention,
        notes: [
            "Gardez la preuve de la date de réception de votre recours (avis de réception du recommandé, accusé "
                + "de réception électronique) : c'est le point de départ.",
            "Ne vaut pas pour une obligation de quitter le territoire français : le délai d'un mois n'est pas "
                + "prolongé par un recours gracieux ou hiérarchique.",
        ],
        next: [
            Link(
                ruleID: "recours-contentieux", triggerStep: "Rejet implicite du recours né le {date}.",
                notes: [
                    "Un recours gracieux ou hiérarchique envoyé dans le délai de recours contre la décision fait "
                        + "repartir ce délai à partir de son rejet (règle à vérifier) ; un recours envoyé après ce "
                        + "délai ne le rouvre pas."
                ])
        ])

    /// Attestation de prolongation d'instruction: valid up to 3 months, renewed while no decision is taken
    /// (R.431-15-1 CESEDA, law.md §3.3).
    static let apiValidite = DeadlineRule(
        id: "api-validite",
        label: "Attestation de prolongation d'instruction : fin de validité (trois mois au plus)",
        source: LegalSource(
            citation: "art. R.431-15-1 du code de l'entrée et du séjour des étrangers et du droit d'asile",
            url: "https://www.doctrine.fr/l/texts/codes/LEGITEXT000006070158/articles/LEGIARTI000043288895",
            dateChecked: .briefCheckDecember,
            caveat: "trois mois est la durée maximale : la date de fin de validité imprimée sur votre attestation "
                + "fait foi si elle est plus proche."),
        counting: .months(3),
        outcome: .event("Fin de validité de l'attestation : demandez son renouvellement avant ce jour."),
        isFranc: false, movesToWorkingDay: false,
        triggerStep: "Attestation de prolongation d'instruction délivrée le {date}.",
        explanation: [
            "Tant qu'aucune décision n'est prise sur une demande complète déposée à temps, le préfet délivre une "
                + "attestation de prolongation d'instruction, valable trois mois au plus et renouvelée tant que la "
                + "décision n'est pas prise (art. R.431-15-1 CESEDA)."
        ],
        convention: "C'est la fin d'un document, pas un délai devant un juge : la date n'est ni franche ni "
            + "reportée au jour ouvrable suivant.",
        notes: [
            "Demandez le renouvellement sur l'ANEF, ou par écrit à la préfecture, bien avant cette date (au moins "
                + "deux semaines avant, par prudence), et gardez la preuve de votre demande.",
            "Les documents provisoires renouvelés en retard sont l'un des problèmes relevés par le Défenseur des "
                + "droits (rapport du 11 décembre 2024) : s'il n'arrive pas à temps, saisissez-le et écrivez à la "
                + "préfecture.",
        ])

    /// Silence on a work-authorisation request: implicit refusal after 2 months. UNVERIFIED (the brief has
    /// no rule; procedures.md §IV: each request for documents restarts the clock).
    static let autorisationTravailSilence = DeadlineRule(
        id: "autorisation-travail-silence",
        label: "Silence sur une demande d'autorisation de travail : refus implicite (deux mois, à vérifier)",
        source: LegalSource(
            citation: "silence de l'administration sur une demande d'autorisation de travail (texte applicable non "
                + "identifié ; téléservice : art. R.5221-15 du code du travail, décret n° 2021-360 du 31 mars 2021)",
            url: "https://corse.dreets.gouv.fr/Transfert-de-la-main-d-oeuvre-etrangere-au-ministere-de-l-interieur",
            dateChecked: .briefCheckDecember, isVerified: false,
            caveat: "le refus implicite après deux mois de silence sur une demande d'autorisation de travail "
                + unconfirmed + " ; la date calculée est une estimation."),
        counting: .months(2), outcome: .event("Le refus implicite naîtrait ce jour-là (règle à vérifier)."),
        isFranc: false, movesToWorkingDay: false,
        triggerStep: "Demande d'autorisation de travail déposée sur le téléservice le {date}.",
        explanation: [
            "Si l'administration ne répond pas pendant deux mois à la demande d'autorisation de travail déposée "
                + "par l'employeur, la demande serait réputée refusée."
        ],
        convention: eventConvention,
        notes: [
            "Chaque demande de pièces de la plateforme peut faire repartir l'instruction : notez la date de chaque "
                + "message reçu et refaites le calcul à partir du dernier envoi complet.",
            "Un refus, même implicite, peut être contesté devant le tribunal administratif dans les deux mois "
                + "(règle « recours-contentieux ») ; le tribunal compétent est à vérifier.",
        ])

    /// Naturalisation: 18 months from the receipt of the complete file (art. 21-25-1 code civil), then an
    /// implicit rejection. UNVERIFIED: not in the brief.
    static let naturalisationDecision = DeadlineRule(
        id: "naturalisation-decision",
        label: "Demande de naturalisation : décision implicite de rejet (dix-huit mois, à vérifier)",
        source: LegalSource(
            citation: "art. 21-25-1 du code civil", dateChecked: .briefCheckDecember, isVerified: false,
            caveat: "le délai de dix-huit mois à compter de la réception du dossier complet et le rejet implicite "
                + "à son terme " + unconfirmed + "."),
        counting: .months(18), outcome: .event("La décision implicite de rejet naît ce jour-là (règle à vérifier)."),
        isFranc: false, movesToWorkingDay: false,
        triggerStep: "Dossier complet de naturalisation reçu le {date}.",
        explanation: [
            "L'administration doit statuer dans les dix-huit mois qui suivent la réception du dossier complet "
                + "(art. 21-25-1 du code civil) ; à défaut, la demande serait réputée rejetée."
        ],
        convention: eventConvention,
        notes: [
            "Si vous résidez habituellement en France depuis au moins dix ans, le délai serait de douze mois "
                + "(non vérifié) : demandez conseil à une association.",
            "Le point de départ est la réception du dossier complet (récépissé ou message de l'ANEF), pas le jour "
                + "où vous l'avez commencé : gardez ce document.",
        ],
        next: [
            Link(
                ruleID: "naturalisation-recours-prealable",
                triggerStep: "Décision implicite de rejet née le {date}.",
                notes: [
                    "Que le recours préalable au ministre s'applique aussi à un rejet implicite n'est pas vérifié : "
                        + "par prudence, faites-le dans ce délai."
                ])
        ])

    /// Naturalisation refusal: compulsory prior appeal to the minister within 2 months (décret 93-1362
    /// art. 45), then the TA de Nantes. UNVERIFIED: not in the brief.
    static let naturalisationRecoursPrealable = DeadlineRule(
        id: "naturalisation-recours-prealable",
        label: "Refus de naturalisation : recours préalable obligatoire au ministre (deux mois, à vérifier)",
        source: LegalSource(
            citation: "art. 45 du décret n° 93-1362 du 30 décembre 1993", dateChecked: .briefCheckDecember,
            isVerified: false,
            caveat: "le délai de deux mois, le caractère obligatoire du recours au ministre chargé des "
                + "naturalisations et la compétence du tribunal administratif de Nantes " + unconfirmed + "."),
        counting: .months(2), isFranc: false, movesToWorkingDay: false,
        triggerStep: "Décision de refus (irrecevabilité, ajournement ou rejet) notifiée le {date}.",
        explanation: [
            "Avant de saisir le tribunal, la décision qui déclare irrecevable, ajourne ou rejette une demande de "
                + "naturalisation doit être contestée par un recours au ministre chargé des naturalisations, dans "
                + "les deux mois de sa notification (art. 45 du décret n° 93-1362)."
        ],
        convention: administrativeConvention,
        notes: [
            "Le recours doit être motivé : expliquez pourquoi la décision est contestable et joignez les pièces.",
            "Envoyez-le en recommandé avec avis de réception et gardez la preuve de la date de réception.",
        ],
        next: [
            Link(
                ruleID: "recours-contentieux",
                triggerStep: "Si la réponse du ministre vous est notifiée le dernier jour du recours préalable, le "
                    + "{date} :",
                departmentCode: "44",
                notes: [
                    "Tribunal compétent : tribunal administratif de Nantes (non vérifié).",
                    "Le délai de recours devant le tribunal court à partir de la notification de la réponse du "
                        + "ministre, ou de la naissance d'un rejet implicite : recalculez-le avec la règle "
                        + "« recours-contentieux » à partir de cette date.",
                ])
        ])

    private static let cafCaveat =
        "les délais de la contestation d'une décision de la caisse d'allocations familiales " + unconfirmed
        + " : vérifiez-les sur la notification de la décision, qui doit indiquer les voies et délais de recours."

    /// Contesting a CAF decision: the commission de recours amiable within 2 months (R.142-1 CSS).
    /// UNVERIFIED: not in the brief.
    static let cafRecoursAmiable = DeadlineRule(
        id: "caf-recours-amiable",
        label: "Décision de la CAF : saisine de la commission de recours amiable (deux mois, à vérifier)",
        source: LegalSource(
            citation: "art. R.142-1 du code de la sécurité sociale", dateChecked: .briefCheckDecember,
            isVerified: false, caveat: cafCaveat),
        counting: .months(2), isFranc: false, movesToWorkingDay: false,
        triggerStep: "Décision de la CAF notifiée le {date}.",
        explanation: [
            "Pour contester une décision de la CAF (suspension, refus, indu), il faut d'abord saisir par écrit sa "
                + "commission de recours amiable, dans les deux mois de la notification (art. R.142-1 du code de la "
                + "sécurité sociale)."
        ],
        convention: administrativeConvention,
        notes: [
            "Le médiateur de la CAF peut aussi être saisi, mais il ne remplace pas ce recours : respectez le délai.",
            "Si vous connaissez la date de réception de votre recours, calculez le rejet implicite avec la règle "
                + "« caf-silence-recours-amiable » à partir de cette date.",
        ],
        next: [
            Link(
                ruleID: "caf-silence-recours-amiable",
                triggerStep: "Si votre recours est reçu par la commission le dernier jour, le {date} :")
        ])

    /// Silence of the CAF's commission de recours amiable for 2 months = implicit rejection (R.142-6 CSS),
    /// then the pôle social of the tribunal judiciaire. UNVERIFIED: not in the brief.
    static let cafSilenceRecoursAmiable = DeadlineRule(
        id: "caf-silence-recours-amiable",
        label: "Silence de la commission de recours amiable : rejet implicite (deux mois, à vérifier)",
        source: LegalSource(
            citation: "art. R.142-6 du code de la sécurité sociale", dateChecked: .briefCheckDecember,
            isVerified: false, caveat: cafCaveat),
        counting: .months(2), outcome: .event("Le rejet implicite de votre recours naît ce jour-là."),
        isFranc: false, movesToWorkingDay: false,
        triggerStep: "Recours reçu par la commission de recours amiable le {date}.",
        explanation: [
            "Sans réponse de la commission de recours amiable pendant deux mois, le recours est réputé rejeté "
                + "(art. R.142-6 du code de la sécurité sociale)."
        ],
        convention: eventConvention,
        notes: [
            "Après ce rejet, explicite ou implicite, le recours se porte devant le pôle social du tribunal "
                + "judiciaire, dans un délai de deux mois (à vérifier) ; ce n'est pas le tribunal administratif."
        ])

    /// Social housing application: renewed every year before the anniversary of its registration, or
    /// struck off (R.441-2-8 CCH). UNVERIFIED: not in the brief; convention: the day before the anniversary.
    static let logementSocialRenouvellement = DeadlineRule(
        id: "logement-social-renouvellement",
        label: "Demande de logement social : renouvellement annuel (avant la date anniversaire, à vérifier)",
        source: LegalSource(
            citation: "art. R.441-2-8 du code de la construction et de l'habitation",
            dateChecked: .briefCheckDecember, isVerified: false,
            caveat: "le renouvellement annuel avant la date anniversaire de l'enregistrement, sous peine de "
                + "radiation, " + unconfirmed + " ; la date de l'avis de renouvellement que vous recevez fait foi."),
        counting: .dayBeforeMonths(12), isFranc: false, movesToWorkingDay: false,
        triggerStep: "Demande de logement social enregistrée (ou renouvelée pour la dernière fois) le {date}.",
        explanation: [
            "La demande de logement social doit être renouvelée chaque année avant la date anniversaire de son "
                + "enregistrement ; sinon, elle est radiée et l'ancienneté est perdue (art. R.441-2-8 du code de la "
                + "construction et de l'habitation)."
        ],
        convention: "Convention retenue : la date anniversaire est le même jour, douze mois après "
            + "l'enregistrement (le dernier jour du mois s'il n'existe pas) ; « avant » la date anniversaire veut "
            + "dire au plus tard la veille. Ce n'est pas un délai devant un juge : il n'est ni franc ni reporté au "
            + "jour ouvrable suivant.",
        notes: [
            "Renouvelez sur demande-logement-social.gouv.fr (ou le site de votre département) ou à un guichet "
                + "d'enregistrement, avec votre numéro unique, et gardez l'attestation de renouvellement.",
            "Une demande faite en ligne n'est valable qu'une fois l'attestation d'enregistrement reçue, avec son "
                + "numéro unique.",
        ])
}
