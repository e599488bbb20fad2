// Reading a case file from JSON: strict (unknown keys, duplicates, wrong types are errors) and
// exhaustive (every problem is reported with its JSON path, not only the first).

extension CaseFile {
    /// Top-level keys, in canonical order.
    static let keys = [
        "version", "person", "department", "procedure", "procedureDetail", "permitExpiry", "prefecture",
        "circumstances", "filing", "decision", "employer", "caf", "attempts", "letters", "supportingDocuments",
    ]

    /// Reads a case file from UTF-8 JSON bytes, or throws every problem found.
    ///
    /// Required: `department`, `procedure`, `attempts` (possibly empty). `null` stands for an absent
    /// optional field. Unknown keys are errors (a typo must not silently drop data).
    public static func decode(json bytes: [UInt8]) throws(CaseFileError) -> CaseFile {
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw CaseFileError(issues: [CaseFileIssue(error.path, .syntax(error))])
        }
        var reader = CaseFileReader()
        guard let caseFile = reader.caseFile(root), reader.issues.isEmpty else {
            throw CaseFileError(issues: reader.issues)
        }
        return caseFile
    }

    /// Reads a case file from JSON text, or throws every problem found.
    public static func decode(json text: String) throws(CaseFileError) -> CaseFile {
        try decode(json: Array(text.utf8))
    }
}

/// Walks a ``JSONValue`` and collects every problem; returns `nil` for what cannot be read.
struct CaseFileReader {
    var issues: [CaseFileIssue] = []

    mutating func caseFile(_ root: JSONValue) -> CaseFile? {
        let path = JSONPath.root
        guard let members = object(root, at: path, keys: CaseFile.keys) else { return nil }
        if let version = members["version"], version != .null {
            if case .number(let text) = version {
                if text != String(CaseFile.formatVersion) {
                    issues.append(CaseFileIssue(path.key("version"), .unsupportedVersion(text)))
                }
            } else {
                issues.append(
                    CaseFileIssue(path.key("version"), .wrongType(expected: .number, found: version.kind)))
            }
        }
        let person = members["person"].flatMap { self.person($0, at: path.key("person")) }
        let department = requiredString(members, "department", at: path).flatMap { code -> Department? in
            guard let department = Department.lookup(code), department.code == code else {
                issues.append(CaseFileIssue(path.key("department"), .invalidDepartment(code)))
                return nil
            }
            return department
        }
        let procedure = requiredString(members, "procedure", at: path).flatMap {
            enumValue($0, Procedure.self, at: path.key("procedure"))
        }
        let procedureDetail = text(members, "procedureDetail", at: path, .singleLine)
        let permitExpiry = date(members, "permitExpiry", at: path)
        let prefecture = members["prefecture"].flatMap { office($0, at: path.key("prefecture")) }
        let circumstances = text(members, "circumstances", at: path, .multiLine)
        let attempts = array(members, "attempts", at: path, required: true) { reader, value, at in
            reader.attempt(value, at: at)
        }
        let letters = array(members, "letters", at: path, required: false) { reader, value, at in
            reader.letter(value, at: at)
        }
        let documents = array(members, "supportingDocuments", at: path, required: false) { reader, value, at in
            reader.supportingDocument(value, at: at)
        }
        let filing = members["filing"].flatMap { self.filing($0, at: path.key("filing")) }
        let decision = members["decision"].flatMap { self.decision($0, at: path.key("decision")) }
        let employer = members["employer"].flatMap { self.employer($0, at: path.key("employer")) }
        let caf = members["caf"].flatMap { self.caf($0, at: path.key("caf")) }
        guard let department, let procedure, let attempts, let letters, let documents else { return nil }
        return CaseFile(
            person: person ?? Person(), department: department, procedure: procedure,
            procedureDetail: procedureDetail, permitExpiry: permitExpiry, prefecture: prefecture,
            circumstances: circumstances, attempts: attempts, letters: letters, supportingDocuments: documents,
            filing: filing, decision: decision, employer: employer, caf: caf)
    }

    static let filingKeys = ["filedOn", "number"]

    private mutating func filing(_ value: JSONValue, at path: JSONPath) -> OnlineFiling? {
        if value == .null { return nil }
        guard let members = object(value, at: path, keys: CaseFileReader.filingKeys) else { return nil }
        return OnlineFiling(
            filedOn: date(members, "filedOn", at: path), number: text(members, "number", at: path, .singleLine))
    }

    static let decisionKeys = ["authority", "date", "reference", "grounds"]

    private mutating func decision(_ value: JSONValue, at path: JSONPath) -> Decision? {
        if value == .null { return nil }
        guard let members = object(value, at: path, keys: CaseFileReader.decisionKeys) else { return nil }
        return Decision(
            authority: text(members, "authority", at: path, .singleLine).flatMap {
                enumValue($0, DecisionAuthority.self, at: path.key("authority"))
            },
            date: date(members, "date", at: path), reference: text(members, "reference", at: path, .singleLine),
            grounds: text(members, "grounds", at: path, .multiLine))
    }

    static let employerKeys = ["name", "address"]

    private mutating func employer(_ value: JSONValue, at path: JSONPath) -> Employer? {
        if value == .null { return nil }
        guard let members = object(value, at: path, keys: CaseFileReader.employerKeys) else { return nil }
        return Employer(
            name: text(members, "name", at: path, .singleLine), address: text(members, "address", at: path, .multiLine))
    }

    static let cafKeys = ["name", "address", "allocataireNumber", "benefit", "suspendedOn", "reason"]

    private mutating func caf(_ value: JSONValue, at path: JSONPath) -> FamilyBenefitsFund? {
        if value == .null { return nil }
        guard let members = object(value, at: path, keys: CaseFileReader.cafKeys) else { return nil }
        return FamilyBenefitsFund(
            name: text(members, "name", at: path, .singleLine), address: text(members, "address", at: path, .multiLine),
            allocataireNumber: text(members, "allocataireNumber", at: path, .singleLine),
            benefit: text(members, "benefit", at: path, .singleLine), suspendedOn: date(members, "suspendedOn", at: path),
            reason: text(members, "reason", at: path, .multiLine))
    }

    // MARK: - Records

    static let personKeys = [
        "name", "birthDate", "birthPlace", "nationality", "address", "phone", "email", "civility",
        "foreignerNumber",
    ]

    private mutating func person(_ value: JSONValue, at path: JSONPath) -> Person? {
        if value == .null { return nil }
        guard let members = object(value, at: path, keys: CaseFileReader.personKeys) else { return nil }
        return Person(
            name: text(members, "name", at: path, .singleLine),
            birthDate: date(members, "birthDate", at: path),
            birthPlace: text(members, "birthPlace", at: path, .singleLine),
            nationality: text(members, "nationality", at: path, .singleLine),
            address: text(members, "address", at: path, .multiLine),
            phone: text(members, "phone", at: path, .phone),
            email: text(members, "email", at: path, .email),
            civility: text(members, "civility", at: path, .singleLine).flatMap {
                enumValue($0, Civility.self, at: path.key("civility"))
            },
            foreignerNumber: text(members, "foreignerNumber", at: path, .singleLine))
    }

    static let officeKeys = ["name", "address"]

    private mutating func office(_ value: JSONValue, at path: JSONPath) -> PrefectureOffice? {
        if value == .null { return nil }
        guard let members = object(value, at: path, keys: CaseFileReader.officeKeys) else { return nil }
        return PrefectureOffice(
            name: text(members, "name", at: path, .singleLine), address: text(members, "address", at: path, .multiLine))
    }

    static let attemptKeys = ["at", "channel", "outcome", "note", "capture", "captureHash", "hash"]

    private mutating func attempt(_ value: JSONValue, at path: JSONPath) -> Attempt? {
        guard let members = object(value, at: path, keys: CaseFileReader.attemptKeys) else { return nil }
        let at = requiredString(members, "at", at: path).flatMap { text -> OffsetDateTime? in
            guard let instant = OffsetDateTime(iso: text) else {
                issues.append(CaseFileIssue(path.key("at"), .invalidDateTime))
                return nil
            }
            return instant
        }
        let channel = requiredString(members, "channel", at: path).flatMap {
            enumValue($0, AttemptChannel.self, at: path.key("channel"))
        }
        let outcome = requiredString(members, "outcome", at: path).flatMap {
            enumValue($0, AttemptOutcome.self, at: path.key("outcome"))
        }
        let note = text(members, "note", at: path, .multiLine)
        let capture = text(members, "capture", at: path, .filePath)
        let captureHash = text(members, "captureHash", at: path, .sha256Hex)
        let hash = text(members, "hash", at: path, .sha256Hex)
        guard let at, let channel, let outcome else { return nil }
        return Attempt(
            at: at, channel: channel, outcome: outcome, note: note, capture: capture, hash: hash,
            captureHash: captureHash)
    }

    static let letterKeys = ["sentOn", "kind", "reference", "copy"]

    private mutating func letter(_ value: JSONValue, at path: JSONPath) -> Letter? {
        guard let members = object(value, at: path, keys: CaseFileReader.letterKeys) else { return nil }
        let sentOn = date(members, "sentOn", at: path, required: true)
        let kind = requiredString(members, "kind", at: path).flatMap {
            enumValue($0, LetterKind.self, at: path.key("kind"))
        }
        let reference = text(members, "reference", at: path, .singleLine)
        let copy = text(members, "copy", at: path, .filePath)
        guard let sentOn, let kind else { return nil }
        return Letter(sentOn: sentOn, kind: kind, reference: reference, copy: copy)
    }

    static let documentKeys = ["title", "file"]

    private mutating func supportingDocument(_ value: JSONValue, at path: JSONPath) -> SupportingDocument? {
        guard let members = object(value, at: path, keys: CaseFileReader.documentKeys) else { return nil }
        let title = text(members, "title", at: path, .singleLine, required: true)
        let file = text(members, "file", at: path, .filePath)
        guard let title else { return nil }
        return SupportingDocument(title: title, file: file)
    }

    // MARK: - Values

    /// The members of an object (first occurrence of each key), after reporting unknown and repeated keys.
    private mutating func object(_ value: JSONValue, at path: JSONPath, keys: [String]) -> [String: JSONValue]? {
        guard case .object(let members) = value else {
            issues.append(CaseFileIssue(path, .wrongType(expected: .object, found: value.kind)))
            return nil
        }
        var result: [String: JSONValue] = [:]
        for member in members {
            if !keys.contains(member.key) {
                issues.append(
                    CaseFileIssue(
                        path.key(member.key), .unknownKey(suggestion: KeySuggestion.closest(member.key, in: keys))))
            } else if result[member.key] != nil {
                issues.append(CaseFileIssue(path.key(member.key), .duplicateKey))
            } else {
                result[member.key] = member.value
            }
        }
        return result
    }

    private mutating func requiredString(_ members: [String: JSONValue], _ key: String, at path: JSONPath) -> String? {
        guard let value = members[key] else {
            issues.append(CaseFileIssue(path.key(key), .missing()))
            return nil
        }
        guard case .string(let text) = value else {
            issues.append(CaseFileIssue(path.key(key), .wrongType(expected: .string, found: value.kind)))
            return nil
        }
        return text
    }

    /// An optional (or required) text checked against `rule`; `null` is absence.
    private mutating func text(
        _ members: [String: JSONValue], _ key: String, at path: JSONPath, _ rule: FieldRule, required: Bool = false
    ) -> String? {
        guard let value = members[key], value != .null else {
            if required { issues.append(CaseFileIssue(path.key(key), .missing())) }
            return nil
        }
        guard case .string(let text) = value else {
            issues.append(CaseFileIssue(path.key(key), .wrongType(expected: .string, found: value.kind)))
            return nil
        }
        if let problem = rule.problem(text) {
            issues.append(CaseFileIssue(path.key(key), problem))
            return nil
        }
        return text
    }

    private mutating func date(
        _ members: [String: JSONValue], _ key: String, at path: JSONPath, required: Bool = false
    ) -> LocalDate? {
        guard let value = members[key], value != .null else {
            if required { issues.append(CaseFileIssue(path.key(key), .missing())) }
            return nil
        }
        guard case .string(let text) = value else {
            issues.append(CaseFileIssue(path.key(key), .wrongType(expected: .string, found: value.kind)))
            return nil
        }
        guard let date = LocalDate(iso: text) else {
            issues.append(CaseFileIssue(path.key(key), .invalidDate))
            return nil
        }
        return date
    }

    private mutating func enumValue<E: RawRepresentable & CaseIterable>(
        _ text: String, _ type: E.Type, at path: JSONPath
    ) -> E? where E.RawValue == String {
        guard let value = E(rawValue: text) else {
            issues.append(CaseFileIssue(path, .invalidValue(text, allowed: E.allCases.map(\.rawValue))))
            return nil
        }
        return value
    }

    /// An array whose elements are read by `element`; `nil` if the array (or any element) is unreadable.
    private mutating func array<T>(
        _ members: [String: JSONValue], _ key: String, at path: JSONPath, required: Bool,
        _ element: (inout CaseFileReader, JSONValue, JSONPath) -> T?
    ) -> [T]? {
        let here = path.key(key)
        guard let value = members[key], required || value != .null else {
            if required {
                issues.append(CaseFileIssue(here, .missing()))
                return nil
            }
            return []
        }
        guard case .array(let elements) = value else {
            issues.append(CaseFileIssue(here, .wrongType(expected: .array, found: value.kind)))
            return nil
        }
        var result: [T] = []
        var complete = true
        for (i, value) in elements.enumerated() {
            if let item = element(&self, value, here.index(i)) {
                result.append(item)
            } else {
                complete = false
            }
        }
        return complete ? result : nil
    }
}

/// The known key closest to a typo, for « vouliez-vous dire … ? ».
enum KeySuggestion {
    /// The known key at edit distance ≤ 2 (or equal ignoring case), the closest first; `nil` if none.
    static func closest(_ key: String, in known: [String]) -> String? {
        let lower = Array(key.lowercased().unicodeScalars)
        var best: (key: String, distance: Int)?
        for candidate in known {
            let distance = editDistance(lower, Array(candidate.lowercased().unicodeScalars))
            if distance <= 2, best == nil || distance < best?.distance ?? Int.max {
                best = (candidate, distance)
            }
        }
        return best?.key
    }

    /// Levenshtein distance (keys are short; inputs over 64 characters are not compared).
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.count > 64 || b.count > 64 { return Int.max }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
