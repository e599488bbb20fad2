internal import NIOCore
internal import HTTPTypes
internal import Synchronization
internal import GuichetCore

/// Rendered responses of the read-only dossier pages, kept in memory with their entity tag.
///
/// The dossier changes only when the server re-indexes its content at start, so a page rendered once
/// stays right for the life of the process. Keys are built from validated route values, never from raw
/// URLs, so that a client cannot grow the cache with made-up addresses; a size cap bounds it anyway.
final class PageCache: Sendable {
    struct Entry: Sendable {
        let body: ByteBuffer
        let eTag: String
        /// Every response header, security headers included, built once: serving a cached page sets no
        /// header field one by one.
        let headers: HTTPFields
    }

    private let entries = Mutex<[String: Entry]>([:])
    private let capacity: Int

    init(capacity: Int = 4096) {
        self.capacity = capacity
    }

    func value(_ key: String) -> Entry? {
        entries.withLock { $0[key] }
    }

    /// Returns the cached entry for `key`, rendering and storing it when absent.
    func value(
        _ key: String, contentType: String, maxAge: Int = 300, varyLanguage: Bool = true, render: () async throws -> String?
    ) async rethrows -> Entry? {
        if let hit = value(key) { return hit }
        guard let text = try await render() else { return nil }
        let eTag = Self.eTag(text)
        var headers = SecurityHeaders.fields
        headers[.contentType] = contentType
        headers[.eTag] = eTag
        headers[.cacheControl] = "public, max-age=\(maxAge)"
        if varyLanguage { headers[.vary] = "Accept-Language" }
        let entry = Entry(body: ByteBuffer(string: text), eTag: eTag, headers: headers)
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = entry
        }
        return entry
    }

    /// A strong entity tag: 64-bit FNV-1a of the bytes.
    static func eTag(_ text: String) -> String {
        "\"" + String(FNV1a.hash(text), radix: 16) + "\""
    }
}
