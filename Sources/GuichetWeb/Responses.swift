internal import Hummingbird
internal import NIOCore
internal import HTTPTypes

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
    static func cached(_ entry: PageCache.Entry, request: Request) -> Response {
        if let tags = request.headers[.ifNoneMatch], tags == entry.eTag || tags == "*" || tags.contains(entry.eTag) {
            return Response(status: .notModified, headers: entry.headers)
        }
        return Response(status: .ok, headers: entry.headers, body: ResponseBody(byteBuffer: entry.body))
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
