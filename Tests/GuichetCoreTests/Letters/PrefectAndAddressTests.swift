import Testing

@testable import GuichetCore

@Suite("Prefect names and postal addresses")
struct PrefectAndAddressTests {
    @Test("names the prefect of every département", arguments: Department.all)
    func everyDepartment(_ department: Department) {
        #expect(Department.ofNames[department.code] != nil, "no article for \(department.name)")
        #expect(department.prefectTitle.hasPrefix("préfet d"))
        #expect(department.frenchOfName.hasSuffix(department.name))
    }

    @Test(
        "uses the article and preposition of French usage",
        arguments: [
            ("93", "préfet de la Seine-Saint-Denis"), ("59", "préfet du Nord"), ("78", "préfet des Yvelines"),
            ("01", "préfet de l'Ain"), ("34", "préfet de l'Hérault"), ("28", "préfet d'Eure-et-Loir"),
            ("35", "préfet d'Ille-et-Vilaine"), ("41", "préfet de Loir-et-Cher"), ("84", "préfet de Vaucluse"),
            ("90", "préfet du Territoire de Belfort"), ("95", "préfet du Val-d'Oise"),
            ("2A", "préfet de la Corse-du-Sud"),
            ("971", "préfet de la Guadeloupe"), ("974", "préfet de La Réunion"), ("976", "préfet de Mayotte"),
            ("75", "préfet de police"),
        ])
    func prefectTitle(code: String, title: String) throws {
        let department = try #require(Department.lookup(code))
        #expect(department.prefectTitle == title)
    }

    @Test("calls the Paris prefecture the préfecture de police")
    func paris() throws {
        #expect(try #require(Department.lookup("75")).prefectureName == "préfecture de police")
        #expect(try #require(Department.lookup("92")).prefectureName == "préfecture des Hauts-de-Seine")
    }

    @Test(
        "splits an address into lines",
        arguments: [
            (
                "12 rue de l'Exemple\nAppartement 3\n93200 Saint-Denis",
                ["12 rue de l'Exemple", "Appartement 3", "93200 Saint-Denis"]
            ),
            ("8, rue de l'Exemple, 94000 Créteil", ["8, rue de l'Exemple", "94000 Créteil"]),
            ("3 bis, avenue X, Bâtiment B, 75011 Paris", ["3 bis, avenue X", "Bâtiment B", "75011 Paris"]),
            ("  5 allée Y \r\n 92000 Nanterre ", ["5 allée Y", "92000 Nanterre"]),
        ])
    func lines(address: String, lines: [String]) {
        #expect(AddressText.lines(address) == lines)
    }

    @Test(
        "finds the town after the postal code, without CEDEX",
        arguments: [
            ("12 rue de l'Exemple\n93200 Saint-Denis", "Saint-Denis"), ("8, rue X, 94000 Créteil", "Créteil"),
            ("BP 12\n93007 Bobigny Cedex", "Bobigny"), ("13 rue X\n75011 Paris 11e", "Paris 11e"),
        ])
    func town(address: String, town: String) {
        #expect(AddressText.town(address) == town)
    }

    @Test(
        "has no town when no line starts with a postal code",
        arguments: ["Chez M. X, Saint-Denis", "930 Saint-Denis", ""])
    func noTown(address: String) {
        #expect(AddressText.town(address) == nil)
    }
}
