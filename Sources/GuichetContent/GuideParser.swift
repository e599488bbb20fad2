public import GuichetCore
internal import Yams

/// A guide parsed from its file, with its rendered body.
public struct ParsedGuide: Sendable {
    public let path: String
    public let guide: Guide
    public let document: MarkdownDocument
    /// 1-based line of the body's first line in the file.
    public let bodyLine: Int
}

/// The rules of a guide file (docs/guides.md) that do not depend on the other files.
enum GuideRules {
    /// The `##` headings every guide has, in this order (compared folded: case, accents and apostrophes aside).
    static let requiredHeadings = [
        "Qui fait la démarche", "Ce qu'il faut préparer", "Si la plateforme bloque", "Les délais", "Recours et tribunal",
    ]
    static let bodyWords = 300...900
    static let easyReadLines = 3...12
    static let easyReadWordsPerLine = 25

    /// Lowercase, no accent, straight apostrophes: « Ce qu’il faut préparer » and « ce qu'il faut preparer » meet.
    static func folded(_ text: String) -> String {
        TextFolding.fold(text.lowercased()).replacing("’", with: "'").replacing("ʼ", with: "'")
    }

    static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: { $0.isWhitespace }).filter { word in word.contains(where: { $0.isLetter || $0.isNumber }) }
            .count
    }
}

extension FieldReader {
    /// Parses a guide's front matter and body; references to other files (paths) are checked by the caller.
    mutating func guide(knownSections: Set<Section.ID>, today: LocalDate?) -> (ParsedGuide, interview: (Slug, Int)?)? {
        guard let front = open() else { return nil }
        let known: Set<String> = [
            "slug", "title", "section", "situation", "order", "summary", "who", "platform", "deadlines", "documents",
            "court", "court_note", "parcours", "observatory", "keywords", "checked", "sources", "unverified", "falc",
        ]
        for (key, field) in fields where !known.contains(key) {
            report("clé inconnue « \(key) » (voir docs/guides.md)", line: field.line)
        }
        let id = slug("slug")
        if let id {
            let stem = file.path.split(separator: "/").last.map { String($0.dropLast(3)) }
            if stem != id.rawValue { report("« slug » (\(id)) doit être le nom du fichier (\(stem ?? ""))", key: "slug", blocking: true) }
        }
        let title = text("title")
        var section: Section.ID? = nil
        if let value = text("section") {
            if let slug = Slug(value), knownSections.contains(slug) {
                section = slug
            } else {
                report("rubrique inconnue « \(value) »", key: "section", blocking: true)
            }
        }
        var situation: Guide.Situation? = nil
        if let value = text("situation") {
            situation = Guide.Situation(rawValue: value)
            if situation == nil {
                let allowed = Guide.Situation.allCases.map(\.rawValue).joined(separator: ", ")
                report("situation inconnue « \(value) » (attendu : \(allowed))", key: "situation", blocking: true)
            }
        }
        var order = 100
        if let value = text("order", required: false) {
            if let number = Int(value), (0...999).contains(number) {
                order = number
            } else {
                report("« order » doit être un entier de 0 à 999", key: "order")
            }
        }
        let summary = text("summary")
        let who = text("who")
        let platform = self.platform()

        var deadlines: [String] = []
        for (value, line) in list("deadlines", required: false) {
            guard DeadlineRule.catalogue.contains(where: { $0.id == value }) else {
                report("règle de délai inconnue « \(value) » (voir guichet deadline --list)", line: line)
                continue
            }
            if !deadlines.contains(value) { deadlines.append(value) }
        }
        var documents: [DocumentKind] = []
        for (value, line) in list("documents", required: false) {
            guard let kind = DocumentKind(rawValue: value) else {
                let allowed = DocumentKind.allCases.map(\.rawValue).joined(separator: ", ")
                report("document inconnu « \(value) » (attendu : \(allowed))", line: line)
                continue
            }
            if !documents.contains(kind) { documents.append(kind) }
        }
        var court: Guide.CourtRule? = nil
        if let value = text("court") {
            court = Guide.CourtRule(rawValue: value)
            if court == nil {
                let allowed = Guide.CourtRule.allCases.map(\.rawValue).joined(separator: ", ")
                report("tribunal inconnu « \(value) » (attendu : \(allowed))", key: "court", blocking: true)
            }
        }
        let courtNote = text("court_note", required: false)
        var interview: (Slug, Int)? = nil
        if let value = text("parcours", required: false) {
            if let slug = Slug(value) {
                interview = (slug, fields["parcours"]?.line ?? 1)
            } else {
                report("identifiant de parcours invalide « \(value) »", key: "parcours")
            }
        }
        var observatory: Observatory.Procedure? = nil
        if let value = text("observatory", required: false) {
            observatory = Observatory.Procedure(rawValue: value)
            if observatory == nil {
                let allowed = Observatory.Procedure.allCases.map(\.rawValue).joined(separator: ", ")
                report("procédure de l’observatoire inconnue « \(value) » (attendu : \(allowed))", key: "observatory")
            }
        }
        let keywords = list("keywords", required: false).map(\.0)
        let checked = date("checked")
        if let checked, let today, checked > today {
            report("« checked » (\(checked)) est dans le futur", key: "checked")
        }
        let sources = guideSources(today: today)
        let unverified = list("unverified", required: false).map(\.0)
        let easyRead = self.easyRead()

        let document = MarkdownDocument(front.body)
        checkHeadings(document)
        let words = GuideRules.wordCount(document.plainText)
        if !GuideRules.bodyWords.contains(words) {
            report(
                "corps de \(words) mots (attendu : \(GuideRules.bodyWords.lowerBound) à \(GuideRules.bodyWords.upperBound))",
                line: front.bodyLine)
        }
        guard !hasBlockingProblem, let id, let title, let section, let situation, let summary, let who, let court,
            let checked
        else { return nil }
        let guide = Guide(
            id: id, title: title, section: section, situation: situation, order: order, summary: summary, who: who,
            platform: platform, deadlineRuleIDs: deadlines, documentKinds: documents, court: court,
            courtNote: courtNote, interviewID: interview?.0, observatoryProcedure: observatory, keywords: keywords, checked: checked, sources: sources,
            unverified: unverified, easyRead: easyRead, body: front.body)
        return (ParsedGuide(path: file.path, guide: guide, document: document, bodyLine: front.bodyLine), interview)
    }

    private mutating func platform() -> Guide.Platform? {
        guard let field = fields["platform"] else { return nil }
        guard let mapping = field.node.mapping, let name = mapping["name"]?.string, !name.isEmpty,
            let url = mapping["url"]?.string
        else {
            report("« platform » doit avoir « name » et « url »", key: "platform")
            return nil
        }
        guard url.hasPrefix("https://"), !url.contains(" ") else {
            report("adresse de plateforme invalide « \(url) » (https:// attendu)", key: "platform")
            return nil
        }
        return Guide.Platform(name: name, url: url)
    }

    private mutating func guideSources(today: LocalDate?) -> [Guide.Source] {
        let message = "aucune source citée (« sources » : liste de { title, url, checked })"
        var sources: [Guide.Source] = []
        for entry in sourceEntries(missing: message, malformed: message) {
            guard let checkedText = entry.mapping["checked"]?.string, let checked = LocalDate(iso: checkedText) else {
                report("source sans date de vérification « checked » (AAAA-MM-JJ) : \(entry.url)", line: entry.line)
                continue
            }
            if let today, checked > today { report("date de vérification dans le futur : \(checkedText)", line: entry.line) }
            sources.append(Guide.Source(title: entry.title, url: entry.url, checked: checked))
        }
        return sources
    }

    private mutating func easyRead() -> [String: [String]] {
        guard let field = fields["falc"] else {
            report("résumé FALC absent (« falc » avec au moins « fr »)", line: 1)
            return [:]
        }
        guard let mapping = field.node.mapping else {
            report("« falc » doit associer un code de langue à une liste de phrases", key: "falc")
            return [:]
        }
        var summaries: [String: [String]] = [:]
        var lines: [String: Int] = [:]
        for (key, value) in mapping {
            let line = key.mark.map { $0.line + 1 } ?? field.line
            guard let code = key.string, Guide.languageCodes.contains(code) else {
                report("langue inconnue dans « falc » : « \(key.string ?? "") » (attendu : \(Guide.languageCodes.joined(separator: ", ")))", line: line)
                continue
            }
            guard let sequence = value.sequence, !sequence.isEmpty else {
                report("« falc.\(code) » doit être une liste de phrases", line: line)
                continue
            }
            let sentences = sequence.compactMap { $0.string?.trimmingSpaces }.filter { !$0.isEmpty }
            guard sentences.count == sequence.count else {
                report("« falc.\(code) » : une ligne vide ou qui n’est pas du texte", line: line)
                continue
            }
            summaries[code] = sentences
            lines[code] = line
        }
        guard let french = summaries["fr"] else {
            report("résumé FALC en français absent (« falc.fr »)", key: "falc")
            return summaries
        }
        if !GuideRules.easyReadLines.contains(french.count) {
            report("« falc.fr » : \(french.count) lignes (attendu : 3 à 12)", line: lines["fr"])
        }
        for (index, sentence) in french.enumerated() where GuideRules.wordCount(sentence) > GuideRules.easyReadWordsPerLine {
            report("« falc.fr » ligne \(index + 1) : plus de \(GuideRules.easyReadWordsPerLine) mots, coupez la phrase", line: lines["fr"])
        }
        for (code, sentences) in summaries where code != "fr" && sentences.count != french.count {
            report("« falc.\(code) » : \(sentences.count) lignes pour \(french.count) en français", line: lines[code])
            summaries[code] = nil
        }
        return summaries
    }

    private mutating func checkHeadings(_ document: MarkdownDocument) {
        let present = document.headings.filter { $0.level == 2 }.map { GuideRules.folded($0.text) }
        var position = 0
        for heading in GuideRules.requiredHeadings {
            let wanted = GuideRules.folded(heading)
            guard let found = present[position...].firstIndex(of: wanted) else {
                if present.contains(wanted) {
                    report("intertitre « ## \(heading) » hors de l’ordre attendu (\(GuideRules.requiredHeadings.joined(separator: ", ")))", line: bodyLine)
                } else {
                    report("intertitre « ## \(heading) » manquant", line: bodyLine)
                }
                continue
            }
            position = found + 1
        }
    }
}
