/// A strict reader of `multipart/form-data` bodies (RFC 7578), enough for guichet's forms: named text fields
/// and file fields. Part headers other than `Content-Disposition` are ignored; the file name a browser sends
/// is ignored too (a capture is named after its slot, never after the person's file).
enum MultipartForm {
    /// Why a body was refused.
    enum Problem: Error, Equatable {
        case missingBoundary
        case malformed
        case tooManyParts
    }

    /// The most parts a guichet form has, with room to spare.
    static let maximumPartCount = 16
    /// The longest header block of one part.
    static let maximumHeaderLength = 2048

    /// The boundary named by a `Content-Type: multipart/form-data; boundary=…` header, or `nil`.
    static func boundary(contentType: String) -> String? {
        let pieces = contentType.split(separator: ";").map { $0.trimmingCharacters() }
        guard let kind = pieces.first, kind.lowercased() == "multipart/form-data" else { return nil }
        for piece in pieces.dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters().lowercased() == "boundary" else { continue }
            var value = pair[1].trimmingCharacters()
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            guard (1...70).contains(value.utf8.count) else { return nil }
            return value
        }
        return nil
    }

    /// Reads the parts of `body` delimited by `boundary`.
    static func parse(_ body: [UInt8], boundary: String) throws(Problem) -> FormFields {
        let delimiter = Array(("--" + boundary).utf8)
        var fields = FormFields()
        guard var position = find(delimiter, in: body, from: 0) else { throw .malformed }
        var partCount = 0
        while true {
            position += delimiter.count
            // After a delimiter: "--" closes the body, otherwise CRLF (transport padding allowed) opens a part.
            if position + 1 < body.count, body[position] == UInt8(ascii: "-"), body[position + 1] == UInt8(ascii: "-") {
                return fields
            }
            while position < body.count, body[position] == UInt8(ascii: " ") || body[position] == UInt8(ascii: "\t") {
                position += 1
            }
            guard position + 1 < body.count, body[position] == 13, body[position + 1] == 10 else { throw .malformed }
            position += 2
            partCount += 1
            guard partCount <= maximumPartCount else { throw .tooManyParts }
            guard let headerEnd = find([13, 10, 13, 10], in: body, from: position),
                headerEnd - position <= maximumHeaderLength
            else { throw .malformed }
            let headers = String(decoding: body[position..<headerEnd], as: UTF8.self)
            let contentStart = headerEnd + 4
            guard let next = find([13, 10] + delimiter, in: body, from: contentStart) else { throw .malformed }
            let content = Array(body[contentStart..<next])
            if let disposition = disposition(headers) {
                if disposition.isFile {
                    fields.addFile(disposition.name, content)
                } else {
                    fields.add(disposition.name, String(decoding: content, as: UTF8.self))
                }
            }
            position = next + 2
        }
    }

    /// The field name of a part and whether it is a file (it has a `filename` parameter).
    static func disposition(_ headers: String) -> (name: String, isFile: Bool)? {
        for line in headers.split(separator: "\r\n") {
            let pair = line.split(separator: ":", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters().lowercased() == "content-disposition" else { continue }
            var name: String?
            var isFile = false
            for parameter in parameters(String(pair[1])) {
                switch parameter.key.lowercased() {
                case "name": name = parameter.value
                case "filename", "filename*": isFile = true
                default: break
                }
            }
            return name.map { ($0, isFile) }
        }
        return nil
    }

    /// `form-data; name="a"; filename="b;c.png"`: quoted values may hold `;` and escaped quotes.
    static func parameters(_ text: String) -> [(key: String, value: String)] {
        var result: [(String, String)] = []
        var index = text.startIndex
        func skipSpaces() { while index < text.endIndex, text[index] == " " || text[index] == "\t" { index = text.index(after: index) } }
        // Skip the disposition type.
        while index < text.endIndex, text[index] != ";" { index = text.index(after: index) }
        while index < text.endIndex {
            index = text.index(after: index)  // past ";"
            skipSpaces()
            var key = ""
            while index < text.endIndex, text[index] != "=", text[index] != ";" {
                key.append(text[index])
                index = text.index(after: index)
            }
            var value = ""
            if index < text.endIndex, text[index] == "=" {
                index = text.index(after: index)
                skipSpaces()
                if index < text.endIndex, text[index] == "\"" {
                    index = text.index(after: index)
                    while index < text.endIndex, text[index] != "\"" {
                        if text[index] == "\\", text.index(after: index) < text.endIndex { index = text.index(after: index) }
                        value.append(text[index])
                        index = text.index(after: index)
                    }
                    if index < text.endIndex { index = text.index(after: index) }
                    while index < text.endIndex, text[index] != ";" { index = text.index(after: index) }
                } else {
                    while index < text.endIndex, text[index] != ";" {
                        value.append(text[index])
                        index = text.index(after: index)
                    }
                    value = value.trimmingCharacters()
                }
            }
            result.append((key.trimmingCharacters(), value))
        }
        return result
    }

    /// The first index of `needle` in `haystack` at or after `start` (a plain scan: bodies are at most ~10 MB and
    /// the needle starts with bytes that are rare in images).
    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= haystack.count else { return nil }
        var index = start
        let last = haystack.count - needle.count
        return haystack.withUnsafeBufferPointer { buffer -> Int? in
            while index <= last {
                if buffer[index] == first {
                    var matched = true
                    for offset in 1..<needle.count where buffer[index + offset] != needle[offset] {
                        matched = false
                        break
                    }
                    if matched { return index }
                }
                index += 1
            }
            return nil
        }
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    func trimmingCharacters() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
