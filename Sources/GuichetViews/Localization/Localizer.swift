/// Looks strings up in the catalog for one language and fills their placeholders.
public struct Localizer: Sendable {
    public let language: UILanguage

    public init(_ language: UILanguage) {
        self.language = language
    }

    /// The translation of `key`, with `%1`, `%2`… replaced by `arguments` in order.
    ///
    /// In a right-to-left language each argument (a date, a number, a name, often left to right) is
    /// bidi-isolated (U+2068 … U+2069), so that « 3 » or « 12/05/2025 » never reorders the sentence around it.
    public func callAsFunction(_ key: UIString, _ arguments: String...) -> String {
        guard let entry = Catalog.entries[key] else { return key.rawValue }
        var text: String
        switch language {
        case .fr: text = entry.fr
        case .en: text = entry.en
        case .ar: text = entry.ar
        case .fa, .ps, .ti, .so: text = Translations.text(key, language) ?? entry.fr
        }
        let isolate = language.isRightToLeft
        for (index, argument) in arguments.enumerated().reversed() {
            text = text.replacing("%\(index + 1)", with: isolate ? "\u{2068}" + argument + "\u{2069}" : argument)
        }
        return text
    }

    /// Whether `key` is shown in the page's language (false: a community language lacks it and French is shown).
    public func isTranslated(_ key: UIString) -> Bool {
        language.isCompiled || Translations.text(key, language) != nil
    }
}
