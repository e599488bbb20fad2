internal import GuichetCore
internal import Yams

/// Reads the typed fields of one file's front matter, collecting every problem with its line.
struct FieldReader {
    let file: ContentFile
    var fields: [String: (node: Node, line: Int)] = [:]
    var bodyLine = 1
    private(set) var problems: [ContentProblem] = []
    private(set) var hasBlockingProblem = false

    init(file: ContentFile) {
        self.file = file
    }

    mutating func report(_ message: String, key: String? = nil, line: Int? = nil, blocking: Bool = false) {
        problems.append(problem(message, key: key, line: line, blocking: blocking))
        if blocking { hasBlockingProblem = true }
    }

    func problem(_ message: String, key: String? = nil, line: Int? = nil, blocking: Bool = true) -> ContentProblem {
        ContentProblem(
            path: file.path, line: line ?? key.flatMap { fields[$0]?.line } ?? 1, message: message, isBlocking: blocking)
    }

    /// Splits the file; false (with a blocking problem) when it has no usable front matter.
    mutating func open() -> FrontMatter? {
        do {
            let front = try FrontMatter.split(file.text)
            fields = front.fields
            bodyLine = front.bodyLine
            return front
        } catch {
            switch error {
            case .missing: report("en-tête YAML absent : le fichier doit commencer par une ligne « --- »", line: 1, blocking: true)
            case .unterminated: report("en-tête YAML non fermé : ligne « --- » manquante", line: 1, blocking: true)
            case .invalidYAML(let line, let problem): report("YAML invalide : \(problem)", line: line, blocking: true)
            case .notAMapping: report("l’en-tête YAML doit être une liste de clés « clé: valeur »", line: 2, blocking: true)
            }
            return nil
        }
    }

    mutating func text(_ key: String, required: Bool = true) -> String? {
        guard let field = fields[key] else {
            if required { report("champ « \(key) » manquant", line: 1, blocking: true) }
            return nil
        }
        guard let value = field.node.scalar?.string.trimmingSpaces, !value.isEmpty else {
            report("champ « \(key) » vide ou mal formé (texte attendu)", key: key, blocking: required)
            return nil
        }
        return value
    }

    mutating func date(_ key: String, required: Bool = true) -> LocalDate? {
        guard let value = text(key, required: required) else { return nil }
        guard let date = LocalDate(iso: value) else {
            report("date impossible ou mal écrite pour « \(key) » : « \(value) » (AAAA-MM-JJ attendu)", key: key, blocking: required)
            return nil
        }
        return date
    }

    mutating func slug(_ key: String) -> Slug? {
        guard let value = text(key) else { return nil }
        guard let slug = Slug(value) else {
            report("« \(key) » invalide : « \(value) » (minuscules sans accents, chiffres et tirets)", key: key, blocking: true)
            return nil
        }
        return slug
    }

    mutating func list(_ key: String, required: Bool) -> [(String, Int)] {
        guard let field = fields[key] else {
            if required { report("champ « \(key) » manquant", line: 1, blocking: true) }
            return []
        }
        if let single = field.node.scalar?.string, !single.isEmpty { return [(single, field.line)] }
        guard let sequence = field.node.sequence else {
            report("« \(key) » doit être une liste", key: key, blocking: required)
            return []
        }
        return sequence.compactMap { node in node.string.map { ($0, node.mark.map { $0.line + 1 } ?? field.line) } }
    }

    mutating func section() -> ParsedSection? {
        guard let front = open() else { return nil }
        let id = slug("id")
        let numeral = text("numeral")
        let orderText = text("order")
        let order = orderText.flatMap { Int($0) }
        if orderText != nil && order == nil { report("« order » doit être un nombre entier", key: "order", blocking: true) }
        let title = text("title")
        let subtitle = text("subtitle")
        let summary = text("summary")
        let updated = self.date("updated")
        guard !hasBlockingProblem, let id, let numeral, let order, let title, let subtitle, let summary, let updated
        else { return nil }
        let section = Section(
            id: id, numeral: numeral, order: order, title: title, subtitle: subtitle, summary: summary,
            body: front.body, updated: updated)
        return ParsedSection(path: file.path, section: section, document: MarkdownDocument(front.body), bodyLine: front.bodyLine)
    }

    mutating func item(knownSections: Set<Section.ID>, knownTags: Set<GuichetCore.Tag.ID>?) -> ParsedItem? {
        guard let front = open() else { return nil }
        let id = slug("slug")
        let title = self.text("title")
        let kindText = text("type")
        let kind = kindText.flatMap(ItemKind.init(rawValue:))
        if let kindText, kind == nil {
            let allowed = ItemKind.allCases.map(\.rawValue).joined(separator: ", ")
            report("type inconnu « \(kindText) » (attendu : \(allowed))", key: "type", blocking: true)
        }
        let date = self.date("date")
        let updated = self.date("updated", required: false)
        let summary = text("summary")

        var sections: [Section.ID] = []
        for (value, line) in list("sections", required: true) {
            guard let slug = Slug(value), knownSections.contains(slug) else {
                report("rubrique inconnue « \(value) »", line: line)
                continue
            }
            if !sections.contains(slug) { sections.append(slug) }
        }
        if sections.isEmpty && fields["sections"] != nil {
            report("aucune rubrique connue dans « sections »", key: "sections", blocking: true)
        }

        var tags: [GuichetCore.Tag.ID] = []
        for (value, line) in list("tags", required: false) {
            guard let slug = Slug(value), knownTags?.contains(slug) ?? true else {
                report("thème inconnu « \(value) » (à déclarer dans tags.yml)", line: line)
                continue
            }
            if !tags.contains(slug) { tags.append(slug) }
        }

        var related: [Item.ID] = []
        for (value, line) in list("related", required: false) {
            guard let slug = Slug(value) else {
                report("identifiant lié invalide « \(value) »", line: line)
                continue
            }
            related.append(slug)
        }

        let sources = self.sources()
        if let updated, let date, updated < date {
            report("« updated » (\(updated)) est antérieur à « date » (\(date))", key: "updated")
        }
        guard !hasBlockingProblem, let id, let title, let kind, let date, let summary else { return nil }
        let item = Item(
            id: id, title: title, kind: kind, date: date, updated: updated, sections: sections, tags: tags,
            summary: summary, body: front.body, sources: sources, related: related)
        return ParsedItem(path: file.path, item: item, document: MarkdownDocument(front.body), bodyLine: front.bodyLine)
    }

    mutating func sources() -> [Item.Source] {
        sourceEntries(missing: "aucune source citée (« sources » manquant)", malformed: "« sources » doit être une liste non vide de { title, url }")
            .map { Item.Source(title: $0.title, url: $0.url) }
    }

    /// The entries of `sources` that have a title and an absolute http(s) URL, with their mapping (for more keys) and
    /// line; every other entry is reported.
    mutating func sourceEntries(missing: String, malformed: String) -> [(title: String, url: String, mapping: Node.Mapping, line: Int)] {
        guard let field = fields["sources"] else {
            report(missing, line: 1)
            return []
        }
        guard let sequence = field.node.sequence, !sequence.isEmpty else {
            report(malformed, key: "sources")
            return []
        }
        var entries: [(title: String, url: String, mapping: Node.Mapping, line: Int)] = []
        for entry in sequence {
            let line = entry.mark.map { $0.line + 1 } ?? field.line
            guard let mapping = entry.mapping, let title = mapping["title"]?.string, !title.isEmpty,
                let url = mapping["url"]?.string
            else {
                report("source sans « title » ou « url »", line: line)
                continue
            }
            guard url.hasPrefix("https://") || url.hasPrefix("http://"), !url.contains(" ") else {
                report("adresse de source invalide « \(url) » (http:// ou https:// attendu)", line: line)
                continue
            }
            entries.append((title, url, mapping, line))
        }
        return entries
    }

    /// Reports links to site pages that do not exist, and links with a forbidden scheme.
    mutating func checkLinks(_ document: MarkdownDocument, known: Set<String>) {
        for link in document.links {
            let line = bodyLine + link.line - 1
            let url = link.url
            if url.hasPrefix("/") && !url.hasPrefix("//") {
                var path = Substring(url)
                if let cut = path.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = path[..<cut] }
                if path.count > 1 && path.hasSuffix("/") { path = path.dropLast() }
                if !known.contains(String(path)) {
                    report("lien interne cassé : \(url)", line: line)
                }
            } else if url.hasPrefix("#") {
                continue
            } else if !(url.hasPrefix("https://") || url.hasPrefix("http://") || url.hasPrefix("mailto:")) {
                report("lien refusé : \(url) (http, https, mailto ou chemin du site commençant par /)", line: line)
            }
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
