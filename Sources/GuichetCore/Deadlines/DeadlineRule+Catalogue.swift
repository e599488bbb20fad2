// Every rule below cites the research brief (shared domain/law.md §3); wording of the French texts is ours.

extension DeadlineRule {
    /// Every time limit the engine knows, in the order shown to users.
    public static let catalogue: [DeadlineRule] = [
        recoursContentieux, renouvellementTitreANEF, renouvellementTitre, silenceTitreSejour, ofpraIntroduction,
        ofpraNotification, cnda, oqtf1Mois, oqtf7Jours, oqtf48h, visaRecoursPrealable, silenceCRRV, cassationRefere,
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
                + "partie-reglementaire/livre-iii/titre-i/chapitre-ii/section-2/sous-section-1"),
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
            url: "https://kohenavocats.com/cour-dappel-administrative-de-nantes-le-19-decembre-2025-n24nt03023"),
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
}
