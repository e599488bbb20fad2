import Testing

@testable import GuichetCore

/// A case file that must be refused, with every message expected.
struct BadCaseFile: CustomTestStringConvertible, Sendable {
    let why: String
    let json: String
    let messages: [String]

    var testDescription: String { why }
}

@Suite("Case file: reading and writing JSON")
struct CaseFileDecodingTests {
    static let minimal = #"{"department": "93", "procedure": "renouvellement-titre", "attempts": []}"#

    static let full = #"""
        {
          "version": 1,
          "person": {"name": "Awa Exemple", "birthDate": "1991-04-09", "birthPlace": "Abidjan (Côte d'Ivoire)",
                     "nationality": "ivoirienne", "address": "12 rue de l'Exemple\n93200 Saint-Denis",
                     "phone": "01 99 00 12 34", "email": "awa@example.org", "civility": "madame",
                     "foreignerNumber": "9900000000"},
          "department": "93",
          "procedure": "autre",
          "procedureDetail": "changement de statut",
          "permitExpiry": "2026-11-30",
          "prefecture": {"name": "Sous-préfecture du Raincy", "address": "1 rue de l'Exemple\n93340 Le Raincy"},
          "circumstances": "Je travaille.\nMon contrat dépend du titre.",
          "attempts": [
            {"at": "2026-10-05T08:59:00+02:00", "channel": "site-prefecture", "outcome": "aucun-creneau",
             "note": "Plus de créneau", "capture": "captures/a.png"},
            {"at": "2026-10-06T06:00:00Z", "channel": "anef", "outcome": "erreur-technique"}
          ],
          "letters": [{"sentOn": "2026-10-12", "kind": "lrar", "reference": "1A 000", "copy": "copies/lrar.pdf"}],
          "supportingDocuments": [{"title": "Copie du titre", "file": "pieces/titre.pdf"}, {"title": "Bulletin de paie"}]
        }
        """#

    @Test("reads a minimal case file: département, procedure and an empty journal")
    func minimal() throws {
        let caseFile = try CaseFile.decode(json: CaseFileDecodingTests.minimal)
        #expect(caseFile.department.code == "93")
        #expect(caseFile.procedure == .renouvellementTitre)
        #expect(caseFile.attempts.isEmpty)
        #expect(caseFile.letters.isEmpty)
        #expect(caseFile.person == Person())
    }

    @Test("reads every field")
    func full() throws {
        let caseFile = try CaseFile.decode(json: CaseFileDecodingTests.full)
        #expect(caseFile.person.name == "Awa Exemple")
        #expect(caseFile.person.birthDate == LocalDate(year: 1991, month: 4, day: 9))
        #expect(caseFile.person.civility == .madame)
        #expect(caseFile.person.foreignerNumber == "9900000000")
        #expect(caseFile.procedure == .autre)
        #expect(caseFile.procedureDetail == "changement de statut")
        #expect(caseFile.prefecture?.name == "Sous-préfecture du Raincy")
        #expect(caseFile.attempts.count == 2)
        #expect(caseFile.attempts[0].capture == "captures/a.png")
        #expect(caseFile.attempts[1].at.iso == "2026-10-06T06:00:00+00:00")
        #expect(caseFile.attempts[1].channel == .anef)
        #expect(
            caseFile.letters == [
                Letter(
                    sentOn: LocalDate(literal: 2026, 10, 12), kind: .lrar, reference: "1A 000", copy: "copies/lrar.pdf")
            ])
        #expect(caseFile.supportingDocuments.count == 2)
        #expect(caseFile.supportingDocuments[1].file == nil)
    }

    @Test("reads null as an absent optional field")
    func nullIsAbsent() throws {
        let json =
            #"{"person": {"name": "A", "phone": null}, "department": "75", "procedure": "dcem", "permitExpiry": null, "attempts": [], "letters": null}"#
        let caseFile = try CaseFile.decode(json: json)
        #expect(caseFile.person.phone == nil)
        #expect(caseFile.permitExpiry == nil)
        #expect(caseFile.letters.isEmpty)
    }

    static let bad: [BadCaseFile] = [
        BadCaseFile(
            why: "the issue's example of an invalid instant", json: attempt(#""at": "2026-10-05 08:59""#),
            messages: ["attempts[0].at: date et heure invalides (attendu AAAA-MM-JJTHH:MM:SS+02:00)"]),
        BadCaseFile(
            why: "required fields missing", json: "{}",
            messages: ["department manquant", "procedure manquant", "attempts manquant"]),
        BadCaseFile(
            why: "a typo in a key is an error with a suggestion",
            json:
                #"{"person": {"nmae": "A", "birthplace": "B"}, "department": "93", "procedure": "dcem", "attempts": []}"#,
            messages: [
                "person.nmae: clé inconnue (vouliez-vous dire « name » ?)",
                "person.birthplace: clé inconnue (vouliez-vous dire « birthPlace » ?)",
            ]),
        BadCaseFile(
            why: "an unknown key with no near match",
            json: #"{"department": "93", "procedure": "dcem", "attempts": [], "zzzzzz": 1}"#,
            messages: ["zzzzzz: clé inconnue"]),
        BadCaseFile(
            why: "a duplicate key",
            json: #"{"department": "93", "department": "94", "procedure": "dcem", "attempts": []}"#,
            messages: ["department: clé en double"]),
        BadCaseFile(
            why: "wrong JSON types", json: #"{"person": [], "department": 93, "procedure": "dcem", "attempts": {}}"#,
            messages: [
                "person: tableau au lieu de objet", "department: nombre au lieu de texte",
                "attempts: objet au lieu de tableau",
            ]),
        BadCaseFile(
            why: "values outside the lists, every one reported",
            json:
                #"{"department": "20", "procedure": "renouvelement", "attempts": [{"at": "2026-10-05T08:59:00+02:00", "channel": "web", "outcome": "ok"}]}"#,
            messages: [
                "department: département « 20 » inconnu (code INSEE attendu : 01 à 95, 2A, 2B, 971 à 976)",
                "procedure: valeur « renouvelement » inconnue (valeurs possibles : renouvellement-titre, "
                    + "premiere-demande-titre, naturalisation, dcem, titre-de-voyage, admission-exceptionnelle, "
                    + "autorisation-travail, autre)",
                "attempts[0].channel: valeur « web » inconnue (valeurs possibles : site-prefecture, anef, telephone, "
                    + "courriel, guichet)",
                "attempts[0].outcome: valeur « ok » inconnue (valeurs possibles : aucun-creneau, erreur-technique, "
                    + "sans-reponse, creneau-obtenu)",
            ]),
        BadCaseFile(
            why: "a département code must be written exactly",
            json: #"{"department": "2a", "procedure": "dcem", "attempts": []}"#,
            messages: ["department: département « 2a » inconnu (code INSEE attendu : 01 à 95, 2A, 2B, 971 à 976)"]),
        BadCaseFile(
            why: "dates that do not exist",
            json:
                #"{"person": {"birthDate": "1990-02-30"}, "department": "93", "procedure": "dcem", "permitExpiry": "30/11/2026", "attempts": []}"#,
            messages: [
                "person.birthDate: date invalide (attendu AAAA-MM-JJ)",
                "permitExpiry: date invalide (attendu AAAA-MM-JJ)",
            ]),
        BadCaseFile(
            why: "blank texts and a new line in a name",
            json:
                #"{"person": {"name": "A\nB", "birthPlace": "  "}, "department": "93", "procedure": "dcem", "attempts": []}"#,
            messages: [
                "person.name: retour à la ligne ou caractère de contrôle interdit dans ce champ",
                "person.birthPlace: texte vide",
            ]),
        BadCaseFile(
            why: "malformed e-mail and phone",
            json:
                #"{"person": {"email": "awa.example.org", "phone": "appelez-moi"}, "department": "93", "procedure": "dcem", "attempts": []}"#,
            messages: ["person.phone: numéro de téléphone invalide", "person.email: adresse électronique invalide"]),
        BadCaseFile(
            why: "capture paths that could leave the case file's folder",
            json:
                #"{"department": "93", "procedure": "dcem", "attempts": [{"at": "2026-10-05T08:59:00+02:00", "channel": "anef", "outcome": "aucun-creneau", "capture": "../secret.png"}, {"at": "2026-10-05T08:59:00+02:00", "channel": "anef", "outcome": "aucun-creneau", "capture": "/etc/passwd"}]}"#,
            messages: [
                "attempts[0].capture: chemin de fichier invalide (chemin relatif au dossier, sans « .. »)",
                "attempts[1].capture: chemin de fichier invalide (chemin relatif au dossier, sans « .. »)",
            ]),
        BadCaseFile(
            why: "malformed journal hashes", json: attempt(#""at": "2026-10-05T08:59:00+02:00", "hash": "ABC""#),
            messages: ["attempts[0].hash: empreinte invalide (64 caractères hexadécimaux minuscules attendus)"]),
        BadCaseFile(
            why: "a letter without its date",
            json: #"{"department": "93", "procedure": "dcem", "attempts": [], "letters": [{"kind": "fax"}]}"#,
            messages: [
                "letters[0].sentOn manquant",
                "letters[0].kind: valeur « fax » inconnue (valeurs possibles : lrar, courriel, depot)",
            ]),
        BadCaseFile(
            why: "a later format version",
            json: #"{"version": 2, "department": "93", "procedure": "dcem", "attempts": []}"#,
            messages: ["version: version « 2 » non prise en charge (attendu : 1)"]),
        BadCaseFile(
            why: "JSON syntax", json: "{\"department\": \"93\",\n \"attempts\": [}",
            messages: [
                "attempts[0]: JSON invalide (ligne 2, colonne 15) : « } » inattendu (attendu : une valeur (objet, "
                    + "tableau, texte, nombre, true, false ou null))"
            ]),
    ]

    /// A case file with one attempt made of `fields` plus a channel and an outcome.
    static func attempt(_ fields: String) -> String {
        #"{"department": "93", "procedure": "dcem", "attempts": [{"# + fields
            + #", "channel": "site-prefecture", "outcome": "aucun-creneau"}]}"#
    }

    @Test("reports every problem with its JSON path, in French", arguments: bad)
    func refused(_ bad: BadCaseFile) {
        do {
            _ = try CaseFile.decode(json: bad.json)
            Issue.record("accepted: \(bad.why)")
        } catch {
            #expect(error.issues.map(\.frenchMessage) == bad.messages)
        }
    }

    @Test("writes canonical JSON that reads back to the same value and the same bytes")
    func roundTrip() throws {
        let caseFile = try CaseFile.decode(json: CaseFileDecodingTests.full)
        let text = caseFile.canonicalJSON
        let again = try CaseFile.decode(json: text)
        #expect(again == caseFile)
        #expect(again.canonicalJSON == text)
        #expect(text.hasPrefix("{\n  \"version\": 1,\n  \"person\": {\n    \"name\": \"Awa Exemple\","))
        #expect(text.contains("\"at\": \"2026-10-06T06:00:00+00:00\""))
        #expect(text.contains("\"address\": \"12 rue de l'Exemple\\n93200 Saint-Denis\""))
        #expect(text.hasSuffix("}\n"))
    }

    @Test("checks values built in Swift by the reader's rules")
    func validation() throws {
        var caseFile = try CaseFile.decode(json: CaseFileDecodingTests.minimal)
        #expect(caseFile.validationIssues().isEmpty)
        caseFile.person.name = " "
        caseFile.person.email = "nobody"
        caseFile.attempts = [
            Attempt(
                at: try #require(OffsetDateTime(iso: "2026-10-05T08:59:00+02:00")), channel: .anef,
                outcome: .aucunCreneau, capture: "a/../../b.png")
        ]
        #expect(
            caseFile.validationIssues().map(\.frenchMessage) == [
                "person.name: texte vide", "person.email: adresse électronique invalide",
                "attempts[0].capture: chemin de fichier invalide (chemin relatif au dossier, sans « .. »)",
            ])
    }

    @Test("never traps on mutated case files")
    func mutations() {
        let source = Array(CaseFileDecodingTests.full.utf8)
        var generator = SeededGenerator(seed: 42)
        var refused = 0
        for _ in 0..<1500 {
            var bytes = source
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[index] = UInt8.random(in: 0...255, using: &generator)
                case 1: bytes.remove(at: index)
                default: bytes.insert(bytes[index], at: index)
                }
            }
            do {
                _ = try CaseFile.decode(json: bytes)
            } catch {
                #expect(!error.issues.isEmpty)
                refused += 1
            }
        }
        #expect(refused > 1000)
    }
}

@Suite("Canonical JSON writer")
struct JSONWriterTests {
    @Test(
        "escapes like Python's json.dumps(ensure_ascii=False)",
        arguments: [
            ("é « » €", #""é « » €""#), ("a\"b\\c", #""a\"b\\c""#), ("\n\r\t\u{08}\u{0C}", #""\n\r\t\b\f""#),
            ("\u{01}\u{1F}", #""\u0001\u001f""#), ("/", #""/""#), ("\u{7F}", "\"\u{7F}\""), ("😀", #""😀""#),
        ])
    func escaping(text: String, json: String) {
        #expect(JSONWriter.quoted(text) == json)
    }

    @Test("writes compact and indented forms like Python")
    func layout() {
        let value = JSONValue.object([
            JSONMember("a", .array([.number("1"), .null])), JSONMember("b", .object([])), JSONMember("c", .array([])),
        ])
        #expect(JSONWriter.compact(value) == #"{"a":[1,null],"b":{},"c":[]}"#)
        #expect(JSONWriter.pretty(value) == "{\n  \"a\": [\n    1,\n    null\n  ],\n  \"b\": {},\n  \"c\": []\n}\n")
    }
}
