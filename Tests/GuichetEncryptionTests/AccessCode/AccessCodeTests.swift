import Testing

@testable import GuichetEncryption

@Suite("Access code")
struct AccessCodeTests {
    @Test("a generated code has at least 128 random bits and 7 groups of 4 symbols")
    func shape() {
        #expect(AccessCode.entropyBits >= 128)
        var generator = SeededGenerator(seed: 1)
        let text = AccessCode.generate(using: &generator).displayText
        let groups = text.split(separator: "-")
        #expect(groups.count == 7)
        #expect(groups.allSatisfy { $0.count == 4 })
        #expect(text.unicodeScalars.allSatisfy { "0123456789ABCDEFGHJKMNPQRSTVWXYZ-".unicodeScalars.contains($0) })
    }

    @Test("the golden code parses and prints back unchanged")
    func golden() throws {
        let code = try AccessCode(parsing: goldenCodeText)
        #expect(code.displayText == goldenCodeText)
        #expect(code.canonicalBytes == Array("K7QXM2RD9FHTAB3CDEFGHJKMNP63".utf8))
    }

    @Test(
        "parsing ignores case, spaces, hyphens and reads O as 0, I and L as 1",
        arguments: [
            "k7qx-m2rd-9fht-ab3c-defg-hjkm-np63",
            "K7QXM2RD9FHTAB3CDEFGHJKMNP63",
            "  K7QX M2RD 9FHT AB3C DEFG HJKM NP63 \n",
            "K7QX\u{00A0}M2RD\u{2013}9FHT_AB3C.DEFG - HJKM-np63",
            "k7Qx-M2rD-9fHt-aB3c-DeFg-hJkM-Np63",
        ])
    func tolerantParsing(_ typed: String) throws {
        #expect(try AccessCode(parsing: typed) == AccessCode(parsing: goldenCodeText))
    }

    @Test("10 000 generated codes are distinct and survive random case, spacing and look-alike letters")
    func manyCodes() throws {
        var generator = SeededGenerator(seed: 20_261_127)
        var mangler = SeededGenerator(seed: 42)
        var seen = Set<String>()
        var symbolsSeen = [Set<Character>](repeating: [], count: AccessCode.randomSymbolCount)
        for _ in 0..<10_000 {
            let code = AccessCode.generate(using: &generator)
            let text = code.displayText
            seen.insert(text)
            for (index, character) in text.filter({ $0 != "-" }).prefix(AccessCode.randomSymbolCount).enumerated() {
                symbolsSeen[index].insert(character)
            }
            #expect(try AccessCode(parsing: mangle(text, using: &mangler)) == code)
        }
        #expect(seen.count == 10_000)
        // Every random position takes all 32 values: no symbol is stuck or left out by the generator.
        #expect(symbolsSeen.allSatisfy { $0.count == 32 })
    }

    @Test("every single mistyped symbol is caught by the check symbols")
    func singleSubstitutions() throws {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<20 {
            let symbols = AccessCode.generate(using: &generator).symbols
            for position in symbols.indices {
                for value in UInt8(0)..<32 where value != symbols[position] {
                    var typo = symbols
                    typo[position] = value
                    #expect(throws: AccessCode.ParseError.checksumMismatch) {
                        try AccessCode(parsing: text(of: typo))
                    }
                }
            }
        }
    }

    @Test("two swapped neighbours are caught by the check symbols")
    func adjacentTranspositions() throws {
        var generator = SeededGenerator(seed: 8)
        var checked = 0
        for _ in 0..<200 {
            let symbols = AccessCode.generate(using: &generator).symbols
            for position in 0..<(symbols.count - 1) where symbols[position] != symbols[position + 1] {
                var typo = symbols
                typo.swapAt(position, position + 1)
                #expect(throws: AccessCode.ParseError.checksumMismatch) { try AccessCode(parsing: text(of: typo)) }
                checked += 1
            }
        }
        #expect(checked > 5_000)
    }

    @Test("every change of two symbols breaks the parity equations (minimum distance 3)")
    func doubleSubstitutions() throws {
        let symbols = try AccessCode(parsing: goldenCodeText).symbols
        #expect(AccessCodeChecksum.isValid(symbols))
        for first in symbols.indices {
            for second in (first + 1)..<symbols.count {
                for delta1 in UInt8(1)..<32 {
                    for delta2 in UInt8(1)..<32 {
                        var typo = symbols
                        typo[first] ^= delta1
                        typo[second] ^= delta2
                        if AccessCodeChecksum.isValid(typo) {
                            Issue.record("undetected change at \(first), \(second)")
                            return
                        }
                    }
                }
            }
        }
    }

    @Test("a random string of valid symbols passes the check about once in 1024")
    func randomStrings() {
        var generator = SeededGenerator(seed: 9)
        var passing = 0
        for _ in 0..<20_480 {
            let symbols = (0..<AccessCode.symbolCount).map { _ in UInt8.random(in: 0...31, using: &generator) }
            if AccessCodeChecksum.isValid(symbols) { passing += 1 }
        }
        #expect((5...45).contains(passing))  // 20 expected
    }

    @Test("GF(32) uses a primitive polynomial: α takes all 31 non-zero values")
    func fieldIsPrimitive() {
        #expect(Set(GF32.exponentials).count == 31)
        #expect(!GF32.exponentials.contains(0))
        for a in UInt8(1)..<32 {
            #expect(GF32.multiply(GF32.divide(1, a), a) == 1)
        }
    }

    @Test(
        "malformed input names the problem without quoting the code",
        arguments: [
            ("", AccessCode.ParseError.wrongLength(symbolCount: 0)),
            ("K7QX-M2RD-9FHT-AB3C-DEFG-HJKM-NP6", .wrongLength(symbolCount: 27)),
            ("K7QX-M2RD-9FHT-AB3C-DEFG-HJKM-NP633", .wrongLength(symbolCount: 29)),
            ("K7QX-M2RD-9FHT-AB3C-DEFG-HJKM-NP6U", .invalidCharacter(position: 27)),
            ("U7QX-M2RD-9FHT-AB3C-DEFG-HJKM-NP6*", .invalidCharacter(position: 0)),
            ("K7QX-M2RD-9FHT-AB3C-D\u{00C9}FG-HJKM-NP63", .invalidCharacter(position: 17)),
            ("K7QX-M2RD-9FHT-AB3C-DEFG-HJKM-NP36", .checksumMismatch),
            ("K7QX-M2RD-9FHT-BA3C-DEFG-HJKM-NP63", .checksumMismatch),
        ])
    func rejected(_ typed: String, _ expected: AccessCode.ParseError) {
        #expect(throws: expected) { try AccessCode(parsing: typed) }
    }

    @Test("codes compare equal only when every symbol matches")
    func equality() throws {
        var generator = SeededGenerator(seed: 3)
        let first = AccessCode.generate(using: &generator)
        let second = AccessCode.generate(using: &generator)
        #expect(first != second)
        #expect(try AccessCode(parsing: first.displayText) == first)
    }

    @Test("descriptions, reflection and dumps never contain the code")
    func redaction() throws {
        struct Session {
            let id: Int
            let code: AccessCode
        }
        let code = try AccessCode(parsing: goldenCodeText)
        var dumped = ""
        dump(code, to: &dumped)
        var dumpedSession = ""
        dump(Session(id: 1, code: code), to: &dumpedSession)
        let renderings = [
            code.description, code.debugDescription, "\(code)", String(describing: code), String(reflecting: code),
            "\([code])", "\(Optional(code) as Any)", "\(Session(id: 1, code: code))", dumped, dumpedSession,
        ]
        let secrets =
            [goldenCodeText, "K7QXM2RD9FHTAB3CDEFGHJKMNP63"] + goldenCodeText.split(separator: "-").map(String.init)
        for rendering in renderings {
            #expect(rendering.contains("redacted"))
            for secret in secrets {
                #expect(!rendering.uppercased().contains(secret), "\(rendering) reveals a part of the code")
            }
        }
    }

    /// Random case, random separators and the look-alike letters O, I, L in place of 0 and 1.
    private func mangle(_ text: String, using generator: inout SeededGenerator) -> String {
        var out = ""
        for character in text where character != "-" {
            switch Int.random(in: 0..<6, using: &generator) {
            case 0: out.append(" ")
            case 1: out.append("-")
            default: break
            }
            var typed = character
            if character == "0" && Bool.random(using: &generator) { typed = "O" }
            if character == "1" { typed = ["1", "I", "L"].randomElement(using: &generator) ?? "1" }
            out.append(Bool.random(using: &generator) ? Character(typed.lowercased()) : typed)
        }
        return out
    }

    private func text(of symbols: [UInt8]) -> String {
        String(String.UnicodeScalarView(symbols.map { CrockfordBase32.symbol(for: $0) }))
    }
}
