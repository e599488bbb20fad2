/// How French names the prefect of each département: « préfet de la Seine-Saint-Denis », « préfet du
/// Nord », « préfet d'Ille-et-Vilaine »; in Paris the « préfet de police » (competent for foreigners there).
extension Department {
    /// « de la Seine-Saint-Denis », « du Nord », « des Yvelines », « de l'Ain », « d'Eure-et-Loir ».
    public var frenchOfName: String {
        Department.ofNames[code] ?? "de " + name
    }

    /// The prefect sued or written to: « préfet de la Seine-Saint-Denis », « préfet de police » (75).
    public var prefectTitle: String {
        code == "75" ? "préfet de police" : "préfet " + frenchOfName
    }

    /// The prefecture: « préfecture de la Seine-Saint-Denis », « préfecture de police » (75).
    public var prefectureName: String {
        code == "75" ? "préfecture de police" : "préfecture " + frenchOfName
    }

    /// Article and preposition before each name (names as in ``Department/all``). Names joined by
    /// « -et- » take no article (« d'Eure-et-Loir », « de Saône-et-Loire »); « de Vaucluse » by usage.
    static let ofNames: [String: String] = {
        let forms: [(String, [String])] = [
            (
                "de l'",
                ["01", "02", "03", "07", "09", "10", "11", "12", "27", "34", "36", "38", "60", "61", "89", "91"]
            ),
            ("des ", ["04", "05", "06", "08", "13", "22", "40", "64", "65", "66", "78", "79", "88", "92"]),
            (
                "du ",
                [
                    "14", "15", "18", "25", "29", "30", "32", "39", "45", "46", "56", "59", "62", "63", "67", "68",
                    "69", "81", "83", "90", "94", "95",
                ]
            ),
            (
                "de la ",
                [
                    "16", "17", "19", "2A", "2B", "21", "23", "24", "26", "31", "33", "42", "43", "44", "48",
                    "50", "51", "52", "53", "55", "57", "58", "70", "72", "73", "74", "76", "80", "85", "86",
                    "87", "93", "971", "972", "973",
                ]
            ),
            ("d'", ["28", "35", "37"]),
            ("de ", ["41", "47", "49", "54", "71", "75", "77", "82", "84", "974", "976"]),
        ]
        var table: [String: String] = [:]
        for (prefix, codes) in forms {
            for code in codes {
                guard let department = Department.lookup(code) else { continue }
                table[code] = prefix + department.name
            }
        }
        return table
    }()
}
