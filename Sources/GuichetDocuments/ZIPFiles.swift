/// A ZIP archive of named files, stored as given (no re-encoding), in the order given, with fixed dates so that the
/// same files give the same bytes: the help desk's exports.
public enum ZIPFiles {
    /// `files`: path inside the archive (forward slashes) and bytes. Already-compressed formats (PDF, PNG, JPEG, ZIP
    /// based office files) are stored; text is deflated.
    public static func archive(_ files: [(path: String, bytes: [UInt8])]) throws(DocumentError) -> [UInt8] {
        var package = ZIPPackage()
        for file in files {
            let lower = file.path.lowercased()
            let isText = lower.hasSuffix(".json") || lower.hasSuffix(".csv") || lower.hasSuffix(".txt")
            package.add(file.path, bytes: file.bytes, compressed: isText)
        }
        return try package.archive()
    }
}
