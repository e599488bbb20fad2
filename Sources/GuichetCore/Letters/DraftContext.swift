/// What the three documents share: the parties, the dated attempts, the numbered exhibits (pièces) and
/// the phrases built from them. Reading the files happens here, once; problems are collected in ``issues``.
struct DraftContext {
    let caseFile: CaseFile
    let today: LocalDate
    let kind: DocumentKind
    let zone: CivilTimeZone
    let court: CourtAssignment
    /// All attempts, chronological.
    let dated: [DatedAttempt]
    /// Failed attempts, chronological.
    let failures: [DatedAttempt]
    /// The exhibits in bordereau order.
    let pieces: [Piece]
    /// Journal head, when the journal is sealed and verifies.
    let journalHead: String?
    /// File and journal problems.
    let issues: [CaseFileIssue]

    /// One exhibit: what it is, where it comes from, and its file when there is one.
    struct Piece {
        enum Origin: Equatable {
            case supportingDocument(Int)
            case capture(attempt: Int)
            case letter(Int)
        }

        let number: Int
        let origin: Origin
        /// Bordereau line.
        let designation: String
        let caption: [String]
        let content: Exhibit.Content?
        /// The file the case file names, if any.
        let file: String?
        /// Names the exhibit's own file in a split filing (`capture-2026-10-05`).
        var fileSlug: String? = nil

        var exhibit: Exhibit {
            Exhibit(number: number, title: designation, caption: caption, content: content, fileSlug: fileSlug)
        }
    }

    init(caseFile: CaseFile, today: LocalDate, kind: DocumentKind, files: (String) -> [UInt8]?, hash: HashFunction) {
        self.caseFile = caseFile
        self.today = today
        self.kind = kind
        self.zone = caseFile.timeZone
        self.court = Court.for(department: caseFile.department)
        let dated = caseFile.datedAttempts
        let failures = dated.filter { $0.attempt.isFailure }
        self.dated = dated
        self.failures = failures

        var issues: [CaseFileIssue] = []
        var head: String?
        if caseFile.attempts.contains(where: { $0.hash != nil }) {
            switch Journal.verify(caseFile, captures: files, hash: hash) {
            case .intact(_, let last):
                head = last
            case .broken(let failure):
                // Missing or changed captures are reported below, at the capture's own path.
                let reportedAtCapture: [JournalBreak.Reason] = [.hashMissing, .captureMissing, .captureChanged]
                if !reportedAtCapture.contains(failure.reason) {
                    issues.append(CaseFileIssue(failure.path, .journalBroken(failure.reason)))
                }
            }
        }
        self.journalHead = head

        var pieces: [Piece] = []
        func read(_ file: String, at path: JSONPath, expectedHash: String?) -> (Exhibit.Content, [String])? {
            switch CaptureProblem.check(files(file), path: file) {
            case .failure(let problem):
                issues.append(problem.issue(at: path))
                return nil
            case .success((let format, let bytes)):
                let digest = hash(bytes).lowercaseHex
                if let expectedHash, expectedHash != digest {
                    issues.append(CaseFileIssue(path, .fileChanged(file)))
                    return nil
                }
                return (
                    format.exhibitContent(bytes),
                    ["Fichier : \(file) (\(format.label), \(FrenchSize.short(bytes.count)))", "SHA-256 : \(digest)"]
                )
            }
        }
        if kind.attachesSupportingDocuments {
            for (i, document) in caseFile.supportingDocuments.enumerated() {
                let path = JSONPath.root.key("supportingDocuments").index(i).key("file")
                let file = document.file.flatMap { read($0, at: path, expectedHash: nil) }
                pieces.append(
                    Piece(
                        number: pieces.count + 1, origin: .supportingDocument(i), designation: document.title,
                        caption: file?.1 ?? [], content: file?.0, file: document.file))
            }
        }
        // The requête lists every attempt; the letters list the failures only, so only theirs are attached.
        for entry in kind.isRequete ? dated : kind.attachesCaptures ? failures : [] {
            guard let capture = entry.attempt.capture else { continue }
            let path = JSONPath.root.key("attempts").index(entry.index).key("capture")
            let file = read(capture, at: path, expectedHash: entry.attempt.captureHash)
            let when = DraftContext.when(entry.local)
            var caption = [
                "Tentative du \(when) (\(caseFile.timeZone.frenchClockName))",
                "Moyen : \(entry.attempt.channel.frenchLabel). Résultat : \(entry.attempt.outcome.frenchLabel).",
            ]
            if let note = entry.attempt.note { caption.append("Note : " + DraftContext.quotedNote(note)) }
            caption += file?.1 ?? []
            pieces.append(
                Piece(
                    number: pieces.count + 1, origin: .capture(attempt: entry.index),
                    designation: "Capture d'écran du \(when) (\(entry.attempt.channel.frenchLabel))",
                    caption: caption, content: file?.0, file: capture, fileSlug: "capture-\(entry.local.date.iso)"))
        }
        if kind.attachesLetters {
            let letters = caseFile.letters.enumerated().sorted { $0.element.sentOn < $1.element.sentOn }
            for (i, letter) in letters {
                let path = JSONPath.root.key("letters").index(i).key("copy")
                let file = letter.copy.flatMap { read($0, at: path, expectedHash: nil) }
                var caption = ["Envoi du \(letter.sentOn.frenchLongDate)"]
                if let reference = letter.reference {
                    caption.append(
                        DraftContext.capitalized(DraftContext.referenceLabel(letter.kind)) + " : \(reference)")
                }
                caption += file?.1 ?? []
                pieces.append(
                    Piece(
                        number: pieces.count + 1, origin: .letter(i),
                        designation: DraftContext.letterDesignation(letter),
                        caption: caption, content: file?.0, file: letter.copy,
                        fileSlug: "\(letter.kind == .courriel ? "courriel" : "lettre")-\(letter.sentOn.iso)"))
            }
        }
        self.pieces = pieces
        self.issues = issues
    }

    // MARK: - Parties

    var person: Person { caseFile.person }

    /// Present after ``DocumentKind/requirements(for:today:)`` passed.
    var name: String { person.name ?? "" }

    /// « né », « née », « né(e) ».
    var born: String {
        switch person.civility {
        case .madame?: return "née"
        case .monsieur?: return "né"
        case nil: return "né(e)"
        }
    }

    var addressLines: [String] { person.address.map(AddressText.lines) ?? [] }

    /// Name, address, phone, e-mail: the sender block.
    var senderLines: [String] {
        var lines = [name] + addressLines
        if let phone = person.phone { lines.append("Téléphone : \(phone)") }
        if let email = person.email { lines.append("Courriel : \(email)") }
        if let number = person.foreignerNumber { lines.append("Numéro étranger : \(number)") }
        return lines
    }

    /// « Fait à Saint-Denis, le 12 novembre 2026 » (« Fait le … » when the address has no town).
    var placeAndDate: String {
        if let town = person.address.flatMap(AddressText.town) { return "Fait à \(town), le \(today.frenchDate)" }
        return "Fait le \(today.frenchDate)"
    }

    /// « Saint-Denis, le 12 novembre 2026 » for a letter head.
    var letterDate: String {
        if let town = person.address.flatMap(AddressText.town) { return "\(town), le \(today.frenchDate)" }
        return "Le \(today.frenchDate)"
    }

    /// « le préfet de la Seine-Saint-Denis ».
    var prefect: String { "le " + caseFile.department.prefectTitle }

    /// « au préfet de la Seine-Saint-Denis ».
    var toPrefect: String { "au " + caseFile.department.prefectTitle }

    /// « la préfecture de la Seine-Saint-Denis », followed by the office named in the case file:
    /// « la préfecture de la Seine-Saint-Denis (sous-préfecture du Raincy) ».
    var office: String {
        let prefecture = "la " + caseFile.department.prefectureName
        guard let name = caseFile.prefecture?.name else { return prefecture }
        return prefecture + " (" + DraftContext.lowercasedFirst(name) + ")"
    }

    /// « ma demande de renouvellement de mon titre de séjour ».
    var request: String { caseFile.procedure.myRequest(detail: caseFile.procedureDetail) }

    /// « tribunal administratif de Montreuil ».
    var courtName: String { DraftContext.lowercasedFirst(court.court.name) }

    /// The channels used, in French, in order of first use: « le site internet de la préfecture et le
    /// téléphone ».
    var channels: String {
        var seen: [AttemptChannel] = []
        for entry in failures where !seen.contains(entry.attempt.channel) { seen.append(entry.attempt.channel) }
        return DraftContext.list(seen.map(\.frenchMeans))
    }

    // MARK: - Attempts

    /// « lundi 5 octobre 2026 à 8 h 59 ».
    static func when(_ local: LocalDateTime) -> String { "\(local.date.frenchLongDate) à \(local.time.french)" }

    /// The piece number of an attempt's capture.
    func pieceNumber(ofAttempt index: Int) -> Int? {
        pieces.first { $0.origin == .capture(attempt: index) }?.number
    }

    /// The piece number of a letter.
    func pieceNumber(ofLetter index: Int) -> Int? {
        pieces.first { $0.origin == .letter(index) }?.number
    }

    /// One list item per attempt: date and hour in bold, channel, outcome, note, exhibit.
    func attemptItems(_ entries: [DatedAttempt], pieceWord: String = "pièce") -> [[TextRun]] {
        entries.map { entry in
            var text = " : \(entry.attempt.channel.frenchLabel), \(entry.attempt.outcome.frenchLabel)"
            if let note = entry.attempt.note { text += " (" + DraftContext.quotedNote(note) + ")" }
            if let number = pieceNumber(ofAttempt: entry.index) { text += " ; \(pieceWord) n° \(number)" }
            return [TextRun(DraftContext.capitalized(DraftContext.when(entry.local)), bold: true), TextRun(text + ".")]
        }
    }

    /// Failure statistics, for the discussion: span, weeks, days.
    var assessment: EvidenceAssessment { EvidenceAssessment(caseFile: caseFile, rule: .standard) }

    /// « du lundi 5 octobre 2026 au mardi 3 novembre 2026 ».
    var failurePeriod: String {
        guard let first = failures.first?.date, let last = failures.last?.date else { return "" }
        if first == last { return "le \(first.frenchLongDate)" }
        return "du \(first.frenchLongDate) au \(last.frenchLongDate)"
    }

    /// « mon titre de séjour expire le 30 novembre 2026 » / « a expiré le … ».
    var permitSentence: String? {
        guard let expiry = caseFile.permitExpiry else { return nil }
        if expiry < today { return "Mon titre de séjour a expiré le \(expiry.frenchDate)." }
        return "Mon titre de séjour expire le \(expiry.frenchDate)."
    }

    /// The letters, one list item each, with their exhibit numbers.
    func letterItems(pieceWord: String = "pièce") -> [[TextRun]] {
        caseFile.letters.enumerated().sorted { $0.element.sentOn < $1.element.sentOn }.map { i, letter in
            var text = DraftContext.letterDesignation(letter)
            if let number = pieceNumber(ofLetter: i) { text += " ; \(pieceWord) n° \(number)" }
            return [TextRun(text + ".")]
        }
    }

    /// A free text as paragraphs (one per non-empty line).
    static func paragraphs(_ text: String) -> [DocumentBlock] {
        text.split(whereSeparator: \.isNewline).map { String($0).trimmingASCIIWhitespace() }.filter { !$0.isEmpty }
            .map { .paragraph([TextRun($0)]) }
    }

    /// One notice per piece the person must add by hand: no file, or a PDF (which a document cannot
    /// reproduce: its page says it is filed alongside).
    var manualPieceNotices: [String] {
        pieces.compactMap { piece in
            switch piece.content {
            case nil:
                return "Pièce n° \(piece.number) (\(piece.designation)) : aucun fichier dans le dossier ; joignez-en "
                    + "une copie."
            case .pdf?:
                return "Pièce n° \(piece.number) (\(piece.designation)) : c'est un PDF, que le document ne peut pas "
                    + "reproduire ; joignez le fichier \(piece.file ?? "") à part (sur Télérecours citoyens, comme "
                    + "pièce distincte) ou une copie imprimée."
            default:
                return nil
            }
        }
    }

    // MARK: - French helpers

    /// « a », « a et b », « a, b et c ».
    static func list(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        if items.count == 1 { return last }
        return items.dropLast().joined(separator: ", ") + " et " + last
    }

    static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    static func lowercasedFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.lowercased() + text.dropFirst()
    }

    /// A note in quotation marks, on one line; a note that holds quotation marks itself is introduced
    /// instead (« note : … »), to avoid nested guillemets.
    static func quotedNote(_ note: String) -> String {
        let line = oneLine(note)
        return line.contains("«") || line.contains("\"") ? "note : " + line : "« " + line + " »"
    }

    /// « Lettre recommandée avec accusé de réception du 12 octobre 2026 (n° 1A 000 000 0002 6) ».
    static func letterDesignation(_ letter: Letter) -> String {
        var text = capitalized(letter.kind.frenchLabel) + " du " + letter.sentOn.frenchDate
        if let reference = letter.reference {
            text +=
                " (" + referenceLabel(letter.kind)
                + (letter.kind == .courriel ? " : « \(reference) »" : " \(reference)")
                + ")"
        }
        return text
    }

    /// What a letter's reference is: a registered-mail number, an e-mail subject, a receipt.
    static func referenceLabel(_ kind: LetterKind) -> String {
        switch kind {
        case .lrar: return "n°"
        case .courriel: return "objet"
        case .depot: return "récépissé"
        }
    }

    /// A free text on one line (new lines become spaces).
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isNewline || $0 == "\t" }).map(String.init)
            .joined(separator: " ")
    }
}

extension DocumentKind {
    /// Whether the document's exhibits start with the case file's supporting documents.
    var attachesSupportingDocuments: Bool {
        switch self {
        case .refereMesuresUtiles, .refereANEFBloque, .recoursPrealable, .reclamationCAF, .lettreEmployeurMOE: return true
        case .lettrePrefecture, .saisineDefenseurDesDroits: return false
        }
    }

    /// Whether the captures of failed attempts are attached (every attempt's for a requête).
    var attachesCaptures: Bool {
        switch self {
        case .refereMesuresUtiles, .refereANEFBloque, .lettrePrefecture, .saisineDefenseurDesDroits,
            .lettreEmployeurMOE:
            return true
        case .recoursPrealable, .reclamationCAF: return false
        }
    }

    /// Whether copies of the letters sent are attached.
    var attachesLetters: Bool {
        switch self {
        case .refereMesuresUtiles, .refereANEFBloque, .saisineDefenseurDesDroits: return true
        case .lettrePrefecture, .recoursPrealable, .reclamationCAF, .lettreEmployeurMOE: return false
        }
    }
}
