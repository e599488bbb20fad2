/// A cited page and the day it was last checked: the sources of a guide and of the observatory's facts.
public struct DatedSource: Hashable, Sendable {
    public let title: String
    public let url: String
    public let checked: LocalDate

    public init(title: String, url: String, checked: LocalDate) {
        self.title = title
        self.url = url
        self.checked = checked
    }
}
