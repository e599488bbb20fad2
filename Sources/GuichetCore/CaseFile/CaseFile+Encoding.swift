// Writing a case file back to JSON, in one canonical form: fixed key order, absent fields omitted,
// two-space indentation, instants as `YYYY-MM-DDTHH:MM:SS±HH:MM`. Decoding the output gives the same
// value, and encoding it again gives the same bytes.

extension CaseFile {
    /// The canonical JSON text of the case file (ends with a new line).
    public var canonicalJSON: String { JSONWriter.pretty(jsonValue) }

    /// The case file as a JSON value, keys in canonical order.
    public var jsonValue: JSONValue {
        var members: [JSONMember] = [JSONMember("version", .number(String(CaseFile.formatVersion)))]
        let personMembers = person.jsonMembers
        if !personMembers.isEmpty { members.append(JSONMember("person", .object(personMembers))) }
        members.append(JSONMember("department", .string(department.code)))
        members.append(JSONMember("procedure", .string(procedure.rawValue)))
        members.append(optional: "procedureDetail", procedureDetail)
        members.append(optional: "permitExpiry", permitExpiry?.iso)
        if let prefecture, prefecture.name != nil || prefecture.address != nil {
            var office: [JSONMember] = []
            office.append(optional: "name", prefecture.name)
            office.append(optional: "address", prefecture.address)
            members.append(JSONMember("prefecture", .object(office)))
        }
        members.append(optional: "circumstances", circumstances)
        if let filing, !filing.isEmpty {
            var fields: [JSONMember] = []
            fields.append(optional: "filedOn", filing.filedOn?.iso)
            fields.append(optional: "number", filing.number)
            members.append(JSONMember("filing", .object(fields)))
        }
        if let decision, !decision.isEmpty {
            var fields: [JSONMember] = []
            fields.append(optional: "authority", decision.authority?.rawValue)
            fields.append(optional: "date", decision.date?.iso)
            fields.append(optional: "reference", decision.reference)
            fields.append(optional: "grounds", decision.grounds)
            members.append(JSONMember("decision", .object(fields)))
        }
        if let employer, !employer.isEmpty {
            var fields: [JSONMember] = []
            fields.append(optional: "name", employer.name)
            fields.append(optional: "address", employer.address)
            members.append(JSONMember("employer", .object(fields)))
        }
        if let caf, !caf.isEmpty {
            var fields: [JSONMember] = []
            fields.append(optional: "name", caf.name)
            fields.append(optional: "address", caf.address)
            fields.append(optional: "allocataireNumber", caf.allocataireNumber)
            fields.append(optional: "benefit", caf.benefit)
            fields.append(optional: "suspendedOn", caf.suspendedOn?.iso)
            fields.append(optional: "reason", caf.reason)
            members.append(JSONMember("caf", .object(fields)))
        }
        members.append(JSONMember("attempts", .array(attempts.map { .object($0.jsonMembers(sealed: true)) })))
        members.append(JSONMember("letters", .array(letters.map(\.jsonValue))))
        if !supportingDocuments.isEmpty {
            members.append(
                JSONMember(
                    "supportingDocuments",
                    .array(
                        supportingDocuments.map { document in
                            var fields = [JSONMember("title", .string(document.title))]
                            fields.append(optional: "file", document.file)
                            return .object(fields)
                        })))
        }
        return .object(members)
    }

    /// Every problem in a case file built in Swift (the interview engine), checked by the same rules
    /// as the JSON reader: blank texts, control characters, unsafe paths, malformed hashes.
    public func validationIssues() -> [CaseFileIssue] {
        var issues: [CaseFileIssue] = []
        func check(_ text: String?, _ rule: FieldRule, _ path: JSONPath) {
            guard let text, let problem = rule.problem(text) else { return }
            issues.append(CaseFileIssue(path, problem))
        }
        let personPath = JSONPath.root.key("person")
        check(person.name, .singleLine, personPath.key("name"))
        check(person.birthPlace, .singleLine, personPath.key("birthPlace"))
        check(person.nationality, .singleLine, personPath.key("nationality"))
        check(person.address, .multiLine, personPath.key("address"))
        check(person.phone, .phone, personPath.key("phone"))
        check(person.email, .email, personPath.key("email"))
        check(person.foreignerNumber, .singleLine, personPath.key("foreignerNumber"))
        check(procedureDetail, .singleLine, JSONPath.root.key("procedureDetail"))
        check(prefecture?.name, .singleLine, JSONPath.root.key("prefecture").key("name"))
        check(prefecture?.address, .multiLine, JSONPath.root.key("prefecture").key("address"))
        check(circumstances, .multiLine, JSONPath.root.key("circumstances"))
        check(filing?.number, .singleLine, JSONPath.root.key("filing").key("number"))
        check(decision?.reference, .singleLine, JSONPath.root.key("decision").key("reference"))
        check(decision?.grounds, .multiLine, JSONPath.root.key("decision").key("grounds"))
        check(employer?.name, .singleLine, JSONPath.root.key("employer").key("name"))
        check(employer?.address, .multiLine, JSONPath.root.key("employer").key("address"))
        let cafPath = JSONPath.root.key("caf")
        check(caf?.name, .singleLine, cafPath.key("name"))
        check(caf?.address, .multiLine, cafPath.key("address"))
        check(caf?.allocataireNumber, .singleLine, cafPath.key("allocataireNumber"))
        check(caf?.benefit, .singleLine, cafPath.key("benefit"))
        check(caf?.reason, .multiLine, cafPath.key("reason"))
        for (i, attempt) in attempts.enumerated() {
            issues += attempt.validationIssues(at: JSONPath.root.key("attempts").index(i))
        }
        for (i, letter) in letters.enumerated() {
            let path = JSONPath.root.key("letters").index(i)
            check(letter.reference, .singleLine, path.key("reference"))
            check(letter.copy, .filePath, path.key("copy"))
        }
        for (i, document) in supportingDocuments.enumerated() {
            let path = JSONPath.root.key("supportingDocuments").index(i)
            check(document.title, .singleLine, path.key("title"))
            check(document.file, .filePath, path.key("file"))
        }
        return issues
    }
}

extension Person {
    var jsonMembers: [JSONMember] {
        var members: [JSONMember] = []
        members.append(optional: "name", name)
        members.append(optional: "birthDate", birthDate?.iso)
        members.append(optional: "birthPlace", birthPlace)
        members.append(optional: "nationality", nationality)
        members.append(optional: "address", address)
        members.append(optional: "phone", phone)
        members.append(optional: "email", email)
        members.append(optional: "civility", civility?.rawValue)
        members.append(optional: "foreignerNumber", foreignerNumber)
        return members
    }
}

extension Attempt {
    /// The attempt as JSON members in file order; `sealed` adds `captureHash` and `hash` when present.
    func jsonMembers(sealed: Bool) -> [JSONMember] {
        var members: [JSONMember] = [
            JSONMember("at", .string(at.iso)), JSONMember("channel", .string(channel.rawValue)),
            JSONMember("outcome", .string(outcome.rawValue)),
        ]
        members.append(optional: "note", note)
        members.append(optional: "capture", capture)
        if sealed {
            members.append(optional: "captureHash", captureHash)
            members.append(optional: "hash", hash)
        }
        return members
    }

    /// The bytes the journal hashes for this entry: its recorded fields (not `hash`, not `captureHash`),
    /// keys sorted, no whitespace, UTF-8 (Python: `json.dumps(entry, ensure_ascii=False,
    /// separators=(",", ":"), sort_keys=True)`).
    public var canonicalEntry: [UInt8] {
        let sorted = jsonMembers(sealed: false).sorted { $0.key < $1.key }
        return Array(JSONWriter.compact(.object(sorted)).utf8)
    }

    /// Problems in the attempt's texts, by the reader's rules.
    func validationIssues(at path: JSONPath) -> [CaseFileIssue] {
        var issues: [CaseFileIssue] = []
        let checks: [(String?, FieldRule, String)] = [
            (note, .multiLine, "note"), (capture, .filePath, "capture"), (captureHash, .sha256Hex, "captureHash"),
            (hash, .sha256Hex, "hash"),
        ]
        for (text, rule, key) in checks {
            if let text, let problem = rule.problem(text) { issues.append(CaseFileIssue(path.key(key), problem)) }
        }
        return issues
    }
}

extension Letter {
    var jsonValue: JSONValue {
        var members = [JSONMember("sentOn", .string(sentOn.iso)), JSONMember("kind", .string(kind.rawValue))]
        members.append(optional: "reference", reference)
        members.append(optional: "copy", copy)
        return .object(members)
    }
}

extension [JSONMember] {
    /// Appends `"key": "value"` when the value is there.
    mutating func append(optional key: String, _ value: String?) {
        if let value { append(JSONMember(key, .string(value))) }
    }
}
