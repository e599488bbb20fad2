extension TrueTypeFont {
    /// The tables a PDF reader needs from a TrueType program embedded for a CIDFontType2 font
    /// (PDF 1.7 §9.9): outlines, metrics, and the hinting programs the outlines may call. The `cmap`
    /// is not needed (glyphs are reached through `/CIDToGIDMap`), nor are names and layout tables.
    static let subsetTables = ["cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "prep"]

    /// `glyphs` with every glyph their composite outlines refer to, and glyph 0 (`.notdef`).
    func closure(of glyphs: some Sequence<Int>) -> Set<Int> {
        var result: Set<Int> = [0]
        var pending = Array(glyphs)
        while let glyph = pending.popLast() {
            guard glyph >= 0, glyph < glyphCount, result.insert(glyph).inserted else { continue }
            pending += components(of: glyph)
        }
        return result
    }

    /// A font program with the same glyph indices in which only `glyphs` (and what they are built
    /// from) keep their outlines: every other glyph is empty. Keeping the indices means the page
    /// content, `/W` and `/CIDToGIDMap` use the original glyph numbers; the emptied glyphs cost four
    /// bytes each in `loca`, which compress to almost nothing.
    func subset(keeping glyphs: some Sequence<Int>) -> [UInt8] {
        let kept = closure(of: glyphs)
        var glyf: [UInt8] = []
        var loca: [UInt8] = []
        loca.reserveCapacity(4 * (glyphCount + 1))
        for glyph in 0..<glyphCount {
            loca.appendBigEndian(UInt32(glyf.count))
            guard kept.contains(glyph) else { continue }
            glyf += outline(of: glyph)
            while glyf.count % 4 != 0 { glyf.append(0) }
        }
        loca.appendBigEndian(UInt32(glyf.count))

        var contents: [(tag: String, data: [UInt8])] = []
        for tag in Self.subsetTables {
            switch tag {
            case "glyf": contents.append((tag, glyf))
            case "loca": contents.append((tag, loca))
            case "head":
                guard let range = tables[tag] else { continue }
                var head = Array(bytes[range.offset..<(range.offset + range.length)])
                head.replaceBigEndian(UInt32(0), at: 8)  // checkSumAdjustment, set once the file is whole
                head.replaceBigEndian(UInt16(1), at: 50)  // indexToLocFormat: long offsets
                contents.append((tag, head))
            default:
                guard let range = tables[tag] else { continue }
                contents.append((tag, Array(bytes[range.offset..<(range.offset + range.length)])))
            }
        }
        return Self.assemble(contents)
    }

    /// Writes an sfnt file: the table directory sorted by tag, each table 4-byte aligned with its
    /// checksum, and `head.checkSumAdjustment` so that the whole file sums to 0xB1B0AFBA.
    static func assemble(_ contents: [(tag: String, data: [UInt8])]) -> [UInt8] {
        let sorted = contents.sorted { $0.tag < $1.tag }
        var output: [UInt8] = []
        output.appendBigEndian(UInt32(0x0001_0000))
        output.appendBigEndian(UInt16(sorted.count))
        var power = 1
        var exponent = 0
        while power * 2 <= sorted.count {
            power *= 2
            exponent += 1
        }
        output.appendBigEndian(UInt16(16 * power))
        output.appendBigEndian(UInt16(exponent))
        output.appendBigEndian(UInt16(16 * sorted.count - 16 * power))
        var offset = 12 + 16 * sorted.count
        var headOffset: Int?
        for table in sorted {
            output += Array(table.tag.utf8.prefix(4))
            output.appendBigEndian(checksum(table.data))
            output.appendBigEndian(UInt32(offset))
            output.appendBigEndian(UInt32(table.data.count))
            if table.tag == "head" { headOffset = offset }
            offset += (table.data.count + 3) / 4 * 4
        }
        for table in sorted {
            output += table.data
            while output.count % 4 != 0 { output.append(0) }
        }
        if let headOffset {
            output.replaceBigEndian(0xB1B0_AFBA &- checksum(output), at: headOffset + 8)
        }
        return output
    }

    /// The sfnt checksum: the sum of the data read as big-endian 32-bit words, zero-padded.
    static func checksum(_ data: [UInt8]) -> UInt32 {
        var sum: UInt32 = 0
        var index = 0
        while index < data.count {
            var word: UInt32 = 0
            for byte in 0..<4 {
                word <<= 8
                if index + byte < data.count { word |= UInt32(data[index + byte]) }
            }
            sum &+= word
            index += 4
        }
        return sum
    }
}

extension [UInt8] {
    mutating func appendBigEndian(_ value: UInt16) {
        append(UInt8(value >> 8))
        append(UInt8(value & 0xFF))
    }

    mutating func appendBigEndian(_ value: UInt32) {
        appendBigEndian(UInt16(value >> 16))
        appendBigEndian(UInt16(value & 0xFFFF))
    }

    mutating func replaceBigEndian(_ value: UInt16, at offset: Int) {
        guard offset + 2 <= count else { return }
        self[offset] = UInt8(value >> 8)
        self[offset + 1] = UInt8(value & 0xFF)
    }

    mutating func replaceBigEndian(_ value: UInt32, at offset: Int) {
        replaceBigEndian(UInt16(value >> 16), at: offset)
        replaceBigEndian(UInt16(value & 0xFFFF), at: offset + 2)
    }
}
