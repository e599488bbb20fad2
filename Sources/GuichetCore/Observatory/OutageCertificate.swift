/// The outage certificate (« attestation d'indisponibilité »): for one platform and a period of days in
/// Europe/Paris, every probe and every week of people's reports, each as one canonical line chained to the one
/// before it with SHA-256, the head hash printed, and how to check it (docs/observatory.md, « Attestation »).
///
/// ```
/// hash(n)  = hex(SHA-256("guichet-attestation-v1\n" + hash(n−1) + "\n" + line(n)))
/// hash(−1) = 64 × "0"
/// line     = sondage|<platform>|<UTC instant, AAAAMMJJTHHMMSSZ>|<http-NNN | erreur-<class> | robots-interdit>|<ms>
///          | signalements|<platform>|<AAAA-Wss>|site-en-panne|<count>
/// ```
///
/// Lines are ASCII without spaces, so that the PDF's typography leaves them as hashed and `pdftotext` gives them
/// back exactly. Core has no cryptography: the caller passes SHA-256 (``HashFunction``).
public enum OutageCertificate {
    /// First line of every hashed input (changes if the chain definition ever changes).
    public static let domainTag = "guichet-attestation-v1"
    /// The hash before the first line.
    public static let genesisHash = String(repeating: "0", count: 64)
    /// The longest period a certificate covers, in days.
    public static let maximumDays = 366

    /// One line of the certificate and its chained hash.
    public struct Entry: Hashable, Sendable {
        public let line: String
        public let hash: String
    }

    /// Why a request for a certificate was refused; ``frenchMessage`` says it to the person.
    public enum RequestProblem: Error, Equatable, Sendable {
        case missingPlatform
        case unknownPlatform(String)
        case missingDate(field: String)
        case invalidDate(field: String, text: String)
        case reversed
        case future(LocalDate)
        case tooLong(days: Int)

        public var frenchMessage: String {
            switch self {
            case .missingPlatform: "Choisissez une plateforme (paramètre « plateforme »)."
            case .unknownPlatform(let id): "Plateforme inconnue : « \(id) ». Les plateformes suivies sont listées sur la page État des plateformes."
            case .missingDate(let field): "Date manquante : « \(field) » (AAAA-MM-JJ)."
            case .invalidDate(let field, let text): "Date impossible ou mal écrite pour « \(field) » : « \(text) » (AAAA-MM-JJ attendu)."
            case .reversed: "La période est à l'envers : la date de début (« du ») doit précéder ou égaler la date de fin (« au »)."
            case .future(let date): "La période ne peut pas finir dans le futur : « au » doit être au plus aujourd'hui (\(date.iso))."
            case .tooLong(let days): "Période trop longue : \(days) jours ; une attestation couvre au plus \(OutageCertificate.maximumDays) jours."
            }
        }
    }

    /// A checked request: a known platform and a period of days that ends today at the latest.
    public struct Period: Hashable, Sendable {
        public let platform: Platform
        public let from: LocalDate
        public let to: LocalDate

        /// Unix seconds: `from` at 00:00 in Europe/Paris, and the day after `to` at 00:00 (excluded).
        public var bounds: (start: Int64, end: Int64) {
            let zone = CivilTimeZone.europeParis
            let start = Int64(zone.utcMinutes(LocalDateTime(date: from, time: .midnight))) * 60
            let end = Int64(zone.utcMinutes(LocalDateTime(date: to.adding(days: 1), time: .midnight))) * 60
            return (start, end)
        }

        /// The report weeks that overlap the period.
        public func overlaps(_ week: ReportWeek) -> Bool { week.monday <= to && week.sunday >= from }
    }

    /// Checks what a person asked for (the query's text as typed): every problem is a French message, nothing else.
    public static func period(
        platform: String?, from: String?, to: String?, platforms: [Platform], today: LocalDate
    ) -> Result<Period, RequestProblem> {
        guard let platformText = platform?.trimmed, !platformText.isEmpty else { return .failure(.missingPlatform) }
        guard let found = platforms.first(where: { $0.id.rawValue == platformText.lowercased() }) else {
            return .failure(.unknownPlatform(String(platformText.prefix(40))))
        }
        func date(_ text: String?, _ field: String) -> Result<LocalDate, RequestProblem> {
            guard let text = text?.trimmed, !text.isEmpty else { return .failure(.missingDate(field: field)) }
            guard let date = LocalDate(iso: text) else { return .failure(.invalidDate(field: field, text: String(text.prefix(20)))) }
            return .success(date)
        }
        let start: LocalDate
        let end: LocalDate
        switch date(from, "du") {
        case .failure(let problem): return .failure(problem)
        case .success(let value): start = value
        }
        switch date(to, "au") {
        case .failure(let problem): return .failure(problem)
        case .success(let value): end = value
        }
        guard start <= end else { return .failure(.reversed) }
        guard end <= today else { return .failure(.future(today)) }
        let days = start.days(until: end) + 1
        guard days <= maximumDays else { return .failure(.tooLong(days: days)) }
        return .success(Period(platform: found, from: start, to: end))
    }

    // MARK: - Lines and chain

    /// `20261103T092005Z`: an instant in UTC, ISO 8601 basic format (no colon, no space).
    public static func utcStamp(_ seconds: Int64) -> String {
        let minutes = Int(seconds.floorDivided(by: 60))
        let reading = LocalDateTime(wallMinutesSinceEpoch: minutes)
        let second = Int(seconds - Int64(minutes) * 60)
        let date = reading.date
        return pad(date.year, 4) + pad(date.month, 2) + pad(date.day, 2) + "T" + pad(reading.time.hour, 2)
            + pad(reading.time.minute, 2) + pad(second, 2) + "Z"
    }

    /// `2026-11-03T09:20:05Z`: an instant in UTC, ISO 8601 extended format (HTML `datetime`, open data).
    public static func isoUTC(_ seconds: Int64) -> String {
        let basic = Array(utcStamp(seconds))
        let part = { (range: Range<Int>) in String(basic[range]) }
        return part(0..<4) + "-" + part(4..<6) + "-" + part(6..<8) + "T" + part(9..<11) + ":" + part(11..<13) + ":" + part(13..<15) + "Z"
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    /// The canonical line of a probe.
    public static func line(_ probe: PlatformProbe) -> String {
        "sondage|\(probe.platform.rawValue)|\(utcStamp(probe.at))|\(probe.outcomeCode)|\(probe.durationMilliseconds)"
    }

    /// The canonical line of a week of reports.
    public static func line(platform: Platform.ID, week: ReportWeek, count: Int) -> String {
        "signalements|\(platform.rawValue)|\(week)|site-en-panne|\(count)"
    }

    /// The hash of `line` after `previous`.
    public static func entryHash(_ line: String, previous: String, hash: HashFunction) -> String {
        hash(Array((domainTag + "\n" + previous + "\n" + line).utf8)).lowercaseHex
    }

    /// Chains `lines` from the genesis hash.
    public static func chain(_ lines: [String], hash: HashFunction) -> [Entry] {
        var previous = genesisHash
        return lines.map { line in
            previous = entryHash(line, previous: previous, hash: hash)
            return Entry(line: line, hash: previous)
        }
    }

    /// What a check of a certificate's text found.
    public enum Verification: Equatable, Sendable {
        /// Every printed hash is the one recomputed, and the last equals the printed head.
        case intact(lines: Int, head: String)
        /// Entry `index` (1-based) does not hash to what is printed (a line or a hash was changed, removed or moved).
        case broken(entry: Int, line: String)
        /// The head printed is not the last hash recomputed.
        case headMismatch(printed: String, computed: String)
        /// No line or no head hash was found in the text.
        case unreadable
    }

    /// Recomputes the chain of a certificate from its text (`pdftotext -layout attestation.pdf -`): every canonical
    /// line, each followed by its printed hash, and the head hash printed after « Empreinte de tête ».
    public static func verify(text: String, hash: HashFunction) -> Verification {
        let tokens = text.split(whereSeparator: { $0.isWhitespace || $0 == "\u{A0}" || $0 == "\u{202F}" }).map(String.init)
        var head: String? = nil
        var awaitingHead = false
        var pending: String? = nil
        var printed: [(line: String, hash: String)] = []
        for (index, token) in tokens.enumerated() {
            if token.lowercased() == "tête" && index > 0 && tokens[index - 1] == "de" { awaitingHead = true }
            if token.hasPrefix("sondage|") || token.hasPrefix("signalements|") {
                pending = token
                continue
            }
            guard isHash(token) else { continue }
            if awaitingHead && head == nil {
                head = token
                awaitingHead = false
            } else if let line = pending {
                printed.append((line, token))
                pending = nil
            }
        }
        guard let head, !printed.isEmpty || head == genesisHash else { return .unreadable }
        var previous = genesisHash
        for (index, entry) in printed.enumerated() {
            let computed = entryHash(entry.line, previous: previous, hash: hash)
            guard computed == entry.hash else { return .broken(entry: index + 1, line: entry.line) }
            previous = computed
        }
        guard previous == head else { return .headMismatch(printed: head, computed: previous) }
        return .intact(lines: printed.count, head: head)
    }

    static func isHash(_ token: String) -> Bool {
        token.utf8.count == 64 && token.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}

extension String {
    fileprivate var trimmed: String {
        var view = self[...]
        while let first = view.first, first.isWhitespace { view = view.dropFirst() }
        while let last = view.last, last.isWhitespace { view = view.dropLast() }
        return String(view)
    }
}

extension Int64 {
    fileprivate func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
