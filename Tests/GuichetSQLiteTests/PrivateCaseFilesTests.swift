import Foundation
import Logging
import Testing
import GuichetCore
import GuichetEncryption
import GuichetServices
import GuichetSQLite
import GuichetStorage

/// The private-file service over SQLite: codes, sealing, concurrent saves, captures and the 90-day purge.
@Suite("Private case files (service)")
struct PrivateCaseFilesTests {
    static let t0: Int64 = 1_794_477_600
    static let quiet = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    static func make(pepper: ServerPepper? = nil) throws -> (PrivateCaseFiles, SQLitePrivateFileStore) {
        let store = SQLitePrivateFileStore(database: try SQLiteDatabase())
        return (PrivateCaseFiles(store: store, pepper: pepper, logger: quiet), store)
    }

    @Test("the code opens the file; another code or another pepper opens nothing; the row holds no plaintext")
    func openWithCode() async throws {
        let pepper = try #require(ServerPepper(id: 3, secret: Array(repeating: 7, count: 32)))
        let (files, store) = try Self.make(pepper: pepper)
        let (code, created) = try await files.create(interview: "refus-visa", now: Self.t0)
        let saved = try await files.update(created, now: Self.t0 + 5) { $0.state.answers["nom"] = .text("Awa Exemple") }
        #expect(saved.version == 2)
        let opened = try await files.open(code, now: Self.t0 + 10)
        #expect(opened.interview == "refus-visa")
        #expect(opened.state.answers["nom"] == .text("Awa Exemple"))
        var random = SystemRandomNumberGenerator()
        await #expect(throws: PrivateCaseFileError.notFound) { try await files.open(AccessCode.generate(using: &random), now: Self.t0) }
        let withoutPepper = PrivateCaseFiles(store: store, pepper: nil, logger: Self.quiet)
        await #expect(throws: PrivateCaseFileError.notFound) { try await withoutPepper.open(code, now: Self.t0) }
        let row = try #require(try await store.file(opened.id))
        #expect(row.keyID == 3)
        #expect(!String(decoding: row.sealedAnswers, as: UTF8.self).contains("Awa"))
        #expect(!String(decoding: row.sealedAnswers, as: UTF8.self).contains("refus-visa"))
    }

    @Test("two windows saving at once: the second save is applied on top of the first, nothing lost")
    func concurrentSaves() async throws {
        let (files, _) = try Self.make()
        let (code, _) = try await files.create(interview: "refus-visa", now: Self.t0)
        let first = try await files.open(code, now: Self.t0)
        let second = try await files.open(code, now: Self.t0)
        _ = try await files.update(first, now: Self.t0 + 1) { $0.state.answers["a"] = .text("un") }
        let merged = try await files.update(second, now: Self.t0 + 2) { $0.state.answers["b"] = .text("deux") }
        #expect(merged.version == 3)
        let final = try await files.open(code, now: Self.t0 + 3)
        #expect(final.state.answers["a"] == .text("un"))
        #expect(final.state.answers["b"] == .text("deux"))
    }

    @Test("captures are sealed per slot, opened back, and erased once no answer refers to them")
    func captures() async throws {
        let (files, store) = try Self.make()
        let (code, file) = try await files.create(interview: "rendez-vous-prefecture", now: Self.t0)
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
            + [0, 0, 4, 0x38, 0, 0, 9, 0x60, 8, 6, 0, 0, 0] + Array("secret pixels".utf8)
        let capture = try await files.addCapture(png, to: file, now: Self.t0)
        #expect(capture.reference == "piece-1.png")
        #expect(capture.format == .png)
        let saved = try await files.update(file, now: Self.t0) {
            $0.captures.append(capture)
            $0.state.answers["capture"] = .file(capture.reference)
        }
        let sealed = try #require(try await store.attachment(slot: capture.slot, of: saved.id))
        #expect(!String(decoding: sealed.sealed, as: UTF8.self).contains("secret pixels"))
        #expect(try await files.openedCaptures(of: files.open(code, now: Self.t0)) == [capture.reference: png])
        // Replacing the answer leaves the old capture unreferenced: the save erases it.
        _ = try await files.update(saved, now: Self.t0 + 1) { $0.state.answers["capture"] = .skipped }
        #expect(try await store.attachments(of: saved.id).isEmpty)
        await #expect(throws: PrivateCaseFileError.captureNotRecognised) {
            try await files.addCapture(Array("GIF89a".utf8), to: saved, now: Self.t0)
        }
    }

    @Test("the purge erases files untouched for 90 days; opening a file restarts its clock")
    func purge() async throws {
        let (files, _) = try Self.make()
        let (forgotten, _) = try await files.create(interview: "refus-visa", now: Self.t0)
        let (visited, _) = try await files.create(interview: "refus-visa", now: Self.t0)
        _ = try await files.open(visited, now: Self.t0 + 60 * 86_400)
        #expect(try await files.purge(now: Self.t0 + 90 * 86_400 - 1) == 0)
        #expect(try await files.purge(now: Self.t0 + 90 * 86_400 + 1) == 1)
        await #expect(throws: PrivateCaseFileError.notFound) { try await files.open(forgotten, now: Self.t0 + 91 * 86_400) }
        #expect(try await files.open(visited, now: Self.t0 + 91 * 86_400).interview == "refus-visa")
    }

    @Test("deleting erases the file and its captures at once")
    func delete() async throws {
        let (files, store) = try Self.make()
        let (code, file) = try await files.create(interview: "refus-visa", now: Self.t0)
        _ = try await files.addCapture(Array("%PDF-1.4 test".utf8), to: file, now: Self.t0)
        try await files.delete(file)
        await #expect(throws: PrivateCaseFileError.notFound) { try await files.open(code, now: Self.t0) }
        #expect(try await store.attachments(of: file.id).isEmpty)
    }
}
