/// One try to get an appointment (or to file online), as recorded in the journal.
///
/// ``hash`` and ``captureHash`` are the journal seal (``Journal``): they are filled in by
/// ``Journal/append(_:capture:to:hash:)``, never by hand.
public struct Attempt: Sendable, Equatable {
    /// When it happened, with the UTC offset of the clock used.
    public var at: OffsetDateTime
    /// How the person tried.
    public var channel: AttemptChannel
    /// What happened.
    public var outcome: AttemptOutcome
    /// What the page said (« Il n'existe plus de plage horaire libre… »), or any remark.
    public var note: String?
    /// The screenshot (PNG, JPEG or PDF), relative to the case file: `captures/2026-10-05.png`.
    public var capture: String?
    /// Journal hash of this entry (64 lower-case hexadecimal digits).
    public var hash: String?
    /// SHA-256 of the capture file (64 lower-case hexadecimal digits).
    public var captureHash: String?

    /// Creates an attempt (unsealed: no hashes).
    public init(
        at: OffsetDateTime, channel: AttemptChannel, outcome: AttemptOutcome, note: String? = nil,
        capture: String? = nil, hash: String? = nil, captureHash: String? = nil
    ) {
        self.at = at
        self.channel = channel
        self.outcome = outcome
        self.note = note
        self.capture = capture
        self.hash = hash
        self.captureHash = captureHash
    }

    /// Whether the attempt failed (only failures count as evidence).
    public var isFailure: Bool { outcome.isFailure }
}

/// Where the person tried.
public enum AttemptChannel: String, Sendable, Equatable, CaseIterable {
    /// The prefecture's online appointment module.
    case sitePrefecture = "site-prefecture"
    /// The ANEF téléservice.
    case anef
    /// A phone call.
    case telephone
    /// An e-mail to the prefecture (also a written request).
    case courriel
    /// In person at the prefecture's counter.
    case guichet

    /// « le site internet de la préfecture ».
    public var frenchLabel: String {
        switch self {
        case .sitePrefecture: return "site internet de la préfecture"
        case .anef: return "téléservice ANEF"
        case .telephone: return "téléphone"
        case .courriel: return "courriel à la préfecture"
        case .guichet: return "guichet de la préfecture"
        }
    }
}

extension AttemptChannel {
    /// The channel as a means, after « par » lists: « le site internet de la préfecture », « le courriel ».
    var frenchMeans: String {
        switch self {
        case .sitePrefecture: return "le site internet de la préfecture"
        case .anef: return "le téléservice ANEF"
        case .telephone: return "le téléphone"
        case .courriel: return "le courriel"
        case .guichet: return "le guichet de la préfecture"
        }
    }
}

/// What an attempt gave.
public enum AttemptOutcome: String, Sendable, Equatable, CaseIterable {
    /// No free slot was offered.
    case aucunCreneau = "aucun-creneau"
    /// The site or téléservice failed.
    case erreurTechnique = "erreur-technique"
    /// No answer (phone, e-mail).
    case sansReponse = "sans-reponse"
    /// An appointment was obtained.
    case creneauObtenu = "creneau-obtenu"

    /// Whether the attempt failed.
    public var isFailure: Bool { self != .creneauObtenu }

    /// « aucun créneau disponible ».
    public var frenchLabel: String {
        switch self {
        case .aucunCreneau: return "aucun créneau disponible"
        case .erreurTechnique: return "erreur technique"
        case .sansReponse: return "aucune réponse"
        case .creneauObtenu: return "rendez-vous obtenu"
        }
    }
}
