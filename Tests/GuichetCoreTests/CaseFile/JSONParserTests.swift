import Testing

@testable import GuichetCore

/// A text that must not parse, with where and why.
struct BadJSON: CustomTestStringConvertible, Sendable {
    let text: String
    let line: Int
    let column: Int
    let path: String
    let problem: JSONSyntaxError.Problem

    var testDescription: String { "\(text.debugDescription) → \(problem)" }
}

@Suite("Strict JSON reader")
struct JSONParserTests {
    @Test(
        "reads every JSON kind",
        arguments: [
            ("null", JSONValue.null), ("true", .bool(true)), ("false", .bool(false)), ("0", .number("0")),
            ("-12.5e+3", .number("-12.5e+3")), ("\"é\"", .string("é")), ("[]", .array([])), ("{}", .object([])),
            (" [1, \"a\"] ", .array([.number("1"), .string("a")])),
            ("{\"b\": 1, \"a\": [null]}", .object([JSONMember("b", .number("1")), JSONMember("a", .array([.null]))])),
        ])
    func valid(text: String, value: JSONValue) throws {
        #expect(try JSONParser.parse(text) == value)
    }

    @Test("unescapes every escape, surrogate pairs included")
    func escapes() throws {
        let value = try JSONParser.parse(#""\"\\\/\b\f\n\r\t\u00e9\u20AC\ud83d\ude00""#)
        #expect(value == .string("\"\\/\u{08}\u{0C}\n\r\té€😀"))
    }

    @Test("keeps object members in written order, duplicates included (the case-file reader reports them)")
    func memberOrder() throws {
        let value = try JSONParser.parse(#"{"z": 1, "a": 2, "z": 3}"#)
        #expect(
            value
                == .object([
                    JSONMember("z", .number("1")), JSONMember("a", .number("2")), JSONMember("z", .number("3")),
                ]))
    }

    @Test("skips a UTF-8 byte-order mark")
    func byteOrderMark() throws {
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == .array([.number("1")]))
    }

    static let bad: [BadJSON] = [
        BadJSON(text: "", line: 1, column: 1, path: "$", problem: .unexpectedEnd(expected: "une valeur")),
        BadJSON(
            text: "{", line: 1, column: 2, path: "$", problem: .unexpectedEnd(expected: "une clé entre guillemets")),
        BadJSON(
            text: "[1,]", line: 1, column: 4, path: "[1]",
            problem: .unexpected(
                found: "« ] »", expected: "une valeur (objet, tableau, texte, nombre, true, false ou null)")),
        BadJSON(
            text: "{\"a\": 1,}", line: 1, column: 9, path: "$",
            problem: .unexpected(found: "« } »", expected: "une clé entre guillemets")),
        BadJSON(
            text: "{'a': 1}", line: 1, column: 2, path: "$",
            problem: .unexpected(found: "« ' »", expected: "une clé entre guillemets")),
        BadJSON(text: "{\"a\": 01}", line: 1, column: 8, path: "a", problem: .invalidNumber),
        BadJSON(text: "[1.]", line: 1, column: 4, path: "[0]", problem: .invalidNumber),
        BadJSON(text: "[-]", line: 1, column: 3, path: "[0]", problem: .invalidNumber),
        BadJSON(
            text: "[+1]", line: 1, column: 2, path: "[0]",
            problem: .unexpected(
                found: "« + »", expected: "une valeur (objet, tableau, texte, nombre, true, false ou null)")),
        BadJSON(text: "[\"\\x\"]", line: 1, column: 4, path: "[0]", problem: .invalidEscape),
        BadJSON(text: "[\"\\ud800\"]", line: 1, column: 9, path: "[0]", problem: .loneSurrogate),
        BadJSON(text: "[\"\\udc00\"]", line: 1, column: 9, path: "[0]", problem: .loneSurrogate),
        BadJSON(text: "[\"a\nb\"]", line: 1, column: 4, path: "[0]", problem: .unescapedControlCharacter),
        BadJSON(
            text: "{\"a\": tru}", line: 1, column: 10, path: "a",
            problem: .unexpected(found: "« } »", expected: "« true »")),
        BadJSON(text: "[1] [2]", line: 1, column: 5, path: "$", problem: .trailingContent),
        BadJSON(
            text: "{\n  \"attempts\": [\n    {\"at\": }\n  ]\n}", line: 3, column: 12, path: "attempts[0].at",
            problem: .unexpected(
                found: "« } »", expected: "une valeur (objet, tableau, texte, nombre, true, false ou null)")),
        BadJSON(
            text: "// comment\n{}", line: 1, column: 1, path: "$",
            problem: .unexpected(
                found: "« / »", expected: "une valeur (objet, tableau, texte, nombre, true, false ou null)")),
        BadJSON(
            text: "[NaN]", line: 1, column: 2, path: "[0]",
            problem: .unexpected(
                found: "« N »", expected: "une valeur (objet, tableau, texte, nombre, true, false ou null)")),
    ]

    @Test("refuses what RFC 8259 refuses, saying where and why", arguments: bad)
    func invalid(_ bad: BadJSON) {
        #expect(
            throws: JSONSyntaxError(line: bad.line, column: bad.column, path: pathFrom(bad.path), problem: bad.problem)
        ) {
            try JSONParser.parse(bad.text)
        }
    }

    @Test(
        "refuses invalid UTF-8: overlong forms, surrogates, truncated sequences, bytes over U+10FFFF",
        arguments: [[0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC3], [0xFF]]
            as [[UInt8]])
    func invalidUTF8(_ bytes: [UInt8]) {
        let document = Array("[\"".utf8) + bytes + Array("\"]".utf8)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(document) }
        do {
            _ = try JSONParser.parse(document)
        } catch {
            #expect(error.problem == .invalidUTF8 || error.problem == .unescapedControlCharacter)
        }
    }

    @Test("stops hostile nesting at the depth limit instead of exhausting the stack")
    func depthLimit() throws {
        let deep = String(repeating: "[", count: 100_000)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(deep) }
        let fine =
            String(repeating: "[", count: JSONParser.maximumDepth)
            + String(repeating: "]", count: JSONParser.maximumDepth)
        #expect(throws: Never.self) { try JSONParser.parse(fine) }
        let tooDeep = "[" + fine + "]"
        do {
            _ = try JSONParser.parse(tooDeep)
            Issue.record("nesting beyond the limit was accepted")
        } catch {
            #expect(error.problem == .tooDeep(limit: JSONParser.maximumDepth))
        }
    }

    @Test("gives the French message with path, line and column")
    func frenchMessage() {
        do {
            _ = try JSONParser.parse("{\"attempts\": [1, {\"at\": tru}]}")
            Issue.record("accepted broken JSON")
        } catch {
            #expect(
                error.frenchMessage
                    == "attempts[1].at: JSON invalide (ligne 1, colonne 28) : « } » inattendu (attendu : « true »)")
        }
    }

    @Test("never traps on any prefix of a valid document, nor on random bytes")
    func hostileInput() {
        let document = Array(#"{"a": [1, -2.5e3, "é\u00e9\ud83d\ude00", true, null, {"b": false}]}"#.utf8)
        for end in 0..<document.count {
            #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(Array(document[..<end])) }
        }
        var generator = SeededGenerator(seed: 0x5EED)
        var parsed = 0
        for _ in 0..<2000 {
            let bytes = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                UInt8.random(in: 0...255, using: &generator)
            }
            if (try? JSONParser.parse(bytes)) != nil { parsed += 1 }
        }
        #expect(parsed < 2000)
    }

    private func pathFrom(_ text: String) -> JSONPath {
        // Only the shapes used in the table: "$", "a", "[1]", "attempts[0].at".
        if text == "$" { return .root }
        var path = JSONPath.root
        var name = ""
        var index = ""
        var inIndex = false
        for character in text {
            switch character {
            case "[":
                if !name.isEmpty { path = path.key(name) }
                name = ""
                inIndex = true
            case "]":
                path = path.index(Int(index) ?? 0)
                index = ""
                inIndex = false
            case ".":
                if !name.isEmpty { path = path.key(name) }
                name = ""
            default:
                if inIndex { index.append(character) } else { name.append(character) }
            }
        }
        if !name.isEmpty { path = path.key(name) }
        return path
    }
}

/// A small deterministic generator (SplitMix64) so that random inputs are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
