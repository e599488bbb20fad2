public import GuichetCore

/// Checks, before a PDF is drafted, that every text of a case file can be printed with the embedded
/// fonts, and names the field when it cannot: `person.name : le caractère « 𝔄 » (U+1D504) ne peut
/// pas être imprimé dans le PDF`. The PDF writer refuses such text anyway (it never prints `?`);
/// this check only says where it came from.
public enum PrintabilityCheck {
    /// One character that cannot be printed, and the field holding it.
    public struct Problem: Sendable, Equatable {
        public var path: String
        public var scalar: Unicode.Scalar

        /// The French sentence, field first.
        public var frenchMessage: String { "\(path) : " + DocumentError.unprintableSentence(scalar) }
    }

    /// Fields that hold file names, digests or codes, never printed as text.
    static let skippedKeys: Set<String> = ["capture", "captureHash", "hash", "file", "copy", "version"]

    /// Every field of `caseFile` with a character the PDF fonts cannot draw (each character once per
    /// field), in the file's order.
    public static func problems(in caseFile: CaseFile) throws(DocumentError) -> [Problem] {
        let fonts = try FontLibrary.loaded.get()
        var problems: [Problem] = []
        func walk(_ value: JSONValue, _ path: JSONPath) {
            switch value {
            case .string(let text):
                for scalar in PrintableText.unprintable(in: text, fonts: fonts) {
                    problems.append(Problem(path: path.description, scalar: scalar))
                }
            case .array(let values):
                for (index, element) in values.enumerated() { walk(element, path.index(index)) }
            case .object(let members):
                for member in members where !skippedKeys.contains(member.key) {
                    walk(member.value, path.key(member.key))
                }
            case .null, .bool, .number:
                break
            }
        }
        walk(caseFile.jsonValue, .root)
        return problems
    }
}
