internal import Hummingbird
internal import NIOCore

/// What reading a form body gave.
enum FormRead {
    case fields(FormFields)
    case tooLarge
    case malformed
}

extension FormFields {
    /// Reads a form body (url-encoded or multipart) of at most `limit` bytes; a larger declared length is refused
    /// before reading.
    static func read(_ request: inout Request, limit: Int) async -> FormRead {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit { return .tooLarge }
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: limit) } catch { return .tooLarge }
        let bytes = Array(buffer.readableBytesView)
        if let boundary = request.headers[.contentType].flatMap(MultipartForm.boundary(contentType:)) {
            do { return .fields(try MultipartForm.parse(bytes, boundary: boundary)) } catch { return .malformed }
        }
        return .fields(FormFields.urlEncoded(bytes))
    }
}
