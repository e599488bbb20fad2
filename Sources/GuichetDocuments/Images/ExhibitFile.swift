import GuichetCore

/// What an exhibit's file turned out to be, judged by its bytes and never by a name or a label.
enum ExhibitFile: Sendable, Equatable {
    case png(PNGImage, bytes: [UInt8])
    case jpeg(JPEGImage, bytes: [UInt8])
    /// A PDF exhibit: announced, not drawn.
    case pdf
    /// Bytes that are neither a readable PNG nor JPEG (nor declared PDF).
    case unreadable
    /// The draft carries no file.
    case absent

    init(_ content: Exhibit.Content?) {
        let bytes: [UInt8]
        let isDeclaredPDF: Bool
        switch content {
        case nil:
            self = .absent
            return
        case .png(let data), .jpeg(let data):
            bytes = data
            isDeclaredPDF = false
        case .pdf(let data):
            bytes = data
            isDeclaredPDF = true
        }
        if bytes.starts(with: PNGImage.signature) {
            self = PNGImage(bytes: bytes).map { .png($0, bytes: bytes) } ?? .unreadable
        } else if bytes.starts(with: [0xFF, 0xD8, 0xFF]) {
            self = JPEGImage(bytes: bytes).map { .jpeg($0, bytes: bytes) } ?? .unreadable
        } else if isDeclaredPDF {
            self = .pdf
        } else {
            self = .unreadable
        }
    }

    /// Pixel size of a drawable image.
    var pixelSize: (width: Int, height: Int)? {
        switch self {
        case .png(let image, _): (image.width, image.height)
        case .jpeg(let image, _): (image.width, image.height)
        case .pdf, .unreadable, .absent: nil
        }
    }

    /// The sentence printed instead of a picture, or nil for a drawable image.
    var replacementSentence: String? {
        switch self {
        case .png, .jpeg: nil
        case .pdf: ExhibitWording.pdfFiledAlongside
        case .unreadable: ExhibitWording.notShowable
        case .absent: ExhibitWording.notReproduced
        }
    }

    /// Size of a box of at most `maxWidth` × `maxHeight` holding the image with its aspect ratio.
    static func fit(width: Int, height: Int, maxWidth: Double, maxHeight: Double) -> (width: Double, height: Double) {
        let scale = min(maxWidth / Double(width), maxHeight / Double(height))
        return (Double(width) * scale, Double(height) * scale)
    }
}
