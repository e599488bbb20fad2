import Testing

@testable import GuichetCore

@Suite("Test SHA-256 (FIPS 180-4 vectors)")
struct TestSHA256Tests {
    @Test(
        "matches the FIPS 180-4 examples",
        arguments: [
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
        ])
    func vectors(message: String, digest: String) {
        #expect(TestSHA256.hex(Array(message.utf8)) == digest)
    }

    @Test("matches the one-million-'a' vector (several blocks)")
    func million() {
        #expect(
            TestSHA256.hex(Array(repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}

@Suite("Capture formats")
struct CaptureFormatTests {
    @Test(
        "recognises PNG, JPEG and PDF by their first bytes, never by name",
        arguments: [
            ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00], CaptureFormat.png),
            ([0xFF, 0xD8, 0xFF, 0xE0], .jpeg), (Array("%PDF-1.7\n".utf8), .pdf),
        ] as [([UInt8], CaptureFormat)])
    func known(bytes: [UInt8], format: CaptureFormat) {
        #expect(CaptureFormat.sniff(bytes) == format)
    }

    @Test(
        "refuses anything else",
        arguments: [[], [0x89, 0x50, 0x4E, 0x47], Array("GIF89a".utf8), Array(" %PDF-1.7".utf8), Array("<html>".utf8)]
            as [[UInt8]])
    func unknown(bytes: [UInt8]) {
        #expect(CaptureFormat.sniff(bytes) == nil)
    }
}

/// A way to break a sealed journal, and what verification must say.
struct Tampering: CustomTestStringConvertible, Sendable {
    let why: String
    let change: @Sendable (inout CaseFile, inout [String: [UInt8]]) -> Void
    let expected: JournalVerification

    var testDescription: String { why }
}

@Suite("Attempt journal")
struct JournalTests {
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array("test".utf8)

    static func instant(_ text: String) -> OffsetDateTime {
        guard let instant = OffsetDateTime(iso: text) else { preconditionFailure("bad instant in test") }
        return instant
    }

    static var empty: CaseFile {
        CaseFile(department: Department.lookup("93") ?? .paris, procedure: .renouvellementTitre)
    }

    /// Three sealed entries, the second with a capture, and the capture files.
    static func sealed() throws -> (CaseFile, [String: [UInt8]]) {
        var caseFile = empty
        caseFile = try Journal.append(
            Attempt(at: instant("2026-10-05T08:59:00+02:00"), channel: .sitePrefecture, outcome: .aucunCreneau),
            capture: nil, to: caseFile, hash: TestSHA256.hash)
        caseFile = try Journal.append(
            Attempt(
                at: instant("2026-10-08T14:10:00+02:00"), channel: .anef, outcome: .erreurTechnique,
                capture: "captures/a.png"), capture: png, to: caseFile, hash: TestSHA256.hash)
        caseFile = try Journal.append(
            Attempt(
                at: instant("2026-10-13T07:45:00+02:00"), channel: .sitePrefecture, outcome: .aucunCreneau,
                note: "Plus de créneau"), capture: nil, to: caseFile, hash: TestSHA256.hash)
        return (caseFile, ["captures/a.png": png])
    }

    @Test("hashes the canonical entry exactly as the documented Python one-liner does")
    func knownAnswer() throws {
        // Values computed with Python's json and hashlib (docs/case-file.md).
        let attempt = Attempt(
            at: JournalTests.instant("2026-10-05T08:59:00+02:00"), channel: .sitePrefecture, outcome: .aucunCreneau,
            note: "Créneau « indisponible »\n\t\"guillemets\" \\ barre\u{01} fin")
        #expect(
            String(decoding: attempt.canonicalEntry, as: UTF8.self)
                == #"{"at":"2026-10-05T08:59:00+02:00","channel":"site-prefecture","note":"Créneau « indisponible »\n\t\"guillemets\" \\ barre\u0001 fin","outcome":"aucun-creneau"}"#
        )
        let first = Journal.entryHash(of: attempt, previous: Journal.genesisHash, hash: TestSHA256.hash)
        #expect(first == "49914c832d98c5791ac079d7bd670a076fc94e5026f20b027229f34822ba5ea1")

        var caseFile = JournalTests.empty
        var sealedFirst = attempt
        sealedFirst.hash = first
        caseFile.attempts = [sealedFirst]
        let next = try Journal.append(
            Attempt(
                at: JournalTests.instant("2026-10-08T14:10:00+02:00"), channel: .anef, outcome: .erreurTechnique,
                capture: "captures/a.png"), capture: JournalTests.png, to: caseFile, hash: TestSHA256.hash)
        #expect(next.attempts[1].captureHash == "7428e98493880d020400580e2ce7e49cb21b3c55d4dd09d6c401c54e1d7d0817")
        #expect(next.attempts[1].hash == "2bbc3ffc19807f06472d351a9e3c133d341e3679ad898894721d6a4932dc9ccd")
    }

    @Test("appends sealed entries that verify, and gives the head")
    func appendAndVerify() throws {
        let (caseFile, files) = try JournalTests.sealed()
        #expect(caseFile.attempts.allSatisfy { $0.hash?.count == 64 })
        #expect(caseFile.attempts[1].captureHash == TestSHA256.hex(JournalTests.png))
        #expect(caseFile.attempts[0].captureHash == nil)
        let verification = Journal.verify(caseFile, captures: { files[$0] }, hash: TestSHA256.hash)
        #expect(verification == .intact(entries: 3, head: caseFile.attempts[2].hash))
        #expect(verification.frenchMessage.hasPrefix("Journal intact : 3 entrées, dernière empreinte "))
        #expect(
            Journal.verify(JournalTests.empty, captures: { _ in nil }, hash: TestSHA256.hash)
                == .intact(entries: 0, head: nil))
    }

    @Test("ignores hashes passed in with a new attempt")
    func appendRecomputes() throws {
        var attempt = Attempt(
            at: JournalTests.instant("2026-10-05T08:59:00+02:00"), channel: .telephone, outcome: .sansReponse)
        attempt.hash = String(repeating: "a", count: 64)
        let caseFile = try Journal.append(attempt, capture: nil, to: JournalTests.empty, hash: TestSHA256.hash)
        #expect(caseFile.attempts[0].hash != attempt.hash)
        #expect(Journal.verify(caseFile, captures: { _ in nil }, hash: TestSHA256.hash).isIntact)
    }

    static let tamperings: [Tampering] = [
        Tampering(
            why: "a note edited after the fact", change: { caseFile, _ in caseFile.attempts[2].note = "Autre texte" },
            expected: .broken(JournalBreak(index: 2, reason: .entryChanged))),
        Tampering(
            why: "the hour of an attempt moved",
            change: { caseFile, _ in caseFile.attempts[0].at = JournalTests.instant("2026-10-05T09:59:00+02:00") },
            expected: .broken(JournalBreak(index: 0, reason: .entryChanged))),
        Tampering(
            why: "a capture replaced by another file", change: { _, files in files["captures/a.png"]?.append(0) },
            expected: .broken(JournalBreak(index: 1, reason: .captureChanged))),
        Tampering(
            why: "a capture file deleted", change: { _, files in files["captures/a.png"] = nil },
            expected: .broken(JournalBreak(index: 1, reason: .captureMissing))),
        Tampering(
            why: "a capture hash rewritten to match a new file",
            change: { caseFile, files in
                files["captures/a.png"] = JournalTests.png + [1]
                caseFile.attempts[1].captureHash = TestSHA256.hex(JournalTests.png + [1])
            },
            expected: .broken(JournalBreak(index: 1, reason: .entryChanged))),
        Tampering(
            why: "two entries swapped", change: { caseFile, _ in caseFile.attempts.swapAt(1, 2) },
            expected: .broken(JournalBreak(index: 1, reason: .chainOrder))),
        Tampering(
            why: "an entry inserted at the start",
            change: { caseFile, _ in caseFile.attempts.insert(caseFile.attempts[2], at: 0) },
            expected: .broken(JournalBreak(index: 0, reason: .chainOrder))),
        Tampering(
            why: "the first entry removed", change: { caseFile, _ in caseFile.attempts.removeFirst() },
            expected: .broken(JournalBreak(index: 0, reason: .entryChanged))),
        Tampering(
            why: "an entry added by hand, unsealed",
            change: { caseFile, _ in
                caseFile.attempts.append(
                    Attempt(
                        at: JournalTests.instant("2026-10-20T10:00:00+02:00"), channel: .guichet, outcome: .sansReponse)
                )
            },
            expected: .broken(JournalBreak(index: 3, reason: .hashMissing))),
        Tampering(
            why: "a capture path added to an entry sealed without one",
            change: { caseFile, _ in caseFile.attempts[0].capture = "captures/a.png" },
            expected: .broken(JournalBreak(index: 0, reason: .entryChanged))),
    ]

    @Test("names the first entry that breaks the chain, and why", arguments: tamperings)
    func tampering(_ tampering: Tampering) throws {
        var (caseFile, files) = try JournalTests.sealed()
        tampering.change(&caseFile, &files)
        let snapshot = files
        #expect(Journal.verify(caseFile, captures: { snapshot[$0] }, hash: TestSHA256.hash) == tampering.expected)
    }

    @Test("reports a break in French with its JSON path")
    func brokenMessage() {
        let verification = JournalVerification.broken(JournalBreak(index: 3, reason: .captureChanged))
        #expect(
            verification.frenchMessage
                == "Journal rompu à l'entrée n° 4 (attempts[3]) : la capture d'écran a été modifiée ou remplacée après "
                + "son enregistrement.")
    }

    @Test("cannot see a truncated journal: only a head kept elsewhere (printed in the requête) shows it")
    func truncation() throws {
        var (caseFile, files) = try JournalTests.sealed()
        let head = Journal.head(of: caseFile)
        caseFile.attempts.removeLast()
        let verification = Journal.verify(caseFile, captures: { files[$0] }, hash: TestSHA256.hash)
        #expect(verification.isIntact)
        #expect(verification != .intact(entries: 3, head: head))
    }

    @Test("refuses to append a bad capture or after an unsealed entry")
    func appendErrors() throws {
        let at = JournalTests.instant("2026-10-05T08:59:00+02:00")
        let withCapture = Attempt(at: at, channel: .sitePrefecture, outcome: .aucunCreneau, capture: "c/x.png")
        let plain = Attempt(at: at, channel: .sitePrefecture, outcome: .aucunCreneau)
        let empty = JournalTests.empty
        #expect(throws: JournalError.capture(.missing(path: "c/x.png"))) {
            try Journal.append(withCapture, capture: nil, to: empty, hash: TestSHA256.hash)
        }
        #expect(throws: JournalError.capture(.notRecognised(path: "c/x.png"))) {
            try Journal.append(withCapture, capture: Array("GIF89a".utf8), to: empty, hash: TestSHA256.hash)
        }
        let big = JournalTests.png + [UInt8](repeating: 0, count: Journal.maximumCaptureSize)
        #expect(throws: JournalError.capture(.tooLarge(path: "c/x.png", size: big.count))) {
            try Journal.append(withCapture, capture: big, to: empty, hash: TestSHA256.hash)
        }
        #expect(throws: JournalError.captureWithoutPath) {
            try Journal.append(plain, capture: JournalTests.png, to: empty, hash: TestSHA256.hash)
        }
        var blankNote = plain
        blankNote.note = "  "
        #expect(throws: JournalError.invalidAttempt([CaseFileIssue(JSONPath.root.key("attempt").key("note"), .empty)]))
        {
            try Journal.append(blankNote, capture: nil, to: empty, hash: TestSHA256.hash)
        }
        var unsealed = empty
        unsealed.attempts = [plain]
        #expect(throws: JournalError.unsealedEntry(index: 0)) {
            try Journal.append(plain, capture: nil, to: unsealed, hash: TestSHA256.hash)
        }
    }

    @Test("seals a hand-written journal as if every attempt had been appended in turn")
    func seal() throws {
        let (appended, files) = try JournalTests.sealed()
        var handWritten = appended
        for i in handWritten.attempts.indices {
            handWritten.attempts[i].hash = nil
            handWritten.attempts[i].captureHash = nil
        }
        let sealed = try Journal.seal(handWritten, captures: { files[$0] }, hash: TestSHA256.hash)
        #expect(sealed == appended)
        #expect(throws: JournalError.capture(.missing(path: "captures/a.png"))) {
            try Journal.seal(handWritten, captures: { _ in nil }, hash: TestSHA256.hash)
        }
        var mixed = appended
        mixed.attempts[0].hash = nil
        #expect(throws: JournalError.sealedAfterUnsealed(index: 1)) {
            try Journal.seal(mixed, captures: { files[$0] }, hash: TestSHA256.hash)
        }
    }
}
