public import Foundation
public import GuichetCore
public import GuichetHelpDesk
public import GuichetStorage

/// Members and cases for help-desk tests: an invited member who joins (password, and for admins and juristes the
/// TOTP set-up read from the authenticator URL) and logs in, as a person would through the pages.
public enum HelpDeskFixtures {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// An active, logged-in member of `organisation` with `role`: the member and the session cookie.
    public static func member(
        _ role: HelpDeskRole, in organisation: OrganisationRecord, accounts: HelpDeskAccounts, email: String? = nil,
        name: String = "Camille Test", password: String = "un mot de passe long", now: Int64
    ) async throws -> (member: Member, cookie: String, totpSecret: String?) {
        let address = email ?? "\(role.rawValue)-\(UUID().uuidString.prefix(8).lowercased())@example.org"
        let (_, secret) = try await accounts.invite(
            email: address, displayName: name, role: role, into: organisation, actorID: "cli", now: now)
        let view = try await accounts.choosePassword(secret: secret, password: password, now: now)
        var totp: String?
        if role.requiresSecondFactor {
            guard let url = view.secondFactorURL else { throw Failure(description: "no TOTP set-up for \(role)") }
            totp = try totpSecret(fromURL: url)
            try await accounts.confirmSecondFactor(secret: secret, code: SecondFactor.code(secret: totp!, at: date(now)), now: now)
        }
        var step = try await accounts.logIn(
            organisationID: organisation.id, email: address, password: password, clientKey: "test-\(address)", now: now + 31)
        if step.needsSecondFactor, let totp {
            step = try await accounts.completeSecondFactor(cookie: step.cookie, code: SecondFactor.code(secret: totp, at: date(now + 31)), now: now + 31)
        }
        guard let member = try await accounts.member(cookie: step.cookie, now: now + 32) else {
            throw Failure(description: "the new session opens no member")
        }
        return (member, step.cookie, totp)
    }

    static func date(_ seconds: Int64) -> Date { Date(timeIntervalSince1970: TimeInterval(seconds)) }

    /// The raw TOTP secret from an `otpauth://` URL (its base32 `secret=` parameter, decoded).
    public static func totpSecret(fromURL url: String) throws -> String {
        guard let parameter = url.split(separator: "?").last?.split(separator: "&").first(where: { $0.hasPrefix("secret=") }) else {
            throw Failure(description: "no secret in \(url)")
        }
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var bits = 0
        var value = 0
        var bytes: [UInt8] = []
        for character in parameter.dropFirst("secret=".count) {
            guard let index = alphabet.firstIndex(of: character) else { continue }
            value = (value << 5) | index
            bits += 5
            if bits >= 8 {
                bytes.append(UInt8((value >> (bits - 8)) & 0xFF))
                bits -= 8
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A mandate with every scope, `days` long from `from`.
    public static func mandate(days: Int = 180, from: LocalDate) throws -> Mandate {
        try Mandate(scopes: Set(MandateScope.allCases), from: from, days: days)
    }

    /// A renewal case in `department` with every field the référé and the letters need.
    public static func input(
        name: String = "Amina Diallo-Benali", department: String = "69", assignee: String? = nil, from: LocalDate
    ) throws -> NewCaseInput {
        guard let place = Department.all.first(where: { $0.code == department }) else {
            throw Failure(description: "unknown département \(department)")
        }
        return NewCaseInput(
            person: Person(
                name: name, birthDate: LocalDate(year: 1990, month: 4, day: 12), birthPlace: "Conakry (Guinée)",
                nationality: "guinéenne", address: "12 rue des Lilas\n69003 Lyon", phone: "06 12 34 56 78"),
            languages: ["français", "peul"], department: place, procedure: .renouvellementTitre,
            permitExpiry: from.adding(days: 20), mandate: try mandate(from: from), assigneeID: assignee)
    }
}
