/// CRC-32 (ISO 3309, as in PNG and ZIP), table-driven; used on PNG header chunks, which are small.
enum ChunkCRC {
    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? (value >> 1) ^ 0xEDB8_8320 : value >> 1 }
        return value
    }

    static func checksum(_ bytes: some Collection<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = (crc >> 8) ^ table[Int((crc ^ UInt32(byte)) & 0xFF)] }
        return crc ^ 0xFFFF_FFFF
    }
}

/// A fast 64-bit fingerprint of large byte arrays (image payloads), four multiply-xor lanes over
/// 8-byte words. Not cryptographic: it only feeds the PDF file identifier, so that a change in any
/// image changes the identifier without hashing megabytes through SHA-256.
enum Fingerprint {
    static func of(_ bytes: [UInt8]) -> UInt64 {
        let prime: UInt64 = 0x9E37_79B9_7F4A_7C15
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (1, 2, 3, 4)
        bytes.withUnsafeBytes { raw in
            let count = raw.count
            var offset = 0
            while offset + 32 <= count {
                lanes.0 = (lanes.0 ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* prime
                lanes.1 = (lanes.1 ^ raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)) &* prime
                lanes.2 = (lanes.2 ^ raw.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self)) &* prime
                lanes.3 = (lanes.3 ^ raw.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self)) &* prime
                offset += 32
            }
            while offset < count {
                lanes.0 = (lanes.0 ^ UInt64(raw[offset])) &* prime
                offset += 1
            }
        }
        var hash = UInt64(bytes.count)
        for lane in [lanes.0, lanes.1, lanes.2, lanes.3] { hash = (hash ^ lane ^ (lane >> 29)) &* prime }
        return hash ^ (hash >> 32)
    }
}
