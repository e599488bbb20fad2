import Testing
import Foundation
@testable import GuichetCLI

@Suite("Command line: deadline, court, holidays")
struct LawCommandsTests {
    @Test("deadline as JSON follows the contract")
    func deadlineJSON() throws {
        let outcome = DeadlineCommand.execute(
            rule: "recours-contentieux", date: "2021-01-03", time: nil, department: "93", overseas: false, abroad: false,
            format: .json)
        #expect(outcome.status == 0)
        #expect(outcome.standardError.isEmpty)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        #expect(json["rule"] as? String == "recours-contentieux")
        #expect(json["date"] as? String == "2021-01-03")
        #expect(json["department"] as? String == "93")
        #expect(json["deadline"] as? String == "2021-03-04")
        #expect((json["steps"] as? [String])?.isEmpty == false)
        #expect((json["source"] as? String)?.contains("R.421-1") == true)
        #expect(json["verified"] as? Bool == true)
    }

    @Test("chained rules and windows appear in the JSON")
    func chained() throws {
        let silence = DeadlineCommand.execute(
            rule: "silence-titre-sejour", date: "2024-01-31", time: nil, department: "75", overseas: false, abroad: false, format: .json)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(silence.standardOutput.utf8)) as? [String: Any])
        #expect(json["deadline"] as? String == "2024-05-31")
        let next = try #require(json["next"] as? [[String: Any]])
        #expect(next.first?["rule"] as? String == "recours-contentieux")
        let window = DeadlineCommand.execute(
            rule: "renouvellement-titre-anef", date: "2027-02-28", time: nil, department: nil, overseas: false, abroad: false,
            format: .json)
        let windowJSON = try #require(try JSONSerialization.jsonObject(with: Data(window.standardOutput.utf8)) as? [String: Any])
        #expect(windowJSON["opens"] as? String != nil)
        #expect(windowJSON["closes"] as? String == windowJSON["deadline"] as? String)
        #expect(windowJSON["verified"] as? Bool == false)
    }

    @Test("the 48-hour rule takes a time and answers with one")
    func hours() throws {
        let outcome = DeadlineCommand.execute(
            rule: "oqtf-48h", date: "2026-03-27", time: "10:00", department: nil, overseas: false, abroad: false, format: .json)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        #expect(json["deadline"] as? String == "2026-03-29")
        #expect(json["time"] as? String == "10:00")
    }

    struct BadInput: Sendable, CustomTestStringConvertible {
        let rule: String
        let date: String
        let time: String?
        let department: String?
        let overseas: Bool
        let abroad: Bool
        let message: String
        var testDescription: String { message }
    }

    @Test("every bad input gives a French message on stderr and status 2", arguments: [
        BadInput(rule: "inconnue", date: "2021-01-01", time: nil, department: nil, overseas: false, abroad: false, message: "Délai inconnu"),
        BadInput(rule: "cnda", date: "2027-02-30", time: nil, department: nil, overseas: false, abroad: false, message: "Date invalide"),
        BadInput(rule: "cnda", date: "03/01/2021", time: nil, department: nil, overseas: false, abroad: false, message: "Date invalide"),
        BadInput(rule: "cnda", date: "2021-01-01", time: nil, department: "20", overseas: false, abroad: false, message: "Département inconnu"),
        BadInput(rule: "cnda", date: "2021-01-01", time: nil, department: "999", overseas: false, abroad: false, message: "Département inconnu"),
        BadInput(rule: "oqtf-48h", date: "2021-01-01", time: nil, department: nil, overseas: false, abroad: false, message: "en heures"),
        BadInput(rule: "oqtf-48h", date: "2021-01-01", time: "25:00", department: nil, overseas: false, abroad: false, message: "Heure invalide"),
        BadInput(rule: "recours-contentieux", date: "2021-01-01", time: nil, department: nil, overseas: true, abroad: true, message: "pas les deux"),
        BadInput(rule: "cnda", date: "1890-01-01", time: nil, department: nil, overseas: false, abroad: false, message: "non prise en charge"),
    ])
    func badInput(_ input: BadInput) {
        for format in [OutputFormat.text, .json] {
            let outcome = DeadlineCommand.execute(
                rule: input.rule, date: input.date, time: input.time, department: input.department, overseas: input.overseas,
                abroad: input.abroad, format: format)
            #expect(outcome.status == 2)
            #expect(outcome.standardOutput.isEmpty)
            #expect(outcome.standardError.hasPrefix("guichet : "))
            #expect(outcome.standardError.contains(input.message), "\(outcome.standardError)")
        }
    }

    @Test("court gives the tribunal of the département, Nantes for visas, and refuses unknown codes")
    func court() throws {
        let outcome = CourtCommand.execute(department: "93", visa: false, format: .json)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        #expect(json["department"] as? String == "93")
        #expect(json["court"] as? String == "Tribunal administratif de Montreuil")
        #expect(json["address"] as? String != nil)
        #expect((json["source"] as? String)?.contains("R.221-3") == true)
        let visa = CourtCommand.execute(department: "971", visa: true, format: .text)
        #expect(visa.standardOutput.hasPrefix("Tribunal administratif de Nantes"))
        for code in ["20", "999", "", "96"] {
            let bad = CourtCommand.execute(department: code, visa: false, format: .json)
            #expect(bad.status == 2)
            #expect(bad.standardError.contains("Département inconnu"))
        }
    }

    @Test("holidays lists one date and name per line")
    func holidays() {
        let outcome = HolidaysCommand.execute(department: "57", from: 2024, to: 2024)
        let lines = outcome.standardOutput.split(separator: "\n")
        #expect(lines.contains("2024-12-26\tSaint-Étienne") || lines.contains { $0.hasPrefix("2024-12-26\t") })
        #expect(lines.contains { $0.hasPrefix("2024-03-29\t") })  // Good Friday in Moselle
        #expect(lines.count == 13)
        #expect(HolidaysCommand.execute(department: "75", from: 2024, to: 2023).status == 2)
    }
}
