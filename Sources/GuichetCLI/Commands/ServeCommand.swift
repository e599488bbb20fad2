internal import ArgumentParser
internal import Foundation
internal import GuichetContent
internal import GuichetEncryption
internal import GuichetServices
internal import GuichetStorage
internal import GuichetWeb
internal import Hummingbird
internal import Logging
internal import ServiceLifecycle
internal import UnixSignals
internal import CoreMetrics
internal import GuichetHelpDesk
internal import GuichetProber
internal import GuichetCore

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

    @Option(name: .customLong("metrics-port"), help: "Port des métriques Prometheus (GET /metrics seulement). Défaut : $GUICHET_METRICS_PORT, sinon aucune.")
    var metricsPort: Int?

    @Option(name: .customLong("metrics-host"), help: "Adresse d'écoute des métriques. Défaut : $GUICHET_METRICS_HOST ou celle du site.")
    var metricsHost: String?

    @Flag(name: .customLong("probe-platforms"), help: "Sonde la page d'accueil publique des plateformes (ANEF, rendez-vous…), au plus une fois toutes les 10 minutes par hôte, en respectant robots.txt. Désactivé par défaut ; $GUICHET_PROBE_PLATFORMS=1 l'active aussi. Demande --probe-contact.")
    var probePlatforms = false

    @Option(name: .customLong("probe-contact"), help: "Contact annoncé dans le User-Agent du sondeur : mailto:ADRESSE ou https://PAGE. Défaut : $GUICHET_PROBE_CONTACT.")
    var probeContact: String?

    @OptionGroup var storage: StorageOptions

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let host = self.host ?? environment["GUICHET_HOST"] ?? "127.0.0.1"
        let port = self.port ?? environment["GUICHET_PORT"].flatMap(Int.init) ?? 8080
        guard (0...65535).contains(port) else {
            throw fail(CLIError("port invalide"))
        }
        let logger = LoggingSetup.makeLogger(label: "guichet")
        let metricsSetting: MetricsSetting
        do {
            metricsSetting = try MetricsSetting.resolve(
                host: metricsHost, port: metricsPort, serverHost: host, serverPort: port, environment: environment)
        } catch { throw fail(error) }
        // One registry for the process; the swift-metrics global points at it too, for any library that records
        // through it. Only here: tests pass their own registry.
        let metrics = metricsSetting.isEnabled ? SiteMetrics() : nil
        if let metrics { MetricsSystem.bootstrap(metrics.factory) }
        let factory: any MetricsFactory = metrics?.factory ?? NOOPMetricsHandler.instance
        let backend: StorageBackend
        let contentRoot: String
        do {
            backend = try storage.openBackend(logger: logger, metrics: factory)
            contentRoot = try storage.resolvedContentDirectory()
        } catch let error as CLIError {
            throw fail(error)
        }
        // The interviews are read with the content (and the content indexed in `prepare`, under the database's lock).
        let files = try ContentDirectory.read(at: contentRoot)
        let catalog = ContentParser.parse(files)
        let interviews = catalog.interviews
        let pepper: ServerPepper?
        do { pepper = try PepperSetting.fromEnvironment(environment) } catch { throw fail(error) }
        let privateFiles = PrivateCaseFiles(store: backend.privateFiles, pepper: pepper, logger: logger, metrics: factory)
        let parcours = ParcoursDependencies(interviews: interviews, files: privateFiles, limits: backend.privateFiles)
        // The help desk runs when its master keys can be read: with SQLite a key file is created beside the database at
        // first start; PostgreSQL nodes need GUICHET_MASTER_KEY or GUICHET_MASTER_KEY_FILE (else /bureau is left out).
        let smtp: (mailer: SMTPMailer, from: String)?
        do throws(CLIError) { smtp = try SMTPSetting.mailer(environment) } catch { throw fail(error) }
        let desk: (dependencies: HelpDeskDependencies, reminders: DeadlineReminders?)?
        do throws(CLIError) {
            let source = try MasterKeySetting.source(environment, storage: storage, backend: backend)
            let services = try MasterKeySetting.services(backend: backend, source: source, logger: logger, metrics: factory)
            desk = (
                HelpDeskDependencies(accounts: services.accounts, cases: services.cases, store: backend.helpDesk, selfHelp: parcours),
                smtp.map { smtp in
                    DeadlineReminders(
                        store: backend.helpDesk, accounts: services.accounts, markers: backend.privateFiles, mailer: smtp.mailer,
                        from: smtp.from, baseURL: environment["GUICHET_BASE_URL"] ?? baseURL ?? "http://\(host):\(port)", logger: logger)
                }
            )
        } catch {
            logger.notice("help desk disabled", metadata: ["reason": "\(error.message)"])
            desk = nil
        }
        let reportSettings: ObservationReports.Settings
        let reportFlushSeconds: Int64
        do throws(CLIError) {
            reportSettings = try ReportSetting.settings(environment)
            reportFlushSeconds = try ReportSetting.flushSeconds(environment)
        } catch { throw fail(error) }
        let reports = ObservationReports(
            store: backend.reports, limits: backend.privateFiles, markers: ReportMarkerKey(pepper: pepper), settings: reportSettings,
            logger: logger, metrics: factory)
        let helpDesk = desk?.dependencies
        let reminders = desk?.reminders
        let remindersOn = reminders != nil
        let base = baseURL ?? environment["GUICHET_BASE_URL"] ?? "http://\(host.contains(":") ? "[\(host)]" : host):\(port)"
        let prober: ProberConfiguration?
        do throws(CLIError) { prober = try ProbeSetting.resolve(enabled: probePlatforms, contact: probeContact, environment: environment) } catch {
            throw fail(error)
        }
        // People's « site en panne » reports join the incidents, k-filtered like every figure.
        let platforms = PlatformObservatory(
            platforms: catalog.platforms, store: backend.platformProbes, isProbingEnabled: prober != nil,
            userAgent: prober?.userAgent ?? ProbeSetting.disabledUserAgent,
            reports: {
                await reports.figures(now: Int64(Date().timeIntervalSince1970)).figures.outages.map {
                    (platform: $0.platform, week: $0.week, count: $0.count)
                }
            })
        let proberService: PlatformProberService? = prober.map { configuration in
            PlatformProberService(
                prober: PlatformProber(
                    platforms: catalog.platforms, store: backend.platformProbes, configuration: configuration,
                    now: { Int64(Date().timeIntervalSince1970) }, logger: logger),
                tick: configuration.tick)
        }
        let trustProxy = trustForwardedFor || environment["GUICHET_TRUST_FORWARDED_FOR"] == "1"
        var backgroundServices: [any Service] = [
            HousekeepingService(
                files: privateFiles, limits: backend.privateFiles, helpDesk: helpDesk, reminders: reminders,
                probes: backend.platformProbes, interval: .seconds(3600), logger: logger),
            ReportBatchService(reports: reports, interval: .seconds(reportFlushSeconds), logger: logger),
        ]
        if let proberService { backgroundServices.append(proberService) }
        let app = buildApplication(
            dependencies: WebDependencies(
                dossier: backend.dossier, search: backend.search,
                parcours: parcours, metrics: metrics, helpDesk: helpDesk, guides: catalog.guides.map(\.guide),
                observatory: catalog.observatory, reports: reports, platforms: platforms),
            configuration: WebConfiguration(
                baseURL: base, trustForwardedFor: trustProxy, exitURL: environment["GUICHET_EXIT_URL"] ?? "https://meteofrance.com/",
                metricsToken: metricsSetting.token),
            host: host, port: port, logger: logger,
            services: backgroundServices)
        // The database pool (PostgreSQL) runs first and stops last; the server migrates and indexes the content
        // before it listens. Several nodes may start at once: migrations and indexing take advisory locks.
        let server = PreparedServer(app: app) {
            let started = ContinuousClock.now
            let applied = try await backend.migrate()
            let report = try await ContentIndexer(index: backend.dossier, logger: logger).index(files)
            logger.info(
                "ready to serve",
                metadata: [
                    "content.files": "\(report.filesRead)", "content.written": "\(report.filesWritten)",
                    "content.problems": "\(report.problems.count)", "interviews": "\(interviews.count)",
                    "index.duration": "\(ContinuousClock.now - started)",
                    "http.address": "\(host):\(port)", "db.backend": "\(backend.name)",
                    "db.migrations.applied": "\(applied.count)", "help_desk": "\(helpDesk == nil ? "off" : "on")", "reminders": "\(remindersOn ? "on" : "off")",
                    "probe.platforms": "\(prober == nil ? "off" : "\(catalog.platforms.count)")",
                    "metrics.address": "\(metricsSetting.listener.map { "\($0.host):\($0.port)" } ?? "none")",
                    "metrics.token": "\(metricsSetting.token == nil ? "off" : "on")",
                ])
        }
        // The metrics listener starts with the database pool, before the site: a slow start can be watched.
        let metricsServer: (any Service)? = metricsSetting.listener.flatMap { listener in
            metrics.map { buildMetricsApplication(metrics: $0, host: listener.host, port: listener.port, logger: logger) }
        }
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [backend.service, metricsServer, server].compactMap { $0 }.map { ServiceGroupConfiguration.ServiceConfiguration(service: $0) },
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await group.run()
        } catch let error as StorageError {
            logger.error("storage unavailable", metadata: ["db.backend": "\(backend.name)", "error.code": "\(error.code.rawValue)"])
            throw fail(CLIError("base de données indisponible (\(backend.location)) : \(error.code.rawValue)", exitCode: 1))
        }
    }
}

/// The HTTP server, started once `prepare` (migrations, content indexing) has succeeded.
struct PreparedServer<App: Service>: Service {
    let app: App
    let prepare: @Sendable () async throws -> Void

    func run() async throws {
        try await prepare()
        try await app.run()
    }
}
