internal import ArgumentParser
internal import Foundation
internal import GuichetCore
internal import GuichetDocuments
internal import GuichetEncryption

/// A case file read from disk, with access to the files it names (relative to its folder).
struct CaseFileOnDisk {
    let path: String
    let caseFile: CaseFile

    /// Reads and decodes `path`; every problem is reported with its JSON path, status 2.
    static func load(_ path: String) -> Result<CaseFileOnDisk, CLIError> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(CLIError("fichier illisible : \(path)"))
        }
        do {
            return .success(CaseFileOnDisk(path: path, caseFile: try CaseFile.decode(json: Array(data))))
        } catch {
            return .failure(CLIError("\(path) :\n" + error.frenchMessage))
        }
    }

    /// Loads `path` and runs `body` on it; a file that cannot be read or decoded gives its error, status 2.
    static func with(_ path: String, _ body: (CaseFileOnDisk) -> CommandOutcome) -> CommandOutcome {
        switch load(path) {
        case .failure(let error): return .failure(error.message)
        case .success(let loaded): return body(loaded)
        }
    }

    var folder: URL { URL(fileURLWithPath: path).deletingLastPathComponent() }

    /// The content of a file named in the case file, or `nil` when it is missing, not a regular file or
    /// larger than the journal accepts (checked before reading).
    func file(_ relative: String) -> [UInt8]? {
        let url = relative.hasPrefix("/") ? URL(fileURLWithPath: relative) : folder.appendingPathComponent(relative)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
            attributes[.type] as? FileAttributeType == .typeRegular,
            let size = attributes[.size] as? Int, size <= Journal.maximumCaptureSize,
            let data = FileManager.default.contents(atPath: url.path)
        else { return nil }
        return Array(data)
    }

    /// Writes `caseFile` back in place, atomically (a crash leaves the old file or the new, never half).
    static func save(_ caseFile: CaseFile, to path: String) throws {
        try Data(caseFile.canonicalJSON.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}

/// SHA-256 from swift-crypto, as the journal and the drafts expect it.
func sha256(_ bytes: [UInt8]) -> [UInt8] { Hashing.sha256(bytes) }

/// The files of one case file read once each and hashed once each, for one command: drafting verifies the
/// journal (every capture read and hashed) and then reads and hashes each exhibit again; with thirty
/// screenshots that was half of `guichet document`'s own time.
final class CaptureReads {
    private let loaded: CaseFileOnDisk
    private var contents: [String: [UInt8]?] = [:]
    /// The storage addresses of the arrays `file` gave out, which this object keeps alive: no other array can
    /// have one of them, so an address names its bytes for as long as the command runs.
    private var digests: [Int: [UInt8]?] = [:]

    init(_ loaded: CaseFileOnDisk) { self.loaded = loaded }

    func file(_ relative: String) -> [UInt8]? {
        if let known = contents[relative] { return known }
        let bytes = loaded.file(relative)
        contents[relative] = .some(bytes)
        if let bytes { digests[Self.address(bytes)] = .some(nil) }
        return bytes
    }

    func hash(_ bytes: [UInt8]) -> [UInt8] {
        let address = Self.address(bytes)
        guard let known = digests[address] else { return sha256(bytes) }  // not read through `file`
        if let digest = known { return digest }
        let digest = sha256(bytes)
        digests[address] = .some(digest)
        return digest
    }

    private static func address(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress) }
    }
}

/// `guichet journal …`: the tamper-evident journal of attempts.
struct JournalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal", abstract: "Journal des tentatives : ajouter, sceller, vérifier.",
        subcommands: [Verify.self, Append.self, Seal.self])

    /// `guichet journal verify CASE.json`.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Vérifie la chaîne d'empreintes SHA-256 du journal et chaque capture.",
            discussion: "Code 0 si le journal est intact, 1 s'il a été modifié (la première entrée en cause est nommée), 2 si le fichier est illisible.")

        @Argument(help: "Le dossier (JSON).")
        var caseFile: String

        @Option(help: "Format de sortie : text ou json.")
        var format: OutputFormat = .text

        func run() throws { try Self.execute(caseFile, format: format).emit() }

        static func execute(_ path: String, format: OutputFormat) -> CommandOutcome {
            CaseFileOnDisk.with(path) { loaded in
                let verification = Journal.verify(loaded.caseFile, captures: loaded.file, hash: sha256)
                let output = format == .json ? json(verification) : verification.frenchMessage + "\n"
                return CommandOutcome(standardOutput: output, status: verification.isIntact ? 0 : 1)
            }
        }
    }

    /// `guichet journal append CASE.json --at … --channel … --outcome …`.
    struct Append: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ajoute une tentative à la fin du journal, scellée (le fichier est réécrit de façon atomique).")

        @Argument(help: "Le dossier (JSON).")
        var caseFile: String

        @Option(help: "Date et heure de la tentative, avec le décalage : 2026-10-05T08:59:00+02:00.")
        var at: String

        @Option(help: ArgumentHelp("Canal : " + AttemptChannel.allCases.map(\.rawValue).joined(separator: ", ") + "."))
        var channel: String

        @Option(help: ArgumentHelp("Résultat : " + AttemptOutcome.allCases.map(\.rawValue).joined(separator: ", ") + "."))
        var outcome: String

        @Option(help: "Ce qui s'est passé (le message affiché, par exemple).")
        var note: String?

        @Option(help: "La capture d'écran (PNG, JPEG ou PDF, 10 Mo au plus), chemin relatif au dossier.")
        var capture: String?

        func run() throws {
            try Self.execute(caseFile, at: at, channel: channel, outcome: outcome, note: note, capture: capture).emit()
        }

        static func execute(
            _ path: String, at: String, channel: String, outcome: String, note: String?, capture: String?
        ) -> CommandOutcome {
            CaseFileOnDisk.with(path) { loaded in
                append(to: loaded, at: at, channel: channel, outcome: outcome, note: note, capture: capture)
            }
        }

        static func append(
            to loaded: CaseFileOnDisk, at: String, channel: String, outcome: String, note: String?, capture: String?
        ) -> CommandOutcome {
            let path = loaded.path
            guard let instant = OffsetDateTime(iso: at) else {
                return .failure("--at : date et heure invalides (attendu AAAA-MM-JJTHH:MM:SS+02:00)")
            }
            guard let channelValue = AttemptChannel(rawValue: channel) else {
                return .failure("--channel : canal inconnu « \(channel) »")
            }
            guard let outcomeValue = AttemptOutcome(rawValue: outcome) else {
                return .failure("--outcome : résultat inconnu « \(outcome) »")
            }
            var bytes: [UInt8]? = nil
            if let capture {
                guard let read = loaded.file(capture) else {
                    return .failure("--capture : fichier introuvable ou de plus de 10 Mo : \(capture)")
                }
                bytes = read
            }
            let attempt = Attempt(at: instant, channel: channelValue, outcome: outcomeValue, note: note, capture: capture)
            do {
                let updated = try Journal.append(attempt, capture: bytes, to: loaded.caseFile, hash: sha256)
                try CaseFileOnDisk.save(updated, to: path)
                let head = updated.attempts.last?.hash ?? ""
                return CommandOutcome(standardOutput: "Tentative n° \(updated.attempts.count) ajoutée ; empreinte \(head)\n")
            } catch let error as JournalError {
                return .failure(error.frenchMessage)
            } catch {
                return .failure("écriture impossible : \(path)", status: 1)
            }
        }
    }

    /// `guichet journal seal CASE.json`: seal entries written by hand.
    struct Seal: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Scelle les tentatives saisies à la main à la fin du journal (les entrées déjà scellées ne changent pas).")

        @Argument(help: "Le dossier (JSON).")
        var caseFile: String

        func run() throws {
            try CaseFileOnDisk.with(caseFile) { loaded in
                do {
                    let sealed = try Journal.seal(loaded.caseFile, captures: loaded.file, hash: sha256)
                    try CaseFileOnDisk.save(sealed, to: loaded.path)
                    return CommandOutcome(standardOutput: "Journal scellé : \(sealed.attempts.count) tentatives.\n")
                } catch let error as JournalError {
                    return .failure(error.frenchMessage)
                } catch {
                    return .failure("écriture impossible : \(loaded.path)", status: 1)
                }
            }.emit()
        }
    }
}

/// `guichet evidence check CASE.json`: the sufficiency verdict for a référé « mesures utiles ».
struct EvidenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evidence", abstract: "Preuves des tentatives.", subcommands: [Check.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Dit si les tentatives suffisent pour un référé « mesures utiles » (insuffisant, recevable, solide), pourquoi, et comment renforcer le dossier.",
            discussion: "Code 0 quel que soit le verdict ; 2 si le fichier est illisible.")

        @Argument(help: "Le dossier (JSON).")
        var caseFile: String

        @Option(help: "Format de sortie : text ou json.")
        var format: OutputFormat = .text

        func run() throws { try Self.execute(caseFile, format: format).emit() }

        static func execute(_ path: String, format: OutputFormat) -> CommandOutcome {
            CaseFileOnDisk.with(path) { loaded in
                let report = EvidenceRule.standard.evaluate(loaded.caseFile)
                return CommandOutcome(standardOutput: format == .json ? json(report) : report.text + "\n")
            }
        }
    }
}

/// `guichet document KIND --case CASE.json --format pdf|docx|odt --out PATH`.
struct DocumentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "document", abstract: "Rédige un document prêt à envoyer, en PDF, DOCX ou ODT.",
        discussion: "Documents : " + DocumentKind.allCases.map(\.rawValue).joined(separator: ", ")
            + ". Un champ nécessaire qui manque est une erreur qui le nomme (code 2) : jamais de blanc dans le document.")

    @Argument(help: "Le document.")
    var kind: String

    @Option(name: .customLong("case"), help: "Le dossier (JSON).")
    var caseFile: String

    @Option(help: "Format : pdf, docx ou odt.")
    var format: String = "pdf"

    @Option(help: "Le fichier à écrire.")
    var out: String

    @Option(help: "La date du document, AAAA-MM-JJ (défaut : aujourd'hui, heure de Paris).")
    var date: String?

    @Flag(
        help: "Une archive ZIP : le document sans ses pièces (00-…), puis un fichier PDF par pièce, nommé d'après son numéro au bordereau (02-capture-2026-10-05.pdf).")
    var split = false

    func run() throws {
        try Self.execute(kind: kind, caseFile: caseFile, format: format, out: out, date: date, split: split, now: Date())
            .emit()
    }

    static func execute(
        kind: String, caseFile: String, format: String, out: String, date: String?, split: Bool = false, now: Date
    ) -> CommandOutcome {
        guard let documentKind = DocumentKind(rawValue: kind) else {
            return .failure("document inconnu « \(kind) » (attendu : " + DocumentKind.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        }
        guard let documentFormat = DocumentFormat(rawValue: format) else {
            return .failure("format inconnu « \(format) » (attendu : pdf, docx, odt)")
        }
        let today: LocalDate
        if let date {
            guard let parsed = LocalDate(iso: date) else { return .failure("--date : date invalide « \(date) » (AAAA-MM-JJ)") }
            today = parsed
        } else {
            today = CivilTimeZone.europeParis.wallClockReading(utcMinutes: Int(now.timeIntervalSince1970 / 60)).date
        }
        return CaseFileOnDisk.with(caseFile) { loaded in
            write(documentKind, of: loaded, as: documentFormat, to: out, today: today, split: split)
        }
    }

    static func write(
        _ documentKind: DocumentKind, of loaded: CaseFileOnDisk, as documentFormat: DocumentFormat, to out: String,
        today: LocalDate, split: Bool = false
    ) -> CommandOutcome {
        do {
            // Every PDF (and every exhibit of a split filing) is printed with the embedded fonts: a
            // character they cannot draw is named with its field before anything is written.
            if documentFormat == .pdf || split {
                let problems = try PrintabilityCheck.problems(in: loaded.caseFile)
                if !problems.isEmpty {
                    return .failure(problems.map(\.frenchMessage).joined(separator: "\n"))
                }
            }
            let reads = CaptureReads(loaded)
            let drafted = try documentKind.draft(
                from: loaded.caseFile, today: today, files: reads.file, hash: reads.hash)
            let bytes =
                split
                ? try SplitFiling.archive(drafted.draft, format: documentFormat, mainStem: documentKind.splitFileStem)
                : try documentFormat.writer.write(drafted.draft)
            try bytes.withUnsafeBytes { buffer in
                // No copy of a many-megabyte file into a `Data` first.
                let url = URL(fileURLWithPath: out)
                guard let base = buffer.baseAddress else { return try Data().write(to: url, options: .atomic) }
                try Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: buffer.count, deallocator: .none)
                    .write(to: url, options: .atomic)
            }
            var text = "\(documentKind.title) : \(out) (\(bytes.count) octets)\n"
            for notice in drafted.notices { text += "• " + notice + "\n" }
            return CommandOutcome(standardOutput: text)
        } catch let error as CaseFileError {
            return .failure(error.frenchMessage)
        } catch let error as DocumentError {
            if case .unprintableCharacter = error { return .failure(error.frenchMessage) }
            return .failure(error.frenchMessage, status: 1)
        } catch {
            return .failure("écriture impossible : \(out)", status: 1)
        }
    }
}
