/// An ISO-8601 week (`2026-W49`): the finest time a person's report to the observatory keeps, so that a report
/// cannot be matched to the minute a private file was written. Weeks run Monday to Sunday; the year is the one that
/// owns the week's Thursday.
public struct ReportWeek: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    /// 1 … 52 or 53.
    public let week: Int

    /// The week `week` of `year`; `nil` when the year has no such week.
    public init?(year: Int, week: Int) {
        guard (1...9999).contains(year), week >= 1, week <= ReportWeek.weeks(in: year) else { return nil }
        self.year = year
        self.week = week
    }

    /// The week holding `date`.
    public init(containing date: LocalDate) {
        let owner = date.isoWeek
        self.year = owner.year
        self.week = owner.week
    }

    /// Reads `2026-W49` (the form of ``description``); `nil` for anything else, including a week the year lacks.
    public init?(_ text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 8, bytes[4] == UInt8(ascii: "-"), bytes[5] == UInt8(ascii: "W"),
            let year = Int(String(decoding: bytes[0..<4], as: UTF8.self)),
            let week = Int(String(decoding: bytes[6..<8], as: UTF8.self)),
            bytes[0..<4].allSatisfy({ (0x30...0x39).contains($0) }),
            bytes[6..<8].allSatisfy({ (0x30...0x39).contains($0) })
        else { return nil }
        self.init(year: year, week: week)
    }

    /// How many ISO weeks `year` has (52 or 53): 53 when 28 December, always in the year's last week, is in week 53.
    public static func weeks(in year: Int) -> Int {
        guard let december28 = LocalDate(year: year, month: 12, day: 28) else { return 52 }
        return december28.isoWeek.week
    }

    /// The Monday that starts the week.
    public var monday: LocalDate {
        // 4 January is always in week 1.
        let january4 = LocalDate(year: year, month: 1, day: 4) ?? LocalDate(daysSinceEpoch: 0)
        return january4.adding(days: 1 - january4.isoWeekday + (week - 1) * 7)
    }

    /// The Sunday that ends the week.
    public var sunday: LocalDate { monday.adding(days: 6) }

    /// The week `n` weeks later (earlier when negative).
    public func adding(weeks n: Int) -> ReportWeek { ReportWeek(containing: monday.adding(days: 7 * n)) }

    /// Weeks from `self` to `other` (positive when `other` is later).
    public func weeks(until other: ReportWeek) -> Int { monday.days(until: other.monday) / 7 }

    /// `2026-W49`.
    public var description: String {
        let y = String(year)
        let w = String(week)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-W" + (w.count == 1 ? "0" : "") + w
    }

    public static func < (a: ReportWeek, b: ReportWeek) -> Bool { (a.year, a.week) < (b.year, b.week) }
}
