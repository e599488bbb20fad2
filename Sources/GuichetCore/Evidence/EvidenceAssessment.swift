/// An attempt with where it sits in the journal and when it happened on the local wall clock.
struct DatedAttempt: Sendable {
    /// Index in `caseFile.attempts`.
    let index: Int
    let attempt: Attempt
    /// Wall clock in the département's civil time.
    let local: LocalDateTime

    var date: LocalDate { local.date }
}

extension CaseFile {
    /// Every attempt with its local reading, in chronological order (journal order for equal instants).
    var datedAttempts: [DatedAttempt] {
        let zone = timeZone
        return attempts.enumerated()
            .map { DatedAttempt(index: $0.offset, attempt: $0.element, local: $0.element.at.wallClock(in: zone)) }
            .sorted { lhs, rhs in
                lhs.attempt.at.utcSeconds != rhs.attempt.at.utcSeconds
                    ? lhs.attempt.at.utcSeconds < rhs.attempt.at.utcSeconds : lhs.index < rhs.index
            }
    }

    /// The day of the first appointment obtained after the last failed attempt, if any.
    var appointmentAfterFailures: (index: Int, date: LocalDate)? {
        let dated = datedAttempts
        guard let lastFailure = dated.lastIndex(where: { $0.attempt.isFailure }) else {
            return dated.first { !$0.attempt.isFailure }.map { ($0.index, $0.date) }
        }
        return dated[(lastFailure + 1)...].first { !$0.attempt.isFailure }.map { ($0.index, $0.date) }
    }
}

/// The counts and texts behind an ``EvidenceReport``.
struct EvidenceAssessment {
    let caseFile: CaseFile
    let rule: EvidenceRule
    let failures: [DatedAttempt]
    let spanDays: Int
    let isoWeeks: Int
    let distinctDays: Int
    let writtenRequests: Int
    let capturedFailures: Int

    init(caseFile: CaseFile, rule: EvidenceRule) {
        self.caseFile = caseFile
        self.rule = rule
        let failures = caseFile.datedAttempts.filter { $0.attempt.isFailure }
        self.failures = failures
        if let first = failures.map(\.date).min(), let last = failures.map(\.date).max() {
            spanDays = first.days(until: last)
        } else {
            spanDays = 0
        }
        isoWeeks = Set(failures.map { $0.date.isoWeek.year * 100 + $0.date.isoWeek.week }).count
        distinctDays = Set(failures.map(\.date)).count
        writtenRequests = caseFile.letters.count + failures.filter { $0.attempt.channel == .courriel }.count
        capturedFailures = failures.filter { $0.attempt.capture != nil }.count
    }

    var firstDate: LocalDate? { failures.map(\.date).min() }
    var lastDate: LocalDate? { failures.map(\.date).max() }

    /// Which thresholds of `level` are not met (empty when the level is reached).
    func shortfalls(for level: EvidenceRule.Level) -> [Shortfall] {
        var missing: [Shortfall] = []
        if failures.count < level.minimumFailedAttempts { missing.append(.attempts(level.minimumFailedAttempts)) }
        if spanDays < level.minimumSpanDays { missing.append(.span(level.minimumSpanDays)) }
        if isoWeeks < level.minimumISOWeeks { missing.append(.weeks(level.minimumISOWeeks)) }
        if level.requiresWrittenRequest, writtenRequests == 0 { missing.append(.writtenRequest) }
        return missing
    }

    enum Shortfall: Equatable {
        case attempts(Int)
        case span(Int)
        case weeks(Int)
        case writtenRequest
    }

    var verdict: EvidenceVerdict {
        rule.levels.last { shortfalls(for: $0).isEmpty }?.verdict ?? .insuffisant
    }

    func report() -> EvidenceReport {
        let verdict = self.verdict
        let appointment = caseFile.appointmentAfterFailures.map(\.date)
        return EvidenceReport(
            verdict: verdict, failedAttempts: failures.count, spanDays: spanDays, isoWeeks: isoWeeks,
            distinctDays: distinctDays, firstFailure: firstDate, lastFailure: lastDate,
            writtenRequests: writtenRequests, capturedFailures: capturedFailures,
            appointmentObtained: failures.isEmpty ? nil : appointment, timeZone: caseFile.timeZone.identifier,
            reasons: reasons(verdict: verdict, appointment: failures.isEmpty ? nil : appointment),
            advice: advice(verdict: verdict, appointment: failures.isEmpty ? nil : appointment), source: rule.source)
    }

    // MARK: - Reasons

    private func reasons(verdict: EvidenceVerdict, appointment: LocalDate?) -> [String] {
        var reasons: [String] = []
        if let appointment {
            reasons.append("Un rendez-vous a été obtenu le \(appointment.frenchDate) : le référé n'a plus d'objet.")
        }
        reasons.append(summary)
        switch verdict {
        case .insuffisant:
            if failures.count < 3 {
                reasons.append(
                    "Moins de trois tentatives infructueuses : le juge demande plusieurs tentatives restées vaines "
                        + "(CE, 10 juin 2020, n° 435594).")
            }
            if failures.count >= 2, spanDays <= 7 {
                reasons.append(
                    "Les tentatives tiennent en \(Plural.days(spanDays)), pas plus d'une semaine : le Conseil d'État "
                        + "a écarté un dossier dont les tentatives allaient du vendredi 13 au mercredi 18 septembre "
                        + "2019 ; il faut plus de 7 jours entre la première et la dernière (CE, 10 juin 2020, "
                        + "n° 435594).")
            }
        case .recevable:
            reasons.append(
                "Au moins trois tentatives infructueuses sur plus de 7 jours et au moins deux semaines différentes : "
                    + "le minimum exigé par le Conseil d'État est atteint (CE, 10 juin 2020, n° 435594 ; CE, 9 juin "
                    + "2022, n° 453391).")
            if let solide = rule.levels.last {
                let missing = shortfalls(for: solide).map(describe)
                if !missing.isEmpty {
                    reasons.append("Pas encore « solide » : " + missing.joined(separator: " ; ") + ".")
                }
            }
        case .solide:
            reasons.append(
                "Au moins six tentatives infructueuses sur au moins 21 jours et trois semaines différentes, avec une "
                    + "demande écrite à la préfecture : des tribunaux ont ordonné un rendez-vous sur des dossiers de "
                    + "ce type (TA Cergy-Pontoise, 2 novembre 2020, n° 2010725 ; TA Paris, 3 novembre 2020, "
                    + "n° 2016798/9).")
        }
        reasons.append(writtenRequestSummary)
        if let between = appointmentBetweenFailures {
            reasons.append(
                "Un rendez-vous obtenu le \(between.frenchDate) est suivi d'autres tentatives infructueuses : "
                    + "expliquez dans la note de la tentative pourquoi il n'a pas permis de déposer la demande.")
        }
        return reasons
    }

    private var summary: String {
        guard let first = firstDate, let last = lastDate else {
            return "Aucune tentative infructueuse n'est enregistrée."
        }
        if failures.count == 1 {
            return "Une seule tentative infructueuse, le \(first.frenchLongDate)."
        }
        return "\(failures.count) tentatives infructueuses du \(first.frenchLongDate) au \(last.frenchLongDate) "
            + "(\(Plural.days(spanDays)) d'écart), sur \(Plural.count(isoWeeks, "semaine")) (ISO) et "
            + "\(Plural.count(distinctDays, "jour")) différent\(distinctDays > 1 ? "s" : "")."
    }

    private var writtenRequestSummary: String {
        let requests =
            caseFile.letters.map { ($0.sentOn, "\($0.kind.frenchLabel) du \($0.sentOn.frenchDate)") }
            + failures.filter { $0.attempt.channel == .courriel }.map { ($0.date, "courriel du \($0.date.frenchDate)") }
        let items = requests.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }
            .map(\.element.1)
        guard !items.isEmpty else {
            return "Aucune demande écrite (lettre ou courriel) à la préfecture n'est enregistrée."
        }
        return "Demande\(items.count > 1 ? "s" : "") écrite\(items.count > 1 ? "s" : "") à la préfecture : "
            + items.joined(separator: ", ") + "."
    }

    private var appointmentBetweenFailures: LocalDate? {
        let dated = caseFile.datedAttempts
        guard let lastFailure = dated.lastIndex(where: { $0.attempt.isFailure }) else { return nil }
        return dated[..<lastFailure].first { !$0.attempt.isFailure }?.date
    }

    private func describe(_ shortfall: Shortfall) -> String {
        switch shortfall {
        case .attempts(let minimum):
            return "moins de \(FrenchNumber.words(minimum, feminine: true)) tentatives (\(failures.count))"
        case .span(let minimum): return "moins de \(minimum) jours entre la première et la dernière (\(spanDays))"
        case .weeks(let minimum):
            return "moins de \(FrenchNumber.words(minimum, feminine: true)) semaines différentes (\(isoWeeks))"
        case .writtenRequest: return "aucune demande écrite à la préfecture"
        }
    }

    // MARK: - Advice

    private func advice(verdict: EvidenceVerdict, appointment: LocalDate?) -> [String] {
        var advice: [String] = []
        if appointment != nil {
            advice.append(
                "Si ce rendez-vous a été annulé ou ne permet pas de déposer la demande, notez-le dans la tentative "
                    + "(champ « note ») ; sinon, présentez-vous au rendez-vous avec un dossier complet.")
        }
        if failures.count < 3 {
            let missing = 3 - failures.count
            advice.append(
                "Faites encore au moins \(Plural.count(missing, "tentative")), à des jours différents, et notez "
                    + "chacune dans le journal.")
        }
        if let first = firstDate, spanDays < 8 {
            advice.append(
                "Continuez les tentatives au moins jusqu'au \(first.adding(days: 8).frenchLongDate) : il faut plus "
                    + "de 7 jours entre la première et la dernière.")
        }
        if verdict < .solide {
            if failures.count < 6 {
                advice.append(
                    "Pour un dossier solide, portez le nombre de tentatives infructueuses à six au moins (il en "
                        + "manque \(6 - failures.count)).")
            }
            if let first = firstDate, spanDays < 21 {
                advice.append(
                    "Étalez les tentatives sur au moins trois semaines : continuez jusqu'au "
                        + "\(first.adding(days: 21).frenchLongDate) au moins.")
            }
            if isoWeeks < 3 {
                advice.append(
                    "Répartissez les tentatives sur au moins trois semaines différentes, du lundi au dimanche "
                        + "(\(Plural.count(isoWeeks, "semaine")) pour l'instant).")
            }
            if writtenRequests == 0 {
                advice.append(
                    "Écrivez à la préfecture, par courriel et par lettre recommandée avec accusé de réception, pour "
                        + "demander un rendez-vous ou un autre moyen de déposer votre demande, et gardez les preuves "
                        + "d'envoi : le document « lettre-prefecture » la prépare à partir de ce dossier.")
            }
            if distinctDays < failures.count {
                advice.append(
                    "Plusieurs tentatives le même jour comptent peu : les juges regardent aussi le nombre de jours "
                        + "différents (\(distinctDays) pour \(failures.count) tentatives).")
            }
        }
        let uncaptured = failures.count - capturedFailures
        if uncaptured > 0 {
            advice.append(
                "\(Plural.count(uncaptured, "tentative")) sans capture d'écran : à chaque essai, capturez la page "
                    + "entière avec la date et l'heure visibles (l'horloge de l'ordinateur), de préférence sur un "
                    + "ordinateur, et joignez le fichier à la tentative.")
        }
        let periods = Set(failures.map { DayPeriod($0.local.time) })
        if failures.count >= 2, periods.count == 1, let period = periods.first {
            advice.append(
                "Toutes les tentatives ont eu lieu \(period.french) : essayez aussi à d'autres moments de la "
                    + "journée (tôt le matin, à midi, le soir) pour montrer qu'aucun créneau n'est jamais proposé.")
        }
        if caseFile.attempts.contains(where: { $0.channel == .anef }) {
            advice.append(
                "Démarche sur l'ANEF : contactez aussi le centre de contact citoyens de l'ANTS puis le point "
                    + "d'accueil numérique de la préfecture, et gardez-en la trace (numéro de ticket, date) ; "
                    + "l'accompagnement prévu par l'article R.431-2 du CESEDA et l'arrêté du 1er août 2023 doit "
                    + "avoir été tenté.")
        }
        if !caseFile.procedure.isUrgencyPresumed, caseFile.circumstances == nil {
            advice.append(
                "Hors renouvellement, l'urgence n'est pas présumée : décrivez votre situation (emploi, droits "
                    + "sociaux, famille, santé) dans « circumstances » et gardez-en les preuves (CE, 9 juin 2022, "
                    + "n° 453391).")
        }
        if caseFile.procedure == .renouvellementTitre, caseFile.permitExpiry == nil {
            advice.append(
                "Indiquez la date d'expiration de votre titre de séjour (« permitExpiry ») : l'urgence d'un "
                    + "renouvellement s'apprécie à partir d'elle.")
        }
        return advice
    }
}

/// Parts of the day, to advise trying at several times.
enum DayPeriod: Hashable {
    case night, morning, afternoon, evening

    init(_ time: LocalTime) {
        switch time.hour {
        case 0..<6: self = .night
        case 6..<12: self = .morning
        case 12..<18: self = .afternoon
        default: self = .evening
        }
    }

    var french: String {
        switch self {
        case .night: return "la nuit"
        case .morning: return "le matin"
        case .afternoon: return "l'après-midi"
        case .evening: return "le soir"
        }
    }
}

/// « 1 jour », « 6 jours », « une semaine ».
enum Plural {
    /// « 0 jour », « 1 jour », « 5 jours ».
    static func days(_ n: Int) -> String { "\(n) jour" + (n > 1 ? "s" : "") }

    /// « 1 semaine », « 3 semaines » (digits, French plural from 2).
    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)" + (n > 1 ? "s" : "") }
}
