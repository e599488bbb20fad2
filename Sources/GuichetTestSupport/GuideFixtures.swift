public import GuichetContent

/// A valid guide for the parser, view and route tests, on top of ``DossierFixtures`` (its section and items).
public enum GuideFixtures {
    /// A paragraph of plain words, repeated to reach the guide's minimum length.
    static let filler = Array(
        repeating: "Gardez une copie de chaque page envoyée et notez la date de chaque essai dans votre journal.",
        count: 5
    ).joined(separator: " ")

    public static let renewal = ContentFile(
        path: "guides/renouvellement-test.md",
        text: """
            ---
            slug: renouvellement-test
            title: "Renouveler son titre de séjour sur l’ANEF"
            section: prefectures
            situation: je-veux
            order: 10
            summary: >-
              Demander le renouvellement de son titre sur la plateforme, dans la bonne période.
            who: "La personne elle-même, sur son compte ANEF."
            platform:
              name: "ANEF"
              url: "https://administration-etrangers-en-france.interieur.gouv.fr"
            deadlines: [renouvellement-titre-anef, silence-titre-sejour]
            documents: [lettre-prefecture, saisine-defenseur-des-droits]
            observatory: sejour-renouvellement
            court: ta-departement
            court_note: "Le tribunal administratif du département de la préfecture (art. R.312-1 CJA)."
            keywords: [prolongation]
            checked: 2026-12-01
            sources:
              - title: "Article R.431-5 du CESEDA"
                url: "https://www.doctrine.fr/l/texts/codes/LEGITEXT000006070158/articles/LEGIARTI000042806998"
                checked: 2026-12-01
              - title: "Article R.431-15-1 du CESEDA"
                url: "https://www.doctrine.fr/l/texts/codes/LEGITEXT000006070158/articles/LEGIARTI000043288895"
                checked: 2026-11-20
            unverified:
              - "La façon de compter les jours de la période : à vérifier."
            falc:
              fr:
                - "Votre titre de séjour va finir."
                - "Vous demandez un nouveau titre sur Internet."
                - "Faites-le 4 mois avant la fin."
              ar:
                - "ستنتهي بطاقة إقامتك."
                - "تطلب بطاقة جديدة عبر الإنترنت."
                - "قدّم الطلب قبل 4 أشهر من نهايتها."
            ---
            ## Qui fait la démarche

            La personne qui a le titre. \(filler)

            ## Ce qu’il faut préparer

            Le passeport, le titre, un justificatif de domicile. \(filler) Voir [la décision](/dossier/ce-2022).

            ## Si la plateforme bloque

            Demandez l’accompagnement, puis la solution de substitution. \(filler)

            ## Les délais

            La demande se fait entre le 120e et le 60e jour avant la fin du titre (à vérifier). \(filler)

            ## Recours et tribunal

            Le tribunal administratif du département. \(filler)
            """)

    /// The fixture dossier with the guide.
    public static let files = DossierFixtures.files + [renewal]
}
