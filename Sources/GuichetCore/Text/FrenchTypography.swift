/// French typography: the no-break spaces French requires and English does not, so that a line never
/// starts with « ? », « : » or « » », never ends with « « », and never splits « n° 3 », « 5 octobre 2026 »,
/// « 8 h 59 », « 10 000 € » or « M. Dupont ».
///
/// Every renderer of French text calls it at the last moment: the document writers through
/// ``DocumentDraft/typeset()``, the pages when they render a text node in French, the Markdown renderer
/// for the editorial HTML. The stored text (case files, content, search index, the CLI's JSON) keeps its
/// ordinary spaces.
///
/// The rules, on ordinary spaces (U+0020) only; a run of several ordinary spaces at a no-break place becomes
/// one no-break space:
///
/// | where | becomes |
/// | --- | --- |
/// | after « and before » | U+202F (narrow no-break space), inserted when missing (`«mot»`) |
/// | before `;` `!` `?` | U+202F |
/// | before `:` | U+00A0 (no-break space) |
/// | `n°` / `N°` and a number | U+00A0, inserted when missing (`n°3`) |
/// | a day (`5`, `1er`) and a month name; a month name and a four-digit year | U+00A0 |
/// | `8 h 59`, `14 h` | U+00A0 on both sides of `h` |
/// | groups of digits already separated by spaces (`10 000`), when every group after the first has 3 digits | U+202F |
/// | a number and `€` or `%` | U+00A0 |
/// | `M.`, `MM.`, `Mme`, `Mmes`, `Mlle`, `Mlles`, `Me` and a name | U+00A0 |
///
/// A space before `;` `!` `?` `:` is only made no-break, and a missing one only inserted after a letter or
/// a closing guillemet, when the mark ends a word: followed by white space, the end of the text or closing
/// punctuation, so `10:30`, `?q=` and `a?b` stay as they are. A token (a run of characters between white
/// space) that contains `://`, `@` or `www.` is a URL or an e-mail address: nothing inside it changes, and
/// no rule reads its characters. Numbers are never given separators they did not have (`2026`, `93200`,
/// `2201234`), and codes written in groups (`01 23 45 67 89`, `1A 000 000 0002 6`) are left alone.
///
/// `apply` is idempotent, never changes, adds or removes a letter, digit or punctuation mark, and costs
/// one pass over the UTF-8 bytes of the text (no regular expression, no Foundation); text with no space,
/// guillemet, `;`, `:`, `!`, `?` or `°` comes back at once, and text where no rule applies comes back as
/// the same string.
public enum FrenchTypography {
    /// U+00A0, before `:`, in dates, times, amounts and after titles.
    public static let noBreakSpace: Unicode.Scalar = "\u{00A0}"
    /// U+202F, inside guillemets, before `;` `!` `?` and between groups of digits.
    public static let narrowNoBreakSpace: Unicode.Scalar = "\u{202F}"

    /// `text` with French no-break spaces.
    public static func apply(_ text: String) -> String {
        guard mayNeedWork(text) else { return text }
        return Typesetter(segments: [.text(text)]).run()[0]
    }

    /// Runs that are read as one text (a rule may span two runs, as in « **5** octobre »), returned as
    /// the same number of runs. An inserted space goes into the run of the mark it belongs to; a run of
    /// spaces across runs becomes one no-break space in the first of them.
    public static func apply(runs: [String]) -> [String] {
        guard runs.contains(where: mayNeedWork) else { return runs }
        return Typesetter(segments: runs.map { .text($0) }).run()
    }

    /// A piece of a text being typeset: text, or something shown but not text (a code span, a URL), which
    /// separates words like a symbol and is never changed.
    enum Segment {
        case text(String)
        case opaque
    }

    /// Typesets `segments` as one text; the result has one string per segment, empty for opaque ones.
    static func apply(segments: [Segment]) -> [String] {
        let needsWork = segments.contains {
            if case .text(let text) = $0 { return mayNeedWork(text) }
            return false
        }
        guard needsWork else {
            return segments.map {
                if case .text(let text) = $0 { return text }
                return ""
            }
        }
        return Typesetter(segments: segments).run()
    }

    /// Whether `text` holds a space, `!`, `:`, `;`, `?`, or a character from U+0080 to U+00BF (« » ° º, the
    /// no-break space): without any of them, no rule can apply.
    static func mayNeedWork(_ text: String) -> Bool {
        mayNeedWork(utf8: text.utf8)
    }

    static func mayNeedWork(utf8 bytes: some Sequence<UInt8>) -> Bool {
        bytes.contains { $0 == 0x20 || $0 == 0x21 || $0 == 0x3A || $0 == 0x3B || $0 == 0x3F || $0 == 0xC2 }
    }
}

/// One typesetting pass over a text made of segments.
///
/// The pass reads the UTF-8 bytes of the segments put end to end: every character a rule looks for is ASCII
/// or has a fixed two- or three-byte form (« » ° º, the no-break spaces, €), and a scalar is decoded only
/// where a rule needs to know whether it is a letter or white space. The pass records edits (a run of spaces
/// replaced, a space inserted); a text without any edit comes back as the very same string.
private struct Typesetter {
    /// A no-break space to write.
    private enum Space {
        case noBreak, narrow, figure

        var utf8: [UInt8] {
            switch self {
            case .noBreak: [0xC2, 0xA0]
            case .narrow: [0xE2, 0x80, 0xAF]
            case .figure: [0xE2, 0x80, 0x87]
            }
        }
    }

    /// `start..<end` becomes `space` (an insertion when `start == end`), written in the segment `owner`.
    private struct Edit {
        let start: Int
        let end: Int
        let space: Space
        let owner: Int
    }

    private let bytes: [UInt8]
    /// The offset in `bytes` where each segment starts.
    private let segmentStarts: [Int]
    /// The segments' own text, nil for opaque ones.
    private let texts: [String?]
    private var edits: [Edit] = []
    /// The segment of the last edit (edits come in increasing order).
    private var segment = 0
    /// The last token whose protection was computed, and whether it is a URL or an address.
    private var cachedToken: (range: Range<Int>, isProtected: Bool) = (0..<0, false)

    /// U+FFFC, what an opaque segment reads as: a symbol, neither a letter nor white space.
    private static let objectReplacement: [UInt8] = [0xEF, 0xBF, 0xBC]

    init(segments: [FrenchTypography.Segment]) {
        var bytes: [UInt8] = []
        var starts: [Int] = []
        var texts: [String?] = []
        starts.reserveCapacity(segments.count)
        texts.reserveCapacity(segments.count)
        if segments.count == 1, case .text(let text) = segments[0] {
            bytes = Array(text.utf8)
        } else {
            bytes.reserveCapacity(
                segments.reduce(0) {
                    if case .text(let text) = $1 { return $0 + text.utf8.count }
                    return $0 + 3
                })
        }
        for segment in segments {
            starts.append(bytes.count)
            switch segment {
            case .text(let text):
                if segments.count > 1 { bytes.append(contentsOf: text.utf8) }
                texts.append(text)
            case .opaque:
                bytes.append(contentsOf: Self.objectReplacement)
                texts.append(nil)
            }
        }
        self.bytes = bytes
        self.segmentStarts = starts
        self.texts = texts
    }

    consuming func run() -> [String] {
        scan()
        return output()
    }

    // MARK: - Scanning

    private mutating func scan() {
        let count = bytes.count
        var index = 0
        while index < count {
            let byte = bytes[index]
            switch byte {
            case 0x20:
                index = spaceRun(from: index)
                continue
            case 0x3B, 0x21, 0x3F, 0x3A:  // ; ! ? :
                if index > 0, isLetter(endingAt: index) || isClosingGuillemet(endingAt: index),
                    endsMark(at: index + 1), byte != 0x3B || !endsEntityName(at: index), !isProtected(index)
                {
                    record(index, index, byte == 0x3A ? .noBreak : .narrow, ownedBy: index)
                }
            case 0xC2 where index + 1 < count:
                switch bytes[index + 1] {
                case 0xA0:
                    index = spaceRun(from: index)
                    continue
                case 0xAB:  // «
                    if index + 2 < count, whitespaceLength(at: index + 2) == 0, !isClosingGuillemet(at: index + 2),
                        !isProtected(index)
                    {
                        record(index + 2, index + 2, .narrow, ownedBy: index)
                    }
                case 0xBB:  // »
                    if index > 0, !isWhitespace(endingAt: index), !isOpeningGuillemet(endingAt: index),
                        !isProtected(index)
                    {
                        record(index, index, .narrow, ownedBy: index)
                    }
                case 0xB0, 0xBA:  // ° º
                    if isNumero(degreeAt: index), index + 2 < count, Self.isDigit(bytes[index + 2]), !isProtected(index)
                    {
                        record(index + 2, index + 2, .noBreak, ownedBy: index)
                    }
                default:
                    break
                }
                index += 2
                continue
            case 0xE2 where spaceLength(at: index) > 0:
                index = spaceRun(from: index)
                continue
            default:
                break
            }
            index += 1
        }
    }

    private mutating func record(_ start: Int, _ end: Int, _ space: Space, ownedBy position: Int) {
        while segment + 1 < segmentStarts.count, segmentStarts[segment + 1] <= position { segment += 1 }
        edits.append(Edit(start: start, end: end, space: space, owner: segment))
    }

    // MARK: - Spaces

    /// The length of the ordinary or no-break space (U+0020, U+00A0, U+202F, U+2007) at `index`, or 0.
    private func spaceLength(at index: Int) -> Int {
        let byte = bytes[index]
        if byte == 0x20 { return 1 }
        if byte == 0xC2 { return index + 1 < bytes.count && bytes[index + 1] == 0xA0 ? 2 : 0 }
        if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
            bytes[index + 2] == 0xAF || bytes[index + 2] == 0x87
        {
            return 3
        }
        return 0
    }

    /// Handles the run of spaces starting at `start`; returns where it ends.
    private mutating func spaceRun(from start: Int) -> Int {
        var end = start
        var hasOrdinary = false
        var existing: Space?
        while end < bytes.count {
            let length = spaceLength(at: end)
            guard length > 0 else { break }
            if length == 1 {
                hasOrdinary = true
            } else if existing == nil {
                existing = length == 2 ? .noBreak : (bytes[end + 2] == 0xAF ? .narrow : .figure)
            }
            end += length
        }
        if hasOrdinary, let space = noBreakSpace(between: start, and: end) {
            record(start, end, existing ?? space, ownedBy: start)
        }
        return end
    }

    /// The no-break space that the spaces in `start..<end` must become, or nil when they may break.
    ///
    /// Rules are tried on the characters first; whether a side is a URL is only asked when one matched.
    private mutating func noBreakSpace(between start: Int, and end: Int) -> Space? {
        guard start > 0, end < bytes.count, !isWhitespace(endingAt: start), whitespaceLength(at: end) == 0 else {
            return nil
        }
        switch bytes[end] {
        case 0x3B, 0x21, 0x3F, 0x3A:  // ; ! ? :
            if endsMark(at: end + 1) {
                guard !isProtected(end) else { return nil }
                return bytes[end] == 0x3A ? .noBreak : .narrow
            }
        default:
            if isClosingGuillemet(at: end) { return isProtected(end) ? nil : .narrow }
        }
        if isOpeningGuillemet(endingAt: start) { return isProtected(start - 1) ? nil : .narrow }
        guard let space = wordRule(before: start, after: end) else { return nil }
        return isProtected(start - 1) || isProtected(end) ? nil : space
    }

    /// The rules that read the words on both sides of the spaces: numbers, dates, times, titles. `before` is
    /// where the spaces start (the word before ends there), `after` where the next word starts.
    private func wordRule(before: Int, after: Int) -> Space? {
        let last = bytes[before - 1]
        let next = bytes[after]
        if Self.isDigit(last) {
            let digits = digitRunLength(endingAt: before)
            let isWordStart = !isAlphanumeric(endingAt: before - digits)
            if next == 0x25 || isEuroSign(at: after) { return .noBreak }
            // « 10 000 », « 1 200 000 »: only groups that were already apart, and only in a number.
            if digits <= 3, exactDigits(3, at: after), isThousandsGroup(endingAt: before, length: digits, isWordStart),
                followingGroupsAreThousands(from: after + 3)
            {
                return .narrow
            }
            if isWordStart, digits <= 2 {
                // « 8 h 59 », « 14 h »: the space before « h ».
                if next == 0x68, !isAlphanumeric(startingAt: after + 1) { return .noBreak }
                // « 5 octobre »
                let day = number(endingAt: before, length: digits)
                if (1...31).contains(day), isMonth(startingAt: after) { return .noBreak }
            }
            return nil
        }
        // « n° 3 »
        if last == 0xB0 || last == 0xBA, before >= 2, bytes[before - 2] == 0xC2 {
            return isNumero(degreeAt: before - 2) && Self.isDigit(next) ? .noBreak : nil
        }
        guard Self.isASCIILetter(last) || last == 0x2E else { return nil }
        // « 1er mars »
        if last == 0x72, before >= 3, bytes[before - 2] == 0x65, bytes[before - 3] == 0x31,
            !isAlphanumeric(endingAt: before - 3), isMonth(startingAt: after)
        {
            return .noBreak
        }
        // « 8 h 59 »: the space after « h ».
        if last == 0x68, before >= 2, exactDigits(2, at: after), !isAlphanumeric(startingAt: after + 2) {
            let spaceStart = scalarStart(endingAt: before - 1)
            if spaceLength(at: spaceStart) == before - 1 - spaceStart, isHourNumber(endingAt: spaceStart) {
                return .noBreak
            }
        }
        // « octobre 2026 »
        if Self.isASCIILetter(last), exactDigits(4, at: after), isMonth(endingAt: before) { return .noBreak }
        // « M. Dupont », « Mme Diallo »
        if let needsCapital = title(endingAt: before), isLetter(startingAt: after) {
            return !needsCapital || isUppercase(startingAt: after) ? .noBreak : nil
        }
        return nil
    }

    /// Whether a mark just before `index` ends a word: `index` is the end, white space, or closing punctuation.
    private func endsMark(at index: Int) -> Bool {
        guard index < bytes.count else { return true }
        switch bytes[index] {
        case 0x3B, 0x3A, 0x21, 0x3F, 0x29, 0x5D, 0x22: return true  // ; : ! ? ) ] "
        default:
            if isClosingGuillemet(at: index) { return true }
            // ” and …
            if bytes[index] == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
                bytes[index + 2] == 0x9D || bytes[index + 2] == 0xA6
            {
                return true
            }
            return whitespaceLength(at: index) > 0
        }
    }

    /// Whether `index` ends the name of an HTML entity written as text (`&amp;`, `&nbsp;`): its `;` stays glued.
    private func endsEntityName(at index: Int) -> Bool {
        var start = index
        while start > 0, index - start < 32,
            Self.isASCIILetter(bytes[start - 1]) || Self.isDigit(bytes[start - 1]) || bytes[start - 1] == 0x23
        {
            start -= 1
        }
        return start > 0 && start < index && bytes[start - 1] == 0x26
    }

    // MARK: - Words

    private func isOpeningGuillemet(endingAt index: Int) -> Bool {
        index >= 2 && bytes[index - 2] == 0xC2 && bytes[index - 1] == 0xAB
    }

    private func isClosingGuillemet(endingAt index: Int) -> Bool {
        index >= 2 && bytes[index - 2] == 0xC2 && bytes[index - 1] == 0xBB
    }

    private func isClosingGuillemet(at index: Int) -> Bool {
        index + 1 < bytes.count && bytes[index] == 0xC2 && bytes[index + 1] == 0xBB
    }

    private func isEuroSign(at index: Int) -> Bool {
        index + 2 < bytes.count && bytes[index] == 0xE2 && bytes[index + 1] == 0x82 && bytes[index + 2] == 0xAC
    }

    /// Whether the `°` (or `º`) whose first byte is at `index` is the one of « n° », « N° », a word of its own.
    private func isNumero(degreeAt index: Int) -> Bool {
        index >= 1 && (bytes[index - 1] == 0x6E || bytes[index - 1] == 0x4E) && !isLetter(endingAt: index - 1)
    }

    /// The length of the run of ASCII digits ending at `index` (exclusive).
    private func digitRunLength(endingAt index: Int) -> Int {
        var start = index
        while start > 0, Self.isDigit(bytes[start - 1]) { start -= 1 }
        return index - start
    }

    /// The value of the `length` (at most 2) digits ending at `index` (exclusive).
    private func number(endingAt index: Int, length: Int) -> Int {
        var value = 0
        for position in (index - length)..<index { value = value * 10 + Int(bytes[position] - 0x30) }
        return value
    }

    /// Exactly `count` ASCII digits start at `index`, and no digit follows them.
    private func exactDigits(_ count: Int, at index: Int) -> Bool {
        guard index + count <= bytes.count else { return false }
        for position in index..<index + count where !Self.isDigit(bytes[position]) { return false }
        return index + count == bytes.count || !Self.isDigit(bytes[index + count])
    }

    /// How many groups a number may have after the one being looked at (10^18): beyond, it is a code.
    private static let maximumGroups = 6

    /// Whether the `length` digits ending at `index` (exclusive) can be a group of a number written with
    /// spaces: its first group (1 to 3 digits, a word of its own), or a 3-digit group after one.
    private func isThousandsGroup(endingAt index: Int, length: Int, _ isWordStart: Bool) -> Bool {
        let start = index - length
        guard start > 0 else { return true }
        let spaceStart = scalarStart(endingAt: start)
        guard spaceLength(at: spaceStart) == start - spaceStart, spaceStart > 0, Self.isDigit(bytes[spaceStart - 1])
        else {
            return isWordStart
        }
        let previous = digitRunLength(endingAt: spaceStart)
        return length == 3 && previous <= 3 && !isAlphanumeric(endingAt: spaceStart - previous)
    }

    /// Whether the groups of digits that follow `index` (each after one space) all have 3 digits, as in
    /// « 1 200 000 »; « 1A 000 000 0002 6 » (a registered letter's number) is a code, not a number.
    private func followingGroupsAreThousands(from index: Int) -> Bool {
        var position = index
        for _ in 0...Self.maximumGroups {
            guard position < bytes.count else { return true }
            let space = spaceLength(at: position)
            guard space > 0, position + space < bytes.count, Self.isDigit(bytes[position + space]) else { return true }
            guard exactDigits(3, at: position + space) else { return false }
            position += space + 3
        }
        return false
    }

    /// One or two digits ending at `index` (exclusive), a word of their own (the hours of « 8 h 59 »).
    private func isHourNumber(endingAt index: Int) -> Bool {
        let digits = digitRunLength(endingAt: index)
        return (1...2).contains(digits) && !isAlphanumeric(endingAt: index - digits)
    }

    /// The French month names in lowercase UTF-8, with and without their accents.
    private static let months: [[UInt8]] = [
        "janvier", "février", "fevrier", "mars", "avril", "mai", "juin", "juillet", "août", "aout", "septembre",
        "octobre", "novembre", "décembre", "decembre",
    ].map { Array($0.utf8) }

    /// The byte at `index` in lowercase: ASCII capitals, and the second byte of Latin-1 capitals (É → é, Û → û).
    private func lowercasedByte(at index: Int) -> UInt8 {
        let byte = bytes[index]
        if byte >= 0x41 && byte <= 0x5A { return byte | 0x20 }
        if byte >= 0x80 && byte <= 0x9E && byte != 0x97 && index > 0 && bytes[index - 1] == 0xC3 { return byte + 0x20 }
        return byte
    }

    /// Whether a month name, as a whole word, starts at `index`.
    private func isMonth(startingAt index: Int) -> Bool {
        let first = bytes[index] | 0x20
        guard
            first == 0x6A || first == 0x66 || first == 0x6D || first == 0x61 || first == 0x73 || first == 0x6F
                || first == 0x6E || first == 0x64
        else { return false }  // j f m a s o n d
        candidates: for month in Self.months where month[0] == first && index + month.count <= bytes.count {
            for offset in 1..<month.count where lowercasedByte(at: index + offset) != month[offset] {
                continue candidates
            }
            if !isLetter(startingAt: index + month.count) { return true }
        }
        return false
    }

    /// Whether a month name, as a whole word, ends at `index` (exclusive).
    private func isMonth(endingAt index: Int) -> Bool {
        let last = bytes[index - 1] | 0x20
        candidates: for month in Self.months where month[month.count - 1] == last && index >= month.count {
            let start = index - month.count
            for offset in 0..<month.count - 1 where lowercasedByte(at: start + offset) != month[offset] {
                continue candidates
            }
            if !isLetter(endingAt: start) { return true }
        }
        return false
    }

    /// Whether a title ends at `index` (exclusive) as a word of its own (« FORM. » is no « M. »): « M. », « MM. »,
    /// « Mme », « Mmes », « Mlle », « Mlles », or « Me » (maître), which needs a capital after it since « Me »
    /// also starts sentences. Nil when there is none, otherwise whether the name must start with a capital.
    private func title(endingAt index: Int) -> Bool? {
        func matches(_ text: StaticString) -> Bool {
            let count = text.utf8CodeUnitCount
            guard index >= count else { return false }
            let start = index - count
            for offset in 0..<count where bytes[start + offset] != text.utf8Start[offset] { return false }
            return !isAlphanumeric(endingAt: start) && !(start >= 1 && bytes[start - 1] == 0x2E)
        }
        switch bytes[index - 1] {
        case 0x2E:  // .
            return matches("M.") || matches("MM.") ? false : nil
        case 0x65:  // e
            if matches("Me") { return true }
            return matches("Mme") || matches("Mlle") ? false : nil
        case 0x73:  // s
            return matches("Mmes") || matches("Mlles") ? false : nil
        default:
            return nil
        }
    }

    // MARK: - URLs and addresses

    /// Whether the token holding the byte at `index` contains `://`, `@` or `www.`.
    private mutating func isProtected(_ index: Int) -> Bool {
        if cachedToken.range.contains(index) { return cachedToken.isProtected }
        var start = index
        while start > 0, !isWhitespace(endingAt: start) { start = scalarStart(endingAt: start) }
        var end = start
        var isProtected = false
        while end < bytes.count {
            let whitespace = whitespaceLength(at: end)
            guard whitespace == 0 else { break }
            switch bytes[end] {
            case 0x40:  // @
                isProtected = true
            case 0x3A:  // ://
                if end + 2 < bytes.count, bytes[end + 1] == 0x2F, bytes[end + 2] == 0x2F { isProtected = true }
            case 0x2E:  // www.
                if end >= start + 3, bytes[end - 3] | 0x20 == 0x77, bytes[end - 2] | 0x20 == 0x77,
                    bytes[end - 1] | 0x20 == 0x77
                {
                    isProtected = true
                }
            default:
                break
            }
            end += 1
        }
        cachedToken = (start..<max(end, index + 1), isProtected)
        return isProtected
    }

    // MARK: - Scalars

    /// The scalar whose first byte is at `index`, and its length in bytes.
    private func decode(at index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard index + length <= bytes.count else { return ("\u{FFFD}", 1) }
        var value = UInt32(lead) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
        for offset in 1..<length { value = value << 6 | (UInt32(bytes[index + offset]) & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// The first byte of the scalar that ends at `index` (exclusive).
    private func scalarStart(endingAt index: Int) -> Int {
        var start = index - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return start
    }

    /// The length of the white space (any Unicode White_Space character) at `index`, or 0.
    private func whitespaceLength(at index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 { return byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) ? 1 : 0 }
        switch byte {
        case 0xC2:
            return index + 1 < bytes.count && (bytes[index + 1] == 0x85 || bytes[index + 1] == 0xA0) ? 2 : 0
        case 0xE1, 0xE2, 0xE3:
            guard index + 2 < bytes.count else { return 0 }
            let second = bytes[index + 1]
            let third = bytes[index + 2]
            switch byte {
            case 0xE1: return second == 0x9A && third == 0x80 ? 3 : 0  // U+1680
            case 0xE2:
                if second == 0x80, third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF {
                    return 3  // U+2000–U+200A, U+2028, U+2029, U+202F
                }
                return second == 0x81 && third == 0x9F ? 3 : 0  // U+205F
            default: return second == 0x80 && third == 0x80 ? 3 : 0  // U+3000
            }
        default:
            return 0
        }
    }

    private func isWhitespace(endingAt index: Int) -> Bool {
        guard index > 0 else { return false }
        let last = bytes[index - 1]
        if last < 0x80 { return last == 0x20 || (last >= 0x09 && last <= 0x0D) }
        let start = scalarStart(endingAt: index)
        return whitespaceLength(at: start) == index - start
    }

    private func isLetter(endingAt index: Int) -> Bool {
        guard index > 0 else { return false }
        let last = bytes[index - 1]
        if last < 0x80 { return Self.isASCIILetter(last) }
        return Self.isLetter(decode(at: scalarStart(endingAt: index)).0)
    }

    private func isLetter(startingAt index: Int) -> Bool {
        index < bytes.count && Self.isLetter(decode(at: index).0)
    }

    private func isUppercase(startingAt index: Int) -> Bool {
        guard index < bytes.count else { return false }
        let category = decode(at: index).0.properties.generalCategory
        return category == .uppercaseLetter || category == .titlecaseLetter
    }

    private func isAlphanumeric(endingAt index: Int) -> Bool {
        guard index > 0 else { return false }
        return Self.isDigit(bytes[index - 1]) || isLetter(endingAt: index)
    }

    private func isAlphanumeric(startingAt index: Int) -> Bool {
        guard index < bytes.count else { return false }
        return Self.isDigit(bytes[index]) || Self.isLetter(decode(at: index).0)
    }

    // Comparisons rather than `ClosedRange.contains`, which is not always inlined on this hot path.
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    /// A letter, or a combining mark (the accent of a decomposed « é »).
    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return isASCIILetter(UInt8(value)) }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .nonspacingMark,
            .spacingMark:
            return true
        default:
            return false
        }
    }

    // MARK: - Output

    /// The segments with the edits applied; untouched segments come back as they were given.
    private func output() -> [String] {
        guard !edits.isEmpty else { return texts.map { $0 ?? "" } }
        var outputs = segmentStarts.indices.map { index -> [UInt8] in
            var output: [UInt8] = []
            output.reserveCapacity(segmentEnd(index) - segmentStarts[index] + 8)
            return output
        }
        var position = 0
        var segment = 0
        func copy(upTo end: Int) {
            while position < end {
                let segmentEnd = segmentEnd(segment)
                if position >= segmentEnd {
                    segment += 1
                    continue
                }
                let stop = min(end, segmentEnd)
                outputs[segment].append(contentsOf: bytes[position..<stop])
                position = stop
            }
        }
        for edit in edits {
            copy(upTo: edit.start)
            outputs[edit.owner].append(contentsOf: edit.space.utf8)
            position = max(position, edit.end)
        }
        copy(upTo: bytes.count)
        return outputs.indices.map { texts[$0] == nil ? "" : String(decoding: outputs[$0], as: UTF8.self) }
    }

    private func segmentEnd(_ index: Int) -> Int {
        index + 1 < segmentStarts.count ? segmentStarts[index + 1] : bytes.count
    }
}
