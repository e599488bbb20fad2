/// The attempt journal: attempts are appended, never edited, and each entry is chained to the one
/// before it with SHA-256, so that a later change to an entry, to a capture or to the order shows.
///
/// The chain (docs/case-file.md gives it step by step):
///
/// ```
/// captureHash(n) = hex(SHA-256(capture file bytes))                  (absent without a capture)
/// hash(n)        = hex(SHA-256("guichet-journal-v1\n" + hash(n−1) + "\n" + (captureHash(n) or "") + "\n"
///                              + canonicalEntry(n)))
/// hash(−1)       = 64 × "0"
/// ```
///
/// where `canonicalEntry` is the entry's recorded fields (`at`, `channel`, `outcome`, `note`, `capture`)
/// as compact JSON with sorted keys (``Attempt/canonicalEntry``). Both hashes are stored in the attempt
/// (`"captureHash"`, `"hash"`). The chain shows changes made after the fact to someone who kept the last
/// hash (the requête prints it); it cannot stop someone who rewrites the whole journal.
///
/// Core has no cryptography: the caller passes SHA-256 (``HashFunction``).
public enum Journal {
    /// Largest capture accepted: 10 MB (10 × 1 048 576 bytes).
    public static let maximumCaptureSize = 10 * 1_048_576
    /// The hash before the first entry.
    public static let genesisHash = String(repeating: "0", count: 64)
    /// First line of every hashed input (changes if the chain definition ever changes).
    public static let domainTag = "guichet-journal-v1"

    /// The journal hash of `attempt` after `previous`, using the attempt's stored `captureHash`.
    public static func entryHash(of attempt: Attempt, previous: String, hash: HashFunction) -> String {
        let header = domainTag + "\n" + previous + "\n" + (attempt.captureHash ?? "") + "\n"
        return hash(Array(header.utf8) + attempt.canonicalEntry).lowercaseHex
    }

    /// The hash of the last entry, when the journal is sealed.
    public static func head(of caseFile: CaseFile) -> String? { caseFile.attempts.last?.hash }

    /// Adds one attempt at the end of the journal, sealed: its capture is checked (PNG, JPEG or PDF by
    /// content, at most 10 MB) and hashed, then the entry is chained to the last one.
    ///
    /// `capture` is the content of `attempt.capture` (both or neither). Any `hash`/`captureHash` already
    /// in `attempt` is ignored. Throws when an earlier entry is not sealed, or the attempt is invalid.
    public static func append(
        _ attempt: Attempt, capture: [UInt8]?, to caseFile: CaseFile, hash: HashFunction
    ) throws(JournalError) -> CaseFile {
        if let unsealed = caseFile.attempts.firstIndex(where: { $0.hash == nil }) {
            throw .unsealedEntry(index: unsealed)
        }
        var result = caseFile
        result.attempts.append(try sealed(attempt, capture: capture, previous: head(of: caseFile), hash: hash))
        return result
    }

    /// Seals the unsealed entries at the end of the journal (a file written by hand or imported), in order,
    /// reading their captures through `captures`. Sealed entries are never recomputed: an unsealed entry
    /// followed by a sealed one is an error, as it would mean rewriting the chain.
    public static func seal(
        _ caseFile: CaseFile, captures: (String) -> [UInt8]?, hash: HashFunction
    ) throws(JournalError) -> CaseFile {
        guard let first = caseFile.attempts.firstIndex(where: { $0.hash == nil }) else { return caseFile }
        if let sealedLater = caseFile.attempts[first...].firstIndex(where: { $0.hash != nil }) {
            throw .sealedAfterUnsealed(index: sealedLater)
        }
        var result = caseFile
        result.attempts.removeSubrange(first...)
        for attempt in caseFile.attempts[first...] {
            let bytes = attempt.capture.flatMap(captures)
            if let path = attempt.capture, bytes == nil { throw .capture(.missing(path: path)) }
            result.attempts.append(try sealed(attempt, capture: bytes, previous: head(of: result), hash: hash))
        }
        return result
    }

    /// Checks the whole chain and every capture; returns the first entry that breaks it, or the head.
    public static func verify(
        _ caseFile: CaseFile, captures: (String) -> [UInt8]?, hash: HashFunction
    ) -> JournalVerification {
        var previous = genesisHash
        for (index, attempt) in caseFile.attempts.enumerated() {
            guard let stored = attempt.hash else { return .broken(JournalBreak(index: index, reason: .hashMissing)) }
            let consistent = (attempt.capture == nil) == (attempt.captureHash == nil)
            if !consistent || entryHash(of: attempt, previous: previous, hash: hash) != stored {
                let others =
                    [genesisHash]
                    + caseFile.attempts.enumerated().compactMap { $0.offset == index ? nil : $0.element.hash }
                let fitsElsewhere =
                    consistent
                    && others.contains { candidate in
                        candidate != previous && entryHash(of: attempt, previous: candidate, hash: hash) == stored
                    }
                return .broken(JournalBreak(index: index, reason: fitsElsewhere ? .chainOrder : .entryChanged))
            }
            if let path = attempt.capture {
                guard let bytes = captures(path) else {
                    return .broken(JournalBreak(index: index, reason: .captureMissing))
                }
                if hash(bytes).lowercaseHex != attempt.captureHash {
                    return .broken(JournalBreak(index: index, reason: .captureChanged))
                }
            }
            previous = stored
        }
        return .intact(entries: caseFile.attempts.count, head: caseFile.attempts.isEmpty ? nil : previous)
    }

    private static func sealed(
        _ attempt: Attempt, capture: [UInt8]?, previous: String?, hash: HashFunction
    ) throws(JournalError) -> Attempt {
        var entry = attempt
        entry.hash = nil
        entry.captureHash = nil
        let issues = entry.validationIssues(at: JSONPath.root.key("attempt"))
        if !issues.isEmpty { throw .invalidAttempt(issues) }
        switch (entry.capture, capture) {
        case (nil, nil):
            break
        case (nil, .some):
            throw .captureWithoutPath
        case (let path?, let bytes):
            switch CaptureProblem.check(bytes, path: path) {
            case .failure(let problem): throw .capture(problem)
            case .success((_, let content)): entry.captureHash = hash(content).lowercaseHex
            }
        }
        entry.hash = entryHash(of: entry, previous: previous ?? genesisHash, hash: hash)
        return entry
    }
}

/// Why an attempt could not be added to the journal.
public enum JournalError: Error, Sendable, Equatable {
    /// An earlier entry has no hash: seal the journal first (``Journal/seal(_:captures:hash:)``).
    case unsealedEntry(index: Int)
    /// A sealed entry follows an unsealed one: sealing would rewrite the chain.
    case sealedAfterUnsealed(index: Int)
    /// Capture bytes were given but the attempt names no capture file.
    case captureWithoutPath
    /// The capture is missing, too large or not PNG/JPEG/PDF.
    case capture(CaptureProblem)
    /// The attempt's texts break the case-file rules.
    case invalidAttempt([CaseFileIssue])

    /// The message shown to users, in French.
    public var frenchMessage: String {
        switch self {
        case .unsealedEntry(let index):
            return "attempts[\(index)]: entrée non scellée ; scellez le journal avant d'y ajouter une tentative"
        case .sealedAfterUnsealed(let index):
            return "attempts[\(index)]: entrée scellée après une entrée non scellée ; le journal ne peut pas être "
                + "scellé sans être réécrit"
        case .captureWithoutPath:
            return "capture: fichier fourni sans chemin « capture » dans la tentative"
        case .capture(let problem):
            return problem.issue(at: JSONPath.root.key("capture")).frenchMessage
        case .invalidAttempt(let issues):
            return issues.map(\.frenchMessage).joined(separator: "\n")
        }
    }
}

/// The result of ``Journal/verify(_:captures:hash:)``.
public enum JournalVerification: Sendable, Equatable, Encodable {
    /// Every entry and capture matches; `head` is the last hash (`nil` for an empty journal).
    case intact(entries: Int, head: String?)
    /// The first entry that breaks the chain.
    case broken(JournalBreak)

    /// Whether the chain holds.
    public var isIntact: Bool {
        if case .intact = self { return true }
        return false
    }

    /// « Journal intact : 8 entrées… » or « Journal rompu à l'entrée n° 4 (attempts[3]) : … ».
    public var frenchMessage: String {
        switch self {
        case .intact(let entries, let head):
            guard let head else { return "Journal vide : aucune tentative enregistrée." }
            return "Journal intact : \(entries) entrée\(entries > 1 ? "s" : ""), dernière empreinte \(head)."
        case .broken(let failure):
            return
                "Journal rompu à l'entrée n° \(failure.index + 1) (\(failure.path)) : \(failure.reason.frenchMessage)."
        }
    }

    private enum CodingKeys: String, CodingKey { case status, entries, head, index, path, reason, message }

    /// `{"status": "intact", "entries", "head"?, "message"}` or
    /// `{"status": "broken", "index", "path", "reason", "message"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .intact(let entries, let head):
            try container.encode("intact", forKey: .status)
            try container.encode(entries, forKey: .entries)
            try container.encodeIfPresent(head, forKey: .head)
        case .broken(let failure):
            try container.encode("broken", forKey: .status)
            try container.encode(failure.index, forKey: .index)
            try container.encode(failure.path.description, forKey: .path)
            try container.encode(failure.reason.rawValue, forKey: .reason)
        }
        try container.encode(frenchMessage, forKey: .message)
    }
}

/// Where and why the journal chain breaks.
public struct JournalBreak: Sendable, Equatable {
    /// The 0-based index of the first entry that does not verify.
    public let index: Int
    /// Why it does not.
    public let reason: Reason

    /// Creates a break record.
    public init(index: Int, reason: Reason) {
        self.index = index
        self.reason = reason
    }

    /// `attempts[index]`.
    public var path: JSONPath { JSONPath.root.key("attempts").index(index) }

    /// Why an entry does not verify.
    public enum Reason: String, Sendable, Equatable, CaseIterable {
        /// The entry has no `hash`: it was never sealed.
        case hashMissing = "hash-missing"
        /// The entry's fields (or its recorded capture hash) changed, or an entry before it was removed.
        case entryChanged = "entry-changed"
        /// The entry verifies, but the capture file's content changed.
        case captureChanged = "capture-changed"
        /// The capture file cannot be found.
        case captureMissing = "capture-missing"
        /// The entry is intact but follows another entry than the one it was chained to (moved or
        /// inserted entries).
        case chainOrder = "chain-order"

        /// The reason in French.
        public var frenchMessage: String {
            switch self {
            case .hashMissing: return "l'entrée n'est pas scellée (empreinte « hash » absente)"
            case .entryChanged:
                return "l'entrée a été modifiée après son enregistrement, ou une entrée précédente a été supprimée"
            case .captureChanged: return "la capture d'écran a été modifiée ou remplacée après son enregistrement"
            case .captureMissing: return "la capture d'écran est introuvable"
            case .chainOrder: return "l'ordre du journal a changé (entrées déplacées ou insérées)"
            }
        }
    }
}
