public import GuichetCore
public import GuichetStorage

/// A note written on a case by a member.
public struct CaseNote: Sendable, Equatable {
    public let at: Int64
    public let authorID: String
    public let text: String

    public init(at: Int64, authorID: String, text: String) {
        self.at = at
        self.authorID = authorID
        self.text = text
    }
}

/// A deadline of a case: a rule of the engine and the day it starts from (the notification date chosen by the member).
public struct CaseDeadline: Sendable, Equatable {
    public let ruleID: String
    public let start: LocalDate

    public init(ruleID: String, start: LocalDate) {
        self.ruleID = ruleID
        self.start = start
    }

    /// The engine's result for this deadline in `department`, or `nil` when the rule no longer computes.
    public func result(in department: Department) -> DeadlineResult? {
        try? DeadlineEngine.compute(DeadlineRequest(ruleID: ruleID, date: start, department: department))
    }
}

/// A capture kept with a case: its slot and the file name the journal uses for it.
public struct CaseCapture: Sendable, Equatable {
    public let slot: Int
    /// `piece-3.png`: the name attempts refer to, never the uploaded file's name.
    public let reference: String
    public let format: CaptureFormat
    public let byteCount: Int

    public init(slot: Int, reference: String, format: CaptureFormat, byteCount: Int) {
        self.slot = slot
        self.reference = reference
        self.format = format
        self.byteCount = byteCount
    }
}

/// Everything a case holds that is sealed: the case file (person, procedure, journal, letters), the languages the
/// person speaks, the notes, the mandate, the deadlines and the captures' index.
public struct CaseContent: Sendable, Equatable {
    public static let formatVersion = 1

    public var caseFile: CaseFile
    public var languages: [String]
    public var notes: [CaseNote]
    public var mandate: Mandate
    public var deadlines: [CaseDeadline]
    public var captures: [CaseCapture]
    /// Set when the case was imported from a self-help file (the day of the hand-over).
    public var handedOverOn: LocalDate?

    public init(
        caseFile: CaseFile, languages: [String] = [], notes: [CaseNote] = [], mandate: Mandate,
        deadlines: [CaseDeadline] = [], captures: [CaseCapture] = [], handedOverOn: LocalDate? = nil
    ) {
        self.caseFile = caseFile
        self.languages = languages
        self.notes = notes
        self.mandate = mandate
        self.deadlines = deadlines
        self.captures = captures
        self.handedOverOn = handedOverOn
    }

    /// The capture an attempt refers to.
    public func capture(named reference: String) -> CaseCapture? { captures.first { $0.reference == reference } }

    /// The clear deadlines the store keeps for the dashboard.
    public var deadlineRecords: [CaseDeadlineRecord] {
        deadlines.compactMap { deadline in
            deadline.result(in: caseFile.department).map { CaseDeadlineRecord(ruleID: deadline.ruleID, due: $0.deadline.iso) }
        }
    }

    // MARK: JSON

    public var json: [UInt8] {
        var members: [JSONMember] = [
            JSONMember("format", .number(String(Self.formatVersion))),
            JSONMember("caseFile", caseFile.jsonValue),
            JSONMember("languages", .array(languages.map { .string($0) })),
            JSONMember(
                "notes",
                .array(
                    notes.map { note in
                        .object([
                            JSONMember("at", .number(String(note.at))), JSONMember("author", .string(note.authorID)),
                            JSONMember("text", .string(note.text)),
                        ])
                    })),
            JSONMember(
                "mandate",
                .object([
                    JSONMember("scopes", .array(mandate.orderedScopes.map { .string($0.rawValue) })),
                    JSONMember("from", .string(mandate.from.iso)), JSONMember("until", .string(mandate.until.iso)),
                    JSONMember("revokedAt", mandate.revokedAt.map { .number(String($0)) } ?? .null),
                ])),
            JSONMember(
                "deadlines",
                .array(
                    deadlines.map { deadline in
                        .object([JSONMember("rule", .string(deadline.ruleID)), JSONMember("start", .string(deadline.start.iso))])
                    })),
            JSONMember(
                "captures",
                .array(
                    captures.map { capture in
                        .object([
                            JSONMember("slot", .number(String(capture.slot))),
                            JSONMember("reference", .string(capture.reference)),
                            JSONMember("format", .string(capture.format.rawValue)),
                            JSONMember("byteCount", .number(String(capture.byteCount))),
                        ])
                    })),
        ]
        if let handedOverOn { members.append(JSONMember("handedOverOn", .string(handedOverOn.iso))) }
        return Array(JSONWriter.compact(.object(members)).utf8)
    }

    /// Reads what ``json`` wrote; `nil` when the bytes are not such a document.
    public init?(json bytes: [UInt8]) {
        guard case .object(let root)? = try? JSONParser.parse(bytes) else { return nil }
        func value(_ key: String, in members: [JSONMember]) -> JSONValue? { members.first { $0.key == key }?.value }
        func string(_ key: String, in members: [JSONMember]) -> String? {
            if case .string(let text)? = value(key, in: members) { return text }
            return nil
        }
        func integer(_ key: String, in members: [JSONMember]) -> Int64? {
            if case .number(let text)? = value(key, in: members) { return Int64(text) }
            return nil
        }
        guard let caseFileValue = value("caseFile", in: root),
            let caseFile = try? CaseFile.decode(json: Array(JSONWriter.compact(caseFileValue).utf8)),
            case .object(let mandateMembers)? = value("mandate", in: root),
            let from = string("from", in: mandateMembers).flatMap({ LocalDate(iso: $0) }),
            let until = string("until", in: mandateMembers).flatMap({ LocalDate(iso: $0) }),
            case .array(let scopeValues)? = value("scopes", in: mandateMembers)
        else { return nil }
        let scopes = Set(scopeValues.compactMap { scope -> MandateScope? in
            if case .string(let text) = scope { return MandateScope(rawValue: text) }
            return nil
        })
        guard let mandate = try? Mandate(scopes: scopes, from: from, until: until, revokedAt: integer("revokedAt", in: mandateMembers))
        else { return nil }
        func objects(_ key: String) -> [[JSONMember]] {
            guard case .array(let items)? = value(key, in: root) else { return [] }
            return items.compactMap { item in
                if case .object(let members) = item { return members }
                return nil
            }
        }
        var languages: [String] = []
        if case .array(let items)? = value("languages", in: root) {
            languages = items.compactMap { item in
                if case .string(let text) = item { return text }
                return nil
            }
        }
        self.caseFile = caseFile
        self.languages = languages
        self.mandate = mandate
        self.notes = objects("notes").compactMap { members in
            guard let at = integer("at", in: members), let author = string("author", in: members),
                let text = string("text", in: members)
            else { return nil }
            return CaseNote(at: at, authorID: author, text: text)
        }
        self.deadlines = objects("deadlines").compactMap { members in
            guard let rule = string("rule", in: members), let start = string("start", in: members).flatMap({ LocalDate(iso: $0) })
            else { return nil }
            return CaseDeadline(ruleID: rule, start: start)
        }
        self.captures = objects("captures").compactMap { members in
            guard let slot = integer("slot", in: members), let reference = string("reference", in: members),
                let format = string("format", in: members).flatMap(CaptureFormat.init(rawValue:)),
                let byteCount = integer("byteCount", in: members)
            else { return nil }
            return CaseCapture(slot: Int(slot), reference: reference, format: format, byteCount: Int(byteCount))
        }
        self.handedOverOn = string("handedOverOn", in: root).flatMap { LocalDate(iso: $0) }
    }
}
