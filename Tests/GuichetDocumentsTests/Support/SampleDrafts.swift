import GuichetCore

/// Drafts shared by the writer tests.
enum SampleDrafts {
    static let nbsp = "\u{00A0}"

    /// A short filing with every kind of block, French typography and two image exhibits.
    static let filing = DocumentDraft(
        title: "Requête en référé « mesures utiles »",
        blocks: [
            .lines(["Mme Élodie Œuvrard", "12, rue de l’Église", "93200 Saint-Denis"]),
            .heading(level: 1, text: "Requête en référé « mesures utiles »"),
            .heading(level: 2, text: "I. Faits et procédure"),
            .paragraph([
                TextRun("La requérante a tenté d’obtenir un rendez-vous à la préfecture\(nbsp): "),
                TextRun("aucun créneau disponible", bold: true),
                TextRun(" — à chaque fois. Coût\(nbsp): 0\(nbsp)€… «\(nbsp)déçue\(nbsp)», dit-elle.", italic: true),
            ]),
            .list(
                ordered: true,
                items: [[TextRun("Le 5 octobre 2026 à 8\(nbsp)h\(nbsp)59.")], [TextRun("Le 13 octobre 2026.")]]),
            .list(ordered: false, items: [[TextRun("Urgence présumée.")], [TextRun("Utilité de la mesure.")]]),
            .table(rows: [["N°", "Pièce", "Date"], ["1", "Capture d’écran « aucun créneau »", "05/10/2026"]]),
            .pageBreak,
            .heading(level: 2, text: "II. Discussion"),
            .paragraph(
                [TextRun("Œuvre, cœur, où, à, ç, ù, â, ê, î, ô, û, ë, ï, “guillemets” et ‘apostrophes’.")],
                alignment: .left),
        ],
        exhibits: [
            Exhibit(
                number: 1, title: "Capture du 5 octobre 2026", caption: ["Tentative du 5 octobre 2026 à 8 h 59"],
                content: .png(TestImages.rgbPNG())),
            Exhibit(
                number: 2, title: "Capture du 13 octobre 2026", caption: ["SHA-256 : 00ff"],
                content: .jpeg(TestImages.tinyJPEG)),
        ])

    /// A draft of `count` numbered paragraphs.
    static func paragraphs(_ count: Int) -> DocumentDraft {
        DocumentDraft(
            title: "Long",
            blocks: (1...count).map {
                .paragraph([
                    TextRun(
                        "Paragraphe numéro \($0) : le juge des référés peut enjoindre à l’administration de fixer un rendez-vous."
                    )
                ])
            })
    }
}
