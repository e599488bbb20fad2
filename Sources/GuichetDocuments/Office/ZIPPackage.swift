import Foundation
import ZIPFoundation

/// The entries of an office package, written in order into an in-memory ZIP archive.
///
/// Every entry gets the same fixed date (1980-01-01 00:00, the first date ZIP can hold, read in UTC
/// by ZIPFoundation) and the same permissions, so the archive's bytes depend on the entries only.
struct ZIPPackage {
    struct Entry {
        var path: String
        var bytes: [UInt8]
        var isCompressed: Bool
    }

    /// 1980-01-01T00:00:00Z.
    static let fixedDate = Date(timeIntervalSince1970: 315_532_800)

    private(set) var entries: [Entry] = []

    /// Adds an entry; already-compressed data (images) is better stored.
    mutating func add(_ path: String, bytes: [UInt8], compressed: Bool = true) {
        entries.append(Entry(path: path, bytes: bytes, isCompressed: compressed && !bytes.isEmpty))
    }

    /// Adds an XML part, UTF-8, deflated.
    mutating func add(_ path: String, xml: String) {
        add(path, bytes: Array(xml.utf8))
    }

    /// The archive's bytes.
    func archive() throws(DocumentError) -> [UInt8] {
        let archive: Archive
        do {
            archive = try Archive(data: Data(), accessMode: .create)
        } catch {
            throw .packagingFailed(part: "")
        }
        for entry in entries {
            do {
                let bytes = entry.bytes
                try archive.addEntry(
                    with: entry.path, type: .file, uncompressedSize: Int64(bytes.count),
                    modificationDate: Self.fixedDate, permissions: 0o644,
                    compressionMethod: entry.isCompressed ? .deflate : .none,
                    provider: { position, size in
                        let start = Int(position)
                        return Data(bytes[start..<min(bytes.count, start + size)])
                    })
            } catch {
                throw .packagingFailed(part: entry.path)
            }
        }
        guard let data = archive.data else { throw .packagingFailed(part: "") }
        return [UInt8](data)
    }
}
