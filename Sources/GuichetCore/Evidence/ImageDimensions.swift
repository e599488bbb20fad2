/// The width and height an uploaded image declares, read from its header without decoding it, and the limits
/// a capture must respect.
///
/// A screenshot or a photo of a letter is at most a few thousand pixels a side. A header declaring more is either
/// broken or a decompression bomb (a few kilobytes that inflate to gigabytes); it is refused before any decoding.
public enum ImageDimensions {
    /// The longest side accepted, in pixels.
    public static let maximumSide = 12_000
    /// The most pixels accepted (about 8 000 × 5 000).
    public static let maximumPixelCount = 40_000_000

    /// Why an image is refused.
    public enum Problem: String, Sendable, Equatable, CustomStringConvertible {
        /// The header cannot be read (truncated, no frame header).
        case unreadable
        /// A side is zero or over ``ImageDimensions/maximumSide``, or the area is over ``maximumPixelCount``.
        case tooLarge

        public var description: String { rawValue }
    }

    /// `nil` when the image's declared size is acceptable (PDF files are not images: always `nil`).
    public static func problem(_ bytes: [UInt8], format: CaptureFormat) -> Problem? {
        let size: (width: Int, height: Int)?
        switch format {
        case .png: size = png(bytes)
        case .jpeg: size = jpeg(bytes)
        case .pdf: return nil
        }
        guard let size else { return .unreadable }
        guard (1...maximumSide).contains(size.width), (1...maximumSide).contains(size.height),
            size.width * size.height <= maximumPixelCount
        else { return .tooLarge }
        return nil
    }

    /// Width and height from the IHDR chunk, which must come first.
    public static func png(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
        guard bytes.count >= 24, Array(bytes[12..<16]) == Array("IHDR".utf8) else { return nil }
        return (bigEndian(bytes, at: 16, count: 4), bigEndian(bytes, at: 20, count: 4))
    }

    /// Width and height from the first start-of-frame marker (any SOFn but DHT, JPG and DAC).
    public static func jpeg(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
        var index = 2
        while index + 4 <= bytes.count {
            guard bytes[index] == 0xFF else { return nil }
            let marker = bytes[index + 1]
            if marker == 0xFF {  // fill byte
                index += 1
                continue
            }
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) {
                index += 2
                continue
            }
            let length = bigEndian(bytes, at: index + 2, count: 2)
            guard length >= 2 else { return nil }
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                guard index + 9 <= bytes.count else { return nil }
                return (bigEndian(bytes, at: index + 7, count: 2), bigEndian(bytes, at: index + 5, count: 2))
            }
            if marker == 0xDA || marker == 0xD9 { return nil }  // scan data before any frame header
            index += 2 + length
        }
        return nil
    }

    private static func bigEndian(_ bytes: [UInt8], at start: Int, count: Int) -> Int {
        var value = 0
        for offset in 0..<count { value = value << 8 | Int(bytes[start + offset]) }
        return value
    }
}
