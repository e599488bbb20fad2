/// A public online platform whose entry page the observatory may probe: a national téléservice named by the
/// dossier (ANEF, France-Visas, Ofpra's portal) or a prefecture's booking page given by the reference data.
///
/// The national ones are content (`content/observatoire/plateformes.yml`); a booking page comes from the
/// `booking_url` of a département's fact and is named `rdv-<code>` (``PlatformDirectory``).
public struct Platform: Hashable, Sendable {
    /// A platform's identifier: lower-case ASCII letters, digits and hyphens (`anef`, `rdv-93`, `rdv-2a`).
    public struct ID: Hashable, Sendable, Comparable, CustomStringConvertible {
        public let rawValue: String

        /// `nil` unless `text` is 1 to 40 of `a-z`, `0-9`, `-`, starting with a letter or a digit.
        public init?(_ text: some StringProtocol) {
            let bytes = Array(text.utf8)
            guard (1...40).contains(bytes.count), bytes[0] != UInt8(ascii: "-"),
                bytes.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == UInt8(ascii: "-") })
            else { return nil }
            rawValue = String(decoding: bytes, as: UTF8.self)
        }

        public var description: String { rawValue }
        public static func < (a: ID, b: ID) -> Bool { a.rawValue < b.rawValue }
    }

    /// Where the platform comes from.
    public enum Kind: Hashable, Sendable {
        /// A national téléservice listed in `plateformes.yml`.
        case national
        /// A prefecture's online booking page (`booking_url` of the département's reference data).
        case booking(department: String)
    }

    public let id: ID
    /// French name shown on the pages and in the certificate.
    public let name: String
    /// The public entry page: the only address the prober ever requests (never a login, a form or a captcha).
    public let entryURL: ProbeURL
    public let kind: Kind
    /// Where the entry address was read, each with the day it was checked.
    public let sources: [DatedSource]
    /// `false`: the address could not be checked against the project's reference files (shown « non vérifiée »,
    /// `UNVERIFIED` in the data).
    public let isVerified: Bool
    /// French, plain text.
    public let note: String?

    public init(
        id: ID, name: String, entryURL: ProbeURL, kind: Kind = .national, sources: [DatedSource], isVerified: Bool,
        note: String? = nil
    ) {
        self.id = id
        self.name = name
        self.entryURL = entryURL
        self.kind = kind
        self.sources = sources
        self.isVerified = isVerified
        self.note = note
    }

    /// The host whose 10-minute budget the platform shares (``ProbeURL/hostKey``).
    public var hostKey: String { entryURL.hostKey }
}

/// An absolute `http://` or `https://` address split into what a prober needs. Pure: no resolution, no
/// percent-decoding; only a host name or an IPv4 address (no user info, no IPv6 literal).
public struct ProbeURL: Hashable, Sendable, CustomStringConvertible {
    public let isSecure: Bool
    /// Lower case.
    public let host: String
    public let port: Int
    /// The path and query, starting with `/` (`/` when the address has none); never the fragment.
    public let target: String

    /// Reads `text`; `nil` for anything but `http(s)://host[:port][/path][?query][#fragment]`.
    public init?(_ text: String) {
        let secure: Bool
        let rest: Substring
        if text.hasPrefix("https://") {
            secure = true
            rest = text.dropFirst(8)
        } else if text.hasPrefix("http://") {
            secure = false
            rest = text.dropFirst(7)
        } else {
            return nil
        }
        guard !text.contains(where: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" || !$0.isASCII }) else { return nil }
        let withoutFragment = rest.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let authorityEnd = withoutFragment.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? withoutFragment.endIndex
        let authority = withoutFragment[..<authorityEnd]
        var target = String(withoutFragment[authorityEnd...])
        if target.isEmpty { target = "/" } else if target.hasPrefix("?") { target = "/" + target }
        guard !authority.isEmpty, !authority.contains("@"), !authority.contains("[") else { return nil }
        let parts = authority.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return nil }
        let host = parts[0].lowercased()
        guard !host.isEmpty, host.utf8.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D || $0 == 0x2E })
        else { return nil }
        var port = secure ? 443 : 80
        if parts.count == 2 {
            guard let value = Int(parts[1]), (1...65535).contains(value) else { return nil }
            port = value
        }
        self.isSecure = secure
        self.host = host
        self.port = port
        self.target = target
    }

    /// The path alone (without the query), for robots.txt rules.
    public var path: String { String(target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "/") }

    /// `host:port`: the unit of the 10-minute rule and of the robots.txt cache.
    public var hostKey: String { "\(host):\(port)" }

    /// The `Host` header's value.
    public var hostHeader: String { (isSecure ? port == 443 : port == 80) ? host : "\(host):\(port)" }

    /// The address of the host's `robots.txt`.
    public var robotsURL: ProbeURL { ProbeURL(isSecure: isSecure, host: host, port: port, target: "/robots.txt") }

    private init(isSecure: Bool, host: String, port: Int, target: String) {
        self.isSecure = isSecure
        self.host = host
        self.port = port
        self.target = target
    }

    public var description: String { (isSecure ? "https://" : "http://") + hostHeader + target }
}

/// Every platform the observatory follows: the national ones from the content, then one booking page per
/// département whose reference data gives a `booking_url`.
public enum PlatformDirectory {
    /// `national` (in their file's order), then `rdv-<code>` for each département in the court table's order: the
    /// `booking_url` of its first procedure family (in ``Observatory/Procedure`` order) that has one, with that fact's
    /// sources. A booking address that is not an absolute `http(s)` address is left out.
    public static func platforms(national: [Platform], board: Observatory.Board?) -> [Platform] {
        var platforms = national
        guard let board else { return platforms }
        for department in Department.all {
            guard let record = board.departments[department.code] else { continue }
            for procedure in Observatory.Procedure.allCases {
                guard let fact = record.procedures[procedure], let text = fact.bookingURL, let url = ProbeURL(text),
                    let id = Platform.ID("rdv-" + department.code.lowercased())
                else { continue }
                platforms.append(
                    Platform(
                        id: id, name: "Rendez-vous en ligne : " + department.prefectureName, entryURL: url,
                        kind: .booking(department: department.code), sources: fact.sources, isVerified: true,
                        note: "Page de prise de rendez-vous donnée par les données de référence (\(procedure.frenchLabel))."))
                break
            }
        }
        return platforms
    }
}
