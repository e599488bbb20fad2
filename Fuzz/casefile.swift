// libFuzzer target `casefile`: the strict case-file JSON decoder, the sufficiency check and the canonical writer.
//
// Nothing may trap; a decoded case file must survive the round trip through its canonical JSON unchanged, and
// the canonical JSON must be a fixed point (writing the re-read file gives the same text).

import GuichetCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let caseFile: CaseFile
    do {
        caseFile = try CaseFile.decode(json: bytes)
    } catch {
        require(!error.issues.isEmpty, "a refused case file with no issue")
        return 0
    }
    let report = EvidenceRule.standard.evaluate(caseFile)
    require(report.failedAttempts <= caseFile.attempts.count, "more failures than attempts")
    require(report.spanDays >= 0 && report.isoWeeks >= 0 && report.distinctDays >= 0, "negative count")
    _ = caseFile.validationIssues()

    let canonical = caseFile.canonicalJSON
    let reread: CaseFile
    do {
        reread = try CaseFile.decode(json: Array(canonical.utf8))
    } catch {
        fail("the canonical JSON is refused: \(error.issues)\n\(canonical)")
    }
    require(reread == caseFile, "the round trip changed the case file:\n\(canonical)")
    require(reread.canonicalJSON == canonical, "the canonical JSON is not a fixed point")
    require(EvidenceRule.standard.evaluate(reread) == report, "the verdict changed after the round trip")
    return 0
}
