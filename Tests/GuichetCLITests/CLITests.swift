import Testing
import ArgumentParser
@testable import GuichetCLI

@Suite("Command line")
struct CLITests {
    @Test("every subcommand is reachable from the root command")
    func subcommands() throws {
        let names = GuichetCommand.configuration.subcommands.map { $0._commandName }
        #expect(names.contains("serve"))
        #expect(names.contains("content"))
        #expect(names.contains("search"))
    }

    @Test("serve accepts its documented options")
    func serveOptions() throws {
        let command = try GuichetCommand.parseAsRoot(["serve", "--host", "0.0.0.0", "--port", "9000", "--data", "/tmp/x"])
        let serve = try #require(command as? ServeCommand)
        #expect(serve.host == "0.0.0.0")
        #expect(serve.port == 9000)
        #expect(serve.storage.dataDirectory == "/tmp/x")
    }
}
