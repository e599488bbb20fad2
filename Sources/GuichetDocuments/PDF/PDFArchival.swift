import Foundation

/// What makes the PDF a PDF/A-2b file (ISO 19005-2, level B: the look of the pages is preserved):
/// XMP metadata matching the document information dictionary, and an output intent carrying an
/// sRGB ICC profile that gives the device colours (DeviceRGB, DeviceGray) their meaning. The fonts,
/// all embedded, are in `PDFFonts.swift`.
enum PDFArchival {
    /// The XMP packet (ISO 16684-1) of the catalog's `/Metadata`: title, producer, PDF/A part and level.
    static func metadata(title: String, producer: String) -> [UInt8] {
        let packet = """
            <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
            <dc:format>application/pdf</dc:format>
            <dc:title><rdf:Alt><rdf:li xml:lang="x-default">\(XML.escaped(title))</rdf:li></rdf:Alt></dc:title>
            <dc:language><rdf:Bag><rdf:li>fr-FR</rdf:li></rdf:Bag></dc:language>
            <pdf:Producer>\(XML.escaped(producer))</pdf:Producer>
            <pdfaid:part>2</pdfaid:part>
            <pdfaid:conformance>B</pdfaid:conformance>
            </rdf:Description>
            </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="w"?>
            """
        return Array(packet.utf8)
    }

    /// The `/OutputIntents` entry, with the profile in object `profile`.
    static func outputIntent(profile: Int) -> String {
        "<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) "
            + "/RegistryName (http://www.color.org) /Info (sRGB IEC61966-2.1) /DestOutputProfile \(profile) 0 R >>"
    }
}

/// An sRGB display profile in ICC version 2 form (ICC.1:2001-04), computed rather than copied: the
/// IEC 61966-2-1 primaries adapted to the D50 connection space (Bradford), the D50 white point, and
/// the sRGB transfer curve sampled at 1 024 points. About 2.5 KB.
enum SRGBProfile {
    static let bytes: [UInt8] = build()

    private static func build() -> [UInt8] {
        func s15Fixed16(_ value: Double) -> [UInt8] {
            var bytes: [UInt8] = []
            bytes.appendBigEndian(UInt32(bitPattern: Int32((value * 65536).rounded())))
            return bytes
        }
        func xyz(_ x: Double, _ y: Double, _ z: Double) -> [UInt8] {
            Array("XYZ ".utf8) + [0, 0, 0, 0] + s15Fixed16(x) + s15Fixed16(y) + s15Fixed16(z)
        }
        func text(_ value: String) -> [UInt8] { Array("text".utf8) + [0, 0, 0, 0] + Array(value.utf8) + [0] }
        func description(_ value: String) -> [UInt8] {
            var bytes = Array("desc".utf8) + [0, 0, 0, 0]
            bytes.appendBigEndian(UInt32(value.utf8.count + 1))
            bytes += Array(value.utf8) + [0]
            bytes += [UInt8](repeating: 0, count: 4 + 4 + 2 + 1 + 67)  // no Unicode, no ScriptCode text
            return bytes
        }
        var curve = Array("curv".utf8) + [0, 0, 0, 0]
        let points = 1024
        curve.appendBigEndian(UInt32(points))
        for index in 0..<points {
            let v = Double(index) / Double(points - 1)
            let linear = v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
            curve.appendBigEndian(UInt16(min(65535, max(0, (linear * 65535).rounded()))))
        }
        let tags: [(String, [UInt8])] = [
            ("desc", description("sRGB IEC61966-2.1 (guichet)")),
            ("cprt", text("No copyright, use freely")),
            ("wtpt", xyz(0.9642, 1.0, 0.8249)),
            ("rXYZ", xyz(0.4360747, 0.2225045, 0.0139322)),
            ("gXYZ", xyz(0.3850649, 0.7168786, 0.0971045)),
            ("bXYZ", xyz(0.1430804, 0.0606169, 0.7141733)),
            ("rTRC", curve), ("gTRC", curve), ("bTRC", curve),
        ]
        var table: [UInt8] = []
        var data: [UInt8] = []
        let dataStart = 128 + 4 + 12 * tags.count
        var curveOffset: Int?
        table.appendBigEndian(UInt32(tags.count))
        for (signature, content) in tags {
            let isCurve = signature.hasSuffix("TRC")
            let offset: Int
            if isCurve, let shared = curveOffset {
                offset = shared
            } else {
                offset = dataStart + data.count
                data += content
                while data.count % 4 != 0 { data.append(0) }
                if isCurve { curveOffset = offset }
            }
            table += Array(signature.utf8)
            table.appendBigEndian(UInt32(offset))
            table.appendBigEndian(UInt32(content.count))
        }
        var header = [UInt8](repeating: 0, count: 128)
        let size = 128 + table.count + data.count
        header.replaceBigEndian(UInt32(size), at: 0)
        header.replaceBigEndian(UInt32(0x0210_0000), at: 8)  // version 2.1
        for (offset, word) in [(12, "mntr"), (16, "RGB "), (20, "XYZ "), (36, "acsp")] {
            header.replaceSubrange(offset..<offset + 4, with: Array(word.utf8))
        }
        // Creation date: fixed, so that every file is the same (2026-12-03 00:00:00).
        for (index, value) in [2026, 12, 3, 0, 0, 0].enumerated() { header.replaceBigEndian(UInt16(value), at: 24 + 2 * index) }
        header.replaceSubrange(68..<80, with: s15Fixed16(0.9642) + s15Fixed16(1.0) + s15Fixed16(0.8249))
        return header + table + data
    }
}
