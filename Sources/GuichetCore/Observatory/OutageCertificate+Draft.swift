extension OutageCertificate {
    /// How the prober works, printed in the certificate (the deployment's own settings).
    public struct ProberRules: Hashable, Sendable {
        /// The `User-Agent` the prober sends: `guichet-observatoire/<version> (+<contact>)`.
        public let userAgent: String
        /// Whether this deployment probes at all (when off, the certificate can only hold reports).
        public let isEnabled: Bool

        public init(userAgent: String, isEnabled: Bool) {
            self.userAgent = userAgent
            self.isEnabled = isEnabled
        }
    }

    /// « mardi 3 novembre 2026 à 10:20:05 »: an instant on the Paris clock, to the second.
    public static func parisText(_ seconds: Int64) -> String {
        let minutes = seconds >= 0 ? seconds / 60 : (seconds - 59) / 60
        let reading = CivilTimeZone.europeParis.wallClockReading(utcMinutes: Int(minutes))
        let second = Int(seconds - minutes * 60)
        return reading.date.frenchLongDate + " à " + pad(reading.time.hour, 2) + ":" + pad(reading.time.minute, 2) + ":"
            + pad(second, 2)
    }

    /// The canonical lines of `period`: its probes in time order, then its report weeks in week order.
    public static func lines(period: Period, probes: [PlatformProbe], reports: [PlatformReportEvidence]) -> [String] {
        let (start, end) = period.bounds
        let kept = probes.filter { $0.platform == period.platform.id && $0.at >= start && $0.at < end }.sorted { $0.at < $1.at }
        return kept.map(line) + weeks(period: period, reports: reports).map { line(platform: period.platform.id, week: $0.week, count: $0.count) }
    }

    /// The report weeks of the platform that overlap the period, oldest first, counts summed per week.
    static func weeks(period: Period, reports: [PlatformReportEvidence]) -> [(week: ReportWeek, count: Int)] {
        var counts: [ReportWeek: Int] = [:]
        for report in reports where report.platform == period.platform.id.rawValue && report.count > 0 && period.overlaps(report.week) {
            counts[report.week, default: 0] += report.count
        }
        return counts.keys.sorted().map { ($0, counts[$0] ?? 0) }
    }

    /// The certificate as a document (PDF/A through the PDF writer): what it covers, the platform and its source, the
    /// prober's rules, the incidents, every line with its hash, the head hash, and how to check the chain.
    ///
    /// `today` is the day it is issued (printed; the PDF carries no other date). `siteURL`: the deployment's address.
    public static func draft(
        period: Period, probes: [PlatformProbe], reports: [PlatformReportEvidence], rules: ProberRules, today: LocalDate,
        siteURL: String, hash: HashFunction
    ) -> DocumentDraft {
        let platform = period.platform
        let (start, end) = period.bounds
        let kept = probes.filter { $0.platform == platform.id && $0.at >= start && $0.at < end }.sorted { $0.at < $1.at }
        let weeks = weeks(period: period, reports: reports)
        let entries = chain(lines(period: period, probes: probes, reports: reports), hash: hash)
        let head = entries.last?.hash ?? genesisHash
        let incidents = PlatformIncident.detect(
            probes: kept, reports: weeks.map { entry -> PlatformReportEvidence in (platform: platform.id.rawValue, week: entry.week, count: entry.count) }, now: end
        ).sorted { $0.start < $1.start }
        let failed = kept.filter { $0.verdict == .down }.count
        let skipped = kept.filter { $0.verdict == .notProbed }.count

        var blocks: [DocumentBlock] = [
            .heading(level: 1, text: "Attestation d'indisponibilité : \(platform.name)"),
            .paragraph([
                TextRun("Période : "), TextRun("du \(period.from.frenchDate) au \(period.to.frenchDate)", bold: true),
                TextRun(" (heure de Paris, du premier jour à 00:00 au lendemain du dernier jour à 00:00). Établie le \(today.frenchDate) par \(siteURL)."),
            ], alignment: .left),
            .heading(level: 2, text: "La plateforme"),
            .lines(
                ["Plateforme : \(platform.name) (identifiant « \(platform.id.rawValue) »)", "Page d'entrée publique sondée : \(platform.entryURL)"]
                    + platform.sources.map { "Source de l'adresse : \($0.title), \($0.url) (vérifiée le \($0.checked.frenchDate))" }
                    + (platform.isVerified ? [] : ["Adresse NON VÉRIFIÉE dans les fichiers de référence du projet (UNVERIFIED)."]),
                alignment: .left),
            .heading(level: 2, text: "Comment les relevés sont faits"),
            .list(ordered: false, items: [
                [TextRun("Une seule requête HTTP GET de la page d'entrée publique ; jamais de connexion à un compte, de formulaire, de réservation ni de captcha ; la réponse n'est pas suivie (une redirection est notée comme telle) et son contenu n'est pas conservé : seuls l'heure, le code HTTP (ou la nature de l'erreur) et la durée sont enregistrés.")],
                [TextRun("Au plus une requête toutes les 10 minutes par hôte, toutes plateformes de cet hôte et robots.txt compris ; le fichier robots.txt de l'hôte est lu et respecté : une page qu'il interdit n'est pas demandée, et le relevé l'indique (« robots-interdit »).")],
                [TextRun("Un sondage est en échec quand la plateforme ne répond pas (délai dépassé, connexion refusée ou coupée, nom introuvable, échec TLS) ou répond par une erreur serveur (code 500 à 599). Un incident commence à deux échecs consécutifs et se termine au premier sondage qui obtient une réponse.")],
                [TextRun("Les signalements sont ceux des personnes (« site en panne »), comptés par semaine, publiés seulement à partir de 5 signalements : aucun nom, aucun dossier n'y est lié.")],
            ]),
            .lines(["Identification du sondeur (User-Agent) :", rules.userAgent], alignment: .left),
        ]
        if !rules.isEnabled {
            blocks.append(.paragraph([TextRun("Le sondage des plateformes n'est pas activé sur ce site : l'attestation ne peut contenir que des signalements.", italic: true)]))
        }
        blocks.append(.heading(level: 2, text: "Résumé"))
        var summary: [[TextRun]] = [
            [TextRun("\(kept.count) sondage(s), dont \(failed) en échec\(skipped > 0 ? " et \(skipped) non effectué(s) (robots.txt)" : "").")],
            [TextRun("\(weeks.reduce(0) { $0 + $1.count }) signalement(s) « site en panne » sur \(weeks.count) semaine(s).")],
        ]
        if incidents.isEmpty {
            summary.append([TextRun("Aucun incident sur la période.")])
        } else {
            for incident in incidents {
                let endText = incident.end.map { "jusqu'au " + parisText($0) } ?? "toujours en cours à la fin de la période"
                summary.append([
                    TextRun("Incident du \(parisText(incident.start)) \(endText) : \(incident.failedProbes) sondage(s) en échec, \(incident.reports) signalement(s).")
                ])
            }
        }
        blocks.append(.list(ordered: false, items: summary))
        blocks.append(.heading(level: 2, text: "Vérifier la chaîne d'empreintes"))
        blocks.append(.lines(["Empreinte de tête (SHA-256) :", head], alignment: .left))
        blocks.append(
            .paragraph([
                TextRun("Chaque relevé ci-dessous est écrit sur une ligne « canonique » (sans espace ni accent), suivie de son empreinte SHA-256. L'empreinte d'une ligne est le SHA-256 du texte formé de « \(domainTag) », d'un saut de ligne, de l'empreinte de la ligne précédente (64 zéros pour la première ligne), d'un autre saut de ligne, puis de la ligne canonique elle-même. L'empreinte de la dernière ligne est l'empreinte de tête imprimée ci-dessus. Si une seule ligne est modifiée, retirée, ajoutée ou déplacée, les empreintes recalculées ne correspondent plus. Pour vérifier : extraire le texte du PDF (pdftotext -layout attestation.pdf attestation.txt) puis lancer guichet observatoire verifier-attestation attestation.txt ; ou recalculer chaque empreinte à la main avec un outil SHA-256 (sha256sum), dans l'ordre.")
            ]))
        blocks.append(.heading(level: 2, text: "Relevés (\(entries.count))"))
        if entries.isEmpty { blocks.append(.paragraph([TextRun("Aucun relevé sur la période.")])) }
        var number = 0
        for (probe, entry) in zip(kept, entries) {
            number += 1
            blocks.append(
                .lines([
                    "\(number). Sondage du \(parisText(probe.at)) : \(probe.frenchOutcome), \(probe.durationMilliseconds) ms",
                    entry.line, "SHA-256 " + entry.hash,
                ], alignment: .left))
        }
        for (week, entry) in zip(weeks, entries.dropFirst(kept.count)) {
            number += 1
            blocks.append(
                .lines([
                    "\(number). Signalements de la semaine \(week.week) (du \(week.week.monday.frenchDate) au \(week.week.sunday.frenchDate)) : \(week.count) « site en panne »",
                    entry.line, "SHA-256 " + entry.hash,
                ], alignment: .left))
        }
        return DocumentDraft(title: "Attestation d'indisponibilité : \(platform.name), du \(period.from.iso) au \(period.to.iso)", blocks: blocks)
    }
}
