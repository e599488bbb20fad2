internal import Hummingbird
internal import HTTPTypes
internal import NIOCore
internal import Foundation
internal import Logging
internal import GuichetCore
internal import GuichetDocuments
internal import GuichetEncryption
internal import GuichetServices
internal import GuichetStorage
internal import GuichetViews

/// The self-help paths and the private files behind them.
///
/// - `/parcours`, `/parcours/<slug>`: public pages; `POST /parcours/<slug>` creates a file and shows its code once.
/// - `/mon-dossier`: the current page of the file whose code the session cookie holds (a question, the review
///   or the result); `POST /mon-dossier` answers, goes back, changes or confirms, then redirects (303).
/// - `/mon-dossier/echeance/<id>.ics`, `/mon-dossier/document/<kind>.<pdf|docx|odt>`: the result's files.
/// - `/mon-dossier/supprimer`: confirm, then erase at once.
/// - `/reprendre[/<code>]`: the form that opens a file with its code (rate-limited per client).
/// - `/quitter`: forgets the session and leaves for a neutral site.
///
/// The code lives only in an HttpOnly, SameSite=Strict cookie with a sliding two-hour lifetime; it never
/// appears in a log. Every form carries an anti-forgery token that must match a second cookie.
struct ParcoursRoutes: Sendable {
    let interviews: [InterviewDefinition]
    let files: PrivateCaseFiles
    let limits: any RateLimitCounter
    let configuration: WebConfiguration
    let now: @Sendable () -> Date
    let logger: Logger
    /// People's reports to the observatory: the result page offers « signaler anonymement »; `nil` leaves it out.
    var reports: ObservationReports? = nil
    /// The observatory's procedure family of each interview (from its guide), when the case file's procedure says none.
    var observatoryProcedures: [String: Observatory.Procedure] = [:]

    static let codeCookie = "guichet-dossier"
    static let tokenCookie = "guichet-jeton"
    /// The session cookie's sliding lifetime.
    static let codeCookieSeconds = 7200
    /// Bodies of ordinary forms.
    static let formLimit = 64 * 1024
    /// Bodies of upload forms: one capture and the other fields.
    static let uploadLimit = PrivateCaseFiles.maximumCaptureSize + 64 * 1024

    func register(on router: Router<AppRequestContext>) {
        router.get("/parcours") { request, _ in self.list(request) }
        router.get("/parcours/:slug") { request, context in try self.intro(request, context) }
        router.post("/parcours/:slug") { request, context in try await self.start(request, context) }
        router.get("/reprendre") { request, _ in self.resumeForm(request, value: "") }
        router.get("/reprendre/:code") { request, context in
            self.resumeForm(request, value: String((context.parameters.get("code") ?? "").prefix(80)))
        }
        router.post("/reprendre") { request, context in try await self.resume(request, context) }
        router.get("/mon-dossier") { request, context in try await self.current(request, context) }
        router.post("/mon-dossier") { request, context in try await self.submit(request, context) }
        router.get("/mon-dossier/signaler") { request, _ in self.redirect(to: .myFile, reader: ReaderLanguage(request)) }
        router.post("/mon-dossier/signaler") { request, context in try await self.report(request, context) }
        router.get("/mon-dossier/echeance/:file") { request, context in try await self.calendar(request, context) }
        router.get("/mon-dossier/document/:file") { request, context in try await self.document(request, context) }
        router.get("/mon-dossier/piece/:file") { request, context in try await self.capture(request, context) }
        router.get("/mon-dossier/supprimer") { request, context in try await self.confirmDelete(request, context) }
        router.post("/mon-dossier/supprimer") { request, context in try await self.delete(request, context) }
        router.get("/quitter") { _, _ in self.quickExit() }
    }

    /// The fixed paths that take a form (POST) besides GET; without a session they answer 404 to GET.
    static let privatePaths: Set<String> = ["/reprendre", "/mon-dossier", "/mon-dossier/supprimer", "/mon-dossier/signaler"]

    /// The paths that take a form (POST) besides GET.
    @Sendable static func acceptsPost(_ path: String) -> Bool {
        if privatePaths.contains(path) { return true }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 3 && parts[1] == "parcours" && !parts[2].isEmpty
    }

    // MARK: Clock

    var unixNow: Int64 { Int64(now().timeIntervalSince1970.rounded(.down)) }

    /// Today in Paris, the day the interview's date bounds and deadlines are read from.
    var today: LocalDate {
        CivilTimeZone.europeParis.wallClockReading(utcMinutes: Int((now().timeIntervalSince1970 / 60).rounded(.down))).date
    }

    func interview(_ slug: String) -> InterviewDefinition? { interviews.first { $0.id.rawValue == slug } }

    // MARK: Public pages

    func list(_ request: Request) -> Response {
        let reader = ReaderLanguage(request)
        return html(ParcoursPages.list(interviews, context: reader.context(path: "/parcours", updated: nil)), reader: reader)
    }

    func intro(_ request: Request, _ context: AppRequestContext) throws -> Response {
        guard let slug = context.parameters.get("slug"), let interview = interview(slug) else { throw HTTPError(.notFound) }
        let reader = ReaderLanguage(request)
        return formPage(request, reader: reader) { session in
            ParcoursPages.intro(
                interview, hasOpenFile: request.cookies[Self.codeCookie] != nil, session: session,
                context: reader.context(path: "/parcours/" + slug, updated: nil))
        }
    }

    func start(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        guard let slug = context.parameters.get("slug"), let interview = interview(slug) else { throw HTTPError(.notFound) }
        var request = request
        let reader = ReaderLanguage(request)
        let form: FormFields
        switch await checkedForm(&request, limit: Self.formLimit, reader: reader) {
        case .failure(let refusal): return refusal.response
        case .success(let fields): form = fields
        }
        let created: (AccessCode, OpenedCaseFile)
        do {
            created = try await files.create(interview: slug, now: unixNow)
        } catch {
            return failure(error, reader: reader)
        }
        let (code, _) = created
        let page = ParcoursPages.code(
            code.displayText, resumeURL: configuration.baseURL + "/reprendre/" + code.displayText, interview: interview,
            context: reader.context(path: "/parcours/" + slug, updated: nil))
        var response = html(page, reader: reader)
        setCode(code, on: &response)
        return response
    }

    func resumeForm(_ request: Request, value: String) -> Response {
        let reader = ReaderLanguage(request)
        return formPage(request, reader: reader) { session in
            ParcoursPages.resume(value: value, problem: nil, session: session, context: reader.context(path: "/reprendre", updated: nil))
        }
    }

    func resume(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        var request = request
        let reader = ReaderLanguage(request)
        let form: FormFields
        switch await checkedForm(&request, limit: Self.formLimit, reader: reader) {
        case .failure(let refusal): return refusal.response
        case .success(let fields): form = fields
        }
        if let limited = await rateLimited(request, context, reader: reader) { return limited }
        let typed = String((form["code"] ?? "").prefix(120))
        let code: AccessCode
        do {
            code = try AccessCode(parsing: typed)
        } catch {
            let l = reader.context(path: "/reprendre", updated: nil).l
            let problem: String
            switch error {
            case .wrongLength(let count): problem = l(.resumeWrongLength, String(count))
            case .invalidCharacter(let position): problem = l(.resumeInvalidCharacter, String(position + 1))
            case .checksumMismatch: problem = l(.resumeMistyped)
            }
            return formPage(request, reader: reader, status: .unprocessableContent) { session in
                ParcoursPages.resume(value: typed, problem: problem, session: session, context: reader.context(path: "/reprendre", updated: nil))
            }
        }
        do {
            let file = try await files.open(code, now: unixNow)
            guard interview(file.interview) != nil else { return notFound(reader) }
            var response = redirect(to: .myFile, reader: reader)
            setCode(code, on: &response)
            return response
        } catch {
            return failure(error, reader: reader)
        }
    }

    // MARK: The private file

    /// The file the session cookie opens, or the response to give instead (the uniform 404, 429).
    func openFile(_ request: Request, _ context: AppRequestContext, reader: ReaderLanguage) async
        -> Result<(AccessCode, OpenedCaseFile, InterviewDefinition), Refusal>
    {
        guard let value = request.cookies[Self.codeCookie]?.value, let code = try? AccessCode(parsing: value) else {
            return .failure(Refusal(response: notFound(reader)))
        }
        do {
            let file = try await files.open(code, now: unixNow)
            guard let interview = interview(file.interview) else { return .failure(Refusal(response: notFound(reader))) }
            return .success((code, file, interview))
        } catch {
            if error == .notFound, let limited = await rateLimited(request, context, reader: reader) {
                return .failure(Refusal(response: limited))
            }
            return .failure(Refusal(response: failure(error, reader: reader)))
        }
    }

    /// The checked form of a POST and the file the session opens, or the response to give instead.
    func formAndFile(_ request: inout Request, _ context: AppRequestContext, limit: Int, reader: ReaderLanguage) async
        -> Result<(FormFields, AccessCode, OpenedCaseFile, InterviewDefinition), Refusal>
    {
        let form: FormFields
        switch await checkedForm(&request, limit: limit, reader: reader) {
        case .failure(let refusal): return .failure(refusal)
        case .success(let fields): form = fields
        }
        return await openFile(request, context, reader: reader).map { (form, $0.0, $0.1, $0.2) }
    }

    /// A response that replaces the page asked for.
    struct Refusal: Error {
        let response: Response
    }

    func current(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let reader = ReaderLanguage(request)
        switch await openFile(request, context, reader: reader) {
        case .failure(let refusal): return refusal.response
        case .success(let (code, file, interview)):
            let engine = InterviewEngine(definition: interview, today: today)
            let token = Self.token(request)
            let thanked = request.uri.queryParameters.get("signalement") == "merci"
            var response = await page(
                engine.action(for: file.state), file: file, interview: interview, token: token, reader: reader,
                report: thanked ? .thanks : nil)
            setToken(token, on: &response)
            setCode(code, on: &response)
            return response
        }
    }

    func page(
        _ action: InterviewAction, file: OpenedCaseFile, interview: InterviewDefinition, token: String, reader: ReaderLanguage,
        extraErrors: [UIString] = [], status: HTTPResponse.Status = .ok, report: ReportPages.Status? = nil,
        reportDraft: Observatory.ReportDraft? = nil
    ) async -> Response {
        let context = reader.context(path: "/mon-dossier", updated: nil)
        let session = ParcoursPages.Session(token: token)
        switch action {
        case .ask(let screen):
            let failed = !screen.errors.isEmpty || !extraErrors.isEmpty
            return html(
                ParcoursPages.question(screen, interview: interview, session: session, context: context, extraErrors: extraErrors),
                reader: reader, status: failed && status == .ok ? .unprocessableContent : status)
        case .review(let review):
            return html(ParcoursPages.review(review, interview: interview, session: session, context: context), reader: reader)
        case .finish(let result):
            var calendars: [String: String] = [:]
            for deadline in result.deadlines {
                calendars[deadline.id] = "/mon-dossier/echeance/\(deadline.id).ics" + (reader.isExplicit ? "?lang=\(reader.language.rawValue)" : "")
            }
            let language = reader.isExplicit ? "?lang=\(reader.language.rawValue)" : ""
            // Named with their fields, so that the person knows which answer to write in Latin letters.
            let unprintable = result.caseFile.map { caseFile in
                ((try? PrintabilityCheck.problems(in: caseFile)) ?? []).map(\.frenchMessage)
            } ?? []
            let documents = result.documents.map { offered in
                var link = ParcoursPages.DocumentLink(
                    document: offered,
                    downloads: DocumentFormat.allCases.map { format in
                        (format.rawValue.uppercased(), "/mon-dossier/document/\(offered.kind.rawValue).\(format.fileExtension)" + language)
                    })
                if offered.kind == .refereMesuresUtiles {
                    link.splitDownload = "/mon-dossier/document/\(offered.kind.rawValue).zip" + language
                }
                link.unprintable = unprintable
                return link
            }
            return html(
                ParcoursPages.result(
                    result, interview: interview, calendarLinks: calendars, documents: documents, session: session, context: context,
                    report: reportForm(result, interview: interview, token: token, reader: reader, status: report, draft: reportDraft)),
                reader: reader, status: status)
        }
    }

    func submit(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        var request = request
        let reader = ReaderLanguage(request)
        let isUpload = request.headers[.contentType].flatMap(MultipartForm.boundary(contentType:)) != nil
        let (form, code, file, interview): (FormFields, AccessCode, OpenedCaseFile, InterviewDefinition)
        switch await formAndFile(&request, context, limit: isUpload ? Self.uploadLimit : Self.formLimit, reader: reader) {
        case .failure(let refusal): return refusal.response
        case .success(let value): (form, code, file, interview) = value
        }
        let engine = InterviewEngine(definition: interview, today: today)
        let token = Self.token(request)
        let change: (InterviewState) -> InterviewState
        if let target = form["modifier"] {
            guard let screen = ScreenID(token: target) else { return redirect(to: .myFile, reader: reader) }
            change = { engine.change(screen, in: $0) }
        } else if let target = form["retirer"] {
            let parts = target.split(separator: ".")
            guard parts.count == 2, let index = Int(parts[1]) else { return redirect(to: .myFile, reader: reader) }
            let group = String(parts[0])
            change = { engine.removeEntry(group: group, index: index, in: $0) }
        } else if form["action"] == "retour" {
            change = { engine.back(from: $0) }
        } else if form["action"] == "confirmer" {
            change = { engine.confirm($0) }
        } else {
            guard let screen = form["ecran"].flatMap(ScreenID.init(token:)) else {
                return await page(engine.action(for: file.state), file: file, interview: interview, token: token, reader: reader,
                    extraErrors: [.interviewUnexpectedScreen])
            }
            var raw = form["reponse"] ?? ""
            var newCapture: StoredCapture?
            if let upload = form.files["fichier"], !upload.isEmpty {
                do {
                    let capture = try await files.addCapture(upload, to: file, now: unixNow)
                    newCapture = capture
                    raw = capture.reference
                } catch {
                    let message: UIString
                    switch error {
                    case .captureTooLarge: message = .interviewCaptureTooLarge
                    case .captureDimensions: message = .interviewCaptureDimensions
                    case .tooManyCaptures: message = .interviewTooManyCaptures
                    case .captureNotRecognised: message = .interviewInvalidFile
                    default: return failure(error, reader: reader)
                    }
                    var state = file.state
                    state.cursor = screen
                    return await page(engine.action(for: state), file: file, interview: interview, token: token, reader: reader,
                        extraErrors: [message], status: .unprocessableContent)
                }
            } else if !raw.isEmpty, case .file? = engine.definition.question(named: screenQuestion(screen))?.kind,
                file.capture(named: raw) == nil
            {
                // A file answer must name a capture of this file: never a path sent by the client.
                raw = ""
            }
            let transition = engine.answer(raw, to: screen, in: file.state)
            guard transition.isAccepted else {
                return await page(transition.action, file: file, interview: interview, token: token, reader: reader)
            }
            do {
                let saved = try await files.update(file, now: unixNow) { next in
                    if let newCapture { next.captures.append(newCapture) }
                    let again = engine.answer(raw, to: screen, in: next.state)
                    if again.isAccepted { next.state = again.state }
                }
                logger.info("answer saved", metadata: ["file.id": "\(saved.id)", "screen": "\(screen.token)", "version": "\(saved.version)"])
            } catch {
                return failure(error, reader: reader)
            }
            var response = redirect(to: .myFile, reader: reader)
            setCode(code, on: &response)
            return response
        }
        do {
            _ = try await files.update(file, now: unixNow) { next in next.state = change(next.state) }
        } catch {
            return failure(error, reader: reader)
        }
        var response = redirect(to: .myFile, reader: reader)
        setCode(code, on: &response)
        return response
    }

    func screenQuestion(_ screen: ScreenID) -> String {
        switch screen {
        case .question(let name), .entry(_, _, let name): return name
        case .addEntry(let group, _): return group
        }
    }

    // MARK: Reports to the observatory

    /// The « signaler anonymement » form of a result page, started from the case file's values.
    func reportForm(
        _ result: InterviewResult, interview: InterviewDefinition, token: String, reader: ReaderLanguage,
        status: ReportPages.Status?, draft: Observatory.ReportDraft? = nil
    ) -> ReportPages.Form? {
        guard let reports else { return nil }
        let language = reader.isExplicit ? "?lang=\(reader.language.rawValue)" : ""
        return ReportPages.Form(
            action: "/mon-dossier/signaler" + language, hidden: [("jeton", token)],
            draft: draft ?? Observatory.ReportDraft(caseFile: result.caseFile, procedure: observatoryProcedures[interview.id.rawValue]),
            weeks: reports.selectableWeeks(now: unixNow), status: status)
    }

    /// `POST /mon-dossier/signaler`: one anonymous report from a finished file, its own click. Counted once per file
    /// and week; refused with the reason on the result page (422), the file unchanged.
    func report(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        var request = request
        let reader = ReaderLanguage(request)
        let (form, code, file, interview): (FormFields, AccessCode, OpenedCaseFile, InterviewDefinition)
        switch await formAndFile(&request, context, limit: Self.formLimit, reader: reader) {
        case .failure(let refusal): return refusal.response
        case .success(let value): (form, code, file, interview) = value
        }
        guard let reports, let result = finishedResult(file, interview) else {
            var response = redirect(to: .myFile, reader: reader)
            setCode(code, on: &response)
            return response
        }
        let token = Self.token(request)
        let read = reports.read(
            department: form[ReportPages.Field.department] ?? "", procedure: form[ReportPages.Field.procedure] ?? "",
            channel: form[ReportPages.Field.channel] ?? "", outcome: form[ReportPages.Field.outcome] ?? "",
            week: form[ReportPages.Field.week] ?? "", now: unixNow)
        let refusal: ReportRefusal
        switch read {
        case .success(let report):
            do throws(ReportRefusal) {
                try await reports.submit(report, origin: "fichier:\(file.id)", client: clientAddress(request, context), now: unixNow)
                logger.info("report counted", metadata: ["file.id": "\(file.id)"])
                var response = Response(
                    status: .seeOther,
                    headers: [
                        .location: "/mon-dossier?signalement=merci" + (reader.isExplicit ? "&lang=\(reader.language.rawValue)" : "")
                            + "#signaler",
                        .cacheControl: "no-store",
                    ])
                setCode(code, on: &response)
                return response
            } catch {
                refusal = error
            }
        case .failure(let error):
            refusal = error
        }
        var response = await page(
            .finish(result), file: file, interview: interview, token: token, reader: reader, status: ReportRoutes.status(refusal),
            report: .refused(ReportRoutes.message(refusal)), reportDraft: ReportRoutes.draft(form))
        setToken(token, on: &response)
        setCode(code, on: &response)
        return response
    }

    // MARK: Files of the result

    /// The result, when the file's interview is finished (confirmed); `nil` otherwise.
    func finishedResult(_ file: OpenedCaseFile, _ interview: InterviewDefinition) -> InterviewResult? {
        let engine = InterviewEngine(definition: interview, today: today)
        guard case .finish(let result) = engine.action(for: file.state) else { return nil }
        return result
    }

    func calendar(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let reader = ReaderLanguage(request)
        switch await openFile(request, context, reader: reader) {
        case .failure(let refusal): return refusal.response
        case .success(let (_, file, interview)):
            guard let name = context.parameters.get("file"), name.hasSuffix(".ics"),
                let result = finishedResult(file, interview),
                let deadline = result.deadlines.first(where: { $0.id == String(name.dropLast(4)) })
            else { throw HTTPError(.notFound) }
            let stamp = DeadlineRoutes.stamp(now())
            let text = ICalendar.render(
                ICalendar.events(for: deadline.result, uidSuffix: "\(file.id.hex.prefix(16)).\(deadline.id)"), stamp: stamp)
            var response = Response.text(text, contentType: "text/calendar; charset=utf-8", cacheControl: "no-store")
            response.headers[.contentDisposition] = "attachment; filename=\"\(deadline.id).ics\""
            return response
        }
    }

    func document(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let reader = ReaderLanguage(request)
        switch await openFile(request, context, reader: reader) {
        case .failure(let refusal): return refusal.response
        case .success(let (_, file, interview)):
            // `<kind>.pdf|docx|odt`, or `<kind>.zip`: the filing split into one PDF per exhibit.
            guard let name = context.parameters.get("file"), let dot = name.lastIndex(of: "."),
                let kind = DocumentKind(rawValue: String(name[..<dot])),
                case let fileExtension = String(name[name.index(after: dot)...]),
                let format = fileExtension == "zip" ? .pdf : DocumentFormat(rawValue: fileExtension),
                let result = finishedResult(file, interview), result.documents.contains(where: { $0.kind == kind }),
                let caseFile = result.caseFile
            else { throw HTTPError(.notFound) }
            let isSplit = fileExtension == "zip"
            if format == .pdf, !((try? PrintabilityCheck.problems(in: caseFile)) ?? []).isEmpty {
                logger.notice("document not printable", metadata: ["file.id": "\(file.id)", "document": "\(kind.rawValue)"])
                return html(
                    ParcoursPages.message(
                        .documentUnprintableTitle, .documentUnprintableText,
                        context: reader.context(path: "/mon-dossier", updated: nil), links: [(.parcoursResume, .myFile)]),
                    reader: reader, status: .unprocessableContent)
            }
            let captures: [String: [UInt8]]
            do { captures = try await files.openedCaptures(of: file) } catch { return failure(error, reader: reader) }
            let bytes: [UInt8]
            do {
                let drafted = try kind.draft(from: caseFile, today: today, files: { captures[$0] }, hash: Hashing.sha256)
                bytes =
                    isSplit
                    ? try SplitFiling.archive(drafted.draft, format: .pdf, mainStem: kind.splitFileStem)
                    : try format.writer.write(drafted.draft)
            } catch {
                logger.notice("document not drafted", metadata: ["file.id": "\(file.id)", "document": "\(kind.rawValue)"])
                throw HTTPError(.notFound)
            }
            logger.info(
                "document drafted",
                metadata: ["file.id": "\(file.id)", "document": "\(kind.rawValue)", "format": "\(isSplit ? "zip" : format.rawValue)"])
            var response = Response(
                status: .ok, headers: [.contentType: isSplit ? SplitFiling.mediaType : format.mediaType, .cacheControl: "no-store"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
            response.headers[.contentDisposition] = "attachment; filename=\"\(kind.rawValue).\(fileExtension)\""
            return response
        }
    }

    /// One of the file's captures, as uploaded (for the person to check what they sent).
    func capture(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let reader = ReaderLanguage(request)
        switch await openFile(request, context, reader: reader) {
        case .failure(let refusal): return refusal.response
        case .success(let (_, file, _)):
            guard let name = context.parameters.get("file"), let capture = file.capture(named: name),
                file.state.answers.fileReferences.contains(name)
            else { throw HTTPError(.notFound) }
            let bytes: [UInt8]?
            do { bytes = try await files.captureBytes(capture, of: file) } catch { return failure(error, reader: reader) }
            guard let bytes else { throw HTTPError(.notFound) }
            let type: String
            switch capture.format {
            case .png: type = "image/png"
            case .jpeg: type = "image/jpeg"
            case .pdf: type = "application/pdf"
            }
            var response = Response(
                status: .ok, headers: [.contentType: type, .cacheControl: "no-store"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
            response.headers[.contentDisposition] = "inline; filename=\"\(capture.reference)\""
            for field in SecurityHeaders.fields { response.headers[field.name] = field.value }
            // Shown on its own, sandboxed: nothing in it can run or reach anything.
            response.headers[.contentSecurityPolicy] = "default-src 'none'; img-src 'self'; sandbox"
            return response
        }
    }

    // MARK: Delete, leave

    func confirmDelete(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let reader = ReaderLanguage(request)
        switch await openFile(request, context, reader: reader) {
        case .failure(let refusal): return refusal.response
        case .success:
            return formPage(request, reader: reader) { session in
                ParcoursPages.confirmDelete(session: session, context: reader.context(path: "/mon-dossier/supprimer", updated: nil))
            }
        }
    }

    func delete(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        var request = request
        let reader = ReaderLanguage(request)
        let form: FormFields
        switch await checkedForm(&request, limit: Self.formLimit, reader: reader) {
        case .failure(let refusal): return refusal.response
        case .success(let fields): form = fields
        }
        switch await openFile(request, context, reader: reader) {
        case .failure(let refusal): return refusal.response
        case .success(let (_, file, _)):
            do { try await files.delete(file) } catch { return failure(error, reader: reader) }
            var response = html(
                ParcoursPages.message(.deletedTitle, .deletedText, context: reader.context(path: "/parcours", updated: nil),
                    links: [(.startNew, .parcoursList), (.backHome, .home)]),
                reader: reader)
            clearCookies(on: &response)
            return response
        }
    }

    func quickExit() -> Response {
        var response = Response(status: .seeOther, headers: [.location: configuration.exitURL, .cacheControl: "no-store"])
        clearCookies(on: &response)
        return response
    }

    // MARK: Forms, cookies, limits

    /// The submitted form once its size, framing and anti-forgery token are checked, or the page that refuses it
    /// (413, 400, 403: nothing is saved).
    func checkedForm(_ request: inout Request, limit: Int, reader: ReaderLanguage) async -> Result<FormFields, Refusal> {
        switch await FormFields.read(&request, limit: limit) {
        case .tooLarge: return .failure(Refusal(response: tooLarge(reader)))
        case .malformed: return .failure(Refusal(response: badForm(reader)))
        case .fields(let form):
            guard Self.tokenMatches(request, form) else { return .failure(Refusal(response: expired(reader))) }
            return .success(form)
        }
    }

    /// A page with forms: renders it with this browser's anti-forgery token and (re)sets the token's cookie.
    func formPage(
        _ request: Request, reader: ReaderLanguage, status: HTTPResponse.Status = .ok,
        _ render: (ParcoursPages.Session) -> String
    ) -> Response {
        let token = Self.token(request)
        var response = html(render(.init(token: token)), reader: reader, status: status)
        setToken(token, on: &response)
        return response
    }

    /// The anti-forgery token of this browser (from its cookie), or a new one.
    static func token(_ request: Request) -> String {
        if let value = request.cookies[tokenCookie]?.value, value.utf8.count == 32, value.utf8.allSatisfy(isHexDigit) {
            return value
        }
        var random = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: (0..<32).map { _ in digits[Int(random.next() % 16)] }, as: UTF8.self)
    }

    static func isHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }

    /// Whether the form's token equals the cookie's (compared in constant time).
    static func tokenMatches(_ request: Request, _ form: FormFields) -> Bool {
        guard let cookie = request.cookies[tokenCookie]?.value, let sent = form["jeton"], cookie.utf8.count == 32 else { return false }
        return constantTimeEqual(cookie, sent)
    }

    func cookie(_ name: String, _ value: String, maxAge: Int) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: configuration.secureCookies, httpOnly: true, sameSite: .strict)
    }

    func setToken(_ token: String, on response: inout Response) {
        response.setCookie(cookie(Self.tokenCookie, token, maxAge: 86_400))
    }

    func setCode(_ code: AccessCode, on response: inout Response) {
        response.setCookie(cookie(Self.codeCookie, code.displayText, maxAge: Self.codeCookieSeconds))
    }

    func clearCookies(on response: inout Response) {
        response.setCookie(cookie(Self.codeCookie, "", maxAge: 0))
        response.setCookie(cookie(Self.tokenCookie, "", maxAge: 0))
    }

    /// Counts one code lookup for this client and answers 429 when there were too many in the window.
    func rateLimited(_ request: Request, _ context: AppRequestContext, reader: ReaderLanguage) async -> Response? {
        let key = "code:" + Hashing.sha256Hex(Array(("guichet/rate-limit/" + clientAddress(request, context)).utf8)).prefix(24)
        let window = Int64(configuration.codeAttemptWindowSeconds)
        let count: Int
        do { count = try await limits.hit(key: key, window: window, now: unixNow) } catch {
            logger.error("rate limit unavailable", metadata: ["error": "\(error.code)"])
            return nil
        }
        guard count > configuration.codeAttemptsPerWindow else { return nil }
        logger.notice("code attempts limited", metadata: ["limit.key": "\(key)"])
        var response = html(
            ParcoursPages.message(.tooManyTitle, .tooManyText, context: reader.context(path: "/reprendre", updated: nil),
                links: [(.backHome, .home)]),
            reader: reader, status: .tooManyRequests)
        response.headers[.retryAfter] = String(window - unixNow % window)
        return response
    }

    /// The client's address: the peer, or the last `X-Forwarded-For` hop when the proxy in front is trusted.
    func clientAddress(_ request: Request, _ context: AppRequestContext) -> String {
        GuichetWeb.clientAddress(request, context, trustForwardedFor: configuration.trustForwardedFor)
    }

    // MARK: Responses

    func html(_ page: String, reader: ReaderLanguage, status: HTTPResponse.Status = .ok) -> Response {
        Response.privatePage(page, status: status)
    }

    func redirect(to target: SitePath, reader: ReaderLanguage) -> Response { Response.seeOther(target, reader: reader) }

    /// The same 404 for every code that opens nothing: unknown, deleted, expired or malformed in the cookie.
    func notFound(_ reader: ReaderLanguage) -> Response {
        html(
            ParcoursPages.message(.privateNotFoundTitle, .privateNotFoundText, context: reader.context(path: "/reprendre", updated: nil),
                links: [(.resumeTitle, .resume), (.startNew, .parcoursList)]),
            reader: reader, status: .notFound)
    }

    func expired(_ reader: ReaderLanguage) -> Response {
        html(
            ParcoursPages.message(.expiredFormTitle, .expiredFormText, context: reader.context(path: "/mon-dossier", updated: nil),
                links: [(.parcoursResume, .myFile), (.backHome, .home)]),
            reader: reader, status: .forbidden)
    }

    func tooLarge(_ reader: ReaderLanguage) -> Response {
        var response = html(
            ParcoursPages.message(.tooLargeTitle, .tooLargeText, context: reader.context(path: "/mon-dossier", updated: nil),
                links: [(.parcoursResume, .myFile)]),
            reader: reader, status: .contentTooLarge)
        response.headers[.connection] = "close"
        return response
    }

    func badForm(_ reader: ReaderLanguage) -> Response {
        html(
            ParcoursPages.message(.expiredFormTitle, .expiredFormText, context: reader.context(path: "/mon-dossier", updated: nil),
                links: [(.parcoursResume, .myFile)]),
            reader: reader, status: .badRequest)
    }

    func failure(_ error: PrivateCaseFileError, reader: ReaderLanguage) -> Response {
        switch error {
        case .notFound: return notFound(reader)
        case .busy:
            return html(
                ParcoursPages.message(.expiredFormTitle, .busyText, context: reader.context(path: "/mon-dossier", updated: nil),
                    links: [(.parcoursResume, .myFile)]),
                reader: reader, status: .conflict)
        default:
            logger.error("private file storage failed", metadata: ["error": "\(error)"])
            return html(
                ParcoursPages.message(.serverErrorTitle, .serverErrorText, context: reader.context(path: "/mon-dossier", updated: nil),
                    links: [(.backHome, .home)]),
                reader: reader, status: .serviceUnavailable)
        }
    }
}
