internal import HummingbirdBcrypt
internal import NIOPosix

/// Members' passwords: bcrypt (cost 12 in production), computed on NIO's blocking thread pool so that a login
/// never holds an event loop or a cooperative thread for the ~0.3 s a hash takes.
public struct Passwords: Sendable {
    /// The production cost; ``init(cost:)`` refuses less outside tests.
    public static let productionCost: UInt8 = 12
    /// The shortest password accepted.
    public static let minimumLength = 12

    public let cost: UInt8

    /// Passwords hashed at `cost` (12 or more; tests may pass 4 with `allowWeakCostForTests`).
    public init(cost: UInt8 = Passwords.productionCost, allowWeakCostForTests: Bool = false) {
        precondition(cost >= Self.productionCost || (allowWeakCostForTests && cost >= 4), "bcrypt cost below 12")
        self.cost = cost
    }

    /// Why a new password is refused, in French.
    public static func problem(with password: String) -> String? {
        if password.count < minimumLength { return "Le mot de passe doit avoir au moins \(minimumLength) caractères." }
        if password.utf8.count > 72 { return "Le mot de passe doit avoir au plus 72 octets (bcrypt n'en lit pas plus)." }
        return nil
    }

    public func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    public func verify(_ password: String, against hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }
}
