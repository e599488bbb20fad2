/// A JSON document as read by ``JSONParser``: objects keep their members in written order.
///
/// Numbers keep their source text (the case file only needs small integers, and keeping the text
/// avoids any floating-point rounding); strings are valid Unicode.
public indirect enum JSONValue: Sendable, Equatable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, as written (already checked against the JSON number grammar).
    case number(String)
    /// A string, unescaped.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object, members in written order; duplicate keys are kept (the case-file reader reports them).
    case object([JSONMember])

    /// What kind of value this is, for error messages.
    public var kind: JSONKind {
        switch self {
        case .null: return .null
        case .bool: return .bool
        case .number: return .number
        case .string: return .string
        case .array: return .array
        case .object: return .object
        }
    }
}

/// One `"key": value` member of a JSON object.
public struct JSONMember: Sendable, Equatable {
    /// The key, unescaped.
    public var key: String
    /// The value.
    public var value: JSONValue

    /// Pairs a key and a value.
    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}

/// The six kinds of JSON value, named in French for error messages.
public enum JSONKind: String, Sendable, Equatable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool
    /// A number.
    case number
    /// A string.
    case string
    /// An array.
    case array
    /// An object.
    case object

    /// « texte », « objet »…
    public var frenchName: String {
        switch self {
        case .null: return "null"
        case .bool: return "booléen"
        case .number: return "nombre"
        case .string: return "texte"
        case .array: return "tableau"
        case .object: return "objet"
        }
    }
}

/// Where a value sits in a JSON document: `attempts[0].at`, `person.birthPlace`.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    /// One step from the root.
    public enum Component: Sendable, Hashable {
        /// An object member.
        case key(String)
        /// An array element (0-based).
        case index(Int)
    }

    /// The steps from the root; empty for the root itself.
    public var components: [Component]

    /// A path from its steps.
    public init(_ components: [Component] = []) {
        self.components = components
    }

    /// The root of the document.
    public static let root = JSONPath()

    /// This path extended by an object key.
    public func key(_ name: String) -> JSONPath { JSONPath(components + [.key(name)]) }

    /// This path extended by an array index.
    public func index(_ i: Int) -> JSONPath { JSONPath(components + [.index(i)]) }

    /// `attempts[0].at`; keys that are not plain identifiers are written `["a key"]`; the root is `$`.
    public var description: String {
        if components.isEmpty { return "$" }
        var text = ""
        for component in components {
            switch component {
            case .index(let i):
                text += "[\(i)]"
            case .key(let name):
                if JSONPath.isPlain(name) {
                    text += text.isEmpty ? name : "." + name
                } else {
                    text += "[" + JSONWriter.quoted(name) + "]"
                }
            }
        }
        return text
    }

    private static func isPlain(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "_" || scalar == "-"
        }
    }
}
