import Testing
import GuichetCore
import GuichetContent
import GuichetEncryption
import GuichetStorage
import GuichetServices
import GuichetTestSupport
@testable import GuichetPostgres

@Suite("Two nodes on one PostgreSQL database", .enabled(if: PostgresTestEnvironment.isConfigured, "set GUICHET_TEST_POSTGRES_URL"))
struct TwoNodeTests {
    /// Two processes' worth of state: each node has its own pool, nothing else is shared but the database.
    func withTwoNodes(_ body: @Sendable (PostgresDatabase, PostgresDatabase) async throws -> Void) async throws {
        let configuration = try PostgresTestEnvironment.configuration()
        let first = PostgresDatabase(configuration: configuration, logger: PostgresTestEnvironment.quietLogger)
        let second = PostgresDatabase(configuration: configuration, logger: PostgresTestEnvironment.quietLogger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await first.run() }
            group.addTask { await second.run() }
            defer { group.cancelAll() }
            do {
                try await body(first, second)
                try await first.dropSchema()
            } catch {
                try? await first.dropSchema()
                throw error
            }
        }
    }

    @Test("two nodes starting together migrate once and index the same content without conflict")
    func concurrentStart() async throws {
        try await withTwoNodes { first, second throws in
            async let firstMigrated = first.migrate()
            async let secondMigrated = second.migrate()
            let applied = try await [firstMigrated, secondMigrated]
            #expect(applied.flatMap { $0 }.sorted() == PostgresDatabase.migrationIdentifiers.sorted(), "each migration ran once")
            for round in 0..<3 {
                let files = round == 2 ? DossierFixtures.files.filter { $0.path != DossierFixtures.rapport.path } : DossierFixtures.files
                try await withThrowingTaskGroup(of: ContentIndexer.Report.self) { group in
                    for node in [first, second] {
                        group.addTask {
                            try await ContentIndexer(index: PostgresDossierStore(database: node), logger: PostgresTestEnvironment.quietLogger)
                                .index(files)
                        }
                    }
                    for try await report in group { #expect(report.problems.isEmpty) }
                }
            }
            for node in [first, second] {
                let store = PostgresDossierStore(database: node)
                #expect(try await store.items(.all, offset: 0, limit: 10).total == 3)
                #expect(try await store.indexedFiles().count == DossierFixtures.files.count - 1)
                let hits = try await PostgresSearchIndex(database: node).search(SearchQuery("conseil"), offset: 0, limit: 10)
                #expect(hits.total == Set(hits.elements.map(\.target)).count, "no document is indexed twice")
            }
            let rows = try await TransferFixtures.rows(of: first)
            #expect(rows["search_document"]?.count == 2 + 3, "two sections and three items, each indexed once")
            #expect(rows["search_fts"]?.count == 2 + 3)
        }
    }

    @Test("case numbers and audit entries appended through two nodes at once are gapless and chained")
    func helpDeskRaces() async throws {
        try await withTwoNodes { first, second throws in
            try await first.migrate()
            let nodes = [PostgresHelpDeskStore(database: first), PostgresHelpDeskStore(database: second)]
            let filled = try await HelpDeskStoreContract.fill(nodes[0])
            let organisationID = filled.organisation.id
            let writers = 20
            let numbers = try await withThrowingTaskGroup(of: String.self) { group in
                for writer in 0..<writers {
                    let store = nodes[writer % 2]
                    group.addTask {
                        let created = try await store.createCase(
                            NewCase(
                                id: HelpDeskStoreContract.hexID(UInt64(10_000 + writer)), organisationID: organisationID,
                                year: 2027, status: "ouvert", assigneeID: nil, department: "69", verdict: "insuffisant",
                                mandateUntil: "2027-12-31", sealedContent: [UInt8(writer)]),
                            deadlines: [CaseDeadlineRecord(ruleID: "r\(writer)", due: "2027-01-10")], now: 1_800_000_000)
                        try await store.appendAudit(organisationID: organisationID) { last in
                            let sequence = (last?.sequence ?? 0) + 1
                            let previous = last?.hash ?? "genesis"
                            return AuditRecord(
                                sequence: sequence, organisationID: organisationID, at: 1_800_000_000, actorID: "w\(writer)",
                                action: "case.open", caseID: created.id, previousHash: previous, hash: previous + "|\(sequence)")
                        }
                        return created.number
                    }
                }
                var numbers: [String] = []
                for try await number in group { numbers.append(number) }
                return numbers
            }
            #expect(numbers.sorted() == (1...writers).map { HelpDeskNumbering.caseNumber(year: 2027, count: $0) })
            let log = try await nodes[1].auditRecords(organisationID: organisationID, after: 0, limit: 100)
            #expect(log.map(\.sequence) == Array(1...(writers + 2)), "the two entries of the fixture, then one per writer")
            for (previous, next) in zip(log, log.dropFirst()) {
                #expect(next.previousHash == previous.hash, "entry \(next.sequence) follows entry \(previous.sequence)")
            }
            #expect(Set(log.dropFirst(2).map(\.actorID)).count == writers)
        }
    }

    @Test("a private file written through one node is read, updated and counted through the other")
    func sharedPrivateFiles() async throws {
        try await withTwoNodes { first, second throws in
            try await first.migrate()
            let writer = PostgresPrivateFileStore(database: first)
            let reader = PostgresPrivateFileStore(database: second)
            let id = PrivateFileStoreContract.fileID(42)
            let answers = PrivateFileStoreContract.pseudoRandomBytes(count: 2_000, seed: 42)
            let created = try await writer.create(id, keyID: 1, sealedAnswers: answers, now: 1_000)
            #expect(try await reader.file(id) == created)
            let capture = PrivateFileStoreContract.pseudoRandomBytes(count: 100_000, seed: 43)
            try await reader.putAttachment(capture, slot: 0, of: id, limit: 1 << 20, now: 1_001)
            #expect(try await writer.attachment(slot: 0, of: id)?.sealed == capture)
            let updated = try await reader.update(id, expectedVersion: 1, keyID: 1, sealedAnswers: [7], now: 1_002)
            await #expect(throws: StorageError.self) {
                try await writer.update(id, expectedVersion: 1, keyID: 1, sealedAnswers: [8], now: 1_003)
            }
            #expect(try await writer.file(id) == updated)

            let counts = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<20 {
                    let node = index.isMultiple(of: 2) ? writer : reader
                    group.addTask { try await node.hit(key: "login", window: 60, now: 1_020) }
                }
                var counts: [Int] = []
                for try await count in group { counts.append(count) }
                return counts
            }
            #expect(counts.sorted() == Array(1...20), "hits on both nodes count in one window")
        }
    }

    @Test("a sealed file of the self-help paths created on one node opens, with its capture, on the other with the code")
    func sharedCaseFiles() async throws {
        try await withTwoNodes { first, second throws in
            try await first.migrate()
            let nodeA = PrivateCaseFiles(store: PostgresPrivateFileStore(database: first), logger: PostgresTestEnvironment.quietLogger)
            let nodeB = PrivateCaseFiles(store: PostgresPrivateFileStore(database: second), logger: PostgresTestEnvironment.quietLogger)
            let (code, created) = try await nodeA.create(interview: "rendez-vous-prefecture", now: 1_000)
            let pdf = Array("%PDF-1.4 capture".utf8)
            let capture = try await nodeA.addCapture(pdf, to: created, now: 1_001)
            _ = try await nodeA.update(created, now: 1_002) {
                $0.captures.append(capture)
                $0.state.answers["capture"] = .file(capture.reference)
                $0.state.answers["nom"] = .text("Awa Exemple")
            }
            let opened = try await nodeB.open(code, now: 1_003)
            #expect(opened.state.answers["nom"] == .text("Awa Exemple"))
            #expect(try await nodeB.openedCaptures(of: opened) == [capture.reference: pdf])
            try await nodeB.delete(opened)
            await #expect(throws: PrivateCaseFileError.notFound) { try await nodeA.open(code, now: 1_004) }
        }
    }
}
