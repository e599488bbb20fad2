internal import ArgumentParser
internal import Foundation
internal import GuichetContent
internal import GuichetCore
internal import GuichetDocuments
internal import GuichetEncryption
internal import GuichetProber
internal import GuichetServices
internal import GuichetStorage
internal import Logging

/// Whether `serve` probes the platforms: off unless `--probe-platforms` (or `$GUICHET_PROBE_PLATFORMS=1`), and then
/// only with a contact (`--probe-contact` or `$GUICHET_PROBE_CONTACT`: `mailto:…` or an `https://` page), which the
/// `User-Agent` carries.
enum ProbeSetting {
    /// `nil`: probing off. Refuses (status 2) to enable probing without a valid contact.
    static func resolve(enabled: Bool, contact: String?, environment: [String: String]) throws(CLIError) -> ProberConfiguration? {
        let isOn = enabled || environment["GUICHET_PROBE_PLATFORMS"] == "1"
        guard isOn else { return nil }
        guard let contact = contact ?? environment["GUICHET_PROBE_CONTACT"], !contact.isEmpty else {
            throw CLIError(
                "le sondage des plateformes demande un contact : --probe-contact mailto:ADRESSE (ou une page https://), que le User-Agent annonce")
        }
        guard let configuration = ProberConfiguration(contact: contact) else {
            throw CLIError("contact refusé « \(contact) » : attendu mailto:ADRESSE ou https://PAGE, sans espace ni parenthèse")
        }
        return configuration
    }

    /// The `User-Agent` printed when the deployment does not probe.
    static let disabledUserAgent = "(sondage désactivé sur ce site)"
}

/// `guichet observatoire …`: the outage certificate from the command line, and its check.
struct ObservatoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "observatoire", abstract: "Observatoire : attestations d'indisponibilité des plateformes.",
        subcommands: [CertificateCommand.self, VerifyCertificateCommand.self])
}

/// `guichet observatoire attestation --plateforme anef --du 2026-11-01 --au 2026-11-30 --out attestation.pdf`.
struct CertificateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attestation",
        abstract: "Écrit l'attestation d'indisponibilité d'une plateforme sur une période (PDF/A, chaîne SHA-256).",
        discussion: "Les dates sont des jours en heure de Paris ; la période finit au plus aujourd'hui et couvre au plus 366 jours.")

    @Option(help: "La plateforme (anef, france-visas, ofpra, rdv-<code>…).")
    var plateforme: String

    @Option(help: "Premier jour, AAAA-MM-JJ.")
    var du: String

    @Option(help: "Dernier jour, AAAA-MM-JJ.")
    var au: String

    @Option(help: "Le fichier PDF à écrire.")
    var out: String

    @Option(help: "Date d'établissement, AAAA-MM-JJ (défaut : aujourd'hui, heure de Paris).")
    var date: String?

    @Option(name: .customLong("base-url"), help: "Adresse publique du site, imprimée dans l'attestation. Défaut : $GUICHET_BASE_URL.")
    var baseURL: String?

    @Option(name: .customLong("probe-contact"), help: "Le contact du sondeur, tel que « serve » l'annonce. Défaut : $GUICHET_PROBE_CONTACT.")
    var probeContact: String?

    @OptionGroup var storage: StorageOptions

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let logger = LoggingSetup.makeLogger(label: "guichet")
        let now = Int64(Date().timeIntervalSince1970)
        let today: LocalDate
        if let date {
            guard let parsed = LocalDate(iso: date) else { throw fail(CLIError("date impossible : \(date) (AAAA-MM-JJ)")) }
            today = parsed
        } else {
            today = CivilTimeZone.europeParis.wallClockReading(utcMinutes: Int(now / 60)).date
        }
        let backend: StorageBackend
        let catalog: ContentCatalog
        do {
            backend = try storage.openBackend(logger: logger)
            catalog = ContentParser.parse(try ContentDirectory.read(at: try storage.resolvedContentDirectory()))
        } catch let error as CLIError {
            throw fail(error)
        }
        let contact = probeContact ?? environment["GUICHET_PROBE_CONTACT"]
        let observatory = PlatformObservatory(
            platforms: catalog.platforms, store: backend.platformProbes, isProbingEnabled: contact != nil,
            userAgent: contact.map(ProberConfiguration.userAgent(contact:)) ?? ProbeSetting.disabledUserAgent)
        let site = baseURL ?? environment["GUICHET_BASE_URL"] ?? "guichet"
        let plateforme = self.plateforme, du = self.du, au = self.au, out = self.out
        let outcome: Result<Int, CLIError> = try await backend.withRunning { _ in
            switch try await observatory.certificate(platform: plateforme, from: du, to: au, today: today, siteURL: site, hash: Hashing.sha256) {
            case .failure(let problem): return .failure(CLIError(problem.frenchMessage))
            case .success(let (_, draft)):
                let bytes = try PDFWriter().write(draft)
                try Data(bytes).write(to: URL(fileURLWithPath: out))
                return .success(bytes.count)
            }
        }
        switch outcome {
        case .failure(let error): throw fail(error)
        case .success(let count): print("attestation écrite : \(out) (\(count) octets)")
        }
    }
}

/// `guichet observatoire verifier-attestation attestation.txt`: recomputes the chain from the certificate's text
/// (`pdftotext -layout attestation.pdf attestation.txt`; `-` reads standard input).
struct VerifyCertificateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verifier-attestation",
        abstract: "Recalcule la chaîne d'empreintes d'une attestation à partir de son texte (pdftotext -layout).")

    @Argument(help: "Le texte de l'attestation (sortie de pdftotext -layout), ou - pour l'entrée standard.")
    var text: String

    func run() throws {
        let data: Data?
        if text == "-" { data = FileHandle.standardInput.readDataToEndOfFile() } else { data = FileManager.default.contents(atPath: text) }
        guard let data else { throw fail(CLIError("fichier illisible : \(text)")) }
        switch OutageCertificate.verify(text: String(decoding: data, as: UTF8.self), hash: Hashing.sha256) {
        case .intact(let lines, let head):
            print("chaîne intacte : \(lines) relevé(s), empreinte de tête \(head)")
        case .broken(let entry, let line):
            throw fail(CLIError("chaîne rompue au relevé \(entry) : « \(line) » ne donne pas l'empreinte imprimée", exitCode: 1))
        case .headMismatch(let printed, let computed):
            throw fail(CLIError("empreinte de tête différente : imprimée \(printed), recalculée \(computed)", exitCode: 1))
        case .unreadable:
            throw fail(CLIError("aucun relevé ni empreinte de tête trouvés dans ce texte", exitCode: 1))
        }
    }
}
