public import GuichetCore
internal import Yams

/// Reads `content/observatoire/` (docs/observatory.md) and the observatory keys of decision items into an
/// ``Observatory/Board``, reporting each problem with its file and line. Pure, like ``ContentParser``.
enum ObservatoryParser {
    static let nationalPath = "observatoire/national.yml"
    static let departmentFolder = "observatoire/departements/"

    static func isObservatoryPath(_ path: String) -> Bool {
        path.hasPrefix("observatoire/") && (path.hasSuffix(".yml") || path.hasSuffix(".yaml"))
    }

    /// A reader of one YAML file's nodes, collecting problems.
    struct Reader {
        let path: String
        var problems: [ContentProblem] = []
        let today: LocalDate?

        mutating func report(_ message: String, _ node: Node?, fallback: Int = 1) {
            let line = node?.mark.map { $0.line } ?? fallback
            problems.append(ContentProblem(path: path, line: max(1, line), message: message, isBlocking: false))
        }

        mutating func date(_ node: Node?, key: String) -> LocalDate? {
            guard let node else { return nil }
            guard let text = node.string, let date = LocalDate(iso: text) else {
                report("date impossible ou mal écrite pour « \(key) » (AAAA-MM-JJ attendu)", node)
                return nil
            }
            if let today, date > today, key == "checked" { report("« checked » (\(date)) est dans le futur", node) }
            return date
        }

        mutating func unknownKeys(_ mapping: Node.Mapping, allowed: Set<String>, context: String) {
            for (key, _) in mapping where !allowed.contains(key.string ?? "") {
                report("clé inconnue « \(key.string ?? "") » dans \(context) (voir docs/observatory.md)", key)
            }
        }

        mutating func sources(_ node: Node?, required: Bool, context: String, anchor: Node?) -> [Observatory.Source] {
            guard let node else {
                if required { report("\(context) : fait sans source (« sources » : liste de { title, url, checked })", anchor) }
                return []
            }
            guard let sequence = node.sequence, !sequence.isEmpty else {
                report("\(context) : « sources » doit être une liste non vide de { title, url, checked }", node)
                return []
            }
            var sources: [Observatory.Source] = []
            for entry in sequence {
                guard let mapping = entry.mapping, let title = mapping["title"]?.string, !title.isEmpty,
                    let url = mapping["url"]?.string
                else {
                    report("\(context) : source sans « title » ou « url »", entry)
                    continue
                }
                guard url.hasPrefix("https://") || url.hasPrefix("http://"), !url.contains(" ") else {
                    report("\(context) : adresse de source invalide « \(url) »", entry)
                    continue
                }
                guard let checkedNode = mapping["checked"] else {
                    report("\(context) : source sans date de vérification « checked » : \(url)", entry)
                    continue
                }
                guard let checked = date(checkedNode, key: "checked") else { continue }
                sources.append(Observatory.Source(title: title, url: url, checked: checked))
            }
            if required && sources.isEmpty && !sequence.isEmpty { return [] }
            return sources
        }

        mutating func fact(_ node: Node, procedure: Observatory.Procedure) -> Observatory.Fact? {
            let context = "« \(procedure.rawValue) »"
            guard let mapping = node.mapping else {
                report("\(context) doit être une liste de clés (channel, alternative, sources…)", node)
                return nil
            }
            unknownKeys(mapping, allowed: ["channel", "alternative", "as_of", "booking_url", "note", "sources"], context: context)
            guard let channelText = mapping["channel"]?.string else {
                report("\(context) : « channel » manquant", node)
                return nil
            }
            guard let channel = Observatory.Channel(rawValue: channelText) else {
                let allowed = Observatory.Channel.allCases.map(\.rawValue).joined(separator: ", ")
                report("\(context) : canal inconnu « \(channelText) » (attendu : \(allowed))", mapping["channel"])
                return nil
            }
            let alternativeText = mapping["alternative"]?.string ?? "inconnu"
            guard let alternative = Observatory.Alternative(rawValue: alternativeText) else {
                report("\(context) : « alternative » doit valoir oui, non ou inconnu (pas « \(alternativeText) »)", mapping["alternative"])
                return nil
            }
            let asOf = date(mapping["as_of"], key: "as_of")
            var bookingURL: String? = nil
            if let node = mapping["booking_url"] {
                if let url = node.string, url.hasPrefix("https://"), !url.contains(" ") {
                    bookingURL = url
                } else {
                    report("\(context) : « booking_url » doit être une adresse https://", node)
                }
            }
            let known = channel != .unknown || alternative != .unknown
            let sources = self.sources(mapping["sources"], required: known, context: context, anchor: node)
            if known && sources.isEmpty { return nil }
            return Observatory.Fact(
                channel: channel, alternative: alternative, asOf: asOf, bookingURL: bookingURL,
                note: mapping["note"]?.string, sources: sources)
        }

        mutating func procedures(_ node: Node?) -> [Observatory.Procedure: Observatory.Fact] {
            guard let node else { return [:] }
            guard let mapping = node.mapping else {
                report("« procedures » doit associer une procédure à ses faits", node)
                return [:]
            }
            var facts: [Observatory.Procedure: Observatory.Fact] = [:]
            for (key, value) in mapping {
                guard let procedure = key.string.flatMap(Observatory.Procedure.init(rawValue:)) else {
                    let allowed = Observatory.Procedure.allCases.map(\.rawValue).joined(separator: ", ")
                    report("procédure inconnue « \(key.string ?? "") » (attendu : \(allowed))", key)
                    continue
                }
                if let fact = fact(value, procedure: procedure) { facts[procedure] = fact }
            }
            return facts
        }
    }

    static func compose(_ file: ContentFile) -> (Node.Mapping?, ContentProblem?) {
        do {
            guard let mapping = try Yams.compose(yaml: file.text)?.mapping else {
                return (nil, ContentProblem(path: file.path, line: 1, message: "une liste de clés YAML est attendue", isBlocking: true))
            }
            return (mapping, nil)
        } catch let error as YamlError {
            return (nil, ContentProblem(path: file.path, line: FrontMatter.line(of: error), message: "YAML invalide : \(FrontMatter.problem(of: error))", isBlocking: true))
        } catch {
            return (nil, ContentProblem(path: file.path, line: 1, message: "YAML illisible", isBlocking: true))
        }
    }

    /// The board, or `nil` when the content has no `observatoire/` folder.
    static func parse(_ files: [ContentFile], items: [ParsedItem], today: LocalDate?) -> (Observatory.Board?, [ContentProblem]) {
        let observatoryFiles = files.filter { isObservatoryPath($0.path) && $0.path != PlatformParser.path }
        guard !observatoryFiles.isEmpty else { return (nil, []) }
        var problems: [ContentProblem] = []
        var national: [Observatory.Procedure: Observatory.Fact] = [:]
        var checked = LocalDate(year: 1970, month: 1, day: 1)!
        var departments: [String: Observatory.DepartmentRecord] = [:]
        let known = Set(Department.all.map(\.code))

        for file in observatoryFiles.sorted(by: { $0.path < $1.path }) {
            let (mapping, problem) = compose(file)
            if let problem { problems.append(problem) }
            guard let mapping else { continue }
            var reader = Reader(path: file.path, today: today)
            if file.path == nationalPath {
                reader.unknownKeys(mapping, allowed: ["checked", "procedures"], context: "national.yml")
                if let date = reader.date(mapping["checked"], key: "checked") { checked = date } else if mapping["checked"] == nil {
                    reader.report("champ « checked » manquant", nil)
                }
                national = reader.procedures(mapping["procedures"])
            } else if file.path.hasPrefix(departmentFolder), !file.path.dropFirst(departmentFolder.count).contains("/") {
                let stem = String(file.path.dropFirst(departmentFolder.count).split(separator: ".").first ?? "")
                reader.unknownKeys(mapping, allowed: ["department", "checked", "prefecture", "sub_prefectures", "procedures"], context: stem + ".yml")
                guard known.contains(stem) else {
                    reader.report("département inconnu « \(stem) » (le nom du fichier doit être un code du tableau des tribunaux)", nil)
                    problems += reader.problems
                    continue
                }
                if mapping["department"]?.string != stem {
                    reader.report("« department » doit valoir « \(stem) », le nom du fichier", mapping["department"])
                }
                let departmentChecked = reader.date(mapping["checked"], key: "checked")
                if mapping["checked"] == nil { reader.report("champ « checked » manquant", nil) }
                var town: String? = nil
                var townSources: [Observatory.Source] = []
                if let prefecture = mapping["prefecture"]?.mapping {
                    reader.unknownKeys(prefecture, allowed: ["town", "sources"], context: "« prefecture »")
                    town = prefecture["town"]?.string
                    townSources = reader.sources(prefecture["sources"], required: town != nil, context: "« prefecture »", anchor: mapping["prefecture"])
                    if townSources.isEmpty { town = nil }
                }
                var subs: [Observatory.SubPrefecture] = []
                for entry in mapping["sub_prefectures"]?.sequence ?? [] {
                    guard let sub = entry.mapping, let name = sub["name"]?.string else {
                        reader.report("sous-préfecture sans « name »", entry)
                        continue
                    }
                    let receives = Observatory.Alternative(rawValue: sub["receives_foreigners"]?.string ?? "inconnu") ?? .unknown
                    let sources = reader.sources(sub["sources"], required: receives != .unknown, context: "« \(name) »", anchor: entry)
                    subs.append(Observatory.SubPrefecture(name: name, town: sub["town"]?.string, receivesForeigners: sources.isEmpty ? .unknown : receives, sources: sources))
                }
                let facts = reader.procedures(mapping["procedures"])
                departments[stem] = Observatory.DepartmentRecord(
                    code: stem, checked: departmentChecked ?? checked, prefectureTown: town, prefectureSources: townSources,
                    subPrefectures: subs, procedures: facts)
            } else {
                reader.report("fichier inattendu dans observatoire/ (national.yml ou departements/<code>.yml)", nil)
            }
            problems += reader.problems
        }
        for code in known.sorted() where departments[code] == nil {
            problems.append(ContentProblem(path: departmentFolder + code + ".yml", line: 1, message: "fichier du département \(code) absent", isBlocking: false))
        }
        if !observatoryFiles.contains(where: { $0.path == nationalPath }) {
            problems.append(ContentProblem(path: nationalPath, line: 1, message: "règles nationales absentes", isBlocking: false))
        }
        let (decisions, decisionProblems) = decisionLinks(files, items: items, known: known)
        problems += decisionProblems
        return (Observatory.Board(checked: checked, national: national, departments: departments, decisions: decisions), problems)
    }

    /// The observatory keys of decision items (`departments`, `procedures`, `outcome`, `outcome_note`).
    static func decisionLinks(_ files: [ContentFile], items: [ParsedItem], known: Set<String>) -> ([Observatory.DecisionLink], [ContentProblem]) {
        var links: [Observatory.DecisionLink] = []
        var problems: [ContentProblem] = []
        let texts = Dictionary(files.map { ($0.path, $0.text) }, uniquingKeysWith: { first, _ in first })
        for parsed in items where parsed.item.kind == .decision {
            guard let text = texts[parsed.path], let front = try? FrontMatter.split(text) else { continue }
            guard front.fields["outcome"] != nil || front.fields["departments"] != nil || front.fields["procedures"] != nil else { continue }
            func problem(_ message: String, _ key: String) {
                problems.append(ContentProblem(path: parsed.path, line: front.fields[key]?.line ?? 1, message: message, isBlocking: false))
            }
            var departments: [String] = []
            if let field = front.fields["departments"] {
                for node in field.node.sequence ?? [] {
                    guard let code = node.string, known.contains(code) else {
                        problem("département inconnu « \(node.string ?? "") » dans « departments »", "departments")
                        continue
                    }
                    departments.append(code)
                }
                if field.node.sequence == nil { problem("« departments » doit être une liste de codes", "departments") }
            }
            var procedures: [Observatory.Procedure] = []
            for node in front.fields["procedures"]?.node.sequence ?? [] {
                guard let procedure = node.string.flatMap(Observatory.Procedure.init(rawValue:)) else {
                    problem("procédure inconnue « \(node.string ?? "") » dans « procedures »", "procedures")
                    continue
                }
                procedures.append(procedure)
            }
            let outcomeText = front.fields["outcome"]?.node.string ?? "inconnu"
            let outcome = Observatory.DecisionLink.Outcome(rawValue: outcomeText)
            if outcome == nil { problem("« outcome » doit valoir favorable, defavorable, partiel ou inconnu (pas « \(outcomeText) »)", "outcome") }
            links.append(
                Observatory.DecisionLink(
                    itemID: parsed.item.id, title: parsed.item.title, date: parsed.item.date, departments: departments,
                    procedures: procedures, outcome: outcome ?? .unknown, outcomeNote: front.fields["outcome_note"]?.node.string))
        }
        return (links, problems)
    }
}
