/// One case of a collective filing, as the summary lists it: its number and what its evidence amounts to.
///
/// It holds no personal data: the summary travels with the bundle and is read by people who need not know who
/// the applicants are.
public struct FiledCase: Sendable, Equatable {
    /// The help desk's case number (`2026-0042`).
    public var number: String
    /// The day of the first attempt recorded, in the département's civil time; `nil` with no attempt.
    public var firstAttempt: LocalDate?
    /// How many attempts the journal holds.
    public var attempts: Int
    /// The evidence check's verdict.
    public var verdict: EvidenceVerdict

    /// Creates a line of the summary.
    public init(number: String, firstAttempt: LocalDate?, attempts: Int, verdict: EvidenceVerdict) {
        self.number = number
        self.firstAttempt = firstAttempt
        self.attempts = attempts
        self.verdict = verdict
    }

    /// The line of `caseFile`: its first attempt (any outcome), its number of attempts and the verdict of `rule`,
    /// as the référé filed with it reads them.
    public init(number: String, caseFile: CaseFile, rule: EvidenceRule = .standard) {
        self.init(
            number: number, firstAttempt: caseFile.datedAttempts.first?.local.date,
            attempts: caseFile.attempts.count, verdict: rule.evaluate(caseFile).verdict)
    }
}

/// The summary of a « dépôt collectif de référés »: the cases an association files together against one
/// prefecture, as a table for the court and the association (PDF, DOCX or ODT through a writer) and as CSV.
///
/// Cases are sorted by number, digits compared as numbers (`2026-9999` before `2026-10000`); the same order is
/// used for the folders of the archive (`CollectiveFilingArchive`).
public enum CollectiveFilingSummary {
    /// « Appréciation des preuves… : « recevable » : au moins 3 tentatives échouées, … ; … », from the
    /// rule's thresholds (so the legend cannot drift from the verdicts), with the rule's caveat.
    static func legend(_ rule: EvidenceRule) -> String {
        var parts: [String] = []
        for level in rule.levels {
            var part = "« \(level.verdict.rawValue) » : au moins \(level.minimumFailedAttempts) tentatives échouées, "
            part += "la première et la dernière à \(level.minimumSpanDays) jours d'écart ou plus, dans "
            part += "\(level.minimumISOWeeks) semaines différentes"
            if level.requiresWrittenRequest { part += ", et une demande écrite à la préfecture" }
            parts.append(part)
        }
        var text = "Appréciation des preuves, selon la grille de guichet : " + parts.joined(separator: " ; ") + "."
        if let caveat = rule.source.caveat { text += " " + caveat }
        return text
    }

    /// The CSV header, one name per column.
    public static let csvHeader = ["numero", "premiere_tentative", "tentatives", "verdict"]

    /// The summary as a draft, in French, dated `today`.
    public static func draft(
        organisationName: String, department: Department, cases: [FiledCase], today: LocalDate
    ) -> DocumentDraft {
        let sorted = self.sorted(cases)
        let court = Court.for(department: department).court
        var blocks: [DocumentBlock] = [
            .heading(level: 1, text: "Dépôt collectif de référés « mesures utiles »"),
            .lines([
                "Association : \(organisationName)",
                "Défendeur : le \(department.prefectTitle) (\(department.code) – \(department.name))",
                "Juridiction : \(court.name)",
                "Le \(today.frenchDate)",
            ]),
        ]
        let count = sorted.count
        blocks.append(
            .paragraph([
                TextRun(
                    count == 0
                        ? "Aucune requête n'est déposée."
                        : count == 1
                            ? "Une requête est déposée, dans le dossier ci-dessous."
                            : "\(count) requêtes sont déposées ensemble, une par dossier ci-dessous. Chacune a "
                                + "sa propre requête, son bordereau et ses pièces numérotées.")
            ]))
        var rows = [["N° de dossier", "Première tentative", "Tentatives", "Appréciation des preuves"]]
        for filed in sorted {
            rows.append([
                filed.number, filed.firstAttempt?.frenchDate ?? "aucune", String(filed.attempts),
                filed.verdict.rawValue,
            ])
        }
        if count > 0 { blocks.append(.table(rows: rows)) }
        if count > 0 { blocks.append(.paragraph([TextRun(legend(EvidenceRule.standard), italic: true)])) }
        return DocumentDraft(
            title: "Dépôt collectif – \(department.prefectureName) – \(today.frenchDate)", blocks: blocks)
    }

    /// The summary as CSV (RFC 4180): a header row `numero,premiere_tentative,tentatives,verdict`, one row per
    /// case in the order of the draft, dates as `YYYY-MM-DD` (empty with no attempt), every line ended by CRLF,
    /// a field quoted when it holds a comma, a quotation mark, CR or LF (quotation marks doubled). UTF-8 with no
    /// byte order mark.
    public static func csv(cases: [FiledCase]) -> String {
        var text = csvLine(csvHeader)
        for filed in sorted(cases) {
            text += csvLine([
                filed.number, filed.firstAttempt?.iso ?? "", String(filed.attempts), filed.verdict.rawValue,
            ])
        }
        return text
    }

    /// The cases by number, digits compared as numbers; equal numbers keep their order.
    public static func sorted(_ cases: [FiledCase]) -> [FiledCase] { ordered(cases, number: \.number) }

    /// `items` by the case number `number` reads from each (``caseNumberPrecedes(_:_:)``); equal numbers keep
    /// their order. The archive orders its folders with it.
    public static func ordered<Item>(_ items: [Item], number: (Item) -> String) -> [Item] {
        items.enumerated().sorted { lhs, rhs in
            let (a, b) = (number(lhs.element), number(rhs.element))
            if caseNumberPrecedes(a, b) { return true }
            if caseNumberPrecedes(b, a) { return false }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// Whether case number `lhs` comes before `rhs`: runs of ASCII digits are compared as numbers (`2026-9` before
    /// `2026-0042`, `2026-9999` before `2026-10000`), other characters by their Unicode scalar values.
    /// Two numbers equal in value but not in spelling (`007`, `7`) are ordered by their spelling.
    public static func caseNumberPrecedes(_ lhs: String, _ rhs: String) -> Bool {
        let a = Array(lhs.unicodeScalars)
        let b = Array(rhs.unicodeScalars)
        var i = 0
        var j = 0
        while i < a.count && j < b.count {
            if isDigit(a[i]) && isDigit(b[j]) {
                let startA = i
                let startB = j
                while i < a.count && isDigit(a[i]) { i += 1 }
                while j < b.count && isDigit(b[j]) { j += 1 }
                let digitsA = a[startA..<i].drop { $0 == "0" }
                let digitsB = b[startB..<j].drop { $0 == "0" }
                if digitsA.count != digitsB.count { return digitsA.count < digitsB.count }
                for (x, y) in zip(digitsA, digitsB) where x != y { return x.value < y.value }
            } else {
                if a[i] != b[j] { return a[i].value < b[j].value }
                i += 1
                j += 1
            }
        }
        if i < a.count || j < b.count { return j < b.count }
        return lhs.unicodeScalars.lexicographicallyPrecedes(rhs.unicodeScalars)
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    private static func csvLine(_ fields: [String]) -> String {
        CSVText.row(fields)
    }
}
