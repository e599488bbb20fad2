import Testing
@testable import GuichetCore

@Suite("ISO weeks of the observatory's reports")
struct ReportWeekTests {
    static func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    @Test("a day falls in the ISO week whose Thursday shares its year")
    func containing() {
        #expect(ReportWeek(containing: Self.day("2026-12-03")).description == "2026-W49")
        // 1 January 2027 is a Friday: it belongs to the last week of 2026, which has 53 weeks.
        #expect(ReportWeek(containing: Self.day("2027-01-01")).description == "2026-W53")
        // 29 December 2025 is a Monday in week 1 of 2026.
        #expect(ReportWeek(containing: Self.day("2025-12-29")).description == "2026-W01")
        #expect(ReportWeek.weeks(in: 2026) == 53)
        #expect(ReportWeek.weeks(in: 2027) == 52)
    }

    @Test("a week runs from Monday to Sunday, and reads back from its text")
    func mondayAndText() throws {
        let week = try #require(ReportWeek("2026-W49"))
        #expect(week.monday == Self.day("2026-11-30"))
        #expect(week.sunday == Self.day("2026-12-06"))
        #expect(week.monday.isoWeekday == 1)
        for number in 1...53 {
            let each = try #require(ReportWeek(year: 2026, week: number))
            #expect(ReportWeek(each.description) == each)
            #expect(ReportWeek(containing: each.monday) == each)
            #expect(ReportWeek(containing: each.sunday) == each)
        }
    }

    @Test("text that is not a week of that year is refused", arguments: ["2027-W53", "2026-W00", "2026-W54", "2026W49", "2026-w49", "26-W49", "2026-W4", "2026-W4x", " 2026-W49", ""])
    func refused(_ text: String) {
        #expect(ReportWeek(text) == nil)
    }

    @Test("weeks move by seven days across the year's end")
    func arithmetic() throws {
        let week = try #require(ReportWeek("2026-W52"))
        #expect(week.adding(weeks: 1).description == "2026-W53")
        #expect(week.adding(weeks: 2).description == "2027-W01")
        #expect(week.adding(weeks: -52).description == "2025-W52")
        #expect(week.weeks(until: week.adding(weeks: 10)) == 10)
        #expect(week < week.adding(weeks: 1))
    }
}

@Suite("The report figures that may be shown")
struct ReportFiguresTests {
    static func cell(_ department: String, _ count: Int, week: Int = 49) -> Observatory.ReportCount {
        Observatory.ReportCount(
            department: department, procedure: .firstPermit, week: ReportWeek(year: 2026, week: week)!, outcome: .noSlot,
            count: count)
    }

    @Test("only cells of k or more reports are kept, whatever k below five is asked")
    func kFilter() {
        let counts = (1...9).map { Self.cell(String(format2: $0), $0) }
        let figures = Observatory.ReportFigures(counts: counts, k: 2)
        #expect(figures.k == 5)
        #expect(figures.cells.map(\.count) == [5, 6, 7, 8, 9])
        let stricter = Observatory.ReportFigures(counts: counts, k: 8)
        #expect(stricter.cells.map(\.count) == [8, 9])
        #expect(Observatory.ReportFigures(counts: counts, k: 10).cells.isEmpty)
    }

    @Test("cells come ordered by département, procedure, week and outcome")
    func order() {
        let figures = Observatory.ReportFigures(counts: [Self.cell("93", 5, week: 49), Self.cell("13", 7), Self.cell("93", 6, week: 48)], k: 5)
        #expect(figures.cells.map { "\($0.department) \($0.week)" } == ["13 2026-W49", "93 2026-W48", "93 2026-W49"])
        #expect(figures.cells(department: "93").count == 2)
    }
}

extension String {
    /// Two digits: 1 → "01".
    init(format2 value: Int) { self = value < 10 ? "0\(value)" : String(value) }
}
