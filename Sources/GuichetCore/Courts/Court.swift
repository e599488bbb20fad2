/// A tribunal administratif: official name (CJA art. R.221-1), seat, postal address and website.
///
/// Addresses are not in the research brief: each one says whether a public source confirmed it
/// (``PostalAddress/isVerified``), which one, and what is still uncertain. Never show an unverified
/// address without saying so.
public struct Court: Hashable, Sendable, Identifiable, Encodable {
    /// Stable identifier: "ta-montreuil", "ta-guadeloupe".
    public let id: String
    /// Official name (R.221-1 CJA): « Tribunal administratif de Montreuil ».
    public let name: String
    /// The town where it sits (R.221-3 CJA; Schœlcher for Martinique since 9 November 2015).
    public let seat: String
    /// Postal address, with its verification status; `nil` when none could be given.
    public let address: PostalAddress?
    /// Official website (pattern `https://<seat>.tribunal-administratif.fr`).
    public let website: String

    /// Creates a court record (the catalogue is ``Court/all``).
    public init(id: String, name: String, seat: String, address: PostalAddress?, website: String) {
        self.id = id
        self.name = name
        self.seat = seat
        self.address = address
        self.website = website
    }
}

/// A postal address and how far it was checked.
public struct PostalAddress: Hashable, Sendable, Encodable {
    /// Address lines, without the addressee: ["7 rue Catherine-Puig", "93100 Montreuil"].
    public let lines: [String]
    /// Whether a public source confirmed the street address (number and street).
    public let isVerified: Bool
    /// The public page that confirmed it, when one did.
    public let source: String?
    /// What is uncertain (CEDEX code, a recent move…), in French.
    public let note: String?
    /// When it was checked.
    public let dateChecked: LocalDate

    /// Creates an address record.
    public init(lines: [String], isVerified: Bool, source: String?, note: String?, dateChecked: LocalDate = .briefCheck)
    {
        self.lines = lines
        self.isVerified = isVerified
        self.source = source
        self.note = note
        self.dateChecked = dateChecked
    }

    private enum CodingKeys: String, CodingKey { case lines, verified, source, note, dateChecked }

    /// `{"lines", "verified", "source"?, "note"?, "dateChecked"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(lines, forKey: .lines)
        try container.encode(isVerified, forKey: .verified)
        try container.encodeIfPresent(source, forKey: .source)
        try container.encodeIfPresent(note, forKey: .note)
        try container.encode(dateChecked.iso, forKey: .dateChecked)
    }
}

/// The competent court for a département, with the legal basis and the version of the table.
public struct CourtAssignment: Hashable, Sendable, Encodable {
    /// The département asked about.
    public let department: Department
    /// The competent tribunal administratif.
    public let court: Court
    /// Why this court: R.221-3 CJA, or R.312-18 CJA for visa refusals.
    public let source: LegalSource
    /// Date from which the table used is in force.
    public let inForceSince: LocalDate

    /// Creates an assignment.
    public init(department: Department, court: Court, source: LegalSource, inForceSince: LocalDate) {
        self.department = department
        self.court = court
        self.source = source
        self.inForceSince = inForceSince
    }

    private enum CodingKeys: String, CodingKey { case department, court, source, inForceSince }

    /// `{"department": {…}, "court": {…}, "source": {…}, "inForceSince": "YYYY-MM-DD"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(department, forKey: .department)
        try container.encode(court, forKey: .court)
        try container.encode(source, forKey: .source)
        try container.encode(inForceSince.iso, forKey: .inForceSince)
    }
}

/// A version of the R.221-3 CJA table: which court covers which départements.
public struct CourtJurisdictionTable: Sendable {
    /// First day in force.
    public let inForceSince: LocalDate
    /// The article and the decree that set this version.
    public let source: LegalSource
    /// Court identifier → INSEE codes of the départements it covers.
    public let entries: [(courtID: String, departments: [String])]

    /// Creates a table.
    public init(inForceSince: LocalDate, source: LegalSource, entries: [(courtID: String, departments: [String])]) {
        self.inForceSince = inForceSince
        self.source = source
        self.entries = entries
    }

    /// The court identifier for a département code, if the table lists it.
    public func courtID(forDepartment code: String) -> String? {
        entries.first { $0.departments.contains(code) }?.courtID
    }
}

extension Court {
    /// The competent tribunal administratif for decisions of authorities sitting in `department`
    /// (R.312-1 and R.221-3 CJA): the prefecture's département, sous-préfectures included.
    ///
    /// Every one of the 101 départements is in the table (tested); a missing one is a data error.
    public static func `for`(department: Department) -> CourtAssignment {
        guard let id = jurisdiction.courtID(forDepartment: department.code), let court = byID[id] else {
            preconditionFailure("département \(department.code) missing from the R.221-3 table")
        }
        return CourtAssignment(
            department: department, court: court, source: jurisdiction.source,
            inForceSince: jurisdiction.inForceSince)
    }

    /// The court for every visa refusal, wherever the consulate: the TA de Nantes (R.312-18 CJA).
    public static func forVisaRefusal(department: Department? = nil) -> CourtAssignment {
        guard let nantes = byID["ta-nantes"] else { preconditionFailure("TA de Nantes missing from the catalogue") }
        return CourtAssignment(
            department: department ?? Department.lookup("44") ?? .paris, court: nantes, source: visaSource,
            inForceSince: LocalDate(literal: 2010, 4, 1))
    }

    /// The court with this identifier.
    public static func named(_ id: String) -> Court? { byID[id] }

    private static let byID: [String: Court] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    static let visaSource = LegalSource(
        citation: "art. R.312-18 du code de justice administrative (refus de visa : tribunal administratif de "
            + "Nantes, depuis le 1er avril 2010)",
        url: "https://lexcase-immigration.com/avocat-refus-des-visas-et-contentieux-administratif")
}
