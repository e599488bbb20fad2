public import GuichetStorage

/// The behaviour every `PrivateFileStore` + `RateLimitCounter` backend must show, written once and run
/// against each backend (SQLite in memory, SQLite on a WAL file, later PostgreSQL).
///
/// Each case builds a fresh subject through the factory, exercises it, and throws a `ContractFailure`
/// naming the broken expectation. A test runs every case:
///
/// ```swift
/// @Test(arguments: PrivateFileStoreContract.Case.allCases)
/// func contract(_ check: PrivateFileStoreContract.Case) async throws {
///     try await check.run { PrivateFileStoreContract.Subject(store: try makeStore()) }
/// }
/// ```
public enum PrivateFileStoreContract {
    /// What a backend provides to the contract.
    public typealias Store = PrivateFileStore & RateLimitCounter

    /// A store under test, with an optional way to count the rows of its tables (to check erasure).
    public struct Subject: Sendable {
        /// The store, over an empty database.
        public let store: any Store
        /// The number of rows per table of the private-file and rate-limit tables (`private_file`,
        /// `private_file_attachment`, `rate_limit`); `nil` when the backend cannot tell.
        public let rowCounts: (@Sendable () async throws -> [String: Int])?

        /// A subject over `store`.
        public init(store: any Store, rowCounts: (@Sendable () async throws -> [String: Int])? = nil) {
            self.store = store
            self.rowCounts = rowCounts
        }
    }

    /// Builds a subject over a new, empty database.
    public typealias Factory = @Sendable () async throws -> Subject

    /// One behaviour of the contract.
    public enum Case: String, CaseIterable, Sendable, CustomStringConvertible {
        case createAndRead
        case duplicateCreateConflicts
        case updateWithExpectedVersion
        case concurrentUpdatesLetOneWin
        case touchMovesForwardOnly
        case attachmentsRoundTrip
        case attachmentOverLimitIsRefused
        case deleteAttachment
        case deleteErasesEverything
        case purgeByAge
        case blobsRoundTripByteForByte
        case rateLimitWindows
        case rateLimitCountsConcurrentHits
        case rateLimitCleanup

        /// The case's name.
        public var description: String { rawValue }

        /// Runs this case on a fresh subject from `makeSubject`; throws `ContractFailure` when the store
        /// breaks the contract.
        public func run(_ makeSubject: Factory) async throws {
            let subject = try await makeSubject()
            switch self {
            case .createAndRead: try await PrivateFileStoreContract.createAndRead(subject)
            case .duplicateCreateConflicts: try await PrivateFileStoreContract.duplicateCreateConflicts(subject)
            case .updateWithExpectedVersion: try await PrivateFileStoreContract.updateWithExpectedVersion(subject)
            case .concurrentUpdatesLetOneWin: try await PrivateFileStoreContract.concurrentUpdatesLetOneWin(subject)
            case .touchMovesForwardOnly: try await PrivateFileStoreContract.touchMovesForwardOnly(subject)
            case .attachmentsRoundTrip: try await PrivateFileStoreContract.attachmentsRoundTrip(subject)
            case .attachmentOverLimitIsRefused: try await PrivateFileStoreContract.attachmentOverLimitIsRefused(subject)
            case .deleteAttachment: try await PrivateFileStoreContract.deleteAttachment(subject)
            case .deleteErasesEverything: try await PrivateFileStoreContract.deleteErasesEverything(subject)
            case .purgeByAge: try await PrivateFileStoreContract.purgeByAge(subject)
            case .blobsRoundTripByteForByte: try await PrivateFileStoreContract.blobsRoundTripByteForByte(subject)
            case .rateLimitWindows: try await PrivateFileStoreContract.rateLimitWindows(subject)
            case .rateLimitCountsConcurrentHits: try await PrivateFileStoreContract.rateLimitCountsConcurrentHits(subject)
            case .rateLimitCleanup: try await PrivateFileStoreContract.rateLimitCleanup(subject)
            }
        }
    }

    // MARK: Fixtures

    /// A valid lookup ID made from `number` (the same number gives the same ID).
    public static func fileID(_ number: UInt64) -> PrivateFile.ID {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        var state = number &+ 0x5EED
        for _ in 0..<4 {
            var word = splitMix(&state)
            for _ in 0..<16 {
                hex.append(digits[Int(word & 0xF)])
                word >>= 4
            }
        }
        // 64 digits from a fixed alphabet: the initializer cannot refuse them.
        guard let id = PrivateFile.ID(hex: String(decoding: hex, as: UTF8.self)) else {
            preconditionFailure("64 hexadecimal digits make a valid ID")
        }
        return id
    }

    /// `count` pseudo-random bytes, the same for the same seed (SplitMix64).
    public static func pseudoRandomBytes(count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        while bytes.count < count {
            var word = splitMix(&state)
            for _ in 0..<8 where bytes.count < count {
                bytes.append(UInt8(truncatingIfNeeded: word))
                word >>= 8
            }
        }
        return bytes
    }

    static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// 1 January 2025, 00:00 UTC, in Unix seconds: the contract's fixed "now".
    static let t0: Int64 = 1_735_689_600
    static let day: Int64 = 86_400
    static let limit = 1 << 20

    // MARK: Files

    static func createAndRead(_ subject: Subject) async throws {
        let store = subject.store
        let id = fileID(1)
        let answers = pseudoRandomBytes(count: 300, seed: 1)
        let created = try await store.create(id, keyID: 0, sealedAnswers: answers, now: t0)
        let expected = PrivateFile(id: id, keyID: 0, sealedAnswers: answers, createdAt: t0, updatedAt: t0, version: 1)
        try check(created == expected, "create returns the file at version 1, created and updated now")
        try check(try await store.file(id) == expected, "a created file reads back as created")
        let upper = try unwrap(PrivateFile.ID(hex: id.hex.uppercased()), "an upper-case ID is accepted")
        try check(try await store.file(upper) == expected, "an ID reads the same file in either case")
        try check(try await store.file(fileID(2)) == nil, "an unknown ID reads nil")
        try check(try await store.attachments(of: id).isEmpty, "a new file has no attachments")
        let peppered = try await store.create(fileID(3), keyID: 255, sealedAnswers: answers, now: t0 + 1)
        try check(try await store.file(fileID(3)) == peppered, "key ID 255 round-trips")
    }

    static func duplicateCreateConflicts(_ subject: Subject) async throws {
        let store = subject.store
        let id = fileID(1)
        let original = try await store.create(id, keyID: 1, sealedAnswers: [1, 2, 3], now: t0)
        try await expectError(.conflict, "creating an existing ID conflicts") {
            try await store.create(id, keyID: 2, sealedAnswers: [4, 5, 6], now: t0 + 10)
        }
        try check(try await store.file(id) == original, "a refused create leaves the file as it was")
    }

    static func updateWithExpectedVersion(_ subject: Subject) async throws {
        let store = subject.store
        let id = fileID(1)
        _ = try await store.create(id, keyID: 0, sealedAnswers: [1], now: t0)
        let second = try await store.update(id, expectedVersion: 1, keyID: 7, sealedAnswers: [2, 2], now: t0 + 60)
        let expected = PrivateFile(id: id, keyID: 7, sealedAnswers: [2, 2], createdAt: t0, updatedAt: t0 + 60, version: 2)
        try check(second == expected, "an update at the current version gives the next version")
        try check(try await store.file(id) == expected, "the update is stored")
        try await expectError(.conflict, "an update at a stale version conflicts") {
            try await store.update(id, expectedVersion: 1, keyID: 0, sealedAnswers: [9], now: t0 + 120)
        }
        try await expectError(.conflict, "an update at a future version conflicts") {
            try await store.update(id, expectedVersion: 3, keyID: 0, sealedAnswers: [9], now: t0 + 120)
        }
        try check(try await store.file(id) == expected, "refused updates change nothing")
        try await expectError(.notFound, "updating an unknown file is notFound") {
            try await store.update(fileID(2), expectedVersion: 1, keyID: 0, sealedAnswers: [9], now: t0)
        }
        let third = try await store.update(id, expectedVersion: 2, keyID: 7, sealedAnswers: [3], now: t0 + 30)
        try check(third.version == 3, "versions keep counting")
        try check(third.updatedAt == t0 + 60, "an update with an earlier clock does not move updatedAt back")
    }

    static func concurrentUpdatesLetOneWin(_ subject: Subject) async throws {
        let store = subject.store
        let id = fileID(1)
        _ = try await store.create(id, keyID: 0, sealedAnswers: [0], now: t0)
        let writers = 8
        let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
            for writer in 0..<writers {
                group.addTask {
                    do {
                        _ = try await store.update(
                            id, expectedVersion: 1, keyID: 0, sealedAnswers: [UInt8(writer + 1)], now: t0 + 1)
                        return true
                    } catch let error as StorageError where error.code == .conflict {
                        return false
                    }
                }
            }
            var outcomes: [Bool] = []
            for try await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
        try check(outcomes.filter { $0 }.count == 1, "exactly one of \(writers) racing updates wins, got \(outcomes)")
        let stored = try unwrap(try await store.file(id), "the raced file still exists")
        try check(stored.version == 2, "the raced file is at version 2, got \(stored.version)")
        try check(stored.sealedAnswers.count == 1 && stored.sealedAnswers != [0], "the winner's answers are stored")
    }

    static func touchMovesForwardOnly(_ subject: Subject) async throws {
        let store = subject.store
        let id = fileID(1)
        let created = try await store.create(id, keyID: 0, sealedAnswers: [1], now: t0)
        try await store.touch(id, now: t0 + day)
        let touched = try unwrap(try await store.file(id), "the touched file exists")
        try check(touched.updatedAt == t0 + day, "a touch moves updatedAt to now")
        try check(
            touched.version == 1 && touched.sealedAnswers == created.sealedAnswers && touched.createdAt == t0,
            "a touch changes neither version, answers nor createdAt")
        try await store.touch(id, now: t0)
        try check(try await store.file(id)?.updatedAt == t0 + day, "a touch with an earlier clock changes nothing")
        try await expectError(.notFound, "touching an unknown file is notFound") {
            try await store.touch(fileID(2), now: t0)
        }
    }

    // MARK: Attachments

    static func attachmentsRoundTrip(_ subject: Subject) async throws {
        let store = subject.store
        let id = fileID(1)
        _ = try await store.create(id, keyID: 0, sealedAnswers: [1], now: t0)
        let blobs: [Int: [UInt8]] = [
            0: pseudoRandomBytes(count: 100, seed: 10), 3: pseudoRandomBytes(count: 5_000, seed: 13),
            1: pseudoRandomBytes(count: 31, seed: 11),
        ]
        for (offset, slot) in [3, 0, 1].enumerated() {
            let blob = try unwrap(blobs[slot], "fixture slot \(slot)")
            let info = try await store.putAttachment(blob, slot: slot, of: id, limit: limit, now: t0 + Int64(offset))
            try check(
                info == SealedAttachmentInfo(slot: slot, byteCount: blob.count, updatedAt: t0 + Int64(offset)),
                "putAttachment describes what it stored")
        }
        for (slot, blob) in blobs {
            let read = try unwrap(try await store.attachment(slot: slot, of: id), "slot \(slot) reads back")
            try check(read.slot == slot && read.sealed == blob, "slot \(slot) round-trips byte for byte")
        }
        let listed = try await store.attachments(of: id)
        try check(listed.map(\.slot) == [0, 1, 3], "attachments are listed by slot, got \(listed.map(\.slot))")
        try check(listed.map(\.byteCount) == [100, 31, 5_000], "attachments are listed with their sizes")
        try check(try await store.attachment(slot: 2, of: id) == nil, "an empty slot reads nil")
        try check(try await store.attachment(slot: 0, of: fileID(2)) == nil, "a slot of an unknown file reads nil")
        try check(try await store.attachments(of: fileID(2)).isEmpty, "an unknown file lists no attachments")

        let replacement = pseudoRandomBytes(count: 42, seed: 99)
        try await store.putAttachment(replacement, slot: 3, of: id, limit: limit, now: t0 + day)
        try check(try await store.attachment(slot: 3, of: id)?.sealed == replacement, "a put replaces the slot")
        try check(
            try await store.attachments(of: id).map(\.byteCount) == [100, 31, 42], "the replaced slot has its new size")
        let file = try unwrap(try await store.file(id), "the file with attachments exists")
        try check(file.updatedAt == t0 + day, "putting an attachment touches the file")
        try check(file.version == 1, "putting an attachment does not change the answers' version")
        try await expectError(.notFound, "an attachment for an unknown file is notFound") {
            try await store.putAttachment([1], slot: 0, of: fileID(2), limit: limit, now: t0)
        }
    }

    static func attachmentOverLimitIsRefused(_ subject: Subject) async throws {
        let store = subject.store
        let id = fileID(1)
        _ = try await store.create(id, keyID: 0, sealedAnswers: [1], now: t0)
        let atLimit = pseudoRandomBytes(count: 1_000, seed: 5)
        try await store.putAttachment(atLimit, slot: 0, of: id, limit: 1_000, now: t0)
        try check(try await store.attachment(slot: 0, of: id)?.sealed == atLimit, "an attachment at the limit is kept")
        let error = try await expectError(.conflict, "an attachment over the limit is refused") {
            try await store.putAttachment(atLimit + [0], slot: 1, of: id, limit: 1_000, now: t0 + 5)
        }
        try check(
            error.attachmentTooLarge == AttachmentTooLarge(byteCount: 1_001, limit: 1_000),
            "the refusal says the size and the limit, got \(error)")
        try await expectError(.conflict, "an over-limit replacement is refused too") {
            try await store.putAttachment(atLimit + [0], slot: 0, of: id, limit: 1_000, now: t0 + 5)
        }
        try check(try await store.attachment(slot: 0, of: id)?.sealed == atLimit, "a refused put keeps the old bytes")
        try check(try await store.attachments(of: id).map(\.slot) == [0], "a refused put stores nothing")
        try check(try await store.file(id)?.updatedAt == t0, "a refused put does not touch the file")
    }

    static func deleteAttachment(_ subject: Subject) async throws {
        let store = subject.store
        let id = fileID(1)
        _ = try await store.create(id, keyID: 0, sealedAnswers: [1], now: t0)
        try await store.putAttachment([1, 1], slot: 0, of: id, limit: limit, now: t0)
        try await store.putAttachment([2, 2], slot: 1, of: id, limit: limit, now: t0)
        try await store.deleteAttachment(slot: 0, of: id, now: t0 + day)
        try check(try await store.attachment(slot: 0, of: id) == nil, "a deleted slot reads nil")
        try check(try await store.attachment(slot: 1, of: id)?.sealed == [2, 2], "the other slots stay")
        try check(try await store.file(id)?.updatedAt == t0 + day, "deleting an attachment touches the file")
        try await expectError(.notFound, "deleting an empty slot is notFound") {
            try await store.deleteAttachment(slot: 0, of: id, now: t0 + day)
        }
        try await expectError(.notFound, "deleting a slot of an unknown file is notFound") {
            try await store.deleteAttachment(slot: 1, of: fileID(2), now: t0 + day)
        }
    }

    // MARK: Erasing

    static func deleteErasesEverything(_ subject: Subject) async throws {
        let store = subject.store
        let doomed = fileID(1)
        let kept = fileID(2)
        for id in [doomed, kept] {
            _ = try await store.create(id, keyID: 0, sealedAnswers: pseudoRandomBytes(count: 64, seed: 3), now: t0)
            for slot in 0..<3 {
                try await store.putAttachment(
                    pseudoRandomBytes(count: 200, seed: UInt64(slot)), slot: slot, of: id, limit: limit, now: t0)
            }
        }
        try check(try await store.delete(doomed), "deleting an existing file says it existed")
        try check(try await store.file(doomed) == nil, "a deleted file reads nil")
        try check(try await store.attachments(of: doomed).isEmpty, "a deleted file lists no attachments")
        for slot in 0..<3 {
            try check(try await store.attachment(slot: slot, of: doomed) == nil, "a deleted file's slot \(slot) is gone")
        }
        try check(try await store.file(kept) != nil, "deleting one file leaves the others")
        try check(try await store.attachments(of: kept).count == 3, "deleting one file leaves others' attachments")
        try await checkRowCounts(subject, files: 1, attachments: 3, "after deleting one of two files")
        try check(try await store.delete(doomed) == false, "deleting a deleted file says it did not exist")
        try check(try await store.delete(kept), "the second file is deleted too")
        try await checkRowCounts(subject, files: 0, attachments: 0, "after deleting every file")
    }

    static func purgeByAge(_ subject: Subject) async throws {
        let store = subject.store
        let old = fileID(1)
        let touchedLater = fileID(2)
        let attachedLater = fileID(3)
        let recent = fileID(4)
        let atCutoff = fileID(5)
        let cutoff = t0 + 90 * day
        for id in [old, touchedLater, attachedLater] {
            _ = try await store.create(id, keyID: 0, sealedAnswers: [1], now: t0)
            try await store.putAttachment([9, 9, 9], slot: 0, of: id, limit: limit, now: t0)
        }
        _ = try await store.create(recent, keyID: 0, sealedAnswers: [1], now: t0 + 100 * day)
        _ = try await store.create(atCutoff, keyID: 0, sealedAnswers: [1], now: cutoff)
        try await store.touch(touchedLater, now: t0 + 95 * day)
        try await store.putAttachment([8], slot: 1, of: attachedLater, limit: limit, now: t0 + 91 * day)

        try check(try await store.deleteUntouched(before: cutoff) == 1, "only the file untouched since before the cutoff goes")
        try check(try await store.file(old) == nil, "the untouched file is erased")
        try check(try await store.attachments(of: old).isEmpty, "the untouched file's attachments are erased")
        for id in [touchedLater, attachedLater, recent, atCutoff] {
            try check(try await store.file(id) != nil, "a file used at or after the cutoff stays (\(id))")
        }
        try check(try await store.attachments(of: attachedLater).count == 2, "a kept file keeps its attachments")
        try check(try await store.deleteUntouched(before: cutoff) == 0, "a second purge at the same cutoff erases nothing")
        try await checkRowCounts(subject, files: 4, attachments: 3, "after the purge")
        try check(try await store.deleteUntouched(before: cutoff + 365 * day) == 4, "a later cutoff erases the rest")
        try await checkRowCounts(subject, files: 0, attachments: 0, "after purging every file")
    }

    static func blobsRoundTripByteForByte(_ subject: Subject) async throws {
        let store = subject.store
        let everyByte = (0...255).map { UInt8($0) } + (0...255).reversed().map { UInt8($0) }
        let zeros = [UInt8](repeating: 0, count: 4_096)
        let large = pseudoRandomBytes(count: 3 << 20, seed: 42)
        let cases: [(answers: [UInt8], attachment: [UInt8])] = [
            (everyByte, zeros), (zeros, everyByte), ([0], large), (pseudoRandomBytes(count: 30, seed: 7), []),
        ]
        for (index, blobs) in cases.enumerated() {
            let id = fileID(UInt64(100 + index))
            _ = try await store.create(id, keyID: UInt8(index), sealedAnswers: blobs.answers, now: t0)
            try await store.putAttachment(blobs.attachment, slot: index, of: id, limit: 4 << 20, now: t0)
            let file = try unwrap(try await store.file(id), "blob case \(index) exists")
            try check(file.sealedAnswers == blobs.answers, "answers of case \(index) round-trip byte for byte")
            let attachment = try unwrap(try await store.attachment(slot: index, of: id), "attachment of case \(index)")
            try check(
                attachment.sealed == blobs.attachment,
                "attachment of case \(index) round-trips byte for byte (\(blobs.attachment.count) bytes)")
            try check(
                try await store.attachments(of: id).map(\.byteCount) == [blobs.attachment.count],
                "attachment of case \(index) is listed with its size")
        }
    }

    // MARK: Rate limits

    static func rateLimitWindows(_ subject: Subject) async throws {
        let store = subject.store
        let minute: Int64 = 60
        let start = t0 + 10 * minute  // a window boundary
        var counts: [Int] = []
        for second in [0, 1, 30, 59] as [Int64] {
            counts.append(try await store.hit(key: "k1", window: minute, now: start + second))
        }
        try check(counts == [1, 2, 3, 4], "hits in one window count up, got \(counts)")
        try check(try await store.hit(key: "k1", window: minute, now: start + minute) == 1, "the next window starts at 1")
        try check(try await store.hit(key: "k1", window: minute, now: start + minute + 59) == 2, "and counts on")
        try check(try await store.hit(key: "k2", window: minute, now: start + minute) == 1, "another key counts apart")
        try check(
            try await store.hit(key: "k1", window: 3_600, now: start + minute) == 1,
            "another window length counts apart")
        let late = start + 10 * minute
        try check(try await store.hit(key: "k1", window: minute, now: late) == 1, "a later window starts afresh")
        try check(try await store.hit(key: "k1", window: minute, now: late + 1) == 2, "…and counts on")
        let beforeEpoch: Int64 = -90
        try check(try await store.hit(key: "k3", window: minute, now: beforeEpoch) == 1, "negative instants work")
        try check(
            try await store.hit(key: "k3", window: minute, now: -61) == 2,
            "windows are aligned on multiples of their length, also before 1970")
        try check(try await store.hit(key: "k3", window: minute, now: -60) == 1, "-60 starts the next window")
    }

    static func rateLimitCountsConcurrentHits(_ subject: Subject) async throws {
        let store = subject.store
        let hits = 24
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<hits {
                group.addTask { try await store.hit(key: "busy", window: 60, now: t0 + 5) }
            }
            var counts: [Int] = []
            for try await count in group { counts.append(count) }
            return counts
        }
        try check(counts.sorted() == Array(1...hits), "concurrent hits each get their own count, got \(counts.sorted())")
        try check(try await store.hit(key: "busy", window: 60, now: t0 + 6) == hits + 1, "no hit was lost")
    }

    static func rateLimitCleanup(_ subject: Subject) async throws {
        let store = subject.store
        for key in ["a", "b", "c"] {
            _ = try await store.hit(key: key, window: 60, now: t0)
        }
        _ = try await store.hit(key: "a", window: 3_600, now: t0)
        _ = try await store.hit(key: "d", window: 60, now: t0 + 120)
        try check(try await store.deleteExpiredRateLimits(now: t0 + 59) == 0, "a window still running is kept")
        try check(try await store.deleteExpiredRateLimits(now: t0 + 60) == 3, "windows that ended are dropped")
        try check(try await store.hit(key: "a", window: 3_600, now: t0 + 61) == 2, "longer windows survive the sweep")
        try check(try await store.hit(key: "d", window: 60, now: t0 + 121) == 2, "current windows survive the sweep")
        _ = try await store.hit(key: "e", window: 60, now: t0 + 120)
        try check(try await store.deleteExpiredRateLimits(now: t0 + 3_600) == 3, "the sweep drops every ended window")
        try await checkRowCounts(subject, rateLimits: 0, "after the sweep")
        _ = try await store.hit(key: "f", window: 60, now: t0)
        _ = try await store.hit(key: "f", window: 60, now: t0 + 600)
        try await checkRowCounts(subject, rateLimits: 1, "a hit drops its key's ended windows")
    }

    // MARK: Checks

    static func checkRowCounts(
        _ subject: Subject, files: Int? = nil, attachments: Int? = nil, rateLimits: Int? = nil, _ when: String,
        line: Int = #line
    ) async throws {
        guard let rowCounts = subject.rowCounts else { return }
        let counts = try await rowCounts()
        let expected: [(String, Int?)] = [
            ("private_file", files), ("private_file_attachment", attachments), ("rate_limit", rateLimits),
        ]
        for case let (table, count?) in expected {
            try check(counts[table] == count, "\(table) holds \(count) rows \(when), got \(counts[table] ?? -1)", line: line)
        }
    }

    static func check(_ condition: Bool, _ expectation: @autoclosure () -> String, line: Int = #line) throws {
        guard condition else { throw ContractFailure(expectation: expectation(), line: line) }
    }

    static func unwrap<T>(_ value: T?, _ expectation: @autoclosure () -> String, line: Int = #line) throws -> T {
        guard let value else { throw ContractFailure(expectation: expectation(), line: line) }
        return value
    }

    @discardableResult
    static func expectError<T>(
        _ code: StorageError.Code, _ expectation: String, line: Int = #line, _ body: () async throws -> T
    ) async throws -> StorageError {
        do {
            _ = try await body()
        } catch let error as StorageError {
            try check(error.code == code, "\(expectation): expected .\(code.rawValue), got \(error)", line: line)
            return error
        }
        throw ContractFailure(expectation: "\(expectation): expected .\(code.rawValue), but it succeeded", line: line)
    }
}

/// A store broke one expectation of a contract.
public struct ContractFailure: Error, Sendable, CustomStringConvertible {
    /// What was expected, in words.
    public let expectation: String
    /// The contract file that checked it.
    public let file: String
    /// The line of the contract file that checked it.
    public let line: Int

    /// A failure of `expectation`, checked at `line` of `file`.
    public init(expectation: String, file: String = "PrivateFileStoreContract.swift", line: Int) {
        self.expectation = expectation
        self.file = file
        self.line = line
    }

    /// The expectation and where it was checked.
    public var description: String { "contract broken: \(expectation) (\(file):\(line))" }
}
