public import GuichetCore

/// A filing as separate files, one per exhibit, as Télérecours asks since 1 January 2021 (art. R.414-5
/// CJA, décret n° 2020-1245): the document itself, then each exhibit in a file whose name starts with
/// its number in the bordereau, in one ZIP archive.
///
/// Each image exhibit becomes a one-exhibit PDF/A file (its heading, caption and picture, as in the
/// bundle); an exhibit that is a PDF is copied as it is; an exhibit with no file is left out (the
/// document's notices already ask for a copy).
public enum SplitFiling {
    /// One file of the archive.
    public struct File: Sendable, Equatable {
        public var name: String
        public var bytes: [UInt8]
    }

    /// The files: `00-<mainStem>.<ext>` with the document in `format` without its exhibits, then
    /// `NN-<slug>.pdf` for each exhibit that has a file.
    public static func files(_ draft: DocumentDraft, format: DocumentFormat, mainStem: String) throws(DocumentError)
        -> [File]
    {
        var main = draft
        main.exhibits = []
        var files = [File(name: "00-\(mainStem).\(format.fileExtension)", bytes: try format.writer.write(main))]
        for exhibit in draft.exhibits {
            switch exhibit.content {
            case .pdf(let bytes):
                files.append(File(name: exhibit.fileName(extension: "pdf"), bytes: bytes))
            case .png, .jpeg:
                let single = DocumentDraft(title: ExhibitWording.heading(for: exhibit), blocks: [], exhibits: [exhibit])
                files.append(File(name: exhibit.fileName(extension: "pdf"), bytes: try PDFWriter().write(single)))
            case nil:
                continue
            }
        }
        return files
    }

    /// The same files in a ZIP archive, in that order, stored (they are compressed already), with the
    /// fixed date of the office writers: the same draft gives the same bytes.
    public static func archive(_ draft: DocumentDraft, format: DocumentFormat, mainStem: String) throws(DocumentError)
        -> [UInt8]
    {
        var package = ZIPPackage()
        for file in try files(draft, format: format, mainStem: mainStem) {
            package.add(file.name, bytes: file.bytes, compressed: false)
        }
        return try package.archive()
    }

    /// `application/zip`, for HTTP.
    public static let mediaType = "application/zip"
}
