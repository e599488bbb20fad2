/// Which holidays count when deciding whether a day is worked.
public enum HolidayInclusion: Hashable, Sendable {
    /// National and local holidays of the département.
    case all
    /// The eleven national holidays only (the safe default for court deadlines, law.md §3.8).
    case nationalOnly
}

/// The French legal calendar: public holidays per département and working days.
///
/// Pure computation from ``HolidayRule/france``; checked for 1990–2100. A working day here is a day
/// that is neither a Saturday, a Sunday nor a public holiday (the days art. 642 CPC skips).
public enum LegalCalendar {
    /// The holiday rules in force (data, with sources).
    public static let rules: [HolidayRule] = HolidayRule.france

    /// Easter Sunday of `year` (Gregorian computus, Meeus/Jones/Butcher algorithm).
    public static func easterSunday(year: Int) -> LocalDate {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return LocalDate(literal: year, month, day)
    }

    /// The public holidays of `year` in `department`, by date (two holidays may share a day).
    public static func holidays(
        year: Int, department: Department, including inclusion: HolidayInclusion = .all
    ) -> [Holiday] {
        rules.filter { rule in
            year >= rule.firstYear && rule.scope.applies(to: department)
                && (inclusion == .all || !rule.scope.isLocal)
        }
        .map { rule in
            Holiday(
                date: rule.date.date(in: year), name: rule.name, ruleID: rule.id, isLocal: rule.scope.isLocal,
                source: rule.source)
        }
        .sorted { ($0.date, $0.ruleID) < ($1.date, $1.ruleID) }
    }

    /// The public holidays of the years `from` through `through` in `department`, by date.
    public static func holidays(from first: Int, through last: Int, department: Department) -> [Holiday] {
        guard first <= last else { return [] }
        return (first...last).flatMap { holidays(year: $0, department: department) }
    }

    /// The holidays falling on `date` in `department` (usually none, sometimes two).
    public static func holidays(
        on date: LocalDate, department: Department, including inclusion: HolidayInclusion = .all
    ) -> [Holiday] {
        holidays(year: date.year, department: department, including: inclusion).filter { $0.date == date }
    }

    /// Whether `date` is neither a weekend day nor a public holiday of `department`.
    public static func isWorkingDay(
        _ date: LocalDate, department: Department, including inclusion: HolidayInclusion = .all
    ) -> Bool {
        !date.isWeekend && holidays(on: date, department: department, including: inclusion).isEmpty
    }

    /// `date` itself when it is a working day, otherwise the first working day after it.
    public static func nextWorkingDay(
        onOrAfter date: LocalDate, department: Department, including inclusion: HolidayInclusion = .all
    ) -> LocalDate {
        var day = date
        while !isWorkingDay(day, department: department, including: inclusion) {
            day = day.adding(days: 1)
        }
        return day
    }
}
