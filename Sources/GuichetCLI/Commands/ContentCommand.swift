internal import ArgumentParser
internal import Foundation
internal import GuichetContent
internal import GuichetServices
internal import GuichetCore
internal import GuichetViews

/// `guichet content …`: tools for the editors.
struct ContentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "content", abstract: "Outils pour le contenu éditorial.", subcommands: [Check.self])

    /// `guichet content check`: validate every file, print each problem with file and line.
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Vérifie le contenu : rubriques, dates, identifiants, liens internes, thèmes.",
            discussion: "Affiche chaque problème sous la forme fichier:ligne: message ; code de sortie 1 s'il y en a.")

        @Option(name: .customLong("content"), help: "Dossier du contenu. Défaut : $GUICHET_CONTENT ou le contenu livré.")
        var contentDirectory: String?

        func run() async throws {
            let root: String
            do {
                root = try StorageOptions.resolveContentDirectory(contentDirectory)
            } catch let error as CLIError {
                throw fail(error)
            }
            let files = try ContentDirectory.read(at: root)
            let today = CivilTimeZone.europeParis.wallClockReading(utcMinutes: Int(Date().timeIntervalSince1970 / 60)).date
            let catalog = ContentParser.parse(files, today: today)
            for problem in catalog.problems {
                print((root as NSString).appendingPathComponent(problem.path) + ":\(problem.line): " + problem.message)
            }
            for line in Self.translationReport(catalog) { print(line) }
            if let board = catalog.observatory {
                let local = board.departments.values.reduce(0) { $0 + $1.procedures.count }
                let linked = board.decisions.count
                print("Observatoire : \(board.departments.count) départements, \(local) faits locaux, \(board.national.count) règles nationales, \(linked) décisions liées")
                let unverified = catalog.platforms.filter { !$0.isVerified }.map(\.id.rawValue)
                print("Plateformes suivies : \(catalog.platforms.map(\.id.rawValue).joined(separator: ", "))"
                    + (unverified.isEmpty ? "" : " (adresse non vérifiée : \(unverified.joined(separator: ", ")))"))
            }
            let summary = "\(files.count) fichiers lus : \(catalog.sections.count) rubriques, \(catalog.items.count) éléments, \(catalog.tags.count) thèmes, \(catalog.interviews.count) parcours, \(catalog.guides.count) guides"
            if catalog.problems.isEmpty {
                print(summary + " — aucun problème.")
            } else {
                print(summary + " — \(catalog.problems.count) problème(s).")
                throw ExitCode(1)
            }
        }

        /// The completeness of every language: interface strings (the community languages' files; a missing string
        /// is shown in French) and FALC summaries of the guides (a missing one is shown in French). Problems in the
        /// translation files (unknown key, placeholders that differ from the French) are listed; they are not content
        /// problems and do not fail the check, since the page falls back to French.
        static func translationReport(_ catalog: ContentCatalog) -> [String] {
            var lines = ["Traductions (interface : chaînes traduites ; FALC : résumés des guides) :"]
            let guides = catalog.guides.count
            let interface = Dictionary(Translations.completeness().map { ($0.language, $0) }, uniquingKeysWith: { a, _ in a })
            for language in UILanguage.allCases {
                let easyRead = catalog.guides.filter { $0.guide.easyRead(in: language.rawValue) != nil }.count
                var line = "  \(language.rawValue) \(language.endonym) : "
                if let counted = interface[language] {
                    line += "interface \(counted.translated)/\(counted.total) (\(counted.percent) %, \(counted.total - counted.translated) en français)"
                } else {
                    line += "interface \(UIString.allCases.count)/\(UIString.allCases.count) (100 %, catalogue compilé)"
                }
                line += " ; FALC \(easyRead)/\(guides)"
                lines.append(line)
                for problem in interface[language]?.problems ?? [] { lines.append("    ! " + problem) }
            }
            return lines
        }
    }
}

