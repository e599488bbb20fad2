internal import Logging
internal import Foundation

/// Creates the process's loggers: one line per event on standard error, level from `$LOG_LEVEL`.
enum LoggingSetup {
    static func makeLogger(label: String) -> Logger {
        var logger = Logger(label: label)
        logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        return logger
    }
}
