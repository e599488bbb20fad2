/// Serialises numbered objects into a PDF file with an exact cross-reference table.
///
/// The file identifier (/ID) is the start of a SHA-256 of everything written; image streams enter it
/// through a fast 64-bit fingerprint and their length rather than byte by byte, which keeps it cheap
/// for megabytes of screenshots while a change in them still changes the identifier.
struct PDFFileBuilder {
    private(set) var bytes: [UInt8] = []
    private var offsets: [Int]
    private var hasher = SHA256Hasher()

    /// Prepares a file of objects numbered 1…`objectCount`.
    init(objectCount: Int, estimatedSize: Int) {
        offsets = Array(repeating: 0, count: objectCount + 1)
        bytes.reserveCapacity(estimatedSize)
        // A comment with high bytes right after the header marks the file as binary (§7.5.2).
        write(Array("%PDF-1.7\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 0x0A])
    }

    /// Writes `number 0 obj … endobj` with a non-stream body (a dictionary, usually).
    mutating func object(_ number: Int, _ body: String) {
        offsets[number] = bytes.count
        write(Array("\(number) 0 obj\n\(body)\nendobj\n".utf8))
    }

    /// Writes a stream object; `dictionary` holds the entries besides /Length.
    mutating func streamObject(_ number: Int, dictionary: String, data: [UInt8], hashesByFingerprint: Bool = false) {
        offsets[number] = bytes.count
        write(Array("\(number) 0 obj\n<< \(dictionary) /Length \(data.count) >>\nstream\n".utf8))
        if hashesByFingerprint {
            hasher.update(Array("fingerprint \(Fingerprint.of(data)) length \(data.count)".utf8))
            bytes.append(contentsOf: data)
        } else {
            write(data)
        }
        write(Array("\nendstream\nendobj\n".utf8))
    }

    /// Writes a stream object deflated (`/FlateDecode`); stored as is if deflating fails.
    mutating func compressedStreamObject(_ number: Int, dictionary: String, data: [UInt8]) {
        let separator = dictionary.isEmpty ? "" : " "
        if let compressed = Zlib.deflate(data) {
            streamObject(number, dictionary: dictionary + separator + "/Filter /FlateDecode", data: compressed)
        } else {
            streamObject(number, dictionary: dictionary, data: data)
        }
    }

    /// Appends the cross-reference table and trailer, and returns the file.
    mutating func finish(root: Int, info: Int) -> [UInt8] {
        let identifier = hasher.finish().prefix(16).map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
        }.joined()
        let xrefOffset = bytes.count
        var table = "xref\n0 \(offsets.count)\n0000000000 65535 f\r\n"
        for offset in offsets.dropFirst() {
            let digits = String(offset)
            table += String(repeating: "0", count: max(0, 10 - digits.count)) + digits + " 00000 n\r\n"
        }
        table +=
            "trailer\n<< /Size \(offsets.count) /Root \(root) 0 R /Info \(info) 0 R /ID [<\(identifier)> <\(identifier)>] >>\n"
        table += "startxref\n\(xrefOffset)\n%%EOF\n"
        bytes.append(contentsOf: table.utf8)
        return bytes
    }

    private mutating func write(_ chunk: [UInt8]) {
        bytes.append(contentsOf: chunk)
        hasher.update(chunk)
    }
}

/// PDF text strings (§7.9.2.2): printable ASCII as a literal string, anything else as UTF-16BE with a
/// byte order mark, in hexadecimal.
enum PDFTextString {
    static func encode(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) }) {
            var stream = PDFContentStream()
            stream.appendLiteralString(Array(text.utf8))
            return String(decoding: stream.bytes, as: UTF8.self)
        }
        var hex = Array("<FEFF".utf8)
        for unit in text.utf16 { PDFHex.appendWord(unit, into: &hex) }
        return String(decoding: hex + [0x3E], as: UTF8.self)
    }
}
