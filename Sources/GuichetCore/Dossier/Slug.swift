/// A URL-safe identifier: lowercase ASCII letters, digits and single hyphens.
///
/// Slugs name sections, items and tags in URLs and in the editorial sources; they never carry
/// personal data.
public struct Slug: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let rawValue: String

    /// Accepts `rawValue` only when it is a well-formed slug (1–120 characters).
    public init?(_ rawValue: some StringProtocol) {
        let text = String(rawValue)
        guard !text.isEmpty, text.utf8.count <= 120,
            text.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }),
            text.first != "-", text.last != "-", !text.contains("--")
        else { return nil }
        self.rawValue = text
    }

    public var description: String { rawValue }

    public static func < (lhs: Slug, rhs: Slug) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let slug = Slug(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a slug: \(text)")
        }
        self = slug
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
