/// What the appointment at the prefecture is for (JSON values in French, as in the issue).
public enum Procedure: String, Sendable, Equatable, CaseIterable {
    /// Renewal of a residence permit (urgency presumed).
    case renouvellementTitre = "renouvellement-titre"
    /// First application for a residence permit.
    case premiereDemandeTitre = "premiere-demande-titre"
    /// Naturalisation.
    case naturalisation
    /// Document de circulation pour étranger mineur.
    case dcem
    /// Travel document (titre de voyage).
    case titreDeVoyage = "titre-de-voyage"
    /// Admission exceptionnelle au séjour (regularisation).
    case admissionExceptionnelle = "admission-exceptionnelle"
    /// Work authorisation filed by the employer on the ANEF (plateformes de la main-d'œuvre étrangère).
    case autorisationTravail = "autorisation-travail"
    /// Anything else, described in `procedureDetail`.
    case autre

    /// A short French label: « renouvellement d'un titre de séjour ».
    public var frenchLabel: String {
        switch self {
        case .renouvellementTitre: return "renouvellement d'un titre de séjour"
        case .premiereDemandeTitre: return "première demande de titre de séjour"
        case .naturalisation: return "demande de naturalisation"
        case .dcem: return "document de circulation pour étranger mineur (DCEM)"
        case .titreDeVoyage: return "titre de voyage"
        case .admissionExceptionnelle: return "admission exceptionnelle au séjour"
        case .autorisationTravail: return "demande d'autorisation de travail"
        case .autre: return "autre démarche"
        }
    }

    /// Whether the Conseil d'État presumes urgency (renewal of a residence permit: CE, 9 June 2022,
    /// n° 453391).
    public var isUrgencyPresumed: Bool { self == .renouvellementTitre }

    /// « ma demande de renouvellement de mon titre de séjour », for the documents; `detail` precises it
    /// (and is the whole object of an ``autre`` procedure).
    func myRequest(detail: String?) -> String {
        let base: String
        switch self {
        case .renouvellementTitre: base = "ma demande de renouvellement de mon titre de séjour"
        case .premiereDemandeTitre: base = "ma première demande de titre de séjour"
        case .naturalisation: base = "ma demande de naturalisation"
        case .dcem: base = "ma demande de document de circulation pour étranger mineur (DCEM)"
        case .titreDeVoyage: base = "ma demande de titre de voyage"
        case .admissionExceptionnelle: base = "ma demande d'admission exceptionnelle au séjour"
        case .autorisationTravail: base = "la demande d'autorisation de travail qui me concerne"
        case .autre: return "ma demande (" + (detail ?? "démarche auprès de la préfecture") + ")"
        }
        guard let detail else { return base }
        return base + " (" + detail + ")"
    }
}
