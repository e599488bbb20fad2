/// Parses the inline content of one block (code spans, emphasis, links, autolinks, escapes, line breaks)
/// and renders it as HTML and as plain text.
///
/// The algorithm follows CommonMark's: one left-to-right scan builds a list of pieces, keeping a stack of
/// `[` openers and a linked list of `*`/`_` delimiter runs; a link is resolved when its `]` is met, and
/// emphasis is resolved inside each link and then over the whole block, with CommonMark's "openers bottom"
/// bounds. Every look-ahead is bounded (code span closers are found through a precomputed index, link
/// destinations and titles are capped), so the whole is linear in the block length and never recursive.
struct MarkdownInlineParser {
    /// The rendered block content.
    struct Output {
        var html: [UInt8] = []
        var plain: [UInt8] = []
        var links: [MarkdownLink] = []
    }

    /// The longest link tail, `(destination "title")`, looked at after a `]`; a longer one leaves the text as is.
    static let maximumLinkTailLength = 8_192
    /// How deeply parentheses may nest in a bare link destination.
    static let maximumDestinationParentheses = 32

    private let text: [UInt8]
    /// The source line number of each line of `text`.
    private let lineNumbers: [Int]
    /// The offsets of the `\n` joining the lines of `text`.
    private let breaks: [Int]

    private var pieces: [Piece] = []
    private var pendingTextStart = 0
    private var delimiters: [Delimiter] = []
    private var lastDelimiter = -1
    private var brackets: [Bracket] = []
    /// Openers below this index of `brackets` are inactive: a link was formed after them.
    private var activeBracketFloor = 0
    private var links: [LinkRecord] = []
    private var codeRunsByLength: [Int: [Int]]?
    private var codeRunCursors: [Int: Int] = [:]

    /// Joins `lines` of `source` into one inline text: leading white space of each line and trailing white
    /// space of the last one are dropped; the lines are joined by `\n`.
    init(source: [UInt8], lines: [MarkdownLine]) {
        var text: [UInt8] = []
        var lineNumbers: [Int] = []
        var breaks: [Int] = []
        for (index, line) in lines.enumerated() {
            var start = min(line.start, line.end)
            var end = line.end
            while start < end, MarkdownByte.isSpaceOrTab(source[start]) { start += 1 }
            if index == lines.count - 1 {
                while end > start, MarkdownByte.isSpaceOrTab(source[end - 1]) { end -= 1 }
            }
            if index > 0 {
                breaks.append(text.count)
                text.append(MarkdownByte.newline)
            }
            text.append(contentsOf: source[start..<end])
            lineNumbers.append(line.number)
        }
        self.text = text
        self.lineNumbers = lineNumbers.isEmpty ? [1] : lineNumbers
        self.breaks = breaks
    }

    /// Parses and renders the content.
    mutating func parse() -> Output {
        scan()
        processEmphasis(above: -1)
        return render()
    }

    // MARK: - Pieces

    private enum Piece {
        /// Literal source bytes.
        case text(start: Int, end: Int)
        /// One literal ASCII byte (an escaped character, an unmatched `]`).
        case byte(UInt8)
        case softBreak
        case hardBreak
        /// A code span's content.
        case code(start: Int, end: Int)
        /// A `*` or `_` run, index into `delimiters`.
        case delimiter(Int)
        /// A `[` or `![` that did not (yet) open a link.
        case opener(isImage: Bool)
        /// The start and end of a link, index into `links`.
        case linkStart(Int)
        case linkEnd(Int)
        /// An autolink, index into `links`.
        case autolink(Int)
    }

    private struct Delimiter {
        let byte: UInt8
        let originalCount: Int
        var count: Int
        let canOpen: Bool
        let canClose: Bool
        var previous: Int
        var next: Int
        /// Emphasis opened here, innermost first (`true` for strong).
        var openings: [Bool] = []
        /// Emphasis closed here, innermost first.
        var closings: [Bool] = []
    }

    private struct Bracket {
        let piece: Int
        let position: Int
        let isImage: Bool
        /// The index of the last delimiter created before the bracket: emphasis inside the link is resolved
        /// among the delimiters created after it.
        let delimiterBottom: Int
    }

    private struct LinkRecord {
        let url: String
        /// The percent-encoded target when the URL is allowed, `nil` when the link renders as text.
        let href: String?
        let title: String?
        let line: Int
        var text: [UInt8] = []
        var hasText = false
    }

    // MARK: - Scanning

    private mutating func scan() {
        let count = text.count
        var index = 0
        while index < count {
            let byte = text[index]
            switch byte {
            case MarkdownByte.backslash:
                if index + 1 < count, text[index + 1] == MarkdownByte.newline {
                    flushText(upTo: index)
                    pieces.append(.hardBreak)
                    index += 2
                    pendingTextStart = index
                } else if index + 1 < count, MarkdownByte.isPunctuation(text[index + 1]) {
                    flushText(upTo: index)
                    pieces.append(.byte(text[index + 1]))
                    index += 2
                    pendingTextStart = index
                } else {
                    index += 1
                }
            case MarkdownByte.newline:
                var end = index
                while end > pendingTextStart, text[end - 1] == MarkdownByte.space { end -= 1 }
                flushText(upTo: end)
                pieces.append(index - end >= 2 ? .hardBreak : .softBreak)
                index += 1
                pendingTextStart = index
            case MarkdownByte.backtick:
                var runEnd = index
                while runEnd < count, text[runEnd] == MarkdownByte.backtick { runEnd += 1 }
                let length = runEnd - index
                if let closer = codeCloser(length: length, from: runEnd) {
                    flushText(upTo: index)
                    appendCode(start: runEnd, end: closer)
                    index = closer + length
                    pendingTextStart = index
                } else {
                    index = runEnd
                }
            case MarkdownByte.star, MarkdownByte.underscore:
                var runEnd = index
                while runEnd < count, text[runEnd] == byte { runEnd += 1 }
                appendDelimiterRun(byte: byte, start: index, end: runEnd)
                index = runEnd
            case MarkdownByte.openBracket:
                flushText(upTo: index)
                pushBracket(position: index, isImage: false)
                index += 1
                pendingTextStart = index
            case MarkdownByte.exclamation:
                if index + 1 < count, text[index + 1] == MarkdownByte.openBracket {
                    flushText(upTo: index)
                    pushBracket(position: index, isImage: true)
                    index += 2
                    pendingTextStart = index
                } else {
                    index += 1
                }
            case MarkdownByte.closeBracket:
                flushText(upTo: index)
                index = closeBracket(at: index)
                pendingTextStart = index
            case MarkdownByte.lessThan:
                if let end = autolinkEnd(from: index) {
                    flushText(upTo: index)
                    appendAutolink(start: index + 1, end: end)
                    index = end + 1
                    pendingTextStart = index
                } else {
                    index += 1
                }
            default:
                index += 1
            }
        }
        flushText(upTo: count)
    }

    private mutating func flushText(upTo end: Int) {
        if pendingTextStart < end {
            pieces.append(.text(start: pendingTextStart, end: end))
        }
        pendingTextStart = end
    }

    // MARK: Code spans

    /// The start of the first backtick run of exactly `length` at or after `position`.
    ///
    /// Runs are indexed once per block; openers are met in increasing positions, so one cursor per length
    /// only moves forward and the search is linear overall.
    private mutating func codeCloser(length: Int, from position: Int) -> Int? {
        if codeRunsByLength == nil {
            var runs: [Int: [Int]] = [:]
            var index = 0
            while index < text.count {
                guard text[index] == MarkdownByte.backtick else {
                    index += 1
                    continue
                }
                let start = index
                while index < text.count, text[index] == MarkdownByte.backtick { index += 1 }
                runs[index - start, default: []].append(start)
            }
            codeRunsByLength = runs
        }
        guard let runs = codeRunsByLength?[length] else { return nil }
        var cursor = codeRunCursors[length, default: 0]
        while cursor < runs.count, runs[cursor] < position { cursor += 1 }
        codeRunCursors[length] = cursor
        return cursor < runs.count ? runs[cursor] : nil
    }

    /// Strips one leading and one trailing space when both are present and the content is not all spaces.
    private mutating func appendCode(start: Int, end: Int) {
        var start = start
        var end = end
        if end - start >= 2, isCodeSpace(text[start]), isCodeSpace(text[end - 1]),
            text[start..<end].contains(where: { !isCodeSpace($0) })
        {
            start += 1
            end -= 1
        }
        pieces.append(.code(start: start, end: end))
    }

    private func isCodeSpace(_ byte: UInt8) -> Bool {
        byte == MarkdownByte.space || byte == MarkdownByte.newline
    }

    // MARK: Emphasis

    private mutating func appendDelimiterRun(byte: UInt8, start: Int, end: Int) {
        let before = scalar(endingAt: start)
        let after = scalar(startingAt: end)
        let isSpaceBefore = Self.isWhitespace(before)
        let isSpaceAfter = Self.isWhitespace(after)
        let isPunctuationBefore = Self.isPunctuation(before)
        let isPunctuationAfter = Self.isPunctuation(after)
        let isLeftFlanking = !isSpaceAfter && (!isPunctuationAfter || isSpaceBefore || isPunctuationBefore)
        let isRightFlanking = !isSpaceBefore && (!isPunctuationBefore || isSpaceAfter || isPunctuationAfter)
        let canOpen: Bool
        let canClose: Bool
        if byte == MarkdownByte.star {
            canOpen = isLeftFlanking
            canClose = isRightFlanking
        } else {
            // `_` never opens or closes inside a word: snake_case_names stay text.
            canOpen = isLeftFlanking && (!isRightFlanking || isPunctuationBefore)
            canClose = isRightFlanking && (!isLeftFlanking || isPunctuationAfter)
        }
        guard canOpen || canClose else { return }
        flushText(upTo: start)
        let index = delimiters.count
        delimiters.append(
            Delimiter(
                byte: byte, originalCount: end - start, count: end - start, canOpen: canOpen, canClose: canClose,
                previous: lastDelimiter, next: -1
            )
        )
        if lastDelimiter >= 0 { delimiters[lastDelimiter].next = index }
        lastDelimiter = index
        pieces.append(.delimiter(index))
        pendingTextStart = end
    }

    private mutating func unlink(_ index: Int) {
        let previous = delimiters[index].previous
        let next = delimiters[index].next
        if previous >= 0 { delimiters[previous].next = next }
        if next >= 0 { delimiters[next].previous = previous } else { lastDelimiter = previous }
        delimiters[index].previous = -1
        delimiters[index].next = -1
    }

    /// CommonMark's `process_emphasis` over the delimiters created after index `bottom` (`-1` for the whole
    /// block): matches closers with the nearest compatible opener, then drops all those delimiters from the list.
    ///
    /// The list is in creation order, so "above `bottom`" is a plain index comparison, which stays right even
    /// after delimiters are unlinked.
    private mutating func processEmphasis(above bottom: Int) {
        // Per closer kind (byte, length mod 3, can open): at or below this, no opener can match; set on a miss.
        var openersBottom = [Int](repeating: bottom, count: 12)
        var closer = lastDelimiter
        if closer <= bottom {
            closer = -1
        } else {
            while delimiters[closer].previous > bottom { closer = delimiters[closer].previous }
        }
        while closer >= 0 {
            let current = delimiters[closer]
            guard current.canClose else {
                closer = current.next
                continue
            }
            let slot =
                (current.byte == MarkdownByte.star ? 0 : 6) + (current.originalCount % 3) * 2
                + (current.canOpen ? 1 : 0)
            var opener = current.previous
            var isFound = false
            while opener > openersBottom[slot] {
                let candidate = delimiters[opener]
                if candidate.byte == current.byte, candidate.canOpen {
                    // The "rule of 3": a run that can both open and close only pairs when lengths allow it.
                    let sum = candidate.originalCount + current.originalCount
                    let isOddMatch =
                        (current.canOpen || candidate.canClose) && sum % 3 == 0
                        && !(candidate.originalCount % 3 == 0 && current.originalCount % 3 == 0)
                    if !isOddMatch {
                        isFound = true
                        break
                    }
                }
                opener = candidate.previous
            }
            guard isFound else {
                openersBottom[slot] = max(current.previous, bottom)
                let next = current.next
                if !current.canOpen { unlink(closer) }
                closer = next
                continue
            }
            let isStrong = delimiters[opener].count >= 2 && current.count >= 2
            let used = isStrong ? 2 : 1
            delimiters[opener].count -= used
            delimiters[opener].openings.append(isStrong)
            delimiters[closer].count -= used
            delimiters[closer].closings.append(isStrong)
            var between = delimiters[closer].previous
            while between >= 0, between != opener {
                let previous = delimiters[between].previous
                unlink(between)
                between = previous
            }
            if delimiters[opener].count == 0 { unlink(opener) }
            if delimiters[closer].count == 0 {
                let next = delimiters[closer].next
                unlink(closer)
                closer = next
            }
        }
        while lastDelimiter > bottom { unlink(lastDelimiter) }
    }

    // MARK: Links

    private mutating func pushBracket(position: Int, isImage: Bool) {
        brackets.append(
            Bracket(
                piece: pieces.count, position: position, isImage: isImage, delimiterBottom: delimiters.count - 1
            )
        )
        pieces.append(.opener(isImage: isImage))
    }

    private mutating func popBracket() {
        brackets.removeLast()
        activeBracketFloor = min(activeBracketFloor, brackets.count)
    }

    /// Resolves a `]` at `position`; returns where scanning resumes.
    private mutating func closeBracket(at position: Int) -> Int {
        guard let opener = brackets.last else {
            pieces.append(.byte(MarkdownByte.closeBracket))
            return position + 1
        }
        let isActive = brackets.count - 1 >= activeBracketFloor
        // Images are not part of the dialect: `![alt](src)` stays text.
        guard isActive, !opener.isImage, position + 1 < text.count, text[position + 1] == MarkdownByte.openParenthesis,
            let tail = linkTail(from: position + 2)
        else {
            popBracket()
            pieces.append(.byte(MarkdownByte.closeBracket))
            return position + 1
        }
        popBracket()
        processEmphasis(above: opener.delimiterBottom)
        // Links do not nest: every earlier `[` becomes text.
        activeBracketFloor = brackets.count
        var record = makeLink(url: tail.destination, title: tail.title, at: opener.position)
        for index in (opener.piece + 1)..<pieces.count {
            appendPlain(of: pieces[index], to: &record.text)
        }
        record.hasText = !Self.isBlank(record.text)
        let link = links.count
        links.append(record)
        pieces[opener.piece] = .linkStart(link)
        pieces.append(.linkEnd(link))
        return tail.end
    }

    private func makeLink(url: String, title: String?, at position: Int) -> LinkRecord {
        LinkRecord(
            url: url, href: MarkdownURLPolicy.isAllowed(url) ? MarkdownURLPolicy.href(url) : nil, title: title,
            line: line(at: position)
        )
    }

    private struct LinkTail {
        var destination: String
        var title: String?
        var end: Int
    }

    /// Parses `destination "title")` from `start`, just after the `(`; destinations are bare (balanced
    /// parentheses, no spaces) or in `<…>`, titles in `"…"`, `'…'` or `(…)`.
    private func linkTail(from start: Int) -> LinkTail? {
        let limit = min(text.count, start + Self.maximumLinkTailLength)
        var position = skipWhitespace(from: start, limit: limit)
        guard position < limit else { return nil }
        if text[position] == MarkdownByte.closeParenthesis {
            return LinkTail(destination: "", title: nil, end: position + 1)
        }
        let destinationStart: Int
        let destinationEnd: Int
        if text[position] == MarkdownByte.lessThan {
            position += 1
            destinationStart = position
            while position < limit, text[position] != MarkdownByte.greaterThan {
                let byte = text[position]
                if byte == MarkdownByte.lessThan || byte == MarkdownByte.newline { return nil }
                position += isEscape(at: position, limit: limit) ? 2 : 1
            }
            guard position < limit else { return nil }
            destinationEnd = position
            position += 1
        } else {
            destinationStart = position
            var depth = 0
            while position < limit {
                let byte = text[position]
                if byte <= MarkdownByte.space || byte == 0x7F { break }
                if isEscape(at: position, limit: limit) {
                    position += 2
                    continue
                }
                if byte == MarkdownByte.openParenthesis {
                    depth += 1
                    if depth > Self.maximumDestinationParentheses { return nil }
                } else if byte == MarkdownByte.closeParenthesis {
                    if depth == 0 { break }
                    depth -= 1
                }
                position += 1
            }
            guard depth == 0, position <= limit else { return nil }
            destinationEnd = min(position, limit)
        }
        let afterDestination = position
        position = skipWhitespace(from: position, limit: limit)
        var title: String?
        if position > afterDestination, position < limit,
            text[position] == MarkdownByte.quote || text[position] == MarkdownByte.apostrophe
                || text[position] == MarkdownByte.openParenthesis
        {
            let closing =
                text[position] == MarkdownByte.openParenthesis ? MarkdownByte.closeParenthesis : text[position]
            position += 1
            let titleStart = position
            while position < limit, text[position] != closing {
                if closing == MarkdownByte.closeParenthesis, text[position] == MarkdownByte.openParenthesis {
                    return nil
                }
                position += isEscape(at: position, limit: limit) ? 2 : 1
            }
            guard position < limit else { return nil }
            title = unescaped(from: titleStart, to: position, newlinesAsSpaces: true)
            position = skipWhitespace(from: position + 1, limit: limit)
        }
        guard position < limit, text[position] == MarkdownByte.closeParenthesis else { return nil }
        return LinkTail(
            destination: unescaped(from: destinationStart, to: destinationEnd, newlinesAsSpaces: false),
            title: title, end: position + 1
        )
    }

    private func skipWhitespace(from start: Int, limit: Int) -> Int {
        var position = start
        while position < limit, MarkdownByte.isSpaceOrTab(text[position]) || text[position] == MarkdownByte.newline {
            position += 1
        }
        return position
    }

    private func isEscape(at position: Int, limit: Int) -> Bool {
        text[position] == MarkdownByte.backslash && position + 1 < limit
            && MarkdownByte.isPunctuation(text[position + 1])
    }

    private func unescaped(from start: Int, to end: Int, newlinesAsSpaces: Bool) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(max(0, end - start))
        var position = start
        while position < end {
            if isEscape(at: position, limit: end) {
                bytes.append(text[position + 1])
                position += 2
            } else {
                let byte = text[position]
                bytes.append(newlinesAsSpaces && byte == MarkdownByte.newline ? MarkdownByte.space : byte)
                position += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: Autolinks

    /// The index of the `>` closing an autolink `<scheme:…>` opened at `start`, if any; a scan stops at the
    /// next `<` or space, so scans never overlap.
    private func autolinkEnd(from start: Int) -> Int? {
        var position = start + 1
        guard position < text.count, MarkdownByte.isLetter(text[position]) else { return nil }
        position += 1
        while position < text.count, position - start <= 32 {
            let byte = text[position]
            guard
                MarkdownByte.isLetter(byte) || MarkdownByte.isDigit(byte) || byte == MarkdownByte.plus
                    || byte == MarkdownByte.period || byte == MarkdownByte.hyphen
            else { break }
            position += 1
        }
        guard position - start - 1 >= 2, position < text.count, text[position] == MarkdownByte.colon else {
            return nil
        }
        position += 1
        while position < text.count {
            let byte = text[position]
            if byte == MarkdownByte.greaterThan { return position }
            if byte == MarkdownByte.lessThan || byte <= MarkdownByte.space || byte == 0x7F { return nil }
            position += 1
        }
        return nil
    }

    private mutating func appendAutolink(start: Int, end: Int) {
        let url = String(decoding: text[start..<end], as: UTF8.self)
        var record = makeLink(url: url, title: nil, at: start - 1)
        record.text = Array(text[start..<end])
        record.hasText = true
        let link = links.count
        links.append(record)
        pieces.append(.autolink(link))
        activeBracketFloor = brackets.count
    }

    // MARK: - Unicode classes

    private func scalar(startingAt position: Int) -> Unicode.Scalar? {
        guard position < text.count else { return nil }
        let lead = text[position]
        if lead < 0x80 { return Unicode.Scalar(lead) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard position + length <= text.count else { return nil }
        var value = UInt32(lead) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
        for offset in 1..<length {
            value = value << 6 | (UInt32(text[position + offset]) & 0x3F)
        }
        return Unicode.Scalar(value)
    }

    private func scalar(endingAt position: Int) -> Unicode.Scalar? {
        guard position > 0 else { return nil }
        var start = position - 1
        while start > 0, position - start < 4, text[start] & 0xC0 == 0x80 { start -= 1 }
        return scalar(startingAt: start)
    }

    /// The start or end of the block counts as white space.
    private static func isWhitespace(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return true }
        switch scalar.value {
        case 0x09, 0x0A, 0x0C, 0x0D, 0x20: return true
        case 0..<0x80: return false
        default: return scalar.properties.generalCategory == .spaceSeparator
        }
    }

    /// ASCII punctuation, or a Unicode punctuation or symbol (so « *texte* » and “*texte*” work).
    private static func isPunctuation(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        if scalar.value < 0x80 { return MarkdownByte.isPunctuation(UInt8(scalar.value)) }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    static func isBlank(_ bytes: [UInt8]) -> Bool {
        String(decoding: bytes, as: UTF8.self).unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }

    // MARK: - Lines

    /// The source line of a position of `text`.
    private func line(at position: Int) -> Int {
        var low = 0
        var high = breaks.count
        while low < high {
            let middle = (low + high) / 2
            if breaks[middle] < position { low = middle + 1 } else { high = middle }
        }
        return lineNumbers[min(low, lineNumbers.count - 1)]
    }

    // MARK: - Rendering

    private func render() -> Output {
        var output = Output()
        output.html.reserveCapacity(text.count + text.count / 4)
        output.plain.reserveCapacity(text.count)
        let typeset = typesetTexts()
        for (index, piece) in pieces.enumerated() {
            appendHTML(of: piece, typeset: typeset?[index], to: &output.html)
            appendPlain(of: piece, to: &output.plain)
        }
        output.links = links.map {
            MarkdownLink(url: $0.url, text: Self.trimmed($0.text), line: $0.line)
        }
        return output
    }

    /// The text of each piece with French typography, for the HTML only (editorial content is French): the
    /// plain text, the search index, link targets and titles keep the source's spaces. The pieces are read as
    /// one text, so a rule spans emphasis and links (« *texte* »); code spans and URLs shown as text are
    /// never changed. Nil when the block has nothing typography could change.
    private func typesetTexts() -> [String]? {
        guard FrenchTypography.mayNeedWork(utf8: text) else { return nil }
        let segments = pieces.map { piece -> FrenchTypography.Segment in
            switch piece {
            case .text(let start, let end): .text(String(decoding: text[start..<end], as: UTF8.self))
            case .byte(let byte): .text(String(Unicode.Scalar(byte)))
            case .softBreak: .text(" ")
            case .hardBreak: .text("\n")
            case .code, .autolink: .opaque
            case .delimiter(let index):
                .text(String(repeating: Character(Unicode.Scalar(delimiters[index].byte)), count: max(0, delimiters[index].count)))
            case .opener(let isImage): .text(isImage ? "![" : "[")
            case .linkStart: .text("")
            case .linkEnd(let index): links[index].href != nil && !links[index].hasText ? .opaque : .text("")
            }
        }
        return FrenchTypography.apply(segments: segments)
    }

    private func appendHTML(of piece: Piece, typeset: String?, to html: inout [UInt8]) {
        switch piece {
        case .text(let start, let end):
            if let typeset {
                MarkdownHTML.appendEscaped(typeset.utf8, to: &html)
            } else {
                MarkdownHTML.appendEscaped(text[start..<end], to: &html)
            }
        case .byte(let byte):
            if let typeset {
                MarkdownHTML.appendEscaped(typeset.utf8, to: &html)
            } else {
                MarkdownHTML.appendEscaped(byte, to: &html)
            }
        case .softBreak:
            if let typeset { html.append(contentsOf: typeset.utf8) } else { html.append(MarkdownByte.space) }
        case .hardBreak:
            html.append(contentsOf: "<br>".utf8)
        case .code(let start, let end):
            html.append(contentsOf: "<code>".utf8)
            for byte in text[start..<end] {
                MarkdownHTML.appendEscaped(byte == MarkdownByte.newline ? MarkdownByte.space : byte, to: &html)
            }
            html.append(contentsOf: "</code>".utf8)
        case .delimiter(let index):
            let delimiter = delimiters[index]
            for isStrong in delimiter.closings {
                html.append(contentsOf: (isStrong ? "</strong>" : "</em>").utf8)
            }
            html.append(contentsOf: repeatElement(delimiter.byte, count: max(0, delimiter.count)))
            for isStrong in delimiter.openings.reversed() {
                html.append(contentsOf: (isStrong ? "<strong>" : "<em>").utf8)
            }
        case .opener(let isImage):
            html.append(contentsOf: (isImage ? "![" : "[").utf8)
        case .linkStart(let index):
            let link = links[index]
            guard let href = link.href else { return }
            html.append(contentsOf: "<a href=\"".utf8)
            MarkdownHTML.appendEscaped(href.utf8, to: &html)
            if let title = link.title {
                html.append(contentsOf: "\" title=\"".utf8)
                MarkdownHTML.appendEscaped(title.utf8, to: &html)
            }
            html.append(contentsOf: "\">".utf8)
        case .linkEnd(let index):
            let link = links[index]
            guard link.href != nil else { return }
            if !link.hasText {
                // An empty link would be invisible and unnamed for screen readers: show its target.
                MarkdownHTML.appendEscaped(link.url.utf8, to: &html)
            }
            html.append(contentsOf: "</a>".utf8)
        case .autolink(let index):
            let link = links[index]
            if let href = link.href {
                html.append(contentsOf: "<a href=\"".utf8)
                MarkdownHTML.appendEscaped(href.utf8, to: &html)
                html.append(contentsOf: "\">".utf8)
                MarkdownHTML.appendEscaped(link.text, to: &html)
                html.append(contentsOf: "</a>".utf8)
            } else {
                MarkdownHTML.appendEscaped(link.text, to: &html)
            }
        }
    }

    private func appendPlain(of piece: Piece, to plain: inout [UInt8]) {
        switch piece {
        case .text(let start, let end):
            plain.append(contentsOf: text[start..<end])
        case .byte(let byte):
            plain.append(byte)
        case .softBreak:
            plain.append(MarkdownByte.space)
        case .hardBreak:
            plain.append(MarkdownByte.newline)
        case .code(let start, let end):
            for byte in text[start..<end] {
                plain.append(byte == MarkdownByte.newline ? MarkdownByte.space : byte)
            }
        case .delimiter(let index):
            let delimiter = delimiters[index]
            plain.append(contentsOf: repeatElement(delimiter.byte, count: max(0, delimiter.count)))
        case .opener(let isImage):
            plain.append(contentsOf: (isImage ? "![" : "[").utf8)
        case .linkStart:
            break
        case .linkEnd(let index):
            let link = links[index]
            if link.href != nil, !link.hasText { plain.append(contentsOf: link.url.utf8) }
        case .autolink(let index):
            plain.append(contentsOf: links[index].text)
        }
    }

    /// `bytes` as a string without leading or trailing Unicode white space.
    static func trimmed(_ bytes: [UInt8]) -> String {
        let scalars = String(decoding: bytes, as: UTF8.self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
