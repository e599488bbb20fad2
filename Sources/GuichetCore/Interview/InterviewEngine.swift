/// Runs an ``InterviewDefinition``: a pure state machine over ``InterviewState``.
///
/// Each operation takes a state and returns a new one; ``action(for:)`` says what to show for a state:
/// a question (``InterviewAction/ask(_:)``), the review page, or the result. The web and command-line
/// fronts carry the action out and store the state; the engine reads no clock (it is told `today`),
/// stores nothing and never throws (like hummingbird's `HTTPConnectionStateHandler` state machine).
///
/// Navigation: the next screen is the first relevant question without an answer; ``back(from:)``
/// steps to the previous relevant screen keeping every answer; ``change(_:in:)`` opens a screen from
/// the review page and comes back to it. Answers to questions whose condition no longer holds stay in
/// the state (so that changing one's mind back restores them) but are ignored everywhere else.
public struct InterviewEngine: Sendable {
    /// The definition run.
    public let definition: InterviewDefinition
    /// The day the interview is run (date bounds, `today` in conditions, documents' date).
    public let today: LocalDate

    /// Creates an engine for one request.
    public init(definition: InterviewDefinition, today: LocalDate) {
        self.definition = definition
        self.today = today
    }

    /// An empty interview.
    public func start() -> InterviewState { InterviewState() }

    /// What to show for `state`.
    public func action(for state: InterviewState) -> InterviewAction {
        let walk = Walk(definition: definition, answers: state.answers, today: today)
        if let screen = current(state, walk) {
            return .ask(self.screen(screen, walk: walk, state: state, input: nil, errors: []))
        }
        if state.isConfirmed { return .finish(result(walk)) }
        return .review(review(walk))
    }

    /// Records `raw` as the answer to `screen`, or refuses it: the state's answers are then unchanged and
    /// the action shows the same screen with `raw` and the errors.
    public func answer(_ raw: String, to screen: ScreenID, in state: InterviewState) -> InterviewTransition {
        let walk = Walk(definition: definition, answers: state.answers, today: today)
        guard walk.screens.contains(screen) else {
            return InterviewTransition(state: state, action: action(for: state), errors: [.unexpectedScreen])
        }
        var refused = state
        refused.cursor = screen
        func refuse(_ error: InterviewInputError) -> InterviewTransition {
            InterviewTransition(
                state: refused,
                action: .ask(self.screen(screen, walk: walk, state: refused, input: raw, errors: [error])),
                errors: [error])
        }
        var next = state
        switch screen {
        case .question(let id):
            guard let question = definition.question(named: id) else { return refuse(.unexpectedScreen) }
            switch InputParsing.value(of: raw, for: question, today: today) {
            case .failure(let error): return refuse(error)
            case .success(let value): next.answers[id] = value
            }
        case .entry(let groupID, let index, let id):
            guard let question = definition.question(named: id) else { return refuse(.unexpectedScreen) }
            switch InputParsing.value(of: raw, for: question, today: today) {
            case .failure(let error): return refuse(error)
            case .success(let value):
                var group = next.answers.group(groupID)
                while group.entries.count <= index { group.entries.append(Answers()) }
                group.entries[index][id] = value
                next.answers[groupID] = .group(group)
            }
        case .addEntry(let groupID, let count):
            guard let question = definition.question(named: groupID), case .group(let spec) = question.kind else {
                return refuse(.unexpectedScreen)
            }
            var group = next.answers.group(groupID)
            switch raw.trimmingASCIIWhitespace() {
            case "oui":
                while group.entries.count <= count { group.entries.append(Answers()) }
                group.isClosed = false
            case "non":
                guard count >= spec.minimum else { return refuse(.tooFewEntries(minimum: spec.minimum)) }
                group.isClosed = true
            case "": return refuse(.required)
            default: return refuse(.unknownChoice(raw.trimmingASCIIWhitespace()))
            }
            next.answers[groupID] = .group(group)
        }
        next.isConfirmed = false
        let after = Walk(definition: definition, answers: next.answers, today: today)
        if next.isChanging {
            // Back to the review page, through the questions the change made relevant.
            next.cursor = nil
            next.isChanging = after.firstMissing != nil
        } else {
            if let index = after.screens.firstIndex(of: screen), index + 1 < after.screens.count {
                next.cursor = after.screens[index + 1]
            } else {
                next.cursor = nil
            }
        }
        return InterviewTransition(state: next, action: action(for: next), errors: [])
    }

    /// The previous screen (« Retour »), keeping every answer: from the result to the review page, from
    /// the review page to the last question, from a screen opened by ``change(_:in:)`` back to the review.
    public func back(from state: InterviewState) -> InterviewState {
        let walk = Walk(definition: definition, answers: state.answers, today: today)
        var next = state
        guard let screen = current(state, walk) else {
            if state.isConfirmed {
                next.isConfirmed = false
            } else {
                next.cursor = walk.screens.last
            }
            return next
        }
        if state.isChanging {
            next.isChanging = false
            next.cursor = nil
            if state.cursor == nil, let index = walk.screens.firstIndex(of: screen), index > 0 {
                // A question the change made relevant: step back as usual.
                next.cursor = walk.screens[index - 1]
            }
            return next
        }
        if let index = walk.screens.firstIndex(of: screen), index > 0 {
            next.cursor = walk.screens[index - 1]
        }
        return next
    }

    /// Opens `screen` from the review page; once answered, the interview comes back to the review page
    /// (after asking any question the new answer makes relevant).
    public func change(_ screen: ScreenID, in state: InterviewState) -> InterviewState {
        let walk = Walk(definition: definition, answers: state.answers, today: today)
        guard walk.screens.contains(screen) else { return state }
        var next = state
        next.cursor = screen
        next.isChanging = true
        next.isConfirmed = false
        return next
    }

    /// Confirms the review page: the result is shown next. Ignored while a question is unanswered.
    public func confirm(_ state: InterviewState) -> InterviewState {
        let walk = Walk(definition: definition, answers: state.answers, today: today)
        guard walk.firstMissing == nil else { return state }
        var next = state
        next.cursor = nil
        next.isChanging = false
        next.isConfirmed = true
        return next
    }

    /// Removes one entry of a group (« supprimer cette tentative »); later entries move up.
    public func removeEntry(group groupID: String, index: Int, in state: InterviewState) -> InterviewState {
        var group = state.answers.group(groupID)
        guard group.entries.indices.contains(index) else { return state }
        group.entries.remove(at: index)
        var next = state
        next.answers[groupID] = .group(group)
        next.cursor = nil
        next.isConfirmed = false
        return next
    }

    /// The result for a set of answers (irrelevant answers ignored), whether or not they are complete.
    public func result(for answers: Answers) -> InterviewResult {
        result(Walk(definition: definition, answers: answers, today: today))
    }

    /// The answers that count: those of questions whose conditions hold, up to a terminal stop.
    public func relevantAnswers(_ answers: Answers) -> Answers {
        Walk(definition: definition, answers: answers, today: today).effective
    }

    // MARK: - Screens

    private func current(_ state: InterviewState, _ walk: Walk) -> ScreenID? {
        if let cursor = state.cursor, walk.screens.contains(cursor) { return cursor }
        return walk.firstMissing
    }

    private func screen(
        _ id: ScreenID, walk: Walk, state: InterviewState, input: String?, errors: [InterviewInputError]
    ) -> InterviewScreen {
        let index = walk.screens.firstIndex(of: id) ?? 0
        let previous = state.isChanging && state.cursor != nil ? nil : (index > 0 ? walk.screens[index - 1] : nil)
        switch id {
        case .question(let name), .entry(_, _, let name):
            let question = definition.question(named: name) ?? Question(id: name, label: name, kind: .text(maxLength: 0, isMultiline: false))
            var context: String?
            var stored: AnswerValue?
            if case .entry(let groupID, let entry, _) = id {
                if case .group(let spec)? = definition.question(named: groupID)?.kind {
                    context = "\(spec.entryLabel) n° \(entry + 1)"
                }
                let group = state.answers.group(groupID)
                stored = group.entries.indices.contains(entry) ? group.entries[entry][name] : nil
            } else {
                stored = state.answers[name]
            }
            return InterviewScreen(
                id: id, label: question.label, hint: question.hint, kind: question.kind,
                isRequired: question.isRequired, context: context, value: input ?? stored?.inputText ?? "",
                errors: errors, bounds: bounds(question.kind), previous: previous,
                position: index + 1, count: walk.screens.count, canGoBackToReview: state.isChanging && state.cursor != nil)
        case .addEntry(let groupID, let count):
            let question = definition.question(named: groupID)
            guard case .group(let spec)? = question?.kind else {
                return InterviewScreen(
                    id: id, label: groupID, hint: nil, kind: .singleChoice([]), isRequired: true, context: nil,
                    value: input ?? "", errors: errors, bounds: nil, previous: previous, position: index + 1,
                    count: walk.screens.count, canGoBackToReview: state.isChanging && state.cursor != nil)
            }
            let group = state.answers.group(groupID)
            let label = count == 0 ? (question?.label ?? spec.addLabel) : spec.addLabel
            let hint =
                count == 0
                ? question?.hint
                : "\(count) \(spec.entryLabel.lowercased())\(count > 1 ? "s" : "") enregistrée\(count > 1 ? "s" : "")."
            return InterviewScreen(
                id: id, label: label, hint: hint,
                kind: .singleChoice([Choice(value: "oui", label: "Oui"), Choice(value: "non", label: "Non")]),
                isRequired: true, context: nil, value: input ?? (group.isClosed ? "non" : ""), errors: errors,
                bounds: nil, previous: previous, position: index + 1, count: walk.screens.count,
                canGoBackToReview: state.isChanging && state.cursor != nil)
        }
    }

    private func bounds(_ kind: QuestionKind) -> ClosedRange<LocalDate>? {
        let range: DateRange
        switch kind {
        case .date(let r), .dateTime(let r): range = r
        default: return nil
        }
        let low = range.earliest?.resolved(today: today) ?? LocalDate(daysSinceEpoch: LocalDate.minimumEpochDay)
        let high = range.latest?.resolved(today: today) ?? LocalDate(daysSinceEpoch: LocalDate.maximumEpochDay)
        return low <= high ? low...high : nil
    }

    // MARK: - Review

    private func review(_ walk: Walk) -> InterviewReview {
        var rows: [ReviewRow] = []
        for screen in walk.screens {
            switch screen {
            case .question(let name):
                guard let question = definition.question(named: name) else { continue }
                rows.append(
                    ReviewRow(
                        screen: screen, label: question.label, context: nil,
                        answer: display(walk.effective[name], question)))
            case .entry(let groupID, let index, let name):
                guard let question = definition.question(named: name),
                    case .group(let spec)? = definition.question(named: groupID)?.kind
                else { continue }
                let group = walk.effective.group(groupID)
                let value = group.entries.indices.contains(index) ? group.entries[index][name] : nil
                rows.append(
                    ReviewRow(
                        screen: screen, label: question.label, context: "\(spec.entryLabel) n° \(index + 1)",
                        answer: display(value, question)))
            case .addEntry(let groupID, let count):
                guard let question = definition.question(named: groupID), case .group(let spec) = question.kind else {
                    continue
                }
                let noun = spec.entryLabel.lowercased()
                rows.append(
                    ReviewRow(
                        screen: screen, label: question.label, context: nil,
                        answer: count == 0 ? "Aucune" : "\(count) \(noun)\(count > 1 ? "s" : "")"))
            }
        }
        return InterviewReview(rows: rows, stop: walk.stop)
    }

    /// How an answer reads on the review page.
    private func display(_ value: AnswerValue?, _ question: Question) -> String {
        guard let value else { return "Non renseigné" }
        switch (value, question.kind) {
        case (.choice(let code), .department):
            return Department.lookup(code).map { "\($0.code) — \($0.name)" } ?? code
        case (.choice(let choice), .singleChoice(let choices)):
            return choices.first { $0.value == choice }?.label ?? choice
        case (.date(let day), _): return day.frenchDate
        case (.dateTime(let moment), _): return "\(moment.date.frenchLongDate) à \(moment.time.french)"
        case (.file, _): return "Fichier joint"
        case (.skipped, _): return "Non renseigné"
        default: return value.inputText
        }
    }
}

/// Where a person is in an interview: the answers, and which screen is open. A value the fronts store
/// (sealed) between requests.
public struct InterviewState: Sendable, Equatable {
    /// Every answer given, relevant or not.
    public var answers: Answers
    /// The screen open after « Retour » or « Modifier »; `nil` = the first unanswered question.
    public var cursor: ScreenID?
    /// Whether the open screen was reached from the review page (answering returns there).
    public var isChanging: Bool
    /// Whether the review page was confirmed (the result is shown).
    public var isConfirmed: Bool

    /// Creates a state.
    public init(answers: Answers = Answers(), cursor: ScreenID? = nil, isChanging: Bool = false, isConfirmed: Bool = false) {
        self.answers = answers
        self.cursor = cursor
        self.isChanging = isChanging
        self.isConfirmed = isConfirmed
    }
}

/// What the front shows next.
public enum InterviewAction: Sendable, Equatable {
    /// A question.
    case ask(InterviewScreen)
    /// Every relevant answer, each with the screen that changes it.
    case review(InterviewReview)
    /// The deadlines, verdict, advice and documents.
    case finish(InterviewResult)
}

/// The outcome of ``InterviewEngine/answer(_:to:in:)``: the new state (answers unchanged when refused),
/// what to show, and the errors.
public struct InterviewTransition: Sendable, Equatable {
    /// The state to store.
    public let state: InterviewState
    /// What to show.
    public let action: InterviewAction
    /// Why the answer was refused (empty when accepted).
    public let errors: [InterviewInputError]

    /// Whether the answer was recorded.
    public var isAccepted: Bool { errors.isEmpty }
}

/// One screen of an interview: a question, a group entry's sub-question, or « ajouter une autre … ? ».
///
/// `token` names it in URLs and forms: `procedure`, `tentatives.2.moment` (entry index from 0),
/// `tentatives+3` (the add-another question after 3 entries).
public enum ScreenID: Sendable, Hashable, CustomStringConvertible {
    /// A top-level question.
    case question(String)
    /// A sub-question of one entry of a group.
    case entry(group: String, index: Int, question: String)
    /// « Ajouter une autre … ? » after `count` entries.
    case addEntry(group: String, count: Int)

    /// The screen's name in URLs and forms.
    public var token: String {
        switch self {
        case .question(let name): return name
        case .entry(let group, let index, let name): return "\(group).\(index).\(name)"
        case .addEntry(let group, let count): return "\(group)+\(count)"
        }
    }

    /// ``token``.
    public var description: String { token }

    /// Reads a ``token``; `nil` when it is not well formed.
    public init?(token: String) {
        if let plus = token.firstIndex(of: "+") {
            let group = String(token[..<plus])
            guard Condition.isVariableName(group), let count = Int(token[token.index(after: plus)...]), count >= 0,
                count < 10_000
            else { return nil }
            self = .addEntry(group: group, count: count)
            return
        }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        switch parts.count {
        case 1:
            guard Condition.isVariableName(parts[0]) else { return nil }
            self = .question(parts[0])
        case 3:
            guard Condition.isVariableName(parts[0]), Condition.isVariableName(parts[2]),
                parts[1].allSatisfy({ $0.isASCII && $0.isNumber }), let index = Int(parts[1]), index < 10_000
            else { return nil }
            self = .entry(group: parts[0], index: index, question: parts[2])
        default:
            return nil
        }
    }
}

/// What a question screen shows.
public struct InterviewScreen: Sendable, Equatable {
    /// Which screen.
    public let id: ScreenID
    /// The French question.
    public let label: String
    /// French help.
    public let hint: String?
    /// What is asked (choices, bounds, maximum length); « ajouter une autre … ? » is a oui/non choice.
    public let kind: QuestionKind
    /// Whether a blank answer is refused.
    public let isRequired: Bool
    /// The entry heading for a group's sub-question: « Tentative n° 2 ».
    public let context: String?
    /// The field's content: the refused input, or the stored answer as typed (`AAAA-MM-JJ` for dates).
    public let value: String
    /// Why the last input was refused.
    public let errors: [InterviewInputError]
    /// Accepted dates, resolved for today (HTML `min`/`max`).
    public let bounds: ClosedRange<LocalDate>?
    /// The screen « Retour » leads to (`nil`: the first screen, or back to the review page).
    public let previous: ScreenID?
    /// 1-based position among the relevant screens.
    public let position: Int
    /// Number of relevant screens as the answers stand.
    public let count: Int
    /// Whether the screen was opened from the review page.
    public let canGoBackToReview: Bool
}

/// The review page.
public struct InterviewReview: Sendable, Equatable {
    /// One row per relevant screen, in order.
    public let rows: [ReviewRow]
    /// The terminal stop reached, if any.
    public let stop: Outcome?
}

/// One answer on the review page, with the screen that changes it.
public struct ReviewRow: Sendable, Equatable {
    /// The screen « Modifier » opens.
    public let screen: ScreenID
    /// The question.
    public let label: String
    /// The entry heading for a group's sub-question.
    public let context: String?
    /// The answer as the person reads it (choice label, French date, « Non renseigné »).
    public let answer: String
}

extension Answers {
    /// The group stored under `name` (empty when none).
    func group(_ name: String) -> GroupAnswer {
        if case .group(let group)? = self[name] { return group }
        return GroupAnswer()
    }
}

extension LocalDate {
    /// 0001-01-01, as a day count (bounds of open date ranges).
    static let minimumEpochDay = -719_162
    /// 9999-12-31, as a day count.
    static let maximumEpochDay = 2_932_896
}
