import Testing
import GuichetCore
@testable import GuichetViews

@Suite("Community-language translations")
struct TranslationsTests {
    @Test("a file is read: known keys with the French placeholders kept, anything else refused and named")
    func parsesFile() {
        let json = """
            {"language": "so", "review": "draft", "strings": {
              "navHome": "Bogga hore",
              "searchResultsMany": "%1 natiijo oo loogu talagalay « %2 »",
              "searchResultsOne": "natiijo",
              "noSuchKey": "x",
              "navSearch": 3
            }}
            """
        let table = Translations.parse(Array(json.utf8), language: .so)
        #expect(table.strings[.navHome] == "Bogga hore")
        #expect(table.strings[.searchResultsMany] == "%1 natiijo oo loogu talagalay « %2 »")
        #expect(table.strings[.searchResultsOne] == nil, "its French has %1, the translation none")
        #expect(table.review == "draft")
        #expect(table.problems.count == 3)
        #expect(table.problems.contains("so.json : clé inconnue « noSuchKey »"))
        #expect(table.problems.contains("so.json : « searchResultsOne » n’a pas les mêmes %1, %2… que le français"))
    }

    @Test("an unreadable file is one problem, and every string falls back to French")
    func unreadableFile() {
        let table = Translations.parse(Array("{".utf8), language: .ti)
        #expect(table.strings.isEmpty)
        #expect(table.problems.count == 1)
    }

    @Test("the shipped files have no problem, and the completeness is counted over every string")
    func shippedFiles() {
        let report = Translations.completeness()
        #expect(report.map(\.language) == [.fa, .ps, .ti, .so])
        for language in report {
            #expect(language.problems == [], "\(language.language): \(language.problems)")
            #expect(language.total == UIString.allCases.count)
            #expect(language.translated + language.missing.count == language.total)
        }
    }

    @Test("a missing string is shown in French; arguments are bidi-isolated in right-to-left languages only")
    func localizer() {
        // The help desk's strings may be missing from a community language: French then.
        let key = UIString.allCases.first { Translations.text($0, .ti) == nil }
        if let key { #expect(Localizer(.ti)(key) == Localizer(.fr)(key)) }
        #expect(Localizer(.ar)(.pageOf, "2", "5").contains("\u{2068}2\u{2069}"))
        #expect(Localizer(.fa)(.pageOf, "2", "5").contains("\u{2068}5\u{2069}"))
        #expect(!Localizer(.so)(.pageOf, "2", "5").contains("\u{2068}"))
        #expect(!Localizer(.fr)(.pageOf, "2", "5").contains("\u{2068}"))
    }

    @Test("languages: direction, negotiation with Dari and Pashto codes, and the FALC languages")
    func languages() {
        #expect(UILanguage.allCases.filter(\.isRightToLeft) == [.ar, .fa, .ps])
        #expect(UILanguage.negotiate(acceptLanguage: "prs-AF, fr;q=0.5") == .fa)
        #expect(UILanguage.negotiate(acceptLanguage: "pbt") == .ps)
        #expect(UILanguage.negotiate(acceptLanguage: "ti-ER,en;q=0.3") == .ti)
        #expect(UILanguage.negotiate(acceptLanguage: "so") == .so)
        #expect(Guide.languageCodes == UILanguage.allCases.map(\.rawValue))
        #expect(DateText.long(LocalDate(year: 2026, month: 12, day: 3)!, .ti) == "3 ታሕሳስ 2026")
        #expect(DateText.long(LocalDate(year: 2026, month: 1, day: 9)!, .so) == "9 Janaayo 2026")
    }
}
