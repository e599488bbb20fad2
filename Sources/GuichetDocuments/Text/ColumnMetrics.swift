/// Text widths for the office writers' table columns: the PDF's Liberation Serif metrics (those of
/// Times New Roman, the office documents' font), or half an em a character when the fonts are absent
/// (an office file needs no font of its own).
enum ColumnMetrics {
    static func width(of text: String, size: Double) -> Double {
        switch FontLibrary.loaded {
        case .success(let fonts): fonts.metrics[FontFace.regular.rawValue].width(of: text, size: size)
        case .failure: Double(text.unicodeScalars.count) * size / 2
        }
    }
}
