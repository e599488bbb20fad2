internal import Foundation
internal import GuichetCore
internal import GuichetServices
internal import GuichetStorage
internal import Logging
internal import ServiceLifecycle

/// People's reports to the observatory, as the environment sets them: `$GUICHET_OBSERVATOIRE_K` (the smallest number
/// of reports a shown figure stands for, 5 or more, default 5), `$GUICHET_OBSERVATOIRE_LOT` (reports held back before a
/// batch is written, default 8), `$GUICHET_OBSERVATOIRE_PAR_HEURE` (reports per client address per hour, default 5) and
/// `$GUICHET_OBSERVATOIRE_ECRITURE` (seconds between two writes of what is held back, default 300).
enum ReportSetting {
    static func settings(_ environment: [String: String]) throws(CLIError) -> ObservationReports.Settings {
        let k = try number(environment, "GUICHET_OBSERVATOIRE_K", default: Observatory.ReportFigures.minimumK)
        guard k >= Observatory.ReportFigures.minimumK else {
            throw CLIError("GUICHET_OBSERVATOIRE_K vaut au moins \(Observatory.ReportFigures.minimumK) (reçu \(k))")
        }
        return ObservationReports.Settings(
            k: k, batchSize: try number(environment, "GUICHET_OBSERVATOIRE_LOT", default: 8),
            perClientPerHour: try number(environment, "GUICHET_OBSERVATOIRE_PAR_HEURE", default: 5))
    }

    static func flushSeconds(_ environment: [String: String]) throws(CLIError) -> Int64 {
        Int64(try number(environment, "GUICHET_OBSERVATOIRE_ECRITURE", default: 300))
    }

    static func number(_ environment: [String: String], _ name: String, default value: Int) throws(CLIError) -> Int {
        guard let text = environment[name], !text.isEmpty else { return value }
        guard let number = Int(text), number >= 1 else { throw CLIError("\(name) doit être un nombre entier positif (reçu « \(text) »)") }
        return number
    }
}

/// Writes the reports held back every `interval` and at graceful shutdown, and drops the markers of weeks that can no
/// longer be reported.
struct ReportBatchService: Service {
    let reports: ObservationReports
    let interval: Duration
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                await pass()
            }
        }
        // Stopping: what is held back is written before the database closes.
        await pass()
    }

    func pass() async {
        do {
            try await reports.flush()
            try await reports.purgeMarkers(now: Int64(Date().timeIntervalSince1970))
        } catch {
            logger.error("report batch failed", metadata: ["error": "\(error.code)"])
        }
    }
}
