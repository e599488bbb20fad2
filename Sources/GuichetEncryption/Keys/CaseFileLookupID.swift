/// The identifier under which a private case file is stored: HKDF-SHA256 of its access code, 32 bytes.
///
/// Knowing it does not help to find the code (HKDF is one-way and the code has 130 random bits) nor the
/// sealing key (derived with another `info` label). It is the primary key of the file in the database and the
/// file ID bound into every sealed blob. Logs may carry it; the web layer never accepts it in place of a code.
public struct CaseFileLookupID: Hashable, Sendable {
    /// Length in bytes.
    public static let byteCount = 32

    /// The 32 bytes.
    public let bytes: [UInt8]

    /// Wraps 32 bytes read back from storage; `nil` for any other length.
    public init?(bytes: [UInt8]) {
        guard bytes.count == Self.byteCount else { return nil }
        self.bytes = bytes
    }

    /// Reads 64 hexadecimal digits (either case); `nil` for anything else.
    public init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == Self.byteCount * 2 else { return nil }
        var bytes = [UInt8]()
        bytes.reserveCapacity(Self.byteCount)
        var index = 0
        while index < digits.count {
            guard let high = Self.nibble(digits[index]), let low = Self.nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        self.bytes = bytes
    }

    /// 64 lowercase hexadecimal digits, as stored in the database.
    public var hex: String {
        let digits = Array("0123456789abcdef".unicodeScalars)
        var text = ""
        text.reserveCapacity(Self.byteCount * 2)
        for byte in bytes {
            text.unicodeScalars.append(digits[Int(byte >> 4)])
            text.unicodeScalars.append(digits[Int(byte & 0x0F)])
        }
        return text
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension CaseFileLookupID: CustomStringConvertible {
    /// The hexadecimal form.
    public var description: String { hex }
}
