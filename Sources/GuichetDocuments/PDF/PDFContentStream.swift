/// Builds a page's content stream (PDF 1.7 §8–9) as ASCII bytes: text with explicit positions and
/// justification by TJ adjustments, rules, images, and the footer.
struct PDFContentStream {
    private(set) var bytes: [UInt8] = []

    mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// Draws one laid-out line with its baseline at (`x`, `y`) in page coordinates. Glyphs are
    /// written as two-byte CIDs in hexadecimal strings (`Identity-H`), numbered by `cids`.
    mutating func draw(_ text: PlacedText, x: Double, y: Double, cids: inout CIDRegistry) {
        guard !text.line.pieces.isEmpty else { return }
        let size = PDFNumber.format(text.size)
        append("BT\n\(PDFNumber.format(x)) \(PDFNumber.format(y)) Td\n")
        var currentFont: FontFace?
        var isArrayOpen = false
        var pending: [UInt16] = []
        // TJ numbers are in thousandths of the font size, negative to move right.
        let adjustment = text.extraPerSpace > 0 ? PDFNumber.format(-text.extraPerSpace * 1000 / text.size) : nil
        for piece in text.line.pieces {
            if piece.font != currentFont {
                if !pending.isEmpty { appendHexString(pending) }
                pending = []
                if isArrayOpen { append("] TJ\n") }
                isArrayOpen = false
                append("/\(piece.font.resourceName) \(size) Tf\n")
                currentFont = piece.font
            }
            if !isArrayOpen {
                append("[")
                isArrayOpen = true
            }
            for scalar in piece.scalars { pending.append(cids.cid(for: scalar, in: piece.font)) }
            if piece.isSpace, let adjustment {
                appendHexString(pending)
                pending = []
                append(" \(adjustment) ")
            }
        }
        if !pending.isEmpty { appendHexString(pending) }
        if isArrayOpen { append("] TJ\n") }
        append("ET\n")
    }

    /// A hexadecimal string of two-byte codes (PDF 1.7 §7.3.4.3).
    mutating func appendHexString(_ codes: [UInt16]) {
        bytes.append(0x3C)
        for code in codes { PDFHex.appendWord(code, into: &bytes) }
        bytes.append(0x3E)
    }

    /// A rectangle with its lower-left corner at (`x`, `y`).
    mutating func rectangle(x: Double, y: Double, width: Double, height: Double, fillGray: Double?, stroke: Bool) {
        let box = [x, y, width, height].map(PDFNumber.format).joined(separator: " ")
        if let fillGray {
            append("\(PDFNumber.format(fillGray)) g \(box) re f 0 g\n")
        }
        if stroke { append("0.5 w \(box) re S\n") }
    }

    /// Paints image XObject `name` into the given box, with a thin frame.
    mutating func image(named name: String, x: Double, y: Double, width: Double, height: Double) {
        let values = [width, height, x, y].map(PDFNumber.format)
        append("q \(values[0]) 0 0 \(values[1]) \(values[2]) \(values[3]) cm /\(name) Do Q\n")
        rectangle(x: x, y: y, width: width, height: height, fillGray: nil, stroke: true)
    }

    /// A literal string (PDF 1.7 §7.3.4.2); bytes outside printable ASCII are written as octal escapes,
    /// so the stream stays ASCII and readable in tests.
    mutating func appendLiteralString(_ codes: [UInt8]) {
        bytes.append(0x28)
        for code in codes {
            switch code {
            case 0x28, 0x29, 0x5C:
                bytes.append(0x5C)
                bytes.append(code)
            case 0x20...0x7E:
                bytes.append(code)
            default:
                bytes.append(0x5C)
                bytes.append(0x30 + (code >> 6))
                bytes.append(0x30 + ((code >> 3) & 7))
                bytes.append(0x30 + (code & 7))
            }
        }
        bytes.append(0x29)
    }
}

/// Numbers as PDF writes them: at most two decimals, no exponent, no locale.
enum PDFNumber {
    static func format(_ value: Double) -> String {
        let scaled = (value * 100).rounded()
        guard scaled.isFinite, abs(scaled) < 1e15 else { return "0" }
        let hundredths = Int(scaled)
        let magnitude = abs(hundredths)
        var text = hundredths < 0 ? "-" : ""
        text += String(magnitude / 100)
        let fraction = magnitude % 100
        if fraction != 0 {
            text += fraction % 10 == 0 ? ".\(fraction / 10)" : (fraction < 10 ? ".0\(fraction)" : ".\(fraction)")
        }
        return text
    }
}
