import Foundation

/// The five faces the PDF writer draws with: Liberation Serif (metric-compatible with Times) for the
/// body in four styles, Liberation Sans Bold for headings. All are embedded, subset, in every PDF.
enum FontFace: Int, CaseIterable, Sendable, Hashable {
    case regular
    case bold
    case italic
    case boldItalic
    case heading

    /// The body face with this emphasis.
    static func body(bold: Bool, italic: Bool) -> FontFace {
        switch (bold, italic) {
        case (false, false): .regular
        case (true, false): .bold
        case (false, true): .italic
        case (true, true): .boldItalic
        }
    }

    /// The font file's name in the bundled folder and in Debian's `fonts-liberation2`.
    var fileName: String {
        switch self {
        case .regular: "LiberationSerif-Regular.ttf"
        case .bold: "LiberationSerif-Bold.ttf"
        case .italic: "LiberationSerif-Italic.ttf"
        case .boldItalic: "LiberationSerif-BoldItalic.ttf"
        case .heading: "LiberationSans-Bold.ttf"
        }
    }

    /// The name of the font in page resources (`/F1` …).
    var resourceName: String { "F\(rawValue + 1)" }

    /// The loaded font program and its metrics.
    var metrics: FontMetrics { FontLibrary.shared.metrics[rawValue] }
}

/// A face's font program with the advance widths the layout and `/W` share, in 1/1000 em.
struct FontMetrics: Sendable {
    let font: TrueTypeFont
    /// Glyph index → advance in thousandths of an em, rounded as `/W` writes it.
    let widths: [Int]

    init(font: TrueTypeFont) {
        self.font = font
        let scale = 1000.0 / Double(font.unitsPerEm)
        widths = font.advances.map { Int((Double($0) * scale).rounded()) }
    }

    /// The glyph drawing `scalar`, or nil when the font has none.
    func glyph(for scalar: Unicode.Scalar) -> UInt16? { font.characterMap[scalar.value] }

    /// The advance of the glyph drawing `scalar` (of `.notdef` when there is none), in 1/1000 em.
    func advance(of scalar: Unicode.Scalar) -> Int { widths[Int(glyph(for: scalar) ?? 0)] }

    /// The width of `scalars` set at `size` points.
    func width(of scalars: some Sequence<Unicode.Scalar>, size: Double) -> Double {
        var total = 0
        for scalar in scalars { total += advance(of: scalar) }
        return Double(total) * size / 1000
    }

    /// The width of plain text at `size` points, as the line breaker would set it on one line.
    func width(of text: String, size: Double) -> Double {
        var scalars: [Unicode.Scalar] = []
        for unit in PrintableText.units(of: text) {
            switch unit {
            case .glyph(let scalar): scalars.append(scalar)
            case .nonBreakingSpace(let scalar): scalars.append(glyph(for: scalar) == nil ? " " : scalar)
            case .space, .lineBreak: scalars.append(" ")
            }
        }
        return width(of: scalars, size: size)
    }

    /// A value in font units, in thousandths of an em.
    func thousandths(_ value: Int) -> Int { Int((Double(value) * 1000 / Double(font.unitsPerEm)).rounded()) }
}

/// The fonts, read once per process from the first folder that holds all five files: the resource
/// bundle SwiftPM copies beside the executable, the source tree's `Sources/GuichetDocuments/Fonts`,
/// then Debian's `/usr/share/fonts/truetype/liberation2` (package `fonts-liberation2`).
struct FontLibrary: Sendable {
    let metrics: [FontMetrics]
    /// Where the files were read from, for diagnostics.
    let folder: String

    /// The library, or why it could not be read.
    static let loaded: Result<FontLibrary, DocumentError> = load()

    /// The library; only reached once `loaded` succeeded (the writer checks it first).
    static var shared: FontLibrary {
        switch loaded {
        case .success(let library): library
        case .failure: preconditionFailure("FontLibrary.shared used without checking FontLibrary.loaded")
        }
    }

    /// The folders searched, in order.
    static var searchPath: [String] {
        let bundle = Bundle.main.bundleURL.appendingPathComponent("guichet_GuichetDocuments.resources").path
        let sourceTree = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
        return [
            bundle + "/Liberation", bundle + "/Fonts/Liberation", sourceTree + "/Liberation",
            "/usr/share/fonts/truetype/liberation2",
        ]
    }

    private static func load() -> Result<FontLibrary, DocumentError> {
        let files = FileManager.default
        for folder in searchPath {
            let paths = FontFace.allCases.map { folder + "/" + $0.fileName }
            guard paths.allSatisfy({ files.isReadableFile(atPath: $0) }) else { continue }
            var metrics: [FontMetrics] = []
            for (face, path) in zip(FontFace.allCases, paths) {
                guard let data = files.contents(atPath: path) else { return .failure(.fontsUnavailable) }
                do {
                    metrics.append(FontMetrics(font: try TrueTypeFont(bytes: [UInt8](data))))
                } catch {
                    return .failure(.fontUnreadable(file: face.fileName))
                }
            }
            return .success(FontLibrary(metrics: metrics, folder: folder))
        }
        return .failure(.fontsUnavailable)
    }

    /// Whether every face can draw `scalar`: text is checked against all five, so any emphasis or a
    /// heading can carry any character of the draft.
    func canPrint(_ scalar: Unicode.Scalar) -> Bool {
        metrics.allSatisfy { $0.font.characterMap[scalar.value] != nil }
    }
}
