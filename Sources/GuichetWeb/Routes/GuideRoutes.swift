internal import Hummingbird
internal import GuichetCore
internal import GuichetViews

/// `/guides` and `/guides/<slug>`: the guides are read with the content at start and kept in memory (a few dozen
/// pages); a guide's page computes a deadline and names a court from `?regle=…&date=…&departement=…`, stores nothing.
struct GuideRoutes: Sendable {
    let entries: [GuidePages.Entry]
    let byID: [Guide.ID: GuidePages.Entry]
    let cache: PageCache
    /// The observatory's facts, shown for the département given.
    let board: Observatory.Board?

    init(guides: [Guide], cache: PageCache, board: Observatory.Board? = nil) {
        self.board = board
        entries = guides.map { GuidePages.Entry(guide: $0, bodyHTML: MarkdownDocument($0.body).html) }
        byID = Dictionary(entries.map { ($0.guide.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.cache = cache
    }

    func register(on router: Router<AppRequestContext>) {
        router.get("/guides") { request, context in try await self.list(request, context) }
        router.get("/guides/:guide") { request, context in try await self.guide(request, context) }
    }

    func list(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let reader = ReaderLanguage(request)
        let guides = entries.map(\.guide)
        let entry = try await cache.value("guides|\(reader.key)", contentType: ContentType.html) {
            GuidePages.list(guides, context: reader.context(path: SitePath.guides.path, updated: guides.map(\.checked).max()))
        }
        guard let entry else { throw HTTPError(.notFound) }
        return cache.response(entry, to: request, context: context)
    }

    /// Validates the query: the rule must be one of the guide's, the date real, the département known.
    static func computation(_ request: Request, guide: Guide, board: Observatory.Board? = nil) -> GuidePages.Computation {
        var form = DeadlineRoutes.form(request)
        form.time = ""
        form.distance = ""
        var computation = GuidePages.Computation(form: form)
        let department = Department.lookup(form.department)
        if !form.department.isEmpty, department == nil {
            computation.form.errors.append(.init(field: "departement", message: .errorDepartment))
        }
        if guide.court == .departmentCourt, let department { computation.court = Court.for(department: department) }
        if let board, let procedure = guide.observatoryProcedure, let department {
            computation.local = (department, board.status(department.code, procedure))
        }
        guard request.uri.queryParameters.get("regle") != nil else { return computation }
        guard guide.deadlineRuleIDs.contains(form.rule) else {
            computation.form.errors.append(.init(field: "regle", message: .errorRule))
            return computation
        }
        var deadlineForm = computation.form
        deadlineForm.errors = []
        computation.result = DeadlineRoutes.compute(&deadlineForm)
        computation.form.errors = deadlineForm.errors + computation.form.errors.filter { error in
            !deadlineForm.errors.contains { $0.field == error.field }
        }
        return computation
    }

    func guide(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let reader = ReaderLanguage(request)
        guard let id = context.parameters.get("guide").flatMap(Slug.init), let entry = byID[id] else {
            throw HTTPError(.notFound)
        }
        let computation = Self.computation(request, guide: entry.guide, board: board)
        let query = DeadlineRoutes.query(computation.form)
        let path = SitePath.guide(id).path + (query.isEmpty ? "" : "?" + query)
        let render: @Sendable () -> String = {
            GuidePages.page(entry, computation: computation, context: reader.context(path: path, updated: entry.guide.checked))
        }
        if computation.form.errors.isEmpty,
            let cached = try await cache.value("guide|\(id)|\(query)|\(reader.key)", contentType: ContentType.html, render: render)
        {
            return cache.response(cached, to: request, context: context)
        }
        var response = Response.text(render(), status: .unprocessableContent, contentType: ContentType.html, cacheControl: "no-store")
        response.headers[.vary] = "Accept-Language"
        return response
    }
}
