/// Why a deadline could not be computed: data, not prose (``frenchMessage`` gives the prose).
public enum DeadlineError: Error, Equatable, Sendable {
    /// No rule has this identifier.
    case unknownRule(String)
    /// The date is not `YYYY-MM-DD` or does not exist.
    case invalidDate(String)
    /// The time is not `HH:MM`.
    case invalidTime(String)
    /// The rule counts in hours and no time was given.
    case missingTime(rule: String)
    /// The département code is not one of the 101.
    case invalidDepartment(String)
    /// The date is outside the supported years (``DeadlineEngine/supportedYears``).
    case dateOutOfRange(LocalDate)
    /// Both "overseas" and "abroad" were asked for.
    case conflictingDistance

    /// The message shown to users, in French.
    public var frenchMessage: String {
        switch self {
        case .unknownRule(let id):
            let known = DeadlineRule.catalogue.map(\.id).joined(separator: ", ")
            return "Délai inconnu : « \(id) ». Délais disponibles : \(known)."
        case .invalidDate(let text):
            return "Date invalide : « \(text) ». Format attendu : AAAA-MM-JJ, par exemple 2025-03-04."
        case .invalidTime(let text):
            return "Heure invalide : « \(text) ». Format attendu : HH:MM, par exemple 09:30."
        case .missingTime:
            return "Ce délai se compte en heures : indiquez aussi l'heure de la notification (HH:MM)."
        case .invalidDepartment(let text):
            return "Département inconnu : « \(text) ». Exemples : 75, 2A, 974."
        case .dateOutOfRange(let date):
            return "Date non prise en charge (\(date.iso)) : le calendrier couvre les années "
                + "\(DeadlineEngine.supportedYears.lowerBound) à \(DeadlineEngine.supportedYears.upperBound)."
        case .conflictingDistance:
            return "Choisissez « outre-mer » ou « à l'étranger », pas les deux."
        }
    }
}
