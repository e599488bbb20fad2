import Testing
import Foundation
import ArgumentParser
import GuichetProber
@testable import GuichetCLI

@Suite("Command line: the platform prober and the outage certificate")
struct ObservatoryCommandsTests {
    @Test("probing is off by default, even with a contact")
    func offByDefault() throws {
        let serve = try #require(try GuichetCommand.parseAsRoot(["serve"]) as? ServeCommand)
        #expect(serve.probePlatforms == false)
        #expect(try ProbeSetting.resolve(enabled: false, contact: nil, environment: [:]) == nil)
        #expect(try ProbeSetting.resolve(enabled: false, contact: "mailto:obs@association.example", environment: [:]) == nil)
    }

    @Test("--probe-platforms (or GUICHET_PROBE_PLATFORMS=1) with a contact turns it on; the User-Agent carries the contact")
    func on() throws {
        let serve = try #require(
            try GuichetCommand.parseAsRoot(["serve", "--probe-platforms", "--probe-contact", "mailto:obs@association.example"]) as? ServeCommand)
        let configuration = try #require(try ProbeSetting.resolve(enabled: serve.probePlatforms, contact: serve.probeContact, environment: [:]))
        #expect(configuration.userAgent == "guichet-observatoire/1 (+mailto:obs@association.example)")
        let fromEnvironment = try ProbeSetting.resolve(
            enabled: false, contact: nil,
            environment: ["GUICHET_PROBE_PLATFORMS": "1", "GUICHET_PROBE_CONTACT": "https://association.example/contact"])
        #expect(fromEnvironment?.contact == "https://association.example/contact")
    }

    @Test("enabling without a contact, or with a bad one, is refused with a French message")
    func refusedWithoutContact() {
        #expect(throws: CLIError.self) { try ProbeSetting.resolve(enabled: true, contact: nil, environment: [:]) }
        do throws(CLIError) {
            _ = try ProbeSetting.resolve(enabled: true, contact: "obs@association.example", environment: [:])
            Issue.record("a contact without mailto: is refused")
        } catch {
            #expect(error.message.contains("contact refusé") && error.exitCode == 2)
        }
    }

    @Test("the observatory commands are reachable")
    func commands() throws {
        let attestation = try GuichetCommand.parseAsRoot([
            "observatoire", "attestation", "--plateforme", "anef", "--du", "2026-11-01", "--au", "2026-11-30", "--out", "/tmp/a.pdf",
        ])
        #expect((attestation as? CertificateCommand)?.plateforme == "anef")
        let verify = try GuichetCommand.parseAsRoot(["observatoire", "verifier-attestation", "-"])
        #expect((verify as? VerifyCertificateCommand)?.text == "-")
    }
}
