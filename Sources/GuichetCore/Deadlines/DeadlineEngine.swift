/// Computes every ``DeadlineRule`` with the conventions of law.md §3.1; told the date, never reads a clock.
///
/// Conventions (docs/deadlines.md has the sources):
/// - months: nominal end = same day of month N months after the triggering date, or the last day of
///   that month when it has no such day;
/// - days: nominal end = triggering date + N days (the triggering day is not counted);
/// - délai franc: the last day to act is the day after the nominal end;
/// - a last day on a Saturday, Sunday or national holiday moves to the next working day when the rule
///   says so; a local holiday (Alsace-Moselle, overseas) only raises a warning (law.md §3.8);
/// - hours: same wall-clock time N/24 days later (N mod 24 hours added to the clock), never moved; a
///   summer-time change inside the period is explained, and the autumn one (one more real hour) warned;
/// - windows: dates counted back from the triggering date, never moved.
public enum DeadlineEngine {
    /// Years the calendar is checked for (Easter, holidays, summer time).
    public static let supportedYears = 1990...2100

    /// Computes a request, with the rules that follow from it.
    public static func compute(_ request: DeadlineRequest) throws(DeadlineError) -> DeadlineResult {
        guard let rule = DeadlineRule.named(request.ruleID) else { throw .unknownRule(request.ruleID) }
        return try compute(
            rule: rule, date: request.date, time: request.time, department: request.department,
            distance: request.distance, triggerStep: nil, linkNotes: [])
    }

    // MARK: - One rule

    private static func compute(
        rule: DeadlineRule, date: LocalDate, time: LocalTime?, department: Department?,
        distance: DistanceExtension, triggerStep: String?, linkNotes: [String]
    ) throws(DeadlineError) -> DeadlineResult {
        guard supportedYears.contains(date.year) else { throw .dateOutOfRange(date) }
        if rule.needsTime && time == nil { throw .missingTime(rule: rule.id) }

        var steps: [String] = []
        var warnings: [String] = []
        if !rule.source.isVerified {
            warnings.append("Règle non vérifiée : " + (rule.source.caveat ?? "la source n'a pas été confirmée."))
        } else if let caveat = rule.source.caveat {
            warnings.append("À vérifier : " + caveat)
        }

        // Which calendar.
        let fixed = rule.calendarDepartmentCode.flatMap { Department.lookup($0) }
        let calendar = fixed ?? department ?? .paris
        let triggerText =
            rule.needsTime
            ? date.frenchLongDate + " à " + (time ?? .midnight).french : date.frenchLongDate
        steps.append((triggerStep ?? rule.triggerStep).replacing("{date}", with: triggerText))
        steps += rule.explanation
        if let fixed, fixed != department, let reason = rule.calendarReason {
            steps.append("Jours fériés pris en compte : ceux du département \(fixed.code) (\(fixed.name)), \(reason).")
        } else if fixed == nil, department == nil, rule.movesToWorkingDay {
            steps.append(
                "Aucun département indiqué : seuls les samedis, dimanches et jours fériés nationaux sont pris en compte."
            )
        }

        // Distance extension (R.421-7 CJA).
        var extraMonths = 0
        if distance != .none {
            if rule.acceptsDistanceExtension {
                extraMonths = distance.months
                steps.append(
                    distance == .abroad
                        ? "Vous résidez à l'étranger : le délai est augmenté de deux mois (art. R.421-7 CJA)."
                        : "Vous résidez outre-mer (ou en métropole devant un tribunal d'outre-mer) : le délai est "
                            + "augmenté d'un mois (art. R.421-7 CJA).")
            } else {
                warnings.append(
                    "Le délai de distance (art. R.421-7 CJA) ne s'applique pas à ce délai : il n'a pas été ajouté.")
            }
        }
        if time != nil && !rule.needsTime {
            warnings.append("L'heure indiquée n'est pas utilisée : ce délai se compte en jours.")
        }

        var deadline = date
        var deadlineTime: LocalTime?
        var opens: LocalDate?
        var closes: LocalDate?

        switch rule.counting {
        case .months(let base):
            let n = base + extraMonths
            let nominal = date.adding(months: n)
            steps.append(
                "Le délai \(of("\(FrenchNumber.words(n)) mois")) se compte de date à date à partir du \(date.frenchDate)."
            )
            if nominal.day != date.day {
                steps.append(
                    "Le mois de \(nominal.frenchMonth) \(nominal.year) n'a pas de \(date.day) : le délai se termine "
                        + "le dernier jour de ce mois.")
            }
            deadline = finish(
                rule: rule, nominal: nominal, period: "\(FrenchNumber.words(n)) mois",
                calendar: calendar, steps: &steps, warnings: &warnings)
            if let earlier = monthEndAlternative(rule: rule, date: date, months: n, calendar: calendar),
                earlier < deadline
            {
                warnings.append(
                    "Par prudence : en comptant les \(FrenchNumber.words(n)) mois à partir du lendemain de la "
                        + "notification, comme le font certains praticiens, le dernier jour serait le "
                        + "\(earlier.frenchLongDate). Agissez au plus tard ce jour-là.")
            }
        case .days(let n):
            let nominal = date.adding(days: n)
            steps.append(
                "Le jour de départ ne compte pas : le délai \(of("\(FrenchNumber.words(n)) \(n > 1 ? "jours" : "jour")")) "
                    + "court à partir du \(date.adding(days: 1).frenchLongDate).")
            deadline = finish(
                rule: rule, nominal: nominal, period: "\(FrenchNumber.words(n)) \(n > 1 ? "jours" : "jour")",
                calendar: calendar, steps: &steps, warnings: &warnings)
        case .dayBeforeMonths(let n):
            let anniversary = date.adding(months: n)
            steps.append(
                "La date anniversaire, \(FrenchNumber.words(n)) mois après le \(date.frenchDate), est le "
                    + "\(anniversary.frenchLongDate).")
            if anniversary.day != date.day {
                steps.append(
                    "Le mois de \(anniversary.frenchMonth) \(anniversary.year) n'a pas de \(date.day) : la date "
                        + "anniversaire retenue est le dernier jour de ce mois.")
            }
            steps.append("Il faut agir avant la date anniversaire, donc au plus tard la veille.")
            deadline = finish(
                rule: rule, nominal: anniversary.adding(days: -1), period: "\(FrenchNumber.words(n)) mois",
                calendar: calendar, steps: &steps, warnings: &warnings)
        case .hours(let n):
            let end = hours(
                n, from: LocalDateTime(date: date, time: time ?? .midnight), zone: calendar,
                steps: &steps, warnings: &warnings, convention: rule.convention)
            deadline = end.date
            deadlineTime = end.time
        case .window(let openEdge, let closeEdge):
            let first = date.before(openEdge)
            let last = date.before(closeEdge)
            opens = first
            closes = last
            deadline = last
            steps.append("Ouverture de la période de dépôt : le \(first.frenchLongDate) (\(openEdge.french)).")
            steps.append("Fin de la période de dépôt : le \(last.frenchLongDate) (\(closeEdge.french)).")
            steps.append(
                "Ces dates ne sont pas reportées lorsqu'elles tombent un samedi, un dimanche ou un jour férié.")
            if !LegalCalendar.isWorkingDay(last, department: calendar) {
                warnings.append(
                    "Le \(last.frenchDate) est \(nonWorkingDescription(last, calendar)) : la période de dépôt "
                        + "n'est pas prolongée, déposez votre demande avant.")
            }
        }

        for milestone in rule.milestones {
            steps.append(milestone.text.replacing("{date}", with: date.adding(days: milestone.days).frenchLongDate))
        }
        warnings += rule.notes + linkNotes

        var next: [DeadlineResult] = []
        for link in rule.next {
            guard let nextRule = DeadlineRule.named(link.ruleID) else { continue }
            var notes = link.notes
            if distance != .none && !link.keepsDistance && nextRule.acceptsDistanceExtension {
                notes.append("Le délai de distance demandé n'a pas été ajouté à ce délai.")
            }
            next.append(
                try compute(
                    rule: nextRule, date: deadline, time: nil,
                    department: link.departmentCode.flatMap { Department.lookup($0) } ?? department,
                    distance: link.keepsDistance ? distance : .none, triggerStep: link.triggerStep, linkNotes: notes))
        }

        return DeadlineResult(
            rule: rule.id, label: rule.label, outcome: rule.outcome, date: date, startTime: rule.needsTime ? time : nil,
            department: calendar, deadline: deadline, time: deadlineTime, opens: opens, closes: closes, next: next,
            steps: steps, warnings: warnings, source: rule.source)
    }

    // MARK: - Day and month periods

    /// From the nominal end to the main date: event, franc day, carry-over, local-holiday warning.
    private static func finish(
        rule: DeadlineRule, nominal: LocalDate, period: String, calendar: Department, steps: inout [String],
        warnings: inout [String]
    ) -> LocalDate {
        steps.append("Le délai \(of(period)) se termine le \(nominal.frenchLongDate).")
        if case .event(let meaning) = rule.outcome {
            steps.append(meaning)
            if let convention = rule.convention { steps.append(convention) }
            return nominal
        }
        if let convention = rule.convention { steps.append(convention) }
        let last = rule.isFranc ? nominal.adding(days: 1) : nominal
        steps.append(
            rule.isFranc
                ? "Délai franc : le dernier jour utile est le \(last.frenchLongDate)."
                : "Le délai n'est pas franc : le dernier jour utile est le \(last.frenchLongDate).")
        guard rule.movesToWorkingDay else {
            if !LegalCalendar.isWorkingDay(last, department: calendar) {
                warnings.append(
                    "Le \(last.frenchDate) est \(nonWorkingDescription(last, calendar)) : ce délai n'est pas "
                        + "reporté au jour ouvrable suivant, agissez avant.")
            }
            return last
        }
        let final = LegalCalendar.nextWorkingDay(onOrAfter: last, department: calendar, including: .nationalOnly)
        if final != last {
            var skipped: [LocalDate] = []
            var day = last
            while day < final {
                skipped.append(day)
                day = day.adding(days: 1)
            }
            let described = skipped.map {
                "le \($0.frenchDate) est \(nonWorkingDescription($0, calendar, including: .nationalOnly))"
            }
            let sentence =
                described.count == 1
                ? described[0] + " : la date limite est reportée au \(final.frenchLongDate)."
                : described.joined(separator: ", ")
                    + " : la date limite est reportée au premier jour ouvrable suivant, le \(final.frenchLongDate)."
            steps.append(sentence.capitalizedFirst)
        }
        let local = LegalCalendar.holidays(on: final, department: calendar).filter(\.isLocal)
        if let holiday = local.first {
            let extended = LegalCalendar.nextWorkingDay(onOrAfter: final, department: calendar)
            warnings.append(
                "Le \(final.frenchLongDate) est un jour férié local (\(holiday.name)). On ne sait pas si le tribunal "
                    + "reporte la date limite pour un jour férié local : par prudence, la date limite retenue reste "
                    + "le \(final.frenchDate) (avec ce report, elle serait le \(extended.frenchLongDate)).")
        }
        return final
    }

    /// The last day of a franc month period counted the other way law.md §3.1 describes (from the day
    /// after the triggering date, same day of month N months later); differs only around month ends.
    private static func monthEndAlternative(
        rule: DeadlineRule, date: LocalDate, months n: Int, calendar: Department
    ) -> LocalDate? {
        guard rule.isFranc, case .actBy = rule.outcome else { return nil }
        let last = date.adding(days: 1).adding(months: n)
        return rule.movesToWorkingDay
            ? LegalCalendar.nextWorkingDay(onOrAfter: last, department: calendar, including: .nationalOnly) : last
    }

    /// « un samedi », « un dimanche et un jour férié (Noël) », « un jour férié (Ascension) ».
    private static func nonWorkingDescription(
        _ day: LocalDate, _ calendar: Department, including inclusion: HolidayInclusion = .all
    ) -> String {
        let names = LegalCalendar.holidays(on: day, department: calendar, including: inclusion).map(\.name)
        let holiday = names.isEmpty ? nil : "un jour férié (\(names.joined(separator: ", ")))"
        let weekday = day.isWeekend ? "un \(day.frenchWeekday)" : nil
        return [weekday, holiday].compactMap { $0 }.joined(separator: " et ")
    }

    // MARK: - Hours

    /// Same wall-clock time N/24 days later; explains summer-time changes (law.md §3.1: hour to hour).
    private static func hours(
        _ n: Int, from start: LocalDateTime, zone calendar: Department, steps: inout [String],
        warnings: inout [String], convention: String?
    ) -> LocalDateTime {
        let zone = calendar.timeZone
        let clockName = calendar.isOverseas ? "heure locale (\(calendar.name))" : "heure de Paris"
        switch zone.reading(start) {
        case .skipped:
            warnings.append(
                "L'heure indiquée n'existe pas ce jour-là (passage à l'heure d'été) : vérifiez l'heure de la notification."
            )
        case .repeated:
            warnings.append(
                "L'heure indiquée existe deux fois ce jour-là (passage à l'heure d'hiver) : la première a été retenue.")
        case .unique:
            break
        }
        if let convention { steps.append(convention) }
        let raw = start.adding(minutes: n * 60)
        let end = zone.normalized(raw)
        let days = n / 24
        let rest = n % 24
        let sameClock =
            rest == 0
            ? "à la même heure, \(FrenchNumber.words(days)) \(days > 1 ? "jours" : "jour") plus tard"
            : "\(FrenchNumber.words(n, feminine: true)) heures d'horloge plus tard"
        steps.append(
            "Le délai \(of("\(FrenchNumber.words(n, feminine: true)) \(n > 1 ? "heures" : "heure")")) expire le \(raw.date.frenchLongDate) "
                + "à \(raw.time.french) (\(sameClock), \(clockName)).")
        if end != raw {
            steps.append(
                "Cette heure n'existe pas ce jour-là (passage à l'heure d'été) : l'échéance est fixée à \(end.time.french)."
            )
        }
        let elapsed = zone.utcMinutes(end) - zone.utcMinutes(start)
        if elapsed < n * 60 {
            steps.append(
                "Le passage à l'heure d'été pendant le délai le raccourcit : il ne s'écoule que "
                    + "\(hoursText(elapsed)) réelles. L'échéance reste à l'heure d'horloge indiquée.")
        } else if elapsed > n * 60 {
            let strict = zone.wallClockReading(utcMinutes: zone.utcMinutes(start) + n * 60)
            warnings.append(
                "Le passage à l'heure d'hiver pendant le délai l'allonge à \(hoursText(elapsed)) réelles. Si le "
                    + "tribunal comptait \(FrenchNumber.words(n, feminine: true)) heures réelles, l'échéance serait le "
                    + "\(strict.date.frenchLongDate) à \(strict.time.french) : par prudence, agissez avant cette heure."
            )
        }
        return end
    }

    /// « de deux mois », « d'un mois », « d'une heure ».
    private static func of(_ phrase: String) -> String {
        phrase.hasPrefix("un") ? "d'" + phrase : "de " + phrase
    }

    private static func hoursText(_ minutes: Int) -> String {
        let h = minutes / 60
        let m = minutes % 60
        return "\(FrenchNumber.words(h, feminine: true)) heures" + (m == 0 ? "" : " et \(m) minutes")
    }
}


extension LocalDate {
    /// The date `edge` before this one.
    fileprivate func before(_ edge: DeadlineRule.WindowEdge) -> LocalDate {
        switch edge {
        case .daysBefore(let n): return adding(days: -n)
        case .monthsBefore(let n): return adding(months: -n)
        }
    }
}

extension DeadlineRule.WindowEdge {
    /// « 120 jours avant l'expiration », « deux mois avant l'expiration », « jour de l'expiration ».
    fileprivate var french: String {
        switch self {
        case .daysBefore(0): return "jour de l'expiration"
        case .daysBefore(let n): return "\(n) \(n > 1 ? "jours" : "jour") avant l'expiration"
        case .monthsBefore(let n): return "\(FrenchNumber.words(n)) mois avant l'expiration"
        }
    }
}

extension String {
    /// The string with its first letter upper-cased.
    fileprivate var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
