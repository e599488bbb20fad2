import Testing
import Foundation
@testable import GuichetCLI

@Suite("Command line: journal, evidence, documents")
struct CaseFileCommandsTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples")

    /// A private copy of the examples folder, removed at the end of the test.
    func withExamples(_ body: (URL) throws -> Void) throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("guichet-cli-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.examples, to: copy)
        defer { try? FileManager.default.removeItem(at: copy) }
        try body(copy)
    }

    @Test("the examples' journals verify and their verdicts match their names", arguments: ["insuffisant", "recevable", "solide"])
    func examples(_ name: String) throws {
        let path = Self.examples.appendingPathComponent("\(name).json").path
        let verify = JournalCommand.Verify.execute(path, format: .text)
        #expect(verify.status == 0)
        #expect(verify.standardOutput.hasPrefix("Journal intact"))
        let check = EvidenceCommand.Check.execute(path, format: .json)
        #expect(check.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(check.standardOutput.utf8)) as? [String: Any])
        #expect(json["verdict"] as? String == name)
    }

    @Test("an edited entry or a changed capture breaks the journal, with status 1")
    func tampering() throws {
        try withExamples { folder in
            let path = folder.appendingPathComponent("solide.json").path
            var text = try String(contentsOfFile: path, encoding: .utf8)
            let original = text
            text = text.replacingOccurrences(of: "aucun-creneau", with: "erreur-technique", options: [], range: text.range(of: "aucun-creneau"))
            #expect(text != original)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let edited = JournalCommand.Verify.execute(path, format: .json)
            #expect(edited.status == 1)
            #expect(edited.standardOutput.contains("entryChanged") || edited.standardOutput.contains("modifi"))
        }
        try withExamples { folder in
            let captures = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("captures").path)
            let png = try #require(captures.sorted().first { $0.hasPrefix("solide") && $0.hasSuffix(".png") })
            let capturePath = folder.appendingPathComponent("captures/\(png)").path
            var bytes = try #require(FileManager.default.contents(atPath: capturePath))
            bytes[bytes.count / 2] ^= 0x01
            try bytes.write(to: URL(fileURLWithPath: capturePath))
            let verify = JournalCommand.Verify.execute(folder.appendingPathComponent("solide.json").path, format: .text)
            #expect(verify.status == 1)
        }
    }

    @Test("appending seals the entry and keeps the chain verifiable")
    func append() throws {
        try withExamples { folder in
            let path = folder.appendingPathComponent("recevable.json").path
            let appended = JournalCommand.Append.execute(
                path, at: "2026-11-20T09:01:00+01:00", channel: "site-prefecture", outcome: "aucun-creneau", note: "essai", capture: nil)
            #expect(appended.status == 0, "\(appended.standardError)")
            #expect(JournalCommand.Verify.execute(path, format: .text).status == 0)
            let bad = JournalCommand.Append.execute(
                path, at: "hier", channel: "site-prefecture", outcome: "aucun-creneau", note: nil, capture: nil)
            #expect(bad.status == 2)
            #expect(bad.standardError.contains("--at"))
        }
    }

    @Test("malformed case files are refused with the JSON path of each problem, status 2")
    func malformed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("guichet-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bad.json").path
        try #"{"department": "93", "procedure": "renouvellement-titre", "attempts": [{"at": "demain", "channel": "pigeon", "outcome": "aucun-creneau"}]}"#
            .write(toFile: path, atomically: true, encoding: .utf8)
        let outcome = EvidenceCommand.Check.execute(path, format: .text)
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("attempts[0].at"))
        #expect(outcome.standardError.contains("attempts[0].channel"))
        try "{ pas du json".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(JournalCommand.Verify.execute(path, format: .text).status == 2)
    }

    @Test("documents are written in every format; a missing field is named, never left blank")
    func documents() throws {
        try withExamples { folder in
            let casePath = folder.appendingPathComponent("solide.json").path
            for format in ["pdf", "docx", "odt"] {
                let out = folder.appendingPathComponent("refere.\(format)").path
                let outcome = DocumentCommand.execute(
                    kind: "refere-mesures-utiles", caseFile: casePath, format: format, out: out, date: "2026-11-20", now: Date())
                #expect(outcome.status == 0, "\(outcome.standardError)")
                let bytes = try #require(FileManager.default.contents(atPath: out))
                #expect(Array(bytes.prefix(4)) == (format == "pdf" ? Array("%PDF".utf8) : [0x50, 0x4B, 0x03, 0x04]))
            }
            let data = try #require(FileManager.default.contents(atPath: casePath))
            var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            var person = try #require(object["person"] as? [String: Any])
            person.removeValue(forKey: "birthPlace")
            object["person"] = person
            try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: casePath))
            let missing = DocumentCommand.execute(
                kind: "refere-mesures-utiles", caseFile: casePath, format: "pdf", out: folder.appendingPathComponent("x.pdf").path,
                date: "2026-11-20", now: Date())
            #expect(missing.status == 2)
            #expect(missing.standardError.contains("person.birthPlace"))
            #expect(!missing.standardError.contains("inconnu"))
            #expect(DocumentCommand.execute(kind: "autre", caseFile: casePath, format: "pdf", out: "/tmp/x", date: nil, now: Date()).status == 2)
        }
    }

    @Test("--split writes the requête and one PDF per exhibit, each named from its bordereau number")
    func split() throws {
        try withExamples { folder in
            let casePath = folder.appendingPathComponent("solide.json").path
            let out = folder.appendingPathComponent("depot.zip").path
            let outcome = DocumentCommand.execute(
                kind: "refere-mesures-utiles", caseFile: casePath, format: "pdf", out: out, date: "2026-11-20",
                split: true, now: Date())
            #expect(outcome.status == 0, "\(outcome.standardError)")
            let bytes = try #require(FileManager.default.contents(atPath: out))
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
            for name in ["00-Requete.pdf", "02-capture-2026-10-05.pdf", "09-capture-2026-10-30.pdf", "10-lettre-2026-10-12.pdf"] {
                #expect(text.contains(name), "\(name)")
            }
            // Exhibit 1 (the permit) and 11 (an e-mail) have no file in the example: left out, as the notices say.
            #expect(!text.contains("01-copie"))
            #expect(outcome.standardOutput.contains("Pièce n° 1 (Copie du titre de séjour"))
        }
    }

    @Test("a character the PDF fonts cannot print is named with its field, and nothing is written")
    func unprintable() throws {
        try withExamples { folder in
            let casePath = folder.appendingPathComponent("solide.json").path
            let data = try #require(FileManager.default.contents(atPath: casePath))
            var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            var person = try #require(object["person"] as? [String: Any])
            person["name"] = "𝔄lice Exemple"
            person["birthPlace"] = "Ayşe köyü — Nguyễn Đặng"
            object["person"] = person
            try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: casePath))
            let out = folder.appendingPathComponent("refus.pdf").path
            let refused = DocumentCommand.execute(
                kind: "refere-mesures-utiles", caseFile: casePath, format: "pdf", out: out, date: "2026-11-20", now: Date())
            #expect(refused.status == 2)
            #expect(refused.standardError.contains("person.name : le caractère « 𝔄 » (U+1D504) ne peut pas être imprimé"))
            #expect(!refused.standardError.contains("birthPlace"), "Turkish and Vietnamese letters print")
            #expect(!FileManager.default.fileExists(atPath: out))
            // Office files carry any character.
            let docx = DocumentCommand.execute(
                kind: "refere-mesures-utiles", caseFile: casePath, format: "docx",
                out: folder.appendingPathComponent("ok.docx").path, date: "2026-11-20", now: Date())
            #expect(docx.status == 0, "\(docx.standardError)")
        }
    }
}
