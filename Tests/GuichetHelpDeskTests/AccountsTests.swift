import Foundation
import GuichetCore
import GuichetEncryption
import GuichetHelpDesk
import GuichetSQLite
import GuichetStorage
import Testing

@Suite("Help desk accounts")
struct AccountsTests {
    let start = HelpDeskFixture.start

    @Test("an invited juriste sets a password and a second factor, then logs in with both; the cookie changes at each step")
    func juristeLogin() async throws {
        let desk = try HelpDeskFixture()
        let org = try await desk.accounts.createOrganisation(slug: "asso-lyon", name: "Asso Lyon", now: start)
        let (_, secret) = try await desk.accounts.invite(
            email: "  Juriste@Example.org ", displayName: "Maître Test", role: .juriste, into: org, actorID: "cli", now: start)
        let view = try await desk.accounts.choosePassword(secret: secret, password: "correct horse battery", now: start)
        #expect(view.email == "juriste@example.org")
        let url = try #require(view.secondFactorURL)
        #expect(url.hasPrefix("otpauth://totp/"))
        let totp = try HelpDeskFixture.totpSecret(fromURL: url)
        // Not active before the first code: no login.
        await #expect(throws: HelpDeskError.badCredentials) {
            _ = try await desk.accounts.logIn(
                organisationID: org.id, email: "juriste@example.org", password: "correct horse battery", clientKey: "a", now: start)
        }
        await #expect(throws: HelpDeskError.badSecondFactor) {
            try await desk.accounts.confirmSecondFactor(secret: secret, code: "000000", now: start)
        }
        try await desk.accounts.confirmSecondFactor(
            secret: secret, code: SecondFactor.code(secret: totp, at: Date(timeIntervalSince1970: TimeInterval(start))), now: start)
        // The link works once.
        await #expect(throws: HelpDeskError.invitationNotValid) { _ = try await desk.accounts.invitation(secret: secret, now: start) }

        let later = start + 120
        let first = try await desk.accounts.logIn(
            organisationID: org.id, email: "JURISTE@example.org", password: "correct horse battery", clientKey: "a", now: later)
        #expect(first.needsSecondFactor)
        // A session waiting for its second factor opens nothing.
        #expect(try await desk.accounts.member(cookie: first.cookie, now: later) == nil)
        let code = SecondFactor.code(secret: totp, at: Date(timeIntervalSince1970: TimeInterval(later)))
        let second = try await desk.accounts.completeSecondFactor(cookie: first.cookie, code: code, now: later)
        #expect(second.cookie != first.cookie)
        #expect(!second.needsSecondFactor)
        let member = try #require(try await desk.accounts.member(cookie: second.cookie, now: later + 1))
        #expect(member.role == .juriste && member.displayName == "Maître Test" && member.organisation.id == org.id)
        // The same code is not accepted twice.
        let again = try await desk.accounts.logIn(
            organisationID: org.id, email: "juriste@example.org", password: "correct horse battery", clientKey: "a", now: later + 2)
        await #expect(throws: HelpDeskError.badSecondFactor) {
            _ = try await desk.accounts.completeSecondFactor(cookie: again.cookie, code: code, now: later + 2)
        }
        // Eight idle hours end the session.
        #expect(try await desk.accounts.member(cookie: second.cookie, now: later + 1 + HelpDeskAccounts.sessionIdleSeconds + 1) == nil)
    }

    @Test("a bénévole logs in with the password only; a bcrypt hash of cost 12 is what production uses")
    func benevoleLogin() async throws {
        let desk = try HelpDeskFixture()
        let org = try await desk.accounts.createOrganisation(slug: "asso", name: "Asso", now: start)
        let (member, cookie) = try await desk.member(.benevole, in: org)
        #expect(member.role == .benevole)
        #expect(cookie.count == 64)
        #expect(Passwords().cost == 12)
        #expect(Passwords.problem(with: "court") != nil)
    }

    @Test("five wrong passwords lock the account for 15 minutes, even for the right password")
    func lockout() async throws {
        let desk = try HelpDeskFixture()
        let org = try await desk.accounts.createOrganisation(slug: "asso", name: "Asso", now: start)
        _ = try await desk.member(.benevole, in: org, email: "b@example.org", password: "le bon mot de passe")
        for attempt in 0..<4 {
            await #expect(throws: HelpDeskError.badCredentials) {
                _ = try await desk.accounts.logIn(
                    organisationID: org.id, email: "b@example.org", password: "mauvais \(attempt)", clientKey: "c", now: start + 100)
            }
        }
        await #expect(throws: HelpDeskError.lockedOut) {
            _ = try await desk.accounts.logIn(
                organisationID: org.id, email: "b@example.org", password: "mauvais 5", clientKey: "c", now: start + 100)
        }
        await #expect(throws: HelpDeskError.lockedOut) {
            _ = try await desk.accounts.logIn(
                organisationID: org.id, email: "b@example.org", password: "le bon mot de passe", clientKey: "c", now: start + 200)
        }
        let step = try await desk.accounts.logIn(
            organisationID: org.id, email: "b@example.org", password: "le bon mot de passe", clientKey: "c",
            now: start + 100 + HelpDeskAccounts.lockSeconds + 1)
        #expect(!step.needsSecondFactor)
    }

    @Test("thirty attempts from one address in 15 minutes lock that address, whatever the account")
    func addressLimit() async throws {
        let desk = try HelpDeskFixture()
        let org = try await desk.accounts.createOrganisation(slug: "asso", name: "Asso", now: start)
        for attempt in 0..<HelpDeskAccounts.attemptsPerAddress {
            await #expect(throws: HelpDeskError.badCredentials) {
                _ = try await desk.accounts.logIn(
                    organisationID: org.id, email: "x\(attempt)@example.org", password: "p", clientKey: "same", now: start)
            }
        }
        await #expect(throws: HelpDeskError.lockedOut) {
            _ = try await desk.accounts.logIn(organisationID: org.id, email: "y@example.org", password: "p", clientKey: "same", now: start)
        }
        await #expect(throws: HelpDeskError.badCredentials) {
            _ = try await desk.accounts.logIn(organisationID: org.id, email: "y@example.org", password: "p", clientKey: "other", now: start)
        }
    }

    @Test("« se déconnecter partout » ends every session of the member and no other")
    func logoutEverywhere() async throws {
        let desk = try HelpDeskFixture()
        let org = try await desk.accounts.createOrganisation(slug: "asso", name: "Asso", now: start)
        let (member, first) = try await desk.member(.benevole, in: org, email: "b@example.org", password: "le bon mot de passe")
        let second = try await desk.accounts.logIn(
            organisationID: org.id, email: "b@example.org", password: "le bon mot de passe", clientKey: "d", now: start + 40).cookie
        let (_, otherCookie) = try await desk.member(.benevole, in: org)
        #expect(try await desk.accounts.logOutEverywhere(member, now: start + 50) == 2)
        #expect(try await desk.accounts.member(cookie: first, now: start + 60) == nil)
        #expect(try await desk.accounts.member(cookie: second, now: start + 60) == nil)
        #expect(try await desk.accounts.member(cookie: otherCookie, now: start + 60) != nil)
    }

    @Test("an email is stored only sealed and as a keyed hash; the same email may join two organisations")
    func emailsSealed() async throws {
        let desk = try HelpDeskFixture()
        let one = try await desk.accounts.createOrganisation(slug: "une", name: "Une", now: start)
        let two = try await desk.accounts.createOrganisation(slug: "deux", name: "Deux", now: start)
        let (a, _) = try await desk.member(.benevole, in: one, email: "meme@example.org")
        let (b, _) = try await desk.member(.benevole, in: two, email: "meme@example.org")
        #expect(a.organisation.id != b.organisation.id)
        let stored = try #require(try await desk.store.account(id: a.accountID))
        #expect(!String(decoding: stored.sealedProfile, as: UTF8.self).contains("meme@"))
        #expect(!stored.emailLookup.contains("meme"))
        await #expect(throws: HelpDeskError.invalid("Cette adresse a déjà un compte dans l'organisation.")) {
            _ = try await desk.accounts.invite(email: "MEME@example.org", displayName: "X", role: .juriste, into: one, actorID: "cli", now: start)
        }
    }
}
