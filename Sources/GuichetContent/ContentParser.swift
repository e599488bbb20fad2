public import GuichetCore
internal import Yams

/// Turns the content folder's files into a validated ``ContentCatalog``.
///
/// Pure: it is given the files' text and never touches the disk. A faulty file never hides the others:
/// blocking problems leave that file out, other problems only drop the faulty part (an unknown tag, a
/// broken link) and are reported all the same, so that `guichet content check` fails on them.
public enum ContentParser {
    /// Site paths that bodies may link to besides sections, items and tags (`/recherche`, `/delais`…).
    public static let fixedPaths: Set<String> = [
        "/", "/recherche", "/delais", "/flux.atom", "/themes", "/a-propos", "/guides", "/parcours", "/observatoire",
    ]

    /// Parses and cross-checks every file; files of role `.other` are ignored.
    ///
    /// - Parameter today: when given, dates of verification after it are reported (a guide's `checked`).
    public static func parse(_ files: [ContentFile], fixedPaths: Set<String> = fixedPaths, today: LocalDate? = nil) -> ContentCatalog {
        var catalog = ContentCatalog()
        var problems: [ContentProblem] = []
        var declaredTags: Set<GuichetCore.Tag.ID>? = nil
        let sorted = files.sorted { $0.path < $1.path }

        for file in sorted where file.role == .tags {
            let (tags, tagProblems) = parseTags(file)
            problems += tagProblems
            catalog.tags = tags
            declaredTags = Set(tags.map(\.id))
        }
        if declaredTags == nil {
            problems.append(ContentProblem(path: "tags.yml", line: 1, message: "fichier des thèmes absent", isBlocking: false))
        }

        var sectionPaths: [Section.ID: String] = [:]
        for file in sorted where file.role == .section {
            var reader = FieldReader(file: file)
            guard let parsed = reader.section() else {
                problems += reader.problems
                continue
            }
            problems += reader.problems
            if let other = sectionPaths[parsed.section.id] {
                problems.append(reader.problem("rubrique « \(parsed.section.id) » déjà définie dans \(other)", key: "id"))
                continue
            }
            sectionPaths[parsed.section.id] = file.path
            catalog.sections.append(parsed)
        }
        catalog.sections.sort { ($0.section.order, $0.section.id) < ($1.section.order, $1.section.id) }

        var itemPaths: [Item.ID: String] = [:]
        var items: [(ParsedItem, FieldReader)] = []
        for file in sorted where file.role == .item {
            var reader = FieldReader(file: file)
            guard let parsed = reader.item(knownSections: Set(sectionPaths.keys), knownTags: declaredTags) else {
                problems += reader.problems
                continue
            }
            if let other = itemPaths[parsed.item.id] {
                problems += reader.problems
                problems.append(reader.problem("identifiant « \(parsed.item.id) » déjà utilisé par \(other)", key: "slug"))
                continue
            }
            itemPaths[parsed.item.id] = file.path
            items.append((parsed, reader))
        }

        // Guides and paths are known by their file names, so that any body may link to them.
        let guideIDs = sorted.filter { $0.role == .guide }.compactMap { file in
            file.path.split(separator: "/").last.map { String($0.dropLast(3)) }
        }
        let interviewIDs = sorted.filter { $0.role == .interview }.compactMap { file in
            file.path.split(separator: "/").last.map { String($0.split(separator: ".").first ?? "") }
        }

        // Links and related items can only be checked once every file is known.
        var known = fixedPaths
        for id in guideIDs { known.insert("/guides/\(id)") }
        for id in interviewIDs { known.insert("/parcours/\(id)") }
        for department in Department.all { known.insert("/observatoire/\(department.code)") }
        for id in sectionPaths.keys { known.insert("/rubriques/\(id)") }
        for id in itemPaths.keys { known.insert("/dossier/\(id)") }
        for id in declaredTags ?? [] { known.insert("/themes/\(id)") }
        for (parsed, reader) in items {
            var reader = reader
            let related = parsed.item.related.filter { id in
                guard itemPaths[id] != nil else {
                    reader.report("élément lié inconnu : « \(id) »", key: "related")
                    return false
                }
                return true
            }
            reader.checkLinks(parsed.document, known: known)
            problems += reader.problems
            let item = parsed.item
            catalog.items.append(
                ParsedItem(
                    path: parsed.path,
                    item: Item(
                        id: item.id, title: item.title, kind: item.kind, date: item.date, updated: item.updated,
                        sections: item.sections, tags: item.tags, summary: item.summary, body: item.body,
                        sources: item.sources, related: related),
                    document: parsed.document, bodyLine: parsed.bodyLine))
        }
        for parsed in catalog.sections {
            var reader = FieldReader(file: ContentFile(path: parsed.path, text: ""))
            reader.bodyLine = parsed.bodyLine
            reader.checkLinks(parsed.document, known: known)
            problems += reader.problems
        }
        for file in sorted where file.role == .interview {
            let (definition, found) = InterviewParser.parse(file)
            problems += found
            if let definition { catalog.interviews.append(definition) }
        }
        var guidePaths: [Guide.ID: String] = [:]
        let interviewSet = Set(catalog.interviews.map(\.id))
        for file in sorted where file.role == .guide {
            var reader = FieldReader(file: file)
            guard let (parsed, interview) = reader.guide(knownSections: Set(sectionPaths.keys), today: today) else {
                problems += reader.problems
                continue
            }
            if let other = guidePaths[parsed.guide.id] {
                problems += reader.problems
                problems.append(reader.problem("guide « \(parsed.guide.id) » déjà défini dans \(other)", key: "slug"))
                continue
            }
            if let (id, line) = interview, !interviewSet.contains(id) {
                reader.report("parcours inconnu « \(id) » (content/parcours/\(id).yml)", line: line)
            }
            reader.checkLinks(parsed.document, known: known)
            problems += reader.problems
            guidePaths[parsed.guide.id] = file.path
            catalog.guides.append(parsed)
        }
        catalog.guides.sort {
            let a = Guide.Situation.allCases.firstIndex(of: $0.guide.situation) ?? 0
            let b = Guide.Situation.allCases.firstIndex(of: $1.guide.situation) ?? 0
            return (a, $0.guide.order, $0.guide.title) < (b, $1.guide.order, $1.guide.title)
        }
        let (board, observatoryProblems) = ObservatoryParser.parse(files, items: catalog.items, today: today)
        catalog.observatory = board
        problems += observatoryProblems
        let (platforms, platformProblems) = PlatformParser.parse(files, today: today)
        catalog.platforms = PlatformDirectory.platforms(national: platforms, board: board)
        problems += platformProblems
        catalog.items.sort { ($0.item.date, $0.item.id) > ($1.item.date, $1.item.id) }
        catalog.problems = problems.sorted { ($0.path, $0.line) < ($1.path, $1.line) }
        return catalog
    }

    static func parseTags(_ file: ContentFile) -> ([GuichetCore.Tag], [ContentProblem]) {
        var problems: [ContentProblem] = []
        func problem(_ message: String, _ line: Int) {
            problems.append(ContentProblem(path: file.path, line: line, message: message, isBlocking: false))
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: file.text)
        } catch let error as YamlError {
            problems.append(
                ContentProblem(
                    path: file.path, line: FrontMatter.line(of: error), message: FrontMatter.problem(of: error),
                    isBlocking: true))
            return ([], problems)
        } catch {
            return ([], [ContentProblem(path: file.path, line: 1, message: "YAML illisible", isBlocking: true)])
        }
        guard let list = node?.sequence else {
            return ([], [ContentProblem(path: file.path, line: 1, message: "une liste de thèmes est attendue", isBlocking: true)])
        }
        var tags: [GuichetCore.Tag] = []
        var seen: Set<GuichetCore.Tag.ID> = []
        for entry in list {
            let line = entry.mark?.line ?? 1
            guard let mapping = entry.mapping, let idText = mapping["id"]?.string, let label = mapping["label"]?.string,
                !label.isEmpty
            else {
                problem("chaque thème doit avoir « id » et « label »", line)
                continue
            }
            guard let id = Slug(idText) else {
                problem("identifiant de thème invalide : « \(idText) » (minuscules, chiffres et tirets)", line)
                continue
            }
            guard seen.insert(id).inserted else {
                problem("thème « \(id) » déclaré deux fois", line)
                continue
            }
            tags.append(GuichetCore.Tag(id: id, label: label))
        }
        return (tags, problems)
    }
}
