/// The secret that opens one private case file: 130 random bits, shown once to its owner, never stored.
///
/// Written in Crockford base32 (digits and capital letters without I, L, O, U), 26 random symbols followed by
/// 2 check symbols, in 7 groups of 4: `K7QX-M2RD-9FHT-…`. Parsing ignores case, spaces and hyphens and reads
/// O as 0, I and L as 1, so a code copied by hand from a phone screen or read aloud still works. The check
/// symbols form a distance-3 code over GF(32) (see `AccessCodeChecksum`), so **any one or two wrong symbols,
/// including two swapped neighbours, are always detected** and answered with "code mal recopié" rather than a
/// lookup.
///
/// The code has enough entropy to be a key on its own: keys and the lookup identifier are derived from it with
/// HKDF (`CaseFileKeys`), no slow password hash is needed.
///
/// The code never appears in logs by accident: `description`, `debugDescription` and the reflection used by
/// `dump` and string interpolation all print `AccessCode(redacted)`. Only `displayText` reveals it, for the one
/// page that shows it to its owner.
public struct AccessCode: Sendable {
    /// Number of random symbols (5 bits each): 26 × 5 = 130 bits.
    public static let randomSymbolCount = 26
    /// Number of check symbols appended to the random ones.
    public static let checkSymbolCount = AccessCodeChecksum.checkSymbolCount
    /// Number of symbols in a complete code, check symbols included.
    public static let symbolCount = randomSymbolCount + checkSymbolCount
    /// Bits of entropy in a generated code.
    public static let entropyBits = randomSymbolCount * 5
    /// Symbols per group in `displayText`.
    public static let groupLength = 4

    /// Why a typed code was rejected. Carries no part of the typed text, so it can be logged.
    public enum ParseError: Error, Equatable, Sendable {
        /// After removing spaces and hyphens, the code does not have `AccessCode.symbolCount` symbols.
        case wrongLength(symbolCount: Int)
        /// The symbol at this 0-based position (spaces and hyphens not counted) is not Crockford base32.
        case invalidCharacter(position: Int)
        /// Every symbol is valid but the check symbols do not match: a symbol was mistyped.
        case checksumMismatch
    }

    /// Symbol values 0…31, check symbols included.
    let symbols: [UInt8]

    private init(symbols: [UInt8]) {
        precondition(symbols.count == Self.symbolCount && symbols.allSatisfy { $0 < 32 })
        self.symbols = symbols
    }

    /// A new random code. Production passes `SystemRandomNumberGenerator`; tests pass a seeded generator.
    public static func generate(using generator: inout some RandomNumberGenerator) -> AccessCode {
        var random = [UInt8]()
        random.reserveCapacity(symbolCount)
        for _ in 0..<randomSymbolCount {
            random.append(UInt8.random(in: 0...31, using: &generator))
        }
        return AccessCode(symbols: random + AccessCodeChecksum.checkSymbols(for: random))
    }

    /// Reads a code typed or pasted by a person.
    ///
    /// Ignores case, white space (including no-break spaces) and hyphens or dashes anywhere; reads O as 0 and
    /// I, L as 1. Rejects anything else, a wrong number of symbols, or check symbols that do not match.
    public init(parsing text: String) throws(ParseError) {
        var values = [UInt8]()
        values.reserveCapacity(Self.symbolCount)
        var invalidPosition: Int?
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || Self.separators.contains(scalar) { continue }
            if let value = CrockfordBase32.value(of: scalar) {
                values.append(value)
            } else if invalidPosition == nil {
                invalidPosition = values.count
                values.append(0)
            } else {
                values.append(0)
            }
        }
        guard values.count == Self.symbolCount else { throw .wrongLength(symbolCount: values.count) }
        if let invalidPosition { throw .invalidCharacter(position: invalidPosition) }
        guard AccessCodeChecksum.isValid(values) else { throw .checksumMismatch }
        self.init(symbols: values)
    }

    /// The code as its owner should see and copy it: upper case, groups of 4 joined by hyphens.
    ///
    /// This is the only way to read the code back: use it on the page that shows the code once (and in the
    /// bookmark link), nowhere else.
    public var displayText: String {
        var text = ""
        text.reserveCapacity(Self.symbolCount + Self.symbolCount / Self.groupLength)
        for (index, value) in symbols.enumerated() {
            if index > 0 && index % Self.groupLength == 0 { text.append("-") }
            text.unicodeScalars.append(CrockfordBase32.symbol(for: value))
        }
        return text
    }

    /// The 28 upper-case symbols without separators, as ASCII bytes: the input key material of `CaseFileKeys`.
    var canonicalBytes: [UInt8] {
        symbols.map { UInt8(CrockfordBase32.symbol(for: $0).value) }
    }

    /// Separators people type or paste between groups, besides white space.
    private static let separators: Set<Unicode.Scalar> = [
        "-", "_", ".", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}",
    ]
}

extension AccessCode: Equatable {
    /// Compares two codes without an early exit, so the time taken does not depend on where they differ.
    public static func == (lhs: AccessCode, rhs: AccessCode) -> Bool {
        var difference: UInt8 = 0
        for (left, right) in zip(lhs.symbols, rhs.symbols) { difference |= left ^ right }
        return difference == 0 && lhs.symbols.count == rhs.symbols.count
    }
}

extension AccessCode: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// `AccessCode(redacted)`: the code is never written to a log through `description`.
    public var description: String { "AccessCode(redacted)" }

    /// Same as `description`.
    public var debugDescription: String { description }

    /// A mirror without children, so `dump` and the interpolation of an enclosing value do not reveal the code.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
