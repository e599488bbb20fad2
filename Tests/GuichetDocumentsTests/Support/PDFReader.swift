import Foundation

@testable import GuichetDocuments

/// Reads back what the tests need from a PDF written by ``PDFWriter``: its objects, the text shown
/// in its uncompressed content streams (decoded from WinAnsi), and the cross-reference table.
struct PDFReader {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The file as Latin-1 text (one character per byte), for searching.
    var latin1: String { String(decoding: bytes.map { UInt16($0) }, as: UTF16.self) }

    /// Offsets listed in the cross-reference table, by object number (index 0 is the free entry).
    var crossReferenceOffsets: [Int] {
        guard let xref = actualXRefOffset else { return [] }
        let lines = String(decoding: bytes[xref...], as: UTF8.self).unicodeScalars
            .split(whereSeparator: { $0 == "\n" || $0 == "\r" }).map { String(String.UnicodeScalarView($0)) }
        guard lines.count > 2, lines[0] == "xref" else { return [] }
        let header = lines[1].split(separator: " ")
        guard header.count == 2, let count = Int(header[1]) else { return [] }
        return lines.dropFirst(2).prefix(count).map { Int($0.prefix(10)) ?? -1 }
    }

    /// The value after `startxref`.
    var startXRef: Int? {
        guard let position = lastIndex(of: Array("startxref\n".utf8), before: bytes.count) else { return nil }
        let digits = bytes[(position + 10)...].prefix { (0x30...0x39).contains($0) }
        return Int(String(decoding: digits, as: UTF8.self))
    }

    /// Byte offset of the `xref` keyword.
    var actualXRefOffset: Int? {
        lastIndex(of: Array("\nxref\n".utf8), before: bytes.count).map { $0 + 1 }
    }

    /// Number of page objects.
    var pageCount: Int { latin1.components(separatedBy: "/Type /Page ").count - 1 }

    /// The raw bytes of the page content streams: those whose dictionary holds /Length only.
    var contentStreams: [[UInt8]] {
        var streams: [[UInt8]] = []
        let marker = Array(">>\nstream\n".utf8)
        var index = 0
        while let start = find(marker, from: index) {
            let dictionaryStart = lastIndex(of: Array(" 0 obj\n".utf8), before: start) ?? start
            let dictionary = String(decoding: bytes[dictionaryStart..<start], as: UTF8.self)
            let dataStart = start + marker.count
            guard let lengthText = dictionary.components(separatedBy: "/Length ").last,
                let length = Int(lengthText.prefix { $0.isNumber })
            else { break }
            if dictionary.hasSuffix("<<  /Length \(length) ") {
                streams.append(Array(bytes[dataStart..<dataStart + length]))
            }
            index = dataStart + length
        }
        return streams
    }

    /// The text of each page, strings of every TJ array concatenated, lines separated by newlines.
    var pageTexts: [String] { contentStreams.map(Self.text(ofContent:)) }

    /// All the text.
    var text: String { pageTexts.joined(separator: "\n") }

    /// Decodes the literal strings of a content stream, a newline at each BT.
    static func text(ofContent content: [UInt8]) -> String {
        var result = ""
        var index = 0
        while index < content.count {
            let byte = content[index]
            if byte == UInt8(ascii: "B"), index + 1 < content.count, content[index + 1] == UInt8(ascii: "T") {
                if !result.isEmpty { result += "\n" }
                index += 2
                continue
            }
            guard byte == UInt8(ascii: "(") else {
                index += 1
                continue
            }
            index += 1
            while index < content.count, content[index] != UInt8(ascii: ")") {
                var code = content[index]
                if code == UInt8(ascii: "\\") {
                    index += 1
                    let next = content[index]
                    if (0x30...0x37).contains(next) {
                        var value = 0
                        var digits = 0
                        while digits < 3, index < content.count, (0x30...0x37).contains(content[index]) {
                            value = value * 8 + Int(content[index] - 0x30)
                            index += 1
                            digits += 1
                        }
                        index -= 1
                        code = UInt8(value)
                    } else {
                        code = next
                    }
                }
                if let scalar = WinAnsi.scalar(for: code) { result.unicodeScalars.append(scalar) }
                index += 1
            }
            index += 1
        }
        return result
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0] && Array(bytes[index..<index + needle.count]) == needle { return index }
            index += 1
        }
        return nil
    }

    private func lastIndex(of needle: [UInt8], before end: Int) -> Int? {
        var index = end - needle.count
        while index >= 0 && index + needle.count <= bytes.count {
            if Array(bytes[index..<index + needle.count]) == needle { return index }
            index -= 1
        }
        return nil
    }
}
