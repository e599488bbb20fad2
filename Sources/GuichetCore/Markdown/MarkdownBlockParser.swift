/// Splits the lines of a normalised Markdown source into blocks.
///
/// Each line is looked at a bounded number of times per container level, and block quotes nest at most
/// ``maximumQuoteDepth`` deep (deeper `>` are text), so parsing is linear and recursion stays shallow
/// whatever the input.
struct MarkdownBlockParser {
    /// How deep block quotes may nest; a `>` beyond this depth is text.
    static let maximumQuoteDepth = 8

    let bytes: [UInt8]

    /// Parses a whole document.
    func parse(_ lines: [MarkdownLine]) -> [MarkdownBlock] {
        parse(lines, depth: 0)
    }

    // MARK: - Containers

    private func parse(_ lines: [MarkdownLine], depth: Int) -> [MarkdownBlock] {
        var blocks: [MarkdownBlock] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let indent = indentation(of: line)
            if indent.offset == line.end {
                index += 1
                continue
            }
            switch blockStart(of: line, indent: indent, depth: depth) {
            case .fence(let fence):
                let (block, next) = parseCode(lines, from: index, fence: fence)
                blocks.append(block)
                index = next
            case .heading(let markers, let text):
                blocks.append(.heading(markers: markers, text: text))
                index += 1
            case .rule:
                blocks.append(.rule)
                index += 1
            case .quote:
                var inner: [MarkdownLine] = []
                while index < lines.count, let content = quoteContent(of: lines[index]) {
                    inner.append(content)
                    index += 1
                }
                blocks.append(.quote(parse(inner, depth: depth + 1)))
            case .listItem(let marker):
                let (list, next) = parseList(lines, from: index, first: marker, depth: depth)
                blocks.append(.list(list))
                index = next
            case nil:
                var paragraph = [line]
                index += 1
                while index < lines.count {
                    let next = lines[index]
                    let nextIndent = indentation(of: next)
                    if nextIndent.offset == next.end { break }
                    if let start = blockStart(of: next, indent: nextIndent, depth: depth), start.interruptsParagraph {
                        break
                    }
                    paragraph.append(next)
                    index += 1
                }
                blocks.append(.paragraph(paragraph))
            }
        }
        return blocks
    }

    /// The line after its `>` marker and one optional space, or `nil` when it is not a quote line.
    private func quoteContent(of line: MarkdownLine) -> MarkdownLine? {
        let indent = indentation(of: line)
        guard indent.columns <= 3, indent.offset < line.end, bytes[indent.offset] == MarkdownByte.greaterThan else {
            return nil
        }
        var start = indent.offset + 1
        if start < line.end, MarkdownByte.isSpaceOrTab(bytes[start]) { start += 1 }
        return MarkdownLine(number: line.number, start: start, end: line.end)
    }

    /// Parses a list and its one level of nested lists.
    ///
    /// A marker indented less than the first item's indentation + 2 starts a sibling item; a deeper marker
    /// starts or continues a nested list (deeper levels are flattened into it). Other lines indented that much
    /// continue the current item; less-indented lines continue its paragraph lazily or end the list.
    private func parseList(
        _ lines: [MarkdownLine], from first: Int, first marker: ListMarker, depth: Int
    ) -> (MarkdownList, Int) {
        var outer = ListBuilder(marker)
        var nested: ListBuilder?
        let childColumns = marker.columns + 2
        var index = first + 1
        var afterBlank = false

        func closeNested() {
            if var list = nested {
                nested = nil
                outer.item.blocks.append(.list(list.finish()))
            }
        }

        while index < lines.count {
            let line = lines[index]
            let indent = indentation(of: line)
            if indent.offset == line.end {
                afterBlank = true
                index += 1
                continue
            }
            if indent.columns < childColumns {
                let start = blockStart(of: line, indent: indent, depth: depth)
                if case .listItem(let sibling) = start {
                    guard sibling.isOrdered == outer.list.isOrdered else { break }
                    closeNested()
                    outer.startItem(sibling)
                } else if afterBlank || start != nil {
                    break
                } else if nested?.item.paragraph != nil {
                    nested?.item.paragraph?.append(line)
                } else if outer.item.paragraph != nil {
                    outer.item.paragraph?.append(line)
                } else {
                    break
                }
            } else if let child = listMarker(of: line, indent: indent) {
                if nested?.list.isOrdered == child.isOrdered {
                    nested?.startItem(child)
                } else {
                    closeNested()
                    outer.item.closeParagraph()
                    nested = ListBuilder(child)
                }
            } else if let nestedColumns = nested?.baseColumns {
                if indent.columns >= nestedColumns + 2 || !afterBlank {
                    if afterBlank { nested?.item.closeParagraph() }
                    nested?.item.append(line)
                } else {
                    closeNested()
                    outer.item.closeParagraph()
                    outer.item.append(line)
                }
            } else {
                if afterBlank { outer.item.closeParagraph() }
                outer.item.append(line)
            }
            afterBlank = false
            index += 1
        }
        closeNested()
        return (outer.finish(), index)
    }

    private func parseCode(_ lines: [MarkdownLine], from first: Int, fence: Fence) -> (MarkdownBlock, Int) {
        var content: [MarkdownLine] = []
        var index = first + 1
        while index < lines.count {
            let line = lines[index]
            index += 1
            if isClosingFence(line, of: fence) { break }
            var start = line.start
            var removed = 0
            while start < line.end, removed < fence.columns, bytes[start] == MarkdownByte.space {
                start += 1
                removed += 1
            }
            content.append(MarkdownLine(number: line.number, start: start, end: line.end))
        }
        return (.code(language: fence.language, lines: content), index)
    }

    // MARK: - Block starts

    private enum BlockStart {
        case fence(Fence)
        case heading(Int, MarkdownLine)
        case rule
        case quote
        case listItem(ListMarker)

        /// CommonMark: a paragraph goes on through a line that would start an empty item or an ordered list
        /// not starting at 1, so "2024. Une année" inside a paragraph stays text.
        var interruptsParagraph: Bool {
            if case .listItem(let marker) = self {
                return !marker.isEmpty && (!marker.isOrdered || marker.number == 1)
            }
            return true
        }
    }

    private struct Fence {
        var byte: UInt8
        var count: Int
        var columns: Int
        var language: String?
    }

    private struct ListMarker {
        var isOrdered: Bool
        var number: Int
        var columns: Int
        var content: MarkdownLine
        var isEmpty: Bool
    }

    private func blockStart(of line: MarkdownLine, indent: Indentation, depth: Int) -> BlockStart? {
        guard indent.columns <= 3, indent.offset < line.end else { return nil }
        let offset = indent.offset
        switch bytes[offset] {
        case MarkdownByte.backtick, MarkdownByte.tilde:
            if let fence = openingFence(of: line, at: offset, columns: indent.columns) { return .fence(fence) }
        case MarkdownByte.hash:
            if let heading = heading(of: line, at: offset) { return .heading(heading.markers, heading.text) }
        case MarkdownByte.greaterThan:
            if depth < Self.maximumQuoteDepth { return .quote }
        default:
            break
        }
        if isRule(line, at: offset) { return .rule }
        if let marker = listMarker(of: line, indent: indent) { return .listItem(marker) }
        return nil
    }

    private func openingFence(of line: MarkdownLine, at offset: Int, columns: Int) -> Fence? {
        let byte = bytes[offset]
        var position = offset
        while position < line.end, bytes[position] == byte { position += 1 }
        let count = position - offset
        guard count >= 3 else { return nil }
        while position < line.end, MarkdownByte.isSpaceOrTab(bytes[position]) { position += 1 }
        var wordEnd = position
        while wordEnd < line.end, !MarkdownByte.isSpaceOrTab(bytes[wordEnd]) { wordEnd += 1 }
        if byte == MarkdownByte.backtick, bytes[position..<line.end].contains(MarkdownByte.backtick) { return nil }
        let word = bytes[position..<wordEnd]
        let isName = word.allSatisfy {
            MarkdownByte.isLetter($0) || MarkdownByte.isDigit($0) || $0 == MarkdownByte.hyphen
                || $0 == MarkdownByte.underscore || $0 == MarkdownByte.plus || $0 == MarkdownByte.period
                || $0 == MarkdownByte.hash
        }
        let language = !word.isEmpty && isName ? String(decoding: word, as: UTF8.self) : nil
        return Fence(byte: byte, count: count, columns: columns, language: language)
    }

    private func isClosingFence(_ line: MarkdownLine, of fence: Fence) -> Bool {
        let indent = indentation(of: line)
        guard indent.columns <= 3 else { return false }
        var position = indent.offset
        while position < line.end, bytes[position] == fence.byte { position += 1 }
        guard position - indent.offset >= fence.count else { return false }
        while position < line.end, MarkdownByte.isSpaceOrTab(bytes[position]) { position += 1 }
        return position == line.end
    }

    /// An ATX heading: 1–6 `#`, then a space or the end of the line; an optional closing run of `#` preceded
    /// by a space is not part of the text.
    private func heading(of line: MarkdownLine, at offset: Int) -> (markers: Int, text: MarkdownLine)? {
        var position = offset
        while position < line.end, bytes[position] == MarkdownByte.hash { position += 1 }
        let markers = position - offset
        guard markers <= 6, position == line.end || MarkdownByte.isSpaceOrTab(bytes[position]) else { return nil }
        var start = position
        while start < line.end, MarkdownByte.isSpaceOrTab(bytes[start]) { start += 1 }
        var end = line.end
        while end > start, MarkdownByte.isSpaceOrTab(bytes[end - 1]) { end -= 1 }
        var closing = end
        while closing > start, bytes[closing - 1] == MarkdownByte.hash { closing -= 1 }
        if closing < end {
            if closing == start {
                end = start
            } else if MarkdownByte.isSpaceOrTab(bytes[closing - 1]) {
                end = closing
                while end > start, MarkdownByte.isSpaceOrTab(bytes[end - 1]) { end -= 1 }
            }
        }
        return (markers, MarkdownLine(number: line.number, start: start, end: end))
    }

    /// Three or more `-`, `*` or `_`, alone on their line but for spaces.
    private func isRule(_ line: MarkdownLine, at offset: Int) -> Bool {
        let byte = bytes[offset]
        guard byte == MarkdownByte.hyphen || byte == MarkdownByte.star || byte == MarkdownByte.underscore else {
            return false
        }
        var count = 0
        for position in offset..<line.end {
            if bytes[position] == byte {
                count += 1
            } else if !MarkdownByte.isSpaceOrTab(bytes[position]) {
                return false
            }
        }
        return count >= 3
    }

    /// `-`, `*`, `+` or 1–9 digits and `.`, followed by a space or the end of the line.
    private func listMarker(of line: MarkdownLine, indent: Indentation) -> ListMarker? {
        let offset = indent.offset
        guard offset < line.end else { return nil }
        let byte = bytes[offset]
        var position = offset
        var number = 1
        var isOrdered = false
        if byte == MarkdownByte.hyphen || byte == MarkdownByte.star || byte == MarkdownByte.plus {
            position += 1
        } else if MarkdownByte.isDigit(byte) {
            number = 0
            while position < line.end, position - offset < 9, MarkdownByte.isDigit(bytes[position]) {
                number = number * 10 + Int(bytes[position] - 0x30)
                position += 1
            }
            guard position < line.end, bytes[position] == MarkdownByte.period else { return nil }
            position += 1
            isOrdered = true
        } else {
            return nil
        }
        guard position == line.end || MarkdownByte.isSpaceOrTab(bytes[position]) else { return nil }
        while position < line.end, MarkdownByte.isSpaceOrTab(bytes[position]) { position += 1 }
        return ListMarker(
            isOrdered: isOrdered, number: number, columns: indent.columns,
            content: MarkdownLine(number: line.number, start: position, end: line.end),
            isEmpty: position == line.end
        )
    }

    // MARK: - Indentation

    private struct Indentation {
        /// Leading white space in columns, a tab advancing to the next multiple of 4.
        var columns: Int
        /// The first byte that is not a space or tab (`line.end` for a blank line).
        var offset: Int
    }

    private func indentation(of line: MarkdownLine) -> Indentation {
        var columns = 0
        var position = line.start
        while position < line.end {
            if bytes[position] == MarkdownByte.space {
                columns += 1
            } else if bytes[position] == MarkdownByte.tab {
                columns += 4 - columns % 4
            } else {
                break
            }
            position += 1
        }
        return Indentation(columns: columns, offset: position)
    }

    // MARK: - List building

    private struct ItemBuilder {
        var blocks: [MarkdownBlock] = []
        /// The open paragraph, if any: lazy continuation lines join it.
        var paragraph: [MarkdownLine]?

        mutating func append(_ line: MarkdownLine) {
            if paragraph == nil {
                paragraph = [line]
            } else {
                paragraph?.append(line)
            }
        }

        mutating func closeParagraph() {
            if let lines = paragraph {
                paragraph = nil
                blocks.append(.paragraph(lines))
            }
        }
    }

    private struct ListBuilder {
        var list: MarkdownList
        var item: ItemBuilder
        let baseColumns: Int

        init(_ marker: ListMarker) {
            list = MarkdownList(isOrdered: marker.isOrdered, start: marker.isOrdered ? marker.number : 1, items: [])
            item = ItemBuilder(paragraph: marker.isEmpty ? nil : [marker.content])
            baseColumns = marker.columns
        }

        mutating func startItem(_ marker: ListMarker) {
            item.closeParagraph()
            list.items.append(item.blocks)
            item = ItemBuilder(paragraph: marker.isEmpty ? nil : [marker.content])
        }

        mutating func finish() -> MarkdownList {
            item.closeParagraph()
            list.items.append(item.blocks)
            item = ItemBuilder()
            return list
        }
    }
}
