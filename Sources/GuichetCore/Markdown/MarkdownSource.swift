/// A Markdown source as normalised UTF-8 bytes split into numbered lines.
///
/// Normalisation makes every later step simpler and the HTML valid: line endings become `\n`, a leading
/// byte-order mark is dropped, and code points the HTML standard forbids (C0 controls other than tab and
/// line feed, DEL, C1 controls, noncharacters) become U+FFFD. All Markdown syntax is ASCII, so the parsers
/// work on bytes and only ever split the text at ASCII bytes: every slice stays valid UTF-8.
struct MarkdownSource {
    /// The normalised bytes.
    let bytes: [UInt8]
    /// The lines, without their `\n`.
    let lines: [MarkdownLine]

    init(_ text: String) {
        bytes = Self.normalized(text)
        var lines: [MarkdownLine] = []
        var start = 0
        var number = 1
        for index in bytes.indices where bytes[index] == MarkdownByte.newline {
            lines.append(MarkdownLine(number: number, start: start, end: index))
            start = index + 1
            number += 1
        }
        if start < bytes.count {
            lines.append(MarkdownLine(number: number, start: start, end: bytes.count))
        }
        self.lines = lines
    }

    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    private static func normalized(_ text: String) -> [UInt8] {
        let input = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = 0
        if input.count >= 3, input[0] == 0xEF, input[1] == 0xBB, input[2] == 0xBF {
            index = 3
        }
        while index < input.count {
            let byte = input[index]
            if byte < 0x80 {
                switch byte {
                case 0x0D:
                    output.append(MarkdownByte.newline)
                    if index + 1 < input.count, input[index + 1] == MarkdownByte.newline { index += 1 }
                case MarkdownByte.tab, MarkdownByte.newline:
                    output.append(byte)
                case 0x00..<0x20, 0x7F:
                    output.append(contentsOf: replacement)
                default:
                    output.append(byte)
                }
                index += 1
                continue
            }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            guard index + length <= input.count else {
                // Unreachable for a Swift String (always valid UTF-8); keep whatever is left.
                output.append(contentsOf: input[index...])
                break
            }
            if isForbidden(input, at: index, length: length) {
                output.append(contentsOf: replacement)
            } else {
                output.append(contentsOf: input[index..<(index + length)])
            }
            index += length
        }
        return output
    }

    /// C1 controls (U+0080–U+009F) and noncharacters (U+FDD0–U+FDEF, U+nFFFE, U+nFFFF).
    private static func isForbidden(_ input: [UInt8], at index: Int, length: Int) -> Bool {
        let lead = input[index]
        switch length {
        case 2:
            return lead == 0xC2 && input[index + 1] <= 0x9F
        case 3:
            guard lead == 0xEF else { return false }
            let second = input[index + 1]
            let third = input[index + 2]
            return (second == 0xB7 && third >= 0x90 && third <= 0xAF) || (second == 0xBF && third >= 0xBE)
        default:
            return input[index + 1] & 0x0F == 0x0F && input[index + 2] == 0xBF && input[index + 3] >= 0xBE
        }
    }
}

/// One source line: a byte range of the normalised source and its 1-based number.
///
/// Containers (block quotes, list items) narrow `start` instead of copying bytes.
struct MarkdownLine {
    var number: Int
    var start: Int
    var end: Int
}

/// The ASCII bytes the Markdown syntax is made of.
enum MarkdownByte {
    static let tab = UInt8(ascii: "\t")
    static let newline = UInt8(ascii: "\n")
    static let space = UInt8(ascii: " ")
    static let exclamation = UInt8(ascii: "!")
    static let quote = UInt8(ascii: "\"")
    static let hash = UInt8(ascii: "#")
    static let ampersand = UInt8(ascii: "&")
    static let apostrophe = UInt8(ascii: "'")
    static let openParenthesis = UInt8(ascii: "(")
    static let closeParenthesis = UInt8(ascii: ")")
    static let star = UInt8(ascii: "*")
    static let plus = UInt8(ascii: "+")
    static let hyphen = UInt8(ascii: "-")
    static let period = UInt8(ascii: ".")
    static let slash = UInt8(ascii: "/")
    static let colon = UInt8(ascii: ":")
    static let lessThan = UInt8(ascii: "<")
    static let greaterThan = UInt8(ascii: ">")
    static let openBracket = UInt8(ascii: "[")
    static let backslash = UInt8(ascii: "\\")
    static let closeBracket = UInt8(ascii: "]")
    static let underscore = UInt8(ascii: "_")
    static let backtick = UInt8(ascii: "`")
    static let tilde = UInt8(ascii: "~")

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    static func isSpaceOrTab(_ byte: UInt8) -> Bool { byte == space || byte == tab }

    /// ASCII punctuation as CommonMark defines it: the characters a backslash can escape.
    static func isPunctuation(_ byte: UInt8) -> Bool {
        (byte >= 0x21 && byte <= 0x2F) || (byte >= 0x3A && byte <= 0x40) || (byte >= 0x5B && byte <= 0x60)
            || (byte >= 0x7B && byte <= 0x7E)
    }
}
