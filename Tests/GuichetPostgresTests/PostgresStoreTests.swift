import Testing
import GuichetCore
import GuichetContent
import GuichetStorage
import GuichetServices
import GuichetTestSupport
@testable import GuichetPostgres

@Suite("PostgreSQL stores", .enabled(if: PostgresTestEnvironment.isConfigured, "set GUICHET_TEST_POSTGRES_URL"))
struct PostgresStoreTests {
    @Test("the private file contract holds on PostgreSQL", arguments: PrivateFileStoreContract.Case.allCases)
    func privateFiles(_ check: PrivateFileStoreContract.Case) async throws {
        try await withPostgres { database throws in
            try await check.run {
                let store = PostgresPrivateFileStore(database: database)
                return PrivateFileStoreContract.Subject(store: store, rowCounts: { try await store.rowCounts() })
            }
        }
    }

    @Test("the observation report contract holds on PostgreSQL", arguments: ObservationReportStoreContract.Case.allCases)
    func observationReports(_ check: ObservationReportStoreContract.Case) async throws {
        try await withPostgres { database throws in
            try await check.run { PostgresObservationReportStore(database: database) }
        }
    }

    @Test("the help-desk contract holds on PostgreSQL", arguments: HelpDeskStoreContract.Case.allCases)
    func helpDesk(_ check: HelpDeskStoreContract.Case) async throws {
        try await withPostgres { database throws in
            try await check.run {
                let store = PostgresHelpDeskStore(database: database)
                return HelpDeskStoreContract.Subject(store: store, rowCounts: { try await store.rowCounts() })
            }
        }
    }

    @Test("the dossier contract holds on PostgreSQL", arguments: DossierStoreContract.Case.allCases)
    func dossier(_ check: DossierStoreContract.Case) async throws {
        try await withPostgres { database throws in
            try await check.run {
                DossierStoreContract.Subject(
                    store: PostgresDossierStore(database: database), search: PostgresSearchIndex(database: database))
            }
        }
    }

    @Test("the search contract holds on PostgreSQL full-text search", arguments: SearchIndexContract.Case.allCases)
    func search(_ check: SearchIndexContract.Case) async throws {
        try await withPostgres { database throws in
            try await check.run {
                DossierStoreContract.Subject(
                    store: PostgresDossierStore(database: database), search: PostgresSearchIndex(database: database))
            }
        }
    }

    @Test("text with every character that unaccent turns into a quote or a backslash indexes and is found")
    func quotingCharacters() async throws {
        try await withPostgres { database throws in
            let body = "Lʼadministration ‘refuse’ “les guillemets” ; un chemin C:\\dossier\\pièce ＼ ＇apostrophe＇ ″ ∖ ŉ 〝fin〞."
            let file = ContentFile(
                path: "items/2021/2021-05-02-citations.md",
                text: DossierFixtures.ofpra.text.replacing("slug: ofpra-notification", with: "slug: citations")
                    .replacing("Le délai de recours devant la CNDA court à partir de la notification.", with: body))
            let dossier = try await IndexedDossier.make(
                store: PostgresDossierStore(database: database), search: PostgresSearchIndex(database: database),
                files: DossierFixtures.files + [file])
            #expect(dossier.report.problems.isEmpty)
            for query in ["administration", "guillemets", "apostrophe", "dossier pièce", "fin"] {
                let hits = try await dossier.search.search(SearchQuery(query), offset: 0, limit: 10)
                #expect(hits.elements.map(\.target).contains(.item(Slug("citations")!)), "\(query)")
            }
        }
    }

    @Test("migrating again applies nothing, and every migration is recorded")
    func migrateTwice() async throws {
        try await withPostgres { database throws in
            #expect(try await database.migrate() == [])
            #expect(try await database.appliedMigrations() == PostgresDatabase.migrationIdentifiers)
        }
    }

    @Test("an over-limit attachment is refused before touching the database")
    func overLimitRefusedEarly() async throws {
        try await withPostgres { database throws in
            let store = PostgresPrivateFileStore(database: database)
            let error = await #expect(throws: StorageError.self) {
                try await store.putAttachment([1, 2, 3], slot: 0, of: PrivateFileStoreContract.fileID(1), limit: 2, now: 0)
            }
            #expect(error?.attachmentTooLarge == AttachmentTooLarge(byteCount: 3, limit: 2))
            #expect(try await store.rowCounts() == ["private_file": 0, "private_file_attachment": 0, "rate_limit": 0])
        }
    }

    @Test("an unreachable server is .unavailable, and its message holds no password")
    func unreachable() async throws {
        var configuration = try PostgresTestEnvironment.configuration()
        configuration.port = 1
        configuration.password = "secret-password-marker"
        let database = PostgresDatabase(configuration: configuration, logger: PostgresTestEnvironment.quietLogger)
        try await withThrowingTaskGroup(of: Void.self) { group throws in
            group.addTask { await database.run() }
            defer { group.cancelAll() }
            let error = await #expect(throws: StorageError.self) { try await database.migrate() }
            #expect(error?.code == .unavailable)
            let message = error.map { "\($0)" } ?? ""
            #expect(!message.contains("secret-password-marker"))
        }
    }
}
