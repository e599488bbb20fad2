internal import ArgumentParser
internal import Foundation
internal import GuichetCore
internal import GuichetContent
internal import GuichetServices
internal import GuichetStorage
internal import Logging

/// `guichet search "query"`: the site's search from the terminal.
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Cherche dans le dossier (mêmes règles que le site).",
        discussion: "Met d'abord à jour l'index à partir du contenu (seuls les fichiers modifiés sont relus).")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Les mots à chercher.")
    var query: String

    @Option(help: "Format de sortie : text ou json.")
    var format: Format = .text

    @Option(help: "Nombre maximal de résultats.")
    var limit: Int = 10

    @OptionGroup var storage: StorageOptions

    func run() async throws {
        var quiet = LoggingSetup.makeLogger(label: "guichet")
        quiet.logLevel = max(quiet.logLevel, .warning)
        let logger = quiet
        let backend: StorageBackend
        let files: [ContentFile]
        do {
            backend = try storage.openBackend(logger: logger)
            files = try ContentDirectory.read(at: try storage.resolvedContentDirectory())
        } catch let error as CLIError {
            throw fail(error)
        }
        let parsed = SearchQuery(query)
        let limit = max(1, min(self.limit, 100))
        let hits = try await backend.withRunning { backend in
            _ = try await ContentIndexer(index: backend.dossier, logger: logger).index(files)
            return try await backend.search.search(parsed, offset: 0, limit: limit)
        }
        switch format {
        case .json:
            struct Hit: Encodable { let title, path, type, date, snippet: String }
            struct Output: Encodable { let query: String; let words: [String]; let total: Int; let results: [Hit] }
            let output = Output(
                query: query, words: parsed.words, total: hits.total,
                results: hits.elements.map { hit in
                    let path: String
                    switch hit.target {
                    case .item(let id): path = "/dossier/\(id)"
                    case .section(let id): path = "/rubriques/\(id)"
                    }
                    return Hit(title: hit.title, path: path, type: hit.kind?.rawValue ?? "rubrique", date: hit.date.iso,
                        snippet: Self.plain(hit.snippet))
                })
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(output), as: UTF8.self))
        case .text:
            if parsed.isEmpty {
                print("Aucun mot à chercher (les mots courts comme « de » ou « la » sont ignorés).")
                return
            }
            print("\(hits.total) résultat(s) pour « \(query) »")
            for (index, hit) in hits.elements.enumerated() {
                print("\n\(index + 1). \(hit.title) (\(hit.date.iso))")
                print("   " + Self.plain(hit.snippet, emphasis: true))
            }
        }
    }

    /// The snippet without markers; with `emphasis`, matches are shown as [mot].
    static func plain(_ snippet: String, emphasis: Bool = false) -> String {
        String(snippet.compactMap { character -> Character? in
            switch character {
            case SearchHit.highlightStart: emphasis ? "[" : nil
            case SearchHit.highlightEnd: emphasis ? "]" : nil
            default: character
            }
        })
    }
}

/// `guichet stem`: the French stemmer on standard input, one word per line (checked in CI against Snowball).
struct StemCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stem", abstract: "Racinise des mots français lus sur l'entrée standard (diagnostic).")

    func run() throws {
        var output = ""
        output.reserveCapacity(1 << 16)
        while let line = readLine(strippingNewline: true) {
            output += FrenchStemmer.stem(line)
            output += "\n"
            if output.utf8.count > 1 << 16 {
                FileHandle.standardOutput.write(Data(output.utf8))
                output = ""
            }
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}
