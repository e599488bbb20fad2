/// Postal addresses written by people, as lines: `\n`-separated, or one line with commas.
enum AddressText {
    /// The lines of an address. Without new lines, commas separate lines, except after a house number
    /// alone (« 12, rue des Lilas » stays one line).
    static func lines(_ address: String) -> [String] {
        let trimmed = address.split(whereSeparator: \.isNewline)
            .map { String($0).trimmingASCIIWhitespace() }
            .filter { !$0.isEmpty }
        if trimmed.count > 1 { return trimmed }
        guard let single = trimmed.first else { return [] }
        var lines: [String] = []
        for part in single.split(separator: ",").map({ String($0).trimmingASCIIWhitespace() }) where !part.isEmpty {
            if let last = lines.last, isHouseNumber(last) {
                lines[lines.count - 1] = last + ", " + part
            } else {
                lines.append(part)
            }
        }
        return lines
    }

    /// The town of the last line that starts with a five-digit postal code (« 93200 Saint-Denis » →
    /// « Saint-Denis »), without a CEDEX mention; `nil` when there is none.
    static func town(_ address: String) -> String? {
        for line in lines(address).reversed() {
            let scalars = Array(line.unicodeScalars)
            guard scalars.count > 6, scalars[0..<5].allSatisfy({ ("0"..."9").contains($0) }), scalars[5] == " "
            else { continue }
            var words = String(String.UnicodeScalarView(scalars[6...])).split(separator: " ").map(String.init)
            if let cedex = words.firstIndex(where: { $0.uppercased() == "CEDEX" }) {
                words = Array(words[..<cedex])
            }
            let town = words.joined(separator: " ")
            return town.isEmpty ? nil : town
        }
        return nil
    }

    /// « 12 », « 12 bis », « 3ter »: a house number alone.
    private static func isHouseNumber(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first, ("0"..."9").contains(first), scalars.count <= 8 else { return false }
        let digits = scalars.prefix { ("0"..."9").contains($0) }
        let rest = String(String.UnicodeScalarView(scalars[digits.count...])).trimmingASCIIWhitespace().lowercased()
        return ["", "bis", "ter", "quater", "b", "t"].contains(rest)
    }
}
