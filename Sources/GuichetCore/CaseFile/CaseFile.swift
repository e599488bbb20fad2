/// Everything needed to prove that a prefecture could not be reached, and to write about it: who the
/// person is, which prefecture and procedure, the journal of attempts, the letters sent.
///
/// Read from and written to JSON by ``CaseFile/decode(json:)-(String)`` and ``CaseFile/canonicalJSON``
/// (schema: docs/case-file.md). The attempts form a hash-chained journal (``Journal``). Most fields are
/// optional so that a case file can be built step by step; each document says which ones it needs
/// (``DocumentKind/requirements(for:today:)``).
public struct CaseFile: Sendable, Equatable {
    /// The version of the JSON format written by this code (`"version": 1`).
    public static let formatVersion = 1

    /// The applicant.
    public var person: Person
    /// The département of the prefecture: decides the prefect sued, the court and the civil time.
    public var department: Department
    /// What the appointment is for.
    public var procedure: Procedure
    /// Free words that make the procedure precise (« carte de séjour pluriannuelle “salarié” »);
    /// required by the documents when ``procedure`` is ``Procedure/autre``.
    public var procedureDetail: String?
    /// Expiry date of the current residence permit (renewals).
    public var permitExpiry: LocalDate?
    /// The office where the appointment is sought, when it is not the prefecture itself.
    public var prefecture: PrefectureOffice?
    /// The person's situation, in their words: why an appointment is urgent (job, benefits, family…).
    public var circumstances: String?
    /// The journal of attempts, in the order they were recorded (append-only, see ``Journal``).
    public var attempts: [Attempt]
    /// Written requests sent to the prefecture.
    public var letters: [Letter]
    /// Other exhibits for the court (a copy of the permit, proof of address, an employer's letter…).
    public var supportingDocuments: [SupportingDocument]
    /// A request filed on the ANEF téléservice (filing day, attestation de dépôt number).
    public var filing: OnlineFiling?
    /// The decision appealed against (recours préalable).
    public var decision: Decision?
    /// The employer (work authorisation).
    public var employer: Employer?
    /// The family-benefits fund and the suspension (réclamation à la CAF).
    public var caf: FamilyBenefitsFund?

    /// Creates a case file.
    public init(
        person: Person = Person(), department: Department, procedure: Procedure, procedureDetail: String? = nil,
        permitExpiry: LocalDate? = nil, prefecture: PrefectureOffice? = nil, circumstances: String? = nil,
        attempts: [Attempt] = [], letters: [Letter] = [], supportingDocuments: [SupportingDocument] = [],
        filing: OnlineFiling? = nil, decision: Decision? = nil, employer: Employer? = nil,
        caf: FamilyBenefitsFund? = nil
    ) {
        self.person = person
        self.department = department
        self.procedure = procedure
        self.procedureDetail = procedureDetail
        self.permitExpiry = permitExpiry
        self.prefecture = prefecture
        self.circumstances = circumstances
        self.attempts = attempts
        self.letters = letters
        self.supportingDocuments = supportingDocuments
        self.filing = filing
        self.decision = decision
        self.employer = employer
        self.caf = caf
    }

    /// The civil time in which attempts are dated: Europe/Paris, or the overseas département's zone.
    public var timeZone: CivilTimeZone { department.timeZone }
}

/// The prefecture or sous-préfecture office concerned, as the person knows it.
public struct PrefectureOffice: Sendable, Equatable {
    /// « Sous-préfecture du Raincy ».
    public var name: String?
    /// Postal address, one line per line (`\n`) or separated by commas.
    public var address: String?

    /// Creates an office record.
    public init(name: String? = nil, address: String? = nil) {
        self.name = name
        self.address = address
    }
}

/// An exhibit the person adds to a filing besides the journal: a copy of the permit, a payslip…
public struct SupportingDocument: Sendable, Equatable {
    /// What it is, in French: « Copie du titre de séjour expirant le 30 novembre 2026 ».
    public var title: String
    /// The file (PNG, JPEG or PDF), relative to the case file; absent when the paper copy is attached.
    public var file: String?

    /// Creates an exhibit record.
    public init(title: String, file: String? = nil) {
        self.title = title
        self.file = file
    }
}
