import GuichetCore

/// The bundle of a « dépôt collectif de référés »: one ZIP with the summary of the cases filed together, then one
/// folder per case holding its files exactly as given.
///
/// The archive never renders anything: the caller passes each case's référé as `guichet document` writes it, so
/// the file in the bundle is that file, byte for byte (entries are stored, not deflated, except the CSV). Like
/// ``SplitFiling``, every entry has the fixed date and permissions of ``ZIPPackage`` and a fixed place, so the same
/// input gives the same bytes.
public enum CollectiveFilingArchive {
    /// The summary's entries, first in the archive.
    public static let summaryPDFName = "00-synthese.pdf"
    public static let summaryCSVName = "00-synthese.csv"

    /// The ZIP: `00-synthese.pdf`, `00-synthese.csv`, then `<number>/<fileName>` for every document of every case.
    ///
    /// Cases come in the summary's order (``CollectiveFilingSummary/caseNumberPrecedes(_:_:)``: digits compared as
    /// numbers), each case's documents in the order given. A case number or file name that is not a plain name
    /// (empty, `.`, `..`, holding `/`, `\`, a control character) or a path given twice is refused with
    /// ``DocumentError/packagingFailed(part:)`` naming it: nothing may land outside its folder or be overwritten.
    public static func archive(
        cases: [(number: String, documents: [(fileName: String, bytes: [UInt8])])], summaryPDF: [UInt8],
        summaryCSV: String
    ) throws(DocumentError) -> [UInt8] {
        var package = ZIPPackage()
        package.add(summaryPDFName, bytes: summaryPDF, compressed: false)
        package.add(summaryCSVName, bytes: Array(summaryCSV.utf8))
        var paths: Set<String> = [summaryPDFName, summaryCSVName]
        for filed in CollectiveFilingSummary.ordered(cases, number: { $0.number }) {
            guard isPlainName(filed.number) else { throw .packagingFailed(part: filed.number) }
            for document in filed.documents {
                let path = filed.number + "/" + document.fileName
                guard isPlainName(document.fileName), paths.insert(path).inserted else {
                    throw .packagingFailed(part: path)
                }
                package.add(path, bytes: document.bytes, compressed: false)
            }
        }
        return try package.archive()
    }

    /// Whether `name` can be one component of a path in the archive, the same on every system that unpacks it.
    static func isPlainName(_ name: String) -> Bool {
        guard !name.isEmpty, name != ".", name != ".." else { return false }
        return !name.unicodeScalars.contains { $0 == "/" || $0 == "\\" || $0.value < 0x20 || $0.value == 0x7F }
    }
}
