/// Where a rule of law comes from, and how far it was checked.
///
/// Every holiday, deadline rule and court mapping carries one, and every computed result repeats it,
/// so the interface can show the article, the day it was checked and whether the research brief
/// confirmed it (the law is data, for lawyer review).
public struct LegalSource: Hashable, Sendable, Encodable {
    /// The citation as shown to users, in French: « art. R.421-1 du code de justice administrative ».
    public let citation: String
    /// A public copy of the text or decision that was used, when there is one.
    public let url: String?
    /// The day the rule was last checked against its source.
    public let dateChecked: LocalDate
    /// `false` when the research brief marks the rule, or its counting convention, UNVERIFIED.
    public let isVerified: Bool
    /// What is uncertain or worth knowing about the rule, in French; shown with every result.
    public let caveat: String?

    /// Creates a source record.
    public init(
        citation: String, url: String? = nil, dateChecked: LocalDate = .briefCheck, isVerified: Bool = true,
        caveat: String? = nil
    ) {
        self.citation = citation
        self.url = url
        self.dateChecked = dateChecked
        self.isVerified = isVerified
        self.caveat = caveat
    }

    private enum CodingKeys: String, CodingKey {
        case citation, url, dateChecked, verified, caveat
    }

    /// Encodes dates as `YYYY-MM-DD` and omits absent fields.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(citation, forKey: .citation)
        try container.encodeIfPresent(url, forKey: .url)
        try container.encode(dateChecked.iso, forKey: .dateChecked)
        try container.encode(isVerified, forKey: .verified)
        try container.encodeIfPresent(caveat, forKey: .caveat)
    }
}

extension LocalDate {
    /// The day the legal data of this module was checked against the research brief (2026-11-26).
    public static let briefCheck = LocalDate(literal: 2026, 11, 26)

    /// The day the rules added for the letters and self-help paths of December 2026 were checked against
    /// the research brief (2026-12-03).
    public static let briefCheckDecember = LocalDate(literal: 2026, 12, 3)

    /// A date written in the source code; a wrong literal is a programmer error.
    init(literal year: Int, _ month: Int, _ day: Int) {
        guard let date = LocalDate(year: year, month: month, day: day) else {
            preconditionFailure("invalid date literal \(year)-\(month)-\(day)")
        }
        self = date
    }
}
