/// Douglas Crockford's base32 alphabet (https://www.crockford.com/base32.html): the digits and the capital
/// letters without I, L, O and U, so that a code survives being read aloud or copied by hand.
enum CrockfordBase32 {
    /// The 32 symbols, in value order.
    static let alphabet: [Unicode.Scalar] = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".unicodeScalars)

    /// The symbol written for a value 0…31.
    static func symbol(for value: UInt8) -> Unicode.Scalar {
        alphabet[Int(value)]
    }

    /// The value of a typed symbol, case-insensitive, reading O as 0 and I, L as 1; `nil` for anything else
    /// (including U, which the alphabet leaves out on purpose).
    static func value(of scalar: Unicode.Scalar) -> UInt8? {
        guard scalar.isASCII else { return nil }
        var byte = UInt8(scalar.value)
        if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") { byte -= 32 }
        switch byte {
        case UInt8(ascii: "O"): return 0
        case UInt8(ascii: "I"), UInt8(ascii: "L"): return 1
        default: return decodeTable[Int(byte)]
        }
    }

    /// ASCII byte → value, for the 32 canonical upper-case symbols.
    private static let decodeTable: [UInt8?] = {
        var table = [UInt8?](repeating: nil, count: 128)
        for (value, scalar) in alphabet.enumerated() { table[Int(scalar.value)] = UInt8(value) }
        return table
    }()
}
