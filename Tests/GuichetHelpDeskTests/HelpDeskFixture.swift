import Foundation
import GuichetCore
import GuichetEncryption
import GuichetHelpDesk
import GuichetSQLite
import GuichetStorage
import GuichetTestSupport
import Logging

/// A help desk on a fresh SQLite database (on disk, in a temporary folder), with bcrypt at cost 4 so that tests
/// stay quick, and two organisations with a member of each role.
struct HelpDeskFixture {
    let folder: URL
    let database: SQLiteDatabase
    let store: SQLiteHelpDeskStore
    let limits: SQLitePrivateFileStore
    let vault: KeyVault
    let accounts: HelpDeskAccounts
    let cases: HelpDeskCases
    /// 2026-12-03 10:00 UTC.
    static let start: Int64 = 1_796_292_000

    init(logger: Logger = Logger(label: "test")) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("guichet-desk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        database = try SQLiteDatabase(path: folder.appendingPathComponent("guichet.sqlite").path)
        store = SQLiteHelpDeskStore(database: database)
        limits = SQLitePrivateFileStore(database: database)
        var random = SystemRandomNumberGenerator()
        vault = KeyVault(ring: MasterKeyring([MasterKey.generate(id: 1, using: &random)])!)
        accounts = HelpDeskAccounts(
            store: store, vault: vault, passwords: Passwords(cost: 4, allowWeakCostForTests: true), limits: limits,
            logger: logger)
        cases = HelpDeskCases(store: store, vault: vault, logger: logger)
    }

    /// An active member of `organisation` with `role`, logged in: the member and the session cookie.
    func member(
        _ role: HelpDeskRole, in organisation: OrganisationRecord, email: String? = nil, name: String = "Camille Test",
        password: String = "un mot de passe long", now: Int64 = start
    ) async throws -> (Member, String) {
        let made = try await HelpDeskFixtures.member(
            role, in: organisation, accounts: accounts, email: email, name: name, password: password, now: now)
        return (made.member, made.cookie)
    }

    static func totpSecret(fromURL url: String) throws -> String { try HelpDeskFixtures.totpSecret(fromURL: url) }

    static let today = LocalDate(year: 2026, month: 12, day: 3)!

    static func input(name: String = "Amina Diallo-Benali", department: String = "69", assignee: String? = nil) throws -> NewCaseInput {
        try HelpDeskFixtures.input(name: name, department: department, assignee: assignee, from: today)
    }
}

import Testing
