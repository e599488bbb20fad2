import Testing

@testable import GuichetCore

/// Two case numbers and whether the first comes before the second.
struct NumberOrder: CustomTestStringConvertible, Sendable {
    let lhs: String
    let rhs: String
    let precedes: Bool
    let why: String

    var testDescription: String { "\(lhs) vs \(rhs): \(why)" }
}

@Suite("The summary of a collective filing")
struct CollectiveFilingSummaryTests {
    static let today = LocalDate(literal: 2026, 11, 20)
    static let seineSaintDenis = Department.lookup("93")

    static let cases = [
        FiledCase(number: "2026-0010", firstAttempt: LocalDate(literal: 2026, 10, 5), attempts: 7, verdict: .solide),
        FiledCase(number: "2026-10000", firstAttempt: LocalDate(literal: 2026, 9, 1), attempts: 3, verdict: .recevable),
        FiledCase(number: "2025-0999", firstAttempt: nil, attempts: 0, verdict: .insuffisant),
        FiledCase(
            number: "2026-9999", firstAttempt: LocalDate(literal: 2026, 10, 12), attempts: 4, verdict: .recevable),
        FiledCase(number: "2026-0002", firstAttempt: LocalDate(literal: 2026, 8, 30), attempts: 12, verdict: .solide),
    ]

    static let orders: [NumberOrder] = [
        NumberOrder(lhs: "2026-0002", rhs: "2026-0010", precedes: true, why: "same width"),
        NumberOrder(lhs: "2026-9999", rhs: "2026-10000", precedes: true, why: "digits compared as numbers"),
        NumberOrder(lhs: "2026-10000", rhs: "2026-9999", precedes: false, why: "digits compared as numbers"),
        NumberOrder(lhs: "2025-9999", rhs: "2026-0001", precedes: true, why: "the year first"),
        NumberOrder(lhs: "2026-9", rhs: "2026-0042", precedes: true, why: "leading zeros do not count"),
        NumberOrder(lhs: "2026-0042", rhs: "2026-0042", precedes: false, why: "a number does not precede itself"),
        NumberOrder(lhs: "2026-007", rhs: "2026-7", precedes: true, why: "equal values: by spelling"),
        NumberOrder(lhs: "2026-7", rhs: "2026-007", precedes: false, why: "equal values: by spelling"),
        NumberOrder(lhs: "2026", rhs: "2026-0001", precedes: true, why: "a prefix first"),
        NumberOrder(lhs: "A-2", rhs: "B-1", precedes: true, why: "letters by their code"),
    ]

    @Test("case numbers: digits compared as numbers", arguments: orders)
    func order(_ order: NumberOrder) {
        #expect(CollectiveFilingSummary.caseNumberPrecedes(order.lhs, order.rhs) == order.precedes)
    }

    @Test("the table lists the cases sorted by number, with their first attempt, attempts and verdict")
    func table() throws {
        let department = try #require(Self.seineSaintDenis)
        let draft = CollectiveFilingSummary.draft(
            organisationName: "Permanence juridique de Saint-Denis", department: department, cases: Self.cases,
            today: Self.today)
        let tables = draft.blocks.compactMap { block -> [[String]]? in
            if case .table(let rows) = block { return rows }
            return nil
        }
        #expect(
            tables == [
                [
                    ["N° de dossier", "Première tentative", "Tentatives", "Appréciation des preuves"],
                    ["2025-0999", "aucune", "0", "insuffisant"],
                    ["2026-0002", "30 août 2026", "12", "solide"],
                    ["2026-0010", "5 octobre 2026", "7", "solide"],
                    ["2026-9999", "12 octobre 2026", "4", "recevable"],
                    ["2026-10000", "1er septembre 2026", "3", "recevable"],
                ]
            ])
        let text = draft.plainText
        #expect(text.contains("Association : Permanence juridique de Saint-Denis"))
        #expect(text.contains("Défendeur : le préfet de la Seine-Saint-Denis (93 – Seine-Saint-Denis)"))
        #expect(text.contains("Juridiction : Tribunal administratif de Montreuil"))
        #expect(text.contains("Le 20 novembre 2026"))
        #expect(text.contains("5 requêtes sont déposées ensemble"))
        #expect(text.contains("« recevable » : au moins 3 tentatives échouées, la première et la dernière à 8 jours"))
        #expect(text.contains("« solide » : au moins 6 tentatives échouées"))
        #expect(text.contains("et une demande écrite à la préfecture"))
    }

    @Test("no case gives no table, and a sentence saying so")
    func empty() throws {
        let draft = CollectiveFilingSummary.draft(
            organisationName: "Permanence", department: try #require(Self.seineSaintDenis), cases: [], today: Self.today
        )
        #expect(!draft.blocks.contains { if case .table = $0 { true } else { false } })
        #expect(draft.plainText.contains("Aucune requête n'est déposée."))
        #expect(CollectiveFilingSummary.csv(cases: []) == "numero,premiere_tentative,tentatives,verdict\r\n")
    }

    @Test("CSV: header, rows in the table's order, ISO dates, CRLF after every line")
    func csv() {
        #expect(
            CollectiveFilingSummary.csv(cases: Self.cases)
                == "numero,premiere_tentative,tentatives,verdict\r\n"
                + "2025-0999,,0,insuffisant\r\n"
                + "2026-0002,2026-08-30,12,solide\r\n"
                + "2026-0010,2026-10-05,7,solide\r\n"
                + "2026-9999,2026-10-12,4,recevable\r\n"
                + "2026-10000,2026-09-01,3,recevable\r\n")
    }

    @Test("CSV: a field with a comma, a quotation mark or a line break is quoted, its quotation marks doubled")
    func csvQuoting() {
        let odd = [
            FiledCase(number: "B,1", firstAttempt: nil, attempts: 1, verdict: .recevable),
            FiledCase(number: "C \"bis\"", firstAttempt: nil, attempts: 2, verdict: .solide),
            FiledCase(number: "D\r\n2", firstAttempt: nil, attempts: 3, verdict: .solide),
            FiledCase(number: "É-4", firstAttempt: nil, attempts: 4, verdict: .solide),
        ]
        let csv = CollectiveFilingSummary.csv(cases: odd)
        #expect(
            csv == "numero,premiere_tentative,tentatives,verdict\r\n" + "\"B,1\",,1,recevable\r\n"
                + "\"C \"\"bis\"\"\",,2,solide\r\n" + "\"D\r\n2\",,3,solide\r\n" + "É-4,,4,solide\r\n")
        #expect(Array(csv.utf8).prefix(3) != [0xEF, 0xBB, 0xBF], "no byte order mark")
        #expect(csvRecords(csv).map(\.first) == ["numero", "B,1", "C \"bis\"", "D\r\n2", "É-4"])
    }

    @Test("built from case files, the summary holds no name, birth place or address")
    func nameFree() throws {
        var caseFile = try Examples.caseFile("solide")
        let planted = "Zéphyrine Quonbrakova"
        caseFile.person.name = planted
        caseFile.person.birthPlace = "Tbilissi (Géorgie)"
        caseFile.person.address = "7 impasse Témoin\n93200 Saint-Denis"
        let filed = FiledCase(number: "2026-0042", caseFile: caseFile)
        #expect(filed.verdict == .solide)
        #expect(filed.attempts == caseFile.attempts.count)
        #expect(filed.firstAttempt == caseFile.datedAttempts.first?.local.date)

        let draft = CollectiveFilingSummary.draft(
            organisationName: "Permanence", department: caseFile.department, cases: [filed], today: Self.today)
        let everything = draft.plainText + "\n" + CollectiveFilingSummary.csv(cases: [filed])
        for secret in [planted, "Zéphyrine", "Quonbrakova", "Tbilissi", "Témoin"] {
            #expect(!everything.contains(secret), "\(secret)")
        }
        #expect(everything.contains("2026-0042"))
    }
}

/// Parses RFC 4180 text into records (for the test only): quoted fields may hold commas, quotes and line breaks.
func csvRecords(_ text: String) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var scalars = Array(text.unicodeScalars)[...]
    while let scalar = scalars.popFirst() {
        if quoted {
            if scalar == "\"" {
                if scalars.first == "\"" {
                    field.unicodeScalars.append("\"")
                    scalars = scalars.dropFirst()
                } else {
                    quoted = false
                }
            } else {
                field.unicodeScalars.append(scalar)
            }
        } else if scalar == "\"" {
            quoted = true
        } else if scalar == "," {
            record.append(field)
            field = ""
        } else if scalar == "\r" && scalars.first == "\n" {
            scalars = scalars.dropFirst()
            record.append(field)
            records.append(record)
            record = []
            field = ""
        } else {
            field.unicodeScalars.append(scalar)
        }
    }
    return records
}
