internal import Hummingbird
internal import GuichetViews
internal import GuichetCore

/// The interface language of one request: `?lang=` first, then `Accept-Language`, then French.
struct ReaderLanguage: Sendable {
    let language: UILanguage
    let isExplicit: Bool

    init(_ request: Request) {
        if let value = request.uri.queryParameters.get("lang"), let language = UILanguage(rawValue: value) {
            self.language = language
            self.isExplicit = true
        } else {
            self.language = UILanguage.negotiate(acceptLanguage: request.headers[.acceptLanguage])
            self.isExplicit = false
        }
    }

    /// A cache key part: language and whether links carry it.
    var key: String { language.rawValue + (isExplicit ? "!" : "") }

    func context(path: String, updated: LocalDate?) -> PageContext {
        PageContext(language: language, isLanguageExplicit: isExplicit, path: path, updated: updated)
    }
}
