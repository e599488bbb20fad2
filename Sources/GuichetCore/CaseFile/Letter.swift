/// A written request sent to the prefecture (an appointment, or a non-digital way to file).
public struct Letter: Sendable, Equatable {
    /// The day it was sent (or handed in).
    public var sentOn: LocalDate
    /// How it was sent.
    public var kind: LetterKind
    /// Registered-mail number, e-mail subject, receipt number…
    public var reference: String?
    /// A copy (PNG, JPEG or PDF scan of the letter and its proof of sending), relative to the case file.
    public var copy: String?

    /// Creates a letter record.
    public init(sentOn: LocalDate, kind: LetterKind, reference: String? = nil, copy: String? = nil) {
        self.sentOn = sentOn
        self.kind = kind
        self.reference = reference
        self.copy = copy
    }
}

/// How a written request was sent.
public enum LetterKind: String, Sendable, Equatable, CaseIterable {
    /// Lettre recommandée avec accusé de réception.
    case lrar
    /// E-mail.
    case courriel
    /// Handed in at the prefecture against a receipt.
    case depot

    /// « lettre recommandée avec accusé de réception ».
    public var frenchLabel: String {
        switch self {
        case .lrar: return "lettre recommandée avec accusé de réception"
        case .courriel: return "courriel"
        case .depot: return "lettre déposée à la préfecture"
        }
    }
}
