import Testing

@testable import GuichetCore

@Suite("Interview conditions")
struct ConditionTests {
    static let today = LocalDate(year: 2026, month: 11, day: 12) ?? LocalDate(daysSinceEpoch: 0)
    static let values: [String: ConditionValue] = [
        "procedure": .text("renouvellement-titre"), "verdict": .text("recevable"),
        "expiration": .date(LocalDate(year: 2026, month: 12, day: 31) ?? today), "capture": .present,
    ]

    struct Case: Sendable, CustomTestStringConvertible {
        let text: String
        let holds: Bool
        var testDescription: String { text }
    }

    @Test(
        "conditions evaluate against answers",
        arguments: [
            Case(text: "procedure == renouvellement-titre", holds: true),
            Case(text: "procedure != renouvellement-titre", holds: false),
            Case(text: "verdict in [recevable, solide]", holds: true),
            Case(text: "verdict not in [recevable, solide]", holds: false),
            Case(text: "absent != x", holds: false),
            Case(text: "not absent", holds: true),
            Case(text: "capture and expiration", holds: true),
            Case(text: "expiration < today + 60", holds: true),
            Case(text: "expiration < today + 49", holds: false),
            Case(text: "expiration >= 2026-12-31", holds: true),
            Case(text: "expiration == 2026-12-31", holds: true),
            Case(text: "absent < today", holds: false),
            Case(text: "verdict == solide or (procedure == \"renouvellement-titre\" and not verdict == insuffisant)", holds: true),
        ])
    func evaluate(_ row: Case) throws {
        let condition = try Condition.parse(row.text)
        #expect(condition.holds(today: Self.today) { Self.values[$0.name] } == row.holds)
        // The canonical text parses back to the same condition.
        #expect(try Condition.parse(condition.description) == condition)
    }

    @Test(
        "malformed conditions are refused with a position",
        arguments: ["", "procedure ==", "a and", "(a", "x in [", "renouvellement-titre", "today-30 < x", "a == b c", "é"])
    func syntaxErrors(text: String) {
        #expect(throws: ConditionSyntaxError.self) { try Condition.parse(text) }
    }

    @Test("references and literals are listed for the definition check")
    func references() throws {
        let condition = try Condition.parse("a == x and (b in [y, z] or c.ouverture < today)")
        #expect(condition.references.map(\.description) == ["a", "b", "c.ouverture"])
        #expect(condition.literals.map(\.value) == ["x", "y", "z"])
    }
}
