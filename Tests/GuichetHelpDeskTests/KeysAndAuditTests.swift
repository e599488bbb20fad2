import Foundation
import GuichetCore
import GuichetEncryption
@testable import GuichetHelpDesk
import GuichetSQLite
import GuichetStorage
import GuichetTestSupport
import Logging
import Testing

@Suite("Help desk keys and audit")
struct KeysAndAuditTests {
    let start = HelpDeskFixture.start

    @Test("rotation re-wraps the organisation keys; a server started before it re-reads the key file and goes on")
    func rotationWithoutDowntime() async throws {
        let desk = try HelpDeskFixture()
        let keyFile = desk.folder.appendingPathComponent("guichet-master.key").path
        let source = MasterKeySource.file(path: keyFile)
        let first = try source.load()
        #expect(first.keys.map(\.id) == [1])
        let attributes = try FileManager.default.attributesOfItem(atPath: keyFile)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        // The "running server": its vault was made from the file before the rotation.
        let running = KeyVault(ring: first, source: source)
        let accounts = HelpDeskAccounts(
            store: desk.store, vault: running, passwords: Passwords(cost: 4, allowWeakCostForTests: true), limits: desk.limits,
            logger: Logger(label: "test"))
        let cases = HelpDeskCases(store: desk.store, vault: running, logger: Logger(label: "test"))
        let org = try await accounts.createOrganisation(slug: "asso", name: "Asso", now: start)
        let made = try await HelpDeskFixtures.member(.juriste, in: org, accounts: accounts, now: start)
        let created = try await cases.create(try HelpDeskFixture.input(), by: made.member, now: start)

        // `guichet keys rotate`: the file first, then the re-wrap.
        var random = SystemRandomNumberGenerator()
        let second = try #require(first.addingKey(using: &random))
        try MasterKeySource.save(second, to: keyFile)
        #expect(try await KeyVault.rewrap(organisations: try await desk.store.organisations(), from: first, to: second, store: desk.store) == 1)
        let stored = try #require(try await desk.store.organisation(id: org.id))
        #expect(stored.masterKeyID == 2)
        #expect(try MasterKey.keyID(ofWrapped: stored.wrappedDataKey) == 2)

        // A node that had not unwrapped the key yet meets id 2, re-reads the file, and opens the case.
        let late = KeyVault(ring: first, source: source)
        let lateCases = HelpDeskCases(store: desk.store, vault: late, logger: Logger(label: "test"))
        let member = Member(
            accountID: made.member.accountID, organisation: stored, role: .juriste, displayName: "x", email: "x", sessionHash: "",
            formToken: "")
        let opened = try await lateCases.open(created.id, by: member, now: start + 10)
        #expect(opened.content.caseFile.person.name == "Amina Diallo-Benali")
        #expect(late.ring.keys.map(\.id) == [1, 2])
        // `guichet keys retire` keeps only what is used.
        #expect(second.keeping(ids: [2]).keys.map(\.id) == [2])
        // Without the file, id 2 cannot be opened by a ring that lacks it.
        let stranded = KeyVault(ring: first)
        await #expect(throws: HelpDeskError.sealedDataUnreadable) { _ = try stranded.sealer(for: stored) }
    }

    @Test("a key file readable by other accounts is refused; a malformed GUICHET_MASTER_KEY is refused")
    func keyFileChecks() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("guichet-keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("k").path
        _ = try MasterKeySource.file(path: path).load()
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        #expect(throws: MasterKeySource.Problem.self) { _ = try MasterKeySource.file(path: path).load() }
        #expect(throws: MasterKeySource.Problem.self) { _ = try MasterKeySource.environment("1:abcd").load() }
        let text = "2:" + String(repeating: "ab", count: 32) + ",1:" + String(repeating: "cd", count: 32)
        let ring = try MasterKeySource.environment(text).load()
        #expect(ring.current.id == 2 && ring.keys.count == 2)
        #expect(!String(describing: ring.current).contains("abab"), "a key's description never shows it")
    }

    @Test("the audit chain detects a forged entry and a wrong link")
    func auditTamper() async throws {
        let desk = try HelpDeskFixture()
        let org = try await desk.accounts.createOrganisation(slug: "asso", name: "Asso", now: start)
        let (juriste, _) = try await desk.member(.juriste, in: org)
        _ = try await desk.cases.create(try HelpDeskFixture.input(), by: juriste, now: start)
        let log = AuditLog(store: desk.store)
        let before = try await log.verify(organisationID: org.id)
        #expect(before.isIntact && before.entries >= 3)
        // Someone with write access appends an entry whose hash does not cover its fields.
        try await desk.store.appendAudit(organisationID: org.id) { last in
            AuditRecord(
                sequence: (last?.sequence ?? 0) + 1, organisationID: org.id, at: start + 5, actorID: "intrus", action: "case.open",
                caseID: nil, previousHash: last?.hash ?? AuditLog.genesisHash, hash: String(repeating: "a", count: 64))
        }
        let after = try await log.verify(organisationID: org.id)
        #expect(!after.isIntact)
        #expect(after.firstBreak?.sequence == before.entries + 1)
        #expect(after.firstBreak?.reason == "entrée modifiée (empreinte différente)")
    }
}
