import Testing
import Foundation
import Hummingbird
import HummingbirdTesting
import GuichetCore
import GuichetContent
import GuichetTestSupport
@testable import GuichetWeb

@Suite("Web: observatory")
struct ObservatoryRoutesTests {
    static let source = Observatory.Source(title: "La Cimade", url: "https://www.lacimade.org/x", checked: LocalDate(year: 2026, month: 12, day: 1)!)
    static let board = Observatory.Board(
        checked: LocalDate(year: 2026, month: 12, day: 1)!,
        national: [.renewal: Observatory.Fact(channel: .anef, alternative: .yes, sources: [source])],
        departments: [
            "93": Observatory.DepartmentRecord(
                code: "93", checked: LocalDate(year: 2026, month: 12, day: 1)!,
                procedures: [.firstPermit: Observatory.Fact(
                    channel: .onlineAppointment, alternative: .unknown, asOf: LocalDate(year: 2022, month: 7, day: 6),
                    note: "Téléservices obligatoires annulés, alternative, exigée", sources: [source])])
        ],
        decisions: [
            Observatory.DecisionLink(
                itemID: Slug("ce-2019")!, title: "Une décision", date: LocalDate(year: 2022, month: 7, day: 6)!, departments: ["93"],
                procedures: [.firstPermit], outcome: .favorable, outcomeNote: "Alternatives exigées.")
        ])

    func makeApp() async throws -> some ApplicationProtocol { try await makeTestApp(observatory: Self.board) }

    @Test("the map: one link per département, its colour class, and the same in a table; relative links under a base")
    func map() async throws {
        try await makeApp().test(.router) { client in
            try await client.execute(uri: "/observatoire?lang=ar", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("<base href=\"/observatoire/\">"))
                #expect(html.components(separatedBy: "<path ").count - 1 == Department.all.count)
                // Seine-Saint-Denis: online appointments only, nothing announced.
                #expect(html.contains("<a href=\"93?lang=ar\">\n<title>93 Seine-Saint-Denis</title><path d=\"M60 30h9v9h-9z\" class=\"o\">"))
                // Every other département: nothing known for a first permit.
                #expect(html.contains("<title>01 Ain</title><path d=\"M80 70h9v9h-9z\" class=\"u\">"))
                #expect(html.contains("(1)") && html.contains("(\(Department.all.count - 1))"))
            }
            try await client.execute(uri: "/observatoire?procedure=sejour-renouvellement", method: .get) { response in
                let html = String(buffer: response.body)
                // The national rule: ANEF with an announced alternative, everywhere.
                #expect(html.components(separatedBy: "class=\"a\"").count - 1 == Department.all.count)
            }
            try await client.execute(uri: "/observatoire?procedure=inexistante", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test("a département page: the prefecture, each procedure with its source, the decisions with their outcome")
    func department() async throws {
        try await makeApp().test(.router) { client in
            try await client.execute(uri: "/observatoire/93", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body).replacingOccurrences(of: "\u{00A0}", with: " ")
                #expect(html.contains("Préfecture de la Seine-Saint-Denis"))
                #expect(html.contains("rendez-vous en ligne"))
                #expect(html.contains("href=\"https://www.lacimade.org/x\""))
                #expect(html.contains("href=\"/dossier/ce-2019\""))
                #expect(html.contains("Issue : favorable"))
                // The renewal follows the national rule, said so.
                #expect(html.contains("(règle nationale)"))
            }
            try await client.execute(uri: "/observatoire/20", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/observatoire/2a", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test("open data: the CSV has one row per département and procedure, quoted as RFC 4180; the JSON has the licence")
    func openData() async throws {
        try await makeApp().test(.router) { client in
            try await client.execute(uri: "/donnees/observatoire.csv", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/csv") == true)
                let lines = String(buffer: response.body).components(separatedBy: "\r\n").filter { !$0.isEmpty }
                #expect(lines.first == ObservatoryData.columns.joined(separator: ","))
                #expect(lines.count == 1 + Department.all.count * Observatory.Procedure.allCases.count)
                #expect(lines.contains("93,Seine-Saint-Denis,sejour-premiere-demande,rdv-en-ligne,inconnu,2022-07-06,false,https://www.lacimade.org/x,2026-12-01"))
                #expect(lines.contains("01,Ain,sejour-renouvellement,anef,oui,,true,https://www.lacimade.org/x,2026-12-01"))
            }
            try await client.execute(uri: "/donnees/observatoire.json", method: .get) { response in
                let object = try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any]
                let licence = object?["licence"] as? [String: String]
                #expect(licence?["name"] == "Licence Ouverte 2.0")
                let departments = object?["departements"] as? [[String: Any]]
                #expect(departments?.count == Department.all.count)
                let seineSaintDenis = departments?.first { $0["code"] as? String == "93" }
                #expect((seineSaintDenis?["decisions"] as? [[String: Any]])?.first?["issue"] as? String == "favorable")
            }
            try await client.execute(uri: "/donnees/observatoire.schema.json", method: .get) { response in
                let object = try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any]
                let fields = (object?["fields"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
                #expect(fields == ObservatoryData.columns)
            }
        }
    }

    @Test("a field with a comma or a quote is quoted")
    func csvQuoting() {
        #expect(CSVText.field("a,b") == "\"a,b\"")
        #expect(CSVText.field("dit \"oui\"") == "\"dit \"\"oui\"\"\"")
        #expect(CSVText.field("simple") == "simple")
    }

    @Test("without reference data every fact is inconnu, and the pages still answer")
    func empty() async throws {
        try await makeTestApp().test(.router) { client in
            try await client.execute(uri: "/observatoire", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).components(separatedBy: "class=\"u\"").count - 1 >= Department.all.count)
            }
        }
    }
}
