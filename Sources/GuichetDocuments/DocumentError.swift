/// Why a document could not be written.
///
/// Writers degrade gracefully on odd input (unknown characters, unreadable images), so the only
/// failures left are in assembling the file itself.
public enum DocumentError: Error, Equatable, Sendable {
    /// The office package (a ZIP archive) could not be assembled; `part` names the entry being written.
    case packagingFailed(part: String)
}
