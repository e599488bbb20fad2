internal import ArgumentParser
internal import Foundation
internal import GuichetSQLite
internal import CoreMetrics

/// Where guichet keeps its database and reads its content; shared by the commands that need them.
struct StorageOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: "Dossier des données (base SQLite). Défaut : $GUICHET_DATA ou ./guichet-data.")
    var dataDirectory: String?

    @Option(
        name: .customLong("database"),
        help: "Base PostgreSQL : postgres://UTILISATEUR:MOT-DE-PASSE@HÔTE:PORT/BASE (sslmode=require pour TLS). Défaut : $GUICHET_DATABASE_URL, sinon SQLite dans --data.")
    var databaseURL: String?

    @Option(name: .customLong("content"), help: "Dossier du contenu éditorial. Défaut : $GUICHET_CONTENT ou le contenu livré.")
    var contentDirectory: String?

    /// The data folder, created if needed.
    func resolvedDataDirectory() throws -> String {
        let path = dataDirectory ?? ProcessInfo.processInfo.environment["GUICHET_DATA"] ?? "guichet-data"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Opens (and migrates) the database, or explains why not (status 1).
    func openDatabase(metrics: any MetricsFactory = NOOPMetricsHandler.instance) throws(CLIError) -> SQLiteDatabase {
        do {
            return try SQLiteDatabase(path: try databasePath(), metrics: metrics)
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError("impossible d'ouvrir la base de données : \(error)", exitCode: 1)
        }
    }

    func databasePath() throws -> String {
        (try resolvedDataDirectory() as NSString).appendingPathComponent("guichet.sqlite")
    }

    /// The content folder: the option, then `$GUICHET_CONTENT`, then `./content`, then the content
    /// shipped in the source tree this binary was built from.
    func resolvedContentDirectory() throws -> String {
        try Self.resolveContentDirectory(contentDirectory)
    }

    static func resolveContentDirectory(_ option: String?) throws -> String {
        if let path = option ?? ProcessInfo.processInfo.environment["GUICHET_CONTENT"] {
            guard FileManager.default.fileExists(atPath: path) else {
                throw CLIError("dossier de contenu introuvable : \(path)")
            }
            return path
        }
        if FileManager.default.fileExists(atPath: "content/sections") { return "content" }
        let bundled = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("content").path
        guard FileManager.default.fileExists(atPath: bundled) else {
            throw CLIError("aucun contenu trouvé : indiquez --content DOSSIER")
        }
        return bundled
    }
}

/// A failure explained to the user, in French, with the exit status to use.
struct CLIError: Error, CustomStringConvertible {
    let message: String
    let exitCode: Int32

    init(_ message: String, exitCode: Int32 = 2) {
        self.message = message
        self.exitCode = exitCode
    }

    var description: String { message }
}

/// Prints `error` on standard error and exits with its status (2 for bad input).
func fail(_ error: CLIError) -> ExitCode {
    FileHandle.standardError.write(Data(("guichet : " + error.message + "\n").utf8))
    return ExitCode(error.exitCode)
}
