// Addresses: looked up in stored public pages on 2026-11-26. `isVerified` means a public page confirmed
// the street address; the others come from memory of the courts' published addresses and are marked
// unverified, with what is known. Check them on each court's website before printing a letter.

extension Court {
    private static func web(_ slug: String) -> String { "https://\(slug).tribunal-administratif.fr" }

    private static func confirmed(_ lines: [String], _ source: String, note: String? = nil) -> PostalAddress {
        PostalAddress(lines: lines, isVerified: true, source: source, note: note)
    }

    private static func unconfirmed(_ lines: [String], note: String, source: String? = nil) -> PostalAddress {
        PostalAddress(lines: lines, isVerified: false, source: source, note: note)
    }

    private static let notFound =
        "Adresse non confirmée par une source publique consultée : à vérifier sur le site du tribunal."

    private static func ta(_ id: String, _ seat: String, _ name: String, _ address: PostalAddress?, web slug: String)
        -> Court
    {
        Court(id: id, name: name, seat: seat, address: address, website: web(slug))
    }

    /// The 36 tribunaux administratifs competent for the 101 départements (31 metropolitan, 5 overseas),
    /// with their official names (R.221-1 CJA).
    public static let all: [Court] = [
        ta(
            "ta-amiens", "Amiens", "Tribunal administratif d'Amiens",
            unconfirmed(["14 rue Lemerchier", "80000 Amiens"], note: notFound), web: "amiens"),
        ta(
            "ta-bastia", "Bastia", "Tribunal administratif de Bastia",
            unconfirmed(
                ["Villa Montepiano", "20200 Bastia"],
                note: "Le tribunal siège à la villa Montepiano (source ci-jointe) ; code postal et CEDEX à vérifier.",
                source:
                    "http://infurmazione.unita-naziunale.org/10362/corse-lurbanisme-en-tete-des-contentieux-juges-par-le-tribunal-administratif/2011"
            ),
            web: "bastia"),
        ta(
            "ta-besancon", "Besançon", "Tribunal administratif de Besançon",
            unconfirmed(["30 rue Charles Nodier", "25000 Besançon"], note: notFound), web: "besancon"),
        ta(
            "ta-bordeaux", "Bordeaux", "Tribunal administratif de Bordeaux",
            unconfirmed(["9 rue Tastet", "33000 Bordeaux"], note: notFound), web: "bordeaux"),
        ta(
            "ta-caen", "Caen", "Tribunal administratif de Caen",
            unconfirmed(["3 rue Arthur Le Duc", "14000 Caen"], note: notFound), web: "caen"),
        ta(
            "ta-cergy-pontoise", "Cergy-Pontoise", "Tribunal administratif de Cergy-Pontoise",
            confirmed(
                ["2-4 boulevard de l'Hautil", "95000 Cergy"],
                "http://fr.jurispedia.org/index.php/Tribunal_administratif_de_Cergy-Pontoise_(fr)",
                note: "Code postal et CEDEX du courrier à vérifier."),
            web: "cergy-pontoise"),
        ta(
            "ta-chalons-en-champagne", "Châlons-en-Champagne", "Tribunal administratif de Châlons-en-Champagne",
            unconfirmed(
                ["25 rue du Lycée", "51000 Châlons-en-Champagne"],
                note: "Le tribunal est dans la cité judiciaire ; une page de 2025 donne « 2 quai Eugène Perrier » "
                    + "pour le tribunal judiciaire et le tribunal administratif : à vérifier.",
                source:
                    "https://unidivers.fr/event/decouvrez-larchitecture-du-tribunal-de-chalons-tribunal-judiciaire-et-tribunal-administratif-chalons-en-champagne-marne-2025-09-20t140000/"
            ),
            web: "chalons-en-champagne"),
        ta(
            "ta-clermont-ferrand", "Clermont-Ferrand", "Tribunal administratif de Clermont-Ferrand",
            unconfirmed(["6 cours Sablon", "63000 Clermont-Ferrand"], note: notFound), web: "clermont-ferrand"),
        ta(
            "ta-dijon", "Dijon", "Tribunal administratif de Dijon",
            confirmed(
                ["22 rue d'Assas", "21000 Dijon"],
                "http://dijon.tribunal-administratif.fr/Le-tribunal-administratif/Histoire-du-tribunal"),
            web: "dijon"),
        ta(
            "ta-grenoble", "Grenoble", "Tribunal administratif de Grenoble",
            unconfirmed(
                ["2 place de Verdun", "38000 Grenoble"],
                note: "Le tribunal est place de Verdun (source ci-jointe) ; numéro à vérifier.",
                source:
                    "https://www.placegrenet.fr/2024/11/19/visite-du-conseil-detat-au-tribunal-administratif-de-grenoble-le-juge-administratif-est-le-juge-de-la-proximite/640535"
            ),
            web: "grenoble"),
        ta(
            "ta-lille", "Lille", "Tribunal administratif de Lille",
            confirmed(
                ["5 rue Geoffroy Saint-Hilaire", "59000 Lille"],
                "https://lille.tribunal-administratif.fr/qui-sommes-nous/histoire-et-patrimoine/histoire-du-tribunal"),
            web: "lille"),
        ta(
            "ta-limoges", "Limoges", "Tribunal administratif de Limoges",
            unconfirmed(
                ["1 cours Vergniaud", "87000 Limoges"],
                note: "Le tribunal est cours Vergniaud (source ci-jointe) ; numéro à vérifier.",
                source:
                    "http://limoges.tribunal-administratif.fr/qui-sommes-nous/histoire-et-patrimoine/histoire-du-tribunal"
            ),
            web: "limoges"),
        ta(
            "ta-lyon", "Lyon", "Tribunal administratif de Lyon",
            confirmed(
                ["Palais des juridictions administratives", "184 rue Duguesclin", "69433 Lyon Cedex 03"],
                "http://lyon.cour-administrative-appel.fr/Informations-pratiques/Acces-et-coordonnees"),
            web: "lyon"),
        ta(
            "ta-marseille", "Marseille", "Tribunal administratif de Marseille",
            confirmed(
                ["18 rue Mazenod", "13002 Marseille"],
                "https://madeinmarseille.net/106500-en-images-le-tribunal-administratif-de-marseille-sinstalle-dans-un-ancien-batiment-maritime/",
                note: "Adresse du nouveau siège depuis février 2022 (ancien siège rue Breteuil)."),
            web: "marseille"),
        ta(
            "ta-melun", "Melun", "Tribunal administratif de Melun",
            confirmed(
                ["43 rue du Général de Gaulle", "77000 Melun"],
                "http://melun.tribunal-administratif.fr/Le-tribunal-administratif/Histoire-du-tribunal",
                note: "CEDEX du courrier à vérifier."),
            web: "melun"),
        ta(
            "ta-montpellier", "Montpellier", "Tribunal administratif de Montpellier",
            unconfirmed(["6 rue Pitot", "34000 Montpellier"], note: notFound), web: "montpellier"),
        ta(
            "ta-montreuil", "Montreuil", "Tribunal administratif de Montreuil",
            confirmed(
                ["7 rue Catherine-Puig", "93100 Montreuil"],
                "https://fr.wikipedia.org/wiki/?title=Tribunal_administratif_de_Montreuil&oldid=179358087",
                note: "Une page de 2009 donne « 206 rue de Paris » (la rue Catherine-Puig donne sur la rue de Paris)."),
            web: "montreuil"),
        ta(
            "ta-nancy", "Nancy", "Tribunal administratif de Nancy",
            unconfirmed(["5 place de la Carrière", "54000 Nancy"], note: notFound), web: "nancy"),
        ta(
            "ta-nantes", "Nantes", "Tribunal administratif de Nantes",
            unconfirmed(["6 allée de l'Île Gloriette", "44000 Nantes"], note: notFound), web: "nantes"),
        ta(
            "ta-nice", "Nice", "Tribunal administratif de Nice",
            confirmed(
                ["18 avenue des Fleurs", "06000 Nice"],
                "http://www.pressreader.com/monaco/monaco-matin/20181029/281947428844826",
                note: "Siège depuis novembre 2018."),
            web: "nice"),
        ta(
            "ta-nimes", "Nîmes", "Tribunal administratif de Nîmes",
            confirmed(
                ["16 avenue Feuchères", "30000 Nîmes"],
                "https://nimes.tribunal-administratif.fr/qui-sommes-nous/histoire-et-patrimoine/histoire-du-tribunal",
                note: "Le courrier est adressé à « Nîmes CEDEX 09 » (page de 2007) ; code complet à vérifier."),
            web: "nimes"),
        ta(
            "ta-orleans", "Orléans", "Tribunal administratif d'Orléans",
            unconfirmed(["28 rue de la Bretonnerie", "45000 Orléans"], note: notFound), web: "orleans"),
        ta(
            "ta-paris", "Paris", "Tribunal administratif de Paris",
            unconfirmed(
                ["Hôtel d'Aumont", "7 rue de Jouy", "75004 Paris"],
                note: "Le tribunal siège à l'hôtel d'Aumont, rue de Jouy (sources concordantes) ; une page des "
                    + "Journées du patrimoine 2022 indique le numéro 5 : numéro à vérifier.",
                source: "https://openagenda.com/en/jep-2022/events/visite-de-lhotel-daumont-3415620"),
            web: "paris"),
        ta(
            "ta-pau", "Pau", "Tribunal administratif de Pau",
            confirmed(
                ["Villa Noulibos", "50 cours Lyautey", "64010 Pau Cedex"],
                "https://iiab.me/kiwix/content/wikipedia_fr_all_maxi_2022-09/A/Tribunal_administratif_de_Pau"),
            web: "pau"),
        ta(
            "ta-poitiers", "Poitiers", "Tribunal administratif de Poitiers",
            unconfirmed(["15 rue de Blossac", "86000 Poitiers"], note: notFound), web: "poitiers"),
        ta(
            "ta-rennes", "Rennes", "Tribunal administratif de Rennes",
            confirmed(
                ["Hôtel de Bizien", "3 contour de la Motte", "35000 Rennes"],
                "https://encycloreader.org/r/wikipedia_fr.php?q=Tribunal_administratif_de_Rennes"),
            web: "rennes"),
        ta(
            "ta-rouen", "Rouen", "Tribunal administratif de Rouen",
            confirmed(
                ["Hôtel de Crosne", "53 avenue Gustave Flaubert", "76000 Rouen"],
                "https://rouen.tribunal-administratif.fr/qui-sommes-nous/histoire-et-patrimoine/histoire-du-tribunal"),
            web: "rouen"),
        ta(
            "ta-strasbourg", "Strasbourg", "Tribunal administratif de Strasbourg",
            confirmed(
                ["31 avenue de la Paix", "67000 Strasbourg"],
                "https://journeesdupatrimoine.culture.gouv.fr/w/369139/evenement/17978691/le-tribunal-administratif-le-juge-de-votre-quotidien",
                note: "Une autre source donne le code 67070 (CEDEX) pour le courrier."),
            web: "strasbourg"),
        ta(
            "ta-toulon", "Toulon", "Tribunal administratif de Toulon",
            unconfirmed(["5 rue Racine", "83000 Toulon"], note: notFound), web: "toulon"),
        ta(
            "ta-toulouse", "Toulouse", "Tribunal administratif de Toulouse",
            confirmed(
                ["68 rue Raymond-IV", "BP 7007", "31068 Toulouse Cedex 07"],
                "http://fr.wikipedia.com/wiki/Tribunal_administratif_de_Toulouse"),
            web: "toulouse"),
        ta(
            "ta-versailles", "Versailles", "Tribunal administratif de Versailles",
            unconfirmed(["56 avenue de Saint-Cloud", "78000 Versailles"], note: notFound), web: "versailles"),
        ta(
            "ta-guadeloupe", "Basse-Terre", "Tribunal administratif de la Guadeloupe",
            unconfirmed(
                ["Cité Guillard", "97100 Basse-Terre"],
                note: "Le tribunal s'est installé cité Guillard, à Basse-Terre, dans les anciens bureaux de "
                    + "l'INSEE (source ci-jointe) ; adresse postale complète à vérifier.",
                source:
                    "https://la1ere.francetvinfo.fr/guadeloupe/basse-terre/basse-terre/installation-du-tribunal-administratif-dans-de-nouveaux-locaux-1126561.html"
            ),
            web: "guadeloupe"),
        ta("ta-martinique", "Schœlcher", "Tribunal administratif de la Martinique", nil, web: "martinique"),
        ta(
            "ta-guyane", "Cayenne", "Tribunal administratif de la Guyane",
            unconfirmed(
                ["7 rue Schœlcher", "97300 Cayenne"],
                note: "Le tribunal est rue Schœlcher à Cayenne (source ci-jointe) ; numéro à vérifier ; un "
                    + "déménagement dans la future cité judiciaire de Cayenne est annoncé.",
                source:
                    "https://guyane.tribunal-administratif.fr/qui-sommes-nous/histoire-et-patrimoine/histoire-du-tribunal"
            ),
            web: "guyane"),
        ta(
            "ta-la-reunion", "Saint-Denis", "Tribunal administratif de La Réunion",
            unconfirmed(["27 rue Félix Guyon", "97400 Saint-Denis"], note: notFound), web: "la-reunion"),
        ta("ta-mayotte", "Mamoudzou", "Tribunal administratif de Mayotte", nil, web: "mayotte"),
    ]

    /// CJA art. R.221-3, version in force since 9 November 2015 (décret n° 2015-1444 du 6 novembre 2015),
    /// same list on a Légifrance copy dated 18 April 2024 (reference-data.md §1).
    public static let jurisdiction = CourtJurisdictionTable(
        inForceSince: LocalDate(literal: 2015, 11, 9),
        source: LegalSource(
            citation: "art. R.221-3 du code de justice administrative (version en vigueur depuis le 9 novembre "
                + "2015, décret n° 2015-1444 du 6 novembre 2015) ; compétence du tribunal du siège de "
                + "l'autorité qui a pris la décision : art. R.312-1 CJA",
            url:
                "https://juriblio.fr/codes/code-de-justice-administrative/partie-reglementaire-decrets-en-conseil-d-etat/livre-ii/titre-ii/chapitre-ier/section-2/article-r221-3",
            dateChecked: LocalDate(literal: 2024, 4, 18),
            caveat: "Certaines décisions d'éloignement ou de rétention peuvent relever du tribunal du lieu de "
                + "rétention (non vérifié)."),
        entries: [
            ("ta-amiens", ["02", "60", "80"]),
            ("ta-bastia", ["2A", "2B"]),
            ("ta-besancon", ["25", "39", "70", "90"]),
            ("ta-bordeaux", ["24", "33", "47"]),
            ("ta-caen", ["14", "50", "61"]),
            ("ta-cergy-pontoise", ["92", "95"]),
            ("ta-chalons-en-champagne", ["08", "10", "51", "52"]),
            ("ta-clermont-ferrand", ["03", "15", "43", "63"]),
            ("ta-dijon", ["21", "58", "71", "89"]),
            ("ta-grenoble", ["26", "38", "73", "74"]),
            ("ta-lille", ["59", "62"]),
            ("ta-limoges", ["19", "23", "36", "87"]),
            ("ta-lyon", ["01", "07", "42", "69"]),
            ("ta-marseille", ["04", "05", "13"]),
            ("ta-melun", ["77", "94"]),
            ("ta-montpellier", ["11", "34", "66"]),
            ("ta-montreuil", ["93"]),
            ("ta-nancy", ["54", "55", "88"]),
            ("ta-nantes", ["44", "49", "53", "72", "85"]),
            ("ta-nice", ["06"]),
            ("ta-nimes", ["30", "48", "84"]),
            ("ta-orleans", ["18", "28", "37", "41", "45"]),
            ("ta-paris", ["75"]),
            ("ta-pau", ["32", "40", "64", "65"]),
            ("ta-poitiers", ["16", "17", "79", "86"]),
            ("ta-rennes", ["22", "29", "35", "56"]),
            ("ta-rouen", ["27", "76"]),
            ("ta-strasbourg", ["57", "67", "68"]),
            ("ta-toulon", ["83"]),
            ("ta-toulouse", ["09", "12", "31", "46", "81", "82"]),
            ("ta-versailles", ["78", "91"]),
            ("ta-guadeloupe", ["971"]),
            ("ta-martinique", ["972"]),
            ("ta-guyane", ["973"]),
            ("ta-la-reunion", ["974"]),
            ("ta-mayotte", ["976"]),
        ])
}
