/// Looks strings up in the catalog for one language and fills their placeholders.
public struct Localizer: Sendable {
    public let language: UILanguage

    public init(_ language: UILanguage) {
        self.language = language
    }

    /// The translation of `key`, with `%1`, `%2`… replaced by `arguments` in order.
    public func callAsFunction(_ key: UIString, _ arguments: String...) -> String {
        guard let entry = Catalog.entries[key] else { return key.rawValue }
        var text: String
        switch language {
        case .fr: text = entry.fr
        case .en: text = entry.en
        case .ar: text = entry.ar
        }
        for (index, argument) in arguments.enumerated().reversed() {
            text = text.replacing("%\(index + 1)", with: argument)
        }
        return text
    }
}
