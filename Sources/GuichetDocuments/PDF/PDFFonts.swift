/// The character identifiers of one PDF: every distinct scalar printed gets one CID, shared by all
/// faces, in order of first appearance (so the same draft gives the same numbers).
///
/// Giving CIDs to scalars rather than using glyph indices directly (`Identity` CIDToGIDMap) keeps
/// the text exact when a font draws two characters with one glyph (µ and μ, Ω and Ω): the one
/// `/ToUnicode` map gives each CID back as the character that was printed.
struct CIDRegistry {
    /// The scalar of CID n at index n − 1.
    private(set) var scalars: [Unicode.Scalar] = []
    private var identifiers: [Unicode.Scalar: UInt16] = [:]
    /// Per face, the CIDs it printed.
    private(set) var usedCIDs = [Set<UInt16>](repeating: [], count: FontFace.allCases.count)

    /// The CID for `scalar`, recording that `face` prints it.
    mutating func cid(for scalar: Unicode.Scalar, in face: FontFace) -> UInt16 {
        let cid: UInt16
        if let known = identifiers[scalar] {
            cid = known
        } else if scalars.count < 0xFFFE {
            scalars.append(scalar)
            cid = UInt16(scalars.count)
            identifiers[scalar] = cid
        } else {
            cid = 0
        }
        usedCIDs[face.rawValue].insert(cid)
        return cid
    }

    /// The faces that printed something, in a fixed order.
    var usedFaces: [FontFace] { FontFace.allCases.filter { !usedCIDs[$0.rawValue].isEmpty } }

    /// The `/ToUnicode` CMap (PDF 1.7 §9.10.3), one `bfchar` line per CID, UTF-16BE.
    var toUnicodeCMap: [UInt8] {
        var text = """
            /CIDInit /ProcSet findresource begin
            12 dict begin
            begincmap
            /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
            /CMapName /Adobe-Identity-UCS def
            /CMapType 2 def
            1 begincodespacerange
            <0000> <FFFF>
            endcodespacerange

            """
        var start = 0
        while start < scalars.count {
            let chunk = scalars[start..<min(scalars.count, start + 100)]
            text += "\(chunk.count) beginbfchar\n"
            for (offset, scalar) in chunk.enumerated() {
                let units = String(Character(scalar)).utf16.map { PDFHex.word($0) }.joined()
                text += "<\(PDFHex.word(UInt16(start + offset + 1)))> <\(units)>\n"
            }
            text += "endbfchar\n"
            start += 100
        }
        text += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
        return Array(text.utf8)
    }
}

/// The objects of one embedded face: Type 0 font, CIDFontType2 descendant, descriptor, subset font
/// program, CID-to-glyph map (PDF 1.7 §9.7).
struct PDFEmbeddedFont {
    let face: FontFace
    let cids: [UInt16]
    let glyphs: [UInt16]
    let program: [UInt8]
    let subsetName: String

    init(face: FontFace, registry: CIDRegistry) {
        self.face = face
        let metrics = face.metrics
        cids = registry.usedCIDs[face.rawValue].sorted()
        glyphs = cids.map { cid in
            cid == 0 ? 0 : (metrics.glyph(for: registry.scalars[Int(cid) - 1]) ?? 0)
        }
        program = metrics.font.subset(keeping: glyphs.map(Int.init))
        // A subset is named TAG+Name with a six-letter tag (§9.6.4), here derived from the glyphs kept.
        var seed: [UInt8] = [UInt8(face.rawValue)]
        for glyph in glyphs.sorted() { seed.appendBigEndian(glyph) }
        var value = Fingerprint.of(seed)
        var tag = ""
        for _ in 0..<6 {
            tag.unicodeScalars.append(Unicode.Scalar(UInt8(65 + value % 26)))
            value /= 26
        }
        subsetName = tag + "+" + metrics.font.postScriptName
    }

    /// Writes the five objects, numbered from `first`; the Type 0 font is `first`.
    func write(into file: inout PDFFileBuilder, first: Int, toUnicode: Int) {
        let metrics = face.metrics
        let font = metrics.font
        file.object(
            first,
            "<< /Type /Font /Subtype /Type0 /BaseFont /\(subsetName) /Encoding /Identity-H "
                + "/DescendantFonts [\(first + 1) 0 R] /ToUnicode \(toUnicode) 0 R >>")
        var widths = "["
        var index = 0
        while index < cids.count {
            // Consecutive CIDs share one `c [w1 w2 …]` entry.
            var end = index
            while end + 1 < cids.count && cids[end + 1] == cids[end] + 1 { end += 1 }
            let run = (index...end).map { String(metrics.widths[Int(glyphs[$0])]) }.joined(separator: " ")
            widths += "\(cids[index]) [\(run)] "
            index = end + 1
        }
        widths += "]"
        file.object(
            first + 1,
            "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /\(subsetName) "
                + "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                + "/FontDescriptor \(first + 2) 0 R /DW 1000 /W \(widths) /CIDToGIDMap \(first + 4) 0 R >>")
        // Flags (§9.8.2): 4 symbolic (glyphs reached by CID, not by a standard encoding), 2 serif,
        // 64 italic.
        var flags = 4
        if face != .heading { flags |= 2 }
        if face == .italic || face == .boldItalic { flags |= 64 }
        let box = font.boundingBox.map { String(metrics.thousandths($0)) }.joined(separator: " ")
        let stem = font.weightClass >= 600 ? 140 : 80
        file.object(
            first + 2,
            "<< /Type /FontDescriptor /FontName /\(subsetName) /Flags \(flags) /FontBBox [\(box)] "
                + "/ItalicAngle \(PDFNumber.format(font.italicAngle)) /Ascent \(metrics.thousandths(font.ascender)) "
                + "/Descent \(metrics.thousandths(font.descender)) /CapHeight \(metrics.thousandths(font.capHeight)) "
                + "/XHeight \(metrics.thousandths(font.xHeight)) /StemV \(stem) /FontFile2 \(first + 3) 0 R >>")
        file.compressedStreamObject(first + 3, dictionary: "/Length1 \(program.count)", data: program)
        var map: [UInt8] = []
        let highest = Int(cids.last ?? 0)
        map.reserveCapacity(2 * (highest + 1))
        var glyphOfCID = [UInt16](repeating: 0, count: highest + 1)
        for (cid, glyph) in zip(cids, glyphs) { glyphOfCID[Int(cid)] = glyph }
        for glyph in glyphOfCID { map.appendBigEndian(glyph) }
        file.compressedStreamObject(first + 4, dictionary: "", data: map)
    }

    static let objectCount = 5
}

/// Upper-case hexadecimal for PDF strings: CIDs, UTF-16 text strings, palettes.
enum PDFHex {
    private static let digits = Array("0123456789ABCDEF".utf8)

    /// Four hex digits.
    static func word(_ value: UInt16) -> String {
        var bytes: [UInt8] = []
        appendWord(value, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func appendWord(_ value: UInt16, into bytes: inout [UInt8]) {
        bytes.append(digits[Int(value >> 12)])
        bytes.append(digits[Int((value >> 8) & 0xF)])
        bytes.append(digits[Int((value >> 4) & 0xF)])
        bytes.append(digits[Int(value & 0xF)])
    }

    /// Two hex digits a byte.
    static func bytes(_ bytes: [UInt8]) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            result.append(digits[Int(byte >> 4)])
            result.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: result, as: UTF8.self)
    }
}
