import Testing
@testable import GuichetWeb

@Suite("Forms: url-encoded and multipart bodies")
struct MultipartFormTests {
    @Test("url-encoded fields: plus, escapes, first value wins, broken escapes kept")
    func urlEncoded() {
        let fields = FormFields.urlEncoded(Array("a=1&b=x+y%C3%A9&a=2&c=%ZZ&d&e=%4".utf8))
        #expect(fields["a"] == "1")
        #expect(fields["b"] == "x yé")
        #expect(fields["c"] == "%ZZ")
        #expect(fields["d"] == "")
        #expect(fields["e"] == "%4")
    }

    @Test("the boundary parameter, quoted or not; other types refused")
    func boundary() {
        #expect(MultipartForm.boundary(contentType: "multipart/form-data; boundary=abc") == "abc")
        #expect(MultipartForm.boundary(contentType: "Multipart/Form-Data;boundary=\"a b\"") == "a b")
        #expect(MultipartForm.boundary(contentType: "application/x-www-form-urlencoded") == nil)
        #expect(MultipartForm.boundary(contentType: "multipart/form-data") == nil)
        #expect(MultipartForm.boundary(contentType: "multipart/form-data; boundary=" + String(repeating: "x", count: 71)) == nil)
    }

    @Test("text and file parts; the file keeps its bytes, CRLF inside included; the browser's file name is ignored")
    func parts() throws {
        let body = Array((
            "preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"ecran\"\r\n\r\ntentatives.0.capture\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"a;b\\\".png\"\r\nContent-Type: image/png\r\n\r\n").utf8)
            + [0x89, 0x0D, 0x0A, 0x2D, 0x2D, 0x00] + Array("\r\n--XyZ--\r\nepilogue".utf8)
        let fields = try MultipartForm.parse(body, boundary: "XyZ")
        #expect(fields["ecran"] == "tentatives.0.capture")
        #expect(fields.files["fichier"] == [0x89, 0x0D, 0x0A, 0x2D, 0x2D, 0x00])
        #expect(fields["fichier"] == nil)
    }

    @Test("malformed bodies are refused, never half read", arguments: [
        "no delimiter at all", "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunterminated",
        "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\nno blank line--XyZ--", "--XyZgarbage",
    ])
    func malformed(text: String) {
        #expect(throws: MultipartForm.Problem.self) { try MultipartForm.parse(Array(text.utf8), boundary: "XyZ") }
    }

    @Test("too many parts are refused")
    func tooManyParts() {
        let part = "--B\r\nContent-Disposition: form-data; name=\"p\"\r\n\r\nv\r\n"
        let body = Array((String(repeating: part, count: MultipartForm.maximumPartCount + 1) + "--B--\r\n").utf8)
        #expect(throws: MultipartForm.Problem.tooManyParts) { try MultipartForm.parse(body, boundary: "B") }
    }
}
