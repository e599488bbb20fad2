import Foundation
import ZIPFoundation

/// Reads the entries of an office package written by the writers under test.
struct ZIPReader {
    private let archive: Archive

    init?(_ bytes: [UInt8]) {
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read, pathEncoding: nil)
        } catch {
            return nil
        }
    }

    /// Entry paths in archive order.
    var paths: [String] { archive.map(\.path) }

    /// The bytes of an entry, or nil when absent.
    func bytes(_ path: String) -> [UInt8]? {
        guard let entry = archive[path] else { return nil }
        var data = Data()
        do {
            _ = try archive.extract(entry, consumer: { data.append($0) })
        } catch {
            return nil
        }
        return [UInt8](data)
    }

    /// An entry as UTF-8 text.
    func text(_ path: String) -> String? { bytes(path).map { String(decoding: $0, as: UTF8.self) } }

    /// How an entry is stored.
    func compressionMethod(_ path: String) -> UInt16? { archive[path].map { $0.isCompressed ? 8 : 0 } }
}

#if canImport(FoundationXML)
    import FoundationXML
#endif

extension ZIPReader {
    /// Paths of the XML parts (`.xml`, `.rels`) that an XML parser rejects.
    var malformedXMLParts: [String] {
        paths.filter { $0.hasSuffix(".xml") || $0.hasSuffix(".rels") }.filter { path in
            guard let bytes = bytes(path) else { return true }
            return !isWellFormedXML(bytes)
        }
    }
}

/// Whether an XML parser accepts `bytes`. NB: on Linux `XMLParser.parse()` can return true after an
/// error (unbalanced tags), so the recorded `parserError` decides.
func isWellFormedXML(_ bytes: [UInt8]) -> Bool {
    let parser = XMLParser(data: Data(bytes))
    let accepted = parser.parse()
    return accepted && parser.parserError == nil
}
