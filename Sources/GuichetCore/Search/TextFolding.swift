/// Case and accent folding for search: `Préfecture` → `prefecture`, `Œuvre` → `oeuvre`, `ﬁchier` → `fichier`.
///
/// Latin letters lose their diacritics (precomposed, from Latin-1 Supplement, Latin Extended-A/B and Latin Extended
/// Additional, or decomposed: a combining mark U+0300–U+036F after a Latin letter is dropped). Ligatures are spelled
/// out (`æ`, `œ`, `ĳ`, `ß`, `ﬁ`…). Every other script is only lowercased: Arabic, Cyrillic, Greek… keep their marks,
/// because those marks can change the word.
public enum TextFolding {
    /// Returns `s` lowercased, with Latin diacritics removed and ligatures spelled out.
    ///
    /// ASCII input without capitals is returned as is, without allocating.
    public static func fold(_ s: String) -> String {
        var isPlainASCII = true
        var hasCapital = false
        for byte in s.utf8 {
            if byte >= 0x80 {
                isPlainASCII = false
                break
            }
            if byte >= 0x41 && byte <= 0x5A { hasCapital = true }
        }
        if isPlainASCII {
            guard hasCapital else { return s }
            return String(decoding: s.utf8.map(asciiLowercased), as: UTF8.self)
        }

        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count + 4)
        var followsLatinLetter = false
        for scalar in s.unicodeScalars {
            let value = scalar.value
            if value >= 0x300 && value < 0x370 && followsLatinLetter {
                // A decomposed accent on a Latin letter.
                continue
            }
            followsLatinLetter = appendFolded(scalar, to: &bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @inline(__always)
    private static func asciiLowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }

    @inline(__always)
    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
    }

    /// Appends the folded form of one scalar; returns whether it was a Latin letter (so that a following combining
    /// accent belongs to it).
    private static func appendFolded(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            let byte = UInt8(truncatingIfNeeded: value)
            bytes.append(asciiLowercased(byte))
            return isASCIILetter(byte)
        }
        switch latinBase(of: value) {
        case .letter(let byte):
            bytes.append(byte)
            return true
        case .letters(let text):
            text.withUTF8Buffer { bytes.append(contentsOf: $0) }
            return true
        case .none:
            break
        }
        if scalar.properties.changesWhenLowercased {
            var isLatin = false
            for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                if lower.value >= 0x300 && lower.value < 0x370 && isLatin { continue }
                isLatin = appendLowercase(lower, to: &bytes)
            }
            return isLatin
        }
        UTF8.encode(scalar) { bytes.append($0) }
        return false
    }

    /// Appends an already-lowercase scalar, removing its accent if it is a Latin letter.
    private static func appendLowercase(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            let byte = UInt8(truncatingIfNeeded: value)
            bytes.append(byte)
            return isASCIILetter(byte)
        }
        switch latinBase(of: value) {
        case .letter(let byte):
            bytes.append(byte)
            return true
        case .letters(let text):
            text.withUTF8Buffer { bytes.append(contentsOf: $0) }
            return true
        case .none:
            UTF8.encode(scalar) { bytes.append($0) }
            return false
        }
    }

    private enum LatinBase {
        case letter(UInt8)
        case letters(StaticString)
        case none
    }

    /// The unaccented lowercase spelling of a Latin letter with a diacritic or a ligature, if `value` is one.
    @inline(__always)
    private static func latinBase(of value: UInt32) -> LatinBase {
        let code: UInt8
        switch value {
        case 0xC0..<0x250:
            code = latinTable[Int(value - 0xC0)]
        case 0x1E00..<0x1F00:
            code = latinAdditionalTable[Int(value - 0x1E00)]
        case 0xFB00...0xFB06:
            return .letters(ligatures[Int(value - 0xFB00)])
        default:
            return .none
        }
        switch code {
        case UInt8(ascii: "."):
            return .none
        case UInt8(ascii: "*"):
            switch value {
            case 0xC6, 0xE6: return .letters("ae")
            case 0x152, 0x153: return .letters("oe")
            case 0x132, 0x133: return .letters("ij")
            default: return .letters("ss")  // ß U+00DF, ẞ U+1E9E
            }
        default:
            return .letter(code)
        }
    }

    /// Base letters for U+00C0–U+024F (Latin-1 Supplement letters, Latin Extended-A and -B), 16 per row.
    /// `.` = keep (not a letter with a diacritic), `*` = ligature spelled out in `latinBase(of:)`.
    /// Derived from the Unicode canonical decompositions, plus the letters with a stroke (ø, đ, ł, ħ, ŧ), ð, ı, ŀ,
    /// ŉ and ſ.
    private static let latinTable: [UInt8] = Array(
        [
            "aaaaaa*ceeeeiiii",  // U+00C0
            "dnooooo.ouuuuy.*",  // U+00D0
            "aaaaaa*ceeeeiiii",  // U+00E0
            "dnooooo.ouuuuy.y",  // U+00F0
            "aaaaaaccccccccdd",  // U+0100
            "ddeeeeeeeeeegggg",  // U+0110
            "gggghhhhiiiiiiii",  // U+0120
            "ii**jjkk.lllllll",  // U+0130
            "lllnnnnnnn..oooo",  // U+0140
            "oo**rrrrrrssssss",  // U+0150
            "ssttttttuuuuuuuu",  // U+0160
            "uuuuwwyyyzzzzzzs",  // U+0170
            "................",  // U+0180
            "................",  // U+0190
            "oo.............u",  // U+01A0
            "u...............",  // U+01B0
            ".............aai",  // U+01C0
            "ioouuuuuuuuuu.aa",  // U+01D0
            "aa....ggkkoooo..",  // U+01E0
            "j...gg..nnaa....",  // U+01F0
            "aaaaeeeeiiiioooo",  // U+0200
            "rrrruuuusstt..hh",  // U+0210
            "......aaeeoooooo",  // U+0220
            "ooyy............",  // U+0230
            "................",  // U+0240
        ].joined().utf8)

    /// Base letters for U+1E00–U+1EFF (Latin Extended Additional: Vietnamese, Welsh…), same conventions.
    private static let latinAdditionalTable: [UInt8] = Array(
        [
            "aabbbbbbccdddddd",  // U+1E00
            "ddddeeeeeeeeeeff",  // U+1E10
            "gghhhhhhhhhhiiii",  // U+1E20
            "kkkkkkllllllllmm",  // U+1E30
            "mmmmnnnnnnnnoooo",  // U+1E40
            "oooopppprrrrrrrr",  // U+1E50
            "sssssssssstttttt",  // U+1E60
            "ttuuuuuuuuuuvvvv",  // U+1E70
            "wwwwwwwwwwxxxxyy",  // U+1E80
            "zzzzzzhtwy....*.",  // U+1E90
            "aaaaaaaaaaaaaaaa",  // U+1EA0
            "aaaaaaaaeeeeeeee",  // U+1EB0
            "eeeeeeeeiiiioooo",  // U+1EC0
            "oooooooooooooooo",  // U+1ED0
            "oooouuuuuuuuuuuu",  // U+1EE0
            "uuyyyyyyyy......",  // U+1EF0
        ].joined().utf8)

    /// U+FB00–U+FB06, typographic ligatures common in text copied from PDFs.
    private static let ligatures: [StaticString] = ["ff", "fi", "fl", "ffi", "ffl", "st", "st"]
}
