import Foundation

/// Splits text into what the PDF writer prints: glyphs (by Unicode scalar, drawn from the embedded
/// fonts), breaking and no-break spaces, and forced line breaks.
///
/// Text is normalised to NFC first, so « e + combining acute » prints as the one glyph « é »; a
/// combining mark with no precomposed form is printed as its own zero-width glyph over the letter.
/// Control characters, soft hyphens, zero-width characters and variation selectors print as nothing.
enum PrintableText {
    /// One printable unit of text.
    enum Unit: Equatable, Sendable {
        /// A glyph for this scalar.
        case glyph(Unicode.Scalar)
        /// A breaking space: a place to end a line, stretched when justifying.
        case space
        /// A space that must not end a line (U+00A0, U+202F, U+2007), printed with its own glyph.
        case nonBreakingSpace(Unicode.Scalar)
        /// A forced line break (`\n`, `\r\n`, U+2028…).
        case lineBreak
    }

    /// Splits `text` into printable units.
    static func units(of text: String) -> [Unit] {
        let normalized = isSurelyNFC(text) ? text : text.precomposedStringWithCanonicalMapping
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

    /// Whether `text` is certainly unchanged by NFC without asking Foundation (whose normalisation is the
    /// costliest step of laying out a French letter): every scalar is below U+0300 (Latin, Latin-1, Latin
    /// Extended-A and -B, IPA: no combining mark, nothing that composes) or general punctuation and currency
    /// signs from U+2002 (’ « — … € and the no-break spaces; U+2000 and U+2001 are NFC singletons).
    static func isSurelyNFC(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0..<0x300, 0x2002...0x206F, 0x20A0...0x20CF: continue
            default: return false
            }
        }
        return true
    }

    /// The unit for one scalar; nil for what prints as nothing.
    static func unit(for scalar: Unicode.Scalar) -> Unit? {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029:
            return .lineBreak
        case 0x09, 0x20, 0x1680, 0x2000...0x2006, 0x2008...0x200A, 0x205F, 0x3000:
            return .space
        case 0xA0, 0x2007, 0x202F:
            return .nonBreakingSpace(scalar)
        case 0x00...0x1F, 0x7F...0x9F, 0xAD, 0x200B...0x200F, 0x2060...0x2064, 0xFEFF, 0xFE00...0xFE0F,
            0xE0100...0xE01EF:
            return nil
        case 0x2010, 0x2011:
            // Liberation has no glyph for the (non-breaking) hyphen: the hyphen-minus looks the same.
            return .glyph("-")
        default:
            return .glyph(scalar)
        }
    }

    /// The characters of `text` that the embedded fonts cannot draw, in order of appearance, each once.
    static func unprintable(in text: String, fonts: FontLibrary) -> [Unicode.Scalar] {
        var seen: Set<Unicode.Scalar> = []
        var result: [Unicode.Scalar] = []
        for case .glyph(let scalar) in units(of: text) where !fonts.canPrint(scalar) {
            if seen.insert(scalar).inserted { result.append(scalar) }
        }
        return result
    }
}
