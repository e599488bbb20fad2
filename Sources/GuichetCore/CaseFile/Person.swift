/// The applicant, as written in the documents. Every field is optional in the case file; each document
/// names those it needs (`person.birthPlace manquant`).
public struct Person: Sendable, Equatable {
    /// First and last names, as on the passport.
    public var name: String?
    /// Date of birth.
    public var birthDate: LocalDate?
    /// Town and country of birth: « Bamako (Mali) ».
    public var birthPlace: String?
    /// Nationality, as written in the documents: « malienne ».
    public var nationality: String?
    /// Postal address: lines separated by `\n`, or by commas ending with « code postal commune ».
    public var address: String?
    /// Phone number.
    public var phone: String?
    /// E-mail address.
    public var email: String?
    /// How to address the person; decides « né » or « née » (« né(e) » when absent).
    public var civility: Civility?
    /// The « numéro étranger » (AGDREF number, also the ANEF login), when known.
    public var foreignerNumber: String?

    /// Creates a person record.
    public init(
        name: String? = nil, birthDate: LocalDate? = nil, birthPlace: String? = nil, nationality: String? = nil,
        address: String? = nil, phone: String? = nil, email: String? = nil, civility: Civility? = nil,
        foreignerNumber: String? = nil
    ) {
        self.name = name
        self.birthDate = birthDate
        self.birthPlace = birthPlace
        self.nationality = nationality
        self.address = address
        self.phone = phone
        self.email = email
        self.civility = civility
        self.foreignerNumber = foreignerNumber
    }
}

/// Madame or Monsieur (`"madame"`, `"monsieur"` in JSON).
public enum Civility: String, Sendable, Equatable, CaseIterable {
    /// Madame: « née ».
    case madame
    /// Monsieur: « né ».
    case monsieur
}
