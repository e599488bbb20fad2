/// The shape a text field of the case file must have; one place for the reader and for values built
/// in Swift (``CaseFile/validationIssues()``), so that both accept exactly the same texts.
enum FieldRule: Sendable {
    /// One line: not blank, no control character (names, places, references).
    case singleLine
    /// Free text: not blank; new lines and tabs allowed, no other control character.
    case multiLine
    /// `name@domain.tld`, one line, no space.
    case email
    /// Digits, spaces and `+ . - ( )`, at least four digits.
    case phone
    /// A relative path inside the case file's folder.
    case filePath
    /// 64 lower-case hexadecimal digits.
    case sha256Hex

    /// The problem with `text`, or `nil` when it is fine.
    func problem(_ text: String) -> CaseFileIssue.Kind? {
        let scalars = text.unicodeScalars
        if scalars.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{A0}" }) {
            return .empty
        }
        switch self {
        case .singleLine:
            return scalars.contains(where: FieldRule.isControl) ? .controlCharacter : nil
        case .multiLine:
            let allowed: Set<Unicode.Scalar> = ["\n", "\r", "\t"]
            return scalars.contains(where: { FieldRule.isControl($0) && !allowed.contains($0) })
                ? .controlCharacter : nil
        case .email:
            if scalars.contains(where: FieldRule.isControl) { return .controlCharacter }
            let parts = text.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
                !parts[1].hasSuffix("."), !text.contains(" ")
            else { return .invalidEmail }
            return nil
        case .phone:
            if scalars.contains(where: FieldRule.isControl) { return .controlCharacter }
            let allowed: Set<Unicode.Scalar> = [" ", "+", ".", "-", "(", ")", "\u{A0}"]
            guard scalars.allSatisfy({ ("0"..."9").contains($0) || allowed.contains($0) }),
                scalars.filter({ ("0"..."9").contains($0) }).count >= 4
            else { return .invalidPhone }
            return nil
        case .filePath:
            return FieldRule.isSafeRelativePath(text) ? nil : .invalidFilePath
        case .sha256Hex:
            guard scalars.count == 64, scalars.allSatisfy({ ("0"..."9").contains($0) || ("a"..."f").contains($0) })
            else { return .invalidHash }
            return nil
        }
    }

    /// C0 controls and DEL.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool { scalar.value < 0x20 || scalar.value == 0x7F }

    /// Relative, `/`-separated, no empty, `.` or `..` component, no backslash, no drive letter, no
    /// control character: a path that cannot leave the case file's folder.
    static func isSafeRelativePath(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard !scalars.isEmpty, scalars.count <= 1024, scalars[0] != "/", !scalars.contains("\\"),
            !scalars.contains(where: isControl)
        else { return false }
        if scalars.count >= 2, scalars[1] == ":" { return false }
        let components = text.split(separator: "/", omittingEmptySubsequences: false)
        return components.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }
}
