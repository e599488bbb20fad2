public import GuichetCore

/// Dates written out for readers: « 27 novembre 2019 », “27 November 2019”, « 27 نوفمبر 2019 ».
public enum DateText {
    static let frenchMonths = [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
        "novembre", "décembre",
    ]
    static let englishMonths = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]
    static let arabicMonths = [
        "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
    ]

    /// Gregorian months as written in Afghanistan (Dari, Pashto), in Eritrea (Tigrinya) and in Somali.
    static let dariMonths = ["جنوری", "فبروری", "مارچ", "اپریل", "می", "جون", "جولای", "آگست", "سپتمبر", "اکتوبر", "نومبر", "دسمبر"]
    static let pashtoMonths = ["جنوري", "فبروري", "مارچ", "اپرېل", "می", "جون", "جولای", "اګست", "سپتمبر", "اکتوبر", "نومبر", "دسمبر"]
    static let tigrinyaMonths = ["ጥሪ", "ለካቲት", "መጋቢት", "ሚያዝያ", "ግንቦት", "ሰነ", "ሓምለ", "ነሓሰ", "መስከረም", "ጥቅምቲ", "ሕዳር", "ታሕሳስ"]
    static let somaliMonths = [
        "Janaayo", "Febraayo", "Maarso", "Abriil", "Maajo", "Juun", "Luuliyo", "Agoosto", "Sebtembar", "Oktoobar",
        "Nofembar", "Desembar",
    ]

    /// The date in the reader's language (Gregorian calendar, Western digits, as on French papers).
    public static func long(_ date: LocalDate, _ language: UILanguage) -> String {
        switch language {
        case .fr: (date.day == 1 ? "1er" : String(date.day)) + " " + frenchMonths[date.month - 1] + " " + String(date.year)
        case .en: String(date.day) + " " + englishMonths[date.month - 1] + " " + String(date.year)
        case .ar: String(date.day) + " " + arabicMonths[date.month - 1] + " " + String(date.year)
        case .fa: String(date.day) + " " + dariMonths[date.month - 1] + " " + String(date.year)
        case .ps: String(date.day) + " " + pashtoMonths[date.month - 1] + " " + String(date.year)
        case .ti: String(date.day) + " " + tigrinyaMonths[date.month - 1] + " " + String(date.year)
        case .so: String(date.day) + " " + somaliMonths[date.month - 1] + " " + String(date.year)
        }
    }
}

extension ItemKind {
    /// The catalog key of the kind's label.
    public var label: UIString {
        switch self {
        case .communique: .kindCommunique
        case .analyse: .kindAnalyse
        case .decision: .kindDecision
        case .rapport: .kindRapport
        case .formation: .kindFormation
        case .rassemblement: .kindRassemblement
        case .article: .kindArticle
        case .texte: .kindTexte
        }
    }
}
