public import GuichetCore

/// The sitemap (sitemaps.org 0.9): every public page, with its last change.
public enum Sitemap {
    public static func render(_ pages: [(path: String, updated: LocalDate?)], baseURL: String) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages {
            out += "<url><loc>\(escapeAttribute(baseURL + page.path))</loc>"
            if let updated = page.updated { out += "<lastmod>\(updated.iso)</lastmod>" }
            out += "</url>\n"
        }
        out += "</urlset>\n"
        return out
    }
}
