/// One of the 101 French départements, as a legal-calendar record.
///
/// The zone decides the public holidays (Code du travail L.3133-1 everywhere, L.3134-13 in
/// Alsace-Moselle, L.3422-2 overseas) and the civil time zone of hour-based deadlines. Codes are the
/// INSEE ones: "01"…"95" without "20", "2A" and "2B" for Corsica, "971"…"974" and "976".
public struct Department: Hashable, Sendable, Identifiable, Encodable {
    /// Where a département sits, for holidays and time.
    public enum Zone: Hashable, Sendable {
        /// Metropolitan France (Corsica included) outside Alsace-Moselle.
        case mainland
        /// Bas-Rhin (67), Haut-Rhin (68), Moselle (57): local law adds Good Friday and 26 December.
        case alsaceMoselle
        /// An overseas département, with its own time zone and abolition-of-slavery day.
        case overseas(CivilTimeZone)
    }

    /// INSEE code: "01", "2A", "974"…
    public let code: String
    /// French name: « Seine-Saint-Denis ».
    public let name: String
    /// Holiday and time zone.
    public let zone: Zone

    /// The INSEE code.
    public var id: String { code }

    /// Creates a record (the catalogue is ``Department/all``).
    public init(code: String, name: String, zone: Zone) {
        self.code = code
        self.name = name
        self.zone = zone
    }

    /// The civil time zone of the département.
    public var timeZone: CivilTimeZone {
        if case .overseas(let zone) = zone { return zone }
        return .europeParis
    }

    /// Whether the département is overseas.
    public var isOverseas: Bool {
        if case .overseas = zone { return true }
        return false
    }

    /// The département with this INSEE code, or `nil` ("20", "96", "975", "999"… are not départements).
    ///
    /// Surrounding spaces are ignored and "2a"/"2b" accepted; one-digit codes ("1") are not.
    public static func lookup(_ code: some StringProtocol) -> Department? {
        let key = String(code).trimmingASCIIWhitespace().uppercased()
        return byCode[key]
    }

    private static let byCode: [String: Department] = Dictionary(
        uniqueKeysWithValues: all.map { ($0.code, $0) })

    private enum CodingKeys: String, CodingKey { case code, name, zone, timeZone }

    /// `{"code", "name", "zone": "mainland"|"alsaceMoselle"|"overseas", "timeZone"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(name, forKey: .name)
        let zoneName: String
        switch zone {
        case .mainland: zoneName = "mainland"
        case .alsaceMoselle: zoneName = "alsaceMoselle"
        case .overseas: zoneName = "overseas"
        }
        try container.encode(zoneName, forKey: .zone)
        try container.encode(timeZone.identifier, forKey: .timeZone)
    }
}

extension String {
    /// The string without leading and trailing ASCII spaces, tabs and newlines (no Foundation).
    func trimmingASCIIWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}

extension Department {
    /// All 101 départements, in INSEE order ("2A" and "2B" after "19").
    ///
    /// Names and codes: INSEE Code officiel géographique, as listed in the brief (reference-data.md §1).
    public static let all: [Department] = {
        let mainland: [(String, String)] = [
            ("01", "Ain"), ("02", "Aisne"), ("03", "Allier"), ("04", "Alpes-de-Haute-Provence"),
            ("05", "Hautes-Alpes"), ("06", "Alpes-Maritimes"), ("07", "Ardèche"), ("08", "Ardennes"),
            ("09", "Ariège"), ("10", "Aube"), ("11", "Aude"), ("12", "Aveyron"), ("13", "Bouches-du-Rhône"),
            ("14", "Calvados"), ("15", "Cantal"), ("16", "Charente"), ("17", "Charente-Maritime"),
            ("18", "Cher"), ("19", "Corrèze"), ("2A", "Corse-du-Sud"), ("2B", "Haute-Corse"),
            ("21", "Côte-d'Or"), ("22", "Côtes-d'Armor"), ("23", "Creuse"), ("24", "Dordogne"),
            ("25", "Doubs"), ("26", "Drôme"), ("27", "Eure"), ("28", "Eure-et-Loir"), ("29", "Finistère"),
            ("30", "Gard"), ("31", "Haute-Garonne"), ("32", "Gers"), ("33", "Gironde"), ("34", "Hérault"),
            ("35", "Ille-et-Vilaine"), ("36", "Indre"), ("37", "Indre-et-Loire"), ("38", "Isère"),
            ("39", "Jura"), ("40", "Landes"), ("41", "Loir-et-Cher"), ("42", "Loire"), ("43", "Haute-Loire"),
            ("44", "Loire-Atlantique"), ("45", "Loiret"), ("46", "Lot"), ("47", "Lot-et-Garonne"),
            ("48", "Lozère"), ("49", "Maine-et-Loire"), ("50", "Manche"), ("51", "Marne"),
            ("52", "Haute-Marne"), ("53", "Mayenne"), ("54", "Meurthe-et-Moselle"), ("55", "Meuse"),
            ("56", "Morbihan"), ("57", "Moselle"), ("58", "Nièvre"), ("59", "Nord"), ("60", "Oise"),
            ("61", "Orne"), ("62", "Pas-de-Calais"), ("63", "Puy-de-Dôme"), ("64", "Pyrénées-Atlantiques"),
            ("65", "Hautes-Pyrénées"), ("66", "Pyrénées-Orientales"), ("67", "Bas-Rhin"), ("68", "Haut-Rhin"),
            ("69", "Rhône"), ("70", "Haute-Saône"), ("71", "Saône-et-Loire"), ("72", "Sarthe"),
            ("73", "Savoie"), ("74", "Haute-Savoie"), ("75", "Paris"), ("76", "Seine-Maritime"),
            ("77", "Seine-et-Marne"), ("78", "Yvelines"), ("79", "Deux-Sèvres"), ("80", "Somme"),
            ("81", "Tarn"), ("82", "Tarn-et-Garonne"), ("83", "Var"), ("84", "Vaucluse"), ("85", "Vendée"),
            ("86", "Vienne"), ("87", "Haute-Vienne"), ("88", "Vosges"), ("89", "Yonne"),
            ("90", "Territoire de Belfort"), ("91", "Essonne"), ("92", "Hauts-de-Seine"),
            ("93", "Seine-Saint-Denis"), ("94", "Val-de-Marne"), ("95", "Val-d'Oise"),
        ]
        let alsaceMoselle: Set<String> = ["57", "67", "68"]
        let overseas: [Department] = [
            Department(
                code: "971", name: "Guadeloupe",
                zone: .overseas(.fixed(identifier: "America/Guadeloupe", utcOffsetMinutes: -240))),
            Department(
                code: "972", name: "Martinique",
                zone: .overseas(.fixed(identifier: "America/Martinique", utcOffsetMinutes: -240))),
            Department(
                code: "973", name: "Guyane",
                zone: .overseas(.fixed(identifier: "America/Cayenne", utcOffsetMinutes: -180))),
            Department(
                code: "974", name: "La Réunion",
                zone: .overseas(.fixed(identifier: "Indian/Reunion", utcOffsetMinutes: 240))),
            Department(
                code: "976", name: "Mayotte",
                zone: .overseas(.fixed(identifier: "Indian/Mayotte", utcOffsetMinutes: 180))),
        ]
        return mainland.map { code, name in
            Department(code: code, name: name, zone: alsaceMoselle.contains(code) ? .alsaceMoselle : .mainland)
        } + overseas
    }()

    /// Paris (75): the calendar used when no département is given (national holidays only).
    public static let paris = Department(code: "75", name: "Paris", zone: .mainland)
}
