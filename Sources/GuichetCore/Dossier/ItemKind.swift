/// What a dated item of the dossier is.
public enum ItemKind: String, CaseIterable, Hashable, Sendable, Codable {
    /// A press release of the associations.
    case communique
    /// An explanatory note or legal analysis.
    case analyse
    /// A court decision (tribunal administratif, cour administrative d'appel, Conseil d'État).
    case decision
    /// A report (Défenseur des droits, Senate, associations).
    case rapport
    /// A training session for volunteers.
    case formation
    /// A rally or public gathering.
    case rassemblement
    /// An article in a review or newspaper.
    case article
    /// An official text: law, decree, arrêté, circular.
    case texte
}
