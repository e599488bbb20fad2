public import GuichetCore
public import GuichetEncryption
public import GuichetStorage
public import Logging
public import CoreMetrics

/// One capture (screenshot, scan) uploaded into a private file: where its sealed bytes are and what they are.
public struct StoredCapture: Sendable, Equatable {
    /// The attachment slot of the sealed bytes.
    public let slot: Int
    /// The name the answers use for it, e.g. `piece-3.png`; never the name of the uploaded file.
    public let reference: String
    /// What the bytes are (sniffed, not trusted from the upload).
    public let format: CaptureFormat
    /// The size of the plaintext.
    public let byteCount: Int

    public init(slot: Int, reference: String, format: CaptureFormat, byteCount: Int) {
        self.slot = slot
        self.reference = reference
        self.format = format
        self.byteCount = byteCount
    }
}

/// A private file opened with its access code: the interview it follows, where the person is in it, and the
/// captures it holds. Only exists in memory for the time of one request.
public struct OpenedCaseFile: Sendable {
    /// The interview (`content/parcours/<slug>.yml`) this file follows.
    public let interview: String
    /// The answers and the position in the interview.
    public var state: InterviewState
    /// The captures, by slot.
    public var captures: [StoredCapture]
    /// The stored version this was read at (optimistic concurrency).
    public let version: Int
    /// When the file was created, in Unix seconds.
    public let createdAt: Int64
    /// The keys derived from the code; never logged (their description is redacted).
    let keys: CaseFileKeys

    /// The lookup ID, for logs: it reveals nothing and cannot be used instead of the code.
    public var id: PrivateFile.ID { PrivateCaseFiles.storeID(keys) }

    /// The capture an answer refers to.
    public func capture(named reference: String) -> StoredCapture? { captures.first { $0.reference == reference } }
}

/// Why a private file could not be used. None of the cases says whether a file exists: an unknown code, a
/// deleted file and a file sealed under another key all give `.notFound`.
public enum PrivateCaseFileError: Error, Sendable, Equatable {
    /// No file opens with this code.
    case notFound
    /// Another request changed the file first, several times in a row.
    case busy
    /// A capture is not a PNG, JPEG or PDF, or is empty.
    case captureNotRecognised
    /// A capture is larger than ``PrivateCaseFiles/maximumCaptureSize``.
    case captureTooLarge
    /// An image capture declares dimensions no phone screenshot has (or hides a decompression bomb).
    case captureDimensions
    /// The file holds as many captures as allowed.
    case tooManyCaptures
    /// The storage backend failed.
    case storage(StorageError.Code)
}

/// The private case files of the self-help paths: created with a random access code shown once, sealed at rest
/// with a key derived from that code, erased on request or after 90 days without use.
///
/// The store only ever sees the lookup ID and sealed bytes. Every write re-seals the whole state with a fresh
/// nonce. Logs carry the lookup ID and the interview, never an answer, a name or the code.
public struct PrivateCaseFiles: Sendable {
    /// Files untouched for this many days are erased by ``purge(now:)``.
    public static let retentionDays: Int64 = 90
    /// The largest capture accepted, in bytes (the journal's limit).
    public static let maximumCaptureSize = Journal.maximumCaptureSize
    /// At most this many captures per file.
    public static let maximumCaptureCount = 120
    /// The version of the sealed JSON written by this code.
    static let formatVersion = 1

    let store: any PrivateFileStore
    let pepper: ServerPepper?
    let logger: Logger
    let events: Events

    /// Files kept in `store`, sealed under keys derived from each code and, when given, the server pepper.
    ///
    /// `metrics` counts the files' life events (`guichet_private_file_events_total`); nothing by default.
    public init(
        store: any PrivateFileStore, pepper: ServerPepper? = nil, logger: Logger,
        metrics: any MetricsFactory = NOOPMetricsHandler.instance
    ) {
        self.store = store
        self.pepper = pepper
        self.logger = logger
        self.events = Events(factory: metrics)
    }

    /// One counter per event, labelled `event`: counts only, never which file.
    struct Events: Sendable {
        let created: Counter
        let opened: Counter
        let notFound: Counter
        let deleted: Counter
        let purged: Counter

        init(factory: any MetricsFactory) {
            func counter(_ event: String) -> Counter {
                Counter(label: "guichet_private_file_events_total", dimensions: [("event", event)], factory: factory)
            }
            created = counter("created")
            opened = counter("opened")
            notFound = counter("not_found")
            deleted = counter("deleted")
            purged = counter("purged")
        }
    }

    static func storeID(_ keys: CaseFileKeys) -> PrivateFile.ID {
        // Both are 32 bytes written as 64 lowercase hexadecimal digits.
        guard let id = PrivateFile.ID(hex: keys.lookupID.hex) else {
            preconditionFailure("a lookup ID is 64 hexadecimal digits")
        }
        return id
    }

    // MARK: Life cycle

    /// Creates an empty file for `interview` under a new random code. The code is returned once: it is stored
    /// nowhere.
    public func create(interview: String, now: Int64) async throws(PrivateCaseFileError) -> (AccessCode, OpenedCaseFile) {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<3 {
            let code = AccessCode.generate(using: &random)
            let keys = CaseFileKeys(code: code, pepper: pepper)
            let file = OpenedCaseFile(
                interview: interview, state: InterviewState(), captures: [], version: 1, createdAt: now, keys: keys)
            let sealed = try seal(file)
            do {
                _ = try await store.create(Self.storeID(keys), keyID: keys.sealer.keyID, sealedAnswers: sealed, now: now)
                logger.info("private file created", metadata: ["file.id": "\(file.id)", "interview": "\(interview)"])
                events.created.increment()
                return (code, file)
            } catch where error.code == .conflict {
                continue  // 2⁻¹³⁰: a new code is the answer, not an error page.
            } catch {
                throw .storage(error.code)
            }
        }
        throw .busy
    }

    /// The file this code opens, touched so that the 90-day clock restarts; `.notFound` otherwise.
    public func open(_ code: AccessCode, now: Int64) async throws(PrivateCaseFileError) -> OpenedCaseFile {
        let keys = CaseFileKeys(code: code, pepper: pepper)
        let id = Self.storeID(keys)
        let stored: PrivateFile?
        do {
            stored = try await store.file(id)
        } catch {
            throw .storage(error.code)
        }
        guard let stored, let opened = Self.decode(stored, keys: keys) else {
            if stored != nil { logger.warning("private file does not open", metadata: ["file.id": "\(id)"]) }
            events.notFound.increment()
            throw .notFound
        }
        // A use less than an hour after the last write needs no extra write.
        if now - stored.updatedAt >= 3600 {
            do { try await store.touch(id, now: now) } catch where error.code == .notFound {
                events.notFound.increment()
                throw .notFound
            } catch {
                throw .storage(error.code)
            }
        }
        events.opened.increment()
        return opened
    }

    /// Applies `change` to the file's state and saves it. When another request saved first, reads the file
    /// again and applies `change` to that (three times at most). Returns the saved file.
    public func update(
        _ file: OpenedCaseFile, now: Int64, _ change: (inout OpenedCaseFile) -> Void
    ) async throws(PrivateCaseFileError) -> OpenedCaseFile {
        var current = file
        for _ in 0..<3 {
            var next = current
            change(&next)
            let sealed = try seal(next)
            do {
                let saved = try await store.update(
                    current.id, expectedVersion: current.version, keyID: current.keys.sealer.keyID, sealedAnswers: sealed,
                    now: now)
                let result = OpenedCaseFile(
                    interview: next.interview, state: next.state, captures: next.captures, version: saved.version,
                    createdAt: next.createdAt, keys: next.keys)
                try await collectUnusedCaptures(result, now: now)
                return result
            } catch where error.code == .conflict {
                guard let reread = try await reread(current) else { throw .notFound }
                current = reread
            } catch where error.code == .notFound {
                throw .notFound
            } catch {
                throw .storage(error.code)
            }
        }
        throw .busy
    }

    /// Erases the file and all its captures at once.
    public func delete(_ file: OpenedCaseFile) async throws(PrivateCaseFileError) {
        do {
            try await store.delete(file.id)
            logger.info("private file deleted on request", metadata: ["file.id": "\(file.id)"])
            events.deleted.increment()
        } catch {
            throw .storage(error.code)
        }
    }

    /// Erases every file untouched for ``retentionDays`` days; returns how many.
    @discardableResult
    public func purge(now: Int64) async throws(PrivateCaseFileError) -> Int {
        do {
            let count = try await store.deleteUntouched(before: now - Self.retentionDays * 86_400)
            logger.info("private files purged", metadata: ["files.erased": "\(count)"])
            events.purged.increment(by: count)
            return count
        } catch {
            throw .storage(error.code)
        }
    }

    // MARK: Captures

    /// Checks and seals `bytes` into a new slot of the file, and returns the capture. The answers do not refer
    /// to it yet: save them with ``update(_:now:_:)`` (an unreferenced capture is erased by the next save).
    public func addCapture(_ bytes: [UInt8], to file: OpenedCaseFile, now: Int64) async throws(PrivateCaseFileError)
        -> StoredCapture
    {
        guard bytes.count <= Self.maximumCaptureSize else { throw .captureTooLarge }
        guard let format = CaptureFormat.sniff(bytes) else { throw .captureNotRecognised }
        if let problem = ImageDimensions.problem(bytes, format: format) {
            logger.notice("capture refused", metadata: ["file.id": "\(file.id)", "reason": "\(problem)"])
            throw .captureDimensions
        }
        let existing: [SealedAttachmentInfo]
        do { existing = try await store.attachments(of: file.id) } catch { throw .storage(error.code) }
        guard existing.count < Self.maximumCaptureCount else { throw .tooManyCaptures }
        let slot = max(existing.map(\.slot).max() ?? -1, file.captures.map(\.slot).max() ?? -1) + 1
        var random = SystemRandomNumberGenerator()
        let sealed: [UInt8]
        do { sealed = try file.keys.sealer.seal(bytes, for: .capture(slot), using: &random) } catch {
            throw .storage(.corrupted)
        }
        do {
            try await store.putAttachment(
                sealed, slot: slot, of: file.id, limit: Self.maximumCaptureSize + CaseFileSealer.overheadByteCount, now: now)
        } catch where error.code == .notFound {
            throw .notFound
        } catch {
            throw .storage(error.code)
        }
        let extensionName = format == .jpeg ? "jpg" : format.rawValue
        return StoredCapture(slot: slot, reference: "piece-\(slot + 1).\(extensionName)", format: format, byteCount: bytes.count)
    }

    /// The plaintext of a capture of the file, or `nil` when it is gone or does not open.
    public func captureBytes(_ capture: StoredCapture, of file: OpenedCaseFile) async throws(PrivateCaseFileError) -> [UInt8]? {
        let attachment: SealedAttachment?
        do { attachment = try await store.attachment(slot: capture.slot, of: file.id) } catch { throw .storage(error.code) }
        guard let attachment else { return nil }
        return try? file.keys.sealer.open(attachment.sealed, for: .capture(capture.slot))
    }

    /// Every capture the answers refer to, opened: the `files` function the documents and the journal need.
    public func openedCaptures(of file: OpenedCaseFile) async throws(PrivateCaseFileError) -> [String: [UInt8]] {
        var opened: [String: [UInt8]] = [:]
        let referenced = file.state.answers.fileReferences
        for capture in file.captures where referenced.contains(capture.reference) {
            if let bytes = try await captureBytes(capture, of: file) { opened[capture.reference] = bytes }
        }
        return opened
    }

    /// Erases the captures no answer refers to any more (a replaced screenshot, a removed attempt).
    func collectUnusedCaptures(_ file: OpenedCaseFile, now: Int64) async throws(StorageError) {
        let referenced = file.state.answers.fileReferences
        let known = Dictionary(file.captures.map { ($0.slot, $0.reference) }, uniquingKeysWith: { first, _ in first })
        for info in try await store.attachments(of: file.id) {
            if let reference = known[info.slot] {
                guard !referenced.contains(reference) else { continue }
            } else if now - info.updatedAt < 3600 {
                // A slot this state does not know may be an upload in flight from another request; after an hour it
                // is a leftover (a save that never came) and goes too.
                continue
            }
            try? await store.deleteAttachment(slot: info.slot, of: file.id, now: now)
        }
    }

    // MARK: Sealing

    private func reread(_ file: OpenedCaseFile) async throws(PrivateCaseFileError) -> OpenedCaseFile? {
        let stored: PrivateFile?
        do { stored = try await store.file(file.id) } catch { throw .storage(error.code) }
        return stored.flatMap { Self.decode($0, keys: file.keys) }
    }

    private func seal(_ file: OpenedCaseFile) throws(PrivateCaseFileError) -> [UInt8] {
        var random = SystemRandomNumberGenerator()
        do {
            return try file.keys.sealer.seal(Array(JSONWriter.compact(Self.json(file)).utf8), for: .answers, using: &random)
        } catch {
            throw .storage(.corrupted)
        }
    }

    static func json(_ file: OpenedCaseFile) -> JSONValue {
        .object([
            JSONMember("format", .number(String(formatVersion))),
            JSONMember("parcours", .string(file.interview)),
            JSONMember("cree", .number(String(file.createdAt))),
            JSONMember("etat", file.state.json),
            JSONMember(
                "pieces",
                .array(
                    file.captures.map {
                        .object([
                            JSONMember("emplacement", .number(String($0.slot))), JSONMember("nom", .string($0.reference)),
                            JSONMember("format", .string($0.format.rawValue)),
                            JSONMember("octets", .number(String($0.byteCount))),
                        ])
                    })),
        ])
    }

    static func decode(_ stored: PrivateFile, keys: CaseFileKeys) -> OpenedCaseFile? {
        guard let plain = try? keys.sealer.open(stored.sealedAnswers, for: .answers),
            let json = try? JSONParser.parse(plain), case .object(let members) = json
        else { return nil }
        var interview: String?
        var state: InterviewState?
        var captures: [StoredCapture] = []
        var createdAt = stored.createdAt
        for member in members {
            switch (member.key, member.value) {
            case ("format", .number(let text)): guard Int(text) == formatVersion else { return nil }
            case ("parcours", .string(let text)): interview = text
            case ("cree", .number(let text)): createdAt = Int64(text) ?? createdAt
            case ("etat", let value): state = InterviewState(json: value)
            case ("pieces", .array(let items)):
                for item in items {
                    guard case .object(let fields) = item else { return nil }
                    var slot: Int?
                    var reference: String?
                    var format: CaptureFormat?
                    var size: Int?
                    for field in fields {
                        switch (field.key, field.value) {
                        case ("emplacement", .number(let text)): slot = Int(text)
                        case ("nom", .string(let text)): reference = text
                        case ("format", .string(let text)): format = CaptureFormat(rawValue: text)
                        case ("octets", .number(let text)): size = Int(text)
                        default: return nil
                        }
                    }
                    guard let slot, let reference, let format, let size else { return nil }
                    captures.append(StoredCapture(slot: slot, reference: reference, format: format, byteCount: size))
                }
            default: return nil
            }
        }
        guard let interview, let state else { return nil }
        return OpenedCaseFile(
            interview: interview, state: state, captures: captures, version: stored.version, createdAt: createdAt,
            keys: keys)
    }
}
