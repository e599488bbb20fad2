/// One stored answer, already validated and typed.
public enum AnswerValue: Sendable, Equatable {
    /// Free text (trimmed, never empty).
    case text(String)
    /// A choice's value, or a département's INSEE code.
    case choice(String)
    /// A calendar date.
    case date(LocalDate)
    /// A date and a wall-clock time.
    case dateTime(LocalDateTime)
    /// The reference of an uploaded file (given by the web layer).
    case file(String)
    /// The entries of a repeated group.
    case group(GroupAnswer)
    /// An optional question the person left blank (seen, not answered).
    case skipped

    /// Whether the answer holds something (not ``skipped``, not an empty group).
    public var isPresent: Bool {
        switch self {
        case .skipped: return false
        case .group(let group): return !group.entries.isEmpty
        default: return true
        }
    }

    /// The answer as the person would type it again (form prefill, review page); empty for a group.
    public var inputText: String {
        switch self {
        case .text(let text), .choice(let text), .file(let text): return text
        case .date(let day): return day.iso
        case .dateTime(let moment): return moment.date.iso + "T" + moment.time.iso
        case .group, .skipped: return ""
        }
    }
}

/// The entries of a repeated group, and whether the person said there were no more.
public struct GroupAnswer: Sendable, Equatable {
    /// One set of sub-answers per entry, in the order given.
    public var entries: [Answers]
    /// Whether the person answered « non » to « ajouter une autre … ? ».
    public var isClosed: Bool

    /// Creates a group answer.
    public init(entries: [Answers] = [], isClosed: Bool = false) {
        self.entries = entries
        self.isClosed = isClosed
    }
}

/// The answers so far: variable name → value; a group's entries hold their own ``Answers``.
public struct Answers: Sendable, Equatable {
    /// The stored values.
    public var values: [String: AnswerValue]

    /// Creates a set of answers.
    public init(_ values: [String: AnswerValue] = [:]) {
        self.values = values
    }

    /// The value stored under `name`.
    public subscript(name: String) -> AnswerValue? {
        get { values[name] }
        set { values[name] = newValue }
    }

    /// Whether nothing is stored.
    public var isEmpty: Bool { values.isEmpty }
}

// MARK: - JSON (for storing a session)

extension Answers {
    /// The answers as JSON, keys sorted: `{"nom": {"texte": "…"}, "tentatives": {"groupe": [ {…} ], "fini": true}}`.
    ///
    /// Each value is an object with one key naming its type (`texte`, `choix`, `date`, `date-heure`,
    /// `fichier`, `groupe` + `fini`, `vide`), so that reading it back never guesses.
    public var json: JSONValue {
        .object(values.keys.sorted().compactMap { key in values[key].map { JSONMember(key, $0.json) } })
    }

    /// Reads answers written by ``json``; `nil` when the JSON does not have that shape.
    public init?(json: JSONValue) {
        guard case .object(let members) = json else { return nil }
        var values: [String: AnswerValue] = [:]
        for member in members {
            guard let value = AnswerValue(json: member.value) else { return nil }
            values[member.key] = value
        }
        self.init(values)
    }
}

extension AnswerValue {
    /// See ``Answers/json``.
    var json: JSONValue {
        switch self {
        case .text(let text): return .object([JSONMember("texte", .string(text))])
        case .choice(let value): return .object([JSONMember("choix", .string(value))])
        case .date(let day): return .object([JSONMember("date", .string(day.iso))])
        case .dateTime: return .object([JSONMember("date-heure", .string(inputText))])
        case .file(let reference): return .object([JSONMember("fichier", .string(reference))])
        case .group(let group):
            return .object([
                JSONMember("fini", .bool(group.isClosed)), JSONMember("groupe", .array(group.entries.map(\.json))),
            ])
        case .skipped: return .object([JSONMember("vide", .bool(true))])
        }
    }

    init?(json: JSONValue) {
        guard case .object(let members) = json, let first = members.first else { return nil }
        func string(_ value: JSONValue) -> String? {
            if case .string(let text) = value { return text }
            return nil
        }
        switch (first.key, members.count) {
        case ("texte", 1): guard let text = string(first.value) else { return nil }; self = .text(text)
        case ("choix", 1): guard let text = string(first.value) else { return nil }; self = .choice(text)
        case ("fichier", 1): guard let text = string(first.value) else { return nil }; self = .file(text)
        case ("date", 1):
            guard let text = string(first.value), let day = LocalDate(iso: text) else { return nil }
            self = .date(day)
        case ("date-heure", 1):
            guard let text = string(first.value), let moment = InputParsing.dateTime(text) else { return nil }
            self = .dateTime(moment)
        case ("vide", 1): self = .skipped
        default:
            var closed = false
            var entries: [Answers]?
            for member in members {
                switch (member.key, member.value) {
                case ("fini", .bool(let value)): closed = value
                case ("groupe", .array(let items)):
                    let parsed = items.compactMap(Answers.init(json:))
                    guard parsed.count == items.count else { return nil }
                    entries = parsed
                default: return nil
                }
            }
            guard let entries else { return nil }
            self = .group(GroupAnswer(entries: entries, isClosed: closed))
        }
    }
}
