// guichet-bench: measurements that are not tests (see scripts/bench-*). Prints what it measured.
//
//   guichet-bench search [--documents N] [--words W] [--queries Q] [--dir DIR] [--dense] [--postgres URL [--keep-postgres]]
//
// Builds a synthetic French corpus (deterministic, seeded), indexes it through the real SQLite store and
// French tokenizer, then times the real search (rank + snippets of the top 10) over a fixed set of
// 2-word queries. With --postgres URL, does the same on PostgreSQL (a schema of its own, dropped after) and
// prints the ratio.
import Foundation
import GuichetCore
import GuichetStorage
import GuichetSQLite
import GuichetPostgres
import Logging

/// SplitMix64: a small seeded generator, so that every run builds the same corpus.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

func option(_ name: String, _ fallback: Int) -> Int {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let value = Int(arguments[index + 1]) else {
        return fallback
    }
    return value
}

func stringOption(_ name: String) -> String? {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

/// Vocabulary: the dossier's own words, weighted towards the domain, plus the French word list for the tail.
func vocabulary() -> (common: [String], tail: [String]) {
    let common = """
        titre séjour préfecture rendez-vous demande dossier délai recours tribunal administratif décision refus
        étranger étrangère personne association avocat juge référé urgence mesure utile téléservice ANEF plateforme
        asile Ofpra CNDA notification visa consulat travail autorisation employeur salarié prestation allocation CAF
        logement renouvellement première attestation récépissé prolongation instruction dépôt guichet accueil numérique
        substitution accompagnement courrier lettre recommandée capture écran tentative semaine créneau disponible
        horaire internet site module obligation quitter territoire éloignement rétention assignation résidence
        naturalisation nationalité document voyage mineur famille enfant conjoint parent étudiant talent visiteur
        Conseil État avis section ministère intérieur décret arrêté article code justice droit droits défenseur
        rapport réclamation accès service public dématérialisation numérique inégalité exclusion
        """.split(whereSeparator: \.isWhitespace).map(String.init)
    var tail: [String] = []
    if let text = try? String(contentsOfFile: "/usr/share/dict/french", encoding: .utf8) {
        tail = text.split(separator: "\n").map(String.init).filter { $0.count > 3 }
    }
    if tail.isEmpty { tail = common.map { $0 + "s" } + common.map { $0 + "e" } }
    let stop = ["de", "la", "le", "les", "des", "du", "et", "en", "un", "une", "pour", "par", "dans", "sur", "au", "à", "est", "qui", "que"]
    return (common + stop + stop + stop, tail)
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    let index = min(sorted.count - 1, max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1))
    return sorted[index]
}

/// What one backend measured.
struct Measurement {
    let backend: String
    let indexSeconds: Double
    let latencies: [Double]
    let meanHits: Int
    let megabytes: Double?

    func print(documents: Int) {
        Swift.print(String(format: "%@ index: %.1f s (%.0f documents/s)", backend, indexSeconds, Double(documents) / indexSeconds))
        Swift.print(String(format: "%@ latency: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms (mean %d matches per query)",
            backend, percentile(latencies, 0.5), percentile(latencies, 0.9), percentile(latencies, 0.99), latencies.last ?? 0, meanHits))
        if let megabytes { Swift.print(String(format: "%@ database: %.1f MB", backend, megabytes)) }
    }
}

/// Indexes `batches` through `store`, then times `queries` on `search`: one warm-up pass, three timed passes.
func measure(
    backend: String, store: any ContentIndex, search: any SearchIndex, batches: [ContentChangeSet], queries: [String],
    size: () async throws -> Double?
) async throws -> Measurement {
    let start = Date()
    for batch in batches { try await store.apply(batch) }
    let indexSeconds = Date().timeIntervalSince(start)
    for query in queries { _ = try await search.search(SearchQuery(query), offset: 0, limit: 10) }
    var latencies: [Double] = []
    var totalHits = 0
    for _ in 0..<3 {
        for query in queries {
            let t0 = DispatchTime.now().uptimeNanoseconds
            let page = try await search.search(SearchQuery(query), offset: 0, limit: 10)
            latencies.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1_000_000)
            totalHits += page.total
        }
    }
    latencies.sort()
    return Measurement(
        backend: backend, indexSeconds: indexSeconds, latencies: latencies, meanHits: totalHits / max(1, latencies.count),
        megabytes: try await size())
}

func runSearch() async throws {
    let documents = option("--documents", 100_000)
    let wordsPerDocument = option("--words", 80)
    let queryCount = option("--queries", 200)
    let directory = stringOption("--dir") ?? NSTemporaryDirectory() + "guichet-bench-\(ProcessInfo.processInfo.processIdentifier)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let path = directory + "/bench.sqlite"
    try? FileManager.default.removeItem(atPath: path)

    var random = SeededGenerator(state: 20_261_126)
    let (common, tail) = vocabulary()
    let isDense = CommandLine.arguments.contains("--dense")
    // Default corpus: like running French text, 45 % stop words and 55 % content words drawn from a Zipf law
    // (s = 1) over the word list, with the dossier's domain words placed at ranks 20–400 (frequent but not
    // ubiquitous). `--dense` draws 70 % of the words from the ~150 domain words: a worst case where a 2-word
    // query matches a sixth of the corpus.
    let stopWords = ["de", "la", "le", "les", "des", "du", "et", "en", "un", "une", "pour", "par", "dans", "sur", "au", "à",
        "est", "qui", "que", "il", "elle", "ne", "pas", "se", "ce", "son", "sa", "ses", "leur", "avec"]
    let domain = Array(Set(common.filter { $0.count > 3 })).sorted()
    var ranked = Array(tail.prefix(60_000))
    var shuffler = SeededGenerator(state: 7)
    ranked.shuffle(using: &shuffler)
    for (index, word) in domain.enumerated() { ranked.insert(word, at: min(ranked.count, 20 + index * 380 / max(1, domain.count))) }
    var cumulative: [Double] = []
    var total = 0.0
    for rank in 1...ranked.count {
        total += 1.0 / Double(rank)
        cumulative.append(total)
    }
    func zipfWord() -> String {
        let target = Double.random(in: 0..<total, using: &random)
        var low = 0, high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] < target { low = mid + 1 } else { high = mid }
        }
        return ranked[low]
    }
    func word() -> String {
        if isDense {
            return Int.random(in: 0..<10, using: &random) < 7 ? common.randomElement(using: &random)! : tail.randomElement(using: &random)!
        }
        return Int.random(in: 0..<100, using: &random) < 45 ? stopWords.randomElement(using: &random)! : zipfWord()
    }
    let section = Slug("bench")!
    var batches: [ContentChangeSet] = []
    var batch = ContentChangeSet()
    for n in 0..<documents {
        let title = (0..<6).map { _ in word() }.joined(separator: " ")
        let summary = (0..<16).map { _ in word() }.joined(separator: " ")
        let body = (0..<wordsPerDocument).map { _ in word() }.joined(separator: " ")
        let day = LocalDate(year: 2016, month: 1, day: 1)!.adding(days: n % 3650)
        let item = Item(
            id: Slug("doc-\(n)")!, title: title, kind: .analyse, date: day, sections: [section], tags: [], summary: summary,
            body: body, sources: [])
        batch.items.append((ContentFileState(path: "items/\(n).md", fingerprint: "\(n)"), ItemRecord(item: item, bodyHTML: body, bodyText: body)))
        if batch.items.count == 5_000 {
            batches.append(batch)
            batch = ContentChangeSet()
        }
    }
    if !batch.items.isEmpty { batches.append(batch) }

    var queries: [String] = []
    var queryRandom = SeededGenerator(state: 42)
    while queries.count < queryCount {
        queries.append("\(domain.randomElement(using: &queryRandom)!) \(domain.randomElement(using: &queryRandom)!)")
    }

    print("corpus: \(documents) documents of \(wordsPerDocument) words (+ 6-word title, 16-word summary), seeded, \(isDense ? "dense (70 % domain words)" : "Zipf over \(ranked.count) words, 45 % stop words")")
    print("queries: \(queries.count) two-word queries × 3 passes, top 10 with snippets")

    let database = try SQLiteDatabase(path: path)
    let sqlite = try await measure(
        backend: "sqlite", store: SQLiteDossierStore(database: database), search: SQLiteSearchIndex(database: database),
        batches: batches, queries: queries
    ) {
        var size: UInt64 = 0
        for suffix in ["", "-wal", "-shm"] {
            size += (try? FileManager.default.attributesOfItem(atPath: path + suffix)[.size] as? UInt64) ?? 0
        }
        return Double(size) / 1_048_576
    }
    sqlite.print(documents: documents)
    if stringOption("--dir") == nil { try? FileManager.default.removeItem(atPath: directory) }

    // PostgreSQL: the same batches and queries, in a schema of its own, dropped afterwards.
    guard let url = stringOption("--postgres") else { return }
    var configuration = try PostgresConfiguration(url: url)
    configuration.schema = "guichet_bench_\(ProcessInfo.processInfo.processIdentifier)"
    let postgres = PostgresDatabase(
        configuration: configuration, logger: Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() }))
    let measured = try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { await postgres.run() }
        defer { group.cancelAll() }
        try await postgres.migrate()
        do {
            let measured = try await measure(
                backend: "postgres", store: PostgresDossierStore(database: postgres),
                search: PostgresSearchIndex(database: postgres), batches: batches, queries: queries
            ) { Double(try await postgres.storageBytes()) / 1_048_576 }
            if CommandLine.arguments.contains("--keep-postgres") {
                print("postgres schema kept: \(configuration.schema ?? "")")
            } else {
                try await postgres.dropSchema()
            }
            return measured
        } catch {
            try? await postgres.dropSchema()
            throw error
        }
    }
    measured.print(documents: documents)
    print(String(format: "ratio postgres/sqlite: index %.2f×, p50 %.2f×, p90 %.2f×, p99 %.2f×",
        measured.indexSeconds / sqlite.indexSeconds,
        percentile(measured.latencies, 0.5) / percentile(sqlite.latencies, 0.5),
        percentile(measured.latencies, 0.9) / percentile(sqlite.latencies, 0.9),
        percentile(measured.latencies, 0.99) / percentile(sqlite.latencies, 0.99)))
}

switch CommandLine.arguments.dropFirst().first {
case "search": try await runSearch()
case "reports": try await runReports()
default:
    print("usage: guichet-bench search [--documents N] [--words W] [--queries Q] [--dir DIR] [--dense] [--postgres URL [--keep-postgres]]")
    print("       guichet-bench reports --database PATH [--reports N] [--batch B] [--submits S] [--clients C] [--postgres URL]")
    exit(2)
}
