import Testing
import GuichetStorage
import GuichetTestSupport
@testable import GuichetSQLite
import Foundation

@Suite("SQLite private file store")
struct SQLitePrivateFileStoreTests {
    @Test("the private file contract holds on an in-memory database", arguments: PrivateFileStoreContract.Case.allCases)
    func contractInMemory(_ check: PrivateFileStoreContract.Case) async throws {
        try await check.run {
            let store = SQLitePrivateFileStore(database: try SQLiteDatabase())
            return PrivateFileStoreContract.Subject(store: store, rowCounts: { try await store.rowCounts() })
        }
    }

    @Test("the private file contract holds on a WAL database file", arguments: PrivateFileStoreContract.Case.allCases)
    func contractOnFile(_ check: PrivateFileStoreContract.Case) async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try await check.run {
            let store = SQLitePrivateFileStore(database: try SQLiteDatabase(path: folder.databasePath))
            return PrivateFileStoreContract.Subject(store: store, rowCounts: { try await store.rowCounts() })
        }
        #expect(FileManager.default.fileExists(atPath: folder.databasePath))
    }

    @Test("a lookup ID is exactly 64 hexadecimal digits, kept in lower case")
    func lookupIDValidation() throws {
        let lower = String(repeating: "0123456789abcdef", count: 4)
        #expect(PrivateFile.ID(hex: lower)?.hex == lower)
        #expect(PrivateFile.ID(hex: lower.uppercased())?.hex == lower)
        #expect(PrivateFile.ID(hex: lower.uppercased()) == PrivateFile.ID(hex: lower))
        for invalid in [
            "", String(lower.dropLast()), lower + "0", String(lower.dropLast()) + "g", " " + String(lower.dropFirst()),
            String(lower.dropLast()) + "é", String(repeating: "٠", count: 64),
        ] {
            #expect(PrivateFile.ID(hex: invalid) == nil, "\(invalid.debugDescription) is refused")
        }
    }

    @Test("files and attachments survive closing and reopening the database file")
    func reopen() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let id = PrivateFileStoreContract.fileID(7)
        let answers = PrivateFileStoreContract.pseudoRandomBytes(count: 500, seed: 7)
        let capture = PrivateFileStoreContract.pseudoRandomBytes(count: 70_000, seed: 8)
        do {
            let store = SQLitePrivateFileStore(database: try SQLiteDatabase(path: folder.databasePath))
            _ = try await store.create(id, keyID: 3, sealedAnswers: answers, now: 1_000)
            try await store.putAttachment(capture, slot: 2, of: id, limit: 100_000, now: 2_000)
            _ = try await store.hit(key: "h", window: 60, now: 1_000)
        }
        let database = try SQLiteDatabase(path: folder.databasePath)
        let reopened = SQLitePrivateFileStore(database: database)
        #expect(try await database.integrityCheck() == ["ok"])
        #expect(
            try await reopened.file(id)
                == PrivateFile(id: id, keyID: 3, sealedAnswers: answers, createdAt: 1_000, updatedAt: 2_000, version: 1))
        #expect(try await reopened.attachment(slot: 2, of: id)?.sealed == capture)
        #expect(try await reopened.hit(key: "h", window: 60, now: 1_001) == 2)
    }

    @Test("the database file holds the sealed bytes and never the plaintext they came from")
    func rawFileHoldsOnlySealedBytes() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let marker = Array("PLANTED-MARKER Zébulon Quatrevingt-Trois, 12 rue Imaginaire".utf8)
        var random = SystemRandomNumberGenerator()
        // A stand-in for sealing: the marker XOR a random stream, then random padding.
        let answers = marker.map { $0 ^ UInt8.random(in: 0...255, using: &random) }
            + (0..<64).map { _ in UInt8.random(in: 0...255, using: &random) }
        let capture = (0..<3_000).map { _ in UInt8.random(in: 0...255, using: &random) }
        let id = PrivateFileStoreContract.fileID(UInt64.random(in: 0...UInt64.max, using: &random))
        let store = SQLitePrivateFileStore(database: try SQLiteDatabase(path: folder.databasePath))
        _ = try await store.create(id, keyID: 0, sealedAnswers: answers, now: 1_700_000_000)
        try await store.putAttachment(capture, slot: 0, of: id, limit: 10_000, now: 1_700_000_001)

        let files = try folder.databaseFiles()
        #expect(!files.isEmpty)
        #expect(!files.contains { $0.contains(sequence: marker) }, "the plaintext marker is nowhere on disk")
        #expect(!files.contains { $0.contains(sequence: Array("Zébulon".utf8)) }, "not even a part of it")
        #expect(files.contains { $0.contains(sequence: answers) }, "the sealed answers are on disk as given")
        #expect(files.contains { $0.contains(sequence: Array(capture.prefix(1_000))) }, "the sealed capture is on disk")
        #expect(files.contains { $0.contains(sequence: Array(id.hex.utf8)) }, "the lookup ID is stored in clear")
    }

    @Test("an over-limit attachment is refused before touching the database")
    func overLimitRefusedEarly() async throws {
        let store = SQLitePrivateFileStore(database: try SQLiteDatabase())
        let id = PrivateFileStoreContract.fileID(1)
        let error = await #expect(throws: StorageError.self) {
            try await store.putAttachment([1, 2, 3], slot: 0, of: id, limit: 2, now: 0)
        }
        #expect(error?.code == .conflict)
        #expect(error?.attachmentTooLarge == AttachmentTooLarge(byteCount: 3, limit: 2))
        #expect(try await store.rowCounts() == ["private_file": 0, "private_file_attachment": 0, "rate_limit": 0])
    }
}

/// A fresh folder under the system's temporary directory, holding `guichet.sqlite`.
struct TemporaryFolder: Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("guichet-private-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    var databasePath: String { url.appendingPathComponent("guichet.sqlite").path }

    /// The bytes of every file in the folder (the database, its WAL and shared-memory files).
    func databaseFiles() throws -> [[UInt8]] {
        try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil).map {
            [UInt8](try Data(contentsOf: $0))
        }
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

extension [UInt8] {
    /// Whether `needle` occurs as a contiguous run of bytes.
    func contains(sequence needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= count else { return needle.isEmpty }
        var start = 0
        while start <= count - needle.count {
            guard let next = self[start...(count - needle.count)].firstIndex(of: first) else { return false }
            if self[next..<(next + needle.count)].elementsEqual(needle) { return true }
            start = next + 1
        }
        return false
    }
}
