public import GuichetCore
internal import Yams

/// Reads an interview definition (`content/parcours/<id>.yml`, format in docs/interviews.md) into
/// Core's ``InterviewDefinition`` and checks it.
///
/// Pure: given the file's text. Every problem carries the file and line; the definition is returned
/// only when none is found, so that a faulty interview is never run.
public enum InterviewParser {
    /// Whether a content path holds an interview definition: `parcours/<name>.yml`.
    public static func isInterviewPath(_ path: String) -> Bool {
        path.hasPrefix("parcours/") && path.hasSuffix(".yml") && !path.dropFirst("parcours/".count).contains("/")
    }

    /// Parses and validates one file; the definition is `nil` when any problem was found.
    public static func parse(_ file: ContentFile) -> (definition: InterviewDefinition?, problems: [ContentProblem]) {
        var reader = InterviewReader(path: file.path)
        let parsed = reader.read(file.text)
        var problems = reader.problems
        if let parsed {
            let expected = String(file.path.split(separator: "/").last?.dropLast(".yml".count) ?? "")
            if isInterviewPath(file.path), parsed.id.rawValue != expected {
                problems.append(
                    ContentProblem(
                        path: file.path, line: parsed.line,
                        message: "l'identifiant « \(parsed.id) » doit être le nom du fichier (« \(expected) »)",
                        isBlocking: true))
            }
            problems += parsed.validate().map {
                ContentProblem(path: file.path, line: $0.line, message: $0.message, isBlocking: true)
            }
        }
        problems.sort { $0.line < $1.line }
        return (problems.isEmpty ? parsed : nil, problems)
    }
}

/// Walks the YAML tree, collecting problems instead of stopping at the first.
struct InterviewReader {
    let path: String
    var problems: [ContentProblem] = []

    init(path: String) {
        self.path = path
    }

    mutating func report(_ message: String, _ line: Int) {
        problems.append(ContentProblem(path: path, line: max(line, 1), message: message, isBlocking: true))
    }

    mutating func read(_ text: String) -> InterviewDefinition? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            report("YAML illisible : " + FrontMatter.problem(of: error), FrontMatter.line(of: error))
            return nil
        } catch {
            report("YAML illisible", 1)
            return nil
        }
        guard let root, let mapping = root.mapping else {
            report("le parcours doit être un dictionnaire (id, title, steps…)", 1)
            return nil
        }
        let line = root.mark?.line ?? 1
        checkKeys(mapping, allowed: ["id", "title", "summary", "steps", "case_file", "computations", "outcomes"], line)
        guard let idText = string(mapping, "id", line, required: true) else { return nil }
        guard let id = Slug(idText) else {
            report("identifiant de parcours invalide : « \(idText) » (minuscules, chiffres et tirets)", line)
            return nil
        }
        let title = string(mapping, "title", line, required: true) ?? ""
        let summary = string(mapping, "summary", line, required: false)
        var steps: [InterviewStep] = []
        if let list = mapping["steps"]?.sequence {
            for node in list {
                if let step = self.step(node) { steps.append(step) }
            }
        } else {
            report("« steps » : une liste de questions est attendue", line)
        }
        var caseFile: CaseFileMapping?
        if let node = mapping["case_file"] {
            if let fields = node.mapping {
                var values: [String: String] = [:]
                for (key, value) in fields {
                    guard let name = key.string, let variable = value.string else {
                        report("« case_file » : chaque champ associe un nom à une variable", key.mark?.line ?? line)
                        continue
                    }
                    values[name] = variable
                }
                caseFile = CaseFileMapping(fields: values, line: node.mark?.line ?? line)
            } else {
                report("« case_file » : un dictionnaire est attendu", node.mark?.line ?? line)
            }
        }
        var computations: [Computation] = []
        for node in mapping["computations"]?.sequence ?? [] {
            if let computation = self.computation(node) { computations.append(computation) }
        }
        var outcomes: [Outcome] = []
        for node in mapping["outcomes"]?.sequence ?? [] {
            if let outcome = self.outcome(node, idKey: "id") { outcomes.append(outcome) }
        }
        return InterviewDefinition(
            id: id, title: title, summary: summary, steps: steps, caseFile: caseFile, computations: computations,
            outcomes: outcomes, line: line)
    }

    // MARK: - Steps

    mutating func step(_ node: Node) -> InterviewStep? {
        let line = node.mark?.line ?? 1
        guard let mapping = node.mapping else {
            report("chaque étape doit être un dictionnaire", line)
            return nil
        }
        if mapping["stop"] != nil {
            return outcome(node, idKey: "stop").map(InterviewStep.stop)
        }
        return question(node, inGroup: false).map(InterviewStep.question)
    }

    mutating func question(_ node: Node, inGroup: Bool) -> Question? {
        let line = node.mark?.line ?? 1
        guard let mapping = node.mapping else {
            report("chaque question doit être un dictionnaire", line)
            return nil
        }
        let common = ["id", "type", "label", "hint", "required", "when"]
        guard let id = string(mapping, "id", line, required: true) else { return nil }
        let label = string(mapping, "label", line, required: true) ?? ""
        let hint = string(mapping, "hint", line, required: false)
        let required = bool(mapping, "required", line) ?? true
        let condition = self.condition(mapping, line)
        let type = string(mapping, "type", line, required: true) ?? ""
        let kind: QuestionKind
        switch type {
        case "choice":
            checkKeys(mapping, allowed: common + ["choices"], line)
            var choices: [Choice] = []
            for choiceNode in mapping["choices"]?.sequence ?? [] {
                let choiceLine = choiceNode.mark?.line ?? line
                guard let choice = choiceNode.mapping, let value = choice["value"]?.string,
                    let choiceLabel = choice["label"]?.string
                else {
                    report("chaque choix doit avoir « value » et « label »", choiceLine)
                    continue
                }
                checkKeys(choice, allowed: ["value", "label", "hint"], choiceLine)
                choices.append(Choice(value: value, label: choiceLabel, hint: choice["hint"]?.string))
            }
            if mapping["choices"]?.sequence == nil { report("« \(id) » : « choices » est attendu", line) }
            kind = .singleChoice(choices)
        case "department":
            checkKeys(mapping, allowed: common, line)
            kind = .department
        case "date", "datetime":
            checkKeys(mapping, allowed: common + ["min", "max"], line)
            let range = DateRange(earliest: bound(mapping, "min", line), latest: bound(mapping, "max", line))
            kind = type == "date" ? .date(range) : .dateTime(range)
        case "text":
            checkKeys(mapping, allowed: common + ["max_length", "multiline"], line)
            let maximum = mapping["max_length"].flatMap { $0.int } ?? 500
            kind = .text(maxLength: maximum, isMultiline: bool(mapping, "multiline", line) ?? false)
        case "file":
            checkKeys(mapping, allowed: common, line)
            kind = .file
        case "group":
            checkKeys(
                mapping, allowed: common + ["questions", "min_entries", "max_entries", "add_label", "entry_label"],
                line)
            if inGroup { report("un groupe ne peut pas contenir de groupe", line) }
            var questions: [Question] = []
            for sub in mapping["questions"]?.sequence ?? [] {
                if let question = self.question(sub, inGroup: true) { questions.append(question) }
            }
            kind = .group(
                QuestionGroup(
                    questions: questions, minimum: mapping["min_entries"].flatMap { $0.int } ?? 0,
                    maximum: mapping["max_entries"].flatMap { $0.int } ?? 50,
                    addLabel: string(mapping, "add_label", line, required: true) ?? "",
                    entryLabel: string(mapping, "entry_label", line, required: true) ?? ""))
        default:
            report(
                "« \(id) » : type inconnu « \(type) » (choice, department, date, datetime, text, file, group)", line)
            return nil
        }
        return Question(
            id: id, label: label, hint: hint, kind: kind, isRequired: required, condition: condition, line: line)
    }

    // MARK: - Computations and outcomes

    mutating func computation(_ node: Node) -> Computation? {
        let line = node.mark?.line ?? 1
        guard let mapping = node.mapping, let id = string(mapping, "id", line, required: true) else {
            if node.mapping == nil { report("chaque calcul doit être un dictionnaire", line) }
            return nil
        }
        let condition = self.condition(mapping, line)
        if let rule = mapping["deadline"]?.string {
            checkKeys(mapping, allowed: ["id", "deadline", "date", "department", "when"], line)
            guard let date = string(mapping, "date", line, required: true) else { return nil }
            return Computation(
                id: id,
                kind: .deadline(
                    ruleID: rule, dateVariable: date,
                    departmentVariable: string(mapping, "department", line, required: false)),
                condition: condition, line: line)
        }
        if mapping["evidence"] != nil {
            checkKeys(mapping, allowed: ["id", "evidence", "when"], line)
            return Computation(id: id, kind: .evidence, condition: condition, line: line)
        }
        report("calcul « \(id) » : « deadline: <règle> » ou « evidence: true » attendu", line)
        return nil
    }

    mutating func outcome(_ node: Node, idKey: String) -> Outcome? {
        let line = node.mark?.line ?? 1
        guard let mapping = node.mapping, let id = string(mapping, idKey, line, required: true) else { return nil }
        checkKeys(mapping, allowed: [idKey, "when", "title", "text", "deadlines", "documents"], line)
        let paragraphs =
            (mapping["text"]?.string ?? "")
            .split(separator: "\n\n", omittingEmptySubsequences: true)
            .map { $0.split(separator: "\n").map { $0.trimmingCharacters(in: " \t") }.joined(separator: " ") }
            .filter { !$0.isEmpty }
        return Outcome(
            id: id, condition: condition(mapping, line), title: mapping["title"]?.string, paragraphs: paragraphs,
            deadlines: list(mapping, "deadlines", line), documents: list(mapping, "documents", line), line: line)
    }

    // MARK: - Scalars

    mutating func string(_ mapping: Node.Mapping, _ key: String, _ line: Int, required: Bool) -> String? {
        guard let node = mapping[key] else {
            if required { report("clé « \(key) » manquante", line) }
            return nil
        }
        guard let text = node.string, node.scalar != nil else {
            report("« \(key) » : un texte est attendu", node.mark?.line ?? line)
            return nil
        }
        return text
    }

    mutating func bool(_ mapping: Node.Mapping, _ key: String, _ line: Int) -> Bool? {
        guard let node = mapping[key] else { return nil }
        guard let value = node.bool else {
            report("« \(key) » : true ou false attendu", node.mark?.line ?? line)
            return nil
        }
        return value
    }

    mutating func bound(_ mapping: Node.Mapping, _ key: String, _ line: Int) -> DateBound? {
        guard let text = string(mapping, key, line, required: false) else { return nil }
        guard let bound = DateBound(text: text) else {
            report("« \(key) » : AAAA-MM-JJ, today, today+N ou today-N attendu", mapping[key]?.mark?.line ?? line)
            return nil
        }
        return bound
    }

    mutating func list(_ mapping: Node.Mapping, _ key: String, _ line: Int) -> [String] {
        guard let node = mapping[key] else { return [] }
        guard let items = node.sequence else {
            report("« \(key) » : une liste est attendue", node.mark?.line ?? line)
            return []
        }
        return items.compactMap(\.string)
    }

    mutating func condition(_ mapping: Node.Mapping, _ line: Int) -> Condition? {
        guard let text = string(mapping, "when", line, required: false) else { return nil }
        do {
            return try Condition.parse(text)
        } catch {
            report("condition « \(text) » : \(error.message) (position \(error.offset + 1))", mapping["when"]?.mark?.line ?? line)
            return nil
        }
    }

    mutating func checkKeys(_ mapping: Node.Mapping, allowed: [String], _ line: Int) {
        for (key, _) in mapping {
            guard let name = key.string else { continue }
            if !allowed.contains(name) {
                report("clé inconnue : « \(name) » (attendues : \(allowed.joined(separator: ", ")))", key.mark?.line ?? line)
            }
        }
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var s = self
        while let first = s.first, set.contains(first) { s = s.dropFirst() }
        while let last = s.last, set.contains(last) { s = s.dropLast() }
        return String(s)
    }
}
