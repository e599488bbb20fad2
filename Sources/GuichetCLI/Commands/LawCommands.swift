internal import ArgumentParser
internal import Foundation
internal import GuichetCore

/// What a command prints and the status it exits with; computed without touching the process, so that
/// tests check the exact output and status of every path.
struct CommandOutcome: Equatable {
    var standardOutput = ""
    var standardError = ""
    var status: Int32 = 0

    static func failure(_ message: String, status: Int32 = 2) -> CommandOutcome {
        CommandOutcome(standardError: "guichet : " + message + "\n", status: status)
    }

    /// Writes the outputs and ends the command with the status.
    func emit() throws {
        if !standardOutput.isEmpty { FileHandle.standardOutput.write(Data(standardOutput.utf8)) }
        if !standardError.isEmpty { FileHandle.standardError.write(Data(standardError.utf8)) }
        if status != 0 { throw ExitCode(status) }
    }
}

/// Output formats of the law commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

func json(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(value) else { return "{}\n" }
    return String(decoding: data, as: UTF8.self) + "\n"
}

/// `guichet deadline RULE --date …`: compute a legal deadline, with its steps and source.
struct DeadlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadline", abstract: "Calcule un délai légal, étape par étape, avec sa source.",
        discussion: "Règles : " + DeadlineRule.catalogue.map(\.id).joined(separator: ", ")
            + ".\nErreur de saisie (règle inconnue, date impossible, département inconnu) : message sur la sortie d'erreur, code 2.")

    @Argument(help: "La règle (par exemple recours-contentieux).")
    var rule: String

    @Option(help: "La date de départ, AAAA-MM-JJ (notification, dépôt, expiration du titre…).")
    var date: String

    @Option(help: "L'heure de départ HH:MM (règles en heures, comme oqtf-48h).")
    var time: String?

    @Option(help: "Le code du département (75, 2A, 971…), pour ses jours fériés.")
    var department: String?

    @Flag(name: .customLong("outre-mer"), help: "La personne réside outre-mer (R.421-7 CJA : un mois de plus).")
    var overseas = false

    @Flag(name: .customLong("etranger"), help: "La personne réside à l'étranger (R.421-7 CJA : deux mois de plus).")
    var abroad = false

    @Option(help: "Format de sortie : text ou json.")
    var format: OutputFormat = .text

    func run() throws {
        try Self.execute(
            rule: rule, date: date, time: time, department: department, overseas: overseas, abroad: abroad, format: format
        ).emit()
    }

    static func execute(
        rule: String, date: String, time: String?, department: String?, overseas: Bool, abroad: Bool, format: OutputFormat
    ) -> CommandOutcome {
        do {
            let request = try DeadlineRequest.parse(
                rule: rule, date: date, time: time, department: department, overseas: overseas, abroad: abroad)
            let result = try DeadlineEngine.compute(request)
            switch format {
            case .json: return CommandOutcome(standardOutput: json(result))
            case .text: return CommandOutcome(standardOutput: result.plainText() + "\n")
            }
        } catch {
            return .failure(error.frenchMessage)
        }
    }
}

/// `guichet court --department CODE`: the competent administrative court.
struct CourtCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "court", abstract: "Donne le tribunal administratif compétent pour un département (art. R.221-3 CJA).")

    @Option(help: "Le code du département (93, 2A, 974…).")
    var department: String

    @Flag(help: "Refus de visa : toujours le tribunal administratif de Nantes (R.312-18 CJA).")
    var visa = false

    @Option(help: "Format de sortie : text ou json.")
    var format: OutputFormat = .text

    func run() throws {
        try Self.execute(department: department, visa: visa, format: format).emit()
    }

    static func execute(department code: String, visa: Bool, format: OutputFormat) -> CommandOutcome {
        guard let department = Department.lookup(code) else {
            return .failure(DeadlineError.invalidDepartment(code).frenchMessage)
        }
        let assignment = visa ? Court.forVisaRefusal(department: department) : Court.for(department: department)
        switch format {
        case .json: return CommandOutcome(standardOutput: json(CourtOutput(assignment)))
        case .text:
            var lines = ["\(assignment.court.name) — compétent pour \(department.name) (\(department.code))"]
            if let address = assignment.court.address {
                lines.append("Adresse : " + address.lines.joined(separator: ", ")
                    + (address.isVerified ? "" : " (adresse à vérifier)"))
            } else {
                lines.append("Adresse : à vérifier")
            }
            let status = assignment.source.isVerified ? "vérifiée" : "NON VÉRIFIÉE"
            lines.append("Source : \(assignment.source.citation) (\(status), le \(assignment.source.dateChecked.frenchDate))")
            return CommandOutcome(standardOutput: lines.joined(separator: "\n") + "\n")
        }
    }
}

/// The stable JSON contract of `guichet court`.
struct CourtOutput: Encodable {
    let department: String
    let departmentName: String
    let court: String
    let address: String?
    let addressVerified: Bool
    let website: String
    let source: String
    let inForceSince: String
    let dateChecked: String
    let verified: Bool

    init(_ assignment: CourtAssignment) {
        department = assignment.department.code
        departmentName = assignment.department.name
        court = assignment.court.name
        address = assignment.court.address.map { $0.lines.joined(separator: ", ") }
        addressVerified = assignment.court.address?.isVerified ?? false
        website = assignment.court.website
        source = assignment.source.citation
        inForceSince = assignment.inForceSince.iso
        dateChecked = assignment.source.dateChecked.iso
        verified = assignment.source.isVerified
    }
}

/// `guichet holidays --department CODE`: the public holidays of a département, one per line.
struct HolidaysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "holidays", abstract: "Liste les jours fériés d'un département (AAAA-MM-JJ<TAB>nom).")

    @Option(help: "Le code du département (75, 57, 971…).")
    var department: String = "75"

    @Option(help: "Première année.")
    var from: Int

    @Option(help: "Dernière année.")
    var to: Int

    func run() throws {
        try Self.execute(department: department, from: from, to: to).emit()
    }

    static func execute(department code: String, from: Int, to: Int) -> CommandOutcome {
        guard let department = Department.lookup(code) else {
            return .failure(DeadlineError.invalidDepartment(code).frenchMessage)
        }
        guard (1900...2200).contains(from), (1900...2200).contains(to), from <= to else {
            return .failure("années invalides : de 1900 à 2200, la première avant la dernière")
        }
        let lines = LegalCalendar.holidays(from: from, through: to, department: department).map { "\($0.date.iso)\t\($0.name)" }
        return CommandOutcome(standardOutput: lines.joined(separator: "\n") + "\n")
    }
}

extension Error {
    /// The French message of a known error; a generic one otherwise.
    var frenchMessage: String {
        if let error = self as? DeadlineError { return error.frenchMessage }
        if let error = self as? CaseFileError { return error.frenchMessage }
        if let error = self as? JournalError { return error.frenchMessage }
        return "erreur inattendue"
    }
}
