/// The facts of a JPEG file that PDF needs to embed it unchanged with /DCTDecode.
///
/// The markers are walked up to the first frame header; baseline (SOF0), extended sequential (SOF1)
/// and progressive (SOF2) Huffman frames with 8-bit samples and 1, 3 or 4 components are accepted.
/// Lossless and arithmetic-coded frames, which PDF readers do not all decode, are refused.
struct JPEGImage: Sendable, Equatable {
    let width: Int
    let height: Int
    /// 1 (gray), 3 (YCbCr/RGB) or 4 (CMYK/YCCK).
    let components: Int
    /// An Adobe APP14 marker: four-component Adobe files store inverted CMYK.
    let hasAdobeMarker: Bool

    init?(bytes: [UInt8]) {
        guard bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { return nil }
        var position = 2
        var adobe = false
        while position + 4 <= bytes.count {
            guard bytes[position] == 0xFF else { return nil }
            var markerIndex = position + 1
            while markerIndex < bytes.count && bytes[markerIndex] == 0xFF { markerIndex += 1 }  // fill bytes
            guard markerIndex + 2 < bytes.count else { return nil }
            let marker = bytes[markerIndex]
            if marker == 0x01 || (0xD0...0xD8).contains(marker) {
                position = markerIndex + 1
                continue
            }
            if marker == 0xD9 || marker == 0xDA { return nil }  // end of image or scan before any frame
            let length = Int(bytes[markerIndex + 1]) << 8 | Int(bytes[markerIndex + 2])
            let segment = markerIndex + 3
            guard length >= 2, markerIndex + 1 + length <= bytes.count else { return nil }
            switch marker {
            case 0xC0, 0xC1, 0xC2:
                guard length >= 8 else { return nil }
                let precision = bytes[segment]
                let height = Int(bytes[segment + 1]) << 8 | Int(bytes[segment + 2])
                let width = Int(bytes[segment + 3]) << 8 | Int(bytes[segment + 4])
                let components = Int(bytes[segment + 5])
                guard precision == 8, width > 0, height > 0, [1, 3, 4].contains(components),
                    width * height <= PNGImage.maximumPixelCount
                else { return nil }
                self.width = width
                self.height = height
                self.components = components
                self.hasAdobeMarker = adobe
                return
            case 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF:
                return nil
            case 0xEE:
                adobe = length >= 7 && Array(bytes[segment..<segment + 5]) == Array("Adobe".utf8)
            default:
                break
            }
            position = markerIndex + 1 + length
        }
        return nil
    }
}
