import Foundation
import ZIPFoundation

/// zlib streams (RFC 1950) over the raw deflate coder that ZIPFoundation already links on every
/// platform, so the module needs no C target of its own.
enum Zlib {
    private static let chunkSize = 64 * 1024

    /// Inflates a zlib stream, refusing more than `limit` bytes of output. Nil on any corruption.
    static func inflate(_ stream: [UInt8], limit: Int) -> [UInt8]? {
        guard stream.count > 2, stream[0] & 0x0F == 8, stream[1] & 0x20 == 0 else { return nil }
        let raw = stream[2...]
        var output: [UInt8] = []
        output.reserveCapacity(limit)
        struct TooLong: Error {}
        struct Exhausted: Error {}
        do {
            _ = try Data.decompress(
                size: Int64(raw.count), bufferSize: chunkSize, skipCRC32: true,
                provider: { position, size in
                    // NB: ZIPFoundation's Linux decoder announces `size` input bytes whatever the chunk's
                    // length, so every chunk is padded to `size`; once the input is used up, stop.
                    let start = raw.startIndex + Int(position)
                    guard start < raw.endIndex else { throw Exhausted() }
                    var chunk = Data(raw[start..<min(raw.endIndex, start + size)])
                    if chunk.count < size { chunk.append(Data(count: size - chunk.count)) }
                    return chunk
                },
                consumer: { data in
                    guard output.count + data.count <= limit else { throw TooLong() }
                    output.append(contentsOf: data)
                })
        } catch {
            return nil
        }
        return output
    }

    /// Deflates `bytes` into a zlib stream (default compression level).
    static func deflate(_ bytes: [UInt8]) -> [UInt8]? {
        var output: [UInt8] = [0x78, 0x9C]
        output.reserveCapacity(bytes.count / 2 + 64)
        do {
            _ = try Data.compress(
                size: Int64(bytes.count), bufferSize: chunkSize,
                provider: { position, size in
                    let start = Int(position)
                    return Data(bytes[start..<min(bytes.count, start + size)])
                },
                consumer: { data in output.append(contentsOf: data) })
        } catch {
            return nil
        }
        let checksum = adler32(bytes)
        output.append(contentsOf: [
            UInt8(checksum >> 24), UInt8(truncatingIfNeeded: checksum >> 16),
            UInt8(truncatingIfNeeded: checksum >> 8), UInt8(truncatingIfNeeded: checksum),
        ])
        return output
    }

    /// Adler-32 (RFC 1950 §9).
    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1
        var b: UInt32 = 0
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            while index < buffer.count {
                let end = min(buffer.count, index + 5552)  // largest run before the sums can overflow
                while index < end {
                    a &+= UInt32(buffer[index])
                    b &+= a
                    index += 1
                }
                a %= 65521
                b %= 65521
            }
        }
        return b << 16 | a
    }
}
