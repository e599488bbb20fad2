internal import ArgumentParser
internal import Foundation
internal import GuichetEncryption
internal import GuichetServices
internal import GuichetStorage
internal import Logging
internal import ServiceLifecycle
internal import GuichetHelpDesk
internal import GuichetWeb
internal import GuichetCore

/// The server pepper, from `$GUICHET_PEPPER` (at least 64 hexadecimal digits) and `$GUICHET_PEPPER_ID` (1–255,
/// default 1). Without it, files are sealed under the code alone (see docs/encryption.md).
enum PepperSetting {
    static func fromEnvironment(_ environment: [String: String]) throws(CLIError) -> ServerPepper? {
        guard let hex = environment["GUICHET_PEPPER"], !hex.isEmpty else { return nil }
        var bytes: [UInt8] = []
        var high: UInt8?
        for character in hex.utf8 {
            guard let value = hexValue(character) else { throw CLIError("GUICHET_PEPPER : chiffres hexadécimaux seulement") }
            if let first = high {
                bytes.append(first << 4 | value)
                high = nil
            } else {
                high = value
            }
        }
        let id = environment["GUICHET_PEPPER_ID"].flatMap(UInt8.init) ?? 1
        guard high == nil, let pepper = ServerPepper(id: id, secret: bytes) else {
            throw CLIError("GUICHET_PEPPER : au moins 64 chiffres hexadécimaux (32 octets), GUICHET_PEPPER_ID entre 1 et 255")
        }
        return pepper
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

/// Erases private files untouched for 90 days and expired rate-limit windows, at start and then every `interval`,
/// until the server shuts down.
struct HousekeepingService: Service {
    let files: PrivateCaseFiles
    let limits: any RateLimitCounter
    /// The help desk: closed cases past their organisation's retention, idle sessions, expired invitations.
    var helpDesk: HelpDeskDependencies? = nil
    /// The email reminders, when SMTP is configured.
    var reminders: DeadlineReminders? = nil
    /// The prober's records: those older than 400 days are erased.
    var probes: (any PlatformProbeStore)? = nil
    let interval: Duration
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await Self.sweep(files: files, limits: limits, helpDesk: helpDesk, reminders: reminders, probes: probes, logger: logger)
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// One pass; failures are logged and retried at the next pass.
    static func sweep(
        files: PrivateCaseFiles, limits: any RateLimitCounter, helpDesk: HelpDeskDependencies? = nil,
        reminders: DeadlineReminders? = nil, probes: (any PlatformProbeStore)? = nil, logger: Logger
    ) async {
        let now = Int64(Date().timeIntervalSince1970)
        do {
            if let probes {
                let erased = try await probes.deleteProbes(before: now - PlatformProbe.retentionSeconds)
                logger.debug("old platform probes erased", metadata: ["probes": "\(erased)"])
            }
            try await files.purge(now: now)
            let windows = try await limits.deleteExpiredRateLimits(now: now)
            logger.debug("rate-limit windows dropped", metadata: ["windows": "\(windows)"])
            if let helpDesk {
                try await helpDesk.cases.purgeClosed(now: now)
                try await helpDesk.accounts.expireSessions(now: now)
            }
            if let reminders {
                let report = try await reminders.send(today: HelpDeskCases.parisDay(now), now: now)
                if report.sent + report.failed > 0 {
                    logger.info("reminders", metadata: ["sent": "\(report.sent)", "failed": "\(report.failed)"])
                }
            }
        } catch {
            logger.error("housekeeping failed", metadata: ["error": "\(error)"])
        }
    }
}

/// `guichet purge`: the same pass as the server's periodic job, for a cron line or by hand.
struct PurgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Efface les dossiers privés sans visite depuis 90 jours et les compteurs d'essais périmés.",
        discussion: "Le serveur le fait déjà toutes les heures ; cette commande sert aux installations sans serveur permanent.")

    @OptionGroup var storage: StorageOptions

    func run() async throws {
        let logger = LoggingSetup.makeLogger(label: "guichet")
        let backend: StorageBackend
        do { backend = try storage.openBackend(logger: logger) } catch { throw fail(error) }
        let pepper: ServerPepper?
        do { pepper = try PepperSetting.fromEnvironment(ProcessInfo.processInfo.environment) } catch { throw fail(error) }
        let now = Int64(Date().timeIntervalSince1970)
        do {
            let (erased, windows) = try await backend.withRunning { backend in
                let files = PrivateCaseFiles(store: backend.privateFiles, pepper: pepper, logger: logger)
                try await backend.platformProbes.deleteProbes(before: now - PlatformProbe.retentionSeconds)
                return (try await files.purge(now: now), try await backend.privateFiles.deleteExpiredRateLimits(now: now))
            }
            print("\(erased) dossier(s) effacé(s), \(windows) compteur(s) périmé(s) supprimé(s)")
        } catch {
            throw fail(CLIError("purge impossible : \(error)", exitCode: 1))
        }
    }
}
