internal import Hummingbird
internal import GuichetCore
internal import GuichetStorage
internal import GuichetViews

/// The dossier's HTML pages: home, sections, items, topics, about.
struct DossierRoutes: Sendable {
    let store: any DossierStore
    let configuration: WebConfiguration
    let cache: PageCache

    func register(on router: Router<AppRequestContext>) {
        router.get("/") { request, context in try await self.home(request, context) }
        router.get("/rubriques/:section") { request, context in try await self.section(request, context) }
        router.get("/dossier/:item") { request, context in try await self.item(request, context) }
        router.get("/themes") { request, context in try await self.themes(request, context) }
        router.get("/themes/:tag") { request, context in try await self.tag(request, context) }
        router.get("/a-propos") { request, context in try await self.about(request, context) }
    }

    func home(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let reader = ReaderLanguage(request)
        let entry = try await cache.value("home|\(reader.key)", contentType: ContentType.html) {
            let sections = try await store.sections()
            let latest = try await store.items(.all, offset: 0, limit: 8).elements
            let context = reader.context(path: "/", updated: try await store.lastUpdated())
            return DossierPages.home(
                sections: sections.map { DossierPages.SectionEntry(section: $0.section, itemCount: $0.itemCount) },
                latest: latest, context: context)
        }
        return try found(entry, request, context)
    }

    func section(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let reader = ReaderLanguage(request)
        guard let id = context.parameters.get("section").flatMap(Slug.init), let page = Self.page(request) else {
            throw HTTPError(.notFound)
        }
        let entry = try await cache.value("section|\(id)|\(page)|\(reader.key)", contentType: ContentType.html) {
            guard let record = try await store.section(id) else { return nil }
            let size = configuration.pageSize
            let items = try await store.items(ItemFilter(section: id), offset: (page - 1) * size, limit: size)
            let pageCount = max(1, (items.total + size - 1) / size)
            guard page <= pageCount else { return nil }
            let updated = ([record.section.updated] + items.elements.map(\.updated)).max()
            return DossierPages.section(
                record.section, bodyHTML: record.bodyHTML, items: items.elements, page: page, pageCount: pageCount,
                context: reader.context(path: SitePath.section(id, page: page).path, updated: updated))
        }
        return try found(entry, request, context)
    }

    func item(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let reader = ReaderLanguage(request)
        guard let id = context.parameters.get("item").flatMap(Slug.init) else { throw HTTPError(.notFound) }
        let entry = try await cache.value("item|\(id)|\(reader.key)", contentType: ContentType.html) {
            guard let record = try await store.item(id) else { return nil }
            let item = record.item
            let allSections = try await store.sections().map(\.section)
            let sections = item.sections.compactMap { id in allSections.first { $0.id == id } }
            var tags: [Tag] = []
            for tagID in item.tags {
                if let tag = try await store.tag(tagID) { tags.append(tag) }
            }
            var related = try await store.items(ids: item.related)
            let wanted = max(0, 4 - related.count)
            if wanted > 0 {
                related += try await store.itemsRelated(
                    to: id, excluding: Set(item.related + [id]), limit: wanted)
            }
            return DossierPages.item(
                item, bodyHTML: record.bodyHTML, sections: sections, tags: tags, related: related,
                context: reader.context(path: SitePath.item(id).path, updated: item.updated))
        }
        return try found(entry, request, context)
    }

    func themes(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let reader = ReaderLanguage(request)
        let entry = try await cache.value("themes|\(reader.key)", contentType: ContentType.html) {
            let tags = try await store.tags()
            return DossierPages.themes(
                tags.map { ($0.tag, $0.itemCount) },
                context: reader.context(path: "/themes", updated: try await store.lastUpdated()))
        }
        return try found(entry, request, context)
    }

    func tag(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let reader = ReaderLanguage(request)
        guard let id = context.parameters.get("tag").flatMap(Slug.init), let page = Self.page(request) else {
            throw HTTPError(.notFound)
        }
        let entry = try await cache.value("tag|\(id)|\(page)|\(reader.key)", contentType: ContentType.html) {
            guard let tag = try await store.tag(id) else { return nil }
            let size = configuration.pageSize
            let items = try await store.items(ItemFilter(tag: id), offset: (page - 1) * size, limit: size)
            let pageCount = max(1, (items.total + size - 1) / size)
            guard page <= pageCount, items.total > 0 else { return nil }
            return DossierPages.tag(
                tag, items: items.elements, page: page, pageCount: pageCount,
                context: reader.context(path: SitePath.tag(id, page: page).path, updated: items.elements.map(\.updated).max()))
        }
        return try found(entry, request, context)
    }

    func about(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let reader = ReaderLanguage(request)
        let entry = try await cache.value("about|\(reader.key)", contentType: ContentType.html) {
            DossierPages.about(context: reader.context(path: "/a-propos", updated: nil))
        }
        return try found(entry, request, context)
    }

    /// The `page` query value: absent means 1; anything but a sane positive number is a missing page.
    static func page(_ request: Request) -> Int? {
        guard let text = request.uri.queryParameters.get("page") else { return 1 }
        guard let page = Int(text), (1...10_000).contains(page) else { return nil }
        return page
    }

    func found(_ entry: PageCache.Entry?, _ request: Request, _ context: AppRequestContext) throws -> Response {
        guard let entry else { throw HTTPError(.notFound) }
        return cache.response(entry, to: request, context: context)
    }
}
