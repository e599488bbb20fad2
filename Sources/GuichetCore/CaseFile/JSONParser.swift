/// A strict RFC 8259 JSON reader over UTF-8 bytes, with no Foundation.
///
/// Strict means: no comments, no trailing commas, no single quotes, no `NaN`, no unescaped control
/// character in a string, no invalid UTF-8, no lone surrogate in a `\u` escape, nothing after the
/// value. A UTF-8 byte-order mark at the start is skipped (some Windows editors write one). Nesting is
/// limited to ``maximumDepth`` so that hostile input cannot exhaust the stack. It never traps: every
/// problem becomes a ``JSONSyntaxError`` with the line, column and JSON path where reading stopped.
public struct JSONParser {
    /// Deepest nesting of arrays and objects accepted (a case file needs 4).
    public static let maximumDepth = 64

    private let bytes: [UInt8]
    private var position = 0
    private var path: [JSONPath.Component] = []

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Reads one JSON document.
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.position = 3 }
        parser.skipWhitespace()
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        if parser.position < bytes.count { throw parser.error(.trailingContent) }
        return value
    }

    /// Reads one JSON document from text.
    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    // MARK: - Values

    private mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard position < bytes.count else { throw error(.unexpectedEnd(expected: "une valeur")) }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"):
            try parseLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try parseLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try parseLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw unexpected(expected: "une valeur (objet, tableau, texte, nombre, true, false ou null)")
        }
    }

    private mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        if depth > JSONParser.maximumDepth { throw error(.tooDeep(limit: JSONParser.maximumDepth)) }
        position += 1  // {
        var members: [JSONMember] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            return .object([])
        }
        while true {
            skipWhitespace()
            guard position < bytes.count else { throw error(.unexpectedEnd(expected: "une clé entre guillemets")) }
            guard bytes[position] == UInt8(ascii: "\"") else { throw unexpected(expected: "une clé entre guillemets") }
            let key = try parseString()
            skipWhitespace()
            try expect(UInt8(ascii: ":"), "« : »")
            skipWhitespace()
            path.append(.key(key))
            let value = try parseValue(depth: depth)
            path.removeLast()
            members.append(JSONMember(key, value))
            skipWhitespace()
            guard position < bytes.count else { throw error(.unexpectedEnd(expected: "« , » ou « } »")) }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            if bytes[position] == UInt8(ascii: "}") {
                position += 1
                return .object(members)
            }
            throw unexpected(expected: "« , » ou « } »")
        }
    }

    private mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        if depth > JSONParser.maximumDepth { throw error(.tooDeep(limit: JSONParser.maximumDepth)) }
        position += 1  // [
        var elements: [JSONValue] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            return .array([])
        }
        while true {
            skipWhitespace()
            path.append(.index(elements.count))
            let value = try parseValue(depth: depth)
            path.removeLast()
            elements.append(value)
            skipWhitespace()
            guard position < bytes.count else { throw error(.unexpectedEnd(expected: "« , » ou « ] »")) }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            if bytes[position] == UInt8(ascii: "]") {
                position += 1
                return .array(elements)
            }
            throw unexpected(expected: "« , » ou « ] »")
        }
    }

    private mutating func parseLiteral(_ word: String) throws(JSONSyntaxError) {
        for byte in word.utf8 {
            guard position < bytes.count else { throw error(.unexpectedEnd(expected: "« \(word) »")) }
            guard bytes[position] == byte else { throw unexpected(expected: "« \(word) »") }
            position += 1
        }
    }

    // MARK: - Numbers

    private mutating func parseNumber() throws(JSONSyntaxError) -> String {
        let start = position
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count, isDigit(bytes[position]) else { throw invalidNumber() }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else {
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else { throw invalidNumber() }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard position < bytes.count, isDigit(bytes[position]) else { throw invalidNumber() }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        // A digit right after a leading zero ("01") is not JSON.
        if position < bytes.count, isDigit(bytes[position]) { throw invalidNumber() }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private func invalidNumber() -> JSONSyntaxError { error(.invalidNumber) }

    // MARK: - Strings

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        position += 1  // opening quote
        var buffer: [UInt8] = []
        while true {
            guard position < bytes.count else { throw error(.unexpectedEnd(expected: "« \" » fermant")) }
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return String(decoding: buffer, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try parseEscape(into: &buffer)
            case 0x00..<0x20:
                throw error(.unescapedControlCharacter)
            case 0x20..<0x80:
                buffer.append(byte)
                position += 1
            default:
                let length = try validUTF8SequenceLength()
                buffer.append(contentsOf: bytes[position..<position + length])
                position += length
            }
        }
    }

    /// The length of the valid UTF-8 sequence starting at `position` (Unicode 15, table 3-7).
    private func validUTF8SequenceLength() throws(JSONSyntaxError) -> Int {
        let lead = bytes[position]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            high = 0x9F  // no UTF-16 surrogates
        case 0xF0:
            length = 4
            low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            high = 0x8F  // nothing above U+10FFFF
        default: throw error(.invalidUTF8)
        }
        guard position + length <= bytes.count else { throw error(.invalidUTF8) }
        let second = bytes[position + 1]
        guard second >= low, second <= high else { throw error(.invalidUTF8) }
        for offset in 2..<max(2, length) where bytes[position + offset] & 0xC0 != 0x80 {
            throw error(.invalidUTF8)
        }
        return length
    }

    private mutating func parseEscape(into buffer: inout [UInt8]) throws(JSONSyntaxError) {
        position += 1  // backslash
        guard position < bytes.count else { throw error(.unexpectedEnd(expected: "une séquence d'échappement")) }
        let byte = bytes[position]
        position += 1
        switch byte {
        case UInt8(ascii: "\""): buffer.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): buffer.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "/"): buffer.append(UInt8(ascii: "/"))
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try parseHex4()
            if (0xD800...0xDBFF).contains(scalar) {
                // A high surrogate must be followed by an escaped low surrogate.
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                    bytes[position + 1] == UInt8(ascii: "u")
                else { throw error(.loneSurrogate) }
                position += 2
                let low = try parseHex4()
                guard (0xDC00...0xDFFF).contains(low) else { throw error(.loneSurrogate) }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw error(.loneSurrogate)
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw error(.loneSurrogate) }
            buffer.append(contentsOf: Array(String(Character(unicode)).utf8))
        default:
            position -= 1
            throw error(.invalidEscape)
        }
    }

    private mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard position < bytes.count else { throw error(.unexpectedEnd(expected: "quatre chiffres hexadécimaux")) }
            let byte = bytes[position]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error(.invalidEscape)
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    // MARK: - Helpers

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): position += 1
            default: return
            }
        }
    }

    private mutating func expect(_ byte: UInt8, _ description: String) throws(JSONSyntaxError) {
        guard position < bytes.count else { throw error(.unexpectedEnd(expected: description)) }
        guard bytes[position] == byte else { throw unexpected(expected: description) }
        position += 1
    }

    private func unexpected(expected: String) -> JSONSyntaxError {
        error(.unexpected(found: describeCharacter(at: position), expected: expected))
    }

    /// The character at `index` for a message: printable as itself, otherwise `U+XXXX`.
    private func describeCharacter(at index: Int) -> String {
        guard index < bytes.count else { return "fin du fichier" }
        let byte = bytes[index]
        if byte >= 0x21, byte < 0x7F { return "« " + String(UnicodeScalar(byte)) + " »" }
        if byte < 0x80 { return "U+" + JSONWriter.hex(Int(byte), width: 4) }
        var end = index + 1
        while end < bytes.count, end < index + 4, bytes[end] & 0xC0 == 0x80 { end += 1 }
        if let scalar = String(validating: bytes[index..<end], as: UTF8.self)?.unicodeScalars.first {
            return "« " + String(Character(scalar)) + " »"
        }
        return "octet 0x" + JSONWriter.hex(Int(byte), width: 2)
    }

    private func error(_ problem: JSONSyntaxError.Problem) -> JSONSyntaxError {
        var line = 1
        var column = 1
        var index = 0
        let end = min(position, bytes.count)
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return JSONSyntaxError(line: line, column: column, path: JSONPath(path), problem: problem)
    }
}

/// Why a text is not JSON, and where (1-based line and column, counted in characters).
public struct JSONSyntaxError: Error, Sendable, Equatable {
    /// Line of the problem (1-based).
    public let line: Int
    /// Column of the problem (1-based, in Unicode characters).
    public let column: Int
    /// The JSON path of the value being read when reading stopped.
    public let path: JSONPath
    /// What is wrong.
    public let problem: Problem

    /// What is wrong with the text.
    public enum Problem: Sendable, Equatable {
        /// The text stops in the middle of a value.
        case unexpectedEnd(expected: String)
        /// A character that cannot appear here.
        case unexpected(found: String, expected: String)
        /// Bytes that are not UTF-8.
        case invalidUTF8
        /// A backslash sequence JSON does not define.
        case invalidEscape
        /// A `\u` escape giving half of a surrogate pair.
        case loneSurrogate
        /// A control character (tab, new line…) written as is inside a string.
        case unescapedControlCharacter
        /// A number that breaks the JSON grammar (`01`, `1.`, `.5`, `+1`…).
        case invalidNumber
        /// Arrays and objects nested deeper than ``JSONParser/maximumDepth``.
        case tooDeep(limit: Int)
        /// Something after the end of the document.
        case trailingContent
    }

    /// Creates an error.
    public init(line: Int, column: Int, path: JSONPath, problem: Problem) {
        self.line = line
        self.column = column
        self.path = path
        self.problem = problem
    }

    /// What is wrong, in French, without the position.
    public var frenchProblem: String {
        switch problem {
        case .unexpectedEnd(let expected): return "fin du fichier inattendue (attendu : \(expected))"
        case .unexpected(let found, let expected): return "\(found) inattendu (attendu : \(expected))"
        case .invalidUTF8: return "le fichier n'est pas en UTF-8 valide"
        case .invalidEscape: return "séquence d'échappement invalide après « \\ »"
        case .loneSurrogate: return "échappement \\u invalide (demi-paire de substitution)"
        case .unescapedControlCharacter:
            return
                "caractère de contrôle dans un texte (écrivez \\n pour un retour à la ligne, \\t pour une tabulation)"
        case .invalidNumber: return "nombre invalide"
        case .tooDeep(let limit): return "imbrication trop profonde (au plus \(limit) niveaux)"
        case .trailingContent: return "contenu après la fin du document JSON"
        }
    }

    /// `attempts[2]: JSON invalide (ligne 14, colonne 5) : « } » inattendu (attendu : …)`.
    public var frenchMessage: String {
        let position = "JSON invalide (ligne \(line), colonne \(column)) : " + frenchProblem
        return path.components.isEmpty ? position : "\(path): \(position)"
    }
}
