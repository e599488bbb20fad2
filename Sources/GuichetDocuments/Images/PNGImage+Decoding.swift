/// Pixels at 8 bits per sample, gray (one channel) or RGB (three), no alpha.
struct DecodedPixels: Sendable, Equatable {
    let width: Int
    let height: Int
    /// 1 (gray) or 3 (RGB).
    let channels: Int
    /// Row after row, no padding.
    let samples: [UInt8]
}

extension PNGImage {
    /// The Adam7 passes: first column, first row, column step, row step (PNG §8.2).
    private static let adam7: [(x: Int, y: Int, dx: Int, dy: Int)] = [
        (0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2),
    ]

    /// Inflates and unfilters the image, de-interlaces it, reduces 16-bit samples to 8, expands palettes
    /// and low bit depths, and composites any alpha (channel or tRNS) on white.
    ///
    /// Returns nil when the compressed data is corrupt or shorter than the header promises.
    func decodedPixels() -> DecodedPixels? {
        let passes: [(x: Int, y: Int, dx: Int, dy: Int)] = isInterlaced ? Self.adam7 : [(0, 0, 1, 1)]
        var expected = 0
        for pass in passes {
            let columns = (width - pass.x + pass.dx - 1) / pass.dx
            let rows = (height - pass.y + pass.dy - 1) / pass.dy
            if columns > 0 && rows > 0 { expected += rows * (1 + rowByteCount(columns: columns)) }
        }
        guard let raw = Zlib.inflate(compressedData, limit: expected), raw.count == expected else { return nil }

        let outputChannels = colorType == .gray || colorType == .grayAlpha ? 1 : 3
        var output = [UInt8](repeating: 255, count: width * height * outputChannels)
        let bytesPerPixel = max(1, bitsPerPixel / 8)
        var offset = 0
        for pass in passes {
            let columns = (width - pass.x + pass.dx - 1) / pass.dx
            let rows = (height - pass.y + pass.dy - 1) / pass.dy
            guard columns > 0 && rows > 0 else { continue }
            let rowBytes = rowByteCount(columns: columns)
            var previous = [UInt8](repeating: 0, count: rowBytes)
            var current = [UInt8](repeating: 0, count: rowBytes)
            for row in 0..<rows {
                let filter = raw[offset]
                current.withUnsafeMutableBufferPointer { destination in
                    raw.withUnsafeBufferPointer { source in
                        for index in 0..<rowBytes { destination[index] = source[offset + 1 + index] }
                    }
                }
                offset += 1 + rowBytes
                guard Self.unfilter(&current, previous: previous, filter: filter, bytesPerPixel: bytesPerPixel)
                else { return nil }
                let y = pass.y + row * pass.dy
                if pass.dx == 1 && bitDepth == 8 && transparency.isEmpty && colorType != .palette {
                    Self.convertRow8(current, colorType: colorType, into: &output, at: y * width * outputChannels)
                } else {
                    for column in 0..<columns {
                        let x = pass.x + column * pass.dx
                        writePixel(from: current, column: column, into: &output, at: (y * width + x) * outputChannels)
                    }
                }
                swap(&previous, &current)
            }
        }
        return DecodedPixels(width: width, height: height, channels: outputChannels, samples: output)
    }

    /// Undoes one row's filter in place (PNG §9). False for an unknown filter type.
    private static func unfilter(_ row: inout [UInt8], previous: [UInt8], filter: UInt8, bytesPerPixel: Int) -> Bool {
        guard filter <= 4 else { return false }
        guard filter != 0 else { return true }
        let bpp = bytesPerPixel
        row.withUnsafeMutableBufferPointer { row in
            previous.withUnsafeBufferPointer { above in
                let count = row.count
                switch filter {
                case 1:
                    var index = bpp
                    while index < count {
                        row[index] &+= row[index - bpp]
                        index += 1
                    }
                case 2:
                    for index in 0..<count { row[index] &+= above[index] }
                case 3:
                    for index in 0..<count {
                        let left = index >= bpp ? Int(row[index - bpp]) : 0
                        row[index] &+= UInt8(truncatingIfNeeded: (left + Int(above[index])) >> 1)
                    }
                default:
                    for index in 0..<count {
                        let a = index >= bpp ? Int(row[index - bpp]) : 0
                        let b = Int(above[index])
                        let c = index >= bpp ? Int(above[index - bpp]) : 0
                        let pa = abs(b - c)
                        let pb = abs(a - c)
                        let pc = abs(a + b - 2 * c)
                        let predictor = pa <= pb && pa <= pc ? a : (pb <= pc ? b : c)
                        row[index] &+= UInt8(truncatingIfNeeded: predictor)
                    }
                }
            }
        }
        return true
    }

    /// Converts one unfiltered, non-interlaced row of 8-bit samples without tRNS (the common case of a
    /// screenshot with an alpha channel) straight into the output.
    private static func convertRow8(_ row: [UInt8], colorType: ColorType, into output: inout [UInt8], at start: Int) {
        row.withUnsafeBufferPointer { row in
            output.withUnsafeMutableBufferPointer { output in
                switch colorType {
                case .gray:
                    for index in 0..<row.count { output[start + index] = row[index] }
                case .rgb:
                    for index in 0..<row.count { output[start + index] = row[index] }
                case .grayAlpha:
                    for pixel in 0..<row.count / 2 {
                        output[start + pixel] = onWhite(Int(row[pixel * 2]), alpha: Int(row[pixel * 2 + 1]))
                    }
                case .rgbAlpha:
                    for pixel in 0..<row.count / 4 {
                        let alpha = Int(row[pixel * 4 + 3])
                        let target = start + pixel * 3
                        if alpha == 255 {
                            output[target] = row[pixel * 4]
                            output[target + 1] = row[pixel * 4 + 1]
                            output[target + 2] = row[pixel * 4 + 2]
                        } else {
                            output[target] = onWhite(Int(row[pixel * 4]), alpha: alpha)
                            output[target + 1] = onWhite(Int(row[pixel * 4 + 1]), alpha: alpha)
                            output[target + 2] = onWhite(Int(row[pixel * 4 + 2]), alpha: alpha)
                        }
                    }
                case .palette:
                    break
                }
            }
        }
    }

    /// Sample `channel` of pixel `column` in an unfiltered row, scaled to 0…255.
    private func sample(_ row: [UInt8], column: Int, channel: Int) -> Int {
        let channels = colorType.channels
        switch bitDepth {
        case 8:
            return Int(row[column * channels + channel])
        case 16:
            return Int(row[(column * channels + channel) * 2])
        default:
            // 1, 2 or 4 bits: gray or palette only, one channel.
            let bitIndex = column * bitDepth
            let byte = Int(row[bitIndex / 8])
            let shift = 8 - bitDepth - bitIndex % 8
            let value = (byte >> shift) & ((1 << bitDepth) - 1)
            return colorType == .palette ? value : value * 255 / ((1 << bitDepth) - 1)
        }
    }

    /// The raw (unscaled) value of a sample, to compare with a tRNS colour.
    private func rawSample(_ row: [UInt8], column: Int, channel: Int) -> Int {
        switch bitDepth {
        case 16:
            let index = (column * colorType.channels + channel) * 2
            return Int(row[index]) << 8 | Int(row[index + 1])
        case 8:
            return Int(row[column * colorType.channels + channel])
        default:
            let bitIndex = column * bitDepth
            return (Int(row[bitIndex / 8]) >> (8 - bitDepth - bitIndex % 8)) & ((1 << bitDepth) - 1)
        }
    }

    private func writePixel(from row: [UInt8], column: Int, into output: inout [UInt8], at index: Int) {
        switch colorType {
        case .gray:
            var alpha = 255
            if transparency.count >= 2 {
                let key = Int(transparency[0]) << 8 | Int(transparency[1])
                if rawSample(row, column: column, channel: 0) == key { alpha = 0 }
            }
            output[index] = Self.onWhite(sample(row, column: column, channel: 0), alpha: alpha)
        case .grayAlpha:
            output[index] = Self.onWhite(
                sample(row, column: column, channel: 0), alpha: sample(row, column: column, channel: 1))
        case .rgb:
            var alpha = 255
            if transparency.count >= 6 {
                let key = (0..<3).map { Int(transparency[$0 * 2]) << 8 | Int(transparency[$0 * 2 + 1]) }
                if (0..<3).allSatisfy({ rawSample(row, column: column, channel: $0) == key[$0] }) { alpha = 0 }
            }
            for channel in 0..<3 {
                output[index + channel] = Self.onWhite(sample(row, column: column, channel: channel), alpha: alpha)
            }
        case .rgbAlpha:
            let alpha = sample(row, column: column, channel: 3)
            for channel in 0..<3 {
                output[index + channel] = Self.onWhite(sample(row, column: column, channel: channel), alpha: alpha)
            }
        case .palette:
            let entry = sample(row, column: column, channel: 0)
            guard entry * 3 + 2 < palette.count else { return }  // out-of-range index: left white
            let alpha = entry < transparency.count ? Int(transparency[entry]) : 255
            for channel in 0..<3 {
                output[index + channel] = Self.onWhite(Int(palette[entry * 3 + channel]), alpha: alpha)
            }
        }
    }

    /// `value` seen through `alpha` over a white page.
    static func onWhite(_ value: Int, alpha: Int) -> UInt8 {
        UInt8((value * alpha + 255 * (255 - alpha) + 127) / 255)
    }

    /// The palette with tRNS alphas composited on white, for embedding an indexed image without alpha.
    var paletteOnWhite: [UInt8] {
        var result = palette
        for entry in 0..<min(transparency.count, palette.count / 3) {
            let alpha = Int(transparency[entry])
            for channel in 0..<3 {
                result[entry * 3 + channel] = Self.onWhite(Int(palette[entry * 3 + channel]), alpha: alpha)
            }
        }
        return result
    }
}
