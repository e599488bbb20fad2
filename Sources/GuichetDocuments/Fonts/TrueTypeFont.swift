/// A TrueType font program (an OpenType file with `glyf` outlines), read for embedding in PDF: its
/// metrics, its character map, and the outlines a subset is cut from.
///
/// Only what embedding needs is parsed (OpenType spec, tables `head`, `hhea`, `maxp`, `hmtx`, `loca`,
/// `cmap` formats 4 and 12, `OS/2`, `post`, `name`); any table that is missing, short or out of bounds
/// makes the whole font unreadable rather than half-read.
struct TrueTypeFont: Sendable {
    /// Where a table lies in the file.
    struct TableRange: Sendable {
        var offset: Int
        var length: Int
    }

    let bytes: [UInt8]
    /// Tables by tag (`"glyf"`, `"cvt "` …).
    let tables: [String: TableRange]
    let unitsPerEm: Int
    /// xMin, yMin, xMax, yMax of all glyphs, in font units.
    let boundingBox: [Int]
    let ascender: Int
    let descender: Int
    let capHeight: Int
    let xHeight: Int
    let weightClass: Int
    /// Degrees, counter-clockwise from vertical (negative for a font that leans right).
    let italicAngle: Double
    let isFixedPitch: Bool
    /// The PostScript name (`name` id 6), e.g. `LiberationSerif-Bold`.
    let postScriptName: String
    /// Advance width of every glyph, in font units.
    let advances: [UInt16]
    /// `loca`: where each glyph's outline starts in `glyf`, plus the end of the last one.
    let glyphOffsets: [Int]
    /// Unicode scalar value → glyph index.
    let characterMap: [UInt32: UInt16]

    var glyphCount: Int { advances.count }

    enum ReadError: Error, Equatable, Sendable {
        case malformed(String)
    }

    init(bytes: [UInt8]) throws(ReadError) {
        self.bytes = bytes
        let reader = ByteReader(bytes)
        guard bytes.count >= 12 else { throw .malformed("header") }
        let version = try reader.u32(0)
        guard version == 0x0001_0000 || version == 0x7472_7565 else { throw .malformed("not a TrueType font") }
        let tableCount = Int(try reader.u16(4))
        var tables: [String: TableRange] = [:]
        for index in 0..<tableCount {
            let record = 12 + 16 * index
            let tag = String(decoding: try reader.slice(record, 4), as: UTF8.self)
            let offset = Int(try reader.u32(record + 8))
            let length = Int(try reader.u32(record + 12))
            guard offset + length <= bytes.count else { throw .malformed("table \(tag) out of bounds") }
            tables[tag] = TableRange(offset: offset, length: length)
        }
        self.tables = tables
        func table(_ tag: String, minimum: Int) throws(ReadError) -> Int {
            guard let range = tables[tag], range.length >= minimum else { throw .malformed("table \(tag)") }
            return range.offset
        }

        let head = try table("head", minimum: 54)
        unitsPerEm = Int(try reader.u16(head + 18))
        guard (16...16384).contains(unitsPerEm) else { throw .malformed("unitsPerEm") }
        boundingBox = [
            Int(try reader.i16(head + 36)), Int(try reader.i16(head + 38)), Int(try reader.i16(head + 40)),
            Int(try reader.i16(head + 42)),
        ]
        let isLongLoca = try reader.i16(head + 50) == 1

        let maxp = try table("maxp", minimum: 6)
        let glyphCount = Int(try reader.u16(maxp + 4))
        guard glyphCount > 0 else { throw .malformed("no glyph") }

        let hhea = try table("hhea", minimum: 36)
        ascender = Int(try reader.i16(hhea + 4))
        descender = Int(try reader.i16(hhea + 6))
        let metricCount = Int(try reader.u16(hhea + 34))
        guard (1...glyphCount).contains(metricCount) else { throw .malformed("numberOfHMetrics") }
        let hmtx = try table("hmtx", minimum: 4 * metricCount)
        var advances = [UInt16](repeating: 0, count: glyphCount)
        for glyph in 0..<metricCount { advances[glyph] = try reader.u16(hmtx + 4 * glyph) }
        for glyph in metricCount..<glyphCount { advances[glyph] = advances[metricCount - 1] }
        self.advances = advances

        let loca = try table("loca", minimum: (glyphCount + 1) * (isLongLoca ? 4 : 2))
        _ = try table("glyf", minimum: 0)
        let glyfLength = tables["glyf"]?.length ?? 0
        var offsets = [Int](repeating: 0, count: glyphCount + 1)
        for index in 0...glyphCount {
            offsets[index] =
                isLongLoca ? Int(try reader.u32(loca + 4 * index)) : 2 * Int(try reader.u16(loca + 2 * index))
            guard offsets[index] <= glyfLength, index == 0 || offsets[index] >= offsets[index - 1] else {
                throw .malformed("loca")
            }
        }
        glyphOffsets = offsets

        if let os2 = tables["OS/2"], os2.length >= 78 {
            weightClass = Int(try reader.u16(os2.offset + 4))
            let version = try reader.u16(os2.offset)
            if version >= 2, os2.length >= 90 {
                xHeight = Int(try reader.i16(os2.offset + 86))
                capHeight = Int(try reader.i16(os2.offset + 88))
            } else {
                xHeight = ascender / 2
                capHeight = ascender
            }
        } else {
            weightClass = 400
            xHeight = ascender / 2
            capHeight = ascender
        }
        if let post = tables["post"], post.length >= 16 {
            italicAngle = Double(try reader.i32(post.offset + 4)) / 65536
            isFixedPitch = try reader.u32(post.offset + 12) != 0
        } else {
            italicAngle = 0
            isFixedPitch = false
        }
        postScriptName = try Self.readPostScriptName(reader, tables["name"]) ?? "Font"
        // A subset made for PDF has no `cmap` (its glyphs are reached by number): an empty map.
        characterMap =
            tables["cmap"] == nil
            ? [:] : try Self.readCharacterMap(reader, table("cmap", minimum: 4), glyphCount: glyphCount)
    }

    /// The outline bytes of `glyph` in `glyf` (empty for a glyph with no contour, such as the space).
    func outline(of glyph: Int) -> ArraySlice<UInt8> {
        guard let glyf = tables["glyf"], glyph >= 0, glyph < glyphCount else { return [] }
        return bytes[(glyf.offset + glyphOffsets[glyph])..<(glyf.offset + glyphOffsets[glyph + 1])]
    }

    /// The glyphs a composite glyph is built from (empty for a simple glyph).
    func components(of glyph: Int) -> [Int] {
        let data = outline(of: glyph)
        let reader = ByteReader(data)
        guard data.count >= 10, let contours = try? reader.i16(0), contours < 0 else { return [] }
        var result: [Int] = []
        var position = 10
        while let flags = try? reader.u16(position), let component = try? reader.u16(position + 2) {
            result.append(Int(component))
            position += 4 + (flags & 0x0001 != 0 ? 4 : 2)
            if flags & 0x0008 != 0 {
                position += 2
            } else if flags & 0x0040 != 0 {
                position += 4
            } else if flags & 0x0080 != 0 {
                position += 8
            }
            guard flags & 0x0020 != 0 else { break }
        }
        return result
    }

    private static func readPostScriptName(_ reader: ByteReader, _ range: TableRange?) throws(ReadError) -> String? {
        guard let range, range.length >= 6 else { return nil }
        let count = Int(try reader.u16(range.offset + 2))
        let storage = range.offset + Int(try reader.u16(range.offset + 4))
        for index in 0..<count {
            let record = range.offset + 6 + 12 * index
            guard try reader.u16(record + 6) == 6 else { continue }
            let platform = try reader.u16(record)
            let length = Int(try reader.u16(record + 8))
            let bytes = try reader.slice(storage + Int(try reader.u16(record + 10)), length)
            if platform == 1 { return String(decoding: bytes, as: UTF8.self) }
            if platform == 3 || platform == 0 {
                let units = stride(from: 0, to: bytes.count - 1, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
                return String(decoding: units, as: UTF16.self)
            }
        }
        return nil
    }

    /// The best Unicode subtable: (3,10) format 12, then (3,1) or (0,x) format 4 or 12.
    private static func readCharacterMap(_ reader: ByteReader, _ cmap: Int, glyphCount: Int) throws(ReadError)
        -> [UInt32: UInt16]
    {
        let count = Int(try reader.u16(cmap + 2))
        var best: (rank: Int, offset: Int)?
        for index in 0..<count {
            let record = cmap + 4 + 8 * index
            let platform = try reader.u16(record)
            let encoding = try reader.u16(record + 2)
            let offset = cmap + Int(try reader.u32(record + 4))
            let format = try reader.u16(offset)
            let rank: Int
            switch (platform, encoding, format) {
            case (3, 10, 12): rank = 3
            case (0, _, 12): rank = 2
            case (3, 1, 4): rank = 1
            case (0, _, 4): rank = 0
            default: continue
            }
            if rank > (best?.rank ?? -1) { best = (rank, offset) }
        }
        guard let best else { throw .malformed("no Unicode cmap") }
        var map: [UInt32: UInt16] = [:]
        map.reserveCapacity(glyphCount)
        if try reader.u16(best.offset) == 12 {
            let groups = Int(try reader.u32(best.offset + 12))
            for index in 0..<groups {
                let group = best.offset + 16 + 12 * index
                let start = try reader.u32(group)
                let end = try reader.u32(group + 4)
                let first = try reader.u32(group + 8)
                guard start <= end, end <= 0x10FFFF, end - start < 0x10000 else { throw .malformed("cmap group") }
                for code in start...end {
                    let glyph = first + (code - start)
                    if glyph > 0 && glyph < glyphCount { map[code] = UInt16(glyph) }
                }
            }
            return map
        }
        let segments = Int(try reader.u16(best.offset + 6)) / 2
        let ends = best.offset + 14
        let starts = ends + 2 * segments + 2
        let deltas = starts + 2 * segments
        let rangeOffsets = deltas + 2 * segments
        for segment in 0..<segments {
            let end = UInt32(try reader.u16(ends + 2 * segment))
            let start = UInt32(try reader.u16(starts + 2 * segment))
            let delta = UInt32(try reader.u16(deltas + 2 * segment))
            let rangeOffsetPosition = rangeOffsets + 2 * segment
            let rangeOffset = Int(try reader.u16(rangeOffsetPosition))
            guard start <= end else { continue }
            for code in start...end where code != 0xFFFF {
                var glyph: UInt32
                if rangeOffset == 0 {
                    glyph = (code + delta) & 0xFFFF
                } else {
                    let address = rangeOffsetPosition + rangeOffset + 2 * Int(code - start)
                    glyph = UInt32(try reader.u16(address))
                    if glyph != 0 { glyph = (glyph + delta) & 0xFFFF }
                }
                if glyph > 0 && glyph < glyphCount { map[code] = UInt16(glyph) }
            }
        }
        return map
    }
}

/// Big-endian reads with bounds checks, for font tables.
struct ByteReader {
    let bytes: ArraySlice<UInt8>

    init(_ bytes: [UInt8]) { self.bytes = bytes[...] }
    init(_ bytes: ArraySlice<UInt8>) { self.bytes = bytes }

    func slice(_ offset: Int, _ length: Int) throws(TrueTypeFont.ReadError) -> ArraySlice<UInt8> {
        let start = bytes.startIndex + offset
        guard offset >= 0, length >= 0, start + length <= bytes.endIndex else { throw .malformed("read past the end") }
        return bytes[start..<(start + length)]
    }

    func u16(_ offset: Int) throws(TrueTypeFont.ReadError) -> UInt16 {
        let start = bytes.startIndex + offset
        guard offset >= 0, start + 2 <= bytes.endIndex else { throw .malformed("read past the end") }
        return UInt16(bytes[start]) << 8 | UInt16(bytes[start + 1])
    }

    func i16(_ offset: Int) throws(TrueTypeFont.ReadError) -> Int16 { Int16(bitPattern: try u16(offset)) }

    func u32(_ offset: Int) throws(TrueTypeFont.ReadError) -> UInt32 {
        UInt32(try u16(offset)) << 16 | UInt32(try u16(offset + 2))
    }

    func i32(_ offset: Int) throws(TrueTypeFont.ReadError) -> Int32 { Int32(bitPattern: try u32(offset)) }
}
