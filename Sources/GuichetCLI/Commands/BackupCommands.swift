internal import ArgumentParser
internal import Foundation
internal import GuichetSQLite
internal import GuichetStorage

/// `guichet backup --out FILE`: a consistent copy of the database, safe while the server runs.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Sauvegarde la base de données dans un fichier (possible pendant que le serveur tourne).",
        discussion: "La copie est vérifiée (PRAGMA integrity_check). Le contenu éditorial est dans content/ (git) ; les dossiers privés restent scellés dans la copie.")

    @Option(help: "Le fichier de sauvegarde à créer (il ne doit pas exister).")
    var out: String

    @OptionGroup var storage: StorageOptions

    func run() async throws {
        guard !FileManager.default.fileExists(atPath: out) else {
            throw fail(CLIError("le fichier existe déjà : \(out)"))
        }
        let database: SQLiteDatabase
        do {
            try storage.requireSQLite(
                for: "backup", advice: "sauvegardez avec pg_dump (pg_dump -Fc -f guichet.dump BASE) ou « guichet export ».")
            database = try storage.openDatabase()
        } catch {
            throw fail(error)
        }
        do {
            try await database.backup(to: out)
        } catch {
            try? FileManager.default.removeItem(atPath: out)
            throw fail(CLIError("sauvegarde impossible (\(error.code.rawValue))", exitCode: 1))
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: out)[.size] as? Int) ?? 0
        print("Sauvegarde écrite : \(out) (\(size) octets), intégrité vérifiée.")
    }
}

/// `guichet restore FILE`: put a backup back in place of the database (server stopped).
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Remet une sauvegarde à la place de la base de données (arrêtez d'abord le serveur).",
        discussion: "La sauvegarde est vérifiée avant d'être copiée : intégrité, et migrations connues de cette version de guichet.")

    @Argument(help: "Le fichier de sauvegarde.")
    var file: String

    @OptionGroup var storage: StorageOptions

    func run() async throws {
        let database: SQLiteDatabase
        do {
            try storage.requireSQLite(
                for: "restore", advice: "restaurez avec pg_restore (pg_restore -d BASE guichet.dump) ou « guichet import ».")
        } catch {
            throw fail(error)
        }
        guard FileManager.default.fileExists(atPath: file) else { throw fail(CLIError("sauvegarde introuvable : \(file)")) }
        do {
            database = try storage.openDatabase()
        } catch {
            throw fail(error)
        }
        do {
            try await database.restore(from: file)
        } catch {
            let reason: String
            switch error.code {
            case .corrupted: reason = "la sauvegarde est endommagée"
            case .conflict: reason = "la sauvegarde vient d'une version de guichet inconnue de celle-ci"
            default: reason = "la sauvegarde est illisible"
            }
            throw fail(CLIError("restauration impossible : \(reason) ; la base actuelle n'a pas été modifiée", exitCode: 2))
        }
        print("Sauvegarde restaurée depuis \(file).")
    }
}
