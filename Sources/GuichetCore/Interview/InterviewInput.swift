/// Why an answer was refused. Data, with a string-catalog key and the French message.
public enum InterviewInputError: Error, Sendable, Equatable {
    /// A required question was left blank.
    case required
    /// Not one of the choices.
    case unknownChoice(String)
    /// Not a département code.
    case unknownDepartment(String)
    /// Not a date (`JJ/MM/AAAA` or `AAAA-MM-JJ`).
    case invalidDate(String)
    /// Not a date and a time (`JJ/MM/AAAA HH:MM`).
    case invalidDateTime(String)
    /// Before the earliest accepted date.
    case tooEarly(LocalDate)
    /// After the latest accepted date.
    case tooLate(LocalDate)
    /// Longer than the maximum, in characters.
    case tooLong(maximum: Int)
    /// The file reference is not usable.
    case invalidFile
    /// « Non » to « ajouter une autre … ? » before the minimum number of entries.
    case tooFewEntries(minimum: Int)
    /// The screen answered is not part of the interview as it stands (stale form, edited URL).
    case unexpectedScreen

    /// The key of the message in the UI string catalog (`interview.error.required`…).
    public var catalogKey: String {
        switch self {
        case .required: return "interview.error.required"
        case .unknownChoice: return "interview.error.unknown-choice"
        case .unknownDepartment: return "interview.error.unknown-department"
        case .invalidDate: return "interview.error.invalid-date"
        case .invalidDateTime: return "interview.error.invalid-date-time"
        case .tooEarly: return "interview.error.too-early"
        case .tooLate: return "interview.error.too-late"
        case .tooLong: return "interview.error.too-long"
        case .invalidFile: return "interview.error.invalid-file"
        case .tooFewEntries: return "interview.error.too-few-entries"
        case .unexpectedScreen: return "interview.error.unexpected-screen"
        }
    }

    /// The catalog's arguments, in order (dates as `YYYY-MM-DD`).
    public var arguments: [String] {
        switch self {
        case .required, .invalidFile, .unexpectedScreen: return []
        case .unknownChoice(let text), .unknownDepartment(let text), .invalidDate(let text),
            .invalidDateTime(let text):
            return [text]
        case .tooEarly(let day), .tooLate(let day): return [day.iso]
        case .tooLong(let maximum): return [String(maximum)]
        case .tooFewEntries(let minimum): return [String(minimum)]
        }
    }

    /// The message in French, for the error summary and beside the field.
    public var frenchMessage: String {
        switch self {
        case .required: return "Répondez à cette question pour continuer."
        case .unknownChoice: return "Choisissez une des réponses proposées."
        case .unknownDepartment(let text):
            return "Département inconnu : « \(text) ». Indiquez son numéro, par exemple 93, 2A ou 974."
        case .invalidDate(let text):
            return "Date invalide : « \(text) ». Écrivez-la sous la forme JJ/MM/AAAA, par exemple 04/03/2026."
        case .invalidDateTime(let text):
            return "Date et heure invalides : « \(text) ». Écrivez-les sous la forme JJ/MM/AAAA HH:MM, par exemple "
                + "04/03/2026 09:30."
        case .tooEarly(let day): return "La date doit être le \(day.frenchDate) ou après."
        case .tooLate(let day): return "La date doit être le \(day.frenchDate) ou avant."
        case .tooLong(let maximum): return "Le texte doit faire au plus \(maximum) caractères."
        case .invalidFile: return "Le fichier n'a pas pu être enregistré : choisissez une image PNG, JPEG ou un PDF."
        case .tooFewEntries(let minimum):
            return minimum == 1 ? "Ajoutez au moins une réponse." : "Ajoutez au moins \(minimum) réponses."
        case .unexpectedScreen: return "Cette question n'est plus posée : reprenez à la question affichée."
        }
    }
}

/// Reading what the person typed.
enum InputParsing {
    /// `AAAA-MM-JJ`, `JJ/MM/AAAA`, `JJ-MM-AAAA` or `JJ.MM.AAAA` (one-digit day and month accepted).
    static func date(_ text: String) -> LocalDate? {
        let trimmed = text.trimmingASCIIWhitespace()
        if let day = LocalDate(iso: trimmed) { return day }
        let parts = trimmed.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).map(String.init)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
            parts[2].count == 4, parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2])
        else { return nil }
        return LocalDate(year: y, month: m, day: d)
    }

    /// A date then a time: `AAAA-MM-JJTHH:MM`, `AAAA-MM-JJ HH:MM`, `JJ/MM/AAAA HH:MM`, `JJ/MM/AAAA à 9h30`;
    /// seconds (`:SS`) are dropped.
    static func dateTime(_ text: String) -> LocalDateTime? {
        let trimmed = text.trimmingASCIIWhitespace()
        let separated: (Substring, Substring)
        if let t = trimmed.firstIndex(of: "T") {
            separated = (trimmed[..<t], trimmed[trimmed.index(after: t)...])
        } else if let space = trimmed.firstIndex(of: " ") {
            separated = (trimmed[..<space], trimmed[trimmed.index(after: space)...])
        } else {
            return nil
        }
        guard let day = date(String(separated.0)) else { return nil }
        var clock = separated.1.trimmingPrefix("à").trimmingPrefix(" ")
        clock = Substring(clock.replacing(" ", with: ""))
        let pieces = clock.split(whereSeparator: { $0 == ":" || $0 == "h" || $0 == "H" }).map(String.init)
        guard (1...3).contains(pieces.count), pieces.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
            let hour = Int(pieces[0]), pieces[0].count <= 2
        else { return nil }
        let minute = pieces.count > 1 ? Int(pieces[1]) : 0
        guard let minute, pieces.count < 2 || pieces[1].count == 2, let time = LocalTime(hour: hour, minute: minute)
        else { return nil }
        if pieces.count == 3 {
            guard pieces[2].count == 2, let second = Int(pieces[2]), second < 60 else { return nil }
        }
        return LocalDateTime(date: day, time: time)
    }

    /// Checks `raw` against a question's kind: the typed value, `.skipped` for a blank optional
    /// question, or the reason it is refused.
    static func value(
        of raw: String, for question: Question, today: LocalDate
    ) -> Result<AnswerValue, InterviewInputError> {
        let trimmed = raw.trimmingASCIIWhitespace()
        if trimmed.isEmpty {
            return question.isRequired ? .failure(.required) : .success(.skipped)
        }
        switch question.kind {
        case .singleChoice(let choices):
            guard choices.contains(where: { $0.value == trimmed }) else { return .failure(.unknownChoice(trimmed)) }
            return .success(.choice(trimmed))
        case .department:
            guard let department = Department.lookup(trimmed) else { return .failure(.unknownDepartment(trimmed)) }
            return .success(.choice(department.code))
        case .date(let range):
            guard let day = date(trimmed) else { return .failure(.invalidDate(trimmed)) }
            if let problem = check(day, range, today: today) { return .failure(problem) }
            return .success(.date(day))
        case .dateTime(let range):
            guard let moment = dateTime(trimmed) else { return .failure(.invalidDateTime(trimmed)) }
            if let problem = check(moment.date, range, today: today) { return .failure(problem) }
            return .success(.dateTime(moment))
        case .text(let maximum, let isMultiline):
            // Line separators outside ASCII (U+2028, U+0085) are removed before trimming again: a stored text
            // is never empty and never starts or ends with a space (found by the interview-answers fuzzer).
            let text = (isMultiline ? normalizedLines(trimmed) : String(trimmed.filter { !$0.isNewline }))
                .trimmingCharacters(where: { $0.isWhitespace })
            if text.isEmpty { return question.isRequired ? .failure(.required) : .success(.skipped) }
            guard text.count <= maximum else { return .failure(.tooLong(maximum: maximum)) }
            return .success(.text(text))
        case .file:
            guard trimmed.utf8.count <= 200, !trimmed.hasPrefix("/"), !trimmed.contains(".."),
                !trimmed.contains(where: { $0.isNewline || $0 == "\\" })
            else { return .failure(.invalidFile) }
            return .success(.file(trimmed))
        case .group:
            return .failure(.unexpectedScreen)
        }
    }

    private static func check(_ day: LocalDate, _ range: DateRange, today: LocalDate) -> InterviewInputError? {
        if let earliest = range.earliest?.resolved(today: today), day < earliest { return .tooEarly(earliest) }
        if let latest = range.latest?.resolved(today: today), day > latest { return .tooLate(latest) }
        return nil
    }

    /// Lines trimmed at their end, `\r\n` as `\n`, at most one blank line in a row.
    private static func normalizedLines(_ text: String) -> String {
        var lines: [String] = []
        for line in text.replacing("\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false) {
            var clean = Substring(line)
            while let last = clean.last, last == " " || last == "\t" || last == "\r" { clean = clean.dropLast() }
            if clean.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(String(clean))
        }
        return lines.joined(separator: "\n")
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    /// The string without leading and trailing characters matching `isTrimmed`.
    fileprivate func trimmingCharacters(where isTrimmed: (Character) -> Bool) -> String {
        guard let first = firstIndex(where: { !isTrimmed($0) }), let last = lastIndex(where: { !isTrimmed($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
