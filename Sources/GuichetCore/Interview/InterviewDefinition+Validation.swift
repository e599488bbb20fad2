/// A mistake in an interview definition, with its line in the file.
public struct InterviewProblem: Sendable, Equatable, CustomStringConvertible {
    /// What kind of mistake.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// Two questions, computations or outcomes with the same identifier.
        case duplicateID = "duplicate-id"
        /// An identifier that is not `[a-z][a-z0-9_]*` (a slug for outcomes), or a keyword.
        case invalidName = "invalid-name"
        /// A condition or computation names a variable that does not exist.
        case unknownVariable = "unknown-variable"
        /// A condition compares with a choice that the question does not offer.
        case unknownChoice = "unknown-choice"
        /// A variable used where its kind does not fit (a date compared with `<` that is a text…).
        case wrongType = "wrong-type"
        /// A condition reads a question asked later (the format has no jumps: this is how a cycle shows).
        case forwardReference = "forward-reference"
        /// Computations whose conditions depend on each other.
        case cycle
        /// A question that can never be asked.
        case unreachableQuestion = "unreachable-question"
        /// An outcome that no answers can lead to.
        case unreachableOutcome = "unreachable-outcome"
        /// A deadline rule the engine does not know.
        case unknownRule = "unknown-rule"
        /// A document that does not exist.
        case unknownDocument = "unknown-document"
        /// An outcome shows a deadline that is not a deadline computation.
        case unknownDeadline = "unknown-deadline"
        /// Anything else malformed (empty choices, a group inside a group, a bad case-file mapping).
        case invalidDefinition = "invalid-definition"
    }

    /// What kind of mistake.
    public let kind: Kind
    /// 1-based line in the definition file (0 when unknown).
    public let line: Int
    /// What is wrong, in French, for editors.
    public let message: String

    /// Creates a problem.
    public init(_ kind: Kind, line: Int, _ message: String) {
        self.kind = kind
        self.line = line
        self.message = message
    }

    /// `line: message`.
    public var description: String { "\(line): \(message)" }
}

extension InterviewDefinition {
    /// Checks the definition as a whole; an empty list means it can be run.
    ///
    /// Reported: duplicate or malformed identifiers; unknown variables, choices, rules, documents and
    /// deadlines; variables of the wrong kind; conditions that read a later question (the format has no
    /// jumps, so this is the only way to make a cycle between questions) and computations that depend on
    /// each other; questions that can never be asked (a choice condition that cannot hold, or a stop
    /// without condition before them); outcomes that no answers lead to.
    public func validate() -> [InterviewProblem] {
        var checker = DefinitionChecker(definition: self)
        checker.run()
        return checker.problems.sorted { ($0.line, $0.kind.rawValue) < ($1.line, $1.kind.rawValue) }
    }
}

private struct DefinitionChecker {
    let definition: InterviewDefinition
    var problems: [InterviewProblem] = []
    /// Top-level question name → position in `steps`.
    var positions: [String: Int] = [:]
    /// Sub-question name → (group name, position in the group).
    var subPositions: [String: (group: String, index: Int)] = [:]

    init(definition: InterviewDefinition) {
        self.definition = definition
    }

    mutating func report(_ kind: InterviewProblem.Kind, _ line: Int, _ message: String) {
        problems.append(InterviewProblem(kind, line: line, message))
    }

    mutating func run() {
        checkNames()
        checkQuestions()
        checkComputations()
        checkMapping()
        checkOutcomes()
        checkReachability()
    }

    // MARK: - Names

    mutating func checkNames() {
        var seen: [String: Int] = [:]
        func claim(_ name: String, _ line: Int, into seen: inout [String: Int], checker: inout DefinitionChecker) {
            if !Condition.isVariableName(name) {
                checker.report(.invalidName, line, "identifiant invalide : « \(name) » (minuscules, chiffres et _)")
            }
            if let first = seen[name] {
                checker.report(.duplicateID, line, "identifiant « \(name) » déjà utilisé ligne \(first)")
            } else {
                seen[name] = line
            }
        }
        for (index, step) in definition.steps.enumerated() {
            guard case .question(let question) = step else { continue }
            claim(question.id, question.line, into: &seen, checker: &self)
            positions[question.id] = positions[question.id] ?? index
            if case .group(let group) = question.kind {
                for (subIndex, sub) in group.questions.enumerated() {
                    claim(sub.id, sub.line, into: &seen, checker: &self)
                    subPositions[sub.id] = subPositions[sub.id] ?? (question.id, subIndex)
                }
            }
        }
        for computation in definition.computations {
            claim(computation.id, computation.line, into: &seen, checker: &self)
        }
        var outcomes: [String: Int] = [:]
        let all =
            definition.steps.compactMap { step -> Outcome? in
                if case .stop(let outcome) = step { return outcome }
                return nil
            } + definition.outcomes
        for outcome in all {
            if Slug(outcome.id) == nil {
                report(.invalidName, outcome.line, "identifiant de résultat invalide : « \(outcome.id) »")
            }
            if let first = outcomes[outcome.id] {
                report(.duplicateID, outcome.line, "résultat « \(outcome.id) » déjà défini ligne \(first)")
            } else {
                outcomes[outcome.id] = outcome.line
            }
        }
    }

    // MARK: - Questions and conditions

    mutating func checkQuestions() {
        for (index, step) in definition.steps.enumerated() {
            switch step {
            case .stop(let outcome):
                checkCondition(outcome.condition, line: outcome.line, position: index, group: nil)
            case .question(let question):
                checkKind(question)
                checkCondition(question.condition, line: question.line, position: index, group: nil)
                if case .group(let group) = question.kind {
                    for (subIndex, sub) in group.questions.enumerated() {
                        checkKind(sub)
                        if case .group = sub.kind {
                            report(.invalidDefinition, sub.line, "un groupe ne peut pas contenir de groupe")
                        }
                        checkCondition(
                            sub.condition, line: sub.line, position: index, group: (question.id, subIndex))
                    }
                    if group.questions.isEmpty {
                        report(.invalidDefinition, question.line, "le groupe « \(question.id) » n'a aucune question")
                    }
                    if group.minimum < 0 || group.maximum < 1 || group.minimum > group.maximum {
                        report(
                            .invalidDefinition, question.line,
                            "bornes du groupe « \(question.id) » incohérentes (minimum \(group.minimum), maximum "
                                + "\(group.maximum))")
                    }
                }
            }
        }
    }

    mutating func checkKind(_ question: Question) {
        switch question.kind {
        case .singleChoice(let choices):
            if choices.isEmpty { report(.invalidDefinition, question.line, "« \(question.id) » : aucun choix proposé") }
            var values: Set<String> = []
            for choice in choices {
                if Slug(choice.value) == nil {
                    report(.invalidName, question.line, "valeur de choix invalide : « \(choice.value) »")
                }
                if !values.insert(choice.value).inserted {
                    report(.duplicateID, question.line, "choix « \(choice.value) » en double dans « \(question.id) »")
                }
            }
        case .text(let maximum, _):
            if maximum < 1 { report(.invalidDefinition, question.line, "« \(question.id) » : longueur maximale invalide") }
        case .date(let range), .dateTime(let range):
            if case .fixed(let low)? = range.earliest, case .fixed(let high)? = range.latest, low > high {
                report(.invalidDefinition, question.line, "« \(question.id) » : date minimale après la date maximale")
            }
        case .department, .file, .group:
            break
        }
    }

    /// What a name refers to.
    enum Target {
        case question(Question)
        case computation(Computation)
    }

    func target(_ name: String) -> Target? {
        if let question = definition.question(named: name) { return .question(question) }
        if let computation = definition.computation(named: name) { return .computation(computation) }
        return nil
    }

    /// Top-level step positions a computation's value depends on (its inputs, recursively).
    func dependencies(of computation: Computation, visiting: Set<String> = []) -> [String] {
        guard !visiting.contains(computation.id) else { return [] }
        var names: [String] = []
        switch computation.kind {
        case .deadline(_, let date, let department): names = [date] + (department.map { [$0] } ?? [])
        case .evidence: names = (definition.caseFile?.fields ?? [:]).values.filter { !$0.hasPrefix("=") }
        }
        for reference in computation.condition?.references ?? [] {
            if let inner = definition.computation(named: reference.name) {
                names += dependencies(of: inner, visiting: visiting.union([computation.id]))
            } else {
                names.append(reference.name)
            }
        }
        return names
    }

    /// Checks every reference of a condition; `position` is the step index it sits at (`nil`: an outcome
    /// or a computation, which see every answer); `group` the enclosing group and sub-question index.
    mutating func checkCondition(
        _ condition: Condition?, line: Int, position: Int?, group: (name: String, index: Int)?
    ) {
        guard let condition else { return }
        for reference in condition.references {
            guard let target = target(reference.name) else {
                report(.unknownVariable, line, "variable inconnue dans la condition : « \(reference.name) »")
                continue
            }
            if let position {
                let inputs: [String]
                switch target {
                case .question: inputs = [reference.name]
                case .computation(let computation): inputs = dependencies(of: computation)
                }
                for input in inputs where !isAvailable(input, position: position, group: group) {
                    report(
                        .forwardReference, line,
                        "la condition lit « \(input) », qui n'est demandé qu'après cette question"
                            + (input == reference.name ? "" : " (par le calcul « \(reference.name) »)"))
                }
            }
            switch target {
            case .question:
                if reference.property != nil {
                    report(.wrongType, line, "« \(reference) » : seules les échéances calculées ont des propriétés")
                }
            case .computation(let computation):
                if let property = reference.property {
                    guard case .deadline = computation.kind, ["fin", "ouverture", "suivant"].contains(property) else {
                        report(.wrongType, line, "propriété inconnue : « \(reference) » (fin, ouverture, suivant)")
                        continue
                    }
                }
            }
        }
        for (reference, literal) in condition.literals {
            guard let target = target(reference.name) else { continue }
            switch target {
            case .question(let question):
                switch question.kind {
                case .singleChoice(let choices):
                    if !choices.contains(where: { $0.value == literal }) {
                        report(
                            .unknownChoice, line,
                            "« \(literal) » n'est pas un choix de « \(question.id) » ("
                                + choices.map(\.value).joined(separator: ", ") + ")")
                    }
                case .department:
                    if Department.lookup(literal) == nil {
                        report(.unknownChoice, line, "« \(literal) » n'est pas un département")
                    }
                case .date, .dateTime:
                    if LocalDate(iso: literal) == nil {
                        report(.wrongType, line, "« \(question.id) » est une date : « \(literal) » n'en est pas une")
                    }
                case .file, .group:
                    report(.wrongType, line, "« \(question.id) » ne se compare pas à une valeur")
                case .text:
                    break
                }
            case .computation(let computation):
                switch computation.kind {
                case .evidence:
                    if EvidenceVerdict(rawValue: literal) == nil {
                        report(
                            .unknownChoice, line,
                            "« \(literal) » n'est pas un verdict (insuffisant, recevable, solide)")
                    }
                case .deadline:
                    if LocalDate(iso: literal) == nil {
                        report(.wrongType, line, "« \(computation.id) » est une date : « \(literal) » n'en est pas une")
                    }
                }
            }
        }
        checkDateTerms(condition, line: line)
    }

    mutating func checkDateTerms(_ condition: Condition, line: Int) {
        switch condition {
        case .compare(let lhs, _, let rhs):
            for reference in [lhs.reference, rhs.reference].compactMap({ $0 }) {
                switch target(reference.name) {
                case .question(let question)?:
                    switch question.kind {
                    case .date, .dateTime: break
                    default: report(.wrongType, line, "« \(reference.name) » n'est pas une date")
                    }
                case .computation(let computation)?:
                    if case .evidence = computation.kind {
                        report(.wrongType, line, "« \(reference.name) » n'est pas une date")
                    }
                case nil:
                    break
                }
            }
        case .not(let inner): checkDateTerms(inner, line: line)
        case .all(let items), .any(let items): for item in items { checkDateTerms(item, line: line) }
        case .isPresent, .equals, .notEquals, .isIn: break
        }
    }

    /// Whether `name` is answered before step `position` (or before sub-question `group.index`).
    func isAvailable(_ name: String, position: Int, group: (name: String, index: Int)?) -> Bool {
        if let top = positions[name] { return top < position }
        if let sub = subPositions[name] {
            guard let group, sub.group == group.name else { return false }
            return sub.index < group.index
        }
        return true  // unknown names are reported elsewhere
    }

    // MARK: - Computations

    mutating func checkComputations() {
        for computation in definition.computations {
            checkCondition(computation.condition, line: computation.line, position: nil, group: nil)
            switch computation.kind {
            case .deadline(let ruleID, let dateVariable, let departmentVariable):
                if DeadlineRule.named(ruleID) == nil {
                    report(.unknownRule, computation.line, "règle de délai inconnue : « \(ruleID) »")
                }
                switch definition.question(named: dateVariable)?.kind {
                case nil: report(.unknownVariable, computation.line, "variable inconnue : « \(dateVariable) »")
                case .date?, .dateTime?: break
                default: report(.wrongType, computation.line, "« \(dateVariable) » n'est pas une date")
                }
                if let departmentVariable {
                    switch definition.question(named: departmentVariable)?.kind {
                    case nil:
                        report(.unknownVariable, computation.line, "variable inconnue : « \(departmentVariable) »")
                    case .department?: break
                    default: report(.wrongType, computation.line, "« \(departmentVariable) » n'est pas un département")
                    }
                }
            case .evidence:
                if definition.caseFile == nil {
                    report(
                        .invalidDefinition, computation.line,
                        "le calcul de suffisance « \(computation.id) » demande une section « case_file »")
                }
            }
        }
        // Cycles between computations through their conditions.
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        var cycles: [(Computation, String)] = []
        let computations = definition.computations
        func visit(_ computation: Computation) {
            state[computation.id] = 1
            for reference in computation.condition?.references ?? [] {
                guard let next = computations.first(where: { $0.id == reference.name }) else { continue }
                switch state[next.id] {
                case 1?: cycles.append((computation, next.id))
                case nil: visit(next)
                default: break
                }
            }
            state[computation.id] = 2
        }
        for computation in computations where state[computation.id] == nil { visit(computation) }
        for (computation, other) in cycles {
            report(.cycle, computation.line, "cycle entre les calculs « \(computation.id) » et « \(other) »")
        }
    }

    // MARK: - Case-file mapping

    mutating func checkMapping() {
        guard let mapping = definition.caseFile else { return }
        for (field, name) in mapping.fields.sorted(by: { $0.key < $1.key }) {
            guard let expected = CaseFileMapping.knownFields[field] else {
                report(.invalidDefinition, mapping.line, "champ du dossier inconnu : « \(field) »")
                continue
            }
            if let constant = mapping.constant(field) {
                if let allowed = CaseFileMapping.constantValues[field] {
                    if !allowed.contains(constant) {
                        report(
                            .unknownChoice, mapping.line,
                            "case_file.\(field) : valeur « \(constant) » inconnue (valeurs possibles : "
                                + allowed.joined(separator: ", ") + ")")
                    }
                } else {
                    report(.invalidDefinition, mapping.line, "case_file.\(field) : une constante n'est pas permise ici")
                }
                continue
            }
            guard let question = definition.question(named: name) else {
                report(.unknownVariable, mapping.line, "case_file.\(field) : variable inconnue « \(name) »")
                continue
            }
            if question.kind.name != expected {
                report(.wrongType, mapping.line, "case_file.\(field) : « \(name) » doit être de type « \(expected) »")
                continue
            }
            if field == "attempts", case .group(let group) = question.kind {
                checkEntries(
                    group, name: name, fields: CaseFileMapping.attemptFields, required: 3,
                    values: [
                        "channel": AttemptChannel.allCases.map(\.rawValue),
                        "outcome": AttemptOutcome.allCases.map(\.rawValue),
                    ])
            }
            if field == "letters", case .group(let group) = question.kind {
                checkEntries(
                    group, name: name, fields: CaseFileMapping.letterFields, required: 2,
                    values: ["kind": LetterKind.allCases.map(\.rawValue)])
            }
            if field == "decision_authority", case .singleChoice(let choices) = question.kind {
                for choice in choices where DecisionAuthority(rawValue: choice.value) == nil {
                    report(
                        .unknownChoice, question.line,
                        "« \(choice.value) » n'est pas une autorité connue du dossier (valeurs possibles : "
                            + DecisionAuthority.allCases.map(\.rawValue).joined(separator: ", ") + ")")
                }
            }
            if field == "procedure", case .singleChoice(let choices) = question.kind {
                for choice in choices where Procedure(rawValue: choice.value) == nil {
                    report(
                        .unknownChoice, question.line,
                        "« \(choice.value) » n'est pas une démarche connue du dossier (elle sera classée « autre »)")
                }
            }
        }
    }

    mutating func checkEntries(
        _ group: QuestionGroup, name: String, fields: [(name: String, kind: String)], required: Int,
        values: [String: [String]]
    ) {
        for field in fields.prefix(required) where !group.questions.contains(where: { $0.id == field.name }) {
            report(
                .invalidDefinition, definition.caseFile?.line ?? 0,
                "le groupe « \(name) » doit contenir « \(field.name) »")
        }
        for sub in group.questions {
            if let kind = fields.first(where: { $0.name == sub.id })?.kind, sub.kind.name != kind {
                report(.wrongType, sub.line, "« \(sub.id) » doit être de type « \(kind) »")
            }
            if let allowed = values[sub.id], case .singleChoice(let choices) = sub.kind {
                for choice in choices where !allowed.contains(choice.value) {
                    report(
                        .unknownChoice, sub.line,
                        "« \(choice.value) » n'est pas une valeur de « \(sub.id) » ("
                            + allowed.joined(separator: ", ") + ")")
                }
            }
        }
    }

    // MARK: - Outcomes

    mutating func checkOutcomes() {
        let all =
            definition.steps.compactMap { step -> Outcome? in
                if case .stop(let outcome) = step { return outcome }
                return nil
            } + definition.outcomes
        for outcome in all {
            if definition.outcomes.contains(outcome) {
                checkCondition(outcome.condition, line: outcome.line, position: nil, group: nil)
            }
            for id in outcome.deadlines {
                guard case .deadline? = definition.computation(named: id)?.kind else {
                    report(.unknownDeadline, outcome.line, "« \(id) » n'est pas une échéance calculée")
                    continue
                }
            }
            for document in outcome.documents where DocumentKind(rawValue: document) == nil {
                report(
                    .unknownDocument, outcome.line,
                    "document inconnu : « \(document) » ("
                        + DocumentKind.allCases.map(\.rawValue).joined(separator: ", ") + ")")
            }
        }
    }

    // MARK: - Reachability

    /// Questions and outcomes checked by trying every combination of the choices they depend on (other
    /// answers unknown): one that is false under all of them can never be asked or shown.
    mutating func checkReachability() {
        var stopsBefore: [Outcome] = []
        for step in definition.steps {
            switch step {
            case .stop(let outcome):
                if !canHold(outcome.condition, after: stopsBefore) {
                    report(.unreachableOutcome, outcome.line, "la fin « \(outcome.id) » ne peut jamais être atteinte")
                }
                stopsBefore.append(outcome)
            case .question(let question):
                if !canHold(question.condition, after: stopsBefore) {
                    let unconditional = stopsBefore.first { $0.condition == nil }
                    report(
                        .unreachableQuestion, question.line,
                        "la question « \(question.id) » ne peut jamais être posée"
                            + (unconditional.map { " (elle suit la fin sans condition « \($0.id) »)" } ?? ""))
                    continue
                }
                if case .group(let group) = question.kind {
                    for sub in group.questions where !canHold(.all([question.condition, sub.condition].compactMap { $0 }), after: stopsBefore) {
                        report(.unreachableQuestion, sub.line, "la question « \(sub.id) » ne peut jamais être posée")
                    }
                }
            }
        }
        for outcome in definition.outcomes where !canHold(outcome.condition, after: []) {
            report(.unreachableOutcome, outcome.line, "le résultat « \(outcome.id) » ne peut jamais être affiché")
        }
    }

    /// The finite domain of a variable (its values, `nil` = absent), when it has one.
    func domain(_ name: String) -> [ConditionValue?]? {
        if let question = definition.question(named: name), case .singleChoice(let choices) = question.kind {
            return choices.map { .text($0.value) } + [nil]
        }
        if case .evidence? = definition.computation(named: name)?.kind {
            return EvidenceVerdict.allCases.map { .text($0.rawValue) } + [nil]
        }
        if definition.question(named: name) != nil {
            // Any other answer: given (value unknown) or absent.
            return [Self.someValue, nil]
        }
        return nil
    }

    /// Stands for an answer whose value is not enumerated (a date, a text): present, value unknown.
    static let someValue = ConditionValue.text("\u{0}")

    /// The condition of the question asking `name`, plus its group's.
    func askCondition(_ name: String) -> Condition? {
        if let sub = subPositions[name] {
            let groupCondition = definition.question(named: sub.group)?.condition
            let own = definition.question(named: name)?.condition
            let both = [groupCondition, own].compactMap { $0 }
            return both.isEmpty ? nil : .all(both)
        }
        return definition.question(named: name)?.condition
    }

    /// Whether some combination of finite-domain answers makes `condition` true (or unknown) while no
    /// earlier stop surely ends the interview.
    func canHold(_ condition: Condition?, after stops: [Outcome]) -> Bool {
        if stops.contains(where: { $0.condition == nil }) { return false }
        // Variables to enumerate: those of the condition and of the stops, and those their questions depend on.
        var names: [String] = []
        var queue = ((condition?.references ?? []) + stops.flatMap { $0.condition?.references ?? [] }).map(\.name)
        while let name = queue.first {
            queue.removeFirst()
            guard !names.contains(name), domain(name) != nil else { continue }
            names.append(name)
            queue += askCondition(name)?.references.map(\.name) ?? []
        }
        var combinations = 1
        var enumerated: [(String, [ConditionValue?])] = []
        for name in names {
            guard let values = domain(name), combinations * values.count <= 4096 else { continue }
            combinations *= values.count
            enumerated.append((name, values))
        }
        var assignment: [String: ConditionValue?] = [:]
        func lookup(_ reference: Reference) -> Knowledge {
            guard reference.property == nil, let value = assignment[reference.name] else { return .unknown }
            return value == Self.someValue ? .unknown : .known(value)
        }
        let today = LocalDate(daysSinceEpoch: 20_000)
        func search(_ index: Int) -> Bool {
            if index == enumerated.count {
                // Consistency: a variable holding a value must be askable under the assignment.
                for (name, value) in assignment where value != nil {
                    if askCondition(name)?.truth(today: today, lookup) == .no { return false }
                }
                for stop in stops where stop.condition?.truth(today: today, lookup) == .yes { return false }
                return (condition?.truth(today: today, lookup) ?? .yes) != .no
            }
            let (name, values) = enumerated[index]
            for value in values {
                assignment[name] = .some(value)
                if search(index + 1) { return true }
            }
            assignment[name] = nil
            return false
        }
        return search(0)
    }
}
