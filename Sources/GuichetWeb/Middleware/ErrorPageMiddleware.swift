internal import Hummingbird
internal import HTTPTypes
internal import Logging
internal import GuichetViews

/// Turns every error into a page in the reader's language, in one place.
///
/// Expected outcomes (a missing page) are not logged as errors; anything else is our failure and is
/// logged with the request id and the error's type only — never request contents.
struct ErrorPageMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as any HTTPResponseError {
            let status = error.status
            guard status == .notFound || status == .methodNotAllowed || status.code >= 500 else { throw error }
            if status.code >= 500 {
                context.logger.error("request failed", metadata: ["error.type": "\(type(of: error))", "http.status": "\(status.code)"])
            }
            return page(for: status, request: request)
        } catch {
            context.logger.error("request failed", metadata: ["error.type": "\(type(of: error))"])
            return page(for: .internalServerError, request: request)
        }
    }

    func page(for status: HTTPResponse.Status, request: Request) -> Response {
        let reader = ReaderLanguage(request)
        let context = reader.context(path: request.uri.path, updated: nil)
        let html = status.code >= 500 ? ErrorPages.serverError(context: context) : ErrorPages.notFound(context: context)
        let response = Response.text(html, status: status, contentType: ContentType.html)
        return request.method == .head ? response.createHeadResponse() : response
    }
}
