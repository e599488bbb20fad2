/// A file format that guichet writes documents in.
public enum DocumentFormat: String, CaseIterable, Sendable {
    /// PDF 1.7, written by ``PDFWriter``.
    case pdf
    /// Office Open XML word processing (Word), written by ``DOCXWriter``.
    case docx
    /// OpenDocument text (LibreOffice), written by ``ODTWriter``.
    case odt

    /// The writer for this format, with its default settings.
    public var writer: any DocumentWriter {
        switch self {
        case .pdf: PDFWriter()
        case .docx: DOCXWriter()
        case .odt: ODTWriter()
        }
    }

    /// The file name extension, without the dot.
    public var fileExtension: String { rawValue }

    /// The IANA media type, for HTTP `Content-Type` headers.
    public var mediaType: String {
        switch self {
        case .pdf: "application/pdf"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .odt: "application/vnd.oasis.opendocument.text"
        }
    }
}
