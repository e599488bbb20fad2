import Testing

@testable import GuichetCore

@Suite("The mandate to sign")
struct MandateLetterTests {
    static let today = LocalDate(literal: 2026, 11, 2)
    static let seineSaintDenis = Department.lookup("93")

    static let person = Person(
        name: "Awa Diallo", birthDate: LocalDate(literal: 1990, 3, 3), birthPlace: "Bamako (Mali)",
        nationality: "malienne", address: "12 rue des Lilas\n93200 Saint-Denis", civility: .madame)

    static func draft(
        person: Person = person, scopes: Set<MandateScope> = Set(MandateScope.allCases),
        until: LocalDate = LocalDate(literal: 2027, 5, 1), revokedAt: Int64? = nil
    ) throws -> DocumentDraft {
        var mandate = try Mandate(scopes: scopes, from: today, until: until)
        mandate.revokedAt = revokedAt
        return MandateLetter.draft(
            organisationName: "Permanence juridique de Saint-Denis", caseNumber: "2026-0042", person: person,
            procedure: .renouvellementTitre, department: try #require(seineSaintDenis), mandate: mandate,
            today: today)
    }

    /// The lines of the draft's text.
    static func lines(_ draft: DocumentDraft) -> [String] {
        draft.plainText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test("who gives it, to whom, for which case and procedure")
    func parties() throws {
        let text = try Self.draft().plainText
        for phrase in [
            "Association : Permanence juridique de Saint-Denis",
            "Dossier n° 2026-0042 : renouvellement d'un titre de séjour, préfecture de la Seine-Saint-Denis",
            "Nom et prénoms : Awa Diallo",
            "Date de naissance : 3 mars 1990",
            "Lieu de naissance : Bamako (Mali)",
            "Adresse : 12 rue des Lilas, 93200 Saint-Denis",
            "Je soussignée donne mandat à Permanence juridique de Saint-Denis, pour le dossier n° 2026-0042 "
                + "seulement, de :",
        ] {
            #expect(text.contains(phrase), "\(phrase)")
        }
        let filledIn = Self.lines(try Self.draft()).filter { $0.contains(MandateLetter.fillIn) }
        #expect(
            filledIn == ["Fait en deux exemplaires, à \(MandateLetter.fillIn), le 2 novembre 2026."],
            "every field is known: only the place of signing is left to fill in by hand")
    }

    @Test("a field the desk does not know is a line to fill in by hand, never an empty value")
    func missingFields() throws {
        let draft = try Self.draft(person: Person(name: "Awa Diallo", birthPlace: "   "))
        let lines = Self.lines(draft)
        for label in ["Date de naissance : ", "Lieu de naissance : ", "Adresse : "] {
            #expect(lines.contains(label + MandateLetter.fillIn), "\(label)")
        }
        #expect(lines.contains("Nom et prénoms : Awa Diallo"))
        #expect(!lines.contains { $0.hasSuffix(": ") }, "no label is followed by nothing")
        #expect(draft.plainText.contains("Je soussigné(e) donne mandat"))

        let anonymous = try Self.draft(person: Person()).plainText
        #expect(anonymous.contains("Nom et prénoms : " + MandateLetter.fillIn))
        #expect(anonymous.contains("Je soussigné(e) donne mandat à Permanence juridique de Saint-Denis"))
        #expect(anonymous.contains("Date de naissance : " + MandateLetter.fillIn))
    }

    static let scopeSets: [Set<MandateScope>] = [
        [.demarches], [.ecrirePrefecture], [.saisirTribunal], [.demarches, .ecrirePrefecture],
        [.demarches, .saisirTribunal], [.ecrirePrefecture, .saisirTribunal], Set(MandateScope.allCases),
    ]

    @Test(
        "one line per scope: the given ones ticked in their order, the others written as not given",
        arguments: scopeSets)
    func scopes(_ scopes: Set<MandateScope>) throws {
        let lines = Self.lines(try Self.draft(scopes: scopes))
        let given = lines.filter { $0.hasPrefix("[X] OUI : ") }
        let refused = lines.filter { $0.hasPrefix("[–] NON : ") }
        let mandate = try Mandate(scopes: scopes, from: Self.today, days: 1)
        #expect(given == mandate.orderedScopes.map { "[X] OUI : \($0.frenchText)." })
        #expect(
            refused
                == MandateScope.allCases.filter { !scopes.contains($0) }.map {
                    "[–] NON : \($0.frenchText) (pas autorisé)."
                })
        #expect(given.count + refused.count == MandateScope.allCases.count)
    }

    @Test("from and until in French, both included; a one-day mandate says so")
    func period() throws {
        #expect(try Self.draft().plainText.contains("Ce mandat vaut du 2 novembre 2026 au 1er mai 2027 inclus."))
        #expect(try Self.draft(until: Self.today).plainText.contains("Ce mandat vaut le 2 novembre 2026 seulement."))
    }

    @Test("it can be withdrawn at any time by telling the association; the data are sealed and erased on schedule")
    func revocationAndData() throws {
        let text = try Self.draft().plainText
        #expect(
            text.contains(
                "Je peux retirer ce mandat à tout moment, sans donner de raison : il suffit de le dire à l'association")
        )
        #expect(text.contains("chiffrées"))
        #expect(text.contains("effacées à la fin de la durée de conservation fixée par l'association"))
    }

    @Test("place, date, then two signature boxes: the person's and the association's")
    func signatures() throws {
        let draft = try Self.draft()
        #expect(Self.lines(draft).contains("Fait en deux exemplaires, à \(MandateLetter.fillIn), le 2 novembre 2026."))
        guard case .table(let rows)? = draft.blocks.last else {
            Issue.record("the mandate does not end with the signature boxes")
            return
        }
        #expect(rows.first == ["Signature de la personne", "Pour l'association : nom, qualité, signature"])
        #expect(rows.count == 2)
        for cell in rows.last ?? [] {
            #expect(cell.split(separator: "\n").count == 4, "four lines to sign in")
            #expect(cell.unicodeScalars.allSatisfy { $0 == "\u{00A0}" || $0 == "\n" }, "nothing printed in the box")
        }
    }

    @Test("a withdrawn mandate says so first, with the day in the département's time")
    func revoked() throws {
        // 2026-11-20 23:30 UTC is already 21 November in Paris (UTC+1).
        let draft = try Self.draft(revokedAt: 1_795_217_400)
        guard case .paragraph(let runs, _) = draft.blocks[1] else {
            Issue.record("the second block is not the withdrawal")
            return
        }
        #expect(runs.map(\.text).joined() == "Ce mandat a été retiré le 21 novembre 2026 : il ne permet plus d'agir.")
        #expect(try !Self.draft().plainText.contains("retiré le"))
    }

    @Test("the title names the case, not the person")
    func title() throws {
        let draft = try Self.draft()
        #expect(draft.title == "Mandat – dossier n° 2026-0042")
        #expect(draft.exhibits.isEmpty)
    }
}
