/// Where a public holiday applies.
public enum HolidayScope: Hashable, Sendable {
    /// Everywhere (Code du travail L.3133-1).
    case national
    /// Bas-Rhin, Haut-Rhin and Moselle (L.3134-13).
    case alsaceMoselle
    /// One overseas département, by INSEE code (L.3422-2).
    case department(String)

    /// Whether the holiday is local (not one of the eleven national ones).
    public var isLocal: Bool { self != .national }

    /// Whether the holiday is observed in `department`.
    public func applies(to department: Department) -> Bool {
        switch self {
        case .national: return true
        case .alsaceMoselle: return department.zone == .alsaceMoselle
        case .department(let code): return department.code == code
        }
    }
}

/// How a holiday's date is found in a given year.
public enum HolidayDate: Hashable, Sendable {
    /// The same day every year.
    case fixed(month: Int, day: Int)
    /// A number of days after Easter Sunday (Good Friday −2, Easter Monday +1, Ascension +39,
    /// Whit Monday +50).
    case easterOffset(days: Int)

    /// The date in `year`.
    public func date(in year: Int) -> LocalDate {
        switch self {
        case .fixed(let month, let day): return LocalDate(literal: year, month, day)
        case .easterOffset(let days): return LegalCalendar.easterSunday(year: year).adding(days: days)
        }
    }
}

/// A public-holiday rule, as data: name, date rule, where it applies, since when, and its source.
public struct HolidayRule: Hashable, Sendable, Identifiable {
    /// Stable identifier: "jour-de-l-an", "lundi-de-paques", "abolition-esclavage-974"…
    public let id: String
    /// French name: « Lundi de Pâques ».
    public let name: String
    /// How the date is computed.
    public let date: HolidayDate
    /// Where it applies.
    public let scope: HolidayScope
    /// First year it applies (our data is checked for 1990–2100).
    public let firstYear: Int
    /// Legal basis.
    public let source: LegalSource

    /// Creates a rule (the French catalogue is ``HolidayRule/france``).
    public init(id: String, name: String, date: HolidayDate, scope: HolidayScope, firstYear: Int, source: LegalSource) {
        self.id = id
        self.name = name
        self.date = date
        self.scope = scope
        self.firstYear = firstYear
        self.source = source
    }
}

/// A public holiday on a given day, with the rule it comes from.
public struct Holiday: Hashable, Sendable, Encodable {
    /// The day.
    public let date: LocalDate
    /// French name.
    public let name: String
    /// The ``HolidayRule`` identifier.
    public let ruleID: String
    /// Whether it is a local holiday (Alsace-Moselle or one overseas département).
    public let isLocal: Bool
    /// Legal basis.
    public let source: LegalSource

    private enum CodingKeys: String, CodingKey { case date, name, rule, local, source }

    /// `{"date": "YYYY-MM-DD", "name", "rule", "local", "source": {…}}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(date.iso, forKey: .date)
        try container.encode(name, forKey: .name)
        try container.encode(ruleID, forKey: .rule)
        try container.encode(isLocal, forKey: .local)
        try container.encode(source, forKey: .source)
    }
}
