public import GuichetCore
internal import Yams

/// Reads `content/observatoire/plateformes.yml` (docs/observatory.md, « Plateformes »): the national platforms the
/// prober may probe, each with its entry page, its sources and whether the address was verified. Every problem
/// names the file and the line.
enum PlatformParser {
    static let path = "observatoire/plateformes.yml"

    static func parse(_ files: [ContentFile], today: LocalDate?) -> ([Platform], [ContentProblem]) {
        // Without the file, no national platform (the booking pages of the reference data remain).
        guard let file = files.first(where: { $0.path == path }) else { return ([], []) }
        let (mapping, problem) = ObservatoryParser.compose(file)
        guard let mapping else { return ([], problem.map { [$0] } ?? []) }
        var reader = ObservatoryParser.Reader(path: file.path, today: today)
        reader.unknownKeys(mapping, allowed: ["checked", "platforms"], context: "plateformes.yml")
        if mapping["checked"] == nil { reader.report("champ « checked » manquant", nil) } else { _ = reader.date(mapping["checked"], key: "checked") }
        var platforms: [Platform] = []
        var seen: Set<String> = []
        guard let sequence = mapping["platforms"]?.sequence else {
            reader.report("« platforms » doit être une liste de plateformes { id, name, entry_url, verified, sources }", mapping["platforms"])
            return ([], reader.problems)
        }
        for entry in sequence {
            guard let fields = entry.mapping else {
                reader.report("une plateforme doit être une liste de clés (id, name, entry_url, verified, sources)", entry)
                continue
            }
            reader.unknownKeys(fields, allowed: ["id", "name", "entry_url", "verified", "note", "sources"], context: "une plateforme")
            guard let idText = fields["id"]?.string, let id = Platform.ID(idText) else {
                reader.report("« id » manquant ou invalide (lettres minuscules, chiffres et tirets)", fields["id"] ?? entry)
                continue
            }
            guard !idText.hasPrefix("rdv-") else {
                reader.report("« \(idText) » : les identifiants rdv-<code> sont réservés aux pages de rendez-vous des départements", fields["id"])
                continue
            }
            guard seen.insert(id.rawValue).inserted else {
                reader.report("plateforme « \(idText) » déjà définie", fields["id"])
                continue
            }
            guard let name = fields["name"]?.string, !name.isEmpty else {
                reader.report("« \(idText) » : « name » manquant", entry)
                continue
            }
            guard let urlText = fields["entry_url"]?.string, let url = ProbeURL(urlText), url.isSecure else {
                reader.report("« \(idText) » : « entry_url » doit être une adresse https:// (page d'entrée publique)", fields["entry_url"] ?? entry)
                continue
            }
            let verifiedText = fields["verified"]?.string
            guard let verifiedText, verifiedText == "oui" || verifiedText == "non" else {
                reader.report("« \(idText) » : « verified » doit valoir oui ou non", fields["verified"] ?? entry)
                continue
            }
            let sources = reader.sources(fields["sources"], required: true, context: "« \(idText) »", anchor: entry)
            guard !sources.isEmpty else { continue }
            platforms.append(
                Platform(
                    id: id, name: name, entryURL: url, kind: .national, sources: sources, isVerified: verifiedText == "oui",
                    note: fields["note"]?.string))
        }
        return (platforms, reader.problems)
    }
}
