/// A stretch of text in one font, before line breaking.
struct InlineSpan: Sendable {
    var text: String
    var font: FontFace
}

/// A run of glyphs in one font on a laid-out line; a breaking space is a piece of its own.
struct LinePiece: Sendable, Equatable {
    var font: FontFace
    /// What the glyphs stand for, one scalar a glyph (the page content writes them as CIDs).
    var scalars: [Unicode.Scalar]
    /// Natural width in points.
    var width: Double
    /// A breaking space, stretched when the line is justified.
    var isSpace: Bool
}

/// One line of text, ready to be placed.
struct LaidLine: Sendable, Equatable {
    var pieces: [LinePiece]
    /// Natural width in points.
    var width: Double
    /// The last line of a paragraph or a line ended by a forced break: never justified.
    var endsParagraph: Bool
    var spaceCount: Int { pieces.reduce(0) { $0 + ($1.isSpace ? 1 : 0) } }
}

/// First-fit line breaking with the fonts' real advance widths.
///
/// Lines break at breaking spaces only; a word wider than the line is cut between characters, so
/// any input fits. Runs of spaces collapse to one, and spaces at the start or end of a line vanish.
enum LineBreaker {
    private enum Token {
        case word([LinePiece], width: Double)
        case space(LinePiece)
        case lineBreak
    }

    /// Breaks `spans` at `size` points into lines at most `maxWidth` wide.
    static func lines(_ spans: [InlineSpan], size: Double, maxWidth: Double) -> [LaidLine] {
        let tokens = tokenize(spans, size: size)
        var lines: [LaidLine] = []
        var current: [LinePiece] = []
        var currentWidth = 0.0
        var pendingSpace: LinePiece?

        func finishLine(endsParagraph: Bool) {
            lines.append(LaidLine(pieces: current, width: currentWidth, endsParagraph: endsParagraph))
            current = []
            currentWidth = 0
            pendingSpace = nil
        }

        func place(_ pieces: [LinePiece], width: Double) {
            guard width > maxWidth else {
                current += pieces
                currentWidth += width
                return
            }
            // Cut the word between characters; every cut holds at least one character.
            for piece in pieces {
                let metrics = piece.font.metrics
                var start = 0
                var chunkWidth = 0.0
                for (index, scalar) in piece.scalars.enumerated() {
                    let advance = Double(metrics.advance(of: scalar)) * size / 1000
                    if currentWidth + chunkWidth + advance > maxWidth && (index > start || !current.isEmpty) {
                        if index > start {
                            current.append(
                                LinePiece(
                                    font: piece.font, scalars: Array(piece.scalars[start..<index]), width: chunkWidth,
                                    isSpace: false))
                            currentWidth += chunkWidth
                        }
                        finishLine(endsParagraph: false)
                        start = index
                        chunkWidth = 0
                    }
                    chunkWidth += advance
                }
                if start < piece.scalars.count {
                    current.append(
                        LinePiece(
                            font: piece.font, scalars: Array(piece.scalars[start...]), width: chunkWidth,
                            isSpace: false))
                    currentWidth += chunkWidth
                }
            }
        }

        for token in tokens {
            switch token {
            case .space(let space):
                if !current.isEmpty { pendingSpace = space }
            case .lineBreak:
                finishLine(endsParagraph: true)
            case .word(let pieces, let width):
                if current.isEmpty {
                    place(pieces, width: width)
                } else if let space = pendingSpace, currentWidth + space.width + width <= maxWidth + 0.001 {
                    current.append(space)
                    currentWidth += space.width
                    current += pieces
                    currentWidth += width
                } else if pendingSpace == nil {
                    // Two words glued without a space (font change): keep together when possible.
                    if currentWidth + width <= maxWidth + 0.001 {
                        current += pieces
                        currentWidth += width
                    } else {
                        place(pieces, width: width)
                    }
                } else {
                    finishLine(endsParagraph: false)
                    place(pieces, width: width)
                }
                pendingSpace = nil
            }
        }
        if !current.isEmpty { finishLine(endsParagraph: true) }
        if let last = lines.indices.last { lines[last].endsParagraph = true }
        return lines
    }

    private static func tokenize(_ spans: [InlineSpan], size: Double) -> [Token] {
        var tokens: [Token] = []
        var word: [LinePiece] = []
        var wordWidth = 0.0

        func finishWord() {
            guard !word.isEmpty else { return }
            for index in word.indices {
                word[index].width = word[index].font.metrics.width(of: word[index].scalars, size: size)
                wordWidth += word[index].width
            }
            tokens.append(.word(word, width: wordWidth))
            word = []
            wordWidth = 0
        }

        func append(_ scalar: Unicode.Scalar, font: FontFace) {
            if let last = word.indices.last, word[last].font == font {
                word[last].scalars.append(scalar)
            } else {
                word.append(LinePiece(font: font, scalars: [scalar], width: 0, isSpace: false))
            }
        }

        for span in spans {
            let metrics = span.font.metrics
            for unit in PrintableText.units(of: span.text) {
                switch unit {
                case .glyph(let scalar):
                    append(scalar, font: span.font)
                case .nonBreakingSpace(let scalar):
                    append(metrics.glyph(for: scalar) == nil ? " " : scalar, font: span.font)
                case .space:
                    finishWord()
                    if case .space = tokens.last {
                    } else {
                        let width = metrics.width(of: [" "], size: size)
                        tokens.append(.space(LinePiece(font: span.font, scalars: [" "], width: width, isSpace: true)))
                    }
                case .lineBreak:
                    finishWord()
                    tokens.append(.lineBreak)
                }
            }
        }
        finishWord()
        return tokens
    }
}
