public import GuichetStorage

/// Why a help-desk request was refused. Each case has a French sentence for the member and says how the web
/// front answers (`status`). None of them carries personal data, so they can be logged.
public enum HelpDeskError: Error, Sendable, Equatable {
    /// Wrong email or password (never says which).
    case badCredentials
    /// Too many failed logins on this account or from this address; try again later.
    case lockedOut
    /// The second factor is wrong or was already used.
    case badSecondFactor
    /// No session, or it expired (8 hours without use), or it waits for its second factor.
    case notLoggedIn
    /// The form's anti-forgery token is missing or wrong.
    case badFormToken
    /// The member's role does not allow this.
    case forbidden
    /// No such case, member or organisation in this organisation.
    case notFound
    /// Someone else changed the record first (optimistic version).
    case staleVersion
    /// The mandate is revoked or expired: the case is read-only.
    case mandateNotValid
    /// An invitation link that is unknown, used or expired.
    case invitationNotValid
    /// A field is missing or malformed; the message names it.
    case invalid(String)
    /// A capture is too large, empty or not a PNG, JPEG or PDF.
    case captureRefused(String)
    /// A stored record does not open (wrong key, altered bytes).
    case sealedDataUnreadable
    /// The backend failed.
    case storage(StorageError.Code)

    /// The sentence shown to the member.
    public var frenchMessage: String {
        switch self {
        case .badCredentials: "Adresse ou mot de passe incorrect."
        case .lockedOut: "Trop d'essais manqués. Réessayez dans 15 minutes."
        case .badSecondFactor: "Code de vérification incorrect ou déjà utilisé. Saisissez le code affiché maintenant par votre application."
        case .notLoggedIn: "Votre session a expiré ou vous n'êtes pas connecté·e. Connectez-vous."
        case .badFormToken: "Ce formulaire a expiré. Rechargez la page et recommencez : rien n'a été enregistré."
        case .forbidden: "Votre rôle ne permet pas cette action."
        case .notFound: "Ce dossier n'existe pas ou n'est pas accessible."
        case .staleVersion: "Quelqu'un a modifié ce dossier pendant que vous l'éditiez : votre modification n'a pas été enregistrée. Voici la version actuelle."
        case .mandateNotValid: "Le mandat de ce dossier est révoqué ou expiré : le dossier est en lecture seule."
        case .invitationNotValid: "Ce lien d'invitation n'est pas valable (déjà utilisé ou expiré). Demandez-en un nouveau."
        case .invalid(let message): message
        case .captureRefused(let message): message
        case .sealedDataUnreadable: "Ce dossier ne peut pas être ouvert avec les clés de ce serveur."
        case .storage: "La base de données est indisponible. Réessayez dans un instant : rien n'a été perdu."
        }
    }

    /// The HTTP status the web front answers with.
    public var status: Int {
        switch self {
        case .badCredentials, .badSecondFactor, .notLoggedIn: 401
        case .lockedOut: 429
        case .badFormToken, .forbidden, .mandateNotValid: 403
        case .notFound, .invitationNotValid: 404
        case .staleVersion: 409
        case .invalid, .captureRefused: 422
        case .sealedDataUnreadable: 500
        case .storage: 503
        }
    }

    static func from(_ error: StorageError) -> HelpDeskError {
        switch error.code {
        case .notFound: .notFound
        case .conflict: .staleVersion
        default: .storage(error.code)
        }
    }
}
