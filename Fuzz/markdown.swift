// libFuzzer target `markdown`: the editorial Markdown renderer on arbitrary bytes.
//
// Nothing may trap, and the rendered HTML must keep the promises of `MarkdownDocument`: only the renderer's own
// tags, never a `<script`, heading ids unique and matching the `id` attributes, every `href` allowed by the URL
// policy, no line ending in a space.

import GuichetCore

/// Tags the renderer writes; anything else in the HTML would be raw HTML leaking through.
private let allowedTags: Set<String> = [
    "p", "h2", "h3", "h4", "h5", "h6", "hr", "pre", "code", "blockquote", "ul", "ol", "li", "a", "strong", "em", "br",
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let document = MarkdownDocument(source)
    check(document)
    // Rendering is a function of the source.
    require(MarkdownDocument(source) == document, "rendering is not deterministic")
    return 0
}

private func check(_ document: MarkdownDocument) {
    let html = Array(document.html.utf8)
    require(!document.html.lowercased().contains("<script"), "<script in the HTML")
    require(html.isEmpty || html.last == UInt8(ascii: "\n"), "the HTML does not end with a newline")

    // Tags: only the renderer's own, balanced.
    var open: [String] = []
    var ids: [String] = []
    var index = 0
    while index < html.count {
        defer { index += 1 }
        if html[index] == UInt8(ascii: " "), index + 1 < html.count, html[index + 1] == UInt8(ascii: "\n") {
            fail("trailing space on an HTML line")
        }
        guard html[index] == UInt8(ascii: "<") else { continue }
        guard let close = html[index...].firstIndex(of: UInt8(ascii: ">")) else {
            fail("unterminated tag")
        }
        let inside = String(decoding: html[(index + 1)..<close], as: UTF8.self)
        let isClosing = inside.hasPrefix("/")
        let name = String((isClosing ? inside.dropFirst() : inside[...]).prefix { $0 != " " })
        require(allowedTags.contains(name), "unexpected tag <\(inside)>")
        if isClosing {
            require(open.last == name, "unbalanced </\(name)> after \(open)")
            open.removeLast()
        } else if name != "hr" && name != "br" {
            open.append(name)
        }
        // Attributes: only `id` on headings, `href` and an optional `title` (Markdown link titles) on links, `class` on
        // code, `start` on ordered lists; each ` key="value"` with no quote inside the value.
        var attributes = inside.dropFirst(name.count + (isClosing ? 1 : 0))
        if !attributes.isEmpty {
            require(attributes.first == " " && attributes.last == "\"", "malformed attributes <\(inside)>")
        }
        var keys: [String] = []
        while !attributes.isEmpty {
            require(attributes.first == " ", "malformed attributes <\(inside)>")
            let pair = attributes.dropFirst()
            guard let equal = pair.firstIndex(of: "=") else { fail("attribute without value") }
            let key = String(pair[..<equal])
            let afterEqual = pair[pair.index(after: equal)...]
            require(afterEqual.first == "\"", "unquoted attribute value <\(inside)>")
            let valueStart = afterEqual.index(after: afterEqual.startIndex)
            guard let valueEnd = afterEqual[valueStart...].firstIndex(of: "\"") else { fail("unterminated value <\(inside)>") }
            let value = String(afterEqual[valueStart..<valueEnd])
            attributes = afterEqual[afterEqual.index(after: valueEnd)...]
            require(attributes.isEmpty || attributes.first == " ", "a quote inside an attribute value <\(inside)>")
            keys.append(key)
            switch (name, key) {
            case ("h2", "id"), ("h3", "id"), ("h4", "id"), ("h5", "id"), ("h6", "id"): ids.append(value)
            case ("a", "href"):
                let lower = value.lowercased()
                require(
                    lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:")
                        || lower.hasPrefix("#") || (lower.hasPrefix("/") && !lower.hasPrefix("//")),
                    "href not allowed: \(value)")
            case ("a", "title"): require(keys.first == "href", "a title without its href <\(inside)>")
            case ("code", "class"): require(value.hasPrefix("language-"), "class on code: \(value)")
            case ("ol", "start"): require(!value.isEmpty && value.allSatisfy(\.isNumber), "start: \(value)")
            default: fail("unexpected attribute \(key) on <\(name)>")
            }
        }
        require(Set(keys).count == keys.count, "repeated attribute <\(inside)>")
        index = close
    }
    require(open.isEmpty, "unclosed tags \(open)")

    // Headings: unique ids, the same as the `id` attributes, levels 2…6.
    let headingIDs = document.headings.map(\.id)
    require(Set(headingIDs).count == headingIDs.count, "duplicate heading id in \(headingIDs)")
    require(headingIDs == ids, "heading ids \(headingIDs) differ from the HTML ids \(ids)")
    for heading in document.headings {
        require((2...6).contains(heading.level), "heading level \(heading.level)")
        require(!heading.id.isEmpty && heading.id.utf8.count <= 64 + 12, "heading id length: \(heading.id)")
        require(
            heading.id.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D },
            "heading id not an ASCII slug: \(heading.id)")
    }
    for link in document.links {
        require(link.line >= 1, "link line \(link.line)")
    }
}
