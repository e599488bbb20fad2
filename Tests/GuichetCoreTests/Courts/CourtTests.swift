import Testing

@testable import GuichetCore

@Suite("Competent administrative court")
struct CourtTests {
    @Test("maps every département to a tribunal administratif (R.221-3 CJA)", arguments: Department.all)
    func everyDepartment(_ department: Department) {
        let assignment = Court.for(department: department)
        #expect(assignment.department == department)
        #expect(assignment.court.name.hasPrefix("Tribunal administratif d"))
        #expect(assignment.inForceSince.iso == "2015-11-09")
        #expect(assignment.source.citation.contains("R.221-3"))
    }

    @Test(
        "follows the R.221-3 CJA table of the brief",
        arguments: [
            ("93", "Tribunal administratif de Montreuil"), ("94", "Tribunal administratif de Melun"),
            ("92", "Tribunal administratif de Cergy-Pontoise"), ("75", "Tribunal administratif de Paris"),
            ("2A", "Tribunal administratif de Bastia"), ("84", "Tribunal administratif de Nîmes"),
            ("83", "Tribunal administratif de Toulon"), ("57", "Tribunal administratif de Strasbourg"),
            ("90", "Tribunal administratif de Besançon"), ("36", "Tribunal administratif de Limoges"),
            ("971", "Tribunal administratif de la Guadeloupe"), ("972", "Tribunal administratif de la Martinique"),
            ("973", "Tribunal administratif de la Guyane"), ("974", "Tribunal administratif de La Réunion"),
            ("976", "Tribunal administratif de Mayotte"),
        ])
    func table(code: String, name: String) throws {
        let department = try #require(Department.lookup(code))
        #expect(Court.for(department: department).court.name == name)
    }

    @Test("lists each département exactly once and each court at least once")
    func tableIsComplete() {
        let codes = Court.jurisdiction.entries.flatMap(\.departments)
        #expect(codes.count == 101)
        #expect(Set(codes) == Set(Department.all.map(\.code)))
        #expect(Set(Court.jurisdiction.entries.map(\.courtID)) == Set(Court.all.map(\.id)))
        #expect(Court.all.count == 36)
    }

    @Test("sends every visa refusal to the TA de Nantes (R.312-18 CJA)")
    func visas() throws {
        let paris = try #require(Department.lookup("75"))
        let assignment = Court.forVisaRefusal(department: paris)
        #expect(assignment.court.id == "ta-nantes")
        #expect(assignment.source.citation.contains("R.312-18"))
        #expect(assignment.department == paris)
    }

    @Test("never presents an address as checked without a source", arguments: Court.all)
    func addresses(_ court: Court) {
        #expect(court.website.hasPrefix("https://") && court.website.hasSuffix(".tribunal-administratif.fr"))
        guard let address = court.address else { return }
        #expect(!address.lines.isEmpty)
        if address.isVerified {
            #expect(address.source != nil)
        } else {
            #expect(address.note != nil)
        }
    }
}
