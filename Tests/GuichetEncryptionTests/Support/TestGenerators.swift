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

/// Returns the given words in order, then zeros: pins the nonce drawn by the sealer.
struct ScriptedGenerator: RandomNumberGenerator {
    var words: [UInt64]

    mutating func next() -> UInt64 {
        words.isEmpty ? 0 : words.removeFirst()
    }
}

/// Bytes from hexadecimal digits written in a test (spaces ignored); an odd or invalid digit fails loudly.
func bytes(_ hex: String) -> [UInt8] {
    let digits = Array(hex.filter { !$0.isWhitespace })
    precondition(digits.count.isMultiple(of: 2), "odd number of hex digits in a test vector")
    return stride(from: 0, to: digits.count, by: 2).map { index in
        guard let byte = UInt8(String(digits[index...index + 1]), radix: 16) else {
            preconditionFailure("invalid hex digits in a test vector")
        }
        return byte
    }
}

/// Lowercase hexadecimal digits of `bytes`.
func hex(_ bytes: [UInt8]) -> String {
    bytes.map { byte in
        let digits = String(byte, radix: 16)
        return digits.count == 1 ? "0" + digits : digits
    }.joined()
}

/// A fixed access code used by the golden tests. Its two check symbols (`63`) were computed by an independent
/// brute-force search in Python over all 1024 pairs satisfying the two parity equations (exactly one does).
let goldenCodeText = "K7QX-M2RD-9FHT-AB3C-DEFG-HJKM-NP63"
