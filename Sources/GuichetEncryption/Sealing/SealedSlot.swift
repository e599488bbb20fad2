/// What a sealed blob is for inside its case file, bound into the blob as associated data: a blob sealed for
/// one slot does not open in another (answers pasted over a capture, capture 3 moved to 4).
///
/// Labels are not secret (they may also name database columns or files); they are short ASCII words.
public struct SealedSlot: Hashable, Sendable, CustomStringConvertible {
    /// The label bound into the blob, e.g. `answers` or `capture:3`.
    public let label: String

    /// A slot with a custom label: non-empty printable ASCII, at most 255 bytes (a programmer error otherwise).
    public init(_ label: String) {
        precondition(
            !label.isEmpty && label.utf8.count <= 255 && label.utf8.allSatisfy { $0 >= 0x21 && $0 <= 0x7E },
            "a sealed slot label is 1–255 printable ASCII bytes"
        )
        self.label = label
    }

    /// The interview answers of the file.
    public static let answers = SealedSlot("answers")

    /// The capture (screenshot, photo) numbered `number` in the file.
    public static func capture(_ number: Int) -> SealedSlot {
        SealedSlot("capture:\(number)")
    }

    /// The label.
    public var description: String { label }
}
