import Foundation
import Testing

@testable import GuichetCore

/// The case files of `examples/`, read from the repository.
enum Examples {
    /// `examples/` of the package, found from this file's path.
    static let folder: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples")

    static func text(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name + ".json"), encoding: .utf8)
    }

    static func caseFile(_ name: String) throws -> CaseFile {
        try CaseFile.decode(json: text(name))
    }

    /// Reads a file named in a case file, relative to `examples/`.
    static func file(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: folder.appendingPathComponent(path).path).map { [UInt8]($0) }
    }
}

@Suite("Example case files")
struct ExampleCaseTests {
    @Test(
        "are in canonical form, sealed with the journal chain computed by Python, and get the verdict they are named after",
        arguments: [
            (
                "insuffisant", EvidenceVerdict.insuffisant, 5,
                "a21ba4963d248b72cb4c6bba80355edfb3d180b4e1819ce7f0d8860246e30a97"
            ),
            ("recevable", .recevable, 4, "74f92b6c7f54f66128a2487f9dfc32576bbee6779935ad152d8fa567509d923b"),
            ("solide", .solide, 8, "1706eefabb1abf62732de5bb431f9fc995641c19dd606a27dfbef4a1d3c28394"),
        ])
    func example(name: String, verdict: EvidenceVerdict, entries: Int, head: String) throws {
        let text = try Examples.text(name)
        let caseFile = try CaseFile.decode(json: text)
        #expect(caseFile.canonicalJSON == text)
        #expect(
            Journal.verify(caseFile, captures: Examples.file, hash: TestSHA256.hash)
                == .intact(entries: entries, head: head))
        #expect(EvidenceRule.standard.evaluate(caseFile).verdict == verdict)
    }

    @Test("solide.json: a renewal in Seine-Saint-Denis, 8 failures over 4 ISO weeks across the end of summer time")
    func solide() throws {
        let report = EvidenceRule.standard.evaluate(try Examples.caseFile("solide"))
        #expect(report.failedAttempts == 8)
        #expect(report.isoWeeks == 4)
        #expect(report.spanDays == 25)
        #expect(report.capturedFailures == 8)
        #expect(report.writtenRequests == 2)
        #expect(report.advice.isEmpty)
    }

    @Test("insuffisant.json reproduces the case rejected by the Conseil d'État in 2020")
    func insuffisant() throws {
        let report = EvidenceRule.standard.evaluate(try Examples.caseFile("insuffisant"))
        #expect(report.firstFailure == LocalDate(literal: 2019, 9, 13))
        #expect(report.lastFailure == LocalDate(literal: 2019, 9, 18))
        #expect(report.spanDays == 5)
    }

    @Test("detects a single changed byte in an example capture")
    func tamperedCapture() throws {
        let caseFile = try Examples.caseFile("solide")
        let lookup: (String) -> [UInt8]? = { path in
            guard var bytes = Examples.file(path) else { return nil }
            if path == "captures/solide-5.png" { bytes[bytes.count / 2] ^= 0x01 }
            return bytes
        }
        #expect(
            Journal.verify(caseFile, captures: lookup, hash: TestSHA256.hash)
                == .broken(JournalBreak(index: 4, reason: .captureChanged)))
    }

    @Test("capture files are real PNG, JPEG and PDF files of a few kilobytes")
    func captureFiles() throws {
        for name in ["insuffisant", "recevable", "solide"] {
            let caseFile = try Examples.caseFile(name)
            let paths = caseFile.attempts.compactMap(\.capture) + caseFile.letters.compactMap(\.copy)
            for path in paths {
                let bytes = try #require(Examples.file(path), "missing \(path)")
                #expect(CaptureFormat.sniff(bytes) != nil, "\(path)")
                #expect(bytes.count < 16_384, "\(path)")
            }
        }
    }
}
