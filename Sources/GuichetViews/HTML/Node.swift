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
    public func render() -> String {
        var out = ""
        out.reserveCapacity(4096)
        render(into: &out)
        return out
    }

    func render(into out: inout String) {
        switch self {
        case .text(let text): out += escapeText(text)
        case .trusted(let html): out += html
        case .fragment(let nodes): for node in nodes { node.render(into: &out) }
        case .element(let name, let attributes, let children):
            let isBlock = Node.blockElements.contains(name)
            if isBlock, let last = out.last, last != "\n" { out += "\n" }
            out += "<" + name
            for attribute in attributes {
                out += " " + attribute.name
                if let value = attribute.value { out += "=\"" + escapeAttribute(value) + "\"" }
            }
            out += ">"
            guard !Node.voidElements.contains(name) else { return }
            for child in children { child.render(into: &out) }
            out += "</" + name + ">"
        }
    }

    static let voidElements: Set<String> = ["meta", "link", "br", "hr", "img", "input"]
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
