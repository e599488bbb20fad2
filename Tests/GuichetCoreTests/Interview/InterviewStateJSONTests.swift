import Testing
@testable import GuichetCore

@Suite("Interview state as JSON")
struct InterviewStateJSONTests {
    @Test("a state with every kind of answer, a cursor in a group and both flags survives the round trip")
    func roundTrip() throws {
        var entry = Answers()
        entry["at"] = .dateTime(LocalDateTime(date: try #require(LocalDate(iso: "2026-10-05")), time: try #require(LocalTime(iso: "08:59"))))
        entry["capture"] = .file("piece-1.png")
        entry["note"] = .skipped
        var answers = Answers()
        answers["departement"] = .choice("93")
        answers["nom"] = .text("Awa « Exemple »\nligne 2")
        answers["expiration"] = .date(try #require(LocalDate(iso: "2026-12-30")))
        answers["tentatives"] = .group(GroupAnswer(entries: [entry], isClosed: true))
        let state = InterviewState(
            answers: answers, cursor: .entry(group: "tentatives", index: 0, question: "note"), isChanging: true, isConfirmed: false)
        let text = JSONWriter.compact(state.json)
        let parsed = try InterviewState(json: JSONParser.parse(text))
        #expect(parsed == state)
        #expect(InterviewState(json: try JSONParser.parse(JSONWriter.compact(InterviewState().json))) == InterviewState())
        #expect(state.answers.fileReferences == ["piece-1.png"])
    }

    @Test("anything else is refused rather than half read", arguments: [
        #"{}"#, #"{"reponses":{},"ecran":null,"modification":false}"#,
        #"{"reponses":{},"ecran":"a..b","modification":false,"confirme":false}"#,
        #"{"reponses":{},"ecran":null,"modification":"non","confirme":false}"#,
        #"{"reponses":{},"ecran":null,"modification":false,"confirme":false,"autre":1}"#, #"[]"#,
    ])
    func refused(text: String) throws {
        #expect(InterviewState(json: try JSONParser.parse(text)) == nil)
    }
}
