/// A language of the interface. Editorial content and generated documents stay in French.
public enum UILanguage: String, CaseIterable, Sendable, Hashable {
    case fr, en, ar

    /// The default language of the site.
    public static let `default`: UILanguage = .fr

    /// Text direction for the `dir` attribute.
    public var direction: String { self == .ar ? "rtl" : "ltr" }

    /// The language's own name, for the language switcher.
    public var endonym: String {
        switch self {
        case .fr: "Français"
        case .en: "English"
        case .ar: "العربية"
        }
    }

    /// Picks the first supported language of an `Accept-Language` header, honouring q-values.
    public static func negotiate(acceptLanguage header: String?) -> UILanguage {
        guard let header, !header.isEmpty else { return .default }
        var best: (language: UILanguage, quality: Double, position: Int)? = nil
        for (position, part) in header.split(separator: ",").prefix(32).enumerated() {
            let pieces = part.split(separator: ";")
            guard let tag = pieces.first?.trimmingCharacters(in: " \t").lowercased() else { continue }
            let primary = tag.split(separator: "-").first.map(String.init) ?? tag
            guard let language = UILanguage(rawValue: primary) else { continue }
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
