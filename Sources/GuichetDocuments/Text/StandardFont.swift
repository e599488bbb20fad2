/// The standard PDF fonts the writers use (PDF 1.7 §9.6.2.2): every reader has them, so nothing is
/// embedded. Widths come from Adobe's Core14 AFM files (see `StandardFont+Widths.swift`).
enum StandardFont: Int, CaseIterable, Sendable {
    case timesRoman
    case timesBold
    case timesItalic
    case timesBoldItalic
    case helveticaBold

    /// The Times face for body text with this emphasis.
    static func body(bold: Bool, italic: Bool) -> StandardFont {
        switch (bold, italic) {
        case (false, false): .timesRoman
        case (true, false): .timesBold
        case (false, true): .timesItalic
        case (true, true): .timesBoldItalic
        }
    }

    /// The /BaseFont name.
    var postScriptName: String {
        switch self {
        case .timesRoman: "Times-Roman"
        case .timesBold: "Times-Bold"
        case .timesItalic: "Times-Italic"
        case .timesBoldItalic: "Times-BoldItalic"
        case .helveticaBold: "Helvetica-Bold"
        }
    }

    /// The /FontDescriptor dictionary, from the AFM header (PDF 1.7 §9.8): PDF 1.5 and later ask for
    /// descriptors and widths even for the standard fonts, so every reader positions glyphs alike.
    var descriptor: String {
        let values: (flags: Int, box: String, angle: String, cap: Int, x: Int, ascent: Int, descent: Int, stem: Int)
        // Flags: 2 serif, 32 non-symbolic, 64 italic.
        switch self {
        case .timesRoman: values = (34, "-168 -218 1000 898", "0", 662, 450, 683, -217, 84)
        case .timesBold: values = (34, "-168 -218 1000 935", "0", 676, 461, 683, -217, 139)
        case .timesItalic: values = (98, "-169 -217 1010 883", "-15.5", 653, 441, 683, -217, 76)
        case .timesBoldItalic: values = (98, "-200 -218 996 921", "-15", 669, 462, 683, -217, 121)
        case .helveticaBold: values = (32, "-170 -228 1003 962", "0", 718, 532, 718, -207, 140)
        }
        return "<< /Type /FontDescriptor /FontName /\(postScriptName) /Flags \(values.flags) /FontBBox [\(values.box)] "
            + "/ItalicAngle \(values.angle) /Ascent \(values.ascent) /Descent \(values.descent) "
            + "/CapHeight \(values.cap) /XHeight \(values.x) /StemV \(values.stem) >>"
    }

    /// The /Widths array for codes 32–255.
    var widthsArray: String {
        "[" + widths[32...].map { String($0) }.joined(separator: " ") + "]"
    }

    /// The name of the font in page resources (`/F1` …).
    var resourceName: String { "F\(rawValue + 1)" }

    /// Advance widths of WinAnsi codes 0–255, in thousandths of the font size.
    var widths: [UInt16] {
        switch self {
        case .timesRoman: StandardFontWidths.timesRoman
        case .timesBold: StandardFontWidths.timesBold
        case .timesItalic: StandardFontWidths.timesItalic
        case .timesBoldItalic: StandardFontWidths.timesBoldItalic
        case .helveticaBold: StandardFontWidths.helveticaBold
        }
    }

    /// Width of WinAnsi-encoded text at `size` points.
    func width(of codes: some Sequence<UInt8>, size: Double) -> Double {
        let table = widths
        var total = 0
        for code in codes { total += Int(table[Int(code)]) }
        return Double(total) * size / 1000
    }

    /// Width of plain text at `size` points, characters outside WinAnsi counted as `?`.
    func width(of text: String, size: Double) -> Double {
        var codes: [UInt8] = []
        for unit in WinAnsi.units(of: text) {
            switch unit {
            case .glyph(let code): codes.append(code)
            case .space, .nonBreakingSpace, .lineBreak: codes.append(0x20)
            }
        }
        return width(of: codes, size: size)
    }
}
