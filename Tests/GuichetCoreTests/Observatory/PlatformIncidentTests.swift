import Testing
@testable import GuichetCore

@Suite("Observatory: platforms, probes and incidents")
struct PlatformIncidentTests {
    static let anef = Platform.ID("anef")!
    /// Tuesday 3 November 2026, 10:00 in Paris (09:00 UTC).
    static let t0: Int64 = 1_793_696_400

    static func probe(_ minutes: Int, _ outcome: PlatformProbe.Outcome, platform: Platform.ID = anef) -> PlatformProbe {
        PlatformProbe(platform: platform, at: t0 + Int64(minutes) * 60, outcome: outcome, durationMilliseconds: 100)
    }

    static let up = PlatformProbe.Outcome.http(status: 200)
    static let down = PlatformProbe.Outcome.http(status: 503)

    struct Case: CustomTestStringConvertible, Sendable {
        let description: String
        let outcomes: [PlatformProbe.Outcome]
        /// (start minute, end minute or nil, failed probes)
        let expected: [(Int, Int?, Int)]
        var testDescription: String { description }
    }

    static let cases: [Case] = [
        Case(description: "one failed probe between two answers is not an incident", outcomes: [up, down, up], expected: []),
        Case(description: "two consecutive failures open, the next answer closes", outcomes: [up, down, .error(.timeout), up, up], expected: [(10, 30, 2)]),
        Case(description: "failures at the end: ongoing", outcomes: [up, down, down, down], expected: [(10, nil, 3)]),
        Case(description: "a robots.txt refusal neither breaks nor closes a run", outcomes: [down, .robotsDisallowed, down, .robotsDisallowed, up], expected: [(0, 40, 2)]),
        Case(description: "a redirection and a 404 are answers", outcomes: [down, .http(status: 302), down, .http(status: 404)], expected: []),
        Case(description: "two incidents, newest first", outcomes: [down, down, up, down, .error(.connectionRefused), up], expected: [(30, 50, 2), (0, 20, 2)]),
    ]

    @Test("incidents from probes", arguments: cases)
    func fromProbes(_ c: Case) {
        let probes = c.outcomes.enumerated().map { Self.probe($0.offset * 10, $0.element) }
        let incidents = PlatformIncident.detect(probes: probes.shuffled(), reports: [], now: Self.t0 + 86_400)
        #expect(incidents.map { Int(($0.start - Self.t0) / 60) } == c.expected.map(\.0))
        #expect(incidents.map { $0.end.map { Int(($0 - Self.t0) / 60) } } == c.expected.map(\.1))
        #expect(incidents.map(\.failedProbes) == c.expected.map(\.2))
        #expect(incidents.allSatisfy { $0.reports == 0 })
    }

    @Test("report weeks join the probe incident they overlap, or make their own week-long incident")
    func fromReports() {
        let week45 = ReportWeek(year: 2026, week: 45)!  // 2–8 November 2026: holds t0
        let week47 = ReportWeek(year: 2026, week: 47)!
        let probes = [Self.probe(0, Self.down), Self.probe(10, Self.down), Self.probe(20, Self.up)]
        let reports: [PlatformReportEvidence] = [("anef", week45, 6), ("anef", week47, 9), ("rdv-93", week47, 5), ("Invalid Id", week47, 8), ("anef", week45, 0)]
        let incidents = PlatformIncident.detect(probes: probes, reports: reports, now: Self.t0 + 30 * 86_400)
        #expect(incidents.count == 3)
        let anef = incidents.filter { $0.platform == Self.anef }
        #expect(anef.count == 2)
        // Newest first: the report-only week 47, Monday 16 November 00:00 Paris (23:00 UTC the day before) to Monday 23.
        #expect(anef[0].start == PlatformIncident.start(of: week47))
        #expect(anef[0].start == 1_794_783_600)
        #expect(anef[0].end == PlatformIncident.start(of: week47.adding(weeks: 1)))
        #expect(anef[0].failedProbes == 0 && anef[0].reports == 9)
        #expect(anef[1].start == Self.t0 && anef[1].failedProbes == 2 && anef[1].reports == 6 && anef[1].reportWeeks == [week45])
        #expect(incidents.contains { $0.platform.rawValue == "rdv-93" && $0.reports == 5 })
    }

    @Test("a report week that is still running makes an ongoing incident")
    func reportWeekRunning() {
        let week = ReportWeek(containing: LocalDate(year: 2026, month: 11, day: 3)!)
        let incidents = PlatformIncident.detect(probes: [], reports: [("anef", week, 5)], now: Self.t0)
        #expect(incidents.count == 1 && incidents[0].isOngoing)
    }

    @Test("the status board: each platform's last probe and its ongoing incident")
    func statusBoard() {
        let platforms = [
            Platform(id: Self.anef, name: "ANEF", entryURL: ProbeURL("https://anef.example/")!, sources: [], isVerified: true),
            Platform(id: Platform.ID("ofpra")!, name: "Ofpra", entryURL: ProbeURL("https://ofpra.example/")!, sources: [], isVerified: false),
        ]
        let probes = [Self.probe(0, Self.down), Self.probe(10, Self.down)]
        let incidents = PlatformIncident.detect(probes: probes, reports: [], now: Self.t0)
        let board = PlatformStatus.board(platforms: platforms, lastProbes: probes, incidents: incidents)
        #expect(board[0].lastProbe == probes[1] && board[0].ongoingIncident?.failedProbes == 2)
        #expect(board[1].lastProbe == nil && board[1].ongoingIncident == nil)
    }

    @Test("platform ids, probe addresses and the host key")
    func urls() throws {
        #expect(Platform.ID("rdv-2a")?.rawValue == "rdv-2a")
        for bad in ["", "-x", "RDV", "rdv 93", "é", String(repeating: "a", count: 41)] { #expect(Platform.ID(bad) == nil, "\(bad)") }
        let url = try #require(ProbeURL("https://Administration-Etrangers.example/accueil?x=1#haut"))
        #expect(url.host == "administration-etrangers.example" && url.port == 443 && url.target == "/accueil?x=1" && url.path == "/accueil")
        #expect(url.hostKey == "administration-etrangers.example:443" && url.hostHeader == "administration-etrangers.example")
        #expect(url.robotsURL.description == "https://administration-etrangers.example/robots.txt")
        #expect(ProbeURL("http://127.0.0.1:8080")?.target == "/")
        #expect(ProbeURL("http://127.0.0.1:8080")?.hostHeader == "127.0.0.1:8080")
        for bad in ["ftp://x.example/", "https://", "https://user@x.example/", "https://x.example:0/", "https://[::1]/", "https://x.example/a b"] {
            #expect(ProbeURL(bad) == nil, "\(bad)")
        }
    }

    @Test("booking pages of the reference data become rdv-<code> platforms")
    func bookingPlatforms() {
        let source = DatedSource(title: "Préfecture", url: "https://www.example.gouv.fr/", checked: LocalDate(year: 2026, month: 12, day: 1)!)
        let board = Observatory.Board(
            checked: LocalDate(year: 2026, month: 12, day: 1)!, national: [:],
            departments: [
                "2A": Observatory.DepartmentRecord(
                    code: "2A", checked: LocalDate(year: 2026, month: 12, day: 1)!,
                    procedures: [
                        .renewal: Observatory.Fact(channel: .onlineAppointment, alternative: .no, bookingURL: "https://rdv.example/2a-b", sources: [source]),
                        .firstPermit: Observatory.Fact(channel: .onlineAppointment, alternative: .no, bookingURL: "https://rdv.example/2a", sources: [source]),
                    ])
            ], decisions: [])
        let national = [Platform(id: Self.anef, name: "ANEF", entryURL: ProbeURL("https://anef.example/")!, sources: [source], isVerified: true)]
        let platforms = PlatformDirectory.platforms(national: national, board: board)
        #expect(platforms.map(\.id.rawValue) == ["anef", "rdv-2a"])
        #expect(platforms[1].entryURL.description == "https://rdv.example/2a", "the first procedure family's booking page")
        #expect(platforms[1].kind == .booking(department: "2A"))
    }

    @Test("robots.txt: groups, longest match, Allow wins a tie, wildcards and $")
    func robots() {
        let rules = RobotsRules(text: """
            # commentaire
            User-agent: guichet-observatoire
            User-agent: autre
            Disallow: /espace
            Allow: /espace/public
            Disallow: /*.pdf$

            User-agent: *
            Disallow: /
            """)
        #expect(rules.allows("/", agent: "guichet-observatoire"))
        #expect(!rules.allows("/espace/prive", agent: "Guichet-Observatoire"))
        #expect(rules.allows("/espace/public/page", agent: "guichet-observatoire"))
        #expect(!rules.allows("/doc/notice.pdf", agent: "guichet-observatoire"))
        #expect(rules.allows("/doc/notice.pdf?v=1", agent: "guichet-observatoire"))
        #expect(!rules.allows("/", agent: "inconnu"), "other robots fall to the * group")
        #expect(RobotsRules(text: "User-agent: *\nDisallow:\n").allows("/", agent: "x"), "an empty Disallow allows")
        #expect(RobotsRules.allowAll.allows("/x", agent: "x") && !RobotsRules.disallowAll.allows("/x", agent: "x"))
        #expect(RobotsRules(text: "User-agent: *\nAllow: /a\nDisallow: /a\n").allows("/a", agent: "x"), "a tie goes to Allow")
    }

    @Test("the schedule: a host is due after 10 minutes, its platform probed longest ago first")
    func schedule() {
        let a = Platform(id: Platform.ID("rdv-93")!, name: "a", entryURL: ProbeURL("https://rdv.example/a")!, sources: [], isVerified: true)
        let b = Platform(id: Platform.ID("rdv-94")!, name: "b", entryURL: ProbeURL("https://rdv.example/b")!, sources: [], isVerified: true)
        let c = Platform(id: Self.anef, name: "c", entryURL: ProbeURL("https://anef.example/")!, sources: [], isVerified: true)
        let last = ["rdv.example:443": Self.t0, "anef.example:443": Self.t0 - 600]
        #expect(ProbeSchedule.due(platforms: [a, b, c], lastRequestByHost: last, lastProbeByPlatform: [:], now: Self.t0 + 599).map(\.id) == [Self.anef])
        let due = ProbeSchedule.due(platforms: [a, b, c], lastRequestByHost: last, lastProbeByPlatform: [a.id: Self.t0], now: Self.t0 + 600)
        #expect(due.map(\.id.rawValue) == ["anef", "rdv-94"])
    }
}
