/// A language of the interface. Editorial content and generated documents stay in French.
///
/// French, English and Arabic are compiled into the catalog (``Catalog``) and always complete. Dari/Persian,
/// Pashto, Tigrinya and Somali, the languages of many people the associations receive, are data files
/// (``Translations``): a string they lack is shown in French and counted by `guichet content check`.
public enum UILanguage: String, CaseIterable, Sendable, Hashable {
    case fr, en, ar, fa, ps, ti, so

    /// The default language of the site.
    public static let `default`: UILanguage = .fr

    /// Whether the language is written right to left.
    public var isRightToLeft: Bool { self == .ar || self == .fa || self == .ps }

    /// Text direction for the `dir` attribute.
    public var direction: String { isRightToLeft ? "rtl" : "ltr" }

    /// Whether the catalog holds every string in this language (otherwise: the translation files).
    public var isCompiled: Bool { self == .fr || self == .en || self == .ar }

    /// The language's own name, for the language switcher.
    public var endonym: String {
        switch self {
        case .fr: "Français"
        case .en: "English"
        case .ar: "العربية"
        case .fa: "دری / فارسی"
        case .ps: "پښتو"
        case .ti: "ትግርኛ"
        case .so: "Soomaali"
        }
    }

    /// Other language tags that mean this language in an `Accept-Language` header (Dari's ISO 639-3 `prs`,
    /// Pashto's `pbt`/`pus`).
    static let aliases: [String: UILanguage] = ["prs": .fa, "pes": .fa, "pbt": .ps, "pus": .ps, "som": .so, "tir": .ti]

    /// Picks the first supported language of an `Accept-Language` header, honouring q-values.
    public static func negotiate(acceptLanguage header: String?) -> UILanguage {
        guard let header, !header.isEmpty else { return .default }
        var best: (language: UILanguage, quality: Double, position: Int)? = nil
        for (position, part) in header.split(separator: ",").prefix(32).enumerated() {
            let pieces = part.split(separator: ";")
            guard let tag = pieces.first?.trimmingCharacters(in: " \t").lowercased() else { continue }
            let primary = tag.split(separator: "-").first.map(String.init) ?? tag
            guard let language = UILanguage(rawValue: primary) ?? aliases[primary] else { continue }
            var quality = 1.0
            for parameter in pieces.dropFirst() {
                let kv = parameter.trimmingCharacters(in: " \t")
                if kv.hasPrefix("q="), let q = Double(kv.dropFirst(2)) { quality = q }
            }
            guard quality > 0 else { continue }
            if quality > (best?.quality ?? -1) { best = (language, quality, position) }
        }
        return best?.language ?? .default
    }
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
