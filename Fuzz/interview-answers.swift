// libFuzzer target `interview-answers`: the interview engine's handling of what people submit.
//
// The definition is built here in Swift (the YAML reader lives in GuichetContent, with Yams): a copy of
// content/parcours/rendez-vous-prefecture.yml, plus a stop, so that every question kind, groups, conditions,
// computations and outcomes are exercised. The input is a script, one command per line:
//
//   TOKEN<TAB>ANSWER   answer the screen TOKEN (`procedure`, `tentatives.0.at`, `tentatives+1`)
//   =ANSWER            answer whatever screen is shown now
//   <                  back          ?TOKEN   change (from the review page)
//   !                  confirm       -N       remove entry N of `tentatives`
//
// In answers, the two characters `\n` stand for a line break. Nothing may trap; an accepted answer typed again
// as shown (`inputText`) must be accepted with the same value; answers must survive their JSON form.

import GuichetCore

private func condition(_ text: String) -> Condition {
    do {
        return try Condition.parse(text)
    } catch {
        fail("bad condition \(text): \(error)")
    }
}

private func choices(_ values: [String]) -> QuestionKind {
    .singleChoice(values.map { Choice(value: $0, label: $0) })
}

private func bound(_ text: String) -> DateBound {
    guard let bound = DateBound(text: text) else { fail("bad bound \(text)") }
    return bound
}

private let definition: InterviewDefinition = {
    guard let id = Slug("rendez-vous-prefecture") else { fail("bad slug") }
    let recent = DateRange(earliest: bound("today-1095"), latest: bound("today"))
    let attempt = QuestionGroup(
        questions: [
            Question(id: "at", label: "Quand ?", kind: .dateTime(recent)),
            Question(id: "channel", label: "Comment ?", kind: choices(["site-prefecture", "anef", "telephone", "courriel", "guichet"])),
            Question(id: "outcome", label: "Résultat ?", kind: choices(["aucun-creneau", "erreur-technique", "sans-reponse", "creneau-obtenu"])),
            Question(
                id: "capture", label: "Capture", kind: .file, isRequired: false,
                condition: condition("channel in [site-prefecture, anef, courriel]")),
            Question(id: "note", label: "Note", kind: .text(maxLength: 500, isMultiline: false), isRequired: false),
        ],
        maximum: 100, addLabel: "Ajouter une autre tentative ?", entryLabel: "Tentative")
    let letters = QuestionGroup(
        questions: [
            Question(id: "sent_on", label: "Envoyé le", kind: .date(recent)),
            Question(id: "kind", label: "Comment ?", kind: choices(["lrar", "courriel", "depot"])),
            Question(id: "reference", label: "Référence", kind: .text(maxLength: 120, isMultiline: false), isRequired: false),
        ],
        minimum: 0, maximum: 20, addLabel: "Ajouter un autre courrier ?", entryLabel: "Courrier")
    let letterOnly = condition("courriers == oui")
    let steps: [InterviewStep] = [
        .question(Question(id: "departement", label: "Département ?", kind: .department)),
        .question(Question(id: "procedure", label: "Démarche ?", kind: choices(["renouvellement-titre", "premiere-demande-titre", "admission-exceptionnelle", "naturalisation", "titre-de-voyage", "dcem", "autre"]))),
        .question(Question(id: "precision", label: "Quelle démarche ?", kind: .text(maxLength: 200, isMultiline: false), condition: condition("procedure == autre"))),
        .question(Question(id: "expiration", label: "Expiration ?", kind: .date(DateRange(earliest: bound("today-3650"), latest: bound("today+3650"))), condition: condition("procedure == renouvellement-titre"))),
        .stop(Outcome(id: "dcem-ailleurs", condition: condition("procedure == dcem"), title: "Arrêt", paragraphs: ["Fin."])),
        .question(Question(id: "tentatives", label: "Tentatives", kind: .group(attempt))),
        .question(Question(id: "lettres", label: "Courriers", kind: .group(letters))),
        .question(Question(id: "courriers", label: "Courriers ?", kind: choices(["oui", "non"]))),
        .question(Question(id: "nom", label: "Nom", kind: .text(maxLength: 120, isMultiline: false), condition: letterOnly)),
        .question(Question(id: "date_naissance", label: "Naissance", kind: .date(DateRange(earliest: bound("1900-01-01"), latest: bound("today"))), condition: letterOnly)),
        .question(Question(id: "adresse", label: "Adresse", kind: .text(maxLength: 300, isMultiline: true), condition: letterOnly)),
        .question(Question(id: "situation", label: "Pourquoi ?", kind: .text(maxLength: 2000, isMultiline: true), condition: condition("courriers == oui and procedure != renouvellement-titre"))),
    ]
    return InterviewDefinition(
        id: id, title: "Rendez-vous", steps: steps,
        caseFile: CaseFileMapping(fields: [
            "department": "departement", "procedure": "procedure", "procedure_detail": "precision",
            "permit_expiry": "expiration", "attempts": "tentatives", "letters": "lettres", "name": "nom",
            "birth_date": "date_naissance", "address": "adresse", "circumstances": "situation",
        ]),
        computations: [
            Computation(id: "verdict", kind: .evidence),
            Computation(
                id: "periode_depot", kind: .deadline(ruleID: "renouvellement-titre", dateVariable: "expiration", departmentVariable: "departement"),
                condition: condition("procedure == renouvellement-titre")),
        ],
        outcomes: [
            Outcome(id: "insuffisant", condition: condition("verdict == insuffisant"), title: "Insuffisant", documents: ["lettre-prefecture"]),
            Outcome(id: "recevable", condition: condition("verdict in [recevable, solide]"), title: "Recevable", documents: ["lettre-prefecture", "refere-mesures-utiles"]),
            Outcome(id: "renouvellement", condition: condition("procedure == renouvellement-titre"), title: "Délai", deadlines: ["periode_depot"]),
            Outcome(id: "expire", condition: condition("expiration < today"), title: "Expiré"),
        ])
}()

private let engine: InterviewEngine = {
    guard let today = LocalDate(year: 2026, month: 3, day: 15) else { fail("bad date") }
    let problems = definition.validate()
    require(problems.isEmpty, "the fuzz definition is invalid: \(problems)")
    return InterviewEngine(definition: definition, today: today)
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let script = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    var state = engine.start()
    var steps = 0
    for line in script.split(separator: "\n", omittingEmptySubsequences: false) {
        steps += 1
        if steps > 200 { break }
        if line == "<" {
            state = engine.back(from: state)
        } else if line == "!" {
            state = engine.confirm(state)
        } else if line.hasPrefix("?") {
            if let screen = ScreenID(token: String(line.dropFirst())) { state = engine.change(screen, in: state) }
        } else if line.hasPrefix("-") {
            if let index = Int(line.dropFirst()) { state = engine.removeEntry(group: "tentatives", index: index, in: state) }
        } else if line.hasPrefix("=") {
            guard case .ask(let screen) = engine.action(for: state) else { continue }
            state = answer(unescaped(line.dropFirst()), to: screen.id, in: state)
        } else if let tab = line.firstIndex(of: "\t") {
            guard let screen = ScreenID(token: String(line[..<tab])) else { continue }
            state = answer(unescaped(line[line.index(after: tab)...]), to: screen, in: state)
        }
        _ = engine.action(for: state)
    }
    _ = engine.result(for: state.answers)
    _ = engine.relevantAnswers(state.answers)
    require(Answers(json: state.answers.json) == state.answers, "answers changed through their JSON form")
    return 0
}

private func unescaped(_ text: Substring) -> String { String(text.replacing("\\n", with: "\n")) }

/// Answers, and checks that the stored value, typed again, is accepted unchanged.
private func answer(_ raw: String, to screen: ScreenID, in state: InterviewState) -> InterviewState {
    let transition = engine.answer(raw, to: screen, in: state)
    guard transition.isAccepted else {
        require(transition.state.answers == state.answers, "a refused answer changed the answers")
        return transition.state
    }
    let stored: AnswerValue?
    switch screen {
    case .question(let name): stored = transition.state.answers[name]
    case .entry(let group, let index, let name):
        guard case .group(let entries)? = transition.state.answers[group], entries.entries.indices.contains(index)
        else { fail("an accepted entry answer is not stored") }
        stored = entries.entries[index][name]
    case .addEntry: stored = nil
    }
    if let stored {
        switch stored {
        case .text(let text):
            require(!text.isEmpty, "an empty text was stored for \(screen) from \(Array(raw.unicodeScalars))")
        case .skipped, .group: break
        default: break
        }
        if stored != .skipped {
            let again = engine.answer(stored.inputText, to: screen, in: state)
            require(again.isAccepted, "the stored answer \(stored) is refused when typed again: \(again.errors)")
            require(
                again.state.answers == transition.state.answers,
                "the stored answer \(stored) gives another value when typed again (raw \(Array(raw.unicodeScalars)))")
        }
    }
    return transition.state
}
