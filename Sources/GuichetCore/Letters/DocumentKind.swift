/// The documents drafted from a case file, by their CLI names.
///
/// Each is built by a pure function of the case file, the document's date and the files it refers to
/// (``draft(from:today:files:hash:)``). A field a document needs and the case file lacks is an error
/// naming it (`person.birthPlace manquant`): a draft never holds a blank or a placeholder.
public enum DocumentKind: String, Sendable, Equatable, CaseIterable {
    /// Requête to the tribunal administratif (art. L.521-3 CJA), with the bordereau and the exhibits.
    case refereMesuresUtiles = "refere-mesures-utiles"
    /// Registered letter to the prefect asking for an appointment or a non-digital way to file.
    case lettrePrefecture = "lettre-prefecture"
    /// Complaint to the Défenseur des droits about the blocked procedure.
    case saisineDefenseurDesDroits = "saisine-defenseur-des-droits"
    /// Recours gracieux or compulsory prior appeal against a decision (prefect, minister, visa appeal body).
    case recoursPrealable = "recours-prealable"
    /// Letter to the employer, copied to the work-permit platform, about a stuck work-authorisation request.
    case lettreEmployeurMOE = "lettre-employeur-moe"
    /// Written complaint to the CAF about suspended benefits.
    case reclamationCAF = "reclamation-caf"
    /// Requête (art. L.521-3 CJA) for an ANEF request filed but never examined.
    case refereANEFBloque = "refere-anef-bloque"

    /// The document's title, as in the draft.
    public var title: String {
        switch self {
        case .refereMesuresUtiles: return "Requête en référé « mesures utiles »"
        case .lettrePrefecture: return "Lettre à la préfecture : demande de rendez-vous"
        case .saisineDefenseurDesDroits: return "Réclamation au Défenseur des droits"
        case .recoursPrealable: return "Recours préalable contre une décision"
        case .lettreEmployeurMOE: return "Lettre à l'employeur : demande d'autorisation de travail bloquée"
        case .reclamationCAF: return "Réclamation à la CAF : prestations suspendues"
        case .refereANEFBloque: return "Requête en référé « mesures utiles » : demande ANEF bloquée"
        }
    }

    /// The case-file fields this document always needs (others depend on the procedure: see
    /// ``requirements(for:today:)``).
    /// The stem of the document's own file when a filing is split into one file per exhibit
    /// (`00-Requete.pdf`, then `01-….pdf` …).
    public var splitFileStem: String {
        switch self {
        case .refereMesuresUtiles: return "Requete"
        case .lettrePrefecture: return "Lettre-prefecture"
        case .saisineDefenseurDesDroits: return "Reclamation-Defenseur-des-droits"
        case .recoursPrealable: return "Recours-prealable"
        case .lettreEmployeurMOE: return "Lettre-employeur"
        case .reclamationCAF: return "Reclamation-CAF"
        case .refereANEFBloque: return "Requete"
        }
    }

    public var requiredFields: [String] {
        switch self {
        case .refereMesuresUtiles:
            return ["person.name", "person.birthDate", "person.birthPlace", "person.nationality", "person.address"]
        case .lettrePrefecture:
            return ["person.name", "person.birthDate", "person.nationality", "person.address"]
        case .saisineDefenseurDesDroits:
            return ["person.name", "person.address"]
        case .recoursPrealable:
            return ["person.name", "person.address", "decision.authority", "decision.date", "decision.grounds"]
        case .lettreEmployeurMOE:
            return ["person.name", "person.address", "employer.name", "filing.filedOn"]
        case .reclamationCAF:
            return ["person.name", "person.address", "caf.name", "caf.allocataireNumber", "caf.suspendedOn"]
        case .refereANEFBloque:
            return [
                "person.name", "person.birthDate", "person.birthPlace", "person.nationality", "person.address",
                "filing.filedOn", "filing.number",
            ]
        }
    }

    /// Whether the document is a requête to the juge des référés (bordereau, every attempt, letters).
    var isRequete: Bool { self == .refereMesuresUtiles || self == .refereANEFBloque }

    /// Whether the document rests on the journal of failed attempts (and needs at least one).
    var needsFailedAttempt: Bool {
        switch self {
        case .refereMesuresUtiles, .lettrePrefecture, .saisineDefenseurDesDroits, .refereANEFBloque: return true
        case .recoursPrealable, .lettreEmployeurMOE, .reclamationCAF: return false
        }
    }

    /// Whether the document names the procedure (and so needs `procedureDetail` for « autre »).
    var namesProcedure: Bool { self != .reclamationCAF && self != .lettreEmployeurMOE }

    /// Everything that stops this document from being drafted from `caseFile` on `today`, without
    /// reading any file: missing fields, no failed attempt, an appointment already obtained, dates after
    /// the document's. The interview engine uses it to know what to ask next.
    public func requirements(for caseFile: CaseFile, today: LocalDate) -> [CaseFileIssue] {
        var issues = caseFile.validationIssues()
        let present: [String: Bool] = [
            "person.name": caseFile.person.name != nil, "person.birthDate": caseFile.person.birthDate != nil,
            "person.birthPlace": caseFile.person.birthPlace != nil,
            "person.nationality": caseFile.person.nationality != nil,
            "person.address": caseFile.person.address != nil,
            "decision.authority": caseFile.decision?.authority != nil,
            "decision.date": caseFile.decision?.date != nil, "decision.grounds": caseFile.decision?.grounds != nil,
            "employer.name": caseFile.employer?.name != nil, "filing.filedOn": caseFile.filing?.filedOn != nil,
            "filing.number": caseFile.filing?.number != nil, "caf.name": caseFile.caf?.name != nil,
            "caf.allocataireNumber": caseFile.caf?.allocataireNumber != nil,
            "caf.suspendedOn": caseFile.caf?.suspendedOn != nil,
        ]
        for field in requiredFields where present[field] == false {
            let parts = field.split(separator: ".").map(String.init)
            let path = parts.count == 2 ? JSONPath.root.key(parts[0]).key(parts[1]) : JSONPath.root.key(field)
            issues.append(CaseFileIssue(path, .missing()))
        }
        if namesProcedure, caseFile.procedure == .autre, caseFile.procedureDetail == nil {
            issues.append(CaseFileIssue(JSONPath.root.key("procedureDetail"), .missing(because: .otherProcedure)))
        }
        if isRequete {
            if caseFile.procedure.isUrgencyPresumed, caseFile.permitExpiry == nil {
                issues.append(CaseFileIssue(JSONPath.root.key("permitExpiry"), .missing(because: .renewal)))
            }
            if !caseFile.procedure.isUrgencyPresumed, caseFile.circumstances == nil {
                issues.append(
                    CaseFileIssue(JSONPath.root.key("circumstances"), .missing(because: .urgencyNotPresumed)))
            }
        }
        let attempts = JSONPath.root.key("attempts")
        if needsFailedAttempt, !caseFile.attempts.contains(where: \.isFailure) {
            issues.append(CaseFileIssue(attempts, .noFailedAttempt))
        }
        if self == .refereMesuresUtiles || self == .lettrePrefecture, let obtained = caseFile.appointmentAfterFailures,
            caseFile.attempts.contains(where: \.isFailure)
        {
            issues.append(CaseFileIssue(attempts.index(obtained.index), .appointmentObtained(obtained.date)))
        }
        let zone = caseFile.timeZone
        for (i, attempt) in caseFile.attempts.enumerated() where attempt.at.wallClock(in: zone).date > today {
            issues.append(CaseFileIssue(attempts.index(i).key("at"), .afterDocumentDate(today)))
        }
        for (i, letter) in caseFile.letters.enumerated() where letter.sentOn > today {
            issues.append(CaseFileIssue(JSONPath.root.key("letters").index(i).key("sentOn"), .afterDocumentDate(today)))
        }
        let dates: [(LocalDate?, JSONPath)] = [
            (caseFile.filing?.filedOn, JSONPath.root.key("filing").key("filedOn")),
            (caseFile.decision?.date, JSONPath.root.key("decision").key("date")),
            (caseFile.caf?.suspendedOn, JSONPath.root.key("caf").key("suspendedOn")),
        ]
        for (date, path) in dates {
            if let date, date > today { issues.append(CaseFileIssue(path, .afterDocumentDate(today))) }
        }
        return issues
    }

    /// Drafts the document, or throws every problem found.
    ///
    /// - Parameters:
    ///   - caseFile: the case file.
    ///   - today: the document's date (« Fait à …, le … »), given by the caller.
    ///   - files: the content of a file named in the case file (capture, letter copy, supporting
    ///     document), or `nil` when it cannot be read; formats are recognised by content.
    ///   - hash: SHA-256, printed under each exhibit and used to check the journal.
    public func draft(
        from caseFile: CaseFile, today: LocalDate, files: (String) -> [UInt8]?, hash: HashFunction
    ) throws(CaseFileError) -> DraftedDocument {
        var issues = requirements(for: caseFile, today: today)
        let context = DraftContext(caseFile: caseFile, today: today, kind: self, files: files, hash: hash)
        issues += context.issues
        guard issues.isEmpty else { throw CaseFileError(issues: issues) }
        switch self {
        case .refereMesuresUtiles: return context.refereMesuresUtiles()
        case .lettrePrefecture: return context.lettrePrefecture()
        case .saisineDefenseurDesDroits: return context.saisineDefenseurDesDroits()
        case .recoursPrealable: return context.recoursPrealable()
        case .lettreEmployeurMOE: return context.lettreEmployeurMOE()
        case .reclamationCAF: return context.reclamationCAF()
        case .refereANEFBloque: return context.refereANEFBloque()
        }
    }
}

/// A drafted document and what the person should know before sending it.
public struct DraftedDocument: Sendable, Equatable {
    /// Which document.
    public let kind: DocumentKind
    /// The document, for the PDF, DOCX and ODT writers.
    public let draft: DocumentDraft
    /// Practical points in French (how to file, pieces to add by hand, an address to check…), not part
    /// of the document.
    public let notices: [String]

    /// Pairs a draft and its notices.
    public init(kind: DocumentKind, draft: DocumentDraft, notices: [String]) {
        self.kind = kind
        self.draft = draft
        self.notices = notices
    }
}
