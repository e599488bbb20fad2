// MARK: - JSON (the state a front stores, sealed, between two requests)

extension InterviewState {
    /// The state as JSON: the answers (see ``Answers/json``), the screen the cursor is on, and the two flags.
    ///
    /// `{"reponses": {…}, "ecran": "tentatives.0.at" | null, "modification": false, "confirme": false}`
    public var json: JSONValue {
        .object([
            JSONMember("reponses", answers.json),
            JSONMember("ecran", cursor.map { .string($0.token) } ?? .null),
            JSONMember("modification", .bool(isChanging)),
            JSONMember("confirme", .bool(isConfirmed)),
        ])
    }

    /// Reads back what ``json`` wrote; `nil` for anything else (a missing member, a wrong type, a screen token
    /// that does not parse).
    public init?(json: JSONValue) {
        guard case .object(let members) = json else { return nil }
        var answers: Answers?
        var cursor: ScreenID?
        var changing: Bool?
        var confirmed: Bool?
        for member in members {
            switch (member.key, member.value) {
            case ("reponses", let value): answers = Answers(json: value)
            case ("ecran", .null): cursor = nil
            case ("ecran", .string(let token)):
                guard let screen = ScreenID(token: token) else { return nil }
                cursor = screen
            case ("modification", .bool(let value)): changing = value
            case ("confirme", .bool(let value)): confirmed = value
            default: return nil
            }
        }
        guard let answers, let changing, let confirmed else { return nil }
        self.init(answers: answers, cursor: cursor, isChanging: changing, isConfirmed: confirmed)
    }
}

extension Answers {
    /// Every file reference among the answers, in groups too, whether or not the question is still relevant.
    public var fileReferences: Set<String> {
        var found: Set<String> = []
        for value in values.values {
            switch value {
            case .file(let reference): found.insert(reference)
            case .group(let group): for entry in group.entries { found.formUnion(entry.fileReferences) }
            default: break
            }
        }
        return found
    }
}
