internal import ArgumentParser
internal import Foundation
internal import GuichetContent
internal import GuichetEncryption
internal import GuichetServices
internal import GuichetSQLite
internal import GuichetStorage
internal import GuichetWeb
internal import Hummingbird
internal import Logging

/// `guichet serve`: index the content, then serve the site until SIGTERM or SIGINT.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Sert le site (dossier, recherche, flux) sur HTTP.")

    @Option(help: "Adresse d'écoute. Défaut : $GUICHET_HOST ou 127.0.0.1.")
    var host: String?

    @Option(help: "Port d'écoute. Défaut : $GUICHET_PORT ou 8080.")
    var port: Int?

    @Option(name: .customLong("base-url"), help: "Adresse publique du site, pour les flux et le plan du site. Défaut : http://HOST:PORT.")
    var baseURL: String?

    @Option(name: .customLong("trust-forwarded-for"), help: "Derrière un proxy : lire l'adresse du client dans X-Forwarded-For (défaut : $GUICHET_TRUST_FORWARDED_FOR=1).")
    var trustForwardedFor = false

    @OptionGroup var storage: StorageOptions

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let host = self.host ?? environment["GUICHET_HOST"] ?? "127.0.0.1"
        let port = self.port ?? environment["GUICHET_PORT"].flatMap(Int.init) ?? 8080
        guard (0...65535).contains(port) else {
            throw fail(CLIError("port invalide"))
        }
        let logger = LoggingSetup.makeLogger(label: "guichet")
        let database: SQLiteDatabase
        let contentRoot: String
        do {
            database = try SQLiteDatabase(path: try storage.databasePath())
            contentRoot = try storage.resolvedContentDirectory()
        } catch let error as CLIError {
            throw fail(error)
        } catch {
            throw fail(CLIError("impossible d'ouvrir la base de données : \(error)", exitCode: 1))
        }
        let store = SQLiteDossierStore(database: database)
        let started = ContinuousClock.now
        let files = try ContentDirectory.read(at: contentRoot)
        let report = try await ContentIndexer(index: store, logger: logger).index(files)
        let interviews = ContentParser.parse(files).interviews
        let pepper: ServerPepper?
        do { pepper = try PepperSetting.fromEnvironment(environment) } catch { throw fail(error) }
        let privateStore = SQLitePrivateFileStore(database: database)
        let privateFiles = PrivateCaseFiles(store: privateStore, pepper: pepper, logger: logger)
        logger.info(
            "ready to serve",
            metadata: [
                "content.files": "\(report.filesRead)", "content.written": "\(report.filesWritten)",
                "content.problems": "\(report.problems.count)", "interviews": "\(interviews.count)", "index.duration": "\(ContinuousClock.now - started)",
                "http.address": "\(host):\(port)", "db.backend": "sqlite",
            ])
        let base = baseURL ?? environment["GUICHET_BASE_URL"] ?? "http://\(host.contains(":") ? "[\(host)]" : host):\(port)"
        let trustProxy = trustForwardedFor || environment["GUICHET_TRUST_FORWARDED_FOR"] == "1"
        let app = buildApplication(
            dependencies: WebDependencies(
                dossier: store, search: SQLiteSearchIndex(database: database),
                parcours: ParcoursDependencies(interviews: interviews, files: privateFiles, limits: privateStore)),
            configuration: WebConfiguration(
                baseURL: base, trustForwardedFor: trustProxy, exitURL: environment["GUICHET_EXIT_URL"] ?? "https://meteofrance.com/"),
            host: host, port: port, logger: logger,
            services: [HousekeepingService(files: privateFiles, limits: privateStore, interval: .seconds(3600), logger: logger)])
        try await app.runService()
    }
}
