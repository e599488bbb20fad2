// The fields of a case file that the letters beyond the appointment journal need (docs/case-file.md §2):
// a request filed online and stuck, a decision to appeal, an employer, a family-benefits fund. All are
// optional in the JSON; each document names the ones it prints (DocumentKind.requirements).

/// A request filed on the ANEF téléservice: the day it was filed and the number of its attestation de dépôt.
public struct OnlineFiling: Sendable, Equatable {
    /// The day the request was filed (date of the attestation de dépôt).
    public var filedOn: LocalDate?
    /// The attestation de dépôt's number, or the file number the platform shows.
    public var number: String?

    /// Creates a filing record.
    public init(filedOn: LocalDate? = nil, number: String? = nil) {
        self.filedOn = filedOn
        self.number = number
    }

    var isEmpty: Bool { filedOn == nil && number == nil }
}

/// Who took the decision that the person appeals against: decides the addressee of the appeal.
public enum DecisionAuthority: String, Sendable, Equatable, CaseIterable {
    /// The prefect of the case file's département (recours gracieux).
    case prefet
    /// The minister in charge of naturalisations (recours préalable, art. 45 décret n° 93-1362).
    case ministreNaturalisation = "ministre-naturalisation"
    /// The commission de recours contre les décisions de refus de visa (long-stay visas, D.312-3 CESEDA).
    case crrv
    /// The sous-directeur des visas (short-stay visas, D.312-3 CESEDA).
    case sousDirecteurVisas = "sous-directeur-visas"

    /// A short French label.
    public var frenchLabel: String {
        switch self {
        case .prefet: return "préfet"
        case .ministreNaturalisation: return "ministre chargé des naturalisations"
        case .crrv: return "commission de recours contre les décisions de refus de visa"
        case .sousDirecteurVisas: return "sous-directeur des visas"
        }
    }
}

/// The decision appealed against.
public struct Decision: Sendable, Equatable {
    /// Who decided.
    public var authority: DecisionAuthority?
    /// The decision's date.
    public var date: LocalDate?
    /// Its reference (number on the letter), when it has one.
    public var reference: String?
    /// Why the person contests it, in their words; one paragraph per line.
    public var grounds: String?

    /// Creates a decision record.
    public init(
        authority: DecisionAuthority? = nil, date: LocalDate? = nil, reference: String? = nil, grounds: String? = nil
    ) {
        self.authority = authority
        self.date = date
        self.reference = reference
        self.grounds = grounds
    }

    var isEmpty: Bool { authority == nil && date == nil && reference == nil && grounds == nil }
}

/// The employer who filed (or must file) a work-authorisation request.
public struct Employer: Sendable, Equatable {
    /// The company's or person's name.
    public var name: String?
    /// Postal address, one line per line (`\n`) or separated by commas.
    public var address: String?

    /// Creates an employer record.
    public init(name: String? = nil, address: String? = nil) {
        self.name = name
        self.address = address
    }

    var isEmpty: Bool { name == nil && address == nil }
}

/// The caisse d'allocations familiales and the suspended benefits.
public struct FamilyBenefitsFund: Sendable, Equatable {
    /// « CAF de la Seine-Saint-Denis ».
    public var name: String?
    /// Postal address of the fund.
    public var address: String?
    /// The numéro d'allocataire.
    public var allocataireNumber: String?
    /// Which benefit is suspended (« allocations familiales », « aide personnalisée au logement »).
    public var benefit: String?
    /// The day the payments stopped (or the suspension was notified).
    public var suspendedOn: LocalDate?
    /// The reason the fund gave, in the person's words; absent when none was given.
    public var reason: String?

    /// Creates a fund record.
    public init(
        name: String? = nil, address: String? = nil, allocataireNumber: String? = nil, benefit: String? = nil,
        suspendedOn: LocalDate? = nil, reason: String? = nil
    ) {
        self.name = name
        self.address = address
        self.allocataireNumber = allocataireNumber
        self.benefit = benefit
        self.suspendedOn = suspendedOn
        self.reason = reason
    }

    var isEmpty: Bool {
        name == nil && address == nil && allocataireNumber == nil && benefit == nil && suspendedOn == nil
            && reason == nil
    }
}
