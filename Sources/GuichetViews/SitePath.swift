public import GuichetCore

/// Every URL of the site, typed: pages build links only through this.
public enum SitePath: Sendable, Hashable {
    case home
    case section(Section.ID, page: Int = 1)
    case item(Item.ID)
    case themes
    case tag(Tag.ID, page: Int = 1)
    case search(query: String, page: Int = 1)
    case siteFeed
    case sectionFeed(Section.ID)
    case sitemap
    case deadlines
    case about
    case stylesheet
    case apiSearch(query: String)
    case openAPI
    /// The list of self-help paths.
    case parcoursList
    /// The start page of one self-help path.
    case parcours(String)
    /// The private file opened with the code held in the session cookie.
    case myFile
    /// The form that opens a private file with its code.
    case resume
    /// Clears the session and leaves for a neutral site.
    case quickExit
    /// The confirmation page before erasing the private file.
    case deleteMyFile
    /// The guides, by situation.
    case guides
    /// One guide.
    case guide(Guide.ID)
    /// The observatory's map.
    case observatory
    /// One département in the observatory.
    case observatoryDepartment(String)
    /// `/observatoire/<code>/signalements[?procedure=<family>]`: people's reports in a département.
    case observatoryDepartmentReports(String, String?)
    /// The observatory's open data: `csv`, `json` or `schema.json`.
    case observatoryData(String)
    /// The platforms' status and incidents (`/etat-des-plateformes`).
    case platformStatus
    /// The outage certificate (the form's target; its query carries the platform and the period).
    case outageCertificate
    /// The incidents' open data: `csv` or `schema.json`.
    case incidentsData(String)
    /// A page of the association's help desk: `/bureau` and what follows it (`dossiers/<id>`).
    case desk(String)

    /// The path and query, without language.
    public var path: String {
        switch self {
        case .home: "/"
        case .section(let id, let page): "/rubriques/\(id)" + Self.pageQuery(page)
        case .item(let id): "/dossier/\(id)"
        case .themes: "/themes"
        case .tag(let id, let page): "/themes/\(id)" + Self.pageQuery(page)
        case .search(let query, let page):
            "/recherche?q=" + percentEncode(query) + (page > 1 ? "&page=\(page)" : "")
        case .siteFeed: "/flux.atom"
        case .sectionFeed(let id): "/rubriques/\(id)/flux.atom"
        case .sitemap: "/sitemap.xml"
        case .deadlines: "/delais"
        case .about: "/a-propos"
        case .stylesheet: "/static/style.css"
        case .apiSearch(let query): "/api/recherche?q=" + percentEncode(query)
        case .openAPI: "/api/openapi.yaml"
        case .parcoursList: "/parcours"
        case .parcours(let slug): "/parcours/" + slug
        case .myFile: "/mon-dossier"
        case .resume: "/reprendre"
        case .quickExit: "/quitter"
        case .deleteMyFile: "/mon-dossier/supprimer"
        case .observatory: "/observatoire"
        case .observatoryDepartment(let code): "/observatoire/" + code
        case .observatoryDepartmentReports(let code, let procedure):
            "/observatoire/" + code + "/signalements" + (procedure.map { "?procedure=" + $0 } ?? "")
        case .observatoryData(let ext): "/donnees/observatoire." + ext
        case .platformStatus: "/etat-des-plateformes"
        case .outageCertificate: "/etat-des-plateformes/attestation"
        case .incidentsData(let ext): "/donnees/observatoire-incidents." + ext
        case .guides: "/guides"
        case .guide(let id): "/guides/\(id)"
        case .desk(let rest): rest.isEmpty ? "/bureau" : "/bureau/" + rest
        }
    }

    static func pageQuery(_ page: Int) -> String { page > 1 ? "?page=\(page)" : "" }

    /// The path with `lang=` appended when the reader chose a language explicitly.
    public func href(_ language: UILanguage?) -> String {
        guard let language else { return path }
        return path + (path.contains("?") ? "&" : "?") + "lang=" + language.rawValue
    }
}

/// Percent-encodes everything but unreserved characters (RFC 3986), for query values.
public func percentEncode(_ text: String) -> String {
    var out = ""
    for byte in text.utf8 {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x5F, 0x7E: out.unicodeScalars.append(Unicode.Scalar(byte))
        default:
            let hex = Array("0123456789ABCDEF")
            out += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0x0F)])
        }
    }
    return out
}
