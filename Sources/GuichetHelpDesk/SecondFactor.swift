internal import HummingbirdOTP
public import Foundation

/// The TOTP second factor of admins and juristes (RFC 6238: 6 digits, 30-second steps, SHA-1, as every
/// authenticator app expects). A code is accepted for the current step and one step either side, and only once.
public enum SecondFactor {
    /// A new secret of 20 random symbols (an authenticator's key is its base32 form, see ``setupKey(secret:)``).
    public static func newSecret(using random: inout some RandomNumberGenerator) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567abcdefghijkmnpqrstuvwxyz")
        return String((0..<20).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &random)] })
    }

    /// The `otpauth://` address an authenticator app reads, for `label` (the member's email) and `issuer`.
    public static func authenticatorURL(secret: String, label: String, issuer: String) -> String {
        TOTP(secret: secret).createAuthenticatorURL(label: label, issuer: issuer)
    }

    /// The key to type into an authenticator app by hand: the base32 secret in groups of four.
    public static func setupKey(secret: String) -> String {
        let url = authenticatorURL(secret: secret, label: "x", issuer: "guichet")
        guard let range = url.range(of: "secret=") else { return "" }
        let base32 = url[range.upperBound...].prefix { $0 != "&" }
        var groups: [String] = []
        var current = ""
        for character in base32 {
            current.append(character)
            if current.count == 4 {
                groups.append(current)
                current = ""
            }
        }
        if !current.isEmpty { groups.append(current) }
        return groups.joined(separator: " ")
    }

    /// The code for `date` (what the member's app shows); for tests and the CLI's set-up check.
    public static func code(secret: String, at date: Date) -> String {
        let value = TOTP(secret: secret).compute(date: date)
        let digits = String(value)
        return String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// The time step `typed` is valid for at `date` (the step, or one either side), if it is later than
    /// `lastAcceptedStep`; `nil` when the code is wrong or already used.
    public static func acceptedStep(_ typed: String, secret: String, at date: Date, lastAcceptedStep: Int64) -> Int64? {
        let code = typed.filter { !$0.isWhitespace }
        guard code.count == 6, code.allSatisfy(\.isASCII), code.allSatisfy(\.isNumber) else { return nil }
        let step = Int64(date.timeIntervalSince1970 / 30)
        for candidate in [step - 1, step, step + 1] where candidate > lastAcceptedStep {
            if Self.code(secret: secret, at: Date(timeIntervalSince1970: TimeInterval(candidate * 30))) == code {
                return candidate
            }
        }
        return nil
    }
}
