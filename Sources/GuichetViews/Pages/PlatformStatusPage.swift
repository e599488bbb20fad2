public import GuichetCore

/// `/etat-des-plateformes`: each platform's last probe (time in Europe/Paris, result, time taken), the incidents
/// newest first with what stands behind each, the rules of the prober, and the form of the outage certificate.
public enum PlatformStatusPage {
    /// What the page shows.
    public struct Model: Sendable {
        public let statuses: [PlatformStatus]
        /// Newest first.
        public let incidents: [PlatformIncident]
        /// Whether this deployment probes (« sondage désactivé sur ce site » otherwise).
        public let isProbingEnabled: Bool
        /// The prober's `User-Agent`, when it probes.
        public let userAgent: String?
        /// The day shown as the certificate form's default end.
        public let today: LocalDate

        public init(statuses: [PlatformStatus], incidents: [PlatformIncident], isProbingEnabled: Bool, userAgent: String?, today: LocalDate) {
            self.statuses = statuses
            self.incidents = incidents
            self.isProbingEnabled = isProbingEnabled
            self.userAgent = userAgent
            self.today = today
        }
    }

    /// The most incidents listed; the open data has them all.
    public static let incidentLimit = 60

    /// « 3 novembre 2026, 10:20 » on the Paris clock, in the page's language.
    static func parisTime(_ seconds: Int64, _ language: UILanguage) -> String {
        let reading = CivilTimeZone.europeParis.wallClockReading(utcMinutes: Int(seconds >= 0 ? seconds / 60 : (seconds - 59) / 60))
        return DateText.long(reading.date, language) + ", " + reading.time.iso
    }

    static func outcomeLabel(_ probe: PlatformProbe, _ context: PageContext) -> String {
        let l = context.l
        switch probe.outcome {
        case .http(let status): return "HTTP \(status)" + (probe.verdict == .down ? " — " + l(.platDown) : " — " + l(.platUp))
        case .robotsDisallowed: return l(.platRobots)
        case .error(let error):
            let label: UIString
            switch error {
            case .timeout: label = .platErrTimeout
            case .connectionRefused: label = .platErrRefused
            case .dns: label = .platErrDNS
            case .tls: label = .platErrTLS
            case .connectionReset: label = .platErrReset
            case .invalidResponse: label = .platErrInvalid
            case .other: label = .platErrOther
            }
            return l(label) + " — " + l(.platDown)
        }
    }

    public static func page(_ model: Model, context: PageContext) -> String {
        let l = context.l
        let names = Dictionary(model.statuses.map { ($0.platform.id, $0.platform.name) }, uniquingKeysWith: { a, _ in a })
        return Layout.page(title: l(.platTitle), description: l(.platIntro), context: context) {
            el("p") { el("a", ["href": context.href(.observatory)]) { l(.navObservatory) } }
            el("h1") { l(.platTitle) }
            el("p") { l(.platIntro) }
            if !model.isProbingEnabled { el("p", ["class": "warning"]) { l(.platProbingOffNote) } }
            el("section", ["aria-labelledby": "etat"]) {
                el("h2", ["id": "etat"]) { l(.platCurrent) }
                el("table", ["class": "observatory"]) {
                    el("caption") { l(.platCurrentCaption) }
                    el("thead") {
                        el("tr") {
                            el("th", ["scope": "col"]) { l(.platColPlatform) }
                            el("th", ["scope": "col"]) { l(.platColLastProbe) }
                            el("th", ["scope": "col"]) { l(.platColResult) }
                            el("th", ["scope": "col"]) { l(.platColDuration) }
                        }
                    }
                    el("tbody") {
                        for status in model.statuses {
                            el("tr") {
                                Layout.content("th", context) {
                                    status.platform.name
                                    el("br")
                                    el("span", ["class": "meta"]) { status.platform.entryURL.description }
                                    if !status.platform.isVerified {
                                        el("br")
                                        Layout.interface(l(.platUnverified), context)
                                    }
                                }
                                if let probe = status.lastProbe {
                                    el("td") { el("time", ["datetime": OutageCertificate.isoUTC(probe.at)]) { parisTime(probe.at, context.language) } }
                                    Node.element("td", attributes: probe.verdict == .down ? [Attribute("class", "down")] : [], children: [
                                        .text(outcomeLabel(probe, context))
                                    ] + (status.ongoingIncident.map { incident in
                                        [el("br"), .text(l(.platOngoing, parisTime(incident.start, context.language)))]
                                    } ?? []))
                                    el("td") { l(.platMilliseconds, String(probe.durationMilliseconds)) }
                                } else {
                                    el("td", ["colspan": "3"]) { model.isProbingEnabled ? l(.platNeverProbed) : l(.platProbingOff) }
                                }
                            }
                        }
                    }
                }
                el("p", ["class": "hint"]) { l(.platParisTimes) }
            }
            el("section", ["aria-labelledby": "incidents"]) {
                el("h2", ["id": "incidents"]) { l(.platHistory) }
                el("p") { l(.platDefinition) }
                if model.incidents.isEmpty {
                    el("p") { l(.platNoIncident) }
                } else {
                    el("ul", ["class": "items"]) {
                        for incident in model.incidents.prefix(incidentLimit) {
                            el("li") {
                                Node.element("strong", attributes: Layout.frenchContent(context),
                                    children: [.text(names[incident.platform] ?? incident.platform.rawValue)])
                                " : "
                                if let end = incident.end {
                                    l(.platIncidentFrom, parisTime(incident.start, context.language), parisTime(end, context.language))
                                } else {
                                    l(.platIncidentSince, parisTime(incident.start, context.language))
                                }
                                el("br")
                                l(.platEvidence, String(incident.failedProbes), String(incident.reports))
                            }
                        }
                    }
                }
            }
            el("section", ["aria-labelledby": "attestation"]) {
                el("h2", ["id": "attestation"]) { l(.platCertificateTitle) }
                el("p") { l(.platCertificateIntro) }
                el("form", ["class": "certificate", "action": SitePath.outageCertificate.path, "method": "get"]) {
                    if context.isLanguageExplicit {
                        el("input", ["type": "hidden", "name": "lang", "value": context.language.rawValue])
                    }
                    el("div", ["class": "field"]) {
                        el("label", ["for": "plateforme"]) { l(.platColPlatform) }
                        Node.element("select", attributes: [Attribute("id", "plateforme"), Attribute("name", "plateforme")],
                            children: model.statuses.enumerated().map { index, status in
                                DeadlinePage.option(value: status.platform.id.rawValue, label: status.platform.name, selected: index == 0,
                                    frenchInside: context.language != .fr)
                            })
                    }
                    el("div", ["class": "field"]) {
                        el("label", ["for": "du"]) { l(.platFrom) }
                        el("input", ["type": "date", "id": "du", "name": "du", "required": nil, "value": model.today.adding(days: -29).iso,
                            "max": model.today.iso])
                    }
                    el("div", ["class": "field"]) {
                        el("label", ["for": "au"]) { l(.platTo) }
                        el("input", ["type": "date", "id": "au", "name": "au", "required": nil, "value": model.today.iso, "max": model.today.iso])
                    }
                    el("button", ["type": "submit"]) { l(.platCertificateSubmit) }
                }
            }
            el("section", ["aria-labelledby": "regles"]) {
                el("h2", ["id": "regles"]) { l(.platRulesTitle) }
                el("p") { l(.platRules) }
                if let userAgent = model.userAgent { el("p") { el("code") { userAgent } } }
            }
            el("p") {
                l(.obsOpenData)
                " "
                el("a", ["href": SitePath.incidentsData("csv").path, "type": "text/csv"]) { "observatoire-incidents.csv" }
                ", "
                el("a", ["href": SitePath.incidentsData("schema.json").path, "type": "application/json"]) { "schema" }
            }
        }
    }

    /// The 422 page of a refused certificate request: the reason in French (the message is the rule's), and a link back.
    public static func refused(_ message: String, context: PageContext) -> String {
        let l = context.l
        return Layout.page(title: l(.platCertificateRefused), description: l(.platCertificateRefused), context: context) {
            el("h1") { l(.platCertificateRefused) }
            el("div", ["class": "error-summary", "role": "alert"]) {
                Layout.content("p", context) { message }
            }
            el("p") { el("a", ["href": context.href(.platformStatus) + "#attestation"]) { l(.platBack) } }
        }
    }
}
