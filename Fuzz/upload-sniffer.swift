// libFuzzer target `upload-sniffer`: what happens to the bytes of an uploaded capture.
//
// `CaptureFormat.sniff`, then `Journal.append` with the bytes as the attempt's capture (the check of format and
// size, the hashing and the chaining), then `Journal.verify`; and the structure parsers the documents use to embed
// a capture (`PNGImage`, `JPEGImage` from GuichetDocuments, compiled into this target by scripts/fuzz because
// they need nothing but GuichetCore), and the upload's dimension check (`ImageDimensions`), which must read the
// same size as the decoder. Nothing may trap; an accepted capture must verify, a changed byte must show.

import GuichetCore

/// FNV-1a over four lanes, 32 bytes: not cryptographic, but any single changed byte changes it.
private func trivialHash(_ bytes: [UInt8]) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(32)
    for lane in 0..<4 {
        var state: UInt64 = 0xcbf2_9ce4_8422_2325 &+ UInt64(lane)
        for byte in bytes {
            state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        for shift in stride(from: 56, through: 0, by: -8) { output.append(UInt8(truncatingIfNeeded: state >> UInt64(shift))) }
    }
    return output
}

private let baseCaseFile: CaseFile = {
    guard let department = Department.lookup("93") else { fail("département 93 is missing") }
    return CaseFile(department: department, procedure: .renouvellementTitre)
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let format = CaptureFormat.sniff(bytes)
    switch format {
    case .png: require(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
    case .jpeg: require(bytes.starts(with: [0xFF, 0xD8, 0xFF]))
    case .pdf: require(bytes.starts(with: Array("%PDF-".utf8)))
    case nil: break
    }
    if let format, let problem = ImageDimensions.problem(bytes, format: format) {
        require(format != .pdf, "a PDF judged as an image: \(problem)")
    }
    if let png = PNGImage(bytes: bytes) {
        require(format == .png, "a PNG the sniffer does not recognise")
        if let declared = ImageDimensions.png(bytes) {
            require(declared.width == png.width && declared.height == png.height, "the upload check reads other dimensions")
        }
        require(png.width >= 1 && png.height >= 1 && png.width * png.height <= PNGImage.maximumPixelCount)
        _ = png.rowByteCount(columns: png.width)
    }
    if let jpeg = JPEGImage(bytes: bytes) {
        require(jpeg.width >= 1 && jpeg.height >= 1 && [1, 3, 4].contains(jpeg.components))
    }

    // The journal: the first bytes choose the attempt, the whole input is the capture.
    let channels = AttemptChannel.allCases
    let outcomes = AttemptOutcome.allCases
    let selector = Int(bytes.first ?? 0)
    guard let local = LocalDate(year: 2026, month: 1 + selector % 12, day: 1 + selector % 28),
        let time = LocalTime(hour: selector % 24, minute: selector % 60),
        let moment = OffsetDateTime(local: LocalDateTime(date: local, time: time), utcOffsetMinutes: 60)
    else { fail("fixed date out of range") }
    let attempt = Attempt(
        at: moment, channel: channels[selector % channels.count], outcome: outcomes[selector % outcomes.count],
        note: "essai", capture: "captures/essai.bin")
    do {
        let appended = try Journal.append(attempt, capture: bytes, to: baseCaseFile, hash: trivialHash)
        require(format != nil, "a capture the sniffer refuses was appended")
        let captures: (String) -> [UInt8]? = { $0 == "captures/essai.bin" ? bytes : nil }
        let verification = Journal.verify(appended, captures: captures, hash: trivialHash)
        require(verification.isIntact, "a fresh journal does not verify: \(verification)")
        if !bytes.isEmpty {
            var changed = bytes
            changed[changed.count / 2] ^= 0x01
            let tampered = Journal.verify(appended, captures: { _ in changed }, hash: trivialHash)
            require(!tampered.isIntact, "a changed capture still verifies")
        }
        // The sealed journal survives the case-file JSON round trip.
        let reread = try CaseFile.decode(json: Array(appended.canonicalJSON.utf8))
        require(reread == appended, "the sealed case file changed through JSON")
        require(Journal.verify(reread, captures: captures, hash: trivialHash).isIntact)
    } catch let error as JournalError {
        require(format == nil, "a \(String(describing: format)) capture was refused: \(error)")
        require(error == .capture(.notRecognised(path: "captures/essai.bin")), "unexpected refusal: \(error)")
    } catch {
        fail("the sealed case file does not decode: \(error)")
    }
    return 0
}
