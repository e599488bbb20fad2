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
