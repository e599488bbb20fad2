/// XML 1.0 text and attribute escaping for the office writers.
enum XML {
    /// `text` with `& < > " '` escaped and the characters XML 1.0 forbids (most C0 controls, U+FFFE,
    /// U+FFFF) removed, so any draft yields well-formed parts.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t": result += "&#9;"
            case "\n": result += "&#10;"
            case "\r": result += "&#13;"
            default:
                if isAllowed(scalar) { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }

    /// Whether XML 1.0 allows the character at all (§2.2).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value >= 0x20 && value != 0xFFFE && value != 0xFFFF || value == 0x09 || value == 0x0A
            || value == 0x0D
    }

    /// Splits text into pieces of plain text, tabs and line breaks, the way both office formats need
    /// them written (`\r\n`, `\r`, `\n`, U+2028 and U+2029 are line breaks).
    enum Piece: Equatable {
        case text(String)
        case tab
        case lineBreak
    }

    static func pieces(of text: String) -> [Piece] {
        var pieces: [Piece] = []
        var current = ""
        var previousWasCarriageReturn = false
        func flush() {
            if !current.isEmpty { pieces.append(.text(current)) }
            current = ""
        }
        for scalar in text.unicodeScalars {
            defer { previousWasCarriageReturn = scalar == "\r" }
            switch scalar {
            case "\n" where previousWasCarriageReturn:
                continue
            case "\n", "\r", "\u{2028}", "\u{2029}", "\u{0B}", "\u{0C}", "\u{85}":
                flush()
                pieces.append(.lineBreak)
            case "\t":
                flush()
                pieces.append(.tab)
            default:
                current.unicodeScalars.append(scalar)
            }
        }
        flush()
        return pieces
    }
}
