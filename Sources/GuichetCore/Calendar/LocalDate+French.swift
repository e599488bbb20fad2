/// French wording of dates, for the plain-language steps shown to users.
extension LocalDate {
    /// French weekday names, Monday first (ISO order).
    static let frenchWeekdays = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
    /// French month names, January first.
    static let frenchMonths = [
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ]

    /// The weekday in French: « lundi ».
    public var frenchWeekday: String { LocalDate.frenchWeekdays[isoWeekday - 1] }

    /// The month name in French: « janvier ».
    public var frenchMonth: String { LocalDate.frenchMonths[month - 1] }

    /// Day, month and year: « 1er mars 2021 », « 4 mars 2021 ».
    ///
    /// With ordinary spaces, deliberately: the date goes into the deadline steps of the CLI's JSON (a stable
    /// contract, docs/deadlines.md), iCalendar files and messages. The no-break spaces of « 4 mars 2021 » are
    /// added where the text is shown, by ``FrenchTypography`` (pages, documents).
    public var frenchDate: String { "\(day == 1 ? "1er" : String(day)) \(frenchMonth) \(year)" }

    /// Weekday, day, month and year: « jeudi 4 mars 2021 ».
    public var frenchLongDate: String { "\(frenchWeekday) \(frenchDate)" }
}

/// Spelling of small numbers in French, for periods (« deux mois », « vingt et un jours »).
enum FrenchNumber {
    private static let units = [
        "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
        "onze", "douze", "treize", "quatorze", "quinze", "seize",
    ]
    private static let tens = ["", "dix", "vingt", "trente", "quarante", "cinquante", "soixante"]

    /// The number in words (traditional spelling), 0…999; digits beyond. `feminine` gives « une ».
    static func words(_ n: Int, feminine: Bool = false) -> String {
        guard (0...999).contains(n) else { return String(n) }
        let text = spell(n)
        if feminine, text == "un" || text.hasSuffix(" et un") || text.hasSuffix("-un") {
            return String(text.dropLast(2)) + "une"
        }
        return text
    }

    private static func spell(_ n: Int) -> String {
        if n <= 16 { return units[n] }
        if n < 20 { return "dix-" + units[n - 10] }
        if n < 70 {
            let t = n / 10
            let u = n % 10
            if u == 0 { return tens[t] }
            if u == 1 { return tens[t] + " et un" }
            return tens[t] + "-" + units[u]
        }
        if n < 80 { return n == 71 ? "soixante et onze" : "soixante-" + spell(n - 60) }
        if n < 100 { return n == 80 ? "quatre-vingts" : "quatre-vingt-" + spell(n - 80) }
        let h = n / 100
        let rest = n % 100
        let hundreds = h == 1 ? "cent" : units[h] + (rest == 0 ? " cents" : " cent")
        return rest == 0 ? hundreds : hundreds + " " + spell(rest)
    }
}
