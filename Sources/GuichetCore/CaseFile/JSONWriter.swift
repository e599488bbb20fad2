/// Writes ``JSONValue``s as text, byte for byte like Python's `json.dumps(…, ensure_ascii=False)`.
///
/// Strings escape only `"`, `\` and the control characters U+0000–U+001F (`\b \f \n \r \t`, the others
/// as `\u00xx` in lower-case hexadecimal); every other character, accents included, is written as
/// UTF-8. Members are written in the order of the value (callers choose the order). Matching Python
/// lets anyone recompute a journal hash with a few lines of a common tool (docs/case-file.md).
public enum JSONWriter {
    /// No whitespace at all: `{"a":1,"b":[true,null]}` (Python `separators=(",", ":")`).
    public static func compact(_ value: JSONValue) -> String {
        var out = ""
        write(value, to: &out, indent: nil, level: 0)
        return out
    }

    /// Two-space indentation, `": "` after keys, `[]`/`{}` when empty, and a final new line
    /// (Python `indent=2` plus `"\n"`).
    public static func pretty(_ value: JSONValue) -> String {
        var out = ""
        write(value, to: &out, indent: 2, level: 0)
        return out + "\n"
    }

    /// A JSON string literal, quotes included.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{00}"..."\u{1F}": out += "\\u" + hex(Int(scalar.value), width: 4)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Lower-case hexadecimal, left-padded with zeros to `width`.
    public static func hex(_ value: Int, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static func write(_ value: JSONValue, to out: inout String, indent: Int?, level: Int) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let text): out += text
        case .string(let text): out += quoted(text)
        case .array(let elements):
            guard !elements.isEmpty else {
                out += "[]"
                return
            }
            out += "["
            for (i, element) in elements.enumerated() {
                if i > 0 { out += "," }
                newline(&out, indent: indent, level: level + 1)
                write(element, to: &out, indent: indent, level: level + 1)
            }
            newline(&out, indent: indent, level: level)
            out += "]"
        case .object(let members):
            guard !members.isEmpty else {
                out += "{}"
                return
            }
            out += "{"
            for (i, member) in members.enumerated() {
                if i > 0 { out += "," }
                newline(&out, indent: indent, level: level + 1)
                out += quoted(member.key) + (indent == nil ? ":" : ": ")
                write(member.value, to: &out, indent: indent, level: level + 1)
            }
            newline(&out, indent: indent, level: level)
            out += "}"
        }
    }

    private static func newline(_ out: inout String, indent: Int?, level: Int) {
        guard let indent else { return }
        out += "\n" + String(repeating: " ", count: indent * level)
    }
}
