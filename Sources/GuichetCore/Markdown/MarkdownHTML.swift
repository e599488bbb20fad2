/// HTML escaping for the Markdown renderer.
enum MarkdownHTML {
    /// Appends `byte`, escaping the five characters that matter in text and attribute values.
    static func appendEscaped(_ byte: UInt8, to html: inout [UInt8]) {
        switch byte {
        case MarkdownByte.ampersand: html.append(contentsOf: "&amp;".utf8)
        case MarkdownByte.lessThan: html.append(contentsOf: "&lt;".utf8)
        case MarkdownByte.greaterThan: html.append(contentsOf: "&gt;".utf8)
        case MarkdownByte.quote: html.append(contentsOf: "&quot;".utf8)
        case MarkdownByte.apostrophe: html.append(contentsOf: "&#39;".utf8)
        default: html.append(byte)
        }
    }

    /// Appends `bytes`, escaped.
    static func appendEscaped(_ bytes: some Sequence<UInt8>, to html: inout [UInt8]) {
        for byte in bytes {
            appendEscaped(byte, to: &html)
        }
    }
}
