import Testing

@testable import GuichetCore

/// A small definition built in Swift: a choice, a conditional date, a group, a stop.
enum Fixture {
    static let today = LocalDate(year: 2026, month: 11, day: 12) ?? LocalDate(daysSinceEpoch: 0)

    static func condition(_ text: String) -> Condition? { try? Condition.parse(text) }

    static func day(_ iso: String) -> LocalDate { LocalDate(iso: iso) ?? today }

    static let slug: Slug = {
        guard let slug = Slug("essai") else { preconditionFailure("valid slug") }
        return slug
    }()

    static let definition = InterviewDefinition(
        id: slug,
        title: "Essai",
        steps: [
            .question(
                Question(
                    id: "procedure", label: "Démarche ?",
                    kind: .singleChoice([
                        Choice(value: "renouvellement-titre", label: "Renouvellement"),
                        Choice(value: "autre", label: "Autre"),
                    ]))),
            .question(
                Question(
                    id: "expiration", label: "Expiration ?", kind: .date(DateRange(latest: .today(offsetDays: 3650))),
                    condition: condition("procedure == renouvellement-titre"))),
            .question(Question(id: "note", label: "Remarque ?", kind: .text(maxLength: 10, isMultiline: false), isRequired: false)),
            .question(
                Question(
                    id: "essais", label: "Des essais ?",
                    kind: .group(
                        QuestionGroup(
                            questions: [Question(id: "quand", label: "Quand ?", kind: .dateTime(DateRange(latest: .today(offsetDays: 0))))],
                            minimum: 1, maximum: 3, addLabel: "Un autre ?", entryLabel: "Essai")))),
        ],
        computations: [
            Computation(
                id: "periode", kind: .deadline(ruleID: "renouvellement-titre", dateVariable: "expiration", departmentVariable: nil))
        ],
        outcomes: [
            Outcome(id: "fenetre", condition: condition("procedure == renouvellement-titre"), deadlines: ["periode"]),
            Outcome(id: "toujours"),
        ])

    static let engine = InterviewEngine(definition: definition, today: today)

    static func screen(_ action: InterviewAction) -> InterviewScreen? {
        if case .ask(let screen) = action { return screen }
        return nil
    }

    /// Answers in order, expecting each to be accepted.
    static func answering(_ pairs: [(String, String)], from state: InterviewState = InterviewState()) -> InterviewState {
        var state = state
        for (token, raw) in pairs {
            guard let id = ScreenID(token: token) else { continue }
            state = engine.answer(raw, to: id, in: state).state
        }
        return state
    }
}

@Suite("Interview engine")
struct InterviewEngineTests {
    let engine = Fixture.engine

    @Test("the first screen is the first question; answers move to the next relevant one")
    func forward() {
        var state = engine.start()
        #expect(Fixture.screen(engine.action(for: state))?.id == .question("procedure"))
        state = engine.answer("autre", to: .question("procedure"), in: state).state
        #expect(Fixture.screen(engine.action(for: state))?.id == .question("note"), "expiration is skipped")
        state = engine.answer("", to: .question("note"), in: state).state
        #expect(state.answers["note"] == .skipped)
        let first = Fixture.screen(engine.action(for: state))
        #expect(first?.id == .entry(group: "essais", index: 0, question: "quand"), "minimum one entry: asked at once")
        #expect(first?.context == "Essai n° 1")
    }

    @Test("a refused answer keeps the stored answers and shows the input with the error")
    func invalidInputKeepsAnswers() {
        let state = Fixture.answering([("procedure", "renouvellement-titre"), ("expiration", "2027-01-31")])
        let transition = engine.answer("31/02/2027", to: .question("expiration"), in: state)
        #expect(transition.errors == [.invalidDate("31/02/2027")])
        #expect(transition.state.answers == state.answers)
        let screen = Fixture.screen(transition.action)
        #expect(screen?.value == "31/02/2027")
        #expect(screen?.errors.first?.catalogKey == "interview.error.invalid-date")
        #expect(screen?.errors.first?.frenchMessage.contains("JJ/MM/AAAA") == true)
    }

    struct InputCase: Sendable, CustomTestStringConvertible {
        let screen: String
        let raw: String
        let error: InterviewInputError?
        var testDescription: String { "\(screen) = « \(raw) »" }
    }

    @Test(
        "each kind validates its input",
        arguments: [
            InputCase(screen: "procedure", raw: "", error: .required),
            InputCase(screen: "procedure", raw: "naturalisation", error: .unknownChoice("naturalisation")),
            InputCase(screen: "expiration", raw: "2037-01-01", error: .tooLate(Fixture.day("2036-11-09"))),
            InputCase(screen: "expiration", raw: "4/3/2027", error: nil),
            InputCase(screen: "note", raw: "beaucoup trop long", error: .tooLong(maximum: 10)),
            InputCase(screen: "essais.0.quand", raw: "13/11/2026 10:00", error: .tooLate(Fixture.today)),
            InputCase(screen: "essais.0.quand", raw: "12/11/2026 25:00", error: .invalidDateTime("12/11/2026 25:00")),
            InputCase(screen: "essais.0.quand", raw: "2026-11-12T08:59", error: nil),
            InputCase(screen: "essais+1", raw: "peut-être", error: .unknownChoice("peut-être")),
        ])
    func validation(_ row: InputCase) throws {
        let state = InterviewState(answers: Answers(["procedure": .choice("renouvellement-titre")]))
        let transition = engine.answer(row.raw, to: try #require(ScreenID(token: row.screen)), in: state)
        #expect(transition.errors == (row.error.map { [$0] } ?? []))
    }

    @Test("back steps to the previous screen and keeps every answer")
    func backKeepsAnswers() {
        let state = Fixture.answering([("procedure", "renouvellement-titre"), ("expiration", "2027-01-31"), ("note", "ok")])
        let back = engine.back(from: state)
        #expect(Fixture.screen(engine.action(for: back))?.id == .question("note"))
        let twice = engine.back(from: back)
        let screen = Fixture.screen(engine.action(for: twice))
        #expect(screen?.id == .question("expiration"))
        #expect(screen?.value == "2027-01-31")
        #expect(twice.answers == state.answers)
        // Answering again walks forward through the answered screens.
        let again = engine.answer("2027-02-28", to: .question("expiration"), in: twice).state
        #expect(Fixture.screen(engine.action(for: again))?.id == .question("note"))
        #expect(again.answers["note"] == .text("ok"))
    }

    @Test("group: « oui » opens a new entry, « non » closes it, then the review page lists every answer")
    func groupAndReview() {
        let state = Fixture.answering([
            ("procedure", "autre"), ("note", ""), ("essais.0.quand", "01/11/2026 09:00"), ("essais+1", "oui"),
            ("essais.1.quand", "05/11/2026 10:30"), ("essais+2", "non"),
        ])
        guard case .review(let review) = engine.action(for: state) else {
            Issue.record("expected the review page")
            return
        }
        #expect(review.rows.map(\.screen.token) == ["procedure", "note", "essais.0.quand", "essais.1.quand", "essais+2"])
        #expect(review.rows[0].answer == "Autre")
        #expect(review.rows[3].answer == "jeudi 5 novembre 2026 à 10 h 30")
        #expect(review.rows[3].context == "Essai n° 2")
        let removed = engine.removeEntry(group: "essais", index: 0, in: state)
        guard case .group(let group)? = removed.answers["essais"] else {
            Issue.record("group lost")
            return
        }
        #expect(group.entries.count == 1)
    }

    @Test("change from the review page returns to it, asking questions that became relevant")
    func changeReturnsToReview() {
        let complete = Fixture.answering([
            ("procedure", "autre"), ("note", ""), ("essais.0.quand", "01/11/2026 09:00"), ("essais+1", "non"),
        ])
        let opened = engine.change(.question("procedure"), in: complete)
        #expect(Fixture.screen(engine.action(for: opened))?.value == "autre")
        #expect(Fixture.screen(engine.action(for: opened))?.canGoBackToReview == true)
        let changed = engine.answer("renouvellement-titre", to: .question("procedure"), in: opened).state
        #expect(Fixture.screen(engine.action(for: changed))?.id == .question("expiration"), "newly relevant")
        let done = engine.answer("31/01/2027", to: .question("expiration"), in: changed).state
        guard case .review = engine.action(for: done) else {
            Issue.record("expected the review page after the change")
            return
        }
        // Back from a change screen returns to the review page without changing anything.
        let reopened = engine.change(.question("note"), in: done)
        #expect(engine.back(from: reopened).cursor == nil)
    }

    @Test("answers made irrelevant by a change are kept in the state but ignored in the result")
    func irrelevantAnswersIgnored() {
        var state = Fixture.answering([
            ("procedure", "renouvellement-titre"), ("expiration", "2027-01-31"), ("note", ""),
            ("essais.0.quand", "01/11/2026 09:00"), ("essais+1", "non"),
        ])
        let before = engine.result(for: state.answers)
        #expect(before.deadline("periode")?.closes == LocalDate(year: 2027, month: 1, day: 31))
        #expect(before.outcomes.map(\.id) == ["fenetre", "toujours"])
        state = engine.answer("autre", to: .question("procedure"), in: engine.change(.question("procedure"), in: state)).state
        #expect(state.answers["expiration"] == .date(Fixture.day("2027-01-31")))
        let after = engine.result(for: state.answers)
        #expect(after.answers["expiration"] == nil)
        #expect(after.deadlines.isEmpty)
        #expect(after.outcomes.map(\.id) == ["toujours"])
        // Confirming shows the result; back from the result shows the review page again.
        let confirmed = engine.confirm(state)
        guard case .finish = engine.action(for: confirmed) else {
            Issue.record("expected the result")
            return
        }
        guard case .review = engine.action(for: engine.back(from: confirmed)) else {
            Issue.record("expected the review page")
            return
        }
    }

    @Test("a stale screen is refused without touching the state")
    func staleScreen() {
        let state = Fixture.answering([("procedure", "autre")])
        let transition = engine.answer("2027-01-01", to: .question("expiration"), in: state)
        #expect(transition.errors == [.unexpectedScreen])
        #expect(transition.state == state)
    }

    @Test("screen tokens round-trip", arguments: ["procedure", "essais.2.quand", "essais+3"])
    func tokens(token: String) {
        #expect(ScreenID(token: token)?.token == token)
    }

    @Test("malformed screen tokens are refused", arguments: ["", "a.b", "Procedure", "essais+x", "a.-1.b", "../x"])
    func badTokens(token: String) {
        #expect(ScreenID(token: token) == nil)
    }

    @Test("answers survive a JSON round trip")
    func answersJSON() {
        let state = Fixture.answering([
            ("procedure", "renouvellement-titre"), ("expiration", "2027-01-31"), ("note", ""),
            ("essais.0.quand", "01/11/2026 09:00"), ("essais+1", "non"),
        ])
        let text = JSONWriter.compact(state.answers.json)
        let parsed = (try? JSONParser.parse(text)).flatMap(Answers.init(json:))
        #expect(parsed == state.answers)
    }
}

@Suite("Interview input: text answers")
struct InterviewTextInputTests {
    @Test("Unicode line separators and spaces never leave an empty or untrimmed text", arguments: [
        "\u{2028}", "\u{0085} b", " \u{2029}x\u{2028} ", "\u{00A0}",
    ])
    func unicodeSeparators(_ raw: String) throws {
        let question = Question(id: "precision", label: "Précisez", kind: .text(maxLength: 200, isMultiline: false))
        switch InputParsing.value(of: raw, for: question, today: try #require(LocalDate(iso: "2026-11-26"))) {
        case .success(.text(let text)):
            #expect(!text.isEmpty)
            #expect(text.first?.isWhitespace == false && text.last?.isWhitespace == false)
        case .failure(let error):
            #expect(error == .required)
        default:
            Issue.record("unexpected value for \(raw.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
