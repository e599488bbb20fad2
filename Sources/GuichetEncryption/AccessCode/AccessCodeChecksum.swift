/// The two check symbols of an `AccessCode`: a shortened Reed–Solomon-style code over GF(32).
///
/// A complete code c₀…c₂₇ (symbol values seen as elements of GF(32) = GF(2)[x]/(x⁵ + x² + 1), with α = x)
/// satisfies two parity equations:
///
///     c₀ + c₁ + … + c₂₇ = 0        and        c₀·α⁰ + c₁·α¹ + … + c₂₇·α²⁷ = 0
///
/// The parity-check matrix has columns (1, αⁱ); any two of them are independent as long as the code has at most
/// 31 symbols (αⁱ ≠ αʲ for i ≠ j < 31). The code therefore has minimum distance 3: every change of one or two
/// symbols — a typo, a doubled typo, two swapped neighbours — breaks at least one equation. A random string of
/// valid symbols passes by chance with probability 1/1024.
enum AccessCodeChecksum {
    /// Number of check symbols.
    static let checkSymbolCount = 2

    /// The two check symbols to append to `data` (values 0…31, at most 29 of them).
    static func checkSymbols(for data: [UInt8]) -> [UInt8] {
        precondition(data.count + checkSymbolCount <= 31, "GF(32) distance 3 needs at most 31 symbols")
        let (s0, s1) = syndromes(data)
        // Unknowns a (position n) and b (position n + 1), with n = data.count:
        //   a + b = s0   and   a·αⁿ + b·αⁿ⁺¹ = s1   ⇒   b = (s1 + s0·αⁿ) / (αⁿ + αⁿ⁺¹),  a = s0 + b.
        let n = data.count
        let numerator = s1 ^ GF32.multiply(s0, GF32.power(n))
        let denominator = GF32.power(n) ^ GF32.power(n + 1)
        let b = GF32.divide(numerator, denominator)
        let a = s0 ^ b
        return [a, b]
    }

    /// Whether a complete code (data and check symbols) satisfies both parity equations.
    static func isValid(_ code: [UInt8]) -> Bool {
        guard code.count <= 31 else { return false }
        let (s0, s1) = syndromes(code)
        return s0 == 0 && s1 == 0
    }

    /// (Σ cᵢ, Σ cᵢ·αⁱ) in GF(32).
    private static func syndromes(_ symbols: [UInt8]) -> (UInt8, UInt8) {
        var s0: UInt8 = 0
        var s1: UInt8 = 0
        for (index, value) in symbols.enumerated() {
            s0 ^= value
            s1 ^= GF32.multiply(value, GF32.power(index))
        }
        return (s0, s1)
    }
}

/// Arithmetic in GF(32) with the primitive polynomial x⁵ + x² + 1; addition is XOR.
enum GF32 {
    /// αⁱ for i = 0…30 (α has order 31).
    static let exponentials: [UInt8] = {
        var table = [UInt8]()
        var value: UInt8 = 1
        for _ in 0..<31 {
            table.append(value)
            value <<= 1
            if value & 0b10_0000 != 0 { value ^= 0b10_0101 }
        }
        return table
    }()

    /// logα(v) for v = 1…31; index 0 is unused.
    static let logarithms: [Int] = {
        var table = [Int](repeating: 0, count: 32)
        for (exponent, value) in exponentials.enumerated() { table[Int(value)] = exponent }
        return table
    }()

    /// αⁿ.
    static func power(_ exponent: Int) -> UInt8 {
        exponentials[exponent % 31]
    }

    /// a·b.
    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        if a == 0 || b == 0 { return 0 }
        return exponentials[(logarithms[Int(a)] + logarithms[Int(b)]) % 31]
    }

    /// a / b, for b ≠ 0.
    static func divide(_ a: UInt8, _ b: UInt8) -> UInt8 {
        precondition(b != 0, "division by zero in GF(32)")
        if a == 0 { return 0 }
        return exponentials[(logarithms[Int(a)] - logarithms[Int(b)] + 31) % 31]
    }
}
