internal import ArgumentParser
internal import Foundation
internal import GuichetContent
internal import GuichetServices

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
            let catalog = ContentParser.parse(files)
            for problem in catalog.problems {
                print((root as NSString).appendingPathComponent(problem.path) + ":\(problem.line): " + problem.message)
            }
            let summary = "\(files.count) fichiers lus : \(catalog.sections.count) rubriques, \(catalog.items.count) éléments, \(catalog.tags.count) thèmes, \(catalog.interviews.count) parcours"
            if catalog.problems.isEmpty {
                print(summary + " — aucun problème.")
            } else {
                print(summary + " — \(catalog.problems.count) problème(s).")
                throw ExitCode(1)
            }
        }
    }
}

