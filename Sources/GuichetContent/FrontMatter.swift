internal import Yams

/// A Markdown file split into its YAML front matter and its body.
struct FrontMatter {
    /// The front matter's top-level mapping, keys with their line numbers.
    let fields: [String: (node: Node, line: Int)]
    /// Line of the opening `---`.
    let startLine: Int
    let body: String
    /// 1-based line of the body's first line in the file.
    let bodyLine: Int

    enum Failure: Error {
        case missing
        case unterminated
        case invalidYAML(line: Int, problem: String)
        case notAMapping
    }

    /// Splits `text`: it must open with a `---` line and close the front matter with another.
    static func split(_ text: String) throws(Failure) -> FrontMatter {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? $0.dropLast() : $0
        }
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = first.dropFirst() }
        guard let first = lines.first, first.trimmingTrailingSpaces == "---" else { throw .missing }
        guard let end = lines.indices.dropFirst().first(where: { lines[$0].trimmingTrailingSpaces == "---" }) else {
            throw .unterminated
        }
        let yaml = lines[1..<end].joined(separator: "\n")
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw .invalidYAML(line: 1 + Self.line(of: error), problem: Self.problem(of: error))
        } catch {
            throw .invalidYAML(line: 2, problem: "YAML illisible")
        }
        guard let mapping = node?.mapping else { throw .notAMapping }
        var fields: [String: (node: Node, line: Int)] = [:]
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            fields[name] = (value, 1 + (key.mark?.line ?? 1))
        }
        let body = lines[(end + 1)...].joined(separator: "\n")
        return FrontMatter(fields: fields, startLine: 1, body: body, bodyLine: end + 2)
    }

    static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return 1
        }
    }

    static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        case .duplicatedKeysInMapping(let duplicates, _):
            return "clé en double : " + duplicates.joined(separator: ", ")
        default: return "YAML illisible"
        }
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
    }
}
