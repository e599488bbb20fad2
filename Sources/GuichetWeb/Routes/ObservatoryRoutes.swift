internal import Hummingbird
internal import Foundation
internal import GuichetCore
internal import GuichetViews
internal import GuichetServices
internal import GuichetStorage

/// The observatory: `/observatoire` (map and table for one procedure), `/observatoire/<département>`, and the open data
/// `/donnees/observatoire.csv`, `.json` and `.schema.json` (Licence Ouverte 2.0, schema in `/api/openapi.yaml`). The
/// reference data is read with the content at start and kept in memory; without it every fact is `inconnu`.
struct ObservatoryRoutes: Sendable {
    let board: Observatory.Board
    let cache: PageCache
    let baseURL: String
    /// People's reports: their figures on the reports pages and in the open data; `nil`: no figures.
    var reports: ObservationReports? = nil
    /// The platforms' incidents, carried by the JSON; `nil`: none.
    var platforms: PlatformObservatory? = nil
    var now: @Sendable () -> Date = { Date() }
    /// The pages that show figures change when the figures do: they are kept here under the figures' generation, and
    /// never handed to the prepared pages (which are never invalidated).
    let figurePages = PageCache(capacity: 1024)

    /// The figures now, and the key part that changes with them.
    func figures() async -> (key: String, figures: Observatory.ReportFigures)? {
        guard let reports else { return nil }
        let snapshot = await reports.figures(now: Int64(now().timeIntervalSince1970))
        return ("g\(snapshot.generation)", snapshot.figures)
    }

    static let licence = (name: "Licence Ouverte 2.0", url: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/")

    func register(on router: Router<AppRequestContext>) {
        router.get("/observatoire") { request, context in try await self.map(request, context) }
        router.get("/observatoire/:department") { request, context in try await self.department(request, context) }
        router.get("/observatoire/:department/signalements") { request, context in try await self.reportsPage(request, context) }
        router.get("/donnees/observatoire.csv") { request, context in try await self.data(request, context, "csv") }
        router.get("/donnees/observatoire.json") { request, context in try await self.data(request, context, "json") }
        router.get("/donnees/observatoire.schema.json") { request, context in try await self.data(request, context, "schema.json") }
        router.get("/donnees/observatoire-signalements.csv") { request, context in
            try await self.data(request, context, "signalements.csv")
        }
        router.get("/donnees/observatoire-signalements.schema.json") { request, context in
            try await self.data(request, context, "signalements.schema.json")
        }
    }

    func map(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let reader = ReaderLanguage(request)
        let value = request.uri.queryParameters.get("procedure").map { String($0) } ?? Observatory.Procedure.firstPermit.rawValue
        guard let procedure = Observatory.Procedure(rawValue: value) else { throw HTTPError(.notFound) }
        let board = self.board
        let path = SitePath.observatory.path + (procedure == .firstPermit ? "" : "?procedure=" + procedure.rawValue)
        let entry = try await cache.value("observatoire|\(procedure.rawValue)|\(reader.key)", contentType: ContentType.html) {
            ObservatoryPages.map(board, procedure: procedure, context: reader.context(path: path, updated: board.checked))
        }
        guard let entry else { throw HTTPError(.notFound) }
        return cache.response(entry, to: request, context: context)
    }

    func department(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let reader = ReaderLanguage(request)
        guard let code = context.parameters.get("department"), let department = Department.lookup(code), department.code == code else {
            throw HTTPError(.notFound)
        }
        let board = self.board
        let reports = self.reports != nil
        let entry = try await cache.value("observatoire|\(code)|\(reader.key)", contentType: ContentType.html) {
            ObservatoryPages.department(board, department: department, reports: reports,
                context: reader.context(path: SitePath.observatoryDepartment(code).path, updated: board.departments[code]?.checked ?? board.checked))
        }
        guard let entry else { throw HTTPError(.notFound) }
        return cache.response(entry, to: request, context: context)
    }

    /// `/observatoire/<code>/signalements[?procedure=]`: kept under the figures' generation and the current week.
    func reportsPage(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let reader = ReaderLanguage(request)
        guard let code = context.parameters.get("department"), let department = Department.lookup(code), department.code == code,
            let reports
        else { throw HTTPError(.notFound) }
        let asked = request.uri.queryParameters.get("procedure").map { String($0) }
        let procedure = asked.flatMap(Observatory.Procedure.init(rawValue:))
        guard asked == nil || procedure != nil else { throw HTTPError(.notFound) }
        guard let figures = await self.figures() else { throw HTTPError(.notFound) }
        let weeks = reports.selectableWeeks(now: Int64(now().timeIntervalSince1970))
        let key = "signalements|\(code)|\(procedure?.rawValue ?? "")|\(figures.key)|\(weeks.first?.description ?? "")|\(reader.key)"
        let entry = try await figurePages.value(key, contentType: ContentType.html) {
            ObservatoryPages.departmentReports(
                department, figures: ObservatoryPages.DepartmentFigures(figures: figures.figures, weeks: weeks, procedure: procedure),
                context: reader.context(path: SitePath.observatoryDepartmentReports(code, procedure?.rawValue).path, updated: nil))
        }
        guard let entry else { throw HTTPError(.notFound) }
        return figurePages.response(entry, to: request, context: context)
    }

    func data(_ request: Request, _ context: AppRequestContext, _ kind: String) async throws -> Response {
        let board = self.board
        let baseURL = self.baseURL
        let type = kind.hasSuffix("csv") ? "text/csv; charset=utf-8" : ContentType.json
        let figures = await self.figures()
        let k = figures?.figures.k ?? Observatory.ReportFigures.minimumK
        // The incidents (computed at most once a minute) go into the JSON only.
        let incidents: [PlatformIncident]
        if kind == "json", let platforms {
            do throws(StorageError) { incidents = try await platforms.incidents(now: Int64(now().timeIntervalSince1970)) } catch {
                throw HTTPError(.serviceUnavailable)
            }
        } else {
            incidents = []
        }
        let incidentKey = incidents.isEmpty ? "" : String(incidents.hashValue)
        // Only the files that carry figures or incidents change with them.
        let pages = (figures != nil || platforms != nil) && (kind == "json" || kind == "signalements.csv") ? figurePages : cache
        let entry = try await pages.value("donnees|\(kind)|\(figures?.key ?? "")|\(incidentKey)", contentType: type, varyLanguage: false) {
            switch kind {
            case "csv": return ObservatoryData.csv(board)
            case "json":
                return try ObservatoryData.json(board, figures: figures?.figures ?? .empty, incidents: incidents, baseURL: baseURL)
            case "signalements.csv": return ObservatoryData.reportsCSV(figures?.figures ?? .empty)
            case "signalements.schema.json": return ObservatoryData.reportsSchema(k: k)
            default: return ObservatoryData.schema
            }
        }
        guard let entry else { throw HTTPError(.notFound) }
        return pages.response(entry, to: request, context: context)
    }
}

/// The observatory's open data: one row per département × procedure (CSV, RFC 4180, with a Table Schema), and the same
/// with the sources and the decisions (JSON).
enum ObservatoryData {
    static let columns = [
        "departement", "departement_nom", "procedure", "canal", "alternative", "a_la_date_du", "regle_nationale",
        "sources", "verifie_le",
    ]

    static func csv(_ board: Observatory.Board) -> String {
        var out = columns.joined(separator: ",") + "\r\n"
        for department in Department.all {
            for procedure in Observatory.Procedure.allCases {
                let status = board.status(department.code, procedure)
                let fact = status.fact
                let checked = fact.sources.map(\.checked).max()
                let row = [
                    department.code, department.name, procedure.rawValue, fact.channel.rawValue, fact.alternative.rawValue,
                    fact.asOf?.iso ?? "", status.isNational ? "true" : "false", fact.sources.map(\.url).joined(separator: " "),
                    checked?.iso ?? "",
                ]
                out += CSVText.row(row)
            }
        }
        return out
    }

    struct Document: Encodable {
        struct Licence: Encodable {
            let name: String
            let url: String
        }
        struct Source: Encodable {
            let titre: String
            let url: String
            let verifie_le: String
        }
        struct Fact: Encodable {
            let procedure: String
            let canal: String
            let alternative: String
            let a_la_date_du: String?
            let regle_nationale: Bool
            let note: String?
            let sources: [Source]
        }
        struct Decision: Encodable {
            let url: String
            let titre: String
            let date: String
            let procedures: [String]
            let issue: String
            let note: String?
        }
        struct DepartmentEntry: Encodable {
            let code: String
            let nom: String
            let prefecture: String
            let faits: [Fact]
            let decisions: [Decision]
        }
        let licence: Licence
        let source: String
        let verifie_le: String
        /// The national rules with their sources, once; a département's fact that follows one cites no source of its
        /// own (`regle_nationale: true`).
        let regles_nationales: [Fact]
        let departements: [DepartmentEntry]
        let signalements: Reports
        /// The platforms' incidents, newest first (the rows of /donnees/observatoire-incidents.csv).
        let incidents: [Incident]
    }

    struct Incident: Encodable {
        let plateforme: String
        let debut: String
        let fin: String?
        let en_cours: Bool
        let sondages_en_echec: Int
        let signalements: Int
        let semaines_signalees: [String]
    }

    /// People's reports: only the cells with at least `k` reports.
    struct Reports: Encodable {
        struct Cell: Encodable {
            let departement: String
            let procedure: String
            let semaine: String
            let issue: String
            let nombre: Int
        }
        let k: Int
        let cellules: [Cell]
    }

    static let reportColumns = ["departement", "procedure", "semaine", "issue", "nombre"]

    /// One row per shown cell (département × procedure × ISO week × outcome), with at least k reports.
    static func reportsCSV(_ figures: Observatory.ReportFigures) -> String {
        var out = reportColumns.joined(separator: ",") + "\r\n"
        for cell in figures.cells {
            out += CSVText.row([cell.department, cell.procedure.rawValue, cell.week.description, cell.outcome.rawValue, String(cell.count)])
        }
        return out
    }

    /// The Table Schema of ``reportsCSV(_:)``: `nombre` is at least k.
    static func reportsSchema(k: Int) -> String {
        """
        {
          "$schema": "https://specs.frictionlessdata.io/schemas/table-schema.json",
          "title": "Observatoire guichet : signalements anonymes par département, démarche, semaine et issue",
          "description": "Une case n'est publiée que si au moins \(k) signalements la composent (k-anonymat).",
          "licenses": [{"name": "etalab-2.0", "title": "Licence Ouverte 2.0", "path": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"}],
          "fields": [
            {"name": "departement", "type": "string", "constraints": {"required": true, "pattern": "[0-9]{2}|2A|2B|97[1-6]"}},
            {"name": "procedure", "type": "string", "constraints": {"required": true, "enum": [\(Observatory.Procedure.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))]}},
            {"name": "semaine", "type": "string", "constraints": {"required": true, "pattern": "[0-9]{4}-W[0-9]{2}"}},
            {"name": "issue", "type": "string", "constraints": {"required": true, "enum": [\(Observatory.Outcome.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))]}},
            {"name": "nombre", "type": "integer", "constraints": {"required": true, "minimum": \(k)}}
          ],
          "primaryKey": ["departement", "procedure", "semaine", "issue"],
          "missingValues": [""]
        }

        """
    }

    static func json(
        _ board: Observatory.Board, figures: Observatory.ReportFigures = .empty, incidents: [PlatformIncident] = [], baseURL: String
    ) throws -> String {
        func sources(_ list: [Observatory.Source]) -> [Document.Source] {
            list.map { Document.Source(titre: $0.title, url: $0.url, verifie_le: $0.checked.iso) }
        }
        let departments = Department.all.map { department in
            Document.DepartmentEntry(
                code: department.code, nom: department.name, prefecture: department.prefectureName,
                faits: Observatory.Procedure.allCases.map { procedure in
                    let status = board.status(department.code, procedure)
                    return Document.Fact(
                        procedure: procedure.rawValue, canal: status.fact.channel.rawValue,
                        alternative: status.fact.alternative.rawValue, a_la_date_du: status.fact.asOf?.iso,
                        regle_nationale: status.isNational, note: status.isNational ? nil : status.fact.note,
                        sources: status.isNational ? [] : sources(status.fact.sources))
                },
                decisions: board.decisions(for: department.code).map { decision in
                    Document.Decision(
                        url: baseURL + SitePath.item(decision.itemID).path, titre: decision.title, date: decision.date.iso,
                        procedures: decision.procedures.map(\.rawValue), issue: decision.outcome.rawValue, note: decision.outcomeNote)
                })
        }
        let national = Observatory.Procedure.allCases.map { procedure in
            let fact = board.national[procedure] ?? .unknown
            return Document.Fact(
                procedure: procedure.rawValue, canal: fact.channel.rawValue, alternative: fact.alternative.rawValue,
                a_la_date_du: fact.asOf?.iso, regle_nationale: true, note: fact.note, sources: sources(fact.sources))
        }
        let document = Document(
            licence: .init(name: ObservatoryRoutes.licence.name, url: ObservatoryRoutes.licence.url),
            source: baseURL + SitePath.observatory.path, verifie_le: board.checked.iso, regles_nationales: national,
            departements: departments,
            signalements: Reports(
                k: figures.k,
                cellules: figures.cells.map {
                    Reports.Cell(
                        departement: $0.department, procedure: $0.procedure.rawValue, semaine: $0.week.description,
                        issue: $0.outcome.rawValue, nombre: $0.count)
                }),
            incidents: incidents.map {
                Incident(
                    plateforme: $0.platform.rawValue, debut: OutageCertificate.isoUTC($0.start), fin: $0.end.map(OutageCertificate.isoUTC),
                    en_cours: $0.isOngoing, sondages_en_echec: $0.failedProbes, signalements: $0.reports,
                    semaines_signalees: $0.reportWeeks.map(\.description))
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }

    /// The CSV's Table Schema (frictionless), with its licence.
    static let schema = """
        {
          "$schema": "https://specs.frictionlessdata.io/schemas/table-schema.json",
          "title": "Observatoire guichet : accès aux démarches par département",
          "licenses": [{"name": "etalab-2.0", "title": "Licence Ouverte 2.0", "path": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"}],
          "fields": [
            {"name": "departement", "type": "string", "constraints": {"required": true, "pattern": "[0-9]{2}|2A|2B|97[1-6]"}},
            {"name": "departement_nom", "type": "string", "constraints": {"required": true}},
            {"name": "procedure", "type": "string", "constraints": {"required": true, "enum": [\(Observatory.Procedure.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))]}},
            {"name": "canal", "type": "string", "constraints": {"required": true, "enum": [\(Observatory.Channel.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))]}},
            {"name": "alternative", "type": "string", "constraints": {"required": true, "enum": ["oui", "non", "inconnu"]}},
            {"name": "a_la_date_du", "type": "date"},
            {"name": "regle_nationale", "type": "boolean", "constraints": {"required": true}},
            {"name": "sources", "type": "string"},
            {"name": "verifie_le", "type": "date"}
          ],
          "primaryKey": ["departement", "procedure"],
          "missingValues": [""]
        }

        """
}
