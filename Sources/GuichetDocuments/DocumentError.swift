/// Why a document could not be written.
///
/// Writers degrade gracefully on odd input (unreadable images, empty drafts); what is left is what
/// would make the file wrong: a character the PDF fonts cannot draw is refused, never replaced.
public enum DocumentError: Error, Equatable, Sendable {
    /// The office package (a ZIP archive) could not be assembled; `part` names the entry being written.
    case packagingFailed(part: String)
    /// The PDF fonts were not found (see `docs/documents.md`, *Fonts*).
    case fontsUnavailable
    /// A PDF font file was found but could not be read.
    case fontUnreadable(file: String)
    /// The text holds a character that the embedded fonts cannot draw; `context` is the text it
    /// appears in (the caller knows which field that is).
    case unprintableCharacter(Unicode.Scalar, context: String)

    /// The sentence for the person or the volunteer, in French.
    public var frenchMessage: String {
        switch self {
        case .packagingFailed(let part):
            return "le fichier n'a pas pu être assemblé (\(part.isEmpty ? "archive" : part))"
        case .fontsUnavailable:
            return "les polices du PDF (Liberation) sont introuvables : installez le paquet fonts-liberation2 "
                + "ou copiez le dossier guichet_GuichetDocuments.resources à côté du programme"
        case .fontUnreadable(let file):
            return "la police \(file) est illisible"
        case .unprintableCharacter(let scalar, let context):
            return Self.unprintableSentence(scalar) + " (dans « \(Self.excerpt(context, around: scalar)) »)"
        }
    }

    /// « le caractère « 𝔄 » (U+1D504) ne peut pas être imprimé dans le PDF ».
    public static func unprintableSentence(_ scalar: Unicode.Scalar) -> String {
        var code = String(scalar.value, radix: 16, uppercase: true)
        while code.count < 4 { code = "0" + code }
        return "le caractère « \(Character(scalar)) » (U+\(code)) ne peut pas être imprimé dans le PDF"
    }

    private static func excerpt(_ text: String, around scalar: Unicode.Scalar) -> String {
        let scalars = Array(text.unicodeScalars)
        let position = scalars.firstIndex(of: scalar) ?? 0
        let start = max(0, position - 30)
        let end = min(scalars.count, position + 30)
        var result = String(String.UnicodeScalarView(scalars[start..<end]))
        if start > 0 { result = "…" + result }
        if end < scalars.count { result += "…" }
        return result
    }
}
