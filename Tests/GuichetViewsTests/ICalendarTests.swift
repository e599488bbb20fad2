import Testing
import GuichetCore
import Foundation
@testable import GuichetViews

@Suite("iCalendar")
struct ICalendarTests {
    @Test("text values are escaped and long lines folded without splitting a character")
    func escapingAndFolding() {
        #expect(ICalendar.escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
        let line = "SUMMARY:" + String(repeating: "é", count: 60)
        let folded = ICalendar.fold(line)
        let parts = folded.components(separatedBy: "\r\n")
        #expect(parts.count == 2)
        #expect(parts.allSatisfy { $0.utf8.count <= 75 })
        #expect(parts[1].hasPrefix(" "))
        #expect(parts.joined().replacingOccurrences(of: " ", with: "", options: [], range: nil).contains(String(repeating: "é", count: 60)))
    }

    @Test("a filing window gives two all-day events, a chained rule gives its own")
    func events() throws {
        let window = try DeadlineEngine.compute(DeadlineRequest.parse(rule: "renouvellement-titre-anef", date: "2027-02-28"))
        let windowEvents = ICalendar.events(for: window, uidSuffix: "x")
        #expect(windowEvents.count == 2)
        #expect(windowEvents.allSatisfy { $0.time == nil })
        let chain = try DeadlineEngine.compute(DeadlineRequest.parse(rule: "silence-titre-sejour", date: "2024-01-31", department: "93"))
        #expect(ICalendar.events(for: chain, uidSuffix: "x").count == 1 + chain.next.count)
    }
}
