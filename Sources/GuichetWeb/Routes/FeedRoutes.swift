internal import Hummingbird
internal import GuichetCore
internal import GuichetStorage
internal import GuichetViews

/// Atom feeds (whole dossier, each section) and the sitemap.
struct FeedRoutes: Sendable {
    let store: any DossierStore
    let configuration: WebConfiguration
    let cache: PageCache
    /// The slugs of the self-help paths (their start pages are public and listed).
    var interviewSlugs: [String] = []
    /// The guides, for the sitemap: slug and the day their facts were checked.
    var guides: [(slug: String, checked: LocalDate)] = []
    /// Whether `/etat-des-plateformes` is served (listed in the sitemap).
    var hasPlatformStatus = false

    /// How many entries a feed carries.
    static let feedLength = 30

    func register(on router: Router<AppRequestContext>) {
        router.get("/flux.atom") { request, context in try await self.siteFeed(request, context) }
        router.get("/rubriques/:section/flux.atom") { request, context in try await self.sectionFeed(request, context) }
        router.get("/sitemap.xml") { request, context in try await self.sitemap(request, context) }
    }

    func entries(_ filter: ItemFilter) async throws -> [AtomFeed.Entry] {
        let items = try await store.items(filter, offset: 0, limit: Self.feedLength).elements
        let labels = Dictionary(uniqueKeysWithValues: try await store.tags().map { ($0.tag.id, $0.tag.label) })
        // The bodies in one read: a cold feed under load waited for a database reader thirty times.
        return try await store.itemRecords(ids: items.map(\.id)).map { record in
            AtomFeed.Entry(item: record.item, bodyHTML: record.bodyHTML, tagLabels: record.item.tags.compactMap { labels[$0] })
        }
    }

    func siteFeed(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let entry = try await cache.value("feed", contentType: ContentType.atom, varyLanguage: false) {
            let entries = try await entries(.all)
            let updated = try await store.lastUpdated() ?? LocalDate(daysSinceEpoch: 0)
            return AtomFeed.render(
                title: "guichet — le dossier", subtitle: "La dématérialisation des démarches des personnes étrangères",
                selfPath: SitePath.siteFeed.path, alternatePath: "/", updated: updated, entries: entries,
                baseURL: configuration.baseURL)
        }
        guard let entry else { throw HTTPError(.notFound) }
        return cache.response(entry, to: request, context: context)
    }

    func sectionFeed(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        guard let id = context.parameters.get("section").flatMap(Slug.init) else { throw HTTPError(.notFound) }
        let entry = try await cache.value("feed|\(id)", contentType: ContentType.atom, varyLanguage: false) {
            guard let record = try await store.section(id) else { return nil }
            let entries = try await entries(ItemFilter(section: id))
            let updated = ([record.section.updated] + entries.map(\.item.updated)).max() ?? record.section.updated
            return AtomFeed.render(
                title: "guichet — \(record.section.numeral). \(record.section.title)", subtitle: record.section.subtitle,
                selfPath: SitePath.sectionFeed(id).path, alternatePath: SitePath.section(id).path, updated: updated,
                entries: entries, baseURL: configuration.baseURL)
        }
        guard let entry else { throw HTTPError(.notFound) }
        return cache.response(entry, to: request, context: context)
    }

    func sitemap(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let entry = try await cache.value("sitemap", contentType: ContentType.xml, varyLanguage: false) {
            let lastUpdated = try await store.lastUpdated()
            var pages: [(path: String, updated: LocalDate?)] = [
                ("/", lastUpdated), (SitePath.themes.path, lastUpdated), (SitePath.search(query: "").path, nil),
                (SitePath.deadlines.path, nil), (SitePath.about.path, nil),
            ]
            pages.append((SitePath.observatory.path, nil))
            for department in Department.all { pages.append((SitePath.observatoryDepartment(department.code).path, nil)) }
            if hasPlatformStatus { pages.append((SitePath.platformStatus.path, nil)) }
            if !guides.isEmpty {
                pages.append((SitePath.guides.path, guides.map(\.checked).max()))
                for guide in guides { pages.append(("/guides/" + guide.slug, guide.checked)) }
            }
            if !interviewSlugs.isEmpty {
                pages.append((SitePath.parcoursList.path, nil))
                for slug in interviewSlugs { pages.append((SitePath.parcours(slug).path, nil)) }
            }
            let size = configuration.pageSize
            for record in try await store.sections() {
                let pageCount = max(1, (record.itemCount + size - 1) / size)
                for page in 1...pageCount {
                    pages.append((SitePath.section(record.section.id, page: page).path, page == 1 ? record.section.updated : nil))
                }
            }
            for usage in try await store.tags() {
                let pageCount = max(1, (usage.itemCount + size - 1) / size)
                for page in 1...pageCount { pages.append((SitePath.tag(usage.tag.id, page: page).path, nil)) }
            }
            var offset = 0
            while true {
                let batch = try await store.items(.all, offset: offset, limit: 500)
                for item in batch.elements { pages.append((SitePath.item(item.id).path, item.updated)) }
                offset += batch.elements.count
                if batch.elements.isEmpty || offset >= batch.total { break }
            }
            return Sitemap.render(pages, baseURL: configuration.baseURL)
        }
        guard let entry else { throw HTTPError(.notFound) }
        return cache.response(entry, to: request, context: context)
    }
}
