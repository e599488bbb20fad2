/// Generates heading `id`s: ASCII slugs of the heading text, unique within one document.
///
/// Latin letters lose their accents and ligatures are spelt out (« Délai d’appel : œuvre » →
/// `delai-d-appel-oeuvre`); other characters separate words. Text with no Latin letter or digit gets
/// ``fallback``. Repeats get `-2`, `-3`… suffixes, skipping any id already taken.
struct MarkdownHeadingIDs {
    /// The id of a heading whose text has no Latin letter or digit.
    static let fallback = "section"
    /// Slugs are cut at a word boundary near this length.
    static let maximumLength = 64

    private var taken: Set<String> = []
    private var nextSuffix: [String: Int] = [:]

    /// A fresh id for a heading with this text.
    mutating func unique(for text: String) -> String {
        let base = Self.slug(text)
        if taken.insert(base).inserted { return base }
        var suffix = nextSuffix[base, default: 2]
        while true {
            let candidate = "\(base)-\(suffix)"
            suffix += 1
            if taken.insert(candidate).inserted {
                nextSuffix[base] = suffix
                return candidate
            }
        }
    }

    /// The ASCII slug of `text`, or ``fallback``.
    static func slug(_ text: String) -> String {
        var slug = ""
        var needsHyphen = false
        func append(_ letters: Substring) {
            if needsHyphen, !slug.isEmpty { slug.append("-") }
            needsHyphen = false
            slug.append(contentsOf: letters)
        }
        for scalar in text.unicodeScalars {
            guard slug.utf8.count < maximumLength else { break }
            switch scalar.value {
            case 0x30...0x39, 0x61...0x7A:
                append(Substring(String(scalar)))
            case 0x41...0x5A:
                append(Substring(String(Unicode.Scalar(scalar.value + 0x20) ?? scalar)))
            case 0xC0...0x17F:
                let letters = latinFolding[Int(scalar.value) - 0xC0]
                if letters == "_" { needsHyphen = true } else { append(letters) }
            case 0x218, 0x219:
                append("s")
            case 0x21A, 0x21B:
                append("t")
            case 0x300...0x36F:
                // Combining accents of decomposed text: the base letter is already there.
                break
            default:
                needsHyphen = true
            }
        }
        if slug.utf8.count > maximumLength {
            slug = String(slug.prefix(maximumLength))
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? fallback : slug
    }

    /// ASCII spellings of U+00C0…U+017F (Latin-1 letters and Latin Extended-A); `_` separates words.
    static let latinFolding: [Substring] = """
        a a a a a a ae c e e e e i i i i d n o o o o o _ o u u u u y th ss \
        a a a a a a ae c e e e e i i i i d n o o o o o _ o u u u u y th y \
        a a a a a a c c c c c c c c d d d d e e e e e e e e e e g g g g \
        g g g g h h h h i i i i i i i i i i ij ij j j k k k l l l l l l l \
        l l l n n n n n n n n n o o o o o o oe oe r r r r r r s s s s s s \
        s s t t t t t t u u u u u u u u u u u u w w y y y z z z z z z s
        """.split(separator: " ")
}
