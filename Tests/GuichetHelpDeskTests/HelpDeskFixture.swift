import Foundation
import GuichetCore
import GuichetEncryption
import GuichetHelpDesk
import GuichetSQLite
import GuichetStorage
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
        let address = email ?? "\(role.rawValue)-\(UUID().uuidString.prefix(8))@example.org"
        let (_, secret) = try await accounts.invite(
            email: address, displayName: name, role: role, into: organisation, actorID: "cli", now: now)
        let view = try await accounts.choosePassword(secret: secret, password: password, now: now)
        var totpSecret: String?
        if role.requiresSecondFactor {
            let key = try #require(view.secondFactorURL)
            totpSecret = try Self.totpSecret(fromURL: key)
            try await accounts.confirmSecondFactor(
                secret: secret, code: SecondFactor.code(secret: totpSecret!, at: Date(timeIntervalSince1970: TimeInterval(now))),
                now: now)
        }
        var step = try await accounts.logIn(
            organisationID: organisation.id, email: address, password: password, clientKey: "test-\(address)", now: now + 31)
        if step.needsSecondFactor {
            step = try await accounts.completeSecondFactor(
                cookie: step.cookie,
                code: SecondFactor.code(secret: totpSecret!, at: Date(timeIntervalSince1970: TimeInterval(now + 31))),
                now: now + 31)
        }
        let member = try #require(try await accounts.member(cookie: step.cookie, now: now + 32))
        return (member, step.cookie)
    }

    /// The raw TOTP secret from an `otpauth://` URL (its base32 `secret=` parameter, decoded).
    static func totpSecret(fromURL url: String) throws -> String {
        let base32 = try #require(url.split(separator: "?").last?.split(separator: "&").first { $0.hasPrefix("secret=") })
            .dropFirst("secret=".count)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var bits = 0
        var value = 0
        var bytes: [UInt8] = []
        for character in base32 {
            guard let index = alphabet.firstIndex(of: character) else { continue }
            value = (value << 5) | index
            bits += 5
            if bits >= 8 {
                bytes.append(UInt8((value >> (bits - 8)) & 0xFF))
                bits -= 8
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func mandate(days: Int = 180, from: LocalDate = LocalDate(year: 2026, month: 12, day: 3)!) throws -> Mandate {
        try Mandate(scopes: Set(MandateScope.allCases), from: from, days: days)
    }

    static func input(name: String = "Amina Diallo-Benali", department: String = "69", assignee: String? = nil) throws -> NewCaseInput {
        NewCaseInput(
            person: Person(name: name, birthDate: LocalDate(year: 1990, month: 4, day: 12), birthPlace: "Conakry", nationality: "guinéenne",
                address: "12 rue des Lilas, 69003 Lyon", phone: "06 12 34 56 78"),
            languages: ["fr", "ff"], department: try #require(Department.all.first { $0.code == department }),
            procedure: .renouvellementTitre, mandate: try mandate(), assigneeID: assignee)
    }
}

import Testing
