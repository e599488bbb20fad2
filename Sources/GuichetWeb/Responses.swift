internal import Hummingbird
internal import NIOCore
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
    /// A 200 response for a cached entry, or 304 when the client already holds it.
    /// A cached page: gzip-compressed when the client accepts it (compressed once, when cached), `304 Not
    /// Modified` when its `If-None-Match` names the representation it would get.
    static func cached(_ entry: PageCache.Entry, request: Request) -> Response {
        let (body, eTag, headers) =
            if let gzip = entry.gzip, acceptsGzip(request.headers[.acceptEncoding]) {
                (gzip.body, gzip.eTag, gzip.headers)
            } else {
                (entry.body, entry.eTag, entry.headers)
            }
        if let tags = request.headers[.ifNoneMatch], tags == eTag || tags == "*" || tags.contains(eTag) {
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: body))
    }

    /// Whether an `Accept-Encoding` value accepts gzip: listed (or `*`) without `q=0`.
    static func acceptsGzip(_ value: String?) -> Bool {
        guard let value, value.utf8.count < 512 else { return false }
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
