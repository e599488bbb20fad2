import GuichetCore

/// A piece of HTML: elements, escaped text, or trusted markup produced by our own renderers.
///
/// Text and attribute values are always escaped when rendered; `.trusted` is reserved for HTML
/// that guichet generated itself (the Markdown renderer's output), never for user input.
public indirect enum Node: Sendable {
    case element(String, attributes: [Attribute], children: [Node])
    case text(String)
    case trusted(String)
    case fragment([Node])

    /// Renders to a string. Block elements start on a new line so that output stays diffable.
    ///
    /// Text in French gets French typography (``FrenchTypography``: no-break spaces before `:` `;` `!` `?`,
    /// inside guillemets, in dates, times, amounts…). This is the one place that does it for pages, because
    /// it is the one place that knows which text is French: the language comes from the nearest `lang`
    /// attribute (`<html lang="fr">`, or `lang="fr"` on the French content of an English or Arabic page), so
    /// English and Arabic text never gets a space before « ? ». Typesetting here rather than in the string
    /// catalog also covers what does not come from it: the words written in the views (« Source : »), dates,
    /// the deadline steps, titles and summaries of the dossier, the questions of the self-help paths. It
    /// leaves alone what is not text on the page: attribute values (links, form values), `.trusted` HTML
    /// (the Markdown renderer typesets editorial HTML itself; search excerpts are shown as indexed), the
    /// content of `code`, `pre`, `kbd`, `samp` and `textarea`, and every non-HTML use of the catalog
    /// (iCalendar files, headers, the CLI). A fragment rendered without a `lang` is left as it is.
    public func render() -> String {
        var out = ""
        out.reserveCapacity(4096)
        render(into: &out, isFrench: false)
        return out
    }

    func render(into out: inout String, isFrench: Bool) {
        switch self {
        case .text(let text): out += escapeText(isFrench ? FrenchTypography.apply(text) : text)
        case .trusted(let html): out += html
        case .fragment(let nodes): for node in nodes { node.render(into: &out, isFrench: isFrench) }
        case .element(let name, let attributes, let children):
            let isBlock = Node.blockElements.contains(name)
            if isBlock, let last = out.last, last != "\n" { out += "\n" }
            out += "<" + name
            var isFrenchInside = isFrench
            for attribute in attributes {
                out += " " + attribute.name
                if let value = attribute.value {
                    out += "=\"" + escapeAttribute(value) + "\""
                    if attribute.name == "lang" { isFrenchInside = Node.isFrench(value) }
                }
            }
            out += ">"
            guard !Node.voidElements.contains(name) else { return }
            if Node.verbatimElements.contains(name) { isFrenchInside = false }
            for child in children { child.render(into: &out, isFrench: isFrenchInside) }
            out += "</" + name + ">"
        }
    }

    /// Whether a `lang` value is French (`fr`, `fr-FR`…).
    static func isFrench(_ language: String) -> Bool {
        let lowercased = language.lowercased()
        return lowercased == "fr" || lowercased.hasPrefix("fr-")
    }

    /// Elements whose text is shown or sent as written: no typography inside.
    static let verbatimElements: Set<String> = ["code", "pre", "kbd", "samp", "textarea", "script", "style"]

    static let voidElements: Set<String> = ["meta", "link", "base", "br", "hr", "img", "input"]
    static let blockElements: Set<String> = [
        "html", "head", "body", "header", "footer", "main", "nav", "section", "article", "aside", "div", "p", "ul",
        "ol", "li", "h1", "h2", "h3", "h4", "form", "fieldset", "table", "tr", "dl", "dt", "dd", "meta", "link",
        "title", "blockquote", "figure", "details",
    ]
}

/// An HTML attribute; a `nil` value renders as a boolean attribute (`required`).
public struct Attribute: Sendable {
    public let name: String
    public let value: String?

    public init(_ name: String, _ value: String?) {
        self.name = name
        self.value = value
    }
}

/// Escapes `&`, `<` and `>` for text content.
public func escapeText(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E }) else { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count + 16)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out
}

/// Escapes text for a double-quoted attribute value.
public func escapeAttribute(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
        return text
    }
    var out = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out
}

/// Builds lists of nodes with `if`, `for` and optionals.
@resultBuilder
public enum NodeBuilder {
    public static func buildBlock(_ parts: [Node]...) -> [Node] { parts.flatMap { $0 } }
    public static func buildExpression(_ node: Node) -> [Node] { [node] }
    public static func buildExpression(_ nodes: [Node]) -> [Node] { nodes }
    public static func buildExpression(_ text: String) -> [Node] { [.text(text)] }
    public static func buildOptional(_ nodes: [Node]?) -> [Node] { nodes ?? [] }
    public static func buildEither(first nodes: [Node]) -> [Node] { nodes }
    public static func buildEither(second nodes: [Node]) -> [Node] { nodes }
    public static func buildArray(_ parts: [[Node]]) -> [Node] { parts.flatMap { $0 } }
}

/// An element: `el("p", ["class": "lead"]) { "Texte" }`. Attributes keep the order given.
public func el(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], @NodeBuilder _ children: () -> [Node] = { [] }) -> Node {
    .element(name, attributes: attributes.map { Attribute($0.key, $0.value) }, children: children())
}
