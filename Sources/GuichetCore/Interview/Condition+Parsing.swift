/// Why a condition's text could not be read.
public struct ConditionSyntaxError: Error, Sendable, Equatable {
    /// 0-based position of the offending character in the text (UTF-8 bytes).
    public let offset: Int
    /// What is wrong, in French.
    public let message: String

    /// Creates an error.
    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }
}

extension Condition {
    /// The keywords of the language; no variable may be named after one.
    public static let keywords: Set<String> = ["and", "or", "not", "in", "today"]

    /// Parses a condition (grammar in docs/interviews.md):
    ///
    /// ```
    /// condition := conjunction ("or" conjunction)*
    /// conjunction := negation ("and" negation)*
    /// negation := "not" negation | "(" condition ")" | test
    /// test := reference ("==" | "!=") value | reference ["not"] "in" "[" value ("," value)* "]"
    ///       | dateterm ("<" | "<=" | ">" | ">=") dateterm | reference
    /// dateterm := (reference | "today" | YYYY-MM-DD) [("+" | "-") integer]
    /// reference := name ["." name]        value := word | "quoted text"
    /// ```
    ///
    /// `==` and `!=` compare dates too when the right side is `today`, a date term with an offset, or a
    /// date and the left side a date. Signs `+` and `-` must stand between spaces (`today - 30`), since
    /// `-` belongs to words (`renouvellement-titre`).
    public static func parse(_ text: String) throws(ConditionSyntaxError) -> Condition {
        var parser = Parser(tokens: try Lexer.tokens(of: text), end: text.utf8.count)
        let condition = try parser.disjunction()
        if let token = parser.peek {
            throw ConditionSyntaxError(offset: token.offset, message: "élément inattendu : « \(token.text) »")
        }
        return condition
    }
}

struct Lexer {
    enum Kind: Equatable {
        case word
        case string
        case symbol
    }

    struct Token: Equatable {
        let kind: Kind
        let text: String
        let offset: Int
    }

    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
            || byte == 0x5F || byte == 0x2D
    }

    static func tokens(of text: String) throws(ConditionSyntaxError) -> [Token] {
        let bytes = Array(text.utf8)
        var tokens: [Token] = []
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                i += 1
                continue
            }
            let start = i
            if byte == 0x22 {  // "
                var value: [UInt8] = []
                i += 1
                var closed = false
                while i < bytes.count {
                    if bytes[i] == 0x5C, i + 1 < bytes.count {  // backslash escape
                        value.append(bytes[i + 1])
                        i += 2
                        continue
                    }
                    if bytes[i] == 0x22 {
                        closed = true
                        i += 1
                        break
                    }
                    value.append(bytes[i])
                    i += 1
                }
                guard closed else { throw ConditionSyntaxError(offset: start, message: "guillemet non refermé") }
                tokens.append(Token(kind: .string, text: String(decoding: value, as: UTF8.self), offset: start))
                continue
            }
            if isWordByte(byte) && byte != 0x2D {
                while i < bytes.count, isWordByte(bytes[i]) { i += 1 }
                tokens.append(
                    Token(kind: .word, text: String(decoding: bytes[start..<i], as: UTF8.self), offset: start))
                continue
            }
            let two = i + 1 < bytes.count ? String(decoding: bytes[i...i + 1], as: UTF8.self) : ""
            if ["==", "!=", "<=", ">="].contains(two) {
                tokens.append(Token(kind: .symbol, text: two, offset: start))
                i += 2
                continue
            }
            let one = String(decoding: [byte], as: UTF8.self)
            if ["(", ")", "[", "]", ",", ".", "<", ">", "+", "-"].contains(one) {
                tokens.append(Token(kind: .symbol, text: one, offset: start))
                i += 1
                continue
            }
            let shown = String(decoding: bytes[start...].prefix(4), as: UTF8.self).first.map(String.init) ?? "?"
            throw ConditionSyntaxError(offset: start, message: "caractère inattendu : « \(shown) »")
        }
        return tokens
    }
}

private struct Parser {
    let tokens: [Lexer.Token]
    let end: Int
    var position = 0

    init(tokens: [Lexer.Token], end: Int) {
        self.tokens = tokens
        self.end = end
    }

    var peek: Lexer.Token? { position < tokens.count ? tokens[position] : nil }

    mutating func advance() -> Lexer.Token? {
        defer { position += 1 }
        return peek
    }

    func isSymbol(_ text: String) -> Bool { peek?.kind == .symbol && peek?.text == text }
    func isKeyword(_ text: String) -> Bool { peek?.kind == .word && peek?.text == text }

    func error(_ message: String) -> ConditionSyntaxError {
        ConditionSyntaxError(offset: peek?.offset ?? end, message: message)
    }

    mutating func expect(_ symbol: String) throws(ConditionSyntaxError) {
        guard isSymbol(symbol) else {
            throw error("« \(symbol) » attendu" + (peek.map { " au lieu de « \($0.text) »" } ?? " en fin de condition"))
        }
        position += 1
    }

    mutating func disjunction() throws(ConditionSyntaxError) -> Condition {
        var items = [try conjunction()]
        while isKeyword("or") {
            position += 1
            items.append(try conjunction())
        }
        return items.count == 1 ? items[0] : .any(items)
    }

    mutating func conjunction() throws(ConditionSyntaxError) -> Condition {
        var items = [try negation()]
        while isKeyword("and") {
            position += 1
            items.append(try negation())
        }
        return items.count == 1 ? items[0] : .all(items)
    }

    mutating func negation() throws(ConditionSyntaxError) -> Condition {
        if isKeyword("not") {
            position += 1
            return .not(try negation())
        }
        if isSymbol("(") {
            position += 1
            let inner = try disjunction()
            try expect(")")
            return inner
        }
        return try test()
    }

    mutating func test() throws(ConditionSyntaxError) -> Condition {
        let left = try dateTerm()
        if isSymbol("==") || isSymbol("!=") {
            let op = advance()?.text ?? "=="
            guard case .reference(let reference) = left.base, left.offsetDays == 0 else {
                // Two dates compared for equality.
                let right = try dateTerm()
                return .compare(left, op == "==" ? .equal : .notEqual, right)
            }
            if isKeyword("today") || (peek.map { LocalDate(iso: $0.text) != nil } ?? false) && followsOffset {
                let right = try dateTerm()
                return .compare(left, op == "==" ? .equal : .notEqual, right)
            }
            let literal = try value()
            return op == "==" ? .equals(reference, literal) : .notEquals(reference, literal)
        }
        if isKeyword("in") || (isKeyword("not") && position + 1 < tokens.count && tokens[position + 1].text == "in") {
            let negated = isKeyword("not")
            position += negated ? 2 : 1
            guard case .reference(let reference) = left.base, left.offsetDays == 0 else {
                throw error("« in » s'applique à une variable")
            }
            try expect("[")
            var values = [try value()]
            while isSymbol(",") {
                position += 1
                values.append(try value())
            }
            try expect("]")
            return negated ? .not(.isIn(reference, values)) : .isIn(reference, values)
        }
        for op in [Condition.Comparison.lessOrEqual, .greaterOrEqual, .lessThan, .greaterThan] where isSymbol(op.rawValue) {
            position += 1
            return .compare(left, op, try dateTerm())
        }
        guard case .reference(let reference) = left.base, left.offsetDays == 0 else {
            throw error("une comparaison est attendue après une date")
        }
        return .isPresent(reference)
    }

    /// Whether the token after the current one is `+` or `-` (a date term with an offset).
    var followsOffset: Bool {
        guard position + 1 < tokens.count else { return false }
        let next = tokens[position + 1]
        return next.kind == .symbol && (next.text == "+" || next.text == "-")
    }

    mutating func value() throws(ConditionSyntaxError) -> String {
        guard let token = peek, token.kind != .symbol else { throw error("valeur attendue") }
        position += 1
        return token.text
    }

    mutating func dateTerm() throws(ConditionSyntaxError) -> DateTerm {
        guard let token = peek, token.kind == .word else {
            throw error(peek.map { "variable attendue au lieu de « \($0.text) »" } ?? "condition incomplète")
        }
        position += 1
        let base: DateTerm.Base
        if token.text == "today" {
            base = .today
        } else if let day = LocalDate(iso: token.text) {
            base = .date(day)
        } else {
            guard Parser.isName(token.text) else {
                throw ConditionSyntaxError(
                    offset: token.offset,
                    message: "nom de variable invalide : « \(token.text) » (minuscules, chiffres et _ ; "
                        + "mettez des espaces autour de + et -)")
            }
            guard !Condition.keywords.contains(token.text) else {
                throw ConditionSyntaxError(offset: token.offset, message: "mot réservé : « \(token.text) »")
            }
            var property: String?
            if isSymbol(".") {
                position += 1
                guard let name = peek, name.kind == .word, Parser.isName(name.text) else {
                    throw error("propriété attendue après « . »")
                }
                position += 1
                property = name.text
            }
            base = .reference(Reference(token.text, property: property))
        }
        var offset = 0
        if isSymbol("+") || isSymbol("-") {
            let sign = advance()?.text == "-" ? -1 : 1
            guard let number = peek, number.kind == .word, let days = Int(number.text), days >= 0 else {
                throw error("nombre de jours attendu")
            }
            position += 1
            offset = sign * days
        }
        return DateTerm(base, offsetDays: offset)
    }

    /// `[a-z][a-z0-9_]*`.
    static func isName(_ text: String) -> Bool {
        guard let first = text.utf8.first, first >= 0x61, first <= 0x7A else { return false }
        return text.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }
    }
}

extension Condition {
    /// Whether `text` is a valid variable name: `[a-z][a-z0-9_]*`, not a keyword.
    public static func isVariableName(_ text: String) -> Bool {
        !keywords.contains(text) && text.utf8.count <= 64 && {
            guard let first = text.utf8.first, first >= 0x61, first <= 0x7A else { return false }
            return text.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }
        }()
    }
}
