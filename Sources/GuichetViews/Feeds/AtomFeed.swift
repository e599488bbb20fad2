public import GuichetCore

/// Atom 1.0 feeds (RFC 4287) of the dossier's items.
public enum AtomFeed {
    /// One entry of a feed.
    public struct Entry: Sendable {
        public let item: Item
        public let bodyHTML: String
        public let tagLabels: [String]

        public init(item: Item, bodyHTML: String, tagLabels: [String]) {
            self.item = item
            self.bodyHTML = bodyHTML
            self.tagLabels = tagLabels
        }
    }

    /// The feed document. `baseURL` has no trailing slash (`https://guichet.example.org`).
    public static func render(
        title: String, subtitle: String, selfPath: String, alternatePath: String, updated: LocalDate, entries: [Entry],
        baseURL: String
    ) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"fr\">\n"
        out += "<id>\(xml(baseURL + selfPath))</id>\n"
        out += "<title>\(xml(title))</title>\n"
        out += "<subtitle>\(xml(subtitle))</subtitle>\n"
        out += "<updated>\(timestamp(updated))</updated>\n"
        out += "<link rel=\"self\" type=\"application/atom+xml\" href=\"\(xml(baseURL + selfPath))\"/>\n"
        out += "<link rel=\"alternate\" type=\"text/html\" href=\"\(xml(baseURL + alternatePath))\"/>\n"
        out += "<author><name>guichet</name></author>\n"
        for entry in entries {
            let item = entry.item
            let url = baseURL + SitePath.item(item.id).path
            out += "<entry>\n<id>\(xml(url))</id>\n<title>\(xml(item.title))</title>\n"
            out += "<link rel=\"alternate\" type=\"text/html\" href=\"\(xml(url))\"/>\n"
            out += "<published>\(timestamp(item.date))</published>\n<updated>\(timestamp(item.updated))</updated>\n"
            for label in entry.tagLabels { out += "<category term=\"\(xml(label))\"/>\n" }
            out += "<summary>\(xml(item.summary))</summary>\n"
            out += "<content type=\"html\">\(xml(entry.bodyHTML))</content>\n</entry>\n"
        }
        out += "</feed>\n"
        return out
    }

    /// Midnight in Paris on `date`, as an RFC 3339 timestamp with the offset then in force.
    public static func timestamp(_ date: LocalDate) -> String {
        let midnight = LocalDateTime(date: date, time: .midnight)
        let offset = midnight.wallMinutesSinceEpoch - CivilTimeZone.europeParis.utcMinutes(midnight)
        return "\(date.iso)T00:00:00" + (offset == 120 ? "+02:00" : "+01:00")
    }

    static func xml(_ text: String) -> String { escapeAttribute(text) }
}
