import Foundation

@testable import GuichetDocuments

/// Reads back what the tests need from a PDF written by ``PDFWriter``: its objects, the text shown
/// in its uncompressed content streams (CIDs decoded through its ToUnicode CMap), and the
/// cross-reference table.
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
    var pageTexts: [String] {
        let map = toUnicode
        return contentStreams.map { Self.text(ofContent: $0, toUnicode: map) }
    }

    /// All the text.
    var text: String { pageTexts.joined(separator: "\n") }

    /// The outline's entry titles, in the order they were written (reading order).
    var outlineTitles: [String] { outlineEntries.map(\.title) }

    /// Page index (0-based) opened by the bookmark titled `title`.
    func outlinePage(title: String) -> Int? {
        guard let entry = outlineEntries.first(where: { $0.title == title }) else { return nil }
        return pageObjectNumbers.firstIndex(of: entry.page)
    }

    /// Object numbers of the pages, in order.
    var pageObjectNumbers: [Int] {
        objects.filter { $0.body.hasPrefix("<< /Type /Page /Parent") }.map(\.number)
    }

    /// Outline items: objects with a /Title and a /Parent.
    var outlineEntries: [(title: String, page: Int)] {
        objects.compactMap { object in
            guard object.body.hasPrefix("<< /Title "), object.body.contains("/Parent "),
                let dest = object.body.components(separatedBy: "/Dest [").last,
                let page = Int(dest.prefix { $0.isNumber })
            else { return nil }
            return (Self.decodeTextString(String(object.body.dropFirst(10))), page)
        }
    }

    /// Every non-stream object, by number, with its body (Latin-1).
    var objects: [(number: Int, body: String)] {
        let text = latin1
        var result: [(Int, String)] = []
        for chunk in text.components(separatedBy: " 0 obj\n").dropFirst() {
            guard let end = chunk.range(of: "\nendobj\n") else { continue }
            result.append((0, String(chunk[..<end.lowerBound])))
        }
        // Numbers: the digits before each " 0 obj\n".
        var numbers: [Int] = []
        var searchStart = text.startIndex
        while let range = text.range(of: " 0 obj\n", range: searchStart..<text.endIndex) {
            let digits = text[..<range.lowerBound].reversed().prefix { $0.isNumber }
            numbers.append(Int(String(digits.reversed())) ?? -1)
            searchStart = range.upperBound
        }
        return zip(numbers, result).map { ($0, $1.1) }
    }

    /// A PDF text string at the start of `text`: `(literal)` or `<FEFF…>` UTF-16BE.
    static func decodeTextString(_ text: String) -> String {
        if text.hasPrefix("<FEFF") {
            let hex = Array(text.dropFirst(5).prefix { $0 != ">" })
            var units: [UInt16] = []
            var index = 0
            while index + 4 <= hex.count {
                units.append(UInt16(String(hex[index..<index + 4]), radix: 16) ?? 0)
                index += 4
            }
            return String(decoding: units, as: UTF16.self)
        }
        var result = ""
        var escaped = false
        for character in text.dropFirst() {
            if escaped {
                result.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ")" {
                break
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// The raw data of object `number`'s stream, inflated when it is `/FlateDecode`.
    func streamData(ofObject number: Int) -> [UInt8]? {
        guard let start = find(Array("\n\(number) 0 obj\n".utf8), from: 0),
            let marker = find(Array(">>\nstream\n".utf8), from: start)
        else { return nil }
        let dictionary = String(decoding: bytes[start..<marker], as: UTF8.self)
        guard let lengthText = dictionary.components(separatedBy: "/Length ").last,
            let length = Int(lengthText.prefix { $0.isNumber })
        else { return nil }
        let dataStart = marker + 10
        let data = Array(bytes[dataStart..<dataStart + length])
        return dictionary.contains("/FlateDecode") ? Zlib.inflate(data, limit: 64 << 20) : data
    }

    /// CID → text, from the `/ToUnicode` CMap every font of the file shares.
    var toUnicode: [UInt16: String] {
        guard let range = latin1.range(of: "/ToUnicode "),
            let number = Int(latin1[range.upperBound...].prefix { $0.isNumber }),
            let data = streamData(ofObject: number)
        else { return [:] }
        var map: [UInt16: String] = [:]
        let text = String(decoding: data, as: UTF8.self)
        for line in text.split(separator: "\n") where line.hasPrefix("<") {
            let parts = line.split(separator: " ")
            guard parts.count == 2, let cid = UInt16(parts[0].dropFirst().dropLast(), radix: 16) else { continue }
            let hex = Array(parts[1].dropFirst().dropLast())
            var units: [UInt16] = []
            var index = 0
            while index + 4 <= hex.count {
                units.append(UInt16(String(hex[index..<index + 4]), radix: 16) ?? 0)
                index += 4
            }
            map[cid] = String(decoding: units, as: UTF16.self)
        }
        return map
    }

    /// The text of one content stream: every hexadecimal string decoded through `toUnicode`, a
    /// newline at each BT.
    static func text(ofContent content: [UInt8], toUnicode: [UInt16: String]) -> String {
        var result = ""
        var index = 0
        while index < content.count {
            let byte = content[index]
            if byte == UInt8(ascii: "B"), index + 1 < content.count, content[index + 1] == UInt8(ascii: "T") {
                if !result.isEmpty { result += "\n" }
                index += 2
                continue
            }
            guard byte == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            index += 1
            var digits: [UInt8] = []
            while index < content.count, content[index] != UInt8(ascii: ">") {
                digits.append(content[index])
                index += 1
            }
            index += 1
            var position = 0
            while position + 4 <= digits.count {
                let cid = UInt16(String(decoding: digits[position..<position + 4], as: UTF8.self), radix: 16) ?? 0
                result += toUnicode[cid] ?? "\u{FFFD}"
                position += 4
            }
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
