import Testing
import Foundation
import ArgumentParser
@testable import GuichetCLI

@Suite("Command line: metrics settings")
struct MetricsSettingTests {
    @Test("metrics are off unless a port or a token is given")
    func offByDefault() throws {
        let setting = try MetricsSetting.resolve(host: nil, port: nil, serverHost: "127.0.0.1", serverPort: 8080, environment: [:])
        #expect(!setting.isEnabled)
        #expect(setting.listener == nil && setting.token == nil)
        let empty = try MetricsSetting.resolve(
            host: nil, port: nil, serverHost: "127.0.0.1", serverPort: 8080,
            environment: ["GUICHET_METRICS_PORT": "", "GUICHET_METRICS_TOKEN": ""])
        #expect(!empty.isEnabled)
    }

    @Test("the listener takes the server's host unless told otherwise; the option beats the environment")
    func listener() throws {
        let fromEnvironment = try MetricsSetting.resolve(
            host: nil, port: nil, serverHost: "10.0.0.11", serverPort: 8080, environment: ["GUICHET_METRICS_PORT": "9464"])
        #expect(fromEnvironment.listener?.host == "10.0.0.11")
        #expect(fromEnvironment.listener?.port == 9464)
        let option = try MetricsSetting.resolve(
            host: "127.0.0.1", port: 9100, serverHost: "0.0.0.0", serverPort: 8080,
            environment: ["GUICHET_METRICS_PORT": "9464", "GUICHET_METRICS_HOST": "10.0.0.11"])
        #expect(option.listener?.host == "127.0.0.1")
        #expect(option.listener?.port == 9100)
        let host = try MetricsSetting.resolve(
            host: nil, port: 9100, serverHost: "0.0.0.0", serverPort: 8080, environment: ["GUICHET_METRICS_HOST": "127.0.0.1"])
        #expect(host.listener?.host == "127.0.0.1")
    }

    @Test("a bad port, the site's own port or a weak token are refused with status 2", arguments: [
        (Int?.some(70000), [String: String]()), (nil, ["GUICHET_METRICS_PORT": "abc"]), (8080, [:]),
        (nil, ["GUICHET_METRICS_TOKEN": "short"]), (nil, ["GUICHET_METRICS_TOKEN": "sixteen chars with spaces"]),
    ])
    func refused(port: Int?, environment: [String: String]) {
        #expect(throws: CLIError.self) {
            try MetricsSetting.resolve(host: nil, port: port, serverHost: "127.0.0.1", serverPort: 8080, environment: environment)
        }
    }

    @Test("serve parses --metrics-port and --metrics-host")
    func options() throws {
        let command = try GuichetCommand.parseAsRoot(["serve", "--metrics-port", "9464", "--metrics-host", "127.0.0.2"])
        let serve = try #require(command as? ServeCommand)
        #expect(serve.metricsPort == 9464)
        #expect(serve.metricsHost == "127.0.0.2")
    }
}

@Suite("Command line: guichet serve with metrics", .enabled(if: GuichetBinary.url != nil, "build the guichet executable"))
struct MetricsServeTests {
    /// The HTTP status of `GET url` (0 when nothing answers).
    static func status(_ url: String, headers: [String] = []) async throws -> Int {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-s", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "5"] + headers.flatMap { ["-H", $0] } + [url]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        while process.isRunning { try await Task.sleep(for: .milliseconds(10)) }
        return Int(String(decoding: data, as: UTF8.self)) ?? 0
    }

    @Test("serve --metrics-port counts the site's requests on a port of its own; the site's /metrics stays 404")
    func serveWithMetrics() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("guichet-metrics-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let port = Int.random(in: 20_000...30_000)
        let metricsPort = port + 10_000
        let server = try GuichetBinary.start(
            ["serve", "--port", "\(port)", "--metrics-port", "\(metricsPort)", "--data", folder.appendingPathComponent("data").path,
             "--content", GuichetBinary.contentFolder], folder: folder, name: "serve")
        defer { if server.isRunning { server.terminate() } }
        let site = "http://127.0.0.1:\(port)"
        var ready = false
        for _ in 0..<600 where !ready {
            ready = try await Self.status(site + "/readyz") == 200
            if !ready { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(ready, "the server becomes ready")
        for _ in 0..<4 { #expect(try await Self.status(site + "/") == 200) }
        #expect(try await Self.status(site + "/metrics") == 404)
        #expect(try await Self.status(site + "/metrics", headers: ["Authorization: Bearer whatever-token-123"]) == 404)
        let text = try #require(try await GuichetBinary.get("http://127.0.0.1:\(metricsPort)/metrics"))
        #expect(text.contains(#"guichet_http_requests_total{route="/",method="GET",status="200"} 4"#))
        #expect(text.contains(#"guichet_http_requests_total{route="unmatched",method="GET",status="404"} 2"#))
        #expect(text.contains("process_resident_memory_bytes "))
        #expect(text.contains(#"guichet_private_file_events_total{event="purged"} 0"#))
        #expect(try await Self.status("http://127.0.0.1:\(metricsPort)/") == 404, "the metrics port serves /metrics only")
        server.terminate()
        while server.isRunning { try await Task.sleep(for: .milliseconds(50)) }
        #expect(server.terminationStatus == 0, "SIGTERM stops both listeners gracefully")
        let log = try String(contentsOf: folder.appendingPathComponent("serve.err"), encoding: .utf8)
        #expect(log.contains("metrics.address=127.0.0.1:\(metricsPort)"))
    }
}
