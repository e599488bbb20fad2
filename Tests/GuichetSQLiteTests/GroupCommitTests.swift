import Testing
import Dispatch
import Synchronization
import GuichetStorage
import GuichetTestSupport
@testable import GuichetSQLite

final class Holding: Sendable {
    let value = Atomic<Bool>(false)
}

@Suite("SQLite group commit")
struct GroupCommitTests {
    static func id(_ n: Int) throws -> PrivateFile.ID {
        let hex = String(n, radix: 16)
        return try #require(PrivateFile.ID(hex: String(repeating: "0", count: 64 - hex.count) + hex))
    }

    /// Waits (at most ten seconds) until `condition` holds.
    static func eventually(_ condition: () -> Bool) async throws {
        for _ in 0..<1000 where !condition() { try await Task.sleep(for: .milliseconds(10)) }
        #expect(condition())
    }

    @Test("writes that arrive while the writer is busy share one commit; a failing one is rolled back alone")
    func sharedCommit() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let database = try SQLiteDatabase(path: folder.databasePath)
        let store = SQLitePrivateFileStore(database: database)
        _ = try await store.create(try Self.id(1), keyID: 0, sealedAnswers: [1], now: 10)
        let groupsBefore = database.groups.committedGroups
        // Holds the writer until the other writes are queued behind it.
        let gate = DispatchSemaphore(value: 0)
        let holding = Holding()
        async let holder: Void = database.write { _ in
            holding.value.store(true, ordering: .sequentiallyConsistent)
            gate.wait()
        }
        try await Self.eventually { holding.value.load(ordering: .sequentiallyConsistent) }
        let ids = try (1...11).map { try Self.id($0) }
        let outcomes = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for n in 2...11 {
                group.addTask {
                    do {
                        _ = try await store.create(ids[n - 1], keyID: 0, sealedAnswers: [UInt8(n)], now: 10)
                        return (n, "created")
                    } catch let error as StorageError { return (n, "\(error.code)") } catch { return (n, "\(error)") }
                }
            }
            // The same ID again: a conflict, in the same group as the others.
            group.addTask {
                do {
                    _ = try await store.create(ids[0], keyID: 0, sealedAnswers: [9], now: 10)
                    return (1, "created")
                } catch let error as StorageError { return (1, "\(error.code)") } catch { return (1, "\(error)") }
            }
            try await Self.eventually { database.groups.waitingCount == 11 }
            gate.signal()
            var outcomes: [Int: String] = [:]
            for try await (n, outcome) in group { outcomes[n] = outcome }
            return outcomes
        }
        try await holder
        #expect(database.groups.committedGroups == groupsBefore + 2, "the held write, then the eleven queued behind it")
        #expect(outcomes[1] == "\(StorageError.Code.conflict)")
        for n in 2...11 {
            #expect(outcomes[n] == "created")
            #expect(try await store.file(try Self.id(n))?.sealedAnswers == [UInt8(n)])
        }
        #expect(try await store.file(try Self.id(1))?.sealedAnswers == [1], "the conflicting write changed nothing")
    }

    @Test("a database file commits with synchronous = FULL on its writer (GRDB's pool sets NORMAL when it turns WAL on)")
    func fullSync() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(try await SQLiteDatabase(path: folder.databasePath).writerSynchronous() == 2)
    }

    @Test("each write of a group gets its own value, and sees the writes committed before it in the group")
    func ownValues() async throws {
        let store = SQLitePrivateFileStore(database: try SQLiteDatabase())
        let hits = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<30 { group.addTask { try await store.hit(key: "client", window: 900, now: 1000) } }
            var hits: [Int] = []
            for try await hit in group { hits.append(hit) }
            return hits
        }
        #expect(hits.sorted() == Array(1...30), "thirty increments, each one seeing the ones before it")
    }
}
