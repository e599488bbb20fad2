internal import ArgumentParser
internal import Foundation
internal import GuichetServices
internal import GuichetStorage
internal import Logging

/// `guichet migrate`: bring the database schema up to date (also done by `serve` at start).
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Met le schéma de la base de données à jour (serve le fait aussi au démarrage).",
        discussion: "Sûr si plusieurs serveurs démarrent en même temps sur la même base PostgreSQL : un seul applique les migrations.")

    @OptionGroup var storage: StorageOptions

    func run() async throws {
        let logger = LoggingSetup.makeLogger(label: "guichet")
        let backend: StorageBackend
        do {
            backend = try storage.openBackend(logger: logger)
        } catch {
            throw fail(error)
        }
        do {
            // SQLite migrates when it opens, PostgreSQL in `withRunning`.
            let applied = try await backend.withRunning { backend in try await backend.appliedMigrations() }
            print("Base \(backend.name) à jour (\(backend.location)) : \(applied.count) migration(s) — \(applied.joined(separator: ", ")).")
        } catch let error as StorageError {
            throw fail(CLIError("migration impossible (\(error.code.rawValue)) : \(backend.location)", exitCode: 1))
        }
    }
}

/// `guichet export --out FILE`: the whole deployment in one file, to move it to another backend.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Exporte toute la base (dossier, dossiers privés scellés, compteurs) dans un fichier.",
        discussion: """
            Format JSON Lines versionné (docs/storage.md), lisible par « guichet import » sur SQLite comme sur PostgreSQL. \
            Les dossiers privés restent scellés. Possible pendant que le serveur tourne : l'export lit un instantané cohérent.
            """)

    @Option(help: "Le fichier à créer (il ne doit pas exister).")
    var out: String

    @OptionGroup var storage: StorageOptions

    func run() async throws {
        guard !FileManager.default.fileExists(atPath: out) else { throw fail(CLIError("le fichier existe déjà : \(out)")) }
        let logger = LoggingSetup.makeLogger(label: "guichet")
        let backend: StorageBackend
        do {
            backend = try storage.openBackend(logger: logger)
        } catch {
            throw fail(error)
        }
        let out = self.out
        do {
            let summary = try await backend.withRunning { backend in
                try await DeploymentArchive.export(from: backend.transfer, to: out)
            }
            print("Export écrit : \(out) — \(summary.rowCount) lignes, \(summary.tables.count) tables, depuis \(backend.name).")
        } catch {
            throw fail(CLIError("export impossible : \(Self.reason(error))", exitCode: 1))
        }
    }

    static func reason(_ error: any Error) -> String {
        switch error {
        case let error as StorageError: "base de données (\(error.code.rawValue))"
        case let error as DeploymentArchive.Failure: "\(error)"
        default: "écriture du fichier"
        }
    }
}

/// `guichet import FILE`: load an export into a new database (SQLite or PostgreSQL).
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Importe un fichier de « guichet export » dans une base neuve (SQLite ou PostgreSQL).",
        discussion: """
            La base cible doit être vide (nouvelle base ou nouveau dossier --data). Tout est importé en une transaction, \
            après contrôle du nombre de lignes et de l'empreinte de chaque table : en cas d'erreur, rien n'est écrit.
            """)

    @Argument(help: "Le fichier exporté.")
    var file: String

    @OptionGroup var storage: StorageOptions

    func run() async throws {
        guard FileManager.default.fileExists(atPath: file) else { throw fail(CLIError("fichier introuvable : \(file)")) }
        let logger = LoggingSetup.makeLogger(label: "guichet")
        let backend: StorageBackend
        do {
            backend = try storage.openBackend(logger: logger)
        } catch {
            throw fail(error)
        }
        let file = self.file
        do {
            let summary = try await backend.withRunning { backend in
                try await DeploymentArchive.import(from: file, into: backend.transfer)
            }
            print("Import terminé vers \(backend.name) (\(backend.location)) : \(summary.rowCount) lignes, \(summary.tables.count) tables, empreintes vérifiées.")
        } catch let error as StorageError where error.underlying is DatabaseNotEmpty {
            throw fail(CLIError("la base cible n'est pas vide : importez dans une base neuve (rien n'a été écrit)", exitCode: 2))
        } catch let error as DeploymentArchive.Failure {
            let reason: String
            switch error {
            case .notAnArchive: reason = "ce n'est pas un export de guichet"
            case .unsupportedVersion(let version): reason = "version de format \(version) inconnue"
            case .unknownMigrations: reason = "l'export vient d'une version plus récente de guichet"
            case .damaged(let line, _): reason = "fichier endommagé ou tronqué (ligne \(line))"
            }
            throw fail(CLIError("import refusé : \(reason) ; rien n'a été écrit", exitCode: 2))
        } catch {
            throw fail(CLIError("import impossible : \(ExportCommand.reason(error)) ; rien n'a été écrit", exitCode: 1))
        }
    }
}
