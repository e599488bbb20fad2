public import GuichetCore

/// What every page needs besides its own content: the reader's language and where the page lives.
public struct PageContext: Sendable {
    public let language: UILanguage
    /// Whether the language was chosen with `?lang=` (then internal links keep it).
    public let isLanguageExplicit: Bool
    /// The page's own path without `lang` (used by the language switcher).
    public let path: String
    /// The date shown as « mis à jour le … » in the footer.
    public let updated: LocalDate?

    public init(language: UILanguage, isLanguageExplicit: Bool, path: String, updated: LocalDate?) {
        self.language = language
        self.isLanguageExplicit = isLanguageExplicit
        self.path = path
        self.updated = updated
    }

    public var l: Localizer { Localizer(language) }

    /// A link to `target` that keeps an explicitly chosen language.
    public func href(_ target: SitePath) -> String {
        target.href(isLanguageExplicit ? language : nil)
    }

    /// The same page in `other` language.
    public func href(language other: UILanguage) -> String {
        path + (path.contains("?") ? "&" : "?") + "lang=" + other.rawValue
    }

    /// A copy with another footer date.
    public func updated(_ date: LocalDate?) -> PageContext {
        PageContext(language: language, isLanguageExplicit: isLanguageExplicit, path: path, updated: date)
    }
}
