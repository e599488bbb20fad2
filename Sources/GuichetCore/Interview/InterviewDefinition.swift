/// A guided interview (« parcours »), as data: the questions asked one per screen, the values computed
/// from the answers with the deadline rules and the sufficiency check, and the outcomes shown at the end.
///
/// Definitions are written in YAML under `content/parcours/` (docs/interviews.md) and parsed by
/// GuichetContent; Core only holds the values, checks them (``validate()``) and runs them
/// (``InterviewEngine``). Every element keeps the line of the file it came from, so that problems can be
/// reported as `file:line`.
public struct InterviewDefinition: Sendable, Equatable {
    /// The URL slug: `/parcours/<id>`.
    public var id: Slug
    /// The French title: « Je n'arrive pas à obtenir de rendez-vous en préfecture ».
    public var title: String
    /// A short French introduction shown before the first question.
    public var summary: String?
    /// Questions and terminal stops, in the order they are asked.
    public var steps: [InterviewStep]
    /// How the answers make a ``CaseFile`` (for the sufficiency check and the documents), if they do.
    public var caseFile: CaseFileMapping?
    /// Values computed from the answers, in order.
    public var computations: [Computation]
    /// What the result page may show, each under its condition.
    public var outcomes: [Outcome]
    /// Line of the definition's first key (1 when unknown).
    public var line: Int

    /// Creates a definition.
    public init(
        id: Slug, title: String, summary: String? = nil, steps: [InterviewStep], caseFile: CaseFileMapping? = nil,
        computations: [Computation] = [], outcomes: [Outcome] = [], line: Int = 1
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.steps = steps
        self.caseFile = caseFile
        self.computations = computations
        self.outcomes = outcomes
        self.line = line
    }

    /// The questions of the top level, in order (stops left out).
    public var questions: [Question] {
        steps.compactMap {
            if case .question(let question) = $0 { return question }
            return nil
        }
    }

    /// The top-level question, or the question of a group, with this variable name.
    public func question(named name: String) -> Question? {
        for question in questions {
            if question.id == name { return question }
            if case .group(let group) = question.kind, let sub = group.questions.first(where: { $0.id == name }) {
                return sub
            }
        }
        return nil
    }

    /// The computation with this identifier.
    public func computation(named name: String) -> Computation? { computations.first { $0.id == name } }
}

/// One element of an interview, in order: a question, or a stop that ends the interview when its
/// condition holds (« votre rendez-vous est obtenu : rien d'autre à faire »).
public enum InterviewStep: Sendable, Equatable {
    /// A question.
    case question(Question)
    /// A terminal outcome: when its condition holds, no later question is asked.
    case stop(Outcome)
}

/// One question: a variable name, its French label and hint, its kind and when it is asked.
public struct Question: Sendable, Equatable {
    /// The variable the answer is stored under (`[a-z][a-z0-9_]*`).
    public var id: String
    /// The French question: « Dans quel département se trouve la préfecture ? ».
    public var label: String
    /// French help under the label.
    public var hint: String?
    /// What is asked.
    public var kind: QuestionKind
    /// Whether an answer is needed to go on (otherwise the person may leave it blank).
    public var isRequired: Bool
    /// Asked only when this holds (always when `nil`).
    public var condition: Condition?
    /// Line in the definition file.
    public var line: Int

    /// Creates a question.
    public init(
        id: String, label: String, hint: String? = nil, kind: QuestionKind, isRequired: Bool = true,
        condition: Condition? = nil, line: Int = 0
    ) {
        self.id = id
        self.label = label
        self.hint = hint
        self.kind = kind
        self.isRequired = isRequired
        self.condition = condition
        self.line = line
    }
}

/// What a question asks for, with its validation.
public enum QuestionKind: Sendable, Equatable {
    /// One of a list of choices (radio buttons).
    case singleChoice([Choice])
    /// One of the 101 départements, by INSEE code (« 93 », « 2A », « 974 »).
    case department
    /// A calendar date, optionally within bounds.
    case date(DateRange)
    /// A date and a wall-clock time, read in the civil time of the case file's département.
    case dateTime(DateRange)
    /// Free text, at most `maxLength` characters; `isMultiline` asks for a text area.
    case text(maxLength: Int, isMultiline: Bool)
    /// A file (screenshot, scan) uploaded by the person; the answer is the reference the web layer
    /// stored it under, never its bytes.
    case file
    /// Sub-questions asked again for each entry (« ajouter une tentative »), until the person says stop.
    case group(QuestionGroup)

    /// The kind's name in the YAML format: `choice`, `department`, `date`, `datetime`, `text`, `file`,
    /// `group`.
    public var name: String {
        switch self {
        case .singleChoice: return "choice"
        case .department: return "department"
        case .date: return "date"
        case .dateTime: return "datetime"
        case .text: return "text"
        case .file: return "file"
        case .group: return "group"
        }
    }
}

/// One choice of a single-choice question.
public struct Choice: Sendable, Equatable {
    /// The stored value, a slug (`renouvellement-titre`).
    public var value: String
    /// The French label.
    public var label: String
    /// French help under the choice.
    public var hint: String?

    /// Creates a choice.
    public init(value: String, label: String, hint: String? = nil) {
        self.value = value
        self.label = label
        self.hint = hint
    }
}

/// Bounds of a date answer, each fixed or relative to the day the interview is run.
public struct DateRange: Sendable, Equatable {
    /// Earliest accepted date.
    public var earliest: DateBound?
    /// Latest accepted date.
    public var latest: DateBound?

    /// Creates bounds.
    public init(earliest: DateBound? = nil, latest: DateBound? = nil) {
        self.earliest = earliest
        self.latest = latest
    }

    /// No bounds.
    public static let any = DateRange()
}

/// A date bound: a fixed day, or a number of days from « today » (the date the engine is told).
public enum DateBound: Sendable, Equatable {
    /// This day.
    case fixed(LocalDate)
    /// `today + days` (negative for the past).
    case today(offsetDays: Int)

    /// The bound's day when the interview runs on `today`.
    public func resolved(today: LocalDate) -> LocalDate {
        switch self {
        case .fixed(let day): return day
        case .today(let offset): return today.adding(days: offset)
        }
    }

    /// Parses `today`, `today+30`, `today-365` or `YYYY-MM-DD` (spaces allowed around the sign).
    public init?(text: String) {
        let compact = String(text.filter { $0 != " " })
        if let day = LocalDate(iso: compact) {
            self = .fixed(day)
            return
        }
        guard compact.hasPrefix("today") else { return nil }
        let rest = compact.dropFirst("today".count)
        if rest.isEmpty {
            self = .today(offsetDays: 0)
            return
        }
        guard let sign = rest.first, sign == "+" || sign == "-", let n = Int(rest.dropFirst()), n >= 0 else {
            return nil
        }
        self = .today(offsetDays: sign == "-" ? -n : n)
    }
}

/// The sub-questions of a repeated group, and how many entries it takes.
public struct QuestionGroup: Sendable, Equatable {
    /// The questions asked for each entry (no nested groups).
    public var questions: [Question]
    /// Entries required before the person may stop.
    public var minimum: Int
    /// Entries after which no more are offered.
    public var maximum: Int
    /// The question that asks whether to add another entry: « Ajouter une autre tentative ? ».
    public var addLabel: String
    /// How one entry is called in headings: « Tentative » gives « Tentative n° 2 ».
    public var entryLabel: String

    /// Creates a group.
    public init(questions: [Question], minimum: Int = 0, maximum: Int = 50, addLabel: String, entryLabel: String) {
        self.questions = questions
        self.minimum = minimum
        self.maximum = maximum
        self.addLabel = addLabel
        self.entryLabel = entryLabel
    }
}

/// Which answers fill which fields of a ``CaseFile``: field name → variable name.
///
/// Field names follow the case-file JSON (docs/case-file.md) in snake case. The attempts group's
/// entries must hold `at` (datetime), `channel` (``AttemptChannel`` values), `outcome`
/// (``AttemptOutcome`` values), and may hold `capture` (file) and `note` (text); the letters group's
/// entries `sent_on` (date) and `kind` (``LetterKind`` values), and may hold `reference` (text) and
/// `copy` (file). A value that starts with `=` is a constant, not a variable: `procedure: "=naturalisation"`
/// fixes the procedure of every case file the path builds (only for `procedure` and `decision_authority`).
/// A `caf_benefit` choice gives its label, not its value (« allocations familiales »).
public struct CaseFileMapping: Sendable, Equatable {
    /// Field name in the YAML (`department`, `procedure`, …) → variable name.
    public var fields: [String: String]
    /// Line in the definition file.
    public var line: Int

    /// The fields a mapping may name, and the kind of question each needs.
    public static let knownFields: [String: String] = [
        "department": "department", "procedure": "choice", "procedure_detail": "text", "permit_expiry": "date",
        "circumstances": "text", "attempts": "group", "letters": "group", "name": "text", "birth_date": "date",
        "birth_place": "text", "nationality": "text", "address": "text", "phone": "text", "email": "text",
        "civility": "choice", "foreigner_number": "text", "filed_on": "date", "filing_number": "text",
        "decision_authority": "choice", "decision_date": "date", "decision_reference": "text",
        "decision_grounds": "text", "employer_name": "text", "employer_address": "text", "caf_name": "text",
        "caf_address": "text", "caf_number": "text", "caf_benefit": "choice", "caf_suspended_on": "date",
        "caf_reason": "text",
    ]

    /// The values a constant (`procedure: "=naturalisation"`) may take, for the fields that accept one.
    public static let constantValues: [String: [String]] = [
        "procedure": Procedure.allCases.map(\.rawValue),
        "decision_authority": DecisionAuthority.allCases.map(\.rawValue),
    ]

    /// The constant a field is set to (`"=naturalisation"` → `naturalisation`), or `nil` for a variable.
    public func constant(_ field: String) -> String? {
        guard let value = fields[field], value.hasPrefix("=") else { return nil }
        return String(value.dropFirst())
    }

    /// Sub-variables of an attempts entry, with their kinds; the first three are required.
    public static let attemptFields: [(name: String, kind: String)] = [
        ("at", "datetime"), ("channel", "choice"), ("outcome", "choice"), ("capture", "file"), ("note", "text"),
    ]
    /// Sub-variables of a letters entry, with their kinds; the first two are required.
    public static let letterFields: [(name: String, kind: String)] = [
        ("sent_on", "date"), ("kind", "choice"), ("reference", "text"), ("copy", "file"),
    ]

    /// Creates a mapping.
    public init(fields: [String: String], line: Int = 0) {
        self.fields = fields
        self.line = line
    }
}

/// A value computed from the answers when the result is shown (and available to later conditions).
public struct Computation: Sendable, Equatable {
    /// The name conditions use (`fenetre`, `verdict`).
    public var id: String
    /// What is computed.
    public var kind: Kind
    /// Computed only when this holds.
    public var condition: Condition?
    /// Line in the definition file.
    public var line: Int

    /// What is computed.
    public enum Kind: Sendable, Equatable {
        /// A ``DeadlineRule`` from the date answered in `dateVariable`, with the holidays of the
        /// département answered in `departmentVariable`.
        case deadline(ruleID: String, dateVariable: String, departmentVariable: String?)
        /// The sufficiency check (``EvidenceRule/standard``) of the case file built from the answers.
        case evidence
    }

    /// Creates a computation.
    public init(id: String, kind: Kind, condition: Condition? = nil, line: Int = 0) {
        self.id = id
        self.kind = kind
        self.condition = condition
        self.line = line
    }
}

/// Something the result page shows when its condition holds: advice, deadlines, documents.
public struct Outcome: Sendable, Equatable {
    /// Identifier (for tests, anchors and the definition check).
    public var id: String
    /// Shown only when this holds (always when `nil`).
    public var condition: Condition?
    /// A French heading.
    public var title: String?
    /// French paragraphs.
    public var paragraphs: [String]
    /// Identifiers of deadline computations to show.
    public var deadlines: [String]
    /// Documents offered (``DocumentKind`` raw values).
    public var documents: [String]
    /// Line in the definition file.
    public var line: Int

    /// Creates an outcome.
    public init(
        id: String, condition: Condition? = nil, title: String? = nil, paragraphs: [String] = [],
        deadlines: [String] = [], documents: [String] = [], line: Int = 0
    ) {
        self.id = id
        self.condition = condition
        self.title = title
        self.paragraphs = paragraphs
        self.deadlines = deadlines
        self.documents = documents
        self.line = line
    }
}
