/// One problem in a case file, at a JSON path: data, not prose (``frenchMessage`` gives the prose).
///
/// Reading a case file and drafting a document both report **every** problem they find, each naming
/// the field: `attempts[0].at: date et heure invalides (attendu AAAA-MM-JJTHH:MM:SS+02:00)`,
/// `person.birthPlace manquant`.
public struct CaseFileIssue: Sendable, Equatable, CustomStringConvertible {
    /// Where the problem is.
    public var path: JSONPath
    /// What the problem is.
    public var kind: Kind

    /// Creates an issue.
    public init(_ path: JSONPath, _ kind: Kind) {
        self.path = path
        self.kind = kind
    }

    /// The kinds of problem.
    public enum Kind: Sendable, Equatable {
        /// The text is not JSON.
        case syntax(JSONSyntaxError)
        /// A field that must be there is not (`why` says which rule needs it).
        case missing(because: MissingReason? = nil)
        /// A key the format does not know (`suggestion`: the closest known key, for typos).
        case unknownKey(suggestion: String?)
        /// The same key twice in an object.
        case duplicateKey
        /// A value of the wrong JSON kind.
        case wrongType(expected: JSONKind, found: JSONKind)
        /// Not a `YYYY-MM-DD` date that exists.
        case invalidDate
        /// Not a `YYYY-MM-DDTHH:MM:SS±HH:MM` instant.
        case invalidDateTime
        /// Not one of the allowed values.
        case invalidValue(String, allowed: [String])
        /// Not an INSEE département code.
        case invalidDepartment(String)
        /// An empty or blank text.
        case empty
        /// A new line or another control character in a one-line field.
        case controlCharacter
        /// An e-mail address without the shape `name@domain`.
        case invalidEmail
        /// A phone number with other characters than digits, spaces, `+ . - ( )`.
        case invalidPhone
        /// A file path that is absolute, goes up (`..`) or is otherwise unsafe.
        case invalidFilePath
        /// Not 64 lower-case hexadecimal digits.
        case invalidHash
        /// A format version this code does not read.
        case unsupportedVersion(String)
        /// A referenced file (capture, copy) cannot be read.
        case fileMissing(String)
        /// A file that is not PNG, JPEG or PDF (by content).
        case fileNotRecognised(String)
        /// A file over ``Journal/maximumCaptureSize``.
        case fileTooLarge(String, size: Int)
        /// A capture that no longer matches the SHA-256 recorded in the journal.
        case fileChanged(String)
        /// The journal chain breaks at this entry.
        case journalBroken(JournalBreak.Reason)
        /// No failed attempt is recorded: there is nothing to prove.
        case noFailedAttempt
        /// An appointment was obtained after the failed attempts.
        case appointmentObtained(LocalDate)
        /// A date later than the document's own date.
        case afterDocumentDate(LocalDate)
    }

    /// Why a document needs a field that the format leaves optional.
    public enum MissingReason: Sendable, Equatable {
        /// Outside a renewal, urgency must be shown from the person's situation (CE, 9 June 2022).
        case urgencyNotPresumed
        /// A renewal's urgency rests on the permit's expiry date.
        case renewal
        /// « autre » procedure: the documents must say what it is.
        case otherProcedure
    }

    /// The French message: `attempts[0].at: date et heure invalides (…)` or `person.birthPlace manquant`.
    public var frenchMessage: String {
        let place = path.description
        switch kind {
        case .syntax(let error):
            return error.frenchMessage
        case .missing(let reason):
            let base = place + " manquant"
            switch reason {
            case nil: return base
            case .urgencyNotPresumed?:
                return base + " (hors renouvellement, l'urgence se justifie par votre situation : "
                    + "emploi, droits sociaux, famille, santé…)"
            case .renewal?: return base + " (date d'expiration du titre à renouveler)"
            case .otherProcedure?: return base + " (précisez la démarche quand la procédure est « autre »)"
            }
        case .unknownKey(let suggestion):
            return place + ": clé inconnue" + (suggestion.map { " (vouliez-vous dire « \($0) » ?)" } ?? "")
        case .duplicateKey:
            return place + ": clé en double"
        case .wrongType(let expected, let found):
            return place + ": \(found.frenchName) au lieu de \(expected.frenchName)"
        case .invalidDate:
            return place + ": date invalide (attendu AAAA-MM-JJ)"
        case .invalidDateTime:
            return place + ": date et heure invalides (attendu AAAA-MM-JJTHH:MM:SS+02:00)"
        case .invalidValue(let value, let allowed):
            return place + ": valeur « \(value) » inconnue (valeurs possibles : "
                + allowed.joined(separator: ", ") + ")"
        case .invalidDepartment(let code):
            return place + ": département « \(code) » inconnu (code INSEE attendu : 01 à 95, 2A, 2B, 971 à 976)"
        case .empty:
            return place + ": texte vide"
        case .controlCharacter:
            return place + ": retour à la ligne ou caractère de contrôle interdit dans ce champ"
        case .invalidEmail:
            return place + ": adresse électronique invalide"
        case .invalidPhone:
            return place + ": numéro de téléphone invalide"
        case .invalidFilePath:
            return place + ": chemin de fichier invalide (chemin relatif au dossier, sans « .. »)"
        case .invalidHash:
            return place + ": empreinte invalide (64 caractères hexadécimaux minuscules attendus)"
        case .unsupportedVersion(let version):
            return place + ": version « \(version) » non prise en charge (attendu : \(CaseFile.formatVersion))"
        case .fileMissing(let file):
            return place + ": fichier « \(file) » introuvable"
        case .fileNotRecognised(let file):
            return place + ": le fichier « \(file) » n'est ni une image PNG ou JPEG, ni un PDF"
        case .fileTooLarge(let file, let size):
            return place
                + ": le fichier « \(file) » est trop volumineux (\(FrenchSize.megabytes(size)) ; au plus 10 Mo)"
        case .fileChanged(let file):
            return place + ": le fichier « \(file) » ne correspond plus à l'empreinte enregistrée dans le journal"
        case .journalBroken(let reason):
            return place + ": journal rompu, " + reason.frenchMessage
        case .noFailedAttempt:
            return place + ": aucune tentative infructueuse enregistrée"
        case .appointmentObtained(let date):
            return place + ": un rendez-vous a été obtenu le \(date.frenchDate) : le référé n'a plus d'objet"
        case .afterDocumentDate(let date):
            return place + ": date postérieure à celle du document (\(date.frenchDate))"
        }
    }

    /// ``frenchMessage``.
    public var description: String { frenchMessage }
}

/// A case file that cannot be read, or cannot give the document asked for: every problem found.
public struct CaseFileError: Error, Sendable, Equatable {
    /// The problems, in document order.
    public var issues: [CaseFileIssue]

    /// Wraps the problems found.
    public init(issues: [CaseFileIssue]) {
        self.issues = issues
    }

    /// One message per line.
    public var frenchMessage: String { issues.map(\.frenchMessage).joined(separator: "\n") }
}

/// File sizes in French: « 12,3 Mo ».
enum FrenchSize {
    /// Megabytes (1 Mo = 1 048 576 octets) with one decimal and a decimal comma.
    static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 524_288) / 1_048_576
        return "\(tenths / 10),\(tenths % 10) Mo"
    }

    /// « 3,2 Ko » below one megabyte, else megabytes.
    static func short(_ bytes: Int) -> String {
        if bytes >= 1_048_576 { return megabytes(bytes) }
        let tenths = (bytes * 10 + 512) / 1024
        return "\(tenths / 10),\(tenths % 10) Ko"
    }
}
