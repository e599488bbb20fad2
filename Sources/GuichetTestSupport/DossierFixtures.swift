public import GuichetContent
public import GuichetStorage
public import GuichetServices
internal import Logging

/// A small dossier in editorial form (two sections, four items, tags), for tests of every layer.
public enum DossierFixtures {
    public static let tags = ContentFile(
        path: "tags.yml",
        text: """
            - id: rendez-vous
              label: Rendez-vous en préfecture
            - id: conseil-d-etat
              label: Conseil d'État
            - id: asile
              label: Asile
            """)

    public static let prefectures = ContentFile(
        path: "sections/01-prefectures.md",
        text: """
            ---
            id: prefectures
            numeral: I
            order: 1
            title: Démarches en préfecture
            subtitle: séjour, naturalisation, prise de rendez-vous
            summary: Les demandes de titres de séjour passent par des téléservices.
            updated: 2024-07-05
            ---
            La **dématérialisation** des préfectures a fermé les guichets.

            Voir [la décision de 2019](/dossier/ce-2019).
            """)

    public static let asile = ContentFile(
        path: "sections/02-asile.md",
        text: """
            ---
            id: asile
            numeral: II
            order: 2
            title: Asile
            subtitle: Ofpra
            summary: Les décisions de l'Ofpra sont notifiées en ligne.
            updated: 2023-01-10
            ---
            L'espace personnel de l'Ofpra notifie les décisions.
            """)

    public static let ce2019 = ContentFile(
        path: "items/2019/2019-11-27-ce-2019.md",
        text: """
            ---
            slug: ce-2019
            title: "Le Conseil d'État : les rendez-vous en ligne ne peuvent pas être imposés"
            type: decision
            date: 2019-11-27
            sections: [prefectures]
            tags: [conseil-d-etat, rendez-vous]
            summary: Les préfets ne peuvent pas rendre obligatoire la prise de rendez-vous par internet.
            sources:
              - title: Analyse de la décision
                url: https://example.org/ce-2019
            ---
            Le Conseil d'État juge que les téléservices restent une **faculté**.

            Les demandes de titres refusées faute de rendez-vous peuvent être contestées.
            """)

    public static let ce2022 = ContentFile(
        path: "items/2022/2022-06-03-ce-2022.md",
        text: """
            ---
            slug: ce-2022
            title: "ANEF : accompagnement et solution de substitution obligatoires"
            type: decision
            date: 2022-06-03
            sections: [prefectures]
            tags: [conseil-d-etat]
            summary: Un téléservice obligatoire doit prévoir un accompagnement et une solution de substitution.
            sources:
              - title: Vie publique
                url: https://example.org/ce-2022
            related: [ce-2019]
            ---
            Pour les titres de séjour, la préfecture doit offrir une voie de substitution.
            """)

    public static let ofpra = ContentFile(
        path: "items/2021/2021-05-01-ofpra-notification.md",
        text: """
            ---
            slug: ofpra-notification
            title: Les décisions de l'Ofpra notifiées sur un portail
            type: texte
            date: 2021-05-01
            sections: [asile]
            tags: [asile]
            summary: La décision est réputée notifiée à la première consultation, ou quinze jours après sa mise en ligne.
            sources:
              - title: Gisti
                url: https://example.org/ofpra
            ---
            Le délai de recours devant la CNDA court à partir de la notification.
            """)

    public static let rapport = ContentFile(
        path: "items/2024/2024-12-11-rapport.md",
        text: """
            ---
            slug: rapport-ddd-2024
            title: Le Défenseur des droits et l'ANEF
            type: rapport
            date: 2024-12-11
            sections: [prefectures, asile]
            tags: [rendez-vous]
            summary: Les réclamations des personnes étrangères ont augmenté de 400 % en quatre ans.
            sources:
              - title: La Cimade
                url: https://example.org/ddd
            ---
            Le rapport propose un dépôt papier quand l'ANEF ne fonctionne pas.
            """)

    /// Every fixture file, valid as a whole.
    public static let files = [tags, prefectures, asile, ce2019, ce2022, ofpra, rapport]
}

/// An indexed dossier on some backend's stores.
public struct IndexedDossier: Sendable {
    public let store: any DossierStore
    public let search: any SearchIndex
    public let report: ContentIndexer.Report

    /// Indexes `files` into `store` and returns the stores with the indexing report.
    public static func make(
        store: any DossierStore & ContentIndex, search: any SearchIndex, files: [ContentFile] = DossierFixtures.files
    ) async throws -> IndexedDossier {
        let report = try await ContentIndexer(index: store, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
            .index(files)
        return IndexedDossier(store: store, search: search, report: report)
    }
}
