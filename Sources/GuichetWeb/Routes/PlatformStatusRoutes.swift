internal import Hummingbird
internal import Foundation
internal import HTTPTypes
internal import NIOCore
internal import Logging
internal import GuichetCore
internal import GuichetViews
internal import GuichetServices
internal import GuichetStorage
internal import GuichetDocuments
internal import GuichetEncryption

/// `/etat-des-plateformes` (status and incidents), `/etat-des-plateformes/attestation?plateforme=…&du=…&au=…` (the
/// outage certificate, PDF/A; a refused request is a 422 page saying why in French) and the incidents' open data
/// `/donnees/observatoire-incidents.csv` with its Table Schema. Pages are rendered for each request: probes change.
struct PlatformStatusRoutes: Sendable {
    let observatory: PlatformObservatory
    let baseURL: String
    let now: @Sendable () -> Date

    func register(on router: Router<AppRequestContext>) {
        router.get("/etat-des-plateformes") { request, context in try await self.status(request, context) }
        router.get("/etat-des-plateformes/attestation") { request, context in try await self.certificate(request, context) }
        router.get("/donnees/observatoire-incidents.csv") { request, context in try await self.data(request, context, csv: true) }
        router.get("/donnees/observatoire-incidents.schema.json") { request, context in try await self.data(request, context, csv: false) }
    }

    var instant: Int64 { Int64(now().timeIntervalSince1970.rounded(.down)) }

    var today: LocalDate {
        let minutes = Int(instant / 60)
        return CivilTimeZone.europeParis.wallClockReading(utcMinutes: minutes).date
    }

    func status(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let reader = ReaderLanguage(request)
        let (statuses, incidents) = try await observatory.statusModel(now: instant)
        let page = PlatformStatusPage.page(
            .init(
                statuses: statuses, incidents: incidents, isProbingEnabled: observatory.isProbingEnabled,
                userAgent: observatory.isProbingEnabled ? observatory.userAgent : nil, today: today),
            context: reader.context(path: SitePath.platformStatus.path, updated: nil))
        var response = Response.text(page, contentType: ContentType.html, cacheControl: "public, max-age=60")
        response.headers[.vary] = "Accept-Language"
        return response
    }

    func certificate(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let reader = ReaderLanguage(request)
        let query = request.uri.queryParameters
        let result = try await observatory.certificate(
            platform: query.get("plateforme").map { String($0) }, from: query.get("du").map { String($0) },
            to: query.get("au").map { String($0) }, today: today, siteURL: baseURL, hash: Hashing.sha256)
        switch result {
        case .failure(let problem):
            context.logger.debug("certificate refused", metadata: ["reason": "\(problem)"])
            let page = PlatformStatusPage.refused(
                problem.frenchMessage, context: reader.context(path: SitePath.outageCertificate.path, updated: nil))
            var response = Response.text(page, status: .unprocessableContent, contentType: ContentType.html)
            response.headers[.vary] = "Accept-Language"
            return response
        case .success(let (period, draft)):
            let bytes = try PDFWriter().write(draft)
            var response = Response(
                status: .ok, headers: [.contentType: "application/pdf", .cacheControl: "no-store"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
            response.headers[.contentDisposition] = "attachment; filename=\"\(PlatformObservatory.fileName(period))\""
            context.logger.debug("certificate", metadata: ["platform.id": "\(period.platform.id)", "pdf.bytes": "\(bytes.count)"])
            return response
        }
    }

    func data(_ request: Request, _ context: AppRequestContext, csv: Bool) async throws -> Response {
        guard csv else { return Response.text(PlatformIncidentData.schema, contentType: ContentType.json, cacheControl: "public, max-age=3600") }
        let incidents = try await observatory.incidents(now: instant)
        return Response.text(
            PlatformIncidentData.csv(incidents, platforms: observatory.platforms), contentType: "text/csv; charset=utf-8",
            cacheControl: "public, max-age=60")
    }
}
