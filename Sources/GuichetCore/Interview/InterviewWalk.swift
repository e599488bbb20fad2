/// One pass over a definition with a set of answers: the relevant screens in order, the answers that
/// count, the first screen still unanswered and the terminal stop reached.
struct Walk {
    let definition: InterviewDefinition
    let today: LocalDate
    private(set) var screens: [ScreenID] = []
    private(set) var effective = Answers()
    private(set) var firstMissing: ScreenID?
    private(set) var stop: Outcome?

    init(definition: InterviewDefinition, answers: Answers, today: LocalDate) {
        self.definition = definition
        self.today = today
        steps: for step in definition.steps {
            switch step {
            case .stop(let outcome):
                if holds(outcome.condition, scope: nil) {
                    stop = outcome
                    break steps
                }
            case .question(let question):
                guard holds(question.condition, scope: nil) else { continue }
                if case .group(let spec) = question.kind {
                    walkGroup(question, spec, answers.group(question.id))
                } else {
                    let screen = ScreenID.question(question.id)
                    screens.append(screen)
                    if let value = answers[question.id] {
                        effective[question.id] = value
                    } else if firstMissing == nil {
                        firstMissing = screen
                    }
                }
            }
        }
    }

    private mutating func walkGroup(_ question: Question, _ spec: QuestionGroup, _ stored: GroupAnswer) {
        let count = min(max(stored.entries.count, spec.minimum), spec.maximum)
        var entries: [Answers] = []
        for index in 0..<count {
            let entry = index < stored.entries.count ? stored.entries[index] : Answers()
            var kept = Answers()
            for sub in spec.questions where holds(sub.condition, scope: kept) {
                let screen = ScreenID.entry(group: question.id, index: index, question: sub.id)
                screens.append(screen)
                if let value = entry[sub.id] {
                    kept[sub.id] = value
                } else if firstMissing == nil {
                    firstMissing = screen
                }
            }
            entries.append(kept)
        }
        let isClosed = count >= spec.maximum || (stored.isClosed && stored.entries.count <= count)
        if count < spec.maximum {
            let screen = ScreenID.addEntry(group: question.id, count: count)
            screens.append(screen)
            if !isClosed, firstMissing == nil { firstMissing = screen }
        }
        effective[question.id] = .group(GroupAnswer(entries: entries, isClosed: isClosed))
    }

    private func holds(_ condition: Condition?, scope: Answers?) -> Bool {
        guard let condition else { return true }
        let evaluator = Evaluator(definition: definition, answers: effective, today: today)
        return condition.holds(today: today) { evaluator.value(of: $0, scope: scope, visiting: []) }
    }
}

/// Reads variables for conditions, computing values on demand from the relevant answers.
struct Evaluator {
    let definition: InterviewDefinition
    let answers: Answers
    let today: LocalDate

    /// The value of `reference`: an entry's sub-answer (`scope`), a top-level answer, or a computation.
    func value(of reference: Reference, scope: Answers?, visiting: Set<String>) -> ConditionValue? {
        if let scope, let stored = scope[reference.name] { return Self.conditionValue(stored) }
        if let stored = answers[reference.name] { return Self.conditionValue(stored) }
        guard let computation = definition.computation(named: reference.name),
            !visiting.contains(computation.id)
        else { return nil }
        switch computation.kind {
        case .deadline:
            guard let result = deadline(computation, visiting: visiting) else { return nil }
            switch reference.property {
            case nil, "fin"?: return .date(result.deadline)
            case "ouverture"?: return result.opens.map { .date($0) }
            case "suivant"?: return result.next.first.map { .date($0.deadline) }
            default: return nil
            }
        case .evidence:
            guard applies(computation, visiting: visiting), let report = evidence() else { return nil }
            return .text(report.verdict.rawValue)
        }
    }

    static func conditionValue(_ answer: AnswerValue) -> ConditionValue? {
        switch answer {
        case .text(let text), .choice(let text): return .text(text)
        case .date(let day): return .date(day)
        case .dateTime(let moment): return .date(moment.date)
        case .file: return .present
        case .group(let group): return group.entries.isEmpty ? nil : .present
        case .skipped: return nil
        }
    }

    /// Whether a computation's condition holds.
    func applies(_ computation: Computation, visiting: Set<String>) -> Bool {
        guard let condition = computation.condition else { return true }
        let inner = visiting.union([computation.id])
        return condition.holds(today: today) { value(of: $0, scope: nil, visiting: inner) }
    }

    /// A deadline computation's result; `nil` when its condition fails or an input is missing.
    func deadline(_ computation: Computation, visiting: Set<String> = []) -> DeadlineResult? {
        guard case .success(let result)? = deadlineOutcome(computation, visiting: visiting) else { return nil }
        return result
    }

    /// `nil` when not applicable or inputs missing; the engine's error otherwise.
    func deadlineOutcome(
        _ computation: Computation, visiting: Set<String> = []
    ) -> Result<DeadlineResult, DeadlineError>? {
        guard case .deadline(let ruleID, let dateVariable, let departmentVariable) = computation.kind,
            applies(computation, visiting: visiting)
        else { return nil }
        let day: LocalDate
        switch answers[dateVariable] {
        case .date(let d)?: day = d
        case .dateTime(let moment)?: day = moment.date
        default: return nil
        }
        var department: Department?
        if let departmentVariable, case .choice(let code)? = answers[departmentVariable] {
            department = Department.lookup(code)
        }
        do {
            return .success(try DeadlineEngine.compute(DeadlineRequest(ruleID: ruleID, date: day, department: department)))
        } catch {
            return .failure(error)
        }
    }

    /// The sufficiency check of the case file, when one can be built.
    func evidence() -> EvidenceReport? {
        caseFile().map { EvidenceRule.standard.evaluate($0) }
    }

    /// The case file the answers describe, when the mapping's département is answered.
    func caseFile() -> CaseFile? {
        guard let mapping = definition.caseFile else { return nil }
        func text(_ field: String) -> String? {
            if let constant = mapping.constant(field) { return constant }
            guard let name = mapping.fields[field] else { return nil }
            switch answers[name] {
            case .text(let value)?, .choice(let value)?: return value
            default: return nil
            }
        }
        func date(_ field: String) -> LocalDate? {
            guard let name = mapping.fields[field], case .date(let day)? = answers[name] else { return nil }
            return day
        }
        func entries(_ field: String) -> [Answers] {
            guard let name = mapping.fields[field] else { return [] }
            return answers.group(name).entries
        }
        guard let department = text("department").flatMap({ Department.lookup($0) }) else { return nil }
        let procedureValue = text("procedure")
        let procedure = procedureValue.flatMap(Procedure.init(rawValue:)) ?? .autre
        var detail = text("procedure_detail")
        if procedure == .autre, detail == nil, let procedureValue, let name = mapping.fields["procedure"],
            case .singleChoice(let choices)? = definition.question(named: name)?.kind
        {
            detail = choices.first { $0.value == procedureValue }?.label
        }
        let zone = department.timeZone
        let attempts: [Attempt] = entries("attempts").compactMap { entry in
            guard case .dateTime(let local)? = entry["at"], case .choice(let channel)? = entry["channel"],
                let channelValue = AttemptChannel(rawValue: channel), case .choice(let outcome)? = entry["outcome"],
                let outcomeValue = AttemptOutcome(rawValue: outcome),
                let at = OffsetDateTime(
                    local: local, utcOffsetMinutes: local.wallMinutesSinceEpoch - zone.utcMinutes(local))
            else { return nil }
            var capture: String?
            if case .file(let reference)? = entry["capture"] { capture = reference }
            var note: String?
            if case .text(let value)? = entry["note"] { note = value }
            return Attempt(at: at, channel: channelValue, outcome: outcomeValue, note: note, capture: capture)
        }
        let letters: [Letter] = entries("letters").compactMap { entry in
            guard case .date(let sent)? = entry["sent_on"], case .choice(let kind)? = entry["kind"],
                let kindValue = LetterKind(rawValue: kind)
            else { return nil }
            var reference: String?
            if case .text(let value)? = entry["reference"] { reference = value }
            var copy: String?
            if case .file(let file)? = entry["copy"] { copy = file }
            return Letter(sentOn: sent, kind: kindValue, reference: reference, copy: copy)
        }
        let person = Person(
            name: text("name"), birthDate: date("birth_date"), birthPlace: text("birth_place"),
            nationality: text("nationality"), address: text("address"), phone: text("phone"),
            email: text("email"), civility: text("civility").flatMap(Civility.init(rawValue:)),
            foreignerNumber: text("foreigner_number"))
        var benefit = text("caf_benefit")
        if let value = benefit, let name = mapping.fields["caf_benefit"],
            case .singleChoice(let choices)? = definition.question(named: name)?.kind,
            let label = choices.first(where: { $0.value == value })?.label
        {
            benefit = label.prefix(1).lowercased() + label.dropFirst()
        }
        let filing = OnlineFiling(filedOn: date("filed_on"), number: text("filing_number"))
        let decision = Decision(
            authority: text("decision_authority").flatMap(DecisionAuthority.init(rawValue:)),
            date: date("decision_date"), reference: text("decision_reference"), grounds: text("decision_grounds"))
        let employer = Employer(name: text("employer_name"), address: text("employer_address"))
        let caf = FamilyBenefitsFund(
            name: text("caf_name"), address: text("caf_address"), allocataireNumber: text("caf_number"),
            benefit: benefit, suspendedOn: date("caf_suspended_on"), reason: text("caf_reason"))
        return CaseFile(
            person: person, department: department, procedure: procedure, procedureDetail: detail,
            permitExpiry: date("permit_expiry"), circumstances: text("circumstances"), attempts: attempts, letters: letters,
            filing: filing.isEmpty ? nil : filing, decision: decision.isEmpty ? nil : decision,
            employer: employer.isEmpty ? nil : employer, caf: caf.isEmpty ? nil : caf)
    }
}

// MARK: - Result

extension InterviewEngine {
    func result(_ walk: Walk) -> InterviewResult {
        let evaluator = Evaluator(definition: definition, answers: walk.effective, today: today)
        var shown: [Outcome] = []
        if let stop = walk.stop { shown.append(stop) }
        for outcome in definition.outcomes {
            let holds =
                outcome.condition?.holds(today: today) { evaluator.value(of: $0, scope: nil, visiting: []) } ?? true
            if holds { shown.append(outcome) }
        }
        var deadlines: [ComputedDeadline] = []
        var warnings: [String] = []
        var seen: Set<String> = []
        for id in shown.flatMap(\.deadlines) where seen.insert(id).inserted {
            guard let computation = definition.computation(named: id) else { continue }
            switch evaluator.deadlineOutcome(computation) {
            case .success(let result)?: deadlines.append(ComputedDeadline(id: id, result: result))
            case .failure(let error)?: warnings.append(error.frenchMessage)
            case nil: break
            }
        }
        let evidenceComputation = definition.computations.first {
            if case .evidence = $0.kind { return evaluator.applies($0, visiting: []) }
            return false
        }
        let caseFile = evaluator.caseFile()
        let evidence = evidenceComputation == nil ? nil : caseFile.map { EvidenceRule.standard.evaluate($0) }
        var documents: [OfferedDocument] = []
        var seenDocuments: Set<String> = []
        for name in shown.flatMap(\.documents) where seenDocuments.insert(name).inserted {
            guard let kind = DocumentKind(rawValue: name) else { continue }
            documents.append(
                OfferedDocument(kind: kind, missing: caseFile.map { kind.requirements(for: $0, today: today) }))
        }
        return InterviewResult(
            answers: walk.effective, stop: walk.stop, outcomes: shown, deadlines: deadlines, evidence: evidence,
            caseFile: caseFile, documents: documents, warnings: warnings)
    }
}

/// What the interview found: the outcomes shown, their deadlines, the verdict, the documents offered.
public struct InterviewResult: Sendable, Equatable {
    /// The answers that count (irrelevant ones left out).
    public let answers: Answers
    /// The terminal stop reached, if any (also first in ``outcomes``).
    public let stop: Outcome?
    /// Outcomes whose condition holds, in the definition's order (a stop first).
    public let outcomes: [Outcome]
    /// The deadlines the outcomes show, computed, in order of first mention.
    public let deadlines: [ComputedDeadline]
    /// The sufficiency check, when the definition computes it and a case file could be built.
    public let evidence: EvidenceReport?
    /// The case file built from the answers, for the documents.
    public let caseFile: CaseFile?
    /// The documents offered by the outcomes, each with what still stops it from being drafted.
    public let documents: [OfferedDocument]
    /// Deadlines that could not be computed, in French.
    public let warnings: [String]

    /// The verdict of the sufficiency check.
    public var verdict: EvidenceVerdict? { evidence?.verdict }

    /// The computed deadline with this identifier.
    public func deadline(_ id: String) -> DeadlineResult? { deadlines.first { $0.id == id }?.result }
}

/// A deadline computation's result, under its identifier in the definition.
public struct ComputedDeadline: Sendable, Equatable {
    /// The computation's identifier.
    public let id: String
    /// The deadline engine's result (with the rules that follow from it in `next`).
    public let result: DeadlineResult
}

/// A document offered on the result page.
public struct OfferedDocument: Sendable, Equatable {
    /// Which document.
    public let kind: DocumentKind
    /// What stops it from being drafted now (``DocumentKind/requirements(for:today:)``); `nil` when the
    /// answers do not make a case file at all.
    public let missing: [CaseFileIssue]?

    /// Whether the document can be drafted from the answers as they stand.
    public var isReady: Bool { missing?.isEmpty ?? false }
}
