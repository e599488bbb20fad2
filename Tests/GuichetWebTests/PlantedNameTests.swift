import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import GuichetSQLite
@testable import GuichetWeb

/// Privacy by design, checked from the outside: a name, an address and a screenshot go in through the web path;
/// afterwards no file of the data folder and no log line contains them, nor the access code.
@Suite("Web: nothing readable at rest")
struct PlantedNameTests {
    static let instant = Date(timeIntervalSince1970: 1_794_477_600)

    @Test("a planted name, address, capture and code are found in no file of the data folder and in no log line")
    func plantedName() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("guichet-planted-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let name = "Zéphyrine Quenouillard-Tchibozo"
        let street = "17 impasse des Mirabelliers"
        let capture = try Data(contentsOf: URL(fileURLWithPath: ShippedInterviews.root)
            .deletingLastPathComponent().appendingPathComponent("examples/captures/recevable-1.png"))
        let logs = LogRecorder()
        let code: String
        do {
            let database = try SQLiteDatabase(path: folder.appendingPathComponent("guichet.sqlite").path)
            let app = try await makeParcoursApp(database: database, now: { Self.instant }, logger: logs.logger())
            code = try await app.test(.router) { client in
                let browser = Browser(client)
                let code = try await browser.start("rendez-vous-prefecture")
                for (token, raw) in [("departement", "93"), ("procedure", "premiere-demande-titre"), ("tentatives+0", "oui"),
                    ("tentatives.0.at", "05/10/2026 09:00"), ("tentatives.0.channel", "site-prefecture"),
                    ("tentatives.0.outcome", "aucun-creneau")]
                {
                    try await browser.answer(token, raw)
                }
                let upload = try await browser.postFile(
                    "/mon-dossier", [("ecran", "tentatives.0.capture"), ("action", "continuer")], file: Array(capture))
                #expect(upload.status == .seeOther)
                try await browser.answer("tentatives.0.note", "Le site dit : \(name), aucun créneau")
                try await browser.answer("tentatives+1", "non")
                try await browser.answer("lettres+0", "non")
                let result = try await browser.walk([
                    ("courriers", "oui"), ("nom", name), ("date_naissance", "01/02/1990"), ("lieu_naissance", "Cotonou (Bénin)"),
                    ("nationalite", "béninoise"), ("adresse", "\(street)\n93200 Saint-Denis"), ("situation", "Travail de \(name)"),
                ])
                #expect(result.contains("Pas encore suffisant"))
                // The person's own documents do carry the name: the plaintext exists, only sealed at rest.
                let letter = try await browser.get("/mon-dossier/document/lettre-prefecture.odt")
                #expect(letter.status == .ok)
                return code
            }
        }
        #expect(!code.isEmpty)
        let needles: [(String, [UInt8])] = [
            ("name", Array(name.utf8)), ("surname", Array("Quenouillard".utf8)), ("street", Array(street.utf8)),
            ("code", Array(code.utf8)), ("code without hyphens", Array(code.replacingOccurrences(of: "-", with: "").utf8)),
            ("capture bytes", Array(capture[200..<232])),
        ]
        let files = try #require(FileManager.default.enumerator(atPath: folder.path)).compactMap { $0 as? String }
        #expect(files.contains("guichet.sqlite"))
        var scanned = 0
        for file in files {
            let data = try Data(contentsOf: folder.appendingPathComponent(file))
            scanned += data.count
            for (label, needle) in needles {
                #expect(data.range(of: Data(needle)) == nil, "\(label) found in \(file)")
            }
        }
        #expect(scanned > 100_000, "the database holds the dossier and the sealed file")
        let logText = logs.text
        #expect(logText.contains("private file created"), "the log is recorded")
        for (label, needle) in needles.dropLast() {
            #expect(!logText.contains(String(decoding: needle, as: UTF8.self)), "\(label) found in the logs")
        }
    }
}
