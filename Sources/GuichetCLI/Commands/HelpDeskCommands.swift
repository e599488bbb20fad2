internal import ArgumentParser
internal import Foundation
internal import GuichetCore
internal import GuichetEncryption
internal import GuichetHelpDesk
internal import GuichetServices
internal import GuichetStorage
internal import Logging
internal import CoreMetrics

/// Where the master keys of the help desk are: `$GUICHET_MASTER_KEY` (`<id>:<64 hex>`, several separated by commas),
/// else `$GUICHET_MASTER_KEY_FILE`, else (SQLite) `guichet-master.key` beside the database, created at first start
/// with 0600 permissions. PostgreSQL nodes must share one key: a variable or a file path is required there.
enum MasterKeySetting {
    static let fileName = "guichet-master.key"

    static func source(_ environment: [String: String], storage: StorageOptions, backend: StorageBackend) throws(CLIError)
        -> MasterKeySource
    {
        if let text = environment["GUICHET_MASTER_KEY"], !text.isEmpty { return .environment(text) }
        if let path = environment["GUICHET_MASTER_KEY_FILE"], !path.isEmpty { return .file(path: path) }
        guard case .sqlite = backend.kind else {
            throw CLIError("PostgreSQL : GUICHET_MASTER_KEY ou GUICHET_MASTER_KEY_FILE est requis (tous les serveurs partagent la même clé)")
        }
        let database: String
        do { database = try storage.databasePath() } catch { throw CLIError("dossier de données introuvable") }
        return .file(path: URL(fileURLWithPath: database).deletingLastPathComponent().appendingPathComponent(fileName).path)
    }

    /// The help desk's services over `backend`, with the master keys of `source`.
    static func services(
        backend: StorageBackend, source: MasterKeySource, logger: Logger, metrics: any MetricsFactory = NOOPMetricsHandler.instance
    ) throws(CLIError) -> (accounts: HelpDeskAccounts, cases: HelpDeskCases, vault: KeyVault) {
        let ring: MasterKeyring
        do { ring = try source.load() } catch { throw CLIError(error.message) }
        let vault = KeyVault(ring: ring, source: source)
        return (
            HelpDeskAccounts(store: backend.helpDesk, vault: vault, limits: backend.privateFiles, logger: logger, metrics: metrics),
            HelpDeskCases(store: backend.helpDesk, vault: vault, logger: logger), vault
        )
    }
}

/// The optional email reminders: `$GUICHET_SMTP_HOST` (a relay: the machine's MTA or one on the private network),
/// `$GUICHET_SMTP_PORT` (default 25), `$GUICHET_SMTP_FROM` (required with a host).
enum SMTPSetting {
    static func mailer(_ environment: [String: String]) throws(CLIError) -> (mailer: SMTPMailer, from: String)? {
        guard let host = environment["GUICHET_SMTP_HOST"], !host.isEmpty else { return nil }
        guard let from = environment["GUICHET_SMTP_FROM"], from.contains("@") else {
            throw CLIError("GUICHET_SMTP_FROM : l'adresse d'expédition des rappels est requise avec GUICHET_SMTP_HOST")
        }
        let port = environment["GUICHET_SMTP_PORT"].flatMap(Int.init) ?? 25
        guard (1...65535).contains(port) else { throw CLIError("GUICHET_SMTP_PORT invalide") }
        return (SMTPMailer(host: host, port: port), from)
    }
}

/// `guichet reminders send`: one pass of the email reminders (serve runs it hourly when SMTP is configured).
struct RemindersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reminders", abstract: "Rappels d'échéances par courriel (15, 7, 2 et 0 jours avant).", subcommands: [Send.self])

    struct Send: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "send", abstract: "Envoie les rappels du jour (chacun une seule fois), par le relais SMTP configuré.",
            discussion: "GUICHET_SMTP_HOST, GUICHET_SMTP_PORT (25), GUICHET_SMTP_FROM. Le message donne le numéro du dossier et la date, jamais le nom de la personne.")

        @Option(help: "Le jour des rappels, AAAA-MM-JJ (défaut : aujourd'hui, heure de Paris).")
        var today: String?
        @Option(name: .customLong("base-url"), help: "Adresse publique du site, pour le lien (défaut : $GUICHET_BASE_URL ou http://127.0.0.1:8080).")
        var baseURL: String?
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let environment = ProcessInfo.processInfo.environment
            let smtp: (mailer: SMTPMailer, from: String)
            do throws(CLIError) {
                guard let configured = try SMTPSetting.mailer(environment) else { throw CLIError("GUICHET_SMTP_HOST n'est pas défini") }
                smtp = configured
            } catch { throw fail(error) }
            var day: LocalDate?
            if let today {
                guard let parsed = LocalDate(iso: today) else { throw fail(CLIError("--today : date invalide « \(today) » (AAAA-MM-JJ)")) }
                day = parsed
            }
            let base = baseURL ?? environment["GUICHET_BASE_URL"] ?? "http://127.0.0.1:8080"
            let chosen = day
            try await HelpDeskCLI.run(storage) { desk, _ in
                let now = HelpDeskCLI.now
                let reminders = DeadlineReminders(
                    store: desk.store, accounts: desk.accounts, markers: desk.markers, mailer: smtp.mailer, from: smtp.from, baseURL: base,
                    logger: LoggingSetup.makeLogger(label: "guichet"))
                let report = try await reminders.send(today: chosen ?? HelpDeskCases.parisDay(now), now: now)
                if report.failed > 0 {
                    throw CLIError("\(report.sent) rappel(s) envoyé(s), \(report.failed) refusé(s) par le relais (voir le journal)", exitCode: 1)
                }
                return "\(report.sent) rappel(s) envoyé(s), \(report.alreadySent) déjà envoyé(s).\n"
            }
        }
    }
}

/// The help desk's set-up from the command line, for the first admin (then everything is done in the browser).
struct OrgCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "org", abstract: "Organisations du bureau d'aide (association, groupe local).",
        subcommands: [Create.self, List.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "create", abstract: "Crée une organisation et sa clé de données.")

        @Option(help: "Identifiant court : lettres minuscules, chiffres, tirets (ex. : cimade-lyon).")
        var slug: String
        @Option(help: "Nom de l'organisation, tel qu'il apparaît sur les mandats.")
        var name: String
        @Option(name: .customLong("retention-months"), help: "Mois de conservation des dossiers clos (défaut : 24).")
        var retentionMonths = HelpDeskAccounts.defaultRetentionMonths
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            try await HelpDeskCLI.run(storage) { desk, _ in
                let organisation = try await desk.accounts.createOrganisation(
                    slug: slug, name: name, retentionMonths: retentionMonths, now: HelpDeskCLI.now)
                return "Organisation « \(organisation.name) » créée (\(organisation.slug)). Invitez le premier membre : guichet user invite --org \(organisation.slug) --role admin …\n"
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Liste les organisations.")
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            try await HelpDeskCLI.run(storage) { desk, _ in
                let organisations = try await desk.accounts.organisations()
                if organisations.isEmpty { return "Aucune organisation.\n" }
                return organisations.map { "\($0.slug)\t\($0.name)\tconservation \($0.retentionMonths) mois\tclé maître \($0.masterKeyID)" }
                    .joined(separator: "\n") + "\n"
            }
        }
    }
}

/// `guichet user invite`: a one-time link for a new member.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Membres du bureau d'aide.", subcommands: [Invite.self])

    struct Invite: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "invite", abstract: "Invite un membre : affiche un lien à usage unique, valable 7 jours.",
            discussion: "Le lien est un secret : transmettez-le à la personne seule. Admins et juristes configurent un second facteur (TOTP) en l'ouvrant.")

        @Option(help: "L'organisation (son identifiant court).")
        var org: String
        @Option(help: "L'adresse électronique du membre.")
        var email: String
        @Option(help: "Son nom, tel que les autres membres le verront.")
        var name: String
        @Option(help: "Rôle : admin, juriste ou benevole.")
        var role: String
        @Option(name: .customLong("base-url"), help: "Adresse publique du site (défaut : $GUICHET_BASE_URL ou http://127.0.0.1:8080).")
        var baseURL: String?
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            guard let role = HelpDeskRole(rawValue: role) else { throw fail(CLIError("rôle inconnu « \(role) » (admin, juriste, benevole)")) }
            let base = (baseURL ?? ProcessInfo.processInfo.environment["GUICHET_BASE_URL"] ?? "http://127.0.0.1:8080")
                .trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            try await HelpDeskCLI.run(storage) { desk, _ in
                guard let organisation = try await desk.accounts.organisation(slug: org) else {
                    throw HelpDeskError.invalid("organisation inconnue « \(org) » (guichet org list)")
                }
                let (_, secret) = try await desk.accounts.invite(
                    email: email, displayName: name, role: role, into: organisation, actorID: "cli", now: HelpDeskCLI.now)
                return "Invitation (\(role.frenchLabel), \(organisation.slug)) : \(base)/bureau/invitation/\(secret)\n"
            }
        }
    }
}

/// `guichet keys rotate|retire`: the master keys.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Clés maîtres du bureau d'aide (rotation sans interruption).", subcommands: [Rotate.self, Retire.self])

    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rotate", abstract: "Ajoute une clé maître et réemballe sous elle la clé de chaque organisation.",
            discussion: """
                Les données ne sont pas rechiffrées : seules les clés d'organisation, emballées par la clé maître, changent. \
                Avec un fichier de clés, il est réécrit (l'ancienne clé y reste jusqu'à « guichet keys retire ») et les serveurs \
                en marche le relisent d'eux-mêmes. Avec GUICHET_MASTER_KEY, la nouvelle valeur est affichée : mettez-la sur chaque \
                serveur avant de lancer la rotation avec --apply.
                """)

        @Flag(help: "Avec GUICHET_MASTER_KEY : réemballer sous la clé la plus récente de la variable (déjà déployée).")
        var apply = false
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let apply = self.apply
            try await HelpDeskCLI.run(storage) { desk, source in
                let old = desk.vault.ring
                var random = SystemRandomNumberGenerator()
                let organisations = try await desk.accounts.organisations()
                switch source {
                case .file(let path):
                    guard let ring = old.addingKey(using: &random) else { throw HelpDeskError.invalid("plus d'identifiant de clé libre (255)") }
                    // The file first: a server that meets the new id reads it from there.
                    do throws(MasterKeySource.Problem) { try MasterKeySource.save(ring, to: path) } catch {
                        throw HelpDeskError.invalid(error.message)
                    }
                    let changed = try await KeyVault.rewrap(organisations: organisations, from: old, to: ring, store: desk.store)
                    return "Clé maître \(ring.current.id) ajoutée (\(path)) ; \(changed) organisation(s) réemballée(s).\n"
                case .environment:
                    if !apply {
                        guard let ring = old.addingKey(using: &random) else { throw HelpDeskError.invalid("plus d'identifiant de clé libre (255)") }
                        return """
                            Nouvelle valeur de GUICHET_MASTER_KEY (un secret : ne la collez nulle part ailleurs) :
                            \(ring.keys.reversed().map(\.exportedText).joined(separator: ","))
                            Mettez-la sur chaque serveur, redémarrez-les un par un, puis : guichet keys rotate --apply

                            """
                    }
                    let changed = try await KeyVault.rewrap(organisations: organisations, from: old, to: old, store: desk.store)
                    return "\(changed) organisation(s) réemballée(s) sous la clé maître \(old.current.id).\n"
                }
            }
        }
    }

    struct Retire: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "retire", abstract: "Retire du fichier de clés les clés maîtres qu'aucune organisation n'utilise plus.")
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            try await HelpDeskCLI.run(storage) { desk, source in
                let used = Set(try await desk.accounts.organisations().map(\.masterKeyID))
                let ring = desk.vault.ring
                let kept = ring.keeping(ids: used)
                guard case .file(let path) = source else {
                    return "Clés encore utilisées : \(kept.keys.map { String($0.id) }.joined(separator: ", ")). Avec GUICHET_MASTER_KEY, retirez les autres de la variable vous-même.\n"
                }
                do throws(MasterKeySource.Problem) { try MasterKeySource.save(kept, to: path) } catch {
                    throw HelpDeskError.invalid(error.message)
                }
                return "\(ring.keys.count - kept.keys.count) clé(s) retirée(s) ; restent : \(kept.keys.map { String($0.id) }.joined(separator: ", ")).\n"
            }
        }
    }
}

/// `guichet audit verify --org S`: checks the organisation's audit chain (exit 1 when it is broken).
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Journal d'audit du bureau d'aide.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify", abstract: "Vérifie la chaîne d'empreintes du journal d'audit d'une organisation.")
        @Option(help: "L'organisation (son identifiant court).")
        var org: String
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            try await HelpDeskCLI.run(storage) { desk, _ in
                guard let organisation = try await desk.accounts.organisation(slug: org) else {
                    throw HelpDeskError.invalid("organisation inconnue « \(org) »")
                }
                let verification = try await AuditLog(store: desk.store).verify(organisationID: organisation.id)
                if let broken = verification.firstBreak {
                    throw CLIError(
                        "journal d'audit ROMPU à l'entrée n° \(broken.sequence) : \(broken.reason) (\(verification.entries) entrée(s) intacte(s) avant)",
                        exitCode: 1)
                }
                return "Journal d'audit intact : \(verification.entries) entrée(s) vérifiée(s).\n"
            }
        }
    }
}

/// What the help-desk commands share: open the backend and the keys, run, print, map errors to French messages.
enum HelpDeskCLI {
    struct Desk: Sendable {
        let accounts: HelpDeskAccounts
        let cases: HelpDeskCases
        let vault: KeyVault
        let store: any HelpDeskStore
        /// The shared counters (the reminders' once-only markers).
        let markers: any RateLimitCounter
    }

    static var now: Int64 { Int64(Date().timeIntervalSince1970) }

    static func run(
        _ storage: StorageOptions, _ body: @escaping @Sendable (Desk, MasterKeySource) async throws -> String
    ) async throws {
        let logger = LoggingSetup.makeLogger(label: "guichet")
        let backend: StorageBackend
        let source: MasterKeySource
        let desk: Desk
        do throws(CLIError) {
            backend = try storage.openBackend(logger: logger)
            source = try MasterKeySetting.source(ProcessInfo.processInfo.environment, storage: storage, backend: backend)
            let services = try MasterKeySetting.services(backend: backend, source: source, logger: logger)
            desk = Desk(
                accounts: services.accounts, cases: services.cases, vault: services.vault, store: backend.helpDesk,
                markers: backend.privateFiles)
        } catch {
            throw fail(error)
        }
        do {
            let text = try await backend.withRunning { _ in try await body(desk, source) }
            print(text, terminator: "")
        } catch let error as HelpDeskError {
            throw fail(CLIError(error.frenchMessage, exitCode: error.status >= 500 ? 1 : 2))
        } catch let error as CLIError {
            throw fail(error)
        } catch let error as StorageError {
            throw fail(CLIError("base de données indisponible (\(error.code.rawValue)) : \(backend.location)", exitCode: 1))
        }
    }
}
