internal import Hummingbird
internal import Foundation
internal import GuichetCore
internal import GuichetViews

/// The deadline calculator: `/delais` (form and result) and `/delais/echeance.ics` (the same result as
/// an iCalendar file). Both are GET: the address of a result can be kept and shared; nothing is stored.
struct DeadlineRoutes: Sendable {
    /// The current instant, for the calendar's DTSTAMP (injected: tests fix it).
    let now: @Sendable () -> Date
    /// Rendered pages of valid forms: a result depends only on the validated fields and the language.
    var cache: PageCache? = nil

    func register(on router: Router<AppRequestContext>) {
        router.get("/delais") { request, context in try await self.page(request, context) }
        router.get("/delais/echeance.ics") { request, _ in try self.calendar(request) }
    }

    /// The form's fields from the query string (long values are cut: no field needs more than 40 characters).
    static func form(_ request: Request) -> DeadlinePage.Form {
        func value(_ name: String) -> String {
            String((request.uri.queryParameters.get(name) ?? "").prefix(40)).trimmingCharacters(in: .whitespaces)
        }
        return DeadlinePage.Form(
            rule: value("regle"), date: value("date"), time: value("heure"), department: value("departement"),
            distance: value("distance"))
    }

    /// Validates every field and computes the deadline, or lists each problem by field.
    static func compute(_ form: inout DeadlinePage.Form) -> DeadlineResult? {
        var errors: [DeadlinePage.FieldError] = []
        let rule = DeadlineRule.named(form.rule)
        if rule == nil { errors.append(.init(field: "regle", message: .errorRule)) }
        if LocalDate(iso: form.date) == nil { errors.append(.init(field: "date", message: .errorDate)) }
        if !form.time.isEmpty && LocalTime(iso: form.time) == nil {
            errors.append(.init(field: "heure", message: .errorTime))
        } else if form.time.isEmpty, rule?.needsTime == true {
            errors.append(.init(field: "heure", message: .errorMissingTime))
        }
        if !form.department.isEmpty && Department.lookup(form.department) == nil {
            errors.append(.init(field: "departement", message: .errorDepartment))
        }
        if !["", "outre-mer", "etranger"].contains(form.distance) {
            errors.append(.init(field: "distance", message: .errorDistance))
        }
        guard errors.isEmpty else {
            form.errors = errors
            return nil
        }
        do {
            let request = try DeadlineRequest.parse(
                rule: form.rule, date: form.date, time: form.time.isEmpty ? nil : form.time, department: form.department,
                overseas: form.distance == "outre-mer", abroad: form.distance == "etranger")
            return try DeadlineEngine.compute(request)
        } catch {
            switch error {
            case .dateOutOfRange: form.errors = [.init(field: "date", message: .errorDateRange)]
            case .missingTime, .invalidTime: form.errors = [.init(field: "heure", message: .errorMissingTime)]
            case .invalidDepartment: form.errors = [.init(field: "departement", message: .errorDepartment)]
            case .conflictingDistance: form.errors = [.init(field: "distance", message: .errorDistance)]
            case .unknownRule: form.errors = [.init(field: "regle", message: .errorRule)]
            case .invalidDate: form.errors = [.init(field: "date", message: .errorDate)]
            }
            return nil
        }
    }

    /// Rules whose result is challenged before an administrative court: the page names that court.
    static func court(for result: DeadlineResult, form: DeadlinePage.Form) -> CourtAssignment? {
        if result.rule.hasPrefix("visa") || result.rule == "silence-crrv" {
            return Court.forVisaRefusal(department: Department.lookup(form.department))
        }
        guard let department = Department.lookup(form.department),
            ["recours-contentieux", "silence-titre-sejour", "oqtf-1-mois", "oqtf-7-jours", "oqtf-48h"].contains(result.rule)
        else { return nil }
        return Court.for(department: department)
    }

    static func query(_ form: DeadlinePage.Form) -> String {
        [("regle", form.rule), ("date", form.date), ("heure", form.time), ("departement", form.department), ("distance", form.distance)]
            .filter { !$0.1.isEmpty }.map { "\($0.0)=\(percentEncode($0.1))" }.joined(separator: "&")
    }

    func page(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let reader = ReaderLanguage(request)
        var form = Self.form(request)
        let result = form.isEmpty || request.uri.queryParameters.get("regle") == nil ? nil : Self.compute(&form)
        // A visit with only a chosen rule (links from sections) preselects it without complaining.
        if result == nil, !form.isEmpty, form.date.isEmpty, form.time.isEmpty, DeadlineRule.named(form.rule) != nil {
            form.errors = []
        }
        let query = Self.query(form)
        let render: @Sendable () -> String = { [form] in
            DeadlinePage.render(
                form: form, result: result, court: result.map { Self.court(for: $0, form: form) } ?? nil,
                calendarPath: result == nil ? nil : "/delais/echeance.ics?" + query,
                context: reader.context(path: "/delais" + (query.isEmpty ? "" : "?" + query), updated: nil))
        }
        // Valid forms are cached under their normalized fields (each cut to 40 characters, the cache is capped).
        if form.errors.isEmpty, let cache,
            let entry = try await cache.value("delais|\(query)|\(reader.key)", contentType: ContentType.html, render: render)
        {
            return cache.response(entry, to: request, context: context)
        }
        let html = render()
        var response = Response.text(html, status: form.errors.isEmpty ? .ok : .unprocessableContent,
            contentType: ContentType.html, cacheControl: "no-store")
        response.headers[.vary] = "Accept-Language"
        return response
    }

    func calendar(_ request: Request) throws -> Response {
        var form = Self.form(request)
        guard let result = Self.compute(&form) else { throw HTTPError(.notFound) }
        let stamp = Self.stamp(now())
        let text = ICalendar.render(ICalendar.events(for: result, uidSuffix: result.department.code), stamp: stamp)
        var response = Response.text(text, contentType: "text/calendar; charset=utf-8", cacheControl: "no-store")
        response.headers[.contentDisposition] = "attachment; filename=\"delai-\(result.rule).ics\""
        return response
    }

    /// `YYYYMMDDTHHMMSSZ` for an instant.
    static func stamp(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let day = LocalDate(daysSinceEpoch: Int((Double(seconds) / 86_400).rounded(.down)))
        let rest = seconds - day.daysSinceEpoch * 86_400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return day.iso.filter { $0 != "-" } + "T" + two(rest / 3600) + two(rest % 3600 / 60) + two(rest % 60) + "Z"
    }
}
