/// Generates heading `id`s: ASCII slugs of the heading text, unique within one document.
///
/// Latin letters lose their accents and ligatures are spelt out (« Délai d’appel : œuvre » →
/// `delai-d-appel-oeuvre`); other characters, other scripts included, separate words. Text with no Latin letter
/// or digit gets ``fallback``. Repeats get `-2`, `-3`… suffixes, skipping any id already taken.
struct MarkdownHeadingIDs {
    /// The id of a heading whose text has no Latin letter or digit.
    static let fallback = "section"
    /// Slugs are cut to at most this many bytes.
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

    /// The ASCII slug of `text`, or ``fallback``: the text folded by ``TextFolding`` (so ids and search agree on
    /// accents and ligatures), then every run of characters other than `a`–`z` and `0`–`9` made one hyphen.
    static func slug(_ text: String) -> String {
        var slug: [UInt8] = []
        var needsHyphen = false
        for byte in TextFolding.fold(text).utf8 {
            guard MarkdownByte.isDigit(byte) || (byte >= 0x61 && byte <= 0x7A) else {
                needsHyphen = true
                continue
            }
            let hasHyphen = needsHyphen && !slug.isEmpty
            guard slug.count + (hasHyphen ? 2 : 1) <= maximumLength else { break }
            if hasHyphen { slug.append(MarkdownByte.hyphen) }
            needsHyphen = false
            slug.append(byte)
        }
        return slug.isEmpty ? fallback : String(decoding: slug, as: UTF8.self)
    }
}
