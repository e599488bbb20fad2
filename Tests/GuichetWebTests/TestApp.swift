import Foundation
import Hummingbird
import GuichetSQLite
import GuichetServices
import GuichetTestSupport
import GuichetCore
@testable import GuichetWeb

/// The application over an in-memory SQLite dossier built from the fixtures, driven without sockets.
func makeTestApp(
    guides: [Guide] = [], observatory: Observatory.Board? = nil, reports: ObservationReports? = nil,
    now: @escaping @Sendable () -> Date = { Date(timeIntervalSince1970: 1_795_687_200) }
) async throws
    -> some ApplicationProtocol
{
    let database = try SQLiteDatabase()
    let dossier = try await IndexedDossier.make(
        store: SQLiteDossierStore(database: database), search: SQLiteSearchIndex(database: database))
    return Application(
        router: buildRouter(
            dependencies: WebDependencies(
                dossier: dossier.store, search: dossier.search, guides: guides, observatory: observatory, reports: reports, now: now),
            configuration: WebConfiguration(baseURL: "https://guichet.example/")))
}
