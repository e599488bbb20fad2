import Testing

@testable import GuichetContent
@testable import GuichetCore

/// `guichet content check` on interview definitions: each kind of mistake, with its line.
@Suite("Interview definition check")
struct InterviewValidationTests {
    /// A valid definition; each case replaces one line.
    static let base = """
        id: essai
        title: "Essai"
        steps:
          - id: procedure
            type: choice
            label: "Démarche ?"
            choices:
              - value: renouvellement-titre
                label: "Renouvellement"
              - value: autre
                label: "Autre"
          - id: expiration
            type: date
            label: "Expiration ?"
            when: "procedure == renouvellement-titre"
          - id: departement
            type: department
            label: "Département ?"
        computations:
          - id: periode
            deadline: renouvellement-titre
            date: expiration
            department: departement
        outcomes:
          - id: fenetre
            when: "procedure == renouvellement-titre"
            deadlines: [periode]
            documents: [lettre-prefecture]
        """

    static func problems(_ yaml: String) -> [InterviewProblem] {
        var reader = InterviewReader(path: "parcours/essai.yml")
        guard let definition = reader.read(yaml) else { return [] }
        return definition.validate()
    }

    @Test("the base fixture is valid")
    func baseIsValid() {
        let (definition, problems) = InterviewParser.parse(ContentFile(path: "parcours/essai.yml", text: Self.base))
        #expect(problems == [])
        #expect(definition?.questions.map(\.id) == ["procedure", "expiration", "departement"])
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let description: String
        let replace: String
        let with: String
        let kind: InterviewProblem.Kind
        let line: Int
        var testDescription: String { description }
    }

    @Test(
        "each kind of mistake is reported at its line",
        arguments: [
            Case(
                description: "duplicate id", replace: "  - id: departement", with: "  - id: procedure",
                kind: .duplicateID, line: 16),
            Case(
                description: "unknown variable in a condition", replace: "when: \"procedure == renouvellement-titre\"\n  - id: departement",
                with: "when: \"demarche == renouvellement-titre\"\n  - id: departement", kind: .unknownVariable, line: 12),
            Case(
                description: "unknown variable in a computation", replace: "    date: expiration", with: "    date: echeance",
                kind: .unknownVariable, line: 20),
            Case(
                description: "choice that does not exist", replace: "    when: \"procedure == renouvellement-titre\"\n    deadlines",
                with: "    when: \"procedure == renouvelement\"\n    deadlines", kind: .unknownChoice, line: 25),
            Case(
                description: "condition reading a later question", replace: "when: \"procedure == renouvellement-titre\"\n  - id: departement",
                with: "when: \"departement == 93\"\n  - id: departement", kind: .forwardReference, line: 12),
            Case(
                description: "question that can never be asked",
                replace: "when: \"procedure == renouvellement-titre\"\n  - id: departement",
                with: "when: \"procedure == autre and procedure == renouvellement-titre\"\n  - id: departement",
                kind: .unreachableQuestion, line: 12),
            Case(
                description: "question after a stop without condition", replace: "  - id: departement",
                with: "  - stop: fin\n    title: \"Fin\"\n  - id: departement", kind: .unreachableQuestion, line: 18),
            Case(
                description: "outcome no answer leads to", replace: "    when: \"procedure == renouvellement-titre\"\n    deadlines",
                with: "    when: \"expiration and procedure == autre\"\n    deadlines", kind: .unreachableOutcome, line: 25),
            Case(
                description: "unknown deadline rule", replace: "deadline: renouvellement-titre", with: "deadline: renouvellement",
                kind: .unknownRule, line: 20),
            Case(
                description: "unknown document", replace: "documents: [lettre-prefecture]", with: "documents: [lettre]",
                kind: .unknownDocument, line: 25),
            Case(
                description: "deadline that is not computed", replace: "deadlines: [periode]", with: "deadlines: [fenetre]",
                kind: .unknownDeadline, line: 25),
            Case(
                description: "date compared with a text", replace: "when: \"procedure == renouvellement-titre\"\n    deadlines",
                with: "when: \"procedure < today\"\n    deadlines", kind: .wrongType, line: 25),
            Case(
                description: "computations depending on each other", replace: "    department: departement",
                with: "    department: departement\n    when: \"autre_calcul\"\n  - id: autre_calcul\n    evidence: true\n    when: \"periode\"",
                kind: .cycle, line: 25),
            Case(
                description: "invalid variable name", replace: "  - id: departement", with: "  - id: Departement",
                kind: .invalidName, line: 16),
        ])
    func mistakes(_ row: Case) {
        #expect(Self.base.contains(row.replace), "fixture out of date")
        let problems = Self.problems(Self.base.replacing(row.replace, with: row.with))
        #expect(problems.contains { $0.kind == row.kind && $0.line == row.line }, "\(problems)")
    }

    @Test("syntax errors, unknown keys and a wrong file name are reported with file and line")
    func parseProblems() {
        let yaml = Self.base.replacing("when: \"procedure == renouvellement-titre\"\n    deadlines", with: "when: \"procedure ==\"\n    deadlines")
            .replacing("    label: \"Département ?\"", with: "    label: \"Département ?\"\n    labell: \"x\"")
        let (definition, problems) = InterviewParser.parse(ContentFile(path: "parcours/autre-nom.yml", text: yaml))
        #expect(definition == nil)
        #expect(problems.allSatisfy { $0.path == "parcours/autre-nom.yml" && $0.isBlocking })
        #expect(problems.contains { $0.line == 19 && $0.message.contains("labell") })
        #expect(problems.contains { $0.line == 27 && $0.message.contains("valeur attendue") })
        #expect(problems.contains { $0.message.contains("nom du fichier") })
    }

    @Test("broken YAML is one problem at its line")
    func brokenYAML() {
        let (definition, problems) = InterviewParser.parse(
            ContentFile(path: "parcours/essai.yml", text: "id: essai\ntitle: [\n"))
        #expect(definition == nil)
        #expect(problems.count == 1)
        #expect(problems.first?.message.hasPrefix("YAML illisible") == true)
    }

    @Test("interview paths are recognised", arguments: [
        ("parcours/refus-visa.yml", true), ("parcours/a/b.yml", false), ("tags.yml", false), ("parcours/x.md", false),
    ])
    func paths(path: String, expected: Bool) {
        #expect(InterviewParser.isInterviewPath(path) == expected)
    }
}
