extension HolidayRule {
    private static let laborCode = LegalSource(
        citation: "art. L.3133-1 du code du travail",
        caveat: nil)

    private static let whitMonday = LegalSource(
        citation: "art. L.3133-1 du code du travail",
        caveat: "De 2005 à 2007, le lundi de Pentecôte était par défaut la journée de solidarité "
            + "(loi n° 2004-626 du 30 juin 2004) : il restait un jour férié, mais pouvait être travaillé.")

    private static let alsaceMosellePublic = LegalSource(
        citation: "art. L.3134-13 du code du travail (droit local d'Alsace-Moselle)",
        caveat: nil)

    private static let goodFriday = LegalSource(
        citation: "art. L.3134-13 du code du travail (droit local d'Alsace-Moselle)",
        caveat: "Le texte le réserve aux communes ayant un temple protestant ou une église mixte ; "
            + "il est observé dans tout le ressort en pratique.")

    private static let slavery = LegalSource(
        citation: "art. L.3422-2 du code du travail ; auparavant loi n° 83-550 du 30 juin 1983 "
            + "et décret n° 83-1003 du 23 novembre 1983",
        url: "https://www.legifrance.gouv.fr/loda/id/JORFTEXT000000692257",
        caveat: nil)

    /// The French public holidays: the eleven national ones (L.3133-1), Good Friday and 26 December in
    /// Alsace-Moselle (L.3134-13), and the abolition-of-slavery day of each overseas département
    /// (L.3422-2, a holiday since the loi n° 83-550 and décret n° 83-1003 of 1983).
    ///
    /// `firstYear` is only indicative before 1990: the calendar is checked for 1990–2100.
    ///
    /// Checked against the brief (law.md §3.8) on 2026-11-26 and, for 1990–2100, against the PyPI
    /// `holidays` package by `scripts/check-holidays` (listed differences: docs/holidays-differences.tsv).
    public static let france: [HolidayRule] = [
        HolidayRule(
            id: "jour-de-l-an", name: "Jour de l'an", date: .fixed(month: 1, day: 1), scope: .national,
            firstYear: 1811, source: laborCode),
        HolidayRule(
            id: "vendredi-saint", name: "Vendredi saint", date: .easterOffset(days: -2), scope: .alsaceMoselle,
            firstYear: 1893, source: goodFriday),
        HolidayRule(
            id: "lundi-de-paques", name: "Lundi de Pâques", date: .easterOffset(days: 1), scope: .national,
            firstYear: 1886, source: laborCode),
        HolidayRule(
            id: "abolition-esclavage-976", name: "Abolition de l'esclavage", date: .fixed(month: 4, day: 27),
            scope: .department("976"), firstYear: 1984, source: slavery),
        HolidayRule(
            id: "fete-du-travail", name: "Fête du Travail", date: .fixed(month: 5, day: 1), scope: .national,
            firstYear: 1948, source: laborCode),
        HolidayRule(
            id: "victoire-1945", name: "Victoire 1945", date: .fixed(month: 5, day: 8), scope: .national,
            firstYear: 1982, source: laborCode),
        HolidayRule(
            id: "abolition-esclavage-972", name: "Abolition de l'esclavage", date: .fixed(month: 5, day: 22),
            scope: .department("972"), firstYear: 1984, source: slavery),
        HolidayRule(
            id: "abolition-esclavage-971", name: "Abolition de l'esclavage", date: .fixed(month: 5, day: 27),
            scope: .department("971"), firstYear: 1984, source: slavery),
        HolidayRule(
            id: "ascension", name: "Ascension", date: .easterOffset(days: 39), scope: .national,
            firstYear: 1803, source: laborCode),
        HolidayRule(
            id: "lundi-de-pentecote", name: "Lundi de Pentecôte", date: .easterOffset(days: 50), scope: .national,
            firstYear: 1886, source: whitMonday),
        HolidayRule(
            id: "abolition-esclavage-973", name: "Abolition de l'esclavage", date: .fixed(month: 6, day: 10),
            scope: .department("973"), firstYear: 1984, source: slavery),
        HolidayRule(
            id: "fete-nationale", name: "Fête nationale", date: .fixed(month: 7, day: 14), scope: .national,
            firstYear: 1880, source: laborCode),
        HolidayRule(
            id: "assomption", name: "Assomption", date: .fixed(month: 8, day: 15), scope: .national,
            firstYear: 1803, source: laborCode),
        HolidayRule(
            id: "toussaint", name: "Toussaint", date: .fixed(month: 11, day: 1), scope: .national,
            firstYear: 1803, source: laborCode),
        HolidayRule(
            id: "armistice-1918", name: "Armistice 1918", date: .fixed(month: 11, day: 11), scope: .national,
            firstYear: 1922, source: laborCode),
        HolidayRule(
            id: "abolition-esclavage-974", name: "Abolition de l'esclavage", date: .fixed(month: 12, day: 20),
            scope: .department("974"), firstYear: 1983, source: slavery),
        HolidayRule(
            id: "noel", name: "Noël", date: .fixed(month: 12, day: 25), scope: .national,
            firstYear: 1803, source: laborCode),
        HolidayRule(
            id: "saint-etienne", name: "Second jour de Noël (Saint-Étienne)", date: .fixed(month: 12, day: 26),
            scope: .alsaceMoselle, firstYear: 1892, source: alsaceMosellePublic),
    ]
}
