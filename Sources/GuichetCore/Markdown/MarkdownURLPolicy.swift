/// Which link targets the Markdown renderer turns into links, and how they are written in `href`.
///
/// An allow-list rather than a block-list: `javascript:`, `vbscript:`, `data:`, `file:`, protocol-relative
/// `//host` and `/\host` (which browsers read as `//host`), and every other scheme or relative path are
/// rendered as plain text, so an editor's mistake or a hostile contribution cannot run script or leave the
/// site unannounced.
enum MarkdownURLPolicy {
    /// Whether `url` may become a link: `http://host…`, `https://host…`, `mailto:…`, `/path` or `#fragment`.
    ///
    /// An `http(s)` URL whose host is empty or holds a character no host may contain (a space, `<`, `\`…) is
    /// refused too: no browser could follow it and the HTML checker rejects it.
    static func isAllowed(_ url: String) -> Bool {
        let bytes = Array(url.utf8)
        guard let first = bytes.first else { return false }
        if first == MarkdownByte.hash { return true }
        if first == MarkdownByte.slash {
            guard bytes.count > 1 else { return true }
            return bytes[1] != MarkdownByte.slash && bytes[1] != MarkdownByte.backslash
        }
        if hasPrefix(bytes, "http://") { return hasValidHost(bytes, from: 7) }
        if hasPrefix(bytes, "https://") { return hasValidHost(bytes, from: 8) }
        return hasPrefix(bytes, "mailto:")
    }

    /// The authority from `start` up to `/`, `?` or `#`: optional `user@`, then a host of letters, digits,
    /// `-`, `.`, `_`, `~` or non-ASCII characters (international names), or a bracketed IPv6 address, then an
    /// optional numeric port.
    private static func hasValidHost(_ bytes: [UInt8], from start: Int) -> Bool {
        let end = authorityEnd(bytes, from: start)
        var hostStart = start
        if let at = bytes[start..<end].lastIndex(of: UInt8(ascii: "@")) { hostStart = at + 1 }
        var hostEnd = end
        if let colon = bytes[hostStart..<end].lastIndex(of: MarkdownByte.colon),
            !bytes[colon..<end].contains(MarkdownByte.closeBracket)
        {
            guard bytes[(colon + 1)..<end].allSatisfy(MarkdownByte.isDigit) else { return false }
            hostEnd = colon
        }
        let host = bytes[hostStart..<hostEnd]
        guard let first = host.first else { return false }
        if first == MarkdownByte.openBracket {
            return host.count > 2 && host.last == MarkdownByte.closeBracket
                && host.dropFirst().dropLast().allSatisfy {
                    isHexDigit($0) || $0 == MarkdownByte.colon || $0 == MarkdownByte.period
                }
        }
        return host.allSatisfy {
            $0 >= 0x80 || MarkdownByte.isLetter($0) || MarkdownByte.isDigit($0) || $0 == MarkdownByte.hyphen
                || $0 == MarkdownByte.period || $0 == MarkdownByte.underscore || $0 == MarkdownByte.tilde
        }
    }

    /// `url` percent-encoded for an `href` (still to be HTML-escaped): URL-syntax characters, letters, digits
    /// and well-formed `%XX` escapes are kept; spaces, quotes, angle brackets, backslashes, a second `#`,
    /// non-ASCII characters (as UTF-8) and the like are encoded, so the HTML checker accepts the attribute.
    static func href(_ url: String) -> String {
        let bytes = Array(url.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var hasFragment = false
        // Brackets are kept only around an IPv6 host.
        let authorityStart = hasPrefix(bytes, "http://") ? 7 : hasPrefix(bytes, "https://") ? 8 : bytes.count
        let authorityEnd = authorityEnd(bytes, from: authorityStart)
        for (index, byte) in bytes.enumerated() {
            if byte == MarkdownByte.openBracket || byte == MarkdownByte.closeBracket,
                index >= authorityStart, index < authorityEnd
            {
                output.append(byte)
            } else if byte == MarkdownByte.hash, !hasFragment {
                hasFragment = true
                output.append(byte)
            } else if byte == UInt8(ascii: "%"), index + 2 < bytes.count, isHexDigit(bytes[index + 1]),
                isHexDigit(bytes[index + 2])
            {
                output.append(byte)
            } else if isKept(byte) {
                output.append(byte)
            } else {
                output.append(UInt8(ascii: "%"))
                output.append(hexDigit(byte >> 4))
                output.append(hexDigit(byte & 0x0F))
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The end of the authority starting at `start`: the first `/`, `?` or `#`.
    private static func authorityEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var end = start
        while end < bytes.count, bytes[end] != MarkdownByte.slash, bytes[end] != UInt8(ascii: "?"),
            bytes[end] != MarkdownByte.hash
        {
            end += 1
        }
        return end
    }

    /// `bytes` starts with the lowercase ASCII `prefix`, ignoring case, and has something after it.
    private static func hasPrefix(_ bytes: [UInt8], _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard bytes.count > count else { return false }
        return prefix.withUTF8Buffer { expected in
            expected.indices.allSatisfy { index in
                let byte = bytes[index]
                return (MarkdownByte.isLetter(byte) ? byte | 0x20 : byte) == expected[index]
            }
        }
    }

    private static func isKept(_ byte: UInt8) -> Bool {
        if MarkdownByte.isLetter(byte) || MarkdownByte.isDigit(byte) { return true }
        switch byte {
        case UInt8(ascii: ";"), UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "@"),
            UInt8(ascii: "&"), UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "$"), UInt8(ascii: ","),
            UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "~"),
            UInt8(ascii: "*"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"):
            return true
        default:
            return false
        }
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        MarkdownByte.isDigit(byte) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x66)
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 0x30 + value : 0x41 + value - 10
    }
}
