import Testing
import Foundation
import GuichetStorage
import Logging
@testable import GuichetPostgres

/// The built `guichet` executable, run as a user would (next to the test bundle in `.build/<triple>/debug`).
enum GuichetBinary {
    static let url: URL? = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("guichet"),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent(".build/debug/guichet"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    static let contentFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("content").path

    /// Starts `guichet arguments…`; standard output and error go to files in `folder`.
    static func start(_ arguments: [String], folder: URL, name: String) throws -> Process {
        let process = Process()
        guard let url else { throw CocoaError(.fileNoSuchFile) }
        process.executableURL = url
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["LOG_LEVEL"] = "info"
        environment.removeValue(forKey: "GUICHET_DATABASE_URL")
        process.environment = environment
        for stream in ["out", "err"] {
            _ = FileManager.default.createFile(atPath: folder.appendingPathComponent("\(name).\(stream)").path, contents: nil)
        }
        process.standardOutput = try FileHandle(forWritingTo: folder.appendingPathComponent("\(name).out"))
        process.standardError = try FileHandle(forWritingTo: folder.appendingPathComponent("\(name).err"))
        try process.run()
        return process
    }

    /// Runs `guichet arguments…` to the end; returns its status and standard output and error.
    static func run(_ arguments: [String], folder: URL, name: String) async throws -> (status: Int32, output: String, error: String) {
        let process = try start(arguments, folder: folder, name: name)
        while process.isRunning { try await Task.sleep(for: .milliseconds(50)) }
        return (
            process.terminationStatus,
            try String(contentsOf: folder.appendingPathComponent("\(name).out"), encoding: .utf8),
            try String(contentsOf: folder.appendingPathComponent("\(name).err"), encoding: .utf8)
        )
    }

    /// The body of `GET url` with curl, or nil when the server does not answer 200.
    static func get(_ url: String) async throws -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-sf", "--max-time", "5", url]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        while process.isRunning { try await Task.sleep(for: .milliseconds(10)) }
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }
}

@Suite("Command line: storage backends")
struct StorageCommandTests {
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("guichet-cli-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("backup and restore explain that PostgreSQL is backed up with pg_dump", .enabled(if: GuichetBinary.url != nil))
    func backupRefusedOnPostgres() async throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = "postgres://guichet:secret@127.0.0.1:1/guichet"
        let backup = try await GuichetBinary.run(["backup", "--database", url, "--out", folder.appendingPathComponent("b").path], folder: folder, name: "backup")
        #expect(backup.status == 2)
        #expect(backup.error.contains("pg_dump"))
        let restore = try await GuichetBinary.run(["restore", "x.sqlite", "--database", url], folder: folder, name: "restore")
        #expect(restore.status == 2)
        #expect(restore.error.contains("pg_restore"))
        let invalid = try await GuichetBinary.run(["migrate", "--database", "postgres://nohost"], folder: folder, name: "invalid")
        #expect(invalid.status == 2)
        #expect(invalid.error.contains("postgres://UTILISATEUR"))
    }

    @Test("migrate, export and import move a SQLite deployment into a new data folder", .enabled(if: GuichetBinary.url != nil))
    func sqliteToSQLite() async throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("first").path
        let second = folder.appendingPathComponent("second").path
        let search = try await GuichetBinary.run(
            ["search", "préfecture", "--format", "json", "--data", first, "--content", GuichetBinary.contentFolder], folder: folder, name: "search")
        #expect(search.status == 0)
        let migrate = try await GuichetBinary.run(["migrate", "--data", first], folder: folder, name: "migrate")
        #expect(migrate.status == 0)
        #expect(migrate.output.contains("0002_create_private_file"))
        let file = folder.appendingPathComponent("export.jsonl").path
        let export = try await GuichetBinary.run(["export", "--out", file, "--data", first], folder: folder, name: "export")
        #expect(export.status == 0, "\(export.error)")
        let again = try await GuichetBinary.run(["export", "--out", file, "--data", first], folder: folder, name: "again")
        #expect(again.status == 2, "an existing file is never overwritten")
        let imported = try await GuichetBinary.run(["import", file, "--data", second], folder: folder, name: "import")
        #expect(imported.status == 0, "\(imported.error)")
        let twice = try await GuichetBinary.run(["import", file, "--data", second], folder: folder, name: "twice")
        #expect(twice.status == 2)
        #expect(twice.error.contains("pas vide"))
        let searchAgain = try await GuichetBinary.run(
            ["search", "préfecture", "--format", "json", "--data", second, "--content", GuichetBinary.contentFolder], folder: folder,
            name: "search2")
        #expect(searchAgain.output == search.output, "the imported index answers the same")
    }
}

@Suite(
    "Command line: two guichet serve on one PostgreSQL database",
    .enabled(if: GuichetBinary.url != nil && !(ProcessInfo.processInfo.environment["GUICHET_TEST_POSTGRES_URL"] ?? "").isEmpty,
        "set GUICHET_TEST_POSTGRES_URL (and build the guichet executable)"))
struct PostgresCLITests {
    @Test("two servers started together on one database serve the same dossier, and stop on SIGTERM")
    func twoServers() async throws {
        let base = try #require(ProcessInfo.processInfo.environment["GUICHET_TEST_POSTGRES_URL"])
        let schema = "guichet_cli_" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        let url = base + (base.contains("?") ? "&" : "?") + "schema=\(schema)"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("guichet-cli-\(schema)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try await runTwoServers(url: url, base: base, folder: folder)
        } catch {
            try? await Self.dropSchema(url: url)
            throw error
        }
        try await Self.dropSchema(url: url)
    }

    static func dropSchema(url: String) async throws {
        let database = PostgresDatabase(
            configuration: try PostgresConfiguration(url: url), logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await database.run() }
            defer { group.cancelAll() }
            try await database.dropSchema()
        }
    }

    func runTwoServers(url: String, base: String, folder: URL) async throws {
        let ports = (0..<2).map { _ in Int.random(in: 20_000...40_000) }
        let servers = try ports.enumerated().map { index, port in
            try GuichetBinary.start(
                ["serve", "--database", url, "--port", "\(port)", "--base-url", "https://guichet.example", "--content", GuichetBinary.contentFolder], folder: folder,
                name: "node\(index)")
        }
        defer { for server in servers where server.isRunning { server.terminate() } }
        var answers: [String] = []
        for port in ports {
            var answer: String?
            for _ in 0..<600 where answer == nil {
                answer = try await GuichetBinary.get("http://127.0.0.1:\(port)/api/recherche?q=prefecture")
                if answer == nil { try await Task.sleep(for: .milliseconds(100)) }
            }
            answers.append(try #require(answer, "node on port \(port) answers"))
        }
        #expect(answers[0] == answers[1], "both nodes answer the same search")
        #expect(answers[0].contains("\"total\""))
        #expect(try await GuichetBinary.get("http://127.0.0.1:\(ports[1])/healthz") != nil)

        let export = try await GuichetBinary.run(
            ["export", "--database", url, "--out", folder.appendingPathComponent("live.jsonl").path], folder: folder, name: "export")
        #expect(export.status == 0, "an export runs while both nodes serve: \(export.error)")

        for server in servers { server.terminate() }
        for server in servers {
            while server.isRunning { try await Task.sleep(for: .milliseconds(50)) }
            #expect(server.terminationStatus == 0, "SIGTERM stops a node gracefully")
        }
        let logs = try (0..<2).map { try String(contentsOf: folder.appendingPathComponent("node\($0).err"), encoding: .utf8) }
        #expect(logs.allSatisfy { $0.contains("ready to serve") && $0.contains("postgres") })
        let password = try PostgresConfiguration(url: base).password ?? "\u{0}"
        #expect(!logs.contains { $0.contains(":\(password)@") }, "logs never show the database password")
    }
}
