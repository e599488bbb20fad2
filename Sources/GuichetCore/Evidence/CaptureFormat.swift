/// The kinds of file accepted as a capture or a copy, recognised by their first bytes, never by name.
public enum CaptureFormat: String, Sendable, Equatable, CaseIterable {
    /// PNG: `89 50 4E 47 0D 0A 1A 0A`.
    case png
    /// JPEG: `FF D8 FF`.
    case jpeg
    /// PDF: `%PDF-` at the very start.
    case pdf

    /// The format of `bytes`, or `nil` when it is none of the three.
    public static func sniff(_ bytes: [UInt8]) -> CaptureFormat? {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
        return nil
    }

    /// « PNG », « JPEG », « PDF ».
    public var label: String { rawValue.uppercased() }

    /// The bytes as an exhibit's content for a document.
    func exhibitContent(_ bytes: [UInt8]) -> Exhibit.Content {
        switch self {
        case .png: return .png(bytes)
        case .jpeg: return .jpeg(bytes)
        case .pdf: return .pdf(bytes)
        }
    }
}

/// Why a capture file cannot be used.
public enum CaptureProblem: Error, Sendable, Equatable {
    /// The file cannot be read.
    case missing(path: String)
    /// Over ``Journal/maximumCaptureSize`` bytes.
    case tooLarge(path: String, size: Int)
    /// Not PNG, JPEG or PDF by content.
    case notRecognised(path: String)

    /// The same problem as a case-file issue at `path`.
    func issue(at path: JSONPath) -> CaseFileIssue {
        switch self {
        case .missing(let file): return CaseFileIssue(path, .fileMissing(file))
        case .tooLarge(let file, let size): return CaseFileIssue(path, .fileTooLarge(file, size: size))
        case .notRecognised(let file): return CaseFileIssue(path, .fileNotRecognised(file))
        }
    }

    /// Checks bytes read for `path`: present, at most 10 MB, PNG/JPEG/PDF.
    static func check(_ bytes: [UInt8]?, path: String) -> Result<(CaptureFormat, [UInt8]), CaptureProblem> {
        guard let bytes else { return .failure(.missing(path: path)) }
        guard bytes.count <= Journal.maximumCaptureSize else {
            return .failure(.tooLarge(path: path, size: bytes.count))
        }
        guard let format = CaptureFormat.sniff(bytes) else { return .failure(.notRecognised(path: path)) }
        return .success((format, bytes))
    }
}

/// A hash function given by the caller: Core has no cryptography library, the CLI passes swift-crypto's
/// SHA-256 (`{ Array(SHA256.hash(data: $0)) }`); tests pass a pure-Swift one.
public typealias HashFunction = ([UInt8]) -> [UInt8]

extension Array where Element == UInt8 {
    /// Lower-case hexadecimal.
    var lowercaseHex: String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(count * 2)
        for byte in self {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
