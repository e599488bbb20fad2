import GuichetCore

/// The French sentences every writer prints around exhibits, kept in one place so the three formats
/// say the same thing. They do not pass through ``DocumentDraft/typeset()``, so they carry their French
/// typography themselves.
enum ExhibitWording {
    /// « Pièce n° 3 — Capture du 5 octobre 2026 » (non-breaking space after « n° »).
    static func heading(for exhibit: Exhibit) -> String {
        let title = exhibit.title.trimmingWhitespace
        let number = "Pièce n\u{00B0}\u{00A0}\(exhibit.number)"
        return title.isEmpty ? number : "\(number) \u{2014} \(title)"
    }

    /// Printed instead of a PDF exhibit, which cannot be drawn inside another document.
    static let pdfFiledAlongside = FrenchTypography.apply(
        "Cette pièce est un document PDF : elle ne peut pas être reproduite ici et est produite en fichier distinct, joint au présent document.")

    /// Printed when the exhibit's bytes are not a PNG or JPEG image that can be read.
    static let notShowable = FrenchTypography.apply(
        "Le fichier de cette pièce n’a pas pu être affiché : ce n’est pas une image PNG ou JPEG lisible. Il est produit en fichier distinct.")

    /// Printed when the draft carries no file for the exhibit.
    static let notReproduced = FrenchTypography.apply(
        "Cette pièce n’est pas reproduite dans le présent document ; elle est produite séparément.")

    /// « Page 2 / 7 », the footer of every PDF page.
    static func pageFooter(page: Int, of count: Int) -> String { "Page \(page) / \(count)" }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks (no Foundation needed).
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[start...end])
    }
}
