import Testing

@testable import GuichetCore

/// A calendar fact to check, with the article it comes from.
struct HolidayCase: CustomTestStringConvertible, Sendable {
    let article: String
    let department: String
    let date: String
    let name: String?

    var testDescription: String {
        "\(article): \(date) in \(department) is \(name.map { "« \($0) »" } ?? "not a holiday")"
    }
}

@Suite("Legal calendar")
struct LegalCalendarTests {
    @Test(
        "computes Easter Sunday with the Gregorian computus",
        arguments: [
            (1990, "1990-04-15"), (2000, "2000-04-23"), (2008, "2008-03-23"), (2011, "2011-04-24"),
            (2019, "2019-04-21"), (2021, "2021-04-04"), (2024, "2024-03-31"), (2025, "2025-04-20"),
            (2038, "2038-04-25"), (2100, "2100-03-28"),
        ])
    func easter(year: Int, expected: String) {
        #expect(LegalCalendar.easterSunday(year: year).iso == expected)
    }

    static let holidayCases: [HolidayCase] = [
        HolidayCase(article: "L.3133-1 (1er janvier)", department: "75", date: "2025-01-01", name: "Jour de l'an"),
        HolidayCase(
            article: "L.3133-1 (lundi de Pâques)", department: "75", date: "2025-04-21", name: "Lundi de Pâques"),
        HolidayCase(article: "L.3133-1 (1er mai)", department: "13", date: "2025-05-01", name: "Fête du Travail"),
        HolidayCase(article: "L.3133-1 (8 mai)", department: "13", date: "2025-05-08", name: "Victoire 1945"),
        HolidayCase(article: "L.3133-1 (Ascension)", department: "2A", date: "2025-05-29", name: "Ascension"),
        HolidayCase(
            article: "L.3133-1 (lundi de Pentecôte)", department: "69", date: "2025-06-09", name: "Lundi de Pentecôte"),
        HolidayCase(
            article: "L.3133-1 (lundi de Pentecôte resté férié en 2006)", department: "69", date: "2006-06-05",
            name: "Lundi de Pentecôte"),
        HolidayCase(article: "L.3133-1 (14 juillet)", department: "59", date: "2025-07-14", name: "Fête nationale"),
        HolidayCase(article: "L.3133-1 (15 août)", department: "59", date: "2025-08-15", name: "Assomption"),
        HolidayCase(article: "L.3133-1 (1er novembre)", department: "974", date: "2025-11-01", name: "Toussaint"),
        HolidayCase(article: "L.3133-1 (11 novembre)", department: "976", date: "2025-11-11", name: "Armistice 1918"),
        HolidayCase(article: "L.3133-1 (25 décembre)", department: "971", date: "2025-12-25", name: "Noël"),
        HolidayCase(
            article: "L.3134-13 (Vendredi saint, Moselle)", department: "57", date: "2025-04-18", name: "Vendredi saint"
        ),
        HolidayCase(
            article: "L.3134-13 (Vendredi saint, Bas-Rhin)", department: "67", date: "2025-04-18",
            name: "Vendredi saint"),
        HolidayCase(
            article: "L.3134-13 (Vendredi saint hors Alsace-Moselle)", department: "75", date: "2025-04-18", name: nil),
        HolidayCase(
            article: "L.3134-13 (26 décembre, Haut-Rhin)", department: "68", date: "2025-12-26",
            name: "Second jour de Noël (Saint-Étienne)"),
        HolidayCase(
            article: "L.3134-13 (26 décembre hors Alsace-Moselle)", department: "54", date: "2025-12-26", name: nil),
        HolidayCase(
            article: "L.3422-2 (Guadeloupe, 27 mai)", department: "971", date: "2025-05-27",
            name: "Abolition de l'esclavage"),
        HolidayCase(
            article: "L.3422-2 (Martinique, 22 mai)", department: "972", date: "2025-05-22",
            name: "Abolition de l'esclavage"),
        HolidayCase(
            article: "L.3422-2 (Guyane, 10 juin)", department: "973", date: "2025-06-10",
            name: "Abolition de l'esclavage"),
        HolidayCase(
            article: "L.3422-2 (La Réunion, 20 décembre)", department: "974", date: "2025-12-20",
            name: "Abolition de l'esclavage"),
        HolidayCase(
            article: "L.3422-2 (Mayotte, 27 avril)", department: "976", date: "2026-04-27",
            name: "Abolition de l'esclavage"),
        HolidayCase(article: "L.3422-2 (27 mai hors Guadeloupe)", department: "972", date: "2025-05-27", name: nil),
        HolidayCase(
            article: "L.3422-2 (loi n° 83-550 : déjà férié en 1990)", department: "974", date: "1990-12-20",
            name: "Abolition de l'esclavage"),
        HolidayCase(
            article: "L.3133-1 (Schœlcher, 21 juillet : pas un jour férié légal)", department: "971",
            date: "2025-07-21",
            name: nil),
    ]

    @Test("knows each public holiday of each zone", arguments: holidayCases)
    func holiday(_ c: HolidayCase) throws {
        let department = try #require(Department.lookup(c.department))
        let date = try #require(LocalDate(iso: c.date))
        let names = LegalCalendar.holidays(on: date, department: department).map(\.name)
        if let name = c.name {
            #expect(names.contains(name))
        } else {
            #expect(names.isEmpty)
        }
    }

    @Test(
        "gives eleven national holidays, plus two in Alsace-Moselle and one overseas",
        arguments: [("75", 11), ("2B", 11), ("57", 13), ("67", 13), ("68", 13), ("971", 12), ("976", 12)])
    func holidayCount(code: String, count: Int) throws {
        let department = try #require(Department.lookup(code))
        #expect(LegalCalendar.holidays(year: 2030, department: department).count == count)
        #expect(LegalCalendar.holidays(year: 2030, department: department, including: .nationalOnly).count == 11)
    }

    @Test("marks local holidays and keeps every holiday's source")
    func localHolidaysAndSources() throws {
        let moselle = try #require(Department.lookup("57"))
        let holidays = LegalCalendar.holidays(year: 2025, department: moselle)
        #expect(holidays.filter(\.isLocal).map(\.ruleID) == ["vendredi-saint", "saint-etienne"])
        #expect(holidays.allSatisfy { !$0.source.citation.isEmpty && $0.source.dateChecked == .briefCheck })
        #expect(holidays.map(\.date) == holidays.map(\.date).sorted())
    }

    @Test("lists every year of a range, for the CLI")
    func range() {
        let all = LegalCalendar.holidays(from: 1990, through: 2100, department: .paris)
        #expect(all.count == 111 * 11)
        #expect(all.first?.date.iso == "1990-01-01")
        #expect(all.last?.date.iso == "2100-12-25")
        #expect(LegalCalendar.holidays(from: 2001, through: 2000, department: .paris).isEmpty)
    }

    @Test("skips weekends and holidays to find the next working day")
    func workingDays() throws {
        let alsace = try #require(Department.lookup("67"))
        let christmasEve = try #require(LocalDate(iso: "2025-12-24"))
        #expect(LegalCalendar.isWorkingDay(christmasEve, department: alsace))
        let christmas = try #require(LocalDate(iso: "2025-12-25"))
        #expect(!LegalCalendar.isWorkingDay(christmas, department: .paris))
        #expect(LegalCalendar.nextWorkingDay(onOrAfter: christmas, department: .paris).iso == "2025-12-26")
        #expect(LegalCalendar.nextWorkingDay(onOrAfter: christmas, department: alsace).iso == "2025-12-29")
        #expect(
            LegalCalendar.nextWorkingDay(onOrAfter: christmas, department: alsace, including: .nationalOnly).iso
                == "2025-12-26")
        let saturday = try #require(LocalDate(iso: "2025-11-01"))
        #expect(LegalCalendar.nextWorkingDay(onOrAfter: saturday, department: .paris).iso == "2025-11-03")
    }
}

@Suite("Départements")
struct DepartmentTests {
    @Test("lists the 101 départements once each")
    func all() {
        #expect(Department.all.count == 101)
        #expect(Set(Department.all.map(\.code)).count == 101)
        #expect(Department.all.filter(\.isOverseas).map(\.code) == ["971", "972", "973", "974", "976"])
        #expect(Department.all.filter { $0.zone == .alsaceMoselle }.map(\.code) == ["57", "67", "68"])
    }

    @Test(
        "finds a département by its INSEE code",
        arguments: [
            ("01", "Ain"), ("2A", "Corse-du-Sud"), ("2b", "Haute-Corse"), ("93", "Seine-Saint-Denis"),
            (" 75 ", "Paris"), ("90", "Territoire de Belfort"), ("971", "Guadeloupe"), ("976", "Mayotte"),
        ])
    func lookup(code: String, name: String) {
        #expect(Department.lookup(code)?.name == name)
    }

    @Test(
        "rejects codes that are not départements",
        arguments: ["20", "96", "975", "977", "999", "1", "00", "2C", "", "75000"])
    func rejects(code: String) {
        #expect(Department.lookup(code) == nil)
    }

    @Test(
        "gives each département its civil time zone",
        arguments: [
            ("75", "Europe/Paris"), ("2A", "Europe/Paris"), ("67", "Europe/Paris"), ("971", "America/Guadeloupe"),
            ("972", "America/Martinique"), ("973", "America/Cayenne"), ("974", "Indian/Reunion"),
            ("976", "Indian/Mayotte"),
        ])
    func timeZone(code: String, identifier: String) {
        #expect(Department.lookup(code)?.timeZone.identifier == identifier)
    }
}

@Suite("French dates and civil time")
struct FrenchTimeTests {
    @Test(
        "writes dates in French, with « 1er »",
        arguments: [
            ("2022-01-03", "lundi 3 janvier 2022"), ("2021-03-01", "lundi 1er mars 2021"),
            ("2025-08-15", "vendredi 15 août 2025"), ("2024-02-29", "jeudi 29 février 2024"),
            ("2023-12-31", "dimanche 31 décembre 2023"),
        ])
    func frenchDate(iso: String, expected: String) throws {
        #expect(try #require(LocalDate(iso: iso)).frenchLongDate == expected)
    }

    @Test(
        "spells periods in French words",
        arguments: [
            (1, "un"), (2, "deux"), (7, "sept"), (15, "quinze"), (17, "dix-sept"), (21, "vingt et un"),
            (30, "trente"), (48, "quarante-huit"), (71, "soixante et onze"), (80, "quatre-vingts"),
            (96, "quatre-vingt-seize"), (120, "cent vingt"), (200, "deux cents"),
        ])
    func numbers(n: Int, words: String) {
        #expect(FrenchNumber.words(n) == words)
    }

    @Test("parses and writes clock times")
    func times() throws {
        #expect(try #require(LocalTime(iso: "09:00")).french == "9 h")
        #expect(try #require(LocalTime(iso: "14:05")).french == "14 h 05")
        #expect(LocalTime(iso: "24:00") == nil)
        #expect(LocalTime(iso: "9:00") == nil)
        #expect(LocalTime(iso: "09h00") == nil)
    }

    @Test(
        "knows the summer-time changes of Europe/Paris",
        arguments: [
            (1995, "1995-03-26", "1995-09-24"), (2025, "2025-03-30", "2025-10-26"), (2026, "2026-03-29", "2026-10-25"),
        ])
    func summerTime(year: Int, starts: String, ends: String) throws {
        let change = try #require(CivilTimeZone.europeParis.summerTime(year: year))
        #expect(change.starts.iso == starts)
        #expect(change.ends.iso == ends)
    }

    @Test("reads wall-clock times around the changes")
    func readings() throws {
        let paris = CivilTimeZone.europeParis
        let spring = try #require(LocalDate(iso: "2026-03-29"))
        let autumn = try #require(LocalDate(iso: "2026-10-25"))
        #expect(paris.reading(LocalDateTime(date: spring, time: LocalTime(literal: 2, 30))) == .skipped)
        #expect(paris.reading(LocalDateTime(date: autumn, time: LocalTime(literal: 2, 30))) == .repeated)
        #expect(
            paris.reading(LocalDateTime(date: spring, time: LocalTime(literal: 12, 0)))
                == .unique(utcOffsetMinutes: 120))
        #expect(
            paris.reading(LocalDateTime(date: autumn, time: LocalTime(literal: 12, 0))) == .unique(utcOffsetMinutes: 60)
        )
        let before = LocalDateTime(date: spring.adding(days: -2), time: LocalTime(literal: 10, 0))
        let after = LocalDateTime(date: spring, time: LocalTime(literal: 10, 0))
        #expect(paris.utcMinutes(after) - paris.utcMinutes(before) == 47 * 60)
        #expect(CivilTimeZone.fixed(identifier: "Indian/Reunion", utcOffsetMinutes: 240).summerTime(year: 2026) == nil)
    }
}
