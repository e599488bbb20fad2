// libFuzzer target `multipart-form`: the bodies of the self-help forms.
//
// `MultipartForm.parse` and `FormFields.urlEncoded` (from GuichetWeb, compiled into this target by scripts/fuzz:
// they need nothing but the standard library) on arbitrary bytes: nothing may trap, and a refused body is refused
// with a `Problem`, never half read. Then a round trip: fields cut from the input are written as a multipart body
// with a fixed boundary and must be read back exactly, file bytes included whatever they contain.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // 1. Arbitrary bodies.
    if let fields = try? MultipartForm.parse(bytes, boundary: "XyZ") {
        for (name, file) in fields.files { require(!name.isEmpty || file.count >= 0) }
    }
    _ = FormFields.urlEncoded(bytes)
    if let text = String(validating: bytes.prefix(200), as: UTF8.self) {
        _ = MultipartForm.boundary(contentType: text)
        _ = MultipartForm.parameters(text)
    }

    // 2. Round trip: the first byte splits the input into a text value and file bytes.
    let cut = bytes.isEmpty ? 0 : Int(bytes[0]) % (bytes.count + 1)
    let value = String(decoding: bytes.prefix(cut), as: UTF8.self)
    let file = Array(bytes.dropFirst(cut))
    let boundary = "guichet-fuzz-0f9e8d7c6b5a"
    let delimiter = Array("\r\n--\(boundary)".utf8)
    // A value or file holding the delimiter cannot be framed with this boundary (a browser picks another one).
    guard MultipartForm.find(delimiter, in: Array(value.utf8) + [13, 10], from: 0) == nil,
        MultipartForm.find(delimiter, in: file + [13, 10], from: 0) == nil
    else { return 0 }
    var body = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"reponse\"\r\n\r\n".utf8)
    body += Array(value.utf8)
    body += Array("\r\n--\(boundary)\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"x.png\"\r\n\r\n".utf8)
    body += file
    body += Array("\r\n--\(boundary)--\r\n".utf8)
    guard let parsed = try? MultipartForm.parse(body, boundary: boundary) else { fail("a well-framed body was refused") }
    require(parsed["reponse"] == value, "the text field changed")
    require(parsed.files["fichier"] == file, "the file bytes changed")
    return 0
}
