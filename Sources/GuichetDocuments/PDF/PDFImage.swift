/// An image XObject (PDF 1.7 §8.9.5): its dictionary entries and its stream data.
struct PDFImage: Sendable {
    /// Entries of the stream dictionary, without /ColorSpace and /Length.
    var entries: String
    /// The colour space, or the component count of a colour-plus-alpha image (see `tintTransform`).
    var colorSpace: ColorSpace
    var data: [UInt8]

    enum ColorSpace: Sendable {
        case named(String)
        /// Gray + alpha (2) or RGB + alpha (4), read through a DeviceN space whose tint transform
        /// composites the colour on white.
        case withAlpha(components: Int)
    }

    /// Prepares a drawable exhibit file; nil when it is not an image or its pixels cannot be decoded.
    ///
    /// JPEG is embedded unchanged (/DCTDecode). PNG data is embedded unchanged with a PNG predictor
    /// whenever PDF can read it: 8-bit-or-less gray, RGB or palette, and 8-bit gray or RGB with an
    /// alpha channel, whose extra component a DeviceN colour space folds onto white — so screenshots
    /// cost no decoding. Interlaced and 16-bit PNGs are decoded, composited on white and deflated again.
    init?(_ file: ExhibitFile) {
        switch file {
        case .jpeg(let jpeg, let bytes):
            var decode = ""
            switch jpeg.components {
            case 1: colorSpace = .named("/DeviceGray")
            case 3: colorSpace = .named("/DeviceRGB")
            default:
                colorSpace = .named("/DeviceCMYK")
                if jpeg.hasAdobeMarker { decode = " /Decode [1 0 1 0 1 0 1 0]" }
            }
            entries =
                "/Type /XObject /Subtype /Image /Width \(jpeg.width) /Height \(jpeg.height) /BitsPerComponent 8\(decode) /Filter /DCTDecode"
            data = bytes
        case .png(let png, _) where png.isEmbeddableAsIs || png.isEmbeddableWithAlpha:
            switch png.colorType {
            case .palette:
                let palette = png.paletteOnWhite
                colorSpace = .named("[/Indexed /DeviceRGB \(palette.count / 3 - 1) <\(PDFHex.bytes(palette))>]")
            case .rgb: colorSpace = .named("/DeviceRGB")
            case .gray: colorSpace = .named("/DeviceGray")
            case .rgbAlpha, .grayAlpha: colorSpace = .withAlpha(components: png.colorType.channels)
            }
            entries =
                "/Type /XObject /Subtype /Image /Width \(png.width) /Height \(png.height) /BitsPerComponent \(png.bitDepth) /Filter /FlateDecode /DecodeParms << /Predictor 15 /Colors \(png.colorType.channels) /BitsPerComponent \(png.bitDepth) /Columns \(png.width) >>"
            data = png.compressedData
        case .png(let png, _):
            guard let pixels = png.decodedPixels(), let compressed = Zlib.deflate(pixels.samples) else { return nil }
            colorSpace = .named(pixels.channels == 1 ? "/DeviceGray" : "/DeviceRGB")
            entries =
                "/Type /XObject /Subtype /Image /Width \(pixels.width) /Height \(pixels.height) /BitsPerComponent 8 /Filter /FlateDecode"
            data = compressed
        case .pdf, .unreadable, .absent:
            return nil
        }
    }

    /// The image dictionary; `tintTransformObject` is the object holding ``tintTransform`` when needed.
    func dictionary(tintTransformObject: Int?) -> String {
        switch colorSpace {
        case .named(let name):
            return "\(entries) /ColorSpace \(name)"
        case .withAlpha(let components):
            let names = components == 2 ? ["Gray", "Alpha"] : ["Red", "Green", "Blue", "Alpha"]
            let alternate = components == 2 ? "/DeviceGray" : "/DeviceRGB"
            // PDF/A-2 (ISO 19005-2 §6.2.4.4) wants every colorant of a DeviceN space declared in its
            // Colorants dictionary, each as a Separation: full tint is that primary over white.
            let full: [String: String] = [
                "Gray": "[0]", "Alpha": components == 2 ? "[0]" : "[0 0 0]", "Red": "[1 0 0]", "Green": "[0 1 0]",
                "Blue": "[0 0 1]",
            ]
            let white = components == 2 ? "[1]" : "[1 1 1]"
            let colorants = names.map { name in
                "/\(name) [/Separation /\(name) \(alternate) << /FunctionType 2 /Domain [0 1] /C0 \(white) /C1 \(full[name] ?? white) /N 1 >>]"
            }.joined(separator: " ")
            let list = names.map { "/" + $0 }.joined(separator: " ")
            return "\(entries) /ColorSpace [/DeviceN [\(list)] \(alternate) \(tintTransformObject ?? 0) 0 R << /Colorants << \(colorants) >> >>]"
        }
    }

    /// For an image with alpha: a PostScript calculator function (PDF 1.7 §7.10.5) mapping each
    /// colour component c and the alpha a to c·a + 1 − a, that is the colour seen over white paper.
    var tintTransform: (dictionary: String, program: [UInt8])? {
        guard case .withAlpha(let components) = colorSpace else { return nil }
        let program: String
        if components == 2 {
            // g a → g'
            program = "{ 1 index 1 index mul 1 2 index sub add 3 1 roll pop pop }"
            return ("/FunctionType 4 /Domain [0 1 0 1] /Range [0 1]", Array(program.utf8))
        }
        // r g b a → r' g' b'
        program =
            "{ 3 index 1 index mul 1 2 index sub add 3 index 2 index mul 1 3 index sub add "
            + "3 index 3 index mul 1 4 index sub add 7 3 roll pop pop pop pop }"
        return ("/FunctionType 4 /Domain [0 1 0 1 0 1 0 1] /Range [0 1 0 1 0 1]", Array(program.utf8))
    }
}
