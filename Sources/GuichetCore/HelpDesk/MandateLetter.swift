/// The one-page mandate a person signs before the association keeps anything of theirs: who gives it, to whom,
/// for which case, what the association may do (every scope, given or not), for how long, how to withdraw it,
/// what happens to the data, then the place, the date and two signature boxes.
///
/// A field the help desk does not know (birth date, address…) is printed as a line to fill in by hand, never left
/// out or blank, so that the signed paper never looks more complete than the case. Scopes not given are printed
/// as refused, in words, so that no empty box is left to tick after signing.
public enum MandateLetter {
    /// The line printed where a field is to be filled in by hand.
    static let fillIn = String(repeating: "_", count: 30)

    /// The mandate as a draft, in French, dated `today`.
    ///
    /// `mandate.revokedAt`, when set, adds a sentence at the top: a withdrawn mandate is never printed as if valid.
    public static func draft(
        organisationName: String, caseNumber: String, person: Person, procedure: Procedure, department: Department,
        mandate: Mandate, today: LocalDate
    ) -> DocumentDraft {
        let organisation = known(organisationName) ?? fillIn
        let number = known(caseNumber) ?? fillIn
        let name = known(person.name)
        let undersigned: String
        switch person.civility {
        case .madame?: undersigned = "Je soussignée"
        case .monsieur?: undersigned = "Je soussigné"
        case nil: undersigned = "Je soussigné(e)"
        }

        var blocks: [DocumentBlock] = [.heading(level: 1, text: "Mandat donné à une association")]
        if let revokedAt = mandate.revokedAt {
            let day = department.timeZone.wallClockReading(utcMinutes: Int(revokedAt / 60)).date
            blocks.append(
                .paragraph(
                    [TextRun("Ce mandat a été retiré le \(day.frenchDate) : il ne permet plus d'agir.", bold: true)],
                    alignment: .left))
        }
        blocks.append(
            .lines([
                "Association : \(organisation)",
                "Dossier n° \(number) : \(procedure.frenchLabel), \(department.prefectureName)",
            ]))

        blocks.append(.heading(level: 2, text: "La personne qui donne le mandat"))
        let address = known(person.address).map { AddressText.lines($0).joined(separator: ", ") }
        blocks.append(
            .lines([
                "Nom et prénoms : \(name ?? fillIn)",
                "Date de naissance : \(person.birthDate?.frenchDate ?? fillIn)",
                "Lieu de naissance : \(known(person.birthPlace) ?? fillIn)",
                "Adresse : \(address.flatMap { known($0) } ?? fillIn)",
            ]))

        blocks.append(.heading(level: 2, text: "Ce que l'association peut faire"))
        blocks.append(
            .paragraph([
                TextRun(
                    "\(undersigned) donne mandat à \(organisation), "
                        + "pour le dossier n° \(number) seulement, de :")
            ]))
        // What is given first, in the printed order, then what is not, in words: no empty box to tick later.
        for scope in mandate.orderedScopes {
            blocks.append(
                .paragraph([TextRun("[X] OUI", bold: true), TextRun(" : " + scope.frenchText + ".")], alignment: .left))
        }
        for scope in MandateScope.allCases where !mandate.scopes.contains(scope) {
            blocks.append(
                .paragraph(
                    [TextRun("[–] NON", bold: true), TextRun(" : " + scope.frenchText + " (pas autorisé).")],
                    alignment: .left))
        }
        blocks.append(
            .paragraph([TextRun("L'association ne fait rien d'autre en mon nom. " + period(mandate))], alignment: .left)
        )

        blocks.append(.heading(level: 2, text: "Retrait du mandat et informations"))
        blocks.append(
            .paragraph([
                TextRun(
                    "Je peux retirer ce mandat à tout moment, sans donner de raison : il suffit de le dire à "
                        + "l'association, de vive voix ou par écrit. Dès ce moment, elle n'agit plus en mon nom.")
            ]))

        blocks.append(
            .paragraph([
                TextRun(
                    "L'association garde les informations et les pièces de mon dossier chiffrées : seuls ses membres "
                        + "chargés des dossiers peuvent les lire. Elles sont effacées à la fin de la durée de "
                        + "conservation fixée par l'association. Si je retire le mandat, le dossier n'est plus modifié "
                        + "et il est effacé de la même façon. Je peux demander à tout moment une copie de mon dossier "
                        + "ou son effacement.")
            ]))

        blocks.append(
            .paragraph([TextRun("Fait en deux exemplaires, à \(fillIn), le \(today.frenchDate).")], alignment: .left))
        // Two ruled boxes side by side; no-break spaces give the empty lines a height in every format.
        let signingSpace = Array(repeating: "\u{00A0}", count: 4).joined(separator: "\n")
        blocks.append(
            .table(rows: [
                ["Signature de la personne", "Pour l'association : nom, qualité, signature"],
                [signingSpace, signingSpace],
            ]))

        return DocumentDraft(title: "Mandat – dossier n° \(number)", blocks: blocks)
    }

    /// « Ce mandat vaut du 2 novembre 2026 au 1er mai 2027 inclus. », or for one day « Ce mandat vaut le
    /// 2 novembre 2026 seulement. »
    static func period(_ mandate: Mandate) -> String {
        if mandate.from == mandate.until { return "Ce mandat vaut le \(mandate.from.frenchDate) seulement." }
        return "Ce mandat vaut du \(mandate.from.frenchDate) au \(mandate.until.frenchDate) inclus."
    }

    /// The text, or `nil` when it is absent or only spaces (printed as a line to fill in).
    private static func known(_ text: String?) -> String? {
        guard let text else { return nil }
        let trimmed = text.trimmingASCIIWhitespace()
        return trimmed.isEmpty ? nil : trimmed
    }

}
