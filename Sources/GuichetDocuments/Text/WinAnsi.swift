import Foundation

/// WinAnsiEncoding (PDF 1.7 Annex D.2), the single-byte encoding of the standard fonts: Latin-1 plus
/// the Windows-1252 additions (€ ‚ „ … ‘ ’ “ ” – — œ Œ …).
///
/// Text is normalised to NFC first, so « e + combining acute » prints as « é ». A character with no
/// WinAnsi code prints as `?`; combining marks that could not be composed, joiners, soft hyphens and
/// control characters print as nothing.
enum WinAnsi {
    /// One printable unit of text.
    enum Unit: Equatable, Sendable {
        /// A glyph, by WinAnsi code.
        case glyph(UInt8)
        /// A breaking space: a place to end a line, stretched when justifying.
        case space
        /// A space that must not end a line (U+00A0, U+202F, U+2007); printed as an ordinary space.
        case nonBreakingSpace
        /// A forced line break (`\n`, `\r\n`, U+2028…).
        case lineBreak
    }

    /// The code printed in place of characters WinAnsi lacks.
    static let replacement: UInt8 = 0x3F

    /// Splits `text` into printable units.
    static func units(of text: String) -> [Unit] {
        let isASCII = text.utf8.allSatisfy { $0 < 0x80 }
        let normalized = isASCII ? text : text.precomposedStringWithCanonicalMapping
        var units: [Unit] = []
        units.reserveCapacity(normalized.utf8.count)
        var previousWasCarriageReturn = false
        for scalar in normalized.unicodeScalars {
            defer { previousWasCarriageReturn = scalar == "\r" }
            if scalar == "\n" && previousWasCarriageReturn { continue }
            if let unit = unit(for: scalar) { units.append(unit) }
        }
        return units
    }

    /// The unit for one scalar; nil for what prints as nothing.
    static func unit(for scalar: Unicode.Scalar) -> Unit? {
        let value = scalar.value
        switch value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029:
            return .lineBreak
        case 0x09, 0x20, 0x1680, 0x2000...0x2006, 0x2008...0x200A, 0x205F, 0x3000:
            return .space
        case 0xA0, 0x2007, 0x202F:
            return .nonBreakingSpace
        case 0x00...0x1F, 0x7F...0x9F, 0xAD, 0x200B...0x200F, 0x2060...0x2064, 0xFEFF, 0xFE00...0xFE0F,
            0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xE0100...0xE01EF:
            return nil
        case 0x2010, 0x2011, 0x2012, 0x2212:
            return .glyph(0x2D)
        default:
            return .glyph(code(for: scalar) ?? replacement)
        }
    }

    /// The WinAnsi code of a printable scalar, or nil when the encoding lacks it.
    static func code(for scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        if (0x21...0x7E).contains(value) || (0xA1...0xFF).contains(value) { return UInt8(value) }
        switch value {
        case 0x20AC: return 0x80
        case 0x201A: return 0x82
        case 0x0192: return 0x83
        case 0x201E: return 0x84
        case 0x2026: return 0x85
        case 0x2020: return 0x86
        case 0x2021: return 0x87
        case 0x02C6: return 0x88
        case 0x2030: return 0x89
        case 0x0160: return 0x8A
        case 0x2039: return 0x8B
        case 0x0152: return 0x8C
        case 0x017D: return 0x8E
        case 0x2018: return 0x91
        case 0x2019: return 0x92
        case 0x201C: return 0x93
        case 0x201D: return 0x94
        case 0x2022: return 0x95
        case 0x2013: return 0x96
        case 0x2014: return 0x97
        case 0x02DC: return 0x98
        case 0x2122: return 0x99
        case 0x0161: return 0x9A
        case 0x203A: return 0x9B
        case 0x0153: return 0x9C
        case 0x017E: return 0x9E
        case 0x0178: return 0x9F
        default: return nil
        }
    }

    /// The character a WinAnsi code stands for (for reading content streams back in tests).
    static func scalar(for code: UInt8) -> Unicode.Scalar? {
        if (0x20...0x7E).contains(code) || code >= 0xA0 { return Unicode.Scalar(code) }
        let table: [UInt8: UInt32] = [
            0x80: 0x20AC, 0x82: 0x201A, 0x83: 0x0192, 0x84: 0x201E, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
            0x88: 0x02C6, 0x89: 0x2030, 0x8A: 0x0160, 0x8B: 0x2039, 0x8C: 0x0152, 0x8E: 0x017D, 0x91: 0x2018,
            0x92: 0x2019, 0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02DC,
            0x99: 0x2122, 0x9A: 0x0161, 0x9B: 0x203A, 0x9C: 0x0153, 0x9E: 0x017E, 0x9F: 0x0178,
        ]
        return table[code].flatMap(Unicode.Scalar.init)
    }
}
