/// The fields of a submitted form, `application/x-www-form-urlencoded` or `multipart/form-data`.
///
/// Only the first value of a repeated name counts. File parts keep their bytes apart from the text fields.
struct FormFields: Sendable {
    /// Text fields by name (first value wins).
    private(set) var values: [String: String] = [:]
    /// File parts by field name: the bytes as sent (empty when no file was chosen).
    private(set) var files: [String: [UInt8]] = [:]

    init() {}

    subscript(name: String) -> String? { values[name] }

    mutating func add(_ name: String, _ value: String) {
        if values[name] == nil { values[name] = value }
    }

    mutating func addFile(_ name: String, _ bytes: [UInt8]) {
        if files[name] == nil { files[name] = bytes }
    }

    /// Parses a URL-encoded body: `a=1&b=x+y%C3%A9`. Malformed escapes are kept literally; invalid UTF-8 is
    /// repaired with U+FFFD (the answer parsers then refuse what they do not understand).
    static func urlEncoded(_ bytes: [UInt8]) -> FormFields {
        var fields = FormFields()
        for pair in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(parts[0])
            let value = parts.count > 1 ? decode(parts[1]) : ""
            fields.add(name, value)
        }
        return fields
    }

    static func decode(_ bytes: ArraySlice<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                out.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), index + 2 < bytes.endIndex,
                let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
            {
                out.append(high << 4 | low)
                index += 3
                continue
            } else {
                out.append(byte)
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
