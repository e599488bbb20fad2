/// The Snowball French stemmer, giving the same stems as the `snowballstemmer` PyPI package (3.1.1, generated from
/// Snowball's `french.sbl`).
///
/// The algorithm is described at snowballstem.org (French stemming algorithm). This is a direct, allocation-light
/// transcription of it, because it runs inside the FTS5 tokenizer on every token: the word is copied once into a
/// temporary buffer of Unicode scalars (Snowball's Python runtime indexes code points too, so regions and cursors
/// mean the same thing), suffix tables are searched with the Snowball runtime's binary search, and one `String` is
/// built at the end — none when the word is left unchanged. About 2–3 million words a second on one core.
///
/// `scripts/check-stemmer` compares it with `snowballstemmer` on every word of Debian's `wfrench` list; the result
/// must stay at 100 % identical stems.
public enum FrenchStemmer {
    /// Returns the Snowball French stem of `word`.
    ///
    /// - Parameter word: one already-lowercased word. Accents must be kept: several suffix rules depend on them
    ///   (`é`, `è`, `ê`, `ï`, …). Any other input is accepted and handled exactly as Snowball would handle it.
    /// - Returns: the stem, lowercase, accents kept (fold it afterwards if accent-insensitive matching is wanted).
    public static func stem(_ word: String) -> String {
        // The buffer never grows by more than one scalar per ë/ï (prelude) plus one or two suffix rewrites, so twice
        // the UTF-8 size (an upper bound of the scalar count) plus a margin always suffices. Temporary allocation
        // lives on the stack for ordinary words: no heap traffic per token.
        let capacity = word.utf8.count * 2 + 8
        return withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: capacity) { buffer in
            var machine = FrenchStemmerMachine(word, buffer: buffer)
            machine.run()
            return machine.result(original: word)
        }
    }
}

// MARK: - Suffix tables

/// A Snowball suffix table (`among`), stored flat so that the search touches no reference-counted storage per entry.
private struct SuffixTable: Sendable {
    /// One entry: where its scalars are in `scalars`, the entry it falls back to, and its rule.
    struct Entry: Sendable {
        /// Offset of the entry's first scalar in `SuffixTable.scalars`.
        let start: Int
        /// Number of scalars of the suffix.
        let count: Int
        /// Index of the longest entry of the same table that is itself a suffix of this one, or -1.
        let shorterIndex: Int
        /// Which rule applies when this entry is the longest match.
        let rule: Int
    }

    /// The suffixes, concatenated. Upper-case `I`, `U`, `Y`, `H` are the markers set by the prelude.
    let scalars: [Unicode.Scalar]
    let entries: [Entry]

    /// Builds a table from `(suffix, shorterIndex, rule)` triples, in the Snowball compiler's order.
    init(_ rows: [(String, Int, Int)]) {
        var scalars: [Unicode.Scalar] = []
        var entries: [Entry] = []
        for (text, shorterIndex, rule) in rows {
            let start = scalars.count
            scalars.append(contentsOf: text.unicodeScalars)
            entries.append(Entry(start: start, count: scalars.count - start, shorterIndex: shorterIndex, rule: rule))
        }
        self.scalars = scalars
        self.entries = entries
    }
}

/// The suffix tables of `french.sbl`, sorted as the Snowball compiler sorts them (by reversed code points), which is
/// what the binary search in `FrenchStemmerMachine.longestSuffix(in:)` relies on.
private enum FrenchSuffixes {
    /// After `-ement(s)`: `-iv`, `-eus`, `-abl`, `-iqU`, `-ièr`.
    static let afterEment = SuffixTable([
        ("iqU", -1, 3), ("abl", -1, 3), ("Ièr", -1, 4),
        ("ièr", -1, 4), ("eus", -1, 2), ("iv", -1, 1),
    ])

    /// After `-ité(s)`: `-abil`, `-ic`, `-iv`.
    static let afterIte = SuffixTable([
        ("ic", -1, 2), ("abil", -1, 1), ("iv", -1, 3),
    ])

    /// Step 1, standard suffixes.
    static let standard = SuffixTable([
        ("iqUe", -1, 1), ("atrice", -1, 2), ("ance", -1, 1),
        ("ence", -1, 5), ("logie", -1, 3), ("able", -1, 1),
        ("isme", -1, 1), ("euse", -1, 12), ("iste", -1, 1),
        ("ive", -1, 8), ("if", -1, 8), ("usion", -1, 4),
        ("ation", -1, 2), ("ution", -1, 4), ("ateur", -1, 2),
        ("iqUes", -1, 1), ("atrices", -1, 2), ("ances", -1, 1),
        ("ences", -1, 5), ("logies", -1, 3), ("ables", -1, 1),
        ("ismes", -1, 1), ("euses", -1, 12), ("istes", -1, 1),
        ("ives", -1, 8), ("ifs", -1, 8), ("usions", -1, 4),
        ("ations", -1, 2), ("utions", -1, 4), ("ateurs", -1, 2),
        ("ments", -1, 16), ("ements", 30, 6), ("issements", 31, 13),
        ("ités", -1, 7), ("ment", -1, 16), ("ement", 34, 6),
        ("issement", 35, 13), ("amment", 34, 14), ("emment", 34, 15),
        ("aux", -1, 10), ("eaux", 39, 9), ("eux", -1, 1),
        ("oux", -1, 11), ("ité", -1, 7),
    ])

    /// Step 2a, verb suffixes beginning with `i`.
    static let iVerb = SuffixTable([
        ("ira", -1, 1), ("ie", -1, 1), ("isse", -1, 1),
        ("issante", -1, 1), ("i", -1, 1), ("irai", 4, 1),
        ("ir", -1, 1), ("iras", -1, 1), ("ies", -1, 1),
        ("îmes", -1, 1), ("isses", -1, 1), ("issantes", -1, 1),
        ("îtes", -1, 1), ("is", -1, 1), ("irais", 13, 1),
        ("issais", 13, 1), ("irions", -1, 1), ("issions", -1, 1),
        ("irons", -1, 1), ("issons", -1, 1), ("issants", -1, 1),
        ("it", -1, 1), ("irait", 21, 1), ("issait", 21, 1),
        ("issant", -1, 1), ("iraIent", -1, 1), ("issaIent", -1, 1),
        ("irent", -1, 1), ("issent", -1, 1), ("iront", -1, 1),
        ("ît", -1, 1), ("iriez", -1, 1), ("issiez", -1, 1),
        ("irez", -1, 1), ("issez", -1, 1),
    ])

    /// Exceptions that keep a verb ending in `-a…` (`-al`, `-épl`, `-auv`).
    static let verbExceptions = SuffixTable([
        ("al", -1, 1), ("épl", -1, -1), ("auv", -1, -1),
    ])

    /// Step 2b, other verb suffixes.
    static let verb = SuffixTable([
        ("a", -1, 3), ("era", 0, 2), ("aise", -1, 4),
        ("asse", -1, 3), ("ante", -1, 3), ("ée", -1, 2),
        ("ai", -1, 3), ("erai", 6, 2), ("er", -1, 2),
        ("as", -1, 3), ("eras", 9, 2), ("âmes", -1, 3),
        ("aises", -1, 4), ("asses", -1, 3), ("antes", -1, 3),
        ("âtes", -1, 3), ("ées", -1, 2), ("ais", -1, 4),
        ("eais", 17, 2), ("erais", 17, 2), ("ions", -1, 1),
        ("erions", 20, 2), ("assions", 20, 3), ("erons", -1, 2),
        ("ants", -1, 3), ("és", -1, 2), ("ait", -1, 3),
        ("erait", 26, 2), ("ant", -1, 3), ("aIent", -1, 3),
        ("eraIent", 29, 2), ("èrent", -1, 2), ("assent", -1, 3),
        ("eront", -1, 2), ("ât", -1, 3), ("ez", -1, 2),
        ("iez", 35, 2), ("eriez", 36, 2), ("assiez", 36, 3),
        ("erez", 35, 2), ("é", -1, 2),
    ])

    /// Step 4, residual suffixes.
    static let residual = SuffixTable([
        ("e", -1, 3), ("Ière", 0, 2), ("ière", 0, 2),
        ("ion", -1, 1), ("Ier", -1, 2), ("ier", -1, 2),
    ])

    /// Step 5, double consonants to undouble.
    static let doubled = SuffixTable([
        ("ell", -1, -1), ("eill", -1, -1), ("enn", -1, -1),
        ("onn", -1, -1), ("ett", -1, -1),
    ])
}

// MARK: - Character classes

/// The character groupings of `french.sbl`.
private enum Grouping {
    /// `v`: French vowels.
    case vowel
    /// `elision_char`: letters that may be elided before an apostrophe.
    case elision
    /// `oux_ending`: letters before `-oux` whose plural becomes `-ou` (bijoux, choux…).
    case ouxEnding
    /// `keep_with_s`: letters after which a final `s` is kept.
    case keepWithS

    @inline(__always)
    func contains(_ c: Unicode.Scalar) -> Bool {
        switch self {
        case .vowel:
            switch c {
            case "a", "e", "i", "o", "u", "y", "à", "â", "è", "é", "ê", "ë", "î", "ï", "ô", "ù", "û": return true
            default: return false
            }
        case .elision:
            switch c {
            case "c", "d", "j", "l", "m", "n", "s", "t": return true
            default: return false
            }
        case .ouxEnding:
            switch c {
            case "b", "h", "j", "l", "n", "p": return true
            default: return false
            }
        case .keepWithS:
            switch c {
            case "a", "i", "o", "s", "u", "è": return true
            default: return false
            }
        }
    }
}

// MARK: - The machine

/// The state of one stemming run: the word being rewritten and Snowball's cursor, limits, slice bounds and regions.
///
/// Routine names and their order follow `french.sbl`; each returns whether it "succeeded" in Snowball's sense, which
/// decides which alternative runs next.
private struct FrenchStemmerMachine {
    /// The word being rewritten, in `current[0..<limit]`; the rest of the buffer is spare room.
    private let current: UnsafeMutableBufferPointer<Unicode.Scalar>
    private var cursor = 0
    private var limit: Int
    private var limitBackward = 0
    private var bra = 0
    private var ket: Int
    /// Start of RV, R1 and R2 (indices into `current`; not moved by later edits, as in Snowball).
    private var pV = 0
    private var p1 = 0
    private var p2 = 0
    private var isModified = false

    init(_ word: String, buffer: UnsafeMutableBufferPointer<Unicode.Scalar>) {
        var count = 0
        for scalar in word.unicodeScalars {
            buffer.initializeElement(at: count, to: scalar)
            count += 1
        }
        current = buffer
        limit = count
        ket = count
    }

    // MARK: Program

    mutating func run() {
        cursor = 0
        _ = elisions()
        cursor = 0
        prelude()
        cursor = 0
        markRegions()
        limitBackward = cursor
        cursor = limit

        // Steps 1–4, working backwards from the end of the word. Positions are saved as distances from the end
        // because edits change the length.
        let beforeSteps = limit - cursor
        var didSuffixStep = standardSuffix()
        if !didSuffixStep {
            cursor = limit - beforeSteps
            didSuffixStep = iVerbSuffix()
        }
        if !didSuffixStep {
            cursor = limit - beforeSteps
            didSuffixStep = verbSuffix()
        }
        if didSuffixStep {
            // Step 3: a final Y becomes i, a final ç becomes c.
            cursor = limit - beforeSteps
            ket = cursor
            if precedes("Y") {
                cursor -= 1
                bra = cursor
                sliceFrom("i")
            } else if precedes("ç") {
                cursor -= 1
                bra = cursor
                sliceFrom("c")
            }
        } else {
            cursor = limit - beforeSteps
            _ = residualSuffix()
        }
        cursor = limit - beforeSteps
        _ = unDouble()
        cursor = limit - beforeSteps
        _ = unAccent()
        cursor = limitBackward
    }

    /// The stem: the buffer with the prelude's markers turned back into letters (Snowball's postlude).
    func result(original: String) -> String {
        if !isModified && !current[0..<limit].contains(where: Self.isMarker) {
            return original
        }
        // Every marker becomes at most as many UTF-8 bytes as it had (H + e/i → ë/ï: 2 → 2), so the UTF-8 size of
        // the buffer bounds the result.
        var capacity = 0
        for index in 0..<limit {
            capacity += Self.utf8Length(current[index])
        }
        return String(unsafeUninitializedCapacity: capacity) { bytes in
            var written = 0
            var index = 0
            while index < limit {
                var c = current[index]
                index += 1
                switch c {
                case "H":
                    guard index < limit, current[index] == "e" || current[index] == "i" else {
                        // A lone H marker is dropped.
                        continue
                    }
                    c = current[index] == "e" ? "ë" : "ï"
                    index += 1
                case "I": c = "i"
                case "U": c = "u"
                case "Y": c = "y"
                default: break
                }
                written = Self.writeUTF8(c, into: bytes, at: written)
            }
            return written
        }
    }

    @inline(__always)
    private static func utf8Length(_ c: Unicode.Scalar) -> Int {
        switch c.value {
        case ..<0x80: 1
        case ..<0x800: 2
        case ..<0x1_0000: 3
        default: 4
        }
    }

    /// Encodes `c` as UTF-8 at `offset`; returns the offset after it.
    @inline(__always)
    private static func writeUTF8(_ c: Unicode.Scalar, into bytes: UnsafeMutableBufferPointer<UInt8>, at offset: Int)
        -> Int
    {
        let v = c.value
        switch v {
        case ..<0x80:
            bytes[offset] = UInt8(truncatingIfNeeded: v)
            return offset + 1
        case ..<0x800:
            bytes[offset] = UInt8(truncatingIfNeeded: 0xC0 | (v >> 6))
            bytes[offset + 1] = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F))
            return offset + 2
        case ..<0x1_0000:
            bytes[offset] = UInt8(truncatingIfNeeded: 0xE0 | (v >> 12))
            bytes[offset + 1] = UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F))
            bytes[offset + 2] = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F))
            return offset + 3
        default:
            bytes[offset] = UInt8(truncatingIfNeeded: 0xF0 | (v >> 18))
            bytes[offset + 1] = UInt8(truncatingIfNeeded: 0x80 | ((v >> 12) & 0x3F))
            bytes[offset + 2] = UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F))
            bytes[offset + 3] = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F))
            return offset + 4
        }
    }

    private static func isMarker(_ c: Unicode.Scalar) -> Bool {
        c == "H" || c == "I" || c == "U" || c == "Y"
    }

    // MARK: Forward routines

    /// Removes a leading elided article or pronoun: `l'`, `d'`, `qu'`… when a word follows.
    private mutating func elisions() -> Bool {
        bra = cursor
        if !inGrouping(.elision) && !eqS("qu") {
            return false
        }
        guard cursor < limit, current[cursor] == "'" else { return false }
        cursor += 1
        ket = cursor
        guard cursor < limit else { return false }
        sliceDel()
        return true
    }

    /// Marks vowels that act as consonants with upper-case letters, and `ë`/`ï` as `He`/`Hi`.
    private mutating func prelude() {
        // Snowball: repeat goto (…). Each success re-examines the same position, which no longer matches.
        while true {
            let start = cursor
            var found = false
            while true {
                let position = cursor
                if preludeRewrite() {
                    cursor = position
                    found = true
                    break
                }
                cursor = position
                if cursor >= limit { break }
                cursor += 1
            }
            if !found {
                cursor = start
                return
            }
        }
    }

    /// One attempt of the prelude at the cursor; true when it rewrote a letter.
    private mutating func preludeRewrite() -> Bool {
        let start = cursor
        if inGrouping(.vowel) {
            bra = cursor
            let afterVowel = cursor
            if at("u") {
                cursor += 1
                ket = cursor
                if inGrouping(.vowel) {
                    sliceFrom("U")
                    return true
                }
            }
            cursor = afterVowel
            if at("i") {
                cursor += 1
                ket = cursor
                if inGrouping(.vowel) {
                    sliceFrom("I")
                    return true
                }
            }
            cursor = afterVowel
            if at("y") {
                cursor += 1
                ket = cursor
                sliceFrom("Y")
                return true
            }
        }
        cursor = start
        bra = cursor
        if at("ë") {
            cursor += 1
            ket = cursor
            sliceFrom("He")
            return true
        }
        if at("ï") {
            cursor += 1
            ket = cursor
            sliceFrom("Hi")
            return true
        }
        if at("y") {
            cursor += 1
            ket = cursor
            if inGrouping(.vowel) {
                sliceFrom("Y")
                return true
            }
        }
        cursor = start
        if at("q") {
            cursor += 1
            bra = cursor
            if at("u") {
                cursor += 1
                ket = cursor
                sliceFrom("U")
                return true
            }
        }
        return false
    }

    /// Sets the starts of RV, R1 and R2.
    private mutating func markRegions() {
        pV = limit
        p1 = limit
        p2 = limit
        let start = cursor

        rv: do {
            if inGrouping(.vowel) && inGrouping(.vowel) && cursor < limit {
                cursor += 1
                pV = cursor
                break rv
            }
            cursor = start
            if hasPrefix("col") || hasPrefix("par") || hasPrefix("tap") {
                cursor += 3
                pV = cursor
                break rv
            }
            if hasPrefix("ni") {
                cursor += 2
                if inGrouping(.vowel) {
                    pV = cursor
                    break rv
                }
            }
            cursor = start
            guard cursor < limit else { break rv }
            cursor += 1
            guard goOutGrouping(.vowel) else { break rv }
            cursor += 1
            pV = cursor
        }

        cursor = start
        regions: do {
            guard goOutGrouping(.vowel) else { break regions }
            cursor += 1
            guard goInGrouping(.vowel) else { break regions }
            cursor += 1
            p1 = cursor
            guard goOutGrouping(.vowel) else { break regions }
            cursor += 1
            guard goInGrouping(.vowel) else { break regions }
            cursor += 1
            p2 = cursor
        }
        cursor = start
    }

    // MARK: Backward routines

    private var inRV: Bool { pV <= cursor }
    private var inR1: Bool { p1 <= cursor }
    private var inR2: Bool { p2 <= cursor }

    /// Step 1: standard suffix removal.
    private mutating func standardSuffix() -> Bool {
        ket = cursor
        let rule = longestSuffix(in: FrenchSuffixes.standard)
        if rule == 0 { return false }
        bra = cursor
        switch rule {
        case 1:
            guard inR2 else { return false }
            sliceDel()
        case 2:
            guard inR2 else { return false }
            sliceDel()
            let saved = limit - cursor
            ket = cursor
            if eqSB("ic") {
                bra = cursor
                if inR2 { sliceDel() } else { sliceFrom("iqU") }
            } else {
                cursor = limit - saved
            }
        case 3:
            guard inR2 else { return false }
            sliceFrom("log")
        case 4:
            guard inR2 else { return false }
            sliceFrom("u")
        case 5:
            guard inR2 else { return false }
            sliceFrom("ent")
        case 6:
            guard inRV else { return false }
            sliceDel()
            let saved = limit - cursor
            ket = cursor
            let inner = longestSuffix(in: FrenchSuffixes.afterEment)
            guard inner != 0 else {
                cursor = limit - saved
                break
            }
            bra = cursor
            switch inner {
            case 1:
                guard inR2 else { break }
                sliceDel()
                ket = cursor
                guard eqSB("at") else { break }
                bra = cursor
                if inR2 { sliceDel() }
            case 2:
                if inR2 {
                    sliceDel()
                } else if inR1 {
                    sliceFrom("eux")
                }
            case 3:
                if inR2 { sliceDel() }
            default:
                if inRV { sliceFrom("i") }
            }
        case 7:
            guard inR2 else { return false }
            sliceDel()
            let saved = limit - cursor
            ket = cursor
            let inner = longestSuffix(in: FrenchSuffixes.afterIte)
            guard inner != 0 else {
                cursor = limit - saved
                break
            }
            bra = cursor
            switch inner {
            case 1:
                if inR2 { sliceDel() } else { sliceFrom("abl") }
            case 2:
                if inR2 { sliceDel() } else { sliceFrom("iqU") }
            default:
                if inR2 { sliceDel() }
            }
        case 8:
            guard inR2 else { return false }
            sliceDel()
            ket = cursor
            guard eqSB("at") else { break }
            bra = cursor
            guard inR2 else { break }
            sliceDel()
            ket = cursor
            guard eqSB("ic") else { break }
            bra = cursor
            if inR2 { sliceDel() } else { sliceFrom("iqU") }
        case 9:
            sliceFrom("eau")
        case 10:
            guard inR1 else { return false }
            sliceFrom("al")
        case 11:
            guard inGroupingB(.ouxEnding) else { return false }
            sliceFrom("ou")
        case 12:
            if inR2 {
                sliceDel()
            } else if inR1 {
                sliceFrom("eux")
            } else {
                return false
            }
        case 13:
            guard inR1, outGroupingB(.vowel) else { return false }
            sliceDel()
        case 14:
            // -amment → -ant; then step 2 still runs on the result.
            guard inRV else { return false }
            sliceFrom("ant")
            return false
        case 15:
            // -emment → -ent; then step 2 still runs on the result.
            guard inRV else { return false }
            sliceFrom("ent")
            return false
        default:
            // -ment(s) after a vowel in RV; then step 2 still runs on the result.
            let saved = limit - cursor
            guard inGroupingB(.vowel), inRV else { return false }
            cursor = limit - saved
            sliceDel()
            return false
        }
        return true
    }

    /// Step 2a: verb suffixes beginning with `i`, inside RV and after a non-vowel.
    private mutating func iVerbSuffix() -> Bool {
        guard cursor >= pV else { return false }
        let savedLimit = limitBackward
        limitBackward = pV
        defer { limitBackward = savedLimit }
        ket = cursor
        guard longestSuffix(in: FrenchSuffixes.iVerb) != 0 else { return false }
        bra = cursor
        if precedes("H") {
            cursor -= 1
            return false
        }
        guard outGroupingB(.vowel) else { return false }
        sliceDel()
        return true
    }

    /// Step 2b: other verb suffixes, inside RV.
    private mutating func verbSuffix() -> Bool {
        guard cursor >= pV else { return false }
        let savedLimit = limitBackward
        limitBackward = pV
        ket = cursor
        let rule = longestSuffix(in: FrenchSuffixes.verb)
        if rule == 0 {
            limitBackward = savedLimit
            return false
        }
        bra = cursor
        limitBackward = savedLimit
        switch rule {
        case 1:
            guard inR2 else { return false }
            sliceDel()
        case 2:
            sliceDel()
        case 3:
            let saved = limit - cursor
            if precedes("e") {
                cursor -= 1
                if inRV { bra = cursor } else { cursor = limit - saved }
            }
            sliceDel()
        default:
            let saved = limit - cursor
            let exception = longestSuffix(in: FrenchSuffixes.verbExceptions)
            if exception == 1 {
                // "-al" keeps the suffix only when exactly one letter precedes it.
                if cursor > limitBackward {
                    cursor -= 1
                    if cursor <= limitBackward { return false }
                }
            } else if exception != 0 {
                return false
            }
            cursor = limit - saved
            sliceDel()
        }
        return true
    }

    /// Step 4: residual suffixes, when steps 1 and 2 removed nothing.
    private mutating func residualSuffix() -> Bool {
        let beforeS = limit - cursor
        ket = cursor
        if precedes("s") {
            cursor -= 1
            bra = cursor
            let afterS = limit - cursor
            if eqSB("Hi") || outGroupingB(.keepWithS) {
                cursor = limit - afterS
                sliceDel()
            } else {
                cursor = limit - beforeS
            }
        }
        guard cursor >= pV else { return false }
        let savedLimit = limitBackward
        limitBackward = pV
        defer { limitBackward = savedLimit }
        ket = cursor
        let rule = longestSuffix(in: FrenchSuffixes.residual)
        guard rule != 0 else { return false }
        bra = cursor
        switch rule {
        case 1:
            guard inR2, precedes("s") || precedes("t") else { return false }
            cursor -= 1
            sliceDel()
        case 2:
            sliceFrom("i")
        default:
            sliceDel()
        }
        return true
    }

    /// Step 5: `-enn`, `-onn`, `-ett`, `-ell`, `-eill` lose their last letter.
    private mutating func unDouble() -> Bool {
        let saved = limit - cursor
        guard longestSuffix(in: FrenchSuffixes.doubled) != 0 else { return false }
        cursor = limit - saved
        ket = cursor
        guard cursor > limitBackward else { return false }
        cursor -= 1
        bra = cursor
        sliceDel()
        return true
    }

    /// Step 6: `é` or `è` followed by at least one non-vowel up to the end becomes `e`.
    private mutating func unAccent() -> Bool {
        var nonVowels = 0
        while outGroupingB(.vowel) { nonVowels += 1 }
        guard nonVowels > 0 else { return false }
        ket = cursor
        guard precedes("é") || precedes("è") else { return false }
        cursor -= 1
        bra = cursor
        sliceFrom("e")
        return true
    }

    // MARK: Snowball primitives

    @inline(__always)
    private func at(_ c: Unicode.Scalar) -> Bool {
        cursor < limit && current[cursor] == c
    }

    /// True when the scalar just before the cursor (backward mode) is `c`, within the backward limit.
    @inline(__always)
    private func precedes(_ c: Unicode.Scalar) -> Bool {
        cursor > limitBackward && current[cursor - 1] == c
    }

    @inline(__always)
    private mutating func inGrouping(_ g: Grouping) -> Bool {
        guard cursor < limit, g.contains(current[cursor]) else { return false }
        cursor += 1
        return true
    }

    @inline(__always)
    private mutating func inGroupingB(_ g: Grouping) -> Bool {
        guard cursor > limitBackward, g.contains(current[cursor - 1]) else { return false }
        cursor -= 1
        return true
    }

    @inline(__always)
    private mutating func outGroupingB(_ g: Grouping) -> Bool {
        guard cursor > limitBackward, !g.contains(current[cursor - 1]) else { return false }
        cursor -= 1
        return true
    }

    /// Moves forward to the next scalar in `g`; false if there is none.
    private mutating func goOutGrouping(_ g: Grouping) -> Bool {
        while cursor < limit {
            if g.contains(current[cursor]) { return true }
            cursor += 1
        }
        return false
    }

    /// Moves forward to the next scalar not in `g`; false if there is none.
    private mutating func goInGrouping(_ g: Grouping) -> Bool {
        while cursor < limit {
            if !g.contains(current[cursor]) { return true }
            cursor += 1
        }
        return false
    }

    /// True when the word starts with `prefix` at the cursor (the cursor does not move).
    private func hasPrefix(_ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard limit - cursor >= count else { return false }
        return prefix.withUTF8Buffer { bytes in
            for offset in 0..<count where current[cursor + offset].value != UInt32(bytes[offset]) {
                return false
            }
            return true
        }
    }

    /// Forward literal match (ASCII only); moves the cursor past it.
    private mutating func eqS(_ literal: StaticString) -> Bool {
        guard hasPrefix(literal) else { return false }
        cursor += literal.utf8CodeUnitCount
        return true
    }

    /// Backward literal match (ASCII only); moves the cursor before it.
    private mutating func eqSB(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard cursor - limitBackward >= count else { return false }
        let start = cursor - count
        let matches = literal.withUTF8Buffer { bytes in
            for offset in 0..<count where current[start + offset].value != UInt32(bytes[offset]) {
                return false
            }
            return true
        }
        if matches { cursor = start }
        return matches
    }

    /// Snowball's `find_among_b`: finds the longest entry of `table` ending at the cursor (not reaching below the
    /// backward limit), moves the cursor to its start and returns its rule, or returns 0 when none matches.
    ///
    /// Binary search over entries sorted by reversed code points, remembering how many trailing scalars are known
    /// to match at each bound; then follows `shorterIndex` links until an entry matches in full.
    private mutating func longestSuffix(in table: SuffixTable) -> Int {
        let entries = table.entries
        let suffixes = table.scalars
        var low = 0
        var high = entries.count
        let end = cursor
        var commonLow = 0
        var commonHigh = 0
        var checkedFirst = false
        while true {
            let middle = low + ((high - low) >> 1)
            var difference = 0
            var common = min(commonLow, commonHigh)
            let entry = entries[middle]
            var position = entry.count - 1 - common
            while position >= 0 {
                if end - common == limitBackward {
                    difference = -1
                    break
                }
                difference = Int(current[end - 1 - common].value) - Int(suffixes[entry.start + position].value)
                if difference != 0 { break }
                common += 1
                position -= 1
            }
            if difference < 0 {
                high = middle
                commonHigh = common
            } else {
                low = middle
                commonLow = common
            }
            if high - low <= 1 {
                if low > 0 || high == low || checkedFirst { break }
                checkedFirst = true
            }
        }
        var index = low
        while true {
            let entry = entries[index]
            if commonLow >= entry.count {
                cursor = end - entry.count
                return entry.rule
            }
            index = entry.shorterIndex
            if index < 0 { return 0 }
        }
    }

    /// Replaces `current[bra..<ket]` with the ASCII `replacement`, leaving the cursor where Snowball's `slice_from`
    /// leaves it.
    private mutating func sliceFrom(_ replacement: StaticString) {
        let count = replacement.utf8CodeUnitCount
        let adjustment = count - (ket - bra)
        guard 0 <= bra, bra <= ket, ket <= limit, limit + adjustment <= current.count else { return }
        // Move the tail (after ket) to its new place; the ranges may overlap, so copy in the safe direction.
        if adjustment > 0 {
            var index = limit - 1
            while index >= ket {
                current.initializeElement(at: index + adjustment, to: current[index])
                index -= 1
            }
        } else if adjustment < 0 {
            for index in ket..<limit {
                current[index + adjustment] = current[index]
            }
        }
        replacement.withUTF8Buffer { bytes in
            for offset in 0..<count {
                current.initializeElement(at: bra + offset, to: Unicode.Scalar(bytes[offset]))
            }
        }
        limit += adjustment
        if cursor >= ket {
            cursor += adjustment
        } else if cursor > bra {
            cursor = bra
        }
        ket = bra + count
        isModified = true
    }

    private mutating func sliceDel() {
        sliceFrom("")
    }
}
