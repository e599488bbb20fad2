import Testing

@testable import GuichetCore

/// A generated hostile input. No timing assertion: a quadratic path would show as a hang.
struct MarkdownHostileCase: Sendable, CustomTestStringConvertible {
    let name: String
    let make: @Sendable () -> String

    var testDescription: String { name }
}

@Suite("Markdown hostile input")
struct MarkdownHostileInputTests {
    static let size = 200_000

    static func repeated(_ unit: String) -> String {
        String(repeating: unit, count: size / unit.utf8.count)
    }

    static let cases: [MarkdownHostileCase] = [
        .init(name: "random punctuation") {
            randomText(seed: 1, alphabet: Array("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ \n"))
        },
        .init(name: "random Markdown tokens") { randomText(seed: 2, alphabet: tokens) },
        .init(name: "10 000 nested >") { String(repeating: ">", count: 10_000) + " fond" },
        .init(name: "10 000 nested > with spaces") { String(repeating: "> ", count: 10_000) + "fond" },
        .init(name: "10 000 nested list markers") { String(repeating: "* ", count: 10_000) + "fond" },
        .init(name: "10 000 nested emphasis") {
            String(repeating: "*a ", count: 10_000) + String(repeating: " b*", count: 10_000)
        },
        .init(name: "10 000 stars around a word") {
            String(repeating: "*", count: 10_000) + "mot" + String(repeating: "*", count: 10_000)
        },
        .init(name: "staircase of indented items") {
            (0..<10_000).map { String(repeating: " ", count: $0 % 50) + "- x\n" }.joined()
        },
        .init(name: "unclosed brackets") { repeated("[") },
        .init(name: "unclosed brackets and parentheses") { repeated("[a](") },
        .init(name: "unclosed link destinations") { repeated("[](x") },
        .init(name: "unclosed titles") { repeated("[a](b \"c") },
        .init(name: "deep parentheses in destinations") { repeated("[a](b(") },
        .init(name: "unclosed pointy destinations") { repeated("[a](<b") },
        .init(name: "unclosed autolinks") { repeated("<http:") },
        .init(name: "unmatched backtick runs") { (1...600).map { String(repeating: "`", count: $0) + "a" }.joined() },
        .init(name: "alternating delimiters") { repeated("*a _b **c __d ") },
        .init(name: "rule-of-3 delimiters") { repeated("*a** ") },
        .init(name: "unclosed fences") { repeated("```\n") },
        .init(name: "many identical headings") { repeated("# a\n") },
        .init(name: "one very long line of escapes") { repeated("\\") },
        .init(name: "control characters") { repeated("\u{0}\u{1}\r\u{85}\u{FFFE}") },
    ]

    static let tokens: [String] = [
        "*", "**", "_", "__", "`", "``", "[", "]", "(", ")", "](", "<", ">", "\\", "!", "\"", "'", "#", "# ", "- ",
        "1. ", "> ", "  ", "\n", "\n\n", "```", "a", "mot", "é", "\u{A0}", "«", "»", "http:", "https://a.fr",
        "javascript:", "<https://b.fr>", "[x](/y)", "\t",
    ]

    /// A deterministic string of about ``size`` bytes drawn from `alphabet`.
    static func randomText<Element>(seed: UInt64, alphabet: [Element]) -> String {
        var generator = MarkdownSeededGenerator(seed: seed)
        var text = ""
        text.reserveCapacity(size + 32)
        while text.utf8.count < size {
            let index = Int(generator.next() % UInt64(alphabet.count))
            text += "\(alphabet[index])"
        }
        return text
    }

    @Test("hostile input terminates and still renders well-formed, safe HTML", arguments: cases)
    func hostile(_ example: MarkdownHostileCase) {
        let document = MarkdownDocument(example.make())
        MarkdownHTMLShape.expectWellFormed(document)
    }

    @Test("block quotes nest at most maximumQuoteDepth deep")
    func quoteDepth() {
        let document = MarkdownDocument(String(repeating: ">", count: 10_000) + " fond")
        let depth = MarkdownBlockParser.maximumQuoteDepth
        #expect(document.html.hasPrefix(String(repeating: "<blockquote>\n", count: depth) + "<p>&gt;&gt;"))
        #expect(document.html.split(separator: "\n").filter { $0 == "<blockquote>" }.count == depth)
    }

    @Test("random small documents always render well-formed, safe HTML")
    func randomDocuments() {
        var generator = MarkdownSeededGenerator(seed: 42)
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<(generator.next() % 300) {
                text += Self.tokens[Int(generator.next() % UInt64(Self.tokens.count))]
            }
            MarkdownHTMLShape.expectWellFormed(MarkdownDocument(text), source: text)
        }
    }
}

/// SplitMix64: a small deterministic generator, so failures reproduce.
struct MarkdownSeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

/// Structural checks on rendered HTML: only the renderer's own tags, properly nested, `ul`/`ol` holding only
/// `li`, no block inside an inline element, unique non-empty heading ids, no trailing white space.
enum MarkdownHTMLShape {
    static let blockTags: Set<String> = ["p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre"]
    static let inlineTags: Set<String> = ["em", "strong", "code", "a"]
    static let voidTags: Set<String> = ["hr", "br"]

    static func expectWellFormed(_ document: MarkdownDocument, source: String = "") {
        let html = Array(document.html.utf8)
        var stack: [String] = []
        var problems: [String] = []
        var index = 0
        while index < html.count {
            guard html[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            var end = index
            while end < html.count, html[end] != UInt8(ascii: ">") { end += 1 }
            let tag = String(decoding: html[(index + 1)..<min(end, html.count)], as: UTF8.self)
            index = end + 1
            let isClosing = tag.hasPrefix("/")
            let name = String(tag.dropFirst(isClosing ? 1 : 0).prefix { $0 != " " })
            guard blockTags.contains(name) || inlineTags.contains(name) || voidTags.contains(name) else {
                problems.append("unexpected tag <\(tag)>")
                continue
            }
            if voidTags.contains(name) { continue }
            if isClosing {
                if stack.last == name { stack.removeLast() } else { problems.append("misnested </\(name)>") }
                continue
            }
            if let parent = stack.last {
                if (parent == "ul" || parent == "ol") != (name == "li") { problems.append("<\(name)> in <\(parent)>") }
                if blockTags.contains(name), inlineTags.contains(parent) || parent == "p" || parent == "pre" {
                    problems.append("block <\(name)> in <\(parent)>")
                }
                if name == "a", stack.contains("a") { problems.append("nested <a>") }
            } else if name == "li" {
                problems.append("<li> outside a list")
            }
            stack.append(name)
        }
        if !stack.isEmpty { problems.append("unclosed \(stack)") }
        if document.html.split(separator: "\n").contains(where: { $0.hasSuffix(" ") || $0.hasSuffix("\t") }) {
            problems.append("trailing white space")
        }
        let ids = document.headings.map(\.id)
        if Set(ids).count != ids.count || ids.contains(where: \.isEmpty) { problems.append("bad heading ids") }
        #expect(problems.isEmpty, "\(problems.prefix(5)) for \(String(reflecting: String(source.prefix(300))))")
    }
}
