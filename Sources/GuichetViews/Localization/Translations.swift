public import GuichetCore
internal import Foundation

/// The interface strings of the community languages (Dari/Persian, Pashto, Tigrinya, Somali), read from data files:
/// `Translations/<code>.json`, `{ "language": "fa", "review": "…", "strings": { "<key>": "…" } }`.
///
/// They are data so that translators and reviewers edit them without touching code. A string is kept only when its key
/// exists and it has the same placeholders as the French; anything else is reported by ``completeness()`` (and so by
/// `guichet content check`) and the page shows the French text instead.
public enum Translations {
    /// One language's file, as read.
    struct Table: Sendable {
        var strings: [UIString: String] = [:]
        var review: String? = nil
        var problems: [String] = []
    }

    /// How complete one language is.
    public struct Completeness: Sendable, Equatable {
        public let language: UILanguage
        /// Strings shown in the language.
        public let translated: Int
        /// Strings of the interface.
        public let total: Int
        /// The keys shown in French instead.
        public let missing: [UIString]
        /// What was refused in the file (unknown key, placeholder mismatch, unreadable file), in French.
        public let problems: [String]
        /// The file's review status (« first draft, to be reviewed by native speakers »).
        public let review: String?

        /// Percentage shown in the page's language, rounded down.
        public var percent: Int { total == 0 ? 100 : translated * 100 / total }
    }

    static let tables: [UILanguage: Table] = {
        var tables: [UILanguage: Table] = [:]
        for language in UILanguage.allCases where !language.isCompiled {
            tables[language] = load(language)
        }
        return tables
    }()

    /// The translation of `key`, or `nil` when the language's file lacks it.
    static func text(_ key: UIString, _ language: UILanguage) -> String? {
        tables[language]?.strings[key]
    }

    /// The completeness of every community language, in the order of ``UILanguage/allCases``.
    public static func completeness() -> [Completeness] {
        UILanguage.allCases.filter { !$0.isCompiled }.map { language in
            let table = tables[language] ?? Table()
            let missing = UIString.allCases.filter { table.strings[$0] == nil }
            return Completeness(
                language: language, translated: UIString.allCases.count - missing.count, total: UIString.allCases.count,
                missing: missing, problems: table.problems, review: table.review)
        }
    }

    /// Where the files are looked for: next to the executable (the resource bundle SwiftPM copies), then the source tree.
    static var searchPath: [String] {
        let bundle = Bundle.main.bundleURL.appendingPathComponent("guichet_GuichetViews.resources").path
        let sourceTree = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Translations").path
        return [bundle + "/Translations", bundle, sourceTree]
    }

    static func load(_ language: UILanguage) -> Table {
        for folder in searchPath {
            let path = folder + "/" + language.rawValue + ".json"
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            return parse([UInt8](data), language: language)
        }
        return Table(problems: ["fichier Translations/\(language.rawValue).json introuvable"])
    }

    /// Reads one file's bytes; pure, for the tests.
    static func parse(_ bytes: [UInt8], language: UILanguage) -> Table {
        var table = Table()
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            table.problems.append("\(language.rawValue).json illisible : \(error.frenchMessage)")
            return table
        }
        guard case .object(let members) = value else {
            table.problems.append("\(language.rawValue).json : un objet JSON est attendu")
            return table
        }
        for member in members {
            switch (member.key, member.value) {
            case ("language", .string(let code)):
                if code != language.rawValue { table.problems.append("\(language.rawValue).json déclare la langue « \(code) »") }
            case ("review", .string(let review)):
                table.review = review
            case ("strings", .object(let strings)):
                for entry in strings {
                    guard let key = UIString(rawValue: entry.key) else {
                        table.problems.append("\(language.rawValue).json : clé inconnue « \(entry.key) »")
                        continue
                    }
                    guard case .string(let text) = entry.value, !text.trimmingCharacters(in: " \n\t").isEmpty else {
                        table.problems.append("\(language.rawValue).json : « \(entry.key) » n’est pas un texte")
                        continue
                    }
                    let french = Catalog.entries[key]?.fr ?? ""
                    guard placeholders(text) == placeholders(french) else {
                        table.problems.append(
                            "\(language.rawValue).json : « \(entry.key) » n’a pas les mêmes %1, %2… que le français")
                        continue
                    }
                    table.strings[key] = text
                }
            default:
                table.problems.append("\(language.rawValue).json : entrée inattendue « \(member.key) »")
            }
        }
        return table
    }

    /// The placeholders of a string, counted: `%1` twice and `%2` once.
    static func placeholders(_ text: String) -> [Int: Int] {
        var counts: [Int: Int] = [:]
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            if scalars[index] == "%", index + 1 < scalars.count, let digit = Int(String(scalars[index + 1])) {
                counts[digit, default: 0] += 1
                index += 2
            } else {
                index += 1
            }
        }
        return counts
    }
}
