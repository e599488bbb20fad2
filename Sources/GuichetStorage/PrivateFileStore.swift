/// A private case file as stored: its sealed answers and the little metadata kept in clear.
///
/// The store never sees an access code, a key or plaintext. It keeps opaque sealed bytes under an opaque
/// lookup ID. Instants are Unix seconds that the caller supplies: a store never reads a clock.
public struct PrivateFile: Sendable, Equatable {
    /// The lookup ID of a private file: 64 lowercase hexadecimal digits (32 bytes), derived from the
    /// access code by the encryption layer. The store treats it as an opaque key.
    public struct ID: Hashable, Sendable, Comparable, CustomStringConvertible {
        /// The number of hexadecimal digits of every ID.
        public static let digitCount = 64

        /// 64 lowercase hexadecimal digits.
        public let hex: String

        /// Reads 64 hexadecimal digits (either case, stored lowercase); `nil` for anything else.
        public init?(hex: String) {
            let digits = Array(hex.utf8)
            guard digits.count == Self.digitCount else { return nil }
            var lowered: [UInt8] = []
            lowered.reserveCapacity(digits.count)
            for digit in digits {
                switch digit {
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"): lowered.append(digit)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): lowered.append(digit + 32)
                default: return nil
                }
            }
            self.hex = String(decoding: lowered, as: UTF8.self)
        }

        /// The hexadecimal form (a lookup ID is not a secret; it may appear in logs).
        public var description: String { hex }

        /// Orders IDs by their hexadecimal form.
        public static func < (lhs: ID, rhs: ID) -> Bool { lhs.hex < rhs.hex }
    }

    /// The file's lookup ID.
    public let id: ID
    /// Which server pepper sealed the blobs (0: none), as written in the sealed envelope.
    public let keyID: UInt8
    /// The sealed answers, exactly as given by the caller.
    public let sealedAnswers: [UInt8]
    /// When the file was created, in Unix seconds.
    public let createdAt: Int64
    /// When the file was last written or touched, in Unix seconds; the 90-day purge reads this.
    public let updatedAt: Int64
    /// Starts at 1 and grows by one with each update of the answers (optimistic concurrency).
    public let version: Int

    /// A file as read back from a store.
    public init(id: ID, keyID: UInt8, sealedAnswers: [UInt8], createdAt: Int64, updatedAt: Int64, version: Int) {
        self.id = id
        self.keyID = keyID
        self.sealedAnswers = sealedAnswers
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
    }
}

/// A sealed attachment (a capture) of a private file, in one numbered slot.
public struct SealedAttachment: Sendable, Equatable {
    /// The slot number, 0 or more.
    public let slot: Int
    /// The sealed bytes, exactly as given by the caller.
    public let sealed: [UInt8]
    /// When the slot was last written, in Unix seconds.
    public let updatedAt: Int64

    /// An attachment as read back from a store.
    public init(slot: Int, sealed: [UInt8], updatedAt: Int64) {
        self.slot = slot
        self.sealed = sealed
        self.updatedAt = updatedAt
    }

    /// The summary of this attachment.
    public var info: SealedAttachmentInfo { SealedAttachmentInfo(slot: slot, byteCount: sealed.count, updatedAt: updatedAt) }
}

/// What a store says about an attachment without reading its bytes.
public struct SealedAttachmentInfo: Sendable, Equatable {
    /// The slot number, 0 or more.
    public let slot: Int
    /// The size of the sealed bytes.
    public let byteCount: Int
    /// When the slot was last written, in Unix seconds.
    public let updatedAt: Int64

    /// A summary as read back from a store.
    public init(slot: Int, byteCount: Int, updatedAt: Int64) {
        self.slot = slot
        self.byteCount = byteCount
        self.updatedAt = updatedAt
    }
}

/// Why a store refused an attachment: it is larger than the limit the caller set.
///
/// Thrown as the `underlying` error of a `StorageError` with code `.conflict`; read it back with
/// `StorageError.attachmentTooLarge`.
public struct AttachmentTooLarge: Error, Sendable, Equatable, CustomStringConvertible {
    /// The size of the refused sealed bytes.
    public let byteCount: Int
    /// The limit given by the caller.
    public let limit: Int

    /// The sizes of a refused attachment.
    public init(byteCount: Int, limit: Int) {
        self.byteCount = byteCount
        self.limit = limit
    }

    /// The two sizes, for logs.
    public var description: String { "AttachmentTooLarge(byteCount: \(byteCount), limit: \(limit))" }
}

extension StorageError {
    /// The sizes of a refused attachment, when this error is that refusal; `nil` otherwise.
    public var attachmentTooLarge: AttachmentTooLarge? { underlying as? AttachmentTooLarge }
}

/// Keeps private case files: sealed answers, sealed attachments in numbered slots, and the dates the
/// 90-day purge needs. Every write takes the current instant from the caller.
///
/// Errors are `StorageError`: `.notFound` when the file (or slot) does not exist, `.conflict` for a duplicate
/// ID, a stale version or an attachment over the limit, `.unavailable` and `.corrupted` from the backend.
public protocol PrivateFileStore: Sendable {
    /// Creates a file at version 1, created and updated `now`; `.conflict` if the ID is already taken.
    func create(_ id: PrivateFile.ID, keyID: UInt8, sealedAnswers: [UInt8], now: Int64) async throws(StorageError)
        -> PrivateFile
    /// The file, or `nil` when there is none with this ID.
    func file(_ id: PrivateFile.ID) async throws(StorageError) -> PrivateFile?
    /// Replaces the answers if the stored version is still `expectedVersion`, and returns the file at the next
    /// version. `.notFound` if the file is gone; `.conflict` if another write came first (read it again).
    func update(
        _ id: PrivateFile.ID, expectedVersion: Int, keyID: UInt8, sealedAnswers: [UInt8], now: Int64
    ) async throws(StorageError) -> PrivateFile
    /// Records a use of the file without changing it (its `updatedAt` moves to `now`, never backwards).
    /// `.notFound` if the file is gone.
    func touch(_ id: PrivateFile.ID, now: Int64) async throws(StorageError)
    /// Stores `sealed` in `slot` of the file, replacing what was there, and touches the file.
    /// `.notFound` if the file is gone; `.conflict` with `AttachmentTooLarge` if `sealed` is over `limit` bytes.
    /// The answers' version does not change. `slot` must be 0 or more.
    @discardableResult
    func putAttachment(_ sealed: [UInt8], slot: Int, of id: PrivateFile.ID, limit: Int, now: Int64)
        async throws(StorageError) -> SealedAttachmentInfo
    /// The attachment in `slot`, or `nil` when the slot is empty or the file does not exist.
    func attachment(slot: Int, of id: PrivateFile.ID) async throws(StorageError) -> SealedAttachment?
    /// The attachments of the file, by slot, without their bytes (empty when the file does not exist).
    func attachments(of id: PrivateFile.ID) async throws(StorageError) -> [SealedAttachmentInfo]
    /// Empties `slot` and touches the file. `.notFound` if the file is gone or the slot was already empty.
    func deleteAttachment(slot: Int, of id: PrivateFile.ID, now: Int64) async throws(StorageError)
    /// Erases the file, its answers and all its attachments in one transaction. Returns whether it existed.
    @discardableResult
    func delete(_ id: PrivateFile.ID) async throws(StorageError) -> Bool
    /// Erases every file whose `updatedAt` is before `cutoff` (Unix seconds), with its attachments, in one
    /// transaction, and returns how many files were erased.
    @discardableResult
    func deleteUntouched(before cutoff: Int64) async throws(StorageError) -> Int
}

/// Counts requests per key in fixed time windows, in the shared database, so that every web node sees the
/// same counts.
///
/// Keys are opaque strings chosen by the caller (a hash of a client address and a purpose, never the address
/// itself). A window of `w` seconds covers `[k·w, (k+1)·w)` in Unix seconds.
public protocol RateLimitCounter: Sendable {
    /// Counts one hit for `key` in the window of `window` seconds holding `now`, and returns the number of
    /// hits in that window so far, this one included. Expired windows of the same key are dropped.
    /// `window` must be positive and `key` non-empty.
    func hit(key: String, window: Int64, now: Int64) async throws(StorageError) -> Int
    /// Drops every window that ended at or before `now`, for all keys; returns how many were dropped.
    @discardableResult
    func deleteExpiredRateLimits(now: Int64) async throws(StorageError) -> Int
}
