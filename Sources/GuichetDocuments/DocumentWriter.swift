public import GuichetCore

/// Turns a ``DocumentDraft`` into the bytes of one file format.
///
/// Writers are pure functions of the draft: no clock, no random identifier, no file system. The same
/// draft always gives the same bytes, so a filing can be regenerated and compared byte for byte, and
/// tests can hold golden copies.
public protocol DocumentWriter: Sendable {
    /// Writes the whole file.
    ///
    /// Content that a format cannot show (a character outside the PDF fonts' encoding, an exhibit that
    /// is not a readable PNG or JPEG) is replaced or announced in the document, never a reason to fail.
    func write(_ draft: DocumentDraft) throws(DocumentError) -> [UInt8]
}
