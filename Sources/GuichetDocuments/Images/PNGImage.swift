/// A PNG file checked chunk by chunk (RFC 2083 / ISO 15948), its image data kept compressed.
///
/// Parsing validates the structure — signature, IHDR values, chunk bounds, the CRCs of IHDR and PLTE,
/// a palette for indexed images, a zlib header on the data — but neither inflates the pixels nor
/// checks the IDAT CRCs: the PDF writer embeds most PNG data as-is, and the integrity of a capture is
/// the journal's business (its SHA-256).
struct PNGImage: Sendable, Equatable {
    /// PNG colour types (IHDR byte 9).
    enum ColorType: UInt8, Sendable {
        case gray = 0
        case rgb = 2
        case palette = 3
        case grayAlpha = 4
        case rgbAlpha = 6

        /// Samples per pixel.
        var channels: Int {
            switch self {
            case .gray, .palette: 1
            case .grayAlpha: 2
            case .rgb: 3
            case .rgbAlpha: 4
            }
        }

        /// The bit depths the PNG specification allows for this colour type.
        var allowedBitDepths: Set<Int> {
            switch self {
            case .gray: [1, 2, 4, 8, 16]
            case .palette: [1, 2, 4, 8]
            case .rgb, .grayAlpha, .rgbAlpha: [8, 16]
            }
        }
    }

    /// The signature every PNG file starts with.
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    /// Larger images are refused: a screenshot is far below, and decoding stays within memory.
    static let maximumPixelCount = 60_000_000
    /// Longest side accepted, in pixels.
    static let maximumSide = 40_000

    let width: Int
    let height: Int
    let bitDepth: Int
    let colorType: ColorType
    let isInterlaced: Bool
    /// PLTE: RGB triplets (empty when absent).
    let palette: [UInt8]
    /// tRNS: palette alphas, or the transparent gray/RGB sample (empty when absent).
    let transparency: [UInt8]
    /// The concatenated IDAT chunks: one zlib stream.
    let compressedData: [UInt8]

    /// Bits per pixel (all channels).
    var bitsPerPixel: Int { bitDepth * colorType.channels }

    /// Bytes in one unfiltered row of `columns` pixels (without the filter byte).
    func rowByteCount(columns: Int) -> Int { (columns * bitsPerPixel + 7) / 8 }

    /// Whether PDF can take the IDAT stream unchanged, with a PNG predictor (PDF 1.7 §7.4.4.4):
    /// non-interlaced, no alpha channel, and 8 bits or less per sample.
    var isEmbeddableAsIs: Bool {
        guard !isInterlaced else { return false }
        switch colorType {
        case .gray, .palette: return bitDepth <= 8
        case .rgb: return bitDepth == 8
        case .grayAlpha, .rgbAlpha: return false
        }
    }

    /// Whether PDF can take the IDAT stream unchanged as a colour-plus-alpha DeviceN image:
    /// non-interlaced 8-bit gray or RGB with an alpha channel.
    var isEmbeddableWithAlpha: Bool {
        !isInterlaced && bitDepth == 8 && (colorType == .rgbAlpha || colorType == .grayAlpha)
    }

    /// Parses `bytes`; nil when they are not a well-formed PNG within the size limits.
    init?(bytes: [UInt8]) {
        guard bytes.count >= 8 + 25, bytes.starts(with: Self.signature) else { return nil }
        var position = 8
        var header: (width: Int, height: Int, depth: Int, type: ColorType, interlaced: Bool)?
        var palette: [UInt8] = []
        var transparency: [UInt8] = []
        var data: [UInt8] = []
        data.reserveCapacity(bytes.count)
        var sawEnd = false
        while position + 12 <= bytes.count {
            let length = Int(Self.bigEndian32(bytes, at: position))
            let typeStart = position + 4
            let dataStart = position + 8
            guard length <= bytes.count - dataStart - 4 else { return nil }
            let dataEnd = dataStart + length
            let type = String(decoding: bytes[typeStart..<dataStart], as: UTF8.self)
            let isCritical = bytes[typeStart] & 0x20 == 0
            if type == "IHDR" || type == "PLTE" {
                guard ChunkCRC.checksum(bytes[typeStart..<dataEnd]) == Self.bigEndian32(bytes, at: dataEnd) else {
                    return nil
                }
            }
            if header == nil && type != "IHDR" { return nil }
            switch type {
            case "IHDR":
                guard header == nil, length == 13 else { return nil }
                let width = Int(Self.bigEndian32(bytes, at: dataStart))
                let height = Int(Self.bigEndian32(bytes, at: dataStart + 4))
                let depth = Int(bytes[dataStart + 8])
                guard let colorType = ColorType(rawValue: bytes[dataStart + 9]),
                    colorType.allowedBitDepths.contains(depth),
                    bytes[dataStart + 10] == 0, bytes[dataStart + 11] == 0, bytes[dataStart + 12] <= 1,
                    (1...Self.maximumSide).contains(width), (1...Self.maximumSide).contains(height),
                    width * height <= Self.maximumPixelCount
                else { return nil }
                header = (width, height, depth, colorType, bytes[dataStart + 12] == 1)
            case "PLTE":
                guard length % 3 == 0, (3...768).contains(length), data.isEmpty else { return nil }
                palette = Array(bytes[dataStart..<dataEnd])
            case "tRNS":
                transparency = Array(bytes[dataStart..<dataEnd])
            case "IDAT":
                data.append(contentsOf: bytes[dataStart..<dataEnd])
            case "IEND":
                sawEnd = true
            default:
                // Unknown critical chunks make the image unreadable (PNG §5.4); ancillary ones are skipped.
                if isCritical { return nil }
            }
            position = dataEnd + 4
            if sawEnd { break }
        }
        guard sawEnd, let header, data.count >= 2 else { return nil }
        if header.type == .palette {
            guard !palette.isEmpty, palette.count / 3 <= 1 << header.depth else { return nil }
        }
        // zlib header (RFC 1950): deflate, no preset dictionary, check bits.
        let cmf = Int(data[0])
        let flg = Int(data[1])
        guard cmf & 0x0F == 8, cmf >> 4 <= 7, (cmf * 256 + flg) % 31 == 0, flg & 0x20 == 0 else { return nil }
        self.width = header.width
        self.height = header.height
        self.bitDepth = header.depth
        self.colorType = header.type
        self.isInterlaced = header.interlaced
        self.palette = palette
        self.transparency = transparency
        self.compressedData = data
    }

    static func bigEndian32(_ bytes: [UInt8], at index: Int) -> UInt32 {
        UInt32(bytes[index]) << 24 | UInt32(bytes[index + 1]) << 16 | UInt32(bytes[index + 2]) << 8
            | UInt32(bytes[index + 3])
    }
}
