internal import Hummingbird
internal import NIOCore
internal import GuichetViews
internal import HTTPTypes
internal import Foundation

enum ContentType {
    static let html = "text/html; charset=utf-8"
    static let atom = "application/atom+xml; charset=utf-8"
    static let xml = "application/xml; charset=utf-8"
    static let css = "text/css; charset=utf-8"
    static let json = "application/json; charset=utf-8"
    static let yaml = "application/yaml; charset=utf-8"
    static let text = "text/plain; charset=utf-8"
}

extension Response {
    /// A cached page: gzip-compressed when the client accepts it (compressed once, when cached), `304 Not
    /// Modified` when its `If-None-Match` names the representation it would get.
    static func cached(_ entry: PageCache.Entry, request: Request) -> Response {
        let (variant, isNotModified) = entry.representation(
            acceptEncoding: request.headers[.acceptEncoding], ifNoneMatch: request.headers[.ifNoneMatch])
        if isNotModified { return Response(status: .notModified, headers: variant.headers) }
        return Response(status: .ok, headers: variant.headers, body: ResponseBody(byteBuffer: variant.body))
    }

    /// Whether an `Accept-Encoding` value accepts gzip: listed (or `*`) without `q=0`.
    static func acceptsGzip(_ value: String?) -> Bool {
        guard let value, value.utf8.count < 512 else { return false }
        // What most clients send, without splitting (the parse below gives the same answer for these).
        if value == "gzip" || value == "gzip, deflate" || value == "gzip, deflate, br" || value == "gzip, deflate, br, zstd" {
            return true
        }
        for part in value.split(separator: ",") {
            let fields = part.split(separator: ";")
            guard let name = fields.first?.trimmingCharacters(in: .whitespaces).lowercased(), name == "gzip" || name == "*"
            else { continue }
            let isRefused = fields.dropFirst().contains { parameter in
                let text = parameter.replacingOccurrences(of: " ", with: "").lowercased()
                return text == "q=0" || text == "q=0.0" || text == "q=0.00" || text == "q=0.000"
            }
            return !isRefused
        }
        return false
    }

    /// An uncached response with `text` as its body.
    static func text(_ text: String, status: HTTPResponse.Status = .ok, contentType: String, cacheControl: String = "no-store")
        -> Response
    {
        Response(
            status: status, headers: [.contentType: contentType, .cacheControl: cacheControl],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}

extension Response {
    /// A private page (a self-help file, the help desk): never cached, varying with the language and the cookies.
    static func privatePage(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        var response = Response.text(page, status: status, contentType: ContentType.html, cacheControl: "no-store")
        response.headers[.vary] = "Accept-Language, Cookie"
        return response
    }

    /// `303 See Other` to `target`, keeping a language the reader chose explicitly.
    static func seeOther(_ target: SitePath, reader: ReaderLanguage) -> Response {
        Response(
            status: .seeOther,
            headers: [.location: target.href(reader.isExplicit ? reader.language : nil), .cacheControl: "no-store"])
    }
}

/// Whether two secrets (form tokens) are equal, in time that does not depend on where they differ; empty is never equal.
func constantTimeEqual(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8)
    let y = Array(b.utf8)
    guard x.count == y.count, !x.isEmpty else { return false }
    var difference: UInt8 = 0
    for (p, q) in zip(x, y) { difference |= p ^ q }
    return difference == 0
}

/// The client's address: the peer, or the last `X-Forwarded-For` hop when the proxy in front is trusted.
func clientAddress(_ request: Request, _ context: AppRequestContext, trustForwardedFor: Bool) -> String {
    if trustForwardedFor, let forwarded = request.headers[HTTPField.Name("X-Forwarded-For")!], let last = forwarded.split(separator: ",").last {
        return last.trimmingCharacters(in: .whitespaces)
    }
    return context.remoteAddress?.ipAddress ?? "local"
}
