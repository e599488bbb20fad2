internal import Hummingbird
internal import HTTPTypes
internal import NIOCore
internal import Logging
internal import Foundation

/// Renders the public pages once before the site's port opens: every page the sitemap lists (at most `limit`),
/// each section's feed, the site feed and the stylesheet, in French (readers with no `Accept-Language`), through the
/// router itself, so that they are in the page cache and prepared for the handler in front of it.
///
/// Measured (docs/benchmarks.md): right after a restart under load, the first request for each page rendered it
/// while a few hundred other requests queued on the same two cores, and those first renders made the pages' p99
/// (649 ms). The content changes only when the server re-indexes at start, so this is the moment to render it.
/// Requests made here are not counted as requests (no one asked them); their cache misses are.
struct PageWarmUp {
    let responder: SiteResponder
    let baseURL: String
    let limit: Int
    let logger: Logger

    /// Paths the warm-up never asks: the self-help paths hold sessions, not cached pages.
    static func isWarmed(_ path: String) -> Bool {
        !path.hasPrefix("/parcours") && !path.hasPrefix("/mon-dossier") && !path.hasPrefix("/reprendre")
    }

    func run() async {
        guard limit > 0 else { return }
        var paths = ["/static/style.css", "/flux.atom"]
        if let sitemap = await get("/sitemap.xml") {
            for path in Self.locations(in: String(buffer: sitemap), baseURL: baseURL) where Self.isWarmed(path) {
                guard paths.count < limit else { break }
                paths.append(path)
                // A section's first page: its feed too.
                if path.hasPrefix("/rubriques/"), !path.contains("?") { paths.append(path + "/flux.atom") }
            }
        }
        var warmed = 0
        for path in paths where await get(path) != nil { warmed += 1 }
        logger.debug("pages warmed", metadata: ["pages.count": "\(warmed)"])
    }

    /// The body of `GET path` when the router answers 200.
    func get(_ path: String) async -> ByteBuffer? {
        let request = Request(
            head: HTTPRequest(method: .get, scheme: nil, authority: nil, path: path), body: RequestBody(buffer: ByteBuffer()))
        guard let response = try? await responder.respond(to: request, context: AppRequestContext(warmUp: logger)),
            response.status == .ok
        else { return nil }
        let collected = CollectingWriter.Box()
        do { try await response.body.write(CollectingWriter(box: collected)) } catch { return nil }
        return collected.buffer
    }

    /// The site paths of the sitemap's `<loc>` entries (those under `baseURL`).
    static func locations(in sitemap: String, baseURL: String) -> [String] {
        var paths: [String] = []
        var rest = Substring(sitemap)
        while let start = rest.range(of: "<loc>"), let end = rest[start.upperBound...].range(of: "</loc>") {
            let url = rest[start.upperBound..<end.lowerBound].replacingOccurrences(of: "&amp;", with: "&")
            if url.hasPrefix(baseURL) {
                let path = String(url.dropFirst(baseURL.count))
                paths.append(path.isEmpty ? "/" : path)
            }
            rest = rest[end.upperBound...]
        }
        return paths
    }
}

/// Collects a response body in memory (the writer is consumed by the body: the bytes stay in its box).
private struct CollectingWriter: ResponseBodyWriter {
    final class Box {
        var buffer = ByteBuffer()
    }

    let box: Box

    mutating func write(_ buffer: ByteBuffer) async throws {
        var buffer = buffer
        box.buffer.writeBuffer(&buffer)
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
